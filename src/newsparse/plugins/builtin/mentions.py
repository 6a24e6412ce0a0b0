"""The built-in mention plugin: the packaged gazetteer, and the rule-based mention extractor.

It is registered through the ``newsparse`` entry-point group like any third-party plugin, so it can be
disabled or replaced. Its gazetteer is the pool of every plugin's ``newsparse_gazetteer`` data (the
built-in data first), built once per process.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import builtin_data
from newsparse.models import Article, Mention
from newsparse.plugins.hookspecs import hookimpl

__all__ = ["default_extractor"]

_log = logging.getLogger("newsparse")


@hookimpl(tryfirst=True)
def newsparse_gazetteer() -> Mapping[str, Any]:
    """The packaged gazetteer data; first, so that plugins extend it."""
    return builtin_data()


@functools.cache
def default_extractor() -> MentionExtractor:
    """The extractor over the gazetteer of every installed plugin (plugins that fail are logged)."""
    from newsparse.plugins.host import PluginHost

    extractor, failures = MentionExtractor.from_plugins(PluginHost(), name="mentions")
    for failure in failures:
        _log.warning("gazetteer: plugin %s left out: %s", failure.plugin, failure.message)
    return extractor


@hookimpl
def newsparse_extract_mentions(article: Article) -> Sequence[Mention]:
    """Rule-based mentions of meetings, calls, visits and intents to meet (see events/extract.py)."""
    return default_extractor().extract(article)
