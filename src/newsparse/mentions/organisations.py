"""Organisations an article names that the gazetteer does not know, recognised by the structure of their
names in that article (issue 15: unknown organisations as participants).

Three structures, each read over the whole article once:

- a name ending in an organisation's head word (``data/namewords.json``, ``organisation_heads``):
  "Surrey Police", "the Labour Muslim Network", "Shiromani Akali Dal";
- an acronym the article uses whose letters are the initials of a capitalised run it also writes:
  "United Auto Workers ... the UAW", "Shiromani Akali Dal (SAD)": the run and the acronym name one body;
- "the <Name>" that the article makes the subject of a verb of saying or of a plural verb ("The
  Taliban said they ...", "the Taliban, who have long refused ..."), when the article never writes the
  name in lower case: a body named as a group.

Each gives ``org:<slug>`` actors by the forms the article uses, to read as the article's short names
(``ActorFinder.short_names_from``). Refused: forms the gazetteer knows (a country, a place, a known
person or organisation), runs that open with a word that opens no name, and runs with a month or
weekday name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsparse.mentions.gazetteer import slug
from newsparse.mentions.namewords import (
    CALENDAR_WORDS,
    NOT_OPENING,
    ORGANISATION_HEADS,
    ORGANISATION_OPENERS,
    PERSON_TITLE_WORDS,
)
from newsparse.models import Actor

__all__ = ["article_organisations"]

_WORD = r"[A-Z][\w’'&-]*"
_HEADS = "|".join(sorted(ORGANISATION_HEADS, key=len, reverse=True))
#: A head word (found first: it is rare), then up to four capitalised words (and the small words that
#: link them) right before it: "Labour Muslim Network", "National Development and Reform Commission".
#: (The look-ahead for the heads' first letters fails at most spaces before the alternation is tried.)
_HEAD_FIRSTS = re.escape("".join(sorted({head[0] for head in ORGANISATION_HEADS})))
_HEAD = re.compile(rf"[ \t](?=[{_HEAD_FIRSTS}])({_HEADS})(?![\w-])")
_BEFORE_HEAD = re.compile(rf"(?<![\w’'-])((?:{_WORD}[ \t]+(?:(?:of|and|for|the)[ \t]+)?){{1,4}})$")
#: How far before a head word its name is looked for.
_WINDOW = 120
#: Right before a name: the capitalised word and link of a longer name it ends ("Development and").
_LONGER_BEFORE = re.compile(rf"{_WORD}[ \t]+(?:of|and|for)[ \t]+$")
#: An acronym of three to six capitals, alone ("the UAW", "(SAD)"; two letters spell too many runs).
_ACRONYM = re.compile(r"[A-Z](?<![\w.&’'-][A-Z])[A-Z]{2,5}(?![\w&’'-]|\.\w)")
#: A capitalised run with its small linking words: "Shiromani Akali Dal", "Federation of Trade Unions".
_RUN = re.compile(rf"[A-Z](?<![\w’'-][A-Z])[\w’'&-]*(?:[ \t]+(?:(?:of|and|for|the|on)[ \t]+)?{_WORD})+")
#: A compound adjective's hyphen: "Delhi-based", "NBA-leading".
_COMPOUND = re.compile(r"-[a-z]")
_VERB_ENDINGS = ("ed", "ing")
_LINKS = frozenset({"of", "and", "for", "the", "on"})
#: "the <Name>" as the subject of a plural verb: "The Taliban said they", "the Taliban, who have".
_SUBJECT_NAME = (
    rf"[ \t]+({_WORD}(?:[ \t]+{_WORD}){{0,2}})"
    r"(?=[ \t]+(?:have|were|are|say)\b|,[ \t]+who[ \t]+(?:have|were|are)\b|"
    r"[ \t]+(?:said|say|says|claimed|announced)[ \t]+they\b)"
)
_THE_SUBJECT = re.compile(rf"[Tt](?<![\w’'-][Tt])he{_SUBJECT_NAME}")
#: :data:`_THE_SUBJECT` opening with "the" and with "The": a pattern that opens with a literal word is
#: searched by that word (about twice as fast over an article).
_THE_SUBJECT_CASES = (
    re.compile(rf"the(?<![\w’'-]the){_SUBJECT_NAME}"),
    re.compile(rf"The(?<![\w’'-]The){_SUBJECT_NAME}"),
)


def _the_subjects(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_THE_SUBJECT` in ``text``, left to right: those of its two cases, merged;
    when two of them overlap ("the The Taliban said they"), the pattern's own (its search after a match
    goes on from that match's end)."""
    found = sorted(
        (m for pattern in _THE_SUBJECT_CASES for m in pattern.finditer(text)), key=lambda m: m.start()
    )
    if any(found[i].end() > found[i + 1].start() for i in range(len(found) - 1)):
        return list(_THE_SUBJECT.finditer(text))
    return found


def _words(name: str) -> list[str]:
    return name.split()


def _plain(word: str) -> str:
    """A word without its possessive: "Workers’" -> "Workers", "Labour's" -> "Labour"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word.rstrip("'’.")


def _opens_no_organisation(word: str) -> bool:
    """A function word, a form of address, a rank or a title word ("The", "Former", "Mr"), a
    compound adjective ("Delhi-based", "GOP-dominated") or a verb form opening a line ("Updated",
    "Watching"), unless the word is one that opens names of bodies ("United", "National")."""
    if word in ORGANISATION_OPENERS:
        return False
    return word in NOT_OPENING or _COMPOUND.search(word) is not None or word.endswith(_VERB_ENDINGS)


def _acceptable(words: list[str], known: Callable[[str], bool]) -> bool:
    """A name that opens with no function word or title, holds no person's title word ("Fed President
    and Bretton Woods Committee" is two titles' words), no month or weekday, and is not the
    gazetteer's."""
    if not words or words[0] in _LINKS or _opens_no_organisation(words[0]):
        return False
    if any(w in PERSON_TITLE_WORDS for w in words):
        return False
    if any(w in CALENDAR_WORDS for w in words):
        return False
    return not known(" ".join(words))


def article_organisations(
    text: str,
    known: Callable[[str], bool],
    written_lower: Callable[[str], bool],
    person: Callable[[str], bool] = lambda _: False,
) -> dict[str, Actor]:
    """The organisations ``text`` (one article) names by structure, by every form it uses for them
    (name and acronym). ``known(form)``: whether the gazetteer (or the article's people) has the form,
    which is then never an organisation here; ``written_lower(word)``: whether the article writes the
    word in lower case too; ``person(form)``: whether the form names a person the article names
    ("Obama National Security Council" is Obama's council, "National Security Council" the body; a
    name of two words stays whole: "Kissinger Institute")."""
    found: dict[str, Actor] = {}

    def add(name: str, *forms: str) -> None:
        actor = found.get(name) or Actor(id=f"org:{slug(name)}", name=name)
        for form in (name, *forms):
            found.setdefault(form, actor)

    for head in _HEAD.finditer(text):
        match = _BEFORE_HEAD.search(text, max(0, head.start() - _WINDOW), head.start() + 1)
        if match is None or _LONGER_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        words = [_plain(w) for w in _words(match.group(1))] + [head.group(1)]
        while words and (_opens_no_organisation(words[0]) or (len(words) > 2 and person(words[0]))):
            words = words[1:]  # "But Surrey Police", "The Labour ..."
        # "Haley and Republican National Committee": "and" after a name joins two names; after a
        # noun the article writes in lower case too, it links one ("Customs and Border Protection")
        joined = [
            i for i, w in enumerate(words) if w == "and" and i and not written_lower(words[i - 1].lower())
        ]
        if joined:
            words = words[joined[-1] + 1 :]
        if len(words) < 2 or not _acceptable(words, known):
            continue
        if any(w.isupper() and len(w) > 1 for w in words[:-1]) and len(words) == 2:
            continue  # "UAW Union": the acronym's reading below names it
        add(" ".join(words))

    acronyms = {a for a in _ACRONYM.findall(text) if not known(a)}
    if acronyms:
        longest = max(map(len, acronyms))
        finals = {a[-1] for a in acronyms}
        for run in _RUN.finditer(text):
            # (a word's initial is its capital, with or without its possessive: the words are made
            # plain only for a run whose last initial ends an acronym, which most do not)
            words = _words(run.group(0))
            if words[-1][0] not in finals:
                continue
            capitals = [i for i, w in enumerate(words) if w not in _LINKS]
            initials = "".join(words[i][0] for i in capitals)
            # the run's tail that spells an acronym: "Delegation of Shiromani Akali Dal" -> SAD
            for size in range(min(len(capitals), longest), 1, -1):
                if initials[-size:] not in acronyms:
                    continue
                tail = [_plain(w) for w in words[capitals[-size] :]]
                if not any(w.isupper() for w in tail) and _acceptable(tail, known):  # not "IT’S TUESDAY"
                    add(" ".join(tail), initials[-size:])
                break

    for match in _the_subjects(text):
        words = [_plain(w) for w in _words(match.group(1))]
        if not _acceptable(words, known):
            continue
        if any(w.isupper() for w in words) or any(written_lower(w.lower()) for w in words):
            continue  # "the FBI said" is read as an acronym; "the Thunder" once "thunder"
        if words[-1].endswith("s"):
            continue  # "the Africans are", "the Democrats say": a plural noun, a people or a party's members
        add(" ".join(words))
    return found
