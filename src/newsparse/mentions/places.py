"""Where a contact happened: venues and cities from the gazetteer, and "at the ..." venues it lacks.

Names come from the gazetteer's one-pass index (:mod:`newsparse.mentions.names`).
Within the clause that reports the contact, the most specific place wins (a venue over its city, a
city over its region or country), so "at the Great Hall of the People in Beijing" gives the Great Hall
(in China). A dateline ("BEIJING:") says where the story was filed, not where the contact was, and is
not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from newsparse.mentions.gazetteer import Gazetteer, PlaceEntry
from newsparse.mentions.names import Hit, NameIndex, NameKind, longest
from newsparse.models import Place
from newsparse.vocabulary import PlaceLevel

__all__ = ["FoundPlace", "PlaceFinder"]

_PLACE = frozenset(NameKind)  # any hit whose form names a place (checked against the place table)
_TOWN_OF = re.compile(r"\bin\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}),\s+")


def _longest_at(hits: Sequence[Hit], position: int) -> Hit | None:
    best = None
    for hit in hits:
        if hit.start == position and (best is None or hit.end > best.end):
            best = hit
    return best


#: The most specific place wins: a venue over its city, a city over its region or country.
_SPECIFICITY = {PlaceLevel.VENUE: 0, PlaceLevel.CITY: 1, PlaceLevel.REGION: 2, PlaceLevel.COUNTRY: 3}
_UNKNOWN_VENUE = re.compile(
    r"\bat\s+the\s+(?P<name>(?:[A-Z][\w’'-]+\s+)*(?:Palace|House|Hall|Guesthouse|Hotel|Centre|Center|Building|"
    r"Ministry|Residence|Castle|Villa|Estate|Headquarters|Compound|Kremlin|Chancellery)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)?)"
)


_CALENDAR_WORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)

#: A place counts only where the words put something there: "at the ...", "in ...", "visit to ...".
_LOCATIVE_BEFORE = re.compile(
    r"(?i:\b(?:in|at|to|on|near|inside|outside|visit(?:s|ed|ing)?|(?:city|island|town|capital)\s+of))\s+"
    r"(?:[\w’'-]+\s+){0,3}$"
)

#: ... unless the words are a title: "former special envoy to Ukraine Kurt Volker", "the ambassador to
#: the EU" name an office, not where anything happened.
_TITLE_TO = re.compile(
    r"(?i:\b(?:envoys?|ambassadors?|representatives?|delegates?|emissar(?:y|ies)|consuls?|attach[ée]s?)\s+"
    r"to\s+(?:the\s+)?$)"
)


@attrs.frozen
class FoundPlace:
    start: int
    end: int
    place: Place
    kind: PlaceLevel

    @property
    def specificity(self) -> int:
        return _SPECIFICITY[self.kind]


class PlaceFinder:
    """Place lookups for one gazetteer, over the names index of its actor finder (or its own)."""

    def __init__(self, gazetteer: Gazetteer, index: NameIndex | None = None) -> None:
        self.index = index if index is not None else NameIndex.for_gazetteer(gazetteer)
        self._by_form: dict[str, PlaceEntry] = {}
        for country in gazetteer.countries.values():
            self._by_form.setdefault(
                country.name, PlaceEntry(country.name, (), country.iso3, PlaceLevel.COUNTRY)
            )
            for alias in country.aliases:
                self._by_form.setdefault(
                    alias, PlaceEntry(country.name, (), country.iso3, PlaceLevel.COUNTRY)
                )
            if country.capital:
                self._by_form.setdefault(
                    country.capital, PlaceEntry(country.capital, (), country.iso3, PlaceLevel.CITY)
                )
        for entry in gazetteer.places.values():
            for form in (entry.name, *entry.aliases):
                self._by_form[form] = entry

    def find(self, text: str, hits: Sequence[Hit] | None = None) -> list[FoundPlace]:
        """Places named in ``text`` (relative offsets), a leading dateline left out; ``hits`` are the
        name index's hits in ``text`` when the caller has them (else it scans)."""
        if hits is None:
            hits = self.index.scan(text)
        dateline = re.match(r"^\s*[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z]+\))?\s*[:—–-]\s+", text)
        begin = dateline.end() if dateline else 0
        places = [
            h
            for h in hits
            if h.start >= begin
            and h.form in self._by_form
            and not text.startswith("-", h.end)  # "Beijing-based"
        ]
        found = []
        for hit in longest(places, _PLACE):
            before = text[max(begin, hit.start - 60) : hit.start]
            if not _LOCATIVE_BEFORE.search(before) or _TITLE_TO.search(before):
                continue
            entry = self._by_form[hit.form]
            place = Place(entry.name, entry.country, within=entry.containers(), level=entry.kind.value)
            found.append(FoundPlace(hit.start, hit.end, place, entry.kind))
        # "in Lima, Peru", "in Woodside, California": a town the gazetteer lacks, placed by a country
        # or region it knows.
        if ", " in text:
            for match in _TOWN_OF.finditer(text, begin):
                wider_hit = _longest_at(places, match.end())
                if wider_hit is None:
                    continue
                wider = self._by_form[wider_hit.form]
                if wider.kind not in (PlaceLevel.COUNTRY, PlaceLevel.REGION):
                    continue
                start, end = match.span("name")
                if match.group("name") not in self._by_form and not _CALENDAR_WORD.match(match.group("name")):
                    within = (wider.name,) if wider.kind is PlaceLevel.REGION else ()
                    town = Place(
                        match.group("name"), wider.country, within=within, level=PlaceLevel.CITY.value
                    )
                    found.append(FoundPlace(start, end, town, PlaceLevel.CITY))
        for match in _UNKNOWN_VENUE.finditer(text, begin):
            start, end = match.span("name")
            if not any(f.start < end and start < f.end for f in found):
                venue = Place(match.group("name"), None, level=PlaceLevel.VENUE.value)
                found.append(FoundPlace(start, end, venue, PlaceLevel.VENUE))
        return sorted(found, key=lambda f: f.start)

    @staticmethod
    def best(places: list[FoundPlace]) -> Place | None:
        """The most specific place; a venue whose country is unknown borrows the country of a city or
        country named with it ("at the Istana Palace in Singapore")."""
        real = [p for p in places if p.place.country is not None or p.kind is PlaceLevel.VENUE]
        if not real:
            return None
        best = min(real, key=lambda p: (p.specificity, p.start))
        if best.place.country is None:
            country = next((p.place.country for p in real if p.place.country), None)
            # the venue lies in the city named with it ("at the Istana Palace in Singapore")
            city = next((p.place for p in real if p.kind is PlaceLevel.CITY and p.place.country), None)
            within = (city.name, *city.within) if city is not None else best.place.within
            return attrs.evolve(best.place, country=country, within=within)
        return best.place
