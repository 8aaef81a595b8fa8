"""The quality gate and the ``skillcheck text`` dump."""

from __future__ import annotations

from readers.fixturegen import ReadBytes
from skillcheck.document import Block, Document, ReadWarning
from skillcheck.readers.base import ReadResult
from skillcheck.readers.quality import assess
from skillcheck.textdump import format_document_text

LONG = " ".join(["Obsługuję klientów i rozwiązuję ich problemy."] * 10)


def _codes(text: str, **facts: object) -> list[str]:
    doc = Document("cv.txt", "txt", [Block(text)])
    return [w.code for w in assess(doc, ReadResult(blocks=doc.blocks, **facts))]  # type: ignore[arg-type]


def test_clean_long_text_has_no_warnings() -> None:
    assert _codes(LONG) == []


def test_little_text() -> None:
    assert _codes("Jan Kowalski, kelner.") == ["little-text"]


def test_suspicious_characters() -> None:
    assert _codes(LONG + " Zaj\ufffdcia") == ["suspicious-characters"]
    assert _codes(LONG + " ObsÅ‚uga klientÃ³w") == ["suspicious-characters"]
    assert _codes(LONG + " (cid:42)") == ["suspicious-characters"]
    assert _codes(LONG, unmapped_glyphs=3) == ["suspicious-characters"]


def test_reader_facts() -> None:
    assert _codes(LONG, multi_column_pages=[1]) == ["multi-column"]
    assert _codes(LONG, image_only_pages=[2, 3]) == ["image-only-pages"]
    assert _codes(LONG, pages=60, pages_read=50) == ["pages-truncated"]


def test_mojibake_utf8_read_as_cp1252_file_is_flagged(read_bytes: ReadBytes) -> None:
    garbled = LONG.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    doc = read_bytes(garbled, "cv.txt")
    assert "suspicious-characters" in [w.code for w in doc.warnings]


def test_text_dump() -> None:
    doc = Document(
        "cv.pdf",
        "pdf",
        [
            Block("PROFIL", "heading", page=1),
            Block("Kierowniczka zmiany.", page=1),
            Block("praca w zespole", "list-item", page=1),
            Block("Język | Poziom", "table-cell", page=2),
        ],
        [ReadWarning("multi-column", "Page(s) 1 are laid out in columns.")],
        pages=2,
    )
    assert format_document_text(doc) == (
        "--- page 1 ---\n"
        "[heading] PROFIL\n"
        "Kierowniczka zmiany.\n"
        "- praca w zespole\n"
        "--- page 2 ---\n"
        "| Język | Poziom\n"
        "\n"
        "warnings:\n"
        "- multi-column: Page(s) 1 are laid out in columns.\n"
    )


def test_text_dump_without_pages_or_warnings() -> None:
    doc = Document("cv.docx", "docx", [Block("Jan", "header", paragraph=1)])
    assert format_document_text(doc) == "[header] Jan\n\nwarnings: none\n"
