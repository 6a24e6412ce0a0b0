"""Tests done in Python for speed where the C library's CSS did them: the same elements must come out."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.body import _word_named
from newsparse.articles.html.boilerplate import BOILERPLATE_WORD_SELECTOR, may_name_boilerplate

#: Pieces of class names: boilerplate words and their short forms, ordinary words, case variants,
#: separators, and characters a case-blind or whitespace-splitting Python test gets wrong (the Kelvin
#: sign lowers to "k", U+00A0 and U+000B are whitespace to ``str.split`` but not to CSS).
PIECES = [
    "ad", "AD", "ads", "Ad", "cta", "dfp", "share", "SHARE", "social", "comment", "cookie", "promo",
    "header", "load", "head", "story", "body", "entry", "text", "menu", "print", "no", "auth", "or",
    "subscri", "coo\u212aie", "\u0130", "-", "_", " ", "\t", "\n", "\x0b", "\xa0", "2", ":",
]  # fmt: skip
names = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


def _matches_selector(attribute: str, value: str) -> bool:
    tree = LexborHTMLParser(f'<div {attribute}="{html.escape(value)}">x</div>')
    return bool(tree.body.css(BOILERPLATE_WORD_SELECTOR)) if tree.body is not None else False


@settings(max_examples=400, deadline=None)
@given(attribute=st.sampled_from(["class", "id"]), value=names)
def test_a_class_or_id_may_name_boilerplate_exactly_when_the_selector_matches_it(
    attribute: str, value: str
) -> None:
    assert may_name_boilerplate(attribute, value) == _matches_selector(attribute, value)


def test_the_elements_found_are_those_the_selector_finds_in_page_order_each_once() -> None:
    page = (
        '<body><div class="story" id="main"><p class="lead">One</p>'
        '<div class="share-bar" id="ad-top"><a class="btn">Share</a></div>'
        '<p id="social">Two</p><span class="x" id="y">z</span>'
        '<section class="Related-Stories"><div class="c-ad">Ad</div></section></div></body>'
    )
    root = LexborHTMLParser(page).body
    assert root is not None
    expected = list(dict.fromkeys(node.mem_id for node in root.css(BOILERPLATE_WORD_SELECTOR)))
    found = [node.mem_id for node in _word_named(root)]
    assert found == expected
    assert len(found) == 4  # share-bar (its class, then its id), social, Related-Stories, c-ad
