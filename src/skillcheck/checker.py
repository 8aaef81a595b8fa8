"""The pure core: from paths to reports. Never prints, never exits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from skillcheck.document import Document, ReadWarning
from skillcheck.errors import ReadError
from skillcheck.evidence import judge_all
from skillcheck.evidence import rules as evidence_rules
from skillcheck.language import LanguageGuess
from skillcheck.lexicons import Lexicon, get_lexicon
from skillcheck.matching import cue_rules, skill_matcher
from skillcheck.nlp import SUPPORTED_LANGUAGES, analyzer
from skillcheck.passages import passages_of
from skillcheck.report import DocumentReport, ErrorReport, PassageRef, Report, SkillResult, Status

MIXED_LANGUAGE_SHARE = 0.3


@dataclass(frozen=True)
class CheckOptions:
    profile: str = "customer-service"
    lang: str = "auto"  # "auto" or one of SUPPORTED_LANGUAGES
    lexicon_paths: tuple[Path, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Input:
    path: Path
    display: str


def expand_paths(paths: Iterable[str]) -> Iterator[Input | ErrorReport]:
    """Files as given and supported files under folders (sorted; hidden files and
    symlinks out of a folder skipped), in the order the paths were given."""
    from skillcheck.paths import safe_walk
    from skillcheck.readers import SUPPORTED_EXTENSIONS

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for p in safe_walk(path, SUPPORTED_EXTENSIONS):
                yield Input(p, str(p))
        elif path.exists():
            yield Input(path, raw)
        else:
            yield ErrorReport(raw, "not-found", f"No such file or folder: {raw}")


def check_document(
    doc: Document,
    options: CheckOptions,
    lexicon: Lexicon | None = None,
    *,
    guess: LanguageGuess | None = None,
) -> DocumentReport:
    """Check one read document against a profile. ``guess`` is the document's
    language as already detected (with ``lang="auto"``), so it is not detected twice."""
    lexicon = lexicon or get_lexicon(options.lexicon_paths)
    profile = lexicon.profile(options.profile)
    warnings = list(doc.warnings)
    if options.lang == "auto":
        if guess is None:
            from skillcheck.language import detect_language

            guess = detect_language(doc)
        lang, source = guess.language, "detected"
        if guess.other_share >= MIXED_LANGUAGE_SHARE and guess.other_language:
            warnings.append(
                ReadWarning(
                    "mixed-language",
                    f"{round(guess.other_share * 100)}% of the running text reads as "
                    f"'{guess.other_language}', not '{lang}'; use --lang to choose.",
                )
            )
    else:
        lang, source = options.lang, "option"
    passages = passages_of(doc)
    tokens = analyzer(lang).analyse_many([p.text for p in passages])
    matcher = skill_matcher(lexicon, profile.skills, lang)
    hits: dict[str, list[tuple[int, list[str]]]] = {sid: [] for sid in profile.skills}
    for i, toks in enumerate(tokens):
        kept, _dropped = matcher.find(toks)
        by_skill: dict[str, list[str]] = {}
        for m in kept:
            terms = by_skill.setdefault(m.skill, [])
            text = passages[i].text[m.char_start : m.char_end]
            if text not in terms:
                terms.append(text)
        for sid, terms in by_skill.items():
            hits[sid].append((i, terms))
    verdicts = judge_all(passages, tokens, lang, {i for sid in hits for i, _ in hits[sid]})
    skills: list[SkillResult] = []
    for sid in profile.skills:
        skill = lexicon.skills[sid]
        refs = [
            PassageRef(
                text=passages[i].text,
                location=passages[i].location,
                section=passages[i].section,
                evidenced=verdicts[i].evidenced,
                signals=verdicts[i].signals,
                terms=tuple(terms),
            )
            for i, terms in hits[sid]
        ]
        refs.sort(key=lambda r: not r.evidenced)
        status: Status = (
            "evidenced" if any(r.evidenced for r in refs) else "mentioned" if refs else "missing"
        )
        entry = skill.languages.get(lang) or skill.languages.get("en")
        advice = None
        if entry is not None and status != "evidenced":
            advice = entry.advice_mentioned if status == "mentioned" else entry.advice_missing
        skills.append(
            SkillResult(
                id=sid, label=skill.label(lang), status=status, passages=tuple(refs), advice=advice
            )
        )
    return DocumentReport(
        file=doc.path,
        language=lang,
        language_source=source,
        profile=profile.id,
        profile_label=profile.label(lang),
        skills=skills,
        lexicon_version=lexicon.version,
        warnings=warnings,
        format=doc.format,
        pages=doc.pages,
    )


def check_input(item: Input, options: CheckOptions) -> Report:
    """Read and check one file; a file that cannot be read becomes an error report."""
    from skillcheck.limits import guarded
    from skillcheck.readers import read_document

    try:
        doc = read_document(item.path, display_path=item.display)  # guarded inside
        guess = _warm_up(doc, options)
        with guarded():  # the document's own work, never the one-off model loading
            return check_document(doc, options, guess=guess)
    except ReadError as exc:
        return ErrorReport(item.display, exc.code, exc.message)


def _warm_up(doc: Document, options: CheckOptions) -> LanguageGuess | None:
    """Load what a process loads once (lexicon, language models, compiled patterns)
    outside the per-document time limit: on a busy machine the first document of a
    worker would otherwise time out while spaCy and Morfeusz load. Returns the
    document's detected language (with ``lang="auto"``), for the check to reuse."""
    lexicon = get_lexicon(options.lexicon_paths)
    lang = options.lang
    guess = None
    if lang == "auto":
        from skillcheck.language import detect_language

        guess = detect_language(doc)
        lang = guess.language
    skill_matcher(lexicon, lexicon.profile(options.profile).skills, lang)
    cue_rules(lang)
    evidence_rules(lang)
    return guess


def check_paths(paths: Sequence[str], options: CheckOptions) -> Iterator[Report]:
    """Reports for every document under ``paths``, in input order."""
    if options.lang != "auto" and options.lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {options.lang!r}")
    for item in expand_paths(paths):
        if isinstance(item, ErrorReport):
            yield item
        else:
            yield check_input(item, options)
