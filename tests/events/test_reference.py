"""References back to people named before (``mentions/reference.py``): the "he", "she", "him" and "her" of
a contact, read by structure alone.

The sentences are written in the style of the gold pages that needed them (benchmarks/events: the Rolling
Stone, Business Insider and Nine News pages) with names the built-in gazetteer knows, or with people the
article names in full once and then by surname; each positive case has a trap next to it where the
pronoun must not resolve (two candidates, another person's pronoun, a third party).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse.mentions.actors import ActorKind, Found
from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.mentions.participants import NOT_NAME_WORDS, full_name_in
from newsparse.mentions.reference import CommonWords, Earlier, person_before, surnames
from newsparse.models import Actor, Article, Mention

EXTRACTOR = MentionExtractor(Gazetteer.from_data(builtin_data()))


def extract(*paragraphs: str, published: str | None = "2019-11-20") -> list[Mention]:
    article = Article(source="t", outlet="o", plugin="p", published=published, paragraphs=paragraphs)
    return EXTRACTOR.extract(article)


def pairs(mentions: list[Mention]) -> list[tuple[str, list[str]]]:
    return [(m.kind, [a.name for a in m.participants]) for m in mentions]


def meetings(mentions: list[Mention]) -> list[list[str]]:
    return [[a.name for a in m.participants] for m in mentions if m.kind == "meeting"]


# -- a subject "he"/"she" ------------------------------------------------------------------------------
def test_he_passes_over_sentences_led_by_the_same_pronoun() -> None:
    # "Chazelle kept writing ... He claims ... he met Gosling": the sentence between is about him too
    found = extract(
        "Joe Biden kept revising his speech as the summit drew near.",
        "He claims, somewhat sheepishly, that “the draft was never finished.”",
        "While working his way through the summit's sessions, he met Xi Jinping.",
    )
    assert ("meeting", ["Joe Biden", "Xi Jinping"]) in pairs(found)


def test_he_opening_a_sentence_after_a_fronted_phrase_is_its_subject() -> None:
    found = extract(
        "Joe Biden readily agreed.", "After all the meetings, he called Xi Jinping and delivered the news."
    )
    assert pairs(found) == [("call", ["Joe Biden", "Xi Jinping"])]


def test_he_is_not_resolved_over_a_sentence_that_names_two_people() -> None:
    found = extract(
        "Joe Biden and Antony Blinken revised the speech.",
        "After all the meetings, he called Xi Jinping and delivered the news.",
    )
    assert found == []


def test_he_after_another_subject_is_that_persons() -> None:
    # "An aide said he met ...": the aide may be "he"; the one person of the sentence before is not read
    found = extract("Joe Biden flew to Bali on Sunday.", "An aide said he met Xi Jinping on Monday.")
    assert all(m.kind != "meeting" for m in found)


def test_she_is_not_the_person_whose_relative_the_sentence_before_names() -> None:
    found = extract("Joe Biden's sister arrived in Bali on Sunday.", "On Monday she met Xi Jinping.")
    assert all(m.kind != "meeting" for m in found)


def test_a_pronoun_of_the_other_gender_stops_the_search() -> None:
    # "his" speaks of a man: "she" may be anyone of the sentence, named or not
    found = extract("Joe Biden flew to Bali with his wife on Sunday.", "On Monday she met Xi Jinping.")
    assert all(m.kind != "meeting" for m in found)


def test_a_subject_pronoun_in_a_noun_contacts_clause() -> None:
    # "He pitched the idea to Page in a meeting."
    found = extract(
        "Antony Blinken figured out that no one was reading the memo.",
        "He decided it could be cut to one page.",
        "He pitched the idea to Joe Biden in a meeting.",
    )
    assert ("meeting", ["Antony Blinken", "Joe Biden"]) in pairs(found)


# -- an object "him"/"her" ---------------------------------------------------------------------------
def test_him_is_the_one_other_person_named_before_it() -> None:
    # "She initially said she was 15 when Epstein began to abuse her, but she later acknowledged that
    # she met him the summer she turned 17."
    found = extract(
        "Some details of Kamala Harris's account have changed over time.",
        "She initially said Vladimir Putin had threatened her, but she later acknowledged that she met him "
        "the summer she took office.",
    )
    assert ("meeting", ["Kamala Harris", "Vladimir Putin"]) in pairs(found)


def test_him_is_the_one_person_of_the_sentence_before() -> None:
    found = extract(
        "Xi Jinping arrived in Washington on Monday.", "Joe Biden met him at the White House on Tuesday."
    )
    assert meetings(found) == [["Joe Biden", "Xi Jinping"]]


def test_him_with_two_people_before_is_no_one() -> None:
    found = extract(
        "Xi Jinping and Vladimir Putin arrived in Washington on Monday.",
        "Joe Biden met him at the White House on Tuesday.",
    )
    assert meetings(found) == []


def test_her_before_a_noun_is_a_possessive() -> None:
    found = extract(
        "Kamala Harris arrived in Singapore on Monday.", "Joe Biden met her husband at the airport."
    )
    assert meetings(found) == []


# -- "they" with people named by surname ------------------------------------------------------------
def test_they_are_the_pair_named_before_by_full_name_and_surname() -> None:
    # "Sergey Brin was a different kind of sidekick to Page. They had met at Stanford, where Brin ..."
    found = extract(
        # (an article that names no one the gazetteer knows, or one only, is not read for reports)
        "President Barack Obama once praised the company Larry Page founded in a garage.",
        "Sergey Brin was a different kind of sidekick to Page. They had met at Stanford, where Brin was "
        "outgoing and energetic.",
    )
    assert ("meeting", ["Sergey Brin", "Larry Page"]) in pairs(found)


# -- the readings the pronoun search uses -----------------------------------------------------------------
def test_surnames_are_people_the_article_names_in_full() -> None:
    text = "Larry Page founded Google. Page readily agreed, and the Toolbar was sent to Google Toolbar users."
    full = full_name_in(text)
    common = CommonWords(text, full.written_lower)
    found = surnames("Page readily agreed.", [], full, common, NOT_NAME_WORDS)
    assert found == [(0, Actor(id="person:larry-page", name="Larry Page"))]
    # "the Toolbar" and "Google Toolbar": an article's word and a longer name, not a surname
    assert surnames("Then the Toolbar was launched.", [], full, common, NOT_NAME_WORDS) == []
    # a known name ("South Africa") is no person's, nor is a given name the article writes in lower case
    text = "The tour of South Africa was long. Since Google grew, Google hired. Africa, since then."
    full = full_name_in(text)
    common = CommonWords(text, full.written_lower)
    assert surnames("Africa was far.", [], full, common, NOT_NAME_WORDS, {"South Africa"}.__contains__) == []
    assert surnames("He joined Google.", [], full, common, NOT_NAME_WORDS) == []


def _sentence(text: str, *people: tuple[int, str]) -> Earlier:
    named = [(start, Actor(id=f"person:{name.lower()}", name=name)) for start, name in people]
    return Earlier(text, lambda: named)


def test_person_before_reads_the_nearest_sentences_first() -> None:
    biden = _sentence("Biden flew to Bali.", (0, "Biden"))
    assert person_before([_sentence("He rested.")], "he") is None  # nothing named before it
    assert person_before([_sentence("He rested."), biden], "he") == Actor(id="person:biden", name="Biden")
    assert person_before([_sentence("Then it rained."), biden], "he") is None  # the chain breaks
    assert person_before([_sentence("She rested."), biden], "he") is None  # another person
    title = Earlier("Biden in Bali", list, opening=True)
    assert person_before([_sentence("He rested."), title, biden], "he") is None  # not over the headline
    menu = Earlier("Most Read", list, readable=False)
    assert person_before([menu, biden], "he") == Actor(id="person:biden", name="Biden")
    # a long run of menu lines is passed over only so far (a pronoun's search stays bounded)
    assert person_before([menu] * 5 + [biden], "he") == Actor(id="person:biden", name="Biden")
    assert person_before([menu] * 30 + [biden], "he") is None


def test_a_resolved_pronoun_is_a_found_person_at_the_pronoun() -> None:
    from newsparse.mentions import cues
    from newsparse.mentions.reference import pronoun_references

    text = "On Monday he met Xi."
    meeting = next(t for t in cues.TRIGGERS if t.name == "meeting")
    match = meeting.pattern.search(text)
    assert match is not None
    biden = _sentence("Biden flew to Bali.", (0, "Biden"))
    found = pronoun_references(
        text, [(meeting, match)], [(17, 19, None)], lambda _: (0, len(text)), lambda: [biden]
    )
    assert found == [Found(10, 12, ActorKind.PERSON, Actor(id="person:biden", name="Biden"))]


# -- property: pronouns without a contact word give nothing --------------------------------------------
PEOPLE = ("Joe Biden", "Xi Jinping", "Antony Blinken", "Kamala Harris", "Vladimir Putin")
WORDS = (
    "he", "she", "him", "her", "his", "they", "the two", "the pair", "both men", "He", "She", "They",
    "said", "praised", "warned", "that", "and", "on Monday", "in Bali", "the economy", ",", "after",
    "was", "is", "later", "told reporters", "'s",
)  # fmt: skip


def _has_trigger(text: str) -> bool:
    from newsparse.mentions.cues import TRIGGERS

    return any(t.pattern.search(text) for t in TRIGGERS)


@given(
    st.lists(
        st.lists(st.sampled_from(PEOPLE + WORDS), min_size=1, max_size=15).map(" ".join),
        min_size=1,
        max_size=4,
    ),
    st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2025, 12, 31))),
)
def test_sentences_with_pronouns_and_no_contact_word_give_no_mention(
    sentences: list[str], published: dt.date | None
) -> None:
    paragraphs = tuple(s + "." for s in sentences)
    assert not any(_has_trigger(p) for p in paragraphs)
    assert extract(*paragraphs, published=published.isoformat() if published else None) == []


@pytest.mark.parametrize("pronoun", ["he", "she"])
def test_a_pronoun_never_names_someone_of_a_later_sentence(pronoun: str) -> None:
    found = extract(f"On Monday {pronoun} met Xi Jinping.", "Joe Biden flew home on Tuesday.")
    assert found == []


# -- back references that are not ---------------------------------------------------------------------
def test_all_the_meetings_is_not_the_meeting_reported_before() -> None:
    found = extract(
        "Joe Biden met Xi Jinping in Bali on Monday.",
        "After all the meetings, Antony Blinken flew home.",
    )
    assert [m.sentence for m in found] == ["Joe Biden met Xi Jinping in Bali on Monday."]
    # "the meeting" itself still refers back
    found = extract("Joe Biden met Xi Jinping in Bali on Monday.", "After the meeting, the two flew home.")
    assert len(found) == 2


def test_a_contact_word_that_qualifies_a_noun_is_no_contact() -> None:
    # "sending their meeting invitations straight to his assistants"
    found = extract(
        "Joe Biden met Xi Jinping in Bali on Monday.",
        "Aides sent their meeting invitations straight to Antony Blinken.",
    )
    assert [m.sentence for m in found] == ["Joe Biden met Xi Jinping in Bali on Monday."]


def test_a_contact_word_before_each_other_is_a_verb_not_a_back_reference() -> None:
    # "Let the people actually doing the work talk to each other while you go do something else."
    found = extract(
        "Joe Biden met Xi Jinping in Bali on Monday.",
        "Let the people actually doing the work talk to each other.",
    )
    assert [m.sentence for m in found] == ["Joe Biden met Xi Jinping in Bali on Monday."]


def test_he_is_the_other_person_when_the_sentence_before_names_his_counterpart() -> None:
    # "Trump tweeted that he had just met Kim. He met Kim at the border": the counterpart is not "he"
    found = extract("Joe Biden praised Xi Jinping on Sunday.", "On Monday he met Xi Jinping at the summit.")
    assert ("meeting", ["Joe Biden", "Xi Jinping"]) in pairs(found)
    # neither of the two named before is the counterpart: "he" is either
    found = extract("Joe Biden praised Xi Jinping on Sunday.", "On Monday he met Vladimir Putin.")
    assert meetings(found) == []


def test_him_after_several_people_of_its_sentence_is_none_of_the_sentence_before() -> None:
    # "Volker said meeting with Giuliani was just part of the dialogue, and he had one in-person meeting
    # with him": "him" is one of the sentence's own people, not the sentence before's
    found = extract(
        "Antony Blinken discussed the plan with Xi Jinping on Friday.",
        "Joe Biden said the call with Vladimir Putin was routine and he had one meeting with him in Bali.",
    )
    assert ["Joe Biden", "Xi Jinping"] not in meetings(found)


# -- a quoted contact without a subject: the speaker's ------------------------------------------------
def test_a_quote_that_opens_with_a_contact_and_no_subject_is_the_speakers() -> None:
    # a quoted post, "Just met with X", and then "he met X"
    found = extract(
        "“Just met with Xi Jinping in Bali, a very productive meeting,” Joe Biden wrote on Monday.",
        "He met Xi Jinping again on Tuesday.",
    )
    assert meetings(found) == [["Joe Biden", "Xi Jinping"], ["Joe Biden", "Xi Jinping"]]
    found = extract("“Had a great call with Narendra Modi,” Joe Biden wrote on Tuesday.")
    assert pairs(found) == [("call", ["Joe Biden", "Narendra Modi"])]


def test_a_subjectless_quote_without_a_named_speaker_is_no_ones() -> None:
    assert extract("“Just met with Xi Jinping,” read the caption under a photo of Joe Biden.") == []
    # a question about a contact is not one
    assert extract("“Met with Xi Jinping? Never,” Joe Biden said.") == []


# -- "the director": the one person introduced with that role ---------------------------------------------
def test_the_director_is_the_one_person_introduced_as_director() -> None:
    # "Inside the story of how director Damien Chazelle ... Stone had just come off doing Cabaret on
    # Broadway, and met the director shortly thereafter."
    found = extract(
        "President Joe Biden praised the musical by director Damien Chazelle, starring Emma Stone.",
        "Chazelle wrote it in Paris. Stone had just come off doing Cabaret on Broadway, and met the director "
        "shortly thereafter.",
    )
    assert ("meeting", ["Emma Stone", "Damien Chazelle"]) in pairs(found)


def test_the_director_with_two_introduced_or_of_a_body_is_no_one() -> None:
    found = extract(
        "President Joe Biden praised director Damien Chazelle and director Greta Gerwig, and Emma Stone.",
        "Chazelle and Gerwig wrote in Paris. Stone met the director shortly thereafter.",
    )
    assert meetings(found) == []
    found = extract(
        "President Joe Biden praised the musical by director Damien Chazelle, starring Emma Stone.",
        "Chazelle wrote it in Paris. Stone met the director of the FBI shortly thereafter.",
    )
    assert meetings(found) == []
