"""References back to people named before: the "he", "she", "him" and "her" of a contact, "the
director", and the speaker of a quoted contact that has no subject.

A contact's subject or object is often a pronoun ("While working his way through the awards circuit,
he met Gosling"; "she later acknowledged that she met him"). This module says whom such a pronoun
names, by structure alone (no list of names by gender: the only gender it knows is the one the text's
own pronouns give):

- a **subject** "he"/"she" right before a contact word (or opening the clause of "in a meeting") that
  opens its sentence (after a fronted phrase at most: not "An aide said he"), when the sentence names
  no one before it, is the person of the nearest earlier prose sentence that names exactly one (or
  one besides the contact's counterpart); sentences led by the same pronoun ("He decided ...") are
  passed over, as they go on about the same person; the search stops at a sentence that names several
  people or none, uses the other gender's pronouns, or names a relative of its person ("Joe Biden's
  sister arrived"), and after :data:`_LOOK_BACK` sentences;
- an **object** "him"/"her" right after a contact word ("met him", "a meeting with her") is the one
  person the sentence names before it other than the contact's subject ("... when Epstein began to
  abuse her, but she later acknowledged that she met him"); when the sentence names no one but the
  subject, the one person of the sentence before, as for a subject.

Each resolved pronoun becomes a :class:`~newsparse.mentions.actors.Found` at the pronoun's span, so the
participant rules read it as they read a name. Nothing is resolved when two people could be meant.

The people of an earlier sentence include those named there by surname alone whose full name the
article gives ("Page readily agreed." after "Larry Page"): :func:`surnames`. "The director" is the one
person the text introduced with that role (:func:`role_references`), and a quote that opens with a
contact and no subject ("“Just met with Xi”") is its speaker's (:func:`subjectless`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence

import attrs

from newsparse.mentions import cues
from newsparse.mentions.actors import ActorKind, Found
from newsparse.mentions.gazetteer import slug
from newsparse.mentions.namewords import COURTESY
from newsparse.mentions.participants import unique
from newsparse.models import Actor

__all__ = [
    "ROLE_BACK_REFERENCE",
    "ROLE_NOUNS",
    "CommonWords",
    "Earlier",
    "RoleIntroductions",
    "contact_pronouns",
    "person_before",
    "pronoun_references",
    "role_references",
    "subjectless",
    "surnames",
]

_MALE = frozenset({"he", "him", "his", "himself"})  # the others of _GENDERED are "she", "her", ...
#: Any pronoun that says a person's gender.
_GENDERED = re.compile(r"\b(?i:he|him|his|himself|she|her|hers|herself)\b")
#: A subject pronoun right before the contact word, up to three words between ("he met", "she had just
#: met", "he had one in-person meeting").
_SUBJECT_BEFORE = re.compile(r"\b(?P<pronoun>[Hh]e|[Ss]he)\s+(?:[\w’'-]+\s+){0,3}$")
#: A noun contact set in the clause of a subject pronoun: "He pitched the idea to Page in a meeting".
_IN_A_NOUN = re.compile(r"(?i:\b(?:in|at|during|over)\s+(?:a|an|one|their|the)\s+(?:[\w-]+\s+)?$)")
#: What may open a clause before its subject pronoun: "After all the meetings, he", "and she", "that he".
_CLAUSE_OPENING = re.compile(  # used with match(): anchored where the clause starts
    r"(?:[^,;:]*,\s*)?(?:(?i:and|but|so|then|that|when|later|soon|eventually)\s+)?"
    r"(?P<pronoun>[Hh]e|[Ss]he)\s"
)
#: An object pronoun right after the contact word: "met him", "met with her at", "spoke to him", "called
#: her." -- not "her" before a noun ("met her husband").
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?i:with|to)\s+)?(?P<pronoun>him|her)"
    r"(?=\s*(?:[,.;:!?)—–\"”]|$)|\s+(?:at|in|on|to|and|for|about|after|before|over|last|this|during|when|"
    r"as|from|since|twice|again|privately|recently|earlier|later|shortly|yesterday|today|until|the|a|"
    r"that|while|once|first|several|many|often|only|briefly)\b)"
)
#: What may come before a pronoun that is the subject of its sentence: nothing, a fronted phrase closed by a
#: comma ("After all the meetings, he", "While working his way through the circuit, he"), a short
#: fronted time or connector ("On Monday he", "But then she") -- not a subject of its own ("An aide said
#: he", "His wife said she": the pronoun may be that person's).
_SUBJECT_START = re.compile(
    r"(?i:^(?:(?:after|before|while|when|during|in|on|at|for|following|since|once|by|from|until|upon|despite|"
    r"later|earlier|then|eventually|soon|within|over|last|this|finally|also|still|yet|so|and|but|back|years|"
    r"months|weeks|days|shortly|two|three|the\s+next|the\s+following)\b[^;:“”\"]*?,\s*|"
    r"(?:on|in|at|last|this|later|earlier|then|soon|eventually|finally|also|and|but|so|yet|still|once|"
    r"again|there|here)\s+(?:[\w’'-]+\s+){0,2})?$)"
)
#: A person named with a relative or aide of theirs, who may be the one a later pronoun means ("Joe
#: Biden's sister arrived. She met ...").
_RELATIVE_OF = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?(?:wife|husband|son|daughter|sister|brother|mother|father|widow|widower|"
    r"partner|girlfriend|boyfriend|fianc[ée]e?|aide|spokes(?:man|woman|person)|lawyer|attorney|adviser|"
    r"advisor|assistant|deputy|successor|predecessor|rival|friend|niece|nephew|cousin|uncle|aunt|"
    r"grandson|granddaughter|children|child|kids?)\b",
    re.IGNORECASE,
)
#: How many sentences back a pronoun may look (pronoun-led sentences included), and how many lines of
#: any kind (menus and tag lists, which are passed over, included).
_LOOK_BACK = 3
_PASSED_OVER = 24


def _gender(word: str) -> str:
    return "m" if word.lower() in _MALE else "f"


def _leads(text: str, pronoun: re.Match[str]) -> bool:
    """Whether ``pronoun`` (a match on ``text``) is the subject its sentence opens with: only a fronted
    phrase or a connector before it (:data:`_SUBJECT_START`)."""
    return pronoun.group(0).lower() in ("he", "she") and (
        _SUBJECT_START.search(text, 0, pronoun.start()) is not None
    )


@attrs.frozen
class Earlier:
    """One earlier sentence as the pronoun search reads it: its words with its quotes blanked, the
    people it names by name (never by pronoun) with where, whether it is prose a pronoun can point back
    over (menus, tag lists and captions are passed over), and whether it is the article's headline
    (the search stops there)."""

    text: str
    people: Callable[[], Sequence[tuple[int, Actor]]]
    readable: bool = True
    opening: bool = False


def person_before(
    earlier: Iterable[Earlier], pronoun: str, exclude: frozenset[str] = frozenset()
) -> Actor | None:
    """The person a pronoun points back to over the ``earlier`` sentences (nearest first) when its own
    sentence does not name them (:mod:`the rules <newsparse.mentions.reference>`), or None. ``exclude``:
    the ids of the contact's other participants, who are not the pronoun's person: a sentence that
    names one of them and one other person gives that other ("Trump tweeted that he had just met with
    Kim. He met Kim at the border": "he" is Trump)."""
    gender = _gender(pronoun)
    looked = 0
    for passed, sentence in enumerate(earlier):
        if sentence.opening or passed >= _PASSED_OVER:
            return None  # the headline; or a long run of menu lines: nothing a pronoun points over
        if not sentence.readable:
            continue
        looked += 1
        if looked > _LOOK_BACK:
            return None
        named = sentence.people()
        first_name = min((start for start, _ in named), default=len(sentence.text))
        pronouns = list(_GENDERED.finditer(sentence.text))
        if pronouns and pronouns[0].start() < first_name:
            if _gender(pronouns[0].group(0)) == gender and _leads(sentence.text, pronouns[0]):
                continue  # "He decided it could double as ...": still the same person
            return None  # another person's pronoun opens the sentence, or "An aide said he ..."
        if any(_gender(p.group(0)) != gender for p in pronouns):
            return None  # a person of the other gender is spoken of: either could be meant
        if _RELATIVE_OF.search(sentence.text):
            return None  # "Joe Biden's sister arrived": the person named is not the one spoken of
        people = unique(actor for _, actor in named)
        others = [a for a in people if a.id not in exclude]
        return others[0] if len(others) == 1 and len(people) - len(others) <= 1 else None
    return None


def pronoun_references(
    text: str,
    triggers: Iterable[tuple[cues.Trigger, re.Match[str]]],
    named: Sequence[tuple[int, int, Actor | None]],
    clauses: Callable[[int], tuple[int, int]],
    earlier: Callable[[], Iterable[Earlier]],
) -> list[Found]:
    """The subject and object pronouns of the contacts of a sentence (``text``, quotes blanked) that
    name a person named before, each as a Found at the pronoun; ``named``: the spans of the people
    and offices the sentence names, with the person each names (None for an office no one holds on the
    day); ``clauses(position)``: the clause a position is in; ``earlier()``: the sentences before it,
    nearest first."""
    first_named = min((start for start, _, _ in named), default=len(text))
    people = sorted(
        (_Named(start, end, actor) for start, end, actor in named if actor is not None), key=lambda f: f.start
    )
    pronouns = list(_GENDERED.finditer(text))
    opening = pronouns[0] if pronouns and pronouns[0].start() < first_named else None
    found: dict[int, Found] = {}
    for _trigger, match in triggers:
        clause = clauses(match.start())
        subject = _subject_pronoun(text, clause, match, people)
        referent: Actor | None = None
        if subject is not None:
            word = subject.group("pronoun")
            # the sentence names no one before it; or it opens with the same pronoun and the object is
            # a pronoun of the other gender, which keeps the people named in it ("She said ... Epstein
            # ..., but she later acknowledged that she met him")
            obj = _OBJECT_AFTER.match(text, match.end())
            at = subject.start("pronoun")
            outside = (
                at < first_named
                and _SUBJECT_START.search(text, 0, at) is not None
                and not any(_gender(p.group(0)) != _gender(word) for p in pronouns if p.start() < at)
            ) or (
                opening is not None
                and _leads(text, opening)
                and _gender(opening.group(0)) == _gender(word)
                and obj is not None
                and _gender(obj.group("pronoun")) != _gender(word)
            )
            if outside:
                # the people the clause names after the word are its counterparts, not the pronoun's
                counterparts = frozenset(f.actor.id for f in people if match.end() <= f.start < clause[1])
                referent = person_before(earlier(), word, counterparts)
                if referent is not None:
                    start = subject.start("pronoun")
                    found.setdefault(start, Found(start, subject.end("pronoun"), ActorKind.PERSON, referent))
        obj = _OBJECT_AFTER.match(text, match.end())
        if obj is None:
            continue
        word = obj.group("pronoun")
        subjects = {referent.id} if referent is not None else set()
        subjects |= {f.actor.id for f in people if clause[0] <= f.start < match.start()}
        before = unique(f.actor for f in people if f.end <= obj.start("pronoun"))
        others = [a for a in before if a.id not in subjects]
        target: Actor | None = None
        if len(others) == 1 and len(before) - len(others) <= 1:
            target = others[0]  # "... when Epstein began to abuse her, but she later ... met him"
        elif not others and len(before) <= 1:
            # "Xi Jinping arrived in Washington on Monday. Joe Biden met him at the White House." (not when
            # the sentence names several people before "him": "Volker said meeting with Giuliani was ...,
            # and he had one in-person meeting with him" is one of them)
            target = person_before(earlier(), word)
            if target is not None and target.id in subjects:
                target = None
        if target is not None:
            start = obj.start("pronoun")
            found.setdefault(start, Found(start, obj.end("pronoun"), ActorKind.PERSON, target))
    return [found[k] for k in sorted(found)]


@attrs.frozen
class _Named:
    start: int
    end: int
    actor: Actor


def contact_pronouns(
    text: str,
    triggers: Iterable[tuple[cues.Trigger, re.Match[str]]],
    clauses: Callable[[int], tuple[int, int]],
) -> bool:
    """Whether a contact of the sentence has a pronoun subject or object that
    :func:`pronoun_references` may resolve (a cheap look, before the people of the sentence are read)."""
    for _trigger, match in triggers:
        if _OBJECT_AFTER.match(text, match.end()) or _subject_pronoun(
            text, clauses(match.start()), match, []
        ):
            return True
    return False


def _subject_pronoun(
    text: str, clause: tuple[int, int], match: re.Match[str], people: Sequence[_Named]
) -> re.Match[str] | None:
    """The "he"/"she" that is the subject of the contact word ``match`` in its ``clause``: right before
    it with no name between, or opening the clause of a noun contact ("He pitched the idea to Page in a
    meeting")."""
    # a pronoun and three words, read in a bounded window ("\b" sees the letter before it)
    before = _SUBJECT_BEFORE.search(text, max(clause[0], match.start() - 80), match.start())
    if before is not None and not any(before.start() <= f.start < match.start() for f in people):
        return before
    if _IN_A_NOUN.search(text, max(clause[0], match.start() - 60), match.start()):
        opened = _CLAUSE_OPENING.match(text[: match.start()], clause[0])
        if opened is not None and not _GENDERED.search(text, opened.end(), match.start()):
            return opened
    return None


# -- people named by surname alone ---------------------------------------------------------------------
#: A capitalised word standing alone (no capitalised word next to it), possibly possessive: "Page",
#: "Giuffre's".
_ALONE = re.compile(r"(?<![\w’'.-])(?P<word>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:['’]s)?(?![\w’'-])(?!\s+[A-Z])")
#: The word before one that stands alone: a capitalised word (a longer name's) or an article.
_WORD_BEFORE = re.compile(r"(?:(?P<capital>[A-Z][\w’'.-]*)|\b(?i:the|an?))\s+$")
#: Before a surname: a courtesy title, which does not make it part of a longer name ("Mr. Rajaratnam").


def surnames(
    text: str,
    known: Iterable[tuple[int, int]],
    full_name: Callable[[str], str | None],
    common: Callable[[str], bool],
    not_names: frozenset[str],
    known_name: Callable[[str], bool] = lambda name: False,
) -> list[tuple[int, Actor]]:
    """People a sentence names by one word that the article gives in full elsewhere ("Page readily
    agreed." with "Larry Page" in the article; "Some details of Giuffre's allegations"), outside the
    ``known`` spans of the names the gazetteer found. Refused: words of ``not_names`` ("The", "Monday"),
    words next to another capitalised word or after an article ("Google Toolbar", "the Toolbar"), and
    words ``common`` says the article uses as a word (it writes them in lower case and not as a name in
    the middle of sentences); full names that ``known_name`` knows (a country's, a place's)."""
    spans = list(known)
    people: list[tuple[int, Actor]] = []
    for match in _ALONE.finditer(text):
        word = match.group("word")
        start, end = match.span("word")
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        capital = before.group("capital") if before is not None else None
        if before is not None and not (capital and (capital in not_names or COURTESY.fullmatch(capital))):
            continue  # "Google Toolbar", "the Toolbar": not a person's surname ("Then Page", "Mr. Page" are)
        if word in not_names or any(s < end and start < e for s, e in spans) or common(word):
            continue
        name = full_name(word)
        if name is None or known_name(name) or any(common(given) for given in name.split()[:-1]):
            continue  # none, a name the gazetteer knows ("South Africa"), or "Since Google" (a word the
            # article writes in lower case is no given name)
        people.append((start, Actor(id=f"person:{slug(name)}", name=name)))
    return people


class CommonWords:
    """``common(word)``: whether an article uses a capitalised word as a common word: it writes it in
    lower case too (``written_lower``) and fewer than twice as a name inside a sentence ("told Page",
    "to Page."), so that a sentence's opening "Page" may be the noun."""

    def __init__(self, text: str, written_lower: Callable[[str], bool]) -> None:
        self._text = text
        self._written_lower = written_lower
        self._common: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        if word not in self._common:
            common = self._written_lower(word)
            if common:
                inside = re.finditer(rf"(?<![\w’'-])[a-z][\w’'-]*,?\s+{re.escape(word)}(?![\w-])", self._text)
                common = sum(1 for _ in itertools.islice(inside, 2)) < 2
            self._common[word] = common
        return self._common[word]


# -- a quote whose contact has no subject ------------------------------------------------------------
#: A quote that opens with a contact and no subject ("Just met with Kim Jong Un", "Great call with
#: Prime Minister Modi", "Had a very productive meeting with Xi"): a post or a note in the speaker's
#: words, whose subject is the speaker.
_SUBJECTLESS = re.compile(
    r"(?i:\s*(?:(?:just|today|earlier\s+today|this\s+morning|tonight|yesterday|great|wonderful|excellent|"
    r"good|very|really|productive|warm|constructive|long|honou?red\s+to\s+have|pleased\s+to\s+have|"
    r"a|an|had|held)[\s,!]+){0,4}"
    r"(?:(?:met|spoke|talked)\s+(?:with|to)\s+(?-i:[A-Z])|(?:meeting|call|talks|conversation|phone\s+call)\s+with\s+"
    r"(?-i:[A-Z])))"
)


def subjectless(spoken: str) -> bool:
    """Whether a quote's words (its opening quotation mark left out) open with a contact that has no
    subject of its own ("Just met with Kim Jong Un"); "I" and "we" are read elsewhere."""
    return _SUBJECTLESS.match(spoken) is not None


# -- "the director": a role named before with one person ------------------------------------------------
#: Roles a story names a person by and then refers back with ("director Damien Chazelle ... met the
#: director"). The heads of state and government are :data:`newsparse.mentions.cues.OFFICE_BACK_REFERENCE`'s.
ROLE_NOUNS: tuple[str, ...] = (
    *("director", "filmmaker", "actor", "actress", "composer", "singer", "rapper", "songwriter", "author"),
    *("novelist", "writer", "playwright", "poet", "artist", "painter", "photographer", "designer"),
    *("coach", "quarterback", "striker", "goalkeeper", "founder", "co-founder", "billionaire", "investor"),
    *("entrepreneur", "economist", "scientist", "physicist", "professor", "historian", "lawyer"),
    *("attorney", "prosecutor", "detective", "sheriff", "senator", "congressman", "congresswoman"),
    *("ambassador", "envoy", "cardinal", "archbishop", "bishop", "rabbi", "imam", "pope", "chairman"),
    *("chairwoman", "commissioner"),
)
_ROLES = "|".join(re.escape(role) for role in sorted(ROLE_NOUNS, key=len, reverse=True))
#: "the director", "the director's": a role without whose it is ("the director of the FBI" names it).
ROLE_BACK_REFERENCE = re.compile(rf"\b[Tt]he\s+(?P<role>{_ROLES})(?P<possessive>['’]s)?(?!\s+of\b)(?![\w-])")
_NAME_AFTER = r"(?P<after>[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+){1,2})"
_NAME_BEFORE = r"(?P<before>[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+){1,2})"


@functools.lru_cache(maxsize=64)
def _introduction(role: str) -> re.Pattern[str]:
    """How a text introduces someone with ``role``: "director Damien Chazelle", "Damien Chazelle, the
    director behind ..."."""
    role = re.escape(role)
    return re.compile(
        rf"(?<![\w-]){role}\s+{_NAME_AFTER}|{_NAME_BEFORE},\s+(?:the|a|an)\s+(?:[\w-]+\s+)?{role}(?![\w-])"
    )


class RoleIntroductions:
    """The people an article's text introduces with each of the :data:`ROLE_NOUNS`, read once per role
    that a sentence refers back with (each sentence scanning the text before it made the reading
    quadratic in the article's length); ``person(name)``: the person a name is, if any."""

    def __init__(self, text: str, person: Callable[[str], Actor | None]) -> None:
        self._text = text
        self._person = person
        self._by_role: dict[str, list[tuple[int, Actor]]] = {}

    def _introduced(self, role: str) -> list[tuple[int, Actor]]:
        """Where each introduction with ``role`` ends, and whom it introduces, in text order."""
        if role not in self._by_role:
            self._by_role[role] = [
                (m.end(), a)
                for m in _introduction(role).finditer(self._text)
                if (a := self._person(m.group("after") or m.group("before")))
            ]
        return self._by_role[role]

    def references(self, text: str, start: int) -> list[Found]:
        """The people that "the director" (and the other roles) in ``text``, a sentence at ``start`` of
        the article's text, refer back to: the one person the text before it introduces with that
        role; nobody when it introduced no one or several."""
        found: list[Found] = []
        for match in ROLE_BACK_REFERENCE.finditer(text):
            people = unique(a for end, a in self._introduced(match.group("role")) if end <= start)
            if len(people) == 1:
                possessive = match.group("possessive") is not None
                found.append(
                    Found(match.start(), match.end(), ActorKind.PERSON, people[0], possessive=possessive)
                )
        return found


def role_references(text: str, before: str, person: Callable[[str], Actor | None]) -> list[Found]:
    """The people that "the director" (and the other :data:`ROLE_NOUNS`) in ``text`` refer back to: the
    one person the article's text ``before`` the sentence names right after that role ("director
    Damien Chazelle") or gives it to ("Damien Chazelle, the director behind ..."); ``person(name)``: the
    person a name is, if any. Nobody when the text introduced no one or several with that role. (An
    extractor reading many sentences of one article uses :class:`RoleIntroductions`.)"""
    return RoleIntroductions(before, person).references(text, len(before))
