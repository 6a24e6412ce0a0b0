"""The mentions the five seeds report, written by hand from reading them (not from any extractor).

Each is what a careful reader finds in one story: who, the kind of contact, the date as far as the text
and the publication date fix it, the place the text names, and the sentence.  Spans index the seed file
as stored (the merger only carries them).  Places carry their containing city the way the gazetteer
describes them; Filoli is the estate "in the San Francisco Bay Area" that 003 names, which is also the
"San Francisco" that 000 says the meeting was in.
"""

from __future__ import annotations

from pathlib import Path

from newsparse.models import Actor, Mention, Place, When

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

BIDEN = Actor("Q6279", "Joe Biden", "USA", "President of the United States")
XI = Actor("Q15031", "Xi Jinping", "CHN", "President of China")
BLINKEN = Actor("person:antony-blinken", "Antony Blinken", "USA", "Secretary of State")
WANG_YI = Actor("person:wang-yi", "Wang Yi", "CHN", "Foreign Minister")
QIN_GANG = Actor("person:qin-gang", "Qin Gang", "CHN", "Foreign Minister")
BROWN = Actor("person:charles-q-brown", "Charles Q. Brown", "USA", "Chairman of the Joint Chiefs of Staff")
LIU = Actor("person:liu-zhenli", "Liu Zhenli", "CHN", "Chief of the Joint Staff Department")

SAN_FRANCISCO = Place("San Francisco", "USA", level="city")
FILOLI = Place("Filoli", "USA", within=("Woodside", "San Francisco"), level="venue")
BALI = Place("Bali", "IDN", level="city")
GREAT_HALL = Place("Great Hall of the People", "CHN", within=("Beijing",), level="venue")
DIAOYUTAI = Place("Diaoyutai State Guesthouse", "CHN", within=("Beijing",), level="venue")
STATE_DEPARTMENT = Place("State Department", "USA", within=("Washington",), level="venue")

AL_MAYADEEN = "000_bbd4b3994b44d19c.txt"
OUTLOOK = "001_548f1cf5d8e564d8.txt"
THE_STAR = "002_f2fc8e53b361da77.txt"
NEWS_AZ = "003_cd19cef5703942ac.txt"
US_OUTLET = "004_ae07f684c030c718.txt"

OUTLETS = {
    AL_MAYADEEN: "almayadeen",
    OUTLOOK: "outlookindia",
    THE_STAR: "thestar",
    NEWS_AZ: "newsaz",
    US_OUTLET: "us-outlet",
}
#: Publication dates the captures show (001, 002 and 004 show none).
PUBLISHED = {AL_MAYADEEN: When.day(2023, 12, 22), NEWS_AZ: When.day(2023, 11, 16)}


def mention_in(
    seed: str,
    sentence: str,
    participants: tuple[Actor, ...],
    kind: str,
    cameo: str,
    *,
    date: When | None = None,
    place: Place | None = None,
    occurrence: int = 0,
) -> Mention:
    """A mention of ``seed`` whose sentence is found in the file (the ``occurrence``-th time)."""
    text = (SEEDS / seed).read_text(encoding="utf-8")
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sentence, start + 1)
    return Mention(
        kind=kind,
        cameo=cameo,
        participants=participants,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        source=f"seeds/{seed}",
        outlet=OUTLETS[seed],
        date=date,
        place=place,
        published=PUBLISHED.get(seed),
        rule="read by hand",
    )


_SF_MEETING = (
    "the latest meeting between US President Joe Biden and Chinese leader Xi Jinping in San Francisco "
    "back in November"
)

SEED_MENTIONS: tuple[Mention, ...] = (
    # 000: a videoconference "on Thursday" before Friday 22 December 2023; the Biden-Xi meeting of
    # November 2023 in San Francisco, told twice (the paragraph is repeated in the capture).
    mention_in(
        AL_MAYADEEN,
        "the videoconference on Thursday between Brown and Liu",
        (BROWN, LIU),
        "video_call",
        "040",
        date=When.day(2023, 12, 21),
    ),
    mention_in(
        AL_MAYADEEN,
        _SF_MEETING,
        (BIDEN, XI),
        "meeting",
        "040",
        date=When.month(2023, 11),
        place=SAN_FRANCISCO,
    ),
    mention_in(
        AL_MAYADEEN,
        _SF_MEETING,
        (BIDEN, XI),
        "meeting",
        "040",
        date=When.month(2023, 11),
        place=SAN_FRANCISCO,
        occurrence=1,
    ),
    # 001: Blinken meets Xi at the Great Hall, no date in the text; earlier talks with Qin Gang, undated.
    mention_in(
        OUTLOOK,
        "The meeting took place at the Great Hall of the People",
        (BLINKEN, XI),
        "meeting",
        "040",
        place=GREAT_HALL,
    ),
    mention_in(
        OUTLOOK,
        "Blinken engaged in extensive discussions with Chinese Foreign Minister Qin Gang",
        (BLINKEN, QIN_GANG),
        "talks",
        "046",
    ),
    # 002: the Wang-Blinken phone call on Wednesday, Dec 6 (2023, the year of the caption's file photo);
    # the caption's meeting at the State Department on Oct 26, 2023.
    mention_in(
        THE_STAR,
        "in a phone call with US Secretary of State Antony Blinken",
        (WANG_YI, BLINKEN),
        "call",
        "041",
        date=When.day(2023, 12, 6),
    ),
    mention_in(
        THE_STAR,
        "after a bilateral meeting at the State Department in Washington",
        (BLINKEN, WANG_YI),
        "meeting",
        "040",
        date=When.day(2023, 10, 26),
        place=STATE_DEPARTMENT,
    ),
    # 003: Biden on his meeting with Xi at Filoli (no date stated); the first meeting, Bali, November 2022.
    mention_in(
        NEWS_AZ,
        "The meeting took place at Filoli Historic House",
        (BIDEN, XI),
        "meeting",
        "040",
        place=FILOLI,
    ),
    mention_in(
        NEWS_AZ,
        "The two presidents met in person for the first time in November 2022",
        (BIDEN, XI),
        "meeting",
        "040",
        date=When.month(2022, 11),
        place=BALI,
    ),
    # 004: Blinken met Xi on Monday, June 19, 2023 at the Great Hall (the caption dates it); Wang Yi and
    # Blinken spoke on Monday at Diaoyutai; Xi's meeting with Biden "in Bali last year".
    mention_in(
        US_OUTLET,
        "Antony Blinken met with Chinese President Xi Jinping on Monday",
        (BLINKEN, XI),
        "meeting",
        "040",
        date=When.day(2023, 6, 19),
        place=GREAT_HALL,
    ),
    mention_in(
        US_OUTLET,
        "The pair spoke for three hours on Monday at the ornate state guesthouse",
        (WANG_YI, BLINKEN),
        "talks",
        "040",
        date=When.day(2023, 6, 19),
        place=DIAOYUTAI,
    ),
    mention_in(
        US_OUTLET,
        "whose meeting with President Joe Biden in Bali last year",
        (XI, BIDEN),
        "meeting",
        "040",
        date=When.year(2022),
        place=BALI,
    ),
)
