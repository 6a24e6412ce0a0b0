"""Deprecated: moved to :mod:`newsparse.articles.capture.profile` (this path goes away in newsparse 0.3)."""

from newsparse._moved import warn_moved
from newsparse.articles.capture.profile import *  # noqa: F403

warn_moved(__name__, "newsparse.articles.capture.profile")
