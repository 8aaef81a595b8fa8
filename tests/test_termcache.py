"""The on-disk store of analysed lexicon words: same patterns as a fresh analysis,
rebuilt when broken, keyed by what the analysis depends on, off with --no-cache."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from skillcheck import _data, termcache
from skillcheck.lexicons import get_lexicon, load_lexicon
from skillcheck.matching import SkillMatcher
from skillcheck.nlp import Analyzer

WORDS = ["complaints", "handled", "=customers", "rozwiązałam", "pelanggan", "don't", "e-mail"]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SKILLCHECK_CACHE_DIR", str(tmp_path))
    termcache.set_enabled(True)
    yield tmp_path / "terms"
    termcache.set_enabled(True)


def _files(store: Path) -> list[Path]:
    return sorted(store.glob("*.json")) if store.is_dir() else []


def _matches(matcher: SkillMatcher, nlp: Analyzer, texts: list[str]) -> list[object]:
    return [matcher.find(nlp.analyse(t)) for t in texts]


@pytest.mark.parametrize("lang", ["en", "pl", "ms"])
def test_stored_analyses_compile_the_same_patterns(store: Path, lang: str) -> None:
    lexicon = get_lexicon(())
    skills = lexicon.profile("customer-service").skills
    examples = [
        t
        for sid in skills
        if (entry := lexicon.skills[sid].languages.get(lang)) is not None
        for t in entry.examples_match + entry.examples_no_match
    ]
    termcache.set_enabled(False)
    fresh_nlp = Analyzer(lang)
    fresh = SkillMatcher(lexicon, skills, lang)
    assert not _files(store)  # off: nothing written
    termcache.set_enabled(True)
    first_nlp = Analyzer(lang)
    words = [w for s in skills for w in _pattern_words(lexicon, s, lang)]
    first = [first_nlp.analyse_term(w) for w in words]
    first_nlp.save_terms()
    assert len(_files(store)) == 1
    second_nlp = Analyzer(lang)  # a new process, as it were: reads the file
    second = [second_nlp.analyse_term(w) for w in words]
    assert second == first == [tuple(fresh_nlp.analyse(w)) for w in words]
    assert not second_nlp._unsaved  # every word came from the store
    matcher = SkillMatcher.__new__(SkillMatcher)
    _compile_with(matcher, lexicon, skills, lang, second_nlp)
    assert _matches(matcher, fresh_nlp, examples) == _matches(fresh, fresh_nlp, examples)


def _pattern_words(lexicon: object, sid: str, lang: str) -> list[str]:
    entry = lexicon.skills[sid].languages.get(lang)  # type: ignore[attr-defined]
    if entry is None:
        return []
    words = []
    for text in entry.terms + entry.behaviours + entry.not_:
        for word in text.split():
            for alt in word.split("|"):
                if alt != "..." and not alt.endswith("*"):
                    words.append(alt[1:] if alt.startswith("=") else alt)
    return words


def _compile_with(
    matcher: SkillMatcher, lexicon: object, skills: tuple[str, ...], lang: str, nlp: Analyzer
) -> None:
    """SkillMatcher.__init__ with a given analyser instead of the process-wide one."""
    import skillcheck.matching as matching

    matching.cue_rules(lang)  # built once per process, with the process-wide analyser
    original = matching.analyzer
    matching.analyzer = lambda _lang: nlp  # type: ignore[assignment]
    try:
        SkillMatcher.__init__(matcher, lexicon, skills, lang)  # type: ignore[arg-type]
    finally:
        matching.analyzer = original


@pytest.mark.parametrize(
    "broken",
    [
        b"\x00\xff not json",
        b'{"format": 1, "lang": "en", "terms": {"complaints": [["x"]]}}',
        b'{"format": 1, "lang": "en", "terms": []}',
        b'{"format": 999, "lang": "en", "terms": {}}',
        b"[1, 2, 3]",
        b"",
    ],
)
def test_a_broken_store_is_ignored_and_written_again(store: Path, broken: bytes) -> None:
    nlp = Analyzer("en")
    expected = [tuple(nlp.analyse(w)) for w in WORDS]
    path = termcache.store_path("en")
    path.parent.mkdir(parents=True)
    path.write_bytes(broken)
    again = Analyzer("en")
    assert [again.analyse_term(w) for w in WORDS] == expected
    again.save_terms()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == termcache.FORMAT
    assert set(data["terms"]) == set(WORDS)
    assert [Analyzer("en").analyse_term(w) for w in WORDS] == expected


def test_the_store_is_what_is_read(store: Path) -> None:
    """A stored analysis is used as it is (which is why its key must be right)."""
    nlp = Analyzer("en")
    nlp.analyse_term("complaints")
    nlp.save_terms()
    path = termcache.store_path("en")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["terms"]["complaints"][0][2] = ["planted"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert Analyzer("en").analyse_term("complaints")[0].keys == frozenset({"planted"})
    termcache.set_enabled(False)
    assert "planted" not in Analyzer("en").analyse_term("complaints")[0].keys


def test_language_data_and_versions_key_the_store(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = termcache.store_path("en")
    assert termcache.store_path("pl") != before
    assert termcache.store_path("en", "other dictionary") != before
    root = tmp_path / "lexicons"
    shutil.copytree(REPO / "lexicons", root)
    monkeypatch.setattr(_data, "lexicon_root", lambda: root)
    assert termcache.store_path("en") == before  # same bytes, same key
    en = root / "languages" / "en.toml"
    en.write_text(en.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert termcache.store_path("en") != before
    monkeypatch.setattr(termcache, "_version", lambda dist: "0.0-other")
    assert termcache.store_path("pl") != before


def test_a_changed_lexicon_adds_its_new_words(store: Path, tmp_path: Path) -> None:
    skill = tmp_path / "skills" / "teamwork.toml"
    skill.parent.mkdir()
    skill.write_text(
        'id = "teamwork"\n[en]\nlabel = "Teamwork"\nterms = ["flibbertigibbets"]\n'
        '[en.advice]\nmentioned = "m"\nmissing = "x"\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon([tmp_path])
    nlp = Analyzer("en")
    _compile_with(SkillMatcher.__new__(SkillMatcher), lexicon, ("teamwork",), "en", nlp)
    stored = json.loads(termcache.store_path("en").read_text(encoding="utf-8"))["terms"]
    assert "flibbertigibbets" in stored
    matcher = SkillMatcher.__new__(SkillMatcher)
    _compile_with(matcher, lexicon, ("teamwork",), "en", Analyzer("en"))
    kept, _ = matcher.find(nlp.analyse("Our flibbertigibbets were sorted"))
    assert [m.pattern for m in kept] == ["flibbertigibbets"]


def test_no_cache_writes_no_store(tmp_path: Path) -> None:
    env = {"SKILLCHECK_CACHE_DIR": str(tmp_path)}
    example = str(REPO / "examples" / "en-cv-anna-kowalski.txt")
    result = run_cli("check", example, "--format", "json", "--no-cache", env=env)
    assert result.returncode in (0, 1), result.stderr
    assert not (tmp_path / "terms").exists()
    cached = run_cli("check", example, "--format", "json", env=env)
    assert cached.stdout == result.stdout
    assert len(list((tmp_path / "terms").glob("en-*.json"))) == 1
    again = run_cli("check", example, "--format", "json", "-j", "2", env=env)
    assert again.stdout == result.stdout
