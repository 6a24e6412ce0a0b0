"""Authors as the page credits them: the visible byline when the standards name nobody or only the
outlet, joint bylines split, an outlet or agency set apart as the agency (issue 14, metadata)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.bylines import looks_like_name, split_names
from newsparse.articles.html.metadata import read_metadata


def read(head: str = "", body: str = "") -> Any:
    html = f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), timezone="UTC")


def jsonld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


SITE = '<meta property="og:site_name" content="Example Times">'


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Samya Kullab and Vasilisa Stepanenko", ["Samya Kullab", "Vasilisa Stepanenko"]),
        ("Von: Anna Berg und Jan Roth", ["Anna Berg", "Jan Roth"]),
        ("Por Ana Gil y Luis Mora", ["Ana Gil", "Luis Mora"]),
        ("Par Marie Dupont et Paul Martin", ["Marie Dupont", "Paul Martin"]),
        ("Di Marco Rossi e Giulia Bianchi", ["Di Marco Rossi", "Giulia Bianchi"]),
        ("By Bill Fletcher, Jr., Ann Lee", ["Bill Fletcher, Jr.", "Ann Lee"]),
        ("Av Ola Nordmann", ["Ola Nordmann"]),
    ],
)
def test_joint_bylines_split_into_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_code_dates_and_sentences_are_no_names() -> None:
    assert looks_like_name("Jan Michael Marchart")
    assert looks_like_name("松岡大地")
    assert not looks_like_name('window._q.push(function() {load("https')
    assert not looks_like_name("05. November 2024")
    assert not looks_like_name("capital")
    assert not looks_like_name("Sign up for our newsletter and get the best stories every morning")


def test_a_joint_jsonld_author_is_split() -> None:
    node = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ann Lee and Bo Chen"}}
    assert read(jsonld(node)).authors == ("Ann Lee", "Bo Chen")


def test_the_visible_byline_after_the_h1_when_the_standards_name_nobody() -> None:
    body = (
        '<div class="teaser"><span class="author">Someone Else</span></div>'
        "<h1>Headline</h1>"
        '<div class="article-byline"><div class="article-origins">'
        '<span class="simple">Birgit Baumann</span> <span class="simple">Anna Giulia Fink</span>'
        "</div></div><p>Story.</p>"
        '<div class="teaser-footer__author">von Other Writer</div>'
    )
    assert read(body=body).authors == ("Birgit Baumann", "Anna Giulia Fink")


def test_byline_class_words_are_whole_tokens_and_the_introduction_goes() -> None:
    body = (
        "<h1>Headline</h1>"
        '<p class="id-Story-authors"><span class="id-Story-authors-by">Von:</span>'
        '<a class="id-Story-authors-link">Simone Jung</a></p>'
    )
    assert read(body=body).authors == ("Simone Jung",)
    body = '<h1>Headline</h1><span class="authorname">Eva Kirchner-Rätsch </span>'
    assert read(body=body).authors == ("Eva Kirchner-Rätsch",)
    # "authority" is no byline word
    assert read(body='<h1>H</h1><div class="authority-box">Port Authority</div>').authors == ()


def test_comment_forms_social_links_and_dates_are_not_the_byline() -> None:
    body = (
        '<h1>Headline</h1><div class="byline"><h2 class="author_name"><a class="author">Sarah Lazare</a>'
        '<a class="author-twitter">Twitter</a></h2> Today 5:00 am</div>'
        '<form><p class="comment-form-author">Name *</p></form>'
    )
    assert read(body=body).authors == ("Sarah Lazare",)


def test_the_outlet_given_as_author_is_the_agency_and_the_byline_names_the_author() -> None:
    node = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Example Times"}}
    body = '<h1>Headline</h1><div class="authors"><li class="authors__item">von Jemima Kelly</li></div>'
    meta = read(SITE + jsonld(node), body)
    assert meta.authors == ("Jemima Kelly",)
    assert meta.agency == "Example Times"


def test_an_organization_author_a_host_name_and_a_news_agency_are_no_authors() -> None:
    node = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Example Media Group"}}
    meta = read(jsonld(node))
    assert (meta.authors, meta.agency) == ((), "Example Media Group")
    meta = read('<meta name="author" content="example.de">')
    assert (meta.authors, meta.agency) == ((), "example.de")
    meta = read('<meta name="author" content="Associated Press">')
    assert (meta.authors, meta.agency) == ((), "AP")


def test_a_byline_naming_the_site_after_the_author_keeps_the_author() -> None:
    body = (
        '<h1>Headline</h1><div class="authorWrapper">'
        '<p class="author">von David Straub, EXAMPLE TIMES</p></div>'
    )
    meta = read(SITE, body)
    assert meta.authors == ("David Straub",)
    assert meta.agency == "EXAMPLE TIMES"


def test_a_jsonld_author_the_page_prints_as_its_editor_yields_to_the_byline() -> None:
    node = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Heryadi"}}
    body = (
        '<h1>Headline</h1><div class="author-2">Naufal Zuhdi</div>'
        '<div class="info-author">Editor : <a class="author" href="/author/112">Heryadi</a></div>'
    )
    html = f"<html><head>{jsonld(node)}</head><body>{body}</body></html>"
    meta = read_metadata(LexborHTMLParser(html), html=html)
    assert meta.authors == ("Naufal Zuhdi",)
    # without the page's source, or when the name is no editor's, the standards stand
    assert read_metadata(LexborHTMLParser(html)).authors == ("Heryadi",)
    plain = html.replace("Editor :", "Photos :")
    assert read_metadata(LexborHTMLParser(plain), html=plain).authors == ("Heryadi",)


def test_a_weekday_or_a_dated_outlet_line_in_a_byline_names_nobody() -> None:
    assert not looks_like_name("Monday")
    assert not looks_like_name("Montag")
    body = (
        '<h1>Headline</h1><div class="byline">Example Times wire services Published 11:11 PM EST Nov 19</div>'
    )
    meta = read(SITE, body)
    assert (meta.authors, meta.agency) == ((), None)


def test_letters_after_a_name_are_no_name() -> None:
    assert split_names("Ilana Muhlstein, MS, RDN") == ["Ilana Muhlstein"]
    assert split_names("Ann Lee, PhD") == ["Ann Lee"]
    assert split_names("Ann Lee, AP") == ["Ann Lee", "AP"]  # an agency is kept, to be set apart
