"""Deprecated: moved to :mod:`newsparse.articles.capture.profiled` (this path goes away in newsparse 0.3)."""

from newsparse._moved import warn_moved
from newsparse.articles.capture.profiled import *  # noqa: F403

warn_moved(__name__, "newsparse.articles.capture.profiled")
