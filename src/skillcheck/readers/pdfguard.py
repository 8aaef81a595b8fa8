"""Guards around pdfminer against hostile PDFs: decompression bombs and reference loops.

pdfminer decodes a stream only when it is used, in one call: a 1 MB PDF can
hold a content stream of zeros that ``zlib.decompress`` turns into 1 GB; its
salvage loop for damaged streams is quadratic; its LZW and RunLength decoders
expand up to 64 times, RunLength into a list of ints (8 bytes per byte).
``install()`` points the names ``pdfminer.pdftypes`` looks up at bounded
versions that charge every decoded byte to the budget of the document being
read (``budget()``), and behave exactly as before when no budget is open.

pdfminer also resolves an indirect reference (``4 0 R``) in a loop that never
ends when an object refers to itself, directly or through others;
``install()`` makes such a loop resolve to nothing, as a missing object does.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from skillcheck.errors import ReadError
from skillcheck.limits import megabytes

_CHUNK = 4096  # input bytes fed at a time when salvaging a damaged stream


class Budget:
    """Bytes a document's streams may still inflate to."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    @property
    def exceeded(self) -> bool:
        return self.left < 0

    def error(self) -> ReadError:
        return ReadError(
            "too-large",
            f"The PDF's compressed content inflates to over {megabytes(self.limit)} "
            "(the limit): a decompression bomb?",
        )

    def charge(self, size: int) -> None:
        """Count ``size`` decoded bytes; raise once over (and on every call after, in
        case a library's ``except Exception`` swallowed the first error)."""
        self.left -= size
        if self.exceeded:
            raise self.error()


_current: ContextVar[Budget | None] = ContextVar("skillcheck_inflate_budget", default=None)


@contextmanager
def budget(limit: int) -> Iterator[Budget]:
    """Open a budget of ``limit`` bytes for the streams decoded inside the block."""
    opened = Budget(limit)
    token = _current.set(opened)
    try:
        yield opened
    finally:
        _current.reset(token)


def _open_budget() -> Budget | None:
    current = _current.get()
    if current is not None and current.exceeded:
        raise current.error()
    return current


def _decompress(data: bytes) -> bytes:
    """``zlib.decompress`` that stops one byte past the budget."""
    current = _open_budget()
    if current is None:
        return zlib.decompress(data)
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, current.left + 1)
    current.charge(len(out))
    if not inflater.eof:  # as zlib.decompress: a cut stream is an error (then salvaged)
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


def _salvage(data: bytes) -> bytes:
    """pdfminer's ``decompress_corrupted`` (keep what inflates before a bad checksum),
    in linear time and within the budget."""
    current = _open_budget()
    inflater = zlib.decompressobj()
    out = bytearray()
    for start in range(0, len(data), _CHUNK):
        chunk = data[start : start + _CHUNK]
        before, size = inflater.copy(), len(out)
        try:
            out += inflater.decompress(chunk)
            stop = False
        except zlib.error:
            inflater = before
            stop = _bytewise(inflater, chunk, len(data) - 3 - start, out)
        if current is not None:
            current.charge(len(out) - size)
        if stop:
            break
    return bytes(out)


def _bytewise(inflater: Any, chunk: bytes, trailer_at: int, out: bytearray) -> bool:
    """Feed ``chunk`` a byte at a time up to the failing byte; True when it failed in
    the trailing checksum (stop there), an error before ``trailer_at`` is raised."""
    for offset in range(len(chunk)):
        try:
            out += inflater.decompress(chunk[offset : offset + 1])
        except zlib.error:
            if offset < trailer_at:
                raise
            return True
    return False


def _lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    current = _open_budget()
    out = bytearray()
    for piece in LZWDecoder(io.BytesIO(data)).run():
        out += piece
        if current is not None:
            current.charge(len(piece))
    return bytes(out)


def _rldecode(data: bytes) -> bytes:
    """RunLength (PDF 32000-1, 7.4.5) into a bytearray, within the budget."""
    current = _open_budget()
    out = bytearray()
    i = 0
    while i < len(data):
        length = data[i]
        if length == 128:
            break
        if length < 128:
            piece = data[i + 1 : i + length + 2]
            i += length + 2
        else:
            piece = data[i + 1 : i + 2] * (257 - length)
            i += 2
        out += piece
        if current is not None:
            current.charge(len(piece))
    return bytes(out)


def _charged(decode: Callable[..., bytes]) -> Callable[..., bytes]:
    """Charge a decoder's output afterwards: the ASCII filters shrink data, and CCITT
    (fax images) is no place for text; the memory limit covers what is left."""

    def wrapper(*args: Any) -> bytes:
        current = _open_budget()
        out = decode(*args)
        if current is not None:
            current.charge(len(out))
        return out

    return wrapper


class _ZlibShim:
    """What ``pdfminer.pdftypes`` uses of the zlib module, bounded."""

    error = zlib.error
    decompress = staticmethod(_decompress)
    decompressobj = staticmethod(zlib.decompressobj)


_installed = False


def _ending_loops(resolve: Callable[..., Any]) -> Callable[..., Any]:
    """``PDFObjRef.resolve`` followed to the end of a chain of references, a loop ending
    in ``default`` (pdfminer's ``resolve1`` calls ``resolve`` until it gets no reference)."""

    def resolve_chain(ref: Any, default: object = None) -> Any:
        seen = {(id(ref.doc), ref.objid)}
        value = resolve(ref, default)
        while isinstance(value, type(ref)):
            key = (id(value.doc), value.objid)
            if key in seen:
                return default
            seen.add(key)
            value = resolve(value, default)
        return value

    return resolve_chain


def install() -> None:
    """Point pdfminer's stream decoders at the bounded ones and make reference loops end
    (once per process)."""
    global _installed
    if _installed:
        return
    from pdfminer import pdftypes
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.ccitt import ccittfaxdecode

    patched: dict[str, object] = {
        "zlib": _ZlibShim,
        "decompress_corrupted": _salvage,
        "lzwdecode": _lzwdecode,
        "rldecode": _rldecode,
        "ascii85decode": _charged(ascii85decode),
        "asciihexdecode": _charged(asciihexdecode),
        "ccittfaxdecode": _charged(ccittfaxdecode),
    }
    for name, value in patched.items():
        if hasattr(pdftypes, name):
            setattr(pdftypes, name, value)
    pdftypes.PDFObjRef.resolve = _ending_loops(  # type: ignore[method-assign]
        pdftypes.PDFObjRef.resolve
    )
    _installed = True
