"""Decide whether a passage that points to a skill shows a concrete own instance.

The rule (evidence.md): a passage evidences a skill when it names the skill or
describes its behaviour AND tells of the writer's own action (a first-person or
past-tense verb, or a duty verb opening an experience bullet) AND carries at
least one sign of a concrete instance: a number, percentage or amount, a date,
a situation ("when a customer...") or a result ("so that...", "dzięki czemu",
"sehingga"). Passages in skills, languages or interests sections never evidence;
generic claims ("I am...", "Potrafię...", "Saya seorang...") need a past action
to count. The words behind every signal are language data in
``lexicons/languages/<lang>.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from skillcheck.matching import PatternSet, compile_pattern
from skillcheck.nlp import Token, analyzer, language_data
from skillcheck.passages import Passage, evidence_allowed

OWN_ACTION = ("first-person", "past-tense", "action-verb")
SHORT_PARAGRAPH_SENTENCES = 4
SHORT_PARAGRAPH_WORDS = 90
# In a longer paragraph, how many sentences on each side tell the same story.
NEAR_SENTENCES = 2
# Only a story borrows from the sentence beside it: a letter's paragraph or an
# experience entry, and only the when and the outcome. A profile's "six years of
# experience" does not turn "I combine empathy with patience" into an example.
CONTEXT_SECTIONS = frozenset({"", "experience"})
CONTEXT_SIGNALS = frozenset({"date", "situation", "result"})
HARD = ("number", "percentage", "amount")
CONCRETE = (*HARD, "result", "date", "situation")

_PHONE = re.compile(r"\+?\(?\d[\d\s().\-]{6,}\d")
_EMAIL_URL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
# A span of years or a start date to now is a job's tenure, not a moment.
_TENURE = re.compile(
    r"(?:19|20)\d\d\s*(?:[–—-]|to|until|till|do|hingga|sehingga|sampai)\s*"
    r"(?:(?:19|20)\d\d|present|now|date|today|obecnie|nadal|dziś|kini|sekarang)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?<!\d[.,])(19[5-9]\d|20[0-4]\d)(?!\d)(?![.,]\d)")
_PERCENT = re.compile(r"\d\s?%")
_DIGITS = re.compile(r"\d+(?:[.,/–-]\d+)*")


@dataclass(frozen=True)
class Verdict:
    evidenced: bool
    signals: tuple[str, ...]


@dataclass(frozen=True)
class _Rules:
    lang: str
    first_person: frozenset[str]
    first_person_tags: frozenset[str]
    past_tags: frozenset[str]
    past_suffixes: tuple[str, ...]
    passive_auxiliaries: frozenset[str]
    context_needs: frozenset[str]
    dated_action: frozenset[str]
    result_action: frozenset[str]
    # a past marker right after these words is negated ("belum pernah")
    past_marker_not_after: frozenset[str]
    # verbs of another language that open a bullet as its action ("Handle 70 panggilan")
    loan_verbs: frozenset[str]
    # (prefix, suffix) of a noun naming an action on an action verb's stem
    # ("Penyusunan jadual...": the arranging of the rota)
    action_noun: tuple[str, str] | None
    past_irregular: frozenset[str]
    past_markers: frozenset[str]
    verb_prefixes: tuple[str, ...]
    action_verbs: frozenset[str]
    number_words: frozenset[str]
    number_prefixes: tuple[str, ...]
    # words after which a number word counts nothing ("no one")
    number_not_after: frozenset[str]
    # "six years", "5+ lat", "3 tahun": how long someone has worked, not a count
    duration: re.Pattern[str] | None
    duration_units: frozenset[str]
    percent_words: PatternSet
    currency: frozenset[str]
    # (symbol, "a symbol beside a number" search) for each currency symbol
    currency_searches: tuple[tuple[str, re.Pattern[str]], ...]
    months: frozenset[str]
    result: PatternSet
    situation: PatternSet
    generic: PatternSet
    first_person_phrases: PatternSet


@cache
def rules(lang: str) -> _Rules:
    data = language_data(lang).get("evidence", {})
    nlp = analyzer(lang)

    def keyset(words: list[str]) -> frozenset[str]:
        out: set[str] = set()
        for w in words:
            if not w.endswith("*"):
                out |= nlp.keys_of(w)
        return frozenset(out)

    def patterns(name: str) -> PatternSet:
        return PatternSet([compile_pattern(nlp, t, "", name) for t in data.get(name, [])])

    numbers = data.get("number_words", [])
    currency = frozenset(c.casefold() for c in data.get("currency", []))
    compiled = _Rules(
        lang=lang,
        first_person=frozenset(w for w in data.get("first_person", []) if " " not in w),
        first_person_tags=frozenset(data.get("first_person_tags", [])),
        past_tags=frozenset(data.get("past_tags", [])),
        past_suffixes=tuple(data.get("past_suffixes", [])),
        passive_auxiliaries=frozenset(data.get("passive_auxiliaries", [])),
        context_needs=frozenset(data.get("context_needs", ["past-tense"])),
        dated_action=frozenset(data.get("dated_action", ["past-tense", "first-person"])),
        result_action=frozenset(data.get("result_action", OWN_ACTION)),
        past_marker_not_after=frozenset(data.get("past_marker_not_after", [])),
        loan_verbs=frozenset(w.casefold() for w in data.get("loan_verbs", [])),
        action_noun=_affixes(data.get("action_noun")),
        past_irregular=frozenset(data.get("past_irregular", [])),
        past_markers=frozenset(data.get("past_markers", [])),
        verb_prefixes=tuple(sorted(data.get("verb_prefixes", []), key=len, reverse=True)),
        action_verbs=keyset(data.get("action_verbs", [])),
        number_words=keyset(numbers),
        number_prefixes=tuple(w[:-1] for w in numbers if w.endswith("*")),
        number_not_after=frozenset(w.casefold() for w in data.get("number_not_after", [])),
        duration=_duration_search(data.get("duration_units", [])),
        duration_units=frozenset(w.casefold() for w in data.get("duration_units", [])),
        percent_words=patterns("percent_words"),
        currency=currency,
        currency_searches=tuple(
            (cur, re.compile(rf"(?<!\w){re.escape(cur)}\s?\d|\d\s?{re.escape(cur)}(?!\w)"))
            for cur in currency
        ),
        months=keyset(data.get("months", [])),
        result=patterns("result"),
        situation=patterns("situation"),
        generic=patterns("generic"),
        first_person_phrases=PatternSet(
            [
                compile_pattern(nlp, t, "", "first_person")
                for t in data.get("first_person", [])
                if " " in t
            ]
        ),
    )
    nlp.save_terms()
    return compiled


def _affixes(value: Sequence[str] | None) -> tuple[str, str] | None:
    if not value:
        return None
    prefix, suffix = value
    return prefix, suffix


def _duration_search(units: Sequence[str]) -> re.Pattern[str] | None:
    if not units:
        return None
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(rf"\d+(?:[.,]\d+)?\s*\+?\s*(?:{alternatives})(?!\w)", re.IGNORECASE)


def _numbers(text: str, tokens: Sequence[Token], r: _Rules) -> set[str]:
    """Number, percentage, amount and date signals; phone numbers and e-mails are not numbers."""
    signals: set[str] = set()
    clean = _EMAIL_URL.sub(" ", text)
    clean = _PHONE.sub(
        lambda m: " " if sum(c.isdigit() for c in m.group()) >= 9 else m.group(), clean
    )
    if _PERCENT.search(clean):
        signals.add("percentage")
    clean = _TENURE.sub(" ", clean)
    if r.duration is not None:
        clean = r.duration.sub(" ", clean)
    if _YEAR.search(clean):
        signals.add("date")
    low = clean.casefold()
    for cur, search in r.currency_searches:
        if cur in low and search.search(low):
            signals.add("amount")
            break
    without_years = _YEAR.sub(" ", clean)
    for m in _DIGITS.finditer(without_years):
        value = m.group()
        if value.isdigit() and int(value) <= 31 and _month_near(tokens, value, r):
            signals.add("date")
            continue
        signals.add("number")
    for i, tok in enumerate(tokens):
        if (
            not tok.keys.isdisjoint(r.number_words)
            or (
                r.number_prefixes and tok.lower.startswith(r.number_prefixes) and len(tok.lower) > 5
            )
        ) and not ((i and tokens[i - 1].lower in r.number_not_after) or _before_unit(tokens, i, r)):
            signals.add("number")
        if not tok.keys.isdisjoint(r.months):
            signals.add("date")
    if r.percent_words.find(tokens):
        signals.add("percentage")
    return signals


def _before_unit(tokens: Sequence[Token], i: int, r: _Rules) -> bool:
    """A number word that counts years or months ("five years", "pięciu lat")."""
    following = [t for t in tokens[i + 1 : i + 3] if t.text not in ("+", "-")]
    return bool(following) and following[0].lower in r.duration_units


def _month_near(tokens: Sequence[Token], value: str, r: _Rules) -> bool:
    for i, tok in enumerate(tokens):
        if tok.text == value:
            near = tokens[max(0, i - 1) : i + 2]
            if any(not t.keys.isdisjoint(r.months) for t in near):
                return True
    return False


def _own_action(tokens: Sequence[Token], passage: Passage, r: _Rules) -> set[str]:
    signals: set[str] = set()
    words = [t for t in tokens if t.is_word]
    if not words:
        return signals
    if any(t.lower in r.first_person for t in words) or r.first_person_phrases.find(tokens):
        signals.add("first-person")
    for n, t in enumerate(words):
        if t.tags & r.first_person_tags:
            signals.add("first-person")
        if t.lower in r.past_markers and n and words[n - 1].lower in r.past_marker_not_after:
            continue
        if t.tags & r.past_tags or t.lower in r.past_irregular or t.lower in r.past_markers:
            signals.add("past-tense")
        elif r.past_suffixes and t.lower.endswith(r.past_suffixes) and len(t.keys) > 1:
            # "is not covered", "are required": a present passive is a state, not a deed.
            before = {w.lower for w in words[max(0, n - 2) : n]}
            if before.isdisjoint(r.passive_auxiliaries):
                signals.add("past-tense")
    # A bullet opens with its verb, or has one right after a colon or semicolon
    # ("After a theft (December 2023): calming the shop, writing the report").
    pairs = zip(tokens, tokens[1:], strict=False)
    openers = [words[0]] + [b for a, b in pairs if a.text.endswith((":", ";")) and b.is_word]
    if any(_is_verb_opener(t, r) for t in openers) and passage.kind in (
        "list-item",
        "paragraph",
        "table-cell",
    ):
        signals.add("action-verb")
    if r.verb_prefixes and "first-person" in signals:
        # Malay: a meN-/ber- verb after "saya"/"kami" is the writer acting.
        for a, b in zip(words, words[1:], strict=False):
            if a.lower in r.first_person and b.lower.startswith(r.verb_prefixes):
                signals.add("action-verb")
    return signals


def _is_verb_opener(tok: Token, r: _Rules) -> bool:
    if tok.lower in r.loan_verbs:
        return True
    if (
        r.action_noun
        and tok.lower.startswith(r.action_noun[0])
        and tok.lower.endswith(r.action_noun[1])
    ):
        return not tok.keys.isdisjoint(r.action_verbs)
    if r.verb_prefixes:
        # Malay: a verb opening a bullet carries a verbal prefix (menangani, bekerjasama);
        # a pe- noun on the same root (penyambut tetamu) is a job title, not an action.
        return tok.lower.startswith(r.verb_prefixes) and (
            bool(_prefix_free(tok, r)) or not tok.keys.isdisjoint(r.action_verbs)
        )
    return not tok.keys.isdisjoint(r.action_verbs)


def _prefix_free(tok: Token, r: _Rules) -> frozenset[str]:
    """For Malay: any meN-/ber- word whose stem differs from its form is a verb."""
    return frozenset(k for k in tok.keys if k != tok.lower) if r.verb_prefixes else frozenset()


def judge(passage: Passage, tokens: Sequence[Token], lang: str) -> Verdict:
    """The evidence verdict for one passage, with the signals behind it."""
    return _judge(passage, tokens, lang, frozenset())


def judge_all(
    passages: Sequence[Passage], tokens: Sequence[Sequence[Token]], lang: str, wanted: Iterable[int]
) -> dict[int, Verdict]:
    """Verdicts for the passages in ``wanted``; a sentence of a short paragraph may
    take its concrete signs from the sentences beside it (evidence.md: "the same
    sentence, bullet or short paragraph")."""
    verdicts: dict[int, Verdict] = {}
    blocks: dict[int, list[int]] = {}
    for i, p in enumerate(passages):
        blocks.setdefault(p.block, []).append(i)
    alone: dict[int, Verdict] = {}

    def single(i: int) -> Verdict:
        if i not in alone:
            alone[i] = judge(passages[i], tokens[i], lang)
        return alone[i]

    for i in wanted:
        verdict = single(i)
        block = blocks[passages[i].block]
        siblings = [j for j in block if j != i]
        words = sum(len(passages[j].text.split()) for j in block)
        if len(siblings) > SHORT_PARAGRAPH_SENTENCES - 1 or words > SHORT_PARAGRAPH_WORDS:
            # A long paragraph tells several things: only the sentences next to
            # this one belong to its story.
            at = block.index(i)
            near = block[max(0, at - NEAR_SENTENCES) : at + NEAR_SENTENCES + 1]
            siblings = [j for j in near if j != i]
        if verdict.evidenced or not siblings:
            verdicts[i] = verdict
            continue
        if passages[i].section not in CONTEXT_SECTIONS or not (
            rules(lang).context_needs & set(verdict.signals)
        ):
            # A habit ("At the counter I help customers...") does not take the
            # moment of the story told next to it.
            verdicts[i] = verdict
            continue
        borrowed = frozenset(s for j in siblings for s in single(j).signals if s in CONTEXT_SIGNALS)
        verdicts[i] = _judge(passages[i], tokens[i], lang, borrowed)
    return verdicts


def _judge(
    passage: Passage, tokens: Sequence[Token], lang: str, borrowed: frozenset[str]
) -> Verdict:
    r = rules(lang)
    signals = _own_action(tokens, passage, r) | _numbers(passage.text, tokens, r)
    if r.result.find(tokens):
        signals.add("result")
    if r.situation.find(tokens):
        signals.add("situation")
    context = bool(borrowed - signals) and any(s in signals for s in OWN_ACTION)
    signals |= borrowed
    ordered = [s for s in OWN_ACTION + CONCRETE if s in signals]
    if context:
        ordered.append("paragraph-context")
    if not evidence_allowed(passage.section):
        return Verdict(False, tuple(ordered + [f"{passage.section}-section"]))
    generic = [m for m in r.generic.find(tokens) if m.start <= 2]
    if generic and "past-tense" not in signals:
        return Verdict(False, tuple(ordered + ["generic-claim"]))
    return Verdict(is_evidence(signals, r.dated_action, r.result_action), tuple(ordered))


def is_evidence(
    signals: set[str] | frozenset[str],
    dated_action: frozenset[str],
    result_action: frozenset[str] = frozenset(OWN_ACTION),
) -> bool:
    """Own action plus a concrete sign. A situation ("when presenting...") marks a
    moment only beside a past-tense verb, a date only beside one of the language's
    ``dated_action`` signals, a result ("so that...") only beside a
    ``result_action`` one; otherwise a duty line or a habit with a date or an aim
    is still a claim."""
    own = any(s in signals for s in OWN_ACTION)
    hard = any(s in signals for s in HARD)
    moment = (
        ("situation" in signals and "past-tense" in signals)
        or ("date" in signals and not dated_action.isdisjoint(signals))
        or ("result" in signals and not result_action.isdisjoint(signals))
    )
    return own and (hard or moment)
