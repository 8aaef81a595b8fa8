"""Text clean-up shared by every reader: one place for what extraction gets wrong.

PDF extraction leaves detached accents, ligatures, soft hyphens, ``(cid:N)`` codes,
icon-font glyphs and words hyphenated across line ends; word processors and text
files bring bullet glyphs typed by hand. Fixing these the same way for every
format keeps the checker's input comparable whatever the source file was.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Spacing accents as PDF fonts draw them, and the combining mark each stands for.
_SPACING_ACCENTS: dict[str, str] = {
    "\u00b4": "\u0301",  # ´ acute        (ś ć ń ó ź)
    "\u02dd": "\u030b",  # ˝ double acute
    "\u02db": "\u0328",  # ˛ ogonek       (ą ę)
    "\u02d9": "\u0307",  # ˙ dot above    (ż)
    "\u00b8": "\u0327",  # ¸ cedilla
    "\u02d8": "\u0306",  # ˘ breve
    "\u02c7": "\u030c",  # ˇ caron
    "\u00a8": "\u0308",  # ¨ diaeresis
    "\u02c6": "\u0302",  # ˆ circumflex
    "\u02dc": "\u0303",  # ˜ tilde
    "\u02da": "\u030a",  # ˚ ring
}
# "It´s", "don´t": an acute used as an apostrophe, not a detached accent.
_CONTRACTION = re.compile(r"(?<=[A-Za-z])\u00b4(?:s|t|m|d|ll|re|ve)(?![^\W\d_])")

_LIGATURES = "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
_LIGATURE_MAP = {ord(c): unicodedata.normalize("NFKC", c) for c in _LIGATURES}
# Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM, LRM/RLM.
_INVISIBLE = {ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"}
_CID = re.compile(r"\(cid:\d+\)")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Private-use code points that Symbol/Wingdings fonts use for bullets.
_PUA_BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf06c\uf0e0\uf0d9"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# A bullet glyph at the start of a line: the glyph, then optional space.
_BULLET_GLYPHS = "•●▪◦‣■□▫◾◼►▸▹▶➢➤➔→✓✔✗❖◆◇○⁃∙·" + _PUA_BULLETS
_BULLET = re.compile(
    rf"^\s*(?:[{_BULLET_GLYPHS}]\s*|[-*+–]\s+|\d{{1,2}}[.)]\s+|[a-z][.)]\s+(?=\S))"
)
_END_PUNCT = tuple(".!?:;…")


def clean_text(text: str) -> str:
    """Fix what extraction breaks inside a line: accents, ligatures, invisible and junk glyphs.

    Whitespace runs become one space; the result is stripped.
    """
    if not text:
        return ""
    text = text.translate(_INVISIBLE).translate(_LIGATURE_MAP)
    text = _CID.sub("", text)
    text = _PRIVATE_USE.sub(_pua_replacement, text)
    text = recombine_accents(text)
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip()


def _pua_replacement(m: re.Match[str]) -> str:
    # Icon-font bullets become a real bullet so list detection still sees them.
    return "•" if m.group(0) in _PUA_BULLETS else ""


def _compose(letter: str, accent: str) -> str | None:
    combined = unicodedata.normalize("NFC", letter + _SPACING_ACCENTS[accent])
    # Only European letters: "I´m" must not become an exotic "Iḿ".
    if len(combined) == 1 and ("\u00c0" <= combined <= "\u017f" or combined in "șțȘȚ"):
        return combined
    return None


def _word_length_before(out: list[str]) -> int:
    n = 0
    k = len(out) - 1
    while k >= 0 and out[k].isalpha():
        n += 1
        k -= 1
    return n


def recombine_accents(text: str) -> str:
    """Join detached spacing accents to their letter: ``Do ´swiadczenie`` -> ``Doświadczenie``.

    The accent goes with the letter after it (as TeX-made PDFs draw it) or, if
    that does not compose, with the letter before. A space before the accent is
    dropped inside a word, but kept after a one-letter word (``w ´srodku`` ->
    ``w środku``) where it is most likely real.
    """
    if not any(a in text for a in _SPACING_ACCENTS):
        return text
    skip = {m.start() for m in _CONTRACTION.finditer(text)}
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _SPACING_ACCENTS and i not in skip:
            j = i + 1 if i + 1 < n and text[i + 1] == " " else i
            composed = _compose(text[j + 1], ch) if j + 1 < n else None
            if composed is not None:
                if len(out) >= 2 and out[-1] == " " and _word_length_before(out[:-1]) > 1:
                    out.pop()
                out.append(composed)
                i = j + 2
                continue
            k = len(out) - 1 if out and out[-1] != " " else len(out) - 2
            nxt = text[i + 1] if i + 1 < n else " "
            if k >= 0 and not nxt.isalpha():
                composed = _compose(out[k], ch)
                if composed is not None:
                    del out[k:]
                    out.append(composed)
                    i += 1
                    continue
        out.append(ch)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class Bullet:
    """A line with its list marker removed."""

    text: str
    is_item: bool


def strip_bullet(line: str) -> Bullet:
    """Remove a leading bullet glyph, dash or ``1.`` number; say whether there was one."""
    m = _BULLET.match(line)
    if m is None or not line[m.end() :].strip():
        return Bullet(line.strip(), False)
    return Bullet(line[m.end() :].strip(), True)


def is_bullet(line: str) -> bool:
    """Whether a line starts with a list marker."""
    return strip_bullet(line).is_item


def ends_sentence(text: str) -> bool:
    """Whether a line ends with punctuation that closes a sentence or a label."""
    return text.rstrip().rstrip("\"'”’»)]").endswith(_END_PUNCT)


def looks_like_heading(text: str) -> bool:
    """A short line in capitals without end punctuation, as CVs write section titles."""
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    return (
        0 < len(words) <= 6
        and len(letters) >= 3
        and text.upper() == text
        and not ends_sentence(text)
        and not is_bullet(text)
    )


def continues(previous: str, line: str, min_length: int = 0) -> bool:
    """Whether ``line`` is a hard-wrapped continuation of ``previous``.

    True when the previous line has no end punctuation, is no heading and is at
    least ``min_length`` long (a short line was not wrapped: a list of skills one
    per line must stay apart), and this one starts in lower case without a list
    marker.
    """
    prev = previous.rstrip()
    cur = line.lstrip()
    if not prev or not cur or is_bullet(cur) or looks_like_heading(prev):
        return False
    if len(prev) < min_length:
        return False
    if ends_sentence(prev) and not prev.endswith("-"):
        return False
    return cur[0].islower()


_WORD_TAIL = re.compile(r"([^\W\d_]+)-$")
_WORD_HEAD = re.compile(r"^([^\W\d_]+)")


def join_lines(lines: Sequence[str], known_words: Iterable[str] = ()) -> str:
    """Join the physical lines of one block, mending words hyphenated at a line end.

    ``przy-`` + ``kład`` becomes ``przykład`` when the continuation is lower case;
    the hyphen is kept for one-letter prefixes (``e-`` ``mail``), Malay
    reduplication (``sekurang-`` ``kurangnya``) and compounds the document itself
    writes with a hyphen (``known_words`` holds the document's words).
    """
    known = {w.casefold() for w in known_words}
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        tail = _WORD_TAIL.search(out)
        head = _WORD_HEAD.match(line)
        if tail and head and out[-2:-1] != " ":
            before, after = tail.group(1), head.group(1)
            if after[0].islower() and not _keep_hyphen(before, after, known):
                out = out[:-1] + line
            else:
                out = out + line
        else:
            out = out + " " + line
    return out


def _keep_hyphen(before: str, after: str, known: set[str]) -> bool:
    if len(before) == 1 or before.isupper():
        return True
    if f"{before}-{after}".casefold() in known:
        return True
    if f"{before}{after}".casefold() in known:
        return False
    # Malay reduplication: the second half repeats the end of the first.
    return any(before.casefold().endswith(after[:k].casefold()) for k in range(3, len(after) + 1))


def words_of(texts: Iterable[str]) -> set[str]:
    """The words of a document, hyphenated compounds included, for ``join_lines``."""
    found: set[str] = set()
    for t in texts:
        found.update(m.group(0) for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*", t))
    return found


@dataclass(frozen=True)
class Line:
    """A physical line of a text-like source, with its 1-based line number."""

    text: str
    number: int


@dataclass(frozen=True)
class LineBlock:
    """Lines grouped into one logical block (bullet stripped, wraps joined)."""

    text: str
    is_item: bool
    first_line: int


def wrap_width(texts: Iterable[str]) -> int:
    """The length a hard-wrapping editor broke lines at: a high percentile of line lengths."""
    lengths = sorted(len(t.strip()) for t in texts if t.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def group_lines(
    lines: Iterable[Line], known_words: Iterable[str] = (), *, wrapped_at: int | None = None
) -> list[LineBlock]:
    """Group non-empty lines into blocks: each line alone unless it is a wrapped continuation.

    Used by the text, RTF and DOCX (soft line breaks) readers so they agree on
    what a line, a bullet and a wrapped line are. ``wrapped_at``: the width the
    source was wrapped at (see ``wrap_width``); only lines over 60% of it can
    have been wrapped. ``None`` measures it from the lines themselves.
    """
    cleaned = [Line(clean_text(line.text), line.number) for line in lines]
    width = wrap_width(c.text for c in cleaned) if wrapped_at is None else wrapped_at
    min_length = int(width * 0.6)
    known = list(known_words) or list(words_of(c.text for c in cleaned))
    groups: list[tuple[list[str], bool, int]] = []
    after_blank = True
    for line in cleaned:
        text = line.text
        if not text:
            after_blank = True  # a blank line ends a paragraph: never join across it
            continue
        wrapped = not after_blank and groups and continues(groups[-1][0][-1], text, min_length)
        after_blank = False
        if wrapped:
            groups[-1][0].append(text)
            continue
        bullet = strip_bullet(text)
        groups.append(([bullet.text], bullet.is_item, line.number))
    return [LineBlock(join_lines(parts, known), item, number) for parts, item, number in groups]
