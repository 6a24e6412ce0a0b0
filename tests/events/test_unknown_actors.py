"""People and organisations the gazetteer does not know, found by structure (issue 15: the class
"unknown person/organisation" of the development gold's misses). Each rule: a realistic sentence it
reads, and one it must not."""

from __future__ import annotations

import pytest

from newsparse.mentions.actors import ActorFinder
from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.organisations import article_organisations
from newsparse.models import Article, Mention


@pytest.fixture(scope="module")
def extractor(actors: ActorFinder) -> MentionExtractor:
    return MentionExtractor(actors.gazetteer)


def mentions(extractor: MentionExtractor, *paragraphs: str) -> list[Mention]:
    article = Article(
        source="test", outlet="generic", plugin="test", published="2021-07-28", paragraphs=paragraphs
    )
    return extractor.extract(article)


def names(mention: Mention) -> set[str]:
    return {a.name for a in mention.participants}


def organisations(text: str) -> dict[str, str]:
    """The organisations of ``text``, the gazetteer knowing none of its forms."""
    found = article_organisations(text, lambda _: False, lambda word: f" {word} " in f" {text} ")
    return {form: org.name for form, org in found.items()}


# -- organisations by the head word of their name ------------------------------------------------------
def test_a_name_ending_in_an_organisations_head_word_is_an_organisation(extractor: MentionExtractor) -> None:
    (visit,) = mentions(
        extractor,
        "Prime Minister Boris Johnson said the figures were encouraging.",
        "Mr Johnson spoke to reporters on a visit to Surrey Police HQ in Guildford.",
    )
    assert names(visit) == {"Boris Johnson", "Surrey Police"}
    assert next(a for a in visit.participants if a.name == "Surrey Police").id == "org:surrey-police"


def test_and_after_a_name_joins_two_names_not_one_organisations_words() -> None:
    found = organisations(
        "Nikki Haley and Republican National Committee chair Ronna McDaniel spoke. Zhang Guobao heads "
        "the National Development and Reform Commission, which plans development for China."
    )
    assert found["Republican National Committee"] == "Republican National Committee"
    assert "Haley and Republican National Committee" not in found
    # "development" is a noun of the article: "and" after it links words of one name
    assert "National Development and Reform Commission" in found


def test_a_persons_title_is_no_organisations_name() -> None:
    found = organisations("Former New York Fed President and Bretton Woods Committee Chair Bill Dudley said.")
    assert not any("President" in name for name in found)


# -- organisations by an acronym the article spells ------------------------------------------------------
def test_an_acronym_and_the_run_it_spells_name_one_organisation(extractor: MentionExtractor) -> None:
    found = organisations(
        "Biden celebrated the United Auto Workers’ contract. The plant was a key point for the UAW."
    )
    assert found["UAW"] == found["United Auto Workers"] == "United Auto Workers"
    (meeting,) = mentions(
        extractor,
        "Shiromani Akali Dal (SAD) leaders said on Sunday they were hopeful.",
        "Chinese President Xi Jinping met a SAD delegation in Beijing on Monday.",
    )
    assert names(meeting) == {"Xi Jinping", "Shiromani Akali Dal"}


def test_an_acronym_spelled_by_a_run_in_capitals_or_of_two_letters_names_nothing() -> None:
    assert organisations("IT’S TUESDAY. The IT team met. Associated Press (AP) said.") == {}


# -- "the <Name>" as the subject of a plural verb ---------------------------------------------------------
def test_a_name_the_text_makes_a_plural_subject_is_an_organisation(extractor: MentionExtractor) -> None:
    (talks,) = mentions(
        extractor,
        "The Taliban said they freed two hostages on Tuesday.",
        "Washington and the Taliban had been holding direct talks pursuing an agreement for US troops to "
        "begin leaving Afghanistan.",
    )
    assert names(talks) == {"United States", "Taliban"}
    assert talks.rule.endswith("participants:two_countries")


def test_a_plural_noun_or_a_word_also_written_in_lower_case_is_no_organisation() -> None:
    assert organisations("The Africans are proud. The Arctic has warmed.") == {}
    assert organisations("The Thunder said they would win. A storm of thunder came.") == {}
    assert organisations("The Thunder said they would win.") == {"Thunder": "Thunder"}


def test_a_list_of_three_subjects_gives_no_pair_of_them(extractor: MentionExtractor) -> None:
    found = mentions(extractor, "Russia, China and Iran had been holding talks in Tehran on Monday.")
    assert all(names(m) != {"China", "Iran"} for m in found)


# -- people ----------------------------------------------------------------------------------------------
def test_a_person_named_after_a_state_then_by_surname_is_one_person(extractor: MentionExtractor) -> None:
    (meeting,) = mentions(
        extractor,
        "The president's lawyer Rudy Giuliani led the channel, and Giuliani kept it going.",
        "Another diplomat, former special envoy to Ukraine Kurt Volker, shifted his account.",
        "Volker said meeting with Giuliani was just part of the dialogue.",
    )
    assert names(meeting) == {"Kurt Volker", "Rudy Giuliani"}


def test_a_place_that_opens_a_name_keeps_it_a_place_name(actors: ActorFinder) -> None:
    short = actors.short_names_in(["The Los Angeles Lakers won again.", "The Lakers lead the league."])
    assert "Lakers" not in short and "Angeles Lakers" not in short


def test_an_appositive_title_in_lower_case_with_its_body_introduces_a_person(
    extractor: MentionExtractor,
) -> None:
    (meeting,) = mentions(
        extractor,
        "He arranged a meeting in Beijing between Duke Energy's chief executive, Jim Rogers, and Zhang "
        "Guobao, vice chairman of the National Development and Reform Commission.",
        "Rogers said it went well.",
    )
    assert names(meeting) == {"Jim Rogers", "Zhang Guobao"}
    zhang = next(a for a in meeting.participants if a.name == "Zhang Guobao")
    assert zhang.office == "vice chairman"


def test_a_lower_case_word_after_a_comma_without_its_body_is_no_title(actors: ActorFinder) -> None:
    found = [f.actor for f in actors.find("He met Jane Doe, president, and others.", {}) if f.actor]
    assert all(a.name != "Jane Doe" for a in found)


# -- a contact named by its city is not the one reported before -------------------------------------------
def test_a_contact_named_by_its_city_does_not_refer_back(extractor: MentionExtractor) -> None:
    found = mentions(
        extractor,
        "Chinese President Xi Jinping met US President Joe Biden in Bali on Monday.",
        "If, as at the failed Copenhagen talks, they had exchanged accusations, nothing would change.",
    )
    assert [m.sentence for m in found] == [
        "Chinese President Xi Jinping met US President Joe Biden in Bali on Monday."
    ]


def test_an_appositive_with_a_or_a_possessive_gives_the_persons_title(actors: ActorFinder) -> None:
    (chiesi,) = [
        f.actor for f in actors.find("Danielle Chiesi, a hedge fund executive, told him.", {}) if f.actor
    ]
    assert chiesi.name == "Danielle Chiesi" and chiesi.office == "hedge fund executive"
    (fain,) = [f.actor for f in actors.find("Shawn Fain, the union's president, spoke.", {}) if f.actor]
    assert fain.name == "Shawn Fain" and fain.office == "union's president"
    # an appositive that is no title ("a town of 5,000") introduces nobody
    assert [f.actor for f in actors.find("Fort Worth, a town of farmers, grew.", {}) if f.actor] == []


def test_a_call_in_the_opening_words_is_the_main_clauses_subjects_and_whom_they_told(
    extractor: MentionExtractor,
) -> None:
    (call,) = mentions(
        extractor,
        "Raj Rajaratnam, the Galleon founder, is on trial.",
        "In a phone call, Danielle Chiesi, a hedge fund executive, told Mr. Rajaratnam about the earnings.",
    )
    assert names(call) == {"Danielle Chiesi", "Raj Rajaratnam"}
    assert call.rule.endswith("participants:fronted")
    # the call is not the main clause's when it has its own "with"
    found = mentions(
        extractor,
        "Raj Rajaratnam, the Galleon founder, is on trial.",
        "In a phone call with Gary Cohn, Danielle Chiesi, a hedge fund executive, told Mr. Rajaratnam a lie.",
    )
    assert all(not m.rule.endswith("participants:fronted") for m in found)


def test_the_body_whose_delegation_a_person_led_takes_part(extractor: MentionExtractor) -> None:
    (meeting,) = mentions(
        extractor,
        "A Shiromani Akali Dal (SAD) delegation led by Prem Singh Chandumajra met Chief Minister Uddhav "
        "Thackeray in Mumbai on Sunday.",
    )
    assert names(meeting) == {"Prem Singh Chandumajra", "Uddhav Thackeray", "Shiromani Akali Dal"}
    # an organisation named beside two people, without leading a delegation, is not added
    (other,) = mentions(
        extractor,
        "A Shiromani Akali Dal (SAD) official said Prem Singh Chandumajra met Chief Minister Uddhav "
        "Thackeray in Mumbai on Sunday.",
    )
    assert names(other) == {"Prem Singh Chandumajra", "Uddhav Thackeray"}


def test_one_of_those_who_did_it_is_the_sentences_subject(extractor: MentionExtractor) -> None:
    (visit,) = mentions(
        extractor,
        "National Assembly speaker Peter Katjavivi was there. President Hage Geingob died on Sunday.",
        "Katjavivi, one of Geingob’s close friends and peers, was one of the people who visited Geingob "
        "hours before he died.",
    )
    assert names(visit) == {"Peter Katjavivi", "Hage Geingob"}
    # the subject of "was" is the name right before it (or before its appositive), not anyone earlier
    found = mentions(
        extractor,
        "National Assembly speaker Peter Katjavivi was there. President Hage Geingob died on Sunday.",
        "Katjavivi said he was sad, and a nurse was one of the people who visited Geingob.",
    )
    assert all("Peter Katjavivi" not in names(m) for m in found)


def test_the_possessive_of_a_body_named_after_a_place_introduces_a_person(
    extractor: MentionExtractor,
) -> None:
    (call,) = mentions(
        extractor,
        "Florida coach Urban Meyer explained this week. Alabama coach Nick Saban compared agents to pimps.",
        "Saban, Meyer and Ohio State's Jim Tressel recently participated in a conference call with NFL "
        "commissioner Roger Goodell.",
    )
    assert names(call) == {"Nick Saban", "Urban Meyer", "Jim Tressel", "Roger Goodell"}
    tressel = next(a for a in call.participants if a.name == "Jim Tressel")
    assert tressel.office is None and tressel.country == "USA"


def test_a_places_own_possessive_before_two_words_is_no_person(actors: ActorFinder) -> None:
    text = "The show moved to Cleveland’s Public Auditorium in May, and Ohio's Main Street too."
    assert [f.actor.name for f in actors.find(text, {}) if f.actor and f.kind.value == "person"] == []


def test_a_name_joined_to_an_organisation_after_between_is_an_organisation(
    extractor: MentionExtractor,
) -> None:
    (talks,) = mentions(
        extractor,
        "Joe Biden and Barack Obama praised the United Auto Workers’ contract.",
        "The plant’s fate was a key discussion point in negotiations between the UAW and Stellantis.",
    )
    assert names(talks) == {"United Auto Workers", "Stellantis"}
    # a word that never belongs to a name ("the UAW and Congress") is not such a partner
    found = mentions(
        extractor,
        "Joe Biden and Barack Obama praised the United Auto Workers’ contract.",
        "The plant’s fate was a key discussion point in negotiations between the UAW and Congress.",
    )
    assert all("Congress" not in names(m) for m in found)


def test_a_compound_adjective_or_an_inverted_say_makes_no_organisation() -> None:
    assert (
        organisations("The GOP-dominated Legislature have avoided it. It is the Black Death, say officials.")
        == {}
    )
    # the adjective before a headed name is not a word of it
    assert organisations("A report by the London-based Energy Institute came out.") == {
        "Energy Institute": "Energy Institute"
    }


def test_a_person_or_a_verb_form_opening_a_headed_run_is_not_the_bodys_name(actors: ActorFinder) -> None:
    short = actors.short_names_in(
        ["He served on the Obama National Security Council staff.", "Watching NBA League games is fun."]
    )
    assert short["National Security Council"].name == "National Security Council"
    assert "Obama National Security Council" not in short and "Watching NBA League" not in short
    # a name of two words stays whole: a body named after a person
    assert "Kissinger Institute" in actors.short_names_in(["The Kissinger Institute said so."])


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban said they would attend. Later the Houthis have refused, and the Kurds, who were there",
        "A typo doubled it: the The Taliban said they would come.",  # the two cases' matches overlap
        "Athe Taliban are not a word, nor is the thé Taliban.",
    ],
)
def test_the_subject_is_searched_by_its_two_cases_as_by_its_pattern(text: str) -> None:
    from newsparse.mentions.organisations import _THE_SUBJECT, _the_subjects

    assert [m.span() for m in _the_subjects(text)] == [m.span() for m in _THE_SUBJECT.finditer(text)]
