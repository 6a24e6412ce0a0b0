"""Page metadata from each standard, and the order in which the standards are trusted."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.metadata import read_metadata
from newsparse.models import Image, When


def read(head: str = "", body: str = "", lang: str = "") -> Any:
    attribute = f' lang="{lang}"' if lang else ""
    html = f"<!doctype html><html{attribute}><head>{head}</head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), timezone="UTC")


def metas(attribute: str, pairs: list[tuple[str, str]]) -> str:
    """Meta tags naming each key with ``attribute`` (``property`` or ``name``)."""
    return "".join(f'<meta {attribute}="{key}" content="{value}">' for key, value in pairs)


def jsonld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def at(text: str) -> When:
    return When.at(dt.datetime.fromisoformat(text))


def test_jsonld_article_in_a_graph() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example News"},
            {"@type": "WebPage", "name": "Page name, not the headline"},
            {
                "@type": "NewsArticle",
                "headline": "Ministers meet in Geneva",
                "description": "The first meeting since May.",
                "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}],
                "datePublished": "2024-03-05T10:30:00+01:00",
                "dateModified": "2024-03-05T12:00:00+01:00",
                "articleSection": ["World", "Europe"],
                "keywords": ["diplomacy", "Geneva"],
                "inLanguage": "en-GB",
                "publisher": {"@type": "Organization", "name": "Example News"},
                "image": {
                    "@type": "ImageObject",
                    "url": "https://example.org/a.jpg",
                    "caption": "The two men",
                },
            },
        ],
    }
    meta = read(jsonld(graph) + '<meta property="og:title" content="An OpenGraph title">')
    assert meta.title == "Ministers meet in Geneva"
    assert meta.subtitle == "The first meeting since May."
    assert meta.authors == ("Ann Lee", "Bo Chen")
    assert meta.published == at("2024-03-05T10:30:00+01:00")
    assert meta.modified == at("2024-03-05T12:00:00+01:00")
    assert meta.section == "World"
    assert meta.tags == ("diplomacy", "Geneva")
    assert meta.language == "en-GB"
    assert meta.site_name == "Example News"
    assert meta.images[0] == Image(url="https://example.org/a.jpg", caption="The two men")


def test_jsonld_top_level_list_and_broken_scripts() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": broken</script>' + jsonld(
        [
            {"@type": "BreadcrumbList"},
            {"@type": ["Article"], "headline": "From a list", "author": "By Cy Dee"},
        ]
    )
    meta = read(head)
    assert meta.title == "From a list"
    assert meta.authors == ("Cy Dee",)


def test_jsonld_keywords_as_one_comma_separated_string() -> None:
    meta = read(jsonld({"@type": "BlogPosting", "headline": "H", "keywords": "trade, tariffs ,  China"}))
    assert meta.tags == ("trade", "tariffs", "China")


def test_microdata_article_item() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">Talks resume in Vienna</h1>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person">
        by <span itemprop="name">Dana Eve</span></span>
      <time itemprop="datePublished" datetime="2023-11-02">2 November</time>
      <meta itemprop="dateModified" content="2023-11-03T08:00:00Z">
      <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
        <meta itemprop="name" content="Daily Example"></div>
      <div itemprop="articleBody"><p>Text.</p></div>
    </div>"""
    meta = read(body=body)
    assert meta.title == "Talks resume in Vienna"
    assert meta.authors == ("Dana Eve",)
    assert meta.published == When.day(2023, 11, 2)
    assert meta.modified == at("2023-11-03T08:00:00+00:00")
    assert meta.site_name == "Daily Example"


def test_opengraph_and_article_properties() -> None:
    opengraph = [
        ("og:title", "OG headline"),
        ("og:description", "OG summary"),
        ("og:url", "https://example.org/story"),
        ("og:site_name", "Example"),
        ("og:image", "https://example.org/og.jpg"),
        ("og:locale", "fr_FR"),
        ("article:published_time", "2022-01-02T03:04:05Z"),
        ("article:modified_time", "2022-01-03T00:00:00Z"),
        ("article:section", "Politics"),
        ("article:tag", "elections"),
        ("article:tag", "Paris"),
        ("article:author", "https://example.org/people/e-f"),
    ]
    head = metas("property", opengraph) + metas("name", [("author", "Eve Fox")])
    meta = read(head, body="<h1>Page heading</h1>")
    assert meta.title == "OG headline"
    assert meta.subtitle == "OG summary"
    assert meta.url == "https://example.org/story"
    assert meta.site_name == "Example"
    assert meta.images == (Image(url="https://example.org/og.jpg"),)
    assert meta.language == "fr-FR"
    assert meta.published == at("2022-01-02T03:04:05+00:00")
    assert meta.modified == at("2022-01-03T00:00:00+00:00")
    assert meta.section == "Politics"
    assert meta.tags == ("elections", "Paris")
    assert meta.authors == ("Eve Fox",)  # the profile URL is not a name


def test_twitter_card_fills_what_opengraph_lacks() -> None:
    card = [
        ("twitter:title", "Card title"),
        ("twitter:description", "Card summary"),
        ("twitter:image", "https://example.org/card.png"),
    ]
    head = metas("name", card)
    meta = read(head)
    assert (meta.title, meta.subtitle) == ("Card title", "Card summary")
    assert meta.images == (Image(url="https://example.org/card.png"),)


def test_dublin_core() -> None:
    dublin_core = [
        ("DC.title", "Dublin title"),
        ("DC.creator", "Gil Ho"),
        ("DC.date.issued", "2021-06-07"),
        ("DCTERMS.modified", "2021-06-08"),
        ("DC.subject", "ports, shipping"),
        ("DC.language", "de"),
        ("DC.publisher", "Hafen Zeitung"),
    ]
    head = metas("name", dublin_core)
    meta = read(head)
    assert meta.title == "Dublin title"
    assert meta.authors == ("Gil Ho",)
    assert meta.published == When.day(2021, 6, 7)
    assert meta.modified == When.day(2021, 6, 8)
    assert meta.tags == ("ports", "shipping")
    assert meta.language == "de"
    assert meta.site_name == "Hafen Zeitung"


def test_markup_when_no_standard_speaks() -> None:
    body = """
    <header><time datetime="2020-01-01">Site founded</time></header>
    <article><h1>Heading of the story</h1>
      <p>By <a rel="author" href="/people/ivy">Ivy Jones</a>,
      <time pubdate datetime="2020-05-06T07:08:00+02:00">6 May</time></p>
      <figure><img src="https://example.org/f.jpg"><figcaption> A harbour  at dawn </figcaption></figure>
      <figure><img src="data:image/gif;base64,R0lGOD"><figcaption>placeholder</figcaption></figure>
    </article>"""
    meta = read('<title>Story | Site</title><link rel="canonical" href="https://example.org/c">', body, "es")
    assert meta.title == "Heading of the story"
    assert meta.authors == ("Ivy Jones",)
    assert meta.published == at("2020-05-06T07:08:00+02:00")
    assert meta.language == "es"
    assert meta.url == "https://example.org/c"
    assert meta.images == (Image(url="https://example.org/f.jpg", caption="A harbour at dawn"),)


def test_title_element_is_the_last_resort() -> None:
    assert read("<title>Only the title</title>").title == "Only the title"


def test_empty_page_has_no_metadata() -> None:
    meta = read()
    assert (meta.title, meta.authors, meta.published, meta.images, meta.tags) == (None, (), None, (), ())


def test_jsonld_outranks_meta_and_markup_field_by_field() -> None:
    head = jsonld({"@type": "NewsArticle", "headline": "LD headline"}) + (
        '<meta property="og:title" content="OG"><meta property="article:published_time" content="2019-09-09">'
    )
    meta = read(head, body='<time datetime="2018-08-08">old</time>')
    assert meta.title == "LD headline"  # from JSON-LD
    assert meta.published == When.day(2019, 9, 9)  # JSON-LD has none: OpenGraph's, not <time>'s


def test_a_value_s_whitespace_of_every_kind_collapses_to_one_space() -> None:
    """Tabs, newlines, no-break and em spaces inside a meta value are one space; none is kept at its
    ends."""
    head = '<meta property="og:title" content="\u2003Wahl\u00a0\u00a0in \tBerlin\n">'
    html = f"<!doctype html><html><head>{head}</head><body></body></html>"
    assert read_metadata(LexborHTMLParser(html)).title == "Wahl in Berlin"
