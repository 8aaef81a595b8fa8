"""Plain text and Markdown: encodings, one block per logical line, bullets, headings."""

from __future__ import annotations

import codecs

import pytest

from readers.fixturegen import ReadBytes
from skillcheck.errors import ReadError
from skillcheck.readers.text import decode_text

POLISH_CV = (
    "Katarzyna Nowak\n"
    "Kierowniczka zmiany · Poznań\n"
    "\n"
    "DOŚWIADCZENIE ZAWODOWE\n"
    "- Przyjmuję średnio 15 reklamacji i zwrotów tygodniowo; spokojnie załagodziłam spór.\n"
    "- Współpracuję z działem e-commerce; razem skróciliśmy czas rozliczania zwrotów.\n"
    "Zażółć gęślą jaźń. Łódź, Kraków, Gdańsk — źródło, ślad, żółw.\n"
)


@pytest.mark.parametrize(
    "encoded",
    [
        POLISH_CV.encode("utf-8"),
        codecs.BOM_UTF8 + POLISH_CV.encode("utf-8"),
        POLISH_CV.encode("utf-16"),  # with BOM
        POLISH_CV.encode("utf-16-le"),  # without BOM
        POLISH_CV.replace("·", "-").replace("—", "-").encode("cp1250"),
        POLISH_CV.replace("·", "-").replace("—", "-").encode("iso-8859-2"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "windows-1250", "iso-8859-2"],
)
def test_polish_encodings_decode_right(encoded: bytes) -> None:
    text = decode_text(encoded)
    assert "Przyjmuję średnio 15 reklamacji" in text
    assert "Zażółć gęślą jaźń" in text
    assert "skróciliśmy" in text
    assert "\ufeff" not in text


def test_short_cp1250_text_is_not_taken_for_cp1252() -> None:
    assert decode_text(
        "Umiejętności: komunikacja, łatwość nawiązywania kontaktów".encode("cp1250")
    ) == ("Umiejętności: komunikacja, łatwość nawiązywania kontaktów")


def test_binary_noise_is_a_decode_error(read_bytes: ReadBytes) -> None:
    noise = bytes((i * 37 + 11) % 256 for i in range(3000)).replace(b"\x00", b"\x01")
    with pytest.raises(ReadError) as err:
        read_bytes(noise, "cv.txt")
    assert err.value.code == "decode-error"


def test_text_lines_bullets_and_wraps(read_bytes: ReadBytes) -> None:
    text = (
        "Katarzyna Nowak\n"
        "\n"
        "PROFIL\n"
        "Kierowniczka zmiany z pięcioletnim doświadczeniem w handlu detalicznym i\n"
        "nastawieniem na rozwiązywanie problemów klientów.\n"
        "• Koordynuję pracę ośmioosobowej zmiany i układam grafiki tak, aby zawsze\n"
        "  pracowały trzy osoby przy kasach w godzinach szczytu.\n"
        "* praca w zespole\n"
        "1. Saya ingin memohon jawatan Ejen Khidmat Pelanggan.\n"
        "Obszar | Umiejętności\n"
    )
    doc = read_bytes(text.encode(), "cv.txt")
    got = [(b.kind, b.line, b.text) for b in doc.blocks]
    assert got == [
        ("paragraph", 1, "Katarzyna Nowak"),
        ("paragraph", 3, "PROFIL"),
        (
            "paragraph",
            4,
            "Kierowniczka zmiany z pięcioletnim doświadczeniem w handlu detalicznym i "
            "nastawieniem na rozwiązywanie problemów klientów.",
        ),
        (
            "list-item",
            6,
            "Koordynuję pracę ośmioosobowej zmiany i układam grafiki tak, aby zawsze "
            "pracowały trzy osoby przy kasach w godzinach szczytu.",
        ),
        ("list-item", 8, "praca w zespole"),
        ("list-item", 9, "Saya ingin memohon jawatan Ejen Khidmat Pelanggan."),
        ("paragraph", 10, "Obszar | Umiejętności"),
    ]
    assert doc.format == "txt"


def test_markdown_headings_emphasis_links_tables(read_bytes: ReadBytes) -> None:
    md = (
        "# Daniel Okafor\n"
        "\n"
        "Customer Service Agent\n"
        "======================\n"
        "\n"
        "## Experience\n"
        "- **Resolved** 85% of _billing_ queries on the [first call](https://example.com).\n"
        "- [ ] `Zendesk` and ~~Freshdesk~~ tickets\n"
        "\n"
        "| Language | Level |\n"
        "|----------|-------|\n"
        "| English  | Native |\n"
        "\n"
        "---\n"
        "> Patient and calm with upset callers.\n"
    )
    doc = read_bytes(md.encode(), "cv.md")
    got = [(b.kind, b.line, b.text) for b in doc.blocks]
    assert got == [
        ("heading", 1, "Daniel Okafor"),
        ("heading", 3, "Customer Service Agent"),
        ("heading", 6, "Experience"),
        ("list-item", 7, "Resolved 85% of billing queries on the first call."),
        ("list-item", 8, "Zendesk and Freshdesk tickets"),
        ("paragraph", 10, "Language | Level"),
        ("paragraph", 12, "English | Native"),
        ("paragraph", 15, "Patient and calm with upset callers."),
    ]
    assert doc.format == "md"
