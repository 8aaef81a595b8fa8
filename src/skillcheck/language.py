"""Which of the supported languages a document is written in.

lingua, restricted to English, Polish, Malay and Indonesian: Indonesian is folded
into Malay, since Malay CVs are often written in an Indonesian-looking way and
the two share our lexicon's stems. The decision is made on the running text
(paragraphs, bullets, cells of four words or more), so that English section
headings in a Polish CV do not outvote the Polish sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from skillcheck.document import Document

_MIN_WORDS = 4
# Enough text to decide (a CV page); longer documents cost time, not accuracy.
_DECIDE_CHARS = 3000
# Running-text lines, evenly spread over the document, that are checked one by
# one to see whether a large part is written in another language.
_SAMPLE_LINES = 10
_SAMPLE_MIN_WORDS = 8


@dataclass(frozen=True)
class LanguageGuess:
    language: str
    confidence: float
    # share of running-text words that lingua puts in another supported language
    other_share: float
    other_language: str | None


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.POLISH, Language.MALAY, Language.INDONESIAN
    ).build()


def _code(lang: Any) -> str:
    name = lang.name
    return {"ENGLISH": "en", "POLISH": "pl", "MALAY": "ms", "INDONESIAN": "ms"}[name]


def _running_text(doc: Document) -> list[str]:
    lines = [
        b.text for b in doc.blocks if b.kind != "heading" and len(b.text.split()) >= _MIN_WORDS
    ]
    return lines or [b.text for b in doc.blocks]


def detect_language(doc: Document) -> LanguageGuess:
    """The document's language among en/pl/ms, with how much of it reads otherwise."""
    return detect_text_language(_running_text(doc))


def detect_text_language(lines: Sequence[str]) -> LanguageGuess:
    detector = _detector()
    text = "\n".join(lines)[:_DECIDE_CHARS]
    scores: Counter[str] = Counter()
    for value in detector.compute_language_confidence_values(text):
        scores[_code(value.language)] += value.value
    language, confidence = scores.most_common(1)[0] if scores else ("en", 0.0)
    words: Counter[str] = Counter()
    long_lines = [line for line in lines if len(line.split()) >= _SAMPLE_MIN_WORDS]
    step = max(1, len(long_lines) // _SAMPLE_LINES)
    for line in long_lines[::step][:_SAMPLE_LINES]:
        n = len(line.split())
        guess = detector.detect_language_of(line)
        if guess is not None:
            words[_code(guess)] += n
    total = sum(words.values())
    others = [(lang, n) for lang, n in words.most_common() if lang != language]
    other_share = sum(n for _, n in others) / total if total else 0.0
    return LanguageGuess(
        language=language,
        confidence=round(confidence, 3),
        other_share=round(other_share, 3),
        other_language=others[0][0] if others else None,
    )
