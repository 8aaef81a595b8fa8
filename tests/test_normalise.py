"""Inflected and derived forms meet their lexicon forms in each language."""

from __future__ import annotations

import pytest

from skillcheck.nlp import analyzer


def _meet(lang: str, text_form: str, lexicon_form: str) -> bool:
    nlp = analyzer(lang)
    return not nlp.keys_of(text_form).isdisjoint(nlp.keys_of(lexicon_form))


@pytest.mark.parametrize(
    ("lang", "form", "lemma"),
    [
        ("en", "Organised", "organize"),
        ("en", "organized", "organise"),
        ("en", "apologised", "apologize"),
        ("en", "Customers", "customer"),
        ("en", "de-escalated", "de-escalate"),
        ("en", "organisational", "organizational"),
        ("en", "humour", "humor"),
        ("pl", "komunikacji", "komunikacja"),
        ("pl", "rozwiązałam", "rozwiązać"),
        ("pl", "współpracowałem", "współpracować"),
        ("pl", "Zespołem", "zespół"),
        ("pl", "konfliktu", "konflikt"),
        ("pl", "cierpliwością", "cierpliwość"),
        ("ms", "berkomunikasi", "komunikasi"),
        ("ms", "menyelesaikan", "selesai"),
        ("ms", "bekerjasama", "kerjasama"),
        ("ms", "bertanggungjawab", "tanggungjawab"),
        ("ms", "kesabaran", "sabar"),
        ("ms", "pelanggan", "pelanggan"),
    ],
)
def test_forms_meet(lang: str, form: str, lemma: str) -> None:
    assert _meet(lang, form, lemma)


@pytest.mark.parametrize(
    ("lang", "a", "b"),
    [
        ("ms", "pelanggan", "langgan"),  # Sastrawi over-stems these; overrides keep them apart
        ("ms", "pengalaman", "alam"),
        ("en", "organ", "organization"),
        ("en", "as", "a"),  # spaCy's lookup table has as -> a
        ("pl", "zespół", "zespołowy"),
    ],
)
def test_different_words_stay_apart(lang: str, a: str, b: str) -> None:
    assert not _meet(lang, a, b)


def test_polish_first_person_verbs_are_tagged() -> None:
    tokens = analyzer("pl").analyse(
        "Rozwiązałam spór. Współpracuję z działem. Klient przedłużył umowę."
    )
    tags = {t.text: t.tags for t in tokens}
    assert "aglt:pri" in tags["Rozwiązałam"]
    assert "fin:pri" in tags["Współpracuję"]
    assert "aglt:pri" not in tags["przedłużył"]


def test_pipelines_are_built_once_per_language() -> None:
    assert analyzer("pl") is analyzer("pl")
    assert analyzer("pl").nlp.pipe_names == ["skillcheck_normaliser"] or analyzer(
        "pl"
    ).nlp.pipe_names[0].startswith("skillcheck_normaliser")
