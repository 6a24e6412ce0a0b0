"""The gazetteer: who and where the mention extractor can name, as data.

People (with aliases and the short names a story may use once it has named them in full), countries
(names, adjectives, capitals used as metonyms), offices with dated terms (so that "the US president"
in 2023 is Joe Biden), organisations and places. The built-in data ships in the package
(``data/gazetteer.json``); plugins add entries in the same shape through the
``newsparse_gazetteer`` hook, and :func:`gazetteer_from_plugins` pools them.

Ids are stable: a Wikidata QID only where it is certain, otherwise a slug (``person:antony-blinken``), so
merges never depend on spelling.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from newsparse.errors import GazetteerError
from newsparse.inputs import failure_from
from newsparse.models import Actor, Failure
from newsparse.vocabulary import PlaceLevel

if TYPE_CHECKING:
    from newsparse.plugins.host import PluginHost

__all__ = [
    "Country",
    "Gazetteer",
    "GazetteerError",
    "Office",
    "Organisation",
    "Person",
    "PlaceEntry",
    "Term",
    "builtin_data",
    "gazetteer_from_plugins",
    "slug",
]

SECTIONS = ("countries", "people", "offices", "organisations", "places")


def slug(text: str) -> str:
    """A lowercase ASCII slug: ``"Charles Q. Brown"`` -> ``"charles-q-brown"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise GazetteerError(f"{where}: expected a list of strings")
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise GazetteerError(f"{where}: expected non-empty strings")
    return tuple(v.strip() for v in value)


def _text(entry: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise GazetteerError(f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise GazetteerError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


@attrs.frozen
class Country:
    id: str
    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capital: str | None = None

    def actor(self) -> Actor:
        return Actor(id=self.id, name=self.name, country=self.iso3)


@attrs.frozen
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    #: Names valid only once the story has named the person in full ("Xi" after "Xi Jinping").
    short: tuple[str, ...] = ()
    country: str | None = None
    office: str | None = None


@attrs.frozen
class Term:
    holder: str
    start: dt.date
    end: dt.date | None = None  # exclusive; None while the term runs

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@attrs.frozen
class Office:
    country: str
    office: str
    aliases: tuple[str, ...]
    terms: tuple[Term, ...] = ()


@attrs.frozen
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@attrs.frozen
class PlaceEntry:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: PlaceLevel = PlaceLevel.CITY  # the most specific wins
    city: str | None = None
    #: The places that hold this one, innermost first (a venue's city, then region); defaults to the city.
    within: tuple[str, ...] = ()

    def containers(self) -> tuple[str, ...]:
        """The places that hold this one, innermost first, as a Place's ``within`` carries them."""
        return self.within or ((self.city,) if self.city else ())


def _read_section(data: Mapping[str, Any], section: str, where: str) -> list[Mapping[str, Any]]:
    entries = data.get(section, ())
    if not isinstance(entries, Sequence) or isinstance(entries, str):
        raise GazetteerError(f"{where}: {section!r} must be a list")
    for index, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            raise GazetteerError(f"{where}: {section}[{index}] must be an object")
    return list(entries)


@attrs.define
class Gazetteer:
    """All known names, merged from the built-in data and every plugin's contribution."""

    countries: dict[str, Country] = attrs.field(factory=dict)  # by iso3
    people: dict[str, Person] = attrs.field(factory=dict)  # by id
    offices: dict[tuple[str, str], Office] = attrs.field(factory=dict)  # by (iso3, office)
    organisations: dict[str, Organisation] = attrs.field(factory=dict)  # by id
    places: dict[str, PlaceEntry] = attrs.field(factory=dict)  # by name

    @classmethod
    def from_data(cls, *sources: Mapping[str, Any]) -> Gazetteer:
        gazetteer = cls()
        for index, data in enumerate(sources):
            gazetteer.add(data, where=f"gazetteer source {index}")
        return gazetteer

    # -- building ------------------------------------------------------------------------------
    def add(self, data: Mapping[str, Any], *, where: str = "gazetteer") -> None:
        """Add entries in the schema of the packaged file. An id (or country, or office) already known
        gains the new aliases and terms; its other fields stay. Validates everything before adding
        anything, so bad data leaves the gazetteer as it was."""
        if not isinstance(data, Mapping):
            raise GazetteerError(f"{where}: expected an object with {', '.join(SECTIONS)}")
        unknown = set(data) - set(SECTIONS) - {"about"}
        if unknown:
            raise GazetteerError(f"{where}: unknown sections {sorted(unknown)}")
        staged = attrs.evolve(self)
        staged.countries, staged.people = dict(self.countries), dict(self.people)
        staged.offices, staged.organisations = dict(self.offices), dict(self.organisations)
        staged.places = dict(self.places)
        for i, e in enumerate(_read_section(data, "countries", where)):
            w = f"{where}: countries[{i}]"
            iso3 = _text(e, "iso3", w) or ""
            if not re.fullmatch(r"[A-Z]{3}", iso3):
                raise GazetteerError(f"{w}: iso3 must be three capital letters")
            new = Country(
                id=_text(e, "id", w) or "",
                iso3=iso3,
                name=_text(e, "name", w) or "",
                aliases=_strings(e.get("aliases"), w),
                adjectives=_strings(e.get("adjectives"), w),
                capital=_text(e, "capital", w, required=False),
            )
            staged.countries[iso3] = _merged(staged.countries.get(iso3), new, "aliases", "adjectives")
        for i, e in enumerate(_read_section(data, "people", where)):
            w = f"{where}: people[{i}]"
            new_person = Person(
                id=_text(e, "id", w) or "",
                name=_text(e, "name", w) or "",
                aliases=_strings(e.get("aliases"), w),
                short=_strings(e.get("short"), w),
                country=_text(e, "country", w, required=False),
                office=_text(e, "office", w, required=False),
            )
            staged.people[new_person.id] = _merged(
                staged.people.get(new_person.id), new_person, "aliases", "short"
            )
        for i, e in enumerate(_read_section(data, "organisations", where)):
            w = f"{where}: organisations[{i}]"
            org = Organisation(
                id=_text(e, "id", w) or "",
                name=_text(e, "name", w) or "",
                aliases=_strings(e.get("aliases"), w),
                country=_text(e, "country", w, required=False),
            )
            staged.organisations[org.id] = _merged(staged.organisations.get(org.id), org, "aliases")
        for i, e in enumerate(_read_section(data, "places", where)):
            w = f"{where}: places[{i}]"
            kind = _text(e, "kind", w, required=False) or "city"
            if kind not in ("venue", "city", "region", "country"):
                raise GazetteerError(f"{w}: kind must be venue, city, region or country")
            place = PlaceEntry(
                name=_text(e, "name", w) or "",
                aliases=_strings(e.get("aliases"), w),
                country=_text(e, "country", w, required=False),
                kind=PlaceLevel(kind),
                city=_text(e, "city", w, required=False),
                within=_strings(e.get("within"), w),
            )
            staged.places[place.name] = _merged(staged.places.get(place.name), place, "aliases")
        for i, e in enumerate(_read_section(data, "offices", where)):
            w = f"{where}: offices[{i}]"
            country = _text(e, "country", w) or ""
            terms = []
            for j, t in enumerate(e.get("terms") or ()):
                if not isinstance(t, Mapping):
                    raise GazetteerError(f"{w}: terms[{j}] must be an object")
                holder = _text(t, "holder", f"{w}: terms[{j}]") or ""
                if holder not in staged.people:
                    raise GazetteerError(f"{w}: terms[{j}]: holder {holder!r} is not a known person id")
                start = _date(t.get("from"), f"{w}: terms[{j}]")
                if start is None:
                    raise GazetteerError(f"{w}: terms[{j}]: 'from' is required")
                terms.append(Term(holder, start, _date(t.get("to"), f"{w}: terms[{j}]")))
            office = Office(
                country=country,
                office=_text(e, "office", w) or "",
                aliases=tuple(a.lower() for a in _strings(e.get("aliases"), w)),
                terms=tuple(terms),
            )
            key = (office.country, office.office)
            staged.offices[key] = _merged(staged.offices.get(key), office, "aliases", "terms")
        for office in staged.offices.values():
            if office.country not in staged.countries:
                raise GazetteerError(
                    f"{where}: office {office.office!r} names unknown country {office.country}"
                )
        self.countries, self.people, self.offices = staged.countries, staged.people, staged.offices
        self.organisations, self.places = staged.organisations, staged.places

    # -- lookups -------------------------------------------------------------------------------
    def person_actor(self, person_id: str, office: str | None = None) -> Actor:
        person = self.people[person_id]
        return Actor(id=person.id, name=person.name, country=person.country, office=office or person.office)

    def holder(self, country: str, alias: str, day: dt.date) -> tuple[Office, str] | None:
        """The office (by country and one of its aliases) and the id of its holder on ``day``; None
        when the office or its holder that day is not known (never a guess)."""
        alias = alias.lower()
        for office in self.offices.values():
            if office.country == country and alias in office.aliases:
                for term in office.terms:
                    if term.covers(day):
                        return office, term.holder
                return None
        return None

    def office_aliases(self) -> tuple[str, ...]:
        return tuple(
            sorted({a for office in self.offices.values() for a in office.aliases}, key=len, reverse=True)
        )


def _union(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    return old + tuple(v for v in new if v not in old)


_Entry = TypeVar("_Entry", Country, Person, Office, Organisation, PlaceEntry)


def _merged(old: _Entry | None, new: _Entry, *additive: str) -> _Entry:
    """``new``, or ``old`` gaining the ``additive`` tuples of ``new`` (aliases, terms ...): an entry
    already known keeps its other fields, so a plugin extends the built-in data but cannot rewrite it."""
    if old is None:
        return new
    changes: dict[str, Any] = {name: _union(getattr(old, name), getattr(new, name)) for name in additive}
    return attrs.evolve(old, **changes)


def builtin_data() -> dict[str, Any]:
    """The gazetteer data shipped in the package."""
    text = resources.files("newsparse.data").joinpath("gazetteer.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def gazetteer_from_plugins(host: PluginHost) -> tuple[Gazetteer, list[Failure]]:
    """Pool the ``newsparse_gazetteer`` contributions of every plugin, in plugin order.

    A plugin that raises, or whose data does not follow the schema, becomes a Failure naming it, and
    its entries are left out; the others still count."""
    gazetteer = Gazetteer()
    failures: list[Failure] = []
    for outcome in host.call_each("newsparse_gazetteer"):
        problem: BaseException | None = outcome.error
        if problem is None and outcome.result is not None:
            try:
                gazetteer.add(outcome.result, where=f"plugin {outcome.plugin}")
            except GazetteerError as exc:
                problem = exc
        if problem is not None:
            failure = failure_from(problem, f"plugin {outcome.plugin}", stage="gazetteer")
            failures.append(attrs.evolve(failure, plugin=outcome.plugin))
    return gazetteer, failures


def country_forms(gazetteer: Gazetteer) -> Iterable[tuple[str, Country]]:
    """Every way the text may name a country: names, aliases, adjectives, capitals (as metonyms)."""
    for country in gazetteer.countries.values():
        for form in (country.name, *country.aliases, *country.adjectives):
            yield form, country
        if country.capital:
            yield country.capital, country
