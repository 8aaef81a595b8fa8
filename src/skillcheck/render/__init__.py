"""One renderer per output format, chosen here and nowhere else. Renderers decide nothing."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TextIO, cast

from skillcheck.report import Report

Renderer = Callable[[Iterable[Report], TextIO], None]
# format name -> module under skillcheck.render with a ``render(reports, out)``;
# imported only when chosen (Rich is not needed for JSON).
_MODULES: dict[str, str] = {
    "rich": "terminal",
    "json": "jsonl",
    "csv": "csvfile",
    "markdown": "markdown",
    "github": "github",
    "junit": "junit",
}
FORMATS: tuple[str, ...] = tuple(_MODULES)


def renderer(fmt: str) -> Renderer:
    """The renderer for ``fmt``."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"skillcheck.render.{_MODULES[fmt]}")
    return cast(Renderer, module.render)
