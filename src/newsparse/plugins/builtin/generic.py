"""The generic plugin: serves every page that no outlet plugin takes (it is tried last)."""

from __future__ import annotations

import attrs
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.capture.generic import read_capture
from newsparse.articles.html.layout import read_with_layout
from newsparse.articles.html.metadata import read_metadata
from newsparse.articles.outlets import Outlet
from newsparse.articles.reading import article_from
from newsparse.models import Article, Page, PageKind
from newsparse.plugins.hookspecs import hookimpl


@hookimpl(trylast=True)
def newsparse_extract_article(page: Page, outlet: Outlet) -> Article:
    """Extract any page: HTML by metadata standards and paragraph density, captures by line shape."""
    if page.kind is PageKind.HTML:
        tree = LexborHTMLParser(page.text)
        meta = read_metadata(tree, timezone=outlet.timezone, html=page.text)
        reading = read_with_layout(tree, None, meta)  # no layout: standards and paragraph density
        article = article_from(
            reading, page, outlet, url=page.url or meta.page_url or meta.url, language=meta.language
        )
    else:
        article = article_from(read_capture(page.text), page, outlet)
    return attrs.evolve(article, plugin="generic")
