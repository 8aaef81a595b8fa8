"""JUnit XML for CI test reports (GitLab, Jenkins, Azure, GitHub test-report actions).

One ``<testsuite>`` per document; one ``<testcase>`` per requirement, failed ones
holding ``<failure>``; an unreadable document is a suite whose one case holds
``<error>``. Without requirements each skill is a passing case that states its
status, so the report still shows what was found. No timestamps, times or host
names: the same input gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TextIO

from skillcheck import __version__
from skillcheck.report import DocumentReport, ErrorReport, Report

# Characters XML 1.0 cannot hold at all (form feeds from PDFs, stray controls).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text:
        element.text = _clean(text)
    return element


def _where(location: dict[str, int]) -> str:
    """ "page 2", "line 14" or "paragraph 3": the first the location has."""
    return next((f"{k} {location[k]}" for k in ("page", "line", "paragraph") if k in location), "")


def _counts(element: ET.Element, tests: int, failures: int, errors: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))


def _error_suite(root: ET.Element, r: ErrorReport) -> tuple[int, int, int]:
    suite = _sub(root, "testsuite", name=r.file)
    _counts(suite, 1, 0, 1)
    suite.set("skipped", "0")
    case = _sub(suite, "testcase", classname=r.file, name="read", file=r.file)
    _sub(case, "error", r.message, type=r.code, message=r.message)
    return 1, 0, 1


def _document_suite(root: ET.Element, r: DocumentReport) -> tuple[int, int, int]:
    suite = _sub(root, "testsuite", name=r.file)
    props = _sub(suite, "properties")
    for name, value in (
        ("language", r.language),
        ("profile", r.profile),
        ("score", str(r.score)),
        *((status, str(n)) for status, n in r.summary.items()),
        ("lexicon_version", r.lexicon_version),
        ("skillcheck_version", __version__),
    ):
        _sub(props, "property", name=name, value=value)
    advice = {s.id: s.advice for s in r.skills}
    tests = failures = 0
    for req in r.requirements:
        tests += 1
        case = _sub(suite, "testcase", classname=r.file, name=req.name, file=r.file)
        if not req.passed:
            failures += 1
            location = {k: v for k, v in (("page", req.page), ("line", req.line)) if v is not None}
            skill_id = req.name.partition("=")[0]
            body = "\n".join(x for x in (req.message, _where(location), advice.get(skill_id)) if x)
            _sub(case, "failure", body, type="requirement", message=req.message)
    if not r.requirements:
        for skill in r.skills:
            tests += 1
            case = _sub(
                suite, "testcase", classname=r.file, name=f"{skill.id}: {skill.status}", file=r.file
            )
            if skill.passages:
                p = skill.passages[0]
                where = _where(p.location)
                at = f" ({where})" if where else ""
                _sub(case, "system-out", f"{skill.label} is {skill.status}{at}: {p.text}")
    if r.warnings:
        _sub(suite, "system-err", "\n".join(f"{w.message} [{w.code}]" for w in r.warnings))
    _counts(suite, tests, failures, 0)
    suite.set("skipped", "0")
    return tests, failures, 0


def render(reports: Iterable[Report], out: TextIO) -> None:
    root = ET.Element("testsuites", {"name": "skillcheck"})
    totals = [0, 0, 0]
    for report in reports:
        if isinstance(report, ErrorReport):
            counts = _error_suite(root, report)
        else:
            counts = _document_suite(root, report)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    _counts(root, *totals)
    ET.indent(root, space="  ")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    out.flush()
