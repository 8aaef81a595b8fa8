"""Which files a scanned folder contributes, without reading anything outside it.

A folder of CVs (or a repository in CI) may hold symlinks to elsewhere on the
machine, hidden folders (``.git``, ``.venv``), FIFOs, and JSON files that are
not CVs (``package.json``). ``safe_walk`` takes only regular, visible files
with a supported extension, does not follow symlinks unless asked (and then
never into a loop), and takes a ``.json`` file only if it looks like a JSON
Resume, deciding from its first few KB.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

#: How much of a .json file is read to decide whether it is a JSON Resume.
JSON_PEEK_BYTES = 8192
_RESUME_KEY = re.compile(r'"(?:basics|work)"\s*:')


def safe_walk(root: Path, extensions: frozenset[str], follow_symlinks: bool = False) -> list[Path]:
    """Files under ``root`` with one of ``extensions`` (lower case, with the dot), sorted.

    Hidden files and folders (a name starting with ".") are skipped, as are
    symlinks unless ``follow_symlinks``, special files, and folders that cannot
    be listed. ``root`` itself may be a symlink: the caller named it.
    """
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()  # (device, inode) of folders walked: no loops
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_symlink() and not follow_symlinks:
                    continue
                mode = entry.stat(follow_symlinks=True).st_mode
            except OSError:  # a dangling link, or a file gone since listing
                continue
            path = Path(entry.path)
            if stat.S_ISDIR(mode):
                pending.append(path)
            elif stat.S_ISREG(mode) and _wanted(path, extensions):
                found.append(path)
    return sorted(found)


def _wanted(path: Path, extensions: frozenset[str]) -> bool:
    suffix = path.suffix.lower()
    if suffix not in extensions:
        return False
    return suffix != ".json" or looks_like_json_resume(path)


def looks_like_json_resume(path: Path) -> bool:
    """A JSON object with a "basics" or "work" key, judged on the first few KB.

    A file that fits in the peek is parsed and its top-level keys checked; a
    longer one needs to start with "{" and show one of the keys early.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(JSON_PEEK_BYTES + 1)
    except OSError:
        return False
    text = _decode(head[:JSON_PEEK_BYTES])
    if len(head) <= JSON_PEEK_BYTES:
        try:
            value = json.loads(text)
        except ValueError:
            return False
        return isinstance(value, dict) and ("basics" in value or "work" in value)
    return text.lstrip().startswith("{") and _RESUME_KEY.search(text) is not None


def _decode(head: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16, the encodings JSON is written in."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if len(head) > 1 and head.count(0) >= len(head) // 4:  # UTF-16 without a BOM
        little = head[1::2].count(0) > head[0::2].count(0)
        return head.decode("utf-16-le" if little else "utf-16-be", errors="ignore")
    return head.decode("utf-8-sig", errors="ignore")
