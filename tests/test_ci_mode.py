"""CI mode through the real CLI, in throw-away git repositories holding CV templates.

Each run costs about two seconds of start-up, so one run checks several things;
``lang`` is fixed in every configuration to skip language detection.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, GITHUB_ANNOTATION, run_cli
from skillcheck.errors import ExitStatus

SHORT_LETTER = """Dear Hiring Manager,

I am applying for the front desk position at your hotel.
I have good communication skills and I am a friendly person.

Kind regards,
Jan Test
"""

CONFIG = """\
lang = "en"
paths = ["templates", "letters"]
exclude = ["README.md", "drafts"]
require = ["teamwork=evidenced", "conflict-resolution=evidenced", "communication"]
min_evidenced = 3
min_score = 30

[[overrides]]  # cover letters are short: communication must be shown, nothing else
paths = ["letters/*"]
require = ["communication=evidenced"]
min_evidenced = 0
min_score = 0
"""


def _git_repo(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with a passing CV template, a failing letter, a draft and a README."""
    repo = _git_repo(tmp_path_factory.mktemp("templates"))
    (repo / "templates" / "drafts").mkdir(parents=True)
    (repo / "letters").mkdir()
    shutil.copy(EXAMPLES / "en-cv-anna-kowalski.txt", repo / "templates" / "cv.txt")
    (repo / "templates" / "drafts" / "empty.md").write_text("# TODO\n", encoding="utf-8")
    (repo / "letters" / "short.txt").write_text(SHORT_LETTER, encoding="utf-8")
    (repo / "README.md").write_text("# Our CV templates\n", encoding="utf-8")
    (repo / ".skillcheck.toml").write_text(CONFIG, encoding="utf-8")
    return repo


def _jsonl(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_passing_template_exits_0_and_json_is_byte_identical(tmp_path: Path) -> None:
    repo = _git_repo(tmp_path / "repo")
    (repo / "cv").mkdir()
    for name in ("en-cv-anna-kowalski.txt", "en-cv-anna-kowalski.pdf"):
        shutil.copy(EXAMPLES / name, repo / "cv" / name)
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "cv-templates"\n\n[tool.skillcheck]\nlang = "en"\npaths = ["cv"]\n'
        'format = "json"\nrequire = ["teamwork=evidenced", "communication"]\nmin_evidenced = 3\n',
        encoding="utf-8",
    )
    first = run_cli("check", cwd=repo)
    assert first.returncode == ExitStatus.OK, first.stderr
    assert first.stderr == ""
    pdf, txt = _jsonl(first.stdout)
    assert [pdf["file"], txt["file"]] == [f"cv/en-cv-anna-kowalski.{x}" for x in ("pdf", "txt")]
    for doc in (pdf, txt):
        outcomes = doc["requirements"]
        assert isinstance(outcomes, list)
        assert [o["name"] for o in outcomes] == [
            "teamwork=evidenced",
            "communication=mentioned",
            "min-evidenced=3",
        ]
        assert all(o["passed"] for o in outcomes)
        assert doc["skillcheck_version"] and doc["lexicon_version"]
    assert pdf["requirements"][0]["page"] == 1  # type: ignore[index]
    assert isinstance(txt["requirements"][0]["line"], int)  # type: ignore[index]
    second = run_cli("check", cwd=repo)
    assert second.stdout.encode() == first.stdout.encode()


def test_failing_template_exits_1_and_names_the_failure(templates: Path) -> None:
    result = run_cli("check", cwd=templates, env={"NO_COLOR": "1"})
    assert result.returncode == ExitStatus.REQUIREMENT_FAILED, result.stderr
    # The config's paths are checked, the excluded draft is not.
    assert "templates/cv.txt" in result.stdout and "letters/short.txt" in result.stdout
    assert "drafts" not in result.stdout
    failed = [line.strip() for line in result.stderr.splitlines()[1:]]
    assert result.stderr.startswith("skillcheck: 1 requirement failed:")
    (line,) = failed
    assert re.match(r"letters/short\.txt:4: communication=evidenced: .*only mentioned", line), line
    # The command line wins over the file: the letter now passes, the CV fails.
    cli = run_cli(
        "check", "--require", "active-listening=evidenced", "--min-score", "99", cwd=templates
    )
    assert cli.returncode == ExitStatus.REQUIREMENT_FAILED
    lines = cli.stderr.splitlines()
    assert lines[0] == "skillcheck: 3 requirements failed:"
    assert "templates/cv.txt: min-score=99: score " in lines[1]
    assert "letters/short.txt: active-listening=evidenced: Active listening is missing" in lines[2]
    assert "letters/short.txt: min-score=99: " in lines[3]


def test_github_annotations_for_files_named_like_pre_commit(templates: Path) -> None:
    result = run_cli(
        "check",
        "--format",
        "github",
        "letters/short.txt",
        "templates/cv.txt",
        "README.md",  # excluded by the configuration, as pre-commit passes it
        "templates/drafts/empty.md",
        cwd=templates,
    )
    assert result.returncode == ExitStatus.REQUIREMENT_FAILED, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(GITHUB_ANNOTATION.match(line) for line in lines), lines
    assert "README.md" not in result.stdout and "drafts" not in result.stdout
    errors = [line for line in lines if line.startswith("::error ")]
    assert errors == [
        "::error file=letters/short.txt,line=4,title=skillcheck%3A communication=evidenced::"
        + errors[0].split("::")[2]
    ]
    assert "only mentioned" in errors[0]
    notices = [line for line in lines if line.startswith("::notice ")]
    assert [n.split(",")[0] for n in notices] == [
        "::notice file=letters/short.txt",
        "::notice file=templates/cv.txt",
    ]
    assert "2 of 3 requirements hold" in notices[0] and "5 of 5 requirements hold" in notices[1]
    assert result.stderr == ""


def test_junit_counts_and_byte_identical_runs(templates: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip file")
    args = ("check", "--format", "junit", "templates", "letters", str(broken))
    first = run_cli(*args, cwd=templates)
    assert first.returncode == ExitStatus.ERROR, first.stderr  # unreadable wins over failed
    root = ET.fromstring(first.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["templates/cv.txt", "letters/short.txt", str(broken)]
    counts = [tuple(int(s.get(k, "-1")) for k in ("tests", "failures", "errors")) for s in suites]
    assert counts == [(5, 0, 0), (3, 1, 0), (1, 0, 1)]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("9", "1", "1")
    for suite, (tests, failures, errors) in zip(suites, counts, strict=True):
        cases = suite.findall("testcase")
        assert len(cases) == tests
        assert sum(c.find("failure") is not None for c in cases) == failures
        assert sum(c.find("error") is not None for c in cases) == errors
    failure = suites[1].find("testcase/failure")
    assert failure is not None and "only mentioned" in (failure.get("message") or "")
    second = run_cli(*args, cwd=templates)
    assert second.stdout.encode() == first.stdout.encode()


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        (
            {".skillcheck.toml": 'requir = ["teamwork"]\n'},
            (),
            ".skillcheck.toml: unknown key 'requir'",
        ),
        (
            {"pyproject.toml": "[tool.skillcheck]\nmin_score = 120\n"},
            (),
            "pyproject.toml: min_score must be an integer from 0 to 100",
        ),
        (
            {".skillcheck.toml": 'require = ["teamwrok"]\n'},
            ("cv.txt",),
            ".skillcheck.toml: require: unknown skill 'teamwrok'",
        ),
        ({}, ("cv.txt", "--require", "empathy=always"), "--require 'empathy=always'"),
        ({}, ("cv.txt", "--require", "empathi"), "--require: unknown skill 'empathi'"),
        # --no-config skips even a broken file; then nothing says what to check.
        ({".skillcheck.toml": "requir = 1\n"}, ("--no-config",), "no files to check"),
        ({}, ("cv.txt", "--config", "x.toml", "--no-config"), "--config and --no-config"),
    ],
)
def test_bad_configuration_or_usage_exits_2(
    tmp_path: Path, files: dict[str, str], args: tuple[str, ...], message: str
) -> None:
    repo = _git_repo(tmp_path / "repo")
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    result = run_cli("check", *args, cwd=repo)
    assert result.returncode == ExitStatus.ERROR
    assert f"skillcheck: error: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
