"""newsparse: news pages (HTML or plain-text captures) into clean articles and canonical events.

>>> import newsparse
>>> article = newsparse.parse(text)            # doctest: +SKIP
>>> newsparse.to_json(article)                 # doctest: +SKIP

The functions here use a :class:`Pipeline` with every installed plugin; build your own
``Pipeline(PluginHost(...))`` to choose the plugins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version

from newsparse.articles.outlets import Outlet
from newsparse.convert import SCHEMA_VERSION, from_json, to_json
from newsparse.errors import (
    DecodeError,
    EmptyDocumentError,
    NewsparseError,
    NoArticleError,
    NotADocumentError,
    ParseError,
    PluginError,
    ReadError,
    SchemaError,
    TooLargeError,
)
from newsparse.events.export import write_tables
from newsparse.inputs import iter_documents
from newsparse.models import (
    Actor,
    Article,
    Event,
    Failure,
    Image,
    Mention,
    Page,
    PageKind,
    Place,
    Precision,
    When,
)
from newsparse.pipeline import Document, Pipeline
from newsparse.plugins.hookspecs import hookimpl
from newsparse.plugins.host import PluginHost

try:
    __version__ = version("newsparse")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "DecodeError",
    "Document",
    "EmptyDocumentError",
    "Event",
    "Failure",
    "Image",
    "Mention",
    "NewsparseError",
    "NoArticleError",
    "NotADocumentError",
    "Outlet",
    "Page",
    "PageKind",
    "ParseError",
    "Pipeline",
    "Place",
    "PluginError",
    "PluginHost",
    "Precision",
    "ReadError",
    "SchemaError",
    "TooLargeError",
    "When",
    "__version__",
    "default_pipeline",
    "extract_events",
    "from_json",
    "hookimpl",
    "iter_documents",
    "parse",
    "parse_many",
    "to_json",
    "write_tables",
]

_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The pipeline the module-level functions use: every installed plugin, loaded on first use."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def parse(
    document: Document,
    *,
    url: str | None = None,
    published: When | str | None = None,
    outlet: str | None = None,
) -> Article:
    """Parse one document into an :class:`Article`.

    ``document`` is the page's content as ``str`` or ``bytes`` (HTML or a plain-text capture; which one
    is detected), or a :class:`pathlib.Path` to read. ``url``, ``published`` (ISO 8601) and ``outlet``
    (an outlet id) are hints for pages that do not state them. Raises a :class:`ParseError` subclass
    when the document cannot become an article.
    """
    return default_pipeline().parse(document, url=url, published=published, outlet=outlet)


def parse_many(
    documents: Iterable[Document | Failure],
    *,
    workers: int = 1,
    timeout: float | None = None,
    max_memory: int | None = None,
    progress: Callable[[Article | Failure], object] | None = None,
) -> Iterator[Article | Failure]:
    """Parse many documents; yields an :class:`Article` or a :class:`Failure` for each, in order.

    Never raises for a bad document. ``documents`` may be what :func:`iter_documents` yields for
    folders, manifests and WARC files (a Failure there, such as a missing path, is passed through).
    ``workers > 1`` parses in that many processes; so does a ``timeout`` (seconds a document) or a
    ``max_memory`` (MB a worker may allocate; Linux only), past which a document is a Failure
    (``DocumentTimeoutError``, ``DocumentMemoryError``) and its worker is replaced. ``progress``,
    when given, is called with each result as it is yielded (a progress bar, a counter, a log line)."""
    return default_pipeline().parse_many(
        documents, workers=workers, timeout=timeout, max_memory=max_memory, progress=progress
    )


def extract_events(articles: Iterable[Article]) -> list[Event]:
    """The canonical :class:`Event` s reported by the articles, merged across articles and outlets.

    A mention plugin that raises on an article does not stop the merge: the failure is logged as a
    warning on the ``newsparse`` logger (plugin, source and message). To get those failures as
    :class:`Failure` records instead, call ``default_pipeline().events(articles)``, which returns
    ``(events, failures)``."""
    return default_pipeline().extract_events(articles)
