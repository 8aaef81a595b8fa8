"""Configuration files and requirements in-process: finding, checking, merging, judging."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillcheck.config import ConfigError, discover, find_config, glob_match, load_config
from skillcheck.errors import ExitStatus, SkillcheckError, UsageError
from skillcheck.report import DocumentReport, PassageRef, SkillResult
from skillcheck.requirements import (
    Requirements,
    SkillRequirement,
    evaluate,
    parse_all,
    parse_requirement,
)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


# -- finding -------------------------------------------------------------------------------


def test_nearest_config_wins_and_dotfile_beats_pyproject(repo: Path) -> None:
    _write(repo / "pyproject.toml", '[tool.skillcheck]\nprofile = "root"\n')
    sub = repo / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == repo / "pyproject.toml"
    _write(repo / "a" / "pyproject.toml", '[project]\nname = "x"\n')  # no table: passed over
    assert find_config(sub) == repo / "pyproject.toml"
    _write(repo / "a" / ".skillcheck.toml", 'profile = "a"\n')
    _write(repo / "a" / "pyproject.toml", '[tool.skillcheck]\nprofile = "a-pyproject"\n')
    assert find_config(sub) == repo / "a" / ".skillcheck.toml"
    assert discover(cwd=sub).profile == "a"
    assert discover(use_files=False, cwd=sub).source is None
    assert discover(repo / "pyproject.toml", cwd=sub).profile == "root"


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    _write(tmp_path / ".skillcheck.toml", 'profile = "outside"\n')
    inner = tmp_path / "repo"
    (inner / ".git").mkdir(parents=True)
    assert find_config(inner) is None


def test_explicit_pyproject_needs_the_table(repo: Path) -> None:
    _write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: has no \[tool.skillcheck\]"):
        load_config(repo / "pyproject.toml", cwd=repo)


# -- checking ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            ".skillcheck.toml",
            'requir = ["teamwork"]\n',
            r"^\.skillcheck\.toml: unknown key 'requir' at the top level "
            r"\(did you mean 'require'\?\)$",
        ),
        (
            "pyproject.toml",
            "[tool.skillcheck]\nmin_score = 101\n",
            r"^pyproject\.toml: min_score must be an integer from 0 to 100$",
        ),
        (
            "pyproject.toml",
            "[tool.skillcheck]\nmin-score = 1\n",
            r"unknown key 'min-score' in \[tool.skillcheck\] \(did you mean 'min_score'\?\)",
        ),
        (".skillcheck.toml", "min_evidenced = true\n", r"min_evidenced must be an integer"),
        (".skillcheck.toml", 'lang = "de"\n', r"lang must be one of auto, en, pl, ms"),
        (".skillcheck.toml", 'format = "xml"\n', r"format must be one of rich, json"),
        (".skillcheck.toml", 'paths = "cvs"\n', r"paths must be a list of non-empty strings"),
        (".skillcheck.toml", 'require = ["x=always"]\n', r"require: 'x=always': the level"),
        (".skillcheck.toml", 'lexicons = ["nope.toml"]\n', r"lexicons: no such file"),
        (".skillcheck.toml", "profile = \n", r"\.skillcheck\.toml: not valid TOML"),
        (
            "pyproject.toml",
            '[[tool.skillcheck.overrides]]\npaths = ["l/*"]\nmin_scor = 3\n',
            r"unknown key 'min_scor' in \[\[tool.skillcheck.overrides\]\] #1",
        ),
        (
            ".skillcheck.toml",
            "[[overrides]]\nmin_score = 3\n",
            r"\.skillcheck\.toml: \[\[overrides\]\] #1: needs 'paths'",
        ),
        (
            ".skillcheck.toml",
            '[[overrides]]\npaths = ["a"]\nmin_score = -1\n',
            r"\[\[overrides\]\] #1: min_score must be an integer from 0 to 100",
        ),
    ],
)
def test_bad_values_name_the_file_and_the_key(
    repo: Path, name: str, text: str, message: str
) -> None:
    path = _write(repo / name, text)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(path, cwd=repo)
    assert isinstance(info.value, SkillcheckError)


def test_paths_and_lexicons_are_relative_to_the_config_file(repo: Path) -> None:
    _write(repo / "lex" / "extra.toml", "")
    _write(
        repo / ".skillcheck.toml",
        'paths = ["templates", "letters/a.md"]\nlexicons = ["lex/extra.toml"]\n',
    )
    sub = repo / "docs"
    sub.mkdir()
    config = discover(cwd=sub)
    assert config.paths == ("../templates", "../letters/a.md")
    assert config.lexicons == (repo / "lex" / "extra.toml",)
    assert config.source == str(repo / ".skillcheck.toml")  # outside the cwd: in full
    assert discover(cwd=repo).paths == ("templates", "letters/a.md")


# -- globs, exclusion, overrides -----------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "rel", "expected"),
    [
        ("*.md", "README.md", True),
        ("*.md", "templates/cv.md", True),
        ("letters/*", "letters/a.txt", True),
        ("letters/*", "x/letters/a.txt", False),
        ("letters/*", "letters/old/a.txt", True),  # the folder letters/old is covered
        ("drafts", "templates/drafts/cv.md", True),
        ("**/draft-*", "a/b/draft-1.md", True),
        ("**/draft-*", "draft-1.md", True),
        ("cv-[ab].txt", "cv-b.txt", True),
        ("cv-[!ab].txt", "cv-b.txt", False),
        ("./templates/", "templates/x.pdf", True),
        ("t?.md", "t12.md", False),
    ],
)
def test_glob_match(pattern: str, rel: str, expected: bool) -> None:
    assert glob_match(pattern, rel) is expected


def test_overrides_replace_what_they_set_later_ones_winning(repo: Path) -> None:
    _write(
        repo / ".skillcheck.toml",
        'require = ["communication=evidenced", "teamwork"]\nmin_evidenced = 4\nmin_score = 50\n'
        'exclude = ["drafts", "*.json"]\n'
        '[[overrides]]\npaths = ["letters/*"]\nrequire = ["communication"]\nmin_evidenced = 1\n'
        '[[overrides]]\npaths = ["**/short-*"]\nmin_evidenced = 0\n',
    )
    config = discover(cwd=repo)
    general = config.requirements_for("templates/cv.md")
    assert general == Requirements(
        (SkillRequirement("communication", "evidenced"), SkillRequirement("teamwork")), 4, 50
    )
    letter = config.requirements_for("letters/short-note.md")
    assert letter == Requirements((SkillRequirement("communication"),), 0, 50)
    assert config.requirements_for(str(repo / "letters" / "x.md")).min_evidenced == 1
    assert config.excluded("templates/drafts/cv.md") and config.excluded("resume.json")
    assert not config.excluded("templates/cv.md")


def test_command_line_wins_field_by_field() -> None:
    base = Requirements((SkillRequirement("teamwork"),), 3, 40)
    cli = Requirements(None, None, 70)
    assert base.merged(cli) == Requirements((SkillRequirement("teamwork"),), 3, 70)
    assert base.merged(Requirements((), None, None)).skills == ()


# -- requirements --------------------------------------------------------------------------


def test_parse_requirement() -> None:
    assert parse_requirement("teamwork") == SkillRequirement("teamwork", "mentioned")
    assert parse_requirement(" empathy = evidenced ").level == "evidenced"
    assert parse_all(["teamwork", "empathy", "teamwork=evidenced"]) == (
        SkillRequirement("empathy"),
        SkillRequirement("teamwork", "evidenced"),
    )
    for bad in ("", "=evidenced", "teamwork=always"):
        with pytest.raises(ValueError):
            parse_requirement(bad)


def test_validate_names_the_unknown_skill_and_where_it_came_from() -> None:
    skills = ("communication", "teamwork")
    with pytest.raises(UsageError, match=r"^--require: unknown skill 'teamwrk'"):
        Requirements((SkillRequirement("teamwrk"),)).validate("cs", skills, None)
    with pytest.raises(UsageError, match=r"^pyproject.toml: require: unknown skill 'x'"):
        Requirements((SkillRequirement("x"),)).validate("cs", skills, "pyproject.toml")
    with pytest.raises(UsageError, match=r"^--min-evidenced: 3 is more than the 2 skills"):
        Requirements(min_evidenced=3).validate("cs", skills, None)


def _report(**statuses: str) -> DocumentReport:
    skills = []
    for n, (sid, status) in enumerate(statuses.items(), start=1):
        passages = (
            ()
            if status == "missing"
            else (PassageRef(f"Passage {n}", {"line": n}, "", status == "evidenced", (), ()),)
        )
        skills.append(SkillResult(sid, sid.title(), status, passages, None))  # type: ignore[arg-type]
    return DocumentReport("cv.md", "en", "option", "cs", "CS", skills, "1")


def test_evaluate_levels_counts_and_locations() -> None:
    report = _report(communication="mentioned", teamwork="evidenced", empathy="missing")
    reqs = Requirements(
        (
            SkillRequirement("communication", "evidenced"),
            SkillRequirement("communication"),
            SkillRequirement("teamwork"),
            SkillRequirement("empathy"),
        ),
        min_evidenced=2,
        min_score=47,
    )
    got = {o.name: o for o in evaluate(report, reqs)}
    assert list(got) == [
        "communication=evidenced",
        "communication=mentioned",
        "teamwork=mentioned",
        "empathy=mentioned",
        "min-evidenced=2",
        "min-score=47",
    ]
    assert not got["communication=evidenced"].passed
    assert "only mentioned" in got["communication=evidenced"].message
    assert got["communication=evidenced"].line == 1
    assert got["communication=mentioned"].passed and got["teamwork=mentioned"].passed
    assert not got["empathy=mentioned"].passed and got["empathy=mentioned"].line is None
    assert not got["min-evidenced=2"].passed and "1 of 3 skills evidenced" in (
        got["min-evidenced=2"].message
    )
    assert got["min-score=47"].passed  # (1 + 0.4) / 3 = 47 %
    assert evaluate(report, Requirements()) == []


def test_exit_statuses_are_pinned() -> None:
    from skillcheck.cli import exit_status

    assert (ExitStatus.OK, ExitStatus.REQUIREMENT_FAILED, ExitStatus.ERROR) == (0, 1, 2)
    assert exit_status(0, 0) is ExitStatus.OK
    assert exit_status(0, 3) is ExitStatus.REQUIREMENT_FAILED
    assert exit_status(1, 3) is ExitStatus.ERROR  # unreadable wins over failed
