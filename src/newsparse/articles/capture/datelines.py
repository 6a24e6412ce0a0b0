"""Dates as outlets print them ("22 Dec 2023 14:17", "2023-11-16"), read with strptime formats.

A printed wall-clock time is the outlet's local time: it is placed in the outlet's IANA zone, so that
"22 Dec 2023 14:17" in Beirut becomes 2023-12-22T14:17:00+02:00. A format without an hour gives a day,
never midnight. A time whose zone is unknown is kept as a day, because it is not a point in time.
"""

from __future__ import annotations

import datetime as dt
import re

from newsparse.dates import zone
from newsparse.models import When

__all__ = ["read_printed_date"]

_TIME_DIRECTIVES = re.compile(r"%[HIMSp]")


def read_printed_date(text: str, formats: tuple[str, ...], timezone: str | None) -> When | None:
    """The first of ``formats`` that reads ``text``, as a :class:`When` at the format's precision."""
    cleaned = " ".join(text.split())
    for fmt in formats:
        try:
            parsed = dt.datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        if not _TIME_DIRECTIVES.search(fmt):
            return When(parsed.date(), "day")
        if parsed.tzinfo is not None:
            return When.at(parsed)
        tzinfo = zone(timezone)
        if tzinfo is None:
            return When(parsed.date(), "day")
        return When.at(parsed.replace(tzinfo=tzinfo))
    return None
