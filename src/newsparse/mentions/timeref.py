"""Dates in running text ("on Monday", "Wednesday (Dec 6)", "last year", "in November 2022") resolved
against an anchor day, at the precision the words give.

The anchor is the article's publication day; where that is unknown, the first explicit date the
document itself states (a caption's "June 19, 2023" anchors the body's "on Monday"). Rules:

- a weekday looks back from the anchor (the anchor's own weekday is the anchor day) unless the text says
  "next", or the caller says the event is still to come (an announced intent), when it looks forward;
- "in November" is the latest November not after the anchor's month (the next one for what is to come);
- "last year", "last month", "yesterday", "earlier in the day" count from the anchor;
- "last week" is a month only when that whole week lies in one month; otherwise it stays unknown;
- "currently under way" (an occasion still going on) is the week up to the anchor, kept as its month
  when that week lies in one month (an occasion is taken to last a week at most), else unknown;
- a month and day without a year take the year that puts them nearest before the anchor (and, when a
  weekday is given, that agrees with it); with no year to agree with, they stay unknown.

Nothing is guessed: a phrase that cannot be resolved gives ``None`` and keeps its words.

Hand-written rather than dateparser: these rules (look-back, same weekday is that day, precision kept,
"last week" left unknown when it spans two months, a weekday that must agree with its date) are the
contract, and dateparser's relative-date settings neither state nor keep them; the patterns here are
few and each is tested.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import attrs

from newsparse.models import Precision, When

__all__ = ["DatePhrase", "document_anchor", "find_dates", "resolve"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_FULL_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"

# Ordered: earlier patterns win where they overlap later ones.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("full_mdy", rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})\b"),
        ("full_dmy", rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<day>{_DAY})\s+(?P<mon>{_MON}),?\s+(?P<year>{_YEAR})\b"),
        ("iso", rf"\b(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("weekday_month_day", rf"\b(?P<wd>{_WD})\s*(?:\(\s*(?P<mon>{_MON})\s+(?P<day>{_DAY})\s*\)|"
                              rf",?\s+(?P<mon2>{_MON})\s+(?P<day2>{_DAY}))(?!\d)"),
        ("month_day", rf"\b(?P<mon>{_MON})\s+(?P<day>{_DAY})\b"
                      rf"(?!,?\s*(?:19|20)\d\d)(?!:)"),
        ("day_month", rf"\b(?P<day>{_DAY})\s+(?P<mon>{_MON})(?![\w.])(?!,?\s*(?:19|20)\d\d)"),
        ("month_year", rf"\b(?P<mon>{_FULL_MON}|{_MON})\s+(?:of\s+)?(?P<year>{_YEAR})\b"),
        ("year", rf"\b(?:in|since|early|late|mid-?|during|of)\s+(?P<year>{_YEAR})\b"),
        ("relative_month", rf"\b(?:(?P<rel>last|next|this|coming)\s+|(?:back\s+)?in\s+)"
                           rf"(?P<mon>{_FULL_MON})\b"),
        ("weekday", rf"\b(?:(?P<rel>last|next|this|coming|on)\s+)?(?P<wd>{_WD})\b"
                    rf"(?:\s+(?P<after>next|last)\b)?"),
        ("relative", r"(?i:\b(?P<rel>last year|this year|next year|last month|next month|this month|"
                     r"earlier this month|earlier this year|earlier this week|last week|this week|next week|"
                     r"yesterday|today|tomorrow|earlier in the day|later in the day|earlier today|"
                     r"later today|"
                     r"the previous day|the day before|the next day)\b)"),
        # Only with "currently", "now" or "still": "preparations are under way for a summit" is no date.
        ("under_way", r"(?i:\b(?:currently|now|still)\s+(?:under\s?way|in\s+progress|ongoing|"
                      r"taking\s+place|being\s+held)\b)"),
    )
)  # fmt: skip

_FUTURE_WORDS = re.compile(r"(?i)\b(next|coming|tomorrow|the next day)\b")


@attrs.frozen
class DatePhrase:
    """One date expression found in a text: its words, span, rule, and what it resolved to."""

    text: str
    start: int
    end: int
    rule: str
    when: When | None = None
    #: The words say the date is still to come ("next Monday", "tomorrow").
    future: bool = False
    groups: tuple[tuple[str, str], ...] = ()

    def group(self, name: str) -> str | None:
        for key, value in self.groups:
            if key == name:
                return value
        return None


def find_dates(text: str) -> list[DatePhrase]:
    """Every date expression in ``text``, unresolved, in order, without overlaps."""
    taken: list[tuple[int, int]] = []
    found: list[DatePhrase] = []
    for rule, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if rule == "weekday" and match.group("rel") is None and match.group("after") is None:
                pass  # a bare weekday ("Monday") still counts: "talks Monday in Geneva"
            groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
            taken.append((start, end))
            found.append(
                DatePhrase(
                    text=match.group(0),
                    start=start,
                    end=end,
                    rule=rule,
                    future=bool(_FUTURE_WORDS.search(match.group(0))),
                    groups=groups,
                )
            )
    return sorted(found, key=lambda p: p.start)


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(day: dt.date, months: int) -> When:
    index = day.year * 12 + day.month - 1 + months
    return When.month(index // 12, index % 12 + 1)


def _week_as_month(monday: dt.date) -> When | None:
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return When.month(monday.year, monday.month)
    return None


def resolve(
    phrase: DatePhrase, anchor: dt.date | None, *, forward: bool = False, nearest: bool = False
) -> When | None:
    """What ``phrase`` means, given the anchor day.

    ``forward``: the event is still to come (an announced intent), so open references look ahead.
    ``nearest``: the anchor is a date found in the document, not the publication day, so a month and
    day without a year take the year nearest the anchor rather than the latest before it.
    """
    g = phrase.group
    rule = phrase.rule
    if rule in ("full_mdy", "full_dmy", "iso"):
        month = int(g("month") or 0) or _month(g("mon") or "")
        day = _safe_date(int(g("year") or 0), month, _day(g("day") or "0"))
        if day is None:
            return None
        weekday = g("wd")
        if weekday and _WEEKDAYS[weekday.lower()] != day.weekday():
            return None  # the text contradicts itself: do not pick one side
        return When(day, Precision.DAY)
    if rule == "month_year":
        return When.month(int(g("year") or 0), _month(g("mon") or ""))
    if rule == "year":
        return When.year(int(g("year") or 0))
    if anchor is None:
        return None
    forward = forward or phrase.future
    if rule in ("weekday_month_day", "month_day", "day_month"):
        month = _month(g("mon") or g("mon2") or "")
        day_of_month = _day(g("day") or g("day2") or "0")
        weekday = g("wd")
        candidates = [
            d
            for d in (_safe_date(anchor.year + k, month, day_of_month) for k in (-1, 0, 1))
            if d is not None and (weekday is None or d.weekday() == _WEEKDAYS[weekday.lower()])
        ]
        if nearest:
            candidates.sort(key=lambda d: (abs((d - anchor).days), d))
        elif forward:
            candidates = sorted(d for d in candidates if d >= anchor)
        else:
            candidates = sorted((d for d in candidates if d <= anchor), reverse=True)
        return When(candidates[0], Precision.DAY) if candidates else None
    if rule == "weekday":
        target = _WEEKDAYS[(g("wd") or "").lower()]
        rel = (g("rel") or g("after") or "").lower()
        if rel == "next" or (forward and rel != "last"):
            ahead = (target - anchor.weekday()) % 7
            if rel == "next" and ahead == 0:
                ahead = 7
            return When(anchor + dt.timedelta(days=ahead), Precision.DAY)
        back = (anchor.weekday() - target) % 7
        if rel == "last" and back == 0:
            back = 7
        return When(anchor - dt.timedelta(days=back), Precision.DAY)
    if rule == "relative_month":
        month = _month(g("mon") or "")
        rel = (g("rel") or "").lower()
        if nearest and not rel:
            # "in November" against a date found in the document: the November nearest to it.
            options = [dt.date(anchor.year + k, month, 1) for k in (-1, 0, 1)]
            middle = anchor.replace(day=1)
            best = min(options, key=lambda d: (abs((d.year - middle.year) * 12 + d.month - middle.month), d))
            return When.month(best.year, best.month)
        if rel in ("next", "coming") or (forward and rel != "last"):
            strictly = rel == "next"
            later = month > anchor.month or (month == anchor.month and not strictly)
            return When.month(anchor.year if later else anchor.year + 1, month)
        strictly = rel == "last"
        earlier = month < anchor.month or (month == anchor.month and not strictly)
        return When.month(anchor.year if earlier else anchor.year - 1, month)
    words = (g("rel") or "").lower()
    if words in ("yesterday", "the previous day", "the day before"):
        return When(anchor - dt.timedelta(days=1), Precision.DAY)
    if words in ("today", "earlier in the day", "later in the day", "earlier today", "later today"):
        return When(anchor, Precision.DAY)
    if words in ("tomorrow", "the next day"):
        return When(anchor + dt.timedelta(days=1), Precision.DAY)
    if words in ("last year",):
        return When.year(anchor.year - 1)
    if words in ("this year", "earlier this year"):
        return When.year(anchor.year)
    if words == "next year":
        return When.year(anchor.year + 1)
    if words == "last month":
        return _shift_month(anchor, -1)
    if words in ("this month", "earlier this month"):
        return _shift_month(anchor, 0)
    if words == "next month":
        return _shift_month(anchor, 1)
    if rule == "under_way":
        # "on the sidelines of the summit currently under way": within the week up to the anchor.
        return _week_as_month(anchor - dt.timedelta(days=6))
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if words == "last week":
        return _week_as_month(monday - dt.timedelta(days=7))
    if words in ("this week", "earlier this week"):
        return _week_as_month(monday)
    if words == "next week":
        return _week_as_month(monday + dt.timedelta(days=7))
    return None


def document_anchor(texts: Iterable[str]) -> dt.date | None:
    """The first day the document states in full (with its year), in reading order, to stand in for an
    unknown publication date.

    The first rather than the latest: a page states its own date near the top (byline, dateline,
    the caption of the story's photo), while dates further down more often belong to links and lists
    that leaked into the text ("Most read ... 13 Nov 2025")."""
    for text in texts:
        for phrase in find_dates(text):
            if phrase.rule in ("full_mdy", "full_dmy", "iso"):
                when = resolve(phrase, None)
                if when is not None:
                    return when.date
    return None
