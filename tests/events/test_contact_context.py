"""Contacts whose participants or date come from words around the trigger (issue 15, qa15): "a trip
there" after the country it points at, a meeting on the day of the visit the article reports, the
subject of a sentence that opens with "Following talks with ...,".

Each sentence is written in the style of the gold's news pages with names the built-in gazetteer
knows; the expected result is worked out by reading it (and a calendar for the dates). Each case has a
trap beside it: the same words planned, set apart from the story, or without what they point at.
"""

from __future__ import annotations

from newsparse.models import When

from .test_contact_reading import extract, reading

# -- "a trip there": the country named before in the sentence -----------------------------------------


def test_a_trip_there_is_a_visit_to_the_country_named_before() -> None:
    (mention,) = extract(
        "Duke Energy got serious about China two years ago, after Narendra Modi took his grandson on a "
        "trip there in the summer of 2008 as a graduation present.",
        published="2010-11-22",
    )
    assert reading(mention) == ("visit", ["Narendra Modi", "China"], When.year(2008))


def test_a_trip_there_said_to_come_is_an_intent_not_a_visit() -> None:
    found = extract(
        "Narendra Modi praised China and said he would take a trip there in May.", published="2010-11-22"
    )
    assert [m.kind for m in found] == ["intent_to_meet"]


def test_a_trip_there_needs_a_state_named_before_it() -> None:
    assert extract("Narendra Modi took a trip there in 2008.", published="2010-11-22") == []
    # "Chinese" qualifies a noun: no state for "there" to point at
    found = extract("Narendra Modi met Chinese officials before a trip there.", published="2010-11-22")
    assert "visit" not in [m.kind for m in found]
    # a trip home is no visit
    assert extract("Joe Biden praised the United States before a trip there.", published="2010-11-22") == []


# -- a meeting on the day of the visit the article reports --------------------------------------------------

VISIT = "Ukrainian President Volodymyr Zelensky visited Washington on Tuesday to plead for more aid."
AFTER = (
    "Following a roughly 30-minute meeting with Zelensky, House Speaker Mike Johnson said the response "
    "had been insufficient."
)


def test_a_meeting_of_the_visitor_takes_the_day_of_the_visit() -> None:
    # published Wednesday 13 December 2023: "Tuesday" is the 12th
    visit, meeting = extract(VISIT, AFTER, published="2023-12-13")
    assert reading(visit) == ("visit", ["Volodymyr Zelensky", "United States"], When.day(2023, 12, 12))
    assert reading(meeting) == ("meeting", ["Mike Johnson", "Volodymyr Zelensky"], When.day(2023, 12, 12))
    assert meeting.date_text == visit.date_text == "on Tuesday"  # the article's words that date it


def test_a_meeting_set_apart_from_the_visit_keeps_no_date() -> None:
    previous = "Following his previous meeting with Zelensky, House Speaker Mike Johnson said it was good."
    _, meeting = extract(VISIT, previous, published="2023-12-13")
    assert reading(meeting) == ("meeting", ["Mike Johnson", "Volodymyr Zelensky"], None)


def test_an_old_visit_or_no_publication_date_dates_no_meeting() -> None:
    old = "Ukrainian President Volodymyr Zelensky visited Washington on Dec. 21, 2022."
    _, meeting = extract(old, AFTER, published="2023-12-13")
    assert meeting.date is None  # a visit of last year is not the story's
    _, meeting = extract(VISIT, AFTER, published=None)
    assert meeting.date is None  # no publication date, no date words: undated


def test_two_trips_leave_the_meeting_undated() -> None:
    two = "Zelensky had visited Washington on Dec. 11, 2023, and visited Washington again on Tuesday."
    found = extract(VISIT, two, AFTER, published="2023-12-13")
    (meeting,) = [m for m in found if m.kind == "meeting"]
    assert meeting.date is None


def test_the_subject_after_fronted_words_closed_by_a_comma() -> None:
    (mention,) = extract(
        "Following talks with Xi Jinping, Antony Blinken said the two sides had agreed to keep talking.",
        published="2023-06-20",
    )
    assert reading(mention) == ("meeting", ["Antony Blinken", "Xi Jinping"], None)


# -- "went to <state>", and the gerund clause after a contact ("after visiting India in May") ---------------


def test_went_to_a_state_named_right_after_is_a_visit() -> None:
    (mention,) = extract("Antony Blinken went to Egypt in March.", published="2023-10-24")
    assert reading(mention) == ("visit", ["Antony Blinken", "Egypt"], When.month(2023, 3))


def test_went_to_something_else_is_no_visit() -> None:
    assert extract("Antony Blinken went to war with Russia.", published="2023-10-24") == []
    assert extract("Antony Blinken went to court in Paris.", published="2023-10-24") == []
    assert extract("Joe Biden’s vote went to Kamala Harris.", published="2023-10-24") == []  # a person


def test_a_gerund_clause_has_the_sentences_subject_and_its_own_date() -> None:
    # "in May" is the India visit's (the clause it stands in); the Beijing trip came after it and before
    # the report, so in 2023, no finer
    went, visited = extract(
        "Antony Blinken went to Beijing after visiting India in May.", published="2023-10-24"
    )
    assert reading(went) == ("visit", ["Antony Blinken", "China"], When.year(2023))
    assert reading(visited) == ("visit", ["Antony Blinken", "India"], When.month(2023, 5))
    # "before" bounds it from above only: no date; a date of the main clause is not the gerund's
    went, visited = extract(
        "Antony Blinken went to Beijing before visiting India in May.", published="2023-10-24"
    )
    assert (went.date, visited.date) == (None, When.month(2023, 5))
    went, visited = extract(
        "Antony Blinken went to Beijing in June after visiting India.", published="2023-10-24"
    )
    assert (went.date, visited.date) == (When.month(2023, 6), None)
    # after a date of another year: the year of the trip is not known
    went, _ = extract("Antony Blinken went to Beijing after visiting India in 2019.", published="2023-10-24")
    assert went.date is None
    # the subject of "visiting" is the sentence's (Biden), not the meeting's object (Xi)
    found = extract("Joe Biden met Xi Jinping after visiting Japan.", published="2023-10-24")
    assert [reading(m) for m in found] == [
        ("meeting", ["Joe Biden", "Xi Jinping"], None),
        ("visit", ["Joe Biden", "Japan"], None),
    ]
    # a noun phrase after "after" is no clause: the photo's date is the handshake's
    (shook,) = extract(
        "Antony Blinken shook hands with Wang Yi after a bilateral meeting in this photo from Oct 26, 2023."
    )
    assert shook.date == When.day(2023, 10, 26)


# -- question-and-answer interviews: the answers speak as the person the headline names ---------------------

QUESTIONS_AND_ANSWERS = (
    "During a stop in Washington over the weekend, the secretary spoke with a reporter.",
    "Q. How do you see China’s future?",
    "A. I went to Egypt after visiting India in May. I met Wang Yi twice.",
    "Q. Will you see him again?",
    "A. I will meet Wang Yi in June. I never called Sergey Lavrov.",
)


def interview(title: str, *paragraphs: str) -> list[tuple[str, list[str], When | None]]:
    from newsparse.models import Article

    from .test_contact_reading import EXTRACTOR

    page = Article(
        source="test", outlet="generic", plugin="test", published="2023-10-24", title=title,
        paragraphs=paragraphs,
    )  # fmt: skip
    return [reading(m) for m in EXTRACTOR.extract(page)]


def test_an_interviews_answers_are_the_interviewees() -> None:
    found = interview("Antony Blinken interviewed: “We will not back down”", *QUESTIONS_AND_ANSWERS)
    assert found == [
        ("visit", ["Antony Blinken", "Egypt"], When.year(2023)),  # after May, before the report
        ("visit", ["Antony Blinken", "India"], When.month(2023, 5)),
        ("meeting", ["Antony Blinken", "Wang Yi"], None),
        ("intent_to_meet", ["Antony Blinken", "Wang Yi"], When.month(2024, 6)),  # planned, not held
    ]  # and the denied call to Lavrov is nothing


def test_no_interview_no_attribution() -> None:
    # one question and one answer are no interview; a headline with two people names no one interviewee
    assert interview("Antony Blinken on China", *QUESTIONS_AND_ANSWERS[1:3]) == []
    assert interview("Antony Blinken and Wang Yi interviewed", *QUESTIONS_AND_ANSWERS) == []
    # an explainer's questions and answers are the reporter's, whoever the headline names
    # (the same questions and answers as above: only the framing, headline and first paragraph, differs)
    assert interview("What Antony Blinken’s trip means", *QUESTIONS_AND_ANSWERS[1:]) == []
    # a known name that another state qualifies names no one the gazetteer knows: no interviewee
    assert interview("Russia’s Joe Biden interviewed", *QUESTIONS_AND_ANSWERS) == []


# -- a contact noun and the "when" clause that tells what happened in it ------------------------------------

SONDLAND = "Ambassador Gordon Sondland testified on Wednesday."


def test_a_when_clause_names_the_participants_of_the_noun_before_it() -> None:
    found = extract(
        SONDLAND,
        "He testified about a July 10 meeting at the White House when Sondland told visiting Ukraine "
        "officials they would need to deliver.",
    )
    assert [reading(m) for m in found] == [("meeting", ["Gordon Sondland", "Ukraine"], When.day(2019, 7, 10))]
    assert found[0].place is not None and found[0].place.name == "White House"
    (named,) = extract(
        SONDLAND, "He described a July 10 meeting when Sondland told Volodymyr Zelensky to act."
    )
    assert reading(named) == ("meeting", ["Gordon Sondland", "Volodymyr Zelensky"], When.day(2019, 7, 10))


def test_a_when_clause_without_a_counterpart_or_with_a_denial_gives_nothing() -> None:
    # "in Kyiv" is where he was, not whom he met; "reporters" are no one; "did not see" is denied
    assert (
        extract(SONDLAND, "He testified about a July 10 meeting when Sondland was in Kyiv with his aides.")
        == []
    )
    assert extract(SONDLAND, "He described a July 10 meeting when Sondland told reporters to leave.") == []
    assert (
        extract(SONDLAND, "He described a July 10 meeting when Sondland did not see Volodymyr Zelensky.")
        == []
    )


def test_an_envoy_to_a_state_names_no_place() -> None:
    (mention,) = extract(
        "The special envoy to Ukraine Antony Blinken met Wang Yi on Monday.", published="2019-11-20"
    )
    assert reading(mention) == ("meeting", ["Antony Blinken", "Wang Yi"], When.day(2019, 11, 18))
    assert mention.place is None


# -- "his departure from a meeting with ...": the possessor is the one person named before -----------------


def test_the_possessor_of_a_contact_noun_is_the_one_person_named_before() -> None:
    found = extract(
        "President Donald Trump spoke on Monday.",
        "Beijing is also concerned about the president’s unpredictable behavior — as demonstrated by his "
        "abrupt departure from a high-profile meeting last February in Hanoi with North Korea’s leader, "
        "Kim Jong-un.",
        published="2019-11-18",
    )
    assert [reading(m) for m in found] == [("meeting", ["Donald Trump", "Kim Jong-un"], When.month(2019, 2))]
    assert found[0].participants[1].country == "PRK"  # "North Korea's leader, Kim Jong-un"


def test_a_possessor_with_two_or_no_people_before_it_is_no_one() -> None:
    two = (
        "Beijing is worried about Joe Biden and Donald Trump — as shown by his departure from a meeting "
        "with Xi Jinping."
    )
    assert extract(two) == []
    assert extract("Beijing is worried — as shown by his departure from a meeting with Xi Jinping.") == []
    # a verb's possessed subject is someone else: "his aides met" is no meeting of Biden's
    found = extract("Joe Biden arrived in Beijing — his aides met with Xi Jinping on Monday.")
    assert "meeting" not in [m.kind for m in found]


def test_an_office_set_beside_a_name_the_gazetteer_lacks() -> None:
    # the name set off by commas after "<state>'s <office>," is that office's holder; a known name stays
    (mention,) = extract(
        "Donald Trump met North Korea’s leader, Kim Jong-un, in Hanoi.", published="2019-02-28"
    )
    assert reading(mention) == ("meeting", ["Donald Trump", "Kim Jong-un"], None)
    (known,) = extract("Donald Trump met China’s leader, Xi Jinping, in Osaka.", published="2019-06-29")
    assert known.participants[1].id == "Q15031"  # the gazetteer's Xi Jinping
    # no apposition (the name goes on into a clause of its own): the office holder is not known that day
    assert extract("Donald Trump met North Korea’s leader, Kim Jong-un said.", published="2019-02-28") == []


def test_the_talks_qualified_by_a_state_point_at_a_contact_of_that_state() -> None:
    found = extract(
        "Donald Trump met Kim Jong-un, North Korea’s leader, in Hanoi last February.",
        "The most recent twists in the China trade talks have left firms uncertain.",
        published="2019-11-18",
    )
    assert [reading(m) for m in found] == [("meeting", ["Donald Trump", "Kim Jong-un"], When.month(2019, 2))]
    assert len({m.sentence for m in found}) == 1  # "the China trade talks" are not the Hanoi meeting


def test_a_known_name_that_another_state_qualifies_is_that_states_office() -> None:
    # the gazetteer's "King Abdullah" is Saudi Arabia's; "Jordan's King Abdullah" is Jordan's king
    (mention,) = extract("Jordan’s King Abdullah met Joe Biden in Washington.", published="2011-10-24")
    assert reading(mention) == ("meeting", ["Abdullah II", "Joe Biden"], None)
    assert mention.participants[0].country == "JOR"
    (saudi,) = extract("King Abdullah met Joe Biden in Washington.", published="2011-10-24")
    assert saudi.participants[0].country == "SAU"


def test_the_interview_of_a_king_qualified_by_his_state() -> None:
    found = interview(
        "Jordan’s King Abdullah interviewed: The Arab Spring “is a disaster” for Israel.",
        "Q. How do you see Egypt’s future?",
        "A. I went to Egypt after visiting the U.S. in May.",
        "Q. Will you go back?",
        "A. I hope to visit Cairo again soon.",
    )
    # published 2023-10-24 (the helper's date): the Egypt trip came after May, so in 2023; the hoped-for
    # trip is no contact
    assert found == [
        ("visit", ["Abdullah II", "Egypt"], When.year(2023)),
        ("visit", ["Abdullah II", "United States"], When.month(2023, 5)),
    ]


def test_an_answer_that_does_not_say_how_the_contact_was_made_gives_none() -> None:
    # "spoke to" says neither phone nor meeting, and an answer has no reporter's framing to tell
    answers = (
        "Q. Have you talked to Wang Yi?",
        "A. I spoke to Wang Yi twice in the springtime. The conversation was that we would talk again.",
        "Q. And Lavrov?",
        "A. I called Sergey Lavrov in March.",
    )
    assert interview("Antony Blinken interviewed", *answers) == [
        ("call", ["Antony Blinken", "Sergey Lavrov"], When.month(2023, 3))
    ]
    # another report of the pair gives the kind
    met = ("A. I met Wang Yi in Beijing in May.", "Q. Again?", "A. I spoke to Wang Yi twice since.")
    found = interview("Antony Blinken interviewed", "Q. Have you met Wang Yi?", *met)
    assert [kind for kind, _, _ in found] == ["meeting", "meeting"]


# -- "Meanwhile,": the time of the story just told ----------------------------------------------------

TALKS = "Wang Yi and Antony Blinken held talks in Brussels on Friday."
MEANWHILE = (
    "Meanwhile, French President Emmanuel Macron said Greece belonged in the eurozone, following talks "
    "in Paris with German Chancellor Olaf Scholz."
)


def test_a_meanwhile_contact_takes_the_date_of_the_story_just_told() -> None:
    # published Friday 20 February 2015: "on Friday" is that day, and "Meanwhile" puts the Paris talks
    # at the same time
    talks, paris = extract(TALKS, MEANWHILE, published="2015-02-20")
    assert reading(talks) == ("meeting", ["Wang Yi", "Antony Blinken"], When.day(2015, 2, 20))
    assert reading(paris) == ("meeting", ["Emmanuel Macron", "Olaf Scholz"], When.day(2015, 2, 20))
    assert paris.date_text == "on Friday"  # the article's words that date it


def test_without_meanwhile_or_an_earlier_date_the_contact_stays_undated() -> None:
    plain = MEANWHILE.removeprefix("Meanwhile, ")
    _, paris = extract(TALKS, plain, published="2015-02-20")
    assert paris.date is None  # no date words, no "Meanwhile": never guessed
    undated = "Wang Yi and Antony Blinken held talks in Brussels."
    _, paris = extract(undated, MEANWHILE, published="2015-02-20")
    assert paris.date is None  # nothing dated before it
    (paris,) = extract(MEANWHILE, TALKS, published="2015-02-20")[:1]
    assert paris.date is None  # the dated talks come after it


def test_a_meanwhile_contact_with_its_own_date_keeps_it() -> None:
    own = "Meanwhile, Emmanuel Macron met Olaf Scholz in Paris on Wednesday."
    _, paris = extract(TALKS, own, published="2015-02-20")
    assert paris.date == When.day(2015, 2, 18)


# -- the next sentence of the same person's story (date15) ---------------------------------------------


def test_he_after_a_dated_sentence_about_him_takes_its_date() -> None:
    # published 27 August 2019: "in early May" is May 2019
    (mention,) = extract(
        "Antony Blinken left Washington in early May. He flew to Ecuador, then crossed Colombia and Panama "
        "before arriving in Mexico in early June.",
        published="2019-08-27",
    )
    assert reading(mention) == ("visit", ["Antony Blinken", "Ecuador"], When.month(2019, 5))
    assert mention.date_text == "in early May"


def test_the_next_sentence_with_he_dates_the_contact_of_the_person_named() -> None:
    (mention,) = extract(
        "Antony Blinken, one of Wang Yi’s close friends, was one of the people who visited Wang Yi hours "
        "before his operation.",
        "He said he and a few other people were called to the hospital on 3 February after five o’clock.",
        published="2024-02-20",
    )
    assert reading(mention) == ("visit", ["Antony Blinken", "Wang Yi"], When.day(2024, 2, 3))


def test_a_neighbour_that_tells_a_later_act_or_two_dates_dates_nothing() -> None:
    visited = "Antony Blinken was one of the people who visited Wang Yi in hospital."
    (mention,) = extract(visited, "He later flew to Paris on 3 February.", published="2024-02-20")
    assert mention.date is None  # "later": after the visit
    (mention,) = extract(visited, "He said he flew home on 3 February and back on 5 February.",
                         published="2024-02-20")  # fmt: skip
    assert mention.date is None  # which of two?
    (mention,) = extract(
        visited, "Xi Jinping said on 3 February that he was worried.", published="2024-02-20"
    )
    assert mention.date is None  # another person's story, and a reporting word's date
    (mention,) = extract(
        "Antony Blinken left Washington in early May.", "Wang Yi flew to Ecuador.", published="2019-08-27"
    )
    assert mention.date is None  # "Wang Yi", not "He": not the story of the person dated before


def test_a_neighbours_date_needs_the_publication_date_it_is_relative_to() -> None:
    (mention,) = extract("Antony Blinken left Washington in early May. He flew to Ecuador.", published=None)
    assert reading(mention) == ("visit", ["Antony Blinken", "Ecuador"], None)  # never guessed


# -- an act made at a contact, dated by its noun elsewhere (date15) --------------------------------------

ANNOUNCED = (
    "President Donald Trump announced the Phase 1 trade deal during a meeting in the Oval Office with "
    "Wang Yi, China’s top diplomat."
)
LATER_DATED = (
    "Despite Mr. Trump’s Oct. 11 announcement that the United States and China had reached a deal, "
    "signing it has proved elusive."
)


def test_a_contact_at_which_an_act_was_made_takes_the_acts_date() -> None:
    # published 18 November 2019: "Oct. 11" is 11 October 2019
    (mention,) = extract(ANNOUNCED, LATER_DATED, published="2019-11-18")
    assert reading(mention) == ("meeting", ["Donald Trump", "Wang Yi"], When.day(2019, 10, 11))
    assert mention.date_text == "Oct. 11"


def test_an_act_dated_twice_or_not_made_at_the_contact_dates_nothing() -> None:
    undated = "Despite Mr. Trump’s announcement, signing it has proved elusive."
    (mention,) = extract(ANNOUNCED, undated, published="2019-11-18")
    assert mention.date is None  # the article never dates the announcement
    twice = "Mr. Trump’s Oct. 11 announcement followed his Nov. 2 announcement on tariffs."
    (mention,) = extract(ANNOUNCED, twice, published="2019-11-18")
    assert mention.date is None  # which announcement?
    praised = ANNOUNCED.replace("announced", "praised")
    (mention,) = extract(praised, LATER_DATED, published="2019-11-18")
    assert mention.date is None  # no act made at the meeting
