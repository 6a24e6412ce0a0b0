"""WordPress sites built on tagDiv's "Newspaper" theme: a family of sites, not one outlet.

Any news site may run the theme, so this plugin has no domain: it recognises the theme's comment form
in a capture ("Please enter your comment!" / "Please enter your name here") and, in HTML, the theme's
folder (``/wp-content/themes/Newspaper/``) and wrapper class (``td-theme-wrap``).
A capture opens with the headline and the lead photo's credit line ("NAME/Pool Photo via AP"); in-body
photos carry a caption ending in a parenthesised credit; embedded videos show a "WATCH:" title and a
credit line; the comment form closes the page. Publication dates, bylines and tags are not in the
copied text.

The theme's markup changed with version 10, when single-post templates moved to tagDiv Cloud blocks
(``tdb_*`` classes). The switch date below (autumn 2019) is approximate, and sites upgraded at their
own pace, so the layouts' markers decide whenever a page carries them; the dates only break the tie
for a page that carries neither. The selectors follow the theme's well-known class names but were not
checked against a live site here.
"""

from __future__ import annotations

import re

from newsparse.outlet import (
    PAREN_CREDIT_CAPTION,
    VIA_CREDIT_LINE,
    Block,
    CaptureProfile,
    Credits,
    HtmlLayout,
    Outlet,
    OutletPlugin,
)

OUTLET = Outlet(
    id="tagdiv_newspaper",
    name='WordPress tagDiv "Newspaper" theme',
    # Two of: the comment form's prompts (captures), the theme's folder and wrapper class (HTML).
    markers=(
        "Please enter your comment!",
        "Please enter your name here",
        "/wp-content/themes/Newspaper/",
        "td-theme-wrap",
    ),
    min_markers=2,
    language="en",
)

CREDITS = Credits(captions=[PAREN_CREDIT_CAPTION, VIA_CREDIT_LINE])

CAPTURE = CaptureProfile(
    head=("title",),
    blocks=[
        Block(
            "embedded video promo and its credit",
            re.compile(r"WATCH: .+"),
            end="count",
            count=1,
            sample=(
                "WATCH: China Air Force Fighter Jet Performs “Aggressive” Fly-By in Front of U.S. Aircraft",
                "",
                "US Indo-Pacific Command via Storyful",
            ),
        ),
        Block(
            "comment form",
            ("Please enter your comment!", "Leave a Reply", "LEAVE A REPLY"),
            end="document",
            placement="tail",
            sample="Please enter your comment!\nPlease enter your name here",
        ),
    ],
)

#: Shared by both designs: the WordPress parts the theme never changed.
_WORDPRESS_CAPTIONS = ("figcaption", ".wp-caption-text")

LAYOUTS = (
    HtmlLayout(
        "tagDiv Cloud single template (Newspaper 10 and later)",
        valid_from="2019-10-01",
        markers=(".tdb_single_content", ".tdb-title-text"),
        title=("h1.tdb-title-text", "h1"),
        subtitle=(".tdb_single_subtitle p", ".tdb_single_subtitle"),
        authors=(".tdb-author-name",),
        published=(".tdb_single_date time[datetime]", "time.entry-date"),
        section=(".tdb-entry-category",),
        body=(".tdb_single_content .tdb-block-inner", ".tdb_single_content"),
        remove=(".td-a-ad", ".tdb-block-share", ".td_block_related_posts", "#comments", ".comment-respond"),
        figures=("figure", ".wp-caption"),
        captions=_WORDPRESS_CAPTIONS,
        tags=(".tdb-tags li a",),
    ),
    HtmlLayout(
        "classic single template (Newspaper 9 and earlier)",
        valid_until="2019-09-30",
        markers=(".td-post-content",),
        title=(".td-post-title h1.entry-title", "h1.entry-title"),
        subtitle=(".td-post-sub-title",),
        authors=(".td-post-author-name a",),
        published=(".td-post-date time.entry-date", "time.entry-date"),
        section=(".td-category a",),
        body=(".td-post-content",),
        remove=(".td-a-rec", ".td-post-sharing", ".td_block_related_posts", "#comments", ".comment-respond"),
        figures=("figure", ".wp-caption"),
        captions=_WORDPRESS_CAPTIONS,
        tags=(".td-tags li a",),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=CAPTURE, layouts=LAYOUTS)
