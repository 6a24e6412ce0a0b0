"""The generic plugin: serves every page that no outlet plugin takes (it is tried last)."""

from __future__ import annotations

import attrs
from selectolax.lexbor import LexborHTMLParser

from newsparse.capture import read_capture
from newsparse.hookspecs import hookimpl
from newsparse.html.layout import read_with_layout
from newsparse.html.metadata import read_metadata
from newsparse.models import Article, Page, PageKind
from newsparse.outlets import Outlet, page_url
from newsparse.reading import Reading, article_from


@hookimpl(trylast=True)
def newsparse_extract_article(page: Page, outlet: Outlet) -> Article:
    """Extract any page: HTML by metadata standards and paragraph density, captures by line shape."""
    if page.kind is PageKind.HTML:
        tree = LexborHTMLParser(page.text)
        meta = read_metadata(tree, timezone=outlet.timezone)
        reading = read_with_layout(tree, None, meta)  # no layout: standards and paragraph density
        article = article_from(reading, page, outlet, url=page_url(page) or meta.url, language=meta.language)
    else:
        capture = read_capture(page.text)
        article = article_from(Reading(title=capture.title, paragraphs=capture.paragraphs), page, outlet)
    return attrs.evolve(article, plugin="generic")
