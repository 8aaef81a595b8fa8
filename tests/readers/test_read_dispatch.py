"""read_document: sniffing, limits, and that only ReadError ever escapes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import readers.fixturegen as gen
from readers.fixturegen import ReadBytes
from readers.test_read_docx import build_docx
from readers.test_read_formats import build_odt
from skillcheck.errors import ERROR_CODES, ReadError
from skillcheck.readers import SUPPORTED_EXTENSIONS, read_document, sniff_format

TEXT = "Kierowniczka zmiany. Obsługa klienta i reklamacji.\n".encode()


def _code(call: object) -> str:
    with pytest.raises(ReadError) as err:
        call()  # type: ignore[operator]
    assert err.value.code in ERROR_CODES
    assert "\n" not in err.value.message
    return err.value.code


def test_supported_extensions() -> None:
    assert {".pdf", ".docx", ".odt", ".rtf", ".txt", ".md", ".html", ".tex", ".json"} <= (
        SUPPORTED_EXTENSIONS
    )
    assert all(e.startswith(".") and e == e.lower() for e in SUPPORTED_EXTENSIONS)


def test_missing_file(tmp_path: Path) -> None:
    assert _code(lambda: read_document(tmp_path / "nope.pdf")) == "not-found"


def test_display_path_is_used(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_bytes(TEXT)
    doc = read_document(tmp_path / "cv.txt", display_path="cvs/cv.txt")
    assert doc.path == "cvs/cv.txt"


def test_too_large(read_bytes: ReadBytes) -> None:
    assert _code(lambda: read_bytes(TEXT * 100, "cv.txt", max_bytes=1000)) == "too-large"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t "])
def test_empty_file(read_bytes: ReadBytes, data: bytes) -> None:
    assert _code(lambda: read_bytes(data, "cv.txt")) == "empty"


def test_a_file_with_only_markup_is_empty(read_bytes: ReadBytes) -> None:
    assert (
        _code(lambda: read_bytes(b"<html><body><script>x()</script></body></html>", "a.html"))
        == "empty"
    )


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "scan.png"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.doc"),
        (b"GIF89a....", "cv.pdf.gif"),
        (b"some text", "cv.xyz"),
    ],
)
def test_unsupported(read_bytes: ReadBytes, data: bytes, name: str) -> None:
    assert _code(lambda: read_bytes(data, name)) == "unsupported-format"


def test_password_protected_office_file(read_bytes: ReadBytes) -> None:
    ole = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    )
    assert _code(lambda: read_bytes(ole, "cv.docx")) == "encrypted"


def test_other_zip_is_unsupported(read_bytes: ReadBytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    assert _code(lambda: read_bytes(out.getvalue(), "cv.docx")) == "unsupported-format"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.4\n1 0 obj <<>> endobj\n", "cv.pdf"),
        (b"PK\x03\x04" + b"\x00" * 40, "cv.docx"),
        (b"not a pdf at all, but named so", "cv.pdf"),
    ],
)
def test_broken_files_are_corrupt(read_bytes: ReadBytes, data: bytes, name: str) -> None:
    assert _code(lambda: read_bytes(data, name)) == "corrupt"


@pytest.mark.parametrize(
    ("head", "suffix", "fmt"),
    [
        (b"%PDF-1.7\n", ".txt", "pdf"),
        (b"{\\rtf1\\ansi hello}", ".txt", "rtf"),
        (b"<!DOCTYPE html><html><body>x</body></html>", ".txt", "html"),
        (b"\\documentclass{article}", "", "tex"),
        (b'{"basics": {}}', "", "json"),
        (b"plain words", "", "txt"),
        (b"plain words", ".md", "md"),
    ],
)
def test_sniffing(head: bytes, suffix: str, fmt: str) -> None:
    assert sniff_format(head, suffix) == fmt


def test_pdf_named_txt_is_read_as_pdf(read_bytes: ReadBytes) -> None:
    doc = read_bytes(gen.single_column(["Doświadczenie w obsłudze klienta."]), "cv.txt")
    assert doc.format == "pdf" and doc.pages == 1


_SEEDS = {
    ".pdf": gen.single_column(["Doświadczenie w obsłudze klienta."]),
    ".docx": build_docx(),
    ".odt": build_odt(),
    ".rtf": rb"{\rtf1\ansi Hello\par}",
    ".html": b"<p>Hello <b>there</b></p>",
    ".json": b'{"basics": {"name": "A"}}',
    ".tex": b"\\section{A} text",
    ".txt": TEXT,
}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    suffix=st.sampled_from(sorted(_SEEDS)),
    cut=st.integers(min_value=0, max_value=40000),
    noise=st.binary(max_size=64),
)
def test_only_read_errors_escape(
    read_bytes: ReadBytes, suffix: str, cut: int, noise: bytes
) -> None:
    """Truncated and corrupted files of every format: a Document or a ReadError, nothing else."""
    seed = _SEEDS[suffix]
    data = seed[:cut] + noise + seed[cut + len(noise) :]
    try:
        read_bytes(data, "fuzz" + suffix)
    except ReadError as exc:
        assert exc.code in ERROR_CODES
