"""The memory budget of a worker (issue 18, item 15): a document that needs more memory than
``--max-memory`` is one failure, its worker is replaced, and the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import mmap
import os
import resource
import sys
import types
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
import pytest

import newsparse
from newsparse import cli
from newsparse.cli import main
from newsparse.models import Article, Failure, Mention, Page
from newsparse.pipeline import Pipeline
from newsparse.plugins.hookspecs import hookimpl
from newsparse.plugins.host import PluginHost
from newsparse.workers import WorkerPool, _data_size

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="enforced on Linux only")

#: Far past any budget in these tests (and any test machine's memory): with the budget enforced the
#: allocation fails at once, without touching a page.
HUGE = 1 << 36


def _hog(article: Article, page: Page) -> Article | None:
    """A postprocess hook that tries to allocate a huge string for an article saying HOG, as a rule
    gone wild on a hostile page would."""
    if any("HOG" in paragraph for paragraph in article.paragraphs):
        return attrs.evolve(article, title="x" * HUGE)
    return None


def _hog_mentions(article: Article, gazetteer: object) -> Sequence[Mention]:
    """A mention hook that does the same for an article saying GREEDY."""
    if any("GREEDY" in paragraph for paragraph in article.paragraphs):
        return ["x" * HUGE]  # type: ignore[list-item]
    return []


def _host() -> PluginHost:
    hog = types.ModuleType("hog")
    hog.newsparse_postprocess_article = hookimpl(_hog)  # type: ignore[attr-defined]
    hog.newsparse_extract_mentions = hookimpl(_hog_mentions)  # type: ignore[attr-defined]
    return PluginHost(plugins=[("hog", hog)])


@pytest.fixture
def hog_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's pipeline gets the installed plugins and the hog."""
    monkeypatch.setattr(cli, "PluginHost", _host)


@pytest.fixture
def batch(tmp_path: Path, make_page: Callable[[int], str]) -> Callable[[set[int]], Path]:
    """A folder of ten pages; the numbers given say HOG."""

    def make(hogs: set[int]) -> Path:
        folder = tmp_path / "pages"
        folder.mkdir()
        for number in range(10):
            page = make_page(number)
            if number in hogs:
                page = page.replace("<p>Paragraph 1", "<p>HOG Paragraph 1")
            (folder / f"p{number}.html").write_text(page, encoding="utf-8")
        return folder

    return make


def _run(command: str, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([command, "--quiet", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.usefixtures("hog_plugin")
def test_15_a_document_past_the_memory_budget_is_a_failure_and_the_rest_are_written(
    batch: Callable[[set[int]], Path], workers: str
) -> None:
    folder = batch({3, 4, 8})  # 3 and 4 in a row: the worker that replaces 3's takes 4

    code, out, err = _run("articles", "--workers", workers, "--max-memory", "300", str(folder))

    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [record["source"] for record in records] == [str(folder / f"p{n}.html") for n in range(10)]
    failures = {Path(str(r["source"])).name: r for r in records if r["type"] == "failure"}
    assert sorted(failures) == ["p3.html", "p4.html", "p8.html"]
    assert {(r["error_type"], r["message"], r["stage"]) for r in failures.values()} == {
        ("DocumentMemoryError", "memory budget of 300 MB exceeded", "extract")
    }
    assert all(r["input_id"].startswith("sha256:") for r in failures.values())  # a resume skips them
    assert "10 documents, 7 articles, 3 failed" in err.splitlines()[-1]


@pytest.mark.usefixtures("hog_plugin")
def test_15_the_mention_stage_is_within_the_memory_budget_too(batch: Callable[[set[int]], Path]) -> None:
    folder = batch(set())
    (folder / "p5.html").write_text(
        (folder / "p5.html").read_text(encoding="utf-8").replace("<p>Paragraph 2", "<p>GREEDY Paragraph 2"),
        encoding="utf-8",
    )

    code, out, err = _run("mentions", "--max-memory", "300", str(folder))

    assert code == 1
    failures = [json.loads(line) for line in out.splitlines() if '"DocumentMemoryError"' in line]
    assert [(f["source"], f["stage"]) for f in failures] == [(str(folder / "p5.html"), "mentions")]
    assert "10 documents, 9 articles, 1 failed" in err.splitlines()[-1]


@pytest.mark.parametrize("value", ["-1", "lots", "1.5"])
def test_15_a_bad_memory_budget_is_a_usage_error(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = _run("articles", "--max-memory", value, str(tmp_path))
    assert code == 2 and "argument --max-memory: " in capsys.readouterr().err


def test_15_parse_many_takes_a_memory_budget(batch: Callable[[set[int]], Path]) -> None:
    paths = sorted(batch({1}).iterdir(), key=lambda path: int(path.stem[1:]))

    results = list(Pipeline(_host()).parse_many(paths, max_memory=300))

    assert [type(result).__name__ for result in results] == ["Article", "Failure"] + ["Article"] * 8
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.error_type == "DocumentMemoryError"
    assert failure.message == "memory budget of 300 MB exceeded"


def test_15_without_a_budget_a_memory_error_is_an_ordinary_failure(
    batch: Callable[[set[int]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # in this process (no worker, no budget) a MemoryError is the document's failure, as any error is
    real = Pipeline.article

    def raising(self: Pipeline, page: Page) -> Article:
        article = real(self, page)
        if any("HOG" in paragraph for paragraph in article.paragraphs):
            raise MemoryError
        return article

    monkeypatch.setattr(Pipeline, "article", raising)
    paths = sorted(batch({2}).iterdir(), key=lambda path: int(path.stem[1:]))

    results = list(Pipeline().parse_many(paths))

    assert [type(result).__name__ for result in results] == ["Article"] * 2 + ["Failure"] + ["Article"] * 7


def _allocate(item: int) -> tuple[int, int]:
    """An item's worker pid and its data size limit, after mapping 100 MB (never touched: it costs no
    real memory, but counts against the budget); item 2 needs far more than any budget."""
    if item == 2:
        "x" * HUGE
    with mmap.mmap(-1, 100 << 20, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS):
        return os.getpid(), resource.getrlimit(resource.RLIMIT_DATA)[0]


def _message(item: int, error: Exception, noted: object) -> str:
    return str(error)


def test_15_the_pool_sets_the_budget_and_replaces_a_worker_past_it() -> None:
    before = resource.getrlimit(resource.RLIMIT_DATA)
    with WorkerPool(_allocate, workers=1, timeout=30, max_memory=300, lost=lambda i, e, n: str(e)) as pool:
        results = list(pool.map(range(6)))

    assert results[2] == "memory budget of 300 MB exceeded"
    done = [result for result in results if not isinstance(result, str)]
    assert len(done) == 5
    # each worker may allocate 300 MB beyond what it held when it started (its parent's, when forked)
    assert all(300 * 1024 * 1024 < limit < 300 * 1024 * 1024 + _data_size() + (64 << 20) for _, limit in done)
    assert len({pid for pid, _ in done}) == 2  # the worker past its budget was replaced
    assert resource.getrlimit(resource.RLIMIT_DATA) == before  # this process has no budget


def test_15_a_pool_refuses_a_negative_memory_budget() -> None:
    with pytest.raises(ValueError):
        WorkerPool(_allocate, workers=1, max_memory=-1, lost=lambda i, e, n: i)


def test_15_the_budget_is_on_top_of_what_a_forked_worker_inherits() -> None:
    # a parent holding 2 GB (mapped, never touched: it costs no real memory) forks workers that hold
    # it too; their budget is what their documents may add
    with (
        mmap.mmap(-1, 2 << 30, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS),
        WorkerPool(_allocate, workers=1, timeout=30, max_memory=300, lost=_message) as pool,
    ):
        results = list(pool.map([0, 1, 2, 3]))
    assert [isinstance(result, str) for result in results] == [False, False, True, False]


def test_15_the_top_level_parse_many_takes_both_budgets(
    batch: Callable[[set[int]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Pipeline.article

    def greedy(self: Pipeline, page: Page) -> Article:  # past the budget in newsparse's own code
        article = real(self, page)
        if any("HOG" in paragraph for paragraph in article.paragraphs):
            return attrs.evolve(article, title="x" * HUGE)
        return article

    monkeypatch.setattr(Pipeline, "article", greedy)
    paths = sorted(batch({0, 9}).iterdir(), key=lambda path: int(path.stem[1:]))

    results = list(newsparse.parse_many(paths, timeout=30, max_memory=300))

    messages = [result.message if isinstance(result, Failure) else None for result in results]
    over = "memory budget of 300 MB exceeded"
    assert messages == [over] + [None] * 8 + [over]


@pytest.mark.parametrize("suffix", [".html", ".html.gz"])
def test_15_reading_a_small_document_needs_no_room_for_the_size_cap(
    batch: Callable[[set[int]], Path], suffix: str
) -> None:
    # read(max_bytes + 1) reserved the whole cap (50 MB) for every document: a budget below the cap
    # failed them all
    folder = batch(set())
    if suffix == ".html.gz":
        for page in list(folder.iterdir()):
            page.with_name(page.name + ".gz").write_bytes(gzip.compress(page.read_bytes()))
            page.unlink()

    code, out, err = _run("articles", "--max-memory", "15", str(folder))

    assert code == 0, err
    assert len(out.splitlines()) == 10 and '"failure"' not in out
