"""Builders for the reader test fixtures: every file is generated, none is checked in.

fpdf2 (with the DejaVu font copied into tests/fixtures/fonts) makes realistic
PDF layouts; ``raw_pdf`` writes minimal PDFs by hand for what fpdf2 cannot
produce (detached accents, ``(cid:N)`` codes, private-use glyphs, soft hyphens).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF

from skillcheck.document import Document

#: read_bytes(data, name, **options) -> Document: the ``read_bytes`` fixture's type
ReadBytes = Callable[..., Document]


def squash(text: str) -> str:
    """Whitespace-normalised text, as gold passages are compared."""
    return " ".join(text.split())


FONTS = Path(__file__).resolve().parents[1] / "fixtures" / "fonts"

# --- fpdf2 layouts ---------------------------------------------------------------


def new_pdf() -> FPDF:
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_page()
    return pdf


def heading(pdf: FPDF, x: float, y: float, w: float, text: str, size: float = 11) -> float:
    pdf.set_font("DejaVu", "B", size)
    pdf.set_xy(x, y)
    pdf.multi_cell(w, size * 1.4, text, new_x="LEFT", new_y="NEXT")
    return pdf.get_y() + 4


def para(pdf: FPDF, x: float, y: float, w: float, text: str, size: float = 9.5) -> float:
    pdf.set_font("DejaVu", "", size)
    pdf.set_xy(x, y)
    pdf.multi_cell(w, size * 1.35, text, new_x="LEFT", new_y="NEXT")
    return pdf.get_y() + 3


def bullet(pdf: FPDF, x: float, y: float, w: float, text: str, size: float = 9.5) -> float:
    """A bullet with a hanging indent, as CV templates draw it."""
    pdf.set_font("DejaVu", "", size)
    pdf.set_xy(x, y)
    pdf.cell(11, size * 1.35, "•")
    pdf.set_xy(x + 11, y)
    pdf.multi_cell(w - 11, size * 1.35, text, new_x="LEFT", new_y="NEXT")
    return pdf.get_y() + 1


def pdf_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


SIDEBAR = [
    "UMIEJĘTNOŚCI",
    "praca w zespole",
    "wysoka kultura osobista i takt",
    "obsługa systemów POS i SAP Retail",
    "JĘZYKI",
    "angielski – B2",
    "niemiecki – A2",
]
MAIN_BULLETS = [
    "Koordynuję pracę ośmioosobowej zmiany: układam grafiki i dzielę zadania tak, aby w "
    "godzinach szczytu przy kasach zawsze pracowały trzy osoby.",
    "Przyjmuję średnio 15 reklamacji tygodniowo; w 2023 r. spokojnie załagodziłam głośny spór "
    "z klientką o zniszczony płaszcz, dzięki czemu zrezygnowała ze złożenia skargi.",
    "Współpracuję z działem e-commerce przy zwrotach zamówień internetowych; razem "
    "skróciliśmy czas ich rozliczania z 14 do 5 dni.",
]


def sidebar_cv(same_font: bool = False) -> bytes:
    """A shaded sidebar (skills, languages) beside a main column with wrapped bullets.

    ``same_font``: both columns in the same size and line pitch, so that their
    baselines line up, the hardest case for telling columns from table rows.
    """
    pdf = new_pdf()
    heading(pdf, 54, 50, 480, "Katarzyna Nowak", 17)
    para(pdf, 54, 76, 480, "Kierowniczka zmiany · Poznań · katarzyna.nowak@example.com")
    pdf.set_fill_color(230, 230, 230)
    pdf.rect(43, 100, 170, 600, style="F")
    side_size = 9.5 if same_font else 9
    y = 110.0
    for item in SIDEBAR:
        if item.isupper():
            y = heading(pdf, 54, y, 150, item, 11 if same_font else 10)
        else:
            y = bullet(pdf, 54, y, 150, item, side_size)
    y = 110.0
    y = heading(pdf, 235, y, 300, "PROFIL", 11 if same_font else 10.5)
    y = para(
        pdf,
        235,
        y,
        300,
        "Kierowniczka zmiany z pięcioletnim doświadczeniem w handlu detalicznym. Dobrze "
        "zorganizowana i odporna na stres.",
    )
    y = heading(pdf, 235, y + 6, 300, "DOŚWIADCZENIE ZAWODOWE", 11 if same_font else 10.5)
    for text in MAIN_BULLETS:
        y = bullet(pdf, 235, y, 300, text)
    return pdf_bytes(pdf)


COLUMN_ONE_END = "Mengakui kesilapan saya sendiri dalam"
COLUMN_TWO_START = "pesanan stok kepada pengurus kawasan pada 2022 dan memastikan stok dipulangkan."


def two_columns_cv() -> bytes:
    """Two balanced newspaper columns; one bullet runs from the foot of column 1 into column 2."""
    pdf = new_pdf()
    heading(pdf, 54, 50, 480, "Kavitha a/p Subramaniam", 17)
    para(pdf, 54, 76, 480, "Penyelia Kedai · Johor Bahru · kavitha.subra@example.com")
    y = heading(pdf, 54, 110, 230, "PENGALAMAN KERJA")
    y = bullet(
        pdf,
        54,
        y,
        230,
        "Menangani purata 20 aduan pelanggan sebulan; pada 2023 saya kekal tenang dan berjaya "
        "meredakan pertengkaran antara dua pelanggan di kaunter.",
    )
    y = bullet(
        pdf,
        54,
        y,
        230,
        "Ketika kedai beralih kepada pembayaran tanpa tunai, saya menggalakkan pekerja serta "
        "pelanggan warga emas mencuba e-dompet.",
    )
    bullet(pdf, 54, y, 230, COLUMN_ONE_END)
    # Column 2 starts at the top again with the rest of the bullet.
    y = para(pdf, 324, 110, 220, COLUMN_TWO_START)
    y = heading(pdf, 313, y + 6, 230, "KEMAHIRAN")
    for text in ("Kerja berpasukan", "Pengurusan masa", "Rasa humor"):
        y = bullet(pdf, 313, y, 230, text)
    y = heading(pdf, 313, y + 6, 230, "PENDIDIKAN")
    para(pdf, 313, y, 230, "Sijil Pelajaran Malaysia (SPM), 2017")
    return pdf_bytes(pdf)


DATED_JOBS = [
    ("Customer Service Agent — TeleCo, Warsaw", "03.2021 – obecnie"),
    ("Sales Assistant — Modna Szafa, Poznań", "06.2019 – 02.2021"),
]
DATED_BULLET = (
    "Handled about 60 calls a day and resolved 85% of billing questions on the first call, "
    "keeping customers informed until each case was closed."
)


def dated_cv() -> bytes:
    """One column with dates right-aligned on the job-title rows."""
    pdf = new_pdf()
    y = heading(pdf, 54, 50, 480, "EXPERIENCE")
    for title, dates in DATED_JOBS:
        pdf.set_font("DejaVu", "B", 10)
        pdf.set_xy(54, y)
        pdf.cell(300, 14, title)
        pdf.set_font("DejaVu", "", 10)
        pdf.set_xy(54, y)
        pdf.cell(487, 14, dates, align="R")
        y += 18
        y = bullet(pdf, 54, y, 487, DATED_BULLET, 10)
        y += 8
    return pdf_bytes(pdf)


def single_column(lines: list[str], pages: int = 1) -> bytes:
    """Plain lines, one page per copy (``pages``), with a number per page."""
    pdf = new_pdf()
    for page in range(pages):
        if page:
            pdf.add_page()
        y = 60.0
        for line in lines:
            y = para(pdf, 54, y, 480, line.replace("{page}", str(page + 1)), 10)
    return pdf_bytes(pdf)


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 40), (120, 120, 120)).save(out, format="PNG")
    return out.getvalue()


def with_image_page(text_first: bool = True) -> bytes:
    """Page 1 text (or not), page 2 only a picture (a scan)."""
    pdf = new_pdf()
    if text_first:
        para(pdf, 54, 60, 480, "Katarzyna Nowak — Kierowniczka zmiany, Poznań. " * 6)
    else:
        pdf.image(io.BytesIO(png_bytes()), x=54, y=60, w=300)
    pdf.add_page()
    pdf.image(io.BytesIO(png_bytes()), x=54, y=60, w=300)
    return pdf_bytes(pdf)


def encrypted(user_password: str) -> bytes:
    pdf = new_pdf()
    para(pdf, 54, 60, 480, "Doświadczenie zawodowe: obsługa klienta i reklamacji.")
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    return pdf_bytes(pdf)


# --- hand-written PDFs -----------------------------------------------------------


def _cmap(mapping: dict[int, str]) -> bytes:
    entries = "".join(
        f"<{code:02X}> <{''.join(f'{u:04X}' for u in _utf16(text))}>\n"
        for code, text in sorted(mapping.items())
    )
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{entries}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _utf16(text: str) -> list[int]:
    data = text.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


class RawText:
    """Text shown with a font whose ToUnicode map we write, so any code point can appear."""

    def __init__(self) -> None:
        self.mapping: dict[int, str] = {c: chr(c) for c in range(32, 127)}
        self._next = 1

    def encode(self, text: str) -> bytes:
        out = bytearray()
        for ch in text:
            if 32 <= ord(ch) < 127:
                out.append(ord(ch))
                continue
            code = next((c for c, t in self.mapping.items() if t == ch), None)
            if code is None:
                code = self._next if self._next < 32 else 128 + (self._next - 32)
                self._next += 1
                self.mapping[code] = ch
            out.append(code)
        return bytes(out)


def _literal(data: bytes) -> bytes:
    return b"(" + b"".join(b"\\%03o" % b for b in data) + b")"


def raw_pdf(lines: list[str], *, cid_line: str | None = None) -> bytes:
    """A one-page PDF with ``lines`` (any Unicode) at 12pt, 16pt apart.

    ``cid_line``: one more line shown with a font that has no Unicode mapping
    for its codes, which pdfminer reports as ``(cid:N)``.
    """
    text = RawText()
    ops = [b"BT /F1 12 Tf 16 TL 72 760 Td"]
    for line in lines:
        ops.append(_literal(text.encode(line)) + b" Tj T*")
    if cid_line is not None:
        ops.append(b"/F2 12 Tf (Skills: ) Tj")
        ops.append(_literal(bytes(range(1, 6))) + b" Tj")
        ops.append(_literal(cid_line.encode("ascii")) + b" Tj T*")
    ops.append(b"ET")
    content = b"\n".join(ops)
    widths = b"[" + b" ".join(b"500" for _ in range(1, 256)) + b"]"
    cmap = _cmap({c: t for c, t in text.mapping.items()})
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 255 "
        b"/Widths " + widths + b" /ToUnicode 6 0 R >>",
        _stream(cmap),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 255 "
        b"/Widths " + widths + b" >>",
    ]
    return assemble(objects)


def _stream(data: bytes) -> bytes:
    packed = zlib.compress(data)
    return (
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    )


def assemble(objects: list[bytes]) -> bytes:
    """Number the objects from 1, write the xref table and trailer (root = object 1)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def empty_page_pdf() -> bytes:
    """A valid PDF whose only page draws nothing."""
    return assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            _stream(b""),
        ]
    )
