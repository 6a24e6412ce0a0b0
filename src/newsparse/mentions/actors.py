"""Finding actors in a sentence: people, offices resolved by date, countries, organisations.

Names come from the gazetteer's one-pass name index (:mod:`newsparse.mentions.names`, Aho-Corasick,
leftmost-longest with word boundaries). A person's short name ("Xi", "Wang", "Brown") counts only
once the article has named them in full. People the gazetteer does not know are found by their title
("Ukrainian President X", "X, China's top trade negotiator", "IMF managing director X") and, once named
in full, by their surname used again ("Sergey Brin ... Brin"). An office with
its country ("the US president", "China's foreign minister", "the presidents of China and the United
States") is resolved to its holder on the day of the event; an office followed by a name that the
gazetteer does not know ("Chief of the Joint Staff Gen. Zhang Wei") makes a new actor with that office
and country, with a slug id.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Generic, Protocol, TypeVar

import attrs

from newsparse.mentions.gazetteer import Country, Gazetteer, slug
from newsparse.mentions.names import Hit, NameIndex, NameKind, longest, title_heads
from newsparse.mentions.namewords import (
    CALENDAR,
    FUNCTION_WORDS,
    HONORIFIC,
    NAME_WORD,
    NOT_OPENING,
    ORGANISATION_OPENERS,
    is_not_name_word,
    party_tags,
)
from newsparse.mentions.organisations import article_organisations
from newsparse.models import Actor

__all__ = ["ActorFinder", "ActorKind", "Found"]

_POSSESSIVE = r"(?:'s|’s)"
_POSSESSIVE_END = re.compile(rf"{_POSSESSIVE}$")
_RANK = (
    r"(?:Air\s+Force\s+|Army\s+|Navy\s+|Marine\s+)?(?:Lt\.?\s+Gen\.|Lieutenant\s+General|Maj\.?\s+Gen\.|"
    r"Major\s+General|Gen\.|General|Adm\.|Admiral|Col\.|Colonel|Air\s+Chief\s+Marshal|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)"
)
#: Words that make a capitalised run of words an office title (``data/titles.json``).
_HEADS = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(h) for h in sorted(title_heads(), key=len, reverse=True))
    + r")(?![\w])"
)
_FIRST_NAME = rf"(?:{NAME_WORD}|[A-Z]\.(?:[A-Z]\.)?)"
_PARTICLE = r"(?:de|da|del|van|von|der|den|bin|ibn|le|la|du|dos|di)"
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
_LAST_NAME = rf"(?:(?:al|el|ad|ar|as|bin)-)?{NAME_WORD}"
_NAME = rf"{_FIRST_NAME}(?:\s+[A-Z]\.)?(?:\s+(?:{_PARTICLE}\s+)*{_LAST_NAME}){{1,2}}"
_UNKNOWN = re.compile(rf"(?:(?<=\s)|^)(?:{_RANK}\s+)?(?P<name>{_NAME})(?![\w])")
#: Where :data:`_UNKNOWN` may match: a capital after a space or at the start (every rank and name starts
#: with one). Its look-behind comes after the capital, so the search skips ahead to capitals.
_UNKNOWN_START = re.compile(r"[A-Z](?<![^\s][A-Z])")
_LEADING_LINKS = re.compile(r"^(?:(?:the|and|of|for)\s+)+", re.IGNORECASE)
_AND = re.compile(r"\band(?:\s+|$)")
#: Capitalised words that open a sentence or clause before a title: not part of it.
_OPENING_WORD = re.compile(rf"(?:{'|'.join(sorted(FUNCTION_WORDS, key=len, reverse=True))})\s+")
_TRAILING_LINKS = re.compile(r"(?:\s+(?:the|and|of|for))+$", re.IGNORECASE)
#: (The look-behinds of these patterns come after their first character, which lets the search skip ahead.)
_CAPITALISED_RUN = re.compile(r"[A-Z](?<![\w’'-][A-Z])[\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*")
_RUN_WORD = r"[A-Z][\w’'-]*"
#: A capitalised word alone after "the", without its possessive ("the Thunder's").
_THE_ALONE = re.compile(rf"the(?<![\w’'-]the)[ \t]+({_RUN_WORD}?)(?:['’]s)?(?![\w’'-]|[ \t]+[A-Z])")
_ACRONYM_START = re.compile(r"[A-Z]{2,}(?![a-z])")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)\]]*\s+)$")
_HONORIFIC = re.compile(rf"^{HONORIFIC}")
_APPOSITIVE = re.compile(r",\s+(?:(?P<the>the|an?)\s+)?")
_PLAIN_WORDS = re.compile(r"\s*(?:[A-Za-z-]+(?:['’]s)?\s+)*")
_AFTER_NAME = re.compile(r"\s*(?:[^\w\s]|[a-z]|$)")
#: After a title in lower case: the body it is the title of ("chairman of the National ... Commission").
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
#: After a place's name, the rest of a body named after it and the possessive: " State's " (a
#: place's own possessive is too often a building's: "Cleveland's Public Auditorium").
_PLACE_POSSESSOR = re.compile(r"(?:[ \t]+[A-Z][a-z]+){1,2}['’]s[ \t]+")
_POSSESSIVE_GAP = re.compile(rf"{_POSSESSIVE}?\s+")
#: Between an office and the name it is set beside ("North Korea's leader, Kim Jong-un"), and what
#: closes that apposition.
_COMMA_GAP = re.compile(r",\s+")
_APPOSITION_END = re.compile(r"(?:['’]s\b)?\s*(?:[,.;:)]|$)")
#: How far before a name its title is looked for (searching from the text's start was quadratic).
_TITLE_WINDOW = 200
_TITLE_BEFORE = re.compile(
    r"((?:[A-Z][\w’'.-]*|of|the|for|and)(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and))*)\s+$"
)
#: Last words of an office title other than its head word ("Chief of General Staff", "... Commission").
_TITLE_ENDS = re.compile(
    r"Staff|Commission|Affairs|Ministry|Council|Command|Committee|Department|Forces|Defen[cs]e|State|Security|"
    r"Executive|Officer|General"
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
    short: bool = False  # a short name ("Sondland" after "Gordon Sondland")

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


#: Kinds that name an actor by themselves, by precedence where one form names several (a person's
#: name over an organisation's over a country's).
_ENTITY_KINDS = (NameKind.PERSON, NameKind.ORGANISATION, NameKind.COUNTRY)
_ENTITY = frozenset(_ENTITY_KINDS)
_OFFICE_KINDS = frozenset({NameKind.OFFICE})
_OFFICE_OR_OFFICES = frozenset({NameKind.OFFICE, NameKind.OFFICES})
#: A title: a head word or an office (the unknown people it may introduce are looked for).
_TITLE = frozenset({NameKind.HEAD, NameKind.OFFICE})
_AFTER_COUNTRY = re.compile(rf"{_POSSESSIVE}?\s+(?:(?i:then|current|incumbent)\s+)?")
_THE_BEFORE = re.compile(r"(?<![\w])the\s+$")
_THE_BEFORE_ANY_CASE = re.compile(r"(?<![\w])(?i:the)\s+$")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_AND_THE = re.compile(r"\s+and\s+(?:the\s+)?")
#: In a headline or a menu in title case a run of capitalised words is no evidence of a name
#: ("President Says Trade Deal Near").
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


#: What PROSE_END lets follow a sentence's final stop.
_CLOSERS = "\"'”’)]"


@functools.lru_cache(maxsize=1024)  # a block is read by find() and by _named_again
def _title_cased(text: str) -> bool:
    """A line that does not end as a sentence does and has (almost) no word of four letters or more
    in lower case: a headline in title case, a menu."""
    if text.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?")):  # PROSE_END, read from the end only
        return False
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].islower() for w in words) <= 0.15 * len(words)


def _own_title(start: int, title: str) -> tuple[int, str]:
    """The words of a capitalised run that are the title of the name after it: those after its last
    "and" ("Senator Elizabeth Warren and congresswoman X"), without a sentence's opening word ("When
    President X")."""
    cut = max((m.end() for m in _AND.finditer(title)), default=0)
    opening = _OPENING_WORD.match(title, cut)
    if opening:
        cut = opening.end()
    return start + cut, title[cut:]


@attrs.frozen
class _Candidate:
    """A run of capitalised words that may be a name (offsets in the text read), after a rank if
    ``start`` is before ``name_start``."""

    start: int
    name_start: int
    name: str

    @property
    def name_end(self) -> int:
        return self.name_start + len(self.name)


def _written_lower(text: str, word: str) -> bool:
    """Whether ``text`` has ``word`` (in lower case) as a word of its own: found as a substring first,
    which most words are not, so that the text's words need not all be collected."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _WORD_CHAR.match(text, at - 1)) and (
            end == len(text) or not _WORD_CHAR.match(text, end)
        ):
            return True
        at = text.find(word, at + 1)
    return False


_WORD_CHAR = re.compile(r"[\w’'-]")


def _candidate_names(text: str) -> Iterator[_Candidate]:
    """Runs of two or three capitalised words that may be a name, left to right (cut before a word
    that never belongs to a name); after each, the search goes on from the run's second word, so that
    "of Mali Choguel Kokalla Maiga" also offers "Choguel Kokalla Maiga" once "Mali Choguel Kokalla"
    is refused."""
    position = 0
    while True:
        # _UNKNOWN.search(text, position), tried only where it may match (the search tries every place)
        match = None
        for start in _UNKNOWN_START.finditer(text, position):
            match = _UNKNOWN.match(text, start.start())
            if match is not None:
                break
        if match is None:
            return
        name_start, name = match.start("name"), match.group("name")
        words = list(_NON_SPACE.finditer(name))
        second = words[1].start() if len(words) > 1 else len(name)
        position = name_start + second
        cut = next((i for i, w in enumerate(words) if is_not_name_word(w.group(0))), len(words))
        if cut >= 2 and not (cut < len(words) and words[cut - 1].group(0) in _PARTICLES):
            yield _Candidate(match.start(), name_start, name[: words[cut - 1].end()])


_NON_SPACE = re.compile(r"\S+")
_FOLLOWING_WORD = re.compile(r"[ \t]+([A-Z][\w’'-]*)")


def _inside_longer_name(text: str, end: int) -> bool:
    """Whether a capitalised word other than a day or month follows ``end`` in the same run: a
    surname so followed is a word of a longer name ("the Labour Muslim Network", "Trump Tower")."""
    following = _FOLLOWING_WORD.match(text, end)
    return following is not None and not CALENDAR.fullmatch(following.group(1))


def _kind_of(actor: Actor) -> ActorKind:
    """The kind of a reference by an article's short name: a person's, or an organisation's
    (:mod:`newsparse.mentions.organisations`)."""
    return ActorKind.ORGANISATION if actor.id.startswith("org:") else ActorKind.PERSON


def _entity(hit: Hit) -> tuple[NameKind, str] | None:
    for kind in _ENTITY_KINDS:
        keys = hit.keys(kind)
        if keys:
            return kind, keys[0]
    return None


def _at(hits: Sequence[Hit], position: int, kinds: frozenset[NameKind]) -> Hit | None:
    """The longest hit of one of ``kinds`` that starts at ``position``."""
    best: Hit | None = None
    for hit in hits:
        if hit.start == position and not kinds.isdisjoint(hit.kinds) and (best is None or hit.end > best.end):
            best = hit
    return best


class ActorFinder:
    """Lookups for one gazetteer over its :class:`NameIndex` (build once, use for many articles)."""

    def __init__(self, gazetteer: Gazetteer, index: NameIndex | None = None) -> None:
        self.gazetteer = gazetteer
        self.index = index if index is not None else NameIndex.for_gazetteer(gazetteer)
        #: Full names of entities: a word of an unknown name that is one is no evidence of a new name.
        self._entity_forms = frozenset(
            form for form, names in self.index.forms.items() if any(k in _ENTITY for k, _ in names)
        )
        self._place_forms = frozenset(gazetteer.places)
        self._office_names = {
            (office.country, alias): office.office
            for office in gazetteer.offices.values()
            for alias in office.aliases
        }
        offices = _alternation(gazetteer.office_aliases()) or "(?!)"
        self._respective = re.compile(
            rf"(?i:\b(?:the\s+(?:two\s+)?countries['’]\s+(?:respective\s+)?|their\s+respective\s+|"
            rf"the\s+two\s+countries['’]\s+))(?P<office>(?i:{offices}))s\b"
        )
        self._rank_then_name = re.compile(rf",?\s*(?:{_RANK}\s+)?")
        self._short_patterns: dict[frozenset[str], re.Pattern[str]] = {}

    def scan(self, text: str) -> list[Hit]:
        """The name index's hits in ``text`` (to share between the finders of one article)."""
        return self.index.scan(text)

    # -- finding -------------------------------------------------------------------------------
    def find(
        self,
        text: str,
        short_names: dict[str, Actor],
        skip: Sequence[tuple[int, int]] = (),
        hits: Sequence[Hit] | None = None,
    ) -> list[Found]:
        """Every actor reference in ``text``, left to right, without overlaps. ``short_names`` maps the
        short names the article has introduced to person ids; ``skip`` spans (quotes) are not read;
        ``hits`` are the name index's hits in ``text`` when the caller has them (else it scans)."""
        if hits is None:
            hits = self.index.scan(text)
        candidates: list[Found] = []
        name_starts = functools.cache(lambda: _name_starts(hits))  # built on first need
        for hit in longest(self._outside_longer_places(hits), _ENTITY):
            entity = _entity(hit)
            if entity is None:
                continue
            kind, key = entity
            end = hit.end
            possessive = text.startswith(("'s", "’s"), end)
            if possessive:
                end += 2
            if kind is NameKind.COUNTRY:
                country = self.gazetteer.countries[key]
                candidates.append(
                    Found(
                        hit.start,
                        end,
                        ActorKind.COUNTRY,
                        country.actor(),
                        possessive=possessive,
                        modifier=_qualifies_noun(text, end, hit.form, country)
                        or (not possessive and _in_longer_name(text, end, name_starts)),
                    )
                )
            elif kind is NameKind.ORGANISATION:
                org = self.gazetteer.organisations[key]
                if not possessive and _in_longer_name(text, end, name_starts):
                    continue  # "the United Nations General Assembly" names an occasion, not the UN
                candidates.append(
                    Found(
                        hit.start,
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
                        hit.start,
                        end,
                        ActorKind.PERSON,
                        self.gazetteer.person_actor(key),
                        possessive=possessive,
                    )
                )
        if short_names:
            candidates.extend(self._short_names(text, short_names, hits))
        offices = self._offices(text, hits)
        found = _merge(candidates, offices, text, self._rank_then_name, self._office_names)
        found = self._qualified_by_another_state(text, found)
        if not _title_cased(text):
            unknown = self._unknown_people(text, found, hits)
            if unknown:
                # The title and the name are one reference: an office or a country word in the title
                # ("Ukrainian President X") and a short name inside the name name that person.
                found = [
                    f
                    for f in found
                    if not (
                        f.kind in (ActorKind.OFFICE, ActorKind.COUNTRY, ActorKind.ORGANISATION) or f.short
                    )
                    or not any(u.start <= f.start < u.end for u in unknown)
                ]
                found.extend(unknown)
        found.sort(key=lambda f: f.start)
        return [f for f in found if not any(s <= f.start < e for s, e in skip)]

    def _qualified_by_another_state(self, text: str, found: list[Found]) -> list[Found]:
        """A known person named by a title and a name that another state qualifies ("Jordan's King
        Abdullah", the gazetteer's King Abdullah being Saudi Arabia's) is not that person: that state's
        office of the title (resolved on the day, like any office), or nobody."""
        kept: list[Found] = []
        for person in found:
            before = kept[-1] if kept else None
            if (
                person.kind is ActorKind.PERSON
                and person.actor is not None
                and person.actor.country is not None
                and before is not None
                and before.kind is ActorKind.COUNTRY
                and before.actor is not None
                and (before.possessive or before.modifier)
                and before.actor.country != person.actor.country
                and _POSSESSIVE_GAP.fullmatch(text, before.end, person.start)
            ):
                title = text[person.start : person.end].split()[0].lower()
                country = before.actor.country or ""
                if any(o.country == country and title in o.aliases for o in self.gazetteer.offices.values()):
                    kept[-1] = Found(before.start, person.end, ActorKind.OFFICE, office=(country, title))
                else:
                    kept.pop()  # someone the gazetteer does not know: neither the state nor the person
                continue
            kept.append(person)
        return kept

    def _outside_longer_places(self, hits: Sequence[Hit]) -> list[Hit]:
        """The hits less those of a country or capital inside a longer place name of another country
        ("Jersey" in "New Jersey", "Mexico" in "New Mexico Gov. ...")."""
        places = _Spans(h for h in hits if h.form in self.gazetteer.places)
        if not places:
            return list(hits)
        kept = []
        for hit in hits:
            countries = hit.keys(NameKind.COUNTRY)
            if countries and any(
                p.start <= hit.start
                and hit.end <= p.end
                and p.end - p.start > hit.end - hit.start
                and self.gazetteer.places[p.form].country not in countries
                for p in places.overlapping(hit.start, hit.end)
            ):
                continue
            kept.append(hit)
        return kept

    def _short_names(self, text: str, short_names: dict[str, Actor], hits: Sequence[Hit]) -> list[Found]:
        """References by short name: the index's hits of those it holds, a pattern for the others
        (the surnames of people the article introduced by an office)."""
        found: list[Found] = []
        for hit in longest((h for h in hits if h.form in short_names), frozenset(NameKind)):
            end = hit.end
            possessive = text.startswith(("'s", "’s"), end)
            found.append(
                Found(
                    hit.start,
                    end + 2 if possessive else end,
                    _kind_of(short_names[hit.form]),
                    short_names[hit.form],
                    possessive=possessive,
                    short=True,
                )
            )
        others = frozenset(name for name in short_names if name not in self.index.forms)
        if others:
            pattern = self._short_patterns.get(others)
            if pattern is None:
                if len(self._short_patterns) > 256:
                    self._short_patterns.clear()
                pattern = re.compile(rf"(?<![\w-])(?:{_alternation(others)})(?![\w])(?:{_POSSESSIVE})?")
                self._short_patterns[others] = pattern
            for match in pattern.finditer(text):
                surface = _POSSESSIVE_END.sub("", match.group(0))
                kind = _kind_of(short_names[surface])
                if (
                    surface == match.group(0)
                    and kind is ActorKind.PERSON
                    and _inside_longer_name(text, match.end())
                ):
                    continue  # "the Labour Muslim Network": a word of a longer name, not the surname
                found.append(
                    Found(
                        match.start(),
                        match.end(),
                        kind,
                        short_names[surface],
                        possessive=match.group(0) != surface,
                        modifier=kind is ActorKind.ORGANISATION
                        and bool(_GENERIC_NOUN.match(text, match.end())),
                        short=True,
                    )
                )
        return found

    def _offices(self, text: str, hits: Sequence[Hit]) -> list[Found]:
        """Offices with their country: "the US president", "China's foreign minister", "the presidents
        of China and the United States", "the two countries' respective presidents"."""
        offices: list[Found] = []
        office_hits = [h for h in hits if not _OFFICE_OR_OFFICES.isdisjoint(h.kinds)]
        if office_hits:
            country_hits = [h for h in hits if h.keys(NameKind.COUNTRY)]
            last_end = -1
            for country in country_hits:  # "the US president", "China's foreign minister"
                if country.start < last_end:
                    continue
                follower = _AFTER_COUNTRY.match(text, country.end)
                office = _at(office_hits, follower.end(), _OFFICE_KINDS) if follower else None
                if office is None:
                    continue
                start = country.start
                the = _THE_BEFORE.search(text, max(0, start - 8), start)
                if the:
                    start = the.start()
                iso3 = country.keys(NameKind.COUNTRY)[0]
                alias = office.keys(NameKind.OFFICE)[0]
                offices.append(Found(start, office.end, ActorKind.OFFICE, office=(iso3, alias)))
                last_end = office.end
            last_end = -1
            for office in office_hits:  # "the presidents of China and the United States"
                if office.start < last_end:
                    continue
                of = _OF_THE.match(text, office.end)
                first = _at(country_hits, of.end(), frozenset({NameKind.COUNTRY})) if of else None
                if first is None:
                    continue
                alias = (office.keys(NameKind.OFFICE) or office.keys(NameKind.OFFICES))[0]
                start = office.start
                the = _THE_BEFORE_ANY_CASE.search(text, max(0, start - 8), start)
                if the:
                    start = the.start()
                offices.append(
                    Found(start, first.end, ActorKind.OFFICE, office=(first.keys(NameKind.COUNTRY)[0], alias))
                )
                last_end = first.end
                also = _AND_THE.match(text, first.end)
                second = _at(country_hits, also.end(), frozenset({NameKind.COUNTRY})) if also else None
                if second is not None:
                    offices.append(
                        Found(
                            second.start,
                            second.end,
                            ActorKind.OFFICE,
                            office=(second.keys(NameKind.COUNTRY)[0], alias),
                        )
                    )
                    last_end = second.end
        if "respective" in text or "countries" in text:
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
        return offices

    def _unknown_people(self, text: str, known: list[Found], hits: Sequence[Hit]) -> list[Found]:
        """People introduced by an office the gazetteer does not hold, with that office and country,
        and a slug id: "Turkish Chief of General Staff Gen. Metin Gurak", "Ukrainian president
        Volodymyr Zelensky", "President of Ukraine Volodymyr Zelensky", "Liu He, China's top trade
        negotiator"."""
        titles = [h for h in hits if not _TITLE.isdisjoint(h.kinds)]
        if not titles and not any(
            (h.keys(NameKind.COUNTRY) and text.startswith(("'s", "’s"), h.end))
            or (h.form in self._place_forms and _PLACE_POSSESSOR.match(text, h.end))
            for h in hits
        ):
            return []
        new: list[Found] = []
        known_spans = _Spans(f for f in known if not f.short)
        for match in _candidate_names(text):
            name_start, name_end = match.name_start, match.name_end
            name = match.name
            possessive = _POSSESSIVE_END.search(name)
            if possessive:  # "Carrie Lam's office": the name is Carrie Lam
                name, name_end = name[: possessive.start()], name_end - len(possessive.group(0))
            words = name.split()
            first_end = name_start + len(words[0])
            blocking = known_spans.overlapping(name_start, name_end)
            # a given name that is also a state's ("Secretary Chad Wolf"): only right after a title
            given_is_state = (
                words[0] in self._entity_forms
                and not any(w in self._entity_forms for w in words[1:])
                and all(f.kind is ActorKind.COUNTRY and f.end <= first_end for f in blocking)
            )
            if CALENDAR.search(name) or (blocking and not given_is_state):
                continue
            if any(f.start < name_end and name_start < f.end for f in new):
                continue
            if not given_is_state and any(word in self._entity_forms for word in words):
                continue
            found = self._titled(text, match.start, name_start, name_end, titles, hits)
            if found is None:
                continue
            start, end, title = found
            right_before = end == match.start and bool(title) and _HEADS.fullmatch(title.split()[-1])
            if given_is_state and not (right_before or start >= name_end):
                continue  # "Chad Wolf met them" is no evidence against the state
            links = _LEADING_LINKS.match(title)
            if links and start < name_start:  # "and Vietnamese Defense Minister ...": not "and"
                start, title = start + links.end(), title[links.end() :]
            country = self._title_country(text, start, end, hits)
            if country is None:  # "Rep. David McKinley, R-W.Va.": a party and state tag
                country = next(
                    (
                        (iso3, "")
                        for tag, iso3 in party_tags()
                        if tag.match(text, name_end) and iso3 in self.gazetteer.countries
                    ),
                    None,
                )
            office = title
            if country is not None and country[1]:
                office = re.sub(
                    rf"(?<![\w]){re.escape(country[1])}(?:{_POSSESSIVE})?\s*", "", office, count=1
                )
            office = _TRAILING_LINKS.sub("", _LEADING_LINKS.sub("", office.strip(" ,"))).strip(" ,")
            if office.endswith(("'s", "’s")):
                office = ""  # "Ohio State's Jim Tressel": a possessor, not an office
            actor = Actor(
                id=f"person:{slug(name)}",
                name=name,
                country=country[0] if country else None,
                office=office or None,
            )
            new.append(Found(min(start, name_start), max(end, name_end), ActorKind.PERSON, actor))
        return new

    def _titled(
        self,
        text: str,
        at: int,
        name_start: int,
        name_end: int,
        titles: Sequence[Hit],
        hits: Sequence[Hit],
    ) -> tuple[int, int, str] | None:
        """The title that introduces the name at ``name_start`` (a rank may stand at ``at`` before
        it), as (start, end, words), or None: a capitalised run ending in an office word before the
        name ("Treasury Secretary", "President of Ukraine"), an office word in lower case right before
        it ("Ukrainian president"), or "<Name>, <country>'s <office>" after it."""
        title_match = _TITLE_BEFORE.search(text, max(0, at - _TITLE_WINDOW), at)
        title_start, title = _own_title(
            *((title_match.start(1), title_match.group(1)) if title_match else (at, ""))
        )
        if title and _HEADS.search(title):
            last_word = title.split()[-1]
            ranked = at != name_start
            if (
                ranked
                or _HEADS.fullmatch(last_word)
                or _TITLE_ENDS.fullmatch(last_word)
                or self._is_country_form(last_word, hits, title_start + len(title))
            ):
                return title_start, at, title
        for head in titles:  # "Ukrainian president Volodymyr Zelensky", "NFL commissioner Roger Goodell"
            if head.end < at and not text[head.end : at].strip() and text[head.start].islower():
                run = _TITLE_BEFORE.search(text, max(0, head.start - _TITLE_WINDOW), head.start)
                start = head.start
                if run and not CALENDAR.search(run.group(1)):
                    own_start, own = _own_title(run.start(1), run.group(1))
                    start = own_start if own else head.start
                return start, head.end, text[start : head.end]
        # "North Korea's leader, Kim Jong-un.": a state's office in lower case, then the name set off by
        # commas (or ending the sentence)
        for head in titles:
            if (
                head.end < at
                and at == name_start
                and _COMMA_GAP.fullmatch(text, head.end, at)
                and text[head.start].islower()
                and _APPOSITION_END.match(text, name_end)
            ):
                for state in hits:
                    if (
                        state.keys(NameKind.COUNTRY)
                        and text.startswith(("'s", "’s"), state.end)
                        and _POSSESSIVE_GAP.fullmatch(text, state.end, head.start)
                    ):
                        return state.start, head.end, text[state.start : head.end]
        # "Germany's Wolfgang Schaeuble and ...": a country's possessive right before the name, the name
        # ending before a word in lower case or a stop
        for before in hits:
            if (
                before.keys(NameKind.COUNTRY)
                and at == name_start
                and len(text[name_start:name_end].split()) == 2  # a first name and a surname
                and not any(w in self._place_forms for w in text[name_start:name_end].split())
                and _POSSESSIVE_GAP.fullmatch(text, before.end, at)
                and text.startswith(("'s", "’s"), before.end)
                and _AFTER_NAME.match(text, name_end)
            ):
                return before.start, before.end + 2, text[before.start : before.end + 2]
            # "Ohio State's Jim Tressel": the possessive of a body named after a place (a team, a
            # school), right before the name
            if (
                at == name_start
                and before.form in self._place_forms
                and not before.keys(NameKind.COUNTRY)
                and len(text[name_start:name_end].split()) == 2
                and not any(w in self._place_forms for w in text[name_start:name_end].split())
                and (tail := _PLACE_POSSESSOR.match(text, before.end)) is not None
                and tail.end() == at
                and _AFTER_NAME.match(text, name_end)
            ):
                return before.start, tail.end(), text[before.start : tail.end()].rstrip()
        # "Liu He, China's top trade negotiator", "Jeroen Dijsselbloem, the Dutch finance minister who"
        appositive = _APPOSITIVE.match(text, name_end)
        if appositive:
            position = appositive.end()
            country = _at(hits, position, frozenset({NameKind.COUNTRY}))
            if country is not None:
                position = country.end + (2 if text.startswith(("'s", "’s"), country.end) else 0)
            if country is not None or appositive.group("the"):
                for head in titles:
                    if head.start < position:
                        continue
                    if head.start - position > 40 or not _PLAIN_WORDS.fullmatch(text, position, head.start):
                        break
                    start = country.start if country is not None else position
                    return start, head.end, text[start : head.end]
            else:  # "Zhang Guobao, vice chairman of the National Development and Reform Commission"
                for head in titles:
                    if head.start < position:
                        continue
                    if head.start - position > 20 or not _PLAIN_WORDS.fullmatch(text, position, head.start):
                        break
                    if text[head.start].islower() and _OF_BODY.match(text, head.end):
                        return position, head.end, text[position : head.end]
                    break
        return None

    def _is_country_form(self, word: str, hits: Sequence[Hit], end: int) -> bool:
        return any(h.end == end and h.keys(NameKind.COUNTRY) for h in hits) and bool(word)

    def _title_country(self, text: str, start: int, end: int, hits: Sequence[Hit]) -> tuple[str, str] | None:
        """The country (iso3, the form the text uses) a title names ("Turkish", "of Ukraine",
        "China's"), or that stands possessive right before it."""
        hits = self._outside_longer_places(hits)
        for hit in hits:
            if start <= hit.start and hit.end <= end and hit.keys(NameKind.COUNTRY):
                return hit.keys(NameKind.COUNTRY)[0], hit.form
        for hit in hits:  # "New Jersey Sen. X", "Indiana House Speaker X": the region's country
            place = self.gazetteer.places.get(hit.form)
            if start <= hit.start and hit.end <= end and place is not None and place.country:
                return place.country, ""
        for hit in hits:
            if (
                hit.end <= start
                and hit.keys(NameKind.COUNTRY)
                and _POSSESSIVE_GAP.fullmatch(text, hit.end, start)
            ):
                return hit.keys(NameKind.COUNTRY)[0], hit.form
        return None

    def short_names_in(self, texts: Iterable[str]) -> dict[str, Actor]:
        """The short names an article may use: those of every person it names in full (anywhere in it,
        headlines use them before the body does) and the surnames of people introduced by an office."""
        return self.short_names_from((text, self.index.scan(text)) for text in texts)

    def short_names_from(self, texts: Iterable[tuple[str, Sequence[Hit]]]) -> dict[str, Actor]:
        """:meth:`short_names_in` over texts whose index hits the caller has; a text without the name
        of a person or a title is not read."""
        short: dict[str, Actor] = {}
        texts = list(texts)
        article = functools.cache(lambda: "\n\n".join(text for text, _ in texts))
        for text, hits in texts:
            if not hits:
                continue  # names no one
            if not any(not _TITLE.isdisjoint(h.kinds) for h in hits) and not any(
                NameKind.COUNTRY in h.kinds and text.startswith(("'s", "’s"), h.end) for h in hits
            ):
                # no title: the people named are the gazetteer's, read as find() reads them
                if not any(NameKind.PERSON in h.kinds for h in hits):
                    continue  # (only a person's name gives short names here)
                for hit in longest(self._outside_longer_places(hits), _ENTITY):
                    entity = _entity(hit)
                    if entity is not None and entity[0] is NameKind.PERSON:
                        actor = self.gazetteer.person_actor(entity[1])
                        for name in self.gazetteer.people[entity[1]].short:
                            short.setdefault(name, actor)
                continue
            names_person = any(NameKind.PERSON in h.kinds for h in hits)
            if not names_person and (_title_cased(text) or next(_candidate_names(text), None) is None):
                # (find() reads no unknown people in a title-cased block, and only they or the
                # gazetteer's give a person here)
                continue  # no person of the gazetteer and no run of words that may name one: no short name
            for found in self.find(text, {}, hits=hits):
                if found.kind is not ActorKind.PERSON or found.actor is None:
                    continue
                person = self.gazetteer.people.get(found.actor.id)
                if person is not None:
                    names: tuple[str, ...] = person.short
                else:  # a surname the article also writes as a common word ("the page") is no reference
                    surname = found.actor.name.split()[-1]
                    common = surname in NOT_OPENING or _written_lower(article(), surname.lower())
                    names = (surname,) if len(surname) > 2 and not common else ()
                for name in names:
                    short.setdefault(name, found.actor)
        prose = "\n\n".join(text for text, _ in texts if not _title_cased(text))
        self._named_again(prose, short)

        def known(form: str) -> bool:
            return form in self._entity_forms or form in self._place_forms or form in short

        def is_person(form: str) -> bool:  # the gazetteer's (a named-again run may be a party's name)
            return any(k in (NameKind.PERSON, NameKind.SHORT) for k, _ in self.index.forms.get(form, ()))

        organisations = article_organisations(prose, known, lambda w: _written_lower(prose, w), is_person)
        for form, org in organisations.items():
            short.setdefault(form, org)
        return short

    def _named_again(self, article: str, short: dict[str, Actor]) -> None:
        """People without a title: a run of two or three capitalised words whose last word the
        article uses again alone ("Sergey Brin ... Brin was outgoing"), as news names a person in full
        once and then by surname. The full name and the surname become references to
        ``person:<slug>``. Refused: runs with a word that never belongs to a name, that the article
        also writes in lower case ("Water Drilling Service"), or that the gazetteer knows as a
        state, place or entity; acronyms; a possessive inside; a sentence's opening "-ing" word.
        ``article``: the article's blocks that are not in title case, joined by blank lines."""
        matches = list(_CAPITALISED_RUN.finditer(article))
        runs = [m.group(0) for m in matches]
        words_in_all = len(article.split())
        lower_words = words_in_all - (" ".join(runs).count(" ") + 1 if runs else 0)  # about
        if len(runs) > 0.5 * lower_words and words_in_all > 40:
            return  # capitalised nouns throughout (German) or a list: capitals are no evidence
        # the words used alone, counted in C: most runs are one word ("Brin's" counts as "Brin"; "the
        # Thunder" is a team's and does not count)
        alone: Counter[str] = Counter([run for run in runs if " " not in run and "\t" not in run])
        for word in [w for w in alone if w.endswith(("'s", "’s"))]:
            alone[word[:-2]] += alone.pop(word)
        alone.subtract(_THE_ALONE.findall(article))
        candidates: list[tuple[int, list[str]]] = []
        for run, text in zip(matches, runs, strict=True):
            if " " not in text and "\t" not in text:
                continue  # (a run of two or more capitalised words may be a full name)
            words = _HONORIFIC.sub("", text, count=1).split()
            if words[-1].endswith(("'s", "’s")):
                words[-1] = words[-1][:-2]  # "Brin's"
            if len(words) == 1:  # "Mr Brin"
                if not article.endswith(("the ", "The "), 0, run.start()):
                    alone[words[0]] += 1
                continue
            while words and words[0] in NOT_OPENING and words[0] not in ORGANISATION_OPENERS:
                words = words[1:]  # "But Sergey Brin": an opening word ("Los Angeles Lakers" stays whole)
            if len(words) == 3 and (words[0] in self._place_forms or words[0] in self._entity_forms):
                words = words[1:]  # "special envoy to Ukraine Kurt Volker": the state ends the title
            if 2 <= len(words) <= 3:
                candidates.append((run.start(), words))
        for start, words in candidates:
            name = " ".join(words)
            surname = words[-1]
            if name in short or surname in short or len(surname) < 3 or alone[surname] < 1:
                continue
            if words[0].endswith(("ing", "ed", "ly")) and _SENTENCE_START.search(
                article, max(0, start - 8), start
            ):
                continue  # "Hosting Cook at ...": a sentence's first word, not a given name
            if (
                any(
                    is_not_name_word(w)
                    or w.isupper()
                    or _ACRONYM_START.match(w)  # "NBA-leading"
                    or w in self._place_forms
                    or CALENDAR.fullmatch(w)
                    for w in words
                )
                or any(w.endswith(("'s", "’s")) for w in words[:-1])
            ):
                continue
            if any(_written_lower(article, w.lower()) for w in words):
                continue
            if any(
                " ".join(words[i:j]) in self._entity_forms
                for i in range(len(words))
                for j in range(i + 1, len(words) + 1)
            ):
                continue  # "Hong Kong", "Xi Jinping": the gazetteer's
            actor = Actor(id=f"person:{slug(name)}", name=name)
            short.setdefault(name, actor)
            short.setdefault(surname, actor)


_GENERIC_NOUN = re.compile(
    r"(?:,\s*\w+\s+)?\s*(?i:officials?|leaders?|leadership|delegations?|sides?|military|government|diplomats?|"
    r"counterparts?|troops|forces|ministry|ministries|embassy|navy|army|air\s+force|state|people|media|"
    r"authorities|companies|firms|hackers|defen[cs]e|foreign|relations|ties|interests|policy|policies|side|"
    r"statements?|spokes(?:person|man|woman)|readouts?|officers?|sources?|envoys?|staff|press|reports?)\b"
)


_NEXT_WORD = re.compile(r"[ \t]+(?=[A-Z][a-z])")
_TITLE_OR_NAME = frozenset(
    {NameKind.HEAD, NameKind.OFFICE, NameKind.PERSON, NameKind.COUNTRY, NameKind.ORGANISATION}
)


def _name_starts(hits: Iterable[Hit]) -> frozenset[int]:
    """Where the hits of a title or a name start (for :func:`_in_longer_name`, built once a text)."""
    return frozenset(h.start for h in hits if not _TITLE_OR_NAME.isdisjoint(h.kinds))


def _in_longer_name(text: str, end: int, name_starts: Callable[[], frozenset[int]]) -> bool:
    """Whether the name ending at ``end`` goes on as a longer proper name ("United Nations General
    Assembly", "Washington Post", "China Sea"): a capitalised word follows that is no title, no other
    name (``name_starts`` gives where those start, :func:`_name_starts`) and no day or month."""
    gap = _NEXT_WORD.match(text, end)
    if gap is None or CALENDAR.match(text, gap.end()):
        return False
    return gap.end() not in name_starts()


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Span)


class _Spans(Generic[_S]):
    """Spans (hits, references) sorted by start, to find those overlapping a range by bisection
    instead of a scan of all (a text with thousands of names: issue 15's long sentence)."""

    #: Fewer spans than this are scanned (sorting them would cost more).
    FEW = 24

    def __init__(self, spans: Iterable[_S]) -> None:
        self._spans = list(spans)
        self._starts: list[int] = []
        self._longest = 0
        if len(self._spans) >= self.FEW:
            self._spans.sort(key=lambda s: s.start)
            self._starts = [s.start for s in self._spans]
            self._longest = max(s.end - s.start for s in self._spans)

    def __bool__(self) -> bool:
        return bool(self._spans)

    def overlapping(self, start: int, end: int) -> list[_S]:
        """The spans with ``s.start < end`` and ``start < s.end``."""
        if not self._starts:
            return [s for s in self._spans if s.start < end and start < s.end]
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return [s for s in self._spans[low:high] if start < s.end]


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
    gazetteer gives the person none and the countries agree. (``rank`` is matched at an office's
    end.) The references kept are looked up by start and by bisection, not by a scan of all of them
    for each office (issue 15's long sentence)."""
    names = sorted(names, key=lambda f: (f.start, -(f.end - f.start)))
    # the references kept, by key in the order kept (a list's appends and removals, looked up fast)
    used: dict[int, Found] = {}
    kept: list[int] = []  # the names first kept: disjoint, by start (so their ends rise too)
    reach = -1  # the furthest end of the names kept: sorted by start, a name overlaps one iff it starts
    for name in names:  # before it (one comparison, not a scan of every name kept: issue 18 item 11)
        if name.start < reach:
            continue
        used[len(used)] = name
        kept.append(len(used) - 1)
        reach = max(reach, name.end)
    if not offices:  # (most texts: nothing to look up)
        return _outside_people(list(used.values()))
    kept_found = [used[k] for k in kept]
    kept_ends = [f.end for f in kept_found]
    key = len(used)
    people_at: dict[int, list[int]] = {}  # start -> keys of the people there, in the order kept
    for k, u in used.items():
        if u.kind is ActorKind.PERSON:
            people_at.setdefault(u.start, []).append(k)
    renamed = _Growing()  # the people an office named: added by rising start (offices are sorted)
    merged = _Growing()
    for office in sorted(offices, key=lambda f: (f.start, -(f.end - f.start))):
        follower = rank.match(text, office.end)
        next_start = follower.end() if follower else office.end
        named_key = next((k for k in people_at.get(next_start, ()) if k in used), None)
        if named_key is not None:
            named = used.pop(named_key)
            actor = named.actor
            if actor is not None and actor.office is None and office.office is not None:
                country, alias = office.office
                if actor.country == country and (country, alias.lower()) in office_names:
                    actor = attrs.evolve(actor, office=office_names[(country, alias.lower())])
            evolved = attrs.evolve(named, start=min(office.start, named.start), actor=actor)
            used[key] = evolved
            people_at.setdefault(evolved.start, []).append(key)
            renamed.add(key, evolved)
            key += 1
            continue
        first = bisect.bisect_right(kept_ends, office.start)  # the first kept name ending after it
        overlapping = _kept_overlapping(used, kept, kept_found, first, office.end)
        overlapping += [k for k in renamed.overlapping(office.start, office.end) if k in used]
        if all(used[k].kind is ActorKind.COUNTRY for k in overlapping):
            for k in overlapping:
                del used[k]
            if not merged.overlapping(office.start, office.end):
                merged.add(len(merged), office)
    return merged.items() + _outside_people(list(used.values()))


def _outside_people(kept: list[Found]) -> list[Found]:
    """``kept`` less the countries inside a person's reference."""
    if not any(u.kind is ActorKind.COUNTRY for u in kept):
        return kept
    people = _Spans(u for u in kept if u.kind is ActorKind.PERSON)
    return [
        u
        for u in kept
        if u.kind is not ActorKind.COUNTRY
        or not any(p.start <= u.start and u.end <= p.end for p in people.overlapping(u.start, u.end))
    ]


def _kept_overlapping(
    used: dict[int, Found], kept: list[int], kept_found: list[Found], first: int, end: int
) -> list[int]:
    """The keys of the names first kept (``kept``, ``kept_found``: by start), from ``first`` on, that
    start before ``end`` and are still in ``used``."""
    keys = []
    for i in range(first, len(kept)):
        if kept_found[i].start >= end:
            break
        if kept[i] in used:
            keys.append(kept[i])
    return keys


class _Growing:
    """References added by rising start, with their keys: those overlapping a range by bisection."""

    def __init__(self) -> None:
        self._keys: list[int] = []
        self._found: list[Found] = []
        self._starts: list[int] = []
        self._longest = 0

    def __len__(self) -> int:
        return len(self._found)

    def add(self, key: int, found: Found) -> None:
        self._keys.append(key)
        self._found.append(found)
        self._starts.append(found.start)
        self._longest = max(self._longest, found.end - found.start)

    def overlapping(self, start: int, end: int) -> list[int]:
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return [self._keys[i] for i in range(low, high) if start < self._found[i].end]

    def items(self) -> list[Found]:
        return list(self._found)
