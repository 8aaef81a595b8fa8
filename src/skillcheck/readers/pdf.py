"""PDF via pdfminer.six, with our own reading order.

pdfminer's box ordering interleaves the columns of sidebar and two-column CVs,
so this reader only takes pdfminer's text *lines* and orders them itself: per
page it looks for a vertical gutter between text lines, reads each column top
to bottom, and keeps full-width lines (name, contact line) and row-aligned
pairs (a job title with its date on the right) in row order. Lines are then
grouped into blocks: a bullet wrapped over several lines is one block.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pdfminer.layout import LAParams, LTChar, LTContainer, LTImage, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSEOF

from skillcheck.document import Block, BlockKind
from skillcheck.errors import ReadError
from skillcheck.limits import DEFAULT_LIMITS, Limits
from skillcheck.readers import pdfguard
from skillcheck.readers.base import ReadResult
from skillcheck.readers.cleanup import (
    clean_text,
    ends_sentence,
    join_lines,
    looks_like_heading,
    strip_bullet,
    words_of,
)

NO_TEXT_LAYER = "The PDF has no text layer (a scanned image?); run OCR first."

# Lines are built by pdfminer with its default char_margin (2.0), which splits
# text at gaps wider than two characters: columns never share a line.
_LAPARAMS = LAParams(line_margin=0.5, all_texts=True, boxes_flow=None)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)
_LONE_MARKER = re.compile(r"^(?:[•●▪◦‣■□►▸➢✓✔❖◆○∙·\-–*]|\d{1,2}[.)])$")
_DATE_LIKE = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d{1,2}[./]\d{2,4}\b|present|now|current|obecnie|nadal|kini|sekarang",
    re.IGNORECASE,
)
_MIN_GUTTER = 6.0  # points of clear space between two columns

pdfguard.install()


@dataclass
class _Line:
    """One physical text line on a page (PDF coordinates: y grows upwards)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    bold: bool
    heading: bool = False  # bold or larger than the body text, short
    caps: bool = False  # a short line in capitals: a heading unless it continues a line
    bullet: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class _Block:
    lines: list[_Line] = field(default_factory=list)
    kind: BlockKind = "paragraph"
    page: int = 1

    @property
    def last(self) -> _Line:
        return self.lines[-1]


def read_pdf(data: bytes, limits: Limits | None = None) -> ReadResult:
    """Read a PDF: blocks with page numbers, columns kept apart, image-only pages noted.

    Only the first ``limits.max_pages`` pages are read, and the streams pdfminer
    decodes may inflate to ``limits.max_unzipped_bytes`` in all.
    """
    limits = limits or DEFAULT_LIMITS
    with pdfguard.budget(limits.max_unzipped_bytes) as spent:
        try:
            result = _read(data, limits.max_pages)
        except PSEOF:
            raise ReadError("corrupt", "The PDF file is cut short: it ends unexpectedly.") from None
    if spent.exceeded:  # a library swallowed the error: the budget still knows
        raise spent.error()
    return result


def _read(data: bytes, max_pages: int) -> ReadResult:
    parser = PDFParser(io.BytesIO(data))
    try:
        document = PDFDocument(parser, password="")
    except PDFPasswordIncorrect:
        raise ReadError("encrypted", "The PDF is protected by a password.") from None
    except PDFEncryptionError as exc:
        raise ReadError("encrypted", f"The PDF's encryption is not supported: {exc}") from None
    total = _page_count(document)
    manager = PDFResourceManager(caching=True)
    from pdfminer.converter import PDFPageAggregator

    device = PDFPageAggregator(manager, laparams=_LAPARAMS)
    interpreter = PDFPageInterpreter(manager, device)
    result = ReadResult()
    page_blocks: list[tuple[int, list[list[_Line]]]] = []
    read = 0
    for number, page in enumerate(PDFPage.create_pages(document), 1):
        if number > max_pages:
            break
        read = number
        interpreter.process_page(page)
        layout = device.get_result()
        lines, has_image, unmapped = _lines_of(layout)
        result.unmapped_glyphs += unmapped
        if not lines:
            if has_image:
                result.image_only_pages.append(number)
            continue
        segments, columns = _reading_order(lines)
        # Inside one column, wider justified gaps can be joined safely.
        segments = [_top_down(_merge_fragments(seg, 3.0)) for seg in segments]
        if columns:
            result.multi_column_pages.append(number)
        page_blocks.append((number, segments))
    total = max(total or 0, read)
    result.pages = total
    if total > read:
        result.pages_read = read
    if not page_blocks:
        raise ReadError("no-text-layer", NO_TEXT_LAYER)
    known = words_of(line.text for _, segs in page_blocks for seg in segs for line in seg)
    result.blocks = _to_blocks(page_blocks, known)
    return result


def _page_count(document: PDFDocument) -> int | None:
    try:
        pages = resolve1(document.catalog["Pages"])
        count = resolve1(pages["Count"])
        return int(count) if isinstance(count, int) else None
    except Exception:  # a broken page tree: count while reading instead
        return None


# --- lines ----------------------------------------------------------------------


def _walk(item: Any) -> Iterator[Any]:
    yield item
    if isinstance(item, LTContainer) and not isinstance(item, LTTextLine):
        for child in item:
            yield from _walk(child)


def _lines_of(layout: Any) -> tuple[list[_Line], bool, int]:
    """The page's text lines (cleaned, bullets merged), whether it holds images, and
    how many glyphs had no Unicode mapping."""
    lines: list[_Line] = []
    has_image = False
    unmapped = 0
    for item in _walk(layout):
        if isinstance(item, LTImage):
            has_image = True
        elif isinstance(item, LTTextLine):
            unmapped += item.get_text().count("(cid:")
            line = _make_line(item)
            if line is not None:
                lines.append(line)
    lines = _merge_lone_markers(_merge_fragments(lines, 1.6))
    body = _body_size(lines)
    for line in lines:
        bullet = strip_bullet(line.text)
        line.bullet = bullet.is_item
        line.caps = not bullet.is_item and looks_like_heading(line.text)
        line.heading = (
            not bullet.is_item
            and (line.bold or line.size >= body * 1.15)
            and line.words <= 12
            and not ends_sentence(line.text)
        )
    return lines, has_image, unmapped


def _merge_fragments(lines: list[_Line], spaces: float) -> list[_Line]:
    """Rejoin pieces of one line that pdfminer split at wide (justified) word gaps.

    Pieces on the same baseline closer than ``spaces`` font sizes are one line;
    column gutters and right-aligned dates are further apart than that.
    """
    rows: dict[int, list[_Line]] = {}
    for line in lines:
        rows.setdefault(round(line.y0), []).append(line)
    out: list[_Line] = []
    for row in rows.values():
        row.sort(key=lambda ln: ln.x0)
        current = row[0]
        for nxt in row[1:]:
            if 0 <= nxt.x0 - current.x1 < spaces * max(current.size, nxt.size):
                current = _Line(
                    f"{current.text} {nxt.text}",
                    current.x0,
                    nxt.x1,
                    min(current.y0, nxt.y0),
                    max(current.y1, nxt.y1),
                    max(current.size, nxt.size),
                    current.bold and nxt.bold,
                )
            else:
                out.append(current)
                current = nxt
        out.append(current)
    return out


def _make_line(item: LTTextLine) -> _Line | None:
    text = clean_text(item.get_text())
    if not text:
        return None
    chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
    sizes = [c.size for c in chars] or [item.height]
    bold = sum(1 for c in chars if _BOLD.search(c.fontname or "")) >= 0.8 * max(len(chars), 1)
    return _Line(text, item.x0, item.x1, item.y0, item.y1, statistics.median(sizes), bold)


def _merge_lone_markers(lines: list[_Line]) -> list[_Line]:
    """A bullet glyph drawn apart from its text becomes part of the line to its right."""
    markers = [ln for ln in lines if _LONE_MARKER.match(ln.text)]
    if not markers:
        return lines
    used: set[int] = set()
    for m in markers:
        mid = (m.y0 + m.y1) / 2
        best = min(
            (
                ln
                for ln in lines
                if ln is not m
                and id(ln) not in used
                and ln.y0 <= mid <= ln.y1
                and 0 <= ln.x0 - m.x1 < 40
            ),
            key=lambda ln: ln.x0 - m.x1,
            default=None,
        )
        if best is not None:
            best.text = "• " + best.text
            best.x0 = m.x0
            used.add(id(m))
    return [ln for ln in lines if id(ln) not in used]


def _body_size(lines: list[_Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


# --- reading order --------------------------------------------------------------


def _top_down(lines: Iterable[_Line]) -> list[_Line]:
    return sorted(lines, key=lambda ln: (-round(ln.y1), ln.x0))


def _reading_order(lines: list[_Line], depth: int = 0) -> tuple[list[list[_Line]], bool]:
    """Segments of lines in reading order; True when columns were read separately.

    A segment is read top to bottom. Full-width lines cut the page into bands;
    in a band with text on both sides of a gutter, the left column is read
    before the right one.
    """
    gutter = _find_gutter(lines) if depth < 3 else None
    if gutter is None:
        return [_top_down(lines)], False
    segments: list[list[_Line]] = []
    row_wise: list[_Line] = []
    for band, is_columns in _bands(lines, gutter):
        if not is_columns:
            row_wise.extend(band)
            continue
        if row_wise:
            segments.append(_top_down(row_wise))
            row_wise = []
        for side in _sides(band, gutter):
            sub, _ = _reading_order(side, depth + 1)
            segments.extend(sub)
    if row_wise:
        segments.append(_top_down(row_wise))
    return segments, True


def _sides(lines: list[_Line], gutter: float) -> tuple[list[_Line], list[_Line]]:
    left = [ln for ln in lines if ln.x1 <= gutter]
    right = [ln for ln in lines if ln.x1 > gutter]
    return left, right


def _crosses(line: _Line, gutter: float) -> bool:
    return line.x0 < gutter - 2 and line.x1 > gutter + 2


def _bands(lines: list[_Line], gutter: float) -> list[tuple[list[_Line], bool]]:
    """Cut at lines crossing the gutter; say which bands hold two real columns."""
    bands: list[list[_Line]] = [[]]
    for line in _top_down(lines):
        if _crosses(line, gutter):
            bands.append([line])
            bands.append([])
        else:
            bands[-1].append(line)
    out: list[tuple[list[_Line], bool]] = []
    for band in bands:
        if band:
            out.append((band, _is_two_columns(band, gutter)))
    return out


def _is_two_columns(band: list[_Line], gutter: float) -> bool:
    if any(_crosses(ln, gutter) for ln in band):
        return False
    left = [ln for ln in band if ln.x1 <= gutter]
    right = [ln for ln in band if ln.x0 >= gutter]
    if len(left) < 2 or len(right) < 2:
        return False
    if max(ln.x1 for ln in left) > gutter - _MIN_GUTTER:
        return False
    if _is_date_column(left) or _is_date_column(right):
        return False
    # Label/value rows (a table) line up; real columns do not, or hold long text.
    right_bases = [round(ln.y0) for ln in right]
    aligned = sum(1 for ln in left if any(abs(round(ln.y0) - b) <= 1 for b in right_bases))
    short_left = all(ln.words <= 5 for ln in left)
    return not (aligned >= 0.8 * len(left) and short_left)


def _is_date_column(lines: list[_Line]) -> bool:
    """A margin of dates beside job titles is not a column to read on its own."""
    dated = sum(1 for ln in lines if _DATE_LIKE.search(ln.text) and ln.words <= 6)
    return dated >= 0.6 * len(lines) and all(ln.words <= 6 for ln in lines)


def _find_gutter(lines: list[_Line]) -> float | None:
    """The x of the left edge of a right-hand column, if the page has one."""
    if len(lines) < 6:
        return None
    # A column starts where several lines start: try those left edges only.
    starts = Counter(round(ln.x0) for ln in lines)
    candidates = sorted(x for x, n in starts.most_common(40) if n >= 2)
    best: tuple[int, float] | None = None
    for x in candidates:
        gutter = float(x) - 1
        left = sum(1 for ln in lines if ln.x1 <= gutter)
        right = sum(1 for ln in lines if ln.x0 >= gutter)
        if left < 3 or right < 3:
            continue
        in_columns = sum(len(band) for band, ok in _bands(lines, gutter) if ok)
        if in_columns >= max(6, 0.4 * len(lines)) and (best is None or in_columns > best[0]):
            best = (in_columns, gutter)
    return best[1] if best else None


# --- blocks ---------------------------------------------------------------------


def _pitch(lines: list[_Line]) -> float:
    """The usual baseline distance between consecutive lines of one paragraph."""
    diffs = [
        round(a.y0 - b.y0, 1)
        for a, b in zip(lines, lines[1:], strict=False)
        if 0 < a.y0 - b.y0 < 2.5 * max(a.size, b.size) and b.x0 < a.x1 and a.x0 < b.x1
    ]
    if not diffs:
        return 1.25 * statistics.median(ln.size for ln in lines)
    return min(Counter(diffs).most_common(3), key=lambda kv: (-kv[1], kv[0]))[0]


def _joins(block: _Block, line: _Line, pitch: float, right_edge: float) -> bool:
    """Whether ``line`` continues ``block`` on the same page and in the same column."""
    prev = block.last
    if line.bullet or line.heading != prev.heading:
        return False
    if line.caps and (ends_sentence(prev.text) or block.kind == "heading"):
        return False
    if not (line.x0 < prev.x1 and prev.x0 < line.x1):  # no horizontal overlap
        return False
    gap = prev.y0 - line.y0
    if gap <= 0 or gap > pitch * 1.15 + 0.5:
        return False
    if block.kind == "heading":
        return line.size == prev.size
    # A line that stops well short of the column edge was not wrapped: the
    # paragraph (or a line such as a job title) ended there, unless the next
    # line goes on in lower case.
    short = prev.x1 < right_edge - 0.2 * (right_edge - prev.x0)
    return not (short and not line.text[:1].islower())


def _continues_across(block: _Block, line: _Line) -> bool:
    """A paragraph cut by a column or page break: no end punctuation, lower-case start."""
    return (
        block.kind in ("paragraph", "list-item")
        and not line.bullet
        and not line.heading
        and not line.caps
        and not ends_sentence(block.last.text)
        and line.text[:1].islower()
    )


def _to_blocks(pages: list[tuple[int, list[list[_Line]]]], known: set[str]) -> list[Block]:
    blocks: list[_Block] = []
    for number, segments in pages:
        for segment in segments:
            pitch = _pitch(segment)
            right_edge = max(ln.x1 for ln in segment)
            recent: list[_Block] = []  # open blocks of this segment, newest last
            for i, line in enumerate(segment):
                if i == 0 and blocks and _continues_across(blocks[-1], line):
                    blocks[-1].lines.append(line)
                    recent.append(blocks[-1])
                    continue
                target = next(
                    (b for b in reversed(recent[-3:]) if _joins(b, line, pitch, right_edge)),
                    None,
                )
                if target is not None:
                    target.lines.append(line)
                    continue
                kind: BlockKind = (
                    "heading"
                    if line.heading or line.caps
                    else "list-item"
                    if line.bullet
                    else "paragraph"
                )
                block = _Block([line], kind, number)
                blocks.append(block)
                recent.append(block)
    out: list[Block] = []
    for b in blocks:
        texts = [ln.text for ln in b.lines]
        texts[0] = strip_bullet(texts[0]).text if b.kind == "list-item" else texts[0]
        text = join_lines(texts, known)
        if text:
            out.append(Block(text=text, kind=b.kind, page=b.page))
    return out
