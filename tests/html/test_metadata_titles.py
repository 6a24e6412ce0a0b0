"""Titles and standfirsts as the page means them: references decoded, markup dropped, the site's name
taken off, a kicker joined to its headline as the reader sees it (issue 14, metadata)."""

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


def og(key: str, value: str) -> str:
    return f'<meta property="og:{key}" content="{value}">'


def test_character_references_in_a_jsonld_headline_are_decoded() -> None:
    node = {"@type": "NewsArticle", "headline": "Kohberger&#8217;s lawyers: &quot;No comment&quot;"}
    assert read(jsonld(node)).title == 'Kohberger\u2019s lawyers: "No comment"'


def test_a_double_escaped_standfirst_is_decoded_once_more() -> None:
    meta = read(og("description", "The &amp;quot;family&amp;quot; plan &amp;amp; more"))
    assert meta.subtitle == 'The "family" plan & more'


def test_markup_inside_a_jsonld_description_is_dropped() -> None:
    node = {"@type": "NewsArticle", "headline": "H", "description": "<p>One <b>two</b>.</p><p>Three</p>"}
    assert read(jsonld(node)).subtitle == "One two. Three"


def test_the_site_name_after_a_separator_is_taken_off() -> None:
    head = og("title", "Ministers meet in Geneva - Example Times") + og("site_name", "Example Times")
    assert read(head).title == "Ministers meet in Geneva"
    head = og("title", "Ministers meet in Geneva | The Example Times") + og("site_name", "Example Times")
    assert read(head).title == "Ministers meet in Geneva"


def test_the_jsonld_publisher_names_the_site_too() -> None:
    node = {
        "@type": "NewsArticle",
        "headline": "Ministers meet in Geneva | Example Times",
        "publisher": {"@type": "Organization", "name": "Example Times Group"},
    }
    assert read(jsonld(node)).title == "Ministers meet in Geneva"


def test_a_host_name_after_a_separator_is_the_site() -> None:
    assert read(og("title", "Ein bisschen Fortschritt | beispiel.de")).title == "Ein bisschen Fortschritt"


def test_the_site_name_before_the_headline_is_taken_off() -> None:
    head = og("title", "Example Times | Ministers meet in Geneva") + og("site_name", "Example Times")
    assert read(head).title == "Ministers meet in Geneva"


def test_a_tail_repeated_in_the_page_title_goes_when_the_h1_is_the_rest() -> None:
    head = og("title", "Unermüdlicher Einsatz - Die Neue Zeitung des Tals")
    head += "<title>Unermüdlicher Einsatz – Die Neue Zeitung des Tals</title>"
    assert read(head, "<h1>Unermüdlicher Einsatz</h1>").title == "Unermüdlicher Einsatz"


def test_a_headline_after_a_short_h1_is_kept() -> None:
    # the <h1> is a section label: what follows the dash is the headline, not a site name
    assert read(og("title", "Sport - Late goal wins the cup final"), "<h1>Sport</h1>").title == (
        "Sport - Late goal wins the cup final"
    )


def test_a_dash_inside_a_headline_stays() -> None:
    head = og("title", "I sell holidays - booking the right day could save you thousands")
    head += og("site_name", "Daily Example")
    assert read(head).title == "I sell holidays - booking the right day could save you thousands"


def test_kicker_and_headline_join_as_the_reader_sees_them() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">\n'
        '<span class="kicker">Entwurf des Gesetzes</span><span class="hide">: </span>'
        "<span>Ein bisschen Fortschritt</span>\n</h1></article>"
    )
    assert read(body=body).title == "Entwurf des Gesetzes: Ein bisschen Fortschritt"


def test_style_sheet_text_is_no_standfirst() -> None:
    head = og("description", "/* inline css */ .tdi_70{ margin-bottom:30px !important; }")
    head += '<meta name="description" content="The real standfirst.">'
    assert read(head).subtitle == "The real standfirst."


def test_the_shared_title_ranks_above_a_microdata_headline() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">I sell Walt Disney World holidays</h1></article>'
    )
    assert read(og("title", "I sell Disney World holidays"), body).title == "I sell Disney World holidays"
    # the JSON-LD headline still comes first
    node = {"@type": "NewsArticle", "headline": "The JSON-LD headline"}
    assert read(jsonld(node) + og("title", "The shared title"), body).title == "The JSON-LD headline"


def test_an_application_name_that_is_the_headline_cuts_nothing_off() -> None:
    # a CMS that writes the headline into application-name: its words are no site name
    node = {
        "@type": "NewsArticle",
        "headline": 'Künstliche Intelligenz in der Schule - Kinder werden "schneller"',
        "publisher": {"@type": "Organization", "name": "Beispiel Online"},
    }
    head = jsonld(node) + '<meta name="application-name" content="Künstliche Intelligenz in der Schule '
    head += '- Kinder werden &quot;schneller&quot;">'
    assert read(head).title == 'Künstliche Intelligenz in der Schule - Kinder werden "schneller"'
    # the real application-name still goes
    head = og("title", "Kinder werden schneller - Beispiel Online")
    head += '<meta name="application-name" content="Beispiel Online">'
    assert read(head).title == "Kinder werden schneller"


def search_page(headline: str, document: str, shared: str, h1: str, site: str = "") -> Any:
    node = {"@type": "NewsArticle", "headline": headline}
    head = jsonld(node) + og("title", shared) + f"<title>{document}</title>"
    head += og("site_name", site) if site else ""
    return read(head, f"<article><h1>{h1}</h1><p>Text.</p></article>")


def test_a_jsonld_copy_of_the_search_title_yields_to_the_headline_shown_and_shared() -> None:
    meta = search_page(
        headline="Starmer suggests he will continue taking gifts",
        document="Starmer suggests he will continue taking gifts | The Example",
        shared="Starmer defiant over taking gifts",
        h1="Starmer defiant over taking gifts",
    )
    assert meta.title == "Starmer defiant over taking gifts"
    # the search title in title case is the same title
    meta = search_page(
        headline="Every outfit she has worn, ranked",
        document="Every Outfit She Has Worn, Ranked - Example Insider",
        shared="Every outfit she has worn to the premieres, ranked from least to most daring",
        h1="Every outfit she has worn to the premieres, ranked from least to most daring",
    )
    assert meta.title == "Every outfit she has worn to the premieres, ranked from least to most daring"
    # the <h1> and the shared title say the same in two typographies: the <h1>'s is the one shown
    meta = search_page(
        headline="King's speech summary: five key policies",
        document="King's speech summary: five key policies | Politics News | Example News",
        shared="Five key policies announced in first King's Speech",
        h1="Five key policies announced in first King\u2019s Speech",
        site="Example News",
    )
    assert meta.title == "Five key policies announced in first King\u2019s Speech"


def test_a_jsonld_headline_stays_unless_it_is_the_search_title_and_the_others_agree() -> None:
    # the <title> is the shared title, not the JSON-LD's: the JSON-LD headline is the editors' own
    meta = search_page(
        headline="Baerbock zur UN: Nur eine Etappe?",
        document="Annalena Baerbock: Jetzt Top-Job in New York",
        shared="Annalena Baerbock: Jetzt Top-Job in New York",
        h1="Annalena Baerbock: Jetzt Top-Job in New York",
    )
    assert meta.title == "Baerbock zur UN: Nur eine Etappe?"
    # the <h1> says what the JSON-LD says: the JSON-LD headline is the one shown
    meta = search_page(
        headline="Woman who lost 130lb: seven changes",
        document="Woman Who Lost 130lb: Seven Changes - Example Insider",
        shared="A woman who lost 130 pounds shares 7 changes she was not expecting",
        h1="Woman who lost 130lb: seven changes",
    )
    assert meta.title == "Woman who lost 130lb: seven changes"


def test_a_search_title_the_shared_title_contradicts_yields_to_the_h1() -> None:
    # three titles: the JSON-LD copies the <title>, og:title is the social variant, the <h1> is shown
    meta = search_page(
        headline="Verkehrschaos durch Hitze: Alte Trams als Risiko",
        document="Verkehrschaos durch Hitze: Alte Trams als Risiko | example.de",
        shared="Wenn Straßenbahnen schlappmachen: Der Kampf gegen die Hitze",
        h1="So sind Straßenbahnen auf Hitzewellen vorbereitet",
    )
    assert meta.title == "So sind Straßenbahnen auf Hitzewellen vorbereitet"


def test_an_h1_that_is_the_logo_is_no_headline() -> None:
    node = {
        "@type": "NewsArticle",
        "headline": "Is football violence a crime?",
        "publisher": {"@type": "Organization", "name": "The Example Journal"},
    }
    head = jsonld(node) + og("title", "Opinion | Is football violence a crime?")
    head += "<title>Is football violence a crime? - Example Journal</title>"
    body = '<header><h1><a href="/">The Example Journal</a><a href="/opinion">Opinion</a></h1></header>'
    assert read(head, body).title == "Is football violence a crime?"


def test_an_h1_that_is_a_section_label_is_no_headline() -> None:
    meta = search_page(
        headline="Meloni da Trump a Mar-a-Lago: «Bella serata»",
        document="Meloni da Trump a Mar-a-Lago: «Bella serata» - Example",
        shared="Giorgia Meloni vola da Donald Trump a Mar-a-Lago",
        h1="Roma",
    )
    assert meta.title == "Meloni da Trump a Mar-a-Lago: «Bella serata»"
