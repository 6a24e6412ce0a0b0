"""The built-in mention plugin: the packaged gazetteer, and the rule-based mention extractor.

It is registered through the ``newsparse`` entry-point group like any third-party plugin, so it can be
disabled or replaced. Its gazetteer is the pool of every plugin's ``newsparse_gazetteer`` data (the
built-in data first), which the calling host builds once and hands to the mentions hook.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.models import Article, Mention
from newsparse.plugins.hookspecs import hookimpl

__all__ = ["default_extractor", "extractor_for"]


@hookimpl(tryfirst=True)
def newsparse_gazetteer() -> Mapping[str, Any]:
    """The packaged gazetteer data; first, so that plugins extend it."""
    return builtin_data()


@functools.cache
def default_extractor() -> MentionExtractor:
    """The extractor over the gazetteer of every installed plugin (plugins that fail are logged), for
    callers outside a pipeline."""
    from newsparse.plugins.host import PluginHost

    host = PluginHost()
    gazetteer = host.gazetteer()  # the host logs the plugins it leaves out
    return MentionExtractor(gazetteer, name="mentions")


#: The extractor built for the last gazetteer seen: a host hands the same gazetteer to every call, so
#: this is built once per host (the gazetteer is mutable, hence compared by identity, not hashed).
_last: tuple[Gazetteer, MentionExtractor] | None = None


def extractor_for(gazetteer: Gazetteer) -> MentionExtractor:
    """The extractor over ``gazetteer``, built once for each gazetteer in turn."""
    global _last
    if _last is None or _last[0] is not gazetteer:
        _last = (gazetteer, MentionExtractor(gazetteer, name="mentions"))
    return _last[1]


@hookimpl
def newsparse_extract_mentions(article: Article, gazetteer: Gazetteer) -> Sequence[Mention]:
    """Rule-based mentions of meetings, calls, visits and intents to meet (see mentions/extract.py),
    over the gazetteer of the host that calls it."""
    return extractor_for(gazetteer).extract(article)
