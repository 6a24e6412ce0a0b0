"""An outlet's markup as data: the CSS selectors of one design of its article pages, and how to use them.

Outlets redesign, so an outlet may declare several layouts, each with the dates it was in use and the
selectors that give it away (``markers``). :func:`choose_layout` picks the layout a page was built
with; :func:`read_with_layout` reads the page with it. The standards every page emits (JSON-LD,
OpenGraph, ``<time datetime>``) are read by :mod:`newsparse.articles.html.metadata`; a layout only
refines them: its selectors win for the words a reader sees (title, standfirst, byline, tags, body),
the standards win for machine-written dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from newsparse.articles.capture.datelines import read_printed_date
from newsparse.articles.html.body import element_text, extract_paragraphs
from newsparse.articles.html.metadata import PageMetadata
from newsparse.articles.reading import Reading
from newsparse.dates import parse_iso
from newsparse.errors import LayoutError
from newsparse.models import Image, When

__all__ = ["HtmlLayout", "choose_layout", "read_with_layout"]

_SPACE = re.compile(r"\s+")
#: The words before an agency's name in a credit line.
_AGENCY_LEAD = re.compile(r"^\s*(?:by|from|source\s*:|via)\s+", re.IGNORECASE)
#: The metadata of an HtmlLayout field that holds CSS selectors (checked when the layout is defined).
_CSS = {"css": True}


def _selectors(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _optional_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@attrs.frozen
class HtmlLayout:
    """One design of an outlet's article pages.

    Every selector field is a tuple of CSS selectors tried in order (a single string is accepted);
    ``valid_from``/``valid_until`` bound the dates the design was in use (inclusive, either open).
    """

    name: str
    valid_from: dt.date | None = attrs.field(default=None, converter=_optional_date)
    valid_until: dt.date | None = attrs.field(default=None, converter=_optional_date)
    #: Selectors that only this design's pages match; one match is enough.
    markers: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    title: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    subtitle: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    authors: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    #: A node naming the agency behind the copy ("Source: Reuters", "By AFP"): its text, less a leading
    #: "By"/"From"/"Source:", is the agency, named as the outlet's credits spell it.
    agency: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    #: Nodes holding the publication date: a ``datetime`` or ``content`` attribute, else printed text
    #: read with ``date_formats`` in the outlet's zone.
    published: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    date_formats: tuple[str, ...] = attrs.field(default=(), converter=_selectors)
    section: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    #: The element holding the story; the first selector that finds one wins.
    body: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    #: What counts as a paragraph inside the body.
    paragraphs: str = attrs.field(default="p, h2, h3, h4, blockquote, li", metadata=_CSS)
    #: Boilerplate inside the body: share bars, related links, ads, newsletter boxes, embedded promos.
    remove: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    #: Figures inside the body; each becomes an Image and leaves the body.
    figures: tuple[str, ...] = attrs.field(default=("figure",), converter=_selectors, metadata=_CSS)
    captions: tuple[str, ...] = attrs.field(default=("figcaption",), converter=_selectors, metadata=_CSS)
    #: The credit inside a figure (taken out of the caption's text).
    credits: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_selectors, metadata=_CSS)

    def __attrs_post_init__(self) -> None:
        # A selector that does not parse would otherwise fail on every page, as "Can't parse CSS
        # selector." naming nothing: try each one on an empty tree now, and name the field.
        empty = LexborHTMLParser("")
        for field in (field.name for field in attrs.fields(HtmlLayout) if field.metadata.get("css")):
            value = getattr(self, field)
            for selector in (value,) if isinstance(value, str) else value:
                if not isinstance(selector, str):
                    raise LayoutError(
                        f"HtmlLayout {self.name!r}: {field}: a CSS selector is a string, not "
                        f"{type(selector).__name__} ({selector!r})"
                    )
                try:
                    empty.css_first(selector)
                except SelectolaxError as exc:
                    raise LayoutError(
                        f"HtmlLayout {self.name!r}: {field}: bad CSS selector {selector!r} ({exc})"
                    ) from None

    def valid_on(self, day: dt.date) -> bool:
        """Whether the design was in use on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def marked_in(self, tree: LexborHTMLParser) -> bool:
        """Whether the page carries one of this design's markers."""
        return any(tree.css_first(selector) is not None for selector in self.markers)


def choose_layout(
    layouts: Sequence[HtmlLayout], tree: LexborHTMLParser, published: When | None
) -> HtmlLayout | None:
    """The layout a page was built with: among the layouts whose markers the page carries (all of them
    when none does), the one in use on the page's date; without a date, the first such layout."""
    if not layouts:
        return None
    candidates = [layout for layout in layouts if layout.marked_in(tree)] or list(layouts)
    if published is not None:
        for layout in candidates:
            if layout.valid_on(published.date):
                return layout
    return candidates[0]


def _text(node: LexborNode) -> str:
    """A node's text as the reader sees it: a ``<style>`` or ``<script>`` inside a layout's title or
    standfirst element (page builders put their CSS there) is no text."""
    for code in node.css("style, script, noscript, template"):
        code.decompose()
    return element_text(node)


def _first_text(root: LexborHTMLParser | LexborNode, selectors: Iterable[str]) -> str | None:
    for selector in selectors:
        for node in root.css(selector):
            text = _text(node)
            if text:
                return text
    return None


def _all_texts(root: LexborHTMLParser | LexborNode, selectors: Iterable[str]) -> tuple[str, ...]:
    for selector in selectors:
        texts = [_text(node) for node in root.css(selector)]
        found = tuple(dict.fromkeys(t for t in texts if t))
        if found:
            return found
    return ()


def _layout_date(tree: LexborHTMLParser, layout: HtmlLayout, timezone: str | None) -> When | None:
    for selector in layout.published:
        for node in tree.css(selector):
            machine = node.attributes.get("datetime") or node.attributes.get("content")
            when = parse_iso(machine, timezone) if machine else None
            if when is None and layout.date_formats:
                when = read_printed_date(_text(node), layout.date_formats, timezone)
            if when is not None:
                return when
    return None


def _body_node(tree: LexborHTMLParser, layout: HtmlLayout) -> LexborNode | None:
    for selector in layout.body:
        node = tree.css_first(selector)
        if node is not None:
            return node
    return None


def _take_figures(container: LexborNode, layout: HtmlLayout) -> tuple[Image, ...]:
    """Images with their captions and credits, taken out of the body so they never read as text."""
    images: list[Image] = []
    for selector in layout.figures:
        for figure in container.css(selector):
            credit = None
            for credit_selector in layout.credits:
                node = figure.css_first(credit_selector)
                if node is not None:
                    # A credit is printed "(AP)" or "- AP"; the brackets and the dash are not the name.
                    credit = _text(node).strip(" ()[]-–—") or None
                    node.decompose()
                    break
            caption = _first_text(figure, layout.captions)
            img = figure.css_first("img")
            url = img.attributes.get("src") if img is not None else None
            if caption or credit or url:
                images.append(Image(url=url, caption=caption, credit=credit))
            figure.decompose()
    return tuple(images)


def _paragraphs(container: LexborNode, selector: str) -> tuple[str, ...]:
    """Texts of the paragraph nodes, in order, each once (a ``p`` inside a ``blockquote`` is not
    repeated)."""
    nodes = container.css(selector)
    chosen = {node.mem_id for node in nodes}
    texts = []
    for node in nodes:
        parent = node.parent
        nested = False
        while parent is not None and parent.mem_id != container.mem_id:
            if parent.mem_id in chosen:
                nested = True
                break
            parent = parent.parent
        if not nested:
            text = _text(node)
            if text:
                texts.append(text)
    return tuple(texts)


def read_with_layout(
    tree: LexborHTMLParser,
    layout: HtmlLayout | None,
    meta: PageMetadata,
    *,
    timezone: str | None = None,
) -> Reading:
    """Read a parsed page with a layout (selectors first for text, standards first for dates).

    Without a layout, or when the layout's body selector finds nothing, the body comes from the
    core's generic paragraph extractor, so a redesign degrades to generic extraction, not to nothing.
    """
    if layout is None:
        return Reading(
            layout=None,
            title=meta.title,
            subtitle=meta.subtitle,
            authors=meta.authors,
            agency=meta.agency,
            published=meta.published,
            modified=meta.modified,
            section=meta.section,
            tags=meta.tags,
            paragraphs=tuple(extract_paragraphs(tree)),
            images=meta.images,
        )
    title = _first_text(tree, layout.title) or meta.title
    subtitle = _first_text(tree, layout.subtitle) or meta.subtitle
    authors = _all_texts(tree, layout.authors) or meta.authors
    section = _first_text(tree, layout.section) or meta.section
    tags = _all_texts(tree, layout.tags) or meta.tags
    agency = _first_text(tree, layout.agency)
    published = meta.published or _layout_date(tree, layout, timezone)
    container = _body_node(tree, layout)
    if container is None:
        paragraphs: tuple[str, ...] = tuple(extract_paragraphs(tree))
        images = meta.images
    else:
        for selector in layout.remove:
            for node in container.css(selector):
                node.decompose()
        images = _take_figures(container, layout) or meta.images
        paragraphs = _paragraphs(container, layout.paragraphs)
    return Reading(
        # The body is most of the article: when the layout's body selector found nothing, the page is of
        # a design the layout does not know, and the Article says so (no layout) rather than name it.
        layout=layout.name if container is not None else None,
        title=title,
        subtitle=subtitle,
        authors=authors,
        agency=(_AGENCY_LEAD.sub("", agency).strip() or None if agency else None) or meta.agency,
        published=published,
        modified=meta.modified,
        section=section,
        tags=tags,
        paragraphs=paragraphs,
        images=images,
    )
