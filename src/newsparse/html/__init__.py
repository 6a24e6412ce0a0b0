"""Deprecated: moved to :mod:`newsparse.articles.html` (this path goes away in newsparse 0.3)."""

from newsparse._moved import warn_moved
from newsparse.articles.html import *  # noqa: F403

warn_moved(__name__, "newsparse.articles.html")
