"""The rules that say whether two mentions may report the same real-world event.

They are pure functions of the mentions themselves (never of a gazetteer or the clock), so a merge
gives the same events on any machine and an incremental store can recompute any part of it exactly.

Two mentions are compatible when they have

- the same participants, by actor id and in any order (:func:`block_key`);
- kinds of one merge family (:data:`~newsparse.vocabulary.MERGE_FAMILY`, also in the block key);
- dates that overlap at their precision, with one day of slack for time zones (:func:`date_window`,
  :func:`dates_fit`); a mention without a date fits any date;
- places where one is, or lies within, the other, in the same country (:func:`places_fit`); a mention
  without a place fits any place.

Date compatibility of a whole group reduces to one window (the intervals of a group overlap pairwise iff
the latest start and the earliest end are at most the slack apart), so checking a mention against an
event costs the same however many mentions the event has.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re

from newsparse.dates import DateWindow, date_window, precision_rank
from newsparse.models import Mention, Place, When
from newsparse.vocabulary import MERGE_FAMILY, PlaceLevel, kind_of

__all__ = [
    "DAY_SLACK",
    "DateWindow",
    "block_key",
    "date_window",
    "dates_fit",
    "family_of",
    "mention_key",
    "normal_kind",
    "place_name",
    "places_fit",
    "precision_rank",
]

#: Days two dates may differ and still fit: the same evening in Washington is the next morning in Beijing.
DAY_SLACK = 1


@functools.lru_cache(maxsize=4096)  # pure and called for every mention: words repeat
def normal_kind(word: str) -> str:
    """A mention's kind as a vocabulary value ("talks" -> "meeting"); an unknown word is kept as it is."""
    kind = kind_of(word)
    return kind.value if kind is not None else word.strip().casefold()


@functools.lru_cache(maxsize=4096)  # pure and called for every mention: words repeat
def family_of(word: str) -> str:
    """The merge family of a kind word; an unknown word is a family of its own."""
    kind = kind_of(word)
    return MERGE_FAMILY[kind] if kind is not None else "other:" + word.strip().casefold()


def block_key(mention: Mention) -> str:
    """The group of mentions that can ever merge with this one: its merge family and participant ids.

    Mentions of different blocks are never compatible, so blocks are merged (and re-merged by the
    store) independently."""
    ids = sorted({actor.id for actor in mention.participants})
    return family_of(mention.kind) + "|" + "\x1f".join(ids)


def mention_key(mention: Mention) -> str:
    """A content hash of a mention: equal mentions (the same article read twice) get equal keys, and
    the key is the same on every machine, from any working directory.

    The article is identified by the mention's ``article_id`` (its URL or the hash of its text, see
    :attr:`newsparse.models.Article.content_id`), not by ``source``: the same page read as
    ``seeds/a.txt``, ``./a.txt`` or an absolute path gives the same key, and so the same event ids. A
    mention without an ``article_id`` (built by hand, or stored by an older newsparse) falls back to
    its source."""
    place = mention.place
    fields = [
        mention.kind,
        mention.cameo,
        [[a.id, a.name, a.country, a.office] for a in mention.participants],
        mention.sentence,
        mention.start,
        mention.end,
        mention.article_id or mention.source,
        mention.outlet,
        mention.mode,
        mention.date.isoformat() if mention.date else None,
        mention.date_text,
        [place.name, place.country, list(place.within), place.level] if place else None,
        mention.published.isoformat() if mention.published else None,
        mention.rule,
    ]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- dates -------------------------------------------------------------------------------------------
def dates_fit(a: When, b: When) -> bool:
    """Whether two dates can be the same event's: they overlap at their precision, one day of slack."""
    return date_window(a).fits(date_window(b), DAY_SLACK)


# -- places ------------------------------------------------------------------------------------------
_SPACES = re.compile(r"\s+")


def place_name(name: str) -> str:
    """A place name for comparison: case-folded, single-spaced, without a leading "the"."""
    text = _SPACES.sub(" ", name).strip().casefold()
    return text[4:] if text.startswith("the ") else text


def _is_country(place: Place) -> bool:
    return place.level == PlaceLevel.COUNTRY.value


def places_fit(a: Place, b: Place) -> bool:
    """Whether two places can be one event's: the same place, or one inside the other (a venue fits its
    city and its country), and never in two different countries."""
    if a.country and b.country and a.country.casefold() != b.country.casefold():
        return False
    if _is_country(a) or _is_country(b):
        return True
    name_a, name_b = place_name(a.name), place_name(b.name)
    if name_a == name_b:
        return True
    return name_a in {place_name(n) for n in b.within} or name_b in {place_name(n) for n in a.within}


def contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` is a strictly larger place that holds ``inner`` (used to pick the most precise
    place of an event)."""
    if not places_fit(outer, inner) or place_name(outer.name) == place_name(inner.name):
        return False
    if _is_country(inner):
        return False
    return _is_country(outer) or place_name(outer.name) in {place_name(n) for n in inner.within}
