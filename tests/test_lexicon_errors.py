"""A broken lexicon fails on load with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillcheck.errors import LexiconError
from skillcheck.lexicons import load_lexicon

GOOD_SKILL = """\
id = "{id}"

[en]
label = "Patience"
terms = ["patience", "patient with"]
advice = {{ mentioned = "Show it.", missing = "Add it." }}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "skills").mkdir(exist_ok=True)
    (tmp_path / "profiles").mkdir(exist_ok=True)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path) -> str:
    with pytest.raises(LexiconError) as info:
        load_lexicon([tmp_path], builtin=False)
    return info.value.message


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "skills/patience.toml", GOOD_SKILL.format(id="patience") + "oops = [\n")
    assert _error(tmp_path).startswith(f"{path}:7: not valid TOML")


def test_unknown_key_names_its_line(tmp_path: Path) -> None:
    text = GOOD_SKILL.format(id="patience").replace(
        'label = "Patience"', 'label = "Patience"\nterm = ["x"]'
    )
    path = _write(tmp_path, "skills/patience.toml", text)
    assert _error(tmp_path) == f"{path}:5: [en] has unknown key 'term'"


def test_malformed_pattern_names_its_line(tmp_path: Path) -> None:
    text = GOOD_SKILL.format(id="patience").replace('"patient with"', '"patient || with"')
    path = _write(tmp_path, "skills/patience.toml", text)
    message = _error(tmp_path)
    assert message.startswith(f"{path}:5: [en].terms")
    assert "malformed word" in message


def test_duplicate_term_is_an_error(tmp_path: Path) -> None:
    text = GOOD_SKILL.format(id="patience").replace('"patient with"', '"Patience"')
    path = _write(tmp_path, "skills/patience.toml", text)
    assert "listed twice" in _error(tmp_path)
    assert _error(tmp_path).startswith(f"{path}:")


def test_id_must_match_file_name(tmp_path: Path) -> None:
    _write(tmp_path, "skills/patience.toml", GOOD_SKILL.format(id="calm"))
    assert "must match the file name" in _error(tmp_path)


def test_missing_advice_is_an_error(tmp_path: Path) -> None:
    text = GOOD_SKILL.format(id="patience").replace(
        'advice = { mentioned = "Show it.", missing = "Add it." }\n', ""
    )
    _write(tmp_path, "skills/patience.toml", text)
    assert "advice.mentioned must be a non-empty string" in _error(tmp_path)


def test_profile_naming_an_unknown_skill_names_the_line(tmp_path: Path) -> None:
    _write(tmp_path, "skills/patience.toml", GOOD_SKILL.format(id="patience"))
    path = _write(
        tmp_path,
        "profiles/mine.toml",
        'id = "mine"\nversion = "1"\nlabel = { en = "Mine" }\n'
        'skills = [\n  "patience",\n  "telepathy",\n]\n',
    )
    assert _error(tmp_path) == f"{path}:6: profile 'mine' names unknown skill 'telepathy'"


def test_a_good_user_lexicon_extends_a_builtin_skill(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "skills/communication.toml",
        'id = "communication"\n[en]\nlabel = "Clear communication"\nterms = ["wordsmith"]\n'
        'advice = { mentioned = "m", missing = "x" }\n',
    )
    lex = load_lexicon([tmp_path])
    terms = lex.skills["communication"].languages["en"].terms
    assert "wordsmith" in terms and "communication" in terms
