"""HTML text as a reader sees it: inline markup adds no space before punctuation (the layout path put
one wherever an inline element met punctuation: "said in a statement , on Monday .")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.body import element_text
from newsparse.articles.html.layout import HtmlLayout, read_with_layout
from newsparse.articles.html.metadata import read_metadata

WORDS = st.sampled_from(["said", "in", "a", "statement", "on", "Monday", "Wang", "Yi's", "talks"])
PUNCTUATION = st.sampled_from([",", ".", ";", ":", "!", "?", ")", "”"])
INLINE = st.sampled_from(["b", "i", "em", "strong", "a", "span", "abbr"])


@st.composite
def sentences(draw: st.DrawFn) -> tuple[str, str]:
    """(markup, the text a reader sees): words with single spaces, punctuation glued to the word before,
    and random runs of tokens wrapped in inline elements."""
    tokens: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        tokens.append(draw(WORDS))
        if draw(st.booleans()):
            tokens.append(draw(PUNCTUATION))
    text = ""
    markup = ""
    for index, token in enumerate(tokens):
        glue = "" if index == 0 or token in ",.;:!?)”" else " "
        text += glue + token
        wrapped = token
        for tag in draw(st.lists(INLINE, max_size=2)):
            wrapped = f"<{tag}>{wrapped}</{tag}>"
        markup += glue + wrapped
    return markup, text


@given(sentences())
def test_inline_markup_adds_no_space(sample: tuple[str, str]) -> None:
    markup, text = sample
    node = LexborHTMLParser(f"<html><body><p>{markup}</p></body></html>").css_first("p")
    assert node is not None
    assert element_text(node) == text


def test_blocks_and_line_breaks_separate_words() -> None:
    node = LexborHTMLParser("<div><p>one</p><p>two<br>three</p>four</div>").css_first("div")
    assert node is not None
    assert element_text(node) == "one two three four"


def test_a_layout_reads_a_standfirst_without_spaces_before_punctuation() -> None:
    html = (
        "<html><body><h1>Talks</h1><p class='deck'>Wang Yi said in a <a href='/s'>statement</a>, on "
        "<b>Monday</b>.</p><article><p>"
        + "Story text that reads like prose and is long enough. " * 4
        + "</p></article></body></html>"
    )
    tree = LexborHTMLParser(html)
    layout = HtmlLayout(name="test", title=("h1",), subtitle=("p.deck",), body=("article",))
    reading = read_with_layout(tree, layout, read_metadata(tree))
    assert reading.subtitle == "Wang Yi said in a statement, on Monday."
