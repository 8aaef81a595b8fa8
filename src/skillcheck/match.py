"""A CV against a job posting: which skills the posting asks for, and how the CV
shows each of them. The posting and the CV may be in different languages: both
meet on skill ids, through each language's own lexicon."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from skillcheck import __version__
from skillcheck.checker import CheckOptions, check_document
from skillcheck.document import Document
from skillcheck.lexicons import Lexicon, get_lexicon
from skillcheck.matching import POSTING_CUES, skill_matcher
from skillcheck.nlp import analyzer
from skillcheck.passages import passages_of
from skillcheck.report import SCORE_WEIGHTS, DocumentReport, PassageRef, SkillResult

MATCH_SCHEMA = "skillcheck.match"
MATCH_SCHEMA_VERSION = 1
# What to fix first: a skill the posting asks for and the CV misses, then one it
# only mentions; evidenced ones are fine.
FIX_ORDER = {"missing": 0, "mentioned": 1, "evidenced": 2}
FORMULA = "round(100 * (evidenced + 0.4 * mentioned) / asked)"


@dataclass(frozen=True)
class Asked:
    """One skill the posting asks for, with the CV's answer."""

    skill: SkillResult  # as the CV shows it (status, passages, advice in the CV's language)
    job_passages: tuple[PassageRef, ...]  # the posting's sentences that ask for it


@dataclass
class MatchReport:
    cv: DocumentReport
    job_file: str
    job_language: str
    asked: list[Asked]
    not_asked: list[str] = field(default_factory=list)

    @property
    def percentage(self) -> int | None:
        if not self.asked:
            return None
        total = sum(SCORE_WEIGHTS[a.skill.status] for a in self.asked)
        return round(100 * total / len(self.asked))


def asked_skills(
    job: Document, lexicon: Lexicon, skill_ids: tuple[str, ...], lang: str
) -> dict[str, list[PassageRef]]:
    """The skills a posting asks for, each with the posting passages that ask."""
    passages = passages_of(job)
    tokens = analyzer(lang).analyse_many([p.text for p in passages])
    matcher = skill_matcher(lexicon, skill_ids, lang)
    asked: dict[str, list[PassageRef]] = {}
    for passage, toks in zip(passages, tokens, strict=True):
        kept, _ = matcher.find(toks, cancel=POSTING_CUES)
        terms: dict[str, list[str]] = {}
        for m in kept:
            terms.setdefault(m.skill, []).append(passage.text[m.char_start : m.char_end])
        for sid, found in terms.items():
            ref = PassageRef(
                passage.text, passage.location, passage.section, False, (), tuple(found)
            )
            asked.setdefault(sid, []).append(ref)
    return asked


def match_documents(
    cv: Document, job: Document, options: CheckOptions, job_lang: str = "auto"
) -> MatchReport:
    lexicon = get_lexicon(options.lexicon_paths)
    profile = lexicon.profile(options.profile)
    report = check_document(cv, options, lexicon)
    if job_lang == "auto":
        from skillcheck.language import detect_language

        job_lang = detect_language(job).language
    asked = asked_skills(job, lexicon, profile.skills, job_lang)
    by_id = {s.id: s for s in report.skills}
    items = [Asked(by_id[sid], tuple(refs)) for sid, refs in asked.items()]
    order = {sid: n for n, sid in enumerate(profile.skills)}
    items.sort(key=lambda a: (FIX_ORDER[a.skill.status], order[a.skill.id]))
    not_asked = [sid for sid in profile.skills if sid not in asked]
    return MatchReport(
        cv=report, job_file=job.path, job_language=job_lang, asked=items, not_asked=not_asked
    )


def match_json(m: MatchReport) -> dict[str, Any]:
    """The match as a documented, versioned JSON object (README: "Matching a job posting")."""

    def passage(p: PassageRef) -> dict[str, Any]:
        return {"text": p.text, **p.location, "terms": list(p.terms)}

    return {
        "schema": MATCH_SCHEMA,
        "schema_version": MATCH_SCHEMA_VERSION,
        "cv": m.cv.file,
        "job": m.job_file,
        "cv_language": m.cv.language,
        "job_language": m.job_language,
        "profile": m.cv.profile,
        "match": m.percentage,
        "formula": FORMULA,
        "asked": [
            {
                "id": a.skill.id,
                "label": a.skill.label,
                "status": a.skill.status,
                "job_passages": [passage(p) for p in a.job_passages],
                "cv_passages": [
                    {**passage(p), "evidenced": p.evidenced, "signals": list(p.signals)}
                    for p in a.skill.passages
                ],
                "advice": a.skill.advice,
            }
            for a in m.asked
        ],
        "not_asked": m.not_asked,
        "warnings": [{"code": w.code, "message": w.message} for w in m.cv.warnings],
        "lexicon_version": m.cv.lexicon_version,
        "skillcheck_version": __version__,
    }
