"""Mentions in the five seed documents, expected by reading them.

The articles are built from the seeds' own lines, chosen by reading each capture (title, standfirst,
body paragraphs, photo captions, the publication date where the page states one), so the test does
not depend on how well a capture reader strips boilerplate today. A second test runs the whole
capture through the pipeline and checks that nothing comes from outside the article or from a trap.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.models import Article, Image, Mention, Place, When
from newsparse.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXTRACTOR = MentionExtractor(Gazetteer.from_data(builtin_data()))

BIDEN, XI, BLINKEN, WANG, QIN = (
    "Q6279",
    "Q15031",
    "person:antony-blinken",
    "person:wang-yi",
    "person:qin-gang",
)
BROWN, LIU, USA, CHINA = "person:charles-q-brown", "person:liu-zhenli", "Q30", "Q148"
GREAT_HALL = Place("Great Hall of the People", "CHN", within=("Beijing",), level="venue")
BEIJING = Place("Beijing", "CHN", level="city")
NOV_2023 = When.month(2023, 11)


def line(seed: str, start: str) -> str:
    """The one line of the seed that starts with ``start`` (stripped)."""
    lines = [x.strip() for x in (SEEDS / seed).read_text(encoding="utf-8").splitlines()]
    found = [x for x in lines if x.startswith(start)]
    assert len(found) == 1, (seed, start, found)
    return found[0]


def build(
    seed: str,
    title: str | None,
    paragraphs: list[str],
    captions: Sequence[str] = (),
    published: str | None = None,
    subtitle: str | None = None,
) -> Article:
    return Article(
        source=seed,
        outlet="seed",
        plugin="test",
        published=published,
        title=line(seed, title) if title else None,
        subtitle=line(seed, subtitle) if subtitle else None,
        paragraphs=[line(seed, p) for p in paragraphs],
        images=[Image(caption=line(seed, c)) for c in captions],
    )


# (first words of the sentence, kind, participant ids, date, place)
Row = tuple[str, str, frozenset[str], When | None, Place | None]


def r(start: str, kind: str, ids: set[str], date: When | None = None, place: Place | None = None) -> Row:
    return (start, kind, frozenset(ids), date, place)


def unmatched(found: list[Mention], expected: list[Row]) -> tuple[list[Row], list[Row]]:
    """Mentions no expected row describes, and expected rows no mention fulfils (a row's text is the
    start of its sentence)."""
    left = list(expected)
    extra: list[Row] = []
    for m in found:
        row = (m.sentence, m.kind, frozenset(a.id for a in m.participants), m.date, m.place)
        match = next((e for e in left if row[0].startswith(e[0]) and row[1:] == e[1:]), None)
        if match is None:
            extra.append(row)
        else:
            left.remove(match)
    return extra, left


SF = Place("San Francisco", "USA", within=("California",), level="city")
CASES = {
    # Al Mayadeen, 22 Dec 2023 (Friday): the Brown-Liu videoconference "on Thursday" (21 Dec), and the
    # Biden-Xi meeting in San Francisco "back in November" it refers back to.
    "000_bbd4b3994b44d19c.txt": (
        build(
            "000_bbd4b3994b44d19c.txt",
            "Top US, China officials talk",
            [
                "China’s Defense Ministry cited",
                "This was the fruition",
                "In its statement, the Chinese Defense Ministry",
                "Liu voiced to his American counterpart",
                "The US continues to send",
                "Liu also urged the US",
                "The statement noted that Liu",
                "The Pentagon, while reading out",
                "Brown told his counterpart",
                "The readout concluded",
                "Relations between the two countries",
            ],
            captions=["Chairman of the Joint Chiefs of Staff, Air Force"],
            published="2023-12-22",
            subtitle="This is the fruition",
        ),
        [
            r("This is the fruition", "meeting", {BIDEN, XI}, When.month(2023, 11), SF),
            r("This was the fruition", "meeting", {BIDEN, XI}, When.month(2023, 11), SF),
            r("China’s Defense Ministry cited", "video_call", {BROWN, LIU}, When.day(2023, 12, 21)),
            r("In its statement, the Chinese", "video_call", {BROWN, LIU}, When.day(2023, 12, 21)),
            r("The Pentagon, while reading", "video_call", {BROWN, LIU}, When.day(2023, 12, 21)),
        ],
    ),
    # Outlook India, no date on the page: Blinken's visit to Beijing, his meeting with Xi at the Great
    # Hall, and the earlier talks with Qin Gang; the hoped-for Xi-Biden meeting is a trap.
    "001_548f1cf5d8e564d8.txt": (
        build(
            "001_548f1cf5d8e564d8.txt",
            "US Secretary Of State Blinken Meets",
            [
                "US Secretary of State Antony Blinken concluded",
                "The meeting took place at the Great Hall",
                "Prior to meeting President Xi",
                "Blinken's visit holds considerable",
                "While the talks aimed",
                "In the previous round of talks",
                "The significance of Blinken's visit",
            ],
            subtitle="The meeting, held at the Great Hall",
        ),
        [
            r("The meeting, held at the Great", "meeting", {BLINKEN, XI}, None, GREAT_HALL),
            r("US Secretary of State Antony B", "visit", {BLINKEN, CHINA}, None, BEIJING),
            r("US Secretary of State Antony B", "meeting", {BLINKEN, XI}, None, BEIJING),
            r("The purpose of the meeting was", "meeting", {BLINKEN, XI}, None, BEIJING),
            r("The meeting took place at the ", "meeting", {BLINKEN, XI}, None, GREAT_HALL),
            r("Prior to meeting President Xi,", "meeting", {BLINKEN, XI}),
            r(
                "Prior to meeting President Xi,", "meeting", {BLINKEN, CHINA}
            ),  # "talks with ... Chinese officials"
            r("This meeting with President Xi", "meeting", {BLINKEN, XI}, None, GREAT_HALL),
            r(
                "Blinken's visit holds consider",
                "visit",
                {BLINKEN, CHINA},
                None,
                Place("China", "CHN", level="country"),
            ),
            r("While the talks aimed to addre", "meeting", {BLINKEN, XI}, None, GREAT_HALL),
            r("In the previous round of talks", "meeting", {BLINKEN, QIN}),
        ],
    ),
    # The Star / Reuters, no publication date; the file photo's "Oct 26, 2023" anchors "Wednesday (Dec 6)".
    "002_f2fc8e53b361da77.txt": (
        build(
            "002_f2fc8e53b361da77.txt",
            "China's Wang stresses",
            [
                "BEIJING: China's Foreign Minister",
                "Blinken also discussed",
                "In the call, the two top diplomats",
                "Wang said during the conversation",
                "Blinken also thanked Wang",
                "Henry Kissinger, the most powerful",
                '"Dr Kissinger has always advocated',
                "Wang also repeatedly stressed",
                "Wang and Blinken also emphasised",
            ],
            captions=["Secretary of State Antony Blinken shake hands"],
        ),
        [
            r("BEIJING: China's Foreign Minis", "call", {WANG, BLINKEN}, When.day(2023, 12, 6)),
            r("Blinken also discussed his rec", "call", {WANG, BLINKEN}, When.day(2023, 12, 6)),
            r("In the call, the two top diplo", "call", {WANG, BLINKEN}, When.day(2023, 12, 6)),
            r("Wang said during the conversat", "call", {WANG, BLINKEN}, When.day(2023, 12, 6)),
            r('"Dr Kissinger has always advoc', "call", {WANG, BLINKEN}, When.day(2023, 12, 6)),
            r(
                "Wang and Blinken also emphasis",
                "meeting",
                {XI, BIDEN},
                When.month(2023, 11),
                Place("California", "USA", level="region"),
            ),
            r(
                "Secretary of State Antony Blin",
                "meeting",
                {WANG, BLINKEN},
                When.day(2023, 10, 26),
                Place("State Department", "USA", within=("Washington",), level="venue"),
            ),
        ],
    ),
    # News.Az, dated 2023-11-16: Biden and Xi at Filoli, and their first meeting in Bali in November 2022.
    "003_cd19cef5703942ac.txt": (
        build(
            "003_cd19cef5703942ac.txt",
            None,  # the capture holds no headline, only a date line
            [
                "US President Joe Biden praised",
                '"I’ve just concluded a day of meetings',
                "Later in the day, Biden announced",
                "\"We're back to direct",
                "Also, China and the United States agreed",
                "According to the Xinhua news agency",
                "The two leaders will continue",
                "According to the US president",
                "The meeting took place at Filoli",
                "It was the seventh meeting",
            ],
            published="2023-11-16",
        ),
        [
            # The summit is "currently under way" on 16 November: the meeting is of November 2023,
            # and every "the meeting" of the story is that one (not their first, in Bali).
            r("US President Joe Biden praised", "meeting", {BIDEN, XI}, NOV_2023),
            r("\"We're back to direct, open, c", "meeting", {BIDEN, XI}, NOV_2023),
            r(
                "The meeting took place at Filo",
                "meeting",
                {BIDEN, XI},
                NOV_2023,
                Place("Filoli", "USA", within=("Woodside", "San Francisco", "California"), level="venue"),
            ),
            r("Biden and Xi met on the sideli", "meeting", {BIDEN, XI}, NOV_2023, SF),
            r("It was the seventh meeting bet", "meeting", {BIDEN, XI}, NOV_2023),
            r(
                "The two presidents met in pers",
                "meeting",
                {BIDEN, XI},
                When.month(2022, 11),
                Place("Bali", "IDN", level="city"),
            ),
        ],
    ),
    # A US outlet, undated page; the caption's "June 19, 2023" (a Monday) anchors "on Monday".
    "004_ae07f684c030c718.txt": (
        build(
            "004_ae07f684c030c718.txt",
            "Blinken Meets Xi as China Warns",
            [
                "U.S. Secretary of State Antony Blinken met with",
                "According to AP, a Blinken-Xi meeting",
                "News of the diplomatic head-to-head",
                "Wang Yi, China’s highest-ranking",
                "The pair spoke for three hours",
                "Neither Washington nor Beijing",
                "“The Secretary of State’s trip",
                "“On this issue, China has no room",
            ],
            captions=["BODY LANGUAGE:"],
        ),
        [
            r("U.S. Secretary of State Antony", "meeting", {BLINKEN, XI}, When.day(2023, 6, 19), BEIJING),
            r("U.S. Secretary of State Antony", "visit", {BLINKEN, CHINA}, When.day(2023, 6, 19), BEIJING),
            r("News of the diplomatic head-to", "meeting", {BLINKEN, XI}, When.day(2023, 6, 19)),
            r(
                "The pair spoke for three hours",
                "meeting",
                {WANG, BLINKEN},
                When.day(2023, 6, 19),
                Place("Diaoyutai State Guesthouse", "CHN", within=("Beijing",), level="venue"),
            ),
            r(
                "Neither Washington nor Beijing",
                "meeting",
                {XI, BIDEN},
                When.year(2022),
                Place("Bali", "IDN", level="city"),
            ),
            r("BODY LANGUAGE: U.S. Secretary ", "meeting", {BLINKEN, XI}, When.day(2023, 6, 19), GREAT_HALL),
        ],
    ),
}


@pytest.mark.parametrize("seed", sorted(CASES))
def test_seed_mentions_are_those_the_story_reports(seed: str) -> None:
    article, expected = CASES[seed]
    found = EXTRACTOR.extract(article)
    extra, missing = unmatched(found, expected)
    assert (extra, missing) == ([], [])
    for mention in found:
        assert article.text[mention.start : mention.end] == mention.sentence


TRAPS = ("potentially", "had been expected", "will continue", "continue high-level", "Most Read", "Read next")


@pytest.mark.parametrize("seed", sorted(CASES))
def test_whole_captures_give_mentions_only_from_the_story(seed: str) -> None:
    article, _ = CASES[seed]
    pipeline = Pipeline()
    parsed = pipeline.result(SEEDS / seed)
    assert isinstance(parsed, Article), parsed
    mentions, failures = pipeline.mentions(parsed)
    assert failures == []
    assert mentions, "every seed reports at least one contact"
    story = " ".join(article.text.split())
    for mention in mentions:
        assert " ".join(mention.sentence.split()) in story, mention.sentence
        assert not any(trap in mention.sentence for trap in TRAPS)
