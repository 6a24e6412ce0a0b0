"""The built-in mention extractor: reports of contacts between named actors, sentence by sentence.

For each sentence of an article (boilerplate blocks left out, quoted speech not read, except a
first-person quote whose speaker the sentence names, read as the speaker's, and the answers of a
question-and-answer interview, read as the interviewee's) it finds the words that
report a contact (:data:`newsparse.mentions.cues.TRIGGERS`), drops their non-contact uses
(:data:`~newsparse.mentions.cues.NON_CONTACT`) and the traps (:data:`~newsparse.mentions.cues.MODALITY`:
denied, hoped for, expected, a general promise to keep in touch), turns announced intents into their own
kind (CAMEO 036), and gives each report its participants, date, place and the sentence that says so.

Participants come from the trigger's own clause: "<subject> ... with <object>", "between A and B",
the clause, a pronoun subject; "the pair" and "the two leaders" name the people of the nearest earlier
prose sentence that names two, "the meeting" refers back to the last report of that kind (in a
standfirst, to the headline). Headlines are read for names, not for reports. A date phrase dates the
contact it governs, not a report of it ("said on Tuesday"). A report that says that two actors talked
but not how ("spoke", "discussed ... with") takes the kind of another report of the same participants
in the article (and its date and place when it has none), else it is a meeting. An undated report that
points at the story's contact ("praised the meeting with Xi", "It was the seventh meeting") takes the
date of the one recent report (within the week before publication) of its kind and participants.
A report needs two participants; a visit needs a visitor and where they went. Offices resolve on the
event's day (else the anchor day), never by guess.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from newsparse.dates import date_window, precision_rank
from newsparse.mentions import cues
from newsparse.mentions.actors import ActorFinder, ActorKind, Found
from newsparse.mentions.gazetteer import Gazetteer, gazetteer_from_plugins
from newsparse.mentions.names import Hit, Hits, NameKind
from newsparse.mentions.participants import (
    BARE_NAME_VERBS,
    NOT_NAME_WORDS,
    RULE_SEPARATOR,
    ParticipantContext,
    bare_names,
    find_participants,
    full_name_in,
    has_people,
    ids,
    unique,
)
from newsparse.mentions.places import FoundPlace, PlaceFinder
from newsparse.mentions.prefilter import LiteralFilter, StartScan
from newsparse.mentions.reference import (
    ROLE_BACK_REFERENCE,
    CommonWords,
    Earlier,
    RoleIntroductions,
    contact_pronouns,
    pronoun_references,
    subjectless,
    surnames,
)
from newsparse.mentions.sentences import (
    Block,
    BlockKind,
    Sentence,
    article_blocks,
    block_sentences,
    clause_bounds,
    clause_of,
    is_boilerplate,
    quoted_spans,
    sentences,
)
from newsparse.mentions.timeref import DatePhrase, document_anchor, find_dates, resolve
from newsparse.models import Actor, Article, Failure, Mention, Place, When
from newsparse.vocabulary import DEFAULT_CAMEO, DEFAULT_MODE, Kind, Mode

if TYPE_CHECKING:
    from newsparse.plugins.host import PluginHost

__all__ = ["MentionExtractor"]


@attrs.frozen
class _Report:
    """One accepted trigger occurrence, before kinds are settled across the article."""

    sentence: Sentence
    trigger: cues.Trigger
    kind: Kind | None
    participants: tuple[Actor, ...]
    date: When | None
    date_text: str | None
    place: Place | None
    mode: Mode | None
    borrowed: bool  # participants came from context ("the pair", "the meeting")
    #: The participant rule that gave the participants (:data:`newsparse.mentions.participants.RULES`).
    participant_rule: str
    #: The words point at the contact the article reports ("the meeting", "It was the seventh meeting").
    definite: bool = False
    #: Where the trigger starts in the sentence's text.
    at: int = 0
    #: Dropped unless the article gives it a kind (an interview answer's "I spoke to X").
    needs_kind: bool = False


@attrs.define
class _Context:
    """What earlier sentences of the same article established.

    ``people_of(i)`` gives the people of sentence ``i`` (read on demand and kept: most sentences of
    an article are never read, only those that report a contact and those such a report refers to)."""

    people_of: Callable[[int], tuple[Actor, ...]]
    is_prose: Callable[[int], bool]
    is_title: Callable[[int], bool]
    index: int = 0
    reports: list[_Report] = attrs.field(factory=list)
    # What the look-backs found, so that each earlier sentence is read once per article, not once per
    # report (issue 18 item 13): the people "the pair" means from each sentence back, and how far the
    # search for the headline has gone (with the first headline, once found).
    _pair_from: dict[int, tuple[Actor, ...]] = attrs.field(factory=dict)
    _titles_read: int = 0
    _title: int | None = None

    # The reports indexed as they come (issue 18 item 13: a scan of every report for each "the
    # meeting" made an article that repeats itself quadratic): the last report of each kind (None: of
    # any kind), and the reports of each kind (None: any) that each actor takes part in.
    _indexed: int = 0
    _last: dict[Kind | None, _Report] = attrs.field(factory=dict)
    _reports_with: dict[tuple[Kind | None, str], list[_Report]] = attrs.field(factory=dict)

    _dated: dict[frozenset[str], _Report] = attrs.field(factory=dict)  # the last with a date or place

    def _index(self) -> None:
        for report in self.reports[self._indexed :]:
            for bucket in {report.kind, None}:
                self._last[bucket] = report
                for actor in _key(report):
                    self._reports_with.setdefault((bucket, actor), []).append(report)
            if report.date or report.place:
                self._dated[_key(report)] = report
        self._indexed = len(self.reports)

    def last_dated(self, participants: tuple[Actor, ...]) -> _Report | None:
        """The last report of the same participants that has a date or a place."""
        self._index()
        return self._dated.get(ids(participants))

    def last_of_kind(self, kind: Kind | None, named: frozenset[str]) -> tuple[Actor, ...] | None:
        """The participants of the report "the call" or "this meeting with Xi" refers to: the last of
        that kind (any kind, for a word that does not say how: "the conversation") among those with
        everyone the words name, else the last of that kind ("the phone call" never points at a
        meeting)."""
        self._index()
        if named:
            fewest = min((self._reports_with.get((kind, actor), []) for actor in named), key=len)
            fitting = next((r for r in reversed(fewest) if named <= _key(r)), None)
            if fitting is not None:
                return fitting.participants
        last = self._last.get(kind)
        return last.participants if last is not None else None

    def headline_people(self) -> tuple[Actor, ...]:
        """The people the headline names, if it names two or more."""
        while self._title is None and self._titles_read < self.index:
            if self.is_title(self._titles_read):
                self._title = self._titles_read
            self._titles_read += 1
        people = self.people_of(self._title) if self._title is not None else ()
        return people if len(people) >= 2 else ()

    @property
    def previous_people(self) -> tuple[Actor, ...]:
        """The people of the nearest earlier sentence that names two or more ("The pair spoke")."""
        passed: list[int] = []
        found: tuple[Actor, ...] = ()
        for index in range(self.index - 1, -1, -1):
            if index in self._pair_from:
                found = self._pair_from[index]
                break
            passed.append(index)
            if not self.is_prose(index):
                continue  # a menu line, a tag list or a headline is not what "the pair" points back to
            people = self.people_of(index)
            if len(people) >= 2:
                found = people
                break
        for index in passed:
            self._pair_from[index] = found
        return found


class MentionExtractor:
    """Finds mentions in articles with one gazetteer (build once, reuse for many articles)."""

    def __init__(self, gazetteer: Gazetteer, *, name: str = "mentions") -> None:
        self.gazetteer = gazetteer
        self.name = name
        self.actors = ActorFinder(gazetteer)
        self.places = PlaceFinder(gazetteer, self.actors.index)
        self._country_ids = frozenset(c.id for c in gazetteer.countries.values())
        forms, places = self.actors.index.forms, gazetteer.places
        self._known_name: Callable[[str], bool] = lambda name: name in forms or name in places

    @classmethod
    def from_plugins(
        cls, host: PluginHost, *, name: str = "mentions"
    ) -> tuple[MentionExtractor, list[Failure]]:
        """An extractor over the pooled ``newsparse_gazetteer`` data of the host's plugins, and a
        Failure for each plugin whose data was left out."""
        gazetteer, failures = gazetteer_from_plugins(host)
        return cls(gazetteer, name=name), failures

    # -- the article ---------------------------------------------------------------------------
    def extract(self, article: Article) -> list[Mention]:
        """Every mention in ``article``; spans index ``article.text``."""
        names = self._names(article)
        if names is None:
            return []  # fewer than two actors named: no report can have two participants
        hits, found, quotes_of, triggers_of, voiced_of = names
        if not any(triggers_of) and not any(voiced_of):
            return []
        # What only a report's participants or date need is read on first need (most sentences with a
        # contact word report none: a trap, a non-contact use, nobody named), once per article: the
        # anchor day, the short names the article introduces, the names it writes in full.
        published = article.published

        @functools.cache
        def anchor_of() -> tuple[dt.date | None, bool]:
            if published is not None:
                return published.date, False
            anchor = document_anchor(s.text for s in found if _YEAR.search(s.text))
            return anchor, anchor is not None

        def blocks_with_hits() -> Iterator[tuple[str, list[Hit]]]:
            offset = 0  # (the offsets of article_blocks, without building its blocks)
            for block in article.blocks():
                yield block, hits.within(offset, offset + len(block))
                offset += len(block) + 2

        short_names = functools.cache(lambda: self.actors.short_names_from(blocks_with_hits()))
        names_of: dict[int, list[Found]] = {}
        hits_in = _Lazy(lambda index: hits.within(found[index].start, found[index].end))
        full_name = functools.cache(lambda: full_name_in(article.text))
        common = functools.cache(lambda: CommonWords(article.text, full_name().written_lower))
        all_blocks = functools.cache(lambda: article_blocks(article))
        block_at = functools.cache(lambda: {b.start: i for i, b in enumerate(all_blocks())})

        def person_named(name: str) -> Actor | None:
            """The person a full name is: one the article names again by surname, or the gazetteer's."""
            if name in short_names():
                return short_names()[name]
            surname = short_names().get(name.split()[-1])
            if surname is not None and surname.name == name:
                return surname  # "Damien Chazelle", named again as "Chazelle"
            keys = [key for kind, key in self.actors.index.forms.get(name, ()) if kind is NameKind.PERSON]
            return self.gazetteer.person_actor(keys[0]) if len(keys) == 1 else None

        roles = functools.cache(lambda: RoleIntroductions(article.text, person_named))

        def names_in(index: int) -> list[Found]:
            """The actors sentence ``index`` names (by name or title, never by pronoun)."""
            if index not in names_of:
                s = found[index]
                within = hits_in[index]
                known = self.actors.find(s.text, short_names(), skip=quotes_of[index], hits=within)
                if triggers_of[index]:
                    # people the gazetteer does not know, in a contact verb's own slots ("Favre met with
                    # Dr. James Andrews")
                    spans = [(f.start, f.end) for f in known] + [
                        (h.start, h.end) for h in within if not h.kinds <= _SHORT_ONLY
                    ]
                    masked = _mask(s.text, quotes_of[index])
                    known = sorted(
                        known + bare_names(masked, triggers_of[index], spans, full_name()),
                        key=lambda f: f.start,
                    )
                if triggers_of[index] and cues.OFFICE_BACK_REFERENCE.search(s.text):
                    known = sorted(
                        known + _office_references(s.text, found, index, names_in), key=lambda f: f.start
                    )
                if triggers_of[index] and ROLE_BACK_REFERENCE.search(s.text):
                    # "Stone ... met the director shortly thereafter": the one person introduced so
                    taken = [(f.start, f.end) for f in known]
                    known = sorted(
                        known
                        + [
                            f
                            for f in roles().references(s.text, s.start)
                            if not any(a < f.end and f.start < b for a, b in taken)
                        ],
                        key=lambda f: f.start,
                    )
                names_of[index] = known
            return names_of[index]

        def named_in(text: str, known: Sequence[Found], within: Sequence[Hit]) -> list[tuple[int, Actor]]:
            """The people a sentence (``text``, quotes blanked) names, with where: by name or title
            (``known``), or by a surname the article gives in full elsewhere ("Page readily agreed.")."""
            people = [
                (f.start, a)
                for f in known
                if f.kind in _PERSON_KINDS and (a := f.resolved(self.gazetteer, anchor_of()[0]))
            ]
            spans = [(f.start, f.end) for f in known] + [(h.start, h.end) for h in within]
            people += surnames(text, spans, full_name(), common(), NOT_NAME_WORDS, self._known_name)
            return sorted(people, key=lambda pair: pair[0])

        named_of: dict[int, list[tuple[int, Actor]]] = {}

        def named_people(index: int) -> list[tuple[int, Actor]]:
            if index not in named_of:
                s = found[index]
                named_of[index] = named_in(
                    _mask(s.text, quotes_of[index]), names_in(index), hits.within(s.start, s.end)
                )
            return named_of[index]

        unread: dict[int, list[Earlier]] = {}  # the sentences of the blocks that were not split, by block

        def unread_block(position: int) -> list[Earlier]:
            """The sentences of a block the extractor did not split (it names no one the index knows),
            last first, as the pronoun search reads them."""
            if position not in unread:
                block = all_blocks()[position]
                pieces: list[Earlier] = []
                if block.kind is not BlockKind.TITLE and not is_boilerplate(block.text):
                    for piece in block_sentences(block, article.source):
                        masked = _mask(piece.text, _speech(piece.text))
                        within = hits.within(piece.start, piece.end)

                        def people(text: str = masked, within: list[Hit] = within) -> list[tuple[int, Actor]]:
                            known = self.actors.find(text, short_names(), hits=within) if within else []
                            return named_in(text, known, within)

                        readable = cues.PROSE_END.search(piece.text) is not None
                        pieces.append(
                            Earlier(masked, people, readable and block.kind is not BlockKind.CAPTION)
                        )
                else:
                    pieces.append(Earlier(block.text, list, opening=block.kind is BlockKind.TITLE))
                unread[position] = pieces[::-1]
            return unread[position]

        def earlier(index: int) -> Iterator[Earlier]:
            """The sentences before sentence ``index`` in reading order, nearest first, those of the blocks
            that were not split included."""
            block = block_at()[found[index].block.start]
            for j in range(index - 1, -2, -1):
                previous = block_at()[found[j].block.start] if j >= 0 else -1
                for position in range(block - 1, previous, -1):
                    yield from unread_block(position)
                if j < 0:
                    return
                s = found[j]
                yield Earlier(
                    _mask(s.text, quotes_of[j]),
                    functools.partial(named_people, j),
                    cues.PROSE_END.search(s.text) is not None and s.block.kind is not BlockKind.CAPTION,
                    s.block.kind is BlockKind.TITLE,
                )
                block = previous

        actors_of: dict[int, list[Found]] = {}

        def actors_in(index: int) -> list[Found]:
            """The actors of sentence ``index``: those it names, and the people its contact pronouns
            name (:mod:`newsparse.mentions.reference`)."""
            if index not in actors_of:
                known = names_in(index)
                s = found[index]
                masked = _mask(s.text, quotes_of[index])
                bounds = clause_bounds(s.text)
                if triggers_of[index] and contact_pronouns(
                    masked, triggers_of[index], lambda position: clause_of(bounds, position)
                ):
                    # people named by a surname the article gives in full, whom the pronouns may need
                    # ("He pitched the idea to Page in a meeting")
                    spans = [(f.start, f.end) for f in known] + [
                        (h.start, h.end) for h in hits.within(s.start, s.end)
                    ]
                    known = sorted(
                        known
                        + [
                            Found(start, start + len(actor.name.split()[-1]), ActorKind.PERSON, actor)
                            for start, actor in surnames(
                                masked, spans, full_name(), common(), NOT_NAME_WORDS, self._known_name
                            )
                        ],
                        key=lambda f: f.start,
                    )
                    named = [
                        (f.start, f.end, f.resolved(self.gazetteer, anchor_of()[0]))
                        for f in known
                        if f.kind in _PERSON_KINDS
                    ]
                    references = pronoun_references(
                        masked,
                        triggers_of[index],
                        named,
                        lambda position: clause_of(bounds, position),
                        functools.partial(earlier, index),
                    )
                    if references:
                        known = sorted(known + references, key=lambda f: f.start)
                actors_of[index] = known
            return actors_of[index]

        def people_of(index: int) -> tuple[Actor, ...]:
            """The people of sentence ``index`` in the order it names them (pronouns of its contacts
            and surnames included), for the sentences after it that refer back."""
            people = [
                (f.start, a)
                for f in actors_in(index)
                if f.kind in _PERSON_KINDS and (a := f.resolved(self.gazetteer, anchor_of()[0]))
            ]
            taken = {start for start, _ in people}
            people += [(start, a) for start, a in named_people(index) if start not in taken]
            return tuple(unique(a for _, a in sorted(people, key=lambda pair: pair[0])))

        context = _Context(
            people_of=people_of,
            is_prose=lambda index: cues.PROSE_END.search(found[index].text) is not None,
            is_title=lambda index: found[index].block.kind is BlockKind.TITLE,
        )
        # (an interview's blocks are read only when a paragraph opens as a question)
        blocks = all_blocks() if _question_opening(article.text) else []
        interviewee = self._interviewee(blocks, anchor_of)
        answers = (
            {b.start for b in blocks if b.kind is BlockKind.PARAGRAPH and cues.ANSWER.match(b.text)}
            if interviewee is not None
            else set()
        )
        reports: list[_Report] = []
        for index, sentence in enumerate(found):
            if not triggers_of[index] and not voiced_of[index]:
                continue  # reports no contact: read only if a later report refers back to it
            if interviewee is not None and sentence.block.start in answers and interviewee.actor is not None:
                # an interview's answer speaks as the interviewee ("A. I went to Egypt after visiting
                # the U.S. in May.")
                label = cues.ANSWER.match(sentence.text)
                spoken = sentence.text[label.end() :] if label else sentence.text
                if cues.FIRST_PERSON_SINGULAR.search(spoken):
                    context.index = index
                    name = article.text[interviewee.start : interviewee.end]
                    name = name[:-2] if name.endswith(("'s", "’s")) else name
                    answered = self._voiced_reports(
                        sentence, spoken, name, interviewee.actor, short_names(), anchor_of, context
                    )
                    for report in answered:
                        # "I spoke to Assad twice in the springtime": an answer's words that do not say
                        # how the contact was made give it no kind, and no reporter's framing does
                        # either; kept only if the article gives it one (another report of the pair)
                        report = attrs.evolve(report, needs_kind=report.kind is None)
                        reports.append(report)
                        context.reports.append(report)
                    continue
            context.index = index
            reported = list(
                self._sentence_reports(
                    sentence,
                    functools.partial(hits_in.__getitem__, index),
                    triggers_of[index],
                    functools.partial(actors_in, index),
                    quotes_of[index],
                    anchor_of,
                    context,
                )
            )
            for quote in voiced_of[index]:
                reported += self._quote_reports(sentence, quote, actors_in(index), short_names(), anchor_of,
                                                context)  # fmt: skip
            answer = interviewee is not None and sentence.block.start in answers
            for report in reported:
                if answer:  # the interviewee's words too ("The conversation was that ...")
                    report = attrs.evolve(report, needs_kind=report.kind is None)
                reports.append(report)
                context.reports.append(report)
        if not reports:
            return []
        anchor = anchor_of()[0]
        settled = [r for r in _settle(reports, self._country_ids) if not (r.needs_kind and r.kind is None)]
        settled = _date_definite_references(settled, anchor)
        settled = _date_during_visit(settled, anchor, self._country_ids)
        settled = _date_meanwhile(settled)
        settled = _date_from_neighbour(settled, found, actors_in, self.gazetteer, anchor_of)
        settled = _date_of_act(settled, found, anchor_of)
        # One description per actor across the article: the one that names an office, if any does.
        described: dict[str, Actor] = {}
        for report in settled:
            for actor in report.participants:
                if actor.id not in described or (described[actor.id].office is None and actor.office):
                    described[actor.id] = actor
        return [
            self._mention(
                article, attrs.evolve(r, participants=tuple(described[a.id] for a in r.participants))
            )
            for r in settled
        ]

    def _quote_reports(
        self,
        sentence: Sentence,
        quote: tuple[int, int],
        actors: list[Found],
        short_names: dict[str, Actor],
        anchor: Callable[[], tuple[dt.date | None, bool]],
        context: _Context,
    ) -> list[_Report]:
        """The contacts a quote reports in the first person, as its speaker's: the quote is read as a
        sentence of its own with the speaker's name for "I", "me" and "my"."""
        text = sentence.text
        speaker = _speaker(text, quote, actors)
        if speaker is None or speaker.actor is None:
            return []
        name = text[speaker.start : speaker.end]
        name = name[:-2] if name.endswith(("'s", "’s")) else name
        if speaker.actor is not None and name.lower() in ("he", "she", "him", "her"):
            name = speaker.actor.name  # a pronoun read as the person named before
        spoken = text[quote[0] + 1 : quote[1]].rstrip("”\"’'")
        return self._voiced_reports(sentence, spoken, name, speaker.actor, short_names, anchor, context)

    def _voiced_reports(
        self,
        sentence: Sentence,
        spoken: str,
        name: str,
        speaker: Actor,
        short_names: dict[str, Actor],
        anchor: Callable[[], tuple[dt.date | None, bool]],
        context: _Context,
    ) -> list[_Report]:
        """The contacts that words spoken in the first person report, as the speaker's: the words read
        as a sentence of their own with the speaker's name for "I", "me" and "my" (the speaker, not
        whoever else that name may be)."""
        if subjectless(spoken):
            spoken = f"I {spoken.lstrip()}"  # "Just met with Xi": "I Just met with Xi", then the speaker's
        pieces: list[str] = []
        voiced: list[Found] = []
        position = 0
        length = 0
        for match in cues.FIRST_PERSON_SINGULAR.finditer(spoken):
            before = spoken[position : match.start()]
            pieces.append(before)
            length += len(before)
            possessive = match.group(0).lower() == "my"
            word = f"{name}'s" if possessive else name
            voiced.append(Found(length, length + len(word), ActorKind.PERSON, speaker, possessive=possessive))
            pieces.append(word)
            length += len(word)
            position = match.end()
        pieces.append(spoken[position:])
        spoken = "".join(pieces)
        triggers = _triggers(spoken, [])
        if not triggers:
            return []
        inner = Sentence(spoken, sentence.start, sentence.end, sentence.block, sentence.index)
        hits = self.actors.scan(spoken)
        found = [
            f
            for f in self.actors.find(spoken, short_names, hits=hits)
            if not any(v.start < f.end and f.start < v.end for v in voiced)
        ]
        found = sorted(found + voiced, key=lambda f: f.start)
        reports = self._sentence_reports(inner, lambda: hits, triggers, lambda: found, [], anchor, context)
        return [attrs.evolve(r, sentence=sentence) for r in reports]

    def _interviewee(
        self, blocks: Sequence[Block], anchor_of: Callable[[], tuple[dt.date | None, bool]]
    ) -> Found | None:
        """The person a question-and-answer interview questions, when the article is one: two or more
        paragraphs open as questions ("Q.", "Q:") and two or more as answers ("A.", "A:"), the headline,
        the standfirst or the first paragraph says it is an interview ("interviewed", "spoke with": an
        explainer's questions and answers are the reporter's), and the headline (else the standfirst)
        names exactly one person, with no other state's name before them. Its text is the block's."""
        questions = sum(1 for b in blocks if b.kind is BlockKind.PARAGRAPH and cues.QUESTION.match(b.text))
        answers = sum(1 for b in blocks if b.kind is BlockKind.PARAGRAPH and cues.ANSWER.match(b.text))
        if questions < 2 or answers < 2:
            return None
        paragraphs = [b for b in blocks if b.kind is BlockKind.PARAGRAPH][:1]
        framing = [b for b in blocks if b.kind in (BlockKind.TITLE, BlockKind.SUBTITLE)] + paragraphs
        if not any(cues.INTERVIEW.search(b.text) for b in framing):
            return None
        anchor = anchor_of()[0]
        for kind in (BlockKind.TITLE, BlockKind.SUBTITLE):
            for block in blocks:
                if block.kind is not kind:
                    continue
                hits = self.actors.scan(block.text)
                found = self.actors.find(block.text, {}, hits=hits)
                people = [f for f in found if f.kind in _PERSON_KINDS]
                resolved = {a.id: (f, a) for f in people if (a := f.resolved(self.gazetteer, anchor))}
                if len(resolved) > 1 or (people and not resolved):
                    return None  # several people, or one the gazetteer cannot name on the day
                if resolved:
                    ((person, actor),) = resolved.values()
                    states = [
                        f
                        for f in found
                        if f.kind is ActorKind.COUNTRY and f.end <= person.start and f.actor is not None
                    ]
                    if states and states[-1].actor is not None and states[-1].actor.country != actor.country:
                        return None
                    start, end = block.start + person.start, block.start + person.end
                    return attrs.evolve(person, actor=actor, start=start, end=end)
        return None

    # -- names: one pass over the article ----------------------------------------------------------
    def _names(
        self, article: Article
    ) -> (
        tuple[
            Hits,
            list[Sentence],
            _Lazy[list[tuple[int, int]]],
            list[list[tuple[cues.Trigger, re.Match[str]]]],
            list[list[tuple[int, int]]],
        ]
        | None
    ):
        """The name index's hits in the article's text (one pass), and, when they name two actors or a
        title, its sentences, their quotes (read on demand) and their triggers (searched once over the
        whole text, then read again only in the sentences where one occurs); None when the article
        names fewer than two actors, so that no report can be found in it."""
        text = article.text
        triggers = _contact_word_filter()
        contact_words = triggers.found(text)
        if not contact_words and not triggers.always:
            return None  # no word a trigger needs: no sentence (and no quote) can report a contact
        words = {start for start, _ in contact_words}
        hits = Hits(self.actors.scan(text))
        bare_only = not _may_name_two(hits.hits)
        if bare_only:
            verbs = _bare_verb_filter()  # the pattern is slow to search where it cannot match
            may_match = bool(verbs.always or verbs.found(text))
            bare = [m.start() for m in _bare_verb_scan().finditer(text)] if may_match else []
            if not bare:
                return None  # no two known actors, and no contact verb to name people the gazetteer lacks
        # Only blocks that name someone or hold a contact word are cut into sentences: the others
        # can give no report and no participant for one (without two known actors, only the blocks
        # with a contact verb next to a capitalised word can).
        wanted = set(bare) if bare_only else {h.start for h in hits.hits} | words
        marks = sorted(wanted)
        found = sentences(article, marks=None if triggers.always and not bare_only else marks)
        quotes_of = _Lazy(lambda index: _speech(found[index].text))
        # The headline names people (and short names) but is not read for reports: the issue counts
        # reports in the body, standfirst and captions, and a headline only repeats one of them.
        with_trigger = triggers.patterns_by_span(text, [s.start for s in found], contact_words)
        triggers_of = [
            _triggers(s.text, quotes_of[i], [cues.TRIGGERS[j] for j in sorted(with_trigger[i])])
            if i in with_trigger and s.block.kind is not BlockKind.TITLE
            else []
            for i, s in enumerate(found)
        ]
        # Quotes are speech, not read; but a first-person contact in a quote whose speaker the sentence
        # names ("“I met Wang Yi yesterday,” Blinken said") is the speaker's (a contact word of the
        # quote is one of the text's, so only sentences holding one are looked at).
        voiced_of = [
            _first_person_quotes(s.text, quotes_of[i])
            if i in with_trigger and s.block.kind is not BlockKind.TITLE
            else []
            for i, s in enumerate(found)
        ]
        return hits, found, quotes_of, triggers_of, voiced_of

    # -- one sentence ----------------------------------------------------------------------------
    def _sentence_reports(
        self,
        sentence: Sentence,
        hits_of: Callable[[], list[Hit]],
        triggers: list[tuple[cues.Trigger, re.Match[str]]],
        actors_of: Callable[[], list[Found]],
        quotes: Sequence[tuple[int, int]],
        anchor_of: Callable[[], tuple[dt.date | None, bool]],
        context: _Context,
    ) -> Iterable[_Report]:
        """The reports of one sentence. Its actors, dates and places (and the article's anchor day) are
        read once a trigger has passed the checks on its words (most do not)."""
        text = sentence.text
        bounds = clause_bounds(text)
        masked = _mask(text, quotes)  # the cues of the reporter, not of the people quoted
        read = False
        for trigger, match in triggers:
            clause = clause_of(bounds, match.start())
            before = masked[clause[0] : match.start()]
            before = cues.ANNOUNCED_WOULD.sub(
                lambda m: m.group(0)[: m.start("would") - m.start()] + "will", before
            )
            scope = list(cues.MODAL_SCOPE.finditer(before))
            if scope:
                before = before[scope[-1].end() :]  # "When they could back out, Page called Doerr"
            about = list(cues.ABOUT.finditer(before))
            if about and trigger.noun:
                before = before[
                    about[-1].end() :
                ]  # "questions about Trump's July 25 call": the call's own words
            after = masked[match.end() : clause[1]]
            if _is_trap(before, after) or _non_contact(trigger, match.group(0), before, after):
                continue
            intent = _is_intent(before, after)
            if (
                not intent
                and match.group(0).lower() in cues.BARE_VERBS
                and cues.INFINITIVE.search(before)
                and not cues.DONE_TO.search(before)
            ):
                continue
            if not read:
                dates = [p for p in find_dates(text) if not _inside(p.start, quotes)]
                places = [p for p in self.places.find(text, hits_of()) if not _inside(p.start, quotes)]
                actors = actors_of()
                anchor, from_document = anchor_of()
                read = True
            kind = Kind.INTENT if intent else trigger.kind
            cue = _mode_cue(masked[clause[0] : clause[1]])
            if cue is not None and kind in (None, Kind.MEETING) and trigger.cameo is None:
                kind = cue[0]  # "met virtually" is a video call, "talked in person" a meeting
            phrase, lower_bound = _date_for(dates, clause, match.start(), text)
            day = None
            if phrase is not None:
                day = resolve(phrase, anchor, forward=intent, nearest=from_document)
            if lower_bound:
                # after a date and, being reported as done, before the anchor: its year when both share one
                year = (
                    day.date.year if day is not None and anchor is not None and day.date <= anchor else None
                )
                day = (
                    When.year(year)
                    if year is not None and anchor is not None and year == anchor.year
                    else None
                )
                if intent or day is None:
                    day, phrase = None, None
            on = day.date if day is not None else anchor
            place = _place_for(places, _governed(text, clause, match.start())[0])
            found_participants = find_participants(
                ParticipantContext(
                    text=text,
                    actors=actors,
                    clause=clause,
                    match=match,
                    trigger=trigger,
                    places=places,
                    on=on,
                    earlier=context,
                    gazetteer=self.gazetteer,
                    country_ids=self._country_ids,
                )
            )
            participants, borrowed = found_participants.actors, found_participants.borrowed
            if trigger.needs_with and not borrowed and not _own_with(after, match, triggers):
                continue
            if len(participants) < 2:
                continue
            date_text = phrase.text if phrase is not None else None
            if borrowed and phrase is None:
                # "the pair", "the call": the contact already reported, with its date and place.
                earlier = context.last_dated(participants)  # (indexed: issue 18 item 13)
                if earlier is not None:
                    day, date_text, place = earlier.date, earlier.date_text, place or earlier.place
            yield _Report(
                sentence=sentence,
                trigger=trigger,
                kind=kind,
                participants=participants,
                date=day,
                date_text=date_text,
                place=place,
                mode=cue[1] if cue is not None else None,
                borrowed=borrowed,
                participant_rule=found_participants.rule.name,
                definite=trigger.noun and _is_definite(text[: match.start()]),
                at=match.start(),
            )

    # -- building the mention ------------------------------------------------------------------
    def _mention(self, article: Article, report: _Report) -> Mention:
        kind = report.kind or Kind.MEETING
        cameo = report.trigger.cameo if report.trigger.kind is kind else None
        mode = report.mode if report.mode is not None and kind is not Kind.INTENT else DEFAULT_MODE[kind]
        if cameo is None and kind is Kind.MEETING and _third_location(report):
            cameo = "044"
        sentence = report.sentence
        return Mention(
            kind=kind.value,
            cameo=cameo or DEFAULT_CAMEO[kind],
            participants=report.participants,
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            source=article.source,
            outlet=article.outlet,
            mode=mode.value if mode is not None else None,
            date=report.date,
            date_text=report.date_text,
            place=report.place,
            published=article.published,
            rule=f"{self.name}:{report.trigger.name}{RULE_SEPARATOR}{report.participant_rule}",
        )


# -- helpers -------------------------------------------------------------------------------------
_T = TypeVar("_T")


class _Lazy(Generic[_T]):
    """``lazy[i]``: a value per sentence, computed the first time it is asked for."""

    def __init__(self, make: Callable[[int], _T]) -> None:
        self._make = make
        self._made: dict[int, _T] = {}

    def __getitem__(self, index: int) -> _T:
        if index not in self._made:
            self._made[index] = self._make(index)
        return self._made[index]


#: A paragraph of the article's text that opens as an interview's question (see cues.QUESTION).
_QUESTION_OPENING = re.compile(r"(?:^|\n)" + cues.QUESTION.pattern)


def _question_opening(text: str) -> bool:
    """Whether a line of ``text`` opens as a question ("Q. ", "Question: "): searched only when a line
    opens with a "Q" (the pattern's alternation of line starts is tried at every position)."""
    if not (text.startswith("Q") or "\nQ" in text):
        return False
    return _QUESTION_OPENING.search(text) is not None


#: A full date states its year: sentences without four digits cannot anchor a document.
_YEAR = re.compile(r"\d{4}")
_PERSON_KINDS = (ActorKind.PERSON, ActorKind.OFFICE)
_ACTOR_KINDS = frozenset({NameKind.PERSON, NameKind.COUNTRY, NameKind.ORGANISATION})
_TITLE_KINDS = frozenset({NameKind.OFFICE, NameKind.OFFICES, NameKind.HEAD})
_SHORT_ONLY = frozenset({NameKind.SHORT})


def _may_name_two(hits: Sequence[Hit]) -> bool:
    """Whether the hits may name two actors: two different entities, or a title (an office resolves
    to its holder, and a title introduces a person the gazetteer may not know)."""
    seen: set[tuple[NameKind, str]] = set()
    for hit in hits:
        if not _TITLE_KINDS.isdisjoint(hit.kinds):
            return True
        if _ACTOR_KINDS.isdisjoint(hit.kinds):
            continue
        for kind, key in hit.names:
            if kind in _ACTOR_KINDS:
                seen.add((kind, key))
                if len(seen) > 1:
                    return True
    return False


@functools.cache
def _contact_word_filter() -> LiteralFilter:
    """One automaton over the words the contact triggers (:data:`cues.TRIGGERS`) need."""
    return LiteralFilter([t.pattern for t in cues.TRIGGERS])


@functools.cache
def _bare_verb_filter() -> LiteralFilter:
    return LiteralFilter([BARE_NAME_VERBS])


@functools.cache
def _bare_verb_scan() -> StartScan:
    """BARE_NAME_VERBS tried only at the characters its matches start with (it opens with a look-behind:
    the search tries every place)."""
    return StartScan(BARE_NAME_VERBS)


def _office_references(
    text: str, found: Sequence[Sentence], index: int, actors_in: Callable[[int], list[Found]]
) -> list[Found]:
    """The people that "the president" (and the other heads of :data:`cues.OFFICE_BACK_REFERENCE`) in
    sentence ``index`` refer back to: the one person the earlier sentences named right after that
    title; nobody when they named none or several."""
    references: list[Found] = []
    titled: dict[str, dict[str, Actor]] | None = None
    for match in cues.OFFICE_BACK_REFERENCE.finditer(text):
        if titled is None:
            titled = {}
            for earlier in range(index):
                sentence = found[earlier].text
                if not cues.TITLE_WORD.search(sentence):
                    continue  # names no one with a title: its actors need not be found for this
                for person in actors_in(earlier):
                    if person.kind is not ActorKind.PERSON or person.actor is None:
                        continue
                    title = cues.TITLE_BEFORE_NAME.search(sentence, 0, person.start)
                    if title is None and person.actor.office:
                        title = cues.TITLE_BEFORE_NAME.search(person.actor.office + " ")
                    if title is not None:
                        head = _head(title.group("head"))
                        titled.setdefault(head, {})[person.actor.id] = person.actor
        holders = titled.get(_head(match.group("head")), {})
        if len(holders) == 1:
            (actor,) = holders.values()
            possessive = match.group("possessive") is not None
            references.append(
                Found(match.start(), match.end(), ActorKind.PERSON, actor, possessive=possessive)
            )
    return references


def _head(title: str) -> str:
    head = " ".join(title.lower().split())
    return "governor" if head == "gov." else head


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the given spans blanked out (same length, so offsets still hold)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _first_person_quotes(text: str, quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotes of a sentence that speak in the first person singular (their contact words are
    looked for once the speaker's name stands for "I" and "me": "Xi called me"), or that open with a
    contact whose subject goes unsaid, the speaker's ("“Just met with Xi”")."""
    return [
        (start, end)
        for start, end in quotes
        if cues.FIRST_PERSON_SINGULAR.search(text, start, end) or subjectless(text[start + 1 : end])
    ]


def _speaker(text: str, quote: tuple[int, int], actors: list[Found]) -> Found | None:
    """The person the sentence names as saying the quote: right after it ("…,” Blinken said", "…,”
    said Blinken") or right before it ("Blinken said: “…")."""
    start, end = quote
    people = [f for f in actors if f.kind is ActorKind.PERSON and f.actor is not None]
    for found in people:
        after = found.start >= end and cues.SPEAKER_AFTER.fullmatch(text, end, found.start)
        if after and (
            cues.SPEECH_VERB.match(text, found.end) or cues.SPEECH_VERB_BEFORE.search(text, end, found.start)
        ):
            return found
        if found.end <= start and cues.SPEAKER_BEFORE.fullmatch(text, found.end, start):
            return found
    return None


def _speech(text: str) -> list[tuple[int, int]]:
    """The quoted speech of a sentence: its quotes, less the short ones that are a phrase of the
    reporter's ("had “a brief and inconsequential meeting” with Royce"), whose words are read."""
    return [
        (start, end)
        for start, end in quoted_spans(text)
        if not (cues.SHORT_QUOTE.match(text[start:end]) and not cues.FIRST_PERSON.search(text[start:end]))
    ]


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _triggers(
    text: str, quotes: Sequence[tuple[int, int]], candidates: Sequence[cues.Trigger] | None = None
) -> list[tuple[cues.Trigger, re.Match[str]]]:
    """Trigger occurrences outside quotes, left to right; where two overlap the earlier trigger in
    :data:`cues.TRIGGERS` wins. ``candidates``: the triggers that may match in ``text``, in that
    order (the others are not searched)."""
    taken: list[tuple[cues.Trigger, re.Match[str]]] = []
    if candidates is None and not cues.TRIGGER_STEMS.search(text):
        return taken
    for trigger in cues.TRIGGERS if candidates is None else candidates:
        for match in trigger.pattern.finditer(text):
            if _inside(match.start(), quotes):
                continue
            if any(m.start() < match.end() and match.start() < m.end() for _, m in taken):
                continue
            taken.append((trigger, match))
    return sorted(taken, key=lambda pair: pair[1].start())


def _is_trap(before: str, after: str) -> bool:
    return cues.BEFORE_DROP_ANY.search(before) is not None or cues.AFTER_DROP_ANY.search(after) is not None


def _non_contact(trigger: cues.Trigger, word: str, before: str, after: str) -> cues.NonContact | None:
    """The row of :data:`cues.NON_CONTACT` that makes this use of the trigger (its words ``word``, the
    clause ``before`` and ``after`` it) no contact, if any."""
    return next((row for row in cues.NON_CONTACT if row.applies(trigger.name, word, before, after)), None)


def _own_with(after: str, match: re.Match[str], triggers: list[tuple[cues.Trigger, re.Match[str]]]) -> bool:
    """Whether the clause after a "discussed" has its own "with": one before the next contact word
    ("discussed a meeting Zelensky wanted with Trump" is the meeting's "with")."""
    found = cues.WITH.search(after)
    if found is None:
        return False
    position = match.end() + found.start()
    return not any(match.end() <= other.start() < position for _, other in triggers)


def _is_intent(before: str, after: str) -> bool:
    return any(p.search(before) for p in cues.BEFORE_INTENT) or any(
        p.search(after) for p in cues.AFTER_INTENT
    )


def _governed(
    text: str, clause: tuple[int, int], position: int
) -> tuple[tuple[int, int], re.Match[str] | None]:
    """The part of the clause whose dates and places are the contact's at ``position``, and the gerund
    clause of another contact word that bounds it, if any: "went to Egypt | after visiting the U.S. in
    May" gives "went to Egypt" the words before "after", and "visiting" the words from "after" on (not
    "after a meeting in May": a noun phrase, no clause)."""
    start, end = clause
    for cut in cues.GERUND_AFTER.finditer(text, clause[0], clause[1]):
        if not _starts_trigger(text, cut.start("verb"), cut.end()):
            continue
        if cut.start() >= position:
            return (start, cut.start()), cut
        if cut.start("verb") <= position:
            start = cut.start()
    return (start, end), None


def _date_for(
    dates: list[DatePhrase], clause: tuple[int, int], position: int, text: str
) -> tuple[DatePhrase | None, bool]:
    """The date phrase of the trigger's clause nearest to it, else the sentence's only date; never a
    date that "since" bounds a period with, nor a reporting word's ("said on Tuesday", "the testimony
    Tuesday") unless the contact is where the report was made ("said on Wednesday ... in a phone
    call with Blinken"); and the second value True when the date is that of a gerund clause after the
    contact that says the contact came later ("went to Egypt after visiting the U.S. in May"): it then
    bounds the contact's date from below only. The dates of a "before <-ing>" clause after the contact
    ("before arriving in Mexico in early June") are a later act's: never the contact's."""
    setting = cues.SETTING.search(text, 0, position) is not None
    usable = [
        p
        for p in dates
        if not cues.SINCE.search(text[max(0, p.start - 60) : p.start])
        and (setting or not cues.REPORTING_DATE.search(text[max(0, p.start - 40) : p.start]))
    ]
    (start, end), cut = _governed(text, clause, position)
    later_act = cues.BEFORE_LATER.search(text, position, clause[1])
    if later_act is not None:  # "flew to Ecuador ... before arriving in Mexico in early June": not June
        end = min(end, later_act.start())
        usable = [p for p in usable if not later_act.start() <= p.start < clause[1]]
    in_clause = [p for p in usable if start <= p.start < end]
    if in_clause:
        return min(in_clause, key=lambda p: abs(p.start - position)), False
    if cut is not None:
        later = [p for p in usable if cut.end() <= p.start < clause[1]]
        if later and cut.group(0).split()[0].lower() == "after":
            return later[0], True
        return None, False
    if start != clause[0]:
        return None, False  # the gerund clause's own contact: not the main clause's date
    return (usable[0] if len(usable) == 1 else None), False


def _starts_trigger(text: str, start: int, end: int) -> bool:
    """Whether a contact word starts at ``start`` (and ends by ``end``)."""
    return any(t.pattern.match(text, start, end) for t in cues.TRIGGERS)


def _place_for(places: list[FoundPlace], clause: tuple[int, int]) -> Place | None:
    in_clause = [p for p in places if clause[0] <= p.start < clause[1]]
    return PlaceFinder.best(in_clause)


def _mode_cue(clause: str) -> tuple[Kind, Mode] | None:
    """The kind and mode that words of the clause give ("by phone", "virtually", "in person")."""
    for pattern, kind, mode in cues.MODE_CUES:
        if pattern.search(clause):
            return kind, mode
    return None


def _third_location(report: _Report) -> bool:
    """A meeting in a country that none of its participants belongs to (CAMEO 044)."""
    if report.place is None or report.place.country is None:
        return False
    countries = {a.country for a in report.participants}
    return None not in countries and report.place.country not in countries


def _key(report: _Report) -> frozenset[str]:
    return ids(report.participants)


def _countries(report: _Report) -> frozenset[str | None]:
    return frozenset(a.country for a in report.participants)


def _settle(reports: list[_Report], country_ids: frozenset[str]) -> list[_Report]:
    """Give kind-less reports the kind of a report of the same participants (or, for reports between
    countries only, of the most reported contact between the same countries) in the article, with its
    date and place when they have none; then keep one report per sentence, kind and participants (the
    one that knows most).

    The models are looked up in tables built once (issue 18 item 13: scanning every report for each
    report, and counting within that scan, made an article that repeats itself cubic)."""
    keys = [_key(r) for r in reports]
    first_known: dict[frozenset[str], _Report] = {}  # the first report of a kind, per participants
    known_in: dict[frozenset[str | None], dict[frozenset[str], _Report]] = {}  # the same, per countries
    reported: dict[frozenset[str | None], Counter[frozenset[str]]] = {}  # reports per countries, per key
    for report, who in zip(reports, keys, strict=True):
        countries = _countries(report)
        reported.setdefault(countries, Counter())[who] += 1
        if report.kind is not None:
            first_known.setdefault(who, report)
            known_in.setdefault(countries, {}).setdefault(who, report)
    # Per countries, the first report of a kind of each participants, most reported first (ties: the
    # earliest), as the old sort of every such report by its count had it.
    ranked: dict[frozenset[str | None], list[tuple[frozenset[str], _Report]]] = {}
    for countries, known in known_in.items():
        order = sorted((-reported[countries][k], i, k) for i, k in enumerate(known))
        ranked[countries] = [(k, known[k]) for _, _, k in order]
    settled: list[_Report] = []
    for report, who in zip(reports, keys, strict=True):
        if report.kind is None:
            model = first_known.get(who)
            if model is None and not has_people(report.participants, country_ids):
                # Countries only ("US, China officials talk"): the most reported contact between them.
                model = next((r for k, r in ranked.get(_countries(report), ()) if k != who), None)
            if model is not None:
                own_words = report.date_text is not None  # its own words, even unresolved, win
                report = attrs.evolve(
                    report,
                    kind=model.kind,
                    date=report.date if own_words else model.date,
                    date_text=report.date_text if own_words else model.date_text,
                    place=report.place or model.place,
                    mode=report.mode or model.mode,
                )
        settled.append(report)
    best: dict[tuple[int, Kind | None, frozenset[str]], _Report] = {}
    for report in settled:
        key = (report.sentence.start, report.kind or Kind.MEETING, _key(report))
        kept = best.get(key)
        if kept is None or _knowledge(report) > _knowledge(kept):
            best[key] = report
    return sorted(best.values(), key=lambda r: (r.sentence.start, r.sentence.index))


def _is_definite(before: str) -> bool:
    """Whether the words before a noun trigger point at the contact the article reports: "praised the
    meeting with Xi", "following the meeting", "It was the seventh meeting" (not "the previous talks")."""
    if cues.SAME_AS_BEFORE.search(before):
        return True
    back = cues.BACK_REFERENCE.search(before)
    return back is not None and cues.ANOTHER_OCCASION.search(back.group(0)) is None


#: A contact dated within this many days before the anchor (or on the day after it, for time zones)
#: is one the article reports as news.
_RECENT_DAYS = 7


def _is_recent(when: When, anchor: dt.date) -> bool:
    """Whether a date at day or month precision can fall in the week up to the anchor."""
    if precision_rank(when) == 0:
        return False  # a year says nothing about the last week
    window = date_window(when)
    return window.first <= anchor.toordinal() + 1 and window.last >= anchor.toordinal() - _RECENT_DAYS


def _date_definite_references(reports: list[_Report], anchor: dt.date | None) -> list[_Report]:
    """Give an undated definite report ("the meeting", "It was the seventh meeting") the date of the
    recent contact of the same kind and participants that the article reports, when there is exactly
    one such date (dates that nest count once, at their finest precision). Older contacts of the same
    pair ("their first meeting in November 2022") are history, not what "the meeting" means."""
    if anchor is None:
        return reports
    recent: dict[tuple[Kind | None, frozenset[str]], list[tuple[When, str | None]]] = {}
    for report in reports:
        if report.date is not None and _is_recent(report.date, anchor):
            recent.setdefault((report.kind, _key(report)), []).append((report.date, report.date_text))
    out: list[_Report] = []
    for report in reports:
        dates = recent.get((report.kind, _key(report)), [])
        own_words = report.date_text is not None  # its own words, even unresolved, win (as in _settle)
        if (
            report.date is None
            and not own_words
            and report.definite
            and report.kind is not Kind.INTENT
            and dates
        ):
            finest, words = max(dates, key=lambda pair: precision_rank(pair[0]))
            if all(_nests(when, finest) for when, _ in dates):
                report = attrs.evolve(report, date=finest, date_text=words)
        out.append(report)
    return out


def _date_during_visit(
    reports: list[_Report], anchor: dt.date | None, country_ids: frozenset[str]
) -> list[_Report]:
    """Give an undated meeting between a visitor and a person of the state visited the day of the
    visit, when the article reports that visit as news: one day, in the week up to the anchor
    ("Zelensky is in Washington on Tuesday ... Following a roughly 30-minute meeting with Zelensky,
    House Speaker Mike Johnson said ..."). Not a meeting set apart from the visit by its words
    ("their previous meeting", "first met"), and not one with words of its own, even unresolved."""
    if anchor is None:
        return reports
    # the dates of each visitor's reported trips to each state (another trip's date too: then the
    # meeting could be of either)
    visits: dict[tuple[str, str], dict[When, str | None]] = {}
    for report in reports:
        if report.kind is not Kind.VISIT or report.date is None or len(report.participants) != 2:
            continue
        visitor, host = report.participants
        if host.id in country_ids and host.country is not None:
            visits.setdefault((visitor.id, host.country), {}).setdefault(report.date, report.date_text)
    if not visits:
        return reports
    out: list[_Report] = []
    for report in reports:
        text = report.sentence.text
        if (
            report.kind is Kind.MEETING
            and report.date is None
            and report.date_text is None
            and len(report.participants) == 2
            and not cues.ANOTHER_OCCASION.search(text, max(0, report.at - 40), report.at)
        ):
            first, second = report.participants
            for visitor, local in ((first, second), (second, first)):
                if local.country is not None:
                    days = visits.get((visitor.id, local.country), {})
                else:  # "House Speaker Mike Johnson": of no known state, so the visitor's one trip
                    trips = [d for (who, _), d in visits.items() if who == visitor.id]
                    days = trips[0] if len(trips) == 1 else {}
                if local.country == visitor.country or local.id in country_ids or len(days) != 1:
                    continue
                ((day, words),) = days.items()
                if precision_rank(day) == 2 and _is_recent(day, anchor):
                    report = attrs.evolve(report, date=day, date_text=words)
                    break
        out.append(report)
    return out


def _date_meanwhile(reports: list[_Report]) -> list[_Report]:
    """Give an undated contact of a sentence that opens with "Meanwhile," ("In the meantime,", "At the
    same time,") the date of the last dated contact reported before that sentence: the words place it
    at the time of the story just told. Not an intent, not a contact with date words of its own (even
    unresolved), nor one set apart by its words ("their previous meeting"); no earlier dated contact
    leaves it undated. ``reports`` are in the article's order."""
    out: list[_Report] = []
    last: _Report | None = None  # the last dated contact of an earlier sentence
    current: _Report | None = None  # the last dated contact seen, perhaps of this sentence
    for report in reports:
        if current is not None and current.sentence.start < report.sentence.start:
            last = current
        text = report.sentence.text
        if (
            last is not None
            and report.date is None
            and report.date_text is None
            and report.kind is not Kind.INTENT
            and cues.MEANWHILE.match(text)
            and not cues.ANOTHER_OCCASION.search(text, max(0, report.at - 40), report.at)
        ):
            report = attrs.evolve(report, date=last.date, date_text=last.date_text)
        elif report.date is not None and report.kind is not Kind.INTENT:
            current = report
        out.append(report)
    return out


def _date_from_neighbour(
    reports: list[_Report],
    sentences: Sequence[Sentence],
    actors_in: Callable[[int], list[Found]],
    gazetteer: Gazetteer,
    anchor_of: Callable[[], tuple[dt.date | None, bool]],
) -> list[_Report]:
    """Give an undated contact the date of the one sentence next to it that tells the same person's
    story, in one of two shapes: the contact's sentence opens with "He"/"She" standing for a participant
    that the sentence before opens with ("Mongu left his native Cameroon in early May. He flew to
    Ecuador"), or the contact's sentence opens with a participant's name and the next sentence opens
    with "He"/"She" ("Katjavivi ... was one of the people who visited Geingob. He said he ... were
    called to the hospital on 3 February"). The other sentence must be prose of the same or the next
    paragraph, hold exactly one date that is not a reporting word's nor bounded by "since", and not set
    its act after the contact ("later", "then"). Not an intent, nor a contact with date words of its own.
    """
    anchor, from_document = anchor_of()
    out: list[_Report] = []
    for report in reports:
        if report.date is None and report.date_text is None and report.kind is not Kind.INTENT:
            day = _neighbour_date(report, sentences, actors_in, gazetteer, anchor, from_document)
            if day is not None:
                report = attrs.evolve(report, date=day[0], date_text=day[1])
        out.append(report)
    return out


def _opening_person(
    index: int, actors_in: Callable[[int], list[Found]], gazetteer: Gazetteer, anchor: dt.date | None
) -> Actor | None:
    """The person sentence ``index`` opens with (its first words name them), if any."""
    found = actors_in(index)
    if not found or found[0].start > 2 or found[0].kind not in _PERSON_KINDS:
        return None
    return found[0].resolved(gazetteer, anchor)


def _neighbour_date(
    report: _Report,
    sentences: Sequence[Sentence],
    actors_in: Callable[[int], list[Found]],
    gazetteer: Gazetteer,
    anchor: dt.date | None,
    from_document: bool,
) -> tuple[When, str] | None:
    index = report.sentence.index
    ids_ = {a.id for a in report.participants}
    other: int | None = None
    if cues.NARRATIVE_PRONOUN.match(report.sentence.text) and index > 0:
        person = _opening_person(index - 1, actors_in, gazetteer, anchor)
        if person is not None and person.id in ids_:
            other = index - 1
    if other is None and index + 1 < len(sentences):
        person = _opening_person(index, actors_in, gazetteer, anchor)
        if (
            person is not None
            and person.id in ids_
            and cues.NARRATIVE_PRONOUN.match(sentences[index + 1].text)
        ):
            other = index + 1
    if other is None:
        return None
    first, second = sorted((report.sentence, sentences[other]), key=lambda s: s.index)
    blocks = (first.block, second.block)
    if any(b.kind is not BlockKind.PARAGRAPH for b in blocks):
        return None
    text = sentences[other].text
    if cues.PROSE_END.search(text) is None or cues.NARRATIVE_LATER.search(text):
        return None
    if second.block.start - (first.block.start + len(first.block.text)) > 4:
        return None  # not the same or the next paragraph
    dates = [
        p
        for p in find_dates(text)
        if not cues.SINCE.search(text[max(0, p.start - 60) : p.start])
        and not cues.REPORTING_DATE.search(text[max(0, p.start - 40) : p.start])
    ]
    if len(dates) != 1:
        return None
    day = resolve(dates[0], anchor, nearest=from_document)
    return (day, dates[0].text) if day is not None else None


def _date_of_act(
    reports: list[_Report],
    sentences: Sequence[Sentence],
    anchor_of: Callable[[], tuple[dt.date | None, bool]],
) -> list[_Report]:
    """Give an undated contact at which an act was made ("The president announced the Phase 1 trade
    deal during a meeting in the Oval Office with Liu He") the date the article gives that act by its
    noun ("Mr. Trump's Oct. 11 announcement"), when the article dates the noun once (one date, however
    often). Not an intent, nor a contact with date words of its own."""
    wanted = {
        r.sentence.index: cues.ACT_NOUNS[m.group("verb").lower()]
        for r in reports
        if r.date is None
        and r.date_text is None
        and r.kind is not Kind.INTENT
        and (m := cues.ACT_IN_SETTING.search(r.sentence.text, max(0, r.at - 160), r.at)) is not None
    }
    if not wanted:
        return reports
    anchor, from_document = anchor_of()
    dated: dict[str, dict[When, str]] = {}
    nouns = set(wanted.values())
    for sentence in sentences:
        text = sentence.text
        for phrase in find_dates(text):
            following = text[phrase.end : phrase.end + 40].split()[:2]
            noun = next((n for n in nouns if n in (w.strip(",.").lower() for w in following)), None)
            if noun is None:
                continue  # "Oct. 11 announcement", "the Oct. 11 contract announcement"
            day = resolve(phrase, anchor, nearest=from_document)
            if day is not None:
                dated.setdefault(noun, {}).setdefault(day, phrase.text)
    out: list[_Report] = []
    for report in reports:
        noun = wanted.get(report.sentence.index)
        days = dated.get(noun, {}) if noun is not None else {}
        if report.date is None and report.date_text is None and len(days) == 1:
            ((day, words),) = days.items()
            report = attrs.evolve(report, date=day, date_text=words)
        out.append(report)
    return out


def _nests(outer: When, inner: When) -> bool:
    """Whether ``inner`` lies within ``outer`` at ``outer``'s precision."""
    a, b = date_window(outer), date_window(inner)
    return a.first <= b.first and b.last <= a.last


def _knowledge(report: _Report) -> tuple[int, int, int]:
    return (report.date is not None, report.place is not None, report.trigger.kind is not None)
