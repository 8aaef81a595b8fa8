"""ODT, RTF, HTML, LaTeX and JSON Resume readers."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from odf import draw, office, style, table, text
from odf.namespaces import TEXTNS
from odf.opendocument import OpenDocumentText

from readers.fixturegen import ReadBytes
from skillcheck.errors import ReadError


def build_odt() -> bytes:
    doc = OpenDocumentText()
    layout = style.PageLayout(name="pm1")
    doc.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    header = style.Header()
    header.addElement(text.P(text="Zuzanna Kamińska · Kraków"))
    master.addElement(header)
    footer = style.Footer()
    footer.addElement(text.P(text="Stopka dokumentu"))
    master.addElement(footer)
    doc.masterstyles.addElement(master)

    body = doc.text
    tracked = text.TrackedChanges()
    region = text.ChangedRegion(qattributes={(TEXTNS, "id"): "ct1"}, check_grammar=False)
    deletion = text.Deletion()
    deletion.addElement(text.P(text="USUNIĘTY-TEKST"))
    region.addElement(deletion)
    tracked.addElement(region)
    body.addElement(tracked)

    body.addElement(text.H(outlinelevel=1, text="Doświadczenie"))
    p = text.P(text="Obsługiwałam ")
    p.addElement(text.Span(text="reklamacje"))
    p.addText(" klientów.")
    note = text.Note(noteclass="footnote")
    note_body = text.NoteBody()
    note_body.addElement(text.P(text="PRZYPIS"))
    note.addElement(note_body)
    p.addElement(note)
    annotation = office.Annotation()
    annotation.addElement(text.P(text="KOMENTARZ"))
    p.addElement(annotation)
    body.addElement(p)

    items = text.List()
    for entry in ("praca w zespole", "cierpliwość"):
        li = text.ListItem()
        li.addElement(text.P(text=entry))
        items.addElement(li)
    body.addElement(items)

    t = table.Table(name="Języki")
    t.addElement(table.TableColumn(numbercolumnsrepeated=2))
    row = table.TableRow()
    merged = table.TableCell(numbercolumnsspanned=2)
    merged.addElement(text.P(text="Języki obce"))
    row.addElement(merged)
    row.addElement(table.CoveredTableCell())
    t.addElement(row)
    row = table.TableRow()
    for value in ("angielski", "C1"):
        cell = table.TableCell()
        cell.addElement(text.P(text=value))
        row.addElement(cell)
    t.addElement(row)
    body.addElement(t)

    frame_p = text.P(text="Kotwica ")
    frame = draw.Frame(width="5cm", height="2cm", anchortype="paragraph")
    box = draw.TextBox()
    box.addElement(text.P(text="Tekst w ramce."))
    frame.addElement(box)
    frame_p.addElement(frame)
    body.addElement(frame_p)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def test_odt(read_bytes: ReadBytes) -> None:
    data = build_odt()
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    assert "USUNIĘTY-TEKST" in content and "PRZYPIS" in content  # really in the file
    doc = read_bytes(data, "cv.odt")
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        ("header", "Zuzanna Kamińska · Kraków"),
        ("heading", "Doświadczenie"),
        ("paragraph", "Obsługiwałam reklamacje klientów."),
        ("list-item", "praca w zespole"),
        ("list-item", "cierpliwość"),
        ("table-cell", "Języki obce"),
        ("table-cell", "angielski"),
        ("table-cell", "C1"),
        ("paragraph", "Kotwica"),
        ("paragraph", "Tekst w ramce."),
        ("footer", "Stopka dokumentu"),
    ]
    assert doc.format == "odt"
    for hidden in ("USUNIĘTY", "PRZYPIS", "KOMENTARZ"):
        assert hidden not in doc.text


RTF = (
    rb"{\rtf1\ansi\ansicpg1250\deff0{\fonttbl{\f0\fcharset238 Arial;}}"
    rb"{\info{\author Ukryty Autor}}"
    rb"\pard Do\'9cwiadczenie zawodowe\par"
    rb"\pard Obs\'b3uga klient\'f3w i reklamacji, \'bfyczliwo\'9c\'e6.\par"
    rb"\pard{\listtext \'95\tab}Praca w zespole\par"
    rb"\trowd\cellx2000\cellx4000\intbl J\'eazyk\cell Poziom\cell\row"
    rb"\pard Zaj\'eamo\u347?\par}"
)


def test_rtf(read_bytes: ReadBytes) -> None:
    doc = read_bytes(RTF, "cv.rtf")
    got = [(b.kind, b.text) for b in doc.blocks]
    assert ("paragraph", "Doświadczenie zawodowe") in got
    assert ("paragraph", "Obsługa klientów i reklamacji, życzliwość.") in got
    assert ("list-item", "Praca w zespole") in got
    assert ("paragraph", "Język | Poziom") in got
    assert "Ukryty Autor" not in doc.text
    assert doc.format == "rtf"


HTML = """<!DOCTYPE html>
<html><head><meta charset="windows-1250"><title>TYTUŁ</title>
<style>p { color: red }</style><script>var SKRYPT = 1;</script></head>
<body><header><h1>Katarzyna Nowak</h1></header>
<section><h2>Doświadczenie</h2>
<p>Przyjmuję <b>15 reklamacji</b> tygodniowo&nbsp;i spokojnie
łagodzę spory.</p>
<ul><li>praca w zespole</li><li>takt i <em>cierpliwość</em></li></ul>
<table><tr><td>Język</td><td>Poziom</td></tr></table>
<div>Adres<br>Długa 5, Kraków</div><!-- KOMENTARZ -->
</section></body></html>"""


def test_html(read_bytes: ReadBytes) -> None:
    doc = read_bytes(HTML.encode("cp1250"), "cv.html")
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        ("heading", "Katarzyna Nowak"),
        ("heading", "Doświadczenie"),
        ("paragraph", "Przyjmuję 15 reklamacji tygodniowo i spokojnie łagodzę spory."),
        ("list-item", "praca w zespole"),
        ("list-item", "takt i cierpliwość"),
        ("table-cell", "Język"),
        ("table-cell", "Poziom"),
        ("paragraph", "Adres"),
        ("paragraph", "Długa 5, Kraków"),
    ]
    for hidden in ("SKRYPT", "color", "KOMENTARZ", "TYTUŁ"):
        assert hidden not in doc.text


TEX = r"""\documentclass{article}
\usepackage[utf8]{inputenc}
\newcommand{\PREAMBLE}{hidden}
\begin{document}
\section*{Do\'swiadczenie zawodowe} % a comment
Kierowniczka zmiany z pi\k{e}cioletnim do\'swiadczeniem,
\textbf{odporna} na stres. % UKRYTY komentarz
100\% zaanga\.zowania.

\begin{itemize}
  \item Koordynuj\k{e} prac\k{e} zmiany
    i uk\l{}adam grafiki.
  \item[--] Praca w zespole
\end{itemize}
\cventry{2019--2021}{Sprzedawczyni}{Modna Szafa}{Pozna\'n}{}{}
\end{document}
Nothing after the end.
"""


def test_tex(read_bytes: ReadBytes) -> None:
    doc = read_bytes(TEX.encode(), "cv.tex")
    got = [(b.kind, b.line, b.text) for b in doc.blocks]
    assert got == [
        ("heading", 5, "Doświadczenie zawodowe"),
        (
            "paragraph",
            6,
            "Kierowniczka zmiany z pięcioletnim doświadczeniem, odporna na stres. "
            "100% zaangażowania.",
        ),
        ("list-item", 11, "Koordynuję pracę zmiany i układam grafiki."),
        ("list-item", 13, "Praca w zespole"),
        ("paragraph", 15, "2019–2021 Sprzedawczyni Modna Szafa Poznań"),
    ]
    for hidden in ("UKRYTY", "hidden", "Nothing after"):
        assert hidden not in doc.text


RESUME = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {
        "name": "Aisha Rahman",
        "label": "Front Desk Receptionist",
        "email": "aisha@example.com",
        "summary": "Friendly receptionist who greets guests with a smile.",
    },
    "work": [
        {
            "name": "Aire View Hotel",
            "position": "Receptionist",
            "startDate": "2024-09",
            "summary": "Front desk of a 120-room hotel.",
            "highlights": ["Calmed an upset guest and rebooked her room within ten minutes."],
        }
    ],
    "education": [{"institution": "Leeds City College", "studyType": "BTEC", "area": "Tourism"}],
    "skills": [{"name": "Communication", "keywords": ["active listening", "empathy"]}],
    "languages": [{"language": "Urdu", "fluency": "fluent"}],
    "interests": [{"name": "Volunteering"}],
}


def test_json_resume(read_bytes: ReadBytes) -> None:
    doc = read_bytes(json.dumps(RESUME).encode(), "resume.json")
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        ("heading", "Aisha Rahman"),
        ("paragraph", "Front Desk Receptionist"),
        ("paragraph", "aisha@example.com"),
        ("heading", "Summary"),
        ("paragraph", "Friendly receptionist who greets guests with a smile."),
        ("heading", "Experience"),
        ("paragraph", "Receptionist — Aire View Hotel (2024-09 – present)"),
        ("paragraph", "Front desk of a 120-room hotel."),
        ("list-item", "Calmed an upset guest and rebooked her room within ten minutes."),
        ("heading", "Education"),
        ("paragraph", "BTEC Tourism — Leeds City College"),
        ("heading", "Skills"),
        ("list-item", "Communication: active listening, empathy"),
        ("heading", "Languages"),
        ("list-item", "Urdu (fluent)"),
        ("heading", "Interests"),
        ("list-item", "Volunteering"),
    ]
    assert doc.format == "json"


@pytest.mark.parametrize(
    ("data", "code"),
    [(b'{"name": "not a resume", "version": 2}', "unsupported-format"), (b"{not json", "corrupt")],
)
def test_other_json(read_bytes: ReadBytes, data: bytes, code: str) -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(data, "data.json")
    assert err.value.code == code
