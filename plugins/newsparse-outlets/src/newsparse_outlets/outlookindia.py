"""Outlook India (outlookindia.com): an Indian news magazine's site.

A capture opens with the section name, the headline and the standfirst. The Trinity Audio player
announces itself ("Getting your Trinity Audio player ready..."), and the lead photo's caption is
followed by its "info_icon" label. The story comes next, one paragraph a line; no date, byline or
tags survive the copy.

Its HTML selectors are unchecked against live pages (see the package docstring).
"""

from __future__ import annotations

from newsparse.outlet import Block, CaptionRule, CaptureProfile, Credits, HtmlLayout, Outlet, OutletPlugin

OUTLET = Outlet(
    id="outlookindia",
    name="Outlook India",
    domains=("outlookindia.com",),
    markers=("Getting your Trinity Audio player ready...", "info_icon"),
    min_markers=2,
    language="en",
    timezone="Asia/Kolkata",
)

# The lead photo's caption is the line above its "info_icon" label (a capture-only rule).
CREDITS = Credits(captions=[CaptionRule(before="info_icon")])

CAPTURE = CaptureProfile(
    head=("section", "title", "standfirst"),
    blocks=[
        Block(
            "audio-player prompt",
            "Getting your Trinity Audio player ready...",
            sample="Getting your Trinity Audio player ready...",
        ),
        # The label follows the lead photo's caption, which the credits' caption rule takes.
        Block(
            "caption icon label", "info_icon", sample=("US Secretary of State Antony Blinken", "info_icon")
        ),
    ],
)

LAYOUTS = (
    HtmlLayout(
        "story page",
        title=("h1.story-title", "h1"),
        subtitle=("h2.story-summary", ".story-summary"),
        authors=(".author-name a", ".author-name"),
        published=("time[datetime]", ".story-date"),
        date_formats=("%d %B %Y %I:%M %p", "%d %b %Y"),
        section=(".breadcrumb li:nth-child(2) a", ".story-section"),
        body=("#articleBody", ".story-content", ".article-content"),
        remove=(".trinity-tts-pb", ".also-read", ".ad-slot", ".social-share"),
        tags=(".story-tags a", ".tags a"),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=CAPTURE, layouts=LAYOUTS)
