"""Rolling Stone (rollingstone.com): written with ``newsparse new-plugin`` from two real pages.

The pages are the news-metadata benchmark's (Fundus's test data, MIT), both from 2024: a music news
story and a "Culture Council" column (a network of paid contributors). Both are one design: the story
is ``div.pmc-paywall`` inside ``div.a-content`` of the ``<article>``, its paragraphs ``p.paragraph``
and its section headings ``h3.heading``; the standfirst is ``div.article-excerpt`` in the article's
header, JSON-LD gives the headline, byline, date and keywords.

What the generic reading kept besides the story, on the column, is the callout every Culture Council
column carries between its paragraphs ("The Rolling Stone Culture Council is an invitation-only
community ... Do I qualify?"): a plain ``<p>`` with an inline style and no class, told apart by its
link to the council's site. The recirculation boxes inside the story ("Trending", "Editor's picks":
``section.brands-most-popular``) and the in-body ad slots are taken out by the layout as well, so
that a design where they are paragraphs does not read them as the story.

The benchmark's expected bodies end some paragraphs with those boxes' headlines ("... Trending Billie
Eilish Would Like to Reintroduce Herself ...", "... Editor's picks Every Awful Thing ..."); they are
not the story's words, and the cases leave them out. Its expected topics for the music story are the
site's sections ("Music", "Music News"); the page's keywords are the story's tags ("donna kelce",
"Taylor Swift", "Travis Kelce"), and the tags are those.
"""

from __future__ import annotations

from newsparse.outlet import Credits, HtmlLayout, Outlet, OutletPlugin

OUTLET = Outlet(
    id="rollingstone",
    name="Rolling Stone",
    domains=("rollingstone.com",),
    language="en",
    timezone="America/New_York",
)

CREDITS = Credits()

LAYOUTS = (
    HtmlLayout(
        "article page",
        markers="article div.a-content div.pmc-paywall",
        body="article div.a-content div.pmc-paywall",
        subtitle="article header div.article-excerpt",
        remove=(
            "section.brands-most-popular",
            "[data-is-adhesion-ad]",
            'p:has(a[href^="https://council.rollingstone.com"])',
        ),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=None, layouts=LAYOUTS)
