"""Where articles go: JSON Lines (streamed, resumable), one JSON document, or Parquet (articles and
failures as flat rows of one schema; dates stay ISO strings at their precision). Event tables are
:mod:`newsparse.events.export`.

JSON Lines output is resumable: every line carries the ``input_id`` of the document it came from (the
SHA-256 of the document's content, or its source when it could not be read), so a run into an existing
file skips the documents already there. Lines are flushed one by one; a run killed mid-line leaves a
partial last line, which the next run cuts off before appending. Nothing written is lost and nothing
is written twice.

An existing output file is only resumed or replaced when it is recognisably a newsparse output of the
same command (:func:`check_output`); anything else is refused unless the caller forces it. Every other
output (one JSON document, Parquet, mentions, tables) is written to a temporary name beside its final
one and renamed only when complete (:func:`atomic_output`), so a killed run or a full disk leaves the
previous file as it was and no temporary file behind; a full disk is one :class:`OutputError`.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from newsparse.convert import RECORD_TYPES, SCHEMA_VERSION, record, unstructure
from newsparse.errors import OutputError
from newsparse.inputs import input_id
from newsparse.models import Article, Failure

__all__ = [
    "FORMATS",
    "OUTPUT_KINDS",
    "JsonSink",
    "JsonlSink",
    "ParquetSink",
    "Sink",
    "article_row",
    "article_table_schema",
    "atomic_output",
    "atomic_write",
    "check_output",
    "disk_error",
    "format_of",
    "input_id",
    "open_sink",
    "replacing",
]

FORMATS = ("jsonl", "json", "parquet")

_ARTICLE_COLUMNS = (
    "source", "url", "outlet", "language", "title", "subtitle", "agency", "published", "modified",
    "section", "plugin",
)  # fmt: skip
_FAILURE_COLUMNS = ("stage", "error_type", "message")


def article_row(result: Article | Failure, input_key: str) -> dict[str, Any]:
    """One row: the record's type, its fields (lists kept as lists) and the input id."""
    data = unstructure(result)
    row: dict[str, Any] = {"type": RECORD_TYPES[type(result)], "input_id": input_key}
    for column in (*_ARTICLE_COLUMNS, *_FAILURE_COLUMNS):
        row[column] = data.get(column)
    for column in ("authors", "tags", "paragraphs"):
        row[column] = data.get(column, [])
    row["images"] = data.get("images", [])
    return row


def article_table_schema() -> Any:
    """The pyarrow schema of :func:`article_row` rows."""
    import pyarrow as pa

    text = pa.string()
    fields = [pa.field("type", text), pa.field("input_id", text)]
    fields += [pa.field(column, text) for column in (*_ARTICLE_COLUMNS, *_FAILURE_COLUMNS)]
    fields += [pa.field(column, pa.list_(text)) for column in ("authors", "tags", "paragraphs")]
    image = pa.struct([pa.field("url", text), pa.field("caption", text), pa.field("credit", text)])
    fields.append(pa.field("images", pa.list_(image)))
    return pa.schema(fields)


class Sink(Protocol):
    """Receives results one by one; knows which inputs a previous run already finished, and which of
    those it finished as failures (``failed``, a subset of ``done``; only JSON Lines remembers them)."""

    done: frozenset[str]
    failed: frozenset[str]

    def write(self, result: Article | Failure, input_key: str) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


def _line(result: Article | Failure, input_key: str) -> dict[str, Any]:
    return {**record(result), "input_id": input_key}


#: What each command writes with ``-o``: the kinds :func:`check_output` recognises.
OUTPUT_KINDS = ("articles-jsonl", "articles-json", "articles-parquet", "mentions", "events")

#: The record types of each JSON Lines kind, and whether its lines carry an ``input_id``.
_JSONL_KINDS: dict[str, tuple[frozenset[str], bool]] = {
    "articles-jsonl": (frozenset({"article", "failure"}), True),
    "mentions": (frozenset({"mention", "failure"}), False),
}
#: How a JSON document of each kind begins: its first key, then its second.
_JSON_HEAD = {
    "articles-json": re.compile(rb'\s*\{\s*"schema_version"\s*:\s*\d+\s*,\s*"articles"\s*:'),
    "events": re.compile(rb'\s*\{\s*"schema_version"\s*:\s*\d+\s*,\s*"events"\s*:'),
}
#: How every line newsparse writes begins (a line cut short by a killed run begins so too).
_LINE_START = b'{"type": "'


def disk_error(exc: OSError, path: Path) -> OSError | OutputError:
    """A full disk (or quota) while writing ``path`` as one clean OutputError; other errors as they are."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"no space left on device: {path}")
    return exc


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def check_output(path: Path, kind: str, *, force: bool = False) -> bool:
    """Check before any work that ``path`` can take ``kind`` output (one of :data:`OUTPUT_KINDS`).

    Raises OutputError when its folder is missing, when it is a folder, or when it is an existing,
    non-empty regular file that is not a newsparse output of this kind (unless ``force``).
    Returns True when ``force`` was needed: the file is to be replaced, never resumed. Special files
    (``/dev/null``, a FIFO) are written as they are."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder, not a file")
    if not _is_regular(path) or path.stat().st_size == 0:
        return False
    try:
        reason = _not_output(path, kind)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be read to check it: {exc.strerror or exc}") from exc
    if reason is None:
        return False
    if force:
        return True
    command, _, fmt = kind.partition("-")
    what = f"newsparse {command} output" + (f" ({fmt})" if fmt else "")
    raise OutputError(
        f"{path} exists and is not {what}: {reason}; refusing to overwrite it (--force replaces it)"
    )


def _not_output(path: Path, kind: str) -> str | None:
    """Why ``path`` is not a newsparse output of ``kind``, or None when it is one."""
    if kind in _JSONL_KINDS:
        try:
            _scan_jsonl(path, kind)
        except OutputError as exc:
            return str(exc).removeprefix(f"{path}: ")
        return None
    if kind in _JSON_HEAD:
        with path.open("rb") as stream:
            head = stream.read(4096)
        return None if _JSON_HEAD[kind].match(head) else f"it does not begin as a {kind} document"
    if kind == "articles-parquet":
        try:
            import pyarrow.parquet as pq

            names = pq.read_schema(str(path)).names
        except Exception:  # not Parquet, or no pyarrow to tell
            return "it is not a Parquet file"
        return None if names == article_table_schema().names else "its columns are not the articles table's"
    raise ValueError(f"unknown output kind {kind!r} (expected one of {', '.join(OUTPUT_KINDS)})")


def _scan_jsonl(path: Path, kind: str) -> tuple[dict[str, bool], int]:
    """The input ids in an existing JSON Lines output of ``kind`` (each with whether its line is a
    failure) and the length of its whole lines.
    A partial last line (a killed run) is allowed; any other line that is not a record of this kind
    raises OutputError: the file is someone else's."""
    types, keyed = _JSONL_KINDS[kind]
    done: dict[str, bool] = {}
    good_end = 0
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            if not raw.endswith(b"\n"):  # a line cut short by a killed run
                if raw.startswith(_LINE_START) or _LINE_START.startswith(raw):
                    break
                raise OutputError(f"{path}: line {number} is not a newsparse record")
            try:
                entry = json.loads(raw)
            except ValueError:
                entry = None
            if not (
                isinstance(entry, dict)
                and entry.get("type") in types
                and (not keyed or isinstance(entry.get("input_id"), str))
            ):
                raise OutputError(f"{path}: line {number} is not a newsparse {kind} record")
            if keyed:
                done[entry["input_id"]] = entry["type"] == "failure"
            good_end += len(raw)
    return done, good_end


class JsonlSink:
    """JSON Lines, appended and flushed line by line; resumes an existing file. A write that fails
    (a full disk) cuts the file back to its last whole line and raises OutputError.

    ``done`` holds the inputs the file already has a line for, failures included, and ``failed`` the
    failures among them; with ``retry_failed`` the failure lines are dropped from the file first and
    those inputs are not done (the run parses them again)."""

    def __init__(self, target: Path | IO[str], *, resume: bool = True, retry_failed: bool = False) -> None:
        self.done: frozenset[str] = frozenset()
        self.failed: frozenset[str] = frozenset()
        self._owned = isinstance(target, Path)
        self._path: Path | None = target if isinstance(target, Path) else None
        self._good_end = 0
        if isinstance(target, Path):
            if resume and _is_regular(target):
                finished = _finished_inputs(target)
                failed = frozenset(key for key, is_failure in finished.items() if is_failure)
                if retry_failed and failed:
                    _drop_failure_lines(target)
                    finished = {key: False for key, is_failure in finished.items() if not is_failure}
                    failed = frozenset()
                self.done, self.failed = frozenset(finished), failed
                self._good_end = target.stat().st_size
            self._stream: IO[str] = target.open("a" if resume else "w", encoding="utf-8")
        else:
            self._stream = target

    def write(self, result: Article | Failure, input_key: str) -> None:
        text = json.dumps(_line(result, input_key), ensure_ascii=False) + "\n"
        try:
            self._stream.write(text)
            self._stream.flush()
        except OSError as exc:
            if self._path is None:
                raise
            self._cut_back()
            raise disk_error(exc, self._path) from exc
        self._good_end += len(text.encode("utf-8", "surrogatepass"))

    def _cut_back(self) -> None:
        """Close the stream (its buffer may not reach the disk) and cut the file to its whole lines."""
        assert self._path is not None
        with contextlib.suppress(OSError):
            self._stream.close()
        if _is_regular(self._path):
            with contextlib.suppress(OSError):
                os.truncate(self._path, self._good_end)

    def close(self) -> None:
        if self._owned and not self._stream.closed:
            try:
                self._stream.close()
            except OSError as exc:
                assert self._path is not None
                self._cut_back()
                raise disk_error(exc, self._path) from exc

    def abort(self) -> None:
        """Close after an error: every line written so far is whole and stays (the run resumes)."""
        if self._owned and not self._stream.closed:
            self._cut_back()


def _finished_inputs(path: Path) -> dict[str, bool]:
    """The input ids recorded in an existing articles JSONL output, each with whether its line is a
    failure; cuts off a partial last line. Raises OutputError for a file that is not such an output
    (see :func:`check_output`)."""
    done, good_end = _scan_jsonl(path, "articles-jsonl")
    if good_end != path.stat().st_size:
        with path.open("r+b") as stream:
            stream.truncate(good_end)
    return done


def _drop_failure_lines(path: Path) -> None:
    """Rewrite a JSONL output without its failure lines (to a temporary file, then renamed)."""
    with replacing(path) as (temporary,), path.open("rb") as source, temporary.open("wb") as kept:
        for raw in source:
            try:
                entry = json.loads(raw)
            except json.JSONDecodeError:
                entry = None
            if not (isinstance(entry, dict) and entry.get("type") == "failure"):
                kept.write(raw)


class JsonSink:
    """One JSON document ``{"schema_version", "articles", "failures"}``, written when the run ends
    (to a temporary file first, then renamed, so a killed run leaves no half document)."""

    def __init__(self, target: Path | IO[str]) -> None:
        self.done: frozenset[str] = frozenset()
        self.failed: frozenset[str] = frozenset()
        self._target = target
        self._articles: list[Article] = []
        self._failures: list[Failure] = []

    def write(self, result: Article | Failure, input_key: str) -> None:
        (self._failures if isinstance(result, Failure) else self._articles).append(result)  # type: ignore[arg-type]

    def close(self) -> None:
        document = {
            "schema_version": SCHEMA_VERSION,
            "articles": unstructure(self._articles),
            "failures": unstructure(self._failures),
        }
        text = json.dumps(document, ensure_ascii=False) + "\n"
        if isinstance(self._target, Path):
            atomic_write(self._target, text)
        else:
            self._target.write(text)

    def abort(self) -> None:
        """Nothing is written: the document appears whole or not at all."""


@contextlib.contextmanager
def atomic_output(path: Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream (UTF-8) onto a temporary file beside ``path``, renamed over ``path`` only when
    the block completes. On any error the temporary file is removed and ``path`` keeps what it held;
    a full disk is raised as OutputError ("no space left on device: PATH"). A special file
    (``/dev/null``, a FIFO) is written directly: it cannot be replaced."""
    if path.exists() and not _is_regular(path) and not path.is_dir():
        try:
            with path.open("w", encoding="utf-8", newline=newline) as stream:
                yield stream
        except OSError as exc:
            raise disk_error(exc, path) from exc
        return
    with replacing(path) as (temporary,), temporary.open("w", encoding="utf-8", newline=newline) as stream:
        yield stream


def temporary_for(path: Path) -> Path:
    """Where a file is written before it is renamed over ``path`` (``NAME.tmp`` beside it)."""
    return path.with_name(path.name + ".tmp")


@contextlib.contextmanager
def replacing(*paths: Path, report: Path | None = None) -> Iterator[list[Path]]:
    """Temporary paths (``NAME.tmp``) beside ``paths`` for the block to write, all renamed over their
    paths only when the block completes. On any error every temporary file is removed and the paths
    keep what they held; a full disk is raised as OutputError naming ``report`` (default: the first
    path)."""
    temporaries = [temporary_for(path) for path in paths]
    try:
        yield temporaries
        for temporary, path in zip(temporaries, paths, strict=True):
            os.replace(temporary, path)
    except BaseException as exc:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if isinstance(exc, OSError):
            raise disk_error(exc, report or paths[0]) from exc
        raise


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (see :func:`atomic_output`)."""
    with atomic_output(path) as stream:
        stream.write(text)


class ParquetSink:
    """A Parquet table, one row per input (articles and failures share one schema), written in
    batches so memory stays flat, to a temporary file renamed when complete. Needs the ``parquet``
    extra (pyarrow)."""

    BATCH = 1000

    def __init__(self, target: Path) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise RuntimeError("Parquet output needs pyarrow: pip install 'newsparse[parquet]'") from exc
        import pyarrow.parquet as pq

        self.done: frozenset[str] = frozenset()
        self.failed: frozenset[str] = frozenset()
        self._schema = article_table_schema()
        self._final = target
        self._temporary = temporary_for(target)
        self._writer = pq.ParquetWriter(str(self._temporary), self._schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, result: Article | Failure, input_key: str) -> None:
        self._rows.append(article_row(result, input_key))
        if len(self._rows) >= self.BATCH:
            self._guarded(self._flush)

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def _guarded(self, step: Any) -> None:
        try:
            step()
        except OSError as exc:
            self.abort()
            raise disk_error(exc, self._final) from exc

    def _finish(self) -> None:
        self._flush()
        self._writer.close()
        os.replace(self._temporary, self._final)

    def close(self) -> None:
        self._guarded(self._finish)

    def abort(self) -> None:
        """Drop the unfinished table: the output keeps what it held before."""
        with contextlib.suppress(Exception):
            self._writer.close()
        with contextlib.suppress(OSError):
            self._temporary.unlink()


#: The output formats by file suffix (``-o articles.parquet``).
SUFFIXES = {".jsonl": "jsonl", ".json": "json", ".parquet": "parquet"}


def format_of(path: Path | None, requested: str | None) -> str:
    """The output format: as requested, else by the file's suffix, else JSON Lines for a file without
    a suffix (or standard output). Any other suffix (``-o articles.csv``) is a ValueError: writing JSON
    Lines into a ``.csv`` file would be a silent surprise."""
    if requested:
        return requested
    if path is None or not path.suffix:
        return "jsonl"
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(SUFFIXES)
        raise ValueError(f"{path}: unknown output suffix {path.suffix!r} (known: {known}; or give --format)")
    return fmt


def open_sink(
    path: Path | None,
    fmt: str | None = None,
    *,
    resume: bool = True,
    stream: IO[str] | None = None,
    retry_failed: bool = False,
) -> Sink:
    """A sink for ``path`` in the given or implied format; without a path, for ``stream`` (stdout).
    ``retry_failed`` (JSON Lines only) drops the failures of an earlier run so they are parsed again."""
    fmt = format_of(path, fmt)
    target: Path | IO[str] = path if path is not None else (stream or sys.stdout)
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet output needs --output FILE")
        return ParquetSink(path)
    if fmt == "json":
        return JsonSink(target)
    return JsonlSink(target, resume=resume, retry_failed=retry_failed)
