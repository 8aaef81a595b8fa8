"""What a group of documents shows together: the counts a counsellor reads first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from skillcheck.report import STATUSES, DocumentReport, ErrorReport, Report


@dataclass(frozen=True)
class SkillCount:
    id: str
    label: str
    evidenced: int
    mentioned: int
    missing: int


@dataclass(frozen=True)
class Cohort:
    documents: list[DocumentReport]
    unreadable: list[ErrorReport]
    skills: list[SkillCount]  # in profile order

    @property
    def gaps(self) -> list[SkillCount]:
        """The three skills most often missing (ties: fewer evidenced first)."""
        ranked = sorted(self.skills, key=lambda s: (-s.missing, s.evidenced, -s.mentioned))
        return [s for s in ranked if s.missing][:3]

    @property
    def average_score(self) -> int:
        if not self.documents:
            return 0
        return round(sum(d.score for d in self.documents) / len(self.documents))


def cohort_of(reports: Sequence[Report]) -> Cohort:
    docs = [r for r in reports if isinstance(r, DocumentReport)]
    errors = [r for r in reports if isinstance(r, ErrorReport)]
    order: dict[str, str] = {}
    counts: dict[str, dict[str, int]] = {}
    for doc in docs:
        for skill in doc.skills:
            order.setdefault(skill.id, skill.label)
            counts.setdefault(skill.id, dict.fromkeys(STATUSES, 0))[skill.status] += 1
    skills = [
        SkillCount(
            sid, label, counts[sid]["evidenced"], counts[sid]["mentioned"], counts[sid]["missing"]
        )
        for sid, label in order.items()
    ]
    return Cohort(documents=docs, unreadable=errors, skills=skills)
