"""The generic body extractor on the failure classes of issue 14, one small hand-made page each."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.body import extract_paragraphs, script_spans
from newsparse.articles.html.boilerplate import BOILERPLATE_NAME, name_words

STORY = [
    "The two ministers met in Geneva on Tuesday, their first meeting since the talks broke down in May.",
    "They spoke for three hours, aides said, and agreed to meet again before the end of the year.",
    "Neither side gave details of the agenda, but both called the meeting frank, useful and overdue.",
    "A third round is planned for the spring, when the weather and the calendar allow it, aides said.",
]


def page(body: str, head: str = "<title>A page</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def paragraphs(html: str) -> list[str]:
    return extract_paragraphs(LexborHTMLParser(html))


@pytest.mark.parametrize(
    ("name", "boilerplate"),
    [
        ("share-bar", True),
        ("shareBar", True),
        ("c-ad c-ad-halfpage", True),
        ("comments-list", True),
        ("authorname", True),  # a compound that starts with a word
        ("meldungsfooter", True),  # ... or ends with it
        ("read_more", True),
        ("zendaya-promoted-dune-part-two", False),  # "promo" inside another word
        ("article-type-commentary", False),  # an opinion column, not a comment thread
        ("header load", False),  # "ad" inside words
        ("overflow-hidden", False),
    ],
)
def test_class_names_are_read_as_words(name: str, boilerplate: bool) -> None:
    assert bool(BOILERPLATE_NAME.search(name_words(name))) is boilerplate


def test_story_blocks_whose_ids_hold_a_boilerplate_word_inside_a_longer_word_are_kept() -> None:
    # A slideshow whose slide ids are slugs of the slide's caption: "promoted" is not "promo".
    slides = "".join(
        f'<div class="slide" id="she-promoted-the-film-{i}"><h2>Slide {i}</h2><p>{text}</p></div>'
        for i, text in enumerate(STORY)
    )
    html = page(f'<article><div class="slides">{slides}</div></article><div class="promo">Buy now</div>')
    assert [text for text in paragraphs(html) if not text.startswith("Slide")] == STORY


@pytest.mark.parametrize(
    "between",
    [
        '<div class="share">Share this</div>',  # a removed block between two runs of text
        '<a href="#"><div class="share">Share this</div></a>',  # ... inside an inline element
        "<aside>More stories</aside>",  # a stripped block element
    ],
)
def test_text_around_a_removed_block_is_not_glued_together(between: str) -> None:
    html = page(f"<article><div>{STORY[0]}{between}{STORY[1]}</div><p>{STORY[2]}</p></article>")
    assert paragraphs(html) == STORY[:3]


def test_an_inline_element_with_a_boilerplate_name_inside_a_sentence_stays() -> None:
    sentence = "The minister thanked the author of the report, Jane Doe, for her work on it."
    html = page(
        f'<article><p>The minister thanked the <a class="author">author</a> of the report, '
        f"Jane Doe, for her work on it.</p><p>{STORY[0]}</p><p>{STORY[1]}</p></article>"
    )
    assert paragraphs(html) == [sentence, STORY[0], STORY[1]]


LONG = [
    f"{text} The talks, which began in {year}, have been slow, and few expect a deal this year, aides said."
    for year, text in zip(range(2001, 2020), STORY * 4, strict=False)
]


def test_a_long_reader_comment_inside_a_comment_thread_does_not_win_over_the_story() -> None:
    # The story's paragraphs sit in a plain wrapper; one reader's long comment, in a wrapper named
    # "text", outscores it (more and longer paragraphs), but it lies in a comment thread.
    def comment(number: int) -> str:
        header = f'<div class="meta"><a href="/u{number}">Reader {number}</a> <span>28.4.2023</span></div>'
        body = "".join(f"<p>{text} I think so too, and I said so, twice.</p>" for text in LONG[:6])
        return f'<li class="comment">{header}<div class="message text">{body}</div><a href="#">Reply</a></li>'

    thread = f'<section><ul class="comments-list">{comment(1)}{comment(2)}</ul></section>'
    story = "".join(f"<p>{text}</p>" for text in LONG[6:10])
    html = page(f'<main><article><div class="columns">{story}</div></article></main><div>{thread}</div>')
    assert paragraphs(html) == LONG[6:10]


def test_a_story_split_over_wrappers_of_one_kind_is_read_whole() -> None:
    # Two CMS blocks of the story; the first also holds a sign-up box whose short lines outweigh a
    # widening of the container (the second block's content) to the article.
    signup = '<div class="newsletter">' + "<div>Get the news daily</div>" * 30 + "</div>"

    def block(texts: list[str], extra: str = "") -> str:
        body = "".join(f"<p>{text}</p>" for text in texts)
        return f'<div class="story-block"><div class="block-content">{body}</div>{extra}</div>'

    html = page(f"<article>{block(LONG[:3], signup)}{block(LONG[3:9])}</article>")
    assert paragraphs(html) == LONG[:9]


def test_a_feed_of_other_stories_after_the_story_is_not_more_of_it() -> None:
    excerpts = "".join(
        f'<div class="post"><h3><a href="/s{i}">Another headline of another story, number {i}</a></h3>'
        f"<div><span>By A. Writer</span> <span>May 17, 2024</span></div>"
        f"<div>{LONG[i]}</div></div>"
        for i in range(8, 12)
    )
    story = "".join(f"<p>{text}</p>" for text in LONG[:6])
    html = page(
        f'<div class="single"><div class="entry">{story}</div><div class="query">{excerpts}</div></div>'
    )
    assert paragraphs(html) == LONG[:6]


def test_the_standfirst_in_the_story_header_is_kept_and_the_rest_of_the_header_goes() -> None:
    lead = "Ministers have met again, and this time they agreed on a date for the next round of talks."
    header = (
        '<header class="articlehead"><span class="kicker">Diplomacy</span><h1>Ministers meet</h1>'
        f'<div class="meta">By A. Writer, 8 July</div><p class="preface">{lead}</p></header>'
    )
    site_header = (
        "<header><p>The Daily: news, weather and sport from the whole region, every day.</p></header>"
    )
    html = page(f"{site_header}<article>{header}{''.join(f'<p>{t}</p>' for t in STORY)}</article>")
    assert paragraphs(html) == [lead, *STORY]


def test_a_page_whose_text_is_only_in_json_ld_is_read_from_its_article_body() -> None:
    data = json.dumps({"@graph": [{"@type": "NewsArticle", "articleBody": "\n\n".join(STORY)}]})
    html = page(
        '<div id="app"><p>Loading…</p></div>',
        f'<title>A page</title><script type="application/ld+json">{data}</script>',
    )
    assert paragraphs(html) == STORY


def test_a_longer_story_in_the_markup_wins_over_a_json_ld_teaser() -> None:
    data = json.dumps({"@type": "NewsArticle", "articleBody": STORY[0]})
    html = page(
        f"<article>{''.join(f'<p>{t}</p>' for t in STORY)}</article>",
        f'<title>A page</title><script type="application/ld+json">{data}</script>',
    )
    assert paragraphs(html) == STORY


def test_a_page_whose_text_is_only_in_a_noscript_copy_is_read_from_it() -> None:
    copy = "<article>" + "".join(f"<p>{t}</p>" for t in STORY) + "</article>"
    html = page(f'<div id="app"></div><noscript>{copy}</noscript>')
    assert paragraphs(html) == STORY


def test_a_headline_with_its_kicker_and_a_date_line_at_the_top_are_not_story() -> None:
    html = page(
        '<div class="story"><p>Diplomacy</p>'
        "<h2>Inquiry into the floods Two resignations, and many open questions</h2>"
        f"<p>Updated: 28.04.2023 17:23</p>{''.join(f'<p>{t}</p>' for t in STORY)}</div>",
        "<title>Two resignations, and many open questions | The Daily</title>",
    )
    assert paragraphs(html) == STORY


def test_a_first_sentence_that_repeats_the_headline_is_story() -> None:
    first = "The minister has resigned, the office of the minister said."
    html = page(
        f"<div class='story'><p>{first}</p>{''.join(f'<p>{t}</p>' for t in STORY)}</div>",
        "<title>The minister has resigned | The Daily</title>",
    )
    assert paragraphs(html) == [first, *STORY]


def test_absurdly_nested_json_ld_is_no_copy_and_no_crash() -> None:
    nested = "[" * 100_000 + "]" * 100_000
    html = page(
        "<div><p>Short.</p></div>", f'<title>A</title><script type="application/ld+json">{nested}</script>'
    )
    assert paragraphs(html) == ["Short."]


def test_an_unclosed_aside_that_swallows_the_page_is_unwrapped_not_deleted() -> None:
    html = page(f"<aside><div>Related</div>{''.join(f'<p>{t}</p>' for t in STORY)}")
    assert paragraphs(html) == STORY


PROMPT = (
    "<div class='paywall_pzomzzc' data-k2-component-name='k2-paywall-container'><div class='container'>"
    "<p class='message'>Subscribe now: every article, two months free<br>for new members only</p>"
    "<a class='button' href='/promotion'>Start the free trial</a><a class='button' href='/login'>Log in</a>"
    "</div></div>"
)


def test_a_paywall_prompt_after_the_story_is_removed() -> None:
    story = "".join(f"<p>{text}</p>" for text in STORY)
    found = paragraphs(page(f"<article><div class='article-body'>{story}{PROMPT}</div></article>"))
    assert found == STORY


def test_paragraphs_of_the_paid_part_named_paywall_are_kept() -> None:
    # the free part in plain paragraphs, the rest in paragraphs (or a wrapper) named for the paywall
    free = "".join(f"<p>{text}</p>" for text in STORY[:2])
    paid = "".join(f"<p class='paywall'>{text}</p>" for text in STORY[2:])
    assert paragraphs(page(f"<article><div class='body'>{free}{paid}</div></article>")) == STORY
    plain = "".join(f"<p>{text}</p>" for text in STORY[2:])
    wrapped = f"<div class='o-paywall'>{plain * 4}</div>"
    found = paragraphs(page(f"<article><div class='body'>{free}{wrapped}</div></article>"))
    assert found == STORY[:2] + STORY[2:] * 4


MORE_STORIES = (
    "<hr><div class='heading-h3'>More Great Stories</div><ul>"
    "<li>The strange life and <a href='/story/coder'>mysterious death of a virtuoso coder</a></li>"
    "<li>How a social network <a href='/story/amendment'>gets the First Amendment backward</a></li>"
    "<li>How to opt out of the sites <a href='/story/opt-out'>that sell your personal data</a></li>"
    "<li>What a wearables deal means <a href='/story/wearables'>for the future of fitness</a></li>"
    "</ul>"
)


def test_a_list_of_other_stories_appended_to_the_story_is_dropped() -> None:
    story = "".join(f"<p>{text}</p>" for text in STORY)
    assert paragraphs(page(f"<article>{story}{MORE_STORIES}</article>")) == STORY


def test_a_story_ending_with_a_list_of_points_keeps_it() -> None:
    points = [
        "Talks resume in the spring, in Geneva",
        "Both sides will bring <a href='/doc'>their draft texts</a>",
        "A third round is not planned yet",
    ]
    story = "".join(f"<p>{text}</p>" for text in STORY)
    found = paragraphs(
        page(
            f"<article>{story}<p>What comes next:</p><ul>"
            + "".join(f"<li>{item}</li>" for item in points)
            + "</ul></article>"
        )
    )
    assert found[-3:] == [
        "Talks resume in the spring, in Geneva",
        "Both sides will bring their draft texts",
        "A third round is not planned yet",
    ]


def test_a_page_rendered_by_scripts_is_read_from_the_state_its_script_ships() -> None:
    # no prose in the markup: the story is a string of the script's state, its tags escaped as JSON does
    content = "".join(f"\\u003cp\\u003e{text}\\u003c/p\\u003e" for text in STORY)
    caption = (
        '\\u003cdiv class=\\"caption\\"\\u003e\\u003cp\\u003eThe ministers in Geneva. Photo'
        "\\u003c/p\\u003e\\u003c/div\\u003e"
    )
    state = (
        '<script>window["__RQ__"] = window["__RQ__"] || [];window["__RQ__"].push({"queries":[{"data":'
        f'{{"title":"Talks resume","contentHtml":"{caption}{content}","paperDate":"2026-01-30"}}'
        "}]});</script>"
    )
    html = page(f"<div id='__next'><nav><a href='/'>Home</a></nav></div>{state}<footer>© 2026</footer>")
    assert paragraphs(html) == STORY


def test_scripts_are_not_read_when_the_markup_holds_the_story() -> None:
    other = "".join(
        f"\\u003cp\\u003e{text} (an older story){' padding' * 20}\\u003c/p\\u003e" for text in STORY
    )
    story = "".join(f"<p>{text}</p>" for text in STORY)
    html = page(f'<article>{story}</article><script>var state = {{"html":"{other}"}};</script>')
    assert paragraphs(html) == STORY


def test_a_script_string_that_is_no_json_string_is_no_copy() -> None:
    bad = "\\x3cp\\x3e" + "Text escaped the JavaScript way, which JSON does not read. " * 8
    assert paragraphs(page(f'<div></div><script>var s = "{bad}";</script>')) == []


#: The pattern script_spans reads the scripts of a page as (it read the page again from every unclosed
#: ``<script``: quadratic on a page of many).
_SCRIPT_PATTERN = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SCRIPT_PIECES = ["<script", "<SCRIPT", "<scripts", " src=x", ">", "</script>", "</script >", "</Script>"]
_SCRIPT_PIECES += ["</script", "<", "x", "\n", '"', " "]


@given(st.lists(st.sampled_from(_SCRIPT_PIECES), max_size=12).map("".join))
def test_script_spans_are_the_scripts_the_pattern_finds(text: str) -> None:
    expected = [(m.start(), m.start(1), m.end(1), m.end()) for m in _SCRIPT_PATTERN.finditer(text)]
    assert list(script_spans(text)) == expected


def test_a_page_of_unclosed_script_tags_has_no_scripts_and_no_script_copy() -> None:
    text = "<script>var a = 1;" * 3 + "</scrip>"
    assert list(script_spans(text)) == []
    assert list(script_spans(text + "</script>")) == [(0, 8, len(text), len(text) + 9)]
    assert paragraphs(page("<div></div>" + "<script>var s = 1;" * 50)) == []
