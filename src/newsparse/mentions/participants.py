"""Who took part in one reported contact: an ordered tuple of named rules, the first that fires wins.

Each rule reads one shape of wording ("<subject> held talks with <object>", "talks between A and B",
"the pair spoke", ...) and either gives the participants or passes (``None``) to the next rule. The
order is the rule: a visit is read as a visit before anything else, a "with" object before the clause,
the clause before the sentence, people named here before people borrowed from earlier sentences. The
name of the rule that fired is recorded in the mention's ``rule``
(``"mentions:phone_call/participants:with_object"``), so a wrong participant can be traced to the words
that chose it.

All rules take one :class:`ParticipantContext`: the sentence, its actors, the trigger's clause and
match, and what earlier sentences of the article established.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Protocol

import attrs

from newsparse.mentions import cues
from newsparse.mentions.actors import ActorKind, Found
from newsparse.mentions.gazetteer import Gazetteer
from newsparse.mentions.places import FoundPlace
from newsparse.models import Actor
from newsparse.vocabulary import Kind

__all__ = [
    "RULES",
    "Earlier",
    "ParticipantContext",
    "ParticipantRule",
    "Participants",
    "find_participants",
    "has_people",
    "ids",
    "unique",
]

#: The separator between the trigger's rule and the participant rule in ``Mention.rule``.
RULE_SEPARATOR = "/participants:"

_PEOPLE = (ActorKind.PERSON, ActorKind.OFFICE)


class Earlier(Protocol):
    """What earlier sentences of the article established, as the borrowing rules read it."""

    @property
    def previous_people(self) -> tuple[Actor, ...]:
        """The people of the nearest earlier prose sentence that names two or more."""
        ...

    def headline_people(self) -> tuple[Actor, ...]:
        """The people the headline names, if it names two or more."""
        ...

    def last_of_kind(self, kind: Kind | None, named: frozenset[str]) -> tuple[Actor, ...] | None:
        """The participants of the earlier report that "the meeting" refers to, if any."""
        ...


# -- small helpers on actors -------------------------------------------------------------------------
def unique(actors: Iterable[Actor]) -> list[Actor]:
    """``actors`` without repeated ids, first occurrence kept."""
    seen: set[str] = set()
    kept: list[Actor] = []
    for actor in actors:
        if actor.id not in seen:
            seen.add(actor.id)
            kept.append(actor)
    return kept


def ids(actors: Iterable[Actor]) -> frozenset[str]:
    return frozenset(a.id for a in actors)


def has_people(actors: Iterable[Actor], countries: frozenset[str]) -> bool:
    """Whether any of ``actors`` is neither a country nor an organisation."""
    return any(a.id not in countries and not a.id.startswith("org:") for a in actors)


# -- the context ---------------------------------------------------------------------------------------
@attrs.frozen(slots=False)  # not slotted: the derived readings below are cached on the instance
class ParticipantContext:
    """One trigger occurrence in its sentence: everything a participant rule may read.

    The derived readings (``between``, ``chosen`` ...) are computed once, on first use, in the order
    the rules need them; a rule that passes leaves them for the next."""

    text: str
    actors: list[Found]
    clause: tuple[int, int]
    match: re.Match[str]
    trigger: cues.Trigger
    places: list[FoundPlace]
    on: dt.date | None
    earlier: Earlier
    gazetteer: Gazetteer
    country_ids: frozenset[str]

    @cached_property
    def between(self) -> re.Match[str] | None:
        """ "talks between ...": the words after a noun trigger up to "between"."""
        return cues.BETWEEN.match(self.text, self.match.end()) if self.trigger.noun else None

    @cached_property
    def scope(self) -> list[Found]:
        """The actors the words give the contact: after "between", else in the trigger's clause (with
        the person a "whose" clause is about)."""
        start, end = self.clause
        if self.between is not None:
            return [f for f in self.actors if self.between.end() <= f.start < end]
        scope = [f for f in self.actors if start <= f.start < end]
        if cues.WHOSE.match(self.text[start:]):
            antecedent = [f for f in self.actors if f.end <= start and f.kind in _PEOPLE]
            scope = antecedent[-1:] + scope
        return scope

    @cached_property
    def chosen(self) -> list[Actor]:
        return self.choose(self.scope)

    @cached_property
    def in_sentence(self) -> list[Actor]:
        return self.choose(self.actors)

    @cached_property
    def group(self) -> bool:
        """ "The pair spoke", "the two leaders met": a group that points back at an earlier sentence."""
        return cues.GROUP_BEFORE.search(self.text[: self.match.start()]) is not None

    @cached_property
    def back(self) -> bool:
        """ "the meeting", "this call": a noun trigger that refers back to a contact already named."""
        before = self.text[: self.match.start()]
        return self.trigger.noun and cues.BACK_REFERENCE.search(before) is not None

    def has_people(self, actors: Iterable[Actor]) -> bool:
        return has_people(actors, self.country_ids)

    def fits_borrowed(self, source: tuple[Actor, ...]) -> bool:
        """Whether borrowed participants fit what the sentence names itself: two or more, and the
        sentence names none of them, only some of them, or no people at all."""
        return len(source) >= 2 and (ids(self.chosen) <= ids(source) or not self.has_people(self.chosen))

    # -- readings shared by the rules ------------------------------------------------------------
    def subject(self) -> Actor | None:
        """The last person named before the trigger's end: "Blinken's visit", "Trump's July 25 call"
        (a possessive inside the trigger counts), "Blinken held talks"."""
        for found in reversed([f for f in self.actors if f.end <= self.match.end()]):
            if found.kind in _PEOPLE and (actor := found.resolved(self.gazetteer, self.on)):
                return actor
        return None

    def choose(self, scope: list[Found]) -> list[Actor]:
        """People when there are two or more; else people with the organisations and countries named as
        such; else countries that qualify a noun ("US, China officials")."""
        people: list[Actor] = []
        others: list[Actor] = []
        modifiers: list[Actor] = []
        for found in scope:
            if found.plural_of:
                people.extend(self._respective(found))
                continue
            actor = found.resolved(self.gazetteer, self.on)
            if actor is None:
                continue
            if found.kind in _PEOPLE:
                people.append(actor)
            elif found.kind is ActorKind.COUNTRY and (found.modifier or found.possessive):
                modifiers.append(actor)
            elif found.kind in (ActorKind.COUNTRY, ActorKind.ORGANISATION) and cues.LOCATIVE.search(
                self.text[: found.start]
            ):
                continue
            else:
                others.append(actor)
        people = unique(people)
        if len(people) >= 2:
            return people
        if people:
            own = people[0].country
            return unique(people + [a for a in others if not (a.id in self.country_ids and a.country == own)])
        chosen = unique(others)
        if chosen:
            return chosen
        modifiers = unique(modifiers)
        return modifiers if len(modifiers) >= 2 else []

    def _respective(self, found: Found) -> list[Actor]:
        """ "the countries' respective presidents": the holders of that office in the countries of the
        other people of the sentence."""
        if self.on is None or found.office is None:
            return []
        countries: list[str] = []
        for other in self.actors:
            actor = other.resolved(self.gazetteer, self.on) if not other.plural_of else None
            if actor is not None and actor.country and actor.country not in countries:
                countries.append(actor.country)
        holders: list[Actor] = []
        for country in countries:
            held = self.gazetteer.holder(country, found.office[1], self.on)
            if held is not None:
                holders.append(self.gazetteer.person_actor(held[1], held[0].office))
        return holders


# -- the rules, in order ---------------------------------------------------------------------------------
#: What a rule gives: participants (perhaps none: the report is then dropped), or None to pass.
_Reading = tuple[Actor, ...] | None


def visit(ctx: ParticipantContext) -> _Reading:
    """A visit ("Blinken visited China", "his trip to Beijing"): a visitor (the last person named before
    the word) and where they went -- a country, person or office named after the word in its clause,
    else the country of a place named there. Fires for every plain visit trigger (not "hosted"): a
    visit whose destination the words do not give ("Blinken's visit holds significance") gets no
    participants and so is not a mention."""
    if ctx.trigger.kind is not Kind.VISIT or ctx.trigger.cameo is not None:
        return None
    visitor = ctx.subject()
    host: Actor | None = None
    for found in ctx.actors:
        if not ctx.match.end() <= found.start < ctx.clause[1] or found.modifier or found.possessive:
            continue
        if found.kind in (ActorKind.COUNTRY, *_PEOPLE):
            host = found.resolved(ctx.gazetteer, ctx.on)
            if host is not None:
                break
    if host is None:
        after = [p for p in ctx.places if ctx.match.end() <= p.start < ctx.clause[1] and p.place.country]
        if after and after[0].place.country in ctx.gazetteer.countries:
            host = ctx.gazetteer.countries[after[0].place.country or ""].actor()
    if visitor is None or host is None or host.id == visitor.id:
        return ()
    if host.id in ctx.country_ids and visitor.country == host.country:
        return ()  # travelling at home is not a visit
    return (visitor, host)


def with_object(ctx: ParticipantContext) -> _Reading:
    """ "<subject> held talks with <object>": the last person named before the word, and whoever follows
    its "with" in the clause, up to a comma ("with Wang, according to the State Department"); countries
    that qualify "officials" count there ("talks with senior Chinese officials" are talks with China).
    Not read after "between"."""
    if ctx.between is not None:
        return None
    after = cues.WITH.search(ctx.text, ctx.match.end(), ctx.clause[1])
    if after is None:
        return None
    comma = ctx.text.find(",", after.end(), ctx.clause[1])
    stop = ctx.clause[1] if comma < 0 else comma
    scope = [f for f in ctx.actors if after.end() <= f.start < stop]
    objects = ctx.choose(scope) or unique(
        a for f in scope if f.kind is ActorKind.COUNTRY and (a := f.resolved(ctx.gazetteer, ctx.on))
    )
    subject = ctx.subject()
    if subject is None or not objects or subject.id in ids(objects):
        return None
    return (subject, *objects)


def in_clause(ctx: ParticipantContext) -> _Reading:
    """Two or more actors, people among them, named after "between" or else in the trigger's clause
    ("Biden met Xi", "Xi, whose meeting with Biden ...")."""
    if len(ctx.chosen) >= 2 and ctx.has_people(ctx.chosen):
        return tuple(ctx.chosen)
    return None


def in_sentence(ctx: ParticipantContext) -> _Reading:
    """Two or more people (no countries, no organisations) anywhere in the sentence, when the clause
    does not name them ("Biden said on Monday, when he met Xi, ...")."""
    if (
        ctx.between is None
        and len(ctx.in_sentence) >= 2
        and not any(a.id in ctx.country_ids or a.id.startswith("org:") for a in ctx.in_sentence)
    ):
        return tuple(ctx.in_sentence)
    return None


def the_pair(ctx: ParticipantContext) -> _Reading:
    """ "The pair spoke", "the two leaders met": the people of the nearest earlier prose sentence that
    names two or more (borrowed)."""
    if ctx.group and ctx.earlier.previous_people:
        source = ctx.earlier.previous_people
        return source if ctx.fits_borrowed(source) else None
    return None


def back_reference(ctx: ParticipantContext) -> _Reading:
    """ "the call", "this meeting with Xi": the participants of the last earlier report of the trigger's
    kind that has everyone the words name (borrowed). Read only where "the pair" did not point back."""
    if not ctx.back or (ctx.group and ctx.earlier.previous_people):
        return None
    last = ctx.earlier.last_of_kind(ctx.trigger.kind, ids(ctx.chosen))
    if last is None:
        return None
    return last if ctx.fits_borrowed(last) else None


def headline(ctx: ParticipantContext) -> _Reading:
    """A standfirst's "The meeting" with no earlier report to point at: the people of the headline
    (borrowed)."""
    if not ctx.back or (ctx.group and ctx.earlier.previous_people):
        return None
    if ctx.earlier.last_of_kind(ctx.trigger.kind, ids(ctx.chosen)) is not None:
        return None
    source = ctx.earlier.headline_people()
    return source if ctx.fits_borrowed(source) else None


def between(ctx: ParticipantContext) -> _Reading:
    """ "talks between Washington and Beijing": whoever follows "between", countries alone included
    (and nobody, when the words name fewer than two)."""
    return tuple(ctx.chosen) if ctx.between is not None else None


def two_countries(ctx: ParticipantContext) -> _Reading:
    """ "US, China officials talk": exactly two countries or organisations in the clause, no people."""
    if len(ctx.chosen) == 2 and not ctx.has_people(ctx.chosen):
        return tuple(ctx.chosen)
    return None


def across_sentence(ctx: ParticipantContext) -> _Reading:
    """The last resort: everyone the sentence names, but only with a person among them (countries
    scattered over a sentence are a list, not a contact)."""
    widest = ctx.in_sentence
    return tuple(widest) if ctx.has_people(widest) else ()


@attrs.frozen
class ParticipantRule:
    """One participant rule: its name (recorded in ``Mention.rule``), whether the participants it gives
    come from earlier sentences rather than its own, and the function that reads the words."""

    name: str
    find: Callable[[ParticipantContext], tuple[Actor, ...] | None]
    borrowed: bool = False


#: In order: the first rule that does not pass gives the participants. The last never passes.
RULES: tuple[ParticipantRule, ...] = (
    ParticipantRule("visit", visit),
    ParticipantRule("with_object", with_object),
    ParticipantRule("in_clause", in_clause),
    ParticipantRule("in_sentence", in_sentence),
    ParticipantRule("the_pair", the_pair, borrowed=True),
    ParticipantRule("back_reference", back_reference, borrowed=True),
    ParticipantRule("headline", headline, borrowed=True),
    ParticipantRule("between", between),
    ParticipantRule("two_countries", two_countries),
    ParticipantRule("across_sentence", across_sentence),
)


@attrs.frozen
class Participants:
    """The participants of one report and the rule that gave them."""

    actors: tuple[Actor, ...]
    rule: ParticipantRule

    @property
    def borrowed(self) -> bool:
        """The participants were taken from context ("the pair", "the meeting")."""
        return self.rule.borrowed


def find_participants(ctx: ParticipantContext, rules: tuple[ParticipantRule, ...] = RULES) -> Participants:
    """The participants that the first rule of ``rules`` that fires gives."""
    for rule in rules:
        found = rule.find(ctx)
        if found is not None:
            return Participants(found, rule)
    return Participants((), rules[-1])
