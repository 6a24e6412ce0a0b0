"""A plugin author's mistakes are loud (issue 17): a misspelled hook, a bad CSS selector, two outlets
on one domain, a plugin that fails to load; and ``NEWSPARSE_TRACE=1`` says why an outlet matched and
which layout read the page, which the Article records."""

from __future__ import annotations

import logging
import types
from pathlib import Path

import attrs
import pytest

from newsparse import Article, Page, PluginHost, hookimpl
from newsparse.errors import LayoutError
from newsparse.outlet import HtmlLayout, Outlet, OutletPlugin
from newsparse.pipeline import Pipeline
from newsparse.plugins.builtin import generic

from .test_plugins import _module

PAGE = """<html><head><link rel="canonical" href="https://www.planet.example/news/1"></head><body>
<div class="story"><h1>Harbour council approves ferry timetable</h1>
<p class="by">By Reuters</p>
<p>The harbour council approved a new ferry timetable on Tuesday after a month of public meetings.</p>
<p>Ferries will run every twenty minutes at peak times from the first of April, the council said.</p>
</div></body></html>"""


def _postprocess(article: Article) -> Article:
    return article


@pytest.mark.parametrize("marked", [True, False], ids=["with @hookimpl", "without @hookimpl"])
def test_a_misspelled_hook_is_a_load_failure_naming_plugin_and_hook(marked: bool) -> None:
    function = hookimpl(_postprocess) if marked else _postprocess
    typo = _module("typo", newsparse_postprocess_articles=function)
    host = PluginHost(entry_points=False, plugins=[("typo", typo), ("generic", generic)])
    assert host.names == ("generic",)
    [failure] = host.load_failures
    assert (failure.plugin, failure.stage, failure.error_type) == ("typo", "load", "UnknownHook")
    assert failure.message.startswith(
        "no such hook: newsparse_postprocess_articles (did you mean newsparse_postprocess_article?); "
        "newsparse's hooks are newsparse_extract_article, "
    )


def test_a_hookimpl_under_a_name_that_is_no_hook_is_refused() -> None:
    odd = _module("odd", postprocess_article=hookimpl(_postprocess))
    host = PluginHost(entry_points=False, plugins=[("odd", odd)])
    assert host.names == ()
    assert [(f.plugin, f.error_type) for f in host.load_failures] == [("odd", "UnknownHook")]
    assert "postprocess_article" in host.load_failures[0].message


def test_other_attributes_named_like_hooks_are_not_hooks() -> None:
    """Only callables count: a module's constant or an imported module is no misspelled hook."""
    plugin = _module("fine", newsparse_version="1.0", newsparse_helpers=types.ModuleType("helpers"))
    host = PluginHost(entry_points=False, plugins=[("fine", plugin)])
    assert host.names == ("fine",) and host.load_failures == []


def test_a_load_failure_is_logged_by_the_library(caplog: pytest.LogCaptureFixture) -> None:
    typo = _module("typo", newsparse_outlet=lambda: ())
    with caplog.at_level(logging.WARNING, logger="newsparse"):
        PluginHost(entry_points=False, plugins=[("typo", typo)])
    assert [r.name for r in caplog.records] == ["newsparse.plugins"]
    assert (
        "plugin typo failed to load: UnknownHook: no such hook: newsparse_outlet (did you mean" in caplog.text
    )


def test_a_bad_css_selector_is_refused_when_the_layout_is_defined() -> None:
    with pytest.raises(LayoutError) as raised:
        HtmlLayout("article page", title="h1", remove=(".share", "div[data-x="))
    assert str(raised.value).startswith("HtmlLayout 'article page': remove: bad CSS selector 'div[data-x='")
    with pytest.raises(LayoutError, match="paragraphs: bad CSS selector 'p,,'"):
        HtmlLayout("article page", paragraphs="p,,")
    with pytest.raises(LayoutError, match="body: a CSS selector is a string, not int"):
        HtmlLayout("article page", body=(".story", 3))  # type: ignore[arg-type]


#: HtmlLayout's fields that are not CSS selectors.
_NOT_SELECTORS = {"name", "valid_from", "valid_until", "date_formats"}


@pytest.mark.parametrize(
    "field", [field.name for field in attrs.fields(HtmlLayout) if field.name not in _NOT_SELECTORS]
)
def test_every_selector_field_is_checked(field: str) -> None:
    """A field added to HtmlLayout is a selector field unless named above, and is checked like one."""
    with pytest.raises(LayoutError, match=f"{field}: bad CSS selector 'div\\[x='"):
        HtmlLayout("article page", **{field: "div[x="})


def _outlet_plugin(ident: str, *domains: str, layouts: tuple[HtmlLayout, ...] = ()) -> OutletPlugin:
    return OutletPlugin(outlet=Outlet(id=ident, name=ident.title(), domains=domains), layouts=layouts)


def test_two_outlets_claiming_one_domain_are_a_warning_naming_both(caplog: pytest.LogCaptureFixture) -> None:
    host = PluginHost(
        entry_points=False,
        plugins=[
            ("first", _outlet_plugin("planet", "planet.example")),
            ("second", _outlet_plugin("planet_copy", "Planet.example", "moon.example")),
        ],
    )
    with caplog.at_level(logging.WARNING, logger="newsparse"):
        host.outlets()
    message = (
        "domain 'planet.example' is claimed by outlet 'planet' (plugin first) and by outlet 'planet_copy' "
        "(plugin second); pages of it go to 'planet'"
    )
    assert host.domain_clashes == (message,)
    assert message in caplog.text
    single = PluginHost(entry_points=False, plugins=[("first", _outlet_plugin("planet", "planet.example"))])
    assert single.outlets() and single.domain_clashes == ()
    # Asked before anything gathered the outlets, the host gathers them rather than answer "none".
    fresh = PluginHost(
        entry_points=False,
        plugins=[
            ("first", _outlet_plugin("planet", "planet.example")),
            ("second", _outlet_plugin("b", "planet.example")),
        ],
    )
    assert len(fresh.domain_clashes) == 1 and "'planet' (plugin first)" in fresh.domain_clashes[0]


def test_the_trace_says_why_the_outlet_matched_and_which_layout_read_the_page() -> None:
    layout = HtmlLayout("story page", body="div.story", authors="p.by")
    plugin = _outlet_plugin("planet", "planet.example", layouts=(layout,))
    lines: list[str] = []
    host = PluginHost(
        entry_points=False,
        plugins=[("planet", plugin), ("generic", generic)],
        trace=True,
        tracer=lines.append,
    )
    pipeline = Pipeline(host)
    article = pipeline.article(Page(content=PAGE, kind="html", source="page.html"))
    assert article.layout == "story page"
    assert (
        "newsparse: page.html: outlet 'planet': the URL's host 'planet.example' is in its domain "
        "'planet.example'\n" in lines
    )
    assert "newsparse: page.html: read by plugin 'planet' with its layout 'story page'\n" in lines
    lines.clear()
    other = pipeline.article(
        Page(content=PAGE.replace("planet.example", "moon.example"), kind="html", source="m")
    )
    assert other.layout is None and other.plugin == "generic"
    assert (
        "newsparse: m: outlet 'moon.example': no outlet serves the URL's host 'moon.example': the "
        "generic outlet\n" in lines
    )
    assert "newsparse: m: read by plugin 'generic' without a layout\n" in lines


def test_the_layout_is_in_the_article_s_json(tmp_path: Path) -> None:
    from newsparse.convert import structure, unstructure

    plugin = _outlet_plugin("planet", "planet.example", layouts=(HtmlLayout("story page", body="div.story"),))
    host = PluginHost(entry_points=False, plugins=[("planet", plugin), ("generic", generic)])
    article = Pipeline(host).article(Page(content=PAGE, kind="html", source="page.html"))
    data = unstructure(article)
    assert data["layout"] == "story page"
    assert structure(data, Article) == article
    old = {k: v for k, v in data.items() if k != "layout"}  # a record written before the field
    assert structure(old, Article).layout is None


def test_a_byline_that_names_an_agency_is_the_agency_not_an_author() -> None:
    layout = HtmlLayout("story page", body="div.story", authors="p.by", remove="p.by")
    plugin = _outlet_plugin("planet", "planet.example", layouts=(layout,))
    host = PluginHost(entry_points=False, plugins=[("planet", plugin), ("generic", generic)])
    article = Pipeline(host).article(Page(content=PAGE, kind="html", source="page.html"))
    assert (article.authors, article.agency) == ((), "Reuters")
    person = PAGE.replace("By Reuters", "By Jane Doe")
    article = Pipeline(host).article(Page(content=person, kind="html", source="page.html"))
    assert (article.authors, article.agency) == (("By Jane Doe",), None)


def test_the_agency_field_reads_a_credit_line() -> None:
    page = PAGE.replace('<p class="by">By Reuters</p>', '<p class="src">Source: Agence France-Presse</p>')
    layout = HtmlLayout("story page", body="div.story", agency="p.src", remove="p.src")
    plugin = _outlet_plugin("planet", "planet.example", layouts=(layout,))
    host = PluginHost(entry_points=False, plugins=[("planet", plugin), ("generic", generic)])
    article = Pipeline(host).article(Page(content=page, kind="html", source="page.html"))
    assert article.agency == "AFP"
    assert not any("Source" in p for p in article.paragraphs)


_POOL_RUN = """
import sys
from importlib import metadata

broken = metadata.EntryPoint(name="aaa-broken", value="no_such_module_xyz", group="newsparse")
real = metadata.entry_points
metadata.entry_points = lambda **kw: [*real(**kw), broken] if kw.get("group") == "newsparse" else real(**kw)
from newsparse.cli import main

sys.exit(main(["articles", sys.argv[1], "--workers", "2", "--quiet"]))
"""


def test_a_pool_s_workers_do_not_repeat_the_load_failures(tmp_path: Path) -> None:
    """The CLI reports a broken plugin once; its worker processes load the same plugins again and
    must not print it once more each (the pool forks, so the broken entry point is theirs too)."""
    import multiprocessing
    import subprocess
    import sys

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched entry points reach the workers only when they are forked")
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    done = subprocess.run(
        [sys.executable, "-c", _POOL_RUN, str(seeds)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("aaa-broken failed to load") == 1, done.stderr


def test_a_page_whose_body_no_layout_finds_records_no_layout() -> None:
    """A redesign the plugin does not know: the body comes from the generic extractor, and the Article
    (and the trace) say no layout read it, rather than name one that did not fit."""
    layout = HtmlLayout("story page", body="div.story-v2")
    plugin = _outlet_plugin("planet", "planet.example", layouts=(layout,))
    lines: list[str] = []
    host = PluginHost(
        entry_points=False,
        plugins=[("planet", plugin), ("generic", generic)],
        trace=True,
        tracer=lines.append,
    )
    article = Pipeline(host).article(Page(content=PAGE, kind="html", source="page.html"))
    assert (article.plugin, article.layout) == ("planet", None)
    assert "newsparse: page.html: read by plugin 'planet' without a layout\n" in lines
    assert article.paragraphs[-1].startswith("Ferries will run every twenty minutes")
