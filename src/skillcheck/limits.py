"""What reading and checking one document may cost, and the guards that hold it to that.

CVs come from strangers and CI checks whatever is committed, so a file may be
broken or built to hurt: a zip or PDF stream that inflates to gigabytes, XML
entity tricks, a parser loop that never ends. A real CV is a few pages and at
most a few MB; every limit below leaves a wide margin over that, and whatever
passes a limit ends in a ``ReadError`` with a stable code, never a hang, a
crash or a traceback.
"""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass
from types import FrameType, TracebackType

from skillcheck.errors import ReadError

MIB = 2**20


@dataclass(frozen=True)
class Limits:
    """Limits for one document; the defaults suit CVs with a wide margin.

    - ``max_bytes``: file size. CVs are KBs to a few MB (a PDF with photos);
      20 MiB holds any real one, and bounds what is loaded into memory.
    - ``max_pages``: PDF pages analysed; later pages are left out with a
      ``pages-truncated`` warning. A CV has 1-5 pages.
    - ``max_unzipped_bytes``: total size a document's compressed parts may
      inflate to: DOCX/ODT zip members, and PDF streams as pdfminer decodes
      them. Real CVs need a few MB; 100 MiB stops decompression bombs.
    - ``max_zip_ratio``: compression ratio allowed for a zip member over 1 MiB.
      Office XML compresses 5-20 times; bombs compress a thousand times.
    - ``max_zip_members``: parts in a DOCX/ODT. Word writes 10-30.
    - ``timeout_s``: wall time to read and check one document. A check takes
      well under a second once the language models are loaded (loading them,
      on the first document, takes 2-10 s).
    - ``memory_mb``: address-space cap of a worker process (``apply_memory_cap``).
      Checking needs about 1 GB of address space with the English, Polish and
      Malay pipelines loaded (measured: 960 MB fails, 1024 MB works), so the
      default leaves twice that.
    """

    max_bytes: int = 20 * MIB
    max_pages: int = 50
    max_unzipped_bytes: int = 100 * MIB
    max_zip_ratio: float = 100.0
    max_zip_members: int = 1000
    timeout_s: float = 30.0
    memory_mb: int = 2048

    def __post_init__(self) -> None:
        for name in (
            "max_bytes",
            "max_pages",
            "max_unzipped_bytes",
            "max_zip_ratio",
            "max_zip_members",
            "memory_mb",
        ):
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive")
        if self.timeout_s < 0:
            raise ValueError("Limits.timeout_s must be 0 (no time limit) or positive")


DEFAULT_LIMITS = Limits()


def megabytes(size: float) -> str:
    """A size for messages: ``20 MB``, ``1.5 MB``."""
    return f"{size / MIB:.1f}".removesuffix(".0") + " MB"


def resource_error(exc: MemoryError | RecursionError, limits: Limits) -> ReadError:
    """The one-line ``too-large`` error for a document that exhausted memory or the stack."""
    if isinstance(exc, RecursionError):
        return ReadError("too-large", "The document is nested too deeply to read.")
    return ReadError(
        "too-large",
        f"The document needs more memory than allowed (limit {limits.memory_mb} MB).",
    )


class _Timeout(BaseException):
    """Raised by the alarm handler. A BaseException, so that the ``except Exception``
    blocks of parsing libraries cannot swallow it."""


class guarded:
    """``with guarded(limits):`` read (and check) one document within the limits.

    The time limit is a SIGALRM timer (``setitimer(ITIMER_REAL)``), armed only
    in the main thread where signals are delivered; the previous handler and
    timer are restored on exit, so guards nest (the inner one never outlasts
    the outer one). Running out of time becomes ``ReadError('timeout')``;
    ``MemoryError`` and ``RecursionError`` become ``ReadError('too-large')``.
    After firing, the timer repeats every 0.1 s until the guard exits, in case
    a library's bare ``except:`` swallowed the first alarm.
    """

    _REPEAT_S = 0.1

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or DEFAULT_LIMITS
        self._armed = False
        self._previous_handler: signal._HANDLER = None
        self._previous_timer = (0.0, 0.0)
        self._started = 0.0

    def __enter__(self) -> guarded:
        timeout = self.limits.timeout_s
        if timeout > 0 and _can_alarm():
            self._arm(timeout)
        return self

    def _arm(self, timeout: float) -> None:
        self._previous_timer = signal.getitimer(signal.ITIMER_REAL)
        outer = self._previous_timer[0]
        delay = min(timeout, outer) if outer > 0 else timeout
        self._started = time.monotonic()
        self._previous_handler = signal.signal(signal.SIGALRM, self._on_alarm)
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, delay, self._REPEAT_S)

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        # Between the end of the with-body and the disarming in __exit__ the
        # alarm must not raise: it would escape the guard unconverted.
        if self._armed and (frame is None or frame.f_code is not _EXIT_CODE):
            raise _Timeout

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._armed:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            previous = self._previous_handler
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
            outer, interval = self._previous_timer
            if outer > 0:  # an enclosing guard's timer goes on with what it has left
                left = outer - (time.monotonic() - self._started)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), interval)
        if isinstance(exc, _Timeout):
            raise ReadError(
                "timeout",
                f"Reading and checking the document took over {self.limits.timeout_s:g} s "
                "(the time limit).",
            ) from None
        if isinstance(exc, MemoryError | RecursionError):
            raise resource_error(exc, self.limits) from None


_EXIT_CODE = guarded.__exit__.__code__


def _can_alarm() -> bool:
    """Signals reach the main thread only; and a SIGALRM handler installed outside
    Python (libFuzzer's, say) could not be put back, so it is left alone."""
    return (
        hasattr(signal, "setitimer")
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) is not None
    )


def apply_memory_cap(limits: Limits | None = None) -> int | None:
    """Cap this process's address space (``RLIMIT_AS``) at ``limits.memory_mb``.

    Call it at the start of a worker process: past the cap, allocations fail
    with ``MemoryError`` (turned into ``too-large`` by ``guarded``) instead of
    the machine swapping or the OOM killer picking a victim. Only the soft
    limit is set, never above the hard limit or an already lower soft limit.
    Returns the soft limit in bytes, or None where ``resource`` is missing
    (Windows) or refuses.
    """
    try:
        import resource
    except ImportError:
        return None
    cap = (limits or DEFAULT_LIMITS).memory_mb * MIB
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        for bound in (soft, hard):
            if bound != resource.RLIM_INFINITY:
                cap = min(cap, bound)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        return None
    return cap
