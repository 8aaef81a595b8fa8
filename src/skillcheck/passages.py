"""Split a read document into passages the way a reader sees them, with sections.

A passage is a sentence of a paragraph or bullet, a table cell, or a line of a
skills list. Each keeps its location (page, line or paragraph) and the section
of the CV it stands in, because a bare skills list never evidences a skill while
an experience bullet can.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from skillcheck._data import lexicon_root
from skillcheck.document import Block, BlockKind, Document

_MAX_HEADING_WORDS = 6
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "r np tj ok m.in tzw wg ul al nr im św dr mgr inż prof sdn bhd no mr mrs ms st "
    "e.g i.e etc vs approx dept jr sr jln lrg tel".split()
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“„(]?[A-ZĄĆĘŁŃÓŚŹŻ0-9])")
_CELL_SPLIT = re.compile(r"\s+\|\s+")
_LABEL = re.compile(r"^([^\W\d][\w /&-]{1,40}):\s+(.*)$")


@dataclass(frozen=True)
class Passage:
    text: str
    block: int  # index of the block it comes from
    section: str  # a section id from sections.toml, or "" before any heading
    kind: BlockKind
    location: dict[str, int]


@dataclass(frozen=True)
class SectionRules:
    headings: dict[str, str]  # normalised heading phrase -> section id
    no_evidence: frozenset[str]
    # every heading phrase as a whole-word search, in the order of ``headings``
    searches: tuple[tuple[str, re.Pattern[str], str], ...] = ()


@lru_cache(maxsize=1)
def section_rules() -> SectionRules:
    with (lexicon_root() / "sections.toml").open("rb") as fh:
        data = tomllib.load(fh)
    headings: dict[str, str] = {}
    no_evidence: set[str] = set()
    for section, entry in data.items():
        if not entry.get("evidence", True):
            no_evidence.add(section)
        for lang in ("en", "pl", "ms"):
            for phrase in entry.get(lang, []):
                headings.setdefault(phrase.casefold(), section)
    searches = tuple(
        (phrase, re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)"), section)
        for phrase, section in headings.items()
    )
    return SectionRules(headings=headings, no_evidence=frozenset(no_evidence), searches=searches)


def _normalise_heading(text: str) -> str:
    text = re.sub(r"^[\d.\s#*•-]+", "", text).strip().rstrip(":").strip()
    return re.sub(r"\s+", " ", text).casefold()


def heading_section(block: Block) -> str | None:
    """The section a block opens, if it is a heading of a known section."""
    text = block.text.strip()
    words = text.split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    if block.kind != "heading" and (
        text.endswith((".", ",", ";")) or "|" in text or block.kind in ("list-item", "table-cell")
    ):
        return None
    norm = _normalise_heading(text)
    rules = section_rules()
    if norm in rules.headings:
        return rules.headings[norm]
    # "Doświadczenie zawodowe i staże", "WORK EXPERIENCE": a known phrase inside.
    best: tuple[int, str] | None = None
    for phrase, search, section in rules.searches:
        inside = phrase in norm and search.search(norm)
        if inside and (best is None or len(phrase) > best[0]):
            best = (len(phrase), section)
    # Only a real heading or an all-capitals line may name a section loosely;
    # "Communication skills" in a list is a skill, not a heading.
    is_heading_like = block.kind == "heading" or (text.isupper() and block.kind != "list-item")
    return best[1] if best and is_heading_like else None


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; abbreviations such as "r." or "Sdn." do not end one."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip()
        last = before.split()[-1] if before.split() else ""
        if last.endswith(".") and last[:-1].casefold().strip("(") in _ABBREVIATIONS:
            continue
        parts.append(text[start : m.start()].strip())
        start = m.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _pieces(block: Block) -> list[str]:
    text = block.text.strip()
    if " | " in text or block.kind == "table-cell":
        cells = [c.strip() for c in _CELL_SPLIT.split(text) if c.strip()]
        return [s for c in cells for s in split_sentences(c)]
    return split_sentences(text)


def passages_of(doc: Document) -> list[Passage]:
    """Every passage of the document, in reading order, with its section."""
    out: list[Passage] = []
    section = ""
    for index, block in enumerate(doc.blocks):
        opened = heading_section(block)
        if opened is not None:
            section = opened
            continue
        here = section
        label = _LABEL.match(block.text.strip())
        if label and block.kind != "heading":
            here = section_rules().headings.get(_normalise_heading(label.group(1)), section)
        for piece in _pieces(block):
            out.append(
                Passage(
                    text=piece,
                    block=index,
                    section=here,
                    kind=block.kind,
                    location=block.location(),
                )
            )
    return out


def evidence_allowed(section: str) -> bool:
    return section not in section_rules().no_evidence
