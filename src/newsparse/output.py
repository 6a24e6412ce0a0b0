"""Where articles go: JSON Lines (streamed, resumable), one JSON document, or Parquet (articles and
failures as flat rows of one schema; dates stay ISO strings at their precision). Event tables are
:mod:`newsparse.events.export`.

JSON Lines output is resumable: every line carries the ``input_id`` of the document it came from (the
SHA-256 of the document's content, or its source when it could not be read), so a run into an existing
file skips the documents already there. Lines are flushed one by one; a run killed mid-line leaves a
partial last line, which the next run cuts off before appending. Nothing written is lost and nothing
is written twice.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Any, Protocol

from newsparse.convert import RECORD_TYPES, SCHEMA_VERSION, record, unstructure
from newsparse.inputs import input_id
from newsparse.models import Article, Failure

__all__ = [
    "FORMATS",
    "JsonSink",
    "JsonlSink",
    "ParquetSink",
    "Sink",
    "article_row",
    "article_table_schema",
    "atomic_write",
    "format_of",
    "input_id",
    "open_sink",
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
    """Receives results one by one; knows which inputs a previous run already finished."""

    done: frozenset[str]

    def write(self, result: Article | Failure, input_key: str) -> None: ...

    def close(self) -> None: ...


def _line(result: Article | Failure, input_key: str) -> dict[str, Any]:
    return {**record(result), "input_id": input_key}


class JsonlSink:
    """JSON Lines, appended and flushed line by line; resumes an existing file.

    ``done`` holds the inputs the file already has a line for, failures included, and ``failed`` the
    failures among them; with ``retry_failed`` the failure lines are dropped from the file first and
    those inputs are not done (the run parses them again)."""

    def __init__(self, target: Path | IO[str], *, resume: bool = True, retry_failed: bool = False) -> None:
        self.done: frozenset[str] = frozenset()
        self.failed: frozenset[str] = frozenset()
        self._owned = isinstance(target, Path)
        if isinstance(target, Path):
            if resume and target.exists():
                finished = _finished_inputs(target)
                failed = frozenset(key for key, is_failure in finished.items() if is_failure)
                if retry_failed and failed:
                    _drop_failure_lines(target)
                    finished = {key: False for key, is_failure in finished.items() if not is_failure}
                    failed = frozenset()
                self.done, self.failed = frozenset(finished), failed
            self._stream: IO[str] = target.open("a" if resume else "w", encoding="utf-8")
        else:
            self._stream = target

    def write(self, result: Article | Failure, input_key: str) -> None:
        self._stream.write(json.dumps(_line(result, input_key), ensure_ascii=False) + "\n")
        self._stream.flush()

    def close(self) -> None:
        if self._owned:
            self._stream.close()


def _finished_inputs(path: Path) -> dict[str, bool]:
    """The input ids recorded in an existing JSONL output, each with whether its line is a failure;
    cuts off a partial last line."""
    done: dict[str, bool] = {}
    good_end = 0
    with path.open("rb") as stream:
        for raw in stream:
            if not raw.endswith(b"\n"):
                break  # a line cut short by a killed run
            try:
                entry = json.loads(raw)
            except json.JSONDecodeError:
                break
            if isinstance(entry, dict) and isinstance(entry.get("input_id"), str):
                done[entry["input_id"]] = entry.get("type") == "failure"
            good_end += len(raw)
    if good_end != path.stat().st_size:
        with path.open("r+b") as stream:
            stream.truncate(good_end)
    return done


def _drop_failure_lines(path: Path) -> None:
    """Rewrite a JSONL output without its failure lines (to a temporary file, then renamed)."""
    temporary = path.with_name(path.name + ".tmp")
    with path.open("rb") as source, temporary.open("wb") as kept:
        for raw in source:
            try:
                entry = json.loads(raw)
            except json.JSONDecodeError:
                entry = None
            if not (isinstance(entry, dict) and entry.get("type") == "failure"):
                kept.write(raw)
    os.replace(temporary, path)


class JsonSink:
    """One JSON document ``{"schema_version", "articles", "failures"}``, written when the run ends
    (to a temporary file first, then renamed, so a killed run leaves no half document)."""

    def __init__(self, target: Path | IO[str]) -> None:
        self.done: frozenset[str] = frozenset()
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


def atomic_write(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class ParquetSink:
    """A Parquet table, one row per input (articles and failures share one schema), written in
    batches so memory stays flat. Needs the ``parquet`` extra (pyarrow)."""

    BATCH = 1000

    def __init__(self, target: Path) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise RuntimeError("Parquet output needs pyarrow: pip install 'newsparse[parquet]'") from exc
        import pyarrow.parquet as pq

        self.done: frozenset[str] = frozenset()
        self._schema = article_table_schema()
        self._final = target
        self._temporary = target.with_name(target.name + ".tmp")
        self._writer = pq.ParquetWriter(str(self._temporary), self._schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, result: Article | Failure, input_key: str) -> None:
        self._rows.append(article_row(result, input_key))
        if len(self._rows) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
        os.replace(self._temporary, self._final)


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
