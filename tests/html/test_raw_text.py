"""Raw-text elements and lines between <br> (issue 18 item 10): markup shown as text is not story
text, and the lines of a paragraph are all of it. Expected texts are written from the markup."""

from __future__ import annotations

import pytest

import newsparse

STORY = (
    "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing yesterday "
    "for talks on trade and security, officials said."
)
HIDDEN = "<p>Markup inside a raw-text element is the parser's text, <b>not</b> the story's.</p>"


@pytest.mark.parametrize("tag", ["noembed", "noframes", "title", "xmp", "plaintext"])
def test_a_raw_text_element_puts_no_markup_into_the_article(tag: str) -> None:
    closing = "" if tag == "plaintext" else f"</{tag}>"  # plaintext runs to the end of the page
    html = f"<html><head><title>Talks</title></head><body><article><p>{STORY}</p><{tag}>{HIDDEN}{closing}"
    article = newsparse.parse(html + ("" if tag == "plaintext" else "</article></body></html>"))
    assert article.paragraphs == (STORY,)
    assert article.title == "Talks"


@pytest.mark.parametrize("tag", ["noembed", "noframes", "title", "xmp"])
def test_a_page_that_is_only_a_raw_text_element_has_no_article(tag: str) -> None:
    with pytest.raises(newsparse.NoArticleError):
        newsparse.parse(f"<html><body><{tag}>{HIDDEN * 3}</{tag}></body></html>")


def test_every_line_of_a_paragraph_between_br_is_kept() -> None:
    lines = [f"Line {i} of the statement." for i in range(20_000)]
    article = newsparse.parse("<html><body><p>" + "<br>".join(lines) + "</p></body></html>")
    assert article.paragraphs == tuple(lines)


def test_short_lines_between_br_are_not_cut_to_the_first() -> None:
    # The case at a hundredth of its size: 20,000 lines of "text" gave an article of 4 characters.
    article = newsparse.parse("<html><body><p>" + "<br>".join(["text"] * 20_000) + "</p></body></html>")
    assert len(article.paragraphs) == 20_000 and set(article.paragraphs) == {"text"}
