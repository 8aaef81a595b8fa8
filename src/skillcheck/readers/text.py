"""Plain text and Markdown: decode the bytes right, then one block per logical line."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from skillcheck.errors import ReadError
from skillcheck.readers.base import BlockList, ReadResult
from skillcheck.readers.cleanup import Line, clean_text, group_lines, strip_bullet, wrap_width

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Letters whose presence in a decoding is good evidence for it (Polish CVs are
# the usual non-UTF-8 files; Malay and English are ASCII).
_POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_SINGLE_BYTE_CANDIDATES = ("cp1250", "iso8859_2", "cp1252")
_SAMPLE = 200_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text file; raise ``ReadError('decode-error')`` if hopeless.

    BOMs win; then UTF-16 without a BOM (NULs in every other byte); then strict
    UTF-8; then the candidate that reads most like text.
    Charset detection alone is unreliable on short Polish text (Windows-1250 is
    often taken for Windows-1252 or ISO-8859-2), so single-byte candidates are
    compared by how many letters they break inside words.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError("decode-error", f"Broken {encoding} text: {exc.reason}.") from None
    # Before UTF-8: UTF-16 of ASCII and Polish letters is also valid UTF-8, full of NULs.
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[int, int, int, str]] = []
    seen: set[str] = set()
    detected = charset_normalizer.from_bytes(data)
    names = [m.encoding for m in detected][:5] + list(_SINGLE_BYTE_CANDIDATES)
    for rank, name in enumerate(names):
        key = codecs.lookup(name).name
        if key in seen:
            continue
        seen.add(key)
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        sample = text[:_SAMPLE]  # scoring a prefix is enough, and fast on big files
        candidates.append((_badness(sample), -sum(c in _POLISH for c in sample), rank, text))
    if not candidates:
        raise ReadError("decode-error", "The text encoding could not be recognised.")
    best = min(candidates)
    if best[0] > max(3, min(len(best[3]), _SAMPLE) // 20):
        raise ReadError("decode-error", "The text encoding could not be recognised.")
    return best[3]


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a NUL in every other byte of ASCII text."""
    if len(data) < 4 or data.count(0) < len(data) // 4:
        return None
    encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _badness(text: str) -> int:
    """Characters that no real text has: controls, and symbols wedged between letters."""
    bad = len(_CONTROL.findall(text))
    for i in range(1, len(text) - 1):
        c = text[i]
        if not c.isalpha() and not c.isspace() and text[i - 1].isalpha() and text[i + 1].isalpha():
            if c in "-'’.·/&_@":
                continue
            bad += 1
    return bad


# --- Markdown -------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_MD_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: keep alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>]+|[^@\s>]+@[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tag
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),  # backslash escapes
)


def strip_markdown_inline(text: str) -> str:
    """Emphasis, code, link and HTML syntax removed; the words stay."""
    text = text.rstrip("\\").rstrip()
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return text


def _table_row(text: str) -> str:
    """``| a | b |`` -> ``a | b``: the core splits cells on `` | ``."""
    cells = text.strip().strip("|").split("|")
    return " | ".join(c.strip() for c in cells)


def read_text(data: bytes, *, markdown: bool = False) -> ReadResult:
    """Read a .txt or .md file: lines become blocks, wrapped lines joined, bullets marked."""
    raw = decode_text(data).splitlines()
    blocks = BlockList(number_paragraphs=False)
    if markdown:
        _read_markdown(raw, blocks)
    else:
        _add_lines(blocks, [Line(t, n) for n, t in enumerate(raw, 1)])
    return ReadResult(blocks=blocks.blocks)


def _add_lines(blocks: BlockList, lines: list[Line], width: int | None = None) -> None:
    for group in group_lines(lines, wrapped_at=width):
        blocks.add(group.text, "list-item" if group.is_item else "paragraph", line=group.first_line)


_MD_TASK_ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,2}[.)])\s+)\[[ xX]\]\s+")


def _read_markdown(raw: list[str], blocks: BlockList) -> None:
    """Headings (ATX and setext) become heading blocks; the rest reads like text."""
    width = wrap_width(raw)
    pending: list[Line] = []
    in_fence = False

    def flush() -> None:
        _add_lines(blocks, pending, width)
        pending.clear()

    for number, line in enumerate(raw, 1):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            pending.append(Line("", number))
            continue
        if in_fence:
            pending.append(Line(line, number))
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            blocks.add(clean_text(strip_markdown_inline(heading.group(2))), "heading", line=number)
            continue
        previous = pending[-1] if pending else None
        if (
            _MD_SETEXT.match(line)
            and previous is not None
            and previous.text.strip()
            and not strip_bullet(previous.text).is_item
            and previous.number == number - 1
        ):
            pending.pop()
            flush()
            text = clean_text(strip_markdown_inline(previous.text))
            blocks.add(text, "heading", line=previous.number)
            continue
        if _MD_RULE.match(line) or _MD_TABLE_RULE.match(line) or _MD_REFDEF.match(line):
            pending.append(Line("", number))
            continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_TASK_ITEM.sub(r"\1", line)
        if line.lstrip().startswith("|"):
            line = _table_row(line)
        pending.append(Line(strip_markdown_inline(line), number))
    flush()
