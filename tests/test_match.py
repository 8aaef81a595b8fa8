"""Job-posting match, user lexicons, and the discovery commands, on the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import EXAMPLES, run_cli

USER_LEXICON = Path(__file__).parent / "data" / "user-lexicon"


def _lexicon(tmp_path: Path, bad: str = "") -> Path:
    """A copy of the test user lexicon; ``bad`` replaces its Polish no-match example."""
    root = tmp_path / "mylex"
    shutil.copytree(USER_LEXICON, root)
    if bad:
        path = root / "skills" / "multilingualism.toml"
        text = path.read_text(encoding="utf-8").replace("Języki: polski.", bad)
        path.write_text(text, encoding="utf-8")
    return root


def _match(cv: str, job: str, *extra: str) -> dict[str, object]:
    result = run_cli(
        "match", str(EXAMPLES / cv), "--job", str(EXAMPLES / job), "--format", "json", *extra
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_english_posting_against_polish_cv() -> None:
    m = _match("pl-cv-tomasz-nowak.txt", "job-en-customer-advisor.txt")
    assert (m["schema"], m["schema_version"]) == ("skillcheck.match", 1)
    assert (m["cv_language"], m["job_language"]) == ("pl", "en")
    got = {a["id"]: a["status"] for a in m["asked"]}  # type: ignore[attr-defined]
    assert got == {
        "self-control": "mentioned",
        "organization": "mentioned",
        "communication": "evidenced",
        "conflict-resolution": "evidenced",
        "teamwork": "evidenced",
    }
    order = [a["status"] for a in m["asked"]]  # type: ignore[attr-defined]
    assert order == sorted(order, key=["missing", "mentioned", "evidenced"].index)
    first = m["asked"][0]  # type: ignore[index]
    assert first["job_passages"][0]["text"].startswith("Patience and the ability to stay calm")
    assert first["advice"].startswith("Opisz")  # advice in the CV's language
    assert m["match"] == round(100 * (3 + 0.4 * 2) / 5)


def test_malay_posting_against_english_cv_from_standard_input() -> None:
    posting = (EXAMPLES / "job-ms-pegawai-khidmat.txt").read_bytes()
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "skillcheck", "match", str(EXAMPLES / "en-cv-anna-kowalski.txt"),
         "--job", "-", "--format", "json"],
        input=posting,
        capture_output=True,
        check=True,
    )  # fmt: skip
    m = json.loads(result.stdout)
    assert m["job"] == "<stdin>" and (m["cv_language"], m["job_language"]) == ("en", "ms")
    got = {a["id"]: a["status"] for a in m["asked"]}
    assert got["communication"] == "mentioned"
    assert got["teamwork"] == "evidenced"
    assert got["helpfulness"] == "evidenced"
    assert got["empathy"] == "missing" and got["positive-attitude"] == "missing"
    assert m["asked"][0]["status"] == "missing" and m["asked"][0]["advice"]


def test_rich_match_view() -> None:
    result = run_cli(
        "match",
        str(EXAMPLES / "pl-cv-tomasz-nowak.txt"),
        "--job",
        str(EXAMPLES / "job-en-customer-advisor.txt"),
        env={"NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "Match 76%" in result.stdout and "Fix first" in result.stdout


def test_custom_lexicon_adds_a_skill_to_check_and_match(tmp_path: Path) -> None:
    lex = _lexicon(tmp_path)
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Anna Example\nPROFILE\nA bilingual receptionist, patient with guests.\n", encoding="utf-8"
    )
    job = tmp_path / "job.txt"
    job.write_text("We are looking for a multilingual receptionist.\n", encoding="utf-8")
    checked = run_cli("check", str(cv), "--format", "json", "--lexicon", str(lex), "--lang", "en")
    assert checked.returncode == 0, checked.stderr
    skills = {s["id"]: s["status"] for s in json.loads(checked.stdout)["skills"]}
    assert skills["multilingualism"] == "mentioned" and len(skills) == 16
    matched = run_cli(
        "match", str(cv), "--job", str(job), "--format", "json", "--lexicon", str(lex)
    )
    m = json.loads(matched.stdout)
    assert [(a["id"], a["status"]) for a in m["asked"]] == [("multilingualism", "mentioned")]


def test_broken_lexicon_names_file_and_line(tmp_path: Path) -> None:
    lex = _lexicon(tmp_path)
    path = lex / "skills" / "multilingualism.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("terms = [", "term = ["), encoding="utf-8"
    )
    result = run_cli("check", str(EXAMPLES / "en-cl-anna-kowalski.txt"), "--lexicon", str(lex))
    assert result.returncode == 2
    assert f"{path}:5: [en] has unknown key 'term'" in result.stderr
    validated = run_cli("lexicon", "validate", str(lex))
    assert validated.returncode == 2 and f"{path}:5:" in validated.stderr


def test_lexicon_validate_runs_examples(tmp_path: Path) -> None:
    good = run_cli("lexicon", "validate", str(_lexicon(tmp_path / "a")))
    assert good.returncode == 0, good.stderr
    assert "1 skills, 7 examples: 0 failed" in good.stdout
    bad_lex = _lexicon(tmp_path / "b", bad="Jestem dwujęzyczny.")
    bad = run_cli("lexicon", "validate", str(bad_lex))
    assert bad.returncode == 1
    path = bad_lex / "skills" / "multilingualism.toml"
    assert f"{path}:13: [pl] multilingualism: should not match: 'Jestem dwujęzyczny.'" in bad.stderr


def test_profiles_and_skills_listing() -> None:
    profiles = run_cli("profiles")
    assert profiles.returncode == 0
    assert profiles.stdout.startswith("customer-service\t15 skills\tCustomer service")
    skills = run_cli("skills", "--lang", "pl")
    assert skills.returncode == 0
    assert "  conflict-resolution: Rozwiązywanie konfliktów" in skills.stdout
    assert "terms:" in skills.stdout and "załagodzić" in skills.stdout
