"""The result of checking documents, and its JSON form (report-contract.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from skillcheck import __version__
from skillcheck.document import ReadWarning

SCHEMA_VERSION = 1
Status = Literal["evidenced", "mentioned", "missing"]
STATUSES: tuple[Status, ...] = ("evidenced", "mentioned", "missing")
# Score: an evidenced skill earns full credit, a mentioned one 40 %, a missing none.
SCORE_WEIGHTS: dict[str, float] = {"evidenced": 1.0, "mentioned": 0.4, "missing": 0.0}


@dataclass(frozen=True)
class PassageRef:
    text: str
    location: dict[str, int]
    section: str
    evidenced: bool
    signals: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class SkillResult:
    id: str
    label: str
    status: Status
    passages: tuple[PassageRef, ...]
    advice: str | None


@dataclass(frozen=True)
class RequirementOutcome:
    """One requirement checked against one document (CI mode)."""

    name: str  # e.g. "communication=evidenced", "min-score=60"
    passed: bool
    message: str  # what was found, in words a person reads
    line: int | None = None  # where the closest passage is, when known
    page: int | None = None


@dataclass
class DocumentReport:
    file: str
    language: str
    language_source: str  # "detected" or "option"
    profile: str
    profile_label: str
    skills: list[SkillResult]
    lexicon_version: str
    warnings: list[ReadWarning] = field(default_factory=list)
    format: str = ""
    pages: int | None = None
    requirements: list[RequirementOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[RequirementOutcome]:
        return [r for r in self.requirements if not r.passed]

    @property
    def summary(self) -> dict[str, int]:
        return {s: sum(1 for k in self.skills if k.status == s) for s in STATUSES}

    @property
    def score(self) -> int:
        if not self.skills:
            return 0
        total = sum(SCORE_WEIGHTS[k.status] for k in self.skills)
        return round(100 * total / len(self.skills))

    def to_improve(self, n: int = 3) -> list[SkillResult]:
        """What to work on first: claims to back with an example, then gaps to fill."""
        mentioned = [k for k in self.skills if k.status == "mentioned"]
        missing = [k for k in self.skills if k.status == "missing"]
        return (mentioned + missing)[:n]


@dataclass(frozen=True)
class ErrorReport:
    file: str
    code: str
    message: str


Report = DocumentReport | ErrorReport


def _passage_json(p: PassageRef) -> dict[str, Any]:
    out: dict[str, Any] = {"text": p.text}
    out.update(p.location)
    out["section"] = p.section or None
    out["evidenced"] = p.evidenced
    out["signals"] = list(p.signals)
    out["terms"] = list(p.terms)
    return out


def to_json(report: Report) -> dict[str, Any]:
    """The report as the JSON object of report-contract.md (plus documented extras)."""
    if isinstance(report, ErrorReport):
        return {
            "schema_version": SCHEMA_VERSION,
            "file": report.file,
            "error": {"code": report.code, "message": report.message},
        }
    return {
        "schema_version": SCHEMA_VERSION,
        "file": report.file,
        "language": report.language,
        "language_source": report.language_source,
        "profile": report.profile,
        "profile_label": report.profile_label,
        "skills": [
            {
                "id": s.id,
                "label": s.label,
                "status": s.status,
                "passages": [_passage_json(p) for p in s.passages],
                "advice": s.advice,
            }
            for s in report.skills
        ],
        "summary": report.summary,
        "score": report.score,
        "warnings": [{"code": w.code, "message": w.message} for w in report.warnings],
        "format": report.format,
        "pages": report.pages,
        "requirements": [
            {
                "name": r.name,
                "passed": r.passed,
                "message": r.message,
                **({"line": r.line} if r.line is not None else {}),
                **({"page": r.page} if r.page is not None else {}),
            }
            for r in report.requirements
        ],
        "lexicon_version": report.lexicon_version,
        "skillcheck_version": __version__,
    }


def from_json(data: dict[str, Any]) -> Report:
    """Rebuild a report from its JSON object (the cache stores reports this way)."""
    if "error" in data:
        return ErrorReport(data["file"], data["error"]["code"], data["error"]["message"])
    location_keys = ("page", "line", "paragraph")
    skills = [
        SkillResult(
            id=s["id"],
            label=s["label"],
            status=s["status"],
            passages=tuple(
                PassageRef(
                    text=p["text"],
                    location={k: p[k] for k in location_keys if k in p},
                    section=p.get("section") or "",
                    evidenced=p["evidenced"],
                    signals=tuple(p["signals"]),
                    terms=tuple(p["terms"]),
                )
                for p in s["passages"]
            ),
            advice=s.get("advice"),
        )
        for s in data["skills"]
    ]
    return DocumentReport(
        file=data["file"],
        language=data["language"],
        language_source=data["language_source"],
        profile=data["profile"],
        profile_label=data.get("profile_label", data["profile"]),
        skills=skills,
        lexicon_version=data["lexicon_version"],
        warnings=[ReadWarning(w["code"], w["message"]) for w in data["warnings"]],
        format=data.get("format", ""),
        pages=data.get("pages"),
        requirements=[
            RequirementOutcome(r["name"], r["passed"], r["message"], r.get("line"), r.get("page"))
            for r in data.get("requirements", [])
        ],
    )
