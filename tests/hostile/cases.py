"""The hostile and broken files, and what reading each must end with."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

import readers.fixturegen as pdfgen
from readers.test_read_docx import build_docx

from hostile import gen

#: each read must end within this many seconds (and, in the capped run, within 1 GiB)
SECONDS = 10.0


@dataclass(frozen=True)
class Case:
    name: str  # the file name, whose extension may lie
    build: gen.Builder
    code: str  # the ReadError code, or "ok" when the file must read
    says: str = ""  # words the error message (or, for "ok", the text) must hold
    posix_only: bool = False


def _text(encoding: str, bom: bool = False) -> gen.Builder:
    prefix = codecs.BOM_UTF16_LE if bom else b""
    return gen.writes(lambda: prefix + (gen.POLISH + "\n").encode(encoding) * 3)


def _large_text(path: Path) -> None:
    gen.write_large(path, 25 * gen.MIB)


_TRUNCATED = pdfgen.single_column([gen.POLISH] * 10)
_TEX = b"\\documentclass{article}\n\\begin{document}\n\\input{/etc/passwd}\n\nHello there.\n\n"

CASES = [
    Case("empty.txt", gen.writes(lambda: b""), "empty"),
    Case("truncated.pdf", gen.writes(lambda: _TRUNCATED[: len(_TRUNCATED) // 2]), "corrupt"),
    Case("locked.pdf", gen.writes(lambda: pdfgen.encrypted("secret")), "encrypted"),
    Case("owner-only.pdf", gen.writes(lambda: pdfgen.encrypted("")), "ok", "obsługa klienta"),
    Case("locked-aes.pdf", gen.writes(lambda: gen.aes_pdf("secret")), "encrypted"),
    Case("owner-only-aes.pdf", gen.writes(lambda: gen.aes_pdf("")), "ok", "obsługa klienta"),
    Case("scan.pdf", gen.writes(lambda: pdfgen.with_image_page(False)), "no-text-layer"),
    Case("many-pages.pdf", gen.writes(gen.many_pages_pdf), "ok", "Strona 50."),
    Case("bomb.pdf", gen.writes(gen.bomb_pdf), "too-large", "inflates to over 100 MB"),
    Case("runlength-bomb.pdf", gen.writes(gen.runlength_bomb_pdf), "too-large", "inflates"),
    Case("reference-loop.pdf", gen.writes(gen.reference_loop_pdf), "no-text-layer"),
    Case("zip-bomb.docx", gen.writes(gen.zip_bomb_docx), "too-large", "the limit is 100 MB"),
    Case("ratio-bomb.docx", gen.writes(gen.ratio_bomb_docx), "too-large", "compressed"),
    Case("many-parts.docx", gen.writes(gen.many_members_docx), "too-large", "parts"),
    Case("lying-size.docx", gen.writes(gen.lying_size_docx), "corrupt", "damaged"),
    Case("billion-laughs.docx", gen.writes(gen.billion_laughs_docx), "corrupt", "DTD"),
    Case("external-entity.docx", gen.writes(gen.external_entity_docx), "corrupt", "DTD"),
    Case("external-entity.odt", gen.writes(gen.external_entity_odt), "corrupt", "DTD"),
    Case("no-document.docx", gen.writes(gen.docx_without_document), "corrupt", "document.xml"),
    Case("docx-named.pdf", gen.writes(build_docx), "ok", "Resolved billing queries"),
    Case("pdf-named.docx", gen.writes(lambda: pdfgen.single_column([gen.POLISH])), "ok"),
    Case("random.pdf", gen.writes(gen.random_bytes), "corrupt"),
    Case("random.docx", gen.writes(gen.random_bytes), "corrupt"),
    Case("random.txt", gen.writes(gen.random_bytes), "decode-error"),
    Case("image.pdf", gen.writes(pdfgen.png_bytes), "unsupported-format", "image"),
    Case("utf16.txt", _text("utf-16-le", bom=True), "ok", gen.POLISH),
    Case("utf16-no-bom.txt", _text("utf-16-le"), "ok", gen.POLISH),
    Case("cp1250.txt", _text("cp1250"), "ok", gen.POLISH),
    Case("huge.txt", _large_text, "too-large", "the limit is 20 MB"),
    Case("deep.json", gen.writes(gen.deep_json), "too-large", "nested too deeply"),
    Case("deep.html", gen.writes(lambda: b"<div>" * 100_000 + b"x"), "too-large", "nested"),
    Case("input.tex", gen.writes(lambda: _TEX), "ok", "Hello there."),
    Case("fifo.txt", gen.fifo, "unreadable", "not a regular file", posix_only=True),
]


def build_all(folder: Path) -> list[Case]:
    """Write every case's file into ``folder``; the cases this platform can make."""
    made = []
    for case in CASES:
        if case.posix_only and os.name != "posix":
            continue
        case.build(folder / case.name)
        made.append(case)
    return made
