"""Loading plugins and calling their hooks, each in isolation.

Built-in and third-party plugins come through the same entry-point group, ``newsparse``, in sorted
order. ``NEWSPARSE_DISABLE_PLUGINS`` (comma-separated entry-point names) leaves plugins out;
``NEWSPARSE_TRACE=1`` prints every hook call to stderr. There is no global plugin manager: each
:class:`PluginHost` is built explicitly, so a test can build its own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import metadata
from types import ModuleType
from typing import Any

import attrs
import pluggy

from newsparse.articles.outlets import Outlet
from newsparse.models import Failure
from newsparse.plugins import hookspecs

__all__ = [
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "TRACE_ENV",
    "HookOutcome",
    "PluginHost",
    "PluginInfo",
]

ENTRY_POINT_GROUP = "newsparse"
DISABLE_ENV = "NEWSPARSE_DISABLE_PLUGINS"
TRACE_ENV = "NEWSPARSE_TRACE"


@attrs.frozen
class PluginInfo:
    """What ``newsparse plugins`` shows about one loaded plugin."""

    name: str
    module: str
    distribution: str | None = None
    version: str | None = None
    outlets: tuple[str, ...] = ()


@attrs.frozen
class HookOutcome:
    """One implementation's answer to a hook call: a result, or the exception it raised."""

    plugin: str
    result: Any = None
    error: BaseException | None = None


def _disabled_from_env() -> frozenset[str]:
    raw = os.environ.get(DISABLE_ENV, "")
    return frozenset(name.strip() for name in raw.split(",") if name.strip())


def _trace_from_env() -> bool:
    return os.environ.get(TRACE_ENV, "").strip().lower() not in ("", "0", "false", "no")


class PluginHost:
    """A set of loaded plugins and the hooks they implement.

    ``PluginHost()`` loads every entry point of the ``newsparse`` group (less the disabled ones);
    ``PluginHost(entry_points=False, plugins=[(name, module)])`` builds a host from given modules only,
    which is what tests use.
    """

    def __init__(
        self,
        *,
        entry_points: bool = True,
        plugins: Iterable[tuple[str, object]] = (),
        disabled: Iterable[str] | None = None,
        trace: bool | None = None,
        tracer: Callable[[str], object] | None = None,
    ) -> None:
        self.manager = pluggy.PluginManager(hookspecs.PROJECT)
        self.manager.add_hookspecs(hookspecs)
        self.disabled = frozenset(disabled) if disabled is not None else _disabled_from_env()
        self.trace = _trace_from_env() if trace is None else trace
        self._write = tracer or sys.stderr.write
        #: Plugins that failed to load or to declare their outlets, as Failures naming them.
        self.load_failures: list[Failure] = []
        self._order: dict[str, int] = {}
        self._infos: dict[str, PluginInfo] = {}
        self._outlets: tuple[Outlet, ...] | None = None
        if self.trace:
            self.manager.trace.root.setwriter(self._write)
            self.manager.enable_tracing()
        if entry_points:
            self._load_entry_points()
        for name, plugin in plugins:
            self.register(plugin, name)

    # -- loading ---------------------------------------------------------------------------------
    def _load_entry_points(self) -> None:
        seen: set[str] = set()
        found = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: (ep.name, ep.value))
        for ep in found:
            if ep.name in seen or ep.name in self.disabled:
                continue
            seen.add(ep.name)
            dist = getattr(ep, "dist", None)
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not stop the others
                self.load_failures.append(
                    Failure(
                        source=f"entry point {ep.name} = {ep.value}",
                        stage="load",
                        plugin=ep.name,
                        error_type=type(exc).__name__,
                        message=str(exc) or repr(exc),
                    )
                )
                continue
            self.register(
                plugin,
                ep.name,
                distribution=dist.metadata["Name"] if dist is not None else None,
                version=dist.version if dist is not None else None,
                where=ep.value,
            )

    def register(
        self,
        plugin: object,
        name: str,
        *,
        distribution: str | None = None,
        version: str | None = None,
        where: str | None = None,
    ) -> None:
        """Register a plugin object (a module, or an object such as an ``OutletPlugin``) under ``name``;
        ``where`` is where it was found (an entry point's ``module:attribute``), shown for an object."""
        if name in self.disabled:
            return
        try:
            self.manager.register(plugin, name=name)
        except Exception as exc:  # pluggy validates signatures here
            self.load_failures.append(
                Failure(
                    source=f"plugin {name}",
                    stage="load",
                    plugin=name,
                    error_type=type(exc).__name__,
                    message=str(exc),
                )
            )
            return
        self._order[name] = len(self._order)
        # A module is named by itself; an object by its entry point ("newsparse_outlets.thestar:PLUGIN"),
        # since its type's name would be the same for every outlet.
        module = plugin.__name__ if isinstance(plugin, ModuleType) else where or type(plugin).__qualname__
        self._infos[name] = PluginInfo(name=name, module=module, distribution=distribution, version=version)
        self._outlets = None

    @property
    def names(self) -> tuple[str, ...]:
        """Names of the registered plugins, in calling order."""
        return tuple(sorted(self._order, key=self._order.__getitem__))

    def infos(self) -> tuple[PluginInfo, ...]:
        """One :class:`PluginInfo` per registered plugin, with the outlets it declares."""
        by_plugin: dict[str, list[str]] = {}
        for outlet in self.outlets():
            by_plugin.setdefault(outlet.plugin or "", []).append(outlet.id)
        return tuple(
            attrs.evolve(self._infos[name], outlets=tuple(by_plugin.get(name, ()))) for name in self.names
        )

    # -- calling ---------------------------------------------------------------------------------
    def _implementations(self, hook_name: str) -> list[pluggy.HookImpl]:
        caller = getattr(self.manager.hook, hook_name)
        impls = [impl for impl in caller.get_hookimpls() if not impl.hookwrapper and not impl.wrapper]

        def rank(impl: pluggy.HookImpl) -> tuple[int, int]:
            group = 0 if impl.tryfirst else 2 if impl.trylast else 1
            return group, self._order.get(impl.plugin_name, len(self._order))

        return sorted(impls, key=rank)

    def call_each(self, hook_name: str, **kwargs: Any) -> Iterator[HookOutcome]:
        """Call every implementation of a hook on its own, in order, catching what each raises.

        The caller decides what the outcomes mean (first result, pooled, chained); an exception in one
        plugin never prevents the next from being called.
        """
        for impl in self._implementations(hook_name):
            args = [kwargs[name] for name in impl.argnames]
            try:
                result = impl.function(*args)
            except Exception as exc:
                if self.trace:
                    self._write(f"newsparse: {hook_name} [{impl.plugin_name}] raised {exc!r}\n")
                yield HookOutcome(plugin=impl.plugin_name, error=exc)
                continue
            if self.trace:
                self._write(f"newsparse: {hook_name} [{impl.plugin_name}] -> {_describe(result)}\n")
            yield HookOutcome(plugin=impl.plugin_name, result=result)

    def outlets(self) -> tuple[Outlet, ...]:
        """Every outlet the plugins declare, each stamped with its plugin's name (computed once)."""
        if self._outlets is not None:
            return self._outlets
        pooled: list[Outlet] = []
        ids: set[str] = set()
        for outcome in self.call_each("newsparse_outlets"):
            problem = outcome.error
            declared: Sequence[Outlet] = ()
            if problem is None:
                declared = outcome.result or ()
                bad = [o for o in declared if not isinstance(o, Outlet)]
                if bad:
                    problem = TypeError(f"newsparse_outlets returned {type(bad[0]).__name__}, not Outlet")
            if problem is not None:
                self.load_failures.append(
                    Failure(
                        source=f"plugin {outcome.plugin}",
                        stage="outlets",
                        plugin=outcome.plugin,
                        error_type=type(problem).__name__,
                        message=str(problem),
                    )
                )
                continue
            for outlet in declared:
                if outlet.id in ids:
                    self.load_failures.append(
                        Failure(
                            source=f"plugin {outcome.plugin}",
                            stage="outlets",
                            plugin=outcome.plugin,
                            error_type="DuplicateOutlet",
                            message=f"outlet id {outlet.id!r} is already declared by another plugin",
                        )
                    )
                    continue
                ids.add(outlet.id)
                pooled.append(attrs.evolve(outlet, plugin=outcome.plugin))
        self._outlets = tuple(pooled)
        return self._outlets


def _describe(result: Any) -> str:
    if result is None:
        return "None"
    if isinstance(result, (list, tuple)):
        return f"{type(result).__name__} of {len(result)}"
    return type(result).__name__
