"""Every hook newsparse calls. Plugins implement them with :data:`hookimpl`.

The core calls each implementation on its own (see :meth:`newsparse.plugins.PluginHost.call_each`), so
that a plugin which raises is isolated and named; implementations run in a reproducible order:
``tryfirst`` ones, then the rest in the sorted order of their entry-point names, then ``trylast`` ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from newsparse.articles.outlets import Outlet
    from newsparse.mentions.gazetteer import Gazetteer
    from newsparse.models import Article, Mention, Page

__all__ = ["hookimpl", "hookspec"]

PROJECT = "newsparse"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Decorate a plugin's functions with this to implement a hook.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newsparse_outlets() -> Sequence[Outlet]:
    """Declare the outlets this plugin serves, as data.

    Called once, when the plugins are loaded. Returns a sequence of :class:`newsparse.articles.outlets.Outlet`
    (id, name, domains, the text markers that identify a plain-text capture of that outlet, and whatever
    selectors and boilerplate patterns the outlet needs). Results of all plugins are pooled; two outlets
    with the same id are an error reported against the later plugin. The core matches every page against
    the pooled outlets: the caller's hint first, then the URL's domain, then text markers, then the
    generic outlet.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def newsparse_extract_article(page: Page, outlet: Outlet) -> Article | None:
    """Turn a page into an article.

    Called once per page, after outlet matching, with the :class:`newsparse.models.Page` and the
    :class:`newsparse.articles.outlets.Outlet` it matched (the generic outlet when none did). Return an
    :class:`newsparse.models.Article`, or ``None`` to let the next plugin try (return ``None`` for outlets
    that are not yours). The first non-``None`` result wins. The built-in ``generic`` plugin is marked
    ``trylast`` and serves every page no other plugin takes. The core sets ``Article.plugin`` to the name
    of the plugin that returned it. If an implementation raises, the page becomes a
    :class:`newsparse.models.Failure` that names the plugin, and the batch goes on.
    """
    raise NotImplementedError


@hookspec
def newsparse_postprocess_article(article: Article, page: Page) -> Article | None:
    """Refine an extracted article (fix a field, drop a leftover line, add tags).

    Called once per article, after extraction, for every plugin in turn; each implementation gets the
    result of the previous one. Return a new article (models are frozen: use :func:`attrs.evolve`) or
    ``None`` to leave it as it is. Not first-result: every implementation runs. If one raises, the page
    becomes a Failure that names it.
    """
    raise NotImplementedError


@hookspec
def newsparse_extract_mentions(article: Article, gazetteer: Gazetteer) -> Sequence[Mention]:
    """Find event mentions (who met or called whom, how, when, where) in an article.

    Called once per article when events or mentions are asked for, with the calling host's
    :class:`newsparse.mentions.gazetteer.Gazetteer`: the pool of every plugin's ``newsparse_gazetteer``
    data, built once per host (an implementation may leave the argument out). Returns a sequence of
    :class:`newsparse.models.Mention` whose ``start``/``end`` index ``article.text``. Results of all
    plugins are pooled (not first-result). An implementation that raises is recorded as a Failure naming
    it; the mentions of the other plugins are kept.
    """
    raise NotImplementedError


@hookspec
def newsparse_gazetteer() -> Mapping[str, Any] | None:
    """Add names to the gazetteer of the built-in mention extractor, as data.

    Called once, when the mention extractor first runs. Return a mapping in the schema of the packaged
    file ``newsparse/data/gazetteer.json``: any of the lists ``countries`` (``id``, ``iso3``,
    ``name``, ``aliases``, ``adjectives``, ``capital``), ``people`` (``id`` -- a Wikidata QID where known --,
    ``name``, ``aliases``, ``short`` names valid once the full name was used, ``country``, ``office``),
    ``offices`` (``country``, ``office``, lowercase ``aliases`` such as ``"foreign minister"`` and dated
    ``terms`` of ``holder`` person id, ISO ``from`` and exclusive ``to``), ``organisations`` and ``places``
    (``name``, ``aliases``, ``country``, ``kind`` venue/city/region/country). Or return ``None``.
    Unknown keys are refused (a typo must not load silently). Contributions are pooled, built-in data
    first, then plugins in hook order: an entry whose id is
    already known gains the new aliases, short names and office terms; its other fields stay. Data that
    does not follow the schema, or an implementation that raises, is reported as a Failure naming the
    plugin and left out; the other contributions still count.
    """
    raise NotImplementedError
