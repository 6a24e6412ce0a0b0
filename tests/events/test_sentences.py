"""Sentence and clause cutting with spans that index Article.text."""

from __future__ import annotations

from newsparse.mentions.sentences import BlockKind, clause_bounds, is_boilerplate, quoted_spans, sentences
from newsparse.models import Article, Image


def article(*paragraphs: str, title: str | None = None, caption: str | None = None) -> Article:
    images = (Image(caption=caption),) if caption else ()
    return Article(
        source="t", outlet="generic", plugin="t", title=title, paragraphs=paragraphs, images=images
    )


def test_spans_index_the_article_text() -> None:
    a = article(
        "U.S. Secretary of State Antony Blinken met Wang Yi. Gen. Brown called Adm. Dong on Monday.",
        "Read more: other news",
        title="Blinken in Beijing",
        caption="Blinken and Wang shake hands.",
    )
    found = sentences(a)
    assert [s.text for s in found] == [
        "Blinken in Beijing",
        "U.S. Secretary of State Antony Blinken met Wang Yi.",
        "Gen. Brown called Adm. Dong on Monday.",
        "Blinken and Wang shake hands.",
    ]
    for s in found:
        assert a.text[s.start : s.end] == s.text
    assert [s.block.kind for s in found] == [
        BlockKind.TITLE,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.CAPTION,
    ]


def test_boilerplate_blocks_are_recognised() -> None:
    assert is_boilerplate("Read more: Biden and Xi to meet")
    assert is_boilerplate("WATCH: the summit")
    assert is_boilerplate("China , US , Wang Yi , Blinken")
    assert not is_boilerplate("Biden watched as Xi arrived.")
    assert not is_boilerplate("Biden, Xi and Modi met in Bali, Indonesia, on Monday.")


def test_clauses_cut_before_but_and_semicolons() -> None:
    text = "They met in Beijing, but no deal was reached; talks go on"
    assert [text[s:e] for s, e in clause_bounds(text)] == [
        "They met in Beijing",
        "but no deal was reached",
        "talks go on",
    ]


def test_quotes_are_spanned() -> None:
    text = 'Blinken said "we met and talked" and left.'
    (span,) = quoted_spans(text)
    assert text[span[0] : span[1]] == '"we met and talked"'
