"""One pass for every name the gazetteer knows: an Aho-Corasick automaton over all surface forms.

People (names, aliases and short names), countries (names, aliases, adjectives, capitals), organisations,
places, office aliases and the head words of titles ("Minister", "Ambassador") all go into one
automaton (``ahocorasick-rs``), built once per gazetteer. :meth:`NameIndex.scan` reads a text once and
gives every occurrence that stands as whole words (not inside a longer word), each with what the form
may name; the actor and place finders then keep, per layer, the longest occurrence at each place.

Names are matched with their case ("US" is not "us"); office aliases are stored in lower case in the
gazetteer and are added in the case variants that text uses ("foreign minister", "Foreign minister",
"Foreign Minister", "FOREIGN MINISTER") and with their plural ("presidents").
"""

from __future__ import annotations

import bisect
import enum
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick_rs

if TYPE_CHECKING:
    from newsparse.mentions.gazetteer import Gazetteer

__all__ = ["Hit", "NameIndex", "NameKind", "title_heads"]


class NameKind(enum.Enum):
    """What a surface form may name."""

    PERSON = "person"  # key: person id
    SHORT = "short"  # key: person id; counts only once the article names the person in full
    COUNTRY = "country"  # key: iso3
    ORGANISATION = "organisation"  # key: organisation id
    PLACE = "place"  # key: the form itself (the place finder maps it to its entry)
    OFFICE = "office"  # key: the office alias in lower case
    OFFICES = "offices"  # key: the office alias in lower case, the form is its plural ("presidents")
    HEAD = "head"  # key: the head word of a title ("Minister"): a title the gazetteer may not hold


class Hit(NamedTuple):
    """One whole-word occurrence of a known form; offsets index the scanned text. (A named tuple: a long
    article has thousands, and one is built in about half the time a frozen attrs class takes.)"""

    start: int
    end: int
    form: str
    names: tuple[tuple[NameKind, str], ...]
    #: The kinds among ``names`` (the index gives them with the form, so that the finders' tests of a
    #: hit's kinds are one set lookup, not a loop over its names).
    kinds: frozenset[NameKind]

    def keys(self, kind: NameKind) -> tuple[str, ...]:
        if kind not in self.kinds:
            return ()
        return tuple(key for k, key in self.names if k is kind)

    def shifted(self, offset: int) -> Hit:
        return Hit(self.start - offset, self.end - offset, self.form, self.names, self.kinds)


_MINOR = frozenset({"of", "the", "for", "and", "in", "on", "to"})
_ROMAN = re.compile(r"[IVXLC]+")


def _title_case(alias: str) -> str:
    words = alias.split(" ")
    return " ".join(w if (i and w in _MINOR) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _case_variants(alias: str) -> set[str]:
    return {alias, alias[:1].upper() + alias[1:], _title_case(alias), alias.upper()}


def _plural(alias: str) -> str:
    return alias + ("es" if alias.endswith(("s", "x", "ch", "sh")) else "s")


@cache
def _titles() -> dict[str, list[str]]:
    text = resources.files("newsparse.data").joinpath("titles.json").read_text(encoding="utf-8")
    data: dict[str, list[str]] = json.loads(text)
    return data


def title_heads() -> tuple[str, ...]:
    """The head words of titles (``data/titles.json``): a capitalised run of words that ends in one
    ("Treasury Secretary", "House Speaker") is an office, and the name after it a person."""
    return tuple(_titles()["heads"])


def lower_case_heads() -> tuple[str, ...]:
    """The head words that are titles in lower case too ("managing director", "top negotiator")."""
    return tuple(_titles()["lower"])


class NameIndex:
    """The automaton over every surface form of one gazetteer (build once, scan many texts)."""

    def __init__(self, forms: Iterable[tuple[str, NameKind, str]]) -> None:
        table: dict[str, list[tuple[NameKind, str]]] = {}
        for form, kind, key in forms:
            form = form.strip()
            if not form:
                continue
            listed = table.setdefault(form, [])
            if (kind, key) not in listed:
                listed.append((kind, key))
        self.forms: dict[str, tuple[tuple[NameKind, str], ...]] = {
            form: tuple(entries) for form, entries in table.items()
        }
        self._build()

    def _build(self) -> None:
        #: Per pattern of the automaton (in its order): the form, what it names, and their kinds.
        self._payload = [
            (form, entries, frozenset(k for k, _ in entries)) for form, entries in self.forms.items()
        ]
        self._automaton = (
            ahocorasick_rs.AhoCorasick(list(self.forms), matchkind=ahocorasick_rs.MatchKind.Standard)
            if self.forms
            else None
        )

    def __getstate__(self) -> dict[str, object]:
        return {"forms": self.forms}  # the automaton does not pickle: it is built again

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.forms = state["forms"]
        self._build()

    @classmethod
    def for_gazetteer(cls, gazetteer: Gazetteer) -> NameIndex:
        from newsparse.mentions.gazetteer import country_forms

        forms: list[tuple[str, NameKind, str]] = []
        for form, country in country_forms(gazetteer):
            forms.append((form, NameKind.COUNTRY, country.iso3))
        for org in gazetteer.organisations.values():
            forms.extend((form, NameKind.ORGANISATION, org.id) for form in (org.name, *org.aliases))
        for person in gazetteer.people.values():
            forms.extend((form, NameKind.PERSON, person.id) for form in (person.name, *person.aliases))
            forms.extend(
                (short, NameKind.SHORT, person.id)
                for short in person.short
                if len(short) > 1 and not _ROMAN.fullmatch(short)  # "Baudouin I" has no short name "I"
            )
        for entry in gazetteer.places.values():
            forms.extend((form, NameKind.PLACE, form) for form in (entry.name, *entry.aliases))
        for country in gazetteer.countries.values():
            forms.extend((form, NameKind.PLACE, form) for form in (country.name, *country.aliases))
            if country.capital:
                forms.append((country.capital, NameKind.PLACE, country.capital))
        for office in gazetteer.offices.values():
            for alias in office.aliases:
                forms.extend((v, NameKind.OFFICE, alias) for v in _case_variants(alias))
                forms.extend((v, NameKind.OFFICES, alias) for v in _case_variants(_plural(alias)))
        forms.extend((head, NameKind.HEAD, head) for head in title_heads())
        # "managing director Christine Lagarde", "China's top trade negotiator"
        forms.extend((head, NameKind.HEAD, head) for head in lower_case_heads())
        return cls(forms)

    def scan(self, text: str) -> list[Hit]:
        """Every occurrence of a known form in ``text`` that is not part of a longer word (overlapping
        occurrences included), sorted by start, longest first."""
        if self._automaton is None:
            return []
        hits: list[Hit] = []
        size = len(text)
        payload = self._payload
        for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            form, entries, kinds = payload[index]
            if start > 0:
                before = text[start - 1]
                if before.isalnum() or before in "_-":  # a word character (\w) or a hyphen
                    continue
            if end < size:
                after = text[end]
                if after.isalnum() or after == "_":
                    continue
            hits.append(Hit(start, end, form, entries, kinds))
        hits.sort(key=lambda h: (h.start, h.start - h.end))
        return hits


class Hits:
    """The hits of one text, sorted by start, sliced by span (a sentence of an article)."""

    def __init__(self, hits: Sequence[Hit]) -> None:
        self.hits = list(hits)
        self._starts = [h.start for h in self.hits]

    def within(self, start: int, end: int) -> list[Hit]:
        """The hits inside ``[start, end)``, with offsets relative to ``start``."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [h.shifted(start) for h in self.hits[first:last] if h.end <= end]

    def __bool__(self) -> bool:
        return bool(self.hits)


def longest(hits: Iterable[Hit], kinds: frozenset[NameKind]) -> list[Hit]:
    """Leftmost-longest selection without overlaps among the hits of the given kinds (as a regex
    alternation of the forms, longest first, would find them)."""
    chosen: list[Hit] = []
    last_end = -1
    for hit in sorted(
        (h for h in hits if not kinds.isdisjoint(h.kinds)), key=lambda h: (h.start, h.start - h.end)
    ):
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen
