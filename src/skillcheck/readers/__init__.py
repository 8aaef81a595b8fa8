"""Read a CV or cover letter into a ``Document``; every failure is a ``ReadError``.

The format is sniffed from the content first (a DOCX named ``.pdf`` is read as
DOCX), then taken from the extension. Readers never print or exit; any
exception a parsing library raises becomes ``ReadError('corrupt', ...)`` here,
so callers only ever handle one exception type. Reading stays within
``Limits`` (size, pages, inflated bytes, time, memory): see ``skillcheck.limits``.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import stat
import warnings
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from skillcheck.document import Document
from skillcheck.errors import ReadError
from skillcheck.limits import DEFAULT_LIMITS, Limits, guarded, megabytes
from skillcheck.readers.base import ReadResult
from skillcheck.readers.package import Package
from skillcheck.readers.quality import assess

__all__ = ["SUPPORTED_EXTENSIONS", "read_bytes", "read_document"]

# Readers never print: parsing libraries log their complaints about broken files,
# which Python would otherwise write to stderr when the application configured no
# logging. A NullHandler keeps them quiet yet still lets an application that does
# configure logging see them.
for _name in ("pdfminer", "pylatexenc", "charset_normalizer", "docx", "bs4"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

#: Extensions read when a folder is scanned (lower case, with the dot).
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    {
        ".pdf",
        ".docx",
        ".odt",
        ".rtf",
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".html",
        ".htm",
        ".xhtml",
        ".tex",
        ".json",
    }
)

_BY_EXTENSION = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".tex": "tex",
    ".json": "json",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")


def read_document(
    path: str | Path,
    *,
    display_path: str | None = None,
    limits: Limits | None = None,
    max_bytes: int | None = None,
    max_pages: int | None = None,
) -> Document:
    """Read one file into blocks in reading order, with quality warnings.

    ``limits`` bounds the work (default ``DEFAULT_LIMITS``); ``max_bytes`` and
    ``max_pages`` override those two fields. Parsing runs under ``guarded``, so
    it also ends at the time limit. Raises ``ReadError`` (and nothing else)
    when the file cannot be read.
    """
    limits = _with_overrides(limits or DEFAULT_LIMITS, max_bytes=max_bytes, max_pages=max_pages)
    path = Path(path)
    shown = display_path if display_path is not None else str(path)
    data = _load(path, shown, limits.max_bytes)
    return read_bytes(data, display_path=shown, suffix=path.suffix.lower(), limits=limits)


def read_bytes(
    data: bytes, *, display_path: str, suffix: str = ".txt", limits: Limits | None = None
) -> Document:
    """Read a document already in memory (standard input, say) like ``read_document``."""
    limits = limits or DEFAULT_LIMITS
    shown = display_path
    if len(data) > limits.max_bytes:
        raise ReadError(
            "too-large", f"The input is over the size limit of {limits.max_bytes // 2**20} MiB."
        )
    fmt = "file"
    with guarded(limits):
        try:
            fmt = sniff_format(data, suffix, limits)
            with warnings.catch_warnings():  # library warnings would print to stderr
                warnings.simplefilter("ignore")
                result = _READERS[fmt](data, limits)
        except (ReadError, MemoryError, RecursionError):
            raise  # guarded turns the last two into too-large
        except Exception as exc:  # any library failure: one clear line, one error type
            raise ReadError(
                "corrupt", f"The {fmt.upper()} file could not be parsed: {_one_line(exc)}"
            ) from None
    if not any(b.text.strip() for b in result.blocks):
        raise ReadError("empty", "The file holds no text.")
    document = Document(
        path=shown,
        format=fmt,
        blocks=result.blocks,
        warnings=list(result.warnings),
        pages=result.pages,
    )
    document.warnings.extend(assess(document, result))
    return document


def _with_overrides(limits: Limits, **fields: int | None) -> Limits:
    given = {name: value for name, value in fields.items() if value is not None}
    return dataclasses.replace(limits, **given) if given else limits


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    detail = text[0][:200] if text else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _load(path: Path, shown: str, max_bytes: int) -> bytes:
    """The file's bytes: a regular file within the size limit, checked before reading.

    Messages name the file only where no content was read (results may be cached
    by content, and reports carry the file name anyway).

    Opened non-blocking and checked with fstat, so a FIFO or device given as a
    CV is refused instead of blocking or streaming forever.
    """
    try:
        if not path.exists():
            raise ReadError("not-found", f"No such file: {shown}")
        if path.is_dir():
            raise ReadError("unreadable", f"{shown} is a folder, not a file.")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ReadError("unreadable", "This is not a regular file (a pipe or a device?).")
            if info.st_size > max_bytes:
                raise ReadError(
                    "too-large",
                    f"The file is {megabytes(info.st_size)}; the limit is {megabytes(max_bytes)}.",
                )
            data = handle.read(max_bytes + 1)
    except ReadError:
        raise
    except OSError as exc:
        raise ReadError(
            "unreadable", f"{shown} could not be opened: {exc.strerror or exc}"
        ) from None
    if len(data) > max_bytes:  # it grew while we looked
        raise ReadError("too-large", f"The file is over the {megabytes(max_bytes)} limit.")
    if not data.strip():
        raise ReadError("empty", "The file is empty.")
    return data


def sniff_format(data: bytes, suffix: str, limits: Limits | None = None) -> str:
    """The format of a file from its bytes, falling back on its extension."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data, limits)
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise ReadError("encrypted", "The document is protected by a password.")
        raise ReadError(
            "unsupported-format",
            "Word 97-2003 (.doc) files are not supported; save it as .docx or PDF.",
        )
    if head.startswith(_IMAGE_MAGIC):
        raise ReadError("unsupported-format", "This is an image, not a document; run OCR first.")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith(b"{") and suffix in ("", ".json"):
        return "json"
    if stripped.startswith((b"\\documentclass", b"\\begin{document}")):
        return "tex"
    fmt = _BY_EXTENSION.get(suffix)
    if fmt is not None:
        return fmt
    if suffix == "" and b"\x00" not in head:
        return "txt"
    raise ReadError("unsupported-format", f"Files of type '{suffix or 'none'}' are not supported.")


def _zip_format(data: bytes, limits: Limits | None) -> str:
    with closing(Package(data, limits)) as package:
        if "mimetype" in package.names:
            mimetype = package.read("mimetype").strip()
            if mimetype == b"application/vnd.oasis.opendocument.text":
                return "odt"
            raise ReadError(
                "unsupported-format",
                f"OpenDocument type {mimetype[:100].decode(errors='replace')} is not supported.",
            )
        if "[Content_Types].xml" in package.names:
            types = package.read("[Content_Types].xml")
            if (
                b"wordprocessingml.document.main" in types
                or b"ms-word.document.macroEnabled" in types
            ):
                return "docx"
            if b"spreadsheetml" in types or b"presentationml" in types:
                raise ReadError(
                    "unsupported-format", "Spreadsheets and presentations are not supported."
                )
    raise ReadError("unsupported-format", "A ZIP archive that is neither DOCX nor ODT.")


def _read_pdf(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.pdf import read_pdf

    return read_pdf(data, limits)


def _read_docx(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.docx import read_docx

    return read_docx(data, limits)


def _read_odt(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.odt import read_odt

    return read_odt(data, limits)


def _read_rtf(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.rtf import read_rtf

    return read_rtf(data)


def _read_txt(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.text import read_text

    return read_text(data)


def _read_md(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.text import read_text

    return read_text(data, markdown=True)


def _read_html(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.html import read_html

    return read_html(data)


def _read_tex(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.tex import read_tex

    return read_tex(data)


def _read_json(data: bytes, limits: Limits) -> ReadResult:
    from skillcheck.readers.jsonresume import read_json_resume

    return read_json_resume(data)


_READERS: dict[str, Callable[[bytes, Limits], ReadResult]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "odt": _read_odt,
    "rtf": _read_rtf,
    "txt": _read_txt,
    "md": _read_md,
    "html": _read_html,
    "tex": _read_tex,
    "json": _read_json,
}
