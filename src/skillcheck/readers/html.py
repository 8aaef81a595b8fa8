"""HTML via BeautifulSoup (html.parser): block elements become blocks, scripts dropped."""

from __future__ import annotations

import warnings
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, Tag

from skillcheck.document import BlockKind
from skillcheck.readers.base import BlockList, ReadResult
from skillcheck.readers.cleanup import Line, group_lines

_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "math",
    "iframe",
    "object",
    "button",
    "select",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "footer",
    "nav",
    "address",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "li",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "legend",
    "hr",
    "body",
    "html",
    "details",
    "summary",
} | _HEADINGS


class _Builder:
    """Collects inline text until a block boundary, then adds it with the right kind."""

    def __init__(self) -> None:
        self.blocks = BlockList()
        self.buffer: list[str] = []
        self.kind: BlockKind = "paragraph"

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        lines = [Line(t, n) for n, t in enumerate(text.split("\n"), 1)]
        for group in group_lines(lines, wrapped_at=0):
            kind = "list-item" if self.kind == "paragraph" and group.is_item else self.kind
            self.blocks.add(group.text, kind)

    def walk(self, node: Any, kind: BlockKind) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a CData/Doctype/declaration
                    self.buffer.append(" ".join(str(child).split(" ")).replace("\n", " "))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _DROP:
                continue
            if name == "br":
                self.buffer.append("\n")
                continue
            if name not in _BLOCKS:
                self.walk(child, kind)
                continue
            inner = _kind_of(name, kind)
            self.flush()
            self.kind = inner
            self.walk(child, inner)
            self.flush()
            self.kind = kind


def _kind_of(name: str, outer: BlockKind) -> BlockKind:
    if name in _HEADINGS:
        return "heading"
    if name == "li":
        return "list-item"
    if name in ("td", "th"):
        return "table-cell"
    return outer


def read_html(data: bytes) -> ReadResult:
    """Read an HTML file; the encoding comes from its meta tag or detection."""
    with warnings.catch_warnings():  # bs4 warns (prints) about input it finds odd
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(data, "html.parser")
    builder = _Builder()
    builder.walk(soup, "paragraph")
    builder.flush()
    return ReadResult(blocks=builder.blocks.blocks)
