"""Builders of hostile and broken files. Every one is generated in a temporary folder;
big ones are written as streams (or built from repeated compressed blocks), so the
suite stays fast and light."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import readers.fixturegen as pdfgen
from readers.test_read_docx import build_docx
from readers.test_read_formats import build_odt

MIB = 2**20
POLISH = "Doświadczenie: obsługa klienta, rozwiązywanie reklamacji, praca w zespole."


def zeros_zlib(size: int) -> bytes:
    """A valid zlib stream of ``size`` zero bytes (a multiple of 1 MiB), built in
    milliseconds: after a full flush the deflater forgets its history, so one
    compressed MiB can be repeated; the checksum of zeros is computed directly."""
    chunk = bytes(MIB)
    deflater = zlib.compressobj(9)
    first = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    block = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    tail = deflater.flush(zlib.Z_FINISH)[:-4]  # the empty final block, without checksum
    adler = ((size % 65521) << 16) | 1  # Adler-32 of `size` zeros
    return first + block * (size // MIB - 1) + tail + struct.pack(">I", adler)


def pdf_with_stream(data: bytes, filters: bytes) -> bytes:
    """A one-page PDF whose content stream is ``data``, declared with ``filters``."""
    return pdfgen.assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream",
        ]
    )


def bomb_pdf() -> bytes:
    """1 MB that inflates to 1 GiB of zeros."""
    return pdf_with_stream(zeros_zlib(1024 * MIB), b"/FlateDecode")


def runlength_bomb_pdf() -> bytes:
    """RunLength: every two bytes become 128 (about 160 MB from 2.5 MB)."""
    return pdf_with_stream(b"\x81\x00" * (1250 * 1024) + b"\x80", b"/RunLengthDecode")


def reference_loop_pdf() -> bytes:
    """The page's contents are a reference to an object that refers back."""
    return pdfgen.assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"5 0 R",
            b"4 0 R",
        ]
    )


def aes_pdf(user_password: str) -> bytes:
    """AES-256 (needs pdfminer's optional cryptography) with or without a user password."""
    from fpdf.enums import EncryptionMethod

    pdf = pdfgen.new_pdf()
    pdfgen.para(pdf, 54, 60, 480, POLISH)
    pdf.set_encryption("owner-secret", user_password, encryption_method=EncryptionMethod.AES_256)
    return pdfgen.pdf_bytes(pdf)


def many_pages_pdf(pages: int = 300) -> bytes:
    return pdfgen.single_column([f"Strona {{page}}. {POLISH}"], pages=pages)


def rezip(
    base: bytes,
    replace: dict[str, bytes | None] | None = None,
    add: dict[str, bytes] | None = None,
    level: int = 6,
) -> bytes:
    """A copy of a zip with members replaced (None: removed) or added."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = replace.get(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info.filename, data, zipfile.ZIP_DEFLATED, level)
        for name, data in (add or {}).items():
            dst.writestr(name, data, zipfile.ZIP_DEFLATED, level)
    return out.getvalue()


def _docx_with_document(xml: bytes) -> bytes:
    return rezip(build_docx(), {"word/document.xml": xml})


_BODY = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>"
)


def billion_laughs_docx() -> bytes:
    entities = [b'<!ENTITY lol0 "lol">'] + [
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)
    ]
    doctype = b"<!DOCTYPE w:document [" + b"".join(entities) + b"]>"
    return _docx_with_document(b'<?xml version="1.0"?>' + doctype + _BODY % b"&lol9;")


def external_entity_docx(target: str = "file:///etc/passwd") -> bytes:
    doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "%s">]>' % target.encode()
    return _docx_with_document(b'<?xml version="1.0"?>' + doctype + _BODY % b"&xxe;")


def external_entity_odt(target: str = "file:///etc/passwd") -> bytes:
    content = (
        b'<?xml version="1.0"?><!DOCTYPE office:document-content '
        b'[<!ENTITY xxe SYSTEM "%s">]>'
        % target.encode()
        + b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
        b'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        b"<office:body><office:text><text:p>&xxe;</text:p></office:text></office:body>"
        b"</office:document-content>"
    )
    return rezip(build_odt(), {"content.xml": content})


def docx_without_document() -> bytes:
    return rezip(build_docx(), {"word/document.xml": None})


def zip_bomb_docx() -> bytes:
    """A DOCX carrying 150 MiB of zeros in one media part (about 150 KB compressed)."""
    out = io.BytesIO(rezip(build_docx()))
    info = zipfile.ZipInfo("word/media/image1.png")
    info.compress_type = zipfile.ZIP_DEFLATED
    with (
        zipfile.ZipFile(out, "a", compresslevel=1) as archive,
        archive.open(info, "w", force_zip64=True) as member,
    ):
        for _ in range(150):
            member.write(bytes(MIB))
    return out.getvalue()


def ratio_bomb_docx() -> bytes:
    """Within the size limit (20 MiB) but compressed about a thousand times."""
    return rezip(build_docx(), add={"word/media/image1.png": bytes(20 * MIB)}, level=9)


def many_members_docx(count: int = 1500) -> bytes:
    return rezip(build_docx(), add={f"customXml/extra{i}.xml": b"<a/>" for i in range(count)})


def lying_size_docx() -> bytes:
    """word/document.xml holds 30 MB of text but its directory entry declares 2 KB."""
    xml = _BODY % (b"lorem ipsum " * (30 * MIB // 12))
    data = bytearray(_docx_with_document(xml))
    name = b"word/document.xml"
    at = data.find(b"PK\x01\x02")
    while at != -1:
        size = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + size]) == name:
            struct.pack_into("<I", data, at + 24, 2048)  # uncompressed size
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def deep_json(depth: int = 100_000) -> bytes:
    return b'{"basics": ' + b"[" * depth + b"]" * depth + b"}"


def random_bytes(size: int = 64 * 1024, seed: int = 7) -> bytes:
    import random

    return random.Random(seed).randbytes(size)


def write_large(path: Path, size: int, line: bytes = b"Obsluga klienta.\n") -> None:
    """A text file of ``size`` bytes written in 1 MiB pieces."""
    piece = line * (MIB // len(line))
    with path.open("wb") as handle:
        written = 0
        while written < size:
            handle.write(piece)
            written += len(piece)


#: name -> builder; a builder writes into the path it is given.
Builder = Callable[[Path], None]


def writes(data: Callable[[], bytes]) -> Builder:
    def build(path: Path) -> None:
        path.write_bytes(data())

    return build


def fifo(path: Path) -> None:
    os.mkfifo(path)
