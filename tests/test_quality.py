"""Verdict quality on labelled documents: our own sets, and the team's dev corpus.

Presence counts a skill as found when it is mentioned or evidenced; evidence
counts it only when evidenced (the same measures as the team's score.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillcheck.checker import CheckOptions, check_document
from skillcheck.readers import read_document

HELDOUT = Path(__file__).parent / "data" / "heldout"
SETS = sorted(p.name for p in HELDOUT.iterdir() if (p / "gold.json").is_file())


def _f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _score(folder: Path, lang: str | None = None) -> tuple[float, float, list[str]]:
    """Presence and evidence F1 over the labelled documents of ``folder`` (one language
    or all), and the documents analysed in another language than labelled."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    counts = dict.fromkeys(("ptp", "pfp", "pfn", "etp", "efp", "efn"), 0)
    wrong_language = []
    for name, doc in gold["docs"].items():
        if lang is not None and doc["lang"] != lang:
            continue
        report = check_document(read_document(folder / name), CheckOptions())
        if report.language != doc["lang"]:
            wrong_language.append(name)
        got = {s.id: s.status for s in report.skills}
        for sid, label in doc["skills"].items():
            want, have = label["status"], got[sid]
            wp, hp = want != "missing", have != "missing"
            we, he = want == "evidenced", have == "evidenced"
            counts["ptp"] += wp and hp
            counts["pfp"] += hp and not wp
            counts["pfn"] += wp and not hp
            counts["etp"] += we and he
            counts["efp"] += he and not we
            counts["efn"] += we and not he
    presence = _f1(counts["ptp"], counts["pfp"], counts["pfn"])
    evidence = _f1(counts["etp"], counts["efp"], counts["efn"])
    return presence, evidence, wrong_language


@pytest.mark.parametrize("name", SETS)
def test_our_labelled_sets_do_not_fall_back(name: str) -> None:
    presence, evidence, wrong = _score(HELDOUT / name)
    assert not wrong
    assert presence >= 0.90, f"presence F1 {presence:.2f}"
    assert evidence >= 0.80, f"evidence F1 {evidence:.2f}"


@pytest.mark.parametrize("lang", ["en", "pl", "ms"])
def test_dev_corpus_meets_the_goals(corpus: Path, lang: str) -> None:
    """The project's goals (presence F1 >= 0.92, evidence F1 >= 0.85) in every language,
    on the PDF, DOCX and text files as gold.json names them."""
    presence, evidence, wrong = _score(corpus, lang)
    assert not wrong
    assert presence >= 0.92, f"presence F1 {presence:.2f}"
    assert evidence >= 0.85, f"evidence F1 {evidence:.2f}"
