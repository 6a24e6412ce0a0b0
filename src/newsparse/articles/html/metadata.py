"""Article metadata from the standards pages emit for machines, then from markup.

Standards come first because they are written for machines; markup heuristics only fill the gaps.
Each source is read into the same shape (field -> candidate values, best first) and the sources are
then merged in a fixed order of trust:

1. JSON-LD (``<script type="application/ld+json">``): the article node, found in top-level lists and
   ``@graph`` arrays;
2. microdata (``itemscope``/``itemprop``) of an Article-like item, or loose ``itemprop`` on the page;
3. meta tags: OpenGraph (``og:``, ``article:``), Twitter cards (``twitter:``), Dublin Core (``DC.``,
   ``dcterms.``) and the plain HTML names (``author``, ``description``, ``keywords``...);
4. markup: ``<time datetime>``, ``rel=author`` links, ``<h1>``, ``<title>``, ``<html lang>``,
   ``<link rel=canonical>`` and ``<figure>`` images with their captions.

The title compares the sources instead (:func:`_title`): the meta titles rank above a microdata
headline, the site's name comes off, and a JSON-LD headline that is only the page's ``<title>`` copied
yields to the ``<h1>``.

Which meta names feed which field is data (:data:`META_FIELDS`), not code.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsparse.articles.html.body import element_text
from newsparse.articles.html.boilerplate import BLOCK_TAGS
from newsparse.articles.html.bylines import (
    HOST_NAME,
    Byline,
    byline_elements,
    labelled_editor,
    text_key,
    visible_byline,
    without_by,
)
from newsparse.articles.html.topics import choose_topics, clean_topics, visible_tags
from newsparse.dates import in_range, parse_iso, read_printed, url_date
from newsparse.models import Image, When

__all__ = ["META_FIELDS", "PageMetadata", "read_metadata"]

#: schema.org types (lower case) of the node that describes the article itself.
ARTICLE_TYPES = frozenset(
    (
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
    )
)
#: Types that describe a page rather than its article: used only when no article node exists.
_PAGE_TYPES = frozenset(("webpage", "itempage", "collectionpage"))

#: Meta tag names and properties (lower case) that feed each field, best first.
META_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "dcterms.title"),
    "subtitle": (
        "og:description",
        "twitter:description",
        "dc.description",
        "dcterms.description",
        "dcterms.abstract",
        "description",
    ),
    "authors": ("author", "article:author", "dc.creator", "dcterms.creator"),
    "published": (
        "article:published_time",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.created",
        "dc.date.created",
        "dc.date",
        "dcterms.date",
        "date",
        "pubdate",
        "publish-date",
    ),
    "modified": (
        "article:modified_time",
        "og:updated_time",
        "dcterms.modified",
        "dc.date.modified",
        "lastmod",
    ),
    "section": ("article:section",),
    "tags": ("article:tag", "news_keywords", "keywords", "dc.subject", "dcterms.subject"),
    "language": ("dc.language", "dcterms.language", "og:locale", "content-language"),
    "url": ("og:url", "twitter:url"),
    "site_name": ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
}
#: Fields whose meta values are comma-separated lists.
_COMMA_LISTS = frozenset(("news_keywords", "keywords", "dc.subject", "dcterms.subject"))
#: schema.org property (JSON-LD key and microdata itemprop) for each field.
SCHEMA_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("headline", "name", "alternativeHeadline"),
    "subtitle": ("description", "abstract"),
    "authors": ("author", "creator"),
    "published": ("datePublished", "dateCreated", "uploadDate"),
    "modified": ("dateModified",),
    "section": ("articleSection",),
    "tags": ("keywords",),
    "language": ("inLanguage",),
    "url": ("url", "mainEntityOfPage"),
    "site_name": ("publisher",),
    "image": ("image", "thumbnailUrl"),
}

Candidates = dict[str, list[Any]]


@attrs.frozen
class PageMetadata:
    """What a page says about itself, before any heuristic."""

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: When | None = None
    modified: When | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    images: tuple[Image, ...] = ()
    #: An outlet or news agency given as the author (never an author itself).
    agency: str | None = None
    #: The URL the page gives itself: its first canonical link or og:url (``url`` may prefer JSON-LD's).
    page_url: str | None = None


# -- JSON-LD ------------------------------------------------------------------------------------------
def _walk_jsonld(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document reachable through lists and ``@graph`` arrays."""
    if depth > 20:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk_jsonld(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        graph = node.get("@graph")
        if graph is not None:
            yield from _walk_jsonld(graph, depth + 1)


#: Every element the metadata readers look at, found in one walk over the page.
_READ = (
    'script[type="application/ld+json" i], [itemscope][itemtype], [itemprop], meta[content], '
    'meta[value], time[datetime], a[rel~="author" i], link[rel~="author" i][title], '
    'link[rel~="canonical" i][href], h1, title, figure, a[rel~="tag" i]'
)
#: What separates the words of an attribute for ``~=``: ASCII whitespace only (not ``str.split()``'s).
_CSS_SPACE = re.compile(r"[ \t\n\r\f]+")


class _Nodes:
    """The elements of a page the metadata readers use, by kind, in page order: one CSS walk over
    the tree instead of one per kind."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.root = tree.root
        self.scripts: list[LexborNode] = []
        self.items: list[LexborNode] = []
        self.properties: list[LexborNode] = []
        #: The attributes of each ``<meta>`` with a value (read once: each read builds a new dict).
        self.metas: list[dict[str, str | None]] = []
        self.times: list[LexborNode] = []
        self.author_links: list[LexborNode] = []
        self.author_titles: list[LexborNode] = []
        #: ``rel=tag`` links (read by the topics when the standards give no keywords).
        self.tag_links: list[LexborNode] = []
        self.canonical: LexborNode | None = None
        #: The page's own URL: the first canonical link or og:url of the page.
        self.page_url: str | None = None
        self.h1: LexborNode | None = None
        self.title: LexborNode | None = None
        self.figures: list[LexborNode] = []
        seen: set[int] = set()
        for node in tree.css(_READ):
            key = node.mem_id
            if key in seen:
                continue  # a node that matches two selectors of the group comes twice
            seen.add(key)
            self._sort(node)

    def _sort(self, node: LexborNode) -> None:
        tag, attributes = node.tag, node.attributes
        if "itemprop" in attributes:
            self.properties.append(node)
        if "itemscope" in attributes and "itemtype" in attributes:
            self.items.append(node)
        if tag == "script":
            if (attributes.get("type") or "").strip().lower() == "application/ld+json":
                self.scripts.append(node)
        elif tag == "meta":
            if "content" in attributes or "value" in attributes:
                self.metas.append(attributes)
                if self.page_url is None and (attributes.get("property") or "").lower() == "og:url":
                    self.page_url = (attributes.get("content") or "").strip() or None
        elif tag == "time":
            self.times.append(node)
        elif tag in ("a", "link"):
            rel_value = (attributes.get("rel") or "").lower()
            rel = rel_value.split()
            if tag == "a" and "tag" in rel_value and "tag" in _CSS_SPACE.split(rel_value):
                self.tag_links.append(node)
            if "author" in rel:
                if tag == "a":
                    self.author_links.append(node)
                elif attributes.get("title"):
                    self.author_titles.append(node)
            if tag == "link" and "canonical" in rel and attributes.get("href") and self.canonical is None:
                self.canonical = node
                self.page_url = self.page_url or attributes.get("href")
        elif tag == "h1":
            self.h1 = self.h1 or node
        elif tag == "title":
            self.title = self.title or node
        elif tag == "figure":
            self.figures.append(node)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", ())
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds}


def _jsonld_article(nodes: _Nodes) -> dict[str, Any]:
    """The page's article node: the first Article-like object, else the first WebPage object."""
    page: dict[str, Any] = {}
    for script in nodes.scripts:
        try:
            data = json.loads(script.text(deep=True) or "null")
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common and says nothing
        for node in _walk_jsonld(data):
            kinds = _types(node)
            if kinds & ARTICLE_TYPES:
                return node
            if kinds & _PAGE_TYPES and not page:
                page = node
    return page


def _from_jsonld(nodes: _Nodes) -> Candidates:
    node = _jsonld_article(nodes)
    return {field: [node[key] for key in keys if key in node] for field, keys in SCHEMA_FIELDS.items()}


# -- microdata ----------------------------------------------------------------------------------------
def _itemprop_value(node: LexborNode) -> Any:
    """A microdata property's value: a nested item's ``name``, or the attribute its tag carries."""
    attributes = node.attributes
    if "itemscope" in attributes:
        name = node.css_first('[itemprop~="name"]')
        return {"name": _itemprop_value(name)} if name is not None else element_text(node)
    for attribute in ("content", "datetime"):
        if attributes.get(attribute):
            return attributes[attribute]
    if node.tag in ("a", "link", "area"):
        return attributes.get("href") or node.text(deep=True)
    if node.tag in ("img", "audio", "video", "source", "embed", "iframe"):
        return attributes.get("src")
    return element_text(node)


def _owner(node: LexborNode) -> int | None:
    """mem_id of the item a property belongs to (its nearest ``itemscope`` ancestor)."""
    parent = node.parent
    while parent is not None:
        if "itemscope" in parent.attributes:
            return parent.mem_id
        parent = parent.parent
    return None


def _from_microdata(nodes: _Nodes) -> Candidates:
    scope: LexborNode | None = None
    for item in nodes.items:
        kinds = {kind.rsplit("/", 1)[-1].lower() for kind in (item.attributes.get("itemtype") or "").split()}
        if kinds & ARTICLE_TYPES:
            scope = item
            break
    found: Candidates = {field: [] for field in SCHEMA_FIELDS}
    field_of = {key: field for field, keys in SCHEMA_FIELDS.items() for key in keys}
    for node in nodes.properties:
        if scope is not None and _owner(node) != scope.mem_id:
            continue  # a property of a nested item (the author's own name, the publisher's logo)
        for key in (node.attributes.get("itemprop") or "").split():
            field = field_of.get(key)
            if field is None or (scope is None and key in ("name", "url", "description", "image")):
                continue  # without an article item, generic names belong to anything on the page
            value = _itemprop_value(node)
            if value:
                found[field].append(value)
    return found


# -- meta tags ----------------------------------------------------------------------------------------
def _meta_values(nodes: _Nodes) -> dict[str, list[str]]:
    """All meta values by lower-cased name, property or http-equiv, in page order."""
    values: dict[str, list[str]] = {}
    for attributes in nodes.metas:
        get = attributes.get
        content = get("content") or get("value")
        if not content or not (content := content.strip()):
            continue
        for name in (get("property"), get("name"), get("http-equiv")):
            if name and (key := name.strip().lower()):
                found = values.get(key)
                if found is None:
                    values[key] = [content]
                else:
                    found.append(content)
    return values


def _from_meta(nodes: _Nodes) -> Candidates:
    meta = _meta_values(nodes)
    found: Candidates = {}
    for field, names in META_FIELDS.items():
        values: list[Any] = []
        for name in names:
            for value in meta.get(name, ()):
                values.extend(_split_commas(value) if name in _COMMA_LISTS else [value])
            if field in ("authors", "tags") and values:
                break  # list fields come whole from one source
        found[field] = values
    found["language"] = [value.replace("_", "-") for value in found["language"]]
    return found


# -- markup -------------------------------------------------------------------------------------------
def _from_markup(nodes: _Nodes) -> Candidates:
    found: Candidates = {field: [] for field in SCHEMA_FIELDS}
    # a <time pubdate> or one marked as the publication date outranks the first <time> of the page
    times = sorted(nodes.times, key=lambda node: "pubdate" not in node.attributes)
    found["published"] = [node.attributes.get("datetime") for node in times]
    found["authors"] = [element_text(node) for node in nodes.author_links]
    found["authors"] += [node.attributes.get("title") for node in nodes.author_titles]
    for node in (nodes.h1, nodes.title):
        if node is not None:
            found["title"].append(element_text(node))
    html = nodes.root
    if html is not None and html.tag == "html" and html.attributes.get("lang"):
        found["language"].append(html.attributes.get("lang"))
    if nodes.canonical is not None:
        found["url"].append(nodes.canonical.attributes.get("href"))
    return found


def _figures(nodes: _Nodes) -> list[Image]:
    """Images of ``<figure>`` elements with their captions (the body extractor drops figures)."""
    images: list[Image] = []
    for figure in nodes.figures:
        image = figure.css_first("img")
        caption = figure.css_first("figcaption")
        if image is None or caption is None:
            continue
        attributes = image.attributes
        url = attributes.get("src") or attributes.get("data-src")
        text = _clean(caption.text(deep=True, separator=" "))
        if url and not url.startswith("data:") and text:
            images.append(Image(url=url, caption=text))
    return images


# -- values -------------------------------------------------------------------------------------------
_SPACE = re.compile(r"\s+")
#: "By Ann Lee": bylines copied into author fields keep their preposition.


#: A character reference left in a value (``&quot;``, ``&#8217;``, ``&amp;amp;``): JSON-LD and
#: meta values are often escaped once more than HTML needs.
_REFERENCE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
#: An HTML tag inside a value (a JSON-LD description written as ``<p>...</p>``).
_TAG = re.compile(r"</?([a-z][a-z0-9]*)(?:\s[^<>]*)?/?>", re.IGNORECASE)


#: A CSS rule ("/* inline css */ .tdi_70{ margin-bottom:30px }"): style sheet text, never a value.
_CSS = re.compile(r"[\w-]\s*\{[^{}:]*:[^{}]*\}")  # one way to match: linear, never backtracking


def _untag(match: re.Match[str]) -> str:
    return " " if match.group(1).lower() in BLOCK_TAGS else ""


def _clean(text: str) -> str:
    """A value as text: character references decoded (twice at most: double escaping is common, a
    third level is the writer's own text), markup dropped, whitespace collapsed."""
    for _ in range(2):
        if "&" not in text or not _REFERENCE.search(text):
            break
        text = html.unescape(text)
    if "<" in text and _TAG.search(text):
        text = _TAG.sub(_untag, text)
    return " ".join(text.split())  # what _SPACE.sub(" ", text).strip() gives (the same whitespace)


def _split_commas(value: str) -> list[str]:
    """A keyword list's items: split at commas, or at semicolons when there is no comma."""
    separator = "," if "," in value or ";" not in value else ";"
    return [part.strip() for part in value.split(separator) if part.strip()]


def _text(value: Any) -> str | None:
    """A single text from a JSON-LD/microdata value: a string, the first of a list, an object's name."""
    if isinstance(value, str):
        cleaned = _clean(value)
        return None if not cleaned or ("{" in cleaned and _CSS.search(cleaned)) else cleaned
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            text = _text(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "@id", "contentUrl"):
            text = _text(value.get(key))
            if text:
                return text
    return None


#: schema.org types of an author that is no person.
_ORGANIZATION_TYPES = frozenset(("organization", "newsmediaorganization", "corporation", "organisation"))


def _names(value: Any) -> list[str]:
    """Person names from a value: strings, objects with ``name``, or lists of either."""
    return [name for name, organization in _authors(value) if not organization]


def _authors(value: Any) -> list[tuple[str, bool]]:
    """Author names from a value, each with whether the value says it is an organization."""
    if isinstance(value, str):
        name = without_by(_clean(value))
        return [(name, False)] if name else []
    if isinstance(value, dict):
        organization = bool(_types(value) & _ORGANIZATION_TYPES)
        return [(name, organization) for name, _ in _authors(value.get("name"))]
    if isinstance(value, list):
        return [pair for item in value for pair in _authors(item)]
    return []


def _byline(
    tree: LexborHTMLParser, sources: tuple[Candidates, ...], sites: set[str], html_text: str | None
) -> Byline:
    """The article's authors and the agency given as one: from the first source that names a person
    (outlets, host names and agencies set apart; a name the page prints as its editor's left out),
    else from the visible byline."""
    byline = Byline(sites)
    for source in sources:
        pairs = [pair for value in source.get("authors", ()) for pair in _authors(value)]
        pairs = [(name, organization) for name, organization in pairs if _is_name(name[:100])]
        byline.add((name for name, organization in pairs if not organization), check=False)
        for name, organization in pairs:
            if organization and name not in byline.agencies:
                byline.agencies.append(name)
        if byline.names:
            if html_text:
                byline.names = [name for name in byline.names if not labelled_editor(html_text, name)]
            if byline.names:
                return byline
            break
    seen = visible_byline(byline_elements(tree), sites)
    byline.names = seen.names
    byline.agencies += [agency for agency in seen.agencies if agency not in byline.agencies]
    return byline


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return _split_commas(value)
    if isinstance(value, list):
        return [keyword for item in value for keyword in _keywords(item)]
    return []


def _image(value: Any) -> Image | None:
    """An image from a schema.org value: a URL, an ImageObject (with its caption), or a list of them."""
    if isinstance(value, list):
        for item in value:
            image = _image(item)
            if image is not None:
                return image
        return None
    if isinstance(value, dict):
        url = _text(value.get("url") or value.get("contentUrl") or value.get("@id"))
        caption = _text(value.get("caption") or value.get("description"))
        return Image(url=url, caption=caption) if url else None
    url = _text(value)
    return Image(url=url) if url else None


def _dedupe(values: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return tuple(seen)


#: What parts a headline from the site's name in a page title ("Headline | Site", "Headline - Site",
#: "Headline ㅣSite"): a dash or bar between spaces, or a bar on its own.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7\u00bb/]|::)\s+|\s*[|\u3163\uff5c]\s*")
#: Shortest site-name key that may match inside a longer one ("News" in "Ilanga News").
_MIN_SITE_KEY = 4


def _names_site(text: str, sites: set[str]) -> bool:
    """Whether a title part is the site's name: a host name, or (letters and digits, case-folded) one of
    the names the page gives itself, or a part of one, or one with more words."""
    key = text_key(text)
    if not key:
        return False
    if HOST_NAME.fullmatch(text):
        return True
    return any(
        key == site
        or (len(site) >= _MIN_SITE_KEY and site in key)
        or (len(key) >= _MIN_SITE_KEY and key in site)
        for site in sites
    )


#: The words of a title, to compare two.
_WORDS = re.compile(r"\w+")
#: Most parts taken off a title ("Headline | Section | Site" loses two).
MAX_TITLE_STRIPS = 3


def _tail(title: str) -> str:
    """The part of a title after its last separator ("" without one)."""
    parts = list(_TITLE_SEPARATOR.finditer(title))
    return title[parts[-1].end() :].strip() if parts else ""


def _without_site(title: str, sites: set[str], others: set[str], tails: set[str]) -> str:
    """A title without the site's name before or after it ("Headline | The Site" is "Headline"), and
    without a tail after a separator when the rest is another of the page's titles (the ``<h1>`` is
    "Headline", ``og:title`` "Headline - Site" or "Headline - a deck") and the tail is no longer than
    the rest or ends another of the page's titles too (the site's name, in ``<title>`` as well)."""
    for _ in range(MAX_TITLE_STRIPS):
        parts = list(_TITLE_SEPARATOR.finditer(title))
        if not parts:
            return title
        head, tail = title[: parts[-1].start()].strip(), title[parts[-1].end() :].strip()
        repeated = len(head) >= len(tail) or text_key(tail) in tails
        if head and (_names_site(tail, sites) or (text_key(head) in others and repeated)):
            title = head
            continue
        head, tail = title[: parts[0].start()].strip(), title[parts[0].end() :].strip()
        if tail and _names_site(head, sites):
            title = tail
            continue
        return title
    return title


def _site_keys(sources: tuple[Candidates, ...], headline: str | None) -> set[str]:
    """The names a page gives its site (og:site_name, application-name, the JSON-LD publisher's name
    and alternate name), as comparison keys. A name that is the page's ``headline`` (its most trusted
    title: an application-name set to it) names no site: taken as one, it would cut the headline's own
    words off the title."""
    keys: set[str] = set()
    for source in sources:
        for value in source.get("site_name", ()):
            names = [value.get("name"), value.get("alternateName")] if isinstance(value, dict) else [value]
            keys.update(text_key(text) for name in names if (text := _text(name)))
    if headline:
        keys.discard(text_key(headline))
    keys.discard("")
    return keys


class _Titles:
    """The page's titles, most trusted first, each with where it comes from (``jsonld``, ``meta``,
    ``microdata``, ``h1``, ``title``), its comparison key and the key of its tail, each read once."""

    def __init__(self, sources: tuple[Candidates, ...], nodes: _Nodes) -> None:
        jsonld, microdata, meta, markup = sources
        # the markup's titles are the <h1>'s and the <title>'s text, each where the page has one
        markup_origins = [
            origin for origin, node in (("h1", nodes.h1), ("title", nodes.title)) if node is not None
        ]
        # microdata's headline is the visible <h1> marked up: it ranks with the markup, after the meta
        # titles that the page writes for readers to share
        found = [
            *(("jsonld", value) for value in jsonld.get("title", ())),
            *(("meta", value) for value in meta.get("title", ())),
            *(("microdata", value) for value in microdata.get("title", ())),
            *zip(markup_origins, markup.get("title", ()), strict=True),
        ]
        pairs = [(origin, text) for origin, value in found if (text := _text(value))]
        self.origins = [origin for origin, _ in pairs]
        self.texts = [text for _, text in pairs]
        self.keys = [text_key(text) for text in self.texts]
        self.tails = [text_key(_tail(text)) for text in self.texts]

    def first(self, origin: str) -> int | None:
        """The index of the first title from ``origin``, if any."""
        return self.origins.index(origin) if origin in self.origins else None

    def bare(self, index: int, sites: set[str]) -> str:
        """Title ``index`` without the site's name and without the parts that the page's other titles
        show to be no part of the headline."""
        others = set(self.keys[:index] + self.keys[index + 1 :])
        tails = set(self.tails[:index] + self.tails[index + 1 :]) - {""}
        return _without_site(self.texts[index], sites, others, tails) or self.texts[index]


def _title(titles: _Titles, sites: set[str]) -> str | None:
    """The first title of the most trusted source, without the site's name around it.

    A JSON-LD headline that only the page's search title confirms (it is the ``<title>``, site name
    aside, while ``og:title`` says something else) is a search-engine plugin's copy of the ``<title>``:
    the headline the page shows, its ``<h1>``, comes first then (whether or not the shared title says
    the same), unless the ``<h1>`` says what the JSON-LD says, names the site (a logo) or shares no word
    with the shared title (a section label)."""
    if not titles.texts:
        return None
    title = titles.bare(0, sites)
    shared, visible, searched = titles.first("meta"), titles.first("h1"), titles.first("title")
    if titles.origins[0] != "jsonld" or shared is None or visible is None or searched is None:
        return title
    key = text_key(title)
    if key != text_key(titles.bare(searched, sites)):
        return title
    shown, shared_title = titles.bare(visible, sites), titles.bare(shared, sites)
    if key in (text_key(shared_title), text_key(shown)) or _names_site(shown, sites):
        return title
    # an <h1> that shares no word with the shared title is a label (a section, a logo), no headline
    return shown if _words(shown) & _words(shared_title) else title


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(text.casefold()))


def _topics(
    tree: LexborHTMLParser, nodes: _Nodes, sources: tuple[Candidates, ...], sites: set[str]
) -> tuple[str, ...]:
    """The article's topics: the best keyword list of the standards, else the page's tag links."""
    lists = [[_clean(k) for value in source.get("tags", ()) for k in _keywords(value)] for source in sources]
    topics = choose_topics(clean_topics(values, sites) for values in lists)
    return tuple(topics or clean_topics(visible_tags(tree, nodes.tag_links), sites))


def _trusted_offset(found: list[When]) -> When:
    """The first date, unless it says UTC and another source gives the same wall-clock time with an
    offset: the first wrote local time as UTC (``13:46+00:00`` beside ``13:46-04:00``), the other is
    right."""
    first = found[0]
    stamp = first.value
    if not isinstance(stamp, dt.datetime) or stamp.utcoffset() != dt.timedelta(0):
        return first
    for other in found[1:]:
        value = other.value
        if (
            isinstance(value, dt.datetime)
            and value.utcoffset() not in (None, dt.timedelta(0))
            and value.replace(tzinfo=None) == stamp.replace(tzinfo=None)
        ):
            return other
    return first


#: Characters of visible text after the ``<h1>`` searched for a printed date.
PRINTED_DATE_WINDOW = 1500


def _text_after(node: LexborNode, limit: int) -> str:
    """About ``limit`` characters of the text that follows ``node`` in the page: its following
    siblings, then its ancestors' following siblings (script and style text left out)."""
    parts: list[str] = []
    size = 0
    current: LexborNode | None = node
    while current is not None and size < limit:
        sibling = current.next
        while sibling is not None and size < limit:
            if sibling.tag == "-text":
                text = sibling.text_content or ""
            elif sibling.tag in ("script", "style", "noscript", "template"):
                text = ""
            else:
                text = sibling.text(deep=True, separator=" ")
            if text.strip():
                parts.append(text)
                size += len(text)
            sibling = sibling.next
        current = current.parent
    return _SPACE.sub(" ", " ".join(parts))[:limit]


def _printed_date(
    tree: LexborHTMLParser, h1: LexborNode | None, title: str | None, timezone: str | None
) -> When | None:
    """The publication date printed near the headline, for a page whose standards give none: the first
    date (not marked as an update) in the text after the ``<h1>`` (after the title, without one)."""
    if h1 is not None:
        return read_printed(_text_after(h1, PRINTED_DATE_WINDOW), timezone)
    body = tree.body
    if body is None or not title:
        return None
    text = _SPACE.sub(" ", body.text(separator=" "))
    start = text.find(title)
    if start < 0:
        return None
    return read_printed(text[start + len(title) : start + len(title) + PRINTED_DATE_WINDOW], timezone)


def _is_name(text: str) -> bool:
    """A person's name rather than a profile URL or a handle."""
    return not text.startswith(("http://", "https://", "/", "@")) and len(text) <= 100


def read_metadata(
    tree: LexborHTMLParser, *, timezone: str | None = None, html: str | None = None
) -> PageMetadata:
    """Read a parsed page's metadata: JSON-LD, then microdata, then meta tags, then markup.

    ``html`` is the page's source, if the caller has it: an author the page prints as its editor
    ("Editor: Ann Lee") is then left out. Does not modify ``tree``: read it before the body extractor
    prunes it."""
    nodes = _Nodes(tree)
    sources = (_from_jsonld(nodes), _from_microdata(nodes), _from_meta(nodes), _from_markup(nodes))

    def first_text(field: str) -> str | None:
        for source in sources:
            for value in source.get(field, ()):
                text = _text(value)
                if text:
                    return text
        return None

    def first_when(field: str) -> When | None:
        found = [
            when
            for source in sources
            for value in source.get(field, ())
            if (when := parse_iso(_text(value), timezone)) is not None
        ]
        # a date out of range (year 1) yields to a real one; alone, it is kept, and the pipeline
        # drops it with a warning
        found = [when for when in found if in_range(when)] or found[:1]
        return _trusted_offset(found) if found else None

    def first_list(field: str, read: Any) -> tuple[str, ...]:
        for source in sources:
            values = [item for value in source.get(field, ()) for item in read(value)]
            if field == "authors":
                values = [name for name in values if _is_name(name)]
            if values:
                return _dedupe(values)
        return ()

    images: list[Image] = []
    for source in sources:
        image = _image(source.get("image", []))
        if image is not None:
            images.append(image)
            break
    known = {image.url for image in images}
    images += [figure for figure in _figures(nodes) if figure.url not in known]
    titles = _Titles(sources, nodes)
    sites = _site_keys(sources, titles.texts[0] if titles.texts else None)
    byline = _byline(tree, sources, sites, html)
    url = first_text("url")
    title = _title(titles, sites)
    published = first_when("published") or _printed_date(tree, nodes.h1, title, timezone) or url_date(url)
    return PageMetadata(
        title=title,
        subtitle=first_text("subtitle"),
        authors=tuple(byline.names),
        agency=byline.agencies[0] if byline.agencies else None,
        page_url=nodes.page_url,
        published=published,
        modified=first_when("modified"),
        section=first_text("section"),
        tags=_topics(tree, nodes, sources, sites),
        language=first_text("language"),
        url=url,
        site_name=first_text("site_name"),
        images=tuple(images),
    )
