"""Read every file of a folder in one process capped at ``--memory-mb``; one JSON line
per file with its outcome, the seconds it took, and the process's peak RSS so far.

Used by the hostile suite to show that reading stays within 1 GiB; run it by
hand on any folder to measure (``python tests/hostile/runner.py DIR``).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from skillcheck.errors import ReadError
from skillcheck.limits import Limits, apply_memory_cap
from skillcheck.readers import read_document


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--memory-mb", type=int, default=1024)
    parser.add_argument("--timeout-s", type=float, default=10.0)
    args = parser.parse_args()
    limits = Limits(memory_mb=args.memory_mb, timeout_s=args.timeout_s)
    cap = apply_memory_cap(limits)
    for path in sorted(args.folder.iterdir()):
        start = time.perf_counter()
        try:
            read_document(path, limits=limits)
            code, message = "ok", ""
        except ReadError as exc:
            code, message = exc.code, exc.message
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        line = {
            "name": path.name,
            "code": code,
            "message": message,
            "seconds": round(time.perf_counter() - start, 3),
            "peak_rss_mb": round(peak_mb),
            "cap_mb": cap // 2**20 if cap else None,
        }
        print(json.dumps(line), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
