"""The mention extractor on hand-written sentences: every kind, trap, intent and date rule.

Expected values are worked out by reading each sentence (and a calendar for the dates).
"""

from __future__ import annotations

import pytest

from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.models import Article, Image, Mention, Place, When


@pytest.fixture(scope="module")
def extractor() -> MentionExtractor:
    return MentionExtractor(Gazetteer.from_data(builtin_data()))


def article(*paragraphs: str, published: str | None = None, caption: str | None = None) -> Article:
    return Article(
        source="test",
        outlet="generic",
        plugin="test",
        published=published,
        paragraphs=paragraphs,
        images=(Image(caption=caption),) if caption else (),
    )


def names(mention: Mention) -> set[str]:
    return {a.name for a in mention.participants}


def only(extractor: MentionExtractor, *paragraphs: str, **options: str) -> Mention:
    found = extractor.extract(article(*paragraphs, **options))
    assert len(found) == 1, found
    return found[0]


def test_meeting_with_date_place_and_third_location(extractor: MentionExtractor) -> None:
    # Published Wednesday 16 Nov 2022: "on Monday" is the 14th; Bali is in neither leader's country.
    m = only(
        extractor,
        "US President Joe Biden met Chinese President Xi Jinping in Bali on Monday.",
        published="2022-11-16",
    )
    assert (m.kind, m.cameo, m.mode) == ("meeting", "044", "in_person")
    assert names(m) == {"Joe Biden", "Xi Jinping"}
    assert {a.id for a in m.participants} == {"Q6279", "Q15031"}
    assert m.date == When.day(2022, 11, 14) and m.date_text == "on Monday"
    assert m.place == Place("Bali", "IDN", level="city")
    assert m.rule == "mentions:meeting/participants:in_clause"


def test_phone_call(extractor: MentionExtractor) -> None:
    m = only(extractor, "Antony Blinken spoke by phone with Wang Yi on Wednesday.", published="2023-12-07")
    assert (m.kind, m.cameo, m.mode) == ("call", "041", "phone")
    assert names(m) == {"Antony Blinken", "Wang Yi"}
    assert m.date == When.day(2023, 12, 6)


def test_video_call(extractor: MentionExtractor) -> None:
    m = only(
        extractor, "Charles Q. Brown held a video call with Liu Zhenli on Thursday.", published="2023-12-22"
    )
    assert (m.kind, m.mode) == ("video_call", "video")
    assert names(m) == {"Charles Q. Brown", "Liu Zhenli"}
    assert m.date == When.day(2023, 12, 21)


def test_visit_names_the_visitor_and_the_country(extractor: MentionExtractor) -> None:
    # Published Wednesday 21 June 2023: last week ran 12-18 June, all in June.
    m = only(extractor, "Antony Blinken visited China last week.", published="2023-06-21")
    assert (m.kind, m.cameo) == ("visit", "042")
    assert [a.name for a in m.participants] == ["Antony Blinken", "China"]
    assert m.date == When.month(2023, 6)


def test_hosting(extractor: MentionExtractor) -> None:
    m = only(
        extractor,
        "Xi Jinping hosted Antony Blinken at the Great Hall of the People on Monday.",
        published="2023-06-19",
    )
    assert (m.kind, m.cameo) == ("visit", "043")
    assert m.place == Place("Great Hall of the People", "CHN", within=("Beijing",), level="venue")
    assert m.date == When.day(2023, 6, 19)  # the publication's own weekday is that day


def test_negotiation(extractor: MentionExtractor) -> None:
    m = only(extractor, "Wang Yi and Sergey Lavrov held negotiations in Geneva.")
    assert (m.kind, m.cameo) == ("meeting", "046")
    assert m.place == Place("Geneva", "CHE", level="city")
    assert m.date is None  # no date words, no guess


@pytest.mark.parametrize(
    "text",
    [
        "Beijing denied that Wang Yi met Antony Blinken.",
        "A meeting between Joe Biden and Xi Jinping was unconfirmed.",
        "A meeting between Joe Biden and Xi Jinping remains unconfirmed.",
        "Joe Biden hopes to meet Xi Jinping next month.",
        "A meeting between Joe Biden and Xi Jinping is expected in November.",
        "Joe Biden and Xi Jinping did not meet.",
        "Joe Biden and Xi Jinping will continue to hold regular talks.",
        "Joe Biden could meet Xi Jinping in Bali.",
        '"I met Wang Yi yesterday and we talked," he said.',  # speech of a speaker the sentence does not name
        "Antony Blinken arrives for a meeting in Beijing.",
        "At the United Nations Climate Action Summit, Joe Biden pledged more aid.",  # a named occasion
        "The two sides were unable to reschedule a meeting between Donald Trump and Xi Jinping.",
        "He held trade talks with partners including Japan, Canada and Mexico.",  # countries listed, no pair
    ],
)
def test_traps_give_no_mention(extractor: MentionExtractor, text: str) -> None:
    assert extractor.extract(article(text, published="2023-11-08")) == []


def test_announced_intent_is_its_own_kind_and_looks_forward(extractor: MentionExtractor) -> None:
    # Published Wednesday 8 Nov 2023; next week is 13-19 November.
    m = only(
        extractor,
        "The White House said Joe Biden will meet Xi Jinping in San Francisco next week.",
        published="2023-11-08",
    )
    assert (m.kind, m.cameo, m.mode) == ("intent_to_meet", "036", None)
    assert m.date == When.month(2023, 11)
    assert m.place == Place("San Francisco", "USA", within=("California",), level="city")


def test_an_intent_to_visit(extractor: MentionExtractor) -> None:
    m = only(extractor, "Antony Blinken plans to visit Beijing in January.", published="2023-11-08")
    assert m.kind == "intent_to_meet"
    assert [a.name for a in m.participants] == ["Antony Blinken", "China"]
    assert m.date == When.month(2024, 1)


@pytest.mark.parametrize(("day", "minister"), [("2023-06-18", "Qin Gang"), ("2023-12-06", "Wang Yi")])
def test_offices_resolve_to_their_holder_on_the_event_day(
    extractor: MentionExtractor, day: str, minister: str
) -> None:
    m = only(extractor, "China's foreign minister met the US secretary of state on Monday.", published=day)
    assert names(m) == {minister, "Antony Blinken"}


def test_an_office_without_a_date_is_not_guessed(extractor: MentionExtractor) -> None:
    assert extractor.extract(article("China's foreign minister met the US secretary of state.")) == []


def test_without_publication_a_caption_date_anchors_the_body(extractor: MentionExtractor) -> None:
    found = extractor.extract(
        article(
            "Antony Blinken met Xi Jinping on Monday.", caption="Antony Blinken in Beijing on June 19, 2023."
        )
    )
    assert [(m.kind, m.date) for m in found] == [("meeting", When.day(2023, 6, 19))]


def test_an_unresolvable_date_keeps_its_words(extractor: MentionExtractor) -> None:
    m = only(extractor, "Antony Blinken met Xi Jinping on Monday.")
    assert m.date is None and m.date_text == "on Monday"


def test_a_person_introduced_by_an_unknown_office(extractor: MentionExtractor) -> None:
    m = only(extractor, "Turkish Chief of General Staff Gen. Metin Gurak met Charles Q. Brown in Ankara.")
    assert {a.id for a in m.participants} == {"person:metin-gurak", "person:charles-q-brown"}
    assert m.place == Place("Ankara", "TUR", level="city")


def test_the_pair_names_the_people_of_the_sentence_before(extractor: MentionExtractor) -> None:
    m = only(
        extractor,
        "Wang Yi told Antony Blinken that Taiwan was a red line.",
        "The pair spoke for three hours on Monday at the Diaoyutai State Guesthouse.",
        published="2023-06-19",
    )
    assert names(m) == {"Wang Yi", "Antony Blinken"}
    assert m.place == Place("Diaoyutai State Guesthouse", "CHN", within=("Beijing",), level="venue")
    assert m.date == When.day(2023, 6, 19)


def test_an_unspecified_talk_takes_the_kind_of_the_same_pair(extractor: MentionExtractor) -> None:
    found = extractor.extract(
        article(
            "Antony Blinken and Wang Yi held a phone call on Wednesday.",
            "Blinken also discussed the Middle East with Wang.",
            published="2023-12-07",
        )
    )
    assert [(m.kind, m.date) for m in found] == [("call", When.day(2023, 12, 6))] * 2


def test_short_names_count_only_after_the_full_name(extractor: MentionExtractor) -> None:
    assert extractor.extract(article("Brown met Liu on Monday.", published="2023-12-22")) == []


def test_spans_and_provenance(extractor: MentionExtractor) -> None:
    a = Article(
        source="s.txt",
        outlet="x",
        plugin="p",
        title="Blinken Meets Xi",
        paragraphs=("Read more: Biden met Xi in Bali", "Antony Blinken met Xi Jinping in Beijing."),
    )
    found = extractor.extract(a)
    # the headline is not read for reports, the "Read more" line is boilerplate
    assert [m.sentence for m in found] == ["Antony Blinken met Xi Jinping in Beijing."]
    for m in found:
        assert a.text[m.start : m.end] == m.sentence
        assert (m.source, m.outlet) == ("s.txt", "x")


def test_an_office_before_a_known_name_describes_the_person_across_the_article(
    extractor: MentionExtractor,
) -> None:
    found = extractor.extract(
        article(
            "US President Joe Biden met Chinese leader Xi Jinping in Bali.", "Biden and Xi met again in Lima."
        )
    )
    assert len(found) == 2
    for m in found:
        assert {(a.name, a.office) for a in m.participants} == {
            ("Joe Biden", "President"),
            ("Xi Jinping", "President"),
        }


def test_talks_between_two_countries(extractor: MentionExtractor) -> None:
    m = only(extractor, "Talks between Washington and Beijing resumed in Geneva.")
    assert [a.id for a in m.participants] == ["Q30", "Q148"]
    assert (m.kind, m.place) == ("meeting", Place("Geneva", "CHE", level="city"))
    assert m.cameo == "044"  # neither country's soil


class _MorePeople:
    """A plugin that teaches the gazetteer a person and her office."""

    @staticmethod
    def newsparse_gazetteer() -> dict[str, object]:
        return {
            "countries": [
                {"id": "Q664", "iso3": "NZL", "name": "New Zealand", "adjectives": ["New Zealand"]}
            ],
            "people": [
                {
                    "id": "Q22006",
                    "name": "Jacinda Ardern",
                    "aliases": ["Jacinda Ardern"],
                    "short": ["Ardern"],
                    "country": "NZL",
                }
            ],
            "offices": [
                {
                    "country": "NZL",
                    "office": "Prime Minister",
                    "aliases": ["prime minister"],
                    "terms": [{"holder": "Q22006", "from": "2017-10-26", "to": "2023-01-25"}],
                }
            ],
        }


def test_gazetteer_plugins_extend_the_builtin_data() -> None:
    from newsparse.plugins.builtin import mentions
    from newsparse.plugins.hookspecs import hookimpl
    from newsparse.plugins.host import PluginHost

    hookimpl(_MorePeople.newsparse_gazetteer)
    host = PluginHost(entry_points=False, plugins=[("mentions", mentions), ("more", _MorePeople())])
    extractor, failures = MentionExtractor.from_plugins(host)
    assert failures == []
    m = only(
        extractor, "New Zealand's prime minister met Xi Jinping in Bangkok on Friday.", published="2022-11-20"
    )
    assert [(a.id, a.office) for a in m.participants] == [("Q22006", "Prime Minister"), ("Q15031", None)]
    assert m.date == When.day(2022, 11, 18)


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        ("Joe Biden and Xi Jinping met virtually on Monday.", "video_call", "video"),
        ("Joe Biden talked with Xi Jinping in person on Monday.", "meeting", "in_person"),
        ("Antony Blinken and Wang Yi talked over the phone on Monday.", "call", "phone"),
    ],
)
def test_words_of_the_mode_set_the_kind(extractor: MentionExtractor, text: str, kind: str, mode: str) -> None:
    m = only(extractor, text, published="2021-11-17")
    assert (m.kind, m.mode, m.date) == (kind, mode, When.day(2021, 11, 15))


def test_an_agreement_to_meet_is_an_intent(extractor: MentionExtractor) -> None:
    m = only(extractor, "Joe Biden and Xi Jinping agreed to meet in Bali next month.", published="2022-10-12")
    assert (m.kind, m.cameo, m.date, m.place) == (
        "intent_to_meet",
        "036",
        When.month(2022, 11),
        Place("Bali", "IDN", level="city"),
    )


def test_spellings_of_one_person_share_one_id(extractor: MentionExtractor) -> None:
    found = extractor.extract(
        article(
            "Volodymyr Zelenskiy met Emmanuel Macron in Paris.",
            "Ukraine's president spoke by phone with the French president on Monday.",
            published="2023-03-15",
        )
    )
    assert [({a.id for a in m.participants}, m.kind) for m in found] == [
        ({"Q3874799", "Q3052772"}, "meeting"),
        ({"Q3874799", "Q3052772"}, "call"),
    ]
    assert found[0].place == Place("Paris", "FRA", level="city") and found[1].date == When.day(2023, 3, 13)


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        ("Xi Jinping received a phone call from Joe Biden on Monday.", "call", "041"),
        ("Antony Blinken travels to Beijing on Sunday.", "visit", "042"),
        ("Antony Blinken arrived in Beijing on Sunday.", "visit", "042"),
        ("Antony Blinken will travel to Beijing next week.", "intent_to_meet", "036"),
    ],
)
def test_more_ways_of_saying_it(extractor: MentionExtractor, text: str, kind: str, cameo: str) -> None:
    found = extractor.extract(article(text, published="2023-06-19"))
    assert [(m.kind, m.cameo) for m in found] == [(kind, cameo)]


def test_an_announced_would_is_an_intent_and_a_bare_would_a_hope(extractor: MentionExtractor) -> None:
    m = only(
        extractor,
        "The White House said Joe Biden would meet Xi Jinping in San Francisco.",
        published="2023-11-08",
    )
    assert (m.kind, m.cameo) == ("intent_to_meet", "036")
    assert (
        extractor.extract(article("Joe Biden would meet Xi Jinping if invited.", published="2023-11-08"))
        == []
    )


def test_an_office_the_gazetteer_lacks_gives_the_actor_that_office_and_country(
    extractor: MentionExtractor,
) -> None:
    m = only(extractor, "China's Chief of the Joint Staff Gen. Zhang Wei met Charles Q. Brown on Monday.")
    zhang = next(a for a in m.participants if a.id == "person:zhang-wei")
    assert (zhang.name, zhang.country, zhang.office) == ("Zhang Wei", "CHN", "Chief of the Joint Staff")


def test_a_possessive_call(extractor: MentionExtractor) -> None:
    m = only(
        extractor,
        "He heard President Donald Trump's July 25 call with Ukrainian President Volodymyr Zelensky.",
        published="2019-11-20",
    )
    assert (m.kind, m.cameo, m.date) == ("call", "041", When.day(2019, 7, 25))
    assert {a.id for a in m.participants} == {"Q22686", "Q3874799"}
    assert extractor.extract(article("Joe Biden's call for calm was heard by Xi Jinping.")) == []


def test_the_possessive_in_a_call_is_its_subject(extractor: MentionExtractor) -> None:
    m = only(
        extractor,
        "Antony Blinken said an officer described Donald Trump's call with Volodymyr Zelensky.",
    )
    assert {a.name for a in m.participants} == {"Donald Trump", "Volodymyr Zelensky"}


def test_the_meeting_of_the_story_takes_the_date_of_the_recent_report(extractor: MentionExtractor) -> None:
    # Published Thursday 16 Nov 2023: "on Wednesday" is the 15th. "the meeting" and "It was the seventh
    # meeting" are that one; the first meeting, in November 2022, is history and lends no date.
    found = extractor.extract(
        article(
            "Joe Biden praised the meeting with Xi Jinping as constructive.",
            "Biden and Xi met on Wednesday in San Francisco.",
            "The two presidents first met in November 2022 in Bali.",
            "It was the seventh meeting between Biden and Xi.",
            published="2023-11-16",
        )
    )
    assert [(m.sentence[:20], m.date) for m in found] == [
        ("Joe Biden praised th", When.day(2023, 11, 15)),
        ("Biden and Xi met on ", When.day(2023, 11, 15)),
        ("The two presidents f", When.month(2022, 11)),
        ("It was the seventh m", When.day(2023, 11, 15)),
    ]
    assert found[0].date_text == "on Wednesday"  # the words that gave the date, in the report it refers to
    assert found[0].place is None  # where is said by the other report, not by this one


@pytest.mark.parametrize(
    ("story", "why"),
    [
        (
            (
                "Joe Biden met Xi Jinping on Monday.",
                "Biden met Xi again on Wednesday.",
                "Biden praised the meeting with Xi.",
            ),
            "two recent meetings: which one is meant is not said",
        ),
        (
            ("Joe Biden met Xi Jinping on Wednesday.", "Biden recalled the previous meeting with Xi."),
            "the previous meeting is another one",
        ),
        (
            ("Joe Biden met Xi Jinping in November 2022.", "Biden praised the meeting with Xi."),
            "the only dated meeting is a year old: not the news of the story",
        ),
        (
            ("Joe Biden met Xi Jinping last year.", "Biden praised the meeting with Xi."),
            "a year-precise date cannot tell whether it was last week",
        ),
    ],
)
def test_a_definite_report_stays_undated_without_exactly_one_recent_date(
    extractor: MentionExtractor, story: tuple[str, ...], why: str
) -> None:
    found = extractor.extract(article(*story, published="2023-11-16"))
    definite = [m for m in found if m.sentence == story[-1]]
    assert len(definite) == 1, found
    assert definite[0].date is None, why


def test_without_an_anchor_a_definite_report_is_not_dated_from_the_story(extractor: MentionExtractor) -> None:
    found = extractor.extract(
        article("Joe Biden praised the meeting with Xi Jinping.", "Biden met Xi in November 2023.")
    )
    assert [m.date for m in found] == [None, When.month(2023, 11)]


def test_a_definite_report_keeps_its_own_date_words_even_unresolved(extractor: MentionExtractor) -> None:
    # Thursday 7 Dec 2023: "on Tuesday" is the 5th; "last week" (27 Nov - 3 Dec) spans two months and
    # stays unresolved, but those are the report's own words: the other report's date does not replace them.
    found = extractor.extract(
        article(
            "Joe Biden met Xi Jinping on Tuesday.",
            "Biden praised the meeting with Xi last week.",
            published="2023-12-07",
        )
    )
    assert [(m.date, m.date_text) for m in found] == [
        (When.day(2023, 12, 5), "on Tuesday"),
        (None, "last week"),
    ]
