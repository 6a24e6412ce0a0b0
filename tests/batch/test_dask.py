"""The Dask path on a local cluster of worker processes: same articles and events as one machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsparse.inputs import iter_pages
from newsparse.models import Article, Failure
from newsparse.pipeline import Pipeline

distributed = pytest.importorskip("distributed")
npd = pytest.importorskip("newsparse.dask")


def _plugins_in_this_process() -> tuple[str, ...]:
    from newsparse.pipeline import worker_pipeline

    return worker_pipeline().plugins.names


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_workers_load_the_plugins_through_the_entry_points(client: distributed.Client) -> None:
    loaded = client.run(_plugins_in_this_process)
    assert len(loaded) == 2
    assert all(names == Pipeline().plugins.names for names in loaded.values())
    assert all("generic" in names for names in loaded.values())


def test_dask_articles_and_events_equal_the_local_pipeline(client: distributed.Client, corpus: Path) -> None:
    (corpus / "empty.txt").write_text("")
    local = Pipeline()
    expected = [local.result(page) for page in iter_pages([corpus])]

    bag = npd.articles([corpus], partitions=4)
    got = bag.compute()

    assert got == expected
    assert sum(isinstance(r, Failure) for r in got) == 1
    articles = [r for r in got if isinstance(r, Article)]
    assert npd.events(bag) == local.events(articles)[0]
