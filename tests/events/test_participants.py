"""The participant rules: which rule reads which wording, in which order, and how ``Mention.rule`` names
it (``<extractor>:<trigger>/participants:<rule>``)."""

from __future__ import annotations

import re

import pytest

from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.mentions.participants import RULES
from newsparse.models import Article, Mention

_RULE = re.compile(r"(?P<extractor>[^:/]+):(?P<trigger>[^:/]+)/participants:(?P<participants>[^:/]+)")


@pytest.fixture(scope="module")
def extractor() -> MentionExtractor:
    return MentionExtractor(Gazetteer.from_data(builtin_data()))


def mentions(extractor: MentionExtractor, *paragraphs: str) -> list[Mention]:
    article = Article(
        source="test", outlet="generic", plugin="test", published="2023-06-21", paragraphs=paragraphs
    )
    return extractor.extract(article)


def test_rule_names_are_unique_and_the_last_rule_always_answers() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert names[0] == "visit" and names[-1] == "across_sentence"
    assert {rule.name for rule in RULES if rule.borrowed} == {"the_pair", "back_reference", "headline"}


@pytest.mark.parametrize(
    ("paragraphs", "trigger", "rule", "names"),
    [
        (("Antony Blinken visited China last week.",), "visit", "visit", ["Antony Blinken", "China"]),
        (
            ("Antony Blinken spoke by phone with Wang Yi on Monday.",),
            "phone_call",
            "with_object",
            ["Antony Blinken", "Wang Yi"],
        ),
        (
            ("US President Joe Biden met Chinese President Xi Jinping in Bali on Monday.",),
            "meeting",
            "in_clause",
            ["Joe Biden", "Xi Jinping"],
        ),
        (
            ("Antony Blinken and Wang Yi were in Beijing on Monday.", "The pair spoke for three hours."),
            "talk",
            "the_pair",
            ["Antony Blinken", "Wang Yi"],
        ),
        (
            ("Joe Biden met Xi Jinping in Bali on Monday.", "The meeting lasted four hours."),
            "meeting",
            "back_reference",
            ["Joe Biden", "Xi Jinping"],
        ),
        (
            ("Talks between Washington and Beijing took place on Monday.",),
            "meeting",
            "between",
            ["United States", "China"],
        ),
    ],
)
def test_each_wording_is_read_by_its_rule(
    extractor: MentionExtractor, paragraphs: tuple[str, ...], trigger: str, rule: str, names: list[str]
) -> None:
    found = mentions(extractor, *paragraphs)
    last = found[-1]
    assert last.rule == f"mentions:{trigger}/participants:{rule}"
    assert [a.name for a in last.participants] == names


def test_the_rule_string_parses_into_extractor_trigger_and_participant_rule(
    extractor: MentionExtractor,
) -> None:
    found = mentions(
        extractor,
        "Antony Blinken visited China last week.",
        "Joe Biden met Xi Jinping in Bali on Monday.",
        "The meeting lasted four hours.",
    )
    assert len(found) == 3
    names = {rule.name for rule in RULES}
    for mention in found:
        parsed = _RULE.fullmatch(mention.rule or "")
        assert parsed is not None, mention.rule
        assert parsed["extractor"] == "mentions" and parsed["participants"] in names


def test_an_earlier_rule_wins_over_a_later_one(extractor: MentionExtractor) -> None:
    # The clause names Biden and Xi ("in_clause" would give both), but "with" comes first in the order
    # and gives the subject and its object: the same pair, read by "with_object".
    (mention,) = mentions(extractor, "Joe Biden held talks with Xi Jinping in Bali on Monday.")
    assert mention.rule == "mentions:meeting/participants:with_object"
    # "the two leaders" would borrow the pair before, but the clause names two people of its own.
    found = mentions(
        extractor,
        "Antony Blinken and Wang Yi were in Beijing on Monday.",
        "The two leaders said Joe Biden met Xi Jinping in Bali on Monday.",
    )
    assert found[-1].rule == "mentions:meeting/participants:in_clause"
    assert [a.name for a in found[-1].participants] == ["Joe Biden", "Xi Jinping"]
