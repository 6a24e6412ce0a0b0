"""The article-extraction benchmark's score: shingle precision and recall, averaged over pages.

Written from the metric's description in ``../shared/README.md`` (not from any scorer's source):

- tokens are the matches of ``\\w+`` (Unicode); shingles are runs of 4 consecutive tokens, a text of
  1 to 3 tokens is one shorter shingle, an empty text has none;
- per page, tp/fp/fn count the shared, extra and missed shingles (multisets), divided by their sum;
- fp = fn = 0 gives precision = recall = 1; otherwise tp = fp = 0 gives precision 0 and tp = fn = 0
  gives recall 0;
- pages with tp + fp = 0 (nothing predicted) are left out of the precision mean, pages with tp + fn = 0
  (nothing to find) out of the recall mean, exactly as the published figures are computed: an empty
  answer costs recall, not precision;
- precision and recall are means over pages, F1 is their harmonic mean; accuracy is the share of pages
  whose predicted token sequence equals the true one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

__all__ = ["PageScore", "Score", "score_page", "score_pages", "shingles", "tokens"]

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """The benchmark's tokens: every run of word characters."""
    return _TOKEN.findall(text)


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token runs; a shorter non-empty text is one shorter shingle."""
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@attrs.frozen
class PageScore:
    """One page's normalised counts, its precision and recall, and the exact-match flag.

    ``in_precision`` / ``in_recall`` say whether the page enters the precision / recall mean."""

    tp: float
    fp: float
    fn: float
    precision: float
    recall: float
    exact: bool
    in_precision: bool
    in_recall: bool


def score_page(truth: str, predicted: str) -> PageScore:
    """Compare one predicted body with the true one."""
    true_set, predicted_set = shingles(truth), shingles(predicted)
    tp = sum((true_set & predicted_set).values())
    fp = sum((predicted_set - true_set).values())
    fn = sum((true_set - predicted_set).values())
    total = tp + fp + fn
    ntp, nfp, nfn = (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)
    if fp == 0 and fn == 0:
        precision = recall = 1.0
    else:
        precision = ntp / (ntp + nfp) if tp + fp else 0.0
        recall = ntp / (ntp + nfn) if tp + fn else 0.0
    exact = tokens(truth) == tokens(predicted)
    return PageScore(ntp, nfp, nfn, precision, recall, exact, tp + fp > 0, tp + fn > 0)


@attrs.frozen
class Score:
    """Scores over a set of pages."""

    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score_pages(truths: Mapping[str, str], predictions: Mapping[str, str], ids: Iterable[str]) -> Score:
    """Mean precision and recall over ``ids``, their harmonic mean, and the exact-match share.

    A page missing from ``predictions`` counts as an empty prediction."""
    scores = [score_page(truths[i], predictions.get(i, "")) for i in ids]
    precision = _mean([s.precision for s in scores if s.in_precision])
    recall = _mean([s.recall for s in scores if s.in_recall])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = _mean([1.0 if s.exact else 0.0 for s in scores])
    return Score(len(scores), precision, recall, f1, accuracy)
