"""One renderer per output format, chosen here and nowhere else. Renderers decide nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from skillcheck.report import Report

Renderer = Callable[[Iterable[Report], TextIO], None]
FORMATS: tuple[str, ...] = ("rich", "json")


def renderer(fmt: str) -> Renderer:
    """The renderer for ``fmt`` (imported lazily: Rich is not needed for JSON)."""
    if fmt == "json":
        from skillcheck.render.jsonl import render as render_json

        return render_json
    if fmt == "rich":
        from skillcheck.render.terminal import render as render_rich

        return render_rich
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
