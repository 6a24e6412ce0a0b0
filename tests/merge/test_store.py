"""The SQLite event store: persistent across opens, versioned, and equal to the batch merge."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import attrs
import pytest

from newsparse.convert import SCHEMA_VERSION
from newsparse.events.merge import merge_mentions
from newsparse.events.store import EventStore, StoreError
from newsparse.models import Article, When

from .seed_mentions import AL_MAYADEEN, NEWS_AZ, SEED_MENTIONS, US_OUTLET


def _article(source: str) -> Article:
    # articles are known by content in the store: each source stands for a different text
    return Article(source=source, outlet="o", plugin="p", paragraphs=(f"the text of {source}",))


def test_events_persist_between_opens_and_later_mentions_update_them(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    news_az = [m for m in SEED_MENTIONS if m.source.endswith(NEWS_AZ)]
    us_outlet = [m for m in SEED_MENTIONS if m.source.endswith(US_OUTLET)]
    with EventStore(path) as store:
        first = store.add(news_az, [_article(f"seeds/{NEWS_AZ}")])
    assert (first.new_mentions, first.new_articles, first.events_before, first.events_after) == (2, 1, 0, 2)
    with EventStore(path) as store:
        assert store.events() == merge_mentions(news_az)
        second = store.add(us_outlet, [_article(f"seeds/{US_OUTLET}"), _article(f"seeds/{NEWS_AZ}")])
        # Bali gains a report; Blinken-Xi and Blinken-Wang are new events.
        assert (second.new_mentions, second.new_articles, second.events_after) == (3, 1, 4)
        assert store.events() == merge_mentions(news_az + us_outlet)
        assert store.stats() == {"articles": 2, "mentions": 5, "events": 4}


def test_forgetting_a_source_leaves_the_events_of_the_other_mentions(tmp_path: Path) -> None:
    with EventStore(tmp_path / "events.sqlite") as store:
        store.add(SEED_MENTIONS, [_article(f"seeds/{NEWS_AZ}"), _article(f"seeds/{US_OUTLET}")])
        update = store.forget([f"seeds/{NEWS_AZ}", "seeds/never-added.txt"])
        remaining = [m for m in SEED_MENTIONS if not m.source.endswith(NEWS_AZ)]
        assert store.events() == merge_mentions(remaining)
        assert (update.removed_mentions, update.removed_articles) == (2, 1)
        # Biden-Xi at Filoli loses its News.Az report; Bali keeps the US outlet's.
        assert (update.events_before, update.events_after) == (8, 8)
        assert "2 mentions removed" in update.describe()
        assert [a.source for a in store.articles()] == [f"seeds/{US_OUTLET}"]
        store.add(SEED_MENTIONS)
        assert store.events() == merge_mentions(SEED_MENTIONS)


def test_a_store_from_older_merge_rules_is_re_merged_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    with EventStore(path) as store:
        store.add(SEED_MENTIONS)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'merge_rules'")
        db.execute('UPDATE events SET data = replace(data, \'"kind": "meeting"\', \'"kind": "stale"\')')
        db.execute("DELETE FROM events WHERE rowid = 1")
    with EventStore(path) as store:
        assert store.events() == merge_mentions(SEED_MENTIONS)


def test_a_store_from_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    EventStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="schema_version"):
        EventStore(path)


def test_an_event_id_changed_by_a_more_precise_report_can_be_followed(tmp_path: Path) -> None:
    al_mayadeen = [m for m in SEED_MENTIONS if m.source.endswith(AL_MAYADEEN)]
    with EventStore(tmp_path / "events.sqlite") as store:
        store.add(al_mayadeen)
        (month_only,) = [e for e in store.events() if e.date == When.month(2023, 11)]
        # A day-precise report of the same San Francisco meeting becomes the event's seed.
        precise = attrs.evolve(al_mayadeen[1], source="later", date=When.day(2023, 11, 15), start=0, end=1)
        store.add([precise])
        (now,) = [e for e in store.events() if e.date == When.day(2023, 11, 15)]
        assert now.id != month_only.id
        assert store.current_id(month_only.id) == now.id
        assert store.current_id(now.id) == now.id
        store.forget([m.source for m in al_mayadeen] + ["later"])
        assert store.current_id(now.id) is None and store.current_id("ev-unknown") is None
