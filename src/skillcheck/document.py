"""What a reader hands to the checker: text blocks with their location."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list-item", "table-cell", "header", "footer"]


@dataclass(frozen=True)
class Block:
    """One unit of text as a reader sees it: a paragraph, list item, table cell or heading.

    A list item or paragraph that wraps over several physical lines is one block.
    Location: ``page`` (1-based) for paged formats; ``line`` (1-based line of the
    source where the block starts) for text formats; ``paragraph`` (1-based
    order of the block in the document) for formats without lines or pages.
    """

    text: str
    kind: BlockKind = "paragraph"
    page: int | None = None
    line: int | None = None
    paragraph: int | None = None

    def location(self) -> dict[str, int]:
        """The location fields that are known, for reports."""
        loc: dict[str, int] = {}
        if self.page is not None:
            loc["page"] = self.page
        if self.line is not None:
            loc["line"] = self.line
        if self.paragraph is not None:
            loc["paragraph"] = self.paragraph
        return loc


@dataclass(frozen=True)
class ReadWarning:
    """A quality problem found while reading; the report must show it."""

    code: str  # e.g. "multi-column", "image-only-pages", "little-text"
    message: str


@dataclass
class Document:
    """The text of one file, in reading order, with what went wrong while reading it."""

    path: str
    format: str  # "pdf", "docx", "txt", "md", "odt", "rtf", "html", "tex", "json"
    blocks: list[Block]
    warnings: list[ReadWarning] = field(default_factory=list)
    pages: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)
