"""Project configuration for CI: ``[tool.skillcheck]`` in pyproject.toml or ``.skillcheck.toml``.

Pure: finding, reading and checking a file only returns a ``Config`` or raises
``ConfigError`` naming the file and the key, so that a typo in a pipeline's
configuration fails loudly instead of silently checking nothing. The CLI
decides what wins over what and maps errors to exit statuses.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from skillcheck.errors import SkillcheckError
from skillcheck.requirements import Requirements, SkillRequirement, parse_all

CONFIG_NAME = ".skillcheck.toml"
PYPROJECT = "pyproject.toml"
LANGUAGES = ("auto", "en", "pl", "ms")
TOP_KEYS = (
    "profile",
    "lang",
    "paths",
    "exclude",
    "format",
    "require",
    "min_evidenced",
    "min_score",
    "lexicons",
    "overrides",
)
OVERRIDE_KEYS = ("paths", "require", "min_evidenced", "min_score")


class ConfigError(SkillcheckError):
    """The configuration file is broken; the message names the file and the key."""

    def __init__(self, message: str) -> None:
        super().__init__("config", message)


@dataclass(frozen=True)
class Override:
    """Requirements that replace the general ones for files matching ``paths`` globs."""

    paths: tuple[str, ...]
    requirements: Requirements


@dataclass(frozen=True)
class Config:
    """Settings from one configuration file; ``None`` where the file says nothing."""

    source: str | None = None  # the file as shown in messages; None: no file
    root: Path = field(default_factory=Path.cwd)  # the file's folder: globs are relative to it
    cwd: Path = field(default_factory=Path.cwd)  # what relative file names are relative to
    profile: str | None = None
    lang: str | None = None
    paths: tuple[str, ...] = ()  # as the CLI should pass them (relative to the cwd)
    exclude: tuple[str, ...] = ()
    format: str | None = None
    requirements: Requirements = field(default_factory=Requirements)
    lexicons: tuple[Path, ...] = ()
    overrides: tuple[Override, ...] = ()

    def _relative(self, file: str) -> str:
        absolute = os.path.normpath(self.cwd / file)  # normpath: no symlinks resolved
        return Path(os.path.relpath(absolute, self.root)).as_posix()

    def excluded(self, file: str) -> bool:
        """Whether an ``exclude`` glob covers ``file`` (a path as the CLI shows it)."""
        rel = self._relative(file)
        return any(glob_match(pattern, rel) for pattern in self.exclude)

    def requirements_for(self, file: str) -> Requirements:
        """The general requirements with every matching override applied in file order."""
        rel = self._relative(file)
        reqs = self.requirements
        for override in self.overrides:
            if any(glob_match(pattern, rel) for pattern in override.paths):
                reqs = reqs.merged(override.requirements)
        return reqs


# -- globs ---------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """``*`` and ``?`` stay within a folder, ``**`` crosses folders, ``[...]`` is a class."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[" and (end := pattern.find("]", i + 2)) != -1:
            body = pattern[i + 1 : end].replace("\\", "\\\\")
            out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            i = end
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out))


def glob_match(pattern: str, rel: str) -> bool:
    """Match like .gitignore: a glob without ``/`` matches a name at any depth, one with
    ``/`` matches from the config folder; a matching folder covers all files under it."""
    anchored = "/" in pattern.rstrip("/")
    regex = _glob_regex(pattern.removeprefix("./").strip("/"))
    parts = rel.split("/")
    if not anchored:
        return any(regex.fullmatch(part) for part in parts)
    return any(regex.fullmatch("/".join(parts[:k])) for k in range(1, len(parts) + 1))


# -- finding and reading -------------------------------------------------------------------


def _shown(path: Path, cwd: Path) -> str:
    """The file as messages name it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(cwd)) if path.is_absolute() else str(path)
    except ValueError:
        return str(path)


def _load_toml(path: Path, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: not valid TOML: {exc}") from None


def _tool_table(data: dict[str, Any]) -> Any:
    tool = data.get("tool")
    return tool.get("skillcheck") if isinstance(tool, dict) else None


def find_config(start: Path) -> Path | None:
    """The nearest configuration from ``start`` upward, stopping at the repository root
    (a folder holding ``.git``) so that a stray file in a home folder does not leak into
    a pipeline. ``.skillcheck.toml`` beats pyproject.toml in the same folder, and a
    pyproject.toml without ``[tool.skillcheck]`` is passed over."""
    folder = start.absolute()
    while True:
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _tool_table(_load_toml(pyproject, str(pyproject))) is not None:
            return pyproject
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def load_config(path: Path, cwd: Path | None = None) -> Config:
    """Read and check one configuration file (pyproject.toml by name, else top-level keys)."""
    cwd = (cwd or Path.cwd()).absolute()
    path = path if path.is_absolute() else cwd / path
    shown = _shown(path, cwd)
    data = _load_toml(path, shown)
    if path.name == PYPROJECT:
        table = _tool_table(data)
        if table is None:
            raise ConfigError(f"{shown}: has no [tool.skillcheck] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{shown}: [tool.skillcheck] must be a table")
        where, overrides_name = "in [tool.skillcheck]", "[[tool.skillcheck.overrides]]"
    else:
        table, where, overrides_name = data, "at the top level", "[[overrides]]"
    return _Reader(shown, path.parent, cwd).read(table, where, overrides_name)


def discover(
    explicit: Path | None = None, use_files: bool = True, cwd: Path | None = None
) -> Config:
    """The configuration in force: ``explicit`` if given, else the nearest file, else none."""
    cwd = (cwd or Path.cwd()).absolute()
    if explicit is not None:
        return load_config(explicit, cwd)
    found = find_config(cwd) if use_files else None
    return load_config(found, cwd) if found else Config(root=cwd, cwd=cwd)


class _Reader:
    """Checks values key by key so that every message names the file and the key."""

    def __init__(self, shown: str, root: Path, cwd: Path) -> None:
        self.shown, self.root, self.cwd = shown, root, cwd

    def fail(self, message: str) -> ConfigError:
        return ConfigError(f"{self.shown}: {message}")

    def unknown_keys(self, table: dict[str, Any], known: Sequence[str], where: str) -> None:
        for key in table:
            if key not in known:
                close = difflib.get_close_matches(key.replace("-", "_"), known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise self.fail(f"unknown key {key!r} {where}{hint}")

    def string(self, table: dict[str, Any], key: str, choices: Sequence[str] = ()) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if choices and value not in choices:
            raise self.fail(f"{key} must be one of {', '.join(choices)}")
        if not isinstance(value, str) or not value:
            raise self.fail(f"{key} must be a non-empty string")
        return value

    def strings(self, table: dict[str, Any], key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{key} must be a list of non-empty strings")
        return tuple(value)

    def integer(self, table: dict[str, Any], key: str, top: int | None = None) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        if not ok or (top is not None and value > top):
            span = f"from 0 to {top}" if top is not None else "of 0 or more"
            raise self.fail(f"{key} must be an integer {span}")
        return int(value)

    def requirements(self, table: dict[str, Any]) -> Requirements:
        texts = self.strings(table, "require")
        skills: tuple[SkillRequirement, ...] | None = None
        if texts is not None:
            try:
                skills = parse_all(texts)
            except ValueError as exc:
                raise self.fail(f"require: {exc}") from None
        return Requirements(
            skills=skills,
            min_evidenced=self.integer(table, "min_evidenced"),
            min_score=self.integer(table, "min_score", top=100),
        )

    def read(self, table: dict[str, Any], where: str, overrides_name: str) -> Config:
        self.unknown_keys(table, TOP_KEYS, where)
        from skillcheck.render import FORMATS

        paths = self.strings(table, "paths") or ()
        lexicons = [self.root / v for v in self.strings(table, "lexicons") or ()]
        for lexicon in lexicons:
            if not lexicon.exists():
                raise self.fail(f"lexicons: no such file or folder {_shown(lexicon, self.cwd)!r}")
        return Config(
            source=self.shown,
            root=self.root,
            cwd=self.cwd,
            profile=self.string(table, "profile"),
            lang=self.string(table, "lang", LANGUAGES),
            paths=tuple(self._cli_path(p) for p in paths),
            exclude=self.strings(table, "exclude") or (),
            format=self.string(table, "format", FORMATS),
            requirements=self.requirements(table),
            lexicons=tuple(lexicons),
            overrides=self.overrides(table.get("overrides"), overrides_name),
        )

    def _cli_path(self, value: str) -> str:
        """A ``paths`` entry (relative to the config folder) as seen from the cwd."""
        if self.root == self.cwd and not Path(value).is_absolute():
            return value
        return os.path.relpath(self.root / value, self.cwd)

    def overrides(self, value: Any, name: str) -> tuple[Override, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"overrides must be an array of tables ({name})")
        found: list[Override] = []
        for number, table in enumerate(value, start=1):
            where = f"{name} #{number}"
            self.unknown_keys(table, OVERRIDE_KEYS, f"in {where}")
            inner = _Reader(f"{self.shown}: {where}", self.root, self.cwd)
            paths = inner.strings(table, "paths")
            if not paths:
                raise inner.fail("needs 'paths', a list of globs")
            found.append(Override(paths, inner.requirements(table)))
        return tuple(found)
