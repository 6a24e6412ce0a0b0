"""The generic plugin: serves every page that no outlet plugin takes (it is tried last)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsparse.capture import read_capture
from newsparse.hookspecs import hookimpl
from newsparse.html.body import extract_paragraphs
from newsparse.html.metadata import read_metadata
from newsparse.models import Article, Page, PageKind
from newsparse.outlets import Outlet, page_url


@hookimpl(trylast=True)
def newsparse_extract_article(page: Page, outlet: Outlet) -> Article:
    """Extract any page: HTML by metadata standards and paragraph density, captures by line shape."""
    if page.kind is PageKind.HTML:
        tree = LexborHTMLParser(page.text)
        meta = read_metadata(tree, timezone=outlet.timezone)
        return Article(
            source=page.source,
            outlet=outlet.id,
            plugin="generic",
            url=page_url(page) or meta.url,
            language=meta.language or outlet.language,
            title=meta.title,
            subtitle=meta.subtitle,
            authors=meta.authors,
            published=page.published or meta.published,
            modified=meta.modified,
            section=meta.section,
            tags=meta.tags,
            paragraphs=extract_paragraphs(tree),
            images=meta.images,
        )
    reading = read_capture(page.text)
    return Article(
        source=page.source,
        outlet=outlet.id,
        plugin="generic",
        url=page.url,
        language=outlet.language,
        title=reading.title,
        published=page.published,
        paragraphs=reading.paragraphs,
    )
