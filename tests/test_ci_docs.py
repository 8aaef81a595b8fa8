"""The CI snippets of README.md and the pre-commit hook: valid, and only real options."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, run_cli
from skillcheck.config import load_config
from skillcheck.lexicons import get_lexicon
from skillcheck.readers import SUPPORTED_EXTENSIONS

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, flags=re.M | re.S)


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _commands(text: str) -> list[list[str]]:
    """Every ``skillcheck check|text ...`` in ``text``, split as a shell splits it."""
    found = []
    for line in text.splitlines():
        words = shlex.split(line, comments=True)
        for i, word in enumerate(words[:-1]):
            if word == "skillcheck" and words[i + 1] in {"check", "text"}:
                command = words[i:]
                ends = [n for n, w in enumerate(command) if w in {">", ">>", "|", "&&", ";"}]
                found.append(command[: ends[0]] if ends else command)
    return found


@pytest.fixture(scope="module")
def help_text() -> dict[str, str]:
    texts = {}
    for command in ("check", "text"):
        result = run_cli(command, "--help", env={"COLUMNS": "250"})
        assert result.returncode == 0, result.stderr
        texts[command] = result.stdout
    return texts


@pytest.fixture(scope="module")
def yaml_docs() -> list[Any]:
    blocks = _blocks("yaml")
    assert len(blocks) >= 3, "pre-commit, GitHub Actions and GitLab CI snippets"
    return [yaml.safe_load(block) for block in blocks]


def test_yaml_snippets_parse_and_cover_the_three_systems(yaml_docs: list[Any]) -> None:
    precommit = next(d for d in yaml_docs if "repos" in d)
    (hook,) = precommit["repos"][0]["hooks"]
    assert hook["id"] == "skillcheck" and {"repo", "rev"} <= set(precommit["repos"][0])
    actions = next(d for d in yaml_docs if "jobs" in d)
    assert "on" in actions or True in actions  # YAML 1.1 reads a bare `on` as true
    steps = next(iter(actions["jobs"].values()))["steps"]
    assert any("--format github" in step.get("run", "") for step in steps)
    gitlab = next(d for d in yaml_docs if "repos" not in d and "jobs" not in d)
    job = next(iter(gitlab.values()))
    report = job["artifacts"]["reports"]["junit"]
    assert any("--format junit" in line and report in line for line in job["script"])


def test_every_command_in_the_readme_uses_real_options(
    yaml_docs: list[Any], help_text: dict[str, str]
) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    texts = [s for doc in yaml_docs for s in _strings(doc)]
    texts += _blocks("bash") + [hook["entry"] for hook in hooks]
    commands = [c for text in texts for c in _commands(text)]
    assert len(commands) >= 8, commands
    for words in commands:
        for word in words[2:]:
            option = word.split("=")[0]
            if option.startswith("-"):
                assert re.search(rf"(?<![\w-]){re.escape(option)}\b", help_text[words[1]]), (
                    f"{option} (in {' '.join(words)}) is not in `skillcheck {words[1]} --help`"
                )


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "skillcheck"
    assert hook["entry"] == "skillcheck check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for ext in SUPPORTED_EXTENSIONS:
        assert files.search(f"templates/cv{ext}") and files.search(f"CV{ext.upper()}"), ext
    for name in ("setup.py", "cv.pdf.bak", "ci.yaml", "docx"):
        assert not files.search(name), name


def test_toml_examples_are_valid_configurations(tmp_path: Path) -> None:
    blocks = _blocks("toml")
    assert len(blocks) >= 2
    skills = get_lexicon(()).profile("customer-service").skills
    for n, block in enumerate(blocks):
        folder = tmp_path / str(n)
        folder.mkdir()
        name = "pyproject.toml" if "[tool.skillcheck]" in block else ".skillcheck.toml"
        (folder / name).write_text(block, encoding="utf-8")
        for lexicon in re.findall(r"^lexicons = \[(.*)\]", block, flags=re.M):
            for path in re.findall(r'"([^"]+)"', lexicon):
                (folder / path).parent.mkdir(parents=True, exist_ok=True)
                (folder / path).write_text("", encoding="utf-8")
        config = load_config(folder / name, cwd=folder)
        assert config.paths and config.requirements.skills
        for reqs in (config.requirements, *(o.requirements for o in config.overrides)):
            reqs.validate("customer-service", skills, config.source)
