"""An incremental event store in SQLite: add articles and their mentions over time, read events back.

A daily job opens the same file, adds what it parsed today, and the store updates its events.  It
keeps every mention (keyed by content, so an article added twice adds nothing), and when new mentions
arrive it re-merges only the blocks they fall in (participants and kind family: mentions of other blocks
can never merge with them) with the batch merger itself.  The events in the store are therefore always
exactly those :func:`~newsparse.events.merge.merge_mentions` gives for all the mentions it holds.

Records are stored as the converter's JSON, so the file is readable by any SQLite client.  A store
written by an older set of merge rules re-merges every block when it is opened.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

import attrs

from newsparse._text import counted
from newsparse.convert import SCHEMA_VERSION, from_json, to_json
from newsparse.errors import StoreError
from newsparse.events.merge import MERGE_RULES_VERSION, KeyedMention, event_from, keyed, merge_block
from newsparse.events.rules import mention_key
from newsparse.models import Article, Event, Mention

__all__ = ["EventStore", "StoreError", "StoreUpdate"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (source TEXT PRIMARY KEY, data TEXT NOT NULL, content_id TEXT);
CREATE TABLE IF NOT EXISTS mentions (
    key TEXT PRIMARY KEY, block TEXT NOT NULL, source TEXT NOT NULL, data TEXT NOT NULL, event_id TEXT
);
CREATE INDEX IF NOT EXISTS mentions_by_block ON mentions (block);
CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, block TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_by_block ON events (block);
CREATE TABLE IF NOT EXISTS moved (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
"""


@attrs.frozen
class StoreUpdate:
    """What one :meth:`EventStore.add` or :meth:`EventStore.forget` changed."""

    new_mentions: int
    new_articles: int
    blocks_merged: int
    events_before: int
    events_after: int
    removed_mentions: int = 0
    removed_articles: int = 0

    def describe(self) -> str:
        """One line for logs: what was new (or removed) and how many events there are now."""
        removed = (
            f"{counted(self.removed_articles, 'article')} and "
            f"{counted(self.removed_mentions, 'mention')} removed, "
            if self.removed_articles or self.removed_mentions
            else ""
        )
        return (
            f"{removed}{counted(self.new_articles, 'new article')}, "
            f"{counted(self.new_mentions, 'new mention')}, "
            f"{counted(self.blocks_merged, 'block')} re-merged, "
            f"{counted(self.events_after, 'event')} (was {self.events_before})"
        )


class EventStore:
    """Canonical events kept in an SQLite file (or ``":memory:"``), updated as mentions arrive."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.executescript(_SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(mentions)")}
            if "event_id" not in columns:  # a store from before event ids were kept per mention
                self._db.execute("ALTER TABLE mentions ADD COLUMN event_id TEXT")
            self._add_content_ids()
            self._check_versions()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable event store: {exc}") from exc

    # -- lifecycle ---------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the file; every completed :meth:`add` is already committed."""
        self._db.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _check_versions(self) -> None:
        schema = self._meta("schema_version")
        try:
            written = None if schema is None else int(schema)
        except ValueError:
            raise StoreError(
                f"{self.path}: not a usable event store: its schema_version {schema!r} is not a number"
            ) from None
        if written is not None and written > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written with schema_version {schema}; "
                f"this newsparse reads up to {SCHEMA_VERSION}"
            )
        rules = self._meta("merge_rules")
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [("schema_version", str(SCHEMA_VERSION)), ("merge_rules", str(MERGE_RULES_VERSION))],
            )
            if rules is not None and rules != str(MERGE_RULES_VERSION):
                self._rekey()
                self._db.execute("DELETE FROM events")
                blocks = [row[0] for row in self._db.execute("SELECT DISTINCT block FROM mentions")]
                for block in blocks:
                    self._remerge(block)

    def _add_content_ids(self) -> None:
        """Give the articles table its ``content_id`` column (a store from before articles were known
        by content), filled from each stored article."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(articles)")}
        with self._db:
            if "content_id" not in columns:
                self._db.execute("ALTER TABLE articles ADD COLUMN content_id TEXT")
                rows = self._db.execute("SELECT source, data FROM articles").fetchall()
                self._db.executemany(
                    "UPDATE articles SET content_id = ? WHERE source = ?",
                    [(from_json(data, Article).content_id, source) for source, data in rows],
                )
            self._db.execute("CREATE INDEX IF NOT EXISTS articles_by_content ON articles (content_id)")

    def _rekey(self) -> None:
        """Key every mention again by the current :func:`~newsparse.events.rules.mention_key`. A mention
        stored before mentions carried ``article_id`` gets its article's content id (the article is in
        the store under the mention's source), so the same page added again is known, not a new mention;
        two mentions that now share a key (one article added under two paths) become one."""
        content_ids = dict(self._db.execute("SELECT source, content_id FROM articles"))
        rows = self._db.execute("SELECT key, block, source, data, event_id FROM mentions ORDER BY source")
        rekeyed = []
        for _, block, source, data, event_id in rows.fetchall():
            mention = from_json(data, Mention)
            if mention.article_id is None and source in content_ids:
                mention = attrs.evolve(mention, article_id=content_ids[source])
            rekeyed.append((mention_key(mention), block, source, to_json(mention), event_id))
        self._db.execute("DELETE FROM mentions")
        self._db.executemany(
            "INSERT OR IGNORE INTO mentions (key, block, source, data, event_id) VALUES (?, ?, ?, ?, ?)",
            rekeyed,
        )

    # -- writing -----------------------------------------------------------------------------------
    def add(self, mentions: Iterable[Mention], articles: Iterable[Article] = ()) -> StoreUpdate:
        """Add mentions (and the articles they come from) and update the events they touch, in one
        transaction. Mentions and articles already in the store are ignored: an article is known by
        its :attr:`~newsparse.models.Article.content_id`, so the same page read under another path
        adds nothing (the store keeps the source it was first added under). A write SQLite refuses
        (a full disk) rolls the whole batch back and raises StoreError."""
        try:
            return self._add(mentions, articles)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: nothing added: {exc}") from exc

    def _add(self, mentions: Iterable[Mention], articles: Iterable[Article]) -> StoreUpdate:
        events_before = self.event_count()
        with self._db:
            new_articles = 0
            for article in articles:
                content_id = article.content_id
                held = "SELECT 1 FROM articles WHERE content_id = ?"
                if self._db.execute(held, (content_id,)).fetchone():
                    continue  # the same article, read before (perhaps under another path)
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO articles (source, data, content_id) VALUES (?, ?, ?)",
                    (article.source, to_json(article), content_id),
                )
                new_articles += cursor.rowcount
            touched: set[str] = set()
            new_mentions = 0
            for item in {item.key: item for item in map(keyed, mentions)}.values():
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO mentions (key, block, source, data) VALUES (?, ?, ?, ?)",
                    (item.key, item.block, item.mention.source, to_json(item.mention)),
                )
                if cursor.rowcount:
                    new_mentions += 1
                    touched.add(item.block)
            for block in sorted(touched):
                self._remerge(block)
        return StoreUpdate(new_mentions, new_articles, len(touched), events_before, self.event_count())

    def forget(self, sources: Iterable[str]) -> StoreUpdate:
        """Remove the articles with these sources and all their mentions, and re-merge the events they
        were in: what a daily job does before adding a page again that changed, or that an improved
        extractor reads differently. Afterwards the events are those of the mentions that remain."""
        events_before = self.event_count()
        wanted = sorted(set(sources))
        with self._db:
            touched: set[str] = set()
            mentions = articles = 0
            for source in wanted:
                rows = self._db.execute("SELECT DISTINCT block FROM mentions WHERE source = ?", (source,))
                touched.update(row[0] for row in rows)
                mentions += self._db.execute("DELETE FROM mentions WHERE source = ?", (source,)).rowcount
                articles += self._db.execute("DELETE FROM articles WHERE source = ?", (source,)).rowcount
            for block in sorted(touched):
                self._remerge(block)
        return StoreUpdate(0, 0, len(touched), events_before, self.event_count(), mentions, articles)

    def _remerge(self, block: str) -> None:
        rows = self._db.execute(
            "SELECT key, data, event_id FROM mentions WHERE block = ?", (block,)
        ).fetchall()
        items = [KeyedMention(from_json(data, Mention), key, block) for key, data, _ in rows]
        groups = merge_block(items)
        events = [event_from(block, group) for group in groups]
        self._db.execute("DELETE FROM events WHERE block = ?", (block,))
        self._db.executemany(
            "INSERT INTO events (id, block, data) VALUES (?, ?, ?)",
            [(event.id, block, to_json(event)) for event in events],
        )
        new_id_of = {
            item.key: event.id for event, group in zip(events, groups, strict=True) for item in group
        }
        self._record_moves({key: old for key, _, old in rows if old is not None}, new_id_of)
        self._db.executemany(
            "UPDATE mentions SET event_id = ? WHERE key = ?", [(new, key) for key, new in new_id_of.items()]
        )

    def _record_moves(self, old_id_of: dict[str, str], new_id_of: dict[str, str]) -> None:
        """Remember where each event id that a re-merge retired went: to the new event holding most of
        its mentions (the smaller id on a tie), so a reader holding an old id can follow it."""
        live = set(new_id_of.values())
        shares: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for key, old in old_id_of.items():
            if old not in live and key in new_id_of:
                shares[old][new_id_of[key]] += 1
        for old, counts in sorted(shares.items()):
            new = min(counts, key=lambda event_id: (-counts[event_id], event_id))
            self._db.execute("UPDATE moved SET new_id = ? WHERE new_id = ?", (new, old))
            self._db.execute("INSERT OR REPLACE INTO moved (old_id, new_id) VALUES (?, ?)", (old, new))
        self._db.executemany("DELETE FROM moved WHERE old_id = ?", [(event_id,) for event_id in live])

    # -- reading -----------------------------------------------------------------------------------
    def events(self) -> list[Event]:
        """Every event, sorted by id (as :func:`~newsparse.events.merge.merge_mentions` returns them)."""
        return list(self.iter_events())

    def iter_events(self) -> Iterator[Event]:
        """Every event, sorted by id, read one at a time."""
        for (data,) in self._db.execute("SELECT data FROM events ORDER BY id"):
            yield from_json(data, Event)

    def mentions(self) -> list[Mention]:
        """Every mention the store holds, in key order."""
        return [
            from_json(data, Mention) for (data,) in self._db.execute("SELECT data FROM mentions ORDER BY key")
        ]

    def articles(self) -> list[Article]:
        """Every article added, by source."""
        rows = self._db.execute("SELECT data FROM articles ORDER BY source")
        return [from_json(data, Article) for (data,) in rows]

    def current_id(self, event_id: str) -> str | None:
        """The id an event has now: itself while it exists; after a re-merge changed it (a more precise
        report arrived, or two reports' events became one), the event that took most of its mentions;
        None for an id the store never had or whose mentions were all forgotten."""
        if self._db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
            return event_id
        row = self._db.execute("SELECT new_id FROM moved WHERE old_id = ?", (event_id,)).fetchone()
        if row is None or not self._db.execute("SELECT 1 FROM events WHERE id = ?", (row[0],)).fetchone():
            return None
        return str(row[0])

    def event_count(self) -> int:
        """How many events the store holds."""
        return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])

    def stats(self) -> dict[str, int]:
        """Counts of articles, mentions and events (for logs and the CLI)."""
        return {
            table: int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("articles", "mentions", "events")
        }
