"""safe_walk: nothing outside the folder, nothing hidden, only CV-like JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from skillcheck.paths import JSON_PEEK_BYTES, safe_walk
from skillcheck.readers import SUPPORTED_EXTENSIONS

needs_symlinks = pytest.mark.skipif(os.name != "posix", reason="needs symlinks")


def _names(root: Path, found: list[Path]) -> list[str]:
    return [p.relative_to(root).as_posix() for p in found]


def _tree(root: Path) -> None:
    (root / "cvs" / "b").mkdir(parents=True)
    (root / "cvs" / "a.pdf").write_bytes(b"%PDF-1.4")
    (root / "cvs" / "b" / "c.DOCX").write_bytes(b"PK")
    (root / "cvs" / "notes.xyz").write_text("x")
    (root / "cvs" / ".hidden.txt").write_text("x")
    (root / "cvs" / ".git").mkdir()
    (root / "cvs" / ".git" / "cv.txt").write_text("x")


def test_sorted_recursive_and_hidden_skipped(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = safe_walk(tmp_path / "cvs", SUPPORTED_EXTENSIONS)
    assert _names(tmp_path / "cvs", found) == ["a.pdf", "b/c.DOCX"]


@needs_symlinks
def test_symlinks_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    _tree(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0")
    (tmp_path / "cvs" / "link.txt").symlink_to(outside / "secret.txt")
    (tmp_path / "cvs" / "linked-dir").symlink_to(outside)
    (tmp_path / "cvs" / "passwd.txt").symlink_to("/etc/passwd")
    found = safe_walk(tmp_path / "cvs", SUPPORTED_EXTENSIONS)
    assert _names(tmp_path / "cvs", found) == ["a.pdf", "b/c.DOCX"]
    followed = safe_walk(tmp_path / "cvs", SUPPORTED_EXTENSIONS, follow_symlinks=True)
    assert "linked-dir/secret.txt" in _names(tmp_path / "cvs", followed)


@needs_symlinks
def test_following_symlinks_never_loops(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "cv.txt").write_text("x")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "dangling.txt").symlink_to(tmp_path / "nowhere")
    found = safe_walk(tmp_path / "a", SUPPORTED_EXTENSIONS, follow_symlinks=True)
    assert _names(tmp_path / "a", found) == ["cv.txt"]


@needs_symlinks
def test_special_files_are_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "cv.txt")
    assert safe_walk(tmp_path, SUPPORTED_EXTENSIONS) == []


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        (json.dumps({"basics": {"name": "A"}}).encode(), True),
        (json.dumps({"work": []}).encode("utf-16"), True),
        (json.dumps({"work": []}).encode("utf-16-le"), True),
        (json.dumps({"name": "pkg", "version": "1.0"}).encode(), False),
        (json.dumps([{"basics": {}}]).encode(), False),
        (json.dumps({"meta": {"basics": 1}}).encode(), False),
        (b"{not json", False),
        (b'{"basics": {"summary": "' + b"x" * JSON_PEEK_BYTES * 4 + b'"}}', True),
        (b'{"name": "' + b"x" * JSON_PEEK_BYTES * 4 + b'", "basics": {}}', False),
    ],
)
def test_json_only_when_it_looks_like_a_json_resume(
    tmp_path: Path, content: bytes, kept: bool
) -> None:
    (tmp_path / "cv.json").write_bytes(content)
    assert bool(safe_walk(tmp_path, SUPPORTED_EXTENSIONS)) is kept


def test_unlistable_folders_are_skipped(tmp_path: Path) -> None:
    assert safe_walk(tmp_path / "missing", SUPPORTED_EXTENSIONS) == []
