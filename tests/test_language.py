"""Language identification among en, pl and ms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillcheck.document import Block, Document
from skillcheck.language import detect_language


def _doc(*lines: str, heading: tuple[str, ...] = ()) -> Document:
    blocks = [Block(h, "heading") for h in heading] + [Block(line) for line in lines]
    return Document("x.txt", "txt", blocks)


def test_polish_cv_with_english_headings_is_polish() -> None:
    doc = Document(
        "x.txt",
        "txt",
        [
            Block("EXPERIENCE", "heading"),
            Block("Customer Success Manager — Cloudberry Software, Warszawa"),
            Block(
                "Opiekuję się portfelem 60 klientów B2B i planuję przeglądy kwartalne.", "list-item"
            ),
            Block("SKILLS", "heading"),
            Block("Salesforce, Jira, HubSpot, Looker"),
            Block("Współpracuję z zespołem produktowym przy wdrożeniach.", "list-item"),
        ],
    )
    assert detect_language(doc).language == "pl"


def test_indonesian_looking_malay_is_malay() -> None:
    doc = _doc(
        "Saya bekerja sebagai staf layanan pelanggan di sebuah perusahaan selama dua tahun.",
        "Saya membantu pelanggan menyelesaikan masalah mereka dengan cepat dan ramah.",
    )
    assert detect_language(doc).language == "ms"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Handled customer complaints and trained new staff at a busy hotel.", "en"),
        ("Obsługiwałam klientów i rozwiązywałam reklamacje w salonie sprzedaży.", "pl"),
        ("Saya mengendalikan aduan pelanggan dan melatih kakitangan baharu di hotel.", "ms"),
    ],
)
def test_single_sentence(text: str, lang: str) -> None:
    assert detect_language(_doc(text)).language == lang


def test_every_dev_corpus_source_in_its_labelled_language(corpus: Path) -> None:
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    wrong = []
    for name, entry in gold["docs"].items():
        lines = [
            ln.strip("- ").strip()
            for ln in (corpus / entry["source"]).read_text(encoding="utf-8").splitlines()
        ]
        got = detect_language(_doc(*[ln for ln in lines if ln])).language
        if got != entry["lang"]:
            wrong.append((name, got))
    assert not wrong
