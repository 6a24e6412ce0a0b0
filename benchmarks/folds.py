"""Publisher folds: cross-validation by site, so that a tuned constant is judged on sites it never saw.

Pages of one publisher (or one site) look alike: a constant tuned on some of a publisher's pages and
checked on its others is checked on the pages it was tuned on. Here every page goes to the fold of its
publisher, ``int(sha256(publisher)) % k`` -- deterministic, independent of the page order and of which
other publishers are present, so a page never changes fold when the corpus grows.

- :func:`assign_folds` and :func:`fold_ids`: the split;
- :func:`fold_scores` and :func:`spread`: a metric on each fold and how much it varies;
- :func:`cross_validate`: for each fold, the grid value that scores best on the other folds, and its
  score on the held fold -- the honest estimate of what tuning that constant buys.

Publisher keys: news-metadata's ``publisher`` field; for the article-extraction benchmark, whose pages
come from as many sites, the host of the page's url (:func:`site_of`).
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit

import attrs

__all__ = [
    "FOLDS",
    "FoldChoice",
    "assign_folds",
    "cross_validate",
    "fold_ids",
    "fold_of",
    "fold_scores",
    "site_of",
    "spread",
]

FOLDS = 5
Value = TypeVar("Value")


def fold_of(publisher: str, k: int = FOLDS) -> int:
    """The fold of a publisher: its name's SHA-256, read as an integer, modulo ``k``."""
    return int(hashlib.sha256(publisher.encode("utf-8")).hexdigest(), 16) % k


def site_of(url: str) -> str:
    """The site of a url, as a publisher key: its host, lower-cased, without a leading ``www.``."""
    host = (urlsplit(url).hostname or url).lower()
    return host.removeprefix("www.")


def assign_folds(publishers: Mapping[str, str], k: int = FOLDS) -> dict[str, int]:
    """Page id -> fold, from page id -> publisher: all pages of a publisher share a fold."""
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    return {page: fold_of(publisher, k) for page, publisher in publishers.items()}


def fold_ids(publishers: Mapping[str, str], k: int = FOLDS) -> list[list[str]]:
    """The page ids of each fold (sorted), fold 0 first; a fold may be empty on a small corpus."""
    folds: list[list[str]] = [[] for _ in range(k)]
    for page, fold in assign_folds(publishers, k).items():
        folds[fold].append(page)
    return [sorted(ids) for ids in folds]


def spread(values: Sequence[float]) -> dict[str, float]:
    """min, max, mean and (sample) stdev of per-fold values; stdev 0 for fewer than two values."""
    if not values:
        raise ValueError("no values")
    return {
        "min": min(values),
        "max": max(values),
        "mean": statistics.fmean(values),
        "stdev": statistics.stdev(values) if len(values) > 1 else 0.0,
    }


def fold_scores(
    publishers: Mapping[str, str], metric: Callable[[list[str]], float], k: int = FOLDS
) -> dict[str, Any]:
    """``metric(ids)`` on each non-empty fold: the values (fold order), the pages per fold, the spread."""
    folds = [ids for ids in fold_ids(publishers, k) if ids]
    values = [metric(ids) for ids in folds]
    return {"folds": values, "pages": [len(ids) for ids in folds], **spread(values)}


@attrs.frozen
class FoldChoice:
    """One held-out fold: the grid value chosen on the other folds, its score there and on this fold."""

    fold: int
    value: Any
    train_score: float
    held_score: float
    held_pages: int


def cross_validate(
    publishers: Mapping[str, str],
    grid: Iterable[Value],
    evaluate: Callable[[Value, list[str]], float],
    k: int = FOLDS,
) -> list[FoldChoice]:
    """Tune one constant by publisher-level cross-validation.

    ``evaluate(value, ids)`` runs the extractor (or scorer) parameterised with ``value`` on the pages
    ``ids`` and returns a score, higher is better (body F1, passage recall, ...). For each non-empty
    fold, the value of ``grid`` scoring best on the pages of the *other* folds is chosen (the first such
    value on a tie, so order the grid by preference), and scored on the held fold. The spread of the
    held scores (:func:`spread`) and whether the chosen values agree tell whether the constant is tuned
    or fitted. ``evaluate`` is called once per (value, training set) and once per held fold."""
    values = list(grid)
    if not values:
        raise ValueError("empty grid")
    folds = fold_ids(publishers, k)
    choices = []
    for number, held in enumerate(folds):
        if not held:
            continue
        train = sorted(page for other, ids in enumerate(folds) if other != number for page in ids)
        best_value, best_score = values[0], float("-inf")
        for value in values:
            score = evaluate(value, train)
            if score > best_score:
                best_value, best_score = value, score
        choices.append(FoldChoice(number, best_value, best_score, evaluate(best_value, held), len(held)))
    return choices
