"""The shared dev corpus (../shared/corpus/dev), when present: gold passages survive reading.

Skipped cleanly when the corpus is absent: the project stands on its own.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from readers.fixturegen import squash
from skillcheck.document import Document
from skillcheck.readers import read_document

CORPUS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev").resolve()
GOLD = CORPUS / "gold.json"

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason="shared dev corpus not present")


def _gold_docs() -> dict[str, dict[str, object]]:
    if not GOLD.is_file():
        return {}
    docs: dict[str, dict[str, object]] = json.loads(GOLD.read_text(encoding="utf-8"))["docs"]
    return {name: info for name, info in docs.items() if name.endswith((".pdf", ".docx"))}


@cache
def _read(name: str) -> Document:
    return read_document(CORPUS / name)


@pytest.mark.parametrize("name", sorted(_gold_docs()) or ["(none)"])
def test_gold_passages_are_in_the_extracted_text(name: str) -> None:
    info = _gold_docs()[name]
    doc = _read(name)
    text = squash(doc.text)
    blocks = [squash(b.text) for b in doc.blocks]
    skills = info["skills"]
    assert isinstance(skills, dict)
    passages = {p for skill in skills.values() for p in skill["passages"]}
    missing = [p for p in passages if squash(p) not in text]
    assert not missing
    # and each passage lies inside one block: wrapped lines were joined
    split = [p for p in passages if not any(squash(p) in b for b in blocks)]
    assert not split


def _source_lines(name: str) -> list[str]:
    source = CORPUS / name.replace(".pdf", ".txt")
    return [ln.removeprefix("- ").strip() for ln in source.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("name", ["pl-cv-01.pdf", "ms-cv-04.pdf"])
def test_columns_are_not_interleaved(name: str) -> None:
    """Every block is a whole line of the source text, and source order is kept per column."""
    doc = _read(name)
    lines = [ln for ln in _source_lines(name) if ln]
    texts = [b.text for b in doc.blocks]
    # No block mixes text of two columns: each is exactly one line of the source.
    assert [t for t in texts if t not in lines] == []
    assert any(w.code == "multi-column" for w in doc.warnings)


def test_sidebar_cv_reads_sidebar_then_main_column() -> None:
    texts = [b.text for b in _read("pl-cv-01.pdf").blocks]
    sidebar = ["UMIEJĘTNOŚCI", "praca w zespole", "obsługa systemów POS i SAP Retail", "JĘZYKI"]
    main = ["PROFIL", "DOŚWIADCZENIE ZAWODOWE", "WYKSZTAŁCENIE"]
    positions = [texts.index(t) for t in sidebar + main]
    assert positions == sorted(positions)
    # Sections of the main column stay in their source order, with their bullets under them.
    start = texts.index("DOŚWIADCZENIE ZAWODOWE")
    assert texts[start + 2].startswith("Koordynuję pracę ośmioosobowej zmiany")


def test_balanced_columns_keep_the_bullet_that_crosses_them_whole() -> None:
    texts = [b.text for b in _read("ms-cv-04.pdf").blocks]
    crossing = (
        "Mengakui kesilapan saya sendiri dalam pesanan stok kepada pengurus kawasan pada 2022 "
        "dan memastikan stok yang salah dipulangkan dalam masa dua hari."
    )
    assert crossing in texts
    source = [ln for ln in _source_lines("ms-cv-04.pdf") if ln in texts]
    assert [t for t in texts if t in source] == source  # same order as the source
