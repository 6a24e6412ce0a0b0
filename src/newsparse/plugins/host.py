"""Loading plugins and calling their hooks, each in isolation.

Built-in and third-party plugins come through the same entry-point group, ``newsparse``, in sorted
order. Hook results are combined in three ways, each returning the value and a :class:`Failure` per
plugin that raised or answered with the wrong type: :meth:`PluginHost.first` (the first answer wins),
:meth:`PluginHost.chain` (each answer is the next plugin's input) and :meth:`PluginHost.pool` (every
answer counts). ``NEWSPARSE_DISABLE_PLUGINS`` (comma-separated entry-point names) leaves plugins out;
``NEWSPARSE_TRACE=1`` prints every hook call to stderr, with the outlet each page matched and why,
and the layout that read it. There is no global plugin manager: each :class:`PluginHost` is built
explicitly, so a test can build its own.

A plugin author's mistakes are loud: a plugin that fails to load (an import error, a misspelled
``newsparse_*`` hook name, a hook wrapper) is a :attr:`PluginHost.load_failures` entry naming the plugin
and logged on the ``newsparse`` logger; two outlets that claim the same domain are logged as a warning
naming both.
"""

from __future__ import annotations

import difflib
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import pluggy

from newsparse.articles.outlets import Outlet
from newsparse.models import Failure, Stage
from newsparse.plugins import hookspecs
from newsparse.workers import over_budget

if TYPE_CHECKING:
    from newsparse.mentions.gazetteer import Gazetteer

__all__ = [
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "TRACE_ENV",
    "Combined",
    "HookOutcome",
    "PluginHost",
    "PluginInfo",
    "WrongAnswer",
]

ENTRY_POINT_GROUP = "newsparse"
DISABLE_ENV = "NEWSPARSE_DISABLE_PLUGINS"
TRACE_ENV = "NEWSPARSE_TRACE"
_HOOK_PREFIX = "newsparse_"
_log = logging.getLogger("newsparse.plugins")


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


T = TypeVar("T")


class WrongAnswer(TypeError):
    """A hook implementation answered with a value of the wrong type (recorded as a ``TypeError``)."""

    def __init__(self, answer: object, expected: type) -> None:
        super().__init__(f"returned {type(answer).__name__}, not {expected.__name__}")


@attrs.frozen
class Combined(Generic[T]):
    """What a combinator made of a hook's answers: the ``value``, the plugin that gave it (for
    :meth:`PluginHost.first`; the last one that changed it for :meth:`PluginHost.chain`), and a
    :class:`Failure` per plugin that raised or answered with the wrong type. ``errors`` holds the
    exceptions behind ``failures``, in the same order, for callers that chain them."""

    value: T
    plugin: str | None = None
    failures: tuple[Failure, ...] = ()
    errors: tuple[BaseException, ...] = attrs.field(default=(), eq=False, repr=False)


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
        self._domain_clashes: tuple[str, ...] = ()
        self._gazetteer: Gazetteer | None = None
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
                self._load_failed(
                    Failure(
                        source=f"entry point {ep.name} = {ep.value}",
                        stage=Stage.LOAD,
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
        unknown = _unknown_hooks(plugin)
        if unknown:
            self._load_failed(_unknown_hook_failure(name, unknown))
            return
        try:
            self.manager.register(plugin, name=name)
        except Exception as exc:  # pluggy validates signatures here
            self._load_failed(
                Failure(
                    source=f"plugin {name}",
                    stage=Stage.LOAD,
                    plugin=name,
                    error_type=type(exc).__name__,
                    message=str(exc),
                )
            )
            return
        unspecified = sorted(
            caller.name for caller in self.manager.get_hookcallers(plugin) or () if not caller.has_spec()
        )
        if unspecified:  # marked @hookimpl under a name that is not a hook
            self.manager.unregister(plugin)
            self._load_failed(_unknown_hook_failure(name, unspecified))
            return
        wrappers = sorted(
            impl.function.__name__
            for caller in self.manager.get_hookcallers(plugin) or ()
            for impl in caller.get_hookimpls()
            if impl.plugin is plugin and (impl.hookwrapper or impl.wrapper)
        )
        if wrappers:
            self.manager.unregister(plugin)
            self._load_failed(
                Failure(
                    source=f"plugin {name}",
                    stage=Stage.LOAD,
                    plugin=name,
                    error_type="UnsupportedHookWrapper",
                    message=(
                        f"hook wrappers are not supported ({', '.join(wrappers)}): newsparse calls each "
                        "implementation on its own, so a wrapper would never run; implement the hook plainly"
                    ),
                )
            )
            return
        self._order[name] = len(self._order)
        # A module is named by itself; an object by its entry point ("newsparse_outlets.thestar:PLUGIN"),
        # since its type's name would be the same for every outlet.
        module = plugin.__name__ if isinstance(plugin, ModuleType) else where or type(plugin).__qualname__
        self._infos[name] = PluginInfo(name=name, module=module, distribution=distribution, version=version)
        self._outlets = None
        self._gazetteer = None

    def _load_failed(self, failure: Failure) -> None:
        """Record a plugin's load failure and log it (library users see it, not only the CLI's)."""
        self.load_failures.append(failure)
        _log.warning("plugin %s failed to load: %s: %s", failure.plugin, failure.error_type, failure.message)

    def tracer(self, line: str) -> None:
        """Write one trace line where the host's tracing goes (stderr unless a ``tracer`` was given)."""
        self._write(line)

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
        return self._call_each(hook_name, kwargs)

    def _call_each(self, hook_name: str, kwargs: dict[str, Any]) -> Iterator[HookOutcome]:
        """:meth:`call_each` reading ``kwargs`` afresh for each implementation, so that a caller may
        change an argument between two implementations (that is how :meth:`chain` passes results on)."""
        for impl in self._implementations(hook_name):
            args = [kwargs[name] for name in impl.argnames]
            try:
                result = impl.function(*args)
            except Exception as exc:
                if over_budget(exc):  # in a worker with a memory budget: it reports it and is replaced
                    raise
                if self.trace:
                    self._write(f"newsparse: {hook_name} [{impl.plugin_name}] raised {exc!r}\n")
                yield HookOutcome(plugin=impl.plugin_name, error=exc)
                continue
            if self.trace:
                self._write(f"newsparse: {hook_name} [{impl.plugin_name}] -> {_describe(result)}\n")
            yield HookOutcome(plugin=impl.plugin_name, result=result)

    def _failure(self, plugin: str, stage: Stage, source: str, error: BaseException) -> Failure:
        return Failure(
            source=source,
            stage=stage,
            plugin=plugin,
            error_type="TypeError" if isinstance(error, WrongAnswer) else type(error).__name__,
            message=str(error) or repr(error),
        )

    def first(
        self, hook_name: str, *, stage: Stage, source: str, expect: type[T], **kwargs: Any
    ) -> Combined[T | None]:
        """The first non-None answer of a ``firstresult`` hook, in calling order.

        Calling stops at that answer, or at the first plugin that raises or answers with something that
        is not an ``expect``: that plugin's Failure is returned and the value is None."""
        for outcome in self.call_each(hook_name, **kwargs):
            if outcome.error is not None:
                failure = self._failure(outcome.plugin, stage, source, outcome.error)
                return Combined(None, outcome.plugin, (failure,), (outcome.error,))
            if outcome.result is None:
                continue
            if not isinstance(outcome.result, expect):
                error = WrongAnswer(outcome.result, expect)
                return Combined(
                    None, outcome.plugin, (self._failure(outcome.plugin, stage, source, error),), (error,)
                )
            return Combined(outcome.result, outcome.plugin)
        return Combined(None)

    def chain(
        self,
        hook_name: str,
        value: T,
        *,
        into: str,
        stage: Stage,
        source: str,
        expect: type[T],
        **kwargs: Any,
    ) -> Combined[T]:
        """``value`` passed through every implementation in turn, as the keyword argument ``into``; an
        implementation that answers None leaves it as it is.

        Calling stops at the first plugin that raises or answers with something that is not an
        ``expect``: the value so far is returned with that plugin's Failure."""
        changed_by: str | None = None
        arguments = {**kwargs, into: value}
        for outcome in self._call_each(hook_name, arguments):
            if outcome.error is not None:
                failure = self._failure(outcome.plugin, stage, source, outcome.error)
                return Combined(value, outcome.plugin, (failure,), (outcome.error,))
            if outcome.result is None:
                continue
            if not isinstance(outcome.result, expect):
                error = WrongAnswer(outcome.result, expect)
                return Combined(
                    value, outcome.plugin, (self._failure(outcome.plugin, stage, source, error),), (error,)
                )
            value, changed_by = outcome.result, outcome.plugin
            arguments[into] = value
        return Combined(value, changed_by)

    def pool(
        self, hook_name: str, *, stage: Stage, source: str | None = None, **kwargs: Any
    ) -> Combined[tuple[tuple[str, Any], ...]]:
        """Every implementation's non-None answer, as ``(plugin, answer)`` pairs in calling order.

        A plugin that raises is a Failure (its ``source`` is ``source``, else ``plugin NAME``) and the
        others are still called."""
        answers: list[tuple[str, Any]] = []
        failures: list[Failure] = []
        errors: list[BaseException] = []
        for outcome in self.call_each(hook_name, **kwargs):
            if outcome.error is not None:
                where = source or f"plugin {outcome.plugin}"
                failures.append(self._failure(outcome.plugin, stage, where, outcome.error))
                errors.append(outcome.error)
            elif outcome.result is not None:
                answers.append((outcome.plugin, outcome.result))
        return Combined(tuple(answers), None, tuple(failures), tuple(errors))

    def pool_items(
        self, hook_name: str, *, stage: Stage, expect: type[T], source: str | None = None, **kwargs: Any
    ) -> Combined[tuple[tuple[str, T], ...]]:
        """:meth:`pool` for hooks that answer with sequences: every item, with its plugin, flattened. An
        answer that is not a sequence of ``expect`` is a Failure; the plugin's good items still count."""
        pooled = self.pool(hook_name, stage=stage, source=source, **kwargs)
        items: list[tuple[str, T]] = []
        failures = list(pooled.failures)
        errors = list(pooled.errors)
        for plugin, answer in pooled.value:
            where = source or f"plugin {plugin}"
            try:
                sequence = tuple(answer)
            except TypeError as exc:
                failures.append(self._failure(plugin, stage, where, exc))
                errors.append(exc)
                continue
            for item in sequence:
                if isinstance(item, expect):
                    items.append((plugin, item))
                else:
                    error = WrongAnswer(item, expect)
                    failures.append(self._failure(plugin, stage, where, error))
                    errors.append(error)
        return Combined(tuple(items), None, tuple(failures), tuple(errors))

    # -- what the plugins declare ----------------------------------------------------------------
    def outlets(self) -> tuple[Outlet, ...]:
        """Every outlet the plugins declare, each stamped with its plugin's name (computed once).

        Problems (a plugin that raises, a declaration that is not an Outlet, an id declared twice) are
        added to :attr:`load_failures`."""
        if self._outlets is not None:
            return self._outlets
        pooled = self.pool_items("newsparse_outlets", stage=Stage.OUTLETS, expect=Outlet)
        for failure in pooled.failures:
            self._load_failed(failure)
        outlets: list[Outlet] = []
        ids: set[str] = set()
        for plugin, outlet in pooled.value:
            if outlet.id in ids:
                self._load_failed(
                    Failure(
                        source=f"plugin {plugin}",
                        stage=Stage.OUTLETS,
                        plugin=plugin,
                        error_type="DuplicateOutlet",
                        message=f"outlet id {outlet.id!r} is already declared by another plugin",
                    )
                )
                continue
            ids.add(outlet.id)
            outlets.append(attrs.evolve(outlet, plugin=plugin))
        self._outlets = tuple(outlets)
        self._domain_clashes = _domain_clashes(self._outlets)
        for message in self._domain_clashes:
            _log.warning("%s", message)
        return self._outlets

    @property
    def domain_clashes(self) -> tuple[str, ...]:
        """One message per domain that two outlets claim (the first one declared serves it); the
        outlets are gathered first if they were not yet."""
        self.outlets()
        return self._domain_clashes

    def gazetteer(self) -> Gazetteer:
        """The gazetteer pooled from every plugin's ``newsparse_gazetteer`` data (computed once).

        Plugins whose data is left out are added to :attr:`load_failures`. The mention hook receives
        this gazetteer, so a plugin's names count in every pipeline built on this host."""
        if self._gazetteer is None:
            from newsparse.mentions.gazetteer import gazetteer_from_plugins

            self._gazetteer, failures = gazetteer_from_plugins(self)
            for failure in failures:
                self._load_failed(failure)
        return self._gazetteer


def _hook_names() -> frozenset[str]:
    return frozenset(name for name in vars(hookspecs) if name.startswith(_HOOK_PREFIX))


def _unknown_hooks(plugin: object) -> list[str]:
    """The functions of a plugin named like a hook (``newsparse_*``) that no hook has: a misspelled
    hook would otherwise be registered and never called."""
    known = _hook_names()
    unknown = []
    for attribute in dir(plugin):
        if not attribute.startswith(_HOOK_PREFIX) or attribute in known:
            continue
        try:
            value = getattr(plugin, attribute)
        except Exception:  # a property that raises is no hook
            continue
        if callable(value) and not isinstance(value, (type, ModuleType)):
            unknown.append(attribute)
    return sorted(unknown)


def _unknown_hook_failure(plugin: str, names: Iterable[str]) -> Failure:
    known = sorted(_hook_names())
    named = []
    for name in names:
        close = difflib.get_close_matches(name, known, n=1)
        named.append(f"{name} (did you mean {close[0]}?)" if close else name)
    return Failure(
        source=f"plugin {plugin}",
        stage=Stage.LOAD,
        plugin=plugin,
        error_type="UnknownHook",
        message=f"no such hook: {', '.join(named)}; newsparse's hooks are {', '.join(known)}",
    )


def _domain_clashes(outlets: Iterable[Outlet]) -> tuple[str, ...]:
    """A message for each domain declared by two outlets: matching takes the first, silently."""
    owner: dict[str, Outlet] = {}
    messages = []
    for outlet in outlets:
        for domain in outlet.domains:
            first = owner.setdefault(domain, outlet)
            if first is not outlet and first.id != outlet.id:
                messages.append(
                    f"domain {domain!r} is claimed by outlet {first.id!r} (plugin {first.plugin}) and by "
                    f"outlet {outlet.id!r} (plugin {outlet.plugin}); pages of it go to {first.id!r}"
                )
    return tuple(messages)


def _describe(result: Any) -> str:
    if result is None:
        return "None"
    if isinstance(result, (list, tuple)):
        return f"{type(result).__name__} of {len(result)}"
    return type(result).__name__
