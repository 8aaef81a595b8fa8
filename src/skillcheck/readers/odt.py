"""ODT: content.xml and styles.xml parsed with defusedxml (no DTDs, no entities)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from skillcheck.document import BlockKind
from skillcheck.errors import ReadError
from skillcheck.limits import Limits
from skillcheck.readers.base import BlockList, ReadResult
from skillcheck.readers.cleanup import Line, ends_sentence, group_lines
from skillcheck.readers.package import Package

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"

# Inline elements whose content is not running text: notes, comments, deleted changes.
_SKIP_INLINE = {
    f"{_TEXT}note",
    f"{_OFFICE}annotation",
    f"{_TEXT}tracked-changes",
    f"{_TEXT}bookmark-ref",
}
_CONTAINERS = {
    f"{_TEXT}section",
    f"{_TEXT}index-body",
    f"{_DRAW}text-box",
    f"{_TABLE}table-header-rows",
    f"{_TABLE}table-rows",
    f"{_TABLE}table-row-group",
    f"{_TEXT}soft-page-break",
}


def _parse(package: Package, name: str) -> Any:
    try:
        return fromstring(package.read_xml(name))
    except DefusedXmlException:
        raise ReadError(
            "corrupt", f"The document part {name} declares a DTD or entities."
        ) from None


class _Walker:
    def __init__(self, heading_styles: set[str]) -> None:
        self.blocks = BlockList()
        self.heading_styles = heading_styles

    def content(self, parent: Any, kind: BlockKind = "paragraph") -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{_TEXT}h":
                self.paragraph(child, kind if kind in ("header", "footer") else "heading")
            elif tag == f"{_TEXT}p":
                style = child.get(f"{_TEXT}style-name", "")
                heading = style in self.heading_styles and kind == "paragraph"
                self.paragraph(child, "heading" if heading else kind)
            elif tag == f"{_TEXT}list":
                for item in child:
                    if item.tag in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                        self.content(item, kind if kind in ("header", "footer") else "list-item")
            elif tag == f"{_TABLE}table":
                self.table(child, kind)
            elif tag in _CONTAINERS:
                self.content(child, kind)

    def paragraph(self, p: Any, kind: BlockKind) -> None:
        parts: list[str] = []
        boxes: list[Any] = []
        _inline(p, parts, boxes)
        for group in group_lines(_lines(parts), wrapped_at=0):
            self.blocks.add(
                group.text, "list-item" if kind == "paragraph" and group.is_item else kind
            )
        for box in boxes:
            self.content(box, kind)

    def table(self, table: Any, kind: BlockKind) -> None:
        for row in _rows(table):
            for cell in row:
                if cell.tag != f"{_TABLE}table-cell":
                    continue  # covered (merged) cells hold nothing of their own
                texts: list[str] = []
                nested: list[Any] = []
                for el in cell:
                    if el.tag == f"{_TABLE}table":
                        nested.append(el)
                        continue
                    parts: list[str] = []
                    _inline(el, parts, nested)
                    texts.extend(g.text for g in group_lines(_lines(parts), wrapped_at=0))
                out = ""
                for t in texts:
                    out = t if not out else out + (" " if ends_sentence(out) else " | ") + t
                self.blocks.add(out, kind if kind in ("header", "footer") else "table-cell")
                for el in nested:
                    if el.tag == f"{_TABLE}table":
                        self.table(el, kind)
                    else:
                        self.content(el, kind)


_ROW_GROUPS = {f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group"}


def _rows(table: Any) -> Iterator[Any]:
    """The table's own rows (not those of tables nested in its cells)."""
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _lines(parts: list[str]) -> list[Line]:
    return [Line(t, n) for n, t in enumerate("".join(parts).split("\n"), 1)]


def _inline(el: Any, parts: list[str], boxes: list[Any]) -> None:
    """Text of a paragraph-like element; frames' text boxes are set aside."""
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1")))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag == f"{_DRAW}text-box":
            boxes.append(child)
        elif tag in (f"{_TEXT}p", f"{_TEXT}h", f"{_TEXT}list-item"):
            _inline(child, parts, boxes)  # paragraphs inside a list in a table cell
            parts.append("\n")
        elif tag not in _SKIP_INLINE:
            _inline(child, parts, boxes)
        if child.tail:
            parts.append(child.tail)


def _heading_styles(*roots: Any) -> set[str]:
    """Paragraph styles named or derived from Heading/Title (automatic styles P1 etc.)."""
    parents: dict[str, str] = {}
    for root in roots:
        for style in root.iter(f"{_STYLE}style"):
            name = style.get(f"{_STYLE}name", "")
            parents[name] = style.get(f"{_STYLE}parent-style-name", "")
    found: set[str] = set()
    for name in parents:
        seen: set[str] = set()
        current = name
        while current and current not in seen:
            seen.add(current)
            if current.lower().startswith(("heading", "title")):
                found.add(name)
                break
            current = parents.get(current, "")
    return found


def read_odt(data: bytes, limits: Limits | None = None) -> ReadResult:
    """Read an ODT: master-page headers, the body, then footers."""
    with closing(Package(data, limits, "ODT")) as package:
        content = _parse(package, "content.xml")
        styles = _parse(package, "styles.xml") if "styles.xml" in package.names else None
    roots = [content] + ([styles] if styles is not None else [])
    walker = _Walker(_heading_styles(*roots))
    regions: dict[str, list[Any]] = {"header": [], "footer": []}
    if styles is not None:
        for page in styles.iter(f"{_STYLE}master-page"):
            for child in page:
                local = child.tag.rsplit("}", 1)[-1]
                if local.startswith("header"):
                    regions["header"].append(child)
                elif local.startswith("footer"):
                    regions["footer"].append(child)
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise ReadError("corrupt", "The ODT file has no text body.")
    _read_regions(walker, regions["header"], "header")
    walker.content(body)
    _read_regions(walker, regions["footer"], "footer")
    return ReadResult(blocks=walker.blocks.blocks)


def _read_regions(walker: _Walker, regions: list[Any], kind: BlockKind) -> None:
    seen: set[str] = set()
    for region in regions:
        before = len(walker.blocks.blocks)
        walker.content(region, kind)
        added = tuple(b.text for b in walker.blocks.blocks[before:])
        key = "\n".join(added)
        if key in seen:  # the same header on several master pages: keep it once
            del walker.blocks.blocks[before:]
        seen.add(key)
