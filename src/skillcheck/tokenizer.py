"""spaCy's tokenizer with its exceptions loaded when a text can use them.

A spaCy language's tokenizer exceptions ("special cases": ``don't``, emoticons,
Malay's 9,000 hyphenated words such as ``bekerja-sama``) are all loaded when the
pipeline is made, and that is most of the pipeline's start-up: about 1.2 s of
CPU for Malay, once in every worker process. Most of them never meet a CV.

``LazyExceptionsTokenizer`` is spaCy's own ``Tokenizer`` with the same prefix,
suffix, infix and URL rules; before it tokenizes a text it adds every exception
that could change that text's tokens, so its tokens are those of the fully
loaded tokenizer. An exception acts on a text in two ways only:

- its string is looked up as a whole-word chunk or as what is left of one after
  prefixes and suffixes are cut off: then the string is a substring of the text;
- it is matched on the tokens of the text (exceptions that hold affixes or a
  space): then each of its affix tokens, as spaCy cuts the string without
  exceptions (``pieces``), is a token of the text and so a substring of it.

Either way every piece of the exception is a substring of the text (an
exception's pieces are its own substrings), so adding the exceptions whose
pieces all are (and, once, every exception that holds white space) gives the
same tokens. Added exceptions stay; spaCy empties its token cache on each add.
"""

from __future__ import annotations

import re

# the expression parser, to see that a pattern is anchored
import re._constants as _constants  # type: ignore[import-not-found]
import re._parser as _parser  # type: ignore[import-not-found]
from collections.abc import Callable, Iterable
from typing import Any

import spacy
from spacy.tokenizer import Tokenizer
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

TOKENIZER_NAME = "skillcheck.lazy_exceptions_tokenizer.v1"
_CHUNK_MEMO = 100_000  # whitespace-free chunks whose candidate exceptions are remembered


def anchored_match(search: Any) -> Any:
    """A faster equal of a compiled pattern's ``search`` for spaCy's prefix pattern,
    whose top-level alternatives start with ``^``: those can only match at the
    start, where ``match`` finds what ``search`` would without trying every
    position. An alternative without ``^`` (Malay's ``<a([^>]+)>``) may match
    further on, but only where its leading literal text stands: a string that holds
    none of those literals gets ``match``, any other the pattern's ``search``. A
    pattern that this cannot be shown for keeps its ``search``."""
    pattern = getattr(search, "__self__", None)
    if not isinstance(pattern, re.Pattern) or pattern.flags & re.MULTILINE:
        return search
    try:
        parsed = list(_parser.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError):
        return search
    if len(parsed) == 1 and parsed[0][0] is _constants.BRANCH:
        branches = [list(b) for b in parsed[0][1][1]]
    else:
        branches = [parsed]
    at_start = (_constants.AT, _constants.AT_BEGINNING)
    literals: list[str] = []
    for branch in branches:
        if branch and branch[0] == at_start:
            continue
        lead = ""
        for op, arg in branch:
            if op is not _constants.LITERAL:
                break
            lead += chr(arg)
        if not lead or pattern.flags & re.IGNORECASE:
            return search
        literals.append(lead)
    match = pattern.match
    if not literals:
        return match

    def prefix_search(string: str) -> Any:
        if any(lit in string for lit in literals):
            return search(string)
        return match(string)

    return prefix_search


def affix_pieces(tok: Any, string: str, prefix_search: Any = None) -> list[str]:
    """The tokens spaCy's tokenizer makes of ``string`` (one chunk: no white space)
    with no exceptions at all: its prefix, suffix and infix rules, token and URL
    matches, as ``Tokenizer._split_affixes`` and ``_attach_tokens`` do them.
    ``prefix_search`` may stand in for the tokenizer's own (``anchored_match``)."""
    prefixes: list[str] = []
    suffixes: list[str] = []
    last_size = 0
    while string and len(string) != last_size:
        if tok.token_match and tok.token_match(string):
            break
        last_size = len(string)
        if prefix_search is None:
            pre_len = tok.find_prefix(string)
        else:
            found = prefix_search(string)
            pre_len = found.end() - found.start() if found is not None else 0
        suf_len = tok.find_suffix(string[pre_len:])
        if pre_len and suf_len and (pre_len + suf_len) <= len(string):
            prefixes.append(string[:pre_len])
            suffixes.append(string[-suf_len:])
            string = string[pre_len:-suf_len]
        elif pre_len:
            prefixes.append(string[:pre_len])
            string = string[pre_len:]
        elif suf_len:
            suffixes.append(string[-suf_len:])
            string = string[:-suf_len]
    middle: list[str] = []
    if string:
        if (tok.token_match and tok.token_match(string)) or (
            tok.url_match and tok.url_match(string)
        ):
            middle.append(string)
        else:
            matches = tok.find_infix(string)
            if not matches:
                middle.append(string)
            else:
                start = 0
                for match in matches:
                    infix_start, infix_end = match.start(), match.end()
                    if infix_start == 0:
                        continue
                    if infix_start != start:
                        middle.append(string[start:infix_start])
                    if infix_start != infix_end:
                        middle.append(string[infix_start:infix_end])
                    start = infix_end
                if string[start:]:
                    middle.append(string[start:])
    return prefixes + middle + suffixes[::-1]


class LazyExceptionsTokenizer(Tokenizer):  # type: ignore[misc]
    """A ``Tokenizer`` that adds its exceptions when a text could use them."""

    def __init__(
        self, vocab: Any, rules: dict[str, Any] | None = None, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(vocab, None, *args, **kwargs)
        self._pending: dict[str, Any] = {}
        self._by_piece: dict[str, list[str]] = {}  # longest piece -> exceptions
        self._pieces: dict[str, tuple[str, ...]] = {}
        self._chunks: dict[str, tuple[str, ...]] = {}
        self._longest = 0
        eager: list[str] = []
        prefix_search = anchored_match(self.prefix_search) if self.prefix_search else None
        for string, substrings in (rules or {}).items():
            self._pending[string] = substrings
            if any(c.isspace() for c in string):
                eager.append(string)
                continue
            pieces = tuple(dict.fromkeys(affix_pieces(self, string, prefix_search)))
            self._pieces[string] = pieces
            index = max(pieces, key=len)
            self._by_piece.setdefault(index, []).append(string)
            self._longest = max(self._longest, len(index))
        # every beginning of an indexed piece: a substring that is none cannot grow into one
        self._starts = {p[:k] for p in self._by_piece for k in range(1, len(p) + 1)}
        self._add(eager)

    @property
    def all_rules(self) -> dict[str, Any]:
        """Every exception, added or not yet."""
        return {**self.rules, **self._pending}

    def __reduce__(self) -> tuple[Any, ...]:
        args = (
            self.vocab,
            self.all_rules,
            self.prefix_search,
            self.suffix_search,
            self.infix_finditer,
            self.token_match,
            self.url_match,
        )
        return (self.__class__, args, None, None)

    def __call__(self, string: str) -> Any:
        if self._pending:
            self.prepare(string)
        return super().__call__(string)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def prepare(self, text: str) -> None:
        """Add every pending exception that could change the tokens of ``text``."""
        candidates: set[str] = set()
        for chunk in set(text.split()):
            candidates.update(self._candidates(chunk))
        if not candidates:
            return
        pending, pieces = self._pending, self._pieces
        wanted = [
            string
            for string in candidates
            if string in pending and all(p in text for p in pieces[string])
        ]
        if wanted:
            self._add(wanted)

    def _candidates(self, chunk: str) -> tuple[str, ...]:
        """Exceptions whose longest piece is a substring of ``chunk``."""
        found = self._chunks.get(chunk)
        if found is None:
            hits: list[str] = []
            by_piece, starts = self._by_piece, self._starts
            n = len(chunk)
            for i in range(n):
                for j in range(i + 1, min(n, i + self._longest) + 1):
                    part = chunk[i:j]
                    if part not in starts:
                        break
                    hits.extend(by_piece.get(part, ()))
            found = tuple(h for h in hits if h in self._pending)
            if len(self._chunks) >= _CHUNK_MEMO:
                self._chunks.clear()
            self._chunks[chunk] = found
        return found

    def _add(self, strings: Iterable[str]) -> None:
        for string in sorted(set(strings)):
            substrings = self._pending.pop(string, None)
            if substrings is not None:
                self.add_special_case(string, substrings)


def create_lazy_tokenizer() -> Callable[[Any], LazyExceptionsTokenizer]:
    """spaCy's default tokenizer factory, with the exceptions loaded lazily."""

    def factory(nlp: Any) -> LazyExceptionsTokenizer:
        defaults = nlp.Defaults
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        return LazyExceptionsTokenizer(
            nlp.vocab,
            dict(defaults.tokenizer_exceptions),
            prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=compile_suffix_regex(suffixes).search if suffixes else None,
            infix_finditer=compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return factory


registry.tokenizers.register(TOKENIZER_NAME, func=create_lazy_tokenizer)


def blank(lang: str) -> Any:
    """``spacy.blank(lang)`` with the lazily loading tokenizer."""
    return spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
