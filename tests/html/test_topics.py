"""Topics as a reader would list them: the content system's ids, facets and codes left out, a
space-joined keyword string yielding to a list, the page's tag links read (issue 14, metadata)."""

from __future__ import annotations

import json
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.metadata import read_metadata


def read(head: str = "", body: str = "") -> Any:
    html = f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(LexborHTMLParser(html), timezone="UTC")


def jsonld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def keywords(content: str) -> str:
    return f'<meta name="keywords" content="{content}">'


def test_a_comma_separated_meta_list_wins_over_a_space_joined_jsonld_string() -> None:
    node = {"@type": "NewsArticle", "keywords": "Unfall Rettungswesen Berlin Teltow"}
    meta = read(jsonld(node) + keywords("Unfall, Rettungswesen, Berlin, Teltow"))
    assert meta.tags == ("Unfall", "Rettungswesen", "Berlin", "Teltow")


def test_a_space_joined_string_is_kept_when_nothing_lists_the_topics() -> None:
    assert read(keywords("dollar bill worth check")).tags == ("dollar bill worth check",)


def test_ids_host_names_and_the_site_name_are_no_topics() -> None:
    head = keywords("26157981-b4f7-4929-adc1-e860c6f03636, Travel, 100312362, example.com, Example Times")
    head += '<meta property="og:site_name" content="Example Times">'
    assert read(head).tags == ("Travel",)


def test_facets_keep_the_value_of_a_topic_label_and_drop_the_others() -> None:
    values = ["Day: Friday", "Page Type: Article", "Subject: Justice", "Subject: Politics", "Category: Life"]
    meta = read(jsonld({"@type": "NewsArticle", "keywords": values}))
    assert meta.tags == ("Justice", "Politics", "Life")


def test_a_lone_colon_keyword_is_a_topic() -> None:
    assert read(keywords("Brexit: what next, Europe")).tags == ("Brexit: what next", "Europe")


def test_a_list_of_subject_codes_yields_to_the_next_source() -> None:
    node = {"@type": "NewsArticle", "keywords": ["AER", "AERO", "INDS08", "TRAN", "GEN", "ASXPAC"]}
    meta = read(jsonld(node) + '<meta property="article:tag" content="Aerospace">')
    assert meta.tags == ("Aerospace",)
    # a few capitals are topics
    assert read(keywords("USA, EU, KI")).tags == ("USA", "EU", "KI")


def test_rel_tag_links_of_the_article_footer_are_the_topics_without_keywords() -> None:
    body = (
        "<nav><a rel='tag' href='/tag/menu'>Menu</a></nav>"
        "<article><h1>Headline</h1><p>Story.</p><footer class='entry-footer'><ul>"
        "<li><a rel='tag' href='/tag/a'>Care-Arbeit</a></li>"
        "<li><a rel='tag' href='/tag/b'>Social Media</a></li>"
        "</ul></footer></article><footer><a rel='tag' href='/tag/site'>Impressum</a></footer>"
    )
    assert read(body=body).tags == ("Care-Arbeit", "Social Media")


def test_the_links_of_a_tag_list_after_the_h1() -> None:
    body = (
        "<div class='header_topics'><a>Politik</a><a>Sport</a></div>"
        "<h1>Headline</h1><p>Story.</p>"
        "<div class='tag-list_tagList'><a class='Tag_tag'>Fußball-WM 2026</a></div>"
    )
    assert read(body=body).tags == ("Fußball-WM 2026",)


def test_a_list_the_page_labels_as_its_topics() -> None:
    body = (
        "<nav><strong>Themen</strong><ul><li><a>Politik</a></li></ul></nav>"
        "<h1>Headline</h1><p>Story.</p>"
        "<ul><li><a>Newsletter</a></li></ul>"
        "<div><span>Mehr lesen über</span> <ul><li><a> Festgeld </a></li><li><a>Bauzinsen</a></li></ul></div>"
    )
    assert read(body=body).tags == ("Festgeld", "Bauzinsen")
    body = "<h1>見出し</h1><h2>関連キーワード</h2><ul><li><a>#北朝鮮</a></li><li><a>#韓国</a></li></ul>"
    assert read(body=body).tags == ("#北朝鮮", "#韓国")


def test_a_list_after_an_unrelated_label_is_no_tag_list() -> None:
    body = "<h1>Headline</h1><h2>Most read</h2><ul><li><a>Another story</a></li></ul>"
    assert read(body=body).tags == ()


def test_paths_and_snake_case_identifiers_are_no_topics() -> None:
    assert read(keywords("afghanistan, /article, channel_other, https://example.org/x, case study")).tags == (
        "afghanistan",
        "case study",
    )


def test_a_semicolon_list_without_commas_is_split() -> None:
    assert read(keywords("US;GLOBAL;MARKETS;Crude Oil;European Union")).tags == (
        "US",
        "GLOBAL",
        "MARKETS",
        "Crude Oil",
        "European Union",
    )


def test_brackets_and_routing_values_are_no_topics_and_slashes_stay() -> None:
    values = ["[SYNDICATED CONTENT]", "AR_Hope - hopestar.com", "Israel/Gaza", "Russia/Ukraine", "Egypt"]
    assert read(jsonld({"@type": "NewsArticle", "keywords": values})).tags == (
        "Israel/Gaza",
        "Russia/Ukraine",
        "Egypt",
    )


def test_rel_tag_links_are_read_as_css_reads_rel_words() -> None:
    """The metadata walk keeps the ``rel=tag`` links that ``a[rel~="tag" i]`` selects: the word in
    any case, among others split by ASCII whitespace; a rel joined by a no-break space is one word."""
    body = (
        "<h1>Headline</h1><p>Story.</p><footer>"
        "<a rel='TAG' href='/t/a'>Klima</a>"
        "<a rel='bookmark\ttag' href='/t/b'>Energie</a>"
        "<a rel='tag\u00a0bookmark' href='/t/c'>Navigation</a>"
        "<a rel='tags' href='/t/d'>Archiv</a>"
        "<link rel='tag' href='/t/e'>"
        "</footer>"
    )
    html = f"<html><body><article>{body}</article></body></html>"
    meta = read(body=f"<article>{body}</article>")
    assert meta.tags == ("Klima", "Energie")
    assert [node.text() for node in LexborHTMLParser(html).css('a[rel~="tag" i]')] == ["Klima", "Energie"]


def test_one_walk_finds_the_lists_and_the_tag_list_elements_of_two() -> None:
    """The lists after the h1 and the elements with a tag word in their class come from one CSS walk,
    each element as often as the walk of its own would give it (once per class selector it matches)."""
    from newsparse.articles.html.topics import _TAG_CLASSES, _lists_and_classed

    html = (
        "<html><body><ul class='topics-nav'><li>Menu</li></ul>"
        "<h1 class='topic-title'>Headline</h1><p>Story.</p><ol><li>One</li></ol>"
        "<ul class='tags keywords'><li><a class='tag'>Klima</a></li></ul>"
        "<div class='Schlagworte topic-box'><a>Energie</a></div><ul><li>Two</li></ul></body></html>"
    )
    tree = LexborHTMLParser(html)
    lists, classed = _lists_and_classed(tree)
    assert [node.mem_id for node in lists] == [node.mem_id for node in tree.css("h1, ul, ol")]
    assert [node.mem_id for node in classed] == [node.mem_id for node in tree.css(f"h1, {_TAG_CLASSES}")]
    assert [node.tag for node in classed] == ["ul", "h1", "h1", "ul", "ul", "a", "div", "div"]
