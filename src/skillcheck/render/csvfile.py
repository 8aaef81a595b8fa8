"""CSV: one row per document, one column per skill id, for spreadsheets.

UTF-8 with a byte-order mark and CRLF line ends, so that a spreadsheet opens it
as is with Polish and Malay letters intact; cells that a spreadsheet would run
as a formula are quoted with a leading apostrophe."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from skillcheck.report import DocumentReport, ErrorReport, Report

FIXED = ["file", "language", "evidenced", "mentioned", "missing", "score", "error", "message"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def render(reports: Iterable[Report], out: TextIO) -> None:
    rows = list(reports)
    skill_ids: list[str] = []
    for r in rows:
        if isinstance(r, DocumentReport):
            skill_ids = [s.id for s in r.skills]
            break
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIXED + skill_ids)
    for r in rows:
        if isinstance(r, ErrorReport):
            writer.writerow(
                [_safe(r.file), "", "", "", "", "", r.code, _safe(r.message)]
                + [""] * len(skill_ids)
            )
            continue
        s = r.summary
        status = {k.id: k.status for k in r.skills}
        writer.writerow(
            [
                _safe(r.file),
                r.language,
                s["evidenced"],
                s["mentioned"],
                s["missing"],
                r.score,
                "",
                "",
            ]
            + [status.get(sid, "") for sid in skill_ids]
        )
