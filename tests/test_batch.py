"""Batch mode: many documents, parallel workers, exports, the cache, Ctrl-C."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli
from skillcheck import batch as batch_module
from skillcheck.batch import Batch
from skillcheck.cache import ReportCache, fingerprint
from skillcheck.checker import CheckOptions, expand_paths
from skillcheck.lexicons import get_lexicon
from skillcheck.report import DocumentReport, ErrorReport

CANONICAL = [s for s in get_lexicon().profile("customer-service").skills]


def _folder(tmp_path: Path, copies: int = 3) -> Path:
    """Distinct CVs (each copy altered, so none is a duplicate) in all formats."""
    folder = tmp_path / "cvs"
    folder.mkdir()
    for src in sorted(EXAMPLES.glob("*.txt")):
        for n in range(copies):
            text = src.read_text(encoding="utf-8") + f"\nRef {n}\n"
            (folder / f"{src.stem}-{n}.txt").write_text(text, encoding="utf-8")
    for src in sorted(EXAMPLES.glob("*.pdf")) + sorted(EXAMPLES.glob("*.docx")):
        shutil.copy(src, folder / src.name)
    return folder


def _jsonl(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_parallel_output_keeps_input_order_and_a_broken_file_does_not_stop_it(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    (folder / "m-broken.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(3000))
    (folder / ".hidden.txt").write_text("Communication skills", encoding="utf-8")
    result = run_cli("check", str(folder), "--format", "json", "--jobs", "2", "--no-cache")
    assert result.returncode == 2, result.stderr
    docs = _jsonl(result.stdout)
    files = [d["file"] for d in docs]
    expected = sorted(str(p) for p in folder.iterdir() if not p.name.startswith("."))
    assert files == expected
    broken = next(d for d in docs if str(d["file"]).endswith("m-broken.pdf"))
    assert broken["error"]["code"] == "corrupt"  # type: ignore[index]
    assert sum("skills" in d for d in docs) == len(expected) - 1
    assert "Traceback" not in result.stderr


def test_csv_has_fixed_columns_then_one_per_skill(tmp_path: Path) -> None:
    out = tmp_path / "cohort.csv"
    result = run_cli(
        "check",
        str(EXAMPLES / "pl-cv-tomasz-nowak.txt"),
        str(EXAMPLES / "ms-cl-siti-aminah.txt"),
        str(tmp_path / "missing.docx"),
        "--format",
        "csv",
        "--output",
        str(out),
    )
    assert result.returncode == 2
    assert result.stdout == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # opens as is in a spreadsheet
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [
        "file", "language", "evidenced", "mentioned", "missing", "score", "error", "message",
        *CANONICAL,
    ]  # fmt: skip
    pl, ms, missing = rows
    assert pl["language"] == "pl" and pl["conflict-resolution"] == "evidenced"
    counts = [pl[s] for s in CANONICAL]
    assert int(pl["evidenced"]) == counts.count("evidenced")
    assert int(pl["missing"]) == counts.count("missing")
    assert ms["language"] == "ms"
    assert missing["error"] == "not-found" and missing["communication"] == ""


def test_markdown_report_has_cohort_and_documents() -> None:
    result = run_cli(
        "check",
        str(EXAMPLES / "en-cv-anna-kowalski.txt"),
        str(EXAMPLES / "en-cl-anna-kowalski.txt"),
        "--format",
        "markdown",
    )
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert md.startswith("# skillcheck report")
    assert "| Skill | evidenced | mentioned | missing |" in md
    assert f"## {EXAMPLES / 'en-cv-anna-kowalski.txt'}" in md
    assert "| Conflict resolution | ✔ evidenced | “Calmed a guest" in md
    assert "**Top three to improve**" in md


def test_rich_cohort_view_for_several_documents(tmp_path: Path) -> None:
    folder = _folder(tmp_path, copies=1)
    (folder / "zz-empty.txt").write_text("", encoding="utf-8")
    result = run_cli("check", str(folder), "--no-cache", env={"NO_COLOR": "1"})
    out = result.stdout
    assert "Cohort" in out and "Skills by document" in out and "Per skill" in out
    assert "Most common gaps:" in out
    assert "Unreadable files" in out
    assert "zz-empty.txt" in "".join(out.replace("│", "").split())  # long paths wrap
    assert max(len(line) for line in out.splitlines()) <= 80


def test_duplicates_are_reported_once(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    shutil.copy(EXAMPLES / "en-cl-anna-kowalski.txt", a)
    shutil.copy(a, b)
    result = run_cli("check", str(a), str(b), "--format", "json", "--lang", "en")
    assert [d["file"] for d in _jsonl(result.stdout)] == [str(a)]
    assert f"{b}: same content as {a}, reported once" in result.stderr


def test_cache_reuses_results_and_is_invalidated_by_file_and_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = batch_module._work

    def counting(item, options):  # type: ignore[no-untyped-def]
        calls.append(item.display)
        return real(item, options)

    monkeypatch.setattr(batch_module, "_work", counting)
    cv = tmp_path / "cv.txt"
    shutil.copy(EXAMPLES / "en-cv-anna-kowalski.txt", cv)
    options = CheckOptions(lang="en")

    def run(lexicon_files: list[Path]) -> list[object]:
        cache = ReportCache(tmp_path / "cache", fingerprint(lexicon_files, "x"))
        return list(Batch(list(expand_paths([str(cv)])), options, jobs=1, cache=cache).run())

    files = get_lexicon().files
    first = run(files)
    second = run(files)
    assert calls == [str(cv)]  # the second run came from the cache
    assert isinstance(first[0], DocumentReport) and isinstance(second[0], DocumentReport)
    assert [s.status for s in first[0].skills] == [s.status for s in second[0].skills]
    cv.write_text(cv.read_text(encoding="utf-8") + "\nI love teamwork.\n", encoding="utf-8")
    run(files)
    assert len(calls) == 2  # the file changed
    extra = tmp_path / "extra.toml"
    extra.write_text('id = "x"\n', encoding="utf-8")
    run([*files, extra])
    assert len(calls) == 3  # the lexicon changed


def test_errors_that_may_pass_next_time_are_not_cached(tmp_path: Path) -> None:
    cache = ReportCache(tmp_path, "f")
    cache.put("d1", ErrorReport("x.pdf", "timeout", "slow"))
    cache.put("d2", ErrorReport("x.pdf", "corrupt", "broken"))
    assert cache.get("d1", "x.pdf") is None
    assert cache.get("d2", "y.pdf") == ErrorReport("y.pdf", "corrupt", "broken")


def test_ctrl_c_stops_cleanly_and_keeps_what_was_finished(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = (EXAMPLES / "en-cv-anna-kowalski.txt").read_text(encoding="utf-8")
    for n in range(200):
        (folder / f"cv-{n:03d}.txt").write_text(text + f"\nRef {n}\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "skillcheck", "check", str(folder), "--format", "json", "-j", "2",
         "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    first = proc.stdout.readline()  # one document finished
    proc.send_signal(signal.SIGINT)
    # Keep reading through the same buffered stream: communicate() would read the
    # pipe underneath it and lose what readline() had already buffered.
    rest = proc.stdout.read()
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert first, err
    assert proc.returncode == 130, err
    lines = (first + rest).splitlines()
    bad = [line[:80] for line in lines if not (line.startswith("{") and line.endswith("}"))]
    assert not bad, bad
    docs = _jsonl(first + rest)
    assert 1 <= len(docs) < 200
    assert [d["file"] for d in docs] == [str(folder / f"cv-{n:03d}.txt") for n in range(len(docs))]
    assert "interrupted" in err and "Traceback" not in err
