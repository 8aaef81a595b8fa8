"""DOCX: every text once, in order; text boxes, content controls, revisions, merged cells."""

from __future__ import annotations

import copy
import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from readers.fixturegen import ReadBytes
from skillcheck.errors import ReadError

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
TEXT_BOX = "Cierpliwie tłumaczę klientom zawiłości rachunków."


def _text_box_paragraph() -> object:
    """A floating text box as Word saves it: DrawingML choice plus a VML fallback copy."""
    inner = f"<w:txbxContent><w:p><w:r><w:t>{TEXT_BOX}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f'<w:p {NS}><w:r><w:t xml:space="preserve">Anchor text </w:t></w:r><w:r>'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def _body_insert(document: docx.document.Document, element: object) -> None:
    body = document.element.body
    body.insert(len(body) - 1, element)  # before the final sectPr


def build_docx() -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Daniel Okafor · daniel.okafor@example.com"
    d.sections[0].footer.paragraphs[0].text = "Strona stopki"
    d.add_paragraph("Daniel Okafor", style="Title")
    d.add_heading("Experience", level=1)
    d.add_paragraph("Resolved billing queries on the first call.", style="List Bullet")
    outline = d.add_paragraph("Skills by outline level")
    ppr = outline._p.get_or_add_pPr()
    lvl = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): "1"})
    ppr.append(lvl)
    numbered = d.add_paragraph("Numbered with numPr")
    numbered._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {NS}><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>')
    )
    commented = d.add_paragraph("Calm under pressure.")
    d.add_comment(commented.runs, text="COMMENT-TEXT should not appear", author="Reviewer")
    _body_insert(d, _text_box_paragraph())
    _body_insert(
        d,
        parse_xml(
            f'<w:sdt {NS}><w:sdtPr><w:alias w:val="Profile"/></w:sdtPr><w:sdtContent>'
            "<w:p><w:r><w:t>Inside a content control.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    _body_insert(
        d,
        parse_xml(
            f'<w:p {NS}><w:r><w:t xml:space="preserve">Handled </w:t></w:r>'
            '<w:del w:id="1" w:author="x"><w:r><w:delText>DELETED-WORDS </w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="x"><w:r><w:t>escalated </w:t></w:r></w:ins>'
            "<w:r><w:t>complaints.</w:t></w:r></w:p>"
        ),
    )
    table = d.add_table(rows=3, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Languages and levels"
    tall = table.cell(1, 0).merge(table.cell(2, 0))
    tall.text = "Polish"
    table.cell(1, 1).text = "native"
    table.cell(1, 2).text = "C2"
    table.cell(2, 1).paragraphs[0].text = "English"
    table.cell(2, 1).add_paragraph("spoken daily")
    nested = table.cell(2, 2).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "Nested A"
    nested.cell(0, 1).text = "Nested B"
    d.add_paragraph("Line one of an address\nline two after a soft break")
    # A second section sharing the first one's header part.
    d.add_section()
    d.add_paragraph("Second section text.")
    first, second = (s._sectPr for s in d.sections)
    for ref in first.findall(qn("w:headerReference")):
        second.append(copy.deepcopy(ref))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return build_docx()


def test_every_text_once_in_order(read_bytes: ReadBytes, docx_bytes: bytes) -> None:
    doc = read_bytes(docx_bytes, "cv.docx")
    texts = [b.text for b in doc.blocks]
    text = doc.text
    assert text.count(TEXT_BOX) == 1  # the mc:Fallback copy is skipped
    assert texts.index("Anchor text") < texts.index(TEXT_BOX)
    assert "Inside a content control." in texts
    assert "Handled escalated complaints." in texts
    assert "DELETED-WORDS" not in text
    assert "COMMENT-TEXT" not in text
    assert text.count("Daniel Okafor · daniel.okafor@example.com") == 1
    assert text.count("Languages and levels") == 1
    assert text.count("Polish") == 1
    assert [b.paragraph for b in doc.blocks] == list(range(1, len(doc.blocks) + 1))


def test_kinds(read_bytes: ReadBytes, docx_bytes: bytes) -> None:
    doc = read_bytes(docx_bytes, "cv.docx")
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["Daniel Okafor · daniel.okafor@example.com"] == "header"
    assert kinds["Strona stopki"] == "footer"
    assert doc.blocks[0].kind == "header" and doc.blocks[-1].kind == "footer"
    assert kinds["Daniel Okafor"] == "heading"  # Title style
    assert kinds["Experience"] == "heading"
    assert kinds["Skills by outline level"] == "heading"
    assert kinds["Resolved billing queries on the first call."] == "list-item"
    assert kinds["Numbered with numPr"] == "list-item"
    assert kinds["Calm under pressure."] == "paragraph"


def test_table_cells_merged_and_nested(read_bytes: ReadBytes, docx_bytes: bytes) -> None:
    doc = read_bytes(docx_bytes, "cv.docx")
    cells = [b.text for b in doc.blocks if b.kind == "table-cell"]
    assert cells == [
        "Languages and levels",  # gridSpan over three columns: once
        "Polish",  # vMerge over two rows: once
        "native",
        "C2",
        "English | spoken daily",  # one cell; its paragraphs kept apart for the core
        "Nested A",
        "Nested B",
    ]


def test_soft_line_break_lines(read_bytes: ReadBytes, docx_bytes: bytes) -> None:
    texts = [b.text for b in read_bytes(docx_bytes, "cv.docx").blocks]
    assert "Line one of an address line two after a soft break" in texts


def test_docx_with_a_dtd_is_rejected(read_bytes: ReadBytes, docx_bytes: bytes) -> None:
    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"?>",
                    b'?><!DOCTYPE w:document [<!ENTITY lol "lol">]>',
                    1,
                )
            z.writestr(item, data)
    with pytest.raises(ReadError) as err:
        read_bytes(out.getvalue(), "bomb.docx")
    assert err.value.code == "corrupt"


def test_docx_named_pdf_is_read_as_docx(read_bytes: ReadBytes, docx_bytes: bytes) -> None:
    doc = read_bytes(docx_bytes, "cv.pdf")
    assert doc.format == "docx"
    assert "Calm under pressure." in doc.text
