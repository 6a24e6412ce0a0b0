"""The vocabulary of name spotting, shared by :mod:`newsparse.mentions.actors` (titled and named-again
people) and :mod:`newsparse.mentions.participants` (bare names at a contact verb).

The words are data: ``data/namewords.json`` (capitalised words that are never a word of a person's
name, by group), ``data/months.json`` (month and weekday names). The patterns here are the one
definition of a word of a name and of the forms of address before one.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "CALENDAR",
    "CALENDAR_WORDS",
    "COURTESY",
    "FUNCTION_WORDS",
    "HONORIFIC",
    "NAME_WORD",
    "NOT_NAME",
    "NOT_OPENING",
    "ORGANISATION_HEADS",
    "ORGANISATION_OPENERS",
    "PERSON_TITLE_WORDS",
    "is_not_name_word",
    "party_tags",
]


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("newsparse.data").joinpath(name).read_text(encoding="utf-8")
    )
    return data


@cache
def _vocabulary() -> dict[str, Any]:
    return _read("namewords.json")


def _groups(data: dict[str, Any], *, leave_out: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(
        word
        for key, words in data.items()
        if isinstance(words, list) and key not in leave_out
        for word in words
    )


def _calendar_words() -> frozenset[str]:
    """The English month and weekday names, capitalised: for each month, its longest name ("Sept" and
    "Jan" are abbreviations, and "Jan" a given name too); the weekdays ending in "day" that are
    days of the week ("Monday", not "Today")."""
    data = _read("months.json")
    longest: dict[int, str] = {}
    for name, number in data["months"]["en"].items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    days = [d for d in data["weekdays"]["en"] if d not in ("today", "yesterday")]
    return frozenset(w.capitalize() for w in (*longest.values(), *days))


#: Capitalised words that are never a word of a person's name (``data/namewords.json``): forms of
#: address, ranks, words of titles, common nouns of the names of bodies and places, function words.
NOT_NAME: frozenset[str] = _groups(_vocabulary(), leave_out=("opening_only",))
#: :data:`NOT_NAME` and the words that open no name but may be a later word of one ("He": "Liu He").
NOT_OPENING: frozenset[str] = _groups(_vocabulary())
#: Words that open a sentence or a clause: determiners, pronouns, prepositions, conjunctions, adverbs.
FUNCTION_WORDS: frozenset[str] = frozenset((*_vocabulary()["function_words"], *_vocabulary()["opening_only"]))
#: Words that may open an organisation's name though never a person's ("United Auto Workers", "National
#: Security Council", "New Democratic Party"): the nouns and compass words of bodies and places.
ORGANISATION_OPENERS: frozenset[str] = frozenset(
    (*_vocabulary()["bodies"], *_vocabulary()["places"], *_vocabulary()["organisation_heads"])
)
#: Words that stand for a person's office or address, never inside an organisation's name ("Fed
#: President and Bretton Woods Committee" is two titles): forms of address, ranks, and the words of
#: one-word title heads (``titles.json``: "President", "Chair"), not "Foreign" or "State".
PERSON_TITLE_WORDS: frozenset[str] = frozenset(
    (
        *_vocabulary()["address"],
        *_vocabulary()["ranks"],
        *(h for h in _read("titles.json")["heads"] if " " not in h and not h.endswith(".")),
    )
)
#: Last words of an organisation's name ("Surrey Police", "the Labour Muslim Network").
ORGANISATION_HEADS: frozenset[str] = frozenset(_vocabulary()["organisation_heads"])
#: English month and weekday names ("May", "Monday"), from ``data/months.json``.
CALENDAR_WORDS: frozenset[str] = _calendar_words()
#: A month or weekday name as a word of its own.
CALENDAR = re.compile(rf"\b(?:{'|'.join(sorted(CALENDAR_WORDS, key=len, reverse=True))})\b")
#: A form of address dropped before a name ("Mr. Brin", "Dr James Andrews"), with its stop and space.
HONORIFIC = rf"(?:(?:{'|'.join(_vocabulary()['honorifics'])})\.?\s+)"
#: One form of address as a word of its own, with or without its stop ("Mr.", "Dr").
COURTESY = re.compile(rf"(?:{'|'.join(_vocabulary()['honorifics'])})\.?")
#: One capitalised word of a name: "Favre", "D'Onofrio", "McCarthy", "Moster-Knudsen", "al-Sisi" is
#: read as its prefix and this word.
NAME_WORD = r"[A-Z][a-z’']*(?:[A-Z][a-z’']+)?(?:-[A-Za-z][a-z’']+)*(?<=[a-z’'])"

_POSSESSIVE_ENDS = ("'s", "’s")


@cache
def party_tags() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The tags a press writes after a legislator's name (", R-W.Va."), each with the ISO3 code of the
    country whose legislators it marks (``data/titles.json``, ``party_tags``)."""
    return tuple((re.compile(t["pattern"]), t["country"]) for t in _read("titles.json").get("party_tags", ()))


def is_not_name_word(word: str) -> bool:
    """Whether ``word`` (possibly possessive: "Minister's") is one of :data:`NOT_NAME`."""
    if word.endswith(_POSSESSIVE_ENDS):
        word = word[:-2]
    return word in NOT_NAME
