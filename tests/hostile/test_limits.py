"""Limits, the guard (time, memory, recursion) and the address-space cap."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import skillcheck.readers as readers
from skillcheck.errors import ReadError
from skillcheck.limits import DEFAULT_LIMITS, Limits, guarded
from skillcheck.readers import read_document
from skillcheck.readers.base import ReadResult

posix = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_defaults_are_the_documented_ones() -> None:
    assert (
        Limits(
            max_bytes=20 * 2**20,
            max_pages=50,
            max_unzipped_bytes=100 * 2**20,
            max_zip_ratio=100,
            max_zip_members=1000,
            timeout_s=30,
            memory_mb=2048,
        )
        == DEFAULT_LIMITS
    )


@pytest.mark.parametrize("field", ["max_bytes", "max_pages", "memory_mb", "max_zip_ratio"])
def test_limits_must_be_positive(field: str) -> None:
    with pytest.raises(ValueError):
        Limits(**{field: 0})  # type: ignore[arg-type]


@posix
def test_time_limit_ends_a_busy_loop() -> None:
    start = time.monotonic()
    with pytest.raises(ReadError) as err, guarded(Limits(timeout_s=0.2)):
        _spin(5)
    assert err.value.code == "timeout"
    assert "0.2 s" in err.value.message
    assert time.monotonic() - start < 2


@posix
def test_time_limit_survives_a_swallowing_except() -> None:
    """A library's bare except eats the first alarm; the repeat gets out."""
    with pytest.raises(ReadError) as err, guarded(Limits(timeout_s=0.2)):
        for _ in range(3):
            with contextlib.suppress(BaseException):  # what a careless library does
                _spin(5)
        _spin(5)
    assert err.value.code == "timeout"


@posix
def test_guard_restores_the_previous_handler_and_timer() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with guarded(Limits(timeout_s=5)):
            _spin(0.1)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0.2 < remaining < 0.55  # the outer timer goes on, less the time spent
        _spin(0.8)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@posix
def test_nested_guard_never_outlasts_the_outer_one() -> None:
    start = time.monotonic()
    with pytest.raises(ReadError) as err, guarded(Limits(timeout_s=0.3)), guarded(Limits()):
        _spin(5)
    assert err.value.code == "timeout"
    assert time.monotonic() - start < 2
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_no_timer_outside_the_main_thread() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with guarded(Limits(timeout_s=0.05)):
                _spin(0.2)
        except BaseException as exc:  # pragma: no cover - the failure being tested
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []


@pytest.mark.parametrize(
    ("exc", "words"), [(MemoryError(), "memory"), (RecursionError(), "nested too deeply")]
)
def test_resource_errors_become_too_large(exc: BaseException, words: str) -> None:
    with pytest.raises(ReadError) as err, guarded():
        raise exc
    assert err.value.code == "too-large"
    assert words in err.value.message


@posix
def test_read_document_has_its_own_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def hang(data: bytes, limits: Limits) -> ReadResult:
        _spin(10)
        return ReadResult()

    monkeypatch.setitem(readers._READERS, "txt", hang)
    (tmp_path / "cv.txt").write_text("Obsługa klienta.")
    with pytest.raises(ReadError) as err:
        read_document(tmp_path / "cv.txt", limits=Limits(timeout_s=0.3))
    assert err.value.code == "timeout"


def test_max_bytes_and_max_pages_keywords_override_limits(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_bytes(b"x" * 2000)
    with pytest.raises(ReadError) as err:
        read_document(tmp_path / "cv.txt", limits=Limits(max_bytes=10**6), max_bytes=1000)
    assert err.value.code == "too-large"


_CAP_PROBE = """
import resource, sys
from skillcheck.limits import Limits, apply_memory_cap
resource.setrlimit(resource.RLIMIT_AS, ({hard}, {hard}))
cap = apply_memory_cap(Limits(memory_mb={mb}))
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
try:
    bytearray(2 * {mb} * 2**20)
    grew = True
except MemoryError:
    grew = False
print(cap, soft, hard == {hard}, grew)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize(("mb", "hard_mb"), [(512, None), (512, 384)])
def test_memory_cap_sets_the_soft_limit_only(mb: int, hard_mb: int | None) -> None:
    hard = "resource.RLIM_INFINITY" if hard_mb is None else str(hard_mb * 2**20)
    run = subprocess.run(
        [sys.executable, "-c", _CAP_PROBE.format(mb=mb, hard=hard)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    cap, soft, hard_kept, grew = run.stdout.split()
    expected = min(mb, hard_mb or mb) * 2**20
    assert int(cap) == int(soft) == expected
    assert hard_kept == "True"
    assert grew == "False"
