"""Cutting an article's text into sentences and clauses, with spans into ``Article.text``.

Mentions are found sentence by sentence, and their traps (negation, intent, hope) and their dates and
places are scoped to the clause of the word that reports the contact, so "The meeting took place at the
Great Hall, as neither side confirmed it until an hour before" stays a meeting. Boilerplate blocks
("Read next: ...", "WATCH: ...", comment forms) that leaked into an article are skipped here, once.
"""

from __future__ import annotations

import enum
import logging
import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from newsparse.models import Article

__all__ = [
    "BOILERPLATE",
    "MAX_SENTENCE_CHARS",
    "Block",
    "BlockKind",
    "Sentence",
    "article_blocks",
    "block_sentences",
    "clause_bounds",
    "is_boilerplate",
    "quoted_spans",
]

#: Blocks that belong to the page, not to the story: they are never read for mentions.
BOILERPLATE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*(read (next|more|also)|also read|related( news| stories| articles)?|see also|recommended|"
        r"watch|listen|more on this|most read|trending|next in\b|others also read|you may also like)"
        r"\s*[:|\-–—]?",
        r"^\s*(advertisement|sponsored|subscribe|sign up|follow us|click here|share this|download the app)\b",
        r"^\s*(getting your .*audio player ready|please enter your (comment|name)|leave a (comment|reply))",
        r"^\s*(all rights reserved|copyright|©)",
        r"^\s*info_icon\s*$",
        r"^[^.!?,]{1,40}(?:\s,\s[^.!?,]{1,40}){2,}\s*$",  # a tag list: "China , US , Wang Yi , Blinken"
    )
)

_log = logging.getLogger("newsparse")

#: The longest sentence read as one (issue 18 item 11): the rules look back and forth within a clause,
#: so their work grows with the square of a sentence's length, and one long unpunctuated paragraph
#: could stall a run. Real sentences stay far below this (the longest of 8,348 sentences of the
#: article-extraction pages has 2,071 characters); a longer run of text is read in pieces of at most
#: this length, cut at a space, with a warning.
MAX_SENTENCE_CHARS = 4_000

_ABBREVIATION_WORDS = (
    "u.s u.k u.n e.u gen lt col maj adm capt sgt rep sen gov pres dr mr mrs ms mt st jr sr no vs etc inc co "
    "corp dept jan feb mar apr jun jul aug sep sept oct nov dec approx est fig p.m a.m"
)
#: Words whose full stop does not end a sentence ("Gen. Brown", "U.S. officials", "Dec. 6").
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
#: Words that open a new clause after a comma (or, for the strong ones, anywhere).
_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:but|as|which|who|whose|while|when|where|since|after|although|though|because|whereas|"
    r"potentially|possibly)\b)|;\s+|\s+-\s+|\s+[–—]\s+|\s+(?=(?:but|since|although|whereas|whether)\s)"
)


class BlockKind(enum.Enum):
    """Which part of the article a block is. The headline is read for names, not for reports."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"


@attrs.frozen
class Block:
    """One block of the article (title, standfirst, paragraph or caption) and where it starts."""

    text: str
    start: int
    kind: BlockKind


@attrs.frozen
class Sentence:
    """One sentence, its span in ``Article.text``, and the block it belongs to."""

    text: str
    start: int
    end: int
    block: Block
    index: int  # position among the article's sentences (boilerplate excluded)


def is_boilerplate(block: str) -> bool:
    return any(pattern.search(block) for pattern in BOILERPLATE)


def article_blocks(article: Article) -> list[Block]:
    """The article's blocks with their offsets in ``article.text`` (which joins them by blank lines)."""
    kinds = ([BlockKind.TITLE] if article.title else []) + ([BlockKind.SUBTITLE] if article.subtitle else [])
    kinds += [BlockKind.PARAGRAPH] * len(article.paragraphs)
    kinds += [BlockKind.CAPTION] * sum(1 for image in article.images if image.caption)
    blocks: list[Block] = []
    offset = 0
    for text, kind in zip(article.blocks(), kinds, strict=True):
        blocks.append(Block(text=text, start=offset, kind=kind))
        offset += len(text) + 2
    return blocks


#: A run of word characters and full stops at the start of a text (read reversed: the word before a stop).
_WORD_RUN = re.compile(r"[\w.]*")


def _word_before(window: str) -> str:
    """The word (with its inner full stops) that ends ``window`` before its closing stops, in lower
    case without a trailing full stop: "U.S" for "... U.S.", "" when a stop follows no word (as the
    group of ``([\\w.]+)[.!?]*$`` searched in ``window`` gives it, without the search's retries)."""
    core = window.rstrip(".!?")
    run = _WORD_RUN.match(core[::-1])
    size = run.end() if run else 0
    return core[len(core) - size :].lower().rstrip(".") if size else ""


def _split_block(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # The word before the stop, read in a bounded window (abbreviations are short): a long run of
        # "U.S." stops that end no sentence must not make each look back over the whole run (issue 18
        # item 11).
        if match.group(0).startswith("."):
            token = _word_before(text[max(start, match.start() - 40) : match.start() + 1])
            if token in _ABBREVIATIONS or (len(token) == 1 and "a" <= token <= "z"):
                continue
        yield start, match.end()
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        yield start, len(text.rstrip())


def sentences(article: Article, keep: Callable[[Block], bool] | None = None) -> list[Sentence]:
    """The sentences of every non-boilerplate block (of those that ``keep`` accepts, if given: the
    mention extractor splits only the blocks that name someone or hold a contact word), in reading
    order."""
    found: list[Sentence] = []
    for block in article_blocks(article):
        if (keep is not None and not keep(block)) or is_boilerplate(block.text):
            continue
        found += block_sentences(block, article.source, first=len(found))
    return found


def block_sentences(block: Block, source: str = "", first: int = 0) -> list[Sentence]:
    """The sentences of one block, their ``index`` counted from ``first``; ``source`` names the article
    in the warning about an overlong sentence."""
    found: list[Sentence] = []
    for start, end in _capped(_split_block(block.text), block.text, source):
        piece = block.text[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            s = block.start + start + lead
            found.append(Sentence(piece, s, s + len(piece), block, first + len(found)))
    return found


def _capped(spans: Iterator[tuple[int, int]], text: str, source: str) -> Iterator[tuple[int, int]]:
    """The sentence spans, each longer than :data:`MAX_SENTENCE_CHARS` cut into pieces at spaces."""
    for start, end in spans:
        if end - start <= MAX_SENTENCE_CHARS:
            yield start, end
            continue
        _log.warning(
            "%s: a sentence of %d characters is read in pieces of at most %d",
            source,
            end - start,
            MAX_SENTENCE_CHARS,
        )
        while end - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            yield start, cut
            start = cut
        yield start, end


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence (cut before "but", "which", "when", ";", dashes ...)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def clause_of(bounds: Sequence[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= position < end:
            return start, end
    return bounds[-1] if bounds else (0, 0)


_QUOTE_PAIRS = re.compile(r"“[^”]*”?|\"[^\"]*\"?|(?<![\w])‘[^’]*(?:’(?![\w])|$)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (curly or straight double quotes; curly single quotes that open after a
    non-letter). An unclosed quote runs to the end of the sentence, as in a paragraph that goes on
    quoting."""
    return [m.span() for m in _QUOTE_PAIRS.finditer(text)]
