"""Batch benchmark: prints figures, asserts nothing (targets live in the closing note).

    python bench/bench_batch.py [--docs 500] [--memory-docs 100 1000] [--out DIR]

Generates synthetic CVs (txt, docx, pdf; English, Polish, Malay) from the
bundled examples with varied numbers, names and bullet order, then measures:

1. per-document time of reading alone versus reading and checking, in one warm
   process (models loaded), and their ratio;
2. wall time of ``skillcheck check`` over the docs with --jobs 1 and --jobs 2
   (no cache), and the speed-up;
3. peak resident memory of each worker process for the two memory runs;
4. a cached re-run against the first run, and the speed-up.
Needs fpdf2 and python-docx (the test extras) and a DejaVu Sans font.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from docx import Document
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
FONT_DIRS = [HERE.parent / "tests" / "fixtures" / "fonts", Path("/usr/share/fonts/truetype/dejavu")]


def _font() -> Path:
    for folder in FONT_DIRS:
        if (folder / "DejaVuSans.ttf").is_file():
            return folder / "DejaVuSans.ttf"
    raise SystemExit("no DejaVuSans.ttf found")


def _variant(lines: list[str], rng: random.Random, n: int) -> list[str]:
    out = list(lines)
    out[0] = f"{out[0]} {n}"
    bullets = [i for i, line in enumerate(out) if line.startswith("- ")]
    texts = [out[i] for i in bullets]
    rng.shuffle(texts)
    for i, text in zip(bullets, texts, strict=True):
        out[i] = "".join(str(rng.randint(2, 98)) if c.isdigit() else c for c in text)
    return out


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8").splitlines() for p in sorted(EXAMPLES.glob("*.txt"))]
    font = _font()
    made = []
    for n in range(count):
        lines = _variant(sources[n % len(sources)], rng, n)
        kind = ("txt", "docx", "pdf")[n % 3]
        path = folder / f"cv-{n:05d}.{kind}"
        if kind == "txt":
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif kind == "docx":
            doc = Document()
            for line in lines:
                if line.isupper() and len(line.split()) <= 4:
                    doc.add_heading(line.title(), level=1)
                elif line.startswith("- "):
                    doc.add_paragraph(line[2:], style="List Bullet")
                elif line.strip():
                    doc.add_paragraph(line)
            doc.save(str(path))
        else:
            pdf = FPDF()
            pdf.add_font("DejaVu", "", str(font))
            pdf.set_font("DejaVu", size=10)
            pdf.add_page()
            for line in lines:
                pdf.multi_cell(
                    0, 5, line.replace("- ", "• ", 1) or " ", new_x="LMARGIN", new_y="NEXT"
                )
            pdf.output(str(path))
        made.append(path)
    return made


def warm_costs(files: list[Path]) -> tuple[float, float]:
    from skillcheck.checker import CheckOptions, check_document
    from skillcheck.readers import read_document

    options = CheckOptions()
    for path in files[:9]:
        check_document(read_document(path), options)  # load every language's models first
    read_s = check_s = 0.0
    for path in files:
        t0 = time.perf_counter()
        doc = read_document(path)
        t1 = time.perf_counter()
        check_document(doc, options)
        check_s += time.perf_counter() - t1
        read_s += t1 - t0
    return read_s / len(files), check_s / len(files)


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def run_cli(folder: Path, jobs: int, cache: Path | None) -> tuple[float, dict[int, int]]:
    """Wall time of one CLI run, and the peak RSS (KB) of every process under it."""
    env = {**os.environ}
    args = [
        sys.executable,
        "-m",
        "skillcheck",
        "check",
        str(folder),
        "--format",
        "json",
        "-j",
        str(jobs),
    ]
    if cache is None:
        args.append("--no-cache")
    else:
        env["SKILLCHECK_CACHE_DIR"] = str(cache)
    peaks: dict[int, int] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            for pid in _descendants(proc.pid) | {proc.pid}:
                peaks[pid] = max(peaks.get(pid, 0), _rss_kb(pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    done.set()
    watcher.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"skillcheck failed ({proc.returncode}): {err.decode()[-500:]}")
    return elapsed, peaks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--memory-docs", type=int, nargs=2, default=(100, 1000))
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    root = args.out or Path(tempfile.mkdtemp(prefix="skillcheck-bench-"))
    sizes = sorted({args.docs, *args.memory_docs})
    folders = {}
    for size in sizes:
        folder = root / f"docs-{size}"
        folder.mkdir(parents=True, exist_ok=True)
        if not any(folder.iterdir()):
            generate(folder, size)
        folders[size] = folder
    print(f"corpus: {root} ({', '.join(str(s) for s in sizes)} documents, txt/docx/pdf, en/pl/ms)")

    files = sorted(folders[args.docs].iterdir())[:300]
    read_s, check_s = warm_costs(files)
    print(
        f"1. per document, warm: reading {read_s * 1000:.1f} ms, checking {check_s * 1000:.1f} ms;"
        f" reading+checking = {(read_s + check_s) / read_s:.2f}x reading alone"
    )

    one, _ = run_cli(folders[args.docs], 1, None)
    two, _ = run_cli(folders[args.docs], 2, None)
    print(
        f"2. {args.docs} documents: --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s;"
        f" speed-up {one / two:.2f}x"
    )

    for size in args.memory_docs:
        _, peaks = run_cli(folders[size], 2, None)
        workers = sorted((kb for kb in peaks.values()), reverse=True)[:2]
        print(
            f"3. {size} documents, --jobs 2: peak RSS of the two largest processes "
            f"{', '.join(f'{kb / 1024:.0f} MB' for kb in workers)}"
        )

    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=root))  # empty: the first run fills it
    first, _ = run_cli(folders[args.docs], 2, cache)
    again, _ = run_cli(folders[args.docs], 2, cache)
    print(
        f"4. cached re-run of {args.docs} documents: {first:.1f} s then {again:.2f} s;"
        f" speed-up {first / again:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
