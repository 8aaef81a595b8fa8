"""Mutated valid files of every format: only documented ReadErrors, in bounded time."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile.seeds import FUZZ_CODES, mutate, seeds
from skillcheck.errors import ReadError
from skillcheck.limits import Limits
from skillcheck.readers import read_document

SEEDS = seeds()
LIMITS = Limits(timeout_s=10)
SECONDS = 5.0


def _read(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    start = time.perf_counter()
    try:
        read_document(path, limits=LIMITS)
    except ReadError as exc:
        assert exc.code in FUZZ_CODES, (exc.code, exc.message)
        assert exc.message and "\n" not in exc.message
    assert time.perf_counter() - start < SECONDS


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    suffix=st.sampled_from(sorted(SEEDS)),
    donor=st.sampled_from(sorted(SEEDS)),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    rounds=st.integers(min_value=1, max_value=4),
)
def test_mutated_files_end_in_documented_errors(
    tmp_path: Path, suffix: str, donor: str, seed: int, rounds: int
) -> None:
    rng = random.Random(seed)
    data = SEEDS[suffix]
    for _ in range(rounds):
        data = mutate(data, rng, SEEDS[donor]) or data[:1]
    _read(tmp_path / f"fuzz{suffix}", data)


# Inputs fuzzing found to crash or hang before the fixes they name; kept as regressions.
REGRESSIONS = {
    # UTF-16 without BOM is valid UTF-8 too: it was read as text full of NULs.
    "utf16.txt": "Obsługa klienta\n".encode("utf-16-le"),
    # an object that is a reference to itself: pdfminer's resolve1 looped forever
    "loop.pdf": (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n2 0 R\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    ),
}


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_regressions(tmp_path: Path, name: str) -> None:
    _read(tmp_path / name, REGRESSIONS[name])
