"""Reports cached by file content, lexicon and program version, so that a re-run
over unchanged files is near-instant. Stored as JSON in the user's cache folder."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from skillcheck import __version__
from skillcheck.report import DocumentReport, ErrorReport, Report, from_json, to_json

# Errors that depend only on the file's bytes; a timeout may not happen next time.
_STABLE_ERRORS = frozenset(
    {"unsupported-format", "encrypted", "no-text-layer", "corrupt", "decode-error", "empty"}
)


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("SKILLCHECK_CACHE_DIR") or user_cache_dir("skillcheck"))


def fingerprint(lexicon_files: Iterable[Path], settings: str) -> str:
    """What a cached report depends on besides the document: program, lexicons, options."""
    h = hashlib.sha256(f"skillcheck {__version__}\n{settings}\n".encode())
    for path in sorted({Path(p) for p in lexicon_files}):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def content_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class ReportCache:
    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.directory = directory
        self.fingerprint = fingerprint

    def _path(self, digest: str) -> Path:
        key = hashlib.sha256(f"{self.fingerprint}:{digest}".encode()).hexdigest()
        return self.directory / key[:2] / f"{key}.json"

    def get(self, digest: str, display: str) -> Report | None:
        try:
            data = json.loads(self._path(digest).read_text(encoding="utf-8"))
            report = from_json({**data, "file": display})
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return report

    def put(self, digest: str, report: Report) -> None:
        if isinstance(report, ErrorReport) and report.code not in _STABLE_ERRORS:
            return
        if not isinstance(report, DocumentReport | ErrorReport):
            return
        path = self._path(digest)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(to_json(report), fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only slower
