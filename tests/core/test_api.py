"""The Python API a new user reaches for (issue 17): the walker and the tables at the top level, a
progress callback for parse_many, and extract_events' mention-stage failures logged, not lost."""

from __future__ import annotations

import io
import logging
import sys
import types
from pathlib import Path

import pytest

import newsparse
from newsparse import Article, Failure, Pipeline, PluginHost, hookimpl
from newsparse.cli import main
from newsparse.events.export import write_tables
from newsparse.inputs import iter_documents
from newsparse.pipeline import Processed

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_the_walker_and_the_tables_are_exported_at_the_top_level() -> None:
    assert newsparse.iter_documents is iter_documents
    assert newsparse.write_tables is write_tables
    assert {"iter_documents", "write_tables"} <= set(newsparse.__all__)


def test_parse_many_takes_the_walkers_failures_and_passes_them_through(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    results = list(newsparse.parse_many(newsparse.iter_documents([SEEDS, missing])))
    assert [type(r) for r in results] == [Article] * 5 + [Failure]
    assert results[-1].source == str(missing)


def test_progress_is_called_with_each_result_in_order() -> None:
    seen: list[Article | Failure] = []
    documents = [*sorted(SEEDS.glob("*.txt"))[:2], b"\x00\x01"]
    results = list(newsparse.parse_many(documents, progress=seen.append))
    assert seen == results and [type(r) for r in seen] == [Article, Article, Failure]


def test_process_reports_skipped_documents_to_progress_too() -> None:
    pipeline = newsparse.default_pipeline()
    first = next(pipeline.process([SEEDS / "000_bbd4b3994b44d19c.txt"]))
    seen: list[Processed] = []
    documents = sorted(SEEDS.glob("*.txt"))[:2]
    items = list(pipeline.process(documents, skip=frozenset({first.input_id}), progress=seen.append))
    assert seen == items and [p.result is None for p in seen] == [True, False]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_cli_progress_bar_is_driven_by_the_callback(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Processed] = []
    original = Pipeline.process

    def spy(self: Pipeline, *args: object, **kwargs: object) -> object:
        progress = kwargs.get("progress")
        if progress is None:  # process() calling itself without the callback
            return original(self, *args, **kwargs)  # type: ignore[arg-type]
        assert callable(progress)

        def both(item: Processed) -> None:
            calls.append(item)
            progress(item)

        kwargs["progress"] = both
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pipeline, "process", spy)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["articles", str(SEEDS)], out=io.StringIO(), err=io.StringIO()) == 0
    assert len(calls) == 5
    assert "5doc" in terminal.getvalue().replace(" ", "")


def _raising_mentions(article: Article) -> list[object]:
    raise RuntimeError("mention plugin broke")


def test_extract_events_logs_mention_failures_and_events_returns_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken = types.ModuleType("broken_mentions")
    broken.newsparse_extract_mentions = hookimpl(_raising_mentions)  # type: ignore[attr-defined]
    pipeline = Pipeline(PluginHost(plugins=[("broken", broken)], disabled={"mentions"}))
    article = newsparse.parse(SEEDS / "002_f2fc8e53b361da77.txt")
    with caplog.at_level(logging.WARNING, logger="newsparse"):
        assert pipeline.extract_events([article]) == []
    assert "broken" in caplog.text and "mention plugin broke" in caplog.text and article.source in caplog.text
    events, failures = pipeline.events([article])
    assert events == [] and [(f.plugin, f.stage.value) for f in failures] == [("broken", "mentions")]
