"""Typed errors. Every way a document can fail has a class, so callers can catch precisely."""

from __future__ import annotations

from newsparse.models import Failure, Stage

__all__ = [
    "CaseError",
    "CaseMismatch",
    "DecodeError",
    "DocumentMemoryError",
    "DocumentTimeoutError",
    "EmptyDocumentError",
    "ExportError",
    "GazetteerError",
    "LayoutError",
    "NewsparseError",
    "NoArticleError",
    "NotADocumentError",
    "OutputError",
    "ParseError",
    "PluginError",
    "ReadError",
    "ScaffoldError",
    "SchemaError",
    "StoreError",
    "TooLargeError",
    "WorkerDiedError",
    "failure_from",
]


class NewsparseError(Exception):
    """Base class of every error newsparse raises on purpose."""


class SchemaError(NewsparseError, ValueError):
    """JSON that does not follow the contract (wrong ``type``, unknown ``schema_version``, bad field)."""


class ParseError(NewsparseError):
    """A document could not become an article. ``stage`` says where it stopped."""

    stage: Stage = Stage.EXTRACT

    def __init__(self, message: str, *, source: str | None = None, plugin: str | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.plugin = plugin

    @property
    def message(self) -> str:
        """The message alone, without the source: what a :class:`Failure` records beside its source."""
        return str(self.args[0]) if self.args else ""


class ReadError(ParseError):
    """The input could not be read: a missing path, a truncated archive, an unreadable file.

    Its text names the path (its ``source``) first: ``missing.txt: cannot read: No such file or
    directory``."""

    stage = Stage.READ

    def __str__(self) -> str:
        message = self.message
        if self.source and not self.source.startswith("<") and self.source not in message:
            return f"{self.source}: {message}"
        return message


class EmptyDocumentError(ReadError):
    """The document has no content at all."""


class NotADocumentError(ReadError):
    """The bytes are not text or HTML (binary data)."""


class TooLargeError(ReadError):
    """The document is larger than the size cap (``--max-bytes``; see :mod:`newsparse.limits`)."""


class DecodeError(ReadError):
    """The bytes could not be decoded as text in any plausible encoding."""


class NoArticleError(ParseError):
    """The document was read, but no article text could be found in it."""


class PluginError(ParseError):
    """A plugin raised; the original exception is chained as ``__cause__``."""

    def __init__(self, message: str, *, plugin: str, stage: Stage, source: str | None = None) -> None:
        super().__init__(message, source=source, plugin=plugin)
        self.stage = stage


class DocumentTimeoutError(ParseError):
    """The document took longer than its time budget (``--timeout``); its worker was stopped."""


class DocumentMemoryError(ParseError):
    """The document needed more memory than its worker's budget (``--max-memory``); the worker was
    replaced."""


class WorkerDiedError(ParseError):
    """The worker process parsing the document died (killed by the OS, out of memory, a crash)."""


class ExportError(NewsparseError):
    """The tables cannot be written: an unknown format, or Parquet without pyarrow."""


class OutputError(NewsparseError):
    """An output cannot be written: its folder is missing, it is an existing file that is not this
    command's newsparse output (refused unless ``--force``), or the disk is full."""


class GazetteerError(NewsparseError):
    """Gazetteer data that does not follow the schema (a missing field, a bad date, an unknown id)."""


class StoreError(NewsparseError):
    """The store file cannot be used: not an SQLite database, or written by a newer newsparse."""


class CaseError(NewsparseError, ValueError):
    """A case folder that cannot be read: bad JSON, an unknown field, a missing page."""


class CaseMismatch(AssertionError):
    """The extracted article differs from the expected one; the message is the field-by-field diff."""


class LayoutError(NewsparseError, ValueError):
    """An ``HtmlLayout`` that cannot be used: a CSS selector that does not parse (the message names the
    layout, the field and the selector)."""


class ScaffoldError(NewsparseError, ValueError):
    """The plugin cannot be written: a bad name, or a folder that already exists."""


def failure_from(exc: BaseException, source: str, *, stage: Stage | None = None) -> Failure:
    """A Failure record for an exception, naming the plugin when the error knows it."""
    plugin = getattr(exc, "plugin", None)
    cause = exc.__cause__ if plugin and exc.__cause__ is not None else None
    error = cause or exc
    return Failure(
        source=source,
        stage=stage or getattr(exc, "stage", None) or Stage.EXTRACT,
        plugin=plugin,
        error_type=type(error).__name__,
        message=(exc.message if isinstance(exc, ParseError) else str(exc)) or repr(exc),
    )
