"""Mention extraction on hostile text (issue 18 items 11 and 13): what it still finds and what it says.
The growth in time is bounded in tests/benchmarks/test_adversarial.py."""

from __future__ import annotations

import logging

import pytest

from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.mentions.sentences import MAX_SENTENCE_CHARS, sentences
from newsparse.models import Article

FILLER = "and the delegations went on about trade tariffs shipping lanes farm quotas "  # no contact words


@pytest.fixture(scope="module")
def extractor() -> MentionExtractor:
    return MentionExtractor(Gazetteer.from_data(builtin_data()))


def test_an_overlong_sentence_is_read_in_pieces_with_a_warning_and_its_report_is_kept(
    extractor: MentionExtractor, caplog: pytest.LogCaptureFixture
) -> None:
    filler = FILLER * (MAX_SENTENCE_CHARS // len(FILLER) + 1)  # more than one piece on each side
    text = f"{filler}US President Joe Biden met Chinese President Xi Jinping in Bali {filler}."
    article = Article(source="long.html", outlet="generic", plugin="test", paragraphs=(text,))
    with caplog.at_level(logging.WARNING, logger="newsparse"):
        pieces = sentences(article)
        found = extractor.extract(article)
    assert len(pieces) >= 3 and all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    # The pieces are cut at spaces and cover the text: no word is lost or split.
    assert " ".join(p.text for p in pieces) == text
    assert any("long.html" in r.getMessage() and str(len(text)) in r.getMessage() for r in caplog.records)
    assert [{a.name for a in m.participants} for m in found] == [{"Joe Biden", "Xi Jinping"}]
    assert found[0].kind == "meeting"


def test_a_sentence_under_the_cap_is_one_sentence_and_says_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = "US President Joe Biden met Chinese President Xi Jinping in Bali " + FILLER * 20 + "."
    article = Article(source="ok.html", outlet="generic", plugin="test", paragraphs=(text,))
    with caplog.at_level(logging.WARNING, logger="newsparse"):
        assert [s.text for s in sentences(article)] == [text]
    assert not caplog.records


def test_stops_of_abbreviations_still_end_no_sentence_after_a_long_run() -> None:
    # The word before a stop is read in a bounded window: "U.S." after 500 others is still an abbreviation.
    text = "Officials of the " + "U.S. " * 500 + "Army met. Then they left."
    article = Article(source="t", outlet="generic", plugin="test", paragraphs=(text,))
    assert [s.text for s in sentences(article)] == [text[: text.index(" Then")], "Then they left."]
