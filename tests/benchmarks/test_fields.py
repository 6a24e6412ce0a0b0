"""Passage recall and the metadata scores on hand-made cases; every expected number is worked out by hand
from the texts in the test."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.metric import (
    day_matches,
    passage_recall,
    passage_recall_page,
    passages,
    set_f1,
    title_exact,
    title_token_f1,
)


# -- passage recall --------------------------------------------------------------------------------------
def test_passages_are_the_lines_with_a_token() -> None:
    assert passages("First one.\n\nSecond one.\nThird one.\n\n  \n— …\n") == [
        "First one.",
        "Second one.",
        "Third one.",
    ]


def test_a_passage_is_found_or_lost_whole() -> None:
    # passage 1: abcd bcde, both predicted; passage 2: fghi ghij, none predicted -> 1 of 2
    assert passage_recall_page("a b c d e\n\nf g h i j", "a b c d e") == (1, 2)
    assert passage_recall_page("a b c d e\n\nf g h i j", "") == (0, 2)


def test_eighty_percent_of_the_shingles_is_the_line() -> None:
    # 8 tokens -> 5 shingles; the prediction lacks the last token -> 4 of 5 = 0.8: found
    assert passage_recall_page("a b c d e f g h", "a b c d e f g") == (1, 1)
    # 6 tokens -> 3 shingles; the prediction keeps abcd bcde -> 2 of 3 < 0.8: lost
    assert passage_recall_page("a b c d e f", "a b c d e x") == (0, 1)
    # 9 tokens -> 6 shingles; 5 of 6 = 0.83: found
    assert passage_recall_page("a b c d e f g h i", "a b c d e f g h") == (1, 1)


def test_a_passage_shorter_than_a_shingle_must_occur_as_a_run() -> None:
    assert passage_recall_page("Heading two", "text Heading two more text") == (1, 1)
    assert passage_recall_page("Heading two", "two Heading text") == (0, 1)


def test_passage_shingles_are_a_multiset() -> None:
    # x y z w x y z w: xyzw twice, yzwx, zwxy, wxyz -> 5; "x y z w" matches one xyzw -> 1 of 5: lost
    assert passage_recall_page("x y z w x y z w", "x y z w") == (0, 1)


def test_passage_recall_is_a_mean_over_pages_without_empty_truths() -> None:
    truths = {"1": "a b c d e\n\nf g h i j", "2": "k l m n", "3": ""}
    # page 1: 1 of 2; page 2: missing prediction, 0 of 1; page 3 has no passage and is left out
    assert passage_recall(truths, {"1": "a b c d e", "3": "x"}, ["1", "2", "3"]) == pytest.approx(0.25)


# -- titles ----------------------------------------------------------------------------------------------
def test_title_exact_ignores_whitespace_only() -> None:
    assert title_exact("Minister meets envoy", " Minister  meets\nenvoy ")
    assert not title_exact("Minister meets envoy", "minister meets envoy")
    assert not title_exact("Minister meets envoy", "Minister meets envoy | The Nation")
    assert not title_exact("Minister meets envoy", None)


def test_title_token_f1_counts_case_folded_words() -> None:
    # 5 expected tokens, 5 predicted (blinken meets xi the nation), 3 shared -> P 3/5, R 3/5
    predicted = "Blinken meets Xi | The Nation"
    assert title_token_f1("Blinken meets Xi in Beijing", predicted) == pytest.approx(0.6)
    # 3 predicted, all shared -> P 1, R 3/5 -> 2 * 0.6 / 1.6
    assert title_token_f1("Blinken meets Xi in Beijing", "BLINKEN meets xi") == pytest.approx(0.75)
    assert title_token_f1("Blinken meets Xi", None) == 0.0


# -- authors and topics ------------------------------------------------------------------------------------
def test_set_f1_compares_normalised_names() -> None:
    gold = ["Birgit Baumann", "Anna Fink"]
    # one of three predicted is right, one of two expected found -> P 1/3, R 1/2 -> F1 0.4
    assert set_f1(gold, ["birgit  baumann", "Jan Marchart", "Ed X"]) == pytest.approx(0.4)
    assert set_f1(gold, ["Anna Fink", "BIRGIT BAUMANN"]) == 1.0
    assert set_f1(gold, []) == 0.0


def test_set_f1_counts_a_repeated_name_once_and_drops_blanks() -> None:
    assert set_f1(["Politik"], ["Politik", "politik ", "  "]) == 1.0
    assert set_f1([], []) == 1.0


# -- publication day ---------------------------------------------------------------------------------------
def test_a_timestamp_is_read_in_the_golds_offset() -> None:
    utc = dt.timezone.utc
    # 03:30 UTC on the 4th is 23:30 on the 3rd at -04:00
    assert day_matches("2024-05-03T23:30:00-04:00", dt.datetime(2024, 5, 4, 3, 30, tzinfo=utc))
    assert not day_matches("2024-05-03T23:30:00-04:00", dt.datetime(2024, 5, 3, 2, 0, tzinfo=utc))


def test_a_date_without_time_or_a_gold_without_offset_compares_the_day_as_given() -> None:
    assert not day_matches("2024-05-03T23:30:00-04:00", dt.date(2024, 5, 4))
    assert day_matches("2024-05-03T23:30:00-04:00", dt.date(2024, 5, 3))
    plus2 = dt.timezone(dt.timedelta(hours=2))
    assert day_matches("2024-05-03T00:00:00", dt.datetime(2024, 5, 3, 22, 0, tzinfo=plus2))
    minus1 = dt.timezone(dt.timedelta(hours=-1))
    assert not day_matches("2024-05-03T00:00:00", dt.datetime(2024, 5, 2, 23, 0, tzinfo=minus1))
    assert not day_matches("2024-05-03T10:00:00+00:00", None)
