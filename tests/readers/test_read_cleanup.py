"""Clean-up shared by all readers: accents, ligatures, invisible glyphs, bullets, wraps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillcheck.readers.cleanup import (
    Line,
    clean_text,
    continues,
    group_lines,
    join_lines,
    recombine_accents,
    strip_bullet,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Do \u00b4swiadczenie", "Doświadczenie"),
        ("klikn \u02dba \u00b4c", "kliknąć"),
        ("pomo\u02d9zesz", "pomożesz"),
        ("ko\u00b4n", "koń"),  # accent after its letter, at a word end
        ("w \u00b4srodku", "w środku"),  # one-letter word: the space is real
        ("sa\u02db dni", "są dni"),
        ("It\u00b4s fine", "It\u00b4s fine"),  # an acute used as an apostrophe stays
    ],
)
def test_detached_accents_recombine(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_ligatures_soft_hyphens_zero_width_and_junk_glyphs() -> None:
    raw = "\ufeff\ufb01rma o\ufb03ce \ufb02ow po\u00adwie\u200brzone (cid:12)x \ue001icon"
    assert clean_text(raw) == "firma office flow powierzone x icon"


def test_private_use_bullet_becomes_a_real_bullet() -> None:
    assert clean_text("\uf0b7 Teamwork") == "• Teamwork"
    assert strip_bullet(clean_text("\uf0b7 Teamwork")).is_item


@pytest.mark.parametrize(
    ("line", "text", "item"),
    [
        ("- praca w zespole", "praca w zespole", True),
        ("* cierpliwość", "cierpliwość", True),
        ("• Teamwork", "Teamwork", True),
        ("– angielski – B2", "angielski – B2", True),
        ("1. Saya ingin memohon", "Saya ingin memohon", True),
        ("2023 r. spokojnie", "2023 r. spokojnie", False),
        ("e-mail: a@example.com", "e-mail: a@example.com", False),
        ("-", "-", False),
    ],
)
def test_strip_bullet(line: str, text: str, item: bool) -> None:
    bullet = strip_bullet(line)
    assert (bullet.text, bullet.is_item) == (text, item)


def test_line_end_hyphenation_is_mended_but_compounds_stay() -> None:
    assert join_lines(["Wdrażaliśmy nowy sys-", "tem obsługi"]) == "Wdrażaliśmy nowy system obsługi"
    assert join_lines(["adres e-", "mail"]) == "adres e-mail"  # one-letter prefix
    assert join_lines(["sekurang-", "kurangnya dua"]) == "sekurang-kurangnya dua"  # reduplication
    # The document writes "de-escalated" elsewhere, so the hyphen is real.
    assert join_lines(["I de-", "escalated calls"], ["de-escalated"]) == "I de-escalated calls"
    assert join_lines(["Poznań —", "od 2021"]) == "Poznań — od 2021"
    assert join_lines(["Jean-", "Pierre"]) == "Jean-Pierre"  # capital continuation


def test_continuation_rule() -> None:
    long_line = "Koordynuję pracę ośmioosobowej zmiany i układam grafiki tak, aby"
    assert continues(long_line, "w godzinach szczytu pracowały trzy osoby.")
    assert not continues("Dobrze zorganizowana.", "odporna na stres")  # end punctuation
    assert not continues("PROFIL", "kierowniczka zmiany")  # a heading
    assert not continues(long_line, "- praca w zespole")  # a bullet
    assert not continues(long_line, "Nowe zdanie")  # capital start
    assert not continues("praca w zespole", "wysoka kultura osobista", min_length=40)


def test_group_lines_keeps_short_lowercase_lists_apart() -> None:
    lines = [
        Line("UMIEJĘTNOŚCI", 1),
        Line("praca w zespole", 2),
        Line("wysoka kultura osobista i takt", 3),
        Line("", 4),
        Line("Kierowniczka zmiany z pięcioletnim doświadczeniem w handlu, dobrze", 5),
        Line("zorganizowana i odporna na stres.", 6),
    ]
    blocks = group_lines(lines)
    assert [(b.text, b.first_line) for b in blocks] == [
        ("UMIEJĘTNOŚCI", 1),
        ("praca w zespole", 2),
        ("wysoka kultura osobista i takt", 3),
        (
            "Kierowniczka zmiany z pięcioletnim doświadczeniem w handlu, dobrze "
            "zorganizowana i odporna na stres.",
            5,
        ),
    ]


@given(st.text())
def test_clean_text_is_idempotent_and_leaves_no_invisible_glyphs(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert not any(c in once for c in "\u00ad\u200b\u200c\u200d\ufeff")
    assert not any("\ue000" <= c <= "\uf8ff" for c in once)


@given(st.text(alphabet="ab ´˛˙ zśc\u00b4"))
def test_recombine_never_crashes_or_grows(text: str) -> None:
    assert len(recombine_accents(text)) <= len(text)
