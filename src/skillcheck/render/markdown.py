"""Markdown: a report a counsellor can paste into notes or convert to a document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from skillcheck.cohort import cohort_of
from skillcheck.render.terminal import LANGUAGE_NAMES, MARKS, where
from skillcheck.report import DocumentReport, ErrorReport, Report


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _document(r: DocumentReport) -> list[str]:
    s = r.summary
    lines = [
        f"## {_cell(r.file)}",
        "",
        f"**Score {r.score}/100** · {s['evidenced']} evidenced · {s['mentioned']} mentioned"
        f" · {s['missing']} missing · {LANGUAGE_NAMES.get(r.language, r.language)}"
        f" · {r.profile_label}",
        "",
    ]
    if r.warnings:
        lines += [f"> ⚠ {_cell(w.message)} (`{w.code}`)" for w in r.warnings] + [""]
    lines += ["| Skill | Status | Behind the verdict |", "|---|---|---|"]
    for k in r.skills:
        if k.passages:
            p = k.passages[0]
            meta = ", ".join(x for x in (where(p.location), *p.signals) if x)
            detail = f"“{_cell(p.text)}” ({meta})"
        else:
            detail = "—"
        lines.append(f"| {_cell(k.label)} | {MARKS[k.status]} {k.status} | {detail} |")
    todo = r.to_improve(3)
    if todo:
        lines += ["", "**Top three to improve**", ""]
        lines += [
            f"{n}. **{_cell(k.label)}** ({k.status}): {_cell(k.advice or '')}"
            for n, k in enumerate(todo, 1)
        ]
    return lines + [""]


def render(reports: Iterable[Report], out: TextIO) -> None:
    rows = list(reports)
    cohort = cohort_of(rows)
    lines = ["# skillcheck report", ""]
    if len(rows) > 1:
        lines += [
            f"{len(cohort.documents)} documents read, {len(cohort.unreadable)} unreadable; "
            f"average score {cohort.average_score}/100.",
            "",
            "| Skill | evidenced | mentioned | missing |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(k.label)} | {k.evidenced} | {k.mentioned} | {k.missing} |"
            for k in cohort.skills
        ]
        if cohort.gaps:
            lines += [
                "",
                "**Most common gaps:** "
                + ", ".join(f"{k.label} ({k.missing} missing)" for k in cohort.gaps),
            ]
        lines.append("")
    for r in rows:
        if isinstance(r, ErrorReport):
            lines += [
                f"## {_cell(r.file)}",
                "",
                f"**Not read:** {_cell(r.message)} (`{r.code}`)",
                "",
            ]
        else:
            lines += _document(r)
    out.write("\n".join(lines))
