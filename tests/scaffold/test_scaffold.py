"""``newsparse new-plugin``: the package it writes is a working plugin with a passing case."""

from __future__ import annotations

import importlib
import importlib.util
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from newsparse.cli import main
from newsparse.pipeline import Pipeline
from newsparse.plugins.builtin import generic
from newsparse.plugins.host import PluginHost
from newsparse.scaffold import ScaffoldError, plugin_files, write_plugin
from newsparse.testing import check_case, load_cases


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


def test_the_module_declares_its_outlet_as_data(planet: tuple[Path, ModuleType]) -> None:
    _, module = planet
    assert module.OUTLET.id == "daily_planet"
    assert module.OUTLET.name == "Daily Planet"
    assert module.OUTLET.domains == ("dailyplanet.example",)
    assert all(block.sample for block in module.CAPTURE.blocks)


def test_its_example_case_passes_through_the_plugin_host(planet: tuple[Path, ModuleType]) -> None:
    root, module = planet
    host = PluginHost(entry_points=False, plugins=[("daily_planet", module.PLUGIN), ("generic", generic)])
    (case,) = load_cases(root / "tests" / "cases")
    article = check_case(case, Pipeline(host))
    assert article.plugin == "daily_planet" and article.agency == "Reuters"


def test_without_the_plugin_the_case_fails(planet: tuple[Path, ModuleType]) -> None:
    root, _ = planet
    host = PluginHost(entry_points=False, plugins=[("generic", generic)])
    (case,) = load_cases(root / "tests" / "cases")
    with pytest.raises(AssertionError, match='outlet: expected "daily_planet"'):
        check_case(case, Pipeline(host))


@pytest.mark.parametrize("name", ["Daily", "1planet", "daily-planet", "", "a b"])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(ScaffoldError, match="plugin name"):
        plugin_files(name)


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


def _run(module: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_the_package_passes_mypy_strict_as_written(tmp_path: Path) -> None:
    """The generated package type-checks under ``mypy --strict`` with its own configuration (which
    names src/ and tests/): an author starts from clean code, and the outlet API's types hold."""
    root = write_plugin("daily_planet", tmp_path, title="Daily Planet")
    assert "strict = true" in (root / "pyproject.toml").read_text(encoding="utf-8")
    done = _run("mypy", ["--no-incremental", "--cache-dir", os.devnull], root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues found in 2 source files" in done.stdout


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff is not installed")
def test_the_package_passes_ruff_as_written(tmp_path: Path) -> None:
    root = write_plugin("daily_planet", tmp_path, title="Daily Planet")
    for args in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        done = _run("ruff", args, root)
        assert done.returncode == 0, done.stdout + done.stderr
