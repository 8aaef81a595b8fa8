"""The shipped lexicons: valid, complete, and every example behaves as it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillcheck._data import lexicon_root
from skillcheck.lexicons import LANGUAGES, get_lexicon
from skillcheck.matching import skill_matcher
from skillcheck.nlp import analyzer

REPO_LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
CANONICAL = (
    "communication active-listening self-control positive-attitude confidence "
    "conflict-resolution empathy depersonalization accountability sense-of-humor "
    "helpfulness consideration teamwork problem-solving organization"
).split()

LEX = get_lexicon()
ENTRIES = [
    (sid, lang) for sid, skill in sorted(LEX.skills.items()) for lang in sorted(skill.languages)
]
EXAMPLES = [
    pytest.param(sid, lang, text, want, id=f"{sid}-{lang}-{'match' if want else 'no'}-{n}")
    for sid, lang in ENTRIES
    for want, texts in (
        (True, LEX.skills[sid].languages[lang].examples_match),
        (False, LEX.skills[sid].languages[lang].examples_no_match),
    )
    for n, text in enumerate(texts)
]


def test_customer_service_profile_has_the_canonical_ids_in_order() -> None:
    assert list(LEX.profile("customer-service").skills) == CANONICAL


BUILTIN_SKILLS = sorted(set(CANONICAL) | set(LEX.profile("soft-skills-extended").skills))


def test_extended_profile_holds_the_seed_s_further_skills() -> None:
    skills = LEX.profile("soft-skills-extended").skills
    assert len(skills) == 16 and not set(skills) & set(CANONICAL)
    for sid in ("initiative", "quick-learning", "attention-to-detail", "tact", "perseverance"):
        assert sid in skills


@pytest.mark.parametrize("sid", BUILTIN_SKILLS)
def test_every_builtin_skill_speaks_three_languages(sid: str) -> None:
    skill = LEX.skills[sid]
    assert set(skill.languages) == set(LANGUAGES)
    for lang, entry in skill.languages.items():
        assert entry.label and entry.advice_mentioned and entry.advice_missing, (sid, lang)
        assert len(entry.examples_match) >= 5, (sid, lang)
        assert len(entry.examples_no_match) >= 4, (sid, lang)


@pytest.mark.parametrize(("sid", "lang", "text", "want"), EXAMPLES)
def test_lexicon_example(sid: str, lang: str, text: str, want: bool) -> None:
    kept, dropped = skill_matcher(LEX, (sid,), lang).find(analyzer(lang).analyse(text))
    found = [m.pattern for m in kept]
    why = [(d.match.pattern, d.reason) for d in dropped]
    assert bool(found) == want, f"{text!r}: matched {found}, dropped {why}"


@pytest.mark.parametrize(("sid", "lang"), ENTRIES)
def test_every_term_is_exercised_by_a_match_example(sid: str, lang: str) -> None:
    """A term that no example matches is a term nobody has checked."""
    entry = LEX.skills[sid].languages[lang]
    matcher = skill_matcher(LEX, (sid,), lang)
    seen: set[str] = set()
    for text in entry.examples_match:
        seen |= {m.pattern for m in matcher.patterns.find(analyzer(lang).analyse(text))}
    unused = [t for t in entry.terms + entry.behaviours if t not in seen]
    assert not unused, f"{sid}/{lang}: no match example exercises {unused}"


def test_installed_package_finds_every_lexicon_file() -> None:
    root = lexicon_root()
    shipped = {p.relative_to(root).as_posix() for p in root.rglob("*.toml")}
    assert {"profiles/customer-service.toml", "profiles/soft-skills-extended.toml"} <= shipped
    assert "sections.toml" in shipped
    assert {f"skills/{sid}.toml" for sid in CANONICAL} <= shipped
    assert {f"languages/{lang}.toml" for lang in LANGUAGES} <= shipped
    if REPO_LEXICONS.is_dir():
        in_repo = {p.relative_to(REPO_LEXICONS).as_posix() for p in REPO_LEXICONS.rglob("*.toml")}
        assert shipped == in_repo
