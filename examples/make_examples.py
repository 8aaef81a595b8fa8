"""Build the DOCX and PDF examples from the .txt sources beside this script.

The generated files are committed, so users need none of this; rerun it after
editing a source: ``python examples/make_examples.py`` (needs fpdf2 and a
DejaVu Sans font, e.g. Debian's fonts-dejavu-core).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _is_heading(line: str) -> bool:
    return line.isupper() and len(line.split()) <= 4


def make_docx(src: Path) -> None:
    lines = src.read_text(encoding="utf-8").splitlines()
    doc = Document()
    header = doc.sections[0].header.paragraphs[0]
    header.text = f"{lines[0]}\n{lines[1]}"  # name and contact in the page header
    for line in lines[2:]:
        if not line.strip():
            continue
        if _is_heading(line):
            doc.add_heading(line.title(), level=1)
        elif line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    doc.save(str(src.with_suffix(".docx")))


def make_pdf(src: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.add_page()
    lines = src.read_text(encoding="utf-8").splitlines()
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 8, lines[0], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 5, lines[1], new_x="LMARGIN", new_y="NEXT")
    for line in lines[2:]:
        if not line.strip():
            pdf.ln(2)
        elif _is_heading(line):
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("- "):
            pdf.set_font("DejaVu", "", 10)
            pdf.set_x(22)
            pdf.multi_cell(0, 5, "• " + line[2:], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(src.with_suffix(".pdf")))


def main() -> int:
    for src in sorted(HERE.glob("*-cv-*.txt")):
        make_docx(src)
        make_pdf(src)
        print(f"built {src.stem}.docx and {src.stem}.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
