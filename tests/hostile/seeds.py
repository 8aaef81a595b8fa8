"""Valid files of every format, and the mutations fuzzing applies to them."""

from __future__ import annotations

import random

import readers.fixturegen as pdfgen
from readers.test_read_docx import build_docx
from readers.test_read_formats import build_odt

#: the codes a mutated file may end with; anything else, or another exception, is a bug
FUZZ_CODES = frozenset(
    {
        "corrupt",
        "empty",
        "decode-error",
        "unsupported-format",
        "encrypted",
        "no-text-layer",
        "too-large",
    }
)


def seeds() -> dict[str, bytes]:
    """One small valid file per format, keyed by its extension."""
    return {
        ".pdf": pdfgen.single_column(["Doświadczenie w obsłudze klienta."]),
        ".docx": build_docx(),
        ".odt": build_odt(),
        ".rtf": rb"{\rtf1\ansi\ansicpg1250 Obs\'b3uga klienta\par \trowd a\cell b\cell\row}",
        ".html": "<html><body><h1>CV</h1><ul><li>Obsługa klienta</li></ul></body></html>".encode(),
        ".json": b'{"basics": {"name": "A"}, "work": [{"highlights": ["Handled calls"]}]}',
        ".tex": b"\\documentclass{article}\n\\begin{document}\n\\section{Praca}\nObs\\l uga.\n",
        ".md": "# CV\n\n- Obsługa klienta\n- Praca w zespole\n".encode(),
        ".txt": "Kierowniczka zmiany. Obsługa klienta i reklamacji.\n".encode("cp1250"),
    }


def mutate(data: bytes, rng: random.Random, donor: bytes) -> bytes:
    """Truncate, flip bytes, splice in a piece of another file, or repeat a piece."""
    kind = rng.randrange(4)
    if kind == 0:
        return data[: rng.randrange(len(data) + 1)]
    out = bytearray(data)
    if kind == 1:
        for _ in range(rng.randint(1, 16)):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return bytes(out)
    if kind == 2:
        start, size = rng.randrange(len(donor)), rng.randint(1, 512)
        at = rng.randrange(len(out) + 1)
        return bytes(out[:at]) + donor[start : start + size] + bytes(out[at + size :])
    start = rng.randrange(len(out))
    piece = bytes(out[start : start + rng.randint(1, 64)])
    return bytes(out[:start]) + piece * rng.randint(2, 200) + bytes(out[start:])
