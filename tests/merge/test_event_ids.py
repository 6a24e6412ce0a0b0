"""Event ids come from what the pages say, never from how their paths were spelled (issue 17).

The same pages must give the same event ids from any working directory, through any spelling of the
path (relative, ``./``, absolute), in any order, and a store must recognise a page it already holds
when the page comes back under another path.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import attrs
import pytest

from newsparse.cli import main
from newsparse.convert import structure, to_json
from newsparse.events.merge import merge_mentions
from newsparse.events.store import EventStore
from newsparse.models import Article, Event

from .seed_mentions import NEWS_AZ, SEED_MENTIONS, SEEDS, US_OUTLET


def _events(*argv: str) -> list[Event]:
    out, err = io.StringIO(), io.StringIO()
    assert main(["events", "--quiet", *argv], out=out, err=err) == 0, err.getvalue()
    return [structure(e, Event) for e in json.loads(out.getvalue())["events"]]


def _ids(events: list[Event]) -> list[str]:
    return sorted(event.id for event in events)


def test_event_ids_do_not_depend_on_the_working_directory_or_the_spelling_of_the_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(SEEDS.parent)
    from_root = _events("seeds/")
    assert len(from_root) == 9  # the README's table
    monkeypatch.chdir(SEEDS)
    from_inside = _events(".")
    absolute = _events(str(SEEDS))
    # one file at a time, in reverse order, each spelled differently
    files = sorted(SEEDS.glob("*.txt"), reverse=True)
    mixed = _events(*(f"./{p.name}" if i % 2 else str(p) for i, p in enumerate(files)))
    assert _ids(from_root) == _ids(from_inside) == _ids(absolute) == _ids(mixed)
    # the mentions still say where each was read from
    assert {m.source for e in from_inside for m in e.mentions} <= {f"{p.name}" for p in files}


def test_each_mention_carries_the_content_id_of_its_article() -> None:
    with_url = Article(source="a.html", outlet="o", plugin="p", url="https://example.org/a", paragraphs=["x"])
    assert with_url.content_id == "url:https://example.org/a"
    text_only = Article(source="a.txt", outlet="o", plugin="p", paragraphs=["One paragraph."])
    moved = attrs.evolve(text_only, source="/elsewhere/copy.txt")
    assert text_only.content_id == moved.content_id and text_only.content_id.startswith("sha256:")
    assert attrs.evolve(text_only, paragraphs=["Another paragraph."]).content_id != text_only.content_id


def test_the_same_mentions_under_other_paths_give_the_same_events() -> None:
    with_ids = [attrs.evolve(m, article_id="sha256:" + Path(m.source).name) for m in SEED_MENTIONS]
    elsewhere = [attrs.evolve(m, source="/tmp/x/" + Path(m.source).name) for m in with_ids]
    assert _ids(merge_mentions(with_ids)) == _ids(merge_mentions(reversed(elsewhere)))
    # the same article under two paths counts once
    both = merge_mentions(with_ids + elsewhere)
    assert _ids(both) == _ids(merge_mentions(with_ids))
    assert sum(e.mention_count for e in both) == len(SEED_MENTIONS)


def test_a_store_from_before_article_ids_keys_its_mentions_again(tmp_path: Path) -> None:
    """A store written when mentions were keyed by source: opened now, its mentions get their articles'
    content ids, so the same pages added again (under another path) add nothing."""
    chosen = [m for m in SEED_MENTIONS if m.source.endswith((NEWS_AZ, US_OUTLET))]
    articles = {
        m.source: Article(source=m.source, outlet=m.outlet, plugin="p", paragraphs=[Path(m.source).name])
        for m in chosen
    }
    path = tmp_path / "events.sqlite"
    with EventStore(path) as store:
        store.add(chosen, articles.values())  # no article_id, as an older newsparse stored them
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'merge_rules'")
    now = [
        attrs.evolve(m, source="other/" + Path(m.source).name, article_id=articles[m.source].content_id)
        for m in chosen
    ]
    with EventStore(path) as store:
        update = store.add(now)
        assert update.new_mentions == 0
        assert _ids(store.events()) == _ids(merge_mentions(now))


def test_the_same_pages_under_another_path_add_nothing_to_a_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "events.sqlite"
    monkeypatch.chdir(SEEDS.parent)
    first = _events("--store", str(store), "seeds/")
    monkeypatch.chdir(SEEDS)
    out, err = io.StringIO(), io.StringIO()
    assert main(["events", "--quiet", "--store", str(store), "."], out=out, err=err) == 0
    assert "0 new articles, 0 new mentions, 0 blocks re-merged" in err.getvalue()
    again = [structure(e, Event) for e in json.loads(out.getvalue())["events"]]
    assert again == first
    with EventStore(store) as opened:
        assert len(opened.articles()) == 5
        assert {a.source for a in opened.articles()} == {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")}


def test_a_store_from_before_content_ids_gets_them_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    article = Article(source="a.txt", outlet="o", plugin="p", paragraphs=["One paragraph."])
    with sqlite3.connect(path) as db:  # the articles table as older stores have it
        db.execute("CREATE TABLE articles (source TEXT PRIMARY KEY, data TEXT NOT NULL)")
        db.execute("INSERT INTO articles VALUES (?, ?)", ("a.txt", to_json(article)))
    with EventStore(path) as store:
        update = store.add([], [attrs.evolve(article, source="elsewhere/a.txt")])
        assert update.new_articles == 0 and [a.source for a in store.articles()] == ["a.txt"]
