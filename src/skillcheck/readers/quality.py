"""The quality gate: turn what the reader saw into warnings a person must read.

A CV that was read badly (columns, scanned pages, mojibake) gives a wrong
report without any error; these warnings say why the result may be off.
"""

from __future__ import annotations

import re

from skillcheck.document import Document, ReadWarning
from skillcheck.readers.base import ReadResult

LITTLE_TEXT_WORDS = 40

# UTF-8 read as Windows-1252/Latin-1: a lead byte (Ã Ä Å Â Ä Ĺ ...) followed by
# what a continuation byte 0x80-0xBF turns into.
_CONTINUATION = "".join(
    sorted(
        set(bytes(range(0x80, 0xC0)).decode("latin-1"))
        | set(bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore"))
        | set(bytes(range(0x80, 0xC0)).decode("cp1250", errors="ignore"))
    )
)
_MOJIBAKE = re.compile("[ÃÂÄÅĂĹÄ][" + re.escape(_CONTINUATION) + "]")


def _pages(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def assess(doc: Document, result: ReadResult) -> list[ReadWarning]:
    """Warnings for a freshly read document (the reader's facts plus text checks)."""
    warnings: list[ReadWarning] = []
    if result.multi_column_pages:
        warnings.append(
            ReadWarning(
                "multi-column",
                f"Page(s) {_pages(result.multi_column_pages)} are laid out in columns; each column "
                "was read top to bottom on its own. Check the text with 'skillcheck text'.",
            )
        )
    if result.image_only_pages:
        warnings.append(
            ReadWarning(
                "image-only-pages",
                f"Page(s) {_pages(result.image_only_pages)} hold only images (scans?); their text "
                "was not read. Run OCR first.",
            )
        )
    if result.pages_read is not None and result.pages is not None:
        warnings.append(
            ReadWarning(
                "pages-truncated",
                f"Only the first {result.pages_read} of {result.pages} pages were analysed.",
            )
        )
    text = doc.text
    words = len(text.split())
    if words < LITTLE_TEXT_WORDS:
        warnings.append(
            ReadWarning(
                "little-text",
                f"Only {words} words were read; a CV usually has far more. "
                "Is the text in images or in a format that was not read?",
            )
        )
    problems: list[str] = []
    if "\ufffd" in text:
        problems.append(f"{text.count(chr(0xFFFD))} replacement characters (\ufffd)")
    if "(cid:" in text or result.unmapped_glyphs:
        count = text.count("(cid:") + result.unmapped_glyphs
        problems.append(f"{count} glyphs without a Unicode mapping ('(cid:N)'), dropped")
    mojibake = _MOJIBAKE.findall(text)
    if mojibake:
        sample = ", ".join(sorted(set(mojibake))[:3])
        problems.append(f"mis-decoded characters such as {sample}")
    if problems:
        warnings.append(
            ReadWarning(
                "suspicious-characters",
                "The text contains " + "; ".join(problems) + "; some words may not be recognised.",
            )
        )
    return warnings
