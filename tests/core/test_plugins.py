"""Plugin loading through entry points, and the isolation of plugins that fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from newsparse import Article, Failure, Page, Pipeline, PluginHost, hookimpl
from newsparse.articles.outlets import Outlet
from newsparse.plugins.builtin import generic

CAPTURE = (
    "Daily Example\n\n" + "A long enough paragraph of story text that reads like prose and ends well. " * 2
)


def _module(name: str, **functions: object) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in functions.items():
        setattr(module, key, value)
    return module


def test_a_plugin_package_installed_with_pip_is_discovered_and_called(tmp_path: Path) -> None:
    """Build a throwaway distribution, pip-install it, and see its hook called through the entry point."""
    package = tmp_path / "np-example"
    (package / "src" / "np_example").mkdir(parents=True)
    (package / "pyproject.toml").write_text(
        textwrap.dedent(
            """
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"
            [project]
            name = "np-example"
            version = "9.1.2"
            [project.entry-points.newsparse]
            example = "np_example"
            [tool.hatch.build.targets.wheel]
            packages = ["src/np_example"]
            """
        )
    )
    (package / "src" / "np_example" / "__init__.py").write_text(
        textwrap.dedent(
            """
            from newsparse import Article, hookimpl
            from newsparse.articles.outlets import Outlet

            @hookimpl
            def newsparse_outlets():
                return [Outlet(id="daily-example", name="Daily Example", markers=("Daily Example",))]

            @hookimpl
            def newsparse_extract_article(page, outlet):
                if outlet.id == "daily-example":
                    return Article(source=page.source, outlet=outlet.id, plugin="?",
                                   title="from the example plugin", paragraphs=("body",))
            """
        )
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(package)],
        check=True, capture_output=True,
    )  # fmt: skip
    document = tmp_path / "page.txt"
    document.write_text(CAPTURE, encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import json, newsparse
        host = newsparse.PluginHost()
        info = {{i.name: [i.distribution, i.version, list(i.outlets)] for i in host.infos()}}
        article = newsparse.Pipeline(host).parse(newsparse.Page(content=open({str(document)!r}).read(),
                                                 kind="text", source="page.txt"))
        print(json.dumps({{"info": info, "title": article.title, "plugin": article.plugin}}))
        """
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(target), *sys.path]))
    done = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True, env=env)
    seen = json.loads(done.stdout)
    assert seen["info"]["example"] == ["np-example", "9.1.2", ["daily-example"]]
    assert seen["info"]["generic"][0] == "newsparse"
    assert seen["title"] == "from the example plugin"
    assert seen["plugin"] == "example"


def test_entry_points_are_loaded_in_sorted_order_and_can_be_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    host = PluginHost()
    assert "generic" in host.names
    assert list(host.names) == sorted(host.names)
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGINS", "generic, nothing-by-that-name")
    assert "generic" not in PluginHost().names


def test_a_raising_plugin_becomes_a_failure_naming_it_and_the_batch_goes_on() -> None:
    def extract(page: Page, outlet: Outlet) -> Article | None:
        if "explode" in page.text:
            raise RuntimeError("boom")
        return None

    broken = _module("broken", newsparse_extract_article=hookimpl(extract))
    host = PluginHost(entry_points=False, plugins=[("broken", broken), ("generic", generic)])
    pages = [
        Page(content=CAPTURE, kind="text", source="first"),
        Page(content=CAPTURE + "\nexplode", kind="text", source="second"),
        Page(content=CAPTURE, kind="text", source="third"),
    ]
    results = list(Pipeline(host).parse_many(pages))
    assert [type(r) for r in results] == [Article, Failure, Article]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.plugin == "broken"
    assert failure.source == "second"
    assert failure.stage == "extract"
    assert failure.error_type == "RuntimeError"
    assert "boom" in failure.message
    assert all(r.plugin == "generic" for r in results if isinstance(r, Article))


def test_a_raising_postprocessor_and_mention_plugin_are_named() -> None:
    def postprocess(article: Article, page: Page) -> Article:
        raise ValueError("bad tags")

    def mentions(article: Article) -> list[object]:
        raise KeyError("gazetteer")

    post = _module("post", newsparse_postprocess_article=hookimpl(postprocess))
    ment = _module("ment", newsparse_extract_mentions=hookimpl(mentions))
    result = Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic), ("post", post)])).result(
        Page(content=CAPTURE, kind="text", source="s")
    )
    assert isinstance(result, Failure)
    assert (result.plugin, result.stage, result.error_type) == ("post", "postprocess", "ValueError")
    pipeline = Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic), ("ment", ment)]))
    article = pipeline.parse(CAPTURE)
    found, failures = pipeline.mentions(article)
    assert found == []
    assert [(f.plugin, f.stage, f.error_type) for f in failures] == [("ment", "mentions", "KeyError")]


def test_a_plugin_that_fails_to_declare_outlets_is_isolated() -> None:
    def bad_outlets() -> list[str]:
        return ["not an outlet"]

    def good_outlets() -> list[Outlet]:
        return [Outlet(id="good", name="Good", markers=("Good marker",))]

    host = PluginHost(
        entry_points=False,
        plugins=[("bad", _module("bad", newsparse_outlets=hookimpl(bad_outlets))),
                 ("good", _module("good", newsparse_outlets=hookimpl(good_outlets)))],
    )  # fmt: skip
    assert [o.id for o in host.outlets()] == ["good"]
    assert host.outlets()[0].plugin == "good"
    assert [(f.plugin, f.stage) for f in host.load_failures] == [("bad", "outlets")]


def test_an_entry_point_that_fails_to_import_is_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    broken = metadata.EntryPoint(name="aaa-broken", value="no_such_module_xyz", group="newsparse")
    real = metadata.entry_points

    def fake_entry_points(**kwargs: object) -> object:
        found = list(real(**kwargs))  # type: ignore[arg-type]
        return [*found, broken] if kwargs.get("group") == "newsparse" else found

    monkeypatch.setattr(metadata, "entry_points", fake_entry_points)
    host = PluginHost()
    assert "generic" in host.names
    assert [(f.plugin, f.stage, f.error_type) for f in host.load_failures] == [
        ("aaa-broken", "load", "ModuleNotFoundError")
    ]
    # The library logs it (issue 17); the command line prints that log line once.
    import io

    from newsparse.cli import main

    err = io.StringIO()
    assert main(["plugins"], out=io.StringIO(), err=err) == 1
    assert [line for line in err.getvalue().splitlines() if "aaa-broken" in line] == [
        "newsparse: plugin aaa-broken failed to load: ModuleNotFoundError: "
        "No module named 'no_such_module_xyz'"
    ]


def test_tracing_reports_each_hook_call() -> None:
    lines: list[str] = []
    host = PluginHost(entry_points=False, plugins=[("generic", generic)], trace=True, tracer=lines.append)
    Pipeline(host).parse(CAPTURE)
    assert any("newsparse_extract_article [generic] -> Article" in line for line in lines)


def test_tryfirst_and_trylast_order_is_kept() -> None:
    calls: list[str] = []

    def make(name: str) -> object:
        def extract(page: Page, outlet: Outlet) -> None:
            calls.append(name)

        return extract

    host = PluginHost(
        entry_points=False,
        plugins=[
            ("a-last", _module("a", newsparse_extract_article=hookimpl(trylast=True)(make("a-last")))),
            ("b", _module("b", newsparse_extract_article=hookimpl(make("b")))),
            ("c", _module("c", newsparse_extract_article=hookimpl(make("c")))),
            ("d-first", _module("d", newsparse_extract_article=hookimpl(tryfirst=True)(make("d-first")))),
        ],
    )
    outcomes = list(host.call_each("newsparse_extract_article", page=None, outlet=None))
    assert calls == ["d-first", "b", "c", "a-last"]
    assert [o.plugin for o in outcomes] == calls
