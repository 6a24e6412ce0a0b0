"""The article body of any HTML page: find the container that holds the story, drop what is not story.

The work is split so that the C library (selectolax/Lexbor) does the per-node work and Python only
touches the few nodes that matter:

1. *strip*: markup that is never story text (scripts, navigation, forms, figures...) is removed;
2. *score*: one walk over the text nodes finds every paragraph-like block (a ``<p>``, or a
   ``<div>``/``<td>``... holding its own prose); each gives points to its parent and, less, to its
   grandparents (longer and comma-rich text gives more); a candidate's points shrink with its link
   density, and the best is widened to ancestors that add mostly paragraph text;
3. *prune*: around that first container (its parent: the container and its siblings, not the page, as
   the query is costly per node), one CSS query removes blocks whose class, id or role names
   boilerplate (share bars, related links, comments, cookie banners, ads...) unless they hold the
   container, half of the paragraph text, or a quotation; scoring then runs again on what is left
   (and the new container's neighbourhood is pruned too when it reaches further);
4. *gather*: the container and those of its siblings that continue the story form the body; their
   text is split into blocks at block-level elements, and link lists, short unmarked blocks at the
   edges (labels, credits) and a leading copy of the headline (the start of ``<title>``) are dropped;
5. *fallback*: when no block holds prose, the text of the whole stripped body, split the same way, is
   used.

Nothing is ever invented: every block is text of the page with its whitespace collapsed.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsparse.articles.html.boilerplate import (
    BLOCK_TAGS,
    BOILERPLATE_SELECTOR,
    BOILERPLATE_TAG_SELECTOR,
    BOILERPLATE_TAGS,
    BOILERPLATE_WORDS,
    CONTINUING_TAGS,
    DEFAULT_RULES,
    DENSE_SCRIPT,
    NEGATIVE_NAMES,
    NEVER_PRUNED,
    PARAGRAPH_BLOCKS,
    POSITIVE_NAMES,
    STORY_BLOCKS,
    STORY_TAGS,
    BodyRules,
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
    for node in reversed(root.css(BOILERPLATE_TAG_SELECTOR)):
        node.decompose()


def _prose_length(text: str, rules: BodyRules) -> int:
    """Length of ``text`` in alphabet-equivalent characters, so length thresholds fit every script."""
    stripped = text.strip()
    if stripped.isascii():
        return len(stripped)
    return len(stripped) + rules.dense_script_weight * len(DENSE_SCRIPT.findall(stripped))


def _clean(text: str) -> str:
    """``text`` with each run of whitespace made one space, and none at the ends."""
    return " ".join(text.split())


def element_text(node: LexborNode) -> str:
    """A node's text as a reader sees it: text nodes joined as they stand (inline markup adds no
    space: ``said <b>this</b>.`` is "said this."), a space where a block element or ``<br>`` breaks
    the line, and whitespace collapsed. Every reader of HTML text (the body, an outlet's layout) uses it."""
    parts: list[str] = []
    block_of: dict[int, int] = {}  # parent element -> its nearest block element (or the node itself)
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
                block = block.parent
            block_of[key] = block.mem_id if block is not None else node.mem_id
        if last_block is not None and block_of[key] != last_block:
            parts.append(" ")  # text after a block closed ("</p>four")
        last_block = block_of[key]
        parts.append(child.text_content or "")
    return _clean("".join(parts))


def _within(node: LexborNode | None, ids: set[int], memo: dict[int, bool]) -> bool:
    """True when ``node`` or one of its ancestors is in ``ids``; answers are memoised per element,
    so many queries over one tree walk each element once."""
    walked: list[int] = []
    answer = False
    while node is not None:
        key = node.mem_id
        if key in memo:
            answer = memo[key]
            break
        walked.append(key)
        if key in ids:
            answer = True
            break
        node = node.parent
    for key in walked:
        memo[key] = answer
    return answer


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
        node.decompose()


def _boilerplate_blocks(
    root: LexborNode,
    protect: LexborNode | None,
    under: dict[int, tuple[LexborNode, int]],
    rules: BodyRules,
) -> list[LexborNode]:
    """The blocks :func:`prune_boilerplate` removes, given the paragraph text per element, in document
    order: remove them last to first, so that no removed (freed) element is touched again."""
    keep = _ancestors(protect) if protect is not None else set()
    if root.mem_id in under:
        total = under[root.mem_id][1]
    else:
        total = max((length for _, length in under.values()), default=0)
    matched = [
        node
        for node in root.css(BOILERPLATE_SELECTOR)
        if node.mem_id not in keep
        and node.tag not in NEVER_PRUNED
        and under.get(node.mem_id, (node, 0))[1] < total * rules.protect_share
        and node.tag != "blockquote"
        and node.css_first("blockquote") is None
    ]
    return matched


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


def _best_scored(paragraphs: list[_Paragraph], rules: BodyRules) -> LexborNode | None:
    """The element whose own paragraphs score best, or None when no paragraph-like text exists."""
    points = _scores(paragraphs, rules)
    if not points:
        return None
    best: LexborNode | None = None
    best_score = float("-inf")
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
        final = weight * (1 - _link_density(node, len(node.text(deep=True))))
        if final > best_score:
            best, best_score = node, final
    return best


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
    best = _best_scored(paragraphs, rules)
    under = _paragraph_text(paragraphs)
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
        if density > rules.max_sibling_link_density:
            continue
        if sibling.tag == "p" or under.get(sibling.mem_id, (sibling, 0))[1] > own * rules.min_sibling_share:
            kept.append(sibling)
    return kept


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

    for top in nodes:
        flush()
        opened = top.tag or ""
        stop = top.parent.mem_id if top.parent is not None else -1
        for node in top.traverse(include_text=True, skip_empty=False):
            tag = node.tag
            if tag == "-text":
                value = node.text_content or ""
                parts.append(value)
                if not value.isspace() and in_link(node, stop):
                    linked += len(value.strip())
            elif tag in BLOCK_TAGS:
                flush()
                if tag != "br":  # a line of a paragraph is of that paragraph (issue 18 item 10)
                    opened = tag
        flush()
    return blocks


def _keep(blocks: list[tuple[str, int, str]], title: str, rules: BodyRules) -> list[str]:
    """Drop link lists, short edge blocks (captions, labels, bylines around the story) and, at the
    start, the headline (``title``: the page's ``<title>``, which often adds the site's name).

    A short block the page itself marks as story text (a paragraph, list item or subheading) stays
    even at an edge: a story may open with a heading and a list."""
    kept = [
        (text, tag)
        for text, linked, tag in blocks
        if linked <= len(text) * rules.max_link_share or len(text) > rules.long_linked_block
    ]

    def droppable(block: tuple[str, str]) -> bool:
        return _prose_length(block[0], rules) < rules.min_edge_block and block[1] not in STORY_BLOCKS

    def headline(block: tuple[str, str]) -> bool:
        return len(block[0]) >= rules.min_headline and title.startswith(block[0])

    start, end = 0, len(kept)
    while start < end and (droppable(kept[start]) or headline(kept[start])):
        start += 1
    while end > start and droppable(kept[end - 1]):
        end -= 1
    return [text for text, _ in kept[start:end]]


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
    _strip(root)
    holders: dict[int, tuple[LexborNode, ...]] = {}
    prose = _prose_blocks(root, holders, rules)
    first, under = _locate(_paragraphs(prose, rules), rules)
    scope = _pruning_scope(first, rules) or root
    removed = _boilerplate_blocks(scope, first, under, rules)
    # Paragraphs inside removed blocks are dropped before the blocks are freed.
    ids, memo = {node.mem_id for node in removed}, dict[int, bool]()
    kept = [paragraph for paragraph in prose if not _within(paragraph.node, ids, memo)]
    for node in reversed(removed):
        node.decompose()
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
            node.decompose()
    nodes = _siblings_to_keep(container, under, rules) if container is not None else [root]
    return _keep(_blocks(nodes), title, rules)


def extract_body_text(html: str, rules: BodyRules = DEFAULT_RULES) -> str:
    """The story's text of an HTML document, blocks separated by newlines (what benchmarks compare)."""
    return "\n".join(extract_paragraphs(LexborHTMLParser(html), rules))
