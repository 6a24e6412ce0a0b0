"""The site builds in strict mode: a broken link, a missing page or an unresolved reference fails.

``tox -e docs`` is where this runs for real; here it runs only where mkdocs is installed (the docs
extra), and is skipped cleanly elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytest.importorskip("mkdocs")
pytest.importorskip("mkdocstrings_handlers.python")
pytest.importorskip("material")


def test_strict_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (site / "hooks" / "index.html").is_file()
    assert (site / "reference" / "api" / "newsparse.models" / "index.html").is_file()
    cli_page = (site / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    assert "--workers" in cli_page
    shutil.rmtree(site)
