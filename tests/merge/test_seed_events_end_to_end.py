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


def test_blinken_s_june_visit_to_china_is_one_event_of_both_reports(document: dict[str, Any]) -> None:
    visits = [e for e in document["events"] if e["kind"] == "visit" and e["date"] == "2023-06-19"]
    assert len(visits) == 1
    assert BLINKEN.id in _ids(visits[0])
    assert visits[0]["cameo"] == "042"
    assert {Path(m["source"]).name for m in visits[0]["mentions"]} == {OUTLOOK, US_OUTLET}
