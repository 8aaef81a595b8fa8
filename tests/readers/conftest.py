"""Fixtures of the reader tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from readers.fixturegen import ReadBytes
from skillcheck.document import Document
from skillcheck.readers import read_document


@pytest.fixture
def read_bytes(tmp_path: Path) -> ReadBytes:
    """read_bytes(data, name, **options) -> Document, for a file generated in the test."""

    def _read(data: bytes, name: str, **kwargs: object) -> Document:
        path = tmp_path / name
        path.write_bytes(data)
        return read_document(path, **kwargs)  # type: ignore[arg-type]

    return _read
