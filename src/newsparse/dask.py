"""newsparse on Dask, for corpora past one machine: pages -> articles -> mentions, then the merge.

Input files are the unit of work: the client lists them (directories walked as the CLI walks them),
each worker reads and parses its files with every installed plugin, loaded through the same entry
points as on one machine. Mentions are found on the workers; the merge into canonical events runs on
the client, because it needs every mention at once (its cost grows close to n log n).

    from dask.distributed import Client
    import newsparse.dask as npd

    client = Client()                      # or the address of a cluster
    articles = npd.articles(["crawl/"])    # a dask.bag of Article | Failure
    events = npd.events(articles)          # list[Event]

Needs the ``dask`` extra: ``pip install 'newsparse[dask]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsparse.events.merge import merge_mentions
from newsparse.inputs import iter_input_files, iter_pages
from newsparse.models import Article, Event, Failure, Mention
from newsparse.pipeline import worker_pipeline

__all__ = ["articles", "events", "input_files", "mentions"]


def input_files(paths: Iterable[str | Path]) -> list[str]:
    """The input files under the given paths, in the CLI's order (missing paths are kept, so that
    each becomes a Failure on a worker rather than vanishing)."""
    return [str(path) for path in iter_input_files(paths)]


def _parse_files(files: Iterable[str]) -> list[Article | Failure]:
    pipeline = worker_pipeline()
    return [pipeline.result(page) for page in iter_pages(files)]


def _find_mentions(articles: Iterable[Article | Failure]) -> list[Mention | Failure]:
    pipeline = worker_pipeline()
    found: list[Mention | Failure] = []
    for article in articles:
        if isinstance(article, Article):
            mentions, failures = pipeline.mentions(article)
            found.extend(mentions)
            found.extend(failures)
    return found


def articles(paths: Sequence[str | Path], *, partitions: int | None = None) -> Any:
    """A ``dask.bag`` of one :class:`Article` or :class:`Failure` per input document."""
    import dask.bag as db

    files = input_files(paths)
    if not files:
        return db.from_sequence([], npartitions=1)
    count = partitions or min(len(files), 64)
    return db.from_sequence(files, npartitions=count).map_partitions(_parse_files)


def mentions(article_bag: Any) -> Any:
    """A ``dask.bag`` of the :class:`Mention` s (and mention-stage Failures) in a bag of articles."""
    return article_bag.map_partitions(_find_mentions)


def events(article_bag: Any) -> list[Event]:
    """Canonical events of a bag of articles: mentions found on the workers, merged on the client."""
    found = mentions(article_bag).compute()
    return merge_mentions(m for m in found if isinstance(m, Mention))
