"""Renderers of a CV-to-posting match: a Rich view and the versioned JSON object."""

from __future__ import annotations

import json
from typing import TextIO

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from skillcheck.match import FORMULA, MatchReport, match_json
from skillcheck.render.terminal import LANGUAGE_NAMES, MARKS, STYLES, clip, where


def render_json(m: MatchReport, out: TextIO) -> None:
    out.write(json.dumps(match_json(m), ensure_ascii=False) + "\n")


def render_rich(m: MatchReport, out: TextIO, console: Console | None = None) -> None:
    console = console or Console(file=out, width=min(Console(file=out).width, 100))
    pct = "n/a" if m.percentage is None else f"{m.percentage}%"
    head = Text.assemble(
        ("Match ", "bold"),
        (pct, "bold cyan"),
        f"   {len(m.asked)} skills asked for",
        ("\n" + f"CV: {m.cv.file} ({LANGUAGE_NAMES.get(m.cv.language, m.cv.language)})", "dim"),
        ("\n" + f"Job: {m.job_file} ({LANGUAGE_NAMES.get(m.job_language, m.job_language)})", "dim"),
        ("\n" + f"match = {FORMULA}", "dim"),
    )
    console.print(Panel(head, title="[bold]CV against job posting[/]", title_align="left"))
    if not m.asked:
        console.print(Text("The posting names none of the profile's skills.", style="yellow"))
        return
    table = Table(show_header=True, header_style="bold", expand=True, title="Fix first")
    table.add_column("Skill", ratio=2)
    table.add_column("In your CV", ratio=2, no_wrap=True)
    table.add_column("Asked for in / what to do", ratio=6)
    for a in m.asked:
        s = a.skill
        detail = Text(f"“{clip(a.job_passages[0].text)}”", style="italic")
        loc = where(a.job_passages[0].location)
        if loc:
            detail.append(f" ({loc})", style="dim")
        if s.advice:
            detail.append(f"\n→ {s.advice}")
        elif s.passages:
            detail.append(f"\n✔ “{clip(s.passages[0].text)}”", style="green")
        table.add_row(
            s.label, Text(f"{MARKS[s.status]} {s.status}", style=STYLES[s.status]), detail
        )
    console.print(table)
