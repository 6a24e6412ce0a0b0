"""An independent statement of the merge rules, pair by pair, for checking the merger's output.

The merger reasons about whole groups (a date window, a list of places); this module only ever compares
two mentions, straight from the issue's wording, so the two can disagree when either is wrong.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Sequence

from newsparse.events.rules import places_fit
from newsparse.models import Event, Mention, Precision, When
from newsparse.vocabulary import MERGE_FAMILY, kind_of


def _days(when: When) -> tuple[dt.date, dt.date]:
    day = when.value.date() if isinstance(when.value, dt.datetime) else when.value
    if when.precision is Precision.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if when.precision is Precision.MONTH:
        return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day, day


def dates_compatible(a: When, b: When) -> bool:
    """Some day of one is at most one day from some day of the other."""
    (a_first, a_last), (b_first, b_last) = _days(a), _days(b)
    gap = max(a_first, b_first) - min(a_last, b_last)
    return gap <= dt.timedelta(days=1)


def family(word: str) -> str:
    kind = kind_of(word)
    return MERGE_FAMILY[kind] if kind else word


def pair_compatible(a: Mention, b: Mention) -> bool:
    if {p.id for p in a.participants} != {p.id for p in b.participants}:
        return False
    if family(a.kind) != family(b.kind):
        return False
    if a.date and b.date and not dates_compatible(a.date, b.date):
        return False
    return not (a.place and b.place and not places_fit(a.place, b.place))


def compatible(mentions: Sequence[Mention]) -> bool:
    """Whether every two of the mentions could report one event."""
    return all(pair_compatible(a, b) for a, b in itertools.combinations(mentions, 2))


def check_maximal(events: Sequence[Event]) -> None:
    """No two events could have been merged by the rules:

    - no two dated events are compatible;
    - an undated event fits no dated event, or is a single mention that fits several (ambiguous);
    - no two undated events that fit no dated event are compatible."""
    dated = [e for e in events if e.date is not None]
    undated = [e for e in events if e.date is None]
    for a, b in itertools.combinations(dated, 2):
        assert not compatible(a.mentions + b.mentions), (a.id, b.id)
    orphans = []
    for event in undated:
        fits = [d.id for d in dated if compatible(event.mentions + d.mentions)]
        assert len(fits) != 1, f"undated {event.id} fits exactly one dated event {fits}"
        if fits:
            assert len(event.mentions) == 1, f"ambiguous undated {event.id} groups several mentions"
        else:
            orphans.append(event)
    for a, b in itertools.combinations(orphans, 2):
        assert not compatible(a.mentions + b.mentions), (a.id, b.id)
