"""The Star (thestar.com.my): a Malaysian daily, carrying its own and wire copy.

A capture opens with the headline, then the lead photo's caption ending in " - CREDIT". The story's
first paragraph starts with its dateline ("BEIJING:"); wire copy ends with the agency's sign-off
glued to the last sentence (".- Reuters"). After the story come the WhatsApp prompt, the tags as one
comma-separated line, and the "Next In <section>" and "Others Also Read" lists.

Its HTML selectors are unchecked against live pages (see the package docstring).
"""

from __future__ import annotations

import re

from newsparse.outlet import (
    DASH_CREDIT_CAPTION,
    TRAILING_DASH_AGENCY,
    Block,
    CaptureProfile,
    Credits,
    HtmlLayout,
    Outlet,
    OutletPlugin,
)

WHATSAPP_PROMPT = "Follow us on our official WhatsApp channel for breaking news alerts and key updates!"

OUTLET = Outlet(
    id="thestar",
    name="The Star (Malaysia)",
    domains=("thestar.com.my",),
    markers=(WHATSAPP_PROMPT, "Others Also Read", "Next In "),
    min_markers=2,
    language="en",
    timezone="Asia/Kuala_Lumpur",
)

CREDITS = Credits(agencies=[TRAILING_DASH_AGENCY], captions=[DASH_CREDIT_CAPTION])

CAPTURE = CaptureProfile(
    head=("title",),
    blocks=[
        Block("WhatsApp prompt", WHATSAPP_PROMPT, sample=WHATSAPP_PROMPT),
        Block(
            "next-in list and the page's foot",
            re.compile(r"Next In .+"),
            end="document",
            placement="tail",
            sample="Next In Aseanplus News\n\nAsean News Headlines at 10pm on Tuesday (Feb 18, 2025)\n"
            "Singapore to fork out billions for Changi airport upgrades\n\nOthers Also Read",
        ),
        Block(
            "others also read",
            "Others Also Read",
            end="document",
            placement="tail",
            sample="Others Also Read",
        ),
    ],
    tags="commas",
)

LAYOUTS = (
    HtmlLayout(
        "story page",
        title=(".headline h1", "h1"),
        subtitle=(".sub-headline", ".standfirst"),
        authors=(".byline a", ".byline"),
        published=("time[datetime]", "p.date"),
        date_formats=("%A, %d %b %Y %I:%M %p", "%d %b %Y"),
        section=(".kicker a", ".breadcrumb a"),
        body=("#story-body", ".story-body"),
        remove=(".whatsapp-cta", ".related-article", ".inv-ad", ".story-share"),
        credits=(".credit", ".photo-credit"),
        tags=(".story-tags a", ".tags a"),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=CAPTURE, layouts=LAYOUTS)
