"""An outlet plugin made of data: what the outlet is, what its captures and its markup look like.

An outlet module states facts and ends with one line that turns them into hooks::

    PLUGIN = OutletPlugin(outlet=Outlet(...), capture=CaptureProfile(...), layouts=(HtmlLayout(...),))
    newsparse_outlets, newsparse_extract_article = PLUGIN.hooks()

The module is then a pluggy plugin like any other, registered through an entry point in the
``newsparse`` group. All the reading is done here and in :mod:`newsparse.articles.capture` and
:mod:`newsparse.articles.html`, once, for every outlet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.capture.profile import CaptureProfile
from newsparse.articles.capture.profiled import agency_in_paragraphs, read_with_profile, split_caption
from newsparse.articles.html.layout import HtmlLayout, choose_layout, read_with_layout
from newsparse.articles.html.metadata import read_metadata
from newsparse.articles.outlets import Outlet, page_url
from newsparse.articles.reading import article_from
from newsparse.models import Article, Image, Page, PageKind
from newsparse.plugins.hookspecs import hookimpl

__all__ = ["OutletPlugin"]

OutletsHook = Callable[[], Sequence[Outlet]]
ExtractHook = Callable[[Page, Outlet], "Article | None"]


@attrs.frozen
class OutletPlugin:
    """An outlet (or a family of sites sharing a theme) and how to read its pages.

    ``capture`` describes its plain-text captures (None: captures go to the generic plugin);
    ``layouts`` its HTML designs, newest first by convention (none: HTML is read by the standards and
    the generic body extractor, with the outlet's zone and agency rules still applied).
    """

    outlet: Outlet
    capture: CaptureProfile | None = None
    layouts: tuple[HtmlLayout, ...] = attrs.field(default=(), converter=tuple)

    def extract(self, page: Page, outlet: Outlet) -> Article | None:
        """The article of a page matched to this outlet; None for any other outlet's page."""
        if outlet.id != self.outlet.id:
            return None
        if page.kind is PageKind.HTML:
            return self._from_html(page, outlet)
        if self.capture is None:
            return None
        return article_from(
            read_with_profile(page.text, self.capture, timezone=outlet.timezone), page, outlet
        )

    def _from_html(self, page: Page, outlet: Outlet) -> Article:
        tree = LexborHTMLParser(page.text)
        meta = read_metadata(tree, timezone=outlet.timezone)
        layout = choose_layout(self.layouts, tree, page.published or meta.published)
        reading = read_with_layout(tree, layout, meta, timezone=outlet.timezone)
        if self.capture is not None:
            # Agency credits and caption credits read the same in markup as in a capture.
            paragraphs = list(reading.paragraphs)
            agency = agency_in_paragraphs(paragraphs, self.capture.agencies)
            images = tuple(self._split_credit(image) for image in reading.images)
            reading = attrs.evolve(reading, paragraphs=tuple(paragraphs), agency=agency, images=images)
        return article_from(reading, page, outlet, url=page_url(page) or meta.url, language=meta.language)

    def _split_credit(self, image: Image) -> Image:
        """A caption whose credit is printed inside it ("... (Pool via AP)") split by the outlet's
        caption patterns, the same ones its captures use."""
        if image.credit or not image.caption or self.capture is None:
            return image
        found = split_caption(image.caption, self.capture.captions)
        if found is None or not found.credit:
            return image
        return attrs.evolve(image, caption=found.caption, credit=found.credit)

    def hooks(self) -> tuple[OutletsHook, ExtractHook]:
        """The two hook implementations of this outlet, to be bound to module-level names so that the
        module is the plugin (``newsparse_outlets, newsparse_extract_article = PLUGIN.hooks()``)."""
        declared = (self.outlet,)

        @hookimpl
        def newsparse_outlets() -> Sequence[Outlet]:
            return declared

        @hookimpl
        def newsparse_extract_article(page: Page, outlet: Outlet) -> Article | None:
            return self.extract(page, outlet)

        return newsparse_outlets, newsparse_extract_article
