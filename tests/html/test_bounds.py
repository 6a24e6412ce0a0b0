"""Bounds on markup (issue 18 item 15): depth, attributes per element, attribute length. Expected
texts are written from the generated markup; the growth in time is bounded in
tests/benchmarks/test_adversarial.py."""

from __future__ import annotations

import logging

import pytest
from selectolax.lexbor import LexborHTMLParser

import newsparse
from newsparse.articles.html.bounds import MAX_ATTRIBUTES, MAX_DEPTH, MAX_VALUE_CHARS, bound_markup

STORY = "<p>US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing.</p>"


def depth_of(html: str) -> int:
    deepest, stack = 0, [(LexborHTMLParser(html).root, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node.iter() if child.tag != "-text")
    return deepest


def test_elements_deeper_than_the_cap_lose_their_tags_not_their_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    n = MAX_DEPTH + 3000
    html = "<html><body>" + "<div>" * n + STORY + "</div>" * n + "<p>After the divs.</p></body></html>"
    with caplog.at_level(logging.WARNING, logger="newsparse"):
        bounded = bound_markup(html, "deep.html")
    assert bounded.count("<div>") == MAX_DEPTH  # (html and body may be left open: they are no depth)
    assert bounded.count("<div>") == bounded.count("</div>")  # each dropped start tag took its end tag
    assert depth_of(bounded) <= MAX_DEPTH + 2  # (the document node and the text)
    assert STORY in bounded and "<p>After the divs.</p></body></html>" in bounded
    assert any("deep.html" in r.getMessage() and "3000 elements" in r.getMessage() for r in caplog.records)


def test_a_page_within_the_bounds_is_returned_as_it_is(caplog: pytest.LogCaptureFixture) -> None:
    html = "<html><body>" + "<div><br><img src=x.png><p>text<li>item</div>" * 2000 + "</body></html>"
    with caplog.at_level(logging.WARNING, logger="newsparse"):
        assert bound_markup(html, "ok.html") is html
    assert not caplog.records


def test_markup_inside_scripts_and_comments_is_text_not_depth() -> None:
    fake = "<div>" * (MAX_DEPTH + 10)
    html = (
        f"<html><body><script>var s = '{fake}';</script><!-- {fake} -->"
        f"<textarea>{fake}</textarea>{STORY}</body></html>"
    )
    assert bound_markup(html, "script.html") == html


def test_an_element_keeps_its_first_attributes() -> None:
    attributes = " ".join(f'data-a{i}="v{i}"' for i in range(MAX_ATTRIBUTES + 500))
    html = (
        f'<html><body><article class="story" {attributes}>{STORY}</article></body></html>' + "<i></i>" * 600
    )
    bounded = bound_markup(html, "attributes.html")
    article = LexborHTMLParser(bounded).css_first("article")
    assert article is not None
    assert len(article.attributes) == MAX_ATTRIBUTES
    assert article.attributes["class"] == "story" and f"data-a{MAX_ATTRIBUTES - 2}" in article.attributes
    assert STORY in bounded


def test_a_huge_attribute_value_is_cut() -> None:
    names = "story " * (MAX_VALUE_CHARS // 6 + 1000)
    html = f'<html><body><article class="{names}" id="main">{STORY}</article></body></html>'
    article = LexborHTMLParser(bound_markup(html, "class.html")).css_first("article")
    assert article is not None
    assert len(article.attributes["class"] or "") == MAX_VALUE_CHARS
    assert article.attributes["id"] == "main"


def test_a_deep_page_still_gives_its_article() -> None:
    n = 100_000
    html = "<html><body>" + "<div>" * n + STORY * 3 + "</div>" * n + "</body></html>"
    article = newsparse.parse(html)
    assert article.paragraphs == (STORY[3:-4],) * 3


def test_a_slash_closes_only_svg_and_math_elements() -> None:
    n = MAX_DEPTH + 3000
    # "<div/>" is a div left open (the parser ignores the slash): these nest as deep as "<div>" does.
    deep = bound_markup("<html><body>" + "<div/>" * n + STORY + "</body></html>", "slash.html")
    assert deep.count("<div/>") == MAX_DEPTH
    # In an svg, "/>" closes: thousands of paths are no depth, and the page is left as it is.
    icons = "<svg>" + '<path d="M0 0"/>' * n + "</svg>"
    html = "<html><body>" + "<div>" * 100 + icons + STORY + "</div>" * 100 + "</body></html>"
    assert bound_markup(html, "svg.html") is html


def test_end_tags_that_close_nothing_do_not_hide_depth() -> None:
    n = MAX_DEPTH + 3000
    html = "<html><body>" + "<div></span>" * n + STORY + "</div>" * n + "</body></html>"
    assert bound_markup(html, "strays.html").count("<div>") == MAX_DEPTH


@pytest.mark.parametrize("quote", ['"', "'"])
@pytest.mark.parametrize("offset", [0, 1, MAX_VALUE_CHARS // 2 - 7, MAX_VALUE_CHARS // 2 + 3])
def test_a_value_one_character_over_the_cap_is_cut_wherever_it_starts(quote: str, offset: int) -> None:
    # (the check before the exact scan reads the page in stretches of half the cap: the value may start
    # anywhere in one; quotes of the other kind stand around it)
    lead = f'<p title="it\'s">{"x" * offset}</p>'
    for length, cut in ((MAX_VALUE_CHARS, False), (MAX_VALUE_CHARS + 1, True)):
        value = quote + "v" * length + quote
        html = f"<html><body>{lead}<article data-x={value}>{STORY}</article></body></html>"
        bounded = bound_markup(html, "value.html")
        assert (bounded is not html) is cut
        article = LexborHTMLParser(bounded).css_first("article")
        assert article is not None and len(article.attributes["data-x"] or "") == MAX_VALUE_CHARS
