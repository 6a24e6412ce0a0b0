"""Worker processes for a batch: one document at a time each, within a time budget, and never orphaned.

:class:`WorkerPool` hands documents to worker processes over one pipe each and gives back their
results in input order. What :mod:`concurrent.futures` cannot do, it does:

* a document past its budget (``timeout`` seconds) has its worker killed; the document becomes the
  result ``lost(document, DocumentTimeoutError)``, and a new worker takes the dead one's place;
* a worker that dies (killed by the OS or the OOM killer, a crash in C code) costs only the document it
  was parsing (``lost(document, WorkerDiedError)``), and is replaced;
* a worker whose parent dies (``kill -9``, the OOM killer) exits within a second: it watches its parent
  process id, which changes when the parent is gone;
* Ctrl-C is the parent's to handle: workers ignore SIGINT and are killed when the pool closes.

On Linux workers are forked, so a pipeline and its plugins are inherited, not pickled; elsewhere they
are spawned and ``work`` must be picklable.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from types import TracebackType
from typing import Any, Generic, TypeVar

from newsparse.errors import DocumentTimeoutError, ParseError, WorkerDiedError

__all__ = ["DEFAULT_TIMEOUT", "FORKED", "PARENT_POLL", "WorkerPool", "note"]

T = TypeVar("T")
R = TypeVar("R")

#: The default time budget of one document, in seconds (``--timeout``).
DEFAULT_TIMEOUT = 30.0
#: How often (seconds) a worker checks that its parent is alive.
PARENT_POLL = 0.25


#: Whether workers are forked (Linux: they inherit ``work`` and everything it refers to) or spawned.
FORKED = sys.platform.startswith("linux")


def _context() -> Any:
    return multiprocessing.get_context("fork" if FORKED else "spawn")


def _watch_parent(parent: int) -> None:
    """Exit this process as soon as its parent is gone (it is then re-parented)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="newsparse-parent-watch", daemon=True).start()


#: In a worker, the pipe to the pool (for :func:`note`); None in any other process.
_NOTES: Connection | None = None


def note(value: Any) -> None:
    """Called by ``work`` in a worker: tell the pool something about the item in progress (for
    newsparse, its input id once the document is read), which ``lost`` receives if the item is lost.
    Outside a worker it does nothing."""
    if _NOTES is not None:
        _NOTES.send(("note", value))


def _serve(connection: Connection, parent: int, work: Callable[[Any], Any]) -> None:
    """A worker's life: receive an item, send back ``("done", work(item))``; None ends it."""
    global _NOTES
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(parent)
    _NOTES = connection
    while True:
        try:
            item = connection.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        connection.send(("done", work(item)))


@dataclasses.dataclass
class _Job:
    """An item a worker is on: its place in the input, its deadline, and what the worker noted."""

    index: int
    item: Any
    deadline: float
    note: Any = None


class _Worker:
    def __init__(self, context: Any, work: Callable[[Any], Any]) -> None:
        ours, theirs = context.Pipe(duplex=True)
        self.connection: Connection = ours
        self.process = context.Process(
            target=_serve, args=(theirs, os.getpid(), work), name="newsparse-worker", daemon=True
        )
        self.process.start()
        theirs.close()

    def stop(self) -> None:
        """Kill the process (if alive) and release its pipe."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()

    def end(self) -> None:
        """Ask the process to finish, and kill it if it does not."""
        with contextlib.suppress(OSError, ValueError):
            self.connection.send(None)
        self.process.join(timeout=2)
        self.stop()


def _death(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        return f"worker killed (signal {-code})"
    return f"worker exited with status {code}"


class WorkerPool(Generic[T, R]):
    """``workers`` processes running ``work`` on items, each item within ``timeout`` seconds (None or
    0: no limit). ``lost(item, error, noted)`` is the result of an item whose worker was killed or
    died (``noted``: the last value its work passed to :func:`note`, or None)."""

    def __init__(
        self,
        work: Callable[[T], R],
        *,
        workers: int,
        lost: Callable[[T, ParseError, Any], R],
        timeout: float | None = DEFAULT_TIMEOUT,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        if timeout is not None and not timeout >= 0:
            raise ValueError(f"timeout must be 0 or more seconds (or None: no limit), not {timeout}")
        self._work, self._lost, self._timeout = work, lost, timeout
        self._context = _context()
        self._workers = [_Worker(self._context, work) for _ in range(workers)]

    def __enter__(self) -> WorkerPool[T, R]:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close(kill=kind is not None)

    def close(self, *, kill: bool = False) -> None:
        """End every worker (at once with ``kill``)."""
        for worker in self._workers:
            worker.stop() if kill else worker.end()
        self._workers = []

    @property
    def pids(self) -> list[int]:
        """The process ids of the current workers."""
        return [worker.process.pid for worker in self._workers]

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        fresh = _Worker(self._context, self._work)
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    def map(self, items: Iterable[T], *, window: int | None = None) -> Iterator[R]:
        """The result of each item, in order; at most ``window`` items (default four per worker) are
        read ahead of the one the caller waits for, so memory does not grow with the input."""
        window = window or 4 * len(self._workers)
        iterator = iter(items)
        queued: deque[tuple[int, T]] = deque()
        busy: dict[_Worker, _Job] = {}
        idle = list(self._workers)
        results: dict[int, R] = {}
        taken = emitted = 0
        exhausted = False
        try:
            while True:
                while not exhausted and taken - emitted < window:
                    try:
                        queued.append((taken, next(iterator)))
                    except StopIteration:
                        exhausted = True
                        break
                    taken += 1
                while queued and idle:
                    worker = idle.pop()
                    index, item = queued.popleft()
                    try:
                        worker.connection.send(item)
                    except (OSError, ValueError):  # it died while idle: a new one takes the item
                        queued.appendleft((index, item))
                        idle.append(self._replace(worker))
                        continue
                    deadline = time.monotonic() + self._timeout if self._timeout else float("inf")
                    busy[worker] = _Job(index, item, deadline)
                while emitted in results:
                    yield results.pop(emitted)
                    emitted += 1
                if not busy:
                    if exhausted and not queued:
                        return
                    continue
                self._collect(busy, idle, results)
        except BaseException:
            self.close(kill=True)
            raise

    def _collect(self, busy: dict[_Worker, _Job], idle: list[_Worker], results: dict[int, R]) -> None:
        """Wait for the first busy worker to finish, die or run out of time, and record what happened."""
        earliest = min(job.deadline for job in busy.values())
        delay = max(0.0, earliest - time.monotonic()) if earliest != float("inf") else None
        handles: list[Any] = [worker.connection for worker in busy]
        handles += [worker.process.sentinel for worker in busy]
        ready = set(wait(handles, timeout=delay))
        for worker in list(busy):
            job = busy[worker]
            state = "working"
            if worker.connection in ready or worker.process.sentinel in ready:
                state = self._read(worker, job, results)
            if state == "done":
                del busy[worker]
                idle.append(worker)
            elif state == "dead":
                worker.process.join(timeout=5)
                results[job.index] = self._lost(job.item, WorkerDiedError(_death(worker.process)), job.note)
                del busy[worker]
                idle.append(self._replace(worker))
            elif time.monotonic() >= job.deadline:
                assert self._timeout is not None
                error = DocumentTimeoutError(f"timeout after {self._timeout:g} s")
                results[job.index] = self._lost(job.item, error, job.note)
                del busy[worker]
                idle.append(self._replace(worker))

    @staticmethod
    def _read(worker: _Worker, job: _Job, results: dict[int, Any]) -> str:
        """Read what a worker sent: "done" (its result is recorded), "working" (only notes so far) or
        "dead" (it exited, or was cut off mid-message)."""
        try:
            while worker.connection.poll():
                kind, value = worker.connection.recv()
                if kind == "note":
                    job.note = value
                    continue
                results[job.index] = value
                return "done"
        except Exception:  # cut off mid-message: the worker died
            return "dead"
        return "working" if worker.process.is_alive() else "dead"
