"""Deprecated: moved to :mod:`newsparse.mentions.extract` (this path goes away in newsparse 0.3)."""

from newsparse._moved import warn_moved
from newsparse.mentions.extract import *  # noqa: F403

warn_moved(__name__, "newsparse.mentions.extract")
