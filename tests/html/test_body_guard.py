"""The recall guard (issue 14 item 10): a body that is a small part of the story element holding it is
replaced by that element's text when what it adds is prose, not a feed of other stories."""

from __future__ import annotations

import attrs
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.body import extract_paragraphs
from newsparse.articles.html.boilerplate import DEFAULT_RULES

FIRST = [
    "The Davis Cup Final began on Monday with the opening day of the new-look format taking place in "
    "Madrid. Afterwards, the podcast team gave their initial impressions of the new format, its crowds, "
    "its scheduling and its long days.",
    "Is it fair to say that the event was neither as bad as the sceptics thought, nor as good as its "
    "organisers hoped? The first ties were played in front of small crowds, and the late finish of the "
    "evening session drew criticism from players, coaches and commentators alike.",
]
SECOND = [
    "Much of the focus on day one was about the feel and staging of the event, with empty seats in the "
    "smaller arenas, a light show between sets, and a debate about whether the format can last.",
    "The team also looked ahead to the second day, when the hosts play their first tie, and asked "
    "whether the new calendar leaves the players enough rest before the season starts again.",
]


def story_page(second: str) -> str:
    # The story is split over two section wrappers whose classes differ by a version token, so they
    # are not read as parallel parts of one kind.
    first = "".join(f"<p>{text}</p>" for text in FIRST)
    return (
        "<html><head><title>Davis Cup Final: first impressions</title></head><body>"
        "<nav><a href='/'>Home</a></nav><main><article>"
        f"<div class='articleBodyText version-2 section'><div class='article-body-text component version-2'>"
        f"<div class='component-content'>{first}</div></div></div>"
        f"<div class='articleBodyText section'><div class='article-body-text component'>"
        f"<div class='component-content'>{second}</div></div></div>"
        "</article></main></body></html>"
    )


def read(html: str, **rules: float) -> list[str]:
    return extract_paragraphs(LexborHTMLParser(html), attrs.evolve(DEFAULT_RULES, **rules))


#: How the second section ends: where to listen, as short lines and links (text that is no paragraph).
LISTEN = (
    "<h4>How to listen to the podcast</h4><ul><li>Apple Podcasts</li><li>Spotify</li><li>Acast</li>"
    "<li>Google Podcasts</li><li>Pocket Casts</li><li>Overcast</li><li>Stitcher</li><li>TuneIn</li></ul>"
    "<p>Listen: <a href='http://example.org/tp'>example.org/tp</a> Download: "
    "<a href='http://example.org/dl'>example.org/dl</a></p><p>Subscribe: every Monday, all season.</p>"
    "<p>Get in touch: <a href='mailto:pod@example.org'>pod@example.org</a> or on social media</p>"
)


def test_a_story_split_over_two_section_wrappers_is_read_whole_from_its_article() -> None:
    html = story_page("".join(f"<p>{text}</p>" for text in SECOND) + LISTEN)
    assert read(html, guard_share=0.0) == FIRST  # without the guard, the second section is lost
    found = read(html)
    assert found[:4] == FIRST + SECOND
    assert "How to listen to the podcast" in found  # a subheading of the section is the section's


def test_an_article_that_adds_a_feed_of_other_stories_is_not_read_into_the_story() -> None:
    # the second wrapper is a "more stories" feed: linked headlines, each with its standfirst
    feed = "".join(
        f"<div class='teaser'><h3><a href='/story/{n}'>Another match report, number {n}</a></h3>"
        f"<p>{SECOND[n % 2]}</p><p><a href='/story/{n}'>Read on</a> | 3 min | Tennis</p></div>"
        for n in range(4)
    )
    html = story_page(feed + LISTEN)
    assert read(html, guard_share=0.0) == FIRST
    assert read(html) == FIRST


TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">FT: the president is considering replacing '
    "his top commander as criticism of his leadership continues to grow. "
    '<a href="https://t.co/x">pic.twitter.com/x</a></p>— Some Account (@some_account) '
    '<a href="https://twitter.com/some_account/status/1">July 18, 2026</a></blockquote>'
    '<script async src="https://platform.twitter.com/widgets.js"></script>'
)


def test_an_embedded_post_is_kept_unless_the_rules_drop_embedded_posts() -> None:
    html = story_page("".join(f"<p>{text}</p>" for text in SECOND)).replace(
        f"<p>{FIRST[1]}</p>", f"<p>{FIRST[1]}</p>{TWEET}"
    )
    kept = read(html)
    assert any(text.startswith("FT: the president is considering") for text in kept)
    assert read(html, drop_embedded_posts=True) == FIRST + SECOND
