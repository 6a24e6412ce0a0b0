"""Metro (metro.co.uk): written with ``newsparse new-plugin`` from two real pages.

The pages are the news-metadata benchmark's (Fundus's test data, MIT), both from 2024. JSON-LD gives
the headline, byline, date and keywords. The story is ``div.article-body`` inside
``article.single-article``; what the generic reading kept besides it, on the first page, are the
boxes Metro puts inside the body (``div.metro-factbox``: "What else is in the King's Speech?", a full
transcript), and the sign-off paragraphs every story ends with ("Got a story? Get in touch with our
news team...", "For more stories like this, check our news page.", "Follow Metro.co.uk on
Twitter...", "MORE : ..." links). Those paragraphs have no class of their own: they are told apart by
the links in them (the news desk's address, the news page, Metro's social accounts).

The headline is left to the generic reader: the JSON-LD headline is the page's ``<title>`` (the search
title), while the ``<h1>`` and ``og:title`` give the headline the page shows, which the generic reader
takes (the benchmark's expected titles are the JSON-LD's).

The second page (November 2024) is a redesign: the story is the first ``div.article__content__inner``
of ``article.article``, with a video player ("Up Next"), a "Trending" strip, "MORE:" links and a
newsletter card among its paragraphs, and the same sign-off; the redesign is picked by its container.
"""

from __future__ import annotations

from newsparse.outlet import Credits, HtmlLayout, Outlet, OutletPlugin

OUTLET = Outlet(
    id="metro",
    name="Metro",
    domains=("metro.co.uk",),
    language="en",
    timezone="Europe/London",
)

CREDITS = Credits()

#: The sign-off paragraphs every story ends with, told apart by their links (they have no class).
_SIGN_OFF = (
    'p:has(a[href^="mailto:webnews@metro.co.uk"])',
    'p:has(a[href="https://metro.co.uk/news/"])',
    'p:has(a[href*="twitter.com/MetroUK"])',
    "p:has(span.mor-link)",
)

LAYOUTS = (
    HtmlLayout(
        "2024-11 redesign",
        markers="article.article div.article__content__inner",
        body="article.article div.article__content__inner",
        remove=(
            ".video-player",
            ".trending-post-strip",
            ".ad-slot",
            ".metro-more-link",
            ".newsletter-end-card",
            *_SIGN_OFF,
        ),
    ),
    HtmlLayout(
        "article page",
        markers="article.single-article div.article-body",
        body="article.single-article div.article-body",
        remove=(
            ".metro-factbox",
            ".metro-video-player",
            ".ad-slot-container",
            "aside",
            ".metro-email-signup",
            ".widget",
            *_SIGN_OFF,
        ),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=None, layouts=LAYOUTS)
