"""``newsparse new-plugin``: the package it writes starts empty, changes nothing until it is filled in,
and is a working, installable, checkable plugin."""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from newsparse import scaffold
from newsparse.cli import main
from newsparse.inputs import page_from_path
from newsparse.models import Article, Page
from newsparse.outlet import HtmlLayout
from newsparse.pipeline import Pipeline
from newsparse.plugins.builtin import generic
from newsparse.plugins.host import PluginHost
from newsparse.scaffold import ScaffoldError, plugin_files, write_plugin
from newsparse.testing import load_cases

ROOT = Path(__file__).resolve().parents[2]
HTML_CASES = sorted((ROOT / "tests" / "outlets" / "cases").glob("*/*.html"))
REAL_PAGES = sorted((ROOT / "tests" / "outlets" / "real").glob("*/*.html.gz"))
PAGES = [*HTML_CASES, *REAL_PAGES, *sorted((ROOT / "seeds").glob("*.txt"))]
#: A CONSTRUCTED page whose <article> holds more than the story: the first scaffold's
#: HtmlLayout(body="article") pulled the newsletter box into the body.
BOXED = """<html><head><title>Harbour council approves ferry timetable</title></head><body>
<article><h1>Harbour council approves ferry timetable</h1>
<div class="newsletter"><p>Sign up for our morning newsletter and get the day's news in your inbox.</p></div>
<p>The harbour council approved a new ferry timetable on Tuesday after a month of public meetings,
its chair said in a statement to the press.</p>
<p>Ferries will run every twenty minutes at peak times from the first of April, the council said,
and the night service will keep its hourly boats.</p>
<div class="bio"><p>Jane Doe covers the harbour and the islands for the paper.</p></div>
</article></body></html>"""


@pytest.fixture
def planet(tmp_path: Path) -> Iterator[tuple[Path, ModuleType]]:
    root = write_plugin("daily_planet", tmp_path, title="Daily Planet", domains=["DailyPlanet.example"])
    sys.path.insert(0, str(root / "src"))
    try:
        yield root, importlib.import_module("newsparse_daily_planet")
    finally:
        sys.path.remove(str(root / "src"))
        sys.modules.pop("newsparse_daily_planet", None)


def test_the_package_has_its_entry_point_and_files(planet: tuple[Path, ModuleType]) -> None:
    root, _ = planet
    assert root.name == "newsparse-daily-planet"
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "newsparse-daily-planet"' in pyproject
    assert '[project.entry-points.newsparse]\ndaily_planet = "newsparse_daily_planet:PLUGIN"' in pyproject
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == sorted(
        plugin_files("daily_planet")
    )


def test_no_case_and_no_rule_is_invented(planet: tuple[Path, ModuleType]) -> None:
    root, module = planet
    assert load_cases(root / "tests" / "cases") == []
    assert module.OUTLET.domains == ("dailyplanet.example",) and module.OUTLET.markers == ()
    assert module.CAPTURE is None and module.LAYOUTS == ()
    assert module.CREDITS.agencies == () and module.CREDITS.captions == ()
    sheet = (root / "src" / "newsparse_daily_planet" / "__init__.py").read_text(encoding="utf-8")
    for invented in ("Menu", "• News", "Comments are closed.", "Read more"):
        assert invented not in sheet


def _without_plugin(article: Article) -> Article:
    return attrs.evolve(article, plugin="-")


@pytest.mark.parametrize(
    "page",
    [Page(content=BOXED, kind="html", source="boxed.html")] + [page_from_path(p) for p in PAGES],
    ids=lambda page: Path(page.source).name,
)
def test_the_untouched_plugin_reads_pages_as_the_generic_plugin(
    planet: tuple[Path, ModuleType], page: Page
) -> None:
    """Until its author fills it in, the plugin changes nothing: on HTML (which it reads) and on
    captures (which it leaves to the generic plugin) the article is the generic plugin's."""
    _, module = planet
    page = attrs.evolve(page, outlet="daily_planet")
    with_plugin = Pipeline(
        PluginHost(entry_points=False, plugins=[("daily_planet", module.PLUGIN), ("generic", generic)])
    ).article(page)
    generic_only = Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic)])).article(page)
    assert with_plugin.outlet == generic_only.outlet == "daily_planet"
    assert _without_plugin(with_plugin) == _without_plugin(generic_only)


def test_the_first_scaffold_s_layout_would_have_failed_that_test(planet: tuple[Path, ModuleType]) -> None:
    """The comparison above can fail: the layout the scaffold used to write pulls the newsletter box
    into the body, where the generic reading leaves it out."""
    _, module = planet
    old = attrs.evolve(module.PLUGIN, layouts=(HtmlLayout("article page", title="h1", body="article"),))
    page = Page(content=BOXED, kind="html", source="boxed.html", outlet="daily_planet")
    with_old = Pipeline(PluginHost(entry_points=False, plugins=[("daily_planet", old), ("generic", generic)]))
    generic_only = Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic)]))
    assert with_old.article(page).paragraphs[0].startswith("Sign up for our morning newsletter")
    assert not any("newsletter" in p for p in generic_only.article(page).paragraphs)


def _pytest(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["PYTHONPATH"] = str(root / "src")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_generated_tests_skip_what_an_html_only_outlet_lacks(tmp_path: Path) -> None:
    """capture=None (the scaffold's start, and any HTML-only outlet): the capture property is skipped,
    not an error at collection; so is the HTML property without layouts; no case yet is a skip that
    says how to add one."""
    root = write_plugin("daily_planet", tmp_path, taken=())
    done = _pytest(root, "-rs", "-k", "not installed")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 skipped" in done.stdout, done.stdout
    assert "no capture profile" in done.stdout and "newsparse new-case" in done.stdout, done.stdout
    assert "no HTML layout" in done.stdout, done.stdout


@pytest.mark.parametrize(
    "layout, outcome",
    [
        ('HtmlLayout("article page", body="div.story", remove=(".newsletter", "aside"))', "1 passed"),
        ('HtmlLayout("article page", body="div[itemprop=articleBody]")', "1 failed"),
    ],
    ids=["built", "cannot-be-built"],
)
def test_an_html_only_outlet_s_layout_runs_the_html_property(
    tmp_path: Path, layout: str, outcome: str
) -> None:
    """capture=None and a layout: the HTML property runs on pages built from the layout's selectors;
    a layout whose body cannot be built fails it, naming the layout, rather than skip it."""
    root = write_plugin("daily_planet", tmp_path, taken=())
    sheet = root / "src" / "newsparse_daily_planet" / "__init__.py"
    text = sheet.read_text(encoding="utf-8").replace(
        "LAYOUTS: tuple[HtmlLayout, ...] = ()", f"LAYOUTS: tuple[HtmlLayout, ...] = ({layout},)"
    )
    sheet.write_text(text, encoding="utf-8")
    done = _pytest(root, "-k", "html_boilerplate")
    assert outcome in done.stdout, done.stdout + done.stderr
    if outcome == "1 failed":
        assert "LayoutError" in done.stdout and "'article page'" in done.stdout, done.stdout


def test_a_filled_capture_profile_runs_the_property(tmp_path: Path) -> None:
    root = write_plugin("daily_planet", tmp_path, taken=())
    sheet = root / "src" / "newsparse_daily_planet" / "__init__.py"
    text = sheet.read_text(encoding="utf-8").replace(
        "CAPTURE: CaptureProfile | None = None",
        "from newsparse.outlet import Block\n\nCAPTURE: CaptureProfile | None = CaptureProfile(\n"
        '    blocks=[Block("share bar", "Share this story", sample="Share this story")]\n)',
    )
    sheet.write_text(text, encoding="utf-8")
    done = _pytest(root, "-k", "boilerplate")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout, done.stdout


def test_its_tox_installs_the_test_extra_itself() -> None:
    tox = plugin_files("planet", requirement="newsparse")["tox.ini"]
    assert "extras = test" in tox and "commands = pytest" in tox


@pytest.mark.parametrize(
    "direct_url, requirement",
    [
        (
            {"url": "file:///src/newsparse", "dir_info": {"editable": True}},
            "newsparse @ file:///src/newsparse",
        ),
        (
            {"url": "https://example.org/newsparse.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
            "newsparse @ git+https://example.org/newsparse.git@abc123",
        ),
        (None, "newsparse>=0.1.0"),
    ],
)
def test_the_dependency_is_newsparse_as_it_was_installed(
    monkeypatch: pytest.MonkeyPatch, direct_url: dict[str, object] | None, requirement: str
) -> None:
    class Dist:
        version = "0.1.0"

        def read_text(self, name: str) -> str | None:
            return json.dumps(direct_url) if direct_url is not None and name == "direct_url.json" else None

    monkeypatch.setattr(scaffold.metadata, "distribution", lambda name: Dist())
    assert scaffold.newsparse_requirement() == requirement
    pyproject = tomllib.loads(plugin_files("planet")["pyproject.toml"])
    assert pyproject["project"]["dependencies"] == [requirement]
    assert pyproject["tool"]["hatch"]["metadata"]["allow-direct-references"] is True


def test_a_given_requirement_is_used_and_checked() -> None:
    spec = "newsparse @ git+https://example.org/newsparse.git"
    pyproject = tomllib.loads(plugin_files("planet", requirement=spec)["pyproject.toml"])
    assert pyproject["project"]["dependencies"] == [spec]
    with pytest.raises(ScaffoldError, match="requirement"):
        plugin_files("planet", requirement='newsparse"]\nevil = ["x')


@pytest.mark.parametrize(
    "domain",
    ['x.example", ); import os; os.system("true"); ("', "not a domain", "localhost", "a..b", "-x.example"],
)
def test_a_domain_that_is_not_a_host_name_is_refused(domain: str) -> None:
    with pytest.raises(ScaffoldError, match="not a host name"):
        plugin_files("planet", domains=[domain], requirement="newsparse")


def test_domains_are_written_as_python_literals() -> None:
    domains = ["www.Planet.example", "news.planet.example"]
    files = plugin_files("planet", domains=domains, requirement="newsparse")
    namespace: dict[str, object] = {}
    exec(compile(files["src/newsparse_planet/__init__.py"], "sheet", "exec"), namespace)
    assert namespace["OUTLET"].domains == ("planet.example", "news.planet.example")  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["Daily", "1planet", "daily-planet", "", "a b"])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(ScaffoldError, match="plugin name"):
        plugin_files(name)


@pytest.mark.parametrize("name", ["generic", "mentions", "thestar"])
def test_an_installed_plugin_s_name_is_refused(tmp_path: Path, name: str) -> None:
    err = io.StringIO()
    assert main(["new-plugin", name, "--directory", str(tmp_path)], out=io.StringIO(), err=err) == 2
    assert f"plugin name {name!r} is already taken" in err.getvalue()
    assert not any(tmp_path.iterdir())


def test_an_existing_folder_is_never_overwritten(tmp_path: Path) -> None:
    write_plugin("planet", tmp_path)
    marker = tmp_path / "newsparse-planet" / "pyproject.toml"
    marker.write_text("mine", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        write_plugin("planet", tmp_path)
    assert marker.read_text(encoding="utf-8") == "mine"


def test_the_command_line(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["new-plugin", "planet", "--directory", str(tmp_path)], out=out, err=err) == 0
    assert out.getvalue().strip() == str(tmp_path / "newsparse-planet")
    assert main(["new-plugin", "planet", "--directory", str(tmp_path)], out=out, err=err) == 2
    assert main(["new-plugin", "Planet!", "--directory", str(tmp_path)], out=out, err=err) == 2
    assert "newsparse: error: plugin name 'Planet!'" in err.getvalue()
    args = ["new-plugin", "moon", "--directory", str(tmp_path), "--domain", 'moon.example"]']
    assert main(args, out=out, err=err) == 2
    assert "not a host name" in err.getvalue() and not (tmp_path / "newsparse-moon").exists()


def _run(module: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_the_package_passes_mypy_strict_as_written(tmp_path: Path) -> None:
    """The generated package type-checks under ``mypy --strict`` with its own configuration (which
    names src/ and tests/): an author starts from clean code, and the outlet API's types hold."""
    root = write_plugin("daily_planet", tmp_path, title="Daily Planet", domains=["dailyplanet.example"])
    assert "strict = true" in (root / "pyproject.toml").read_text(encoding="utf-8")
    done = _run("mypy", ["--no-incremental", "--cache-dir", os.devnull], root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues found in 2 source files" in done.stdout


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff is not installed")
def test_the_package_passes_ruff_as_written(tmp_path: Path) -> None:
    root = write_plugin("daily_planet", tmp_path, title="Daily Planet", domains=["dailyplanet.example"])
    for args in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        done = _run("ruff", args, root)
        assert done.returncode == 0, done.stdout + done.stderr
