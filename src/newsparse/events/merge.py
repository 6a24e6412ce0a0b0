"""Merging mentions into canonical events.

The result is a function of the *set* of mentions: duplicates are dropped, mentions are split into
blocks that can never merge with each other (participants and kind family, see
:func:`~newsparse.events.rules.block_key`), and each block is merged alone after sorting its mentions by
a total, content-based order.  So the input order never matters, and the incremental store
(:mod:`newsparse.events.store`) gets batch results by re-merging only the blocks that new mentions touch.

Inside a block:

1. Dated mentions, the most precise first, then by date, then by content hash, each join the fitting
   event whose dates are nearest (fewest-mentions never decides; see :func:`_best_candidate`), or start
   a new one.  An event only ever narrows when a mention joins, so a mention that did not fit an event
   when it was placed would not fit it later either: no two resulting events could be merged.
2. Undated mentions join a dated event only where exactly one fits.  Where none fits they merge with
   each other by the same rules (an event without a date); where several fit, the mention stays an
   event of its own, undated, since nothing says which it belongs to.

Candidate lookup is blocked by block and date cell (day, month or year), and undated mentions look events
up by place, so the cost grows with n log n (the sort), not n².
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence

import attrs

from newsparse.events.rules import (
    DAY_SLACK,
    DateWindow,
    block_key,
    contains,
    date_window,
    mention_key,
    normal_kind,
    place_name,
    places_fit,
    precision_rank,
)
from newsparse.models import Actor, Event, Mention, Place, When
from newsparse.vocabulary import Kind, PlaceLevel

__all__ = [
    "MERGE_RULES_VERSION",
    "KeyedMention",
    "add_mentions",
    "event_from",
    "keyed",
    "merge_block",
    "merge_keyed",
    "merge_mentions",
]

#: Bumped whenever the merge rules or the mention keys change, so a store built by older rules keys its
#: mentions again and re-merges its events. 2: mentions are keyed by ``article_id``, not ``source``.
MERGE_RULES_VERSION = 2


@attrs.frozen
class KeyedMention:
    """A mention with the keys the merge sorts and groups it by (computed once)."""

    mention: Mention
    key: str
    block: str


def keyed(mention: Mention) -> KeyedMention:
    """A mention with its content key and block key."""
    return KeyedMention(mention, mention_key(mention), block_key(mention))


@attrs.define
class _Group:
    """An event under construction: its mentions and the constraints they put on a newcomer."""

    seed: str
    members: list[KeyedMention]
    window: DateWindow | None
    places: list[Place]

    @classmethod
    def start(cls, item: KeyedMention) -> _Group:
        group = cls(item.key, [], None, [])
        group.add(item)
        return group

    def accepts_place(self, place: Place | None) -> bool:
        return place is None or all(places_fit(place, other) for other in self.places)

    def add(self, item: KeyedMention) -> None:
        self.members.append(item)
        date = item.mention.date
        if date is not None:
            window = date_window(date)
            self.window = window if self.window is None else self.window.narrowed(window)
        place = item.mention.place
        if place is not None and place not in self.places:
            self.places.append(place)


def _order(item: KeyedMention) -> tuple[int, int, int, int, str]:
    date = item.mention.date
    if date is None:
        return (1, 0, 0, 0, item.key)
    window = date_window(date)
    return (0, -precision_rank(date), window.first, window.last, item.key)


def _span(window: DateWindow, slack: int) -> tuple[dt.date, dt.date]:
    """The first and last calendar days of a window widened by ``slack`` days each side."""
    return (
        dt.date.fromordinal(max(1, window.first - slack)),
        dt.date.fromordinal(min(dt.date.max.toordinal(), window.last + slack)),
    )


def _cells_of_event(seed: DateWindow) -> list[tuple[str, int]]:
    """Where an event is filed: at the grain of its seed's date (its most precise one), over the days
    that date covers and one day of slack each side. An event only narrows as mentions join (it can
    pass its seed by at most the slack), so any window it fits meets these days."""
    first, last = _span(seed, DAY_SLACK)
    if seed.last == seed.first:
        return [("d", day) for day in range(first.toordinal(), last.toordinal() + 1)]
    if seed.last - seed.first < 31:
        return [("m", m) for m in range(first.year * 12 + first.month, last.year * 12 + last.month + 1)]
    return [("y", year) for year in range(first.year, last.year + 1)]


def _cells_to_search(window: DateWindow) -> Iterator[tuple[str, int]]:
    """Every cell an event that fits ``window`` may be filed in: the days, months and years it meets."""
    first, last = _span(window, 0)
    yield from (("d", day) for day in range(first.toordinal(), last.toordinal() + 1))
    yield from (("m", m) for m in range(first.year * 12 + first.month, last.year * 12 + last.month + 1))
    yield from (("y", year) for year in range(first.year, last.year + 1))


def _distance(group: _Group, window: DateWindow) -> int:
    assert group.window is not None
    return abs((group.window.first + group.window.last) - (window.first + window.last))


def _best_candidate(groups: Sequence[_Group], window: DateWindow) -> _Group:
    """Among fitting events, the one whose dates are nearest; then the larger; then the earlier seed."""
    return min(groups, key=lambda g: (_distance(g, window), -len(g.members), g.seed))


class _DatedEvents:
    """The dated events of a block, filed by the days, months or years their dates may fall in, so a
    mention is only tested against events near its date (see :func:`_cells_of_event`)."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self._cells: defaultdict[tuple[str, int], list[_Group]] = defaultdict(list)
        #: The same events by place: a vague date ("in 2022") with a named place finds its few
        #: candidates here rather than among every event of the year.
        self.by_place = _PlaceIndex()

    def _candidates(self, window: DateWindow, place: Place | None) -> Iterable[_Group]:
        """A superset of the events a mention with this window and place may fit: those filed near its
        date, or those filed under its place when they are fewer."""
        near = [self._cells.get(cell, ()) for cell in _cells_to_search(window)]
        if window.last > window.first and place is not None:
            named = self.by_place.candidates(place)
            if len(named) < sum(map(len, near)):
                return named
        return itertools.chain.from_iterable(near)

    def place(self, item: KeyedMention, window: DateWindow) -> None:
        """Add a dated mention to the nearest fitting event, or start one."""
        place = item.mention.place
        fitting: dict[int, _Group] = {}
        for group in self._candidates(window, place):
            assert group.window is not None
            if (
                id(group) not in fitting
                and group.window.fits(window, DAY_SLACK)
                and group.accepts_place(place)
            ):
                fitting[id(group)] = group
        if fitting:
            self.by_place.add(_best_candidate(list(fitting.values()), window), item)
            return
        group = _Group.start(item)
        self.groups.append(group)
        self.by_place.insert(group)
        for cell in _cells_of_event(window):
            self._cells[cell].append(group)


class _PlaceIndex:
    """Events indexed by the places they name, to find the few that an undated mention's place can fit
    without testing every event of a busy block (Biden and Xi over ten years: thousands of events).

    Lookups return a superset of the fitting events (every candidate is then tested with the rule
    itself), so an entry that grows stale as an event gains places costs time, never a wrong answer.
    A non-country place fits another only when one names the other or lies within it, so events are
    keyed by their places' names and containing names; country-level places by their country.
    """

    def __init__(self, groups: Iterable[_Group] = ()) -> None:
        self.groups: dict[int, _Group] = {}
        self._placeless: dict[int, _Group] = {}
        self._by_name: defaultdict[str, dict[int, _Group]] = defaultdict(dict)
        self._by_country: defaultdict[str | None, dict[int, _Group]] = defaultdict(dict)
        self._country_only: defaultdict[str | None, dict[int, _Group]] = defaultdict(dict)
        for group in groups:
            self.insert(group)

    def insert(self, group: _Group) -> None:
        """Index a group under every place it names now."""
        key = id(group)
        self.groups[key] = group
        if not group.places:
            self._placeless[key] = group
            return
        self._placeless.pop(key, None)
        named = False
        for place in group.places:
            country = place.country.casefold() if place.country else None
            self._by_country[country][key] = group
            if place.level != PlaceLevel.COUNTRY.value:
                named = True
                for name in (place.name, *place.within):
                    self._by_name[place_name(name)][key] = group
        if not named:
            for place in group.places:
                self._country_only[place.country.casefold() if place.country else None][key] = group

    def add(self, group: _Group, item: KeyedMention) -> None:
        """Add a mention to an indexed group, indexing any place it brings."""
        had = len(group.places)
        group.add(item)
        if len(group.places) != had:
            self.insert(group)

    def candidates(self, place: Place | None) -> Collection[_Group]:
        """A superset of the indexed events that a mention with this place fits."""
        if place is None:
            return self.groups.values()
        country = place.country.casefold() if place.country else None
        pools: list[dict[int, _Group]] = [self._placeless]
        if place.level == PlaceLevel.COUNTRY.value:
            if country is None:
                return self.groups.values()
            pools += [self._by_country.get(country, {}), self._by_country.get(None, {})]
        else:
            pools += [self._by_name.get(place_name(name), {}) for name in (place.name, *place.within)]
            if country is None:
                pools += list(self._country_only.values())
            else:
                pools += [self._country_only.get(country, {}), self._country_only.get(None, {})]
        seen: dict[int, _Group] = {}
        for pool in pools:
            seen.update(pool)
        return seen.values()

    def fitting(self, place: Place | None, limit: int | None = None) -> list[_Group]:
        """The indexed events a mention with this place fits (at most ``limit`` of them, in no
        particular order: callers only count them or take the best by a total key)."""
        found: list[_Group] = []
        for group in self.candidates(place):
            if group.accepts_place(place):
                found.append(group)
                if limit is not None and len(found) >= limit:
                    break
        return found


def merge_block(items: Iterable[KeyedMention]) -> list[list[KeyedMention]]:
    """Group the mentions of one block into events (lists of mentions), by the rules above."""
    unique: dict[str, KeyedMention] = {}
    for item in items:  # one article read under two paths: keep the first source, whatever the order
        held = unique.get(item.key)
        if held is None or item.mention.source < held.mention.source:
            unique[item.key] = item
    ordered = sorted(unique.values(), key=_order)
    dated = _DatedEvents()
    undated_items: list[KeyedMention] = []
    for item in ordered:
        if item.mention.date is None:
            undated_items.append(item)
        else:
            dated.place(item, date_window(item.mention.date))

    # An undated mention that joins an event narrows its places, which may leave an earlier ambiguous
    # mention with one candidate (then it joins) or none: repeat until nothing changes.
    dated_index = dated.by_place
    orphans = _PlaceIndex()
    ambiguous: list[KeyedMention] = []
    pending = undated_items
    while pending:
        changed = False
        ambiguous = []
        for item in pending:
            candidates = dated_index.fitting(item.mention.place, limit=2)
            if len(candidates) == 1:
                dated_index.add(candidates[0], item)
                changed = True
            elif candidates:
                ambiguous.append(item)
            else:
                _join_undated(orphans, item)
                changed = True
        if not changed:
            break
        pending = ambiguous
    lonely = [_Group.start(item).members for item in ambiguous]
    return [g.members for g in dated.groups] + [g.members for g in orphans.groups.values()] + lonely


def _join_undated(orphans: _PlaceIndex, item: KeyedMention) -> None:
    """An undated mention that fits no dated event: with the largest fitting undated event, or alone."""
    fitting = orphans.fitting(item.mention.place)
    if fitting:
        orphans.add(min(fitting, key=lambda g: (-len(g.members), g.seed)), item)
    else:
        orphans.insert(_Group.start(item))


# -- from a group of mentions to an Event -----------------------------------------------------------
def _vote(values: Iterable[str], prefer: dict[str, int] | None = None) -> str:
    """The most common value; ties go to the preferred (lower rank), then to the smaller value."""
    counts = Counter(values)
    rank = prefer or {}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))


_KIND_ORDER = {kind.value: index for index, kind in enumerate(Kind)}


def _cameo_rank(code: str) -> int:
    """A code ending in 0 ("not specified below") loses a tie to a more specific one."""
    return 1 if code.endswith("0") else 0


def _fullest(counts: Counter[Actor]) -> Actor:
    """The description of an actor most mentions give; on a tie the fullest, then the first by name."""
    return min(
        counts,
        key=lambda a: (
            -counts[a],
            a.country is None,
            a.office is None,
            -len(a.name),
            a.name,
            a.country or "",
            a.office or "",
        ),
    )


def _participants(mentions: Sequence[Mention]) -> tuple[Actor, ...]:
    """One actor per id, in id order, described as most mentions describe it."""
    by_id: defaultdict[str, Counter[Actor]] = defaultdict(Counter)
    for mention in mentions:
        for actor in {a.id: a for a in mention.participants}.values():
            by_id[actor.id][actor] += 1
    return tuple(_fullest(counts) for _, counts in sorted(by_id.items()))


def _best_date(mentions: Sequence[Mention]) -> tuple[When | None, tuple[int, ...]]:
    """The most precise date stated, the one most mentions state on a tie, then the earliest; and the
    indices of the mentions that state it."""
    stated: defaultdict[str, list[int]] = defaultdict(list)
    whens: dict[str, When] = {}
    for index, mention in enumerate(mentions):
        if mention.date is not None:
            text = mention.date.isoformat()
            stated[text].append(index)
            whens[text] = mention.date
    if not stated:
        return None, ()
    best = min(
        stated,
        key=lambda t: (-precision_rank(whens[t]), -len(stated[t]), date_window(whens[t]).first, t),
    )
    return whens[best], tuple(stated[best])


def _best_place(mentions: Sequence[Mention]) -> tuple[Place | None, tuple[int, ...]]:
    """The most precise place named (a venue over its city over its country), the most often named on a
    tie; its fullest spelling; and the indices of the mentions that name it."""
    named: defaultdict[str, list[int]] = defaultdict(list)
    spellings: defaultdict[str, Counter[Place]] = defaultdict(Counter)
    for index, mention in enumerate(mentions):
        if mention.place is not None:
            name = place_name(mention.place.name)
            named[name].append(index)
            spellings[name][mention.place] += 1
    if not named:
        return None, ()

    def fullest(name: str) -> Place:
        counts = spellings[name]
        return min(
            counts,
            key=lambda p: (
                p.country is None,
                -len(p.within),
                p.level is None,
                -counts[p],
                p.name,
                p.country or "",
            ),
        )

    places = {name: fullest(name) for name in named}

    def rank(name: str) -> tuple[int, int, str]:
        inside = sum(contains(places[other], places[name]) for other in places if other != name)
        return (-inside, -len(named[name]), name)

    best = min(places, key=rank)
    return places[best], tuple(named[best])


def _instant(when: When) -> tuple[str, int]:
    """A sort key for publication dates: the UTC instant (a bare date counts from its midnight UTC);
    the more precise first on a tie."""
    value = when.value
    if isinstance(value, dt.datetime):
        return (value.astimezone(dt.timezone.utc).isoformat(), 0)
    return (value.isoformat() + "T00:00:00+00:00", 1 + 2 - precision_rank(when))


def _canonical_order(mention: Mention, key: str) -> tuple[str, int, int, str]:
    return (mention.source, mention.start, mention.end, key)


def event_from(block: str, members: Sequence[KeyedMention]) -> Event:
    """The canonical event of one group of mentions (mentions in source and span order)."""
    seed = min(_order(item) for item in members)[-1]
    items = sorted(members, key=lambda item: _canonical_order(item.mention, item.key))
    mentions = tuple(item.mention for item in items)
    date, date_support = _best_date(mentions)
    place, place_support = _best_place(mentions)
    published = [(m.published, m.source) for m in mentions if m.published is not None]
    first_reported: When | None = None
    first_source: str | None = None
    if published:
        first_reported, first_source = min(published, key=lambda pair: (_instant(pair[0]), pair[1]))
    digest = hashlib.sha256(f"{block}\n{seed}".encode()).hexdigest()
    return Event(
        id="ev-" + digest[:16],
        kind=_vote((normal_kind(m.kind) for m in mentions), _KIND_ORDER),
        cameo=_vote((m.cameo for m in mentions), {c: _cameo_rank(c) for c in {m.cameo for m in mentions}}),
        participants=_participants(mentions),
        mentions=mentions,
        date=date,
        place=place,
        article_count=len({m.article_id or m.source for m in mentions}),
        outlet_count=len({m.outlet for m in mentions}),
        first_reported=first_reported,
        mention_count=len(mentions),
        date_support=date_support,
        place_support=place_support,
        first_source=first_source,
    )


def merge_keyed(items: Iterable[KeyedMention]) -> list[Event]:
    """Canonical events for mentions already keyed (see :func:`keyed`), sorted by id."""
    blocks: defaultdict[str, list[KeyedMention]] = defaultdict(list)
    for item in items:
        blocks[item.block].append(item)
    events = [event_from(block, group) for block, members in blocks.items() for group in merge_block(members)]
    return sorted(events, key=lambda e: e.id)


def merge_mentions(mentions: Iterable[Mention]) -> list[Event]:
    """Canonical events for the given mentions, sorted by id.

    The same set of mentions gives the same events (ids included) in any order and on any machine; a
    mention given twice counts once."""
    return merge_keyed(keyed(m) for m in mentions)


def add_mentions(events: Iterable[Event], mentions: Iterable[Mention]) -> list[Event]:
    """The events of ``merge_mentions(old + new)``, given the events of the old mentions and the new
    mentions, re-merging only the blocks that new mentions fall in (the in-memory twin of
    :class:`~newsparse.events.store.EventStore`). Mentions already in ``events`` add nothing."""
    held: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        held[block_key(event.mentions[0]) if event.mentions else ""].append(event)
    known = {mention_key(m) for block in held.values() for event in block for m in event.mentions}
    arriving = [item for item in map(keyed, mentions) if item.key not in known]
    touched = {item.block for item in arriving}
    kept = [event for block, group in held.items() if block not in touched for event in group]
    again = [keyed(m) for block in touched for event in held.get(block, ()) for m in event.mentions]
    return sorted(kept + merge_keyed(again + arriving), key=lambda e: e.id)
