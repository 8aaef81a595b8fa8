"""JSON Lines: one object per document, as report-contract.md fixes it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from skillcheck.report import Report, to_json


def render(reports: Iterable[Report], out: TextIO) -> None:
    for report in reports:
        out.write(json.dumps(to_json(report), ensure_ascii=False, sort_keys=False) + "\n")
        out.flush()
