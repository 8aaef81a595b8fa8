"""The real CLI on real files: JSON contract, exit codes, the Rich report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO, run_cli

CANONICAL_COUNT = 15


def _lines(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_version_and_help_do_not_load_spacy() -> None:
    code = (
        "import sys, runpy; sys.argv=['skillcheck','--help'];\n"
        "try:\n    runpy.run_module('skillcheck', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "heavy=('spacy','lingua','morfeusz2','pdfminer','docx')\n"
        "bad=[m for m in sys.modules if m.split('.')[0] in heavy]\n"
        "print('LOADED', bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "LOADED []" in out
    assert "check" in out
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("skillcheck ")


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("en-cv-anna-kowalski.pdf", "en"),
        ("pl-cv-tomasz-nowak.docx", "pl"),
        ("ms-cv-siti-aminah.txt", "ms"),
    ],
)
def test_json_contract_on_examples(name: str, lang: str) -> None:
    result = run_cli("check", str(EXAMPLES / name), "--format", "json")
    assert result.returncode == 0, result.stderr
    (doc,) = _lines(result.stdout)
    assert doc["schema_version"] == 1
    assert doc["file"] == str(EXAMPLES / name)
    assert doc["language"] == lang
    assert doc["profile"] == "customer-service"
    skills = doc["skills"]
    assert isinstance(skills, list) and len(skills) == CANONICAL_COUNT
    counts = {"evidenced": 0, "mentioned": 0, "missing": 0}
    text = (EXAMPLES / name).with_suffix(".txt").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    for skill in skills:
        counts[skill["status"]] += 1
        if skill["status"] == "missing":
            assert skill["passages"] == []
        else:
            assert skill["passages"], skill["id"]
            for p in skill["passages"]:
                assert " ".join(p["text"].split()) in flat
                assert {"page", "line", "paragraph"} & set(p), p
                assert isinstance(p["signals"], list) and isinstance(p["evidenced"], bool)
        if skill["status"] != "evidenced":
            assert skill["advice"]
    assert doc["summary"] == counts
    assert counts["evidenced"] >= 3


def test_folder_is_expanded_sorted_and_order_kept() -> None:
    result = run_cli("check", str(EXAMPLES), "--format", "json")
    assert result.returncode == 0, result.stderr
    files = [d["file"] for d in _lines(result.stdout)]
    expected = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".pdf", ".docx"})
    assert files == expected


def test_missing_file_is_an_error_line_and_exit_2() -> None:
    result = run_cli(
        "check", str(EXAMPLES / "ms-cl-siti-aminah.txt"), "nope.pdf", "--format", "json"
    )
    assert result.returncode == 2
    docs = _lines(result.stdout)
    assert [d["file"] for d in docs] == [str(EXAMPLES / "ms-cl-siti-aminah.txt"), "nope.pdf"]
    assert docs[1]["error"]["code"] == "not-found"
    assert "language" in docs[0]
    assert "Traceback" not in result.stderr


def test_unknown_profile_is_a_usage_error() -> None:
    result = run_cli("check", str(EXAMPLES / "en-cl-anna-kowalski.txt"), "--profile", "nope")
    assert result.returncode == 2
    assert "unknown profile 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_option_value_exits_2() -> None:
    result = run_cli("check", str(EXAMPLES / "en-cl-anna-kowalski.txt"), "--lang", "de")
    assert result.returncode == 2


def test_lang_option_overrides_detection() -> None:
    result = run_cli(
        "check", str(EXAMPLES / "en-cl-anna-kowalski.txt"), "--format", "json", "--lang", "pl"
    )
    (doc,) = _lines(result.stdout)
    assert doc["language"] == "pl" and doc["language_source"] == "option"


def test_rich_report_piped_is_plain_and_fits_80_columns() -> None:
    result = run_cli("check", str(EXAMPLES / "en-cv-anna-kowalski.txt"), env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    for needle in ("Score", "Clear communication", "evidenced", "Top three to improve", "English"):
        assert needle in out


def test_python_dash_m_and_console_script_agree() -> None:
    exe = Path(sys.executable).parent / "skillcheck"
    if not exe.exists():
        pytest.skip("console script not installed beside this interpreter")
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True).stdout
    assert out == run_cli("--version").stdout


def test_readme_commands_name_existing_files() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "examples/en-cv-anna-kowalski.pdf" in readme
    assert (EXAMPLES / "en-cv-anna-kowalski.pdf").is_file()
