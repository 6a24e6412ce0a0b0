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
import itertools
import re
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Protocol

import attrs

from newsparse.mentions import cues
from newsparse.mentions.actors import ActorKind, Found
from newsparse.mentions.gazetteer import Gazetteer, slug
from newsparse.mentions.namewords import CALENDAR_WORDS, HONORIFIC, NAME_WORD, NOT_NAME, NOT_OPENING
from newsparse.mentions.places import FoundPlace
from newsparse.models import Actor
from newsparse.vocabulary import Kind, PlaceLevel

__all__ = [
    "BARE_NAME_VERBS",
    "NOT_NAME_WORDS",
    "RULES",
    "Earlier",
    "ParticipantContext",
    "ParticipantRule",
    "Participants",
    "bare_names",
    "find_participants",
    "full_name_in",
    "has_people",
    "ids",
    "unique",
]

#: The separator between the trigger's rule and the participant rule in ``Mention.rule``.
RULE_SEPARATOR = "/participants:"

_PEOPLE = (ActorKind.PERSON, ActorKind.OFFICE)
#: "<X> was one of the people who <contact>", "<X> was among those who": X did it.
_ONE_OF_WHO = re.compile(
    r"(?i:\b(?:was|is|were|are)\s+(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}who\s+"
    r"(?:(?:also|then|later|[a-z]+ly)\s+)?$)"
)
#: Between a subject and its verb: nothing, or an appositive between commas.
_COPULA_GAP = re.compile(r"\s*(?:,[^,]{1,120},\s*)?")
#: After an organisation's name: "(SAD) delegation led by", "delegation, led by".
_LED_DELEGATION = re.compile(r"(?:\s*\([A-Z]{2,6}\))?\s+delegations?,?\s+(?:was\s+)?(?:led|headed)\s+by\b")


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

#: How far before a name the words that end right before it ("a top aide to", "in the") are looked for:
#: longer than any of them, so that each candidate costs a bounded search, not one over the sentence.
_WORDS_BEFORE = 80


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
    def own_clause(self) -> tuple[int, int]:
        """The trigger's clause, cut further at the words that open a clause of its own even without a
        comma ("a July 10 meeting at the White House | when Sondland told ...")."""
        start, end = self.clause
        for cut in cues.SUBCLAUSE.finditer(self.text, start, end):
            if cut.end() <= self.match.start():
                start = cut.end()
            elif cut.start() >= self.match.end():
                end = cut.start()
                break
        return start, end

    @cached_property
    def main_verb(self) -> bool:
        """The trigger just follows the comma that closes a clause set inside its own ("Zelensky,
        visiting Washington since the war began, met with Biden"): its subject is the sentence's."""
        return cues.AFTER_INSET.search(self.text, self.own_clause[0], self.match.start()) is not None

    @cached_property
    def fronted_end(self) -> int:
        """Where the words fronted before a sentence's subject end ("Following a meeting with Zelensky,
        | House Speaker Mike Johnson said", "Following a meeting with Zelensky – their first – | House
        Speaker ..."): the comma after the trigger in its clause, else the clause's end; the clause's
        end when the sentence does not open with such words."""
        if not cues.FRONTED_ADJUNCT.match(self.text, 0, self.match.start()):
            return self.clause[1]
        comma = self.text.find(",", self.match.end(), self.clause[1])
        return comma if comma >= 0 else self.clause[1]

    @cached_property
    def reported(self) -> bool:
        """The trigger's own clause is what someone said ("Wang said that ..., in a phone call with
        Blinken"): its subject may be the speaker's."""
        return self.text.startswith("that", self.own_clause[0])

    @cached_property
    def noun_use(self) -> bool:
        """The trigger is a noun ("Zelensky's meetings", "the conversation"): what follows it names its
        participants only after "with" or "between"."""
        if not self.trigger.noun or cues.VERB_FORMS.fullmatch(self.match.group(0)):
            return False
        if cues.DETERMINED.match(self.match.group(0)):
            return True  # "the July 25 call", "Trump's call"
        return cues.NOUN_USE.search(self.text[: self.match.start()]) is not None

    @cached_property
    def noun_with(self) -> bool:
        """A noun trigger with its "with" ("his call with Trump"), not after "between"."""
        return (
            self.noun_use
            and self.between is None
            and cues.WITH.search(self.text, self.match.end(), self.own_clause[1]) is not None
        )

    @cached_property
    def scope(self) -> list[Found]:
        """The actors the words give the contact: after "between", else in the trigger's own clause (with
        the person a "whose" clause is about); after a noun trigger, only those its "with" names."""
        start, end = self.own_clause
        if self.between is not None:
            return [f for f in self.actors if self.between.end() <= f.start < self.clause[1]]
        if (
            self.noun_use
            and not cues.WITH.search(self.text, self.match.end(), end)
            and not cues.NOUN_ARGUMENT.match(self.text, self.match.end())
        ):
            end = self.match.end()
        scope = [f for f in self.actors if start <= f.start < end]
        if cues.WHOSE.match(self.text[self.clause[0] :]):
            antecedent = [f for f in self.actors if f.end <= self.clause[0] and f.kind in _PEOPLE]
            scope = antecedent[-1:] + scope
        return scope

    def objects_after(self, position: int, end: int) -> list[Found]:
        """The actors named one after another from ``position`` ("with Blinken and Wang"), up to a comma
        or a word that ends the object (:data:`cues.OBJECT_STOP`: "with Xi on Monday")."""
        run: list[Found] = []
        for found in sorted((f for f in self.actors if position <= f.start < end), key=lambda f: f.start):
            gap = self.text[position : found.start]
            # a list or an apposition goes on after a comma: "with Wang, Lavrov and Jaishankar", "with
            # North Korea's leader, Kim Jong-un"
            if cues.OBJECT_STOP.search(gap) and not (run and cues.JOINED.match(gap)):
                break
            run.append(found)
            position = max(position, found.end)
        return run

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
        back = cues.BACK_REFERENCE.search(before) if self.trigger.noun else None
        if back is None or cues.RECIPROCAL.match(self.text, self.match.end()):
            return False
        # "the failed Copenhagen talks": a contact named by its city, region or country, not the one
        # reported before ("the Krispy Kreme meeting", "the Eurogroup meeting" may be)
        return not any(
            back.start() <= p.start < back.end() and p.kind is not PlaceLevel.VENUE for p in self.places
        )

    def has_people(self, actors: Iterable[Actor]) -> bool:
        return has_people(actors, self.country_ids)

    def fits_borrowed(self, source: tuple[Actor, ...]) -> bool:
        """Whether borrowed participants fit what the sentence names itself: two or more, and the
        sentence names none of them, only some of them, or no people at all."""
        return len(source) >= 2 and (ids(self.chosen) <= ids(source) or not self.has_people(self.chosen))

    # -- readings shared by the rules ------------------------------------------------------------
    def subject(self) -> Actor | None:
        """The last person named before the trigger's end in its own clause: "Blinken's visit", "Trump's
        July 25 call" (a possessive inside the trigger counts), "Blinken held talks"; when that clause is
        what someone said and names nobody before the trigger, the last person named before it in the
        sentence ("Wang said that ..., in a phone call with Blinken")."""
        subjects = self.subjects()
        return subjects[-1] if subjects else None

    def subjects(self) -> list[Actor]:
        """The subject (:meth:`subject`) with the people joined to it before it: "Saban, Meyer and Ohio
        State's Jim Tressel participated in a conference call with Goodell"."""
        before = [f for f in self.actors if f.end <= self.match.end() and f.kind in _PEOPLE]
        setting = cues.SETTING.search(self.text, 0, self.match.start())
        if setting is not None:
            # "Sarwar has reportedly said Starmer lacked empathy during a private discussion with ...":
            # where the report was made, so its speaker's contact
            speakers = [
                f for f in before if f.end <= setting.start() and cues.SPEAKER_VERB.match(self.text, f.end)
            ]
            if speakers and (speaker := self.resolve(speakers[-1])) is not None:
                return [speaker]
        own = [f for f in before if f.start >= self.own_clause[0]]
        one_of = None if own else _ONE_OF_WHO.search(self.text, 0, self.match.start())
        if one_of is not None:
            # "Katjavivi, one of Geingob's close friends, was one of the people who visited Geingob":
            # the one of those who did it is the sentence's subject, named first
            subject = next(
                (
                    f
                    for f in reversed(before)
                    if f.end <= one_of.start() and _COPULA_GAP.fullmatch(self.text, f.end, one_of.start())
                ),
                None,
            )
            actor = self.resolve(subject) if subject is not None else None
            return [actor] if actor is not None else []
        if not own and cues.FRONTED_ADJUNCT.match(self.text, 0, self.match.start()):
            # "Following a meeting with Zelensky – their first – House Speaker Mike Johnson said ...":
            # the subject of the sentence, named after the fronted words
            after = [f for f in self.actors if f.start >= self.fronted_end and f.kind in _PEOPLE]
            first = self.resolve(after[0]) if after else None
            return [first] if first is not None else []
        possessor = (
            cues.POSSESSOR.search(self.text, self.own_clause[0], self.match.start())
            if not own and self.noun_use  # "his departure from a meeting", never "his aides met"
            else None
        )
        if possessor is not None:
            # "the president's unpredictable behavior — as demonstrated by his abrupt departure from a
            # meeting with ...": "his" is the one person the sentence named before it
            owners = [f for f in self.actors if f.end <= possessor.start() and f.kind in _PEOPLE]
            named = unique(a for f in owners if (a := self.resolve(f)) is not None)
            people = [a for a in named if a.id not in self.country_ids]
            return people if len(people) == 1 else []
        if (
            not own
            and self.match.group(0).lower().endswith("ing")
            and cues.GERUND_CLAUSE.fullmatch(self.text, self.own_clause[0], self.match.start())
        ):
            # "Blinken went to Beijing after visiting India": the sentence's subject, the first person
            # of the clause before
            main = [f for f in before if self.clause[0] <= f.start < self.own_clause[0]]
            first = self.resolve(main[0]) if main else None
            return [first] if first is not None else []
        candidates = own or (before if self.reported or self.main_verb else [])
        for index in range(len(candidates) - 1, -1, -1):
            actor = self.resolve(candidates[index])
            if actor is None:
                continue
            joined = [actor]
            pairs = zip(reversed(candidates[:index]), reversed(candidates[1 : index + 1]), strict=True)
            for earlier, later in pairs:
                gap = self.text[earlier.end : later.start]
                # "A, B and C": the last two joined by "and", the others by commas
                if not (cues.AND.match(gap) if len(joined) == 1 else cues.JOINED.match(gap)):
                    break
                if (other := self.resolve(earlier)) is not None:
                    joined.insert(0, other)
            return unique(joined)
        return []

    def resolve(self, found: Found) -> Actor | None:
        """The actor a reference names; for "a top aide to Zelenskiy", the person's state."""
        actor = found.resolved(self.gazetteer, self.on)
        if actor is None or found.kind not in _PEOPLE:
            return actor
        if cues.AIDE_OF.search(self.text, max(0, found.start - _WORDS_BEFORE), found.start):
            country = self.gazetteer.countries.get(actor.country or "")
            return country.actor() if country is not None else None
        return actor

    def choose(self, scope: list[Found]) -> list[Actor]:
        """People when there are two or more; else people with the organisations and countries named as
        such; else countries that qualify a noun ("US, China officials")."""
        people: list[Actor] = []
        others: list[Actor] = []
        modifiers: list[Actor] = []
        joined = True  # the country modifiers qualify one noun together ("US, China officials")
        last_modifier: Found | None = None
        for found in scope:
            if found.plural_of:
                people.extend(self._respective(found))
                continue
            actor = self.resolve(found)
            if actor is None:
                continue
            if found.kind in _PEOPLE and actor.id not in self.country_ids:
                people.append(actor)
            elif found.kind in _PEOPLE:
                others.append(actor)  # "a top aide to Zelenskiy": his state
            elif found.kind is ActorKind.COUNTRY and (found.modifier or found.possessive):
                if last_modifier is not None and not cues.JOINED.match(
                    self.text[last_modifier.end : found.start]
                ):
                    joined = False
                last_modifier = found
                modifiers.append(actor)
            elif found.kind in (ActorKind.COUNTRY, ActorKind.ORGANISATION) and (
                cues.LOCATIVE.search(self.text, max(0, found.start - _WORDS_BEFORE), found.start)
                or cues.LOCATIVE_LIST.search(self.text, 0, found.start)
            ):
                continue
            else:
                others.append(actor)
        people = unique(people)
        if len(people) >= 2:
            # "Shiromani Akali Dal (SAD) delegation led by Prem Singh Chandumajra met ...": the body
            # whose delegation a person led takes part with its leader
            delegations = [
                a
                for f in scope
                if f.kind is ActorKind.ORGANISATION
                and _LED_DELEGATION.match(self.text, f.end)
                and (a := self.resolve(f)) is not None
            ]
            return unique(people + delegations)
        if people:
            own = people[0].country
            return unique(people + [a for a in others if not (a.id in self.country_ids and a.country == own)])
        chosen = unique(others)
        if chosen:
            return chosen
        modifiers = unique(modifiers)
        return modifiers if len(modifiers) >= 2 and joined else []

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
    the word, or after "by": "a trip to Africa by Clinton") and where they went -- a country, person or
    office named after the word in its clause (an organisation right after it: "a visit to Surrey
    Police"), else the country of a place named there (not for a visitor whose country is unknown: a tour
    of Nevada and Iowa may be at home). Fires for every plain visit trigger (not "hosted"): a
    visit whose destination the words do not give ("Blinken's visit holds significance") gets no
    participants and so is not a mention."""
    if ctx.trigger.kind is not Kind.VISIT or ctx.trigger.cameo is not None:
        return None
    visitor = ctx.subject()
    by = cues.VISIT_BY.search(ctx.text, ctx.match.end(), ctx.own_clause[1])
    if by is not None:  # "a trip to Africa by former President Bill Clinton"
        named = ctx.objects_after(by.end(), ctx.own_clause[1])
        people = [a for f in named if f.kind in _PEOPLE and (a := ctx.resolve(f))]
        visitor = people[0] if people else visitor
    host: Actor | None = None
    if cues.THERE.search(ctx.match.group(0)):
        # "Duke got serious about China ... after Rogers took his grandson on a trip there": the country
        # named last before the word (never one that qualifies a noun: "Chinese officials")
        named = [
            f
            for f in ctx.actors
            if f.end <= ctx.match.start() and f.kind is ActorKind.COUNTRY and not f.modifier
        ]
        host = named[-1].resolved(ctx.gazetteer, ctx.on) if named else None
        if visitor is None or host is None or host.id == visitor.id or visitor.country == host.country:
            return ()
        return (visitor, host)
    for found in ctx.actors:
        if not ctx.match.end() <= found.start < ctx.clause[1] or found.modifier or found.possessive:
            continue
        if ctx.trigger.adjacent and (
            found.kind is not ActorKind.COUNTRY
            or not cues.VISITED_BODY.fullmatch(ctx.text, ctx.match.end(), found.start)
        ):
            break  # "went to Egypt", not "went to war with Russia", nor "Biden's vote went to Harris"
        if found.kind is ActorKind.ORGANISATION and not cues.VISITED_BODY.fullmatch(
            ctx.text, ctx.match.end(), found.start
        ):
            continue  # an organisation is visited only when named right after the word: "a visit to NATO"
        if found.kind in (ActorKind.COUNTRY, ActorKind.ORGANISATION, *_PEOPLE):
            host = found.resolved(ctx.gazetteer, ctx.on)
            if host is not None:
                break
    if host is None:
        if visitor is not None and visitor.country is None:
            return ()  # "Patrick launched a tour ..., visiting Nevada": at home or abroad, no one can say
        after = [p for p in ctx.places if ctx.match.end() <= p.start < ctx.clause[1] and p.place.country]
        if ctx.trigger.adjacent:  # "went to Beijing", not "went to court in Paris"
            after = [p for p in after if cues.VISITED_BODY.fullmatch(ctx.text, ctx.match.end(), p.start)]
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
    end = min(ctx.own_clause[1], ctx.fronted_end)  # "Following talks with Xi, | Biden said"
    after = cues.WITH.search(ctx.text, ctx.match.end(), end)
    if after is None or cues.ALONG.search(ctx.text, 0, after.start()):
        return None  # "leading the negotiations along with Schumer": a companion, not a counterpart
    scope = ctx.objects_after(after.end(), end)
    objects = ctx.choose(scope) or unique(
        a for f in scope if f.kind is ActorKind.COUNTRY and (a := ctx.resolve(f))
    )
    if not objects and cues.WITH_NEXT.match(ctx.text, ctx.match.end()):
        return ()  # "met with donors", "calls with other foreign leaders": the counterpart is unnamed
    before = [f for f in ctx.actors if ctx.own_clause[0] <= f.start and f.end <= ctx.match.start()]
    if objects and before and cues.LIST_GOES_ON.match(ctx.text, before[-1].end, ctx.match.start()):
        return ()  # "Saban, Meyer and Ohio State's Jim Tressel ... a call with Goodell": a partial list
    subjects = ctx.subjects()
    if not subjects or not objects or ids(subjects) & ids(objects):
        return None
    return (*subjects, *objects)


#: A sentence's opening words before its subject: "And in another tape-recorded call, ...".
_FRONTED_NOUN = re.compile(r"(?:(?i:and|but|yet|so)\s+)?" + cues.FRONTED_ADJUNCT.pattern)
#: After the subject (and its appositive) of the main clause: "told", "asked" and whom.
_TOLD = re.compile(
    r"(?:,[^,]{1,80})?,?\s+(?:(?:also|then|later|once|[a-z]+ly)\s+)?(?:told|asked|informed|assured|warned)\s+"
    rf"{HONORIFIC}?$"
)


def fronted(ctx: ParticipantContext) -> _Reading:
    """ "And in another tape-recorded call, Danielle Chiesi, a hedge fund executive, told Mr.
    Rajaratnam ...": a contact noun in the words that open the sentence, without its own "with", is
    the contact of the main clause's subject and the person that subject "told" or "asked"."""
    if not ctx.trigger.noun or ctx.between is not None or ctx.noun_with:
        return None
    if not _FRONTED_NOUN.fullmatch(ctx.text, 0, ctx.match.start()):
        return None
    if not ctx.text.startswith(",", ctx.match.end()):
        return None
    people = [f for f in ctx.actors if f.start >= ctx.match.end() and f.kind in _PEOPLE]
    if len(people) < 2 or not _TOLD.fullmatch(ctx.text, people[0].end, people[1].start):
        return None
    pair = unique(a for f in people[:2] if (a := ctx.resolve(f)) is not None)
    return tuple(pair) if len(pair) == 2 else None


def in_clause(ctx: ParticipantContext) -> _Reading:
    """Two or more actors, people among them, named after "between" or else in the trigger's clause
    ("Biden met Xi", "Xi, whose meeting with Biden ...")."""
    if ctx.noun_with:
        return None  # "a phone call with Trump" names its counterparts after "with": with_object read them
    if len(ctx.chosen) >= 2 and ctx.has_people(ctx.chosen):
        return tuple(ctx.chosen)
    return None


def in_sentence(ctx: ParticipantContext) -> _Reading:
    """Two or more people (no countries, no organisations) anywhere in the sentence, when the clause
    does not name them and a pronoun or group is the trigger's subject ("Biden said on Monday, when he
    met Xi, ...", "when the officials from the two countries talked")."""
    pronoun = cues.PRONOUN_SUBJECT.search(ctx.text, ctx.own_clause[0], ctx.match.start())
    if ctx.between is not None or pronoun is None:
        return None
    if cues.SINGULAR.match(pronoun.group(0)):
        # "Biden said on Monday, when he met Xi": the first person named before "he" (the sentence's
        # subject, as a reader takes it), and whom the clause names after the word
        antecedent = [f for f in ctx.actors if f.end <= pronoun.start() and f.kind in _PEOPLE]
        objects = ctx.choose(ctx.objects_after(ctx.match.end(), ctx.own_clause[1]))
        if not antecedent or not objects:
            return None
        first = ctx.resolve(antecedent[0])
        found = unique([first, *objects]) if first is not None else []
        return tuple(found) if len(found) >= 2 and ctx.has_people(found) else None
    if len(ctx.in_sentence) >= 2 and not any(
        a.id in ctx.country_ids or a.id.startswith("org:") for a in ctx.in_sentence
    ):
        return tuple(ctx.in_sentence)
    return None


def the_pair(ctx: ParticipantContext) -> _Reading:
    """ "The pair spoke", "the two leaders met": the people of the nearest earlier prose sentence that
    names two or more (borrowed); not when the sentence names people before the group, whom it means."""
    if ctx.group and ctx.earlier.previous_people:
        group = cues.GROUP_BEFORE.search(ctx.text[: ctx.match.start()])
        if group is not None and any(f.kind in _PEOPLE and f.start < group.start() for f in ctx.actors):
            return None  # "conversations between him, Sondland and others in which they discussed": theirs
        source = ctx.earlier.previous_people
        named = {a.id for f in ctx.actors if f.kind in _PEOPLE and (a := ctx.resolve(f)) is not None}
        if named and not named & ids(source):
            return None  # "They had met at Stanford, where Brin was ...": not a pair without Brin
        return source if ctx.fits_borrowed(source) else None
    return None


def back_reference(ctx: ParticipantContext) -> _Reading:
    """ "the call", "this meeting with Xi": the participants of the last earlier report of the trigger's
    kind that has everyone the words name (borrowed). Read only where "the pair" did not point back."""
    if not ctx.back or ctx.between is not None or (ctx.group and ctx.earlier.previous_people):
        return None
    last = ctx.earlier.last_of_kind(ctx.trigger.kind, ids(ctx.chosen))
    if last is None:
        return None
    # "the China trade talks" point at a contact of China (or of its people), not at the last meeting
    states = {
        f.actor.country
        for f in ctx.actors
        if f.kind is ActorKind.COUNTRY
        and f.actor is not None
        and f.end <= ctx.match.start()
        and cues.QUALIFIES_NOUN.fullmatch(ctx.text, f.end, ctx.match.start())
    }
    if not states <= {a.country for a in last}:
        return None
    return last if ctx.fits_borrowed(last) else None


def headline(ctx: ParticipantContext) -> _Reading:
    """A standfirst's "The meeting" with no earlier report to point at: the people of the headline
    (borrowed)."""
    if not ctx.back or ctx.between is not None or (ctx.group and ctx.earlier.previous_people):
        return None
    if ctx.earlier.last_of_kind(None, frozenset()) is not None:
        return None  # the article has reported a contact before: "the meeting" is not the headline's
    source = ctx.earlier.headline_people()
    return source if ctx.fits_borrowed(source) else None


def between(ctx: ParticipantContext) -> _Reading:
    """ "talks between Washington and Beijing": whoever follows "between", countries alone included
    (and nobody, when the words name fewer than two). "Negotiations between the UAW and Stellantis":
    a name the gazetteer lacks, joined by "and" to an organisation right after "between", is an
    organisation too."""
    if ctx.between is None:
        return None
    if len(ctx.chosen) == 1 and (partner := _between_partner(ctx)) is not None:
        return (ctx.chosen[0], partner)
    return tuple(ctx.chosen)


#: After "between": "the UAW and Stellantis", "Stellantis and the UAW" (a name of one to three words).
_BETWEEN_NAME = rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}"
_AND_NAME = re.compile(rf"[ \t]+and[ \t]+(?:the[ \t]+)?(?P<name>{_BETWEEN_NAME})(?=[\s,.;:!?)]|$)")
_NAME_AND = re.compile(rf"[ \t]+(?:the[ \t]+)?(?P<name>{_BETWEEN_NAME})[ \t]+and[ \t]+(?:the[ \t]+)?$")


def _between_partner(ctx: ParticipantContext) -> Actor | None:
    """The organisation named beside the one known organisation after "between" (see :func:`between`)."""
    assert ctx.between is not None
    known = [f for f in ctx.scope if f.kind is ActorKind.ORGANISATION]
    if len(known) != 1:
        return None
    org = known[0]
    after = _AND_NAME.match(ctx.text, org.end)
    before = None if after else _NAME_AND.fullmatch(ctx.text, ctx.between.end(), org.start)
    found = after or before
    if found is None:
        return None
    name = found.group("name")
    words = name.split()
    if (
        words[0] in NOT_OPENING
        or any(w in NOT_NAME for w in words)
        or any(f.start < found.end() and found.start("name") < f.end for f in ctx.actors)
    ):
        return None
    return Actor(id=f"org:{slug(name)}", name=name)


def two_countries(ctx: ParticipantContext) -> _Reading:
    """ "US, China officials talk", "Washington and Beijing held talks", "China held talks with Russia":
    exactly two countries or organisations in the clause, no people, named together (joined by "and"
    or a comma) or on either side of the contact's "with" -- not "Washington and the Taliban held talks
    ... for US troops to begin leaving Afghanistan"."""
    if ctx.has_people(ctx.chosen):
        return None
    if len(ctx.chosen) != 2:
        return _subject_pair(ctx)
    named = {a.id for a in ctx.chosen}
    founds = sorted(
        (f for f in ctx.scope if (a := ctx.resolve(f)) is not None and a.id in named), key=lambda f: f.start
    )
    together = any(
        cues.JOINED.match(ctx.text[a.end : b.start])
        or cues.AND.match(ctx.text[a.end : b.start])
        or (a.end <= ctx.match.start() and cues.WITH_BEFORE.fullmatch(ctx.text, ctx.match.end(), b.start))
        for a, b in itertools.pairwise(founds)
    )
    return tuple(ctx.chosen) if together else None


def when_clause(ctx: ParticipantContext) -> _Reading:
    """A contact noun whose own words name no one, followed by a "when" clause that says what happened
    in it ("a July 10 meeting at the White House when Sondland told visiting Ukraine officials they
    would need to deliver"): the subject right after "when" and whom that clause's verb names, up to
    its first comma or clause word."""
    if not ctx.noun_use or ctx.between is not None or ctx.chosen:
        return None
    when = cues.WHEN_CLAUSE.match(ctx.text, ctx.own_clause[1])
    if when is None:
        return None
    start = when.end()
    stop = cues.WHEN_CLAUSE_END.search(ctx.text, start, ctx.clause[1])
    end = stop.start() if stop is not None else ctx.clause[1]
    named = [f for f in ctx.actors if start <= f.start < end]
    if not named or named[0].start != start or named[0].kind not in _PEOPLE:
        return None  # "when Sondland ...": the clause opens with its subject, a person
    subject = ctx.resolve(named[0])
    rest = named[1:]
    # "told visiting Ukraine officials": a state that qualifies officials counts, as after "with"
    objects = ctx.choose(rest) or unique(
        a for f in rest if f.kind is ActorKind.COUNTRY and f.modifier and (a := ctx.resolve(f))
    )
    found = unique([subject, *objects]) if subject is not None and objects else []
    return tuple(found) if len(found) >= 2 else None


#: "Washington and the Taliban": two subjects joined by "and".
_SUBJECT_AND = re.compile(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?")
#: Between a subject and its contact word, only words in lower case ("had been holding direct").
_VERB_GAP = re.compile(r"\s+(?:[a-z]+\s+){0,4}")
_BODIES = (ActorKind.COUNTRY, ActorKind.ORGANISATION)


def _subject_pair(ctx: ParticipantContext) -> _Reading:
    """ "Washington and the Taliban had been holding direct talks pursuing an agreement for US troops to
    begin leaving Afghanistan": two countries or organisations joined by "and" as the subject right
    before the contact word (nothing but words in lower case between) are its participants, whatever
    else the clause names after it. Not a longer list ("A, B and C held talks"), whose pairs are not
    the contact's."""
    before = [f for f in ctx.scope if f.end <= ctx.match.start()]
    if len(before) < 2 or not _VERB_GAP.fullmatch(ctx.text, before[-1].end, ctx.match.start()):
        return None
    first, second = before[-2], before[-1]
    if any(f.kind not in _BODIES or f.modifier or f.possessive for f in (first, second)):
        return None
    if not _SUBJECT_AND.fullmatch(ctx.text, first.end, second.start):
        return None
    if len(before) > 2 and cues.JOINED.match(ctx.text[before[-3].end : first.start]):
        return None  # "Russia, China and Iran held talks": one pair of a longer list
    pair = unique(a for f in (first, second) if (a := ctx.resolve(f)) is not None)
    return tuple(pair) if len(pair) == 2 else None


def across_sentence(ctx: ParticipantContext) -> _Reading:
    """The last resort: nobody. Actors named in other clauses of the sentence are not the contact's
    ("Zelensky's meetings came on the same day the US declassified ..."); the rules
    before this one read the trigger's own clause, its pronouns and its references back."""
    return ()


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
    ParticipantRule("fronted", fronted),
    ParticipantRule("in_clause", in_clause),
    ParticipantRule("in_sentence", in_sentence),
    ParticipantRule("the_pair", the_pair, borrowed=True),
    ParticipantRule("back_reference", back_reference, borrowed=True),
    ParticipantRule("headline", headline, borrowed=True),
    ParticipantRule("between", between),
    ParticipantRule("two_countries", two_countries),
    ParticipantRule("when_clause", when_clause),
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


# -- people the gazetteer does not know, named in a contact's own slots ---------------------------------
_BARE_NAME = rf"{NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{NAME_WORD}){{0,2}}"
_CONTACT_VERB = re.compile(
    r"met|meets|called|calls|rang|(?:tele)?phoned|spoke(?:\s+(?:with|to))?|talked(?:\s+(?:with|to))?|"
    r"s(?:at|its)\s+down\s+with|sh(?:ook|akes)\s+hands",
    re.IGNORECASE,
)
#: A cheap look at an article: whether it holds a contact verb that may have bare names around it.
BARE_NAME_VERBS = re.compile(
    r"(?<![\w'’-])(?!(?:We|He|She|They|It|You|The|This|That)\b)(?:[A-Z][a-z]+\s+(?:(?:[a-z]+ly|also|once|then|later|had|has)\s+)?)"
    r"(?i:met|meets|called|calls|rang|(?:tele)?phoned|spoke|talked|sat\s+down|sits\s+down|shook|shakes)\b|"
    r"\b(?i:met|meets)\s+(?:with\s+)?(?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?[A-Z]"
)
_CONTACT_NOUN = re.compile(
    r"meetings?|(?:a|an|one|the)\s+(?:[\w-]+\s+){0,2}calls?|conversations?|talks", re.I
)
#: "had a brief and inconsequential meeting", "held talks", "had one in-person meeting": the noun's verb.
_HAD_NOUN = re.compile(
    r"\b(?:had|held|has\s+had|have\s+had)\s+[\"“]?(?:(?:a|an|one|two|several|private|secret|brief)\s+)?"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SPOKEN = re.compile(r"spoke|talked", re.IGNORECASE)
#: What may stand between a subject and its contact verb: "Swallow allegedly met", "Page later called".
_SUBJECT_BEFORE = re.compile(
    rf"(?:^|[,;:(—–]\s*|\s)(?P<name>{_BARE_NAME})\s+"
    r"(?:(?:[a-z]+ly|also|once|then|later|first|again|finally|had|has|have|soon|twice)\s+){0,2}$"
)
_COURTESY = rf"{HONORIFIC}?"
#: A bare name right after the contact word ("met with Dr. James Andrews to discuss", "called Doerr and").
_OBJECT_AFTER = re.compile(
    rf"\s+(?:with\s+|to\s+)?{_COURTESY}(?P<name>{_BARE_NAME})(?:['’]s)?"
    r"(?=\s*(?:[,.;:!?)—–]|$)|\s+(?:at|in|on|to|and|for|about|after|before|over|last|this|during|when|who|"
    r"as|from|since|twice|again|privately|recently|earlier|later|shortly|yesterday|today|until)\b)"
)


def bare_names(
    text: str,
    triggers: Iterable[tuple[cues.Trigger, re.Match[str]]],
    known: Iterable[tuple[int, int]],
    full_name: FullNames,
) -> list[Found]:
    """People the gazetteer does not know, named without a title in a contact verb's own slots: its
    subject right before it ("Swallow allegedly met with ...", "Page called ...") and its object right
    after it ("met with Dr. James Andrews to discuss", "called Doerr and"). ``known``: the spans of
    the names the gazetteer found (and of its places), which are never bare names. A one-word name
    counts only when ``full_name`` finds it in the article with a given name ("Brett Favre" for
    "Favre"), so that "Democrats met with Republicans" and an opening "Later" are no one."""
    spans = list(known)
    found: list[Found] = []
    for _trigger, match in triggers:
        verb_start = match.start()
        if not _CONTACT_VERB.fullmatch(match.group(0)):
            # "Mateen once had a brief meeting with Rep. Ed Royce": the subject of "had" + the noun
            had = (
                _HAD_NOUN.search(text, 0, match.start()) if _CONTACT_NOUN.fullmatch(match.group(0)) else None
            )
            if had is None:
                continue
            verb_start = had.start()
        candidates = []
        before = _SUBJECT_BEFORE.search(text, 0, verb_start)
        if before:
            candidates.append(before.span("name"))
        # a bare name after "spoke with" is often the reporter of an interview ("spoke with Lally
        # Weymouth"): only meetings and calls take a bare object
        after = None if _SPOKEN.match(match.group(0)) else _OBJECT_AFTER.match(text, match.end())
        if after and verb_start != match.start() and not after.group(0).lstrip().startswith("with"):
            after = None  # a noun's counterpart follows "with"
        if after:
            candidates.append(after.span("name"))
        for start, end in candidates:
            name = text[start:end]
            words = name.split()
            if words[0] in NOT_OPENING or any(w in CALENDAR_WORDS for w in words):
                continue
            if any(s < end and start < e for s, e in spans):
                continue
            if len(words) == 1:
                full = full_name(name)
                if full is None:
                    continue
                name = full
            elif any(full_name.written_lower(word) for word in words):
                continue  # "Water Drilling Service met ...": the article writes "the water", a noun
            actor = Actor(id=f"person:{slug(name)}", name=name)
            found.append(Found(start, end, ActorKind.PERSON, actor))
            spans.append((start, end))
    return found


#: Capitalised words that are no one's name: those that open no name (:data:`NOT_OPENING`), and month
#: and weekday names.
NOT_NAME_WORDS = NOT_OPENING | CALENDAR_WORDS


class FullNames:
    """The names of one article's text: ``full_names(word)`` is, for a one-word name, the first two- or
    three-word name of the text that ends with it and opens with a given name ("Larry Page" for
    "Page"), or None; ``written_lower(word)`` whether the text also writes the word in lower case."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._full: dict[str, str | None] = {}
        self._lower: dict[str, bool] = {}

    def written_lower(self, word: str) -> bool:
        if word not in self._lower:
            lower = word.lower()
            self._lower[word] = (
                lower != word and re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", self.text) is not None
            )
        return self._lower[word]

    def __call__(self, word: str) -> str | None:
        cache = self._full
        text = self.text
        if word not in cache:
            cache[word] = None
            given_names = rf"(?<![\w.])((?:{NAME_WORD} (?:[A-Z]\. )?){{1,2}})"
            pattern = rf"{given_names}{re.escape(word)}(?=['’]s\b|(?![\w'’-]))"
            for match in re.finditer(pattern, text):
                given = match.group(1).split()
                if given[0] in NOT_OPENING and len(given) > 1:
                    given = given[1:]  # "The Untold Story Of Larry Page": "Of" opens no name
                if given[0] in NOT_OPENING or any(w in CALENDAR_WORDS for w in given):
                    continue
                cache[word] = f"{' '.join(given)} {word}"
                break
        return cache[word]


def full_name_in(text: str) -> FullNames:
    """The :class:`FullNames` of ``text``."""
    return FullNames(text)
