"""``newsparse events seeds/``, end to end with the built-in plugins: each real-world event the five
seeds report comes out once, with every seed that reports it. The expected events were written by
reading the seeds (who met whom, how, when, where), not from the program's output."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsparse.cli import main

from .seed_mentions import (
    AL_MAYADEEN,
    BIDEN,
    BLINKEN,
    BROWN,
    LIU,
    NEWS_AZ,
    OUTLOOK,
    QIN_GANG,
    SEEDS,
    THE_STAR,
    US_OUTLET,
    WANG_YI,
    XI,
)

# kind, participants, date (ISO at its precision, None for undated), place name, seeds that report it
EXPECTED = [
    ("meeting", {BIDEN, XI}, "2023-11", {"Filoli", "San Francisco"}, {AL_MAYADEEN, THE_STAR, NEWS_AZ}),
    ("meeting", {BIDEN, XI}, "2022-11", {"Bali"}, {NEWS_AZ, US_OUTLET}),
    ("meeting", {BLINKEN, XI}, "2023-06-19", {"Great Hall of the People"}, {OUTLOOK, US_OUTLET}),
    ("meeting", {BLINKEN, WANG_YI}, "2023-06-19", {"Diaoyutai State Guesthouse"}, {US_OUTLET}),
    ("meeting", {BLINKEN, WANG_YI}, "2023-10-26", {"State Department"}, {THE_STAR}),
    ("call", {BLINKEN, WANG_YI}, "2023-12-06", {None}, {THE_STAR}),
    ("video_call", {BROWN, LIU}, "2023-12-21", {None}, {AL_MAYADEEN}),
    ("meeting", {BLINKEN, QIN_GANG}, None, {None}, {OUTLOOK}),
]


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    out, err = io.StringIO(), io.StringIO()
    assert main(["events", "--quiet", str(SEEDS)], out=out, err=err) == 0, err.getvalue()
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def _ids(event: dict[str, Any]) -> frozenset[str]:
    return frozenset(p["id"] for p in event["participants"])


@pytest.mark.parametrize(
    ("kind", "people", "date", "places", "seeds"),
    EXPECTED,
    ids=[f"{e[0]}-{e[2]}-{len(e[4])}" for e in EXPECTED],
)
def test_each_reported_event_comes_out_once_with_every_seed_that_reports_it(
    document: dict[str, Any],
    kind: str,
    people: set[Any],
    date: str | None,
    places: set[str | None],
    seeds: set[str],
) -> None:
    wanted = frozenset(actor.id for actor in people)
    same = [
        e
        for e in document["events"]
        if e["kind"] == kind
        and _ids(e) == wanted
        and e["date"] is not None
        and date is not None
        and (e["date"].startswith(date) or date.startswith(e["date"]))
    ]
    if date is None:
        same = [e for e in document["events"] if e["kind"] == kind and _ids(e) == wanted]
    assert len(same) == 1, f"{kind} {sorted(wanted)} {date}: {len(same)} events"
    [event] = same
    assert event["date"] == date
    assert (event["place"] or {}).get("name") in places
    assert {Path(m["source"]).name for m in event["mentions"]} == seeds
    assert event["cameo"]


def test_nothing_else_comes_out(document: dict[str, Any]) -> None:
    # The events above and the June visit: no report of the seeds is left as an event of its own.
    assert len(document["events"]) == len(EXPECTED) + 1


def test_every_report_of_the_filoli_meeting_in_news_az_is_attached_to_it(document: dict[str, Any]) -> None:
    # News.Az (003) speaks of the November 2023 meeting in five sentences ("praised the meeting", "following
    # the meeting", "took place at Filoli", "met on the sidelines", "the seventh meeting"); only the
    # first meeting, in Bali, is another event.
    [filoli] = [e for e in document["events"] if e["date"] == "2023-11" and _ids(e) == {BIDEN.id, XI.id}]
    from_news_az = [m["sentence"] for m in filoli["mentions"] if Path(m["source"]).name == NEWS_AZ]
    starts = (
        "US President Joe Biden praised",
        "\"We're back to direct",
        "The meeting took place at Filoli",
        "Biden and Xi met on the sidelines",
        "It was the seventh meeting",
    )
    assert sorted(s[:20] for s in from_news_az) == sorted(s[:20] for s in starts)
    assert not [e for e in document["events"] if e["date"] is None and _ids(e) == {BIDEN.id, XI.id}]


def test_blinken_s_june_visit_to_china_is_one_event_of_both_reports(document: dict[str, Any]) -> None:
    visits = [e for e in document["events"] if e["kind"] == "visit" and e["date"] == "2023-06-19"]
    assert len(visits) == 1
    assert BLINKEN.id in _ids(visits[0])
    assert visits[0]["cameo"] == "042"
    assert {Path(m["source"]).name for m in visits[0]["mentions"]} == {OUTLOOK, US_OUTLET}
