"""The road every document travels: Page -> outlet -> Article -> Mentions -> Events.

A step that fails turns the document into a :class:`Failure` that travels the same road, so the end
of the road accounts for every input.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from newsparse.articles.outlets import Outlet, match_outlet_why
from newsparse.dates import plausible
from newsparse.errors import NoArticleError, ParseError, PluginError
from newsparse.events.merge import merge_mentions
from newsparse.inputs import failure_from, input_id, page_from_document, read_document
from newsparse.limits import DEFAULT_MAX_BYTES
from newsparse.models import Article, Event, Failure, Mention, Page, Stage, When
from newsparse.plugins.host import Combined, PluginHost, WrongAnswer

__all__ = ["Document", "Pipeline", "Processed", "worker_pipeline"]

Document = str | bytes | Path | Page
_log = logging.getLogger("newsparse")


class Pipeline:
    """Parses documents with a given set of plugins (by default, every installed one)."""

    def __init__(self, plugins: PluginHost | None = None) -> None:
        self.plugins = plugins if plugins is not None else PluginHost()

    # -- one document ----------------------------------------------------------------------------
    def outlet_for(self, page: Page) -> Outlet:
        """The outlet a page matches (see :func:`newsparse.articles.outlets.match_outlet`)."""
        outlet, why = match_outlet_why(page, self.plugins.outlets())
        if self.plugins.trace:
            self.plugins.tracer(f"newsparse: {page.source}: outlet {outlet.id!r}: {why}\n")
        return outlet

    def article(self, page: Page) -> Article:
        """Extract and post-process one page. Raises a :class:`ParseError` subclass on failure, and
        nothing else: whatever a document causes (a codec lookup, a date out of range, a recursion
        limit) is a ParseError that chains the original exception."""
        try:
            article = self._article(page)
        except ParseError:
            raise
        except Exception as exc:
            raise ParseError(f"{type(exc).__name__}: {exc}", source=page.source) from exc
        return _plausible_dates(article)

    def _article(self, page: Page) -> Article:
        if isinstance(page.content, bytes):
            page = page_from_document(page)  # plugins always see decoded text
        outlet = self.outlet_for(page)
        extracted = self.plugins.first(
            "newsparse_extract_article", stage=Stage.EXTRACT, source=page.source, expect=Article,
            page=page, outlet=outlet,
        )  # fmt: skip
        _raise_first(extracted, page.source)
        if extracted.value is None or extracted.plugin is None:
            raise NoArticleError("no plugin extracted an article", source=page.source)
        article = attrs.evolve(extracted.value, plugin=extracted.plugin)
        if self.plugins.trace:
            how = f"with its layout {article.layout!r}" if article.layout else "without a layout"
            self.plugins.tracer(f"newsparse: {page.source}: read by plugin {article.plugin!r} {how}\n")
        refined = self.plugins.chain(
            "newsparse_postprocess_article", article, into="article", stage=Stage.POSTPROCESS,
            source=page.source, expect=Article, page=page,
        )  # fmt: skip
        _raise_first(refined, page.source)
        article = refined.value
        if not any(p.strip() for p in article.paragraphs):
            raise NoArticleError("no article text found in the document", source=page.source)
        return article

    def parse(
        self,
        document: Document,
        *,
        url: str | None = None,
        published: When | str | None = None,
        outlet: str | None = None,
    ) -> Article:
        """One document (str, bytes, Path or Page) as an Article; raises a ParseError subclass."""
        if not isinstance(document, (str, bytes, Path, Page)):
            raise TypeError(f"a document is str, bytes, pathlib.Path or Page, not {type(document).__name__}")
        try:
            page = page_from_document(document, url=url, published=published, outlet=outlet)
        except ParseError:
            raise
        except Exception as exc:
            source = str(document) if isinstance(document, Path) else url or "<document>"
            raise ParseError(f"{type(exc).__name__}: {exc}", source=source) from exc
        return self.article(page)

    def result(self, document: Document | Failure) -> Article | Failure:
        """One document as an Article, or a Failure: never raises for bad input or a bad plugin."""
        if isinstance(document, Failure):
            return document
        source = (
            document.source
            if isinstance(document, Page)
            else str(document)
            if isinstance(document, Path)
            else "<document>"
        )
        try:
            page = page_from_document(document)
            source = page.source
            return self.article(page)
        except ParseError as exc:
            return failure_from(exc, exc.source or source)
        except Exception as exc:  # a bug must not crash the batch: report it
            return failure_from(exc, source, stage=Stage.EXTRACT)

    # -- many documents --------------------------------------------------------------------------
    def parse_many(
        self,
        documents: Iterable[Document | Failure],
        *,
        workers: int = 1,
        progress: Callable[[Article | Failure], object] | None = None,
    ) -> Iterator[Article | Failure]:
        """Articles or Failures, one per document, in input order; with ``workers > 1`` documents are
        parsed in a process pool (plugins load in each worker through the entry points). ``progress``
        is called with each result before it is yielded."""
        for processed in self.process(documents, workers=workers):
            assert processed.result is not None  # nothing is skipped without a skip set
            if progress is not None:
                progress(processed.result)
            yield processed.result

    def process(
        self,
        documents: Iterable[Document | Failure],
        *,
        workers: int = 1,
        skip: frozenset[str] = frozenset(),
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Callable[[Processed], object] | None = None,
    ) -> Iterator[Processed]:
        """Each document's :class:`Processed` (its input id and result), in input order.

        A document whose input id is in ``skip`` is not parsed (its result is None): that is how a
        resumed run passes over finished documents. With ``workers > 1`` a process pool reads, hashes
        and parses; a :class:`~pathlib.Path` travels to the worker unread, so the calling process only
        hands out work and collects results. At most a few documents per worker are in flight, so
        memory does not grow with the input. ``progress`` is called with each Processed (skipped
        ones included) before it is yielded: the CLI's progress bar is one such callback."""
        if progress is not None:
            for processed in self.process(documents, workers=workers, skip=skip, max_bytes=max_bytes):
                progress(processed)
                yield processed
            return
        if workers <= 1:
            for document in documents:
                yield _process(self, document, skip, max_bytes)
            return
        window = workers * 4
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, initializer=_set_worker_skip, initargs=(skip, max_bytes)
        ) as pool:
            pending: deque[concurrent.futures.Future[Processed]] = deque()
            iterator = iter(documents)
            for document in itertools.islice(iterator, window):
                pending.append(pool.submit(_worker_process, document))
            while pending:
                yield pending.popleft().result()
                for document in itertools.islice(iterator, 1):
                    pending.append(pool.submit(_worker_process, document))

    # -- events ----------------------------------------------------------------------------------
    def mentions(self, article: Article) -> tuple[list[Mention], list[Failure]]:
        """The mentions all plugins find in an article, and a Failure for each plugin that raised. Each
        mention carries the article's :attr:`~newsparse.models.Article.content_id` as ``article_id``
        (so event ids do not depend on the path the article was read from)."""
        pooled = self.plugins.pool_items(
            "newsparse_extract_mentions", stage=Stage.MENTIONS, expect=Mention, source=article.source,
            article=article, gazetteer=self.plugins.gazetteer(),
        )  # fmt: skip
        article_id = article.content_id
        mentions = [
            mention if mention.article_id else attrs.evolve(mention, article_id=article_id)
            for _, mention in pooled.value
        ]
        return mentions, list(pooled.failures)

    def events(self, articles: Iterable[Article]) -> tuple[list[Event], list[Failure]]:
        """Canonical events from the mentions in the articles, and the mention-stage Failures."""
        mentions: list[Mention] = []
        failures: list[Failure] = []
        for article in articles:
            found, failed = self.mentions(article)
            mentions.extend(found)
            failures.extend(failed)
        return merge_mentions(mentions), failures

    def extract_events(self, articles: Iterable[Article]) -> list[Event]:
        """Canonical events from the articles. Mention-stage failures are logged on the ``newsparse``
        logger; :meth:`events` returns them instead."""
        events, failures = self.events(articles)
        for failure in failures:
            _log.warning(
                "mentions: plugin %s failed on %s: %s", failure.plugin, failure.source, failure.message
            )
        return events


def _raise_first(combined: Combined[Any], source: str) -> None:
    """A plugin that failed while reading a page fails the page: raise its Failure as a PluginError."""
    if not combined.failures:
        return
    failure, error = combined.failures[0], combined.errors[0]
    plugin = failure.plugin or "?"
    if isinstance(error, WrongAnswer):  # nothing was raised: the answer itself is the error
        raise PluginError(f"plugin {plugin!r} {error}", plugin=plugin, stage=failure.stage, source=source)
    message = f"plugin {plugin!r} raised {type(error).__name__}: {error}"
    raise PluginError(message, plugin=plugin, stage=failure.stage, source=source) from error


@attrs.frozen
class Processed:
    """One input's outcome in a batch: its input id (see :func:`newsparse.inputs.input_id`) and its
    Article or Failure, or None when the id was in the skip set."""

    input_id: str
    result: Article | Failure | None


def _plausible_dates(article: Article) -> Article:
    """The article without dates outside :data:`newsparse.dates.EARLIEST`..``LATEST`` (warned about):
    later steps do date arithmetic on them, which must never raise."""
    published = plausible(article.published, article.source, "published date")
    modified = plausible(article.modified, article.source, "modified date")
    if published is article.published and modified is article.modified:
        return article
    return attrs.evolve(article, published=published, modified=modified)


def _process(
    pipeline: Pipeline, document: Document | Failure, skip: frozenset[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Processed:
    """Read (for a path), identify, and unless skipped parse one document."""
    item: Page | Failure
    if isinstance(document, Path):
        item = read_document(document, max_bytes=max_bytes)
    elif isinstance(document, (str, bytes)):
        try:
            item = page_from_document(document)
        except ParseError as exc:
            item = failure_from(exc, exc.source or "<document>")
        except Exception as exc:  # anything a document causes is its failure, never the batch's end
            item = failure_from(exc, "<document>", stage=Stage.READ)
    else:
        item = document
    key = input_id(item)
    if key in skip:
        return Processed(key, None)
    return Processed(key, pipeline.result(item))


_WORKER_PIPELINE: Pipeline | None = None
_WORKER_SKIP: frozenset[str] = frozenset()
_WORKER_MAX_BYTES = DEFAULT_MAX_BYTES


def worker_pipeline() -> Pipeline:
    """The pipeline of a worker process (a pool's or a Dask worker's): every installed plugin, loaded
    through the entry points once per process."""
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:
        _WORKER_PIPELINE = Pipeline()
    return _WORKER_PIPELINE


def _set_worker_skip(skip: frozenset[str], max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    global _WORKER_SKIP, _WORKER_MAX_BYTES
    _WORKER_SKIP = skip
    _WORKER_MAX_BYTES = max_bytes
    # The process that started the pool has loaded the same plugins and reported what loading them
    # logs (a plugin that failed, a domain claimed twice); each worker would say it again.
    logging.getLogger("newsparse.plugins").setLevel(logging.ERROR)


def _worker_process(document: Document | Failure) -> Processed:
    return _process(worker_pipeline(), document, _WORKER_SKIP, _WORKER_MAX_BYTES)
