"""``newsparse events --store FILE``: a daily run adds to the store; the store gives the batch's events.

The store is tested on fixed input: the built-in mention extractor is disabled and a test plugin
stands in for it, returning the hand-read mentions of each seed (seed_mentions.py) for its article.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import types
from pathlib import Path

import attrs
import pytest

from newsparse import cli
from newsparse.cli import main
from newsparse.convert import structure
from newsparse.events.merge import merge_mentions
from newsparse.models import Article, Event, Mention
from newsparse.plugins.hookspecs import hookimpl
from newsparse.plugins.host import PluginHost

from .seed_mentions import NEWS_AZ, SEED_MENTIONS, SEEDS, US_OUTLET


def _seed_mentions(article: Article) -> list[Mention]:
    name = Path(article.source).name
    return [attrs.evolve(m, source=article.source) for m in SEED_MENTIONS if m.source.endswith(name)]


@pytest.fixture(autouse=True)
def _reader_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = types.ModuleType("seed_reader")
    reader.newsparse_extract_mentions = hookimpl(_seed_mentions)  # type: ignore[attr-defined]
    monkeypatch.setattr(
        cli, "PluginHost", lambda: PluginHost(plugins=[("seed-reader", reader)], disabled={"mentions"})
    )


def run(*argv: str) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["events", "--quiet", *argv], out=out, err=err)
    return code, json.loads(out.getvalue()) if out.getvalue() else {}, err.getvalue()


def _events(document: dict) -> list[Event]:
    return [structure(e, Event) for e in document["events"]]


def test_two_daily_runs_into_a_store_give_the_events_of_one_batch_run(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    store = tmp_path / "events.sqlite"
    code, first, err = run("--store", str(store), *map(str, seeds[:3]))
    assert code == 0 and "3 new articles, 7 new mentions" in err
    code, second, err = run("--store", str(store), *map(str, seeds[3:]))
    assert code == 0 and "2 new articles" in err
    code, batch, _ = run(*map(str, seeds))
    assert code == 0
    assert _events(second) == _events(batch)
    assert len(_events(batch)) == 8 and len(_events(first)) < 8


def test_a_run_without_paths_reads_the_store_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    store = tmp_path / "events.sqlite"
    seeds = [str(SEEDS / NEWS_AZ), str(SEEDS / US_OUTLET)]
    _, written, _ = run("--store", str(store), *seeds)
    code, again, err = run("--store", str(store), *seeds)
    assert code == 0 and "0 new articles, 0 new mentions" in err
    code, read, _ = run("--store", str(store))
    assert code == 0 and read["articles"] == []
    assert _events(read) == _events(again) == _events(written)
    bali = [e for e in _events(read) if e.place is not None and e.place.name == "Bali"]
    assert len(bali) == 1 and bali[0].article_count == 2


def test_the_store_is_plain_sqlite(tmp_path: Path) -> None:
    store = tmp_path / "events.sqlite"
    run("--store", str(store), str(SEEDS))
    with sqlite3.connect(store) as db:
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events")}
    assert counts == {"articles": 5, "events": 8}


def test_tables_are_written_beside_the_json(tmp_path: Path) -> None:
    code, document, _ = run("--tables", str(tmp_path / "tables"), str(SEEDS))
    assert code == 0
    with (tmp_path / "tables" / "events.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["event_id"] for row in rows] == [e["id"] for e in document["events"]]
    # each mention carries the content id of the article it came from
    content_ids = {a["source"]: structure(a, Article).content_id for a in document["articles"]}
    assert _events(document) == merge_mentions(
        attrs.evolve(m, source=source, article_id=content_ids[source])
        for m in SEED_MENTIONS
        for source in [str(SEEDS / Path(m.source).name)]
    )


def test_a_file_that_is_not_a_store_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "not.sqlite"
    bad.write_text("this is not a database, just text long enough to have a header page\n" * 20)
    code, _, err = run("--store", str(bad), str(SEEDS / NEWS_AZ))
    assert code == 2 and "not a usable event store" in err


def test_events_without_paths_or_store_is_a_usage_error() -> None:
    code, _, err = run()
    assert code == 2 and "needs a PATH" in err
