"""What every format reader returns, before the quality gate turns facts into warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

from skillcheck.document import Block, BlockKind, ReadWarning


@dataclass
class ReadResult:
    """Blocks in reading order plus the layout facts only the reader can see."""

    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    #: pages (1-based) whose text was read column by column
    multi_column_pages: list[int] = field(default_factory=list)
    #: pages (1-based) that hold images but no text
    image_only_pages: list[int] = field(default_factory=list)
    #: pages actually analysed when the file has more than the limit
    pages_read: int | None = None
    #: glyphs without a Unicode mapping ("(cid:N)") that were dropped
    unmapped_glyphs: int = 0
    warnings: list[ReadWarning] = field(default_factory=list)


class BlockList:
    """Collects blocks, numbering them by order for formats without lines or pages."""

    def __init__(self, *, number_paragraphs: bool = True) -> None:
        self.blocks: list[Block] = []
        self._number = number_paragraphs

    def add(self, text: str, kind: BlockKind = "paragraph", *, line: int | None = None) -> None:
        """Add a block; empty text is dropped so readers need not check."""
        text = text.strip()
        if not text:
            return
        paragraph = len(self.blocks) + 1 if self._number else None
        self.blocks.append(Block(text=text, kind=kind, line=line, paragraph=paragraph))
