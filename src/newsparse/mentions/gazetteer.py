"""The gazetteer: who and where the mention extractor can name, as data.

People (with aliases and the short names a story may use once it has named them in full), countries
(names, adjectives, capitals used as metonyms), offices with dated terms (so that "the US president"
in 2023 is Joe Biden), organisations and places. The built-in data ships in the package
(``data/gazetteer.json``, written by hand, and ``data/world.json``, generated from open data by
``scripts/build_gazetteer.py``); plugins add entries in the same shape through the
``newsparse_gazetteer`` hook, and :func:`gazetteer_from_plugins` pools them.

Entries are frozen attrs models with validators, structured from the data by a strict cattrs converter:
an unknown key (a typo) is refused rather than ignored, and every problem is reported with its path
(``$.people[3].name: ...``) so that a plugin author finds the entry at once.

Ids are stable: a Wikidata QID only where it is certain, otherwise a slug (``person:antony-blinken``), so
merges never depend on spelling.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override
from cattrs.v import format_exception, transform_error

from newsparse.errors import GazetteerError
from newsparse.inputs import failure_from
from newsparse.models import Actor, Failure, Stage
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


class _Invalid(ValueError):
    """A value that breaks the gazetteer's schema; its message is shown as it is, after its path."""


def _non_blank(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{attribute.name!r} must be a non-empty string")


def _optional_non_blank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _non_blank(instance, attribute, value)


def _names(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Invalid(f"{attribute.name!r} must be a list of non-empty strings")


def _iso3(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3}", value):
        raise _Invalid(f"{attribute.name!r} must be three capital letters, not {value!r}")


def _lowercase(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.lower() for v in values)


@attrs.frozen
class Country:
    id: str = attrs.field(validator=_non_blank)
    iso3: str = attrs.field(validator=_iso3)
    name: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names)
    adjectives: tuple[str, ...] = attrs.field(default=(), validator=_names)
    capital: str | None = attrs.field(default=None, validator=_optional_non_blank)

    def actor(self) -> Actor:
        return Actor(id=self.id, name=self.name, country=self.iso3)


@attrs.frozen
class Person:
    id: str = attrs.field(validator=_non_blank)
    name: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names)
    #: Names valid only once the story has named the person in full ("Xi" after "Xi Jinping").
    short: tuple[str, ...] = attrs.field(default=(), validator=_names)
    country: str | None = attrs.field(default=None, validator=_optional_non_blank)
    office: str | None = attrs.field(default=None, validator=_optional_non_blank)


@attrs.frozen
class Term:
    """One holder's time in an office, ``[start, end)``; in the data its keys are ``from`` and ``to``."""

    holder: str = attrs.field(validator=_non_blank)
    start: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    end: dt.date | None = attrs.field(  # exclusive; None while the term runs
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.date))
    )

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@attrs.frozen
class Office:
    country: str = attrs.field(validator=_non_blank)
    office: str = attrs.field(validator=_non_blank)
    #: Lower case ("foreign minister"): offices are matched without regard to case.
    aliases: tuple[str, ...] = attrs.field(converter=_lowercase, validator=_names)
    terms: tuple[Term, ...] = attrs.field(
        default=(), validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Term))
    )


@attrs.frozen
class Organisation:
    id: str = attrs.field(validator=_non_blank)
    name: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names)
    country: str | None = attrs.field(default=None, validator=_optional_non_blank)


@attrs.frozen
class PlaceEntry:
    name: str = attrs.field(validator=_non_blank)
    aliases: tuple[str, ...] = attrs.field(validator=_names)
    country: str | None = attrs.field(validator=_optional_non_blank)
    #: The most specific wins (a venue over its city, a city over its region or country).
    kind: PlaceLevel = attrs.field(
        default=PlaceLevel.CITY, validator=attrs.validators.instance_of(PlaceLevel)
    )
    city: str | None = attrs.field(default=None, validator=_optional_non_blank)
    #: The places that hold this one, innermost first (a venue's city, then region); defaults to the city.
    within: tuple[str, ...] = attrs.field(default=(), validator=_names)

    def containers(self) -> tuple[str, ...]:
        """The places that hold this one, innermost first, as a Place's ``within`` carries them."""
        return self.within or ((self.city,) if self.city else ())


@attrs.frozen
class _Data:
    """One gazetteer document, as the packaged file and the ``newsparse_gazetteer`` hook give it."""

    about: str | None = None  # what the file is: read by people, not by the extractor
    countries: tuple[Country, ...] = ()
    people: tuple[Person, ...] = ()
    offices: tuple[Office, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    places: tuple[PlaceEntry, ...] = ()


def _is_homogeneous_tuple(tp: Any) -> bool:
    args: tuple[Any, ...] = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter() -> cattrs.Converter:
    """A strict converter for gazetteer data: unknown keys are refused (a typo such as ``"titel"`` must
    not load silently), strings are non-blank and stripped, lists of names are lists (a string is not
    a list of its letters; ``null`` is an empty list), dates are ISO ``YYYY-MM-DD``."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    def text(value: Any, _: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise _Invalid(f"expected a non-empty string, got {value!r}")
        return value.strip()

    def names(value: Any, _: Any) -> tuple[str, ...]:
        return () if value is None else entries(value, tuple[str, ...])

    def entries(value: Any, tp: Any) -> tuple[Any, ...]:
        if isinstance(value, (str, Mapping)) or not isinstance(value, Sequence):
            raise _Invalid(f"expected a list, got {type(value).__name__}")
        return tuple(conv.structure(list(value), list[get_args(tp)[0]]))  # type: ignore[misc,arg-type]

    def day(value: Any, _: Any) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise _Invalid(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None

    def level(value: Any, _: Any) -> PlaceLevel:
        try:
            return PlaceLevel(value)
        except ValueError:
            raise _Invalid(f"{value!r} is not one of {', '.join(v.value for v in PlaceLevel)}") from None

    conv.register_structure_hook(str, text)
    # Later registrations are tried first: names (which take null) before other tuples (which do not).
    conv.register_structure_hook_func(_is_homogeneous_tuple, entries)
    conv.register_structure_hook_func(lambda tp: bool(tp == tuple[str, ...]), names)
    conv.register_structure_hook(dt.date, day)
    conv.register_structure_hook(PlaceLevel, level)
    conv.register_structure_hook(
        Term,
        make_dict_structure_fn(
            Term,
            conv,
            _cattrs_forbid_extra_keys=True,
            start=override(rename="from"),
            end=override(rename="to"),
        ),
    )
    return conv


_CONVERTER = _make_converter()


#: Term's attributes by their keys in the data, so that an error path names the key the data has.
_TERM_KEYS = {"start": ".from", "end": ".to"}
_TERM_KEY = re.compile(r"(\.terms\[\d+\])\.(start|end)\b")


def _message(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, _Invalid):
        return str(exc)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown keys {sorted(exc.extra_fields)}"
    return format_exception(exc, type_)


def _read(data: Any, where: str) -> _Data:
    """``data`` as a :class:`_Data`, or a GazetteerError naming every problem by its path
    (``plugin x: $.people[3].name: expected a non-empty string, got ''``)."""
    if not isinstance(data, Mapping):
        raise GazetteerError(f"{where}: expected an object with {', '.join(SECTIONS)}")
    try:
        return _CONVERTER.structure(data, _Data)
    except cattrs.BaseValidationError as exc:
        problems = []
        for line in transform_error(exc, path="$", format_exception=_message):
            message, _, path = line.rpartition(" @ ")
            path = _TERM_KEY.sub(lambda m: m.group(1) + _TERM_KEYS[m.group(2)], path)
            problems.append(f"{path}: {message}")
        raise GazetteerError(f"{where}: " + "; ".join(problems)) from exc


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
        read = _read(data, where)
        countries, people = dict(self.countries), dict(self.people)
        offices, organisations, places = dict(self.offices), dict(self.organisations), dict(self.places)
        for country in read.countries:
            countries[country.iso3] = _merged(countries.get(country.iso3), country, "aliases", "adjectives")
        for person in read.people:
            people[person.id] = _merged(people.get(person.id), person, "aliases", "short")
        for org in read.organisations:
            organisations[org.id] = _merged(organisations.get(org.id), org, "aliases")
        for place in read.places:
            places[place.name] = _merged(places.get(place.name), place, "aliases")
        for i, office in enumerate(read.offices):
            for j, term in enumerate(office.terms):
                if term.holder not in people:
                    raise GazetteerError(
                        f"{where}: $.offices[{i}].terms[{j}].holder: {term.holder!r} is not a known person id"
                    )
            key = (office.country, office.office)
            offices[key] = _merged(offices.get(key), office, "aliases", "terms")
        for office in offices.values():
            if office.country not in countries:
                raise GazetteerError(
                    f"{where}: office {office.office!r} names unknown country {office.country}"
                )
        self.countries, self.people, self.offices = countries, people, offices
        self.organisations, self.places = organisations, places

    # -- lookups -------------------------------------------------------------------------------
    def person_actor(self, person_id: str, office: str | None = None) -> Actor:
        person = self.people[person_id]
        return Actor(id=person.id, name=person.name, country=person.country, office=office or person.office)

    def holder(self, country: str, alias: str, day: dt.date) -> tuple[Office, str] | None:
        """The office (by country and one of its aliases) and the id of its holder on ``day``; None
        when the office or its holder that day is not known (never a guess)."""
        alias = alias.lower()
        held = [
            (office, term.holder)
            for office in self.offices.values()
            if office.country == country and alias in office.aliases
            for term in office.terms
            if term.covers(day)
        ]
        if len({holder for _, holder in held}) != 1:
            return None  # no term covers the day, or terms that disagree: never a guess
        return held[0]

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


@functools.cache
def _packaged(name: str) -> dict[str, Any]:
    text = resources.files("newsparse.data").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def builtin_data(*, world: bool = True) -> dict[str, Any]:
    """The gazetteer data shipped in the package: the hand-written ``gazetteer.json`` and, after it,
    the generated world-scale ``world.json`` (every country, its capital and cities, heads of state and
    government and senior ministers with dated terms; see ``scripts/build_gazetteer.py``), as one
    document. A hand-written entry keeps its fields; the world data adds aliases and terms to it.
    ``world=False`` gives the hand-written data alone."""
    hand = _packaged("gazetteer.json")
    if not world:
        return dict(hand)
    extra = _packaged("world.json")
    data: dict[str, Any] = {"about": hand.get("about")}
    for section in SECTIONS:
        data[section] = [*hand.get(section, ()), *extra.get(section, ())]
    return data


def gazetteer_from_plugins(host: PluginHost) -> tuple[Gazetteer, list[Failure]]:
    """Pool the ``newsparse_gazetteer`` contributions of every plugin, in plugin order.

    A plugin that raises, or whose data does not follow the schema, becomes a Failure naming it, and
    its entries are left out; the others still count."""
    gazetteer = Gazetteer()
    pooled = host.pool("newsparse_gazetteer", stage=Stage.GAZETTEER)
    failures = list(pooled.failures)
    for plugin, data in pooled.value:
        try:
            gazetteer.add(data, where=f"plugin {plugin}")
        except GazetteerError as exc:
            failure = failure_from(exc, f"plugin {plugin}", stage=Stage.GAZETTEER)
            failures.append(attrs.evolve(failure, plugin=plugin))
    return gazetteer, failures


def country_forms(gazetteer: Gazetteer) -> Iterable[tuple[str, Country]]:
    """Every way the text may name a country: names, aliases, adjectives, and capitals as metonyms
    where the capital's name means nothing else the gazetteer knows (not a word of a person's name,
    not the capital of two countries, not a place of another country: "Kingston", "Hamilton",
    "Douglas" and "Victoria" stay places but name no state)."""
    ambiguous = _ambiguous_capitals(gazetteer)
    for country in gazetteer.countries.values():
        for form in (country.name, *country.aliases, *country.adjectives):
            yield form, country
        if country.capital and country.capital not in ambiguous:
            yield country.capital, country


def _ambiguous_capitals(gazetteer: Gazetteer) -> frozenset[str]:
    words = {
        word
        for person in gazetteer.people.values()
        for name in (person.name, *person.aliases)
        for word in name.split()
    }
    seen: dict[str, int] = {}
    for country in gazetteer.countries.values():
        if country.capital:
            seen[country.capital] = seen.get(country.capital, 0) + 1
    ambiguous = set()
    for country in gazetteer.countries.values():
        capital = country.capital
        if capital is None:
            continue
        place = gazetteer.places.get(capital)
        if capital in words or seen[capital] > 1 or (place is not None and place.country != country.iso3):
            ambiguous.add(capital)
    return frozenset(ambiguous)
