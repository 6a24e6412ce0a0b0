"""Outlets as data, and the core logic that matches a page to one.

A plugin declares what an outlet *is* (domains, capture markers, time zone, ...); matching is the
core's job, always in the same order: the caller's hint, the URL's domain, the text markers, the
generic outlet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import attrs

from newsparse.models import Page, PageKind

__all__ = ["GENERIC_ID", "Outlet", "domain_of", "generic_outlet", "match_outlet", "match_outlet_why"]

#: Outlet id of pages that no plugin's outlet matched (and that have no URL to name them by).
GENERIC_ID = "generic"


def _lower_tuple(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError("expected a sequence of strings, got a single string")
    return tuple(v.lower().strip(".") for v in values)


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError("expected a sequence of strings, got a single string")
    return tuple(values)


@attrs.frozen
class Outlet:
    """What an outlet is, as a plugin declares it.

    ``markers`` are strings that give away a page of the outlet (a masthead, a widget label, a theme's
    folder or wrapper class); a page matches when at least ``min_markers`` of them occur in it: in a
    plain-text capture anywhere, in an HTML page in its head and the opening of its body (the first
    :data:`BODY_OPENING` characters after ``</head>``), where a site names itself. ``plugin`` is
    filled in by the core with the name of the plugin that declared the outlet.
    """

    id: str = attrs.field(validator=attrs.validators.matches_re(r"[a-z0-9][a-z0-9_.-]*"))
    name: str
    domains: tuple[str, ...] = attrs.field(default=(), converter=_lower_tuple)
    markers: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    min_markers: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    language: str | None = None
    timezone: str | None = None
    plugin: str | None = None

    def domain_for(self, host: str) -> str | None:
        """The outlet's domain that ``host`` is or is under (case and a trailing dot ignored), if any."""
        host = host.lower().strip(".")
        return next((d for d in self.domains if host == d or host.endswith("." + d)), None)

    def serves_domain(self, host: str) -> bool:
        return self.domain_for(host) is not None


def generic_outlet(url: str | None = None, hint: str | None = None) -> Outlet:
    """The outlet of a page no plugin serves: named by the hint, else by the URL's domain."""
    name = hint or (domain_of(url) if url else None) or GENERIC_ID
    ident = re.sub(r"[^a-z0-9_.-]+", "-", name.lower()).strip("-._") or GENERIC_ID
    return Outlet(id=ident, name=name)


def domain_of(url: str | None) -> str | None:
    """The host of a URL without a leading ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


#: One ``<link>`` or ``<meta>`` tag, its attributes bounded: a flat scan, so that a page of repeated
#: unclosed ``<link rel=canonical`` costs linear time (a pattern that searched for the attributes inside
#: ``[^>]+`` backtracked cubically).
_HEAD_TAG = re.compile(r"<(link|meta)\b([^<>]{0,4096})", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        found.setdefault(match.group(1).lower(), match.group(2) or match.group(3) or match.group(4) or "")
    return found


def page_url(page: Page) -> str | None:
    """The page's URL: the caller's, else the canonical or og:url an HTML page declares."""
    if page.url:
        return page.url
    if page.kind is PageKind.HTML:
        for match in _HEAD_TAG.finditer(page.text, 0, 65536):
            link = match.group(1).lower() == "link"
            # a tag that does not hold the word cannot name it: most are not read further
            if ("canonical" if link else "og:url") not in match.group(2).lower():
                continue
            attributes = _attributes(match.group(2))
            if link:
                if "canonical" in attributes.get("rel", "").lower().split() and attributes.get("href"):
                    return attributes["href"]
            elif attributes.get("property", "").lower() == "og:url" and attributes.get("content"):
                return attributes["content"]
    return None


#: Characters of an HTML page's body, after ``</head>``, in which outlet markers are looked for.
BODY_OPENING = 16384


def marker_region(page: Page) -> str:
    """The text outlet markers are looked for in: a capture whole, an HTML page's head and the opening
    of its body (the whole page when it has no ``</head>``)."""
    return page.text[: _region_end(page)]


def _region_end(page: Page) -> int:
    """Where :func:`marker_region` ends in the page's text."""
    text = page.text
    if page.kind is not PageKind.HTML:
        return len(text)
    end = text.find("</head")
    if end < 0:
        end = text.find("</HEAD")
    return len(text) if end < 0 else min(len(text), end + BODY_OPENING)


def match_outlet(page: Page, outlets: Iterable[Outlet]) -> Outlet:
    """The outlet a page belongs to: hint, then URL domain, then markers, then generic. Each distinct
    marker of all outlets is looked for once, in the page's :func:`marker_region`."""
    return match_outlet_why(page, outlets)[0]


def match_outlet_why(page: Page, outlets: Iterable[Outlet]) -> tuple[Outlet, str]:
    """:func:`match_outlet`, with why that outlet matched (what ``NEWSPARSE_TRACE=1`` prints)."""
    outlets = tuple(outlets)
    if page.outlet:
        hint = page.outlet.lower()
        for outlet in outlets:
            if outlet.id == hint:
                return outlet, f"the caller's outlet hint {page.outlet!r}"
        return generic_outlet(hint=page.outlet), f"the hint {page.outlet!r}, which no plugin declares"
    url = page_url(page)
    host = domain_of(url)
    if host:
        for outlet in outlets:
            domain = outlet.domain_for(host)
            if domain is not None:
                return outlet, f"the URL's host {host!r} is in its domain {domain!r}"
    markers = {marker for outlet in outlets for marker in outlet.markers}
    # looked for in the page's text up to the region's end, not in a copy of the region
    text, end = page.text, _region_end(page) if markers else 0
    found = {marker for marker in markers if text.find(marker, 0, end) >= 0}
    best: tuple[int, Outlet] | None = None
    for outlet in outlets:
        hits = sum(1 for marker in outlet.markers if marker in found)
        if hits >= outlet.min_markers and (best is None or hits > best[0]):
            best = (hits, outlet)
    if best is not None:
        hits, outlet = best
        shown = [marker for marker in outlet.markers if marker in found]
        return outlet, f"{hits} of its markers occur ({', '.join(map(repr, shown))})"
    reason = f"no outlet serves the URL's host {host!r}" if host else "no URL, and no outlet's markers occur"
    return generic_outlet(url=url), reason + ": the generic outlet"
