"""RTF via striprtf: text with the file's own code page; lines then read like a text file."""

from __future__ import annotations

from striprtf.striprtf import rtf_to_text

from skillcheck.readers.base import BlockList, ReadResult
from skillcheck.readers.cleanup import Line, group_lines


def read_rtf(data: bytes) -> ReadResult:
    """Read an RTF file; table rows (``a|b|``) become ``a | b`` lines for the core to split."""
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError:
        source = data.decode("latin-1")  # RTF is 7-bit; \\'xx escapes carry the code page
    text: str = rtf_to_text(source, errors="ignore")  # type: ignore[no-untyped-call]
    lines: list[Line] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if "|" in raw:
            cells = [c.strip() for c in raw.strip().rstrip("|").split("|")]
            raw = " | ".join(c for c in cells if c)
        lines.append(Line(raw, number))
    blocks = BlockList()
    for group in group_lines(lines):
        blocks.add(group.text, "list-item" if group.is_item else "paragraph")
    return ReadResult(blocks=blocks.blocks)
