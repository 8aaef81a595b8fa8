"""Analysed lexicon words, kept on disk between runs.

Compiling a language's patterns runs every word of the lexicon through the
language pipeline (tokenizer and normaliser: Morfeusz, Sastrawi, spaCy's lookup
lemmas), a few thousand words in all, once in every process. The answers depend
only on the analyser, so they are stored per language in the user's cache folder,
in a file whose name is a hash of everything the analysis depends on: this
program's version and analysis code, the language data file, the versions of
spaCy, its lookup tables, Morfeusz (and its dictionary), Sastrawi and Python's
Unicode tables. A changed lexicon needs no new file: its new words are analysed
and added. A file that cannot be read or does not hold what it should is ignored
and written again; one that cannot be written only makes the next start slower.
``--no-cache`` turns the store off (``set_enabled(False)``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from skillcheck import __version__

FORMAT = 1
_DISTRIBUTIONS = ("spacy", "spacy-lookups-data", "morfeusz2", "PySastrawi")
_enabled = True

# One analysed word as stored: text, lower, keys, tags, start, end.
Entry = tuple[str, str, tuple[str, ...], tuple[str, ...], int, int]


def set_enabled(enabled: bool) -> None:
    """Use the on-disk store of analysed words in this process (default) or not."""
    global _enabled
    _enabled = enabled


def enabled() -> bool:
    return _enabled


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def fingerprint(lang: str, identity: str = "") -> str:
    """What the analysis of ``lang`` depends on, as a hash."""
    from skillcheck import nlp, tokenizer
    from skillcheck._data import lexicon_root

    h = hashlib.sha256(
        f"terms {FORMAT} skillcheck {__version__} {lang} {identity}\n"
        f"python {sys.version_info[:2]} unicode {unicodedata.unidata_version}\n".encode()
    )
    for dist in _DISTRIBUTIONS:
        h.update(f"{dist} {_version(dist)}\n".encode())
    for path in (
        lexicon_root() / "languages" / f"{lang}.toml",
        Path(nlp.__file__),
        Path(tokenizer.__file__),
        Path(__file__),
    ):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def store_path(lang: str, identity: str = "") -> Path:
    from skillcheck.cache import default_cache_dir

    return default_cache_dir() / "terms" / f"{lang}-{fingerprint(lang, identity)[:40]}.json"


def _entry(raw: Any) -> Entry:
    text, lower, keys, tags, start, end = raw
    if not (
        isinstance(text, str)
        and isinstance(lower, str)
        and isinstance(keys, list)
        and isinstance(tags, list)
        and all(isinstance(k, str) for k in keys + tags)
        and type(start) is int
        and type(end) is int
    ):
        raise ValueError("malformed entry")
    return (text, lower, tuple(keys), tuple(tags), start, end)


def load(path: Path, lang: str) -> dict[str, tuple[Entry, ...]]:
    """The stored analyses, or nothing when the file is missing, unreadable or wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("lang") != lang:
            return {}
        terms = data["terms"]
        if not isinstance(terms, dict):
            return {}
        return {
            term: tuple(_entry(raw) for raw in entries)
            for term, entries in terms.items()
            if isinstance(term, str) and isinstance(entries, list)
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save(path: Path, lang: str, terms: Mapping[str, Sequence[Entry]]) -> None:
    """Write the analyses atomically (a reader never sees half a file)."""
    data = {
        "format": FORMAT,
        "lang": lang,
        "terms": {term: [list(e) for e in entries] for term, entries in terms.items()},
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a store that cannot be written is only slower
