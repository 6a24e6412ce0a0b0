"""Business Insider (businessinsider.com): written with ``newsparse new-plugin`` from two real pages.

The pages are the news-metadata benchmark's (Fundus's test data, MIT): a 2024 slideshow ("Every outfit
... ranked") and a 2025 story page. Both carry JSON-LD and OpenGraph, which give the date, the byline
and the topics; what the generic reading got wrong is the headline (JSON-LD's ``headline`` is the
shorter SEO title, the page's ``<h1>`` and ``og:title`` are the headline readers see) and, on the
slideshow, the body: the generic extractor keeps the intro's block and drops every slide.

Two designs, told apart by their containers:

- the slideshow (``section.slideshow-container``): the key points (``ul.summary-list``), the intro's
  paragraphs, then each slide's title (``h2.slide-title-text``) and paragraphs;
- the story page (``section#post-body``): the key points (``.post-summary-bullets``), then the story's
  paragraphs and subheadings (``section.post-body-content``).

Figures (photos with their "Insider" and agency credits) and the ad slots sit among the paragraphs and
are left out of the body.
"""

from __future__ import annotations

from newsparse.outlet import Credits, HtmlLayout, Outlet, OutletPlugin

OUTLET = Outlet(
    id="businessinsider",
    name="Business Insider",
    domains=("businessinsider.com",),
    language="en",
    timezone="America/New_York",
)

CREDITS = Credits()

#: Inside the body of both designs: photos and ad slots between the paragraphs.
_NOT_STORY = ("figure", ".ad", ".ad-callout-wrapper")

LAYOUTS = (
    HtmlLayout(
        "slideshow",
        markers="section.slideshow-container",
        title="h1",
        body="section.slideshow-container",
        paragraphs=(
            "ul.summary-list li, div.content-lock-content > p, h2.slide-title-text, div.slide-layout > p"
        ),
        remove=_NOT_STORY,
    ),
    HtmlLayout(
        "story page",
        markers="section#post-body",
        title="h1",
        body="section#post-body",
        paragraphs=(
            "div.post-summary-bullets li, section.post-body-content > p, section.post-body-content > h2"
        ),
        remove=_NOT_STORY,
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=None, layouts=LAYOUTS)
