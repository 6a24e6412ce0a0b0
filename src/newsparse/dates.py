"""Dates: machine-written ones (ISO 8601 and its common variants) read into :class:`When`, and the
window of days a date covers at its precision.

A timestamp without a UTC offset is placed in the outlet's zone when that is known; otherwise only
its day is kept, because a wall-clock time in an unknown zone is not a point in time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from newsparse.models import Precision, When

__all__ = [
    "EARLIEST",
    "LATEST",
    "DateWindow",
    "date_window",
    "in_range",
    "parse_iso",
    "plausible",
    "precision_rank",
    "zone",
]

#: The dates a news page can carry. Anything outside (year 1, year 9999) is a typo or an attack, and is
#: dropped with a warning; the margin to Python's own limits (years 1 and 9999) is what lets every
#: later step add or subtract years and weeks without ever raising.
EARLIEST = dt.date(1000, 1, 1)
LATEST = dt.date(2999, 12, 31)
_log = logging.getLogger("newsparse")

_ISO_LOOSE = re.compile(
    r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?)?)?\s*$",
    re.IGNORECASE,
)


def zone(name: str | None) -> dt.tzinfo | None:
    """A tzinfo for an IANA zone name, or None when the name is empty or unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _offset(text: str) -> dt.tzinfo:
    if text.upper() == "Z":
        return dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_iso(text: str | None, tz: dt.tzinfo | str | None = None) -> When | None:
    """An ISO-8601-like string as a :class:`When` at the precision it states, or None if it is not one.

    ``tz`` (a tzinfo or IANA name) places a timestamp that carries no offset."""
    if not text:
        return None
    match = _ISO_LOOSE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        if day is None:
            return When.month(int(year), int(month)) if month else When.year(int(year))
        date = dt.date(int(year), int(month), int(day))
        if hour is None:
            return When(date, "day")
        tzinfo = _offset(offset) if offset else (zone(tz) if isinstance(tz, str) else tz)
        if tzinfo is None:
            return When(date, "day")
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        stamp = dt.datetime(
            date.year, date.month, date.day, int(hour), int(minute), int(second or 0), micro, tzinfo=tzinfo
        )
        return When.at(stamp)
    except ValueError:
        return None


@attrs.frozen
class DateWindow:
    """Days (proleptic ordinals) a date may mean: ``first`` to ``last``; for a group, the latest first
    day and the earliest last day of its members (``first`` may then pass ``last`` by the slack)."""

    first: int
    last: int

    def fits(self, other: DateWindow, slack: int = 0) -> bool:
        """Whether every date of both groups overlaps every other, within ``slack`` days."""
        return max(self.first, other.first) - min(self.last, other.last) <= slack

    def narrowed(self, other: DateWindow) -> DateWindow:
        """The window of the union of two groups."""
        return DateWindow(max(self.first, other.first), min(self.last, other.last))


def date_window(when: When) -> DateWindow:
    """The days a date covers at its precision (a timestamp counts as its calendar day)."""
    day = when.date
    if when.precision is Precision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return DateWindow(day.toordinal(), day.replace(day=last).toordinal())
    if when.precision is Precision.YEAR:
        return DateWindow(day.toordinal(), dt.date(day.year, 12, 31).toordinal())
    return DateWindow(day.toordinal(), day.toordinal())


def precision_rank(when: When) -> int:
    """How precise a date is, as an event date (a timestamp is a day: zones differ between reports)."""
    return {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2, Precision.TIME: 2}[when.precision]


def in_range(when: When) -> bool:
    """True when a date lies between :data:`EARLIEST` and :data:`LATEST`."""
    return EARLIEST <= when.date <= LATEST


def plausible(when: When | None, where: str = "", what: str = "date") -> When | None:
    """``when`` if it is in range; otherwise None, with a warning on the ``newsparse`` logger."""
    if when is None or in_range(when):
        return when
    _log.warning("%s: %s %s is out of range (%s to %s): dropped", where, what, when, EARLIEST, LATEST)
    return None
