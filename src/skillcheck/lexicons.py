"""Lexicons: skills, profiles and their terms, loaded from reviewable TOML files.

Layout of a lexicon folder (the built-in one is ``lexicons/``)::

    profiles/<profile-id>.toml   id, version, label per language, ordered skill ids
    skills/<skill-id>.toml       per language: label, terms, behaviours, not,
                                 advice, examples (match / no_match)

Every file is validated on load; a broken one raises ``LexiconError`` naming the
file and, where it can be found, the line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from skillcheck._data import lexicon_root
from skillcheck.errors import LexiconError

LANGUAGES: tuple[str, ...] = ("en", "pl", "ms")
_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_LANG_KEYS = {"label", "terms", "behaviours", "not", "advice", "examples"}
_ADVICE_KEYS = {"mentioned", "missing"}
_EXAMPLE_KEYS = {"match", "no_match"}
_PATTERN_TOKEN = re.compile(r"^(=?[^\s|=*]+\*?)(\|=?[^\s|=*]+\*?)*$|^\.\.\.$")


@dataclass(frozen=True)
class SkillLanguage:
    """What one language says about one skill."""

    label: str
    terms: tuple[str, ...] = ()
    behaviours: tuple[str, ...] = ()
    not_: tuple[str, ...] = ()
    advice_mentioned: str = ""
    advice_missing: str = ""
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skill:
    id: str
    languages: dict[str, SkillLanguage]
    sources: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        entry = self.languages.get(lang) or self.languages.get("en")
        return entry.label if entry else self.id


@dataclass(frozen=True)
class Profile:
    id: str
    version: str
    labels: dict[str, str]
    skills: tuple[str, ...]
    source: str = ""

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id


@dataclass(eq=False)  # identity hash: compiled matchers are cached per lexicon
class Lexicon:
    """All skills and profiles known to a run (built-in plus user lexicons)."""

    skills: dict[str, Skill] = field(default_factory=dict)
    profiles: dict[str, Profile] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    @property
    def knowledge_files(self) -> list[Path]:
        """Every file a report depends on: the lexicon files and the built-in
        language and section data (a cached report is only as fresh as all of them)."""
        data = sorted(lexicon_root().glob("languages/*.toml")) + [lexicon_root() / "sections.toml"]
        return sorted({*self.files, *data})

    @property
    def version(self) -> str:
        return "+".join(sorted({p.version for p in self.profiles.values()}))

    def profile(self, profile_id: str) -> Profile:
        try:
            return self.profiles[profile_id]
        except KeyError:
            known = ", ".join(sorted(self.profiles)) or "none"
            raise KeyError(f"unknown profile {profile_id!r} (known: {known})") from None


def _line_of(text: str, needle: str) -> int | None:
    """The first line of ``text`` that holds ``needle`` (for error messages)."""
    if not needle:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


class _Validator:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.raw = path.read_text(encoding="utf-8")
        try:
            self.data: dict[str, Any] = tomllib.loads(self.raw)
        except tomllib.TOMLDecodeError as exc:
            match = re.search(r"line (\d+)", str(exc))
            line = int(match.group(1)) if match else None
            if line is None and "end of document" in str(exc):
                line = self.raw.count("\n") + (0 if self.raw.endswith("\n") else 1)
            raise LexiconError(str(path), line, f"not valid TOML: {exc}") from None

    def fail(self, message: str, near: str = "") -> LexiconError:
        return LexiconError(str(self.path), _line_of(self.raw, near), message)

    def string(self, value: Any, what: str, near: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{what} must be a non-empty string", near)
        return value.strip()

    def strings(self, value: Any, what: str, near: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(f"{what} must be a list of strings", near)
        out = []
        for item in value:
            out.append(self.string(item, f"every item of {what}", near))
        return tuple(out)

    def patterns(self, value: Any, what: str, near: str) -> tuple[str, ...]:
        items = self.strings(value, what, near)
        seen: set[str] = set()
        for item in items:
            words = item.split()
            if words[0] == "..." or words[-1] == "...":
                raise self.fail(f"{what}: {item!r} may not start or end with '...'", item)
            for word in words:
                if not _PATTERN_TOKEN.match(word):
                    raise self.fail(f"{what}: {item!r} has a malformed word {word!r}", item)
            key = item.casefold()
            if key in seen:
                raise self.fail(f"{what}: {item!r} is listed twice", item)
            seen.add(key)
        return items


def _load_skill(path: Path) -> Skill:
    v = _Validator(path)
    data = v.data
    unknown = set(data) - {"id", *LANGUAGES}
    if unknown:
        key = sorted(unknown)[0]
        raise v.fail(f"unknown key {key!r} (expected id, {', '.join(LANGUAGES)})", key)
    skill_id = v.string(data.get("id"), "id", "id")
    if not _ID.match(skill_id):
        raise v.fail(f"id {skill_id!r} must be lower-case words joined by '-'", "id")
    if path.stem != skill_id:
        raise v.fail(f"id {skill_id!r} must match the file name {path.name!r}", "id")
    langs: dict[str, SkillLanguage] = {}
    for lang in LANGUAGES:
        entry = data.get(lang)
        if entry is None:
            continue
        if not isinstance(entry, dict):
            raise v.fail(f"[{lang}] must be a table", f"[{lang}")
        unknown = set(entry) - _LANG_KEYS
        if unknown:
            key = sorted(unknown)[0]
            raise v.fail(f"[{lang}] has unknown key {key!r}", key)
        advice = entry.get("advice", {})
        examples = entry.get("examples", {})
        if not isinstance(advice, dict) or set(advice) - _ADVICE_KEYS:
            raise v.fail(f"[{lang}].advice takes only 'mentioned' and 'missing'", "advice")
        if not isinstance(examples, dict) or set(examples) - _EXAMPLE_KEYS:
            raise v.fail(f"[{lang}].examples takes only 'match' and 'no_match'", "examples")
        terms = v.patterns(entry.get("terms", []), f"[{lang}].terms", "terms")
        behaviours = v.patterns(entry.get("behaviours", []), f"[{lang}].behaviours", "behaviours")
        if not terms and not behaviours:
            raise v.fail(f"[{lang}] needs at least one term or behaviour", f"[{lang}")
        langs[lang] = SkillLanguage(
            label=v.string(entry.get("label"), f"[{lang}].label", f"[{lang}"),
            terms=terms,
            behaviours=behaviours,
            not_=v.patterns(entry.get("not", []), f"[{lang}].not", "not"),
            advice_mentioned=v.string(
                advice.get("mentioned"), f"[{lang}].advice.mentioned", "advice"
            ),
            advice_missing=v.string(advice.get("missing"), f"[{lang}].advice.missing", "advice"),
            examples_match=v.strings(
                examples.get("match", []), f"[{lang}].examples.match", "match"
            ),
            examples_no_match=v.strings(
                examples.get("no_match", []), f"[{lang}].examples.no_match", "no_match"
            ),
        )
    if not langs:
        raise v.fail("a skill needs at least one language table ([en], [pl] or [ms])")
    return Skill(id=skill_id, languages=langs, sources=(str(path),))


def _load_profile(path: Path) -> Profile:
    v = _Validator(path)
    data = v.data
    unknown = set(data) - {"id", "version", "label", "skills"}
    if unknown:
        key = sorted(unknown)[0]
        raise v.fail(f"unknown key {key!r} (expected id, version, label, skills)", key)
    profile_id = v.string(data.get("id"), "id", "id")
    if not _ID.match(profile_id) or path.stem != profile_id:
        raise v.fail(f"id {profile_id!r} must be lower-case and match the file name", "id")
    labels = data.get("label", {})
    if not isinstance(labels, dict) or not labels:
        raise v.fail("label must be a table of language = text", "label")
    skills = v.strings(data.get("skills"), "skills", "skills")
    if len(set(skills)) != len(skills):
        raise v.fail("skills lists an id twice", "skills")
    return Profile(
        id=profile_id,
        version=v.string(data.get("version"), "version", "version"),
        labels={k: v.string(t, f"label.{k}", "label") for k, t in labels.items()},
        skills=skills,
        source=str(path),
    )


def _merge(old: Skill, new: Skill) -> Skill:
    """A user lexicon may extend a known skill: its terms are added to the old ones."""
    langs = dict(old.languages)
    for lang, entry in new.languages.items():
        base = langs.get(lang)
        if base is None:
            langs[lang] = entry
            continue
        langs[lang] = SkillLanguage(
            label=entry.label or base.label,
            terms=base.terms + tuple(t for t in entry.terms if t not in base.terms),
            behaviours=base.behaviours
            + tuple(t for t in entry.behaviours if t not in base.behaviours),
            not_=base.not_ + tuple(t for t in entry.not_ if t not in base.not_),
            advice_mentioned=entry.advice_mentioned or base.advice_mentioned,
            advice_missing=entry.advice_missing or base.advice_missing,
            examples_match=base.examples_match + entry.examples_match,
            examples_no_match=base.examples_no_match + entry.examples_no_match,
        )
    return Skill(id=old.id, languages=langs, sources=old.sources + new.sources)


def _files(root: Path) -> tuple[list[Path], list[Path]]:
    if root.is_file():
        kind = root.parent.name
        return ([root], []) if kind == "skills" else ([], [root])
    return sorted((root / "skills").glob("*.toml")), sorted((root / "profiles").glob("*.toml"))


def load_lexicon(extra: Sequence[Path] = (), *, builtin: bool = True) -> Lexicon:
    """Load the built-in lexicon and any extra files or folders, validated."""
    roots: list[Path] = ([lexicon_root()] if builtin else []) + list(extra)
    lex = Lexicon()
    for root in roots:
        if not root.exists():
            raise LexiconError(str(root), None, "no such file or folder")
        skill_files, profile_files = _files(root)
        for path in skill_files:
            skill = _load_skill(path)
            lex.skills[skill.id] = (
                _merge(lex.skills[skill.id], skill) if skill.id in lex.skills else skill
            )
            lex.files.append(path)
        for path in profile_files:
            profile = _load_profile(path)
            known = lex.profiles.get(profile.id)
            if known is not None:  # a user profile of a known id adds its skills to it
                added = tuple(s for s in profile.skills if s not in known.skills)
                profile = Profile(
                    id=known.id,
                    version=f"{known.version}+{profile.version}",
                    labels={**known.labels, **profile.labels},
                    skills=known.skills + added,
                    source=profile.source,
                )
            lex.profiles[profile.id] = profile
            lex.files.append(path)
    for profile in lex.profiles.values():
        for sid in profile.skills:
            if sid not in lex.skills:
                raise LexiconError(
                    profile.source,
                    _line_of(Path(profile.source).read_text(encoding="utf-8"), sid),
                    f"profile {profile.id!r} names unknown skill {sid!r}",
                )
    return lex


@lru_cache(maxsize=8)
def _cached(extra: tuple[Path, ...]) -> Lexicon:
    return load_lexicon(extra)


def get_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    """The lexicon for a run, loaded once per process for the same extra paths."""
    return _cached(tuple(Path(p).resolve() for p in extra))


@dataclass(frozen=True)
class ExampleFailure:
    skill: str
    lang: str
    text: str
    expected: bool
    source: str

    def __str__(self) -> str:
        want = "should match" if self.expected else "should not match"
        return f"{self.source}: [{self.lang}] {self.skill}: {want}: {self.text!r}"


def run_examples(lexicon: Lexicon, skill_ids: Sequence[str]) -> list[ExampleFailure]:
    """Every should-match / should-not-match example of the skills, through the matcher."""
    from skillcheck.matching import skill_matcher
    from skillcheck.nlp import SUPPORTED_LANGUAGES, analyzer

    failures: list[ExampleFailure] = []
    for sid in skill_ids:
        skill = lexicon.skills[sid]
        for lang, entry in skill.languages.items():
            if lang not in SUPPORTED_LANGUAGES:
                continue
            matcher = skill_matcher(lexicon, (sid,), lang)
            cases = [(t, True) for t in entry.examples_match] + [
                (t, False) for t in entry.examples_no_match
            ]
            for text, want in cases:
                kept, _ = matcher.find(analyzer(lang).analyse(text))
                if bool(kept) != want:
                    source = next(
                        (src for src in skill.sources if text in Path(src).read_text("utf-8")),
                        skill.sources[-1],
                    )
                    line = _line_of(Path(source).read_text("utf-8"), text)
                    where = f"{source}:{line}" if line else source
                    failures.append(ExampleFailure(sid, lang, text, want, where))
    return failures
