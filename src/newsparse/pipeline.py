"""The road every document travels: Page -> outlet -> Article -> Mentions -> Events.

A step that fails turns the document into a :class:`Failure` that travels the same road, so the end
of the road accounts for every input.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from newsparse import workers as workers_module
from newsparse.articles.html.bounds import bound_markup
from newsparse.articles.outlets import Outlet, match_outlet_why
from newsparse.articles.text import normalise_article
from newsparse.dates import plausible
from newsparse.errors import NoArticleError, ParseError, PluginError
from newsparse.events.merge import merge_mentions
from newsparse.inputs import failure_from, input_id, page_from_document, read_document
from newsparse.limits import DEFAULT_MAX_BYTES, display
from newsparse.models import Article, Event, Failure, Mention, Page, PageKind, Stage, When
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
            if workers_module.over_budget(exc):  # the worker reports it and is replaced
                raise
            raise ParseError(f"{type(exc).__name__}: {exc}", source=page.source) from exc
        return _plausible_dates(article)

    def _article(self, page: Page) -> Article:
        if isinstance(page.content, bytes):
            page = page_from_document(page)  # plugins always see decoded text
        if page.kind is PageKind.HTML:
            # Plugins see markup within the depth and attribute bounds (issue 18 item 15).
            bounded = bound_markup(page.text, page.source)
            if bounded is not page.text:
                page = attrs.evolve(page, content=bounded)
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
        article = normalise_article(refined.value)  # what every plugin hands out reads the same
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
            if workers_module.over_budget(exc):
                raise
            source = str(document) if isinstance(document, Path) else url or "<document>"
            raise ParseError(f"{type(exc).__name__}: {exc}", source=source) from exc
        return self.article(page)

    def result(self, document: Document | Failure) -> Article | Failure:
        """One document as an Article, or a Failure: never raises for bad input or a bad plugin."""
        if isinstance(document, Failure):
            return document
        source = _source_of(document)
        try:
            page = page_from_document(document)
            source = page.source
            return self.article(page)
        except ParseError as exc:
            return failure_from(exc, exc.source or source)
        except Exception as exc:  # a bug must not crash the batch: report it
            if workers_module.over_budget(exc):
                raise
            return failure_from(exc, source, stage=Stage.EXTRACT)

    # -- many documents --------------------------------------------------------------------------
    def parse_many(
        self,
        documents: Iterable[Document | Failure],
        *,
        workers: int = 1,
        timeout: float | None = None,
        max_memory: int | None = None,
        progress: Callable[[Article | Failure], object] | None = None,
    ) -> Iterator[Article | Failure]:
        """Articles or Failures, one per document, in input order; with ``workers > 1``, a
        ``timeout`` (seconds a document) or a ``max_memory`` (MB a worker) documents are parsed in
        worker processes (see :meth:`process`). ``progress`` is called with each result before it is
        yielded."""
        processed_documents = self.process(documents, workers=workers, timeout=timeout, max_memory=max_memory)
        for processed in processed_documents:
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
        timeout: float | None = None,
        max_memory: int | None = None,
        mentions: bool = False,
        progress: Callable[[Processed], object] | None = None,
    ) -> Iterator[Processed]:
        """Each document's :class:`Processed` (its input id and result), in input order.

        A document whose input id is in ``skip`` is not parsed (its result is None): that is how a
        resumed run passes over finished documents. With ``workers > 1``, a ``timeout`` (seconds per
        document) or a ``max_memory`` (MB per worker; enforced on Linux), worker processes read, hash
        and parse (see :mod:`newsparse.workers`); a :class:`~pathlib.Path` travels to the worker
        unread, so the calling process only hands out work and collects results. A document past its
        timeout, whose worker died, or that needs more memory than its worker's budget is a Failure
        (:class:`~newsparse.errors.DocumentTimeoutError`, :class:`~newsparse.errors.WorkerDiedError`,
        :class:`~newsparse.errors.DocumentMemoryError`) and the worker is replaced. With ``mentions``,
        each article's mentions are found in the same step (so within the same budgets). At most a
        few documents per worker are in flight, so memory does not grow with the input. ``progress``
        is called with each Processed (skipped ones included) before it is yielded: the CLI's progress
        bar is one such callback."""
        if progress is not None:
            for processed in self.process(
                documents, workers=workers, skip=skip, max_bytes=max_bytes, timeout=timeout,
                max_memory=max_memory, mentions=mentions,
            ):  # fmt: skip
                progress(processed)
                yield processed
            return
        if workers <= 1 and timeout is None and not max_memory:
            for document in documents:
                yield _process(self, document, skip, max_bytes, mentions)
            return
        if workers_module.FORKED:  # the worker inherits this very pipeline
            work = functools.partial(_process, self, skip=skip, max_bytes=max_bytes, mentions=mentions)
        else:  # a spawned worker loads every installed plugin itself
            work = functools.partial(_spawned_process, skip=skip, max_bytes=max_bytes, mentions=mentions)
        with workers_module.WorkerPool(
            work, workers=workers, timeout=timeout, max_memory=max_memory or None, lost=_lost
        ) as pool:
            yield from pool.map(documents)

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
    Article or Failure, or None when the id was in the skip set; when asked for, the article's
    mentions and the mention-stage Failures (found within the document's time budget)."""

    input_id: str
    result: Article | Failure | None
    mentions: tuple[Mention, ...] = ()
    mention_failures: tuple[Failure, ...] = ()


def _plausible_dates(article: Article) -> Article:
    """The article without dates outside :data:`newsparse.dates.EARLIEST`..``LATEST`` (warned about):
    later steps do date arithmetic on them, which must never raise."""
    published = plausible(article.published, article.source, "published date")
    modified = plausible(article.modified, article.source, "modified date")
    if published is article.published and modified is article.modified:
        return article
    return attrs.evolve(article, published=published, modified=modified)


def _process(
    pipeline: Pipeline,
    document: Document | Failure,
    skip: frozenset[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    mentions: bool = False,
) -> Processed:
    """Read (for a path), identify, and unless skipped parse one document (and find its mentions)."""
    item: Page | Failure
    if isinstance(document, Path):
        item = read_document(document, max_bytes=max_bytes)
    elif isinstance(document, (str, bytes)):
        try:
            item = page_from_document(document)
        except ParseError as exc:
            item = failure_from(exc, exc.source or "<document>")
        except Exception as exc:  # anything a document causes is its failure, never the batch's end
            if workers_module.over_budget(exc):
                raise
            item = failure_from(exc, "<document>", stage=Stage.READ)
    else:
        item = document
    key = input_id(item)
    if key in skip:
        return Processed(key, None)
    # should the worker be lost from here on, its document keeps its input id (a resume skips it) and
    # its failure names the stage it was in
    workers_module.note((key, Stage.EXTRACT))
    result = pipeline.result(item)
    if not mentions or isinstance(result, Failure):
        return Processed(key, result)
    workers_module.note((key, Stage.MENTIONS))
    found, failed = pipeline.mentions(result)
    return Processed(key, result, tuple(found), tuple(failed))


def _lost(document: Document | Failure, error: ParseError, noted: tuple[str, Stage] | None) -> Processed:
    """The result of a document whose worker ran out of time or died: a Failure naming its source and
    the stage the worker noted last, under the input id it noted once it had read the document (with
    no note: the document was still being read, and the failure's own id)."""
    if isinstance(document, Failure):
        return Processed(input_id(document), document)
    key, stage = noted if noted is not None else (None, Stage.READ)
    failure = failure_from(error, _source_of(document), stage=stage)
    return Processed(key or input_id(failure), failure)


def _source_of(document: Document) -> str:
    """What a Failure of a document not yet read names as its source (a path losslessly escaped)."""
    if isinstance(document, Page):
        return document.source
    return display(document) if isinstance(document, Path) else "<document>"


_WORKER_PIPELINE: Pipeline | None = None


def _spawned_process(
    document: Document | Failure, *, skip: frozenset[str], max_bytes: int, mentions: bool
) -> Processed:
    if _WORKER_PIPELINE is None:
        # The process that started the pool has loaded the same plugins and reported what loading
        # them logs (a plugin that failed, a domain claimed twice); each worker would say it again.
        logging.getLogger("newsparse.plugins").setLevel(logging.ERROR)
    return _process(worker_pipeline(), document, skip, max_bytes, mentions)


def worker_pipeline() -> Pipeline:
    """The pipeline of a worker process (a pool's or a Dask worker's): every installed plugin, loaded
    through the entry points once per process."""
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:
        _WORKER_PIPELINE = Pipeline()
    return _WORKER_PIPELINE
