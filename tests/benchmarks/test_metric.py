"""The benchmark metric on hand-made cases, one per rule of its description (../shared/README.md).

Every expected number below is worked out by hand from the texts in the test."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.metric import score_page, score_pages, shingles, tokens


def test_tokens_are_unicode_word_runs() -> None:
    assert tokens("Café, naïve—東京 3.5%!") == ["Café", "naïve", "東京", "3", "5"]
    assert tokens(" ,.;— ") == []


def test_shingles_are_runs_of_four_counted_as_a_multiset() -> None:
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2


def test_text_shorter_than_a_shingle_is_one_shorter_shingle() -> None:
    assert shingles("one two three") == Counter({("one", "two", "three"): 1})
    assert shingles("alone") == Counter({("alone",): 1})


def test_empty_or_punctuation_only_text_has_no_shingle() -> None:
    assert shingles("") == Counter()
    assert shingles("... — !") == Counter()


def test_identical_bodies_score_one_and_match_exactly() -> None:
    page = score_page("The minister met the envoy.", "The minister met the envoy.")
    assert (page.precision, page.recall, page.exact) == (1.0, 1.0, True)


def test_exact_match_ignores_punctuation_and_spacing_but_not_case() -> None:
    assert score_page("Hello, world!", "Hello   world").exact
    assert not score_page("Hello world", "hello world").exact


def test_partial_overlap_counts_shared_extra_and_missed_shingles() -> None:
    # truth: abcd bcde cdef defg (4); predicted: abcd bcde cdex dexy exyz (5) -> tp 2, fp 3, fn 2.
    page = score_page("a b c d e f g", "a b c d e x y z")
    assert page.tp == pytest.approx(2 / 7)
    assert page.fp == pytest.approx(3 / 7)
    assert page.fn == pytest.approx(2 / 7)
    assert page.precision == pytest.approx(2 / 5)
    assert page.recall == pytest.approx(2 / 4)
    assert not page.exact


def test_repeated_paragraph_is_an_extra_shingle_each_time() -> None:
    # truth has "p q r s" once; predicted twice, plus the bridging shingles q r s p, r s p q, s p q r.
    page = score_page("p q r s", "p q r s p q r s")
    assert page.precision == pytest.approx(1 / 5)
    assert page.recall == 1.0


def test_short_texts_compare_as_whole_shingles() -> None:
    assert score_page("one two", "one two").precision == 1.0
    page = score_page("one two three", "one two")
    assert (page.precision, page.recall) == (0.0, 0.0)


def test_disjoint_texts_score_zero_and_count_in_both_means() -> None:
    page = score_page("a b c d", "w x y z")
    assert (page.precision, page.recall) == (0.0, 0.0)
    assert page.in_precision and page.in_recall


def test_empty_prediction_costs_recall_but_leaves_the_precision_mean() -> None:
    page = score_page("a b c d", "")
    assert (page.precision, page.recall) == (0.0, 0.0)
    assert not page.in_precision and page.in_recall
    # a perfect page and an empty answer: precision is the perfect page's alone, recall halves
    score = score_pages({"1": "a b c d e", "2": "f g h i"}, {"1": "a b c d e", "2": ""}, ["1", "2"])
    assert score.precision == 1.0
    assert score.recall == 0.5
    assert score.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert score.accuracy == 0.5


def test_two_empty_texts_agree_and_leave_both_means() -> None:
    page = score_page("", "")
    assert (page.precision, page.recall, page.exact) == (1.0, 1.0, True)
    assert not page.in_precision and not page.in_recall
    score = score_pages({"1": "", "2": "a b c d e"}, {"1": "", "2": "a b c d x"}, ["1", "2"])
    # page 2: truth abcd bcde, predicted abcd bcdx -> precision 1/2, recall 1/2; page 1 is left out.
    assert (score.precision, score.recall) == (0.5, 0.5)


def test_prediction_for_a_page_with_empty_truth_costs_precision_only() -> None:
    page = score_page("", "a b c d")
    assert (page.precision, page.recall) == (0.0, 0.0)
    assert page.in_precision and not page.in_recall


def test_every_page_weighs_the_same_whatever_its_length() -> None:
    long_truth = " ".join(f"w{i}" for i in range(1000))
    truths = {"long": long_truth, "short": "a b c d e f g"}
    predictions = {"long": long_truth, "short": "a b c d e x y z"}  # short page: P 2/5, R 1/2
    score = score_pages(truths, predictions, ["long", "short"])
    assert score.precision == pytest.approx((1 + 2 / 5) / 2)
    assert score.recall == pytest.approx((1 + 1 / 2) / 2)
    precision, recall = (1 + 2 / 5) / 2, (1 + 1 / 2) / 2
    assert score.f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_missing_prediction_is_an_empty_one() -> None:
    score = score_pages({"1": "a b c d", "2": "e f g h"}, {"1": "a b c d"}, ["1", "2"])
    assert (score.precision, score.recall, score.accuracy) == (1.0, 0.5, 0.5)


def test_only_the_requested_pages_are_scored() -> None:
    truths = {"1": "a b c d", "2": "e f g h"}
    score = score_pages(truths, {"1": "a b c d", "2": "nothing alike here"}, ["1"])
    assert (score.pages, score.f1) == (1, 1.0)


def test_soft_hyphens_and_zero_width_characters_are_no_word_break_on_either_side() -> None:
    # a page's "Helikopter&shy;landeplatz" kept in the expected body, removed by the extractor
    truth = "Trump plant Helikopter\u00adlandeplatz vor dem Weissen Haus"
    assert tokens(truth) == ["Trump", "plant", "Helikopterlandeplatz", "vor", "dem", "Weissen", "Haus"]
    assert score_page(truth, "Trump plant Helikopterlandeplatz vor dem Weissen\u200b Haus").exact


def test_decomposed_and_composed_accents_compare_equal() -> None:
    truth = "Kate Moss posiert fu\u0308r die Vogue in einem Cafe\u0301"  # a page typed decomposed
    page = score_page(truth, "Kate Moss posiert für die Vogue in einem Café")
    assert (page.precision, page.recall, page.exact) == (1.0, 1.0, True)
