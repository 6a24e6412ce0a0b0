"""The Gateway Pundit (thegatewaypundit.com): written with ``newsparse new-plugin`` from two real pages.

The pages are the news-metadata benchmark's (Fundus's test data, MIT), from April 2023 and July 2026:
WordPress posts, the story in ``div.entry-content`` of ``article.post``. JSON-LD gives the byline and
the date. What the generic reading got wrong:

- embedded posts read as the story: tweets (``blockquote.twitter-tweet``, with their "— name (@handle)
  date" lines) and a WordPress link card (``blockquote.wp-embedded-content``);
- photo captions read as paragraphs: the 2023 post puts each image in a plain ``<p>`` with its
  caption in ``<em>`` under it ("Bethany Funke (R)"); the 2026 one uses ``figure.wp-caption``;
- the headline: JSON-LD's keeps WordPress's HTML entities (``Kohberger&#8217;s``); the page's
  ``h1.entry-title`` is the headline as readers see it.

Also inside the body and left out: the share bar (``.speaker-mute``), ad and code blocks, a poll.
The author's own lines around the embeds ("Watch: Kiev overrun by protesting crowds.", "Read more:",
"Click here to read the unsealed search warrant ...") are text of the post and stay.
"""

from __future__ import annotations

from newsparse.outlet import Credits, HtmlLayout, Outlet, OutletPlugin

OUTLET = Outlet(
    id="thegatewaypundit",
    name="The Gateway Pundit",
    domains=("thegatewaypundit.com",),
    language="en",
    timezone="America/Chicago",
)

CREDITS = Credits()

LAYOUTS = (
    HtmlLayout(
        "post",
        markers="article.post div.entry-content",
        title="h1.entry-title",
        body="article.post div.entry-content",
        remove=(
            ".speaker-mute",
            "blockquote.twitter-tweet",
            "blockquote.wp-embedded-content",
            "iframe",
            "script",
            "style",
            ".code-block",
            ".post-poll",
        ),
        # An image alone in a paragraph, its caption in <em> under it, is a figure too.
        figures=("figure", "div.wp-caption", "p:has(> img)"),
        captions=("figcaption", ".wp-caption-text", "em"),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=None, layouts=LAYOUTS)
