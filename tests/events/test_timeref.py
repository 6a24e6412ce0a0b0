"""Date phrases resolved against an anchor day; expected values worked out by hand on a calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse.mentions.timeref import RULES, DateRule, document_anchor, find_dates, resolve
from newsparse.models import Precision, When

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Thursday 7 December 2023
PUBLISHED = dt.date(2023, 12, 7)


def one(text: str, anchor: dt.date | None = PUBLISHED, **options: bool) -> When | None:
    phrases = find_dates(text)
    assert len(phrases) == 1, phrases
    return resolve(phrases[0], anchor, **options)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on Monday.", When.day(2023, 12, 4)),
        ("They met on Thursday.", When.day(2023, 12, 7)),  # the publication's own weekday: that day
        ("They met on Friday.", When.day(2023, 12, 1)),  # looks back
        ("They will meet next Monday.", When.day(2023, 12, 11)),
        ("They will meet next Thursday.", When.day(2023, 12, 14)),
        ("They met last Thursday.", When.day(2023, 11, 30)),
        ("They met on Wednesday (Dec 6).", When.day(2023, 12, 6)),
        ("They met in November.", When.month(2023, 11)),
        ("They met in December.", When.month(2023, 12)),
        ("They met in 2021.", When.year(2021)),
        ("They met last year.", When.year(2022)),
        ("They met last month.", When.month(2023, 11)),
        ("They spoke earlier in the day.", When.day(2023, 12, 7)),
        ("They spoke yesterday.", When.day(2023, 12, 6)),
        ("They met on June 19, 2023.", When.day(2023, 6, 19)),
        ("They met on 14 November 2023.", When.day(2023, 11, 14)),
        ("They met in November 2022.", When.month(2022, 11)),
        ("They met on Nov. 15.", When.day(2023, 11, 15)),
        ("They met on Dec. 20.", When.day(2022, 12, 20)),  # latest 20 December not after the anchor
    ],
)
def test_phrases_resolve_against_the_publication_day(text: str, expected: When) -> None:
    assert one(text) == expected


def test_last_week_is_a_month_only_when_the_whole_week_is_in_it() -> None:
    # The week before Thursday 7 Dec 2023 is 27 Nov - 3 Dec: two months, so unknown.
    assert one("They met last week.") is None
    # Week before Thursday 14 Dec 2023 is 4-10 Dec.
    assert one("They met last week.", dt.date(2023, 12, 14)) == When.month(2023, 12)


def test_an_occasion_under_way_is_the_month_of_the_week_up_to_the_anchor() -> None:
    # Thursday 16 Nov 2023: the week up to it (10-16 Nov) lies in November.
    summit = "They met at the summit currently under way in San Francisco."
    assert one(summit, dt.date(2023, 11, 16)) == When.month(2023, 11)
    # Friday 3 Nov 2023: the summit may have opened in late October, so the month is unknown.
    assert one(summit, dt.date(2023, 11, 3)) is None
    assert one("They met at the talks now being held in Geneva.", dt.date(2023, 11, 16)) == When.month(
        2023, 11
    )
    # Without "currently", "now" or "still" the words date nothing: preparations are for what is to come.
    assert find_dates("Preparations are under way for a summit in San Francisco.") == []


def test_without_an_anchor_relative_phrases_stay_unknown_but_keep_their_words() -> None:
    phrase = find_dates("The two leaders met on Monday in Beijing.")[0]
    assert phrase.text == "on Monday"
    assert resolve(phrase, None) is None
    assert one("They met on June 19, 2023.", None) == When.day(2023, 6, 19)


def test_a_weekday_that_contradicts_its_date_is_not_resolved() -> None:
    assert one("They met on Tuesday, June 19, 2023.") is None  # 19 June 2023 was a Monday
    assert one("They met on Monday, June 19, 2023.") == When.day(2023, 6, 19)


def test_precision_is_kept() -> None:
    assert one("They met in November.").precision is Precision.MONTH  # type: ignore[union-attr]
    assert one("They met last year.").precision is Precision.YEAR  # type: ignore[union-attr]


def test_intent_looks_forward() -> None:
    assert one("They will meet on Monday.", forward=True) == When.day(2023, 12, 11)
    assert one("They will meet in January.", forward=True) == When.month(2024, 1)


def test_document_anchor_is_the_first_full_date_the_document_states() -> None:
    texts = ["Blinken meets Xi in Beijing on Monday.", "Photo taken June 19, 2023. Later, on July 2, 2023."]
    assert document_anchor(texts) == dt.date(2023, 6, 19)
    assert document_anchor(["On Wednesday (Dec 6) they spoke.", "Posted 2023-12-07"]) == dt.date(2023, 12, 7)
    assert document_anchor(["No dates here at all."]) is None


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.sampled_from(range(7)),
)
def test_every_weekday_pair_looks_back_within_the_week(published: dt.date, named: int) -> None:
    when = one(f"They met on {WEEKDAYS[named]}.", published)
    assert when is not None and when.precision is Precision.DAY
    assert when.value.weekday() == named
    assert 0 <= (published - when.value).days <= 6
    assert (when.value == published) == (published.weekday() == named)


@pytest.mark.parametrize("named", range(7))
@pytest.mark.parametrize("published_weekday", range(7))
def test_all_49_weekday_pairs(named: int, published_weekday: int) -> None:
    published = dt.date(2024, 1, 1) + dt.timedelta(days=published_weekday)  # 1 Jan 2024 was a Monday
    back = one(f"They met on {WEEKDAYS[named]}.", published)
    ahead = one(f"They meet next {WEEKDAYS[named]}.", published)
    expected_back = (published_weekday - named) % 7
    expected_ahead = (named - published_weekday) % 7 or 7
    assert back == When(published - dt.timedelta(days=expected_back), Precision.DAY)
    assert ahead == When(published + dt.timedelta(days=expected_ahead), Precision.DAY)


RELATIVE_PAST = [
    "on Monday",
    "on Sunday",
    "last Friday",
    "in March",
    "last year",
    "last month",
    "yesterday",
    "earlier in the day",
    "on Nov. 15",
    "earlier this month",
    "last week",
    "at the summit currently under way",
]


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)), st.sampled_from(RELATIVE_PAST)
)
def test_past_phrases_never_resolve_after_publication(published: dt.date, phrase: str) -> None:
    when = one(f"They met {phrase}.", published)
    if when is not None:
        assert when.value <= published


def test_a_month_against_a_document_date_takes_the_nearest_one() -> None:
    # A file photo of 26 Oct 2023 anchors "in November": November 2023, not 2022.
    assert one("They met in November.", dt.date(2023, 10, 26), nearest=True) == When.month(2023, 11)
    assert one("They met in November.", dt.date(2023, 10, 26)) == When.month(2022, 11)


def test_day_before_month_without_a_year() -> None:
    assert one("They met on 14 November.") == When.day(2023, 11, 14)
    assert one("They met on 20 December.") == When.day(2022, 12, 20)  # not after publication (7 Dec 2023)


# One phrase per date rule, resolved against Wednesday 21 June 2023: adding a rule without a row here fails.
_ONE_PER_RULE = {
    "full_mdy": ("Monday, June 19, 2023", When.day(2023, 6, 19)),
    "full_dmy": ("19 June 2023", When.day(2023, 6, 19)),
    "iso": ("2023-06-19", When.day(2023, 6, 19)),
    "weekday_month_day": ("Monday (June 19)", When.day(2023, 6, 19)),
    "month_day": ("June 19", When.day(2023, 6, 19)),
    "day_month": ("19 June", When.day(2023, 6, 19)),
    "month_year": ("November 2022", When.month(2022, 11)),
    "year": ("in 2021", When.year(2021)),
    "relative_month": ("in November", When.month(2022, 11)),
    "month_alone": ("September", When.month(2022, 9)),
    "weekday": ("on Monday", When.day(2023, 6, 19)),
    "relative": ("last month", When.month(2023, 5)),
    "under_way": ("currently under way", When.month(2023, 6)),
}


def test_every_date_rule_is_one_row_with_its_pattern_and_resolver() -> None:
    assert [rule.name for rule in RULES] == list(_ONE_PER_RULE)
    for rule in RULES:
        text, expected = _ONE_PER_RULE[rule.name]
        (phrase,) = find_dates(text)
        assert phrase.rule == rule.name and phrase.text == text
        assert resolve(phrase, dt.date(2023, 6, 21)) == expected, rule.name
        # only the rules whose words carry their year resolve without an anchor
        assert (resolve(phrase, None) is not None) == (rule.absolute is not None), rule.name


def test_a_date_rule_needs_exactly_one_resolver() -> None:
    with pytest.raises(ValueError, match="exactly one resolver"):
        DateRule("broken", RULES[0].pattern)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mongu left his native Cameroon in early May.", When.month(2023, 5)),
        ("They arrived in mid-May.", When.month(2023, 5)),
        ("The talks broke down in late June.", When.month(2023, 6)),
        ("By early October the two sides had met twice.", When.month(2023, 10)),
    ],
)
def test_early_mid_and_late_month_are_the_month(text: str, expected: When) -> None:
    # published 7 December 2023: the month looks back
    assert one(text) == expected


def test_may_the_verb_and_a_loose_early_are_no_date() -> None:
    assert find_dates("Ministers may meet early to settle it.") == []
    assert find_dates("He arrived early. May Smith met him.") == []
