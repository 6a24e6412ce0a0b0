"""The one vocabulary of name spotting (``data/namewords.json``, ``mentions/namewords.py``), read by both
the titled-people finder (actors) and the bare names at a contact verb (participants)."""

from __future__ import annotations

import json
from importlib import resources

from newsparse.mentions import namewords
from newsparse.mentions.actors import ActorFinder, ActorKind
from newsparse.models import Actor


def test_the_calendar_words_are_the_full_english_names_of_months_and_weekdays() -> None:
    assert {"May", "September", "Monday", "Sunday"} <= namewords.CALENDAR_WORDS
    # abbreviations are not month names here ("Jan" is a given name too), nor is "Today"
    assert not {"Jan", "Sept", "Today", "Yesterday"} & namewords.CALENDAR_WORDS
    assert namewords.CALENDAR.search("met on Tuesday at noon")
    assert not namewords.CALENDAR.search("met Mayor Maya Tuesdays")


def test_words_that_open_no_name_may_still_end_one() -> None:
    # "He": never a bare name's first word ("He met Xi"), yet the surname of "Liu He"
    assert "He" in namewords.NOT_OPENING and "He" not in namewords.NOT_NAME
    assert namewords.is_not_name_word("Minister's") and namewords.is_not_name_word("Police")
    assert not namewords.is_not_name_word("Sondland")


def test_the_vocabulary_has_no_month_and_no_word_twice() -> None:
    data = json.loads(resources.files("newsparse.data").joinpath("namewords.json").read_text("utf-8"))
    groups = {k: g for k, g in data.items() if isinstance(g, list) and k != "honorifics"}
    seen: dict[str, str] = {}
    for key, group in groups.items():
        for word in group:
            assert word not in seen, f"{word!r} is in {seen.get(word)} and {key}"
            seen[word] = key
    assert set(data["honorifics"]) <= set(data["address"])
    assert not set(seen) & namewords.CALENDAR_WORDS


def test_a_surname_the_article_writes_as_a_common_word_is_no_short_name(actors: ActorFinder) -> None:
    sentence = "Sen. Sherrod Brown, D-Ohio, met the union's leaders on Monday."
    short = actors.short_names_in([sentence, "Brown said the talks went well."])
    assert short["Brown"].name == "Sherrod Brown"
    # the same article, had it also written "brown" as a colour: "Brown" alone names no one
    short = actors.short_names_in([sentence, "Brown said the brown envelope was empty."])
    assert "Brown" not in short


def _person(actors: ActorFinder, text: str) -> Actor:
    (person,) = [f.actor for f in actors.find(text, {}) if f.actor and f.kind is ActorKind.PERSON]
    return person


def test_a_party_tag_gives_the_country_its_data_names(actors: ActorFinder) -> None:
    tagged = _person(actors, "Rep. Jane Doe, D-Calif., visited Mexico last week.")
    assert tagged.name == "Jane Doe" and tagged.country == "USA"
    untagged = _person(actors, "Rep. Jane Doe, who chairs the panel, visited Mexico last week.")
    assert untagged.name == "Jane Doe" and untagged.country is None
