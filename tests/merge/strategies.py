"""Hypothesis strategies for synthetic mentions that often describe the same events.

Pools are small on purpose (few actors, a fortnight of dates, a handful of nested places) so that random
mentions collide, overlap at different precisions and conflict: that is where merge rules can go wrong.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from newsparse.models import Actor, Mention, Place, Precision, When

BIDEN = Actor("Q6279", "Joe Biden", "USA", "President of the United States")
XI = Actor("Q15031", "Xi Jinping", "CHN", "President of China")
BLINKEN = Actor("Q310006", "Antony Blinken", "USA")
WANG = Actor("Q1196398", "Wang Yi", "CHN")
ACTORS = (BIDEN, XI, BLINKEN, WANG)

BEIJING = Place("Beijing", "CHN", level="city")
GREAT_HALL = Place("Great Hall of the People", "CHN", within=("Beijing",), level="venue")
DIAOYUTAI = Place("Diaoyutai State Guesthouse", "CHN", within=("Beijing",), level="venue")
CHINA = Place("China", "CHN", level="country")
FILOLI = Place("Filoli", "USA", within=("Woodside", "San Francisco"), level="venue")
SAN_FRANCISCO = Place("San Francisco", "USA", level="city")
BARE_GREAT_HALL = Place("the Great Hall of the People")
PLACES = (BEIJING, GREAT_HALL, DIAOYUTAI, CHINA, FILOLI, SAN_FRANCISCO, BARE_GREAT_HALL)

#: Mostly the same two pairs, in both orders, with a repeated actor and a three-party meeting now and then.
PARTICIPANTS = (
    (BIDEN, XI),
    (XI, BIDEN),
    (BLINKEN, WANG),
    (WANG, BLINKEN),
    (BLINKEN, XI),
    (BIDEN, XI, XI),
    (BLINKEN, WANG, XI),
)
KINDS = ("meeting", "meeting", "talks", "visit", "call", "call", "video_call", "intent_to_meet", "summit")
CAMEOS = ("036", "040", "041", "042", "043", "044", "046")

#: A fortnight in November 2023, and the days either side of that month (where month windows end).
_DAYS = st.integers(0, 8).map(lambda n: dt.date(2023, 11, 10) + dt.timedelta(days=n)) | st.sampled_from(
    [dt.date(2023, 10, 31), dt.date(2023, 12, 1), dt.date(2023, 11, 30)]
)


@st.composite
def whens(draw: st.DrawFn) -> When:
    """Dates around November 2023 at every precision (timestamps in zones from -8 to +8 hours)."""
    precision = draw(
        st.sampled_from([Precision.DAY, Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.TIME])
    )
    day = draw(_DAYS)
    if precision is Precision.TIME:
        zone = dt.timezone(dt.timedelta(hours=draw(st.integers(-8, 8))))
        return When.at(dt.datetime(day.year, day.month, day.day, draw(st.integers(0, 23)), tzinfo=zone))
    return When(day, precision)


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    """A valid mention drawn from the small pools."""
    pair = draw(st.sampled_from(PARTICIPANTS))
    start = draw(st.integers(0, 400))
    article = draw(st.integers(0, 7))
    return Mention(
        kind=draw(st.sampled_from(KINDS)),
        cameo=draw(st.sampled_from(CAMEOS)),
        participants=pair,
        sentence=draw(
            st.sampled_from(["They met.", "The two held talks.", "They spoke by phone.", "Встреча."])
        ),
        start=start,
        end=start + draw(st.integers(0, 120)),
        source=f"article-{article}",
        outlet=f"outlet-{article % 3}",
        date=draw(st.none() | whens()),
        place=draw(st.none() | st.sampled_from(PLACES)),
        published=draw(
            st.none() | st.just(When.day(2023, 11, 20)) | st.just(When.day(2023, 11, 18 + article))
        ),
    )


mention_lists = st.lists(mentions(), min_size=4, max_size=24)
#: Half as many, for properties that draw two lists and merge them together.
half_lists = st.lists(mentions(), min_size=2, max_size=12)
