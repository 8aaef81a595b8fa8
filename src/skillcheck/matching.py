"""Find lexicon terms in analysed text, on normalised keys, and drop false friends.

Pattern syntax (one string of a lexicon list):

- words separated by spaces match consecutive tokens in order; up to two other
  words may stand between two pattern words ("handled 60 complaints" matches
  ``handle complaint``), but never punctuation that ends a clause;
- ``a|b`` offers alternatives for one position;
- ``=word`` matches that exact (lower-cased) word form, no lemma;
- ``word*`` matches any word whose form or lemma begins with ``word``;
- ``...`` lets up to eight words stand at that point.

Hyphens, apostrophes and quotes inside a gap are free: "multi-factor" is one word.
A full stop inside a passage (passages are sentences) is an abbreviation's ("ok. 30
reklamacji") and does not end a gap either.

A word of a pattern is analysed by the same language pipeline as the text
(``nlp(term)``), so inflected forms meet on their lemmas or stems.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from skillcheck.lexicons import Lexicon
from skillcheck.nlp import Analyzer, Token, analyzer, language_data

MatchKind = Literal["term", "behaviour"]
DEFAULT_GAP = 2
WIDE_GAP = 8
# Tokens that may stand inside a gap besides words: they do not end a clause.
_GAP_PUNCT = frozenset(
    {"-", "–", "'", "’", "'s", "’s", '"', "„", "”", "“", "&", "/", "%", "£", "$", "€", "+", "."}
)


@dataclass(frozen=True, slots=True)
class TokenTest:
    keys: frozenset[str] = frozenset()
    exact: str | None = None
    prefix: str | None = None

    def __call__(self, tok: Token) -> bool:
        if self.exact is not None:
            return tok.lower == self.exact
        if self.prefix is not None:
            return any(k.startswith(self.prefix) for k in tok.keys)
        return not self.keys.isdisjoint(tok.keys)


@dataclass(frozen=True, slots=True)
class Position:
    alternatives: tuple[tuple[TokenTest, ...], ...]
    gap: int  # how many tokens may stand before this position


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    skill: str
    kind: str  # "term", "behaviour", "not", or a cue class
    positions: tuple[Position, ...]


@dataclass(frozen=True, slots=True)
class Match:
    skill: str
    kind: str
    pattern: str
    start: int  # token indexes, end exclusive
    end: int
    char_start: int
    char_end: int
    hit: tuple[int, ...] = ()  # indexes of the tokens the pattern's words matched (not the gaps)


def _gap_ok(tok: Token) -> bool:
    return tok.is_word or tok.text in _GAP_PUNCT


def compile_pattern(nlp: Analyzer, source: str, skill: str, kind: str) -> Pattern:
    positions: list[Position] = []
    gap = 0
    for word in source.split():
        if word == "...":
            gap = WIDE_GAP
            continue
        alts: list[tuple[TokenTest, ...]] = []
        for alt in word.split("|"):
            if alt.startswith("="):
                alts.append(tuple(TokenTest(exact=t.lower) for t in nlp.analyse_term(alt[1:])))
            elif alt.endswith("*"):
                alts.append((TokenTest(prefix=alt[:-1].lower()),))
            else:
                alts.append(tuple(TokenTest(keys=t.keys) for t in nlp.analyse_term(alt)))
        positions.append(Position(tuple(a for a in alts if a), gap if positions else 0))
        gap = DEFAULT_GAP
    return Pattern(source=source, skill=skill, kind=kind, positions=tuple(positions))


class PatternSet:
    """Patterns indexed by the keys of their first word, for fast scanning."""

    _PREFIX = 3  # prefix tests are indexed by their first three letters

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = list(patterns)
        # Every first-word test is indexed: by its keys, its exact form, or the
        # start of its prefix, so a token only meets patterns that can start there.
        self._by_key: dict[str, list[Pattern]] = defaultdict(list)
        self._by_exact: dict[str, list[Pattern]] = defaultdict(list)
        self._by_prefix: dict[str, list[Pattern]] = defaultdict(list)
        self._scan_all: list[Pattern] = []
        # What a passage must hold somewhere for a pattern of more than one test to
        # match: per position, per alternative, the key sets and exact forms its
        # tests ask for (a prefix test is taken as always possible). A pattern with
        # a position that no token of the passage can meet is not tried at all.
        self._needs: dict[int, _Needs] = {}
        self._memo: dict[tuple[str, frozenset[str]], tuple[tuple[int, Pattern, _Needs | None], ...]]
        self._memo = {}
        for pat in self.patterns:
            if len(pat.positions) > 1 or any(len(a) > 1 for a in pat.positions[0].alternatives):
                self._needs[id(pat)] = tuple(_position_needs(pos) for pos in pat.positions)
        for pat in self.patterns:
            for alt in pat.positions[0].alternatives:
                test = alt[0]
                if test.exact is not None:
                    self._by_exact[test.exact].append(pat)
                elif test.prefix is not None and len(test.prefix) >= self._PREFIX:
                    self._by_prefix[test.prefix[: self._PREFIX]].append(pat)
                elif test.prefix is not None:
                    self._scan_all.append(pat)
                else:
                    for key in test.keys:
                        self._by_key[key].append(pat)

    _MEMO = 50_000  # word forms whose candidates are remembered

    def _candidates(self, tok: Token) -> tuple[tuple[int, Pattern, _Needs | None], ...]:
        """The patterns that may start at this token, in a fixed order; the same for
        every token with the same form and keys, so remembered per form."""
        memo_key = (tok.lower, tok.keys)
        found = self._memo.get(memo_key)
        if found is not None:
            return found
        candidates: dict[int, Pattern] = {}
        for key in tok.keys:
            for pat in self._by_key.get(key, ()):
                candidates[id(pat)] = pat
            for pat in self._by_prefix.get(key[: self._PREFIX], ()):
                candidates[id(pat)] = pat
        for pat in self._by_exact.get(tok.lower, ()):
            candidates[id(pat)] = pat
        for pat in self._scan_all:
            candidates[id(pat)] = pat
        found = tuple((pid, pat, self._needs.get(pid)) for pid, pat in candidates.items())
        if len(self._memo) >= self._MEMO:
            self._memo.clear()
        self._memo[memo_key] = found
        return found

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        found: list[Match] = []
        possible: dict[int, bool] = {}  # per pattern: can the passage hold it at all?
        passage: tuple[set[str], set[str]] | None = None  # every key, every form
        memo = self._memo
        for i, tok in enumerate(tokens):
            candidates = memo.get((tok.lower, tok.keys))
            if candidates is None:
                candidates = self._candidates(tok)
            for pid, pat, needs in candidates:
                if needs is not None:
                    ok = possible.get(pid)
                    if ok is None:
                        if passage is None:
                            passage = (
                                set().union(*(t.keys for t in tokens)),
                                {t.lower for t in tokens},
                            )
                        ok = possible[pid] = _possible(needs, *passage)
                    if not ok:
                        continue
                hit = _match_at(pat.positions, 0, tokens, i)
                if hit is not None:
                    end = hit[-1] + 1
                    found.append(
                        Match(
                            skill=pat.skill,
                            kind=pat.kind,
                            pattern=pat.source,
                            start=i,
                            end=end,
                            hit=hit,
                            char_start=tok.start,
                            char_end=tokens[end - 1].end,
                        )
                    )
        return found


# What one position needs of a passage: either one key set that some token must
# share (every alternative is a single key test: their keys together), or per
# alternative the key sets and exact forms its tests ask for.
_PositionNeeds = frozenset[str] | tuple[tuple[tuple[frozenset[str], ...], tuple[str, ...]], ...]
_Needs = tuple[_PositionNeeds, ...]


def _position_needs(pos: Position) -> _PositionNeeds:
    if all(
        len(alt) == 1 and alt[0].exact is None and alt[0].prefix is None for alt in pos.alternatives
    ):
        return frozenset().union(*(alt[0].keys for alt in pos.alternatives))
    return tuple(
        (
            tuple(t.keys for t in alt if t.exact is None and t.prefix is None),
            tuple(t.exact for t in alt if t.exact is not None),
        )
        for alt in pos.alternatives
    )


def _possible(needs: _Needs, keys: set[str], forms: set[str]) -> bool:
    """Whether every position has an alternative whose tests some tokens of a passage
    with these keys and forms could meet (a necessary condition for a match)."""
    for position in needs:
        if isinstance(position, frozenset):
            if position.isdisjoint(keys):
                return False
            continue
        for key_sets, exacts in position:
            if all(not ks.isdisjoint(keys) for ks in key_sets) and all(e in forms for e in exacts):
                break
        else:
            return False
    return True


def _match_seq(seq: tuple[TokenTest, ...], tokens: Sequence[Token], i: int) -> int | None:
    if i + len(seq) > len(tokens):
        return None
    for k, test in enumerate(seq):
        if not test(tokens[i + k]):
            return None
    return i + len(seq)


def _match_at(
    positions: tuple[Position, ...], p: int, tokens: Sequence[Token], i: int
) -> tuple[int, ...] | None:
    """Token indexes matched by positions[p:] starting exactly at token i (gaps left out)."""
    for alt in positions[p].alternatives:
        end = _match_seq(alt, tokens, i)
        if end is None:
            continue
        here = tuple(range(i, end))
        if p + 1 == len(positions):
            return here
        nxt = positions[p + 1]
        j = end
        budget = nxt.gap
        while j < len(tokens):
            result = _match_at(positions, p + 1, tokens, j)
            if result is not None:
                return here + result
            if not _gap_ok(tokens[j]):
                break
            compound = (
                j > 0 and tokens[j - 1].text in ("-", "–") and tokens[j - 1].end == tokens[j].start
            )
            if tokens[j].is_word and not compound:
                if budget == 0:
                    break
                budget -= 1
            j += 1
    return None


# --- cues: negation, hedging, third-party statements -----------------------------


@dataclass(frozen=True)
class CueRules:
    """Language knowledge that cancels a match: negation, hedges, third-party subjects."""

    cues: PatternSet
    window: int
    breaks: frozenset[str]
    # A third-party statement reaches further, over commas, to the end of its list
    # ("they look for someone communicative, calm and solution-minded").
    third_party_window: int
    list_marks: frozenset[str]
    # Phrases that hold a cue word without negating what follows ("not only", "tidak berpuas hati").
    exceptions: PatternSet


@cache
def cue_rules(lang: str) -> CueRules:
    data = language_data(lang).get("cues", {})
    nlp = analyzer(lang)
    patterns = [
        compile_pattern(nlp, text, "", cls)
        for cls in ("negation", "hedge", "third_party")
        for text in data.get(cls, [])
    ]
    rules = CueRules(
        cues=PatternSet(patterns),
        window=int(data.get("window", 5)),
        breaks=frozenset(w.lower() for w in data.get("clause_breaks", [])),
        third_party_window=int(data.get("third_party_window", data.get("window", 5))),
        list_marks=frozenset(w.lower() for w in data.get("list_marks", [])),
        exceptions=PatternSet(
            [compile_pattern(nlp, text, "", "exception") for text in data.get("not_cues", [])]
        ),
    )
    nlp.save_terms()
    return rules


def cancelled_by(
    match: Match, tokens: Sequence[Token], cues: Sequence[Match], rules: CueRules
) -> str | None:
    """The cue class ("negation", "hedge", "third_party") that cancels ``match``, if any.

    A cue counts when it ends at most ``window`` tokens before the match, in the
    same clause (no clause-breaking token in between), and is not part of the
    match itself (a lexicon phrase may hold its own "not", like "tidak mengambil hati").
    """
    for cue in cues:
        if cue.end > match.start or cue.start >= match.start:
            continue
        third = cue.kind == "third_party"
        if match.start - cue.end > (rules.third_party_window if third else rules.window):
            continue
        between = tokens[cue.end : match.start]
        through = rules.list_marks if third else frozenset()
        if any(t.lower in rules.breaks and t.lower not in through for t in between):
            continue
        return cue.kind
    return None


# --- skills ------------------------------------------------------------------------


ALL_CUES = frozenset({"negation", "hedge", "third_party"})
POSTING_CUES = frozenset({"negation"})


@dataclass(frozen=True, slots=True)
class Dropped:
    match: Match
    reason: str  # "look-alike", "negation", "hedge", "third_party"


class SkillMatcher:
    """All terms and behaviours of some skills in one language, ready to scan text."""

    def __init__(self, lexicon: Lexicon, skill_ids: Sequence[str], lang: str) -> None:
        self.lang = lang
        self.nlp = analyzer(lang)
        self.rules = cue_rules(lang)
        wanted: list[Pattern] = []
        false_friends: list[Pattern] = []
        for sid in skill_ids:
            entry = lexicon.skills[sid].languages.get(lang)
            if entry is None:
                continue
            for kind, texts in (("term", entry.terms), ("behaviour", entry.behaviours)):
                wanted.extend(compile_pattern(self.nlp, t, sid, kind) for t in texts)
            false_friends.extend(compile_pattern(self.nlp, t, sid, "not") for t in entry.not_)
        self.patterns = PatternSet(wanted)
        self.false_friends = PatternSet(false_friends)
        self.nlp.save_terms()

    def find(
        self, tokens: Sequence[Token], cancel: frozenset[str] = ALL_CUES
    ) -> tuple[list[Match], list[Dropped]]:
        """Matches that count, and the ones dropped with the reason.

        ``cancel`` names the cue classes that cancel a match: all of them for a
        CV; only negation for a job posting, whose "we are looking for..." is
        exactly how it asks for a skill."""
        kept: list[Match] = []
        dropped: list[Dropped] = []
        matches = self.patterns.find(tokens)
        if not matches:
            return kept, dropped
        friends = self.false_friends.find(tokens)
        cues = self.rules.cues.find(tokens)
        if cues:
            spared = self.rules.exceptions.find(tokens)
            cues = [c for c in cues if not any(e.start <= c.start < e.end for e in spared)]
        for m in matches:
            # A look-alike cancels a term that shares a matched word with it, not one
            # that merely stands in its gap ("motivated and proactive team member").
            if any(f.skill == m.skill and not set(f.hit).isdisjoint(m.hit) for f in friends):
                dropped.append(Dropped(m, "look-alike"))
                continue
            reason = cancelled_by(m, tokens, [c for c in cues if c.kind in cancel], self.rules)
            if reason:
                dropped.append(Dropped(m, reason))
                continue
            kept.append(m)
        return kept, dropped


@lru_cache(maxsize=16)
def skill_matcher(lexicon: Lexicon, skill_ids: tuple[str, ...], lang: str) -> SkillMatcher:
    """One compiled matcher per lexicon, skill set and language, per process."""
    return SkillMatcher(lexicon, skill_ids, lang)
