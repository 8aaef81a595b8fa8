"""Stable error codes and exit statuses: the one place scripts and tests pin them."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit status of ``skillcheck check`` (report-contract.md)."""

    OK = 0  # every document read, every requirement holds
    REQUIREMENT_FAILED = 1  # a requirement does not hold
    ERROR = 2  # a document could not be read, or the command was used wrongly


#: Error codes a document can end with, and what a person should read.
ERROR_CODES: dict[str, str] = {
    "not-found": "the file does not exist",
    "unsupported-format": "the file is not a format skillcheck reads",
    "encrypted": "the file is protected by a password",
    "no-text-layer": "the file has no text layer (a scanned image?); run OCR first",
    "corrupt": "the file is damaged or not what its name says",
    "too-large": "the file is over a size limit",
    "timeout": "reading the file took longer than the time limit",
    "decode-error": "the text encoding could not be recognised",
    "empty": "the file holds no text",
    "unreadable": "the file could not be read",
}


class SkillcheckError(Exception):
    """Base of errors that carry a stable code and a one-line message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ReadError(SkillcheckError):
    """A document could not be read; ``code`` is one of ``ERROR_CODES``."""

    def __init__(self, code: str, message: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(code, message)


class UsageError(SkillcheckError):
    """The command was used wrongly (bad option value, unknown profile, ...)."""

    def __init__(self, message: str) -> None:
        super().__init__("usage", message)


class LexiconError(SkillcheckError):
    """A lexicon file is broken; the message names the file and the line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__("lexicon", f"{where}: {message}")
        self.path = path
        self.line = line
