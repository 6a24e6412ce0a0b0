"""The pairwise merge rules on hand-written cases, one per sentence of the issue."""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse.events.rules import block_key, date_window, dates_fit, family_of, places_fit
from newsparse.models import Mention, Place, When

from .seed_mentions import BIDEN, BLINKEN, XI

BEIJING = Place("Beijing", "CHN", level="city")
GREAT_HALL = Place("Great Hall of the People", "CHN", within=("Beijing",), level="venue")
DIAOYUTAI = Place("Diaoyutai State Guesthouse", "CHN", within=("Beijing",), level="venue")
CHINA = Place("China", "CHN", level="country")


def _at(hour: int, day: int, offset: int) -> When:
    return When.at(dt.datetime(2023, 11, day, hour, tzinfo=dt.timezone(dt.timedelta(hours=offset))))


@pytest.mark.parametrize(
    ("a", "b", "fit"),
    [
        (When.day(2023, 11, 15), When.month(2023, 11), True),  # a day fits its month
        (When.day(2023, 11, 15), When.year(2023), True),
        (When.day(2023, 11, 15), When.day(2023, 11, 16), True),  # one day of slack for time zones
        (When.day(2023, 11, 15), When.day(2023, 11, 17), False),
        (When.day(2023, 11, 30), When.month(2023, 12), True),  # the slack crosses a month's edge
        (When.day(2023, 11, 29), When.month(2023, 12), False),
        (When.month(2023, 11), When.month(2022, 11), False),
        (_at(23, 15, -8), When.day(2023, 11, 16), True),
    ],
)
def test_dates_fit_at_their_precision(a: When, b: When, fit: bool) -> None:
    assert dates_fit(a, b) is fit and dates_fit(b, a) is fit


def test_a_timestamp_counts_as_its_own_calendar_day_even_after_the_same_instant_elsewhere() -> None:
    # 23:00 UTC on the 15th and 01:00 at +02:00 on the 16th are one instant (equal datetimes), but
    # each report's calendar day is its own, whichever is computed first.
    utc, east = _at(23, 15, 0), _at(1, 16, 2)
    assert utc.value == east.value
    assert date_window(utc).first == dt.date(2023, 11, 15).toordinal()
    assert date_window(east).first == dt.date(2023, 11, 16).toordinal()


@pytest.mark.parametrize(
    ("a", "b", "fit"),
    [
        (GREAT_HALL, BEIJING, True),  # a venue fits its city
        (GREAT_HALL, CHINA, True),  # and its country
        (BEIJING, CHINA, True),
        (GREAT_HALL, DIAOYUTAI, False),  # two venues of one city are two places
        (Place("the Great Hall of the People"), GREAT_HALL, True),  # spelling and "the" do not matter
        (BEIJING, Place("Beijing", "USA"), False),  # never in two countries
        (Place("Filoli", "USA", within=("Woodside",), level="venue"), Place("San Francisco", "USA"), False),
    ],
)
def test_places_fit_venue_city_country(a: Place, b: Place, fit: bool) -> None:
    assert places_fit(a, b) is fit and places_fit(b, a) is fit


def test_kind_families_meeting_talks_and_a_day_of_meetings_are_one_a_call_is_not() -> None:
    assert family_of("meeting") == family_of("talks") == family_of("meetings") == family_of("visit")
    assert family_of("call") != family_of("meeting")
    assert family_of("video_call") != family_of("call")
    assert family_of("intent_to_meet") != family_of("meeting")


def _mention(kind: str, *participants) -> Mention:  # type: ignore[no-untyped-def]
    return Mention(kind, "040", participants, "s", 0, 1, "a", "o")


def test_participants_are_order_free_and_by_id() -> None:
    assert block_key(_mention("meeting", BIDEN, XI)) == block_key(_mention("talks", XI, BIDEN))
    assert block_key(_mention("meeting", BIDEN, XI)) != block_key(_mention("meeting", BLINKEN, XI))
    assert block_key(_mention("meeting", BIDEN, XI)) != block_key(_mention("call", BIDEN, XI))
