"""Worker processes for a batch: one document at a time each, within a time budget, and never orphaned.

:class:`WorkerPool` hands documents to worker processes over one pipe each (a worker holds the one it
parses and, when it is small, the next) and gives back their results in input order. What
:mod:`concurrent.futures` cannot do, it does:

* a document past its budget (``timeout`` seconds) has its worker killed; the document becomes the
  result ``lost(document, DocumentTimeoutError)``, and a new worker takes the dead one's place;
* a worker that dies (killed by the OS or the OOM killer, a crash in C code) costs only the document it
  was parsing (``lost(document, WorkerDiedError)``), and is replaced; the next one it held goes to
  another worker;
* a document that needs more memory than its budget (``max_memory`` MB a worker, beyond what the
  worker holds when it starts; enforced on Linux as the worker's ``RLIMIT_DATA``, which counts its
  heap and private mappings) gets a :class:`MemoryError`; the
  worker reports ``lost(document, DocumentMemoryError)``, exits (a MemoryError may leave a half-built
  cache behind) and is replaced. On macOS and Windows the budget is not enforced: macOS ignores or
  refuses these limits, Windows has none; there, only the time budget and the OS bound a document;
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
from multiprocessing.reduction import ForkingPickler
from types import TracebackType
from typing import Any, Generic, TypeVar

from newsparse.errors import DocumentMemoryError, DocumentTimeoutError, ParseError, WorkerDiedError
from newsparse.limits import DEFAULT_TIMEOUT

__all__ = [
    "DEFAULT_MAX_MEMORY",
    "DEFAULT_TIMEOUT",
    "DEPTH",
    "FORKED",
    "MEMORY_LIMITED",
    "PARENT_POLL",
    "WorkerPool",
    "note",
    "over_budget",
]

T = TypeVar("T")
R = TypeVar("R")

#: The default memory budget of one worker, in MB (``--max-memory``): a worker starts near 30 MB, and
#: a few of them stay well within a laptop's memory.
DEFAULT_MAX_MEMORY = 1024
#: Whether the memory budget is enforced here (Linux: ``RLIMIT_DATA`` counts ``malloc``'s mappings).
MEMORY_LIMITED = sys.platform.startswith("linux")
#: How often (seconds) a worker checks that its parent is alive.
PARENT_POLL = 0.25
#: How many items a worker holds at once: the one it works on and the next, so that it never waits
#: for this process between two items.
DEPTH = 2
#: The largest item (pickled) handed to a worker that is still busy: it must fit in the pipe's buffer,
#: or handing it over would block this process until the worker is done (no timeout could fire).
PREFETCH_BYTES = 8192


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


#: In a worker whose memory budget is enforced: the limit it lifts to report going past it.
_LIMIT: tuple[int, int, int] | None = None


def over_budget(error: BaseException) -> bool:
    """True for a MemoryError in a worker with a memory budget: code that turns exceptions into a
    document's failure re-raises it instead, so that the worker reports the budget exceeded and is
    replaced. Elsewhere a MemoryError is a failure like any other error."""
    return _LIMIT is not None and isinstance(error, MemoryError)


def _data_size() -> int:
    """This process's data size (``VmData``: what ``RLIMIT_DATA`` counts), in bytes; 0 if unknown."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", "rb") as status:
        for line in status:
            if line.startswith(b"VmData:"):
                return int(line.split()[1]) * 1024
    return 0


def _limit_memory(megabytes: int) -> None:
    """Let this process allocate ``megabytes`` more than it holds now (a forked worker starts with
    its parent's memory, which is not the documents'): a soft data size limit, below the hard one,
    so that it can be lifted."""
    global _LIMIT
    import resource  # not on Windows

    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = _data_size() + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    _LIMIT = (resource.RLIMIT_DATA, soft, hard)


def _lift_memory_limit() -> None:
    if _LIMIT is not None:
        import resource  # not on Windows

        kind, soft, hard = _LIMIT
        resource.setrlimit(kind, (soft, hard))


def _serve(connection: Connection, parent: int, work: Callable[[Any], Any], max_memory: int | None) -> None:
    """A worker's life: receive an item, send back ``("done", work(item))``; None ends it. Past its
    memory budget it sends ``("memory", None)`` and exits."""
    global _NOTES
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(parent)
    _NOTES = connection
    if max_memory and MEMORY_LIMITED:
        _limit_memory(max_memory)
    while True:
        try:
            item = connection.recv()
            if item is None:
                return
            connection.send(("done", work(item)))
        except (EOFError, OSError):
            return
        except MemoryError:
            if _LIMIT is None:
                raise
            _lift_memory_limit()  # room to report it; the process ends at once
            connection.send(("memory", None))
            return


@dataclasses.dataclass
class _Queued:
    """An item waiting for a worker, and its pickled form once made."""

    index: int
    item: Any
    data: bytes | None = None


@dataclasses.dataclass
class _Job:
    """An item a worker is on: its place in the input, its deadline, and what the worker noted."""

    index: int
    item: Any
    deadline: float
    note: Any = None


class _Worker:
    def __init__(self, context: Any, work: Callable[[Any], Any], max_memory: int | None) -> None:
        ours, theirs = context.Pipe(duplex=True)
        self.connection: Connection = ours
        self.process = context.Process(
            target=_serve, args=(theirs, os.getpid(), work, max_memory), name="newsparse-worker", daemon=True
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
    """``workers`` processes running ``work`` on items, each item within ``timeout`` seconds and each
    worker within ``max_memory`` MB (None or 0: no limit). ``lost(item, error, noted)`` is the result
    of an item whose worker was killed, died or went past its memory budget (``noted``: the last
    value its work passed to :func:`note`, or None)."""

    def __init__(
        self,
        work: Callable[[T], R],
        *,
        workers: int,
        lost: Callable[[T, ParseError, Any], R],
        timeout: float | None = DEFAULT_TIMEOUT,
        max_memory: int | None = DEFAULT_MAX_MEMORY,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        if timeout is not None and not timeout >= 0:
            raise ValueError(f"timeout must be 0 or more seconds (or None: no limit), not {timeout}")
        if max_memory is not None and not max_memory >= 0:
            raise ValueError(f"max_memory must be 0 or more MB (or None: no limit), not {max_memory}")
        self._work, self._lost, self._timeout, self._memory = work, lost, timeout, max_memory
        self._context = _context()
        self._workers = [_Worker(self._context, work, max_memory) for _ in range(workers)]

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
        fresh = _Worker(self._context, self._work, self._memory)
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    def _deadline(self) -> float:
        return time.monotonic() + self._timeout if self._timeout else float("inf")

    def map(self, items: Iterable[T], *, window: int | None = None) -> Iterator[R]:
        """The result of each item, in order; at most ``window`` items (default four per worker) are
        read ahead of the one the caller waits for, so memory does not grow with the input. Each
        worker holds up to :data:`DEPTH` items, so it starts the next one without waiting for this
        process; an item's time budget starts when its worker starts it."""
        window = window or 4 * len(self._workers)
        iterator = iter(items)
        queued: deque[_Queued] = deque()
        jobs: dict[_Worker, deque[_Job]] = {worker: deque() for worker in self._workers}
        results: dict[int, R] = {}
        taken = emitted = 0
        exhausted = False
        try:
            while True:
                while not exhausted and taken - emitted < window:
                    try:
                        queued.append(_Queued(taken, next(iterator)))
                    except StopIteration:
                        exhausted = True
                        break
                    taken += 1
                self._hand_out(queued, jobs, results)
                while emitted in results:
                    yield results.pop(emitted)
                    emitted += 1
                if not any(jobs.values()):
                    if exhausted and not queued:
                        return
                    continue
                self._collect(jobs, queued, results)
        except BaseException:
            self.close(kill=True)
            raise

    def _hand_out(
        self, queued: deque[_Queued], jobs: dict[_Worker, deque[_Job]], results: dict[int, R]
    ) -> None:
        """Give queued items to the workers with room, the least busy first; a busy worker gets only
        an item small enough to wait in its pipe. A worker found dead loses the item it had started
        (recorded in ``results``, as :meth:`_collect` does), and its others go back to the queue."""
        while queued:
            worker = min(jobs, key=lambda candidate: len(jobs[candidate]))
            held = jobs[worker]
            waiting = queued[0]
            if waiting.data is None:
                waiting.data = bytes(ForkingPickler.dumps(waiting.item))
            if len(held) >= DEPTH or (held and len(waiting.data) > PREFETCH_BYTES):
                return
            queued.popleft()
            try:
                worker.connection.send_bytes(waiting.data)
            except (OSError, ValueError):  # it died: its items go back to the queue, a new one starts
                queued.appendleft(waiting)
                if held:  # the first it held was started: the document that killed it is lost
                    worker.process.join(timeout=5)
                    started = held.popleft()
                    died = WorkerDiedError(_death(worker.process))
                    results[started.index] = self._lost(started.item, died, started.note)
                self._requeue(held, queued)
                jobs[self._replace(worker)] = jobs.pop(worker)
                continue
            held.append(_Job(waiting.index, waiting.item, self._deadline() if not held else float("inf")))

    @staticmethod
    def _requeue(held: deque[_Job], queued: deque[_Queued]) -> None:
        """Put a lost worker's items that it had not started back at the front of the queue."""
        queued.extendleft(_Queued(job.index, job.item) for job in reversed(held))
        held.clear()

    def _collect(
        self, jobs: dict[_Worker, deque[_Job]], queued: deque[_Queued], results: dict[int, R]
    ) -> None:
        """Wait for the first busy worker to finish an item, die or run out of time, and record it."""
        busy = [worker for worker, held in jobs.items() if held]
        earliest = min(jobs[worker][0].deadline for worker in busy)
        delay = max(0.0, earliest - time.monotonic()) if earliest != float("inf") else None
        handles: list[Any] = [worker.connection for worker in busy]
        handles += [worker.process.sentinel for worker in busy]
        ready = set(wait(handles, timeout=delay))
        for worker in busy:
            held = jobs[worker]
            state = "alive"
            if worker.connection in ready or worker.process.sentinel in ready:
                state = self._read(worker, held, results)
            if state == "retired":  # it reported its item past the memory budget and exits
                self._requeue(held, queued)
                jobs[self._replace(worker)] = jobs.pop(worker)
                continue
            if state == "died":
                worker.process.join(timeout=5)
                error: ParseError = WorkerDiedError(_death(worker.process))
            elif held and time.monotonic() >= held[0].deadline:
                error = DocumentTimeoutError(f"timeout after {self._timeout:g} s")
            else:
                continue
            if held:
                lost = held.popleft()
                results[lost.index] = self._lost(lost.item, error, lost.note)
            self._requeue(held, queued)
            jobs[self._replace(worker)] = jobs.pop(worker)

    def _read(self, worker: _Worker, held: deque[_Job], results: dict[int, Any]) -> str:
        """Read what a worker sent (notes and results of its items, in order): "alive", "died" (it
        exited, or was cut off mid-message) or "retired" (past its memory budget, it exits)."""
        try:
            while True:
                while held and worker.connection.poll():
                    kind, value = worker.connection.recv()
                    if kind == "note":
                        held[0].note = value
                        continue
                    job = held.popleft()
                    if kind == "memory":
                        error = DocumentMemoryError(f"memory budget of {self._memory} MB exceeded")
                        results[job.index] = self._lost(job.item, error, job.note)
                        return "retired"
                    results[job.index] = value
                    if held:  # the worker starts its next item now
                        held[0].deadline = self._deadline()
                if worker.process.is_alive():
                    return "alive"
                # It exited after the pipe was last looked at (a worker past its memory budget reports
                # and exits at once): what it sent before exiting is in the pipe now, read it first.
                if not (held and worker.connection.poll()):
                    return "died"
        except Exception:  # cut off mid-message: the worker died
            return "died"
