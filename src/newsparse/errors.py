"""Typed errors. Every way a document can fail has a class, so callers can catch precisely."""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "EmptyDocumentError",
    "NewsparseError",
    "NoArticleError",
    "NotADocumentError",
    "ParseError",
    "PluginError",
    "ReadError",
    "SchemaError",
    "TooLargeError",
]


class NewsparseError(Exception):
    """Base class of every error newsparse raises on purpose."""


class SchemaError(NewsparseError, ValueError):
    """JSON that does not follow the contract (wrong ``type``, unknown ``schema_version``, bad field)."""


class ParseError(NewsparseError):
    """A document could not become an article. ``stage`` says where it stopped."""

    stage = "extract"

    def __init__(self, message: str, *, source: str | None = None, plugin: str | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.plugin = plugin


class ReadError(ParseError):
    """The input could not be read: a missing path, a truncated archive, an unreadable file."""

    stage = "read"


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

    def __init__(self, message: str, *, plugin: str, stage: str, source: str | None = None) -> None:
        super().__init__(message, source=source, plugin=plugin)
        self.stage = stage
