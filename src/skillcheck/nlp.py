"""Tokenisation and normalisation per language, on spaCy blank pipelines.

Matching works on *keys*: every token carries the set of normalised forms it may
stand for (its lower-case form, its lemma or lemmas, its stem). A lexicon term
matches a token when their key sets meet. Sets, not single lemmas, because the
offline analysers are ambiguous (Morfeusz gives every reading of a Polish form)
and because a Malay word has both a light stem and Sastrawi's deeper one.

Each language's pipeline is built once per process, only when first needed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

from skillcheck._data import lexicon_root

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "pl", "ms")

_WORD = re.compile(r"\w", re.UNICODE)
_NUMBER = re.compile(r"^\d+([.,:/–-]\d+)*%?$")


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a passage with what matching and evidence rules need."""

    text: str
    lower: str
    keys: frozenset[str]
    tags: frozenset[str]  # morphological hints, e.g. {"praet", "aglt:pri"} for Polish
    start: int  # character offsets in the analysed text
    end: int

    @property
    def is_word(self) -> bool:
        return _is_word(self.text)

    @property
    def is_number(self) -> bool:
        return bool(_NUMBER.match(self.text))


@lru_cache(maxsize=65536)
def _is_word(text: str) -> bool:
    return bool(_WORD.search(text))


# A stored analysed word: text, lower, keys, tags, start, end (see ``termcache``).
TermEntry = tuple[str, str, tuple[str, ...], tuple[str, ...], int, int]


class Normaliser(Protocol):
    def keys(self, lower: str) -> frozenset[str]: ...

    def tags(self, lower: str) -> frozenset[str]: ...


def language_data(lang: str) -> dict[str, Any]:
    """The language's TOML knowledge file (``lexicons/languages/<lang>.toml``)."""
    return _language_data(lang)


@cache
def _language_data(lang: str) -> dict[str, Any]:
    path = lexicon_root() / "languages" / f"{lang}.toml"
    with path.open("rb") as fh:
        return tomllib.load(fh)


class EnglishNormaliser:
    """spaCy's English lookup lemmas (lower-cased first: the table is case-sensitive)
    plus British-to-American spelling folding from the language data."""

    def __init__(self) -> None:
        from spacy.lookups import load_lookups

        self._table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        data = language_data("en")["normalise"]
        self._rules: list[tuple[str, str]] = [(a, b) for a, b in data["suffix_rules"]]
        self._rules.sort(key=lambda r: -len(r[0]))
        self._exceptions = frozenset(data["suffix_exceptions"])
        self._spelling: dict[str, str] = dict(data["spelling"])
        self._own_lemma = frozenset(data.get("own_lemma", []))

    def _fold(self, word: str) -> str:
        if word in self._spelling:
            return self._spelling[word]
        if word in self._exceptions:
            return word
        for old, new in self._rules:
            if word.endswith(old) and len(word) > len(old) + 2:
                return word[: -len(old)] + new
        return word

    @lru_cache(maxsize=65536)  # noqa: B019 - one normaliser per process
    def keys(self, lower: str) -> frozenset[str]:
        if lower in self._own_lemma:
            return frozenset({lower})
        lemma = self._table.get(lower, lower)
        folded = self._fold(lower)
        return frozenset({lower, lemma, self._fold(lemma), folded, self._table.get(folded, folded)})

    def tags(self, lower: str) -> frozenset[str]:
        return frozenset()


class PolishNormaliser:
    """Morfeusz 2 readings: every lemma of the form. A word Morfeusz does not know
    (a name, a brand, an English loan) stays as it is: simplemma was measured as a
    fallback and dropped. Of 46 such words in 14 Polish CVs it changed three, one
    wrongly (salesforce -> salesforka), and it cost 2.5-8 s of loading and
    50-380 MB per process.

    Tags keep the part of speech and grammatical person, which the evidence rules
    use to see a first-person verb ("rozwiązałam", "współpracuję")."""

    _PERSONS = ("pri", "sec", "ter")

    def __init__(self) -> None:
        import morfeusz2

        self._morf = morfeusz2.Morfeusz(separate_numbering=True, generate=False)
        # the dictionary, for the store of analysed words (``termcache``)
        self.identity = f"morfeusz {self._morf.dict_id()}"

    @lru_cache(maxsize=65536)  # noqa: B019
    def _analyse(self, lower: str) -> tuple[frozenset[str], frozenset[str]]:
        keys = {lower}
        tags: set[str] = set()
        for start, _end, (_form, lemma, tag, _names, _quals) in self._morf.analyse(lower):
            fields = tag.split(":")
            pos = fields[0]
            if pos == "ign":
                continue
            person = next((f for f in fields if f in self._PERSONS), None)
            if pos == "aglt":
                tags.add(f"aglt:{person}")
                continue
            if start != 0:
                continue
            keys.add(lemma.split(":", 1)[0].lower())
            tags.add(pos)
            if person:
                tags.add(f"{pos}:{person}")
        return frozenset(keys), frozenset(tags)

    def keys(self, lower: str) -> frozenset[str]:
        return self._analyse(lower)[0]

    def tags(self, lower: str) -> frozenset[str]:
        return self._analyse(lower)[1]


class MalayNormaliser:
    """Sastrawi's stem plus a light affix stripper, with overrides from the language
    data where Sastrawi over-stems (pelanggan -> langgan)."""

    def __init__(self) -> None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        self._stemmer = StemmerFactory().create_stemmer()
        data = language_data("ms")["normalise"]
        self._overrides: dict[str, str] = dict(data["stem_overrides"])
        self._prefixes: list[str] = sorted(data["prefixes"], key=len, reverse=True)
        self._suffixes: list[str] = sorted(data["suffixes"], key=len, reverse=True)
        self._min = int(data["min_stem"])

    def _light(self, word: str) -> str:
        for p in self._prefixes:
            if word.startswith(p) and len(word) - len(p) >= self._min:
                word = word[len(p) :]
                break
        for s in self._suffixes:
            if word.endswith(s) and len(word) - len(s) >= self._min:
                word = word[: -len(s)]
                break
        return word

    @lru_cache(maxsize=65536)  # noqa: B019
    def keys(self, lower: str) -> frozenset[str]:
        if lower in self._overrides:
            return frozenset({lower, self._overrides[lower]})
        if not lower.isalpha():
            return frozenset({lower})
        stem = self._stemmer.stem(lower)
        return frozenset({lower, stem, self._light(lower)})

    def tags(self, lower: str) -> frozenset[str]:
        return frozenset()


_NORMALISERS: dict[str, type[EnglishNormaliser | PolishNormaliser | MalayNormaliser]] = {
    "en": EnglishNormaliser,
    "pl": PolishNormaliser,
    "ms": MalayNormaliser,
}


class Analyzer:
    """A spaCy blank pipeline for one language with our normaliser as a component."""

    def __init__(self, lang: str) -> None:
        if lang not in _NORMALISERS:
            raise ValueError(f"unsupported language {lang!r}")
        from skillcheck.tokenizer import blank

        self.lang = lang
        self.normaliser = _NORMALISERS[lang]()
        self._terms: dict[str, tuple[TermEntry, ...]] | None = None  # analysed pattern words
        self._store_path: Path | None = None
        self._unsaved = False
        self.nlp = blank(lang)  # spacy.blank(lang), tokenizer exceptions loaded as needed
        lemma = self._lemma

        def normalise(doc: Any) -> Any:
            for tok in doc:
                tok.lemma_ = lemma(tok.text.lower())
            return doc

        self.nlp.add_pipe(self._register(normalise), name="skillcheck_normaliser")

    @lru_cache(maxsize=65536)  # noqa: B019 - one analyser per language per process
    def _lemma(self, lower: str) -> str:
        """The lemma spaCy shows: the shortest key (the root form), for people and tools
        that read ``token.lemma_``; matching itself uses every key."""
        return min(self.normaliser.keys(lower), key=lambda k: (len(k), k))

    @staticmethod
    def _register(func: Any) -> str:
        from spacy.language import Language

        name = f"skillcheck_normaliser_{id(func)}"
        Language.component(name, func=func)
        return name

    def _tokens(self, doc: Any) -> list[Token]:
        # The normaliser's answers are cached per word form; asking it again is
        # cheaper than reading spaCy's extension attributes back.
        keys, tags = self.normaliser.keys, self.normaliser.tags
        out: list[Token] = []
        for t in doc:
            if t.is_space:
                continue
            text = t.text
            lower = text.lower()
            out.append(Token(text, lower, keys(lower), tags(lower), t.idx, t.idx + len(text)))
        return out

    # Tokens come from the tokenizer alone: the pipeline's normaliser component only
    # sets ``lemma_``, which ``_tokens`` does not read.
    def analyse(self, text: str) -> list[Token]:
        return self._tokens(self.nlp.make_doc(text))

    def analyse_many(self, texts: Sequence[str]) -> list[list[Token]]:
        make_doc = self.nlp.make_doc
        return [self._tokens(make_doc(text)) for text in texts]

    @lru_cache(maxsize=65536)  # noqa: B019 - one analyser per language per process
    def analyse_term(self, text: str) -> tuple[Token, ...]:
        """``analyse`` for the words of lexicon patterns, which recur across patterns,
        and across runs: kept on disk (``termcache``) unless that is turned off."""
        stored = self._stored_terms()
        entries = stored.get(text)
        if entries is not None:
            return tuple(
                Token(t, lower, frozenset(keys), frozenset(tags), start, end)
                for t, lower, keys, tags, start, end in entries
            )
        tokens = tuple(self.analyse(text))
        if self._store_path is not None:
            stored[text] = tuple(
                (t.text, t.lower, tuple(sorted(t.keys)), tuple(sorted(t.tags)), t.start, t.end)
                for t in tokens
            )
            self._unsaved = True
        return tokens

    def _stored_terms(self) -> dict[str, tuple[TermEntry, ...]]:
        if self._terms is None:
            from skillcheck import termcache

            self._terms = {}
            if termcache.enabled():
                identity = getattr(self.normaliser, "identity", "")
                self._store_path = termcache.store_path(self.lang, identity)
                self._terms = termcache.load(self._store_path, self.lang)
        return self._terms

    def save_terms(self) -> None:
        """Store the words analysed since the store was read (if any, and if it is on)."""
        if self._unsaved and self._store_path is not None and self._terms is not None:
            from skillcheck import termcache

            termcache.save(self._store_path, self.lang, self._terms)
            self._unsaved = False

    def keys_of(self, word: str) -> frozenset[str]:
        return self.normaliser.keys(word.lower())

    def words(self, text: str) -> Iterable[str]:
        return (t.text for t in self.nlp.make_doc(text) if not t.is_space)


@cache
def analyzer(lang: str) -> Analyzer:
    """The process-wide analyser for ``lang``, built on first use."""
    return Analyzer(lang)
