"""The converter: every model to JSON and back, losslessly, and the contract's field names."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import SCHEMA_VERSION, SchemaError, from_json, to_json
from newsparse.convert import RECORD_TYPES, structure, unstructure
from newsparse.models import Actor, Article, Event, Image, Mention, Place, When

from .strategies import EVERY_MODEL


def test_every_record_type_has_a_strategy() -> None:
    assert set(EVERY_MODEL) == set(RECORD_TYPES) | {When}


@pytest.mark.parametrize("cls", list(EVERY_MODEL), ids=lambda c: c.__name__)
@given(data=st.data())
def test_round_trip_through_json_text(cls: type, data: st.DataObject) -> None:
    obj = data.draw(EVERY_MODEL[cls])
    text = to_json(obj)
    assert from_json(text, cls) == obj


@pytest.mark.parametrize("cls", list(EVERY_MODEL), ids=lambda c: c.__name__)
@given(data=st.data())
def test_unstructured_data_is_plain_json(cls: type, data: st.DataObject) -> None:
    obj = data.draw(EVERY_MODEL[cls])
    plain = unstructure(obj)
    assert json.loads(json.dumps(plain)) == plain
    assert structure(plain, cls) == obj


def _article() -> Article:
    return Article(
        source="a.html",
        outlet="example",
        plugin="generic",
        title="Título",
        authors=("A", "B"),
        published=When.at(dt.datetime(2023, 12, 22, 14, 17, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
        modified=When.day(2023, 12, 6),
        tags=("x",),
        paragraphs=("one", "two"),
        images=(Image(url="u", caption="c", credit="AP"),),
    )


def test_article_record_has_the_contract_fields() -> None:
    data = json.loads(to_json(_article()))
    assert data["type"] == "article"
    assert data["schema_version"] == SCHEMA_VERSION
    for name in (
        "source", "url", "outlet", "language", "title", "subtitle", "authors", "agency",
        "published", "modified", "section", "tags", "paragraphs", "images", "plugin",
    ):  # fmt: skip
        assert name in data, name
    assert data["published"] == "2023-12-22T14:17:00+02:00"
    assert data["modified"] == "2023-12-06"
    assert data["authors"] == ["A", "B"]
    assert data["images"] == [{"url": "u", "caption": "c", "credit": "AP"}]
    assert data["url"] is None


def _mention(actor: Actor) -> Mention:
    return Mention(
        kind="meeting", cameo="040", participants=(actor,), sentence="A met B.", start=0, end=8,
        source="s", outlet="o",
    )  # fmt: skip


def test_event_record_has_the_contract_fields() -> None:
    actor = Actor(id="Q1", name="A", country="USA")
    mention = _mention(actor)
    event = Event(
        id="ev-1", kind="meeting", cameo="040", participants=(actor,), mentions=(mention,),
        date=When.month(2023, 12), place=Place(name="Beijing", country="CHN"),
    )  # fmt: skip
    data = json.loads(to_json(event))
    assert data["date"] == "2023-12"
    assert data["place"]["name"] == "Beijing"
    assert data["place"]["country"] == "CHN"
    assert data["participants"][0]["id"] == "Q1"
    assert {"source", "outlet", "sentence", "start", "end"} <= set(data["mentions"][0])


def test_wrong_record_type_is_refused() -> None:
    with pytest.raises(SchemaError, match="type 'article'"):
        from_json(to_json(_article()), Event)


def test_newer_schema_version_is_refused() -> None:
    data = json.loads(to_json(_article()))
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(SchemaError, match="schema_version"):
        from_json(json.dumps(data), Article)


def test_a_version_1_event_without_the_version_2_fields_still_loads() -> None:
    place = {"name": "Filoli", "country": "USA"}  # as version 1 wrote it: no within, no level
    mention = {
        "kind": "meeting", "cameo": "040", "participants": [], "sentence": "They met.", "start": 0, "end": 9,
        "source": "a.txt", "outlet": "x", "place": place,
    }  # fmt: skip
    record = {
        "type": "event", "schema_version": 1, "id": "e1", "kind": "meeting", "cameo": "040",
        "participants": [], "mentions": [mention], "date": "2023-11", "place": place,
        "article_count": 1, "outlet_count": 1,
    }  # fmt: skip
    event = from_json(json.dumps(record), Event)
    assert event.place is not None and event.place.within == () and event.place.level is None
    assert event.date is not None and event.date.precision.value == "month"
    assert event.mentions[0].sentence == "They met."


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[1, 2]",
        '{"type": "article", "source": "x"}',
        '{"source": 1, "outlet": "o", "plugin": "p"}',
    ],
)
def test_bad_json_gets_a_schema_error(text: str) -> None:
    with pytest.raises(SchemaError):
        from_json(text, Article)


def test_bad_date_string_gets_a_schema_error() -> None:
    data = json.loads(to_json(_article()))
    data["published"] = "22 Dec 2023"
    with pytest.raises(SchemaError):
        from_json(json.dumps(data), Article)


@pytest.mark.parametrize(
    ("path", "key"),
    [((), "titel"), (("images", 0), "creditt")],
    ids=["article", "nested image"],
)
def test_an_unknown_key_is_a_schema_error_not_silently_dropped(path: tuple[object, ...], key: str) -> None:
    data = json.loads(to_json(_article()))
    target = data
    for step in path:
        target = target[step]
    target[key] = "x"
    with pytest.raises(SchemaError, match=key):
        from_json(json.dumps(data), Article)


def test_an_unknown_key_in_a_mention_of_an_event_is_refused() -> None:
    actor = Actor(id="Q1", name="A", country="USA")
    event = Event(id="ev-1", kind="meeting", cameo="040", participants=(actor,), mentions=(_mention(actor),))
    data = json.loads(to_json(event))
    data["mentions"][0]["rules"] = "mentions:meeting"
    with pytest.raises(SchemaError, match="rules"):
        from_json(json.dumps(data), Event)


def test_a_line_of_articles_output_with_its_input_id_still_loads() -> None:
    from newsparse.output import _line

    line = json.dumps(_line(_article(), "sha256:abc"))
    assert "input_id" in json.loads(line)
    assert from_json(line, Article) == _article()
