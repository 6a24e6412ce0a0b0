"""Outlet matching is core logic over declared data: hint, then URL domain, then markers, then generic."""

from __future__ import annotations

import pytest

from newsparse.articles.outlets import Outlet, domain_of, match_outlet
from newsparse.models import Page

STAR = Outlet(id="thestar", name="The Star", domains=("thestar.com.my",), markers=("Next In Aseanplus News",))
NEWSAZ = Outlet(
    id="newsaz", name="News.Az", domains=("news.az",), markers=("News.Az reports", "16 px"), min_markers=2
)
OUTLETS = (STAR, NEWSAZ)


def page(text: str = "plain text", **hints: str) -> Page:
    return Page(content=text, kind="text", source="s", **hints)  # type: ignore[arg-type]


def test_the_hint_wins_over_everything() -> None:
    assert (
        match_outlet(page("Next In Aseanplus News", url="https://news.az/x", outlet="newsaz"), OUTLETS)
        is NEWSAZ
    )


def test_an_unknown_hint_names_a_generic_outlet() -> None:
    outlet = match_outlet(page("Next In Aseanplus News", outlet="Daily Planet"), OUTLETS)
    assert outlet.id == "daily-planet" and outlet.plugin is None


def test_the_url_domain_comes_before_markers() -> None:
    assert (
        match_outlet(page("Next In Aseanplus News", url="https://www.news.az/politics/1"), OUTLETS) is NEWSAZ
    )
    assert match_outlet(page(url="https://amp.thestar.com.my/a"), OUTLETS) is STAR


def test_a_host_in_capitals_or_with_a_trailing_dot_is_its_domain() -> None:
    # "example.com." is the same host written fully qualified; matching it raised StopIteration.
    assert match_outlet(page(url="https://NEWS.AZ./politics/1"), OUTLETS) is NEWSAZ
    assert match_outlet(page(url="https://www.thestar.com.my./a"), OUTLETS) is STAR


def test_a_lookalike_domain_does_not_match() -> None:
    outlet = match_outlet(page(url="https://notthestar.com.my/a"), OUTLETS)
    assert outlet.id == "notthestar.com.my"


def test_markers_need_their_minimum_count() -> None:
    assert match_outlet(page("x News.Az reports y"), OUTLETS).id == "generic"
    assert match_outlet(page("x News.Az reports y 16 px"), OUTLETS) is NEWSAZ


def test_canonical_link_of_html_names_the_domain() -> None:
    html = '<html><head><link rel="canonical" href="https://www.thestar.com.my/news/1"></head><body></body></html>'
    assert match_outlet(Page(content=html, kind="html", source="s"), OUTLETS) is STAR


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.example.org/a", "example.org"),
        ("example.org/a", "example.org"),
        ("", None),
        ("http://[bad", None),
    ],
)
def test_domain_of(url: str, domain: str | None) -> None:
    assert domain_of(url) == domain


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ('<link rel="canonical" href="https://a.example/x">', "https://a.example/x"),
        ("<meta property='og:url' content='https://b.example/y'/>", "https://b.example/y"),
        ('<link href="https://c.example/z" rel=canonical>', "https://c.example/z"),  # href first
        ('<link rel="stylesheet" href="/s.css"><link rel="canonical" href="/c">', "/c"),
        ("<link rel=canonical <link rel=canonical <title>x</title>", None),  # unclosed, no href
    ],
)
def test_page_url_reads_the_canonical_link_or_og_url(head: str, url: str | None) -> None:
    from newsparse.articles.outlets import page_url

    page = Page(content=f"<html><head>{head}</head><body>x</body></html>", kind="html", source="t")
    assert page_url(page) == url


def test_html_markers_count_in_the_head_and_the_opening_of_the_body_only() -> None:
    from newsparse.articles.outlets import BODY_OPENING

    theme = Outlet(id="theme", name="A theme", markers=("/themes/Paper/", "paper-wrap"), min_markers=2)
    head = '<html><head><link rel="stylesheet" href="/themes/Paper/style.css"></head>'
    near = f'{head}<body><div class="paper-wrap"><p>Story.</p></div></body></html>'
    assert match_outlet(Page(content=near, kind="html", source="s"), (theme,)) is theme
    far = f'{head}<body>{"<p>Story.</p>" * BODY_OPENING}<div class="paper-wrap"></div></body></html>'
    assert match_outlet(Page(content=far, kind="html", source="s"), (theme,)).id == "generic"
    # a capture is searched whole
    capture = "/themes/Paper/ " + "story text " * BODY_OPENING + " paper-wrap"
    assert match_outlet(page(capture), (theme,)) is theme
