"""Finding actors in a sentence: people, offices resolved by date, countries, organisations.

Names come from the gazetteer (one compiled pattern per gazetteer, longest name first). A person's
short name ("Xi", "Wang", "Brown") counts only once the article has named them in full. An office with
its country ("the US president", "China's foreign minister", "the presidents of China and the United
States") is resolved to its holder on the day of the event; an office followed by a name that the
gazetteer does not know ("Chief of the Joint Staff Gen. Zhang Wei") makes a new actor with that office
and country, with a slug id.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence

import attrs

from newsparse.mentions.gazetteer import Country, Gazetteer, country_forms, slug
from newsparse.models import Actor

__all__ = ["ActorFinder", "ActorKind", "Found"]

_POSSESSIVE = r"(?:'s|’s)"
_RANK = (
    r"(?:Air\s+Force\s+|Army\s+|Navy\s+|Marine\s+)?(?:Lt\.?\s+Gen\.|Lieutenant\s+General|Maj\.?\s+Gen\.|"
    r"Major\s+General|Gen\.|General|Adm\.|Admiral|Col\.|Colonel|Air\s+Chief\s+Marshal|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)"
)
#: Words that make a capitalised run of words an office title.
_HEADS = re.compile(
    r"\b(Minister|Secretary|Chief|Chiefs|Chairman|Chairwoman|Chair|President|Premier|Ambassador|Director|"
    r"Commander|Spokesperson|Spokesman|Spokeswoman|Governor|Envoy|Adviser|Advisor|Chancellor|Senator|Mayor|"
    r"Head|Leader)\b"
)
#: Capitalised words that belong to titles and ranks, never to a person's name.
_NOT_NAME = (
    r"(?:Gen|General|Lt|Lieutenant|Maj|Major|Adm|Admiral|Col|Colonel|Staff|Joint|Chief|Chiefs|Minister|Secretary|"
    r"President|Premier|Vice|Deputy|Defen[cs]e|Foreign|Affairs|State|Army|Navy|Air|Force|Marine|Commission|"
    r"Military|Central|National|Council|Committee|Security|Director|Chairman|Ambassador|Envoy|Mr|Ms|Mrs|Dr|"
    r"Executive|Officer|Spokes(?:person|man|woman)|Governor|Mayor|Senator|Representative|Prime|Crown|Prince|"
    r"King|Queen|Chancellor|Speaker|Leader|Head|Commander|Advis[eo]r|Special|Senior|Top|Former|Acting)\b"
)
_NAME_WORD = rf"(?!{_NOT_NAME})[A-Z][a-z’'-]+"
_NAME = rf"{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}}"
_TITLE_BEFORE = re.compile(
    r"((?:[A-Z][\w’'.-]*|of|the|for|and)(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and))*)\s+$"
)
#: Last words of an office title other than its head word ("Chief of General Staff", "... Commission").
_TITLE_ENDS = re.compile(
    r"Staff|Commission|Affairs|Ministry|Council|Command|Committee|Department|Forces|Defen[cs]e|State|Security|"
    r"Executive|Officer|General"
)
_CALENDAR = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b"
)


class ActorKind(enum.Enum):
    """What a reference in a sentence names. Internal: an actor of a mention carries no kind (its id
    says it: a QID or ``person:``/``org:``/``country:`` slug)."""

    PERSON = "person"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    #: An office with its country ("the US president"), resolved to its holder on the event's day.
    OFFICE = "office"


@attrs.frozen
class Found:
    """One actor reference in a sentence (offsets are relative to the sentence)."""

    start: int
    end: int
    kind: ActorKind
    actor: Actor | None = None  # None for an office until it is resolved on a date
    office: tuple[str, str] | None = None  # (country iso3, office alias) to resolve
    possessive: bool = False  # "Blinken's", "China's"
    modifier: bool = False  # a country word that qualifies a noun ("US officials")
    plural_of: tuple[str, ...] = ()  # "respective presidents": resolve for these countries later

    def resolved(self, gazetteer: Gazetteer, day: dt.date | None) -> Actor | None:
        if self.actor is not None or self.office is None or day is None:
            return self.actor
        held = gazetteer.holder(self.office[0], self.office[1], day)
        if held is None:
            return None
        office, holder = held
        return gazetteer.person_actor(holder, office.office)


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


class ActorFinder:
    """Compiled lookups for one gazetteer (build once, use for many articles)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._entity: dict[str, tuple[ActorKind, str]] = {}  # surface -> (kind, id or iso3)
        for country_form, country in country_forms(gazetteer):
            self._entity.setdefault(country_form, (ActorKind.COUNTRY, country.iso3))
        for org in gazetteer.organisations.values():
            for form in (org.name, *org.aliases):
                self._entity[form] = (ActorKind.ORGANISATION, org.id)
        for person in gazetteer.people.values():
            for form in (person.name, *person.aliases):
                self._entity[form] = (ActorKind.PERSON, person.id)
        self._names = re.compile(rf"(?<![\w-])(?:{_alternation(self._entity)})(?![\w])(?:{_POSSESSIVE})?")
        self._country_by_form = {form: country for form, country in country_forms(gazetteer)}
        self._office_names = {
            (office.country, alias): office.office
            for office in gazetteer.offices.values()
            for alias in office.aliases
        }
        countries = _alternation(self._country_by_form)
        offices = _alternation(gazetteer.office_aliases())
        self._office_after_country = re.compile(
            rf"(?<![\w])(?:the\s+)?(?P<country>{countries})(?P<poss>{_POSSESSIVE})?\s+"
            rf"(?:(?i:then|current|incumbent)\s+)?(?P<office>(?i:{offices}))(?![\w])"
        )
        self._office_of_country = re.compile(
            rf"(?<![\w])(?:(?i:the)\s+)?(?P<office>(?i:{offices}))(?P<plural>s)?\s+of\s+(?:the\s+)?"
            rf"(?P<country>{countries})(?:\s+and\s+(?:the\s+)?(?P<country2>{countries}))?(?![\w])"
        )
        self._respective = re.compile(
            rf"(?i:\b(?:the\s+(?:two\s+)?countries['’]\s+(?:respective\s+)?|their\s+respective\s+|"
            rf"the\s+two\s+countries['’]\s+))(?P<office>(?i:{offices}))s\b"
        )
        self._rank_then_name = re.compile(rf"^,?\s*(?:{_RANK}\s+)?")
        self._unknown = re.compile(rf"(?:(?<=\s)|^)(?:{_RANK}\s+)?(?P<name>{_NAME})(?![\w])")

    # -- finding -------------------------------------------------------------------------------
    def find(
        self, text: str, short_names: dict[str, Actor], skip: Sequence[tuple[int, int]] = ()
    ) -> list[Found]:
        """Every actor reference in ``text``, left to right, without overlaps. ``short_names`` maps the
        short names the article has introduced to person ids; ``skip`` spans (quotes) are not read."""
        candidates: list[Found] = []
        for match in self._names.finditer(text):
            surface = match.group(0)
            possessive = surface.endswith(("'s", "’s")) and surface not in self._entity
            if possessive:
                surface = surface[:-2]
            kind, key = self._entity[surface]
            end = match.end()
            if kind is ActorKind.COUNTRY:
                country = self.gazetteer.countries[key]
                candidates.append(
                    Found(
                        match.start(),
                        end,
                        ActorKind.COUNTRY,
                        country.actor(),
                        possessive=possessive,
                        modifier=_qualifies_noun(text, end, surface, country),
                    )
                )
            elif kind is ActorKind.ORGANISATION:
                org = self.gazetteer.organisations[key]
                candidates.append(
                    Found(
                        match.start(),
                        end,
                        ActorKind.ORGANISATION,
                        Actor(org.id, org.name, org.country),
                        possessive=possessive,
                        modifier=bool(_GENERIC_NOUN.match(text, end)),
                    )
                )
            else:
                candidates.append(
                    Found(
                        match.start(),
                        end,
                        ActorKind.PERSON,
                        self.gazetteer.person_actor(key),
                        possessive=possessive,
                    )
                )
        if short_names:
            pattern = re.compile(rf"(?<![\w-])(?:{_alternation(short_names)})(?![\w])(?:{_POSSESSIVE})?")
            for match in pattern.finditer(text):
                surface = re.sub(rf"{_POSSESSIVE}$", "", match.group(0))
                candidates.append(
                    Found(
                        match.start(),
                        match.end(),
                        ActorKind.PERSON,
                        short_names[surface],
                        possessive=match.group(0) != surface,
                    )
                )
        offices: list[Found] = []
        for match in self._office_after_country.finditer(text):
            country = self._country_by_form[match.group("country")]
            offices.append(
                Found(
                    match.start(), match.end(), ActorKind.OFFICE, office=(country.iso3, match.group("office"))
                )
            )
        for match in self._office_of_country.finditer(text):
            for group in ("country", "country2"):
                if match.group(group):
                    country = self._country_by_form[match.group(group)]
                    start, end = (
                        match.span(group) if group == "country2" else (match.start(), match.end("country"))
                    )
                    offices.append(
                        Found(start, end, ActorKind.OFFICE, office=(country.iso3, match.group("office")))
                    )
        for match in self._respective.finditer(text):
            offices.append(
                Found(
                    match.start(),
                    match.end(),
                    ActorKind.OFFICE,
                    office=("", match.group("office")),
                    plural_of=("*",),
                )
            )
        found = _merge(candidates, offices, text, self._rank_then_name, self._office_names)
        found.extend(self._unknown_people(text, found))
        found.sort(key=lambda f: f.start)
        return [f for f in found if not any(s <= f.start < e for s, e in skip)]

    def _unknown_people(self, text: str, known: list[Found]) -> list[Found]:
        """People introduced by an office the gazetteer does not hold: "Turkish Chief of General Staff
        Gen. Metin Gurak" -> an actor ``person:metin-gurak`` with that office and country."""
        new: list[Found] = []
        for match in self._unknown.finditer(text):
            name_start, name_end = match.span("name")
            name = match.group("name")
            possessive = re.search(rf"{_POSSESSIVE}$", name)
            if possessive:  # "Carrie Lam's office": the name is Carrie Lam
                name, name_end = name[: possessive.start()], name_end - len(possessive.group(0))
            if any(f.start < name_end and name_start < f.end for f in known) or _CALENDAR.search(name):
                continue
            if any(word in self._entity or word in self._country_by_form for word in name.split()):
                continue
            title_match = _TITLE_BEFORE.search(text[: match.start()])
            if not title_match or not _HEADS.search(title_match.group(1)):
                continue
            last_word = title_match.group(1).split()[-1]
            ranked = match.start() != name_start
            if not ranked and not (_HEADS.fullmatch(last_word) or _TITLE_ENDS.fullmatch(last_word)):
                continue
            title = title_match.group(1)
            country: Country | None = None
            for form, candidate in sorted(self._country_by_form.items(), key=lambda kv: -len(kv[0])):
                if re.search(rf"(?<![\w]){re.escape(form)}(?:{_POSSESSIVE})?(?![\w])", title):
                    country = candidate
                    title = re.sub(rf"(?<![\w]){re.escape(form)}(?:{_POSSESSIVE})?\s*", "", title, count=1)
                    break
            if country is None:
                before = re.search(
                    rf"(?P<c>{_alternation(self._country_by_form)}){_POSSESSIVE}?\s+$",
                    text[: title_match.start()],
                )
                if before:
                    country = self._country_by_form[before.group("c")]
            office = re.sub(r"^(?:the\s+)", "", title.strip(" ,")).strip()
            actor = Actor(
                id=f"person:{slug(name)}",
                name=name,
                country=country.iso3 if country else None,
                office=office or None,
            )
            new.append(Found(title_match.start(), name_end, ActorKind.PERSON, actor))
        return new

    def short_names_in(self, texts: Iterable[str]) -> dict[str, Actor]:
        """The short names an article may use: those of every person it names in full (anywhere in it,
        headlines use them before the body does) and the surnames of people introduced by an office."""
        short: dict[str, Actor] = {}
        for text in texts:
            for found in self.find(text, {}):
                if found.kind is not ActorKind.PERSON or found.actor is None:
                    continue
                person = self.gazetteer.people.get(found.actor.id)
                names = person.short if person else (found.actor.name.split()[-1],)
                for name in names:
                    short.setdefault(name, found.actor)
        return short


_GENERIC_NOUN = re.compile(
    r"(?:,\s*\w+\s+)?\s*(?i:officials?|leaders?|leadership|delegations?|sides?|military|government|diplomats?|"
    r"counterparts?|troops|forces|ministry|ministries|embassy|navy|army|air\s+force|state|people|media|"
    r"authorities|companies|firms|hackers|defen[cs]e|foreign|relations|ties|interests|policy|policies|side|"
    r"statements?|spokes(?:person|man|woman)|readouts?|officers?|sources?|envoys?|staff|press|reports?)\b"
)


def _qualifies_noun(text: str, end: int, surface: str, country: Country) -> bool:
    """Whether a country word qualifies a noun ("US officials", "Chinese hackers") rather than naming
    the country itself ("talks between Washington and Beijing")."""
    if surface in country.adjectives and surface not in country.aliases and surface != country.name:
        return True
    return bool(_GENERIC_NOUN.match(text, end))


def _merge(
    names: list[Found],
    offices: list[Found],
    text: str,
    rank: re.Pattern[str],
    office_names: dict[tuple[str, str], str],
) -> list[Found]:
    """Keep the longest reference at each place; an office directly followed by a name gives the
    name's actor (the office names the person, it does not add one), with that office when the
    gazetteer gives the person none and the countries agree."""
    merged: list[Found] = []
    names = sorted(names, key=lambda f: (f.start, -(f.end - f.start)))
    used: list[Found] = []
    reach = -1  # the furthest end of the names kept: sorted by start, a name overlaps one iff it starts
    for name in names:  # before it (one comparison, not a scan of every name kept: issue 18 item 11)
        if name.start < reach:
            continue
        used.append(name)
        reach = max(reach, name.end)
    for office in sorted(offices, key=lambda f: (f.start, -(f.end - f.start))):
        follower = rank.match(text[office.end :])
        next_start = office.end + (follower.end() if follower else 0)
        named = next((n for n in used if n.start == next_start and n.kind is ActorKind.PERSON), None)
        if named is not None:
            used.remove(named)
            actor = named.actor
            if actor is not None and actor.office is None and office.office is not None:
                country, alias = office.office
                if actor.country == country and (country, alias.lower()) in office_names:
                    actor = attrs.evolve(actor, office=office_names[(country, alias.lower())])
            used.append(attrs.evolve(named, start=min(office.start, named.start), actor=actor))
            continue
        overlapping = [u for u in used if u.start < office.end and office.start < u.end]
        if all(u.kind is ActorKind.COUNTRY for u in overlapping):
            for u in overlapping:
                used.remove(u)
            if not any(m.start < office.end and office.start < m.end for m in merged):
                merged.append(office)
    people = [u for u in used if u.kind is ActorKind.PERSON]
    used = [
        u
        for u in used
        if u.kind is not ActorKind.COUNTRY or not any(p.start <= u.start and u.end <= p.end for p in people)
    ]
    return merged + used
