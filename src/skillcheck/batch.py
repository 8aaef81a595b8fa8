"""Many documents: worker processes, input order kept, a cache, duplicates once,
and a clean stop on Ctrl-C that keeps what was finished."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

from skillcheck.cache import ReportCache, content_hash
from skillcheck.checker import CheckOptions, Input, check_input
from skillcheck.report import ErrorReport, Report

Progress = Callable[[str], None]
_Pending = tuple[Input | ErrorReport, str | None, Report | Future[Report]]


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def _init_worker(term_cache: bool = True) -> None:
    # The parent decides what happens on Ctrl-C; workers must not die mid-document
    # on their own and leave the pool broken. A hostile file may not take the
    # machine's memory: past the cap it fails alone, as `too-large`.
    from skillcheck import termcache
    from skillcheck.limits import apply_memory_cap

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    apply_memory_cap()
    termcache.set_enabled(term_cache)


def _work(item: Input, options: CheckOptions) -> Report:
    return check_input(item, options)


@dataclass
class Batch:
    """One run over many inputs. Iterate ``run()``; afterwards ``duplicates`` and
    ``interrupted`` tell what was skipped or cut short."""

    items: Sequence[Input | ErrorReport]
    options: CheckOptions
    jobs: int = 1
    cache: ReportCache | None = None
    term_cache: bool = True  # workers keep analysed lexicon words on disk (``termcache``)
    on_done: Progress | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, same as)
    interrupted: bool = False
    _current: ProcessPoolExecutor = field(init=False, repr=False)

    def run(self) -> Iterator[Report]:
        """Reports in input order; ends early, cleanly, once ``stop`` is set."""
        try:
            yield from self._run()
        except KeyboardInterrupt:
            self.interrupted = True

    def _planned(self) -> Iterator[tuple[Input | ErrorReport, str | None]]:
        seen: dict[str, str] = {}
        for item in self.items:
            if isinstance(item, ErrorReport):
                yield item, None
                continue
            try:
                digest = content_hash(item.path)
            except OSError:
                yield item, None  # the reader reports it properly
                continue
            if digest in seen:
                self.duplicates.append((item.display, seen[digest]))
                continue
            seen[digest] = item.display
            yield item, digest

    def _run(self) -> Iterator[Report]:
        if self.jobs <= 1:
            for item, digest in self._planned():
                if self._stopped():
                    return
                hit = self._cached(item, digest)
                if hit is not None:
                    yield self._finish(item, None, hit)  # None: nothing new to store
                else:
                    yield self._finish(item, digest, self._local(item))
            return
        window = self.jobs * 4
        self._current = self._pool()
        pending: deque[_Pending] = deque()
        try:
            for item, digest in self._planned():
                hit = self._cached(item, digest)
                if hit is not None:
                    pending.append((item, None, hit))
                elif isinstance(item, ErrorReport):
                    pending.append((item, None, item))
                else:
                    pending.append((item, digest, self._current.submit(_work, item, self.options)))
                while len(pending) > window or (pending and _ready(pending[0][2])):
                    if not self._wait(pending[0][2]):
                        return
                    yield self._pop(pending)
            while pending:
                if not self._wait(pending[0][2]):
                    return
                yield self._pop(pending)
        finally:
            pool = self._current
            if pending:  # stopped early (Ctrl-C): do not wait for documents nobody will see
                for proc in list((getattr(pool, "_processes", None) or {}).values()):
                    proc.terminate()
                pool.shutdown(wait=True, cancel_futures=True)
            else:
                pool.shutdown(wait=True)

    def _pool(self) -> ProcessPoolExecutor:
        # forkserver: workers start from a clean process, so they never inherit
        # (and flush again) half-written output or locks of the parent's threads.
        method = (
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        ctx = multiprocessing.get_context(method)
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(self.term_cache,),
        )

    def _pop(self, pending: deque[_Pending]) -> Report:
        item, digest, result = pending.popleft()
        if isinstance(result, Future):
            try:
                report = result.result()
            except BrokenProcessPool:
                # A worker died (a native library aborting out of memory, a kill):
                # this document is the error, the others are checked again.
                assert isinstance(item, Input)
                report = ErrorReport(
                    item.display, "too-large", "The check ran out of resources and was stopped."
                )
                self._restart(pending)
            except Exception as exc:  # noqa: BLE001 - one file's error, never the batch's
                assert isinstance(item, Input)
                report = ErrorReport(item.display, "unreadable", f"The check failed: {exc}")
        else:
            report = result
        return self._finish(item, digest, report)

    def _restart(self, pending: deque[_Pending]) -> None:
        old = self._current
        self._current = self._pool()
        old.shutdown(wait=False, cancel_futures=True)
        for n, (item, digest, result) in enumerate(pending):
            if isinstance(result, Future) and isinstance(item, Input):
                pending[n] = (item, digest, self._current.submit(_work, item, self.options))

    def _stopped(self) -> bool:
        if self.stop.is_set():
            self.interrupted = True
        return self.interrupted

    def _wait(self, result: Report | Future[Report]) -> bool:
        """Wait for the oldest document, looking up now and then for a stop request."""
        while isinstance(result, Future) and not result.done():
            if self._stopped():
                return False
            wait([result], timeout=0.1)
        return not self._stopped()

    def _cached(self, item: Input | ErrorReport, digest: str | None) -> Report | None:
        if self.cache is None or digest is None or isinstance(item, ErrorReport):
            return None
        return self.cache.get(digest, item.display)

    def _local(self, item: Input | ErrorReport) -> Report:
        return item if isinstance(item, ErrorReport) else _work(item, self.options)

    def _finish(self, item: Input | ErrorReport, digest: str | None, report: Report) -> Report:
        if self.cache is not None and digest is not None:
            self.cache.put(digest, report)
        if self.on_done is not None:
            self.on_done(report.file)
        return report


def _ready(result: Report | Future[Report]) -> bool:
    return not isinstance(result, Future) or result.done()


@contextmanager
def stop_on_interrupt(stop: threading.Event) -> Iterator[None]:
    """Turn the first Ctrl-C into a stop request (finish output cleanly); a second
    one interrupts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
