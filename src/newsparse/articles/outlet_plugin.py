"""An outlet plugin made of data: what the outlet is, how it credits, what its captures and markup
look like.

An outlet module states facts and names one object, the plugin::

    PLUGIN = OutletPlugin(outlet=Outlet(...), credits=Credits(...), capture=CaptureProfile(...),
                          layouts=(HtmlLayout(...),))

and its distribution registers that object through an entry point in the ``newsparse`` group
(``thestar = "newsparse_outlets.thestar:PLUGIN"``): :class:`OutletPlugin` carries the two hook
implementations itself. The older form -- the entry point names the module, which ends with
``newsparse_outlets, newsparse_extract_article = PLUGIN.hooks()`` -- keeps working. All the reading
is done here and in :mod:`newsparse.articles.capture.profiled` and :mod:`newsparse.articles.html`,
once, for every outlet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.capture.profile import CaptureProfile, Credits
from newsparse.articles.capture.profiled import agency_in_paragraphs, read_with_profile, split_caption
from newsparse.articles.html.bylines import without_by
from newsparse.articles.html.layout import HtmlLayout, choose_layout, read_with_layout
from newsparse.articles.html.metadata import read_metadata
from newsparse.articles.outlets import Outlet
from newsparse.articles.reading import article_from
from newsparse.models import Article, Image, Page, PageKind
from newsparse.plugins.hookspecs import hookimpl

__all__ = ["OutletPlugin"]


OutletsHook = Callable[[], Sequence[Outlet]]
ExtractHook = Callable[[Page, Outlet], "Article | None"]


def _layouts(values: Iterable[HtmlLayout]) -> tuple[HtmlLayout, ...]:
    return tuple(values)


def _credits_from_capture(plugin: OutletPlugin) -> Credits:
    """Until the deprecated ``CaptureProfile(agencies=..., captions=...)`` goes: a plugin without
    credits of its own takes those, for HTML and captures alike, as it did before."""
    return plugin.capture.credits if plugin.capture is not None else Credits()


@attrs.frozen
class OutletPlugin:
    """An outlet (or a family of sites sharing a theme) and how to read its pages.

    ``credits`` are how it credits agencies and photos, in its HTML and its captures alike;
    ``capture`` describes its plain-text captures (None: captures go to the generic plugin);
    ``layouts`` its HTML designs, newest first by convention (none: HTML is read by the standards and
    the generic body extractor, with the outlet's credits still applied).

    The object is a pluggy plugin: an entry point may name it directly.
    """

    outlet: Outlet
    capture: CaptureProfile | None = None
    layouts: tuple[HtmlLayout, ...] = attrs.field(default=(), converter=_layouts)
    credits: Credits = attrs.field(default=attrs.Factory(_credits_from_capture, takes_self=True))

    def __attrs_post_init__(self) -> None:
        legacy = self.capture.credits if self.capture is not None else Credits()
        if legacy != Credits() and legacy != self.credits:
            raise ValueError(
                "give the credit rules once, as OutletPlugin(credits=Credits(...)), not also as "
                "CaptureProfile(agencies=..., captions=...)"
            )

    def extract(self, page: Page, outlet: Outlet) -> Article | None:
        """The article of a page matched to this outlet; None for any other outlet's page."""
        if outlet.id != self.outlet.id:
            return None
        if page.kind is PageKind.HTML:
            return self._from_html(page, outlet)
        if self.capture is None:
            return None
        reading = read_with_profile(page.text, self.capture, timezone=outlet.timezone, credits=self.credits)
        return article_from(reading, page, outlet)

    def _from_html(self, page: Page, outlet: Outlet) -> Article:
        tree = LexborHTMLParser(page.text)
        meta = read_metadata(tree, timezone=outlet.timezone, html=page.text)
        layout = choose_layout(self.layouts, tree, page.published or meta.published)
        reading = read_with_layout(tree, layout, meta, timezone=outlet.timezone)
        # Agency credits and caption credits read the same in markup as in a capture.
        paragraphs = list(reading.paragraphs)
        agency = agency_in_paragraphs(paragraphs, self.credits)
        if agency is None and reading.agency:
            agency = self.credits.agency_name(reading.agency)
        # A byline that names an agency ("By Reuters") credits the copy, not a writer.
        authors = []
        for author in reading.authors:
            if without_by(author).strip().lower() in self.credits.names:
                agency = agency or self.credits.agency_name(without_by(author))
            else:
                authors.append(author)
        images = tuple(self._split_credit(image) for image in reading.images)
        reading = attrs.evolve(
            reading, paragraphs=tuple(paragraphs), agency=agency, authors=tuple(authors), images=images
        )
        return article_from(
            reading, page, outlet, url=page.url or meta.page_url or meta.url, language=meta.language
        )

    def _split_credit(self, image: Image) -> Image:
        """A caption whose credit is printed inside it ("... (Pool via AP)") split by the outlet's
        caption patterns, the same ones its captures use."""
        if image.credit or not image.caption:
            return image
        found = split_caption(image.caption, self.credits.captions)
        if found is None or not found.credit:
            return image
        return attrs.evolve(image, caption=found.caption, credit=found.credit)

    # -- the plugin's hooks: the object itself is registered ---------------------------------------
    @hookimpl
    def newsparse_outlets(self) -> Sequence[Outlet]:
        """This plugin's one outlet."""
        return (self.outlet,)

    @hookimpl
    def newsparse_extract_article(self, page: Page, outlet: Outlet) -> Article | None:
        """The article of a page matched to this plugin's outlet (see :meth:`extract`)."""
        return self.extract(page, outlet)

    def hooks(self) -> tuple[OutletsHook, ExtractHook]:
        """The two hook implementations as functions, for a module that is the plugin
        (``newsparse_outlets, newsparse_extract_article = PLUGIN.hooks()``). Registering the object
        itself (an entry point naming ``module:PLUGIN``) needs none of this; both forms work."""
        declared = (self.outlet,)

        @hookimpl
        def newsparse_outlets() -> Sequence[Outlet]:
            return declared

        @hookimpl
        def newsparse_extract_article(page: Page, outlet: Outlet) -> Article | None:
            return self.extract(page, outlet)

        return newsparse_outlets, newsparse_extract_article
