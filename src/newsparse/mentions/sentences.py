"""Cutting an article's text into sentences and clauses, with spans into ``Article.text``.

Mentions are found sentence by sentence, and their traps (negation, intent, hope) and their dates and
places are scoped to the clause of the word that reports the contact, so "The meeting took place at the
Great Hall, as neither side confirmed it until an hour before" stays a meeting. Boilerplate blocks
("Read next: ...", "WATCH: ...", comment forms) that leaked into an article are skipped here, once.
"""

from __future__ import annotations

import bisect
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


#: :data:`BOILERPLATE` as one pattern (they share their flags), searched once per block.
_ANY_BOILERPLATE = (
    re.compile("|".join(f"(?:{p.pattern})" for p in BOILERPLATE), re.IGNORECASE)
    if all(p.flags == BOILERPLATE[0].flags for p in BOILERPLATE)
    else None
)


def is_boilerplate(block: str) -> bool:
    if _ANY_BOILERPLATE is not None:
        return _ANY_BOILERPLATE.search(block) is not None
    return any(pattern.search(block) for pattern in BOILERPLATE)  # pragma: no cover - flags differ


def _block_spans(article: Article) -> Iterator[tuple[str, int, BlockKind]]:
    """The article's blocks as (text, offset in ``article.text``, kind), without building Blocks."""
    kinds = ([BlockKind.TITLE] if article.title else []) + ([BlockKind.SUBTITLE] if article.subtitle else [])
    kinds += [BlockKind.PARAGRAPH] * len(article.paragraphs)
    kinds += [BlockKind.CAPTION] * sum(1 for image in article.images if image.caption)
    offset = 0
    for text, kind in zip(article.blocks(), kinds, strict=True):
        yield text, offset, kind
        offset += len(text) + 2


def article_blocks(article: Article) -> list[Block]:
    """The article's blocks with their offsets in ``article.text`` (which joins them by blank lines)."""
    return [Block(text=text, start=start, kind=kind) for text, start, kind in _block_spans(article)]


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


def sentences(
    article: Article, keep: Callable[[Block], bool] | None = None, marks: Sequence[int] | None = None
) -> list[Sentence]:
    """The sentences of every non-boilerplate block (of those that ``keep`` accepts, if given, and
    that hold one of the sorted offsets ``marks``, if given: the mention extractor splits only the
    blocks that name someone or hold a contact word), in reading order."""
    found: list[Sentence] = []
    for text, start, kind in _block_spans(article):
        if marks is not None:
            first = bisect.bisect_left(marks, start)
            if first == len(marks) or marks[first] >= start + len(text):
                continue  # (before a Block is built: most blocks of a long article are left out)
        block = Block(text=text, start=start, kind=kind)
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


#: Where a quote may open.
_OPENING = re.compile(r"[“\"‘]")
_WORD_CHAR = re.compile(r"\w")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (curly or straight double quotes; curly single quotes that open after a
    non-letter). An unclosed quote runs to the end of the sentence, as in a paragraph that goes on
    quoting. A single quote closes at the first "’" after it unless a letter follows that one ("don’t":
    then no quote opens there); the first "’" is found by bisection, so that many "‘" before one
    apostrophe cost linear time (a pattern walked back over the text for each of them)."""
    spans: list[tuple[int, int]] = []
    closings = [m.start() for m in re.finditer("’", text)]
    position = 0
    while (opening := _OPENING.search(text, position)) is not None:
        start = opening.start()
        mark = text[start]
        if mark != "‘":
            close = text.find("”" if mark == "“" else '"', start + 1)
            end = len(text) if close < 0 else close + 1
        elif start > 0 and _WORD_CHAR.match(text, start - 1):
            position = start + 1  # "‘" after a letter opens no quote
            continue
        else:
            at = bisect.bisect_right(closings, start)
            if at == len(closings):
                end = len(text)
            elif _WORD_CHAR.match(text, closings[at] + 1):
                position = start + 1  # its first "’" is an apostrophe ("don’t"): no quote opens here
                continue
            else:
                end = closings[at] + 1
        spans.append((start, end))
        position = end if end > start else start + 1
    return spans
