"""TimesLIVE (timeslive.co.za): written with ``newsparse new-plugin`` from two real pages.

The pages are the news-metadata benchmark's (Fundus's test data, MIT), from May and November 2025, one
in each of two designs. JSON-LD gives the headline, byline and date. What the generic reading got
wrong:

- on the May 2025 page (``div.article-widgets``), the body: the story is a column of widgets (text,
  an image with its credit, "READ MORE" and "WATCH" related-article boxes, a rule), and the generic
  extractor kept only the text after the first related-article box; the standfirst is the
  ``h3.article-title-tertiary`` under the headline;
- on the November 2025 page (the Arc design, ``article.b-article-body``), a pull quote repeating a
  sentence of the story (``blockquote.b-article-body__pullquote``).

Left as the generic reading gives it: the May page's tags. Its ``keywords`` meta lists the story's
keywords followed by the site's own ("Breaking news, general, politics, ..., tshisa live"), and the
page has no element listing the story's alone, so no selector can tell them apart.
"""

from __future__ import annotations

from newsparse.outlet import Credits, HtmlLayout, Outlet, OutletPlugin

OUTLET = Outlet(
    id="timeslive",
    name="TimesLIVE",
    domains=("timeslive.co.za",),
    language="en",
    timezone="Africa/Johannesburg",
)

CREDITS = Credits()

LAYOUTS = (
    HtmlLayout(
        "arc article",
        markers="article.b-article-body",
        body="article.b-article-body",
        remove="blockquote.b-article-body__pullquote",
    ),
    HtmlLayout(
        "widget column",
        markers="div.article-widgets",
        subtitle="h3.article-title-tertiary",
        body="div.article-widgets",
        paragraphs="div.article-widget-text p, div.article-widget-text h2, div.article-widget-text h3",
        remove=(".article-widget-related_articles", ".article-widget-hr"),
        figures="div.article-widget-image",
        captions="figcaption, .caption",
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=None, layouts=LAYOUTS)
