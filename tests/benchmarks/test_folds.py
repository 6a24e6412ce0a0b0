"""Publisher folds: the split, the spread and publisher-level cross-validation, on hand-made pages."""

from __future__ import annotations

import pytest

from benchmarks.folds import (
    assign_folds,
    cross_validate,
    fold_ids,
    fold_of,
    fold_scores,
    site_of,
    spread,
)

# sha256("xi") % 5 == 0, "eta" 1, "delta" 2, "alpha" 3, "beta" 4 (worked out once with hashlib)
ONE_EACH = {"p0": "xi", "p1": "eta", "p2": "delta", "p3": "alpha", "p4": "beta"}


def test_fold_is_the_publishers_hash_modulo_k() -> None:
    assert [fold_of(name) for name in ("xi", "eta", "delta", "alpha", "beta")] == [0, 1, 2, 3, 4]
    assert fold_of("alpha", k=2) == 0


def test_a_publishers_pages_share_a_fold_whatever_else_is_there() -> None:
    pages = {"a1": "alpha", "a2": "alpha", "b1": "beta"}
    folds = assign_folds(pages)
    assert folds == {"a1": 3, "a2": 3, "b1": 4}
    assert assign_folds({"a2": "alpha"}) == {"a2": 3}  # other publishers do not move it
    assert fold_ids(pages) == [[], [], [], ["a1", "a2"], ["b1"]]
    with pytest.raises(ValueError):
        assign_folds(pages, k=1)


def test_site_of_a_url_is_its_host_without_www() -> None:
    assert site_of("https://www.Example.org/news/1") == "example.org"
    assert site_of("http://blog.example.org:8080/x") == "blog.example.org"


def test_spread_of_fold_values() -> None:
    # mean 0.9; deviations 0, -0.1, 0.1 -> sample variance 0.02 / 2 -> stdev 0.1
    assert spread([0.9, 0.8, 1.0]) == pytest.approx({"min": 0.8, "max": 1.0, "mean": 0.9, "stdev": 0.1})
    assert spread([0.5])["stdev"] == 0.0


def test_fold_scores_skip_empty_folds() -> None:
    pages = {"a1": "alpha", "a2": "alpha", "b1": "beta"}
    result = fold_scores(pages, lambda ids: float(len(ids)))
    assert result["folds"] == [2.0, 1.0] and result["pages"] == [2, 1]
    assert (result["min"], result["max"]) == (1.0, 2.0)


def test_cross_validation_chooses_on_the_other_folds_only() -> None:
    # each page prefers one value; a value's score is the share of pages preferring it
    prefers = {"p0": 1, "p1": 1, "p2": 1, "p3": 2, "p4": 2}
    seen: list[tuple[int, list[str]]] = []

    def evaluate(value: int, ids: list[str]) -> float:
        seen.append((value, ids))
        return sum(prefers[i] == value for i in ids) / len(ids)

    choices = cross_validate(ONE_EACH, [1, 2], evaluate)
    # folds 0-2: the others hold two 1s and two 2s -> a tie, the first value (1) is kept: held page 1.0
    # folds 3-4: the others hold three 1s and one 2 -> 1, which the held page does not prefer: 0.0
    assert [c.fold for c in choices] == [0, 1, 2, 3, 4]
    assert [c.value for c in choices] == [1, 1, 1, 1, 1]
    assert [c.train_score for c in choices] == [0.5, 0.5, 0.5, 0.75, 0.75]
    assert [c.held_score for c in choices] == [1.0, 1.0, 1.0, 0.0, 0.0]
    assert all(c.held_pages == 1 for c in choices)
    # training sets never include the held page: 2 values x 4 pages, then the held page alone
    assert seen[:3] == [(1, ["p1", "p2", "p3", "p4"]), (2, ["p1", "p2", "p3", "p4"]), (1, ["p0"])]


def test_cross_validation_prefers_the_value_that_generalises() -> None:
    # value 2 is better on every fold but one: it is chosen wherever the training set has a majority for it
    prefers = {"p0": 2, "p1": 2, "p2": 2, "p3": 2, "p4": 1}
    choices = cross_validate(ONE_EACH, [1, 2], lambda v, ids: sum(prefers[i] == v for i in ids) / len(ids))
    assert [c.value for c in choices] == [2, 2, 2, 2, 2]
    assert [c.held_score for c in choices] == [1.0, 1.0, 1.0, 1.0, 0.0]
    with pytest.raises(ValueError):
        cross_validate(ONE_EACH, [], lambda v, ids: 0.0)
