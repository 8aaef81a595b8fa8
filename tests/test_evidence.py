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


LONG_LETTER_PARAGRAPH = (
    "I stayed calm and polite in a busy branch. "
    "I enjoy the variety of the work and the people I meet. "
    "Colleagues describe me as patient and well prepared. "
    "I also like to learn new products quickly. "
    "On a Friday an elderly customer was about to pay a fake invoice, "
    "and I listened to her whole story. "
    "The payment was stopped and she kept her £3,000 savings."
)


def _letter(text: str) -> Document:
    return Document("letter.txt", "txt", [Block("Dear Hiring Manager,"), Block(text, line=2)])


def test_a_long_paragraph_lends_its_outcome_to_the_sentence_next_to_it() -> None:
    """A letter's paragraph may run long: the story's deed takes the result told
    right after it, though the paragraph holds more than a short paragraph's sentences."""
    report = check_document(_letter(LONG_LETTER_PARAGRAPH), CheckOptions(lang="en"))
    listening = next(s for s in report.skills if s.id == "active-listening")
    assert listening.status == "evidenced"
    assert "paragraph-context" in listening.passages[0].signals


def test_a_long_paragraph_does_not_lend_its_outcome_to_far_sentences() -> None:
    """The past claim that opens a long paragraph does not borrow the amount told
    five sentences later."""
    report = check_document(_letter(LONG_LETTER_PARAGRAPH), CheckOptions(lang="en"))
    calm = next(s for s in report.skills if s.id == "self-control")
    assert calm.status == "mentioned", [p.signals for p in calm.passages]
