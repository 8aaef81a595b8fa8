"""DOCX: python-docx opens the package; we walk the XML so every text appears exactly once.

python-docx's own API repeats merged table cells, misses text boxes and content
controls, and includes deleted revisions; walking ``w:body`` ourselves gets
document order right: body paragraphs, tables (nested), text boxes (but not
their ``mc:Fallback`` copy), content controls; headers and footers once each.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import Any

import docx

from skillcheck.document import BlockKind
from skillcheck.errors import ReadError
from skillcheck.limits import Limits
from skillcheck.readers.base import BlockList, ReadResult
from skillcheck.readers.cleanup import Line, ends_sentence, group_lines
from skillcheck.readers.package import Package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HEADING_STYLE = re.compile(r"^(heading\s*\d|title|subtitle)$", re.IGNORECASE)

# Elements whose text is not part of what the reader sees.
_SKIP = {
    f"{_W}del",
    f"{_W}moveFrom",
    f"{_W}delText",
    f"{_W}instrText",
    f"{_W}delInstrText",
    f"{_W}pPr",
    f"{_W}rPr",
    f"{_W}sdtPr",
    f"{_W}sdtEndPr",
    f"{_W}tblPr",
    f"{_W}trPr",
    f"{_W}tcPr",
    f"{_W}commentReference",
    f"{_MC}Fallback",
}


def check_package(data: bytes, limits: Limits | None = None) -> None:
    """Check the zip against the limits and refuse XML parts with a DTD, before python-docx
    parses anything (its lxml parser expands no entities either: defence in depth)."""
    with closing(Package(data, limits, "DOCX")) as package:
        for name in sorted(package.names):
            if name.endswith((".xml", ".rels")):
                package.read_xml(name)


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    heading: bool
    listed: bool


def _styles(document: Any) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    for el in document.styles.element.iter(f"{_W}style"):
        sid = el.get(f"{_W}styleId")
        if not sid:
            continue
        name_el = el.find(f"{_W}name")
        based = el.find(f"{_W}basedOn")
        ppr = el.find(f"{_W}pPr")
        outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        name = name_el.get(f"{_W}val", "") if name_el is not None else ""
        styles[sid] = _Style(
            name=name,
            based_on=based.get(f"{_W}val") if based is not None else None,
            heading=bool(_HEADING_STYLE.match(name)) or _is_outline(outline),
            listed=name.lower().startswith("list") or _has_numbering(numpr),
        )
    return styles


def _is_outline(el: Any) -> bool:
    if el is None:
        return False
    val = el.get(f"{_W}val", "9")
    return val.isdigit() and int(val) < 9


def _has_numbering(numpr: Any) -> bool:
    if numpr is None:
        return False
    num_id = numpr.find(f"{_W}numId")
    return num_id is None or num_id.get(f"{_W}val", "0") != "0"


class _Walker:
    """Walks block-level content in document order, adding blocks."""

    def __init__(self, styles: dict[str, _Style], blocks: BlockList) -> None:
        self.styles = styles
        self.blocks = blocks

    def _style_chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            style = self.styles[sid]
            yield style
            sid = style.based_on

    def _kind(self, p: Any, default: BlockKind) -> BlockKind:
        if default != "paragraph":
            return default
        ppr = p.find(f"{_W}pPr")
        sid = None
        if ppr is not None:
            style = ppr.find(f"{_W}pStyle")
            sid = style.get(f"{_W}val") if style is not None else None
            if _is_outline(ppr.find(f"{_W}outlineLvl")):
                return "heading"
            if _has_numbering(ppr.find(f"{_W}numPr")):
                return "list-item"
        chain = list(self._style_chain(sid))
        if any(s.heading for s in chain):
            return "heading"
        if any(s.listed for s in chain):
            return "list-item"
        return "paragraph"

    def content(self, parent: Any, kind: BlockKind = "paragraph") -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph(child, kind)
            elif tag == f"{_W}tbl":
                self.table(child, kind)
            elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
                self.content(child, kind)
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")
                if choice is not None:
                    self.content(choice, kind)

    def paragraph(self, p: Any, default: BlockKind) -> None:
        parts: list[str] = []
        boxes: list[Any] = []
        _collect(p, parts, boxes)
        kind = self._kind(p, default)
        lines = [Line(t, n) for n, t in enumerate("".join(parts).split("\n"), 1)]
        for group in group_lines(lines, wrapped_at=0):
            # A bullet typed by hand makes a list item; headers stay headers.
            self.blocks.add(
                group.text, "list-item" if kind == "paragraph" and group.is_item else kind
            )
        for box in boxes:
            self.content(box, default)

    def cell_text(self, tc: Any) -> tuple[str, list[Any]]:
        """A cell's own paragraphs as one text; nested tables are returned apart."""
        texts: list[str] = []
        nested: list[Any] = []
        for el in _cell_content(tc):
            if el.tag == f"{_W}tbl":
                nested.append(el)
                continue
            parts: list[str] = []
            boxes: list[Any] = []
            _collect(el, parts, boxes)
            for group in group_lines(
                [Line(t, n) for n, t in enumerate("".join(parts).split("\n"), 1)], wrapped_at=0
            ):
                texts.append(group.text)
            nested.extend(boxes)
        out = ""
        for t in texts:
            # Separate paragraphs stay separate passages: " | " is the core's cell split.
            out = t if not out else out + (" " if ends_sentence(out) else " | ") + t
        return out, nested

    def table(self, tbl: Any, kind: BlockKind) -> None:
        for tr in tbl.iter(f"{_W}tr"):
            if _owner_table(tr) is not tbl:
                continue
            for tc in tr.iter(f"{_W}tc"):
                if _owner_table(tc) is not tbl or _is_vmerge_continuation(tc):
                    continue
                text, nested = self.cell_text(tc)
                self.blocks.add(text, kind if kind in ("header", "footer") else "table-cell")
                for el in nested:
                    if el.tag == f"{_W}tbl":
                        self.table(el, kind)
                    else:
                        self.content(el, kind)


def _owner_table(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{_W}tbl":
        parent = parent.getparent()
    return parent


def _cell_content(tc: Any) -> Iterator[Any]:
    """Paragraphs and tables of a cell, looking through content controls."""
    for child in tc:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _cell_content(child)


def _is_vmerge_continuation(tc: Any) -> bool:
    tcpr = tc.find(f"{_W}tcPr")
    if tcpr is None:
        return False
    vmerge = tcpr.find(f"{_W}vMerge")
    return vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue"


def _collect(el: Any, parts: list[str], boxes: list[Any]) -> None:
    """Visible text of a paragraph; text boxes are set aside, not descended into."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}txbxContent":
            boxes.append(child)
        else:
            _collect(child, parts, boxes)


def _parts_once(document: Any, attr: str) -> Iterator[Any]:
    """Header or footer parts referenced by any section, each once, in section order."""
    seen: set[str] = set()
    body = document.element.body
    tag = f"{_W}{attr}Reference"
    for ref in body.iter(tag):
        rid = ref.get(f"{_R}id")
        part = document.part.related_parts.get(rid) if rid else None
        if part is None or str(part.partname) in seen:
            continue
        seen.add(str(part.partname))
        yield part.element


def read_docx(data: bytes, limits: Limits | None = None) -> ReadResult:
    """Read a DOCX: headers, body in order, footers; comments and deletions left out."""
    check_package(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except KeyError as exc:  # a part named by a relationship is missing from the zip
        raise ReadError("corrupt", f"The DOCX is missing a part: {exc.args[0]}") from None
    blocks = BlockList()
    walker = _Walker(_styles(document), blocks)
    for header in _parts_once(document, "header"):
        walker.content(header, "header")
    walker.content(document.element.body)
    for footer in _parts_once(document, "footer"):
        walker.content(footer, "footer")
    return ReadResult(blocks=blocks.blocks)
