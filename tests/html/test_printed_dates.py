"""Publication dates a page prints for readers only, the UTC offset a page means, and the day in its
URL (issue 14, metadata)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.metadata import read_metadata
from newsparse.dates import read_printed, url_date
from newsparse.models import When


def read(head: str = "", body: str = "", timezone: str | None = None) -> Any:
    html = f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), timezone=timezone)


def day(text: str) -> When:
    return When(dt.date.fromisoformat(text), "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do 25.04.24 | 14:07 Uhr | Von Eva", "2024-04-25T14:07:00+02:00"),
        ("erstellt: 01. April 2025, 15:25", "2025-04-01T15:25:00+02:00"),
        ("April 1, 2025 3:05 pm", "2025-04-01T15:05:00+02:00"),
        ("le 1 avril 2025 à 15h25", "2025-04-01T15:25:00+02:00"),
        ("2025年4月1日 15:25", "2025-04-01T15:25:00+02:00"),
        ("1 de abril de 2025", "2025-04-01"),
        ("12 лютого", None),
        ("Aktualisiert: 03.05.2024 | Erstellt: 02.05.2024", "2024-05-02"),
    ],
)
def test_printed_dates_in_local_formats(text: str, expected: str | None) -> None:
    found = read_printed(text, "Europe/Berlin")
    if expected is None:
        assert found is None
    elif "T" in expected:
        assert found == When.at(dt.datetime.fromisoformat(expected))
    else:
        assert found == day(expected)


def test_a_printed_time_without_a_zone_is_a_day() -> None:
    assert read_printed("Do 25.04.24 | 14:07 Uhr") == day("2024-04-25")


def test_the_date_printed_after_the_headline_when_the_standards_give_none() -> None:
    body = (
        "<table class='calendar'><td>Beiträge veröffentlicht am 7. April 2025</td></table>"
        "<h1>Unermüdlicher Einsatz</h1><div class='meta'>erstellt: 01. April 2025, 15:25</div><p>Text.</p>"
    )
    assert read(body=body).published == day("2025-04-01")
    assert read(body=body, timezone="Europe/Rome").published == When.at(
        dt.datetime(2025, 4, 1, 15, 25, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    )


def test_a_machine_date_wins_over_the_printed_one() -> None:
    head = '<meta property="article:published_time" content="2025-03-30T10:00:00+02:00">'
    body = "<h1>H</h1><p>01. April 2025, 15:25</p>"
    assert read(head, body).published.date == dt.date(2025, 3, 30)


def test_an_offset_wins_over_utc_on_the_same_wall_clock() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/BlogPosting">'
        '<meta itemprop="datePublished" content="2021-12-25T13:46:00+00:00"></div>'
    )
    head = '<meta property="article:published_time" content="2021-12-25T13:46:00-04:00">'
    found = read(head, body).published
    assert found.value.utcoffset() == dt.timedelta(hours=-4)
    assert found.value.hour == 13


def test_a_meta_value_attribute_is_read() -> None:
    assert read('<meta name="date" value="2024-05-02">').published == day("2024-05-02")


def test_the_day_in_the_url_is_the_last_resort() -> None:
    assert url_date("https://example.org/2025/04/01/a-story/") == day("2025-04-01")
    assert url_date("https://example.org/news/2025-04-01-a-story") == day("2025-04-01")
    assert url_date("https://example.org/2025/13/01/") is None
    head = '<link rel="canonical" href="https://example.org/2025/04/01/a-story/">'
    assert read(head).published == day("2025-04-01")


def test_a_date_out_of_range_yields_to_a_real_one() -> None:
    head = '<meta property="article:published_time" content="0001-01-01T00:00:00+00:00">'
    head += '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
    body = "<time datetime='2024-05-02T10:00:00+02:00'>2 May</time>"
    assert read(head, body).published.date == dt.date(2024, 5, 2)


def test_one_walk_finds_what_each_reader_needs() -> None:
    head = (
        '<meta property="og:url" content="https://example.org/a">'
        '<link rel="canonical" href="https://example.org/b">'
        '<meta itemprop="datePublished" content="2024-05-02">'
    )
    meta = read(head, "<h1 itemprop='headline'>Headline</h1>")
    assert meta.page_url == "https://example.org/a"  # the first the page gives, as page_url reads it
    assert meta.title == "Headline"
    assert meta.published == day("2024-05-02")
