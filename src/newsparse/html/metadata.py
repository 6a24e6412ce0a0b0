"""Article metadata from the standards every outlet emits: JSON-LD, OpenGraph, meta tags, <time>.

Standards come first because they are written for machines; markup heuristics only fill the gaps.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
from selectolax.lexbor import LexborHTMLParser

from newsparse.dates import parse_iso
from newsparse.models import Image, When

__all__ = ["PageMetadata", "read_metadata"]

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "webpage",
    "liveblogposting",
}


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


def _walk_jsonld(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_jsonld(item)
    elif isinstance(node, dict):
        yield node
        graph = node.get("@graph")
        if graph is not None:
            yield from _walk_jsonld(graph)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", ())
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return {str(k).lower() for k in kinds}


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _first_str(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value:
        return _first_str(value[0])
    if isinstance(value, dict):
        return _first_str(value.get("url") or value.get("name"))
    return None


def _jsonld_article(tree: LexborHTMLParser) -> dict[str, Any]:
    best: dict[str, Any] = {}
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "null")
        except (json.JSONDecodeError, RecursionError):
            continue
        for node in _walk_jsonld(data):
            kinds = _types(node)
            if kinds & _ARTICLE_TYPES and (not best or "webpage" in _types(best)):
                best = node
    return best


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        key = (node.attributes.get("property") or node.attributes.get("name") or "").strip().lower()
        value = (node.attributes.get("content") or "").strip()
        if key and value:
            found.setdefault(key, value)
    return found


def _meta_all(tree: LexborHTMLParser, key: str) -> list[str]:
    values = []
    for node in tree.css("meta"):
        name = (node.attributes.get("property") or node.attributes.get("name") or "").strip().lower()
        if name == key and (node.attributes.get("content") or "").strip():
            values.append((node.attributes.get("content") or "").strip())
    return values


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    if isinstance(value, list):
        return [k for item in value for k in _keywords(item)]
    return []


def _dedupe(values: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return tuple(seen)


def read_metadata(tree: LexborHTMLParser, *, timezone: str | None = None) -> PageMetadata:
    """Read a parsed page's metadata: JSON-LD first, then OpenGraph and meta tags, then markup."""
    ld = _jsonld_article(tree)
    meta = _meta(tree)
    title_node = tree.css_first("title")
    h1 = tree.css_first("h1")
    title = (
        _first_str(ld.get("headline"))
        or meta.get("og:title")
        or meta.get("twitter:title")
        or (h1.text(strip=True) if h1 else None)
        or (title_node.text(strip=True) if title_node else None)
    )
    subtitle = _first_str(ld.get("description")) or meta.get("og:description") or meta.get("description")
    authors = _names(ld.get("author")) or _meta_all(tree, "author") or _meta_all(tree, "article:author")
    authors = [a for a in authors if not a.startswith("http")]
    time_node = tree.css_first("time[datetime]")
    published = (
        parse_iso(_first_str(ld.get("datePublished")), timezone)
        or parse_iso(meta.get("article:published_time"), timezone)
        or parse_iso(meta.get("date"), timezone)
        or parse_iso(meta.get("dc.date"), timezone)
        or (parse_iso(time_node.attributes.get("datetime"), timezone) if time_node else None)
    )
    modified = parse_iso(_first_str(ld.get("dateModified")), timezone) or parse_iso(
        meta.get("article:modified_time"), timezone
    )
    section = _first_str(ld.get("articleSection")) or meta.get("article:section")
    tags = _keywords(ld.get("keywords")) or _meta_all(tree, "article:tag") or _keywords(meta.get("keywords"))
    html_node = tree.css_first("html")
    language = _first_str(ld.get("inLanguage")) or (html_node.attributes.get("lang") if html_node else None)
    image_url = _first_str(ld.get("image")) or meta.get("og:image")
    images = (Image(url=image_url),) if image_url else ()
    return PageMetadata(
        title=title,
        subtitle=subtitle,
        authors=_dedupe(authors),
        published=published,
        modified=modified,
        section=section,
        tags=_dedupe(tags),
        language=(language or None),
        url=_first_str(ld.get("url")) or meta.get("og:url"),
        site_name=meta.get("og:site_name"),
        images=images,
    )
