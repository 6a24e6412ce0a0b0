"""Dates in running text ("on Monday", "Wednesday (Dec 6)", "last year", "in November 2022") resolved
against an anchor day, at the precision the words give.

The anchor is the article's publication day; where that is unknown, the first explicit date the
document itself states (a caption's "June 19, 2023" anchors the body's "on Monday"). Rules:

- a weekday looks back from the anchor (the anchor's own weekday is the anchor day) unless the text says
  "next", or the caller says the event is still to come (an announced intent), when it looks forward;
- "in November" (or "November" alone: "a key November meeting") is the latest November not after the
  anchor's month (the next one for what is to come);
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
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from newsparse.mentions.prefilter import LiteralFilter, StartScan, first_chars
from newsparse.models import Precision, When

__all__ = ["RULES", "DatePhrase", "DateRule", "document_anchor", "find_dates", "resolve"]

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


@attrs.frozen
class _Reading:
    """One phrase to resolve and what its resolver may use: the anchor day, whether the event is still
    to come (the caller's intent or the phrase's own "next"), and whether the anchor is a date found in
    the document (then a month without a year takes the nearest year)."""

    phrase: DatePhrase
    anchor: dt.date
    forward: bool
    nearest: bool

    def group(self, name: str) -> str | None:
        return self.phrase.group(name)


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


# -- the resolvers, one per rule ------------------------------------------------------------------------
def _full_date(phrase: DatePhrase) -> When | None:
    """A date with its year ("June 19, 2023", "19 June 2023", "2023-06-19"), checked against its weekday
    when one is given: a text that contradicts itself gives no date rather than one side of it."""
    g = phrase.group
    month = int(g("month") or 0) or _month(g("mon") or "")
    day = _safe_date(int(g("year") or 0), month, _day(g("day") or "0"))
    if day is None:
        return None
    weekday = g("wd")
    if weekday and _WEEKDAYS[weekday.lower()] != day.weekday():
        return None
    return When(day, Precision.DAY)


def _month_year(phrase: DatePhrase) -> When | None:
    """ "November 2022", "June of 2023": that month."""
    return When.month(int(phrase.group("year") or 0), _month(phrase.group("mon") or ""))


def _year(phrase: DatePhrase) -> When | None:
    """ "in 2021", "since 2020", "early 2023": that year."""
    return When.year(int(phrase.group("year") or 0))


def _month_day(r: _Reading) -> When | None:
    """A month and day without a year ("Dec 6", "Wednesday (Dec 6)", "6 December"): the year that puts
    them latest before the anchor (the next after it for what is to come, the nearest for a document's
    own date), agreeing with the weekday when one is given."""
    month = _month(r.group("mon") or r.group("mon2") or "")
    day_of_month = _day(r.group("day") or r.group("day2") or "0")
    weekday = r.group("wd")
    anchor = r.anchor
    candidates = [
        d
        for d in (_safe_date(anchor.year + k, month, day_of_month) for k in (-1, 0, 1))
        if d is not None and (weekday is None or d.weekday() == _WEEKDAYS[weekday.lower()])
    ]
    if r.nearest:
        candidates.sort(key=lambda d: (abs((d - anchor).days), d))
    elif r.forward:
        candidates = sorted(d for d in candidates if d >= anchor)
    else:
        candidates = sorted((d for d in candidates if d <= anchor), reverse=True)
    return When(candidates[0], Precision.DAY) if candidates else None


def _weekday(r: _Reading) -> When | None:
    """ "on Monday", "last Friday", "Tuesday next": looks back from the anchor (its own weekday is the
    anchor day), forward for "next" or for what is to come; "last"/"next" never mean the anchor day."""
    target = _WEEKDAYS[(r.group("wd") or "").lower()]
    rel = (r.group("rel") or r.group("after") or "").lower()
    anchor = r.anchor
    if rel == "next" or (r.forward and rel != "last"):
        ahead = (target - anchor.weekday()) % 7
        if rel == "next" and ahead == 0:
            ahead = 7
        return When(anchor + dt.timedelta(days=ahead), Precision.DAY)
    back = (anchor.weekday() - target) % 7
    if rel == "last" and back == 0:
        back = 7
    return When(anchor - dt.timedelta(days=back), Precision.DAY)


def _relative_month(r: _Reading) -> When | None:
    """ "in November", "last March", "next June": the latest such month not after the anchor's (the
    next one for what is to come, the nearest one against a document's own date)."""
    month = _month(r.group("mon") or "")
    rel = (r.group("rel") or "").lower()
    anchor = r.anchor
    if r.nearest and not rel:
        options = [dt.date(anchor.year + k, month, 1) for k in (-1, 0, 1)]
        middle = anchor.replace(day=1)
        best = min(options, key=lambda d: (abs((d.year - middle.year) * 12 + d.month - middle.month), d))
        return When.month(best.year, best.month)
    if rel in ("next", "coming") or (r.forward and rel != "last"):
        strictly = rel == "next"
        later = month > anchor.month or (month == anchor.month and not strictly)
        return When.month(anchor.year if later else anchor.year + 1, month)
    strictly = rel == "last"
    earlier = month < anchor.month or (month == anchor.month and not strictly)
    return When.month(anchor.year if earlier else anchor.year - 1, month)


def _monday(anchor: dt.date) -> dt.date:
    return anchor - dt.timedelta(days=anchor.weekday())


def _days_after(days: int) -> Callable[[dt.date], When | None]:
    return lambda anchor: When(anchor + dt.timedelta(days=days), Precision.DAY)


_DAY_BEFORE, _SAME_DAY, _DAY_AFTER = _days_after(-1), _days_after(0), _days_after(1)

#: The words of the ``relative`` rule and what each means on an anchor day. "last week" and its kin are
#: a month only when that whole week lies in one month.
_RELATIVE_WORDS: dict[str, Callable[[dt.date], When | None]] = {
    "yesterday": _DAY_BEFORE,
    "the previous day": _DAY_BEFORE,
    "the day before": _DAY_BEFORE,
    "today": _SAME_DAY,
    "earlier in the day": _SAME_DAY,
    "later in the day": _SAME_DAY,
    "earlier today": _SAME_DAY,
    "later today": _SAME_DAY,
    "tomorrow": _DAY_AFTER,
    "the next day": _DAY_AFTER,
    "last year": lambda a: When.year(a.year - 1),
    "this year": lambda a: When.year(a.year),
    "earlier this year": lambda a: When.year(a.year),
    "next year": lambda a: When.year(a.year + 1),
    "last month": lambda a: _shift_month(a, -1),
    "this month": lambda a: _shift_month(a, 0),
    "earlier this month": lambda a: _shift_month(a, 0),
    "next month": lambda a: _shift_month(a, 1),
    "last week": lambda a: _week_as_month(_monday(a) - dt.timedelta(days=7)),
    "this week": lambda a: _week_as_month(_monday(a)),
    "earlier this week": lambda a: _week_as_month(_monday(a)),
    "next week": lambda a: _week_as_month(_monday(a) + dt.timedelta(days=7)),
}


def _relative(r: _Reading) -> When | None:
    """ "yesterday", "last year", "earlier this month", "last week" ...: see :data:`_RELATIVE_WORDS`."""
    meaning = _RELATIVE_WORDS.get((r.group("rel") or "").lower())
    return meaning(r.anchor) if meaning is not None else None


def _under_way(r: _Reading) -> When | None:
    """ "the summit currently under way": within the week up to the anchor, as its month when that
    week lies in one month (an occasion is taken to last a week at most)."""
    return _week_as_month(r.anchor - dt.timedelta(days=6))


@attrs.frozen
class DateRule:
    """One date rule: its name (``DatePhrase.rule``), its pattern, and how it resolves.

    A rule whose words carry their year (``absolute``) resolves without an anchor, from the phrase
    alone; the others need the anchor day and read it through a :class:`_Reading`."""

    name: str
    pattern: re.Pattern[str]
    absolute: Callable[[DatePhrase], When | None] | None = None
    anchored: Callable[[_Reading], When | None] | None = None
    #: The words state a full day with its year: such a phrase can anchor a document without a date.
    full_date: bool = False

    def __attrs_post_init__(self) -> None:
        if (self.absolute is None) == (self.anchored is None):
            raise ValueError(f"date rule {self.name!r}: give exactly one resolver, absolute or anchored")
        if self.full_date and self.absolute is None:
            raise ValueError(f"date rule {self.name!r}: a full date resolves without an anchor")


def _rule(name: str, pattern: str, **how: Any) -> DateRule:
    return DateRule(name, re.compile(pattern), **how)


#: Ordered: earlier patterns win where they overlap later ones.
RULES: tuple[DateRule, ...] = (
    _rule("full_mdy", rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})\b",
          absolute=_full_date, full_date=True),
    _rule("full_dmy", rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<day>{_DAY})\s+(?P<mon>{_MON}),?\s+(?P<year>{_YEAR})\b",
          absolute=_full_date, full_date=True),
    _rule("iso", rf"\b(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", absolute=_full_date,
          full_date=True),
    _rule("weekday_month_day", rf"\b(?P<wd>{_WD})\s*(?:\(\s*(?P<mon>{_MON})\s+(?P<day>{_DAY})\s*\)|"
                               rf",?\s+(?P<mon2>{_MON})\s+(?P<day2>{_DAY}))(?!\d)", anchored=_month_day),
    _rule("month_day", rf"\b(?P<mon>{_MON})\s+(?P<day>{_DAY})\b(?!,?\s*(?:19|20)\d\d)(?!:)",
          anchored=_month_day),
    _rule("day_month", rf"\b(?P<day>{_DAY})\s+(?P<mon>{_MON})(?![\w.])(?!,?\s*(?:19|20)\d\d)",
          anchored=_month_day),
    _rule("month_year", rf"\b(?P<mon>{_FULL_MON}|{_MON})\s+(?:of\s+)?(?P<year>{_YEAR})\b",
          absolute=_month_year),
    _rule("year", rf"\b(?:in|since|early|late|mid-?|during|of)\s+(?P<year>{_YEAR})\b", absolute=_year),
    # "in May", "in early May", "mid-May", "late June": the month (the part of it is not a precision)
    _rule("relative_month", rf"\b(?:(?P<rel>last|next|this|coming)\s+|"
                            rf"(?:back\s+)?in\s+(?:(?:early|late)\s+|mid-?)?|(?:early|late)\s+|mid-)"
                            rf"(?P<mon>{_FULL_MON})\b",
          anchored=_relative_month),
    # A month name alone ("a key September conversation"), as "in September"; never "May", a verb too.
    _rule("month_alone", r"\b(?P<mon>January|February|March|April|June|July|August|September|October|"
                         r"November|December)\b(?![\w’'-])", anchored=_relative_month),
    # A bare weekday ("Monday") counts too: "talks Monday in Geneva".
    _rule("weekday", rf"\b(?:(?P<rel>last|next|this|coming|on)\s+)?(?P<wd>{_WD})\b"
                     rf"(?:\s+(?P<after>next|last)\b)?",
          anchored=_weekday),
    _rule("relative", r"(?i:\b(?P<rel>last year|this year|next year|last month|next month|this month|"
                      r"earlier this month|earlier this year|earlier this week|last week|this week|next week|"
                      r"yesterday|today|tomorrow|earlier in the day|later in the day|earlier today|"
                      r"later today|the previous day|the day before|the next day)\b)", anchored=_relative),
    # Only with "currently", "now" or "still": "preparations are under way for a summit" is no date.
    _rule("under_way", r"(?i:\b(?:currently|now|still)\s+(?:under\s?way|in\s+progress|ongoing|"
                       r"taking\s+place|being\s+held)\b)", anchored=_under_way),
)  # fmt: skip
_RULES_BY_NAME = {rule.name: rule for rule in RULES}
#: The rules of full dates, when they all come first: then they alone find the full dates of a text
#: (a later rule never takes a place from an earlier one), which is all :func:`document_anchor` reads.
_LEADING_FULL = tuple(itertools.takewhile(lambda rule: rule.full_date, RULES))
_FULL_DATE_RULES = _LEADING_FULL if not any(r.full_date for r in RULES[len(_LEADING_FULL) :]) else RULES


_FILTERS: dict[int, tuple[Sequence[DateRule], LiteralFilter]] = {}
#: The rules whose matches start with a capital or a digit ("Monday", "Nov.", "2019-11-05"), searched
#: only there (they open with a word boundary, so the search would try every place).
_SCANS = {
    rule.name: StartScan(rule.pattern)
    for rule in RULES
    if (chars := first_chars(rule.pattern)) is not None and not any(c.islower() for c in chars)
}


def _filter(rules: Sequence[DateRule]) -> LiteralFilter:
    """The words the rules need (a month, a weekday, "last week" ...), to run only those that may match."""
    kept = _FILTERS.get(id(rules))
    if kept is None or kept[0] is not rules:
        kept = (rules, LiteralFilter([rule.pattern for rule in rules]))
        _FILTERS[id(rules)] = kept
    return kept[1]


def find_dates(text: str, rules: Sequence[DateRule] = RULES) -> list[DatePhrase]:
    """Every date expression in ``text``, unresolved, in order, without overlaps. ``rules``: a leading
    part of :data:`RULES` (its phrases are those that all the rules find with these rules). A rule
    whose words the text lacks is not run (it could match nothing)."""
    taken: list[tuple[int, int]] = []
    found: list[DatePhrase] = []
    may_match = _filter(rules).patterns_by_span(text, [0]).get(0, set())
    for index, rule in enumerate(rules):
        if index not in may_match:
            continue
        scan = _SCANS.get(rule.name)
        for match in scan.finditer(text) if scan is not None else rule.pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
            taken.append((start, end))
            found.append(
                DatePhrase(
                    text=match.group(0),
                    start=start,
                    end=end,
                    rule=rule.name,
                    future=bool(_FUTURE_WORDS.search(match.group(0))),
                    groups=groups,
                )
            )
    return sorted(found, key=lambda p: p.start)


def resolve(
    phrase: DatePhrase, anchor: dt.date | None, *, forward: bool = False, nearest: bool = False
) -> When | None:
    """What ``phrase`` means, given the anchor day: the resolver of its rule.

    ``forward``: the event is still to come (an announced intent), so open references look ahead.
    ``nearest``: the anchor is a date found in the document, not the publication day, so a month and
    day without a year take the year nearest the anchor rather than the latest before it.
    """
    rule = _RULES_BY_NAME[phrase.rule]
    if rule.absolute is not None:
        return rule.absolute(phrase)
    if anchor is None or rule.anchored is None:
        return None
    return rule.anchored(_Reading(phrase, anchor, forward or phrase.future, nearest))


def document_anchor(texts: Iterable[str]) -> dt.date | None:
    """The first day the document states in full (with its year), in reading order, to stand in for an
    unknown publication date.

    The first rather than the latest: a page states its own date near the top (byline, dateline,
    the caption of the story's photo), while dates further down more often belong to links and lists
    that leaked into the text ("Most read ... 13 Nov 2025")."""
    for text in texts:
        for phrase in find_dates(text, _FULL_DATE_RULES):
            if _RULES_BY_NAME[phrase.rule].full_date:
                when = resolve(phrase, None)
                if when is not None:
                    return when.date
    return None
