"""The article body of any HTML page: find the container that holds the story, drop what is not story.

The work is split so that the C library (selectolax/Lexbor) does the per-node work and Python only
touches the few nodes that matter:

1. *strip*: markup that is never story text (scripts, navigation, forms, figures...) is removed; a
   ``<header>`` inside an ``<article>`` keeps its standfirst; the page's JSON-LD blocks and
   ``<noscript>`` copies are kept aside first;
2. *score*: one walk over the text nodes finds every paragraph-like block (a ``<p>``, or a
   ``<div>``/``<td>``... holding its own prose); each gives points to its parent and, less, to its
   grandparents (longer and comma-rich text gives more); a candidate's points shrink with its link
   density and inside a region named boilerplate (a comment thread, a dialog) that holds little of the
   page, and the best is widened to ancestors that add mostly paragraph text;
3. *prune*: around that first container (its parent: the container and its siblings, not the page, as
   the query is costly per node), blocks whose class or id words, role or visibility name boilerplate
   (share bars, related links, comments, cookie banners, ads...) are removed unless they hold the
   container, half of the paragraph text, or a quotation (names are read as words: ``promo`` is not
   in ``promoted``); scoring then runs again on what is left (and the new container's neighbourhood
   is pruned too when it reaches further);
4. *gather*: the container and those of its siblings that continue the story form the body (a story
   split over wrappers of one kind is read from all of them; a feed of other stories is not); their
   text is split into blocks at block-level elements, and link lists, a list of other stories' linked
   headlines at the end, short unmarked blocks at the edges (labels, credits), a leading date line
   and a leading headline (one that starts or resembles the ``<title>``, with its kicker) are
   dropped;
5. *guard*: when the body is a small part of the paragraph text of an element that holds it (an
   ``article``, ``main`` or ``articleBody`` element, or one of the container's nearest ancestors),
   that element is read instead, if what it adds is prose and no feed of other stories;
6. *fallback*: when no block holds prose, the text of the whole stripped body, split the same way, is
   used; when the markup gives less than half of the JSON-LD ``articleBody``, or nothing while a
   ``<noscript>`` copy holds the story, that copy is read; when it still gives nothing, the longest
   string of a script that holds HTML paragraphs (the state a script-rendered page ships) is read.

Nothing is ever invented: every block is text of the page with its whitespace collapsed (a removed
block between two runs of text leaves them apart, as a reader sees them)."""

from __future__ import annotations

import functools
import heapq
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsparse.articles.html.boilerplate import (
    BLOCK_TAGS,
    BOILERPLATE_NAME,
    BOILERPLATE_SELECTOR,
    BOILERPLATE_TAG_SELECTOR,
    BOILERPLATE_TAGS,
    BOILERPLATE_WORDS,
    BREAKING_TAGS,
    CONTINUING_TAGS,
    DEFAULT_RULES,
    DENSE_SCRIPT,
    EMBED_SELECTOR,
    HIDDEN_NAME,
    LINKED_HEADINGS,
    NEGATIVE_NAMES,
    NEVER_PRUNED,
    PARAGRAPH_BLOCKS,
    PAYWALL_NAME,
    PAYWALL_SELECTOR,
    POSITIVE_NAMES,
    REGION_ROLES,
    STORY_BLOCKS,
    STORY_TAGS,
    SWALLOWING_TAGS,
    BodyRules,
    may_name_boilerplate,
    name_words,
)

__all__ = [
    "BOILERPLATE_TAGS",
    "BOILERPLATE_WORDS",
    "DEFAULT_RULES",
    "BodyRules",
    "element_text",
    "extract_body_text",
    "extract_paragraphs",
    "find_container",
    "prune_boilerplate",
]


def _strip(root: LexborNode) -> None:
    """Remove the :data:`BOILERPLATE_TAGS` elements under ``root`` in one query."""
    # Matches come in document order: removed last to first, a nested match goes before the match
    # that holds it, so no removed (freed) element is ever touched.
    matched = root.css(BOILERPLATE_TAG_SELECTOR)
    tags = [node.tag for node in matched]  # (each read of a tag builds a new string)
    # An aside, figure or noscript left open swallows the rest of the page: one that holds most of the
    # page's text is unwrapped (its content stays), not deleted.
    page = len(root.text(deep=True)) if not SWALLOWING_TAGS.isdisjoint(tags) else 0
    for node, tag in zip(reversed(matched), reversed(tags), strict=True):
        if tag == "header" and _in_story(node) and _keep_standfirst(node):
            continue
        if tag in SWALLOWING_TAGS and len(node.text(deep=True)) > DEFAULT_RULES.swallow_share * page:
            node.unwrap()
            continue
        if tag in BREAKING_TAGS:
            _remove(node)
        else:
            node.decompose()  # scripts, styles, media, form controls: nothing to keep apart


def _in_story(node: LexborNode) -> bool:
    """True when ``node`` lies inside an ``<article>``: the page says it is part of one story."""
    current = node.parent
    while current is not None:
        if current.tag == "article":
            return True
        current = current.parent
    return False


def _keep_standfirst(header: LexborNode) -> bool:
    """A story's ``<header>`` may hold its standfirst (a ``<p>``, ``<h2>`` or ``<h3>`` of prose, not the
    ``<h1>`` headline): keep those and
    what holds them, remove the rest (kicker, byline, date, share bar); False when it has none."""
    leads = [
        paragraph
        for paragraph in header.css(STANDFIRST_TAGS)
        if _prose_length(paragraph.text(deep=True), DEFAULT_RULES) >= DEFAULT_RULES.min_paragraph
        and _link_density(paragraph, len(paragraph.text(deep=True).strip())) <= DEFAULT_RULES.max_link_share
    ]
    if not leads:
        return False
    keep: set[int] = set()
    for lead in leads:
        keep |= _ancestors(lead)
        keep |= {inner.mem_id for inner in lead.traverse()}
    for element in reversed(header.css("*")):
        if element.mem_id not in keep:
            element.decompose()
    return True


#: Elements of a story's ``<header>`` that may hold its standfirst.
STANDFIRST_TAGS = "p, h2, h3"

#: A line break to put where a removed block stood between two runs of text.
_BREAK = LexborHTMLParser("<br>")


def _remove(node: LexborNode) -> None:
    """Remove ``node`` with its content. A removed block that stood between two runs of text
    (``one<div class="share">…</div>two``) leaves a line break, so the runs stay apart as a reader
    sees them ("one" and "two", not "onetwo"); an inline element (a tooltip in a word) leaves nothing."""
    if _beside_text(node):
        if node.tag in BLOCK_TAGS or node.tag in BREAKING_TAGS:
            replacement = _BREAK.css_first("br")
            if replacement is not None:
                node.replace_with(replacement)
                return
        else:
            text = node.text(deep=True)
            if text[:1].isspace() or text[-1:].isspace():
                node.replace_with(" ")  # its spacing stays: "Migration – Chiesa" is two words
                return
    node.decompose()


def _inline(node: LexborNode | None) -> bool:
    """True for text (not only whitespace) or an inline element: what a removed block's neighbour is
    when its removal would glue two runs of text together."""
    if node is None:
        return False
    if node.tag == "-text":
        return not (node.text_content or "").isspace()
    return node.tag not in BLOCK_TAGS and node.tag != "#comment"


def _prose_length(text: str, rules: BodyRules) -> int:
    """Length of ``text`` in alphabet-equivalent characters, so length thresholds fit every script."""
    stripped = text.strip()
    if stripped.isascii():
        return len(stripped)
    return len(stripped) + rules.dense_script_weight * len(DENSE_SCRIPT.findall(stripped))


def _clean(text: str) -> str:
    """``text`` with each run of whitespace made one space, and none at the ends."""
    return " ".join(text.split())


#: Ruby annotations (the reading of a word, and its fallback brackets): not text of the sentence.
RUBY_ANNOTATIONS = frozenset({"rt", "rp"})


def element_text(node: LexborNode) -> str:
    """A node's text as a reader sees it: text nodes joined as they stand (inline markup adds no
    space: ``said <b>this</b>.`` is "said this."), a space where a block element or ``<br>`` breaks
    the line, and whitespace collapsed. Every reader of HTML text (the body, an outlet's layout) uses it."""
    parts: list[str] = []
    block_of: dict[int, int] = {}  # parent element -> its nearest block element (or the node itself)
    annotation: set[int] = set()  # parent elements inside a ruby annotation (<rt>, <rp>)
    last_block: int | None = None
    for child in node.traverse(include_text=True, skip_empty=False):
        if child.tag != "-text":
            if child.tag in BLOCK_TAGS and child.mem_id != node.mem_id:
                parts.append(" ")  # a block opens, or a <br>
            continue
        parent = child.parent
        key = parent.mem_id if parent is not None else node.mem_id
        if key not in block_of:
            block = parent
            while block is not None and block.mem_id != node.mem_id and block.tag not in BLOCK_TAGS:
                if block.tag in RUBY_ANNOTATIONS:
                    annotation.add(key)
                block = block.parent
            block_of[key] = block.mem_id if block is not None else node.mem_id
        if key in annotation:
            continue  # the reading printed above a word is not a word of the text
        if last_block is not None and block_of[key] != last_block:
            parts.append(" ")  # text after a block closed ("</p>four")
        last_block = block_of[key]
        parts.append(child.text_content or "")
    return _clean("".join(parts))


PAGE_TAGS = frozenset({"body", "html"})


def any_ancestor(
    node: LexborNode | None,
    test: Callable[[LexborNode], bool],
    memo: dict[int, bool],
    *,
    stop: frozenset[str] = frozenset(),
) -> bool:
    """True when ``node`` or one of its ancestors (below the first element whose tag is in ``stop``)
    passes ``test``. Answers are memoised per element in ``memo`` (one memo per test and tree), so that
    asking for every element of a page walks each element once, however deep the tree."""
    walked: list[int] = []
    answer = False
    while node is not None and node.tag not in stop:
        key = node.mem_id
        if key in memo:
            answer = memo[key]
            break
        walked.append(key)
        if test(node):
            answer = True
            break
        node = node.parent
    for key in walked:
        memo[key] = answer
    return answer


def _within(node: LexborNode | None, ids: set[int], memo: dict[int, bool]) -> bool:
    """True when ``node`` or one of its ancestors is in ``ids`` (memoised: :func:`any_ancestor`)."""
    return bool(ids) and any_ancestor(node, lambda element: element.mem_id in ids, memo)


def _ancestors(node: LexborNode | None) -> set[int]:
    found: set[int] = set()
    while node is not None:
        found.add(node.mem_id)
        node = node.parent
    return found


def prune_boilerplate(
    root: LexborNode, protect: LexborNode | None = None, rules: BodyRules = DEFAULT_RULES
) -> None:
    """Remove, in place, the elements under ``root`` that are never story text.

    Blocks matched by class, id or role are kept when they are, or enclose, ``protect`` (the likeliest
    story container: story wrappers get names like ``content-with-sidebar`` or ``entry-read-more``)
    or when they hold at least ``rules.protect_share`` (half) of the page's paragraph text (a story
    whose wrapper is misnamed must survive even when a comment thread out-scored it; scoring then
    decides between the two).
    Quotations and the blocks holding them are kept too: an embedded post (a tweet in a
    ``social-embed`` wrapper) is quoted by the story, not a widget beside it."""
    under = _paragraph_text(_paragraphs(_prose_blocks(root, {}, rules), rules))
    for node in reversed(_boilerplate_blocks(root, protect, under, rules)):
        _remove(node)


def _boilerplate_blocks(
    root: LexborNode,
    protect: LexborNode | None,
    under: dict[int, tuple[LexborNode, int]],
    rules: BodyRules,
    total: int | None = None,
) -> list[LexborNode]:
    """The blocks :func:`prune_boilerplate` removes, given the paragraph text per element, in document
    order: remove them last to first, so that no removed (freed) element is touched again. ``total``
    is the paragraph text a block must hold half of to stay (by default, ``root``'s)."""
    keep = _ancestors(protect) if protect is not None else set()
    if total is not None:
        pass
    elif root.mem_id in under:
        total = under[root.mem_id][1]
    else:
        total = max((length for _, length in under.values()), default=0)
    # Two queries: whole tokens, roles and visibility (CSS says it all), and the elements whose names
    # may hold a boilerplate word (Python reads the names as words). (The C library returns an element
    # once per selector of the group it matches: the first list may repeat an element, as removing one
    # twice is harmless.)
    candidates = list(root.css(BOILERPLATE_SELECTOR))
    named = {node.mem_id for node in candidates}
    candidates += [
        node
        for node, attributes in _word_named(root)
        if node.mem_id not in named
        and node.mem_id not in keep
        and _names(attributes, BOILERPLATE_NAME)
        and not _in_running_text(node, rules)
    ]
    named |= {node.mem_id for node in candidates}
    candidates += [
        node
        for node in root.css(PAYWALL_SELECTOR)
        if node.mem_id not in named
        and node.mem_id not in keep
        and node.tag not in STORY_BLOCKS
        and _named(node, PAYWALL_NAME)
        and len(node.text(deep=True).strip()) <= rules.max_prompt
    ]
    matched = [
        node
        for node in candidates
        if node.mem_id not in keep
        and node.tag not in NEVER_PRUNED
        and under.get(node.mem_id, (node, 0))[1] < total * rules.protect_share
        and node.tag != "blockquote"
        and node.css_first("blockquote") is None
    ]
    # A match inside another goes with it: only the outermost are returned, so the order of removal
    # never touches a freed element.
    ids, memo = {node.mem_id for node in matched}, dict[int, bool]()
    return [node for node in matched if not _within(node.parent, ids, memo)]


def _word_named(root: LexborNode) -> list[tuple[LexborNode, dict[str, str | None]]]:
    """The elements under ``root`` (itself included) that
    :data:`~newsparse.articles.html.boilerplate.BOILERPLATE_WORD_SELECTOR` matches, with their
    attributes, in document order, each once: the elements with a class or id, their values tested in
    Python (:func:`may_name_boilerplate`, cached per value), which costs less than the selector's
    hundred-odd substring tests on every element."""
    found = []
    last = -1
    for node in root.css("[class], [id]"):
        key = node.mem_id
        if key == last:
            continue  # an element with both a class and an id comes twice, in a row
        last = key
        attributes = node.attributes
        value = attributes.get("class")
        if value and may_name_boilerplate("class", value):
            found.append((node, attributes))
            continue
        value = attributes.get("id")
        if value and may_name_boilerplate("id", value):
            found.append((node, attributes))
    return found


def _in_running_text(node: LexborNode, rules: BodyRules) -> bool:
    """True for a short inline element with text right beside it: words of a sentence (a linked name
    in an ``author`` class), not a widget (a name's hover card of links, which is removed and leaves a
    line break)."""
    return (
        node.tag not in BLOCK_TAGS
        and _beside_text(node)
        and len(node.text(deep=True).strip()) <= rules.max_running_text_kept
        and not _named(node, HIDDEN_NAME)
    )


def _beside_text(node: LexborNode) -> bool:
    """True when text or an inline element stands right before or after ``node``, or before or after
    the inline elements that hold it (``<a><span>x</span></a>text``)."""
    current: LexborNode | None = node
    while current is not None:
        if _inline(current.prev) or _inline(current.next):
            return True
        current = current.parent
        if current is None or current.tag in BLOCK_TAGS:
            return False
    return False


def _named_boilerplate(node: LexborNode) -> bool:
    """True when the node's class or id, read as words, holds a :data:`BOILERPLATE_WORDS` entry."""
    return _named(node, BOILERPLATE_NAME)


def _named(node: LexborNode, pattern: re.Pattern[str]) -> bool:
    return _names(node.attributes, pattern)


def _names(attributes: dict[str, str | None], pattern: re.Pattern[str]) -> bool:
    """True when the class or id among ``attributes``, read as words, holds one of ``pattern``'s."""
    return _holds(pattern, attributes.get("class") or "") or _holds(pattern, attributes.get("id") or "")


@functools.lru_cache(maxsize=4096)
def _holds(pattern: re.Pattern[str], name: str) -> bool:
    """True when ``pattern`` finds its words in a class or id (pages repeat their class names: cached)."""
    return pattern.search(name_words(name)) is not None


def _class_weight(node: LexborNode, rules: BodyRules) -> float:
    attributes = node.attributes
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    weight = 0.0
    if POSITIVE_NAMES.search(names):
        weight += rules.positive_name_weight
    if NEGATIVE_NAMES.search(names):
        weight -= rules.negative_name_weight
    if node.tag in STORY_TAGS:
        weight += rules.story_tag_weight
    return weight


def _link_density(node: LexborNode, text_length: int) -> float:
    if not text_length:
        return 1.0
    linked = sum(len(link.text(deep=True)) for link in node.css("a"))
    return min(1.0, linked / text_length)


class _Paragraph(NamedTuple):
    """A block holding prose: its element, its own text, and the ancestors its points go to."""

    node: LexborNode
    text: str
    #: characters of text (stripped) and the same counted in alphabet-equivalent characters
    length: int
    prose: int
    #: the paragraph's parent and its ancestors, nearest first, at most ``rules.max_climb`` of them
    holders: tuple[LexborNode, ...]


def _holders(
    node: LexborNode | None, memo: dict[int, tuple[LexborNode, ...]], climb: int
) -> tuple[LexborNode, ...]:
    """``node`` and its ancestors below ``<html>``, at most ``climb``; memoised by element, so
    paragraphs sharing ancestors walk them once (and deep nesting costs no recursion)."""
    pending: list[LexborNode] = []
    known: tuple[LexborNode, ...] = ()
    current = node
    while current is not None and current.tag not in ("html", "#document"):
        found = memo.get(current.mem_id)
        if found is not None:
            known = found
            break
        pending.append(current)
        current = current.parent
    for element in reversed(pending):
        known = ((element, *known))[:climb]
        memo[element.mem_id] = known
    return known


def _text_blocks(root: LexborNode) -> list[tuple[LexborNode, str]]:
    """Every block element with its own text (text of inline descendants included, nested blocks not)."""
    block_of: dict[int, LexborNode | None] = {}
    texts: dict[int, tuple[LexborNode, list[str]]] = {}
    for node in root.traverse(include_text=True, skip_empty=True):
        if node.tag != "-text":
            continue
        parent = node.parent
        if parent is None:
            continue
        key = parent.mem_id
        if key in block_of:
            block = block_of[key]
        else:
            block = parent
            while block is not None and block.tag not in BLOCK_TAGS:
                block = block.parent
            block_of[key] = block
        if block is None:
            continue
        entry = texts.get(block.mem_id)
        if entry is None:
            texts[block.mem_id] = (block, [node.text_content or ""])
        else:
            entry[1].append(node.text_content or "")
    return [(block, "".join(parts)) for block, parts in texts.values()]


def _prose_blocks(
    root: LexborNode, memo: dict[int, tuple[LexborNode, ...]], rules: BodyRules
) -> list[_Paragraph]:
    """Every block under ``root`` whose own text is long enough to be prose."""
    found = []
    for node, text in _text_blocks(root):
        prose = _prose_length(text, rules)
        if prose >= rules.min_paragraph:
            holders = _holders(node.parent, memo, rules.max_climb)
            found.append(_Paragraph(node, text, len(text.strip()), prose, holders))
    return found


def _paragraphs(prose: list[_Paragraph], rules: BodyRules) -> list[_Paragraph]:
    """The paragraph-like blocks among the prose blocks.

    Many pages write paragraphs as ``<div>`` text (or text between ``<br>``), so a block's own text
    counts, whatever its tag, when the tag is one pages use for prose; a page with fewer than
    ``rules.min_usual_paragraphs`` such blocks (a story in list items or table cells) is read from
    every block."""
    usual = [paragraph for paragraph in prose if paragraph.node.tag in PARAGRAPH_BLOCKS]
    return usual if len(usual) >= rules.min_usual_paragraphs else prose


def _by_holder(
    paragraphs: list[_Paragraph], value: Callable[[_Paragraph], float]
) -> list[tuple[tuple[LexborNode, ...], float]]:
    """``value`` summed over the paragraphs of each parent, with that parent's ancestor chain: sums
    are linear, so each chain is then walked once per parent rather than once per paragraph."""
    sums: dict[int, tuple[tuple[LexborNode, ...], float]] = {}
    for paragraph in paragraphs:
        holders = paragraph.holders
        if not holders:
            continue
        key = holders[0].mem_id
        known = sums.get(key)
        sums[key] = (holders, (known[1] if known else 0.0) + value(paragraph))
    return list(sums.values())


def _scores(paragraphs: list[_Paragraph], rules: BodyRules) -> dict[int, tuple[LexborNode, float]]:
    """Points per candidate container (by mem_id): each paragraph gives points to its parent and,
    in shrinking shares, to a few more ancestors (longer and comma-rich text gives more)."""

    def paragraph_points(paragraph: _Paragraph) -> float:
        length = min(paragraph.prose / rules.characters_per_point, rules.max_length_points)
        return rules.base_points + rules.comma_points * paragraph.text.count(",") + length

    points: dict[int, tuple[LexborNode, float]] = {}
    for holders, score in _by_holder(paragraphs, paragraph_points):
        for node, share in zip(holders, rules.ancestor_shares, strict=False):
            key = node.mem_id
            known = points.get(key)
            points[key] = (node, (known[1] if known else 0.0) + score * share)
    return points


def _best_scored(
    paragraphs: list[_Paragraph], rules: BodyRules, under: dict[int, tuple[LexborNode, int]] | None = None
) -> LexborNode | None:
    """The element whose own paragraphs score best, or None when no paragraph-like text exists.

    With ``under`` (paragraph text per element), a candidate inside a region named boilerplate (a
    comment thread, a dialog, a menu) that holds less than ``rules.protect_share`` of the page's
    paragraph text scores ``rules.region_factor`` of its points: a long reader comment is not the
    story, a story wrapper misnamed ``widget`` that holds most of the page is."""
    points = _scores(paragraphs, rules)
    if not points:
        return None
    best: LexborNode | None = None
    best_score = float("-inf")
    total = max((length for _, length in under.values()), default=0) if under else 0
    memo: dict[int, bool] = {}
    weighted = [
        (score + _class_weight(node, rules), node)
        for node, score in heapq.nlargest(rules.candidates, points.values(), key=_second)
    ]
    # Link density only lowers a positive score (and raises a negative one towards 0): candidates are
    # read best bound first, and the costly density is measured only while a candidate can still win.
    weighted.sort(key=lambda item: -item[0])
    for weight, node in weighted:
        if max(weight, 0.0) <= best_score:
            break
        if weight > 0 and under and _in_region(node, under, total, rules, memo):
            weight *= rules.region_factor  # lowers a positive score only, as link density does
            if weight <= best_score:
                continue
        final = weight * (1 - _link_density(node, len(node.text(deep=True))))
        if final > best_score:
            best, best_score = node, final
    return best


def _in_region(
    node: LexborNode,
    under: dict[int, tuple[LexborNode, int]],
    total: int,
    rules: BodyRules,
    memo: dict[int, bool],
) -> bool:
    """True when an ancestor of ``node`` is a region named boilerplate (:func:`_region`) that holds
    less than ``rules.protect_share`` of the ``total`` paragraph text; memoised per ancestor."""

    def small_region(element: LexborNode) -> bool:
        return _region(element) and under.get(element.mem_id, (element, 0))[1] < total * rules.protect_share

    return any_ancestor(node.parent, small_region, memo, stop=PAGE_TAGS)


def _region(node: LexborNode) -> bool:
    """True for an element named or marked as a non-story region: boilerplate class or id words, or a
    dialog, menu, navigation or complementary role, or ``aria-modal``."""
    if node.tag in NEVER_PRUNED:
        return False
    attributes = node.attributes
    if attributes.get("role") in REGION_ROLES or attributes.get("aria-modal") == "true":
        return True
    return _names(attributes, BOILERPLATE_NAME)


def _second(item: tuple[LexborNode, float]) -> float:
    return item[1]


def _paragraph_text(paragraphs: list[_Paragraph]) -> dict[int, tuple[LexborNode, int]]:
    """Characters of paragraph text under each ancestor of a paragraph (by mem_id), as far up as its
    holders go (``rules.max_climb`` levels)."""
    under: dict[int, tuple[LexborNode, int]] = {}
    for holders, total in _by_holder(paragraphs, _length):
        length = int(total)
        for node in holders:
            key = node.mem_id
            known = under.get(key)
            under[key] = (node, (known[1] if known else 0) + length)
    return under


def _length(paragraph: _Paragraph) -> float:
    return paragraph.length


def find_container(root: LexborNode, rules: BodyRules = DEFAULT_RULES) -> LexborNode | None:
    """The element that most likely holds the story, or None when no paragraph-like text exists.

    The best-scoring element is widened to each ancestor that adds much more paragraph text than
    other text: stories split into several wrappers (around ads, pull quotes) are read whole."""
    return _locate(_paragraphs(_prose_blocks(root, {}, rules), rules), rules)[0]


def _locate(
    paragraphs: list[_Paragraph], rules: BodyRules
) -> tuple[LexborNode | None, dict[int, tuple[LexborNode, int]]]:
    """:func:`find_container` from the paragraphs, and the paragraph text per element it counted."""
    under = _paragraph_text(paragraphs)
    best = _best_scored(paragraphs, rules, under)
    if best is None or best.mem_id not in under:
        return best, under
    own_p = under[best.mem_id][1]
    own_other = len(best.text(deep=True)) - own_p
    node = best.parent
    while node is not None and node.tag not in ("body", "html") and node.mem_id in under:
        parent_p = under[node.mem_id][1]
        extra_p = parent_p - own_p
        # checked first: the ancestor's whole text is costly to read
        if extra_p >= rules.climb_min_share * own_p:
            parent_other = len(node.text(deep=True)) - parent_p
            if extra_p > rules.other_text_cost * (parent_other - own_other):
                best, own_p, own_other = node, parent_p, parent_other
        node = node.parent
    return best, under


def _siblings_to_keep(
    container: LexborNode, under: dict[int, tuple[LexborNode, int]], rules: BodyRules
) -> list[LexborNode]:
    """The container, and siblings that continue the story (paragraphs split across wrappers): a
    paragraph, or a wrapper whose prose paragraphs (``under``) weigh a fifth of the container's text.
    A wrapper of short lines (a comment thread) does not continue a story, however long it is."""
    parent = container.parent
    if parent is None or container.tag in ("body", "html"):
        return [container]
    own = len(container.text(deep=True))
    kept = []
    for sibling in parent.iter(include_text=False):
        if sibling.mem_id == container.mem_id:
            kept.append(sibling)
            continue
        if sibling.tag not in CONTINUING_TAGS:
            continue
        text = sibling.text(deep=True)
        length = len(text.strip())
        if _prose_length(text, rules) < rules.min_paragraph:
            continue
        density = _link_density(sibling, length)
        if density > rules.max_sibling_link_density or _feed(sibling, rules):
            continue
        if sibling.tag == "p" or under.get(sibling.mem_id, (sibling, 0))[1] > own * rules.min_sibling_share:
            kept.append(sibling)
    return kept


def _feed(node: LexborNode, rules: BodyRules) -> bool:
    """True for a list of other stories (a "more stories" feed of headlines and excerpts appended to
    the story): ``rules.feed_headlines`` linked headings or more."""
    return len(node.css(LINKED_HEADINGS)) >= rules.feed_headlines


def _blocks(nodes: Iterable[LexborNode]) -> list[tuple[str, int, str]]:
    """Text blocks under ``nodes``, split at block-level elements: (text, characters inside links, the
    block-level element that opened the block)."""
    blocks: list[tuple[str, int, str]] = []
    parts: list[str] = []
    linked = 0
    opened = ""
    link_of: dict[int, bool] = {}

    def flush() -> None:
        nonlocal linked
        if parts:
            text = _clean("".join(parts))
            if text:
                blocks.append((text, linked, opened))
            parts.clear()
        linked = 0

    def in_link(node: LexborNode, stop: int) -> bool:
        chain: list[int] = []
        current: LexborNode | None = node.parent
        answer = False
        while current is not None and current.mem_id != stop:
            key = current.mem_id
            if key in link_of:
                answer = link_of[key]
                break
            chain.append(key)
            if current.tag == "a":
                answer = True
                break
            current = current.parent
        for key in chain:
            link_of[key] = answer
        return answer

    block_of: dict[int, LexborNode] = {}  # parent element -> its nearest block element under ``top``
    for top in nodes:
        flush()
        opened = top.tag or ""
        stop = top.parent.mem_id if top.parent is not None else -1
        last_block = top.mem_id
        for node in top.traverse(include_text=True, skip_empty=False):
            tag = node.tag
            if tag == "-text":
                block = _block_of(node, top, block_of)
                if block.mem_id != last_block:
                    # text after a block closed ("</p>four"), as element_text reads it: a new block
                    flush()
                    opened = block.tag or ""
                    last_block = block.mem_id
                value = node.text_content or ""
                parts.append(value)
                if not value.isspace() and in_link(node, stop):
                    linked += len(value.strip())
            elif tag in BLOCK_TAGS:
                flush()
                if tag != "br":  # a line of a paragraph is of that paragraph (issue 18 item 10)
                    opened = tag
                last_block = node.mem_id
        flush()
    return blocks


def _block_of(text: LexborNode, top: LexborNode, memo: dict[int, LexborNode]) -> LexborNode:
    """The nearest block element (or ``top``) holding a text node; memoised by parent element."""
    parent = text.parent
    if parent is None:
        return top
    known = memo.get(parent.mem_id)
    if known is not None:
        return known
    block = parent
    while block.mem_id != top.mem_id and block.tag not in BLOCK_TAGS and block.parent is not None:
        block = block.parent
    memo[parent.mem_id] = block
    return block


def _keep(blocks: list[tuple[str, int, str]], title: str, rules: BodyRules) -> list[str]:
    """Drop link lists, short edge blocks (captions, labels, bylines around the story) and, at the
    start, the headline (``title``: the page's ``<title>``, which often adds the site's name).

    A short block the page itself marks as story text (a paragraph, list item or subheading) stays
    even at an edge: a story may open with a heading and a list."""
    kept = [
        (text, tag)
        for text, linked, tag in blocks[: _feed_start(blocks, rules)]
        if linked <= len(text) * rules.max_link_share or len(text) > rules.long_linked_block
    ]

    def droppable(block: tuple[str, str]) -> bool:
        return _prose_length(block[0], rules) < rules.min_edge_block and block[1] not in STORY_BLOCKS

    def headline(block: tuple[str, str]) -> bool:
        return len(block[0]) >= rules.min_headline and title.startswith(block[0])

    start, end = _after_headline(kept, title, rules), len(kept)
    while start < end and (
        droppable(kept[start]) or headline(kept[start]) or _dateline(kept[start][0], rules)
    ):
        start += 1
    while end > start and droppable(kept[end - 1]):
        end -= 1
    return [text for text, _ in kept[start:end]]


def _feed_start(blocks: list[tuple[str, int, str]], rules: BodyRules) -> int:
    """Where a list of other stories appended to the story starts ("More stories" and a headline per
    item: ``rules.feed_headlines`` list items or more at the end, each with a link that makes at least
    ``rules.feed_link_share`` of its text, and the short line before them that names the list), or
    ``len(blocks)`` when the story ends otherwise."""
    start = len(blocks)
    while start > 0:
        text, linked, tag = blocks[start - 1]
        if tag != "li" or not linked or linked < rules.feed_link_share * len(text):
            break
        start -= 1
    if len(blocks) - start < rules.feed_headlines:
        return len(blocks)
    if start > 0:
        heading = blocks[start - 1][0]
        if len(heading) <= rules.max_dateline and not heading.rstrip("\"'”’»)").endswith((".", "。")):
            start -= 1
    return start


_WORDS = re.compile(r"\w+")


def _dateline(text: str, rules: BodyRules) -> bool:
    """True for a short line that dates the story ("Stand: 28.04.2023 17:23 Uhr", "Publiziert:
    01.07.2023, 11:16", "20 Novembre 2024"): a quarter of digits in at most ``rules.max_dateline``
    characters (read at the story's start only: at its end, such a line may be a phone number)."""
    if len(text) > rules.max_dateline:
        return False
    visible = [character for character in text if not character.isspace()]
    return sum(character.isdigit() for character in visible) >= 0.25 * len(visible)


def _after_headline(kept: list[tuple[str, str]], title: str, rules: BodyRules) -> int:
    """Where the story starts after a headline among its first ``rules.headline_window`` blocks: a
    block of at most ``rules.max_headline`` characters whose words are at least
    ``rules.headline_share`` words of the page's ``<title>`` (a headline, perhaps with its kicker
    glued on, while the title adds the site's name); what stands before it (a kicker, a section
    label, at most ``rules.max_dateline`` characters each) goes with it. 0 when there is none."""
    title_words = {word.casefold() for word in _WORDS.findall(title)}
    if not title_words:
        return 0
    for index, (text, _) in enumerate(kept[: rules.headline_window]):
        words = [word.casefold() for word in _WORDS.findall(text)]
        if (
            len(words) >= 3
            and len(text) <= rules.max_headline
            # a sentence (its full stop perhaps inside quotes) is the story's first, not its headline
            and not text.rstrip("\"'”’»)").endswith((".", "。"))
            and sum(word in title_words for word in words) >= rules.headline_share * len(words)
        ):
            return index + 1
        if len(text) > rules.max_dateline:
            return 0  # no kicker or label: the story has begun
    return 0


def _pruning_scope(container: LexborNode | None, rules: BodyRules) -> LexborNode | None:
    """The subtree worth pruning: the container's ancestor ``rules.prune_levels`` up, below ``<body>``
    (the container and its siblings, which may continue the story, not the whole page: the selector
    is costly per node)."""
    scope = container
    for _ in range(rules.prune_levels):
        if scope is None or scope.parent is None or scope.tag in ("body", "html"):
            break
        scope = scope.parent
    return scope


def extract_paragraphs(tree: LexborHTMLParser, rules: BodyRules = DEFAULT_RULES) -> list[str]:
    """The story's text blocks (paragraphs, subheadings, list items, quotes), in reading order.

    Modifies ``tree`` (boilerplate is removed from it): read metadata first. ``rules`` holds every
    threshold the extraction compares against (see :class:`BodyRules`)."""
    root = tree.body
    if root is None:
        return []
    title_node = tree.css_first("head > title")
    title = _clean(title_node.text(deep=True)) if title_node is not None else ""
    copies = _copies(tree)
    _strip(root)
    if rules.drop_embedded_posts:
        for node in reversed(root.css(EMBED_SELECTOR)):
            _remove(node)
    holders: dict[int, tuple[LexborNode, ...]] = {}
    prose = _prose_blocks(root, holders, rules)
    first, under = _locate(_paragraphs(prose, rules), rules)
    scope = _pruning_scope(first, rules) or root
    removed = _boilerplate_blocks(scope, first, under, rules)
    # Paragraphs inside removed blocks are dropped before the blocks are freed.
    ids, memo = {node.mem_id for node in removed}, dict[int, bool]()
    kept = [paragraph for paragraph in prose if not _within(paragraph.node, ids, memo)]
    for node in reversed(removed):
        _remove(node)
    if len(kept) == len(prose):
        # No paragraph was pruned: every candidate keeps its points, and only link density and other
        # text fell; scoring again would cost a tree walk to confirm the same choice nearly always.
        container = first
    else:
        container, under = _locate(_paragraphs(kept, rules), rules)
    wider = _pruning_scope(container, rules)
    if wider is not None and not _within(wider, {scope.mem_id}, {}):
        # Pruning showed the story reaches beyond the first scope: its new neighbours are pruned too.
        for node in reversed(_boilerplate_blocks(wider, container, under, rules)):
            _remove(node)
    nodes = _siblings_to_keep(container, under, rules) if container is not None else [root]
    if container is not None:
        parts = _parallel_parts(container, under, rules)
        if parts:
            # The story is split over wrappers of one kind (page-builder blocks, CMS sections): each is
            # pruned as the container was, and they are read in order.
            story = sum(under.get(part.mem_id, (part, 0))[1] for part in parts)
            for part in parts:
                if not _within(part, {scope.mem_id} | ({wider.mem_id} if wider else set()), {}):
                    for node in reversed(_boilerplate_blocks(part, container, under, rules, story)):
                        if node.mem_id != part.mem_id:  # a part named "widget" is still the story's
                            _remove(node)
            nodes = parts
    paragraphs = _keep(_blocks(nodes), title, rules)
    if container is not None and rules.guard_share:
        paragraphs = _guard_recall(root, container, nodes, under, paragraphs, title, rules)
    return _or_copy(paragraphs, copies, rules) or _script_copy(tree.raw_html, rules)


#: Elements a page marks as its story: the standard wrappers and the schema.org body property.
STORY_WRAPPERS = 'article, main, [itemprop~="articleBody" i]'


def _guard_recall(
    root: LexborNode,
    container: LexborNode,
    nodes: list[LexborNode],
    counted: dict[int, tuple[LexborNode, int]],
    paragraphs: list[str],
    title: str,
    rules: BodyRules,
) -> list[str]:
    """``paragraphs``, or the story read from a wider element when they are small against it.

    The wider elements are those the page marks as its story (:data:`STORY_WRAPPERS`) that hold the
    container, and the container's ancestors up to ``rules.guard_levels``. One whose paragraph text
    is more than ``1 / rules.guard_share`` times the body's is read (pruned of named boilerplate,
    its blocks kept as the body's are); its text replaces the body when it is still that much longer
    and its additions are prose: at least ``rules.guard_prose_share`` of the added characters are
    paragraph text."""
    holding = _ancestors(container)
    candidates: dict[int, LexborNode] = {}
    for node in root.css(STORY_WRAPPERS):
        if node.mem_id in holding and node.tag not in PAGE_TAGS:
            candidates[node.mem_id] = node
    ancestor = container.parent
    for _ in range(rules.guard_levels):
        if ancestor is None or ancestor.tag in PAGE_TAGS:
            break
        candidates.setdefault(ancestor.mem_id, ancestor)
        ancestor = ancestor.parent
    if not candidates:
        return paragraphs
    read = {node.mem_id for node in nodes}
    best, best_length = paragraphs, sum(map(len, paragraphs))
    # innermost first: a wider element must beat what a narrower one gave
    for node in sorted(candidates.values(), key=lambda element: len(_ancestors(element)), reverse=True):
        if node.mem_id in read or counted.get(node.mem_id, (node, 0))[1] * rules.guard_share <= best_length:
            continue  # counted before pruning, so never less than it holds now: no walk needed
        under = _paragraph_text(_paragraphs(_prose_blocks(node, {}, rules), rules))
        prose = under.get(node.mem_id, (node, 0))[1]
        if prose * rules.guard_share <= best_length:
            continue
        if _feed(node, rules) and not any(_feed(part, rules) for part in nodes):
            continue  # what it adds holds a feed of other stories' headlines
        for removed in reversed(_boilerplate_blocks(node, container, under, rules, prose)):
            if removed.mem_id != node.mem_id:
                _remove(removed)
        wider = _keep(_blocks([node]), title, rules)
        wider_length = sum(map(len, wider))
        under = _paragraph_text(_paragraphs(_prose_blocks(node, {}, rules), rules))
        prose = under.get(node.mem_id, (node, 0))[1]
        added = wider_length - best_length
        if wider_length * rules.guard_share > best_length and (
            prose - best_length >= rules.guard_prose_share * added
        ):
            best, best_length = wider, wider_length
    return best


def _copies(tree: LexborHTMLParser) -> tuple[list[str], list[str]]:
    """The story's other copies in the page, read before scripts go: the ``articleBody`` texts of its
    JSON-LD (its blocks, as text: they are parsed only when needed), and the markup inside its
    ``<noscript>`` elements."""
    # One walk finds both: the JSON-LD of the whole page, and the noscript elements of its body.
    found = tree.css('script[type*="ld+json" i], body noscript')
    bodies = [node.text(deep=True) for node in found if node.tag == "script"]
    hidden = [node.inner_html or "" for node in found if node.tag == "noscript"]
    return bodies, hidden


def _article_bodies(data: object) -> list[str]:
    """Every ``articleBody`` string in a JSON-LD value, however nested (``@graph``, lists)."""
    found: list[str] = []
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "articleBody" and isinstance(inner, str):
                    found.append(inner)
                else:
                    pending.append(inner)
        elif isinstance(value, list):
            pending.extend(value)
    return found


def _or_copy(paragraphs: list[str], copies: tuple[list[str], list[str]], rules: BodyRules) -> list[str]:
    """``paragraphs``, or the story's JSON-LD ``articleBody`` when the page's markup gave less than
    ``rules.copy_share`` of it (a page that renders its text with scripts), or, when the markup gave
    nothing, the story read from a ``<noscript>`` copy."""
    blocks, hidden = copies
    length = sum(len(paragraph) for paragraph in paragraphs)
    # An articleBody is never longer than its JSON-LD block: most pages need no parsing at all.
    if length < rules.copy_share * max(map(len, blocks), default=0):
        bodies = []
        for block in blocks:
            try:
                bodies += _article_bodies(json.loads(block))
            except (ValueError, RecursionError):  # a malformed or absurdly nested block is no copy
                continue
        best = max(bodies, key=len, default="")
        if best and length < rules.copy_share * len(_clean(best)):
            return _body_paragraphs(best, rules)
    if not paragraphs:
        for markup in sorted(hidden, key=len, reverse=True):
            if "<" in markup:
                inner = LexborHTMLParser(markup)
                for node in inner.css("noscript"):  # a copy inside the copy is not read again
                    node.decompose()
                found = extract_paragraphs(inner, rules)
                if found:
                    return found
    return paragraphs


#: A script's string literal (JSON or JavaScript, double-quoted) of at least 200 characters.
_SCRIPT_STRING = re.compile(r'"((?:[^"\\\n]|\\.){200,})"')
_SCRIPT_OPEN = re.compile(r"<script\b", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.IGNORECASE)
_HTML_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)


def script_spans(source: str) -> Iterator[tuple[int, int, int, int]]:
    """The scripts of ``source`` in order, each as (its start, its content's start, its content's end,
    its end): what ``<script\\b[^>]*>(.*?)</script\\s*>`` finds, in one pass over the text (that
    pattern reads on to the end again at every ``<script`` that no ``</script>`` closes: a page of
    thousands of unclosed script tags took seconds)."""
    position = 0
    while (opening := _SCRIPT_OPEN.search(source, position)) is not None:
        content = source.find(">", opening.end())
        closing = _SCRIPT_CLOSE.search(source, content + 1) if content >= 0 else None
        if closing is None:
            return  # nothing closes this one, nor any script after it
        yield opening.start(), content + 1, closing.start(), closing.end()
        position = closing.end()


def _without_scripts(text: str) -> str:
    """``text`` with each of its scripts (tags and content) replaced by a space."""
    pieces, position = [], 0
    for start, _, _, end in script_spans(text):
        pieces += [text[position:start], " "]
        position = end
    return "".join(pieces) + text[position:]


def _script_copy(raw: bytes | str, rules: BodyRules) -> list[str]:
    """The story read from the page's scripts, for a page whose markup holds no prose at all: the
    longest string literal of a script (the state a script-rendered page ships to the browser, its
    ``contentHtml``, whatever the name) that holds HTML paragraphs, read as a page of its own; [] when
    no script holds one."""
    source = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    best = ""
    for _, content_start, content_end, _ in script_spans(source):
        for literal in _SCRIPT_STRING.finditer(source, content_start, content_end):
            if len(literal.group(1)) <= len(best):
                continue
            try:
                value = json.loads(f'"{literal.group(1)}"')
            except ValueError:  # a JavaScript escape JSON does not know: no copy
                continue
            if isinstance(value, str) and len(value) > len(best) and _HTML_PARAGRAPH.search(value):
                best = value
    if not best:
        return []
    inner = LexborHTMLParser(f"<html><body>{_without_scripts(best)}</body></html>")
    for node in inner.css("script, noscript"):  # nothing in the copy is read as a copy again
        node.decompose()
    return extract_paragraphs(inner, rules)


def _body_paragraphs(text: str, rules: BodyRules) -> list[str]:
    """A JSON-LD ``articleBody`` as paragraphs: its markup's blocks when it holds markup, else its
    lines."""
    if "</" in text or "<br" in text:
        inner = LexborHTMLParser(f"<body>{text}</body>")
        if inner.body is not None:
            _strip(inner.body)
            return [block for block, _, _ in _blocks([inner.body])]
    return [line for line in (_clean(part) for part in text.splitlines()) if line]


def _signature(node: LexborNode) -> tuple[str, str]:
    """An element's kind: its tag and its class tokens (sorted)."""
    return node.tag or "", " ".join(sorted((node.attributes.get("class") or "").split()))


def _parallel_parts(
    container: LexborNode, under: dict[int, tuple[LexborNode, int]], rules: BodyRules
) -> list[LexborNode]:
    """The wrappers a story is split over, in order, or [] when it is not split.

    From the container up ``rules.parallel_levels`` ancestors, the first element that has siblings of
    its own kind (same tag and classes) holding prose with few links: it and those siblings."""
    node: LexborNode | None = container
    for _ in range(rules.parallel_levels):
        if node is None or node.tag in ("body", "html") or node.parent is None:
            return []
        signature = _signature(node)
        if signature[1]:
            parts = []
            least = max(rules.min_paragraph, rules.min_part_share * under.get(node.mem_id, (node, 0))[1])
            for sibling in node.parent.iter(include_text=False):
                if sibling.mem_id == node.mem_id:
                    parts.append(sibling)
                elif _signature(sibling) == signature:
                    prose = under.get(sibling.mem_id, (sibling, 0))[1]
                    if prose >= least and (
                        _link_density(sibling, len(sibling.text(deep=True).strip()))
                        <= rules.max_sibling_link_density
                    ):
                        parts.append(sibling)
            if len(parts) > 1:
                return parts
        node = node.parent
    return []


def extract_body_text(html: str, rules: BodyRules = DEFAULT_RULES) -> str:
    """The story's text of an HTML document, blocks separated by newlines (what benchmarks compare)."""
    return "\n".join(extract_paragraphs(LexborHTMLParser(html), rules))
