"""What a page says about its article, before it is an Article: the one result type of every reader.

The capture reader (:mod:`newsparse.articles.capture.profiled`) and the HTML layout reader
(:mod:`newsparse.articles.html.layout`) both return a :class:`Reading`; :func:`article_from` turns one into an
:class:`~newsparse.models.Article` for a page and its outlet, in one place, so that every outlet fills
the contract the same way (the caller's date hint wins over the page's own).
"""

from __future__ import annotations

import attrs

from newsparse.articles.outlets import Outlet
from newsparse.models import Article, Image, Page, When

__all__ = ["Reading", "article_from"]


@attrs.frozen
class Reading:
    """The article's fields as a reader found them; ``layout`` names the HTML layout used, if any."""

    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    published: When | None = None
    modified: When | None = None
    agency: str | None = None
    tags: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    layout: str | None = None


def article_from(
    reading: Reading, page: Page, outlet: Outlet, *, url: str | None = None, language: str | None = None
) -> Article:
    """The Article of a page read by an outlet's plugin (``Article.plugin`` is set again by the core)."""
    return Article(
        source=page.source,
        outlet=outlet.id,
        plugin=outlet.plugin or outlet.id,
        url=url or page.url,
        language=language or outlet.language,
        title=reading.title,
        subtitle=reading.subtitle,
        authors=reading.authors,
        agency=reading.agency,
        published=page.published or reading.published,
        modified=reading.modified,
        section=reading.section,
        tags=reading.tags,
        paragraphs=reading.paragraphs,
        images=reading.images,
        layout=reading.layout,
    )
