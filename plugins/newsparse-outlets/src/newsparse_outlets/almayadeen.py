"""Al Mayadeen English (english.almayadeen.net): a Beirut-based channel's English site.

A capture opens with the masthead and two copies of the section menu, then a "BREAKING" ticker, the
headline, a bulleted byline/source/date block and a reading time. Photos show a close icon, the alt
text and the visible caption, both ending in a parenthesised credit. Inside the story sit "Related
News" (two headlines), "Read next:" and "Read more:" links; the tags follow as bullets, and
"Most Read" opens the rest of the page.

Its HTML selectors are unchecked against live pages (see the package docstring).
"""

from __future__ import annotations

import re

from newsparse.outlet import (
    PAREN_CREDIT_CAPTION,
    AgencyRule,
    Block,
    CaptureProfile,
    Credits,
    DateRule,
    HtmlLayout,
    Outlet,
    OutletPlugin,
    Scope,
)

OUTLET = Outlet(
    id="almayadeen",
    name="Al Mayadeen English",
    domains=("english.almayadeen.net",),
    markers=("Al Mayadeen English", "Al Mayadeen is an Arab Independent Media Satellite Channel."),
    language="en",
    timezone="Asia/Beirut",
)

CREDITS = Credits(
    # "• Source: News websites" is the source line; it names an agency only when it names a known one.
    agencies=[AgencyRule(r"• Source: (?:{agency}|.+)", scope=Scope.LINE)],
    captions=[PAREN_CREDIT_CAPTION],
)

CAPTURE = CaptureProfile(
    head=("title", "standfirst"),
    blocks=[
        Block(
            "masthead and menus",
            "Al Mayadeen English",
            end="run",
            max_words=3,
            placement="head",
            sample="Al Mayadeen English\n\n  • Ar\n  • Es\n  • x\nAl Mayadeen English\n\nSlogan\n\n"
            "  • News\n    • Politics\n    • Economy\nArticles\n  • Opinion\nIn Pictures\n  • MENA",
        ),
        Block(
            "breaking-news ticker",
            "BREAKING",
            end="blank",
            placement="head",
            sample=(
                "BREAKING",
                "Berri: Lebanon has fulfilled all its obligations regarding the ceasefire agreement",
                "Berri: For 11 months, the Resistance has not fired a single shot",
            ),
        ),
        Block("reading time", re.compile(r"\d+ Min Read"), sample="3 Min Read"),
        Block("photo-viewer close icon", "• x", sample="  • x"),
        Block(
            "related news",
            "Related News",
            end="count",
            count=2,
            sample="Related News\n\nAnsar Allah official slams UN sanctions, West's double standards\n\n"
            "US suspends Thailand trade talks over ceasefire dispute with Cambodia",
        ),
        Block(
            "read next / read more link",
            re.compile(r"Read (?:next|more): .+"),
            sample="Read next: Biden, Xi vow to reduce tensions at key summit",
        ),
        Block(
            "most read and the page's foot",
            "Most Read",
            end="document",
            placement="tail",
            sample="Most Read\n\nImperialism and the war in Ukraine\n\n  • Opinion\n  • 10 Nov 2025",
        ),
    ],
    dates=[DateRule(r"• (?P<date>\d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d{2})", ["%d %b %Y %H:%M"])],
    bylines=[r"• By (?P<author>.+)"],
    tags="bullets",
)

LAYOUTS = (
    HtmlLayout(
        "article page",
        title="h1",
        subtitle=(".article-description", ".desc"),
        authors=(".article-author a", ".author-name"),
        published=("time[datetime]", ".article-date"),
        date_formats=("%d %b %Y %H:%M",),
        body=(".article-content", ".article-body"),
        remove=(".related-news", ".read-next", ".most-read", ".share"),
        credits=(".credit",),
        tags=(".tags a", ".article-tags a"),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=CAPTURE, layouts=LAYOUTS)
