"""GitHub Actions workflow commands: annotations that show on the changed file in a PR.

One ``::error`` per failed requirement and per unreadable file, one ``::warning``
per reading warning, one ``::notice`` summary per document. Values are escaped
as the Actions runner unescapes them (actions/toolkit ``command.ts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from skillcheck.report import DocumentReport, ErrorReport, Report


def escape_data(text: str) -> str:
    """The message after ``::``: ``%``, CR and LF are percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as data, plus ``:`` and ``,`` which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line, properties in the order given, empty ones left out."""
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None and value != ""
    )
    return f"::{kind}{' ' + props if props else ''}::{escape_data(message)}"


def _summary(r: DocumentReport) -> str:
    s = r.summary
    text = (
        f"Score {r.score}/100: {s['evidenced']} evidenced, {s['mentioned']} mentioned, "
        f"{s['missing']} missing ({r.language}, {r.profile})"
    )
    if r.requirements:
        held = sum(1 for q in r.requirements if q.passed)
        text += f"; {held} of {len(r.requirements)} requirements hold"
    return text


def lines(report: Report) -> list[str]:
    """The workflow commands for one report."""
    if isinstance(report, ErrorReport):
        title = f"skillcheck: cannot read ({report.code})"
        return [command("error", report.message, file=report.file, title=title)]
    out = [
        command("warning", w.message, file=report.file, title=f"skillcheck: reading ({w.code})")
        for w in report.warnings
    ]
    for req in report.failed:
        # A line only means something in a text file; a PDF's page goes in the message.
        paged = req.page is not None
        out.append(
            command(
                "error",
                req.message + (f" (page {req.page})" if paged else ""),
                file=report.file,
                line=None if paged else req.line,
                title=f"skillcheck: {req.name}",
            )
        )
    out.append(command("notice", _summary(report), file=report.file, title="skillcheck"))
    return out


def render(reports: Iterable[Report], out: TextIO) -> None:
    for report in reports:
        for line in lines(report):
            out.write(line + "\n")
        out.flush()
