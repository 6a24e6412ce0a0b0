"""News.Az (news.az): an Azerbaijani news site in English, much of it agency copy.

A capture copied from the article's top starts at the date line, which shares its line with the
font-size widget ("date 2023-11-16 + ↺ − 16 px"); the date is a day, in Baku time. The agency is
named inside the first sentence ("News.Az reports citing TASS") and stays there.

Its HTML selectors are unchecked against live pages (see the package docstring).
"""

from __future__ import annotations

import re

from newsparse.outlet import (
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

#: The font-size widget: bigger, reset, smaller, and the current size.
FONT_WIDGET = r"\+ ↺ − \d+ px"

OUTLET = Outlet(
    id="newsaz",
    name="News.Az",
    domains=("news.az",),
    markers=("News.Az", "+ ↺ −"),
    min_markers=2,
    language="en",
    timezone="Asia/Baku",
)

CREDITS = Credits(agencies=[AgencyRule(r"\bNews\.Az reports,? citing {agency}\b", scope=Scope.FIRST)])

CAPTURE = CaptureProfile(
    head=("title",),
    blocks=[Block("font-size widget", re.compile(FONT_WIDGET), sample="+ ↺ − 16 px")],
    dates=[DateRule(rf"date (?P<date>\d{{4}}-\d{{2}}-\d{{2}})(?: {FONT_WIDGET})?", ["%Y-%m-%d"])],
)

LAYOUTS = (
    HtmlLayout(
        "article page",
        title=("h1.article-title", "h1"),
        published=("time[datetime]", ".article-date"),
        date_formats=("%d %B %Y %H:%M", "%Y-%m-%d"),
        section=(".article-category a",),
        body=(".article-content", ".article-body"),
        remove=(".font-size", ".share-buttons", ".related-news", ".banner"),
        tags=(".article-tags a",),
    ),
)

PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=CAPTURE, layouts=LAYOUTS)
