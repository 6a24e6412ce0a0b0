"""Actors and places found in hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse.mentions.actors import ActorFinder, ActorKind
from newsparse.mentions.gazetteer import Gazetteer
from newsparse.mentions.places import PlaceFinder
from newsparse.models import Place


def people(finder: ActorFinder, gazetteer: Gazetteer, text: str, day: dt.date | None = None) -> list[str]:
    found = finder.find(text, finder.short_names_in([text]))
    return [
        a.name
        for f in found
        if f.kind in (ActorKind.PERSON, ActorKind.OFFICE) and (a := f.resolved(gazetteer, day))
    ]


def test_named_people_and_their_titles(actors: ActorFinder, gazetteer: Gazetteer) -> None:
    text = "US President Joe Biden met Chinese President Xi Jinping; Xi smiled."
    assert people(actors, gazetteer, text) == ["Joe Biden", "Xi Jinping", "Xi Jinping"]


def test_offices_resolve_on_the_day(actors: ActorFinder, gazetteer: Gazetteer) -> None:
    text = "China's foreign minister met the US secretary of state."
    assert people(actors, gazetteer, text, dt.date(2023, 6, 18)) == ["Qin Gang", "Antony Blinken"]
    assert people(actors, gazetteer, text, dt.date(2023, 12, 6))[0] == "Wang Yi"
    assert people(actors, gazetteer, text, None) == []  # no day, no guess


def test_an_unknown_person_introduced_by_an_office_becomes_an_actor(actors: ActorFinder) -> None:
    found = actors.find("He spoke with Turkish Chief of General Staff Gen. Metin Gurak.", {})
    (person,) = [f.actor for f in found if f.kind is ActorKind.PERSON]
    assert person is not None
    assert (person.id, person.name, person.country) == ("person:metin-gurak", "Metin Gurak", "TUR")
    assert person.office is not None and "Chief of General Staff" in person.office


def test_capitals_are_metonyms_for_their_countries(actors: ActorFinder) -> None:
    found = actors.find("Talks between Washington and Beijing resumed.", {})
    assert [(f.kind, f.actor.country) for f in found if f.actor] == [
        (ActorKind.COUNTRY, "USA"),
        (ActorKind.COUNTRY, "CHN"),
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Xi hosted Blinken at the Great Hall of the People in Beijing.",
            Place("Great Hall of the People", "CHN", within=("Beijing",), level="venue"),
        ),
        (
            "Biden and Xi met at Filoli, an estate south of San Francisco.",
            Place("Filoli", "USA", within=("Woodside", "San Francisco", "California"), level="venue"),
        ),
        ("The two leaders met in Bali.", Place("Bali", "IDN", level="city")),
        (
            "They met at the Istana Palace in Singapore.",
            Place("Istana Palace", "SGP", within=("Singapore",), level="venue"),
        ),
        ("BEIJING: The two men met on Monday.", None),  # a dateline is where the story was filed
        ("Biden and Kishida met in Hiroshima, Japan, on Saturday.", Place("Hiroshima", "JPN", level="city")),
        (
            "Biden and Xi met in Lima on Saturday.",
            Place("Lima", "PER", level="city"),
        ),  # a capital, from the country entry
        (
            "Biden and Xi met in Woodside, California.",
            Place("Woodside", "USA", within=("California",), level="city"),
        ),
        ("They met in November, California officials said.", None),
    ],
)
def test_places(places: PlaceFinder, text: str, place: Place | None) -> None:
    assert places.best(places.find(text)) == place


def test_a_possessive_is_not_part_of_an_unknown_name(actors: ActorFinder) -> None:
    text = "Hong Kong Chief Executive Carrie Lam's office met Antony Blinken."
    short = actors.short_names_in([text])
    assert "Lam" in short and "Lam's" not in short
    people = [f.actor.name for f in actors.find("Then Lam's aides met Blinken.", short) if f.actor]
    assert people == ["Carrie Lam", "Antony Blinken"]
