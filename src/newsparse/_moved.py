"""Old import paths kept for one release (0.2): each old module warns once and re-exports its new home.

See ``CHANGELOG.md``; they go away in 0.3.
"""

from __future__ import annotations

import warnings

__all__ = ["MOVED", "warn_moved"]

#: Old module path -> new module path, for every module that moved in 0.2.
MOVED: dict[str, str] = {
    "newsparse.capture": "newsparse.articles.capture.generic",
    "newsparse.capture.profile": "newsparse.articles.capture.profile",
    "newsparse.capture.reader": "newsparse.articles.capture.profiled",
    "newsparse.events.extract": "newsparse.mentions.extract",
    "newsparse.events.gazetteer": "newsparse.mentions.gazetteer",
    "newsparse.events.vocabulary": "newsparse.vocabulary",
    "newsparse.hookspecs": "newsparse.plugins.hookspecs",
    "newsparse.html": "newsparse.articles.html",
    "newsparse.html.body": "newsparse.articles.html.body",
    "newsparse.html.layout": "newsparse.articles.html.layout",
    "newsparse.html.metadata": "newsparse.articles.html.metadata",
    "newsparse.outlet_plugin": "newsparse.articles.outlet_plugin",
    "newsparse.outlets": "newsparse.articles.outlets",
    "newsparse.reading": "newsparse.articles.reading",
}


def warn_moved(old: str, new: str) -> None:
    """Warn that module ``old`` is now ``new`` (a DeprecationWarning pointing at the importer)."""
    warnings.warn(
        f"{old} has moved to {new}; import it from there (the old path goes away in newsparse 0.3)",
        DeprecationWarning,
        stacklevel=3,
    )
