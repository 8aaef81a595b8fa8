"""DOCX and ODT are zip packages: check the zip directory against the limits before
inflating anything, then read members with a byte cap.

A zip bomb declares (or hides) gigabytes behind a few KB. The directory is
checked first: member count, total declared size, the compression ratio of
big members. Declared sizes can lie, so members are also read as streams that
stop at what is left of the budget. (python-docx later inflates the parts it
uses again; CPython's zipfile stops every member at its declared size, which
this check has bounded.)
"""

from __future__ import annotations

import io
import re
import zipfile

from skillcheck.errors import ReadError
from skillcheck.limits import DEFAULT_LIMITS, MIB, Limits, megabytes

#: Members smaller than this are not ratio-checked: a few KB of padding
#: compresses a hundredfold but costs nothing.
RATIO_FLOOR = MIB
_CENTRAL_ENTRY = b"PK\x01\x02"
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class Package:
    """A zip package whose directory passed the limits; ``read`` caps what it inflates.

    Use as ``with closing(Package(...)) as package``.
    """

    def __init__(self, data: bytes, limits: Limits | None = None, kind: str = "document") -> None:
        self.limits = limits or DEFAULT_LIMITS
        self.kind = kind
        # Each member has a 46-byte directory entry: count them before zipfile
        # builds an object per entry (a 20 MB file could hold 400,000).
        if data.count(_CENTRAL_ENTRY) > self.limits.max_zip_members:
            self._too_many(data.count(_CENTRAL_ENTRY))
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise ReadError("corrupt", f"The file is a damaged ZIP archive: {exc}.") from None
        infos = self.archive.infolist()
        if len(infos) > self.limits.max_zip_members:
            self._too_many(len(infos))
        total = sum(info.file_size for info in infos)
        if total > self.limits.max_unzipped_bytes:
            raise ReadError(
                "too-large",
                f"The {kind} would unpack to {megabytes(total)}; the limit is "
                f"{megabytes(self.limits.max_unzipped_bytes)}.",
            )
        for info in infos:
            if info.flag_bits & 0x1:
                raise ReadError("encrypted", f"The {kind}'s parts are protected by a password.")
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR and ratio > self.limits.max_zip_ratio:
                raise ReadError(
                    "too-large",
                    f"The {kind} part {info.filename} is compressed {ratio:.0f} times (the "
                    f"limit is {self.limits.max_zip_ratio:g}): a zip bomb?",
                )
        self.names = frozenset(info.filename for info in infos)
        self._left = self.limits.max_unzipped_bytes

    def _too_many(self, count: int) -> None:
        raise ReadError(
            "too-large",
            f"The {self.kind} has {count} parts; the limit is {self.limits.max_zip_members}.",
        )

    def read(self, name: str) -> bytes:
        """A member's bytes, inflating no more than what is left of the budget."""
        try:
            with self.archive.open(name) as member:
                data = member.read(self._left + 1)
        except KeyError:
            raise ReadError("corrupt", f"The {self.kind} has no {name} part.") from None
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise ReadError("corrupt", f"The {self.kind} part {name} is damaged: {exc}.") from None
        if len(data) > self._left:
            raise ReadError(
                "too-large",
                f"The {self.kind} unpacks to more than {megabytes(self.limits.max_unzipped_bytes)}"
                " (the limit), more than its zip directory declares.",
            )
        self._left -= len(data)
        return data

    def read_xml(self, name: str) -> bytes:
        """A member's XML, refused if it declares a DTD: no entity expansion, no external
        resources, whatever parser reads it next."""
        data = self.read(name)
        if _DTD.search(data) or _DTD.search(data.replace(b"\x00", b"")):
            raise ReadError(
                "corrupt",
                f"The {self.kind} part {name} declares a DTD or entities, which are refused "
                "for safety.",
            )
        return data

    def close(self) -> None:
        self.archive.close()
