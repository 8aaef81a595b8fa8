"""Where the shipped lexicons live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def lexicon_root() -> Path:
    """The built-in ``lexicons/`` folder: inside the installed package, else the repo's."""
    here = Path(__file__).resolve().parent
    installed = here / "lexicons"
    if installed.is_dir():
        return installed
    return here.parents[1] / "lexicons"
