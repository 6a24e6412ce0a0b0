"""The plugin side of newsparse: the host that loads and calls plugins, the hook specifications, and
the plugins shipped with newsparse (registered through the same entry points as third-party ones)."""

from newsparse.plugins.hookspecs import hookimpl
from newsparse.plugins.host import (
    DISABLE_ENV,
    ENTRY_POINT_GROUP,
    TRACE_ENV,
    HookOutcome,
    PluginHost,
    PluginInfo,
)

__all__ = [
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "TRACE_ENV",
    "HookOutcome",
    "PluginHost",
    "PluginInfo",
    "hookimpl",
]
