"""Hypothesis strategies that build valid instances of every model (reused by other test modules)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from newsparse.models import (
    Actor,
    Article,
    Event,
    Failure,
    Image,
    Mention,
    Page,
    PageKind,
    Place,
    Precision,
    Stage,
    When,
)

# Any unicode text but surrogates (not encodable as UTF-8 JSON), including non-ASCII and empty strings.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
nonempty = text.filter(lambda s: s.strip() != "")
optional_text = st.none() | text
ids = st.from_regex(r"[a-z][a-z0-9_:-]{0,20}", fullmatch=True)
codes = st.sampled_from(["036", "040", "041", "042", "043", "044", "046", "0431"])

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
edge_dates = st.sampled_from(
    [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2024, 2, 29), dt.date(1970, 1, 1)]
)
dates = edge_dates | st.dates()


@st.composite
def whens(draw: st.DrawFn) -> When:
    precision = draw(st.sampled_from(list(Precision)))
    if precision is Precision.TIME:
        moment = draw(
            st.datetimes(
                min_value=dt.datetime(2, 1, 1),
                max_value=dt.datetime(9998, 12, 31),
                timezones=offsets,
            )
        )
        return When(moment, precision)
    return When(draw(dates), precision)


optional_whens = st.none() | whens()
small_tuples = lambda strategy: st.lists(strategy, max_size=4).map(tuple)  # noqa: E731
long_tuples = lambda strategy: st.lists(strategy, min_size=0, max_size=60).map(tuple)  # noqa: E731

images = st.builds(Image, url=optional_text, caption=optional_text, credit=optional_text)
actors = st.builds(Actor, id=ids, name=text, country=optional_text, office=optional_text)
places = st.builds(Place, name=text, country=optional_text)

pages = st.builds(
    Page,
    content=text | st.binary(max_size=64),
    kind=st.sampled_from(list(PageKind)),
    source=text,
    url=optional_text,
    published=optional_whens,
    outlet=optional_text,
    fetched=optional_whens,
)

articles = st.builds(
    Article,
    source=text,
    outlet=text,
    plugin=text,
    url=optional_text,
    language=optional_text,
    title=optional_text,
    subtitle=optional_text,
    authors=small_tuples(text),
    agency=optional_text,
    published=optional_whens,
    modified=optional_whens,
    section=optional_text,
    tags=small_tuples(text),
    paragraphs=long_tuples(text),
    images=small_tuples(images),
)


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    start = draw(st.integers(min_value=0, max_value=10_000))
    return Mention(
        kind=draw(nonempty),
        cameo=draw(codes),
        participants=draw(small_tuples(actors)),
        sentence=draw(text),
        start=start,
        end=start + draw(st.integers(min_value=0, max_value=500)),
        source=draw(text),
        outlet=draw(text),
        mode=draw(optional_text),
        date=draw(optional_whens),
        date_text=draw(optional_text),
        place=draw(st.none() | places),
        published=draw(optional_whens),
        rule=draw(optional_text),
        article_id=draw(optional_text),
    )


events = st.builds(
    Event,
    id=ids,
    kind=text,
    cameo=codes,
    participants=small_tuples(actors),
    mentions=small_tuples(mentions()),
    date=optional_whens,
    place=st.none() | places,
    article_count=st.integers(min_value=0, max_value=10**6),
    outlet_count=st.integers(min_value=0, max_value=10**6),
    first_reported=optional_whens,
)

failures = st.builds(
    Failure, source=text, stage=st.sampled_from(Stage), error_type=text, message=text, plugin=optional_text
)

EVERY_MODEL = {
    Page: pages,
    Article: articles,
    Image: images,
    Actor: actors,
    Place: places,
    Mention: mentions(),
    Event: events,
    Failure: failures,
    When: whens(),
}
