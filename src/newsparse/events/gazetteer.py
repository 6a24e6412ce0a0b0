"""Deprecated: moved to :mod:`newsparse.mentions.gazetteer` (this path goes away in newsparse 0.3)."""

from newsparse._moved import warn_moved
from newsparse.mentions.gazetteer import *  # noqa: F403

warn_moved(__name__, "newsparse.mentions.gazetteer")
