"""The Rich report on a fixed-width console, against a readable expected file."""

from __future__ import annotations

import io
import os
from pathlib import Path

from rich.console import Console

from conftest import EXAMPLES
from skillcheck.checker import CheckOptions, Input, check_input
from skillcheck.render.terminal import render

EXPECTED = Path(__file__).parent / "expected"


def _render(name: str) -> str:
    report = check_input(Input(EXAMPLES / name, f"examples/{name}"), CheckOptions())
    buf = io.StringIO()
    console = Console(
        file=buf, width=80, color_system=None, force_terminal=False, legacy_windows=False
    )
    render([report], buf, console=console)
    return buf.getvalue()


def test_rich_report_matches_expected_file() -> None:
    got = _render("pl-cv-tomasz-nowak.txt")
    path = EXPECTED / "pl-cv-tomasz-nowak.rich.txt"
    if os.environ.get("UPDATE_EXPECTED"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")
    assert max(len(line) for line in got.splitlines()) <= 80
