"""Requirements a document must meet in CI mode, and their verdicts.

Pure: parsing raises ``ValueError`` or ``UsageError``, evaluation returns
``RequirementOutcome``s; only the CLI turns failures into an exit status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Literal

from skillcheck.errors import UsageError
from skillcheck.report import DocumentReport, PassageRef, RequirementOutcome, SkillResult

Level = Literal["mentioned", "evidenced"]
LEVELS: tuple[Level, ...] = ("mentioned", "evidenced")
DEFAULT_LEVEL: Level = "mentioned"
# How far a status goes: "mentioned" is met by a mention or by evidence.
_RANK = {"missing": 0, "mentioned": 1, "evidenced": 2}
MAX_QUOTE = 80


@dataclass(frozen=True)
class SkillRequirement:
    """A skill that must reach at least ``level`` (``mentioned`` is met by evidence too)."""

    skill: str
    level: Level = DEFAULT_LEVEL

    @property
    def name(self) -> str:
        return f"{self.skill}={self.level}"


def parse_requirement(text: str) -> SkillRequirement:
    """``"communication=evidenced"`` or ``"teamwork"``; ValueError says what is wrong."""
    skill, sep, level = text.strip().partition("=")
    skill, level = skill.strip(), level.strip()
    if not skill:
        raise ValueError(f"{text!r}: expected SKILL or SKILL=LEVEL")
    if not sep:
        return SkillRequirement(skill)
    if level not in LEVELS:
        raise ValueError(f"{text!r}: the level must be one of {', '.join(LEVELS)}")
    return SkillRequirement(skill, level)


@dataclass(frozen=True)
class Requirements:
    """What one document must meet; ``None`` means "not set here" so layers can merge."""

    skills: tuple[SkillRequirement, ...] | None = None
    min_evidenced: int | None = None
    min_score: int | None = None

    def merged(self, other: Requirements) -> Requirements:
        """These requirements with every field ``other`` sets taking its place."""
        changes = {f.name: getattr(other, f.name) for f in fields(other)}
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def empty(self) -> bool:
        return not self.skills and self.min_evidenced is None and self.min_score is None

    def validate(self, profile_id: str, profile_skills: Sequence[str], source: str | None) -> None:
        """Reject skills the profile lacks and counts it cannot reach, naming where they
        were asked for: the configuration ``source``, or the command line when None."""

        def where(key: str) -> str:
            return f"{source}: {key.replace('-', '_')}" if source else f"--{key}"

        for req in self.skills or ():
            if req.skill not in profile_skills:
                known = ", ".join(profile_skills)
                raise UsageError(
                    f"{where('require')}: unknown skill {req.skill!r} in profile "
                    f"{profile_id!r} (known: {known})"
                )
        if self.min_evidenced is not None and self.min_evidenced > len(profile_skills):
            raise UsageError(
                f"{where('min-evidenced')}: {self.min_evidenced} is more than the "
                f"{len(profile_skills)} skills of profile {profile_id!r}"
            )


def _closest(skill: SkillResult) -> PassageRef | None:
    """The passage a reader should look at first (passages come evidenced first)."""
    return skill.passages[0] if skill.passages else None


def _quote(p: PassageRef) -> str:
    text = " ".join(p.text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


def _skill_outcome(req: SkillRequirement, skill: SkillResult | None) -> RequirementOutcome:
    if skill is None:
        return RequirementOutcome(req.name, False, f"{req.skill} is not a skill of this report")
    passed = _RANK[skill.status] >= _RANK[req.level]
    passage = _closest(skill)
    if passed:
        message = f"{skill.label} is {skill.status} (required: {req.level})"
    elif skill.status == "mentioned":
        message = (
            f"{skill.label} is only mentioned, never shown with a concrete example "
            f"(required: {req.level})"
        )
    else:
        message = f"{skill.label} is missing: no passage names or shows it (required: {req.level})"
    if passage is not None:
        message += f": “{_quote(passage)}”"
    return RequirementOutcome(
        req.name,
        passed,
        message,
        line=passage.location.get("line") if passage else None,
        page=passage.location.get("page") if passage else None,
    )


def evaluate(report: DocumentReport, reqs: Requirements) -> list[RequirementOutcome]:
    """Every requirement checked against one report, in a stable order."""
    by_id = {s.id: s for s in report.skills}
    outcomes = [_skill_outcome(req, by_id.get(req.skill)) for req in reqs.skills or ()]
    if reqs.min_evidenced is not None:
        n = report.summary["evidenced"]
        outcomes.append(
            RequirementOutcome(
                f"min-evidenced={reqs.min_evidenced}",
                n >= reqs.min_evidenced,
                f"{n} of {len(report.skills)} skills evidenced "
                f"(required: at least {reqs.min_evidenced})",
            )
        )
    if reqs.min_score is not None:
        outcomes.append(
            RequirementOutcome(
                f"min-score={reqs.min_score}",
                report.score >= reqs.min_score,
                f"score {report.score}/100 (required: at least {reqs.min_score})",
            )
        )
    return outcomes


def parse_all(texts: Iterable[str]) -> tuple[SkillRequirement, ...]:
    """Parse several requirements; a repeated skill keeps its last level."""
    found: dict[str, SkillRequirement] = {}
    for text in texts:
        req = parse_requirement(text)
        found.pop(req.skill, None)
        found[req.skill] = req
    return tuple(found.values())
