"""The events scorer on tiny hand-made gold and system inputs; every expected number is worked out by
hand in the comments. No test runs newsparse over gold pages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import events as ev
from benchmarks.events import (
    PageRun,
    SysEvent,
    actor_matches,
    date_verdict,
    held_out,
    match_page,
    matched_count,
    name_tokens,
    overlaps,
    place_verdict,
    score,
)
from newsparse.models import Actor
from newsparse.vocabulary import MERGE_FAMILY, Kind

BIDEN = Actor(id="Q6279", name="Joe Biden", country="USA")
BIDEN_SHORT = Actor(id="person:biden", name="Biden", country="USA")
XI = Actor(id="Q15031", name="Xi Jinping", country="CHN")
BLINKEN = Actor(id="person:antony-blinken", name="Antony Blinken", country="USA")
WANG = Actor(id="person:wang-yi", name="Wang Yi", country="CHN")
SULLIVAN = Actor(id="person:jake-sullivan", name="Jake Sullivan", country="USA")
TRUMP = Actor(id="Q22686", name="Donald Trump", country="USA")
PUTIN = Actor(id="Q7747", name="Vladimir Putin", country="RUS")
CHINA = Actor(id="Q148", name="China", country="CHN")
STATES = frozenset({"Q148"})


def person(name: str, country: str | None = None) -> dict[str, Any]:
    return {"name": name, "type": "person", "country": country}


def gold_event(ident: str, kind: str, *names: str, **more: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "kind": kind,
        "participants": [person(n) for n in names],
        "date": more.pop("date", None),
        "place": more.pop("place", None),
        "evidence": more.pop("evidence", f"{' and '.join(names)} had a {kind}."),
        "domain": more.pop("domain", "political"),
        **more,
    }


# -- names and actors --------------------------------------------------------------------------------
def test_name_tokens_drop_titles_accents_and_possessives() -> None:
    assert name_tokens("President Joe Biden") == ["joe", "biden"]
    assert name_tokens("François Hollande's") == ["francois", "hollande"]
    assert name_tokens("Prime Minister") == ["minister"]  # a title alone keeps its last word


def test_a_person_matches_by_full_name_or_last_token_either_way() -> None:
    assert actor_matches(BIDEN, person("Joe Biden"))
    assert actor_matches(BIDEN_SHORT, person("President Joe Biden"))  # system last token in gold
    assert actor_matches(Actor(id="p:x", name="Gen. Charles Q. Brown"), person("Brown"))  # gold's in system
    assert actor_matches(Actor(id="p:h", name="Francois Hollande"), person("François Hollande"))
    assert not actor_matches(BIDEN, person("Xi Jinping"))
    assert not actor_matches(CHINA, person("China"), STATES)  # a country actor is never a person


def test_a_state_matches_a_country_actor_by_iso3_or_name() -> None:
    china = {"name": "China", "type": "state", "country": "CHN"}
    assert actor_matches(CHINA, china, STATES)
    assert actor_matches(
        Actor(id="CHN", name="People's Republic of China", country="CHN"), china
    )  # bare code
    assert actor_matches(
        Actor(id="country:prc", name="China"), {"name": "China", "type": "state", "country": None}
    )
    assert not actor_matches(XI, china, STATES)  # a Chinese person is not the state
    assert not actor_matches(CHINA, china)  # Q148 is a country only when the gazetteer says so


def test_an_organisation_matches_by_its_words() -> None:
    uaw = {"name": "United Auto Workers", "type": "organisation", "country": "USA"}
    assert actor_matches(Actor(id="org:uaw", name="the United Auto Workers union"), uaw)
    assert not actor_matches(Actor(id="org:ford", name="Ford"), uaw)


def test_actors_pair_with_participants_one_to_one() -> None:
    # Biden and "Biden" both fit Joe Biden only: one pair, not two.
    assert matched_count([BIDEN, BIDEN_SHORT], [person("Joe Biden"), person("Xi Jinping")], STATES) == 1
    assert matched_count([XI, BIDEN], [person("Joe Biden"), person("Xi Jinping")], STATES) == 2


def test_the_scorer_families_are_the_library_s() -> None:
    assert {k: ev.FAMILY[k] for k in ev.CONTACT_KINDS} == {
        k.value: MERGE_FAMILY[k] for k in Kind if k is not Kind.INTENT
    }


# -- verdicts ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("gold", "system", "verdict"),
    [
        ("2019-07-25", "2019-07-25", "right"),
        ("2019-07", "2019-07-25", "right"),  # right at gold's precision
        ("2019-07-25", "2019-07", "coarser"),
        ("2019-07-25", "2019-07-26", "wrong"),
        ("2019-07-25", "2019-08", "wrong"),
        ("2019-07-25", "2019-07-25T09:00:00+00:00", "right"),
        (None, None, "right"),
        ("2019", None, "missing"),
        (None, "2019", "spurious"),
    ],
)
def test_date_verdicts(gold: str | None, system: str | None, verdict: str) -> None:
    assert date_verdict(gold, system) == verdict


@pytest.mark.parametrize(
    ("gold", "name", "within", "verdict"),
    [
        ("Brussels", "brussels", (), "right"),
        ("Beijing", "Great Hall of the People", ("Beijing", "China"), "right"),
        ("White House", "the White House", (), "right"),
        ("Great Hall of the People", "Beijing", (), "wrong"),  # less specific than gold is not right
        ("Paris", "London", ("United Kingdom",), "wrong"),
        ("Paris", None, (), "missing"),
        (None, "Paris", (), "spurious"),
        (None, None, (), "none"),
    ],
)
def test_place_verdicts(gold: str | None, name: str | None, within: tuple[str, ...], verdict: str) -> None:
    assert place_verdict(gold, name, within) == verdict


def test_sentences_overlap_despite_quotes_and_splitting() -> None:
    gold = "Biden said the talks were “candid” and met Xi on Monday, the White House said."
    assert overlaps(gold, 'Biden said the talks were "candid" and met Xi on Monday,')
    assert overlaps(
        gold, "  Biden said the talks were “candid”   and met Xi on Monday, the White House said. "
    )
    assert not overlaps(gold, "Xi hosted a banquet for the visiting delegation on Tuesday evening.")


def test_the_split_is_sha256_of_the_publisher_mod_three() -> None:
    # sha256("example.com") % 3 == 0, sha256("bbc.com") % 3 == 2, sha256("cnn.com") % 3 == 1
    assert held_out("example.com")
    assert not held_out("bbc.com")
    assert not held_out("cnn.com")


# -- one page ----------------------------------------------------------------------------------------
GOLDS = [
    gold_event("e1", "meeting", "Joe Biden", "Xi Jinping"),
    gold_event("e2", "call", "Antony Blinken", "Wang Yi"),
]
SYSTEM = [
    SysEvent("meeting", (BIDEN, XI)),  # 0: e1
    SysEvent("visit", (XI, BIDEN_SHORT)),  # 1: e1 again in the meeting family
    SysEvent("call", (BLINKEN, WANG, SULLIVAN)),  # 2: e2 with one participant too many
    SysEvent("meeting", (TRUMP, PUTIN)),  # 3: false
]


def test_family_exact_matching_takes_the_meeting_and_calls_the_visit_a_duplicate() -> None:
    match = match_page(GOLDS, SYSTEM, "family", "exact", STATES)
    assert match.assigned == {0: 0}
    assert match.duplicates == {1: 0}


def test_strict_kinds_do_not_take_a_visit_for_a_meeting() -> None:
    match = match_page(GOLDS, SYSTEM, "strict", "exact", STATES)
    assert match.assigned == {0: 0}
    assert match.duplicates == {}


def test_overlap_of_two_takes_the_call_with_an_extra_participant() -> None:
    match = match_page(GOLDS, SYSTEM, "family", "overlap2", STATES)
    # s0 and s1 both overlap e1 in 2; s0 wins on the same kind; s2 overlaps e2 in 2.
    assert match.assigned == {0: 0, 2: 1}
    assert match.duplicates == {1: 0}


def test_greedy_assignment_prefers_the_largest_overlap() -> None:
    golds = [
        gold_event("e1", "meeting", "Joe Biden", "Xi Jinping"),
        gold_event("e2", "meeting", "Joe Biden", "Xi Jinping", "Vladimir Putin"),
    ]
    system = [SysEvent("meeting", (BIDEN, XI, PUTIN)), SysEvent("meeting", (BIDEN, XI))]
    match = match_page(golds, system, "family", "overlap2", STATES)
    # s0 fits e1 (2) and e2 (3): it takes e2; s1 then takes e1.
    assert match.assigned == {0: 1, 1: 0}


def test_dates_break_ties_between_equal_overlaps() -> None:
    golds = [gold_event("e1", "meeting", "Joe Biden", "Xi Jinping", date="2022-11-14"),
             gold_event("e2", "meeting", "Joe Biden", "Xi Jinping", date="2023-11-15")]  # fmt: skip
    system = [SysEvent("meeting", (BIDEN, XI), date="2023-11-15")]
    assert match_page(golds, system, "family", "exact", STATES).assigned == {0: 1}


# -- a part ------------------------------------------------------------------------------------------
def _part() -> tuple[list[PageRun], list[list[str]]]:
    trap = "Trump will meet Putin next week in Helsinki."
    page_a = {
        "page": "a.html.gz",
        "published": "2023-11-16",
        "events": [
            gold_event("e1", "meeting", "Joe Biden", "Xi Jinping", date="2023-11-15", place="Woodside",
                       canonical="biden-xi-2023"),
            gold_event("e2", "call", "Antony Blinken", "Wang Yi", date="2023-12", domain="other"),
        ],
        "traps": [{"evidence": trap, "class": "planned"},
                  {"evidence": "Biden has met Xi many times.", "class": "habitual"}],
    }  # fmt: skip
    page_b = {
        "page": "b.html.gz",
        "published": None,
        "events": [
            gold_event("e1", "meeting", "Joe Biden", "Xi Jinping", date="2023-11", canonical="biden-xi-2023")
        ],
        "traps": [],
    }
    runs = [
        PageRun(
            page_a,
            [
                SysEvent("meeting", (BIDEN, XI), date="2023-11-15", place="Filoli",
                         place_within=("Woodside",), mentions=("a1",)),
                SysEvent("meeting", (BIDEN_SHORT, XI), date="2023-11", mentions=("a2",)),  # duplicate of e1
                SysEvent("call", (BLINKEN, WANG), date=None, mentions=("a3",)),  # e2, undated
                SysEvent("meeting", (TRUMP, PUTIN), sentences=(trap,), mentions=("a4",)),  # the trap
            ],
            intents=[SysEvent("intent_to_meet", (TRUMP, PUTIN), sentences=(trap,))],
            published="2023-11-16",
        ),
        PageRun(page_b, [SysEvent("meeting", (XI, BIDEN), date="2023-11-15", mentions=("b1",))]),
    ]  # fmt: skip
    # Cross-page: a1 and b1 together (the canonical pair); a3 wrongly joined with a2 (e2 with e1).
    cross = [["a1", "b1"], ["a2", "a3"], ["a4"]]
    return runs, cross


def test_a_part_s_precision_recall_and_duplicates() -> None:
    result = score(*_part(), state_ids=STATES)
    sizes = (result["pages"], result["gold_events"], result["system_events"], result["intent_events"])
    assert sizes == (2, 3, 5, 1)
    headline = result["variants"]["family_exact"]
    # matched: A/e1 (s0), A/e2 (s2), B/e1: 3 of 5 system events, 3 of 3 gold events.
    assert headline["matched"] == 3
    assert headline["precision"] == pytest.approx(3 / 5)
    assert headline["recall"] == 1.0
    assert headline["duplicates"] == 1
    # political: A/e1 and B/e1, both found.
    assert (headline["political_gold"], headline["political_matched"]) == (2, 2)
    # No publication date found on page B, whose gold shows none either.
    assert (result["no_published"], result["no_published_gold_has"]) == (1, 0)


def test_a_part_s_dating_and_placing() -> None:
    headline = score(*_part(), state_ids=STATES)["variants"]["family_exact"]
    # A/e1 2023-11-15 right; A/e2 gold 2023-12, system undated: missing; B/e1 gold 2023-11, system
    # 2023-11-15: right at gold's precision.
    assert headline["dating"]["verdicts"] == {"missing": 1, "right": 2}
    assert headline["dating"]["right"] == pytest.approx(2 / 3)
    assert headline["dating"]["missing"] == pytest.approx(1 / 3)
    # Only A/e1 has a gold place (Woodside); Filoli lies within Woodside: right 1 of 1.
    assert headline["placing"]["with_gold_place"] == 1
    assert headline["placing"]["right"] == 1.0


def test_a_part_s_traps_and_cross_page_merges() -> None:
    result = score(*_part(), state_ids=STATES)
    traps = result["traps"]
    # The planned trap became the false Trump-Putin meeting and an intent; the habitual one nothing.
    assert (traps["total"], traps["became_contact"], traps["became_intent"]) == (2, 1, 1)
    assert traps["by_class"]["planned"] == {"traps": 1, "contact": 1, "intent": 1}
    assert traps["by_class"]["habitual"] == {"traps": 1, "contact": 0, "intent": 0}
    cross = result["cross_page"]
    # Expected pairs: (A/e1, B/e1) only; joined by [a1, b1]. [a2, a3] joins A/e1 (a2 is its duplicate)
    # with A/e2: one false join.
    assert (cross["pairs_expected"], cross["pairs_joined"], cross["false_joins"]) == (1, 1, 1)


def test_failures_name_the_missed_and_the_false() -> None:
    runs, cross = _part()
    runs[1].events = []  # B/e1 now missed
    failures = {p["page"]: p for p in score(runs, cross, STATES)["failures"]}
    assert [m["id"] for m in failures["b.html.gz"]["missed"]] == ["e1"]
    assert failures["b.html.gz"]["missed"][0]["cause"] == "nothing from its sentences"
    causes = sorted(f["cause"] for f in failures["a.html.gz"]["false"])
    assert causes == ["duplicate of e1", "trap:planned"]


# -- the section -------------------------------------------------------------------------------------
def _gold_folder(tmp_path: Path) -> Path:
    dev = {"page": "p/dev.html.gz", "publisher": "bbc.com", "traps": []}
    held = {"page": "p/held.html.gz", "publisher": "example.com", "events": []}
    rows = [
        {**dev, "events": [gold_event("e1", "call", "A B", "C D")]},
        {**held, "traps": [{"evidence": "x", "class": "planned"}]},
    ]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return tmp_path


def _fake_run_part(calls: list[list[str]]) -> Any:
    def fake(golds: list[dict[str, Any]], shared: Path) -> dict[str, Any]:
        calls.append([g["publisher"] for g in golds])
        return {
            **score([PageRun(g, []) for g in golds]),
            "mention_cpu_seconds": 0.0,
            "articles_per_second": None,
        }

    return fake


def test_the_held_out_part_is_neither_run_nor_printed_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(ev, "run_part", _fake_run_part(calls))
    options = argparse.Namespace(gold=str(_gold_folder(tmp_path)), shared=str(tmp_path), held_out=False)
    results = ev.run(options)
    assert calls == [["bbc.com"]]
    assert set(results["scores"]) == {"development"}
    assert results["sizes"]["held_out"] == {"pages": 1, "publishers": 1, "gold_events": 0, "traps": 1}
    text = ev.render(results)
    assert "== development" in text and "== held_out" not in text
    assert "not scored" in text


def test_held_out_scores_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(ev, "run_part", _fake_run_part(calls))
    options = argparse.Namespace(gold=str(_gold_folder(tmp_path)), shared=str(tmp_path), held_out=True)
    results = ev.run(options)
    assert calls == [["bbc.com"], ["example.com"]]
    assert "== held_out" in ev.render(results)


def test_one_shared_participant_is_not_an_overlap_of_two() -> None:
    golds = [gold_event("e1", "meeting", "Joe Biden", "Xi Jinping")]
    assert (
        match_page(golds, [SysEvent("meeting", (BIDEN, PUTIN))], "family", "overlap2", STATES).assigned == {}
    )


def test_cross_page_pairs_are_only_between_pages() -> None:
    # Two gold events of one page under one key are not a cross-page pair; with page B's there are
    # two pairs (A/e1-B/e1, A/e2-B/e1), and the one cross event holding a1 and b1 joins one of them.
    page_a = {"page": "a", "events": [gold_event("e1", "call", "A B", "C D", canonical="k"),
                                      gold_event("e2", "call", "A B", "C D", canonical="k")]}  # fmt: skip
    page_b = {"page": "b", "events": [gold_event("e1", "call", "A B", "C D", canonical="k")]}
    runs = [
        PageRun(page_a, [SysEvent("call", (), mentions=("a1",))]),
        PageRun(page_b, [SysEvent("call", (), mentions=("b1",))]),
    ]
    matches = [ev.PageMatch(assigned={0: 0}), ev.PageMatch(assigned={0: 0})]
    result = ev.cross_page(runs, matches, [["a1", "b1"]])
    assert (result["pairs_expected"], result["pairs_joined"], result["false_joins"]) == (2, 1, 0)
