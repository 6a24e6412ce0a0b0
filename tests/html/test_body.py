"""The generic body extractor on hand-made pages: what it keeps, what it drops, and bad input."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsparse import Article, Failure, Pipeline, PluginHost
from newsparse.articles.html.body import (
    DEFAULT_RULES,
    BodyRules,
    extract_body_text,
    extract_paragraphs,
    find_container,
    prune_boilerplate,
)
from newsparse.decode import decode_bytes
from newsparse.plugins.builtin import generic

STORY = [
    "The two ministers met in Geneva on Tuesday, their first meeting since the talks broke down in May.",
    "They spoke for three hours, aides said, and agreed to meet again before the end of the year.",
    "Neither side gave details of the agenda, but both called the meeting frank, useful and overdue.",
]


def page(body: str, head: str = "<title>A page</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def story_html(paragraph_tag: str = "p", attrs: str = "") -> str:
    return "".join(f"<{paragraph_tag}{attrs}>{text}</{paragraph_tag}>" for text in STORY)


NAV = '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and more</a></li></ul></nav>'
RELATED = (
    '<div class="related-stories"><h3>Related</h3><ul>'
    + "".join(
        f'<li><a href="/s{i}">Another story about something else entirely, number {i}</a></li>'
        for i in range(5)
    )
    + "</ul></div>"
)
SHARE = '<div class="share-bar">Share this article on every social network you have ever heard of</div>'


def test_story_paragraphs_are_kept_in_order_and_boilerplate_dropped() -> None:
    html = page(f"{NAV}<main><article><h1>Ministers meet</h1>{SHARE}{story_html()}{RELATED}</article></main>")
    assert extract_paragraphs(LexborHTMLParser(html)) == STORY


def test_div_paragraphs_count_as_paragraphs() -> None:
    # One <p> and the rest as <div> text, as some outlets write them.
    body = f"<p>{STORY[0]}</p>" + "".join(f'<div class="para">{text}</div>' for text in STORY[1:])
    html = page(f'{NAV}<div class="story">{body}</div><div class="sidebar">{RELATED}</div>')
    assert extract_paragraphs(LexborHTMLParser(html)) == STORY


def test_story_in_br_separated_text_is_read() -> None:
    html = page(f"{NAV}<div>{'<br><br>'.join(STORY)}</div>")
    assert extract_paragraphs(LexborHTMLParser(html)) == STORY


def test_the_densest_container_wins_over_a_comment_thread_of_short_lines() -> None:
    comments = '<div class="thread">' + "".join(f"<p>I agree, number {i}!</p>" for i in range(30)) + "</div>"
    html = page(f'<div class="post">{story_html()}</div>{comments}')
    assert extract_paragraphs(LexborHTMLParser(html)) == STORY


def test_short_paragraphs_and_list_items_at_the_edges_stay_but_labels_go() -> None:
    opening = ["<p><strong>What is new?</strong></p>", "<ul><li>New tasks</li><li>Bugs fixed</li></ul>"]
    html = page(
        '<div class="entry"><div class="label">Sponsored</div>'
        + "".join(opening)
        + story_html()
        + "<div>Photo: A. Reporter</div></div>"
    )
    assert extract_paragraphs(LexborHTMLParser(html)) == ["What is new?", "New tasks", "Bugs fixed", *STORY]


def test_headline_repeated_at_the_top_of_the_story_is_metadata_not_body() -> None:
    headline = "Ministers meet in Geneva for the first time since May"
    html = page(
        f'<div class="story"><h2>{headline}</h2>{story_html()}</div>',
        f"<title>{headline} | The Daily</title>",
    )
    assert extract_paragraphs(LexborHTMLParser(html)) == STORY
    # the same sentence elsewhere in the story, or without a matching <title>, stays
    html = page(f'<div class="story">{story_html()}<p>{headline}</p></div>', f"<title>{headline}</title>")
    assert extract_paragraphs(LexborHTMLParser(html)) == [*STORY, headline]
    html = page(f'<div class="story"><h2>{headline}</h2>{story_html()}</div>', "<title>The Daily</title>")
    assert extract_paragraphs(LexborHTMLParser(html)) == [headline, *STORY]


def test_hidden_and_print_only_blocks_are_dropped_but_responsive_ones_stay() -> None:
    hidden = [
        '<div class="d-none">Printed citation: retrieved from the site on a later date, with a URL.</div>',
        '<div hidden="">A hidden block of text that is long enough to be taken for prose, really.</div>',
        '<div style="display: none">An invisible block of text long enough to be taken for prose here.</div>',
        '<div class="d-print-none">Explore further: more stories like this one, on any topic you like.</div>',
    ]
    shown = "Shown on larger screens, this sentence is part of the story and long enough to count."
    html = page(
        '<div class="story">'
        + story_html()
        + "".join(hidden)
        + f'<div class="d-none d-md-block">{shown}</div></div>'
    )
    assert extract_paragraphs(LexborHTMLParser(html)) == [*STORY, shown]


def test_embedded_post_in_a_social_wrapper_is_kept() -> None:
    tweet = "This is the quoted post, and it is long enough to be part of what the story says."
    embed = (
        f'<div class="social-media-embed"><blockquote class="twitter-tweet"><p>{tweet}</p></blockquote></div>'
    )
    html = page(f"<article><p>{STORY[0]}</p>{embed}<p>{STORY[1]}</p><p>{STORY[2]}</p></article>")
    assert extract_paragraphs(LexborHTMLParser(html)) == [STORY[0], tweet, STORY[1], STORY[2]]


def test_words_split_by_inline_elements_keep_their_spaces() -> None:
    text = (
        "The <b>Kindle</b> <i>for</i> <a href='#'>PC</a> app, which many readers use every day, was updated."
    )
    html = page(f"<article><p>{text}</p><p>{STORY[0]}</p><p>{STORY[1]}</p></article>")
    assert extract_paragraphs(LexborHTMLParser(html))[0] == (
        "The Kindle for PC app, which many readers use every day, was updated."
    )


def test_short_ideographic_paragraphs_count_as_prose() -> None:
    # Each sentence is under 40 characters, but says as much as a long alphabetic one.
    sentences = ["これでようやく元の操作性を取り戻せました。", "再起動して完了しました。次は設定です。"]
    story = [*sentences[:1], *STORY, sentences[1]]
    html = page("<article>" + "".join(f"<p>{text}</p>" for text in story) + "</article>")
    assert extract_paragraphs(LexborHTMLParser(html)) == story


def test_find_container_and_prune_boilerplate_work_on_their_own() -> None:
    html = page(
        f'<div id="wrap">{SHARE}<div class="content-with-sidebar">{story_html()}</div>{RELATED}</div>'
    )
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    container = find_container(tree.body)
    assert container is not None
    assert container.attributes.get("class") == "content-with-sidebar"
    # the container's class names boilerplate ("sidebar"), but it is protected; the rest goes
    prune_boilerplate(tree.body, protect=container)
    assert tree.css_first(".share-bar") is None
    assert tree.css_first(".related-stories") is None
    assert tree.css_first(".content-with-sidebar") is not None


def test_text_is_read_from_the_page_not_invented() -> None:
    html = page(f"<article>{story_html()}</article>")
    assert extract_body_text(html) == "\n".join(STORY)


# -- rules ---------------------------------------------------------------------------------------------
_LINKED = (
    '<p>The talks, <a href="/a">which both sides called useful</a>, resume '
    '<a href="/b">next week in Geneva</a>.</p>'
)
_LONGER = "A different and much longer text that goes on, and on, " * 3


@pytest.mark.parametrize(
    ("rules", "html", "changed"),
    [
        # a short unmarked block at the end is a credit, unless the bound is lowered below its length
        (
            attrs.evolve(DEFAULT_RULES, min_edge_block=10),
            page(f'<div class="entry">{story_html()}<div>Photo: A. Reporter</div></div>'),
            [*STORY, "Photo: A. Reporter"],
        ),
        # a 14-character headline is kept as story text, unless headlines may be that short
        (
            attrs.evolve(DEFAULT_RULES, min_headline=10),
            page(
                f'<div class="story"><h2>Ministers meet</h2>{story_html()}</div>',
                "<title>Ministers meet</title>",
            ),
            STORY,
        ),
        # a paragraph half of it inside links is prose, unless links may take less of it
        (
            attrs.evolve(DEFAULT_RULES, max_link_share=0.5),
            page(f"<article>{story_html()}{_LINKED}</article>"),
            STORY,
        ),
        # only paragraphs of 120 characters and more count: the story's are shorter, the other block wins
        (
            attrs.evolve(DEFAULT_RULES, min_paragraph=120),
            page(f'<article>{story_html()}</article><div class="more"><p>{_LONGER}</p></div>'),
            [_LONGER.strip()],
        ),
    ],
    ids=["min_edge_block", "min_headline", "max_link_share", "min_paragraph"],
)
def test_a_changed_threshold_changes_the_result(rules: BodyRules, html: str, changed: list[str]) -> None:
    default = extract_paragraphs(LexborHTMLParser(html))
    assert default != changed
    assert extract_paragraphs(LexborHTMLParser(html), DEFAULT_RULES) == default
    assert extract_paragraphs(LexborHTMLParser(html), rules) == changed


def test_rules_are_frozen_and_default_to_the_tuned_values() -> None:
    assert BodyRules() == DEFAULT_RULES
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_RULES.min_paragraph = 10  # type: ignore[misc]


# -- bad input -------------------------------------------------------------------------------------------
@pytest.fixture
def pipeline() -> Pipeline:
    return Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic)]))


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Only a head</title></head></html>",
        '<html><head><title>F</title></head><frameset cols="50%,50%"><frame src="a.html">'
        '<frame src="b.html"></frameset></html>',
        "<script>var story = 'code that builds the page, with commas, long enough to be prose';</script>",
        "<html><body><div><span></span></div></body></html>",
    ],
    ids=["no body", "frameset", "script only", "empty elements"],
)
def test_pages_without_story_give_a_failure(pipeline: Pipeline, html: str) -> None:
    assert extract_body_text(html) == ""
    result = pipeline.result(html.encode())
    assert isinstance(result, Failure)
    assert result.error_type == "NoArticleError"


def test_ten_thousand_nesting_levels_are_read(pipeline: Pipeline) -> None:
    depth = 10_000
    html = page('<div class="share">' * depth + story_html() + "</div>" * depth)
    assert extract_body_text(html) == "\n".join(STORY)
    html = page("<p>" + "<span>" * depth + STORY[0] + "</span>" * depth + "</p>")
    result = pipeline.result(html.encode())
    assert isinstance(result, Article)
    assert result.paragraphs == (STORY[0],)


def test_ten_megabyte_page_is_read_whole(pipeline: Pipeline) -> None:
    paragraph = "<p>One of very many paragraphs of a long story, with commas, numbered {}.</p>\n"
    count = 125_000
    html = page(
        NAV + "<article>" + "".join(paragraph.format(i) for i in range(count)) + "</article>" + RELATED
    )
    assert len(html) > 10_000_000
    result = pipeline.result(html.encode())
    assert isinstance(result, Article)
    assert len(result.paragraphs) == count
    assert result.paragraphs[-1].endswith(f"numbered {count - 1}.")


def test_utf8_page_with_a_wrong_legacy_declaration_decodes_as_utf8(pipeline: Pipeline) -> None:
    text = "Le président a rencontré son homologue à Genève, déjà pour la troisième fois cette année."
    html = page(
        f"<article><p>{text}</p><p>{STORY[0]}</p><p>{STORY[1]}</p></article>", '<meta charset="iso-8859-1">'
    )
    assert decode_bytes(html.encode("utf-8"), html=True) == html
    result = pipeline.result(html.encode("utf-8"))
    assert isinstance(result, Article)
    assert result.paragraphs[0] == text


def test_legacy_page_with_its_right_declaration_keeps_it() -> None:
    html = page(
        "<p>Москва и Пекин договорились о новых встречах, сказал министр.</p>", '<meta charset="koi8-r">'
    )
    assert decode_bytes(html.encode("koi8-r"), html=True) == html


# -- generated pages -------------------------------------------------------------------------------------
_PROSE_WORDS = "the minister said talks were useful and will resume next week in Geneva, after a long delay."
WORDS = st.sampled_from([*_PROSE_WORDS.split(" "), "Share", "Related", "Comments", "Subscribe", "Read more"])
TEXT = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)
CLASSES = st.sampled_from(
    [
        "",
        "story",
        "article-body",
        "content",
        "share",
        "related",
        "comments",
        "ad",
        "sidebar",
        "nav",
        "caption",
    ]
)
INLINE = st.sampled_from(["a", "span", "b", "em"])
BLOCK = st.sampled_from(
    ["div", "section", "article", "p", "ul", "li", "blockquote", "h2", "aside", "nav", "td"]
)


def _element(tag: str, cls: str, children: list[str]) -> str:
    attribute = f' class="{cls}"' if cls else ""
    href = ' href="#"' if tag == "a" else ""
    return f"<{tag}{attribute}{href}>{''.join(children)}</{tag}>"


NODES = st.recursive(
    TEXT | st.just("<br>"),
    lambda children: (
        st.builds(_element, INLINE, CLASSES, st.lists(children, max_size=4))
        | st.builds(_element, BLOCK, CLASSES, st.lists(children, max_size=6))
    ),
    max_leaves=60,
)
_SPACES = re.compile(r"\s+")


@given(st.lists(NODES, min_size=1, max_size=8))
def test_generated_pages_never_raise_and_only_return_page_text(nodes: list[str]) -> None:
    html = page("".join(nodes))
    body = LexborHTMLParser(html).body
    assert body is not None
    # The page's own text as the parser reads it (text nodes in document order), whitespace collapsed:
    # every paragraph must be a run of it.
    page_text = _SPACES.sub(" ", body.text(deep=True))
    for paragraph in extract_paragraphs(LexborHTMLParser(html)):
        assert paragraph
        assert paragraph == paragraph.strip()
        if paragraph not in page_text:
            # an inline element named boilerplate (a tooltip inside a word) was cut out of the run:
            # what is left is still the page's text, in its order
            assert _cut_from(_SPACES.sub("", paragraph), _SPACES.sub("", page_text))


def _cut_from(part: str, whole: str) -> bool:
    """True when ``part`` is ``whole`` with some of its characters cut out (a subsequence)."""
    rest = iter(whole)
    return all(character in rest for character in part)
