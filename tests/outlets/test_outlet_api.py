"""The outlet-author API: one import (``newsparse.outlet``), the plugin object registered as itself or
through a module's hooks, and credits that belong to the outlet (HTML and captures alike)."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest

import newsparse.outlet as api
from newsparse.outlet import (
    DASH_CREDIT_CAPTION,
    TRAILING_DASH_AGENCY,
    Block,
    CaptureProfile,
    Credits,
    HtmlLayout,
    Outlet,
    OutletPlugin,
    Page,
)
from newsparse.pipeline import Pipeline
from newsparse.plugins.builtin import generic
from newsparse.plugins.host import PluginHost
from newsparse.scaffold import plugin_files

PLUGINS = Path(__file__).resolve().parents[2] / "plugins" / "newsparse-outlets" / "src" / "newsparse_outlets"

STORY = "The harbour council approved a new ferry timetable on Tuesday after a month of meetings."
LAST = "Ferries will run every twenty minutes at peak times from April, the council said."
CAPTURE_TEXT = f"Planet Menu\n\nFerry timetable approved\n\n{STORY}\n\n{LAST}- Planet Wire\n"
HTML_TEXT = f"""<html><head><title>Ferry timetable approved</title></head><body>
<article><h1>Ferry timetable approved</h1>
<figure><img src="ferry.jpg"><figcaption>The new ferry at the quay. - AP</figcaption></figure>
<p>{STORY}</p><p>{LAST}- Planet Wire</p></article></body></html>"""

OUTLET = Outlet(id="planet", name="Daily Planet", domains=("dailyplanet.example",), markers=("Planet Menu",))
CREDITS = Credits(
    agencies=[TRAILING_DASH_AGENCY],
    captions=[DASH_CREDIT_CAPTION],
    extra_agencies={"Planet Wire": "Planet Wire"},
)
PLUGIN = OutletPlugin(
    outlet=OUTLET,
    credits=CREDITS,
    capture=CaptureProfile(blocks=[Block("menu", "Planet Menu", sample="Planet Menu")]),
    layouts=(HtmlLayout("article", title="h1", body="article"),),
)


def _module_form(plugin: OutletPlugin) -> types.ModuleType:
    """A module written the older way: it ends with ``... = PLUGIN.hooks()``."""
    module = types.ModuleType("newsparse_planet_module")
    module.PLUGIN = plugin  # type: ignore[attr-defined]
    module.newsparse_outlets, module.newsparse_extract_article = plugin.hooks()  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("form", ["object", "module"])
def test_the_plugin_object_and_the_module_form_both_register(form: str) -> None:
    plugin: object = PLUGIN if form == "object" else _module_form(PLUGIN)
    host = PluginHost(entry_points=False, plugins=[("planet", plugin), ("generic", generic)])
    assert host.load_failures == []
    assert [info.outlets for info in host.infos() if info.name == "planet"] == [("planet",)]
    article = Pipeline(host).parse(Page(content=CAPTURE_TEXT, kind="text", source="planet.txt"))
    assert (article.plugin, article.outlet, article.title) == ("planet", "planet", "Ferry timetable approved")
    assert (article.agency, article.paragraphs) == ("Planet Wire", (STORY, LAST))


def test_an_object_plugin_loaded_directly_is_named_by_its_type() -> None:
    host = PluginHost(entry_points=False, plugins=[("planet", PLUGIN)])
    assert [info.module for info in host.infos()] == ["OutletPlugin"]


def test_credits_apply_to_an_html_only_outlet() -> None:
    """No capture profile at all: the outlet's credits still read its HTML (agency, caption credit)."""
    html_only = OutletPlugin(outlet=OUTLET, credits=CREDITS, layouts=PLUGIN.layouts)
    page = Page(content=HTML_TEXT, kind="html", source="planet.html", url="https://dailyplanet.example/a")
    article = html_only.extract(page, OUTLET)
    assert article is not None
    assert (article.agency, article.paragraphs) == ("Planet Wire", (STORY, LAST))
    captions = [(image.caption, image.credit) for image in article.images]
    assert captions == [("The new ferry at the quay.", "AP")]
    # Without credits nothing is taken: the rules above did the work.
    bare = OutletPlugin(outlet=OUTLET, layouts=PLUGIN.layouts).extract(page, OUTLET)
    assert bare is not None and bare.agency is None and bare.paragraphs[-1] == f"{LAST}- Planet Wire"
    # A capture goes to the generic plugin when the outlet has no capture profile.
    assert html_only.extract(Page(content=CAPTURE_TEXT, kind="text", source="p.txt"), OUTLET) is None


def test_credits_on_the_capture_profile_still_apply_to_html_for_one_release() -> None:
    with pytest.warns(DeprecationWarning, match="deprecated"):
        capture = CaptureProfile(agencies=[TRAILING_DASH_AGENCY], captions=[DASH_CREDIT_CAPTION])
    old = OutletPlugin(outlet=OUTLET, capture=capture, layouts=PLUGIN.layouts)
    assert old.credits == Credits(agencies=[TRAILING_DASH_AGENCY], captions=[DASH_CREDIT_CAPTION])
    page = Page(content=HTML_TEXT.replace("Planet Wire", "Reuters"), kind="html", source="p.html")
    article = old.extract(page, OUTLET)
    assert article is not None and article.agency == "Reuters"
    assert article.images[0].credit == "AP"
    with pytest.raises(ValueError, match="once"):
        OutletPlugin(outlet=OUTLET, capture=capture, credits=Credits(agencies=[TRAILING_DASH_AGENCY]))


def test_the_one_module_has_every_name_it_promises() -> None:
    assert all(hasattr(api, name) for name in api.__all__)
    assert {"OutletPlugin", "Credits", "hookimpl", "TRAILING_DASH_AGENCY", "HtmlLayout"} <= set(api.__all__)


def _imports(source: str) -> set[str]:
    tree = ast.parse(source)
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


@pytest.mark.parametrize("path", sorted(PLUGINS.glob("*.py")), ids=lambda p: p.name)
def test_the_shipped_plugins_import_only_the_outlet_api(path: Path) -> None:
    newsparse = {m for m in _imports(path.read_text(encoding="utf-8")) if m.startswith("newsparse")}
    assert newsparse <= {"newsparse.outlet"}


def test_the_scaffold_writes_against_the_outlet_api() -> None:
    module = plugin_files("planet")["src/newsparse_planet/__init__.py"]
    assert {m for m in _imports(module) if m.startswith("newsparse")} == {"newsparse.outlet"}
    assert "PLUGIN.hooks()" not in module
