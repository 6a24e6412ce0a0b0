"""Tests done in Python for speed where the C library's CSS did them: the same elements must come out."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.body import _word_named
from newsparse.articles.html.boilerplate import (
    BOILERPLATE_NAME,
    BOILERPLATE_WORD_SELECTOR,
    BOILERPLATE_WORDS,
    HIDDEN_NAME,
    HIDDEN_WORDS,
    SHORT_WORD,
    may_name_boilerplate,
    name_words,
)

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
    found = [node.mem_id for node, _ in _word_named(root)]
    assert found == expected
    assert len(found) == 4  # share-bar (its class, then its id), social, Related-Stories, c-ad


def _reference_pattern(entries: tuple[str, ...]) -> re.Pattern[str]:
    """The rule of BOILERPLATE_WORDS written out per entry, every alternative tried at a word's start."""
    alternatives = []
    for entry in entries:
        body = " ".join(re.escape(word) for word in entry.lstrip("=").split("-"))
        if entry.startswith("="):
            alternatives.append(f"{body}s? ")
        elif len(entry) <= SHORT_WORD:
            alternatives.append(f"{body} ")
        else:
            alternatives.append(f"(?:{body}|[^ ]*{body} )")
    return re.compile(rf"(?:^| )(?:{'|'.join(alternatives)})")


WORDS = [
    *(word for entry in BOILERPLATE_WORDS for word in entry.lstrip("=").split("-")),
    "s", "x", "head", "load", "article", "body", "top", "Bar", "2", "-", "_", " ", ":",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(name=st.lists(st.sampled_from(WORDS), max_size=6).map("".join))
def test_names_match_boilerplate_words_as_the_rule_written_per_entry_does(name: str) -> None:
    words = name_words(name)
    for pattern, entries in ((BOILERPLATE_NAME, BOILERPLATE_WORDS), (HIDDEN_NAME, HIDDEN_WORDS)):
        assert bool(pattern.search(words)) is bool(_reference_pattern(entries).search(words))


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("shareBar-top2", "share bar top "),
        ("md:hover:x c-ad", "c ad "),
        ("ÉtaNews", "éta news "),  # a hump is an ASCII lower-case letter before a capital
        ("éN", "én "),
        ("", ""),
    ],
)
def test_name_words(name: str, words: str) -> None:
    assert name_words(name) == words
