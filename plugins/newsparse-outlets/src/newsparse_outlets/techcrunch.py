"""TechCrunch (techcrunch.com): written with ``newsparse new-plugin`` from two real pages.

The pages are the news-metadata benchmark's (Fundus's test data, MIT), both from 2024, one in each of
two designs. JSON-LD gives the byline, the date and the tags. What the generic reading got wrong:

- the headline: JSON-LD's ``headline`` keeps WordPress's HTML entities (``&#8216;family&#8217;``) and
  ``og:title`` ends in " | TechCrunch"; the page's ``<h1>`` is the headline as readers see it;
- on the May 2024 page (the block theme), the body: below the story the page lists the latest posts,
  each an excerpt under "8 hours ago", which the generic extractor read as the story's end;
- on the April 2024 page (the older ``article-content`` design), the photo credit "Image Credits:
  UiPath" under an image inside the story.

The block theme's story is ``div.entry-content.wp-block-post-content``; the older design's is
``div.article-content`` in ``article.article-container``, with images as ``div.wp-caption`` whose
caption line is the credit.

Since the generic reader reads stories split over wrappers and leaves out feeds beside the story, it
reads both pages' headline and body as this plugin does (tests/outlets/test_real_cases.py says so);
what the plugin still adds is the outlet and the photo credit split out of the caption.
"""

from __future__ import annotations

from newsparse.outlet import CaptionRule, Credits, HtmlLayout, Outlet, OutletPlugin

OUTLET = Outlet(
    id="techcrunch",
    name="TechCrunch",
    domains=("techcrunch.com",),
    language="en",
    timezone="America/Los_Angeles",
)

# "Image Credits: UiPath", alone or after the caption's words.
CREDITS = Credits(captions=[CaptionRule(r"(?:(?P<caption>.+?)\s+)?Image Credits:\s*(?P<credit>.+)")])

LAYOUTS = (
    HtmlLayout(
        "block theme",
        markers="div.entry-content.wp-block-post-content",
        title="h1.wp-block-post-title",
        body="div.entry-content.wp-block-post-content",
    ),
    HtmlLayout(
        "article page",
        markers="article.article-container div.article-content",
        title="h1.article__title",
        body="article.article-container div.article-content",
        figures=("figure", "div.wp-caption"),
        captions=("figcaption", ".wp-caption-text"),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=None, layouts=LAYOUTS)
