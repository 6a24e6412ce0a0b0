"""Dates: machine-written ones (ISO 8601 and its common variants) read into :class:`When`, and the
window of days a date covers at its precision.

A timestamp without a UTC offset is placed in the outlet's zone when that is known; otherwise only
its day is kept, because a wall-clock time in an unknown zone is not a point in time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import re
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from newsparse.models import Precision, When

__all__ = [
    "EARLIEST",
    "LATEST",
    "MONTHS",
    "DateWindow",
    "date_window",
    "in_range",
    "parse_iso",
    "plausible",
    "precision_rank",
    "read_printed",
    "url_date",
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


# -- dates as pages print them ------------------------------------------------------------------------
#: ``newsparse/data/months.json``: month and weekday names by language, read once.
_CALENDAR_NAMES: dict[str, Any] = json.loads(
    resources.files("newsparse.data").joinpath("months.json").read_text(encoding="utf-8")
)


def _load_months() -> dict[str, int]:
    months: dict[str, int] = {}
    for names in _CALENDAR_NAMES["months"].values():
        for name, number in names.items():
            if not (isinstance(number, int) and 1 <= number <= 12):
                raise ValueError(f"newsparse/data/months.json: {name!r} is no month number")
            months.setdefault(name.casefold(), number)
    return months


#: Month names of the languages pages print (``newsparse/data/months.json``) -> month number.
MONTHS: dict[str, int] = _load_months()


def _load_day_names() -> frozenset[str]:
    return frozenset(name.casefold() for names in _CALENDAR_NAMES["weekdays"].values() for name in names)


#: Weekday names ("Monday", "Montag", "today") of the same languages, case-folded.
DAY_NAMES: frozenset[str] = _load_day_names()
_MONTH = "(?P<month>" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + ")"
#: What a month name followed by a number looks like (whole words of letters, as many as a month name
#: has, then perhaps a dot, a space and a digit): a test that fails fast on the other words of a text.
_MONTH_WORDS = max(len(name.split()) for name in MONTHS)
_MONTH_THEN_NUMBER = rf"(?=[^\W\d_]+(?![^\W\d_])(?:\s[^\W\d_]+(?![^\W\d_])){{0,{_MONTH_WORDS - 1}}}\.?\s+\d)"
#: A wall-clock time after a printed date: "14:07", "| 14:07 Uhr", ", 3:05 pm", "à 15h25".
_CLOCK = (
    r"(?:[\s,|\u2013\u2014\-@]|um|à|at|alle|a\s{1,3}las|kl\.?|klo){0,12}?"
    r"(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?!\d)\s*(?P<half>[ap]\.?\s?m\.?)?"
)
_YEAR = r"(?P<year>\d{4}|\d{2})"
_PRINTED = [
    # 25.04.24, 01.04.2025 (day first: a dotted date is never month first)
    re.compile(
        rf"(?<![\d.])(?P<day>\d{{1,2}})\.\s?(?P<num>\d{{1,2}})\.\s?{_YEAR}(?![\d.])(?:{_CLOCK})?", re.I
    ),
    # 1. April 2025, 1 de abril de 2025, 1 April, 2025
    re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})\.?\s+(?:de\s+)?{_MONTH}\.?,?\s+(?:de\s+)?(?P<year>\d{{4}})(?:{_CLOCK})?",
        re.I,
    ),
    # April 1, 2025; Apr. 1st 2025 (the lookahead first: a word that a number does not follow is no
    # month here, and is left before the month names are tried on it one by one)
    re.compile(
        rf"(?<![^\W\d_]){_MONTH_THEN_NUMBER}{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        rf"(?P<year>\d{{4}})(?:{_CLOCK})?",
        re.I,
    ),
    # 2025年4月1日 15:25, 2025년 4월 1일
    re.compile(
        r"(?P<year>\d{4})\s*[年년]\s*(?P<num>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
        r"(?:\s*(?:\([^)]{1,3}\)\s*)?(?P<hour>\d{1,2})[:時시]\s*(?P<minute>\d{2}))?"
    ),
    # 2025-04-01 15:25
    re.compile(rf"(?<!\d)(?P<year>\d{{4}})-(?P<num>\d{{2}})-(?P<day>\d{{2}})(?!\d)(?:[T\s]*{_CLOCK})?"),
]
#: Words that mark a printed date as the last change, not the publication.
_UPDATED = re.compile(
    r"(?:updated|update|modified|edited|aktualisiert|geändert|mis à jour|actualizado|aggiornato|"
    r"oppdatert|uppdaterad|güncelleme|diperbarui|обновлено|atnaujinta)\W{0,3}$",
    re.IGNORECASE,
)


def _printed(match: re.Match[str], tz: dt.tzinfo | str | None) -> When | None:
    found = match.groupdict()
    year = int(found["year"])
    if year < 100:
        year += 2000
    month = int(found["num"]) if found.get("num") else MONTHS.get((found.get("month") or "").casefold())
    if not month:
        return None
    try:
        day = dt.date(year, month, int(found["day"]))
    except ValueError:
        return None
    tzinfo = zone(tz) if isinstance(tz, str) else tz
    if found.get("hour") is None or tzinfo is None:
        return When(day, "day")
    hour, minute = int(found["hour"]), int(found["minute"])
    half = (found.get("half") or "").replace(".", "").replace(" ", "").lower()
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    try:
        return When.at(dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tzinfo))
    except ValueError:
        return When(day, "day")


def read_printed(text: str, tz: dt.tzinfo | str | None = None) -> When | None:
    """The first date printed in ``text`` that is not marked as an update ("Do 25.04.24 | 14:07
    Uhr", "erstellt: 01. April 2025, 15:25", "April 1, 2025 3:05 pm", "2025年4月1日"), at the precision
    it gives: a printed time is placed in ``tz`` (a tzinfo or IANA name), and without one only the day
    is kept. Month names come from ``newsparse/data/months.json``."""
    best: tuple[int, When] | None = None
    for pattern in _PRINTED:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            if _UPDATED.search(text[max(0, match.start() - 30) : match.start()]):
                continue
            when = _printed(match, tz)
            if when is not None and in_range(when):
                best = (match.start(), when)
                break
    return best[1] if best else None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=[/_.-]|$)")


def url_date(url: str | None) -> When | None:
    """The day a URL's path gives (``/2025/04/01/``, ``/2025-04-01-title``), or None."""
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        return When(dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))), "day")
    except ValueError:
        return None
