"""The Rich report a person reads: score first, skills with their passages, then advice.

Fits 80 columns, falls back to plain text when piped, and honours NO_COLOR
(Rich does both from the environment).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from skillcheck.cohort import Cohort, cohort_of
from skillcheck.report import DocumentReport, ErrorReport, Report

MARKS = {"evidenced": "✔", "mentioned": "◐", "missing": "✘"}
STYLES = {"evidenced": "bold green", "mentioned": "yellow", "missing": "red"}
LANGUAGE_NAMES = {"en": "English", "pl": "Polish", "ms": "Malay"}
MAX_PASSAGE = 160


def where(location: dict[str, int]) -> str:
    if "page" in location:
        return f"p. {location['page']}"
    if "line" in location:
        return f"line {location['line']}"
    if "paragraph" in location:
        return f"¶ {location['paragraph']}"
    return ""


def clip(text: str) -> str:
    return text if len(text) <= MAX_PASSAGE else text[: MAX_PASSAGE - 1].rstrip() + "…"


def _header(r: DocumentReport) -> Panel:
    s = r.summary
    lang = LANGUAGE_NAMES.get(r.language, r.language)
    line1 = Text.assemble(
        ("Score ", "bold"),
        (f"{r.score}/100", "bold cyan"),
        "   ",
        (f"{MARKS['evidenced']} {s['evidenced']} evidenced", STYLES["evidenced"]),
        "  ",
        (f"{MARKS['mentioned']} {s['mentioned']} mentioned", STYLES["mentioned"]),
        "  ",
        (f"{MARKS['missing']} {s['missing']} missing", STYLES["missing"]),
    )
    line2 = Text(
        f"Language: {lang} ({r.language_source}) · Profile: {r.profile_label}",
        style="dim",
    )
    return Panel(Group(line1, line2), title=f"[bold]{r.file}[/]", title_align="left")


def _skills_table(r: DocumentReport) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=False)
    table.add_column("Skill", ratio=2, no_wrap=False)
    table.add_column("Status", ratio=2, no_wrap=True)
    table.add_column("Behind the verdict", ratio=6)
    for skill in r.skills:
        status = Text(f"{MARKS[skill.status]} {skill.status}", style=STYLES[skill.status])
        if skill.passages:
            p = skill.passages[0]
            detail = Text(f"“{clip(p.text)}”")
            meta = ", ".join(x for x in (where(p.location), *p.signals) if x)
            if meta:
                detail.append(f"\n{meta}", style="dim")
            more = len(skill.passages) - 1
            if more:
                detail.append(f" (+{more} more)", style="dim")
        else:
            detail = Text("no passage names or shows it", style="dim")
        table.add_row(skill.label, status, detail)
    return table


def _advice(r: DocumentReport) -> Panel | None:
    todo = r.to_improve(3)
    if not todo:
        return None
    body = Text()
    for n, skill in enumerate(todo, start=1):
        if n > 1:
            body.append("\n")
        body.append(f"{n}. {skill.label} ", style="bold")
        body.append(f"({skill.status}): ", style=STYLES[skill.status])
        body.append(skill.advice or "")
    return Panel(body, title="Top three to improve", title_align="left")


def _warnings(r: DocumentReport) -> Panel | None:
    if not r.warnings:
        return None
    body = Text("\n".join(f"⚠ {w.message} [{w.code}]" for w in r.warnings), style="yellow")
    return Panel(body, title="Reading warnings", title_align="left", border_style="yellow")


def _requirements(r: DocumentReport) -> Panel | None:
    if not r.requirements:
        return None
    body = Text()
    for n, req in enumerate(r.requirements):
        if n:
            body.append("\n")
        mark, style = ("✔", "green") if req.passed else ("✘", "bold red")
        body.append(f"{mark} {req.name}: ", style=style)
        body.append(req.message)
    failed = len(r.failed)
    title = f"Requirements: {failed} failed" if failed else "Requirements: all met"
    return Panel(body, title=title, title_align="left", border_style="red" if failed else "green")


def render_report(report: Report, console: Console) -> None:
    if isinstance(report, ErrorReport):
        console.print(
            Text.assemble(("✘ ", "bold red"), (report.file, "bold"), f": {report.message} "),
            Text(f"[{report.code}]", style="dim"),
        )
        return
    console.print(_header(report))
    warnings = _warnings(report)
    if warnings:
        console.print(warnings)
    console.print(_skills_table(report))
    requirements = _requirements(report)
    if requirements:
        console.print(requirements)
    advice = _advice(report)
    if advice:
        console.print(advice)


FULL_REPORTS_UP_TO = 3


def _matrix(cohort: Cohort) -> Table:
    table = Table(
        title="Skills by document (columns: skill numbers below)",
        title_justify="left",
        box=None,
        padding=(0, 0),
        pad_edge=False,
        show_edge=False,
    )
    # 24 + 6 + 15 x 3 fit 80 columns: each mark is centred in three cells.
    table.add_column("Document", no_wrap=True, min_width=8, max_width=24)
    table.add_column("Score", justify="right", no_wrap=True, min_width=6, max_width=6)
    for n, _skill in enumerate(cohort.skills, start=1):
        table.add_column(str(n), justify="center", no_wrap=True, min_width=3, max_width=3)
    for doc in cohort.documents:
        status = {k.id: k.status for k in doc.skills}
        marks = [
            Text(MARKS[status.get(s.id, "missing")], style=STYLES[status.get(s.id, "missing")])
            for s in cohort.skills
        ]
        name = doc.file if len(doc.file) <= 24 else "…" + doc.file[-23:]  # keep the extension
        table.add_row(name, str(doc.score), *marks)
    return table


def _counts(cohort: Cohort) -> Table:
    table = Table(title="Per skill", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Skill")
    for status in ("evidenced", "mentioned", "missing"):
        table.add_column(f"{MARKS[status]} {status}", justify="right", style=STYLES[status])
    for n, s in enumerate(cohort.skills, start=1):
        table.add_row(str(n), s.label, str(s.evidenced), str(s.mentioned), str(s.missing))
    return table


def render_cohort(cohort: Cohort, console: Console) -> None:
    total = len(cohort.documents) + len(cohort.unreadable)
    console.print(
        Panel(
            Text.assemble(
                (f"{len(cohort.documents)} of {total} documents read", "bold"),
                f" · average score {cohort.average_score}/100",
            ),
            title="[bold]Cohort[/]",
            title_align="left",
        )
    )
    if cohort.documents:
        console.print(_matrix(cohort))
        console.print(_counts(cohort))
    if cohort.gaps:
        gaps = ", ".join(f"{s.label} ({s.missing} missing)" for s in cohort.gaps)
        console.print(Text.assemble(("Most common gaps: ", "bold"), gaps))
    if cohort.unreadable:
        body = Text("\n".join(f"{e.file}: {e.message} [{e.code}]" for e in cohort.unreadable))
        console.print(Panel(body, title="Unreadable files", title_align="left", border_style="red"))


def render(reports: Iterable[Report], out: TextIO, console: Console | None = None) -> None:
    """Full reports for a few documents; a cohort view as soon as there are several."""
    console = console or Console(file=out, width=min(Console(file=out).width, 100))
    rows = list(reports)
    if len(rows) <= FULL_REPORTS_UP_TO:
        for i, report in enumerate(rows):
            if i:
                console.print()
            render_report(report, console)
    if len(rows) > 1:
        if len(rows) <= FULL_REPORTS_UP_TO:
            console.print()
        render_cohort(cohort_of(rows), console)
