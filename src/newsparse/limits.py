"""Per-document limits and the safe ways of touching the file system that enforce them.

A batch meets whatever a real file system and a hostile crawl hold: names that are not UTF-8, FIFOs and
devices, gzip bombs, links back to a parent folder. The helpers here make each of those one counted
failure or skip instead of a hang, an exhausted memory or a traceback:

- :func:`display` renders a path losslessly and printably (bytes that are not UTF-8 as ``\\xNN``);
- :func:`open_regular` opens only regular files, and never blocks (a FIFO fails at once);
- :func:`read_capped` reads a file, gunzipping ``.gz`` in a stream, never past ``max_bytes``.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import zlib
from pathlib import Path
from typing import BinaryIO

import attrs

from newsparse.errors import ReadError, TooLargeError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "Limits",
    "clean_text",
    "display",
    "inside",
    "open_regular",
    "read_capped",
    "too_large",
]

#: The largest document read, in bytes of its (decompressed) content: 50 MB of text is far beyond any
#: news page, and small enough that a few workers stay well within a laptop's memory.
DEFAULT_MAX_BYTES = 50_000_000
#: Seconds one document may take in a worker process before it becomes a failure (``--timeout``).
DEFAULT_TIMEOUT = 30.0

_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = os.O_RDONLY | _O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen
class Limits:
    """What reading may do: the size cap, whether manifest paths may leave the manifest's folder, and
    the files (this run's outputs) that walking the inputs must not read back."""

    max_bytes: int = DEFAULT_MAX_BYTES
    allow_outside: bool = False
    exclude: frozenset[str] = frozenset()

    def excluding(self, *paths: Path | None) -> Limits:
        """These limits, also skipping ``paths`` (and their temporary and SQLite side files)."""
        names = set(self.exclude)
        for path in paths:
            if path is None:
                continue
            real = os.path.realpath(path)
            names.update(real + suffix for suffix in ("", ".tmp", "-wal", "-shm", "-journal"))
        return attrs.evolve(self, exclude=frozenset(names))

    def excludes(self, path: str | Path) -> bool:
        return bool(self.exclude) and os.path.realpath(path) in self.exclude


def display(path: str | os.PathLike[str]) -> str:
    """A path as text that can always be printed and written as UTF-8: bytes of the name that are not
    UTF-8 (kept by Python as surrogate escapes) appear as ``\\xNN``, as Python's own ``repr`` shows them."""
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def clean_text(text: str) -> str:
    """Text with lone surrogates (from a JSON ``\\udcff`` escape) replaced by U+FFFD, as a browser shows
    them, so that it can be written as UTF-8."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading; anything else (a FIFO, a device, a directory) is a
    :class:`ReadError` at once. The file is opened without blocking, so a FIFO without a writer cannot
    hang the run, and checked after opening, so nothing can be swapped in between."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ReadError(f"cannot read: {reason}", source=display(path)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError(f"not a regular file ({_kind_of(mode)}): not read", source=display(path))
        if _O_NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def too_large(max_bytes: int, what: str = "the document") -> TooLargeError:
    return TooLargeError(f"{what} is larger than the size cap of {max_bytes:,} bytes (see --max-bytes)")


def read_capped(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The content of a regular file (gunzipped in a stream when its name ends in ``.gz``), or a
    :class:`ReadError`: not a regular file, unreadable, bad gzip, or larger than ``max_bytes``."""
    with open_regular(path) as raw:
        try:
            if path.name.endswith(".gz"):
                # GzipFile inflates in bounded chunks: a bomb stops at the cap, not at the end of memory.
                with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                    data = _read_chunks(stream, max_bytes + 1)
            else:
                size = os.fstat(raw.fileno()).st_size
                if size > max_bytes:
                    raise too_large(max_bytes)
                data = _read_chunks(raw, max_bytes + 1, first=size + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise ReadError(f"bad or truncated gzip: {exc}", source=display(path)) from exc
        except OSError as exc:
            raise ReadError(f"cannot read: {exc.strerror or exc}", source=display(path)) from exc
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data


#: The most one read asks for: ``read(n)`` reserves ``n`` bytes at once, so reading up to the cap in
#: one call would reserve the whole cap (50 MB by default) for every document, however small.
_CHUNK = 1 << 20


def _read_chunks(stream: BinaryIO | gzip.GzipFile, limit: int, *, first: int = _CHUNK) -> bytes:
    """Up to ``limit`` bytes of ``stream``, read ``first`` bytes (the file's size, when known), then at
    most a megabyte at a time."""
    chunks: list[bytes] = []
    total, want = 0, min(first, limit)
    while total < limit:
        chunk = stream.read(min(want, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _CHUNK
    return b"".join(chunks)


def inside(path: Path, folder: Path) -> bool:
    """True when ``path`` (links resolved) lies in ``folder`` (links resolved)."""
    real, base = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, base]) == base
    except ValueError:  # different drives
        return False
