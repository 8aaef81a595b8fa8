"""Evidence rules pinned by should / should-not sentences in three languages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from skillcheck.checker import CheckOptions, check_document
from skillcheck.document import Block, Document
from skillcheck.passages import heading_section, passages_of, split_sentences

CASES = tomllib.loads(
    (Path(__file__).parent / "data" / "evidence_cases.toml").read_text(encoding="utf-8")
)["case"]


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['lang']}-{c['skill']}-{c['status']}-{n}" for n, c in enumerate(CASES)]
)
def test_evidence_case(case: dict[str, str]) -> None:
    doc = Document(
        "case.txt",
        "txt",
        [
            Block("Jan Example"),
            Block(case["section"], "heading", line=2),
            Block(case["text"], "list-item", line=3),
        ],
    )
    report = check_document(doc, CheckOptions(lang=case["lang"]))
    skill = next(s for s in report.skills if s.id == case["skill"])
    signals = [p.signals for p in skill.passages]
    assert skill.status == case["status"], f"{case['text']!r}: {skill.status}, signals {signals}"


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("DOŚWIADCZENIE ZAWODOWE", "experience"),
        ("Umiejętności:", "skills"),
        ("Pengalaman Kerja", "experience"),
        ("KEMAHIRAN", "skills"),
        ("Work Experience", "experience"),
        ("Key skills", "skills"),
        ("Zainteresowania", "interests"),
    ],
)
def test_section_headings(text: str, section: str) -> None:
    assert heading_section(Block(text)) == section


def test_a_skill_in_a_list_is_not_a_heading() -> None:
    assert heading_section(Block("Communication skills", "list-item")) is None


def test_sentences_split_but_not_on_abbreviations() -> None:
    text = (
        "Gdy w 2024 r. klient zagroził odejściem, wysłuchałem go. Następnie wynegocjowałem rabat."
    )
    assert split_sentences(text) == [
        "Gdy w 2024 r. klient zagroził odejściem, wysłuchałem go.",
        "Następnie wynegocjowałem rabat.",
    ]


def test_table_row_becomes_cells_and_label_line_keeps_its_section() -> None:
    doc = Document(
        "t.txt",
        "txt",
        [
            Block("EXPERIENCE", "heading"),
            Block("Soft skills | empathy, patience", line=2),
            Block("Skills: teamwork, planning", line=3),
        ],
    )
    got = [(p.text, p.section) for p in passages_of(doc)]
    assert got == [
        ("Soft skills", "experience"),
        ("empathy, patience", "experience"),
        ("Skills: teamwork, planning", "skills"),
    ]
