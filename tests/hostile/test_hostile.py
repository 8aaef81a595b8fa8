"""Every hostile file ends with its documented outcome, quickly, in bounded memory,
and the real CLI reports it as one JSON error line without a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli
from hostile.cases import CASES, SECONDS, Case
from skillcheck.errors import ERROR_CODES, ReadError
from skillcheck.readers import read_document

Hostile = tuple[Path, dict[str, Case]]
RUNNER = Path(__file__).with_name("runner.py")


def _case(hostile_dir: Hostile, name: str) -> tuple[Path, Case]:
    folder, cases = hostile_dir
    if name not in cases:
        pytest.skip(f"{name} cannot be made on this platform")
    return folder / name, cases[name]


def _check_outcome(case: Case, code: str, message: str) -> None:
    assert code == case.code, f"{case.name}: {code}: {message}"
    if code != "ok":
        assert code in ERROR_CODES
        assert message and "\n" not in message and "Traceback" not in message
        assert case.says in message
    assert "root:" not in message  # nothing of /etc/passwd, ever


@pytest.mark.parametrize("name", [case.name for case in CASES])
def test_hostile_file_ends_as_documented(hostile_dir: Hostile, name: str) -> None:
    path, case = _case(hostile_dir, name)
    start = time.perf_counter()
    try:
        doc = read_document(path)
    except ReadError as exc:
        _check_outcome(case, exc.code, exc.message)
    else:
        _check_outcome(case, "ok", "")
        assert case.says in doc.text
        assert "root:" not in doc.text
    assert time.perf_counter() - start < SECONDS


def test_many_pages_are_cut_with_a_warning(hostile_dir: Hostile) -> None:
    path, _ = _case(hostile_dir, "many-pages.pdf")
    doc = read_document(path)
    assert doc.pages == 300
    assert {b.page for b in doc.blocks} == set(range(1, 51))
    assert any(w.code == "pages-truncated" and "50 of 300" in w.message for w in doc.warnings)


def test_a_docx_named_pdf_is_read_as_docx(hostile_dir: Hostile) -> None:
    path, _ = _case(hostile_dir, "docx-named.pdf")
    assert read_document(path).format == "docx"


def test_every_file_in_one_process_capped_at_1_gib(hostile_dir: Hostile) -> None:
    """The whole set read in one process whose address space is capped at 1 GiB: the
    same outcomes (none from running out of memory), each within the time bound."""
    folder, cases = hostile_dir
    run = subprocess.run(
        [sys.executable, str(RUNNER), str(folder), "--memory-mb", "1024"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert {r["name"] for r in results} == set(cases)
    for result in results:
        _check_outcome(cases[result["name"]], result["code"], result["message"])
        assert "memory" not in result["message"], result
        assert result["seconds"] < SECONDS, result


CLI_SUBSET = [
    "bomb.pdf",
    "zip-bomb.docx",
    "external-entity.docx",
    "locked.pdf",
    "random.pdf",
    "image.pdf",
    "empty.txt",
    "huge.txt",
]


def test_cli_reports_hostile_files_as_json_errors(hostile_dir: Hostile) -> None:
    folder, cases = hostile_dir
    run = run_cli("check", *(str(folder / name) for name in CLI_SUBSET), "--format", "json")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [Path(line["file"]).name for line in lines] == CLI_SUBSET
    for line in lines:
        case = cases[Path(line["file"]).name]
        assert line["schema_version"] == 1
        _check_outcome(case, line["error"]["code"], line["error"]["message"])
