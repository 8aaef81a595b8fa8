"""Long-running fuzzing of the readers: any exception other than a documented ReadError,
or a read slower than the bound, is a crash to turn into a regression test.

With atheris (``pip install atheris``): coverage-guided, seeded with one valid
file per format (tests/hostile/seeds.py); the first input byte picks the
format, the rest is the file::

    python bench/fuzz_readers.py -atheris_runs=100000 -max_len=200000 [CORPUS_DIR]

Without atheris it falls back on random mutations of the same seeds::

    python bench/fuzz_readers.py --minutes 10

Crashing inputs are written to bench/crashes/ (not committed). Under
libFuzzer the readers' own time limit stays off (libFuzzer owns SIGALRM); its
``-timeout`` catches hangs instead.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile.seeds import FUZZ_CODES, mutate, seeds  # noqa: E402

from skillcheck.errors import ReadError  # noqa: E402
from skillcheck.limits import Limits  # noqa: E402
from skillcheck.readers import read_document  # noqa: E402

SEEDS = seeds()
SUFFIXES = sorted(SEEDS)
LIMITS = Limits(timeout_s=10)
SLOW_S = 5.0
CRASHES = ROOT / "bench" / "crashes"
_WORK = Path(tempfile.mkdtemp(prefix="skillcheck-fuzz-"))


class SlowRead(Exception):
    """A read that took longer than SLOW_S: a hang in the making."""


def one_input(suffix: str, data: bytes) -> None:
    """Read ``data`` as a file named ``fuzz<suffix>``; raise on anything undocumented."""
    path = _WORK / f"fuzz{suffix}"
    path.write_bytes(data)
    start = time.perf_counter()
    try:
        read_document(path, limits=LIMITS)
    except ReadError as exc:
        if exc.code not in FUZZ_CODES or "\n" in exc.message:
            raise AssertionError(f"undocumented outcome {exc.code}: {exc.message}") from None
    if time.perf_counter() - start > SLOW_S:
        raise SlowRead(f"{suffix} read took {time.perf_counter() - start:.1f} s")


def _save(suffix: str, data: bytes, exc: BaseException) -> Path:
    CRASHES.mkdir(parents=True, exist_ok=True)
    path = CRASHES / f"crash-{abs(hash(data)):x}{suffix}"
    path.write_bytes(data)
    print(f"{type(exc).__name__}: {exc} -> {path}", file=sys.stderr)
    return path


def run_atheris(argv: list[str]) -> None:
    import atheris

    def test_one(raw: bytes) -> None:
        if not raw:
            return
        suffix = SUFFIXES[raw[0] % len(SUFFIXES)]
        data = raw[1:]
        try:
            one_input(suffix, data)
        except Exception as exc:
            _save(suffix, data, exc)
            raise

    corpus = [a for a in argv[1:] if not a.startswith("-")]
    if corpus:  # seed an empty corpus folder with the valid files
        folder = Path(corpus[0])
        folder.mkdir(parents=True, exist_ok=True)
        if not any(folder.iterdir()):
            for i, suffix in enumerate(SUFFIXES):
                (folder / f"seed{suffix}").write_bytes(bytes([i]) + SEEDS[suffix])
    atheris.instrument_all()  # coverage of the readers and the libraries they call
    atheris.Setup(argv, test_one)
    atheris.Fuzz()


def run_random(minutes: float, seed: int) -> int:
    rng = random.Random(seed)
    end = time.monotonic() + minutes * 60
    runs = crashes = 0
    while time.monotonic() < end:
        suffix = rng.choice(SUFFIXES)
        data = SEEDS[suffix]
        for _ in range(rng.randint(1, 6)):
            data = mutate(data, rng, SEEDS[rng.choice(SUFFIXES)]) or data[:1]
        runs += 1
        try:
            one_input(suffix, data)
        except Exception as exc:
            crashes += 1
            _save(suffix, data, exc)
    print(f"{runs} inputs, {crashes} crashes")
    return 1 if crashes else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, help="random mutations for this long")
    parser.add_argument("--seed", type=int, default=0)
    args, rest = parser.parse_known_args()
    if args.minutes is None:
        try:
            import atheris  # noqa: F401
        except ImportError:
            args.minutes = 10.0
        else:
            run_atheris([sys.argv[0], *rest])
            return
    sys.exit(run_random(args.minutes, args.seed))


if __name__ == "__main__":
    main()
