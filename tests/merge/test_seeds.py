"""The merger on what the five seeds report: each real-world event once, with every seed that tells it.

The mentions (seed_mentions.py) and the expected events below are both written from reading the seeds.
"""

from __future__ import annotations

from newsparse.events.merge import merge_mentions
from newsparse.models import Event, When

from .seed_mentions import (
    AL_MAYADEEN,
    BIDEN,
    BLINKEN,
    BROWN,
    LIU,
    NEWS_AZ,
    OUTLOOK,
    QIN_GANG,
    SEED_MENTIONS,
    THE_STAR,
    US_OUTLET,
    WANG_YI,
    XI,
    mention_in,
)


def _find(events: list[Event], ids: set[str], kind: str, date: str | None) -> Event:
    found = [
        e
        for e in events
        if {a.id for a in e.participants} == ids
        and e.kind == kind
        and (e.date.isoformat() if e.date else None) == date
    ]
    assert len(found) == 1, (ids, kind, date, found)
    return found[0]


def _seeds(event: Event) -> set[str]:
    return {m.source.removeprefix("seeds/") for m in event.mentions}


def test_the_seeds_report_eight_events_each_once() -> None:
    assert len(merge_mentions(SEED_MENTIONS)) == 8


def test_biden_xi_in_san_francisco_joins_al_mayadeen_and_news_az_at_filoli() -> None:
    event = _find(merge_mentions(SEED_MENTIONS), {BIDEN.id, XI.id}, "meeting", "2023-11")
    assert _seeds(event) == {AL_MAYADEEN, NEWS_AZ}
    assert event.place is not None and event.place.name == "Filoli"  # the venue beats its city
    assert (event.mention_count, event.article_count, event.outlet_count) == (3, 2, 2)
    assert event.first_reported == When.day(2023, 11, 16) and event.first_source == f"seeds/{NEWS_AZ}"
    assert sorted(event.mentions[i].source for i in event.date_support) == [f"seeds/{AL_MAYADEEN}"] * 2


def test_biden_xi_in_bali_is_a_different_meeting_told_by_news_az_and_the_us_outlet() -> None:
    event = _find(merge_mentions(SEED_MENTIONS), {BIDEN.id, XI.id}, "meeting", "2022-11")
    assert _seeds(event) == {NEWS_AZ, US_OUTLET}
    assert event.place is not None and event.place.name == "Bali"


def test_blinken_xi_undated_outlook_report_joins_the_dated_great_hall_meeting() -> None:
    event = _find(merge_mentions(SEED_MENTIONS), {BLINKEN.id, XI.id}, "meeting", "2023-06-19")
    assert _seeds(event) == {OUTLOOK, US_OUTLET}
    assert event.place is not None and event.place.name == "Great Hall of the People"
    assert len(event.place_support) == 2


def test_blinken_and_wang_yi_have_three_separate_contacts() -> None:
    events = merge_mentions(SEED_MENTIONS)
    pair = {BLINKEN.id, WANG_YI.id}
    diaoyutai = _find(events, pair, "meeting", "2023-06-19")
    washington = _find(events, pair, "meeting", "2023-10-26")
    call = _find(events, pair, "call", "2023-12-06")
    assert _seeds(diaoyutai) == {US_OUTLET} and diaoyutai.cameo == "040"
    assert _seeds(washington) == _seeds(call) == {THE_STAR}
    assert call.cameo == "041" and call.place is None


def test_the_military_videoconference_and_the_qin_gang_talks_stand_alone() -> None:
    events = merge_mentions(SEED_MENTIONS)
    video = _find(events, {BROWN.id, LIU.id}, "video_call", "2023-12-21")
    assert _seeds(video) == {AL_MAYADEEN}
    talks = _find(events, {BLINKEN.id, QIN_GANG.id}, "meeting", None)  # "talks" is a meeting
    assert _seeds(talks) == {OUTLOOK} and talks.cameo == "046"


def test_an_undated_placeless_biden_xi_meeting_fits_two_events_so_stays_its_own() -> None:
    praised = mention_in(
        NEWS_AZ, "praised the meeting with Chinese President Xi Jinping", (BIDEN, XI), "meeting", "040"
    )
    events = merge_mentions((*SEED_MENTIONS, praised))
    assert len(events) == 9
    alone = [e for e in events if praised in e.mentions]
    assert len(alone) == 1 and alone[0].mentions == (praised,) and alone[0].date is None
