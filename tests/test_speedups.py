"""The start-up and per-document shortcuts give exactly the results of the long way:
the lazily loaded tokenizer exceptions, the pattern pre-filter, one language
detection per document."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.tokenizer import Tokenizer

from conftest import EXAMPLES
from skillcheck.checker import CheckOptions, Input, check_document, check_input
from skillcheck.lexicons import get_lexicon
from skillcheck.matching import PatternSet, _match_at, compile_pattern, skill_matcher
from skillcheck.nlp import analyzer
from skillcheck.readers import read_document
from skillcheck.tokenizer import LazyExceptionsTokenizer, affix_pieces, anchored_match, blank

LANGS = ("en", "pl", "ms")


@pytest.fixture(scope="module")
def full() -> dict[str, object]:
    """spaCy's own blank pipelines, every exception loaded up front."""
    return {lang: spacy.blank(lang) for lang in LANGS}


def _bare(nlp: object) -> Tokenizer:
    tok = nlp.tokenizer  # type: ignore[attr-defined]
    return Tokenizer(
        tok.vocab,
        rules={},
        prefix_search=tok.prefix_search,
        suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer,
        token_match=tok.token_match,
        url_match=tok.url_match,
    )


def _tokens(tokenizer: object, text: str) -> list[tuple[str, int, str]]:
    return [(t.text, t.idx, t.whitespace_) for t in tokenizer(text)]  # type: ignore[operator]


def _example_texts() -> list[str]:
    texts = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".txt", ".docx", ".pdf"):
            texts.extend(block.text for block in read_document(path).blocks)
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_affix_pieces_are_spacys_tokens_without_exceptions(lang: str, full: dict) -> None:
    bare = _bare(full[lang])
    prefix_search = anchored_match(bare.prefix_search)
    strings = [s for s in full[lang].tokenizer.rules if not any(c.isspace() for c in s)]
    strings += ["e-mail", "(don't)", "10km.", "<ahref='x'>", "https://example.com/a-b", "...abc"]
    for string in strings:
        expected = [t.text for t in bare(string)]
        assert affix_pieces(bare, string, prefix_search) == expected, string
        assert affix_pieces(bare, string) == expected, string


@pytest.mark.parametrize("lang", LANGS)
def test_anchored_prefix_match_finds_what_search_finds(lang: str, full: dict) -> None:
    search = full[lang].tokenizer.prefix_search
    fast = anchored_match(search)
    strings = list(full[lang].tokenizer.rules) + [
        "<a href>x",
        "x<a>",
        "(<a b>",
        "<b/>x",
        "...x",
        "$5",
        "US$5",
        "<a>",
        "word",
        "",
    ]

    def span(m: object) -> tuple[int, int] | None:
        return None if m is None else (m.start(), m.end())  # type: ignore[attr-defined]

    for string in strings:
        assert span(fast(string)) == span(search(string)), string


def test_anchored_match_keeps_search_for_a_pattern_it_cannot_prove() -> None:
    import re

    unanchored = re.compile(r"^a|(b|c)d")  # an alternative without a literal start
    assert anchored_match(unanchored.search) == unanchored.search
    anchored = re.compile(r"^a|^b")
    assert anchored_match(anchored.search) == anchored.match


@pytest.mark.parametrize("lang", LANGS)
def test_lazy_tokenizer_gives_the_tokens_of_the_full_one(lang: str, full: dict) -> None:
    reference = full[lang].tokenizer
    lazy = blank(lang).tokenizer
    assert isinstance(lazy, LazyExceptionsTokenizer)
    assert len(lazy.all_rules) == len(reference.rules)
    keys = sorted(reference.rules)
    rng = random.Random(5)
    texts = _example_texts()
    # every exception in running text, beside punctuation, glued to others, and
    # with its pieces spread apart by spaces (matched on tokens, never applied)
    for n in range(0, len(keys), 12):
        group = keys[n : n + 12]
        texts.append(" ".join(group))
        texts.append(" ".join(f"({k})," if i % 2 else f"{k}." for i, k in enumerate(group)))
        texts.append(
            "x-" + "".join(group[:3]) + " " + " ".join(k.replace("-", " - ") for k in group)
        )
    for _ in range(300):
        a, b, c = rng.sample(keys, 3)
        texts.append(f"{a} {b}-{c} {' '.join(a)} “{b}” {c}!")
    for text in texts:
        assert _tokens(lazy, text) == _tokens(reference, text), text
    # fresh tokenizers on a few texts each: nothing depends on what came before
    for start in range(0, len(texts), len(texts) // 4 + 1):
        fresh = blank(lang).tokenizer
        for text in texts[start : start + 40]:
            assert _tokens(fresh, text) == _tokens(reference, text), text


def test_analyzer_pipeline_still_sets_lemmas() -> None:
    nlp = analyzer("en").nlp
    assert isinstance(nlp.tokenizer, LazyExceptionsTokenizer)
    assert [t.lemma_ for t in nlp("I handled complaints")] == ["i", "handle", "complaint"]
    assert [t.text for t in nlp("We don't stop")] == ["We", "do", "n't", "stop"]


@pytest.mark.parametrize("lang", LANGS)
def test_pattern_prefilter_finds_every_match_a_full_scan_finds(lang: str) -> None:
    lexicon = get_lexicon(())
    skills = lexicon.profile("customer-service").skills
    nlp = analyzer(lang)
    patterns = [
        compile_pattern(nlp, text, sid, kind)
        for sid in skills
        if (entry := lexicon.skills[sid].languages.get(lang)) is not None
        for kind, texts in (
            ("term", entry.terms),
            ("behaviour", entry.behaviours),
            ("not", entry.not_),
        )
        for text in texts
    ]
    indexed = PatternSet(patterns)
    sentences = [
        t
        for sid in skills
        if (entry := lexicon.skills[sid].languages.get(lang)) is not None
        for t in entry.examples_match + entry.examples_no_match
    ]
    sentences += _example_texts()
    found_any = 0
    for sentence in sentences:
        tokens = nlp.analyse(sentence)
        got = {(m.pattern, m.skill, m.kind, m.start, m.hit) for m in indexed.find(tokens)}
        brute = {
            (p.source, p.skill, p.kind, i, hit)
            for p in patterns
            for i in range(len(tokens))
            if (hit := _match_at(p.positions, 0, tokens, i)) is not None
            and p.positions[0].alternatives  # every indexed pattern has a first word
        }
        assert got == brute, sentence
        found_any += bool(got)
    assert found_any > 10
    assert skill_matcher(lexicon, skills, lang).patterns.find(nlp.analyse("")) == []


def test_a_document_is_checked_with_the_language_detected_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import skillcheck.language as language

    path = EXAMPLES / "pl-cv-tomasz-nowak.txt"
    expected = check_document(read_document(path), CheckOptions())
    calls: list[Path] = []
    detect = language.detect_language

    def counting(doc: object) -> language.LanguageGuess:
        calls.append(path)
        return detect(doc)  # type: ignore[arg-type]

    monkeypatch.setattr(language, "detect_language", counting)
    report = check_input(Input(path, str(path)), CheckOptions())
    assert len(calls) == 1
    assert report == expected
