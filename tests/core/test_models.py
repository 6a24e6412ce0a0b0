"""Validators at the boundary: a model that exists is a model that is valid."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

from newsparse.models import Article, Image, Mention, Page, Precision, When

from .strategies import whens


def test_a_naive_timestamp_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        When.at(dt.datetime(2023, 12, 22, 14, 17))


def test_a_named_zone_becomes_its_fixed_offset_at_that_instant() -> None:
    winter = When.at(dt.datetime(2023, 12, 22, 14, 17, tzinfo=ZoneInfo("Asia/Beirut")))
    summer = When.at(dt.datetime(2023, 6, 22, 14, 17, tzinfo=ZoneInfo("Asia/Beirut")))
    assert winter.isoformat() == "2023-12-22T14:17:00+02:00"
    assert summer.isoformat() == "2023-06-22T14:17:00+03:00"


def test_a_bare_date_is_a_day_not_midnight() -> None:
    day = When.parse("2023-12-06")
    assert day.precision is Precision.DAY
    assert not isinstance(day.value, dt.datetime)
    with pytest.raises(TypeError):
        When(dt.datetime(2023, 12, 6, tzinfo=dt.timezone.utc), Precision.DAY)


def test_coarse_precisions_normalise_the_unknown_parts() -> None:
    assert When(dt.date(2023, 12, 17), Precision.MONTH) == When.month(2023, 12)
    assert When(dt.date(2023, 12, 17), Precision.YEAR).isoformat() == "2023"


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2023", "year"), ("2023-12", "month"), ("2023-12-06", "day"), ("2023-12-22T14:17:00Z", "time")],
)
def test_parse_keeps_the_precision_it_reads(text: str, precision: str) -> None:
    assert When.parse(text).precision.value == precision


@pytest.mark.parametrize("text", ["", "Dec 2023", "2023-13-01", "2023-12-22T14:17:00", "20231206"])
def test_parse_refuses_what_is_not_iso(text: str) -> None:
    with pytest.raises(ValueError):
        When.parse(text)


@given(whens())
def test_isoformat_and_parse_are_inverse(when: When) -> None:
    assert When.parse(when.isoformat()) == when


def test_models_are_frozen_and_hold_tuples() -> None:
    article = Article(source="s", outlet="o", plugin="p", paragraphs=["a", "b"], tags=["t"])
    assert article.paragraphs == ("a", "b")
    assert article.tags == ("t",)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]


def test_a_single_string_is_not_taken_for_a_sequence() -> None:
    with pytest.raises(TypeError):
        Article(source="s", outlet="o", plugin="p", tags="Wang Yi")  # type: ignore[arg-type]


def test_blank_optional_strings_become_none() -> None:
    assert Image(caption="   ").caption is None


def test_article_text_joins_title_standfirst_body_and_captions() -> None:
    article = Article(
        source="s", outlet="o", plugin="p", title="T", subtitle="S", paragraphs=("P1", "P2"),
        images=(Image(caption="C"), Image(url="x")),
    )  # fmt: skip
    assert article.text == "T\n\nS\n\nP1\n\nP2\n\nC"
    assert article.body == "P1\n\nP2"


def test_mention_span_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Mention(
            kind="call", cameo="041", participants=(), sentence="x", start=5, end=2, source="s", outlet="o"
        )


def test_page_refuses_other_content_types() -> None:
    with pytest.raises(TypeError):
        Page(content=123, kind="html", source="s")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Page(content="x", kind="pdf", source="s")
