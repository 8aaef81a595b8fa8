"""The CI renderers in-process: GitHub workflow commands and JUnit XML, edge cases included."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from conftest import GITHUB_ANNOTATION
from skillcheck.document import ReadWarning
from skillcheck.render import FORMATS, renderer
from skillcheck.render.github import escape_data, escape_property
from skillcheck.report import (
    DocumentReport,
    ErrorReport,
    PassageRef,
    Report,
    RequirementOutcome,
    SkillResult,
)


def _render(fmt: str, reports: list[Report]) -> str:
    out = io.StringIO()
    renderer(fmt)(reports, out)
    return out.getvalue()


def _doc(file: str, requirements: list[RequirementOutcome]) -> DocumentReport:
    passage = PassageRef("Calmed 30 guests,\x0cso: 100% happy", {"line": 4}, "", True, (), ())
    skills = [
        SkillResult("communication", "Communication", "evidenced", (passage,), None),
        SkillResult("teamwork", "Teamwork", "missing", (), "Add an example of teamwork."),
    ]
    return DocumentReport(
        file,
        "en",
        "option",
        "customer-service",
        "Customer service",
        skills,
        "2026.1",
        warnings=[ReadWarning("multi-column", "Two columns, read left: then right")],
        requirements=requirements,
    )


FAILED = RequirementOutcome("teamwork=evidenced", False, "Teamwork is missing: 50%,\nno")
PAGED = RequirementOutcome("min-score=90", False, "score 60/100", line=3, page=2)
PASSED = RequirementOutcome("communication=mentioned", True, "Communication is evidenced", 4)


def test_formats_are_registered() -> None:
    assert {"rich", "json", "github", "junit"} <= set(FORMATS)


def test_escaping_follows_the_runner() -> None:
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_annotations() -> None:
    reports: list[Report] = [
        _doc("cv, final: v2.md", [PASSED, FAILED, PAGED]),
        ErrorReport("scan.pdf", "no-text-layer", "The PDF has no text layer."),
    ]
    lines = _render("github", reports).splitlines()
    assert all(GITHUB_ANNOTATION.match(line) for line in lines), lines
    file = "file=cv%2C final%3A v2.md"
    assert lines == [
        f"::warning {file},title=skillcheck%3A reading (multi-column)::"
        "Two columns, read left: then right",
        f"::error {file},title=skillcheck%3A teamwork=evidenced::Teamwork is missing: 50%25,%0Ano",
        f"::error {file},title=skillcheck%3A min-score=90::score 60/100 (page 2)",
        f"::notice {file},title=skillcheck::Score 50/100: 1 evidenced, 0 mentioned, 1 missing "
        "(en, customer-service); 1 of 3 requirements hold",
        "::error file=scan.pdf,title=skillcheck%3A cannot read (no-text-layer)::"
        "The PDF has no text layer.",
    ]


def _counts(element: ET.Element) -> tuple[int, int, int]:
    return tuple(int(element.get(k, "-1")) for k in ("tests", "failures", "errors"))  # type: ignore[return-value]


def test_junit_counts_failures_errors_and_skill_cases() -> None:
    reports: list[Report] = [
        _doc("a.md", [PASSED, FAILED, PAGED]),
        ErrorReport("scan.pdf", "no-text-layer", "No text layer."),
        _doc("b.md", []),
    ]
    xml = _render("junit", reports)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites" and _counts(root) == (6, 2, 1)
    a, scan, b = root.findall("testsuite")
    assert (a.get("name"), _counts(a)) == ("a.md", (3, 2, 0))
    cases = a.findall("testcase")
    assert [c.get("name") for c in cases] == [r.name for r in (PASSED, FAILED, PAGED)]
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("message") == FAILED.message
    assert "Add an example of teamwork." in (failure.text or "")
    assert "page 2" in (cases[2].find("failure").text or "")  # type: ignore[union-attr]
    assert "Two columns" in (a.findtext("system-err") or "")
    assert _counts(scan) == (1, 0, 1)
    error = scan.find("testcase/error")
    assert error is not None and error.get("type") == "no-text-layer"
    assert _counts(b) == (2, 0, 0)
    assert [c.get("name") for c in b.findall("testcase")] == [
        "communication: evidenced",
        "teamwork: missing",
    ]
    assert all(c.find("failure") is None for c in b.findall("testcase"))
    assert "\x0c" not in xml  # not allowed in XML 1.0: replaced
    assert "time" not in root.attrib and "timestamp" not in a.attrib
