"""The text an Article hands out (issue 14 item 7): no soft hyphens or zero-width characters, and NFC,
whatever the page typed; the zero-width (non-)joiners that spell a word of a joining script stay."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsparse import parse
from newsparse.articles.html.body import element_text
from newsparse.articles.text import INVISIBLE, JOINERS, reading_text

SOFT_HYPHEN, ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM = "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"


def test_a_soft_hyphen_inside_a_german_compound_goes() -> None:
    # as a Swiss daily sets its headline: "Helikopter&shy;landeplatz"
    headline = f"Trump plant Helikopter{SOFT_HYPHEN}landeplatz"
    assert reading_text(headline) == "Trump plant Helikopterlandeplatz"


def test_zero_width_spaces_word_joiners_and_byte_order_marks_go() -> None:
    assert reading_text(f"{BOM}The minister{ZWSP} said{WORD_JOINER} so.") == "The minister said so."


def test_a_removed_character_between_spaces_leaves_one_space() -> None:
    assert reading_text(f"the envoy {ZWSP} met the minister {ZWSP}") == "the envoy met the minister"


def test_decomposed_accents_are_composed() -> None:
    decomposed = "Cafe\u0301 in Mu\u0308nchen"
    assert reading_text(decomposed) == "Café in München"
    assert unicodedata.is_normalized("NFC", reading_text(decomposed))


def test_a_soft_hyphen_between_a_letter_and_its_accent_does_not_leave_it_decomposed() -> None:
    assert reading_text(f"Re{SOFT_HYPHEN}\u0301sume\u0301") == "Résumé"


def test_a_persian_non_joiner_is_spelling_and_stays() -> None:
    word = f"می{ZWNJ}خواهم"  # "I want": the non-joiner keeps the prefix's letter unjoined
    assert reading_text(f"من {word} بروم") == f"من {word} بروم"


def test_an_emoji_sequence_keeps_its_joiner() -> None:
    assert reading_text(f"Coders 👩{ZWJ}💻 met.") == f"Coders 👩{ZWJ}💻 met."


def test_a_joiner_in_a_latin_word_goes() -> None:
    # a ligature hint in German ("Auf|lage"): Latin letters never join
    assert reading_text(f"Auf{ZWNJ}lage und Schiff{ZWJ}fahrt") == "Auflage und Schifffahrt"


def test_parse_cleans_title_standfirst_and_body() -> None:
    story = f"Der Bundes{SOFT_HYPHEN}rat hat am Montag{ZWSP} entschieden, dass die Strecke gebaut wird. "
    html = (
        "<html><head><title>Helikopter\u00adlandeplatz</title>"
        '<meta property="og:title" content="Helikopter&shy;landeplatz genehmigt">'
        '<meta name="description" content="Der Entscheid fiel einstimmig&#8203;, sagt die Regierung.">'
        "</head><body><article><h1>Helikopter&shy;landeplatz genehmigt</h1>"
        + f"<p>{story * 3}</p><p>Die Gemeinde Mu\u0308nchenstein reagierte erfreut.{WORD_JOINER} {story}</p>"
        + "<p>&#8203;</p></article></body></html>"
    )
    article = parse(html)
    assert article.title == "Helikopterlandeplatz genehmigt"
    assert article.subtitle == "Der Entscheid fiel einstimmig, sagt die Regierung."
    assert article.paragraphs[0].startswith("Der Bundesrat hat am Montag entschieden, dass")
    assert article.paragraphs[1].startswith("Die Gemeinde Münchenstein reagierte erfreut. Der Bundesrat")
    assert len(article.paragraphs) == 2  # the paragraph of a lone zero-width space is no paragraph


HIDDEN = st.sampled_from([*INVISIBLE, *JOINERS, "\u0301", "\u0308", " "])
LETTERS = st.sampled_from([*"aeouAEOUnß", "é", "ö", "ф", "ش", "ह", "東", "👩"])


@given(st.lists(st.one_of(LETTERS, HIDDEN), min_size=1, max_size=60))
def test_reading_text_is_nfc_and_holds_no_hint(characters: list[str]) -> None:
    text = reading_text("".join(characters))
    assert unicodedata.is_normalized("NFC", text)
    assert not set(text) & set(INVISIBLE)
    for at, character in enumerate(text):
        if character in JOINERS:  # only between letters of a joining script, or symbols
            assert 0 < at < len(text) - 1
            assert text[at - 1] not in " aeouAEOUnßéöф東" and text[at + 1] not in " aeouAEOUnßéöф東"


WORDS = st.lists(
    st.sampled_from([*"abcdefghij ", *INVISIBLE, *JOINERS, "e\u0301", "u\u0308"]), min_size=1, max_size=30
).map("".join)


@given(st.lists(WORDS, min_size=1, max_size=6), WORDS)
def test_parse_output_is_nfc_and_holds_no_hint(paragraphs: list[str], title: str) -> None:
    filler = " and the council met on Monday, as it said it would, to decide the matter"
    body = "".join(f"<p>{text}{filler}.</p>" for text in paragraphs)
    article = parse(f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>")
    for text in (article.title or "", article.subtitle or "", *article.paragraphs):
        assert unicodedata.is_normalized("NFC", text)
        assert not set(text) & set(INVISIBLE + JOINERS)  # Latin letters only: no joiner shapes them


RUBY = (
    "<p>【ソウル＝小池和樹】韓国の<ruby><rb>尹錫悦</rb><rp>（</rp><rt>ユンソンニョル</rt><rp>）</rp></ruby>"
    "大統領は３日夜、緊急談話を出し、野党が国政をまひさせているとして「非常戒厳」を宣言した。</p>"
)


def test_ruby_readings_are_not_read_into_the_body() -> None:
    article = parse(f"<html><body><article>{RUBY * 2}</article></body></html>")
    assert article.paragraphs[0] == (
        "【ソウル＝小池和樹】韓国の尹錫悦大統領は３日夜、緊急談話を出し、野党が国政をまひさせている"
        "として「非常戒厳」を宣言した。"
    )


def test_ruby_readings_are_not_read_into_element_text() -> None:
    node = LexborHTMLParser(
        "<h1><ruby>弾劾<rp>(</rp><rt><span>だんがい</span></rt><rp>)</rp></ruby>訴追案</h1>"
    ).css_first("h1")
    assert node is not None
    assert element_text(node) == "弾劾訴追案"
