"""The text an Article hands out, as a reader sees it: characters that print nothing go, and every
string is in Unicode's composed form (NFC).

Pages hide typesetting hints in their text: soft hyphens (U+00AD, where a word may break at a line's
end), zero-width spaces (U+200B, where a long word or URL may break), word joiners (U+2060) and byte
order marks (U+FEFF) inside the text. None of them prints, but each splits a word for a program that
searches or counts words ("Helikopter\\u00adlandeplatz" is two words to ``\\w+``); and a page written in
decomposed form (``e`` and a combining accent) does not compare equal to the same words typed
composed. :func:`reading_text` removes the hints and composes the text.

The zero-width non-joiner and joiner (U+200C, U+200D) are spelling in some scripts, not hints: in
Persian ``می‌خواهم`` the non-joiner keeps two letters apart, and in Devanagari or an emoji sequence
the joiner shapes what is drawn. Between two letters or marks of a script other than Latin, Greek,
Cyrillic and the ideographs and kana (which never join), or between two symbols (an emoji
sequence), they are kept; anywhere else (a Latin word, a space, the text's edge) they are removed.

Ruby annotations (``<rt>``, ``<rp>``: the reading of a word, printed above it, and the brackets shown
around it where ruby is not drawn) are markup, dropped where the HTML is read
(:data:`~newsparse.articles.html.boilerplate.BOILERPLATE_TAGS`,
:func:`~newsparse.articles.html.body.element_text`)."""

from __future__ import annotations

import re
import unicodedata

import attrs

from newsparse.models import Article

__all__ = ["INVISIBLE", "JOINERS", "normalise_article", "reading_text"]

#: Characters that never print and are removed wherever they stand.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
#: The zero-width non-joiner and joiner: removed unless they shape a script that joins (see above).
JOINERS = "\u200c\u200d"

_HINTS = re.compile(f"[{INVISIBLE}{JOINERS}]")
_SPACES = re.compile(r"  +")


def _joining(character: str) -> bool:
    """True for a letter or mark of a script whose letters a (non-)joiner can shape, or a symbol (an
    emoji a joiner binds into a sequence); False for Latin, Greek, Cyrillic, ideographs and kana."""
    if not character:
        return False
    category = unicodedata.category(character)
    if category == "So":
        return True
    if category[0] not in "LM":
        return False
    code = ord(character)
    # Latin, Greek, Cyrillic (and their extensions), CJK ideographs, kana and Hangul never join.
    return not (
        code < 0x0590
        or 0x1D00 <= code < 0x2000
        or 0x2E80 <= code < 0xA000
        or 0xA640 <= code < 0xA6A0
        or 0xA720 <= code < 0xA800
        or 0xAC00 <= code < 0xD7B0
        or 0xF900 <= code < 0xFB00
        or 0xFF00 <= code < 0xFFF0
        or 0x20000 <= code < 0x32000
    )


def reading_text(text: str) -> str:
    """``text`` without soft hyphens, zero-width spaces, word joiners and byte order marks (and
    without the zero-width (non-)joiners that shape nothing), in NFC. Where a removed character left
    two spaces side by side, or a space at an end, one space or none remains."""
    if text.isascii():
        return text
    if _HINTS.search(text) is not None:

        def keep(match: re.Match[str]) -> str:
            hint, at = match.group(), match.start()
            if hint in JOINERS and at > 0 and _joining(text[at - 1]) and _joining(text[at + 1 : at + 2]):
                return hint
            return ""

        cleaned = _HINTS.sub(keep, text)
        if len(cleaned) != len(text):
            cleaned = _SPACES.sub(" ", cleaned).strip()
        text = cleaned
    return unicodedata.normalize("NFC", text)


def normalise_article(article: Article) -> Article:
    """``article`` with its title, subtitle and paragraphs in :func:`reading_text` form (a paragraph
    that held only hidden characters is dropped); the same object when nothing changes."""
    title = reading_text(article.title) if article.title else article.title
    subtitle = reading_text(article.subtitle) if article.subtitle else article.subtitle
    paragraphs = tuple(text for text in map(reading_text, article.paragraphs) if text.strip())
    if title == article.title and subtitle == article.subtitle and paragraphs == article.paragraphs:
        return article
    return attrs.evolve(article, title=title, subtitle=subtitle, paragraphs=paragraphs)
