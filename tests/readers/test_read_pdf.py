"""PDF: reading order across columns, wrapped bullets, clean-up, scans, encryption, limits."""

from __future__ import annotations

import io

import pytest
from pdfminer.high_level import extract_text

import readers.fixturegen as gen
from readers.fixturegen import ReadBytes, squash
from skillcheck.errors import ReadError
from skillcheck.readers.pdf import NO_TEXT_LAYER


def _index(texts: list[str], needle: str) -> int:
    return next(i for i, t in enumerate(texts) if needle in t)


@pytest.mark.parametrize("same_font", [False, True], ids=["sidebar", "sidebar-aligned-baselines"])
def test_sidebar_is_read_apart_from_the_main_column(read_bytes: ReadBytes, same_font: bool) -> None:
    doc = read_bytes(gen.sidebar_cv(same_font), "sidebar.pdf")
    texts = [b.text for b in doc.blocks]
    # Every sidebar entry is its own block, none glued to main-column text.
    for item in gen.SIDEBAR:
        assert item in texts
    # Main-column bullets are whole: one block each, wrapped lines joined.
    for text in gen.MAIN_BULLETS:
        assert text in texts
    # Column order: the whole sidebar, then the whole main column.
    last_side = max(_index(texts, item) for item in gen.SIDEBAR)
    assert last_side < _index(texts, "PROFIL")
    assert [b.page for b in doc.blocks] == [1] * len(doc.blocks)
    assert any(w.code == "multi-column" for w in doc.warnings)
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["UMIEJĘTNOŚCI"] == "heading"
    assert kinds["praca w zespole"] == "list-item"


def test_two_balanced_columns_and_a_bullet_running_into_column_two(read_bytes: ReadBytes) -> None:
    doc = read_bytes(gen.two_columns_cv(), "columns.pdf")
    texts = [b.text for b in doc.blocks]
    whole = f"{gen.COLUMN_ONE_END} {gen.COLUMN_TWO_START}"
    assert whole in texts  # one block across the column break
    assert _index(texts, "Menangani purata") < _index(texts, whole) < _index(texts, "KEMAHIRAN")
    assert texts.index("Kerja berpasukan") < texts.index("PENDIDIKAN")
    assert any(w.code == "multi-column" for w in doc.warnings)


def test_right_aligned_dates_stay_out_of_the_bullets(read_bytes: ReadBytes) -> None:
    doc = read_bytes(gen.dated_cv(), "dated.pdf")
    texts = [b.text for b in doc.blocks]
    for title, dates in gen.DATED_JOBS:
        assert title in texts and dates in texts
        assert texts.index(title) < texts.index(dates)
    assert texts.count(gen.DATED_BULLET) == 2
    assert not any(w.code == "multi-column" for w in doc.warnings)


def test_detached_accents_ligatures_soft_hyphens_pua_and_line_end_hyphens(
    read_bytes: ReadBytes,
) -> None:
    data = gen.raw_pdf(
        [
            "Do \u00b4swiadczenie zawodowe",
            "Trzeba klikn \u02dba \u00b4c i pomo\u02d9ze\u00b4c",
            "po\u00adwierzone zadania w o\ufb03ce i \ufb02ow",
            "\uf0b7 Teamwork \ue001",
            "Wdra\u017cali\u015bmy nowy sys-",
            "tem obs\u0142ugi klienta.",
        ]
    )
    raw = extract_text(io.BytesIO(data))
    assert "\u00b4swiadczenie" in raw and "\u00ad" in raw  # the problem is really there
    doc = read_bytes(data, "accents.pdf")
    text = squash(doc.text)
    for word in ("Doświadczenie", "kliknąć", "pomożeć", "powierzone", "office", "flow"):
        assert word in text
    assert "Wdrażaliśmy nowy system obsługi klienta." in text
    assert "\u00ad" not in text and "\ue001" not in text and "\uf0b7" not in text
    assert any(b.kind == "list-item" and b.text == "Teamwork" for b in doc.blocks)


def test_cid_codes_are_dropped_and_reported(read_bytes: ReadBytes) -> None:
    data = gen.raw_pdf(["Obsługa klienta"], cid_line=" and patience")
    assert "(cid:" in extract_text(io.BytesIO(data))
    doc = read_bytes(data, "cid.pdf")
    assert "(cid:" not in doc.text
    assert "and patience" in doc.text
    assert any(w.code == "suspicious-characters" for w in doc.warnings)


def test_image_only_page_gives_a_warning(read_bytes: ReadBytes) -> None:
    doc = read_bytes(gen.with_image_page(), "scan-page.pdf")
    assert doc.pages == 2
    assert "Kierowniczka zmiany" in doc.text
    warning = next(w for w in doc.warnings if w.code == "image-only-pages")
    assert "2" in warning.message


@pytest.mark.parametrize(
    "data", [gen.with_image_page(False), gen.empty_page_pdf()], ids=["scan", "blank"]
)
def test_no_text_at_all_is_no_text_layer(read_bytes: ReadBytes, data: bytes) -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(data, "scan.pdf")
    assert err.value.code == "no-text-layer"
    assert err.value.message == NO_TEXT_LAYER


def test_encrypted_without_user_password_opens(read_bytes: ReadBytes) -> None:
    doc = read_bytes(gen.encrypted(""), "locked.pdf")
    assert "Doświadczenie zawodowe: obsługa klienta i reklamacji." in doc.text


def test_password_protected_pdf_is_encrypted_error(read_bytes: ReadBytes) -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(gen.encrypted("secret"), "locked.pdf")
    assert err.value.code == "encrypted"


def test_pages_over_the_limit_are_cut_with_a_warning(read_bytes: ReadBytes) -> None:
    data = gen.single_column(["Strona {page}: doświadczenie w obsłudze klienta."], pages=3)
    doc = read_bytes(data, "long.pdf", max_pages=2)
    assert doc.pages == 3
    assert [b.page for b in doc.blocks] == [1, 2]
    assert "Strona 3" not in doc.text
    assert any(w.code == "pages-truncated" and "2 of 3" in w.message for w in doc.warnings)


def test_page_numbers_and_a_paragraph_continued_on_the_next_page(read_bytes: ReadBytes) -> None:
    pdf = gen.new_pdf()
    gen.para(pdf, 54, 60, 480, "PROFIL")
    gen.para(pdf, 54, 800, 480, "Kierowniczka zmiany z pięcioletnim doświadczeniem i")
    pdf.add_page()
    gen.para(pdf, 54, 60, 480, "nastawieniem na klienta.")
    doc = read_bytes(gen.pdf_bytes(pdf), "pages.pdf")
    block = doc.blocks[-1]
    assert (
        block.text == "Kierowniczka zmiany z pięcioletnim doświadczeniem i nastawieniem na klienta."
    )
    assert block.page == 1
    assert doc.pages == 2
