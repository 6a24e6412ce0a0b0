"""The one module an outlet plugin imports from.

An outlet plugin is data: what the outlet is, how it credits, what its captures and its markup look
like. Write it as one object and register that object::

    from newsparse.outlet import (
        TRAILING_DASH_AGENCY, Block, CaptureProfile, Credits, HtmlLayout, Outlet, OutletPlugin,
    )

    PLUGIN = OutletPlugin(
        outlet=Outlet(id="daily_planet", name="Daily Planet", domains=("dailyplanet.example",)),
        # How it credits agencies and photos: used for its HTML and its captures alike.
        credits=Credits(agencies=[TRAILING_DASH_AGENCY], extra_agencies={"Planet Wire": "Planet Wire"}),
        # Its plain-text captures: boilerplate blocks, date lines, bylines, the head, tags.
        capture=CaptureProfile(head=("title",), blocks=[Block("menu", "Menu", end="run")]),
        # Its HTML designs, newest first: CSS selectors refining JSON-LD and OpenGraph.
        layouts=(HtmlLayout("article page", title="h1", body="article"),),
    )

and in the distribution's ``pyproject.toml``::

    [project.entry-points.newsparse]
    daily_planet = "newsparse_daily_planet:PLUGIN"

What is here:

- the plugin and its parts: :class:`OutletPlugin`, :class:`Outlet`, :class:`Credits`,
  :class:`CaptureProfile`, :class:`HtmlLayout`;
- the rules a data sheet is made of: :class:`Block` (with :class:`End` and :class:`Placement`),
  :class:`DateRule`, :class:`AgencyRule` (with :class:`Scope`), :class:`CaptionRule`, :class:`Head`,
  :class:`TagStyle`, and :func:`pattern` for a pattern using ``{agency}`` or ``{credit}``;
- the shapes most outlets share, ready to pick: ``TRAILING_DASH_AGENCY``, ``DATELINE_AGENCY``,
  ``VIA_AGENCY``, ``TRAILING_PAREN_AGENCY``, ``PAREN_CREDIT_CAPTION``, ``DASH_CREDIT_CAPTION``,
  ``VIA_CREDIT_LINE``; the core's agency names as :data:`AGENCIES` (``newsparse/data/agencies.json``);
- for a plugin that writes its own hooks instead: :data:`hookimpl` and the hooks' types
  :class:`Page` and :class:`Article` (see docs/hooks.md).

The names also live in the modules that define them (``newsparse.articles...``); those are the
library's inside and may move, this module is the promise.
"""

from __future__ import annotations

from newsparse.articles.capture.credits import AGENCIES
from newsparse.articles.capture.profile import (
    DASH_CREDIT_CAPTION,
    DATELINE_AGENCY,
    PAREN_CREDIT_CAPTION,
    TRAILING_DASH_AGENCY,
    TRAILING_PAREN_AGENCY,
    VIA_AGENCY,
    VIA_CREDIT_LINE,
    AgencyRule,
    Block,
    CaptionRule,
    CaptureProfile,
    Credits,
    DateRule,
    End,
    Head,
    Placement,
    Scope,
    TagStyle,
    pattern,
)
from newsparse.articles.html.layout import HtmlLayout
from newsparse.articles.outlet_plugin import OutletPlugin
from newsparse.articles.outlets import Outlet
from newsparse.models import Article, Page
from newsparse.plugins.hookspecs import hookimpl

__all__ = [
    "AGENCIES",
    "DASH_CREDIT_CAPTION",
    "DATELINE_AGENCY",
    "PAREN_CREDIT_CAPTION",
    "TRAILING_DASH_AGENCY",
    "TRAILING_PAREN_AGENCY",
    "VIA_AGENCY",
    "VIA_CREDIT_LINE",
    "AgencyRule",
    "Article",
    "Block",
    "CaptionRule",
    "CaptureProfile",
    "Credits",
    "DateRule",
    "End",
    "Head",
    "HtmlLayout",
    "Outlet",
    "OutletPlugin",
    "Page",
    "Placement",
    "Scope",
    "TagStyle",
    "hookimpl",
    "pattern",
]
