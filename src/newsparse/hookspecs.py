"""Deprecated: moved to :mod:`newsparse.plugins.hookspecs` (this path goes away in newsparse 0.3)."""

from newsparse._moved import warn_moved
from newsparse.plugins.hookspecs import *  # noqa: F403

warn_moved(__name__, "newsparse.plugins.hookspecs")
