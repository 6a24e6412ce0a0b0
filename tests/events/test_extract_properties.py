"""Properties of the mention extractor: boilerplate does not change what is found, and past reports
are never dated after publication."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.models import Article, Mention

EXTRACTOR = MentionExtractor(Gazetteer.from_data(builtin_data()))

STORY = (
    "US President Joe Biden met Chinese President Xi Jinping in Bali on Monday.",
    "The two leaders spoke for three hours.",
    "Wang Yi told Antony Blinken that Taiwan was a red line.",
    "The pair spoke again on Tuesday.",
    "Antony Blinken spoke by phone with Wang Yi on Wednesday.",
    "Xi Jinping hosted Antony Blinken at the Great Hall of the People last week.",
    "A meeting between Joe Biden and Vladimir Putin is expected next month.",
    "Joe Biden will meet Xi Jinping in San Francisco in November.",
)
BOILERPLATE = (
    "Read more: Biden met Putin in Geneva",
    "WATCH: Blinken and Wang talk in Beijing",
    "Advertisement",
    "Related: Xi hosted Biden at Zhongnanhai",
    "Subscribe to our newsletter",
    "Please enter your comment!",
    "Copyright 2023 Reuters. Biden met Xi.",
    # Menu items and widgets as captures hold them (from the seeds): not recognised as boilerplate,
    # they become sentences, but report nothing and must not cut "the pair" from its sentence.
    "• Politics",
    "3 Min Read",
    "Most Read",
    "info_icon",
    "Getting your Trinity Audio player ready...",
    "Next In Aseanplus News",
    "China , US , Wang Yi , Blinken",
)


def comparable(mentions: list[Mention]) -> list[tuple[object, ...]]:
    """A mention without its span, which moves when blocks are inserted before it."""
    return [
        (m.kind, m.cameo, m.mode, m.participants, m.date, m.date_text, m.place, m.sentence, m.rule)
        for m in mentions
    ]


def extract(paragraphs: tuple[str, ...], published: dt.date | None) -> list[Mention]:
    when = published.isoformat() if published else None
    return EXTRACTOR.extract(
        Article(source="t", outlet="o", plugin="p", published=when, paragraphs=paragraphs)
    )


@example([(1, "China , US , Wang Yi , Blinken")], None)
@example([(1, "• Politics"), (1, "Most Read"), (4, "3 Min Read"), (4, "Next In Aseanplus News")], None)
@given(
    st.lists(st.tuples(st.integers(0, len(STORY)), st.sampled_from(BOILERPLATE)), max_size=10),
    st.one_of(st.none(), st.dates(dt.date(2021, 2, 1), dt.date(2024, 12, 31))),
)
def test_interleaved_boilerplate_changes_no_mention(
    inserts: list[tuple[int, str]], published: dt.date | None
) -> None:
    mixed = list(STORY)
    for position, line in sorted(inserts, reverse=True):
        mixed.insert(position, line)
    clean = extract(STORY, published)
    assert clean  # the story does report contacts
    assert comparable(extract(tuple(mixed), published)) == comparable(clean)


@given(st.dates(dt.date(2021, 2, 1), dt.date(2024, 12, 31)))
def test_reports_of_the_past_are_never_dated_after_publication(published: dt.date) -> None:
    for mention in extract(STORY, published):
        if mention.date is not None and mention.kind != "intent_to_meet":
            assert mention.date.date <= published
        if mention.kind == "intent_to_meet" and mention.date is not None:
            assert mention.date.value >= published.replace(day=1)


WORDS = (
    "Biden", "Xi", "Xi Jinping", "Wang", "Blinken's", "Lam's", "Gen.", "Chief of Staff", "China's", "US",
    "foreign minister", "president", "met", "talks", "visit to", "Beijing", "the pair", "spoke", "on Monday",
    "in November", "last week", "Dec. 6", "2023", "with", "between", "and", "not", "will", "said", "would",
    "the meeting", "It was the third meeting", "previous", "currently under way", "the summit",
    ",", ".", "“", "”", '"', "'s", "—", "(", ")", "at the Great Hall", "in Bali,", "Japan", "\n\n",
)  # fmt: skip


@given(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(" ".join),
    st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))),
)
def test_any_text_gives_valid_mentions_and_never_raises(text: str, published: dt.date | None) -> None:
    paragraphs = tuple(p for p in text.split("\n\n") if p.strip())
    article = Article(
        source="t",
        outlet="o",
        plugin="p",
        paragraphs=paragraphs,
        published=published.isoformat() if published else None,
    )
    for mention in EXTRACTOR.extract(article):
        assert article.text[mention.start : mention.end] == mention.sentence
        assert len(mention.participants) >= 2
        assert len({a.id for a in mention.participants}) == len(mention.participants)
        # A date always comes from words of the article, its own sentence's or those of the report
        # it refers to ("the meeting"): never from the clock or the publication date alone.
        assert mention.date is None or (mention.date_text is not None and mention.date_text in article.text)


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.mark.parametrize("named", range(7))
@pytest.mark.parametrize("published_weekday", range(7))
def test_mentions_are_dated_right_for_every_weekday_pair(named: int, published_weekday: int) -> None:
    published = dt.date(2024, 1, 1) + dt.timedelta(days=published_weekday)  # 1 January 2024 was a Monday
    (met,) = extract((f"Antony Blinken met Wang Yi on {WEEKDAYS[named]}.",), published)
    (coming,) = extract((f"Antony Blinken will meet Wang Yi next {WEEKDAYS[named]}.",), published)
    back = (published_weekday - named) % 7  # the same weekday is the publication day itself
    ahead = (named - published_weekday) % 7 or 7  # "next Monday" on a Monday is a week on
    assert met.date is not None and met.date.date == published - dt.timedelta(days=back)
    assert coming.kind == "intent_to_meet"
    assert coming.date is not None and coming.date.date == published + dt.timedelta(days=ahead)
