"""Who wrote the article: the byline a reader sees, and the names in an author value.

Author values are read from the standards first (:mod:`newsparse.articles.html.metadata`); this module
turns a value into person names and finds the visible byline when the standards name nobody, or only
the outlet itself. Everything here names structures and wordings, never a publisher:

- a byline is an element whose class names carry a byline word as a whole token (``byline``,
  ``article-byline``, ``authorWrapper``, ``c-byline__author``), an ``itemprop=author`` or a
  ``rel=author`` link, outside forms, comments, quotes and teasers; the page's own byline is the first
  one after its ``<h1>``;
- a byline's names are the texts of its innermost name elements, without the word that introduces
  them ("By", "Von:", "Av") and split where the byline joins several ("A and B", "A und B", "A y B");
- a name that is the site's own name, a host name or a news agency is the article's ``agency``, never
  an author.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsparse.articles.capture.credits import AGENCIES, agency_name
from newsparse.articles.html.body import PAGE_TAGS, any_ancestor, element_text
from newsparse.dates import DAY_NAMES, MONTHS

__all__ = [
    "HOST_NAME",
    "Byline",
    "byline_elements",
    "labelled_editor",
    "split_names",
    "text_key",
    "visible_byline",
]

#: Class-name tokens (case-folded, split at ``-``, ``_`` and camel case) that mark a byline element.
BYLINE_TOKENS = frozenset(
    ("byline", "bylines", "author", "authors", "authorname", "autor", "autoren", "autorin", "writer")
)
#: Tokens that mark an element (or an ancestor) as something else that names people: a comment, a
#: quotation, a teaser of another story, an author's biography or social links.
NOT_BYLINE_TOKENS = frozenset(
    (
        "comment",
        "comments",
        "quote",
        "bio",
        "biography",
        "twitter",
        "facebook",
        "social",
        "socmed",
        "contact",
        "avatar",
        "image",
        "img",
        "photo",
        "follow",
        "teaser",
        "related",
        "recommended",
        "more",
        "form",
        "editor",
    )
)
#: Elements inside which no name is the article's byline.
_NOT_BYLINE_TAGS = frozenset(("form", "footer", "nav", "aside", "blockquote", "figure", "script", "style"))
_CANDIDATES = (
    '[class*="author" i], [class*="byline" i], [class*="autor" i], [class*="writer" i], '
    '[itemprop~="author"], a[rel~="author" i]'
)
_CLASS_PART = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
#: The word that introduces a byline ("By", "Von:", "Par", "Av", "Written by", "Text:").
_INTRODUCTION = re.compile(
    r"^(?:(?:written|reported|posted|story|text|words)\s+by|by|von|vom|par|por|door|af|av|oleh|"
    r"text|texto|autor|autorin|author|reporter|reportage)\b\s*[:\-–]?\s*",
    re.IGNORECASE,
)
#: A leading "By" of one author's name (the JSON-LD and layout bylines; visible bylines may open with
#: any word of ``_INTRODUCTION``).
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


def without_by(name: str) -> str:
    """An author's name without a leading "By " ("By Reuters" -> "Reuters")."""
    return _BY.sub("", name)


#: Where a byline joins names: commas, semicolons, "&", and the word "and" of 12 languages.
_JOINS = re.compile(
    r"\s*[,;&/]\s*|\s+(?:and|und|y|et|e|og|och|en|ve|dan|và|и|ja|és|oraz|a)\s+", re.IGNORECASE
)
_DIGIT = re.compile(r"\d")
#: Letters after a name: a degree or a title ("MS", "RDN", "PhD", "M.D.").
_CREDENTIAL = re.compile(r"(?:[A-Z]\.?){1,4}|Ph\.?\s?D\.?|[A-Z][a-z]?[A-Z]{1,3}")
#: Characters of code, addresses and sentences, never of a name.
_NOT_IN_NAMES = re.compile(r"[@(){}\[\]<>=\"“”!?#*+|]|://")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")
#: Most words in a person's name; a longer text is a sentence, not a byline.
MAX_NAME_WORDS = 5
#: Most characters in a person's name.
MAX_NAME_LENGTH = 80
_NOT_WORD = re.compile(r"[\W_]+")
#: A host name printed as a name ("taz.de", "Express.co.uk", "mdr.de").
HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
#: Shortest site-name key that may match inside a longer name ("Times" inside "Lesotho Times" may not).
MIN_SITE_KEY = 4


@functools.lru_cache(maxsize=4096)
def text_key(text: str) -> str:
    """Text for comparison: case-folded, letters and digits only ("The Nation" is "thenation").

    Cached: a page compares the same titles, names and site names many times (half the calls of the
    benchmark pages repeat one of the same page)."""
    return _NOT_WORD.sub("", text.casefold())


_AGENCY_KEYS = {text_key(name): name for name in AGENCIES}


def class_tokens(node: LexborNode) -> set[str]:
    """The words of an element's class names: ``c-byline__author authorWrapper`` is {c, byline,
    author, wrapper}."""
    return {part.casefold() for part in _CLASS_PART.findall(node.attributes.get("class") or "")}


def outlet_name(name: str, sites: set[str]) -> str | None:
    """The agency a name stands for when it is not a person: a news agency (its reported name), a host
    name, or the site itself (one of ``sites``, its comparison keys, or a name starting with one of
    them: "MDR THÜRINGEN" for "MDR"); None for a person's name."""
    key = text_key(name)
    if not key:
        return None
    if key in _AGENCY_KEYS:
        return agency_name(_AGENCY_KEYS[key])
    if HOST_NAME.fullmatch(name.strip()):
        return name.strip()
    first = text_key(name.split()[0]) if name.split() else ""
    for site in sites:
        if key == site or first == site:
            return name
        if (len(site) >= MIN_SITE_KEY and site in key) or (len(key) >= MIN_SITE_KEY and key in site):
            return name
    return None


def looks_like_name(text: str) -> bool:
    """A person's name, as bylines print it: one to five words, no digits, no address, no weekday or
    month name; a word of a cased script starts with a capital (a name in a script without case is
    taken as it stands)."""
    if not text or len(text) > MAX_NAME_LENGTH or _DIGIT.search(text) or _NOT_IN_NAMES.search(text):
        return False
    words = _WORD.findall(text)
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    if text.strip(" .").casefold() in DAY_NAMES or text.strip(" .").casefold() in MONTHS:
        return False  # "Monday", "März": a date's word, not a name
    cased = [word for word in words if word[0].lower() != word[0].upper()]
    return not cased or any(word[0].isupper() for word in cased)


def split_names(text: str) -> list[str]:
    """The names in one author text: the introducing word dropped, joint bylines split."""
    text = " ".join(text.split()).strip(" \u00a0|:-–—•·")  # whitespace collapsed, as by \s+
    text = _INTRODUCTION.sub("", text).strip()
    parts = [part.strip(" :|-–—•·") for part in _JOINS.split(text)]
    names: list[str] = []
    for part in parts:
        part = _INTRODUCTION.sub("", part).strip()
        if not part:
            continue
        if names and part.rstrip(".").casefold() in ("jr", "sr", "ii", "iii"):
            names[-1] = f"{names[-1]}, {part}"  # "Bill Fletcher, Jr." is one name
            continue
        if names and _CREDENTIAL.fullmatch(part) and part not in AGENCIES:
            continue  # "Ilana Muhlstein, MS, RDN": letters after a name are no one's name
        names.append(part)
    return names


class Byline:
    """Names and agencies found in author texts, in order, each once."""

    def __init__(self, sites: set[str]) -> None:
        self.sites = sites
        self.names: list[str] = []
        self.agencies: list[str] = []

    def add(self, texts: Iterable[str], *, check: bool) -> None:
        """Add the names of ``texts``; with ``check`` (a visible byline), only those that look like
        names; without, a text that is one name is taken as it stands (the standards' values are names)
        and the parts of a joint one are checked."""
        for text in texts:
            names = split_names(text)
            for name in names:
                if check and (_DIGIT.search(name) or len(name) > MAX_NAME_LENGTH):
                    continue  # a visible byline's date or sentence names nobody, not even an outlet
                agency = outlet_name(name, self.sites)
                taken = not check and len(names) == 1 and len(name) <= MAX_NAME_LENGTH
                if agency is not None:
                    if agency not in self.agencies:
                        self.agencies.append(agency)
                elif (taken or looks_like_name(name)) and name not in self.names:
                    self.names.append(name)


def _excluded(node: LexborNode, memo: dict[int, bool]) -> bool:
    """Whether an element or one of its ancestors is a form, a comment, a quote, a teaser..."""

    def not_byline(element: LexborNode) -> bool:
        return element.tag in _NOT_BYLINE_TAGS or bool(class_tokens(element) & NOT_BYLINE_TOKENS)

    return any_ancestor(node, not_byline, memo, stop=PAGE_TAGS)


def _is_candidate(node: LexborNode) -> bool:
    if node.tag in ("meta", "link", "script", "style"):
        return False
    attributes = node.attributes
    if "author" in (attributes.get("itemprop") or "").split():
        return True
    if node.tag == "a" and "author" in (attributes.get("rel") or "").lower().split():
        return True
    return bool(class_tokens(node) & BYLINE_TOKENS)


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _pieces(byline: LexborNode, candidates: list[LexborNode], index: int) -> list[str]:
    """The name texts of a byline element (``candidates[index]``): its innermost byline elements (the
    candidates right after it, in page order, that it holds), else its innermost elements, else its
    own text; at most :data:`MAX_PIECES` of them."""
    inner: list[LexborNode] = []
    for node in candidates[index + 1 : index + 1 + MAX_PIECES]:
        if not _inside(node, byline):
            break  # page order: the elements a node holds come right after it
        inner.append(node)
    # in page order, a node holds another of them exactly when it holds the next one
    leaves = [node for i, node in enumerate(inner) if i + 1 == len(inner) or not _inside(inner[i + 1], node)]
    if not leaves:
        leaves = []
        for node in byline.traverse():
            if len(leaves) >= MAX_PIECES:
                break
            child = node.child
            if (
                node.mem_id != byline.mem_id
                and child is not None
                and child.tag == "-text"
                and child.next is None
            ):
                leaves.append(node)
    texts = [element_text(node) for node in leaves]
    texts = [text for text in texts if text]
    return texts or [element_text(byline)]


#: Byline elements after the ``<h1>`` tried, and name elements read in one: the page's own byline is
#: among the first, and a page of thousands of them costs no more than one of twenty.
MAX_BYLINES = 20
MAX_PIECES = 50
#: Labels that mark the names after them as the editors of the article, not its authors.
_EDITED = re.compile(
    r"^(?:editor|editors|edited\s+by|redaktur|penyunting|redaktion|bearbeitet\s+von|redaktør|redaktör)\b",
    re.IGNORECASE,
)


def byline_elements(tree: LexborHTMLParser) -> list[LexborNode]:
    """The ``<h1>`` and byline elements of a page, in page order (one CSS walk)."""
    return tree.css(f"h1, {_CANDIDATES}")


def _candidates(found: list[LexborNode]) -> list[LexborNode]:
    start = next((i for i, node in enumerate(found) if node.tag == "h1"), -1)
    memo: dict[int, bool] = {}
    return [node for node in found[start + 1 :] if _is_candidate(node) and not _excluded(node, memo)]


def visible_byline(found: list[LexborNode], sites: set[str]) -> Byline:
    """The names of the page's own byline: the first byline element after the first ``<h1>`` (or the
    first of the page, without one) that yields a name or an agency, not counting editors. ``found``
    is what :func:`byline_elements` gives."""
    candidates = _candidates(found)
    byline = Byline(sites)
    for index, node in enumerate(candidates[:MAX_BYLINES]):
        if _EDITED.match(element_text(node)[:MAX_NAME_LENGTH]):
            continue
        byline.add(_pieces(node, candidates, index), check=True)
        if byline.names or byline.agencies:
            break
    return byline


#: Characters of page source before a name in which an editor's label is looked for.
EDITOR_LOOKBACK = 200
_MARKUP = re.compile(r"<[^<>]*>")
_EDITOR_LABEL = re.compile(
    r"(?:editor|editors|edited\s+by|redaktur|penyunting|bearbeitet\s+von|redaktør|redaktör)\s*[:：]?\s*$",
    re.IGNORECASE,
)
#: Parts of every editor's label: the cheap test before the label's pattern.
_EDITOR_STEMS = ("edit", "redak", "redig", "penyunting", "bearbeitet")
#: Occurrences of a name in the page source looked at.
MAX_OCCURRENCES = 20


def labelled_editor(html: str, name: str) -> bool:
    """Whether the page prints ``name`` as its editor's ("Editor : <a>Ann Lee</a>"): an editor's label
    right before one of the name's first occurrences in the page source, markup between them left
    out."""
    start = 0
    for _ in range(MAX_OCCURRENCES):
        at = html.find(name, start)
        if at < 0:
            return False
        before = html[max(0, at - EDITOR_LOOKBACK) : at]
        lowered = before.lower()
        if any(stem in lowered for stem in _EDITOR_STEMS) and _EDITOR_LABEL.search(_MARKUP.sub(" ", before)):
            return True
        start = at + len(name)
    return False
