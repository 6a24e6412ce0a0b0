"""Outlet plugins for newsparse: one module per outlet, each registered as its own entry point.

Each module is the outlet's data sheet, written with :mod:`newsparse.outlet`; its ``PLUGIN`` object
is what the entry point names.

The five seed outlets (almayadeen, newsaz, outlookindia, tagdiv_newspaper, thestar): their plain-text
capture profiles were written from real captures (the seeds). No real HTML of these outlets was
available when their HTML layouts were written: JSON-LD and OpenGraph do the main work, the selectors
stand for each outlet's publicly known templates, and a page they miss falls back to the generic body
extractor. Correct a layout from a real page and add that page as a case in ``tests/outlets/cases/``.

Six outlets written from real pages, HTML only (businessinsider, metro, rollingstone, techcrunch,
thegatewaypundit, timeslive): each layout was written from two pages of the news-metadata benchmark,
which are the cases in ``tests/outlets/real/`` (see docs/writing-a-plugin.md for what each took).
"""
