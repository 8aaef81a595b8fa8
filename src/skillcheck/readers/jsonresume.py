"""JSON Resume (jsonresume.org schema): sections become headings, highlights list items.

The headings are English words the core's section rules know ("Experience",
"Skills", ...), so section-dependent judgements work as for any other CV.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from skillcheck.errors import ReadError
from skillcheck.readers.base import BlockList, ReadResult
from skillcheck.readers.cleanup import clean_text
from skillcheck.readers.text import decode_text

_SECTIONS = (
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)


def _s(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    return [_s(v) for v in value if _s(v)] if isinstance(value, list) else []


def _dates(item: dict[str, Any]) -> str:
    start, end = _s(item.get("startDate")), _s(item.get("endDate"))
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"{start} – present"
    return _s(item.get("date")) or _s(item.get("releaseDate"))


def _title(*parts: str, dates: str = "") -> str:
    title = " — ".join(p for p in parts if p)
    return f"{title} ({dates})" if title and dates else title or dates


def is_json_resume(value: Any) -> bool:
    """A JSON object with a known JSON Resume section (or the schema's URL)."""
    if not isinstance(value, dict):
        return False
    if "jsonresume" in str(value.get("$schema", "")):
        return True
    basics = value.get("basics")
    return isinstance(basics, dict) or any(isinstance(value.get(k), list) for k in _SECTIONS[1:])


def read_json_resume(data: bytes) -> ReadResult:
    """Read a JSON Resume; any other JSON is an unsupported format."""
    try:
        value = json.loads(decode_text(data))
    except json.JSONDecodeError as exc:
        raise ReadError(
            "corrupt", f"The JSON file is not valid JSON: {exc.msg} (line {exc.lineno})."
        ) from None
    if not is_json_resume(value):
        raise ReadError(
            "unsupported-format", "The JSON file is not a JSON Resume (jsonresume.org)."
        )
    out = BlockList()
    basics = _dict(value.get("basics"))
    out.add(_s(basics.get("name")), "heading")
    out.add(_s(basics.get("label")))
    location = _dict(basics.get("location"))
    contact = [
        _s(basics.get("email")),
        _s(basics.get("phone")),
        _s(basics.get("url")),
        _s(location.get("city")),
        _s(location.get("countryCode")),
    ]
    out.add(" · ".join(c for c in contact if c))
    if _s(basics.get("summary")):
        out.add("Summary", "heading")
        out.add(_s(basics.get("summary")))

    _entries(out, "Experience", _items(value.get("work")), ("position",), ("name", "company"))
    _entries(out, "Volunteering", _items(value.get("volunteer")), ("position",), ("organization",))
    education = _items(value.get("education"))
    if education:
        out.add("Education", "heading")
        for item in education:
            study = " ".join(p for p in (_s(item.get("studyType")), _s(item.get("area"))) if p)
            out.add(_title(study, _s(item.get("institution")), dates=_dates(item)))
            _list(out, _strings(item.get("courses")))
    _entries(
        out,
        "Projects",
        _items(value.get("projects")),
        ("name",),
        ("entity",),
        summary="description",
    )
    _entries(out, "Awards", _items(value.get("awards")), ("title",), ("awarder",))
    _entries(out, "Certificates", _items(value.get("certificates")), ("name",), ("issuer",))
    _entries(out, "Publications", _items(value.get("publications")), ("name",), ("publisher",))
    _keyworded(out, "Skills", _items(value.get("skills")), "name")
    languages = _items(value.get("languages"))
    if languages:
        out.add("Languages", "heading")
        _list(out, (_title(_s(i.get("language")), dates=_s(i.get("fluency"))) for i in languages))
    _keyworded(out, "Interests", _items(value.get("interests")), "name")
    references = _items(value.get("references"))
    if references:
        out.add("References", "heading")
        for item in references:
            out.add(_s(item.get("reference")))
            out.add(_s(item.get("name")))
    return ReadResult(blocks=out.blocks)


def _list(out: BlockList, texts: Iterable[str]) -> None:
    for text in texts:
        out.add(text, "list-item")


def _entries(
    out: BlockList,
    heading: str,
    items: list[dict[str, Any]],
    role: tuple[str, ...],
    where: tuple[str, ...],
    summary: str = "summary",
) -> None:
    if not items:
        return
    out.add(heading, "heading")
    for item in items:
        first = next((_s(item.get(k)) for k in role if _s(item.get(k))), "")
        place = next((_s(item.get(k)) for k in where if _s(item.get(k))), "")
        out.add(_title(first, place, dates=_dates(item)))
        out.add(_s(item.get(summary)) or _s(item.get("summary")))
        _list(out, _strings(item.get("highlights")))


def _keyworded(out: BlockList, heading: str, items: list[dict[str, Any]], key: str) -> None:
    if not items:
        return
    out.add(heading, "heading")
    for item in items:
        name, keywords = _s(item.get(key)), ", ".join(_strings(item.get("keywords")))
        out.add(f"{name}: {keywords}" if name and keywords else name or keywords, "list-item")
