"""LaTeX: commands stripped, text kept; sections are headings, ``\\item`` list items.

A TeX paragraph runs until a blank line, so consecutive source lines are one
block; its location is the line it starts on.
"""

from __future__ import annotations

import re

from pylatexenc.latex2text import LatexNodes2Text

from skillcheck.document import BlockKind
from skillcheck.readers.base import BlockList, ReadResult
from skillcheck.readers.cleanup import clean_text
from skillcheck.readers.text import decode_text

_COMMENT = re.compile(r"(?<!\\)%.*$")
_SECTION = re.compile(
    r"\\(?:part|chapter|section|subsection|subsubsection|paragraph|cvsection|sectiontitle)\*?"
    r"\s*(?:\[[^\]]*\])?\s*\{"
)
_ITEM = re.compile(r"\\item\b\s*(?:\[[^\]]*\])?")
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\s*\{[^}]*\}(?:\s*\[[^\]]*\])?(?:\s*\{[^}]*\})?")
_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\])?|\\newline\b|\\par\b")
_CONVERTER = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)


def latex_to_text(source: str) -> str:
    """Text of a LaTeX fragment; arguments of unknown macros stay separate words."""
    source = source.replace("}{", "} {")
    try:
        text = str(_CONVERTER.latex_to_text(source))
    except Exception:  # pylatexenc chokes on odd input: fall back on a crude strip
        text = re.sub(r"\\[A-Za-z@]+\*?|[{}]", " ", source)
    return clean_text(text)


def _closing_brace(text: str, start: int) -> int:
    depth = 1
    for i in range(start, len(text)):
        if text[i] == "{" and text[i - 1] != "\\":
            depth += 1
        elif text[i] == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


class _Paragraphs:
    def __init__(self) -> None:
        self.blocks = BlockList(number_paragraphs=False)
        self.parts: list[str] = []
        self.kind: BlockKind = "paragraph"
        self.line = 0

    def flush(self) -> None:
        if self.parts:
            self.blocks.add(latex_to_text(" ".join(self.parts)), self.kind, line=self.line)
        self.parts = []
        self.kind = "paragraph"

    def add(self, text: str, number: int, kind: BlockKind | None = None) -> None:
        if kind is not None:
            self.flush()
            self.kind = kind
        if not text.strip():
            return
        if not self.parts:
            self.line = number
        self.parts.append(text)


def read_tex(data: bytes) -> ReadResult:
    """Read a .tex file's document body (the preamble, if any, is skipped)."""
    lines = decode_text(data).splitlines()
    start = next((i + 1 for i, ln in enumerate(lines) if "\\begin{document}" in ln), 0)
    out = _Paragraphs()
    for number, raw in enumerate(lines[start:], start + 1):
        line = _COMMENT.sub("", raw)
        if "\\end{document}" in line:
            break
        if not line.strip():
            out.flush()
            continue
        _read_line(line, number, out)
    out.flush()
    return ReadResult(blocks=out.blocks.blocks)


def _read_line(line: str, number: int, out: _Paragraphs) -> None:
    """Split one source line at sections, items, environments and forced breaks."""
    pos = 0
    while pos < len(line):
        section = _SECTION.search(line, pos)
        item = _ITEM.search(line, pos)
        env = _ENVIRONMENT.search(line, pos)
        brk = _BREAK.search(line, pos)
        found = [m for m in (section, item, env, brk) if m is not None]
        if not found:
            out.add(line[pos:], number)
            return
        first = min(found, key=lambda m: m.start())
        out.add(line[pos : first.start()], number)
        if first is section:
            end = _closing_brace(line, first.end())
            out.add(line[first.end() : end], number, "heading")
            out.flush()
            pos = end + 1
        elif first is item:
            out.add("", number, "list-item")
            pos = first.end()
        else:  # environment boundary or forced line break ends the paragraph
            out.flush()
            pos = first.end()
