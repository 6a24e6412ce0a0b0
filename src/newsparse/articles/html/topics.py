"""What the article is about: its topics (``Article.tags``) from the standards, cleaned, or from the
tag list a reader sees.

Keyword values carry what a content system keeps for itself next to the topics: ids (UUIDs, numbers),
host names, the site's own name, facets written ``Label: value`` ("Category: Travel", "Page Type:
Article") and lists of agency subject codes ("AER", "INDS08"). The facets whose label names a topic
keep their value; the rest of that apparatus is dropped. A keyword string joined by spaces (one value
of many words) yields to a source that lists the same topics one by one. Without keywords, the links of
the page's tag list are read (``rel=tag``, or an element whose class names carry a tag word as a
whole token). Rules name structures and wordings, never a publisher.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsparse.articles.html.body import element_text
from newsparse.articles.html.bylines import HOST_NAME, class_tokens, text_key

__all__ = ["TOPIC_FACETS", "choose_topics", "clean_topics", "visible_tags"]

#: Facet labels (case-folded) whose value is a topic: "Category: Travel" is "Travel".
TOPIC_FACETS = frozenset(
    (
        "category",
        "categories",
        "subject",
        "subjects",
        "topic",
        "topics",
        "tag",
        "tags",
        "keyword",
        "keywords",
        "thema",
        "themen",
        "schlagwort",
        "schlagworte",
    )
)
#: Class-name tokens of an element holding the article's tag links.
TAG_LIST_TOKENS = frozenset(("tags", "tag", "keywords", "keyword", "schlagworte", "topics"))
#: Ancestors whose links are the site's navigation, not the article's tags.
_NAVIGATION_TAGS = frozenset(("nav", "aside", "form"))
#: Most characters of a tag list's text: a longer element is a region that holds one, not the list.
MAX_TAG_LIST = 1000
_UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.IGNORECASE)
_NUMBER = re.compile(r"[\d\s.,:/-]+")
#: "Label: value", the label one to three words ("Label/value" is not read as one: "Israel/Gaza").
_FACET = re.compile(r"([^\W\d_][\w]*(?: [^\W\d_][\w]*){0,2})\s*:\s*(.*)", re.DOTALL)


def _routing(text: str) -> bool:
    """A value in brackets ("[SYNDICATED CONTENT]") or ending in a host name ("AR_Hope -
    hopestar.com"): a content system's routing, not a topic."""
    if text.startswith("[") and text.endswith("]"):
        return True
    words = text.rsplit(None, 1)
    return len(words) == 2 and HOST_NAME.fullmatch(words[1]) is not None


#: Fewest distinct facet labels in a list before "Label: value" reads as a facet ("Brexit: what next"
#: alone is a topic).
MIN_FACETS = 2
#: A content system's identifier: lower-case words joined by underscores ("channel_other").
_IDENTIFIER = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)+")
#: An agency subject code: capitals and digits, no lower case ("AER", "INDS08", "RSBI:HUMAN-RIGHTS").
_CODE = re.compile(r"[A-Z][A-Z0-9:_-]{1,}")
#: Share of codes above which a keyword list is a code list.
CODE_SHARE = 0.8
#: Fewest keywords a list must have before it can be called a code list ("USA", "EU" are topics).
MIN_CODES = 5
#: Fewest words of a single keyword value that reads as a space-joined list.
MIN_JOINED_WORDS = 3


def clean_topics(values: Iterable[str], sites: set[str]) -> list[str]:
    """Keywords without ids (UUIDs, numbers, ``snake_case`` names), host names, paths and URLs, the
    site's own name and (in a list of facets) the facets that are no topic."""
    values = [value.strip() for value in values]
    facets = [match for value in values if (match := _FACET.fullmatch(value))]
    faceted = len({match.group(1).casefold() for match in facets}) >= MIN_FACETS
    topics: list[str] = []
    for text in values:
        facet = _FACET.fullmatch(text) if faceted else None
        if facet is not None:
            if facet.group(1).casefold() not in TOPIC_FACETS:
                continue
            text = facet.group(2).strip()
        if (
            not text
            or _UUID.fullmatch(text)
            or _NUMBER.fullmatch(text)
            or HOST_NAME.fullmatch(text)
            or text.startswith(("/", "http://", "https://"))
            or _IDENTIFIER.fullmatch(text)
            or _routing(text)
            or text_key(text) in sites
        ):
            continue
        if text not in topics:
            topics.append(text)
    return topics


def _codes(topics: Sequence[str]) -> bool:
    """Whether a keyword list is a list of subject codes."""
    if len(topics) < MIN_CODES:
        return False
    codes = sum(1 for topic in topics if _CODE.fullmatch(topic))
    return codes >= CODE_SHARE * len(topics)


def _joined(topics: Sequence[str]) -> bool:
    """Whether a keyword list is one value of several words (a list joined by spaces)."""
    return len(topics) == 1 and len(topics[0].split()) >= MIN_JOINED_WORDS


def choose_topics(lists: Iterable[list[str]]) -> list[str]:
    """The first cleaned keyword list that is no code list; a space-joined one only when no source
    lists topics one by one."""
    fallback: list[str] = []
    for topics in lists:
        if not topics or _codes(topics):
            continue
        if _joined(topics):
            fallback = fallback or topics
            continue
        return topics
    return fallback


def _in_navigation(node: LexborNode) -> bool:
    """Whether an element sits in the site's navigation: a ``nav``, ``aside`` or form, or a page
    header or footer (an article's own ``<footer>`` holds its tags)."""
    parent = node.parent
    boxed = False  # inside a header or footer: navigation unless an <article> holds it
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in _NAVIGATION_TAGS:
            return True
        if parent.tag in ("header", "footer"):
            boxed = True
        elif parent.tag == "article":
            return False
        parent = parent.parent
    return boxed


#: The label a page prints before its list of topic links ("Mehr lesen über", "Schlagworte",
#: "Related topics", "関連キーワード"), in the languages of the pages read.
TAG_LABEL = re.compile(
    r"(?:tags?|topics?|related\s+topics|more\s+(?:on|about)(?:\s+this)?|keywords|filed\s+under|"
    r"themen|thema|schlagw(?:o|ö)rte|stichw(?:o|ö)rte|mehr\s+(?:lesen\s+)?(?:über|zum\s+thema|zu)(?:\s+diesem\s+thema)?|"
    r"sujets|mots[-\s]cl(?:é|e)s|th(?:è|e)mes|temas|etiquetas|palabras\s+clave|argomenti|parole\s+chiave|"
    r"emner|stikkord|(?:ä|a)mnen|taggar|etiketler|konular|topik|関連キーワード|タグ|태그|관련\s*키워드)\s*:?",
    re.IGNORECASE,
)
#: Lists (and tag-list elements) after the ``<h1>`` looked at: a page's tag list is among the first.
MAX_LISTS = 200
#: Most links in a labelled tag list.
MAX_TAG_LINKS = 30
#: Longest label text before a tag list.
MAX_LABEL = 40


def _label_before(node: LexborNode) -> str:
    """The text of the element just before ``node`` (its previous element sibling), if short."""
    sibling = node.prev
    while sibling is not None and sibling.tag == "-text" and not (sibling.text_content or "").strip():
        sibling = sibling.prev
    if sibling is None:
        return ""
    if sibling.tag == "-text":
        text = sibling.text_content or ""
    elif len(sibling.text(deep=True)) > 4 * MAX_LABEL:
        return ""  # a block of text, not a label (and no need to join all of it)
    else:
        text = element_text(sibling)
    return text.strip() if len(text) <= MAX_LABEL else ""


#: Elements whose class names may carry a tag word (``class_tokens`` decides).
_TAG_CLASSES = '[class*="tag" i], [class*="keyword" i], [class*="schlagw" i], [class*="topic" i]'


def _lists_and_classed(tree: LexborHTMLParser) -> tuple[list[LexborNode], list[LexborNode]]:
    """In one CSS walk, what ``tree.css("h1, ul, ol")`` and ``tree.css(f"h1, {_TAG_CLASSES}")`` give:
    a selector group yields a node once per selector of the group it matches, one after another, so
    an element's run of copies tells how many of the class selectors it matches."""
    found = tree.css(f"h1, ul, ol, {_TAG_CLASSES}")
    lists: list[LexborNode] = []
    classed: list[LexborNode] = []
    index = 0
    while index < len(found):
        node = found[index]
        key = node.mem_id
        end = index + 1
        while end < len(found) and found[end].mem_id == key:
            end += 1
        copies = end - index
        tag = node.tag
        if tag in ("h1", "ul", "ol"):
            lists.append(node)
            if tag != "h1":
                copies -= 1  # the copy for its tag's selector, which the class walk has not
        classed.extend([node] * copies)
        index = end
    return lists, classed


def _labelled_list(found: list[LexborNode]) -> list[LexborNode]:
    """The links of the first list after the ``<h1>`` that a tag label introduces (``found``: the
    page's ``h1, ul, ol`` elements in page order)."""
    start = next((i for i, node in enumerate(found) if node.tag == "h1"), -1)
    for node in found[start + 1 : start + 1 + MAX_LISTS]:
        label = _label_before(node)
        if not label or not TAG_LABEL.fullmatch(label) or _in_navigation(node):
            continue
        links = node.css("a")
        if 0 < len(links) <= MAX_TAG_LINKS:
            return links
    return []


def visible_tags(tree: LexborHTMLParser, rel_tags: Sequence[LexborNode] | None = None) -> list[str]:
    """The texts of the page's tag links: ``rel=tag`` links, else the links of the first list after
    the ``<h1>`` that a tag label introduces, else of the first element after the ``<h1>`` whose
    class names carry a tag word as a whole token; navigation left out. ``rel_tags`` are the page's
    ``a[rel~=tag i]`` links in page order, if the caller found them already (in its own walk)."""
    if rel_tags is None:
        rel_tags = tree.css('a[rel~="tag" i]')
    links = [node for node in rel_tags if not _in_navigation(node)]
    found: list[LexborNode] = []
    if not links:
        lists, found = _lists_and_classed(tree)
        links = _labelled_list(lists)
    if not links:
        start = next((i for i, node in enumerate(found) if node.tag == "h1"), -1)
        tried = 0
        for node in found[start + 1 :]:
            if node.tag == "a" or not class_tokens(node) & TAG_LIST_TOKENS or _in_navigation(node):
                continue
            tried += 1
            if tried > MAX_LISTS:
                break
            if len(node.text(deep=True)) > MAX_TAG_LIST:
                continue
            links = node.css("a")
            if links:
                break
    texts = [element_text(link) for link in links]
    return list(dict.fromkeys(text for text in texts if text and len(text) <= 80))
