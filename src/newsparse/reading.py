"""Deprecated: moved to :mod:`newsparse.articles.reading` (this path goes away in newsparse 0.3)."""

from newsparse._moved import warn_moved
from newsparse.articles.reading import *  # noqa: F403

warn_moved(__name__, "newsparse.articles.reading")
