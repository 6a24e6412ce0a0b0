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
  whose predicted token sequence equals the true one;
- before tokenising, both texts (the expected one and the predicted one, the same way) lose their soft
  hyphens and zero-width characters (U+00AD, U+200B to U+200D, U+2060, U+FEFF) and are put in NFC
  (:func:`comparable`): some expected bodies keep a page's soft hyphens or decomposed accents, which
  ``\\w+`` reads as word breaks, while newsparse hands out text without them (issue 14 item 7); a
  typesetting hint is not a word, on either side.

Beside it, for issue 14: passage recall (the share of the expected passages, the true body's lines, of
which at least 80 % of the shingles come out), and the metadata scores of the news-metadata corpus:
title exact match and title token F1, set F1 of names (authors, topics), publication-day match.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

__all__ = [
    "PageScore",
    "Score",
    "comparable",
    "day_matches",
    "passage_recall",
    "passage_recall_page",
    "passages",
    "score_page",
    "score_pages",
    "set_f1",
    "shingles",
    "title_exact",
    "title_token_f1",
    "tokens",
]

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


#: Characters that print nothing and split a word for ``\w+``: removed from both texts before tokens.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def comparable(text: str) -> str:
    """``text`` as both sides are compared: without :data:`INVISIBLE` characters, in NFC."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", INVISIBLE.sub("", text))


def tokens(text: str) -> list[str]:
    """The benchmark's tokens: every run of word characters of the :func:`comparable` text."""
    return _TOKEN.findall(comparable(text))


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


# -- passage recall ------------------------------------------------------------------------------------
#: A passage counts as found when at least this share of its shingles come out in the prediction.
PASSAGE_FOUND = 0.8


def passages(text: str) -> list[str]:
    """The expected body's passages: its lines (blank lines or single newlines split them) that hold at
    least one token."""
    return [line for line in text.splitlines() if tokens(line)]


def _ngrams(words: list[str], size: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def passage_recall_page(truth: str, predicted: str, threshold: float = PASSAGE_FOUND) -> tuple[int, int]:
    """``(found, total)``: how many of the expected passages come out in the prediction.

    A passage of four or more tokens is found when at least ``threshold`` of its 4-token shingles
    (a multiset, each matched at most as often as the prediction holds it) are among the prediction's
    shingles; a shorter passage (a subheading, a dateline) is found when its whole token run occurs in
    the prediction's tokens. Each passage is checked against the whole prediction, not in order."""
    expected = passages(truth)
    words = tokens(predicted)
    grams: dict[int, Counter[tuple[str, ...]]] = {}
    found = 0
    for passage in expected:
        own = tokens(passage)
        size = min(SHINGLE, len(own))
        if size not in grams:
            grams[size] = _ngrams(words, size)
        wanted = _ngrams(own, size)
        shared = sum((wanted & grams[size]).values())
        if shared >= threshold * sum(wanted.values()):
            found += 1
    return found, len(expected)


def passage_recall(truths: Mapping[str, str], predictions: Mapping[str, str], ids: Iterable[str]) -> float:
    """The mean over pages (each page weighs the same) of the share of expected passages found; pages
    without an expected passage are left out. A missing prediction is an empty one."""
    shares = []
    for i in ids:
        found, total = passage_recall_page(truths[i], predictions.get(i, ""))
        if total:
            shares.append(found / total)
    return _mean(shares)


# -- metadata fields -----------------------------------------------------------------------------------
def normalise(text: str) -> str:
    """:func:`comparable` (NFC, no soft hyphens or zero-width characters), whitespace runs collapsed to
    one space, stripped: layout differences are not errors."""
    return " ".join(comparable(text).split())


def title_exact(truth: str, predicted: str | None) -> bool:
    """The predicted title equals the expected one after :func:`normalise` (case and punctuation count)."""
    return predicted is not None and normalise(truth) == normalise(predicted)


def _f1(shared: int, predicted: int, expected: int) -> float:
    if not predicted and not expected:
        return 1.0
    if not shared:
        return 0.0
    precision, recall = shared / predicted, shared / expected
    return 2 * precision * recall / (precision + recall)


def title_token_f1(truth: str, predicted: str | None) -> float:
    """F1 of the multisets of case-folded tokens (``\\w+``) of the two titles."""
    expected = Counter(t.casefold() for t in tokens(truth))
    found = Counter(t.casefold() for t in tokens(predicted or ""))
    return _f1(sum((expected & found).values()), sum(found.values()), sum(expected.values()))


def name_key(name: str) -> str:
    """An author or topic compared by name: :func:`normalise` d and case-folded."""
    return normalise(name).casefold()


def set_f1(truth: Iterable[str], predicted: Iterable[str]) -> float:
    """F1 of two sets of names (authors, topics) compared with :func:`name_key`; blank names are dropped
    and duplicates count once. Both empty is 1, one of them empty is 0."""
    expected = {name_key(n) for n in truth} - {""}
    found = {name_key(n) for n in predicted} - {""}
    return _f1(len(expected & found), len(found), len(expected))


def expected_day(published: str) -> tuple[dt.date, dt.tzinfo | None]:
    """The gold's publication day and the offset it is given in (None: local time or day only)."""
    value = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    return value.date(), value.tzinfo


def day_matches(published: str, predicted: dt.date | None) -> bool:
    """Whether a predicted publication date falls on the gold's day.

    ``predicted`` is a :class:`datetime.datetime` (a timestamp) or a :class:`datetime.date` (a day). A
    timestamp with an offset is read in the gold's own offset when the gold has one (the day as the
    page's readers saw it), else in its own offset; a naive timestamp or a bare date is taken as given."""
    if predicted is None:
        return False
    day, offset = expected_day(published)
    if isinstance(predicted, dt.datetime):
        if predicted.tzinfo is not None and offset is not None:
            predicted = predicted.astimezone(offset)
        return predicted.date() == day
    return predicted == day
