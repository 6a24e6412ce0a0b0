"""The Python how-to's code type-checks with ``mypy --strict`` against the installed package: in
particular ``parse_many(iter_documents(...))``, whose walker yields Failures beside paths and pages
(issue 17). test_examples.py runs the same blocks; this test checks their types."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DOCS, ROOT
from .examples import examples

PAGE = DOCS / "python-how-to.md"


def _mypy(*files: Path) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(
        [
            "--config-file", str(ROOT / "pyproject.toml"),
            "--cache-dir", str(ROOT / ".mypy_cache"),
            "--no-error-summary",
            *map(str, files),
        ]
    )  # fmt: skip
    return out + err, status


def test_the_how_to_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    blocks = [e for e in examples(PAGE, ROOT) if e.lang == "python"]
    assert len(blocks) >= 4
    files = []
    for number, block in enumerate(blocks):
        path = tmp_path / f"how_to_{number}.py"
        path.write_text(block.code, encoding="utf-8")
        files.append(path)
    output, status = _mypy(*files)
    assert status == 0, output


def test_the_check_would_catch_a_walker_the_api_does_not_accept(tmp_path: Path) -> None:
    """Guards the test above: mypy does reject code that passes a wrong type to the API."""
    bad = tmp_path / "bad.py"
    bad.write_text("import newsparse\n\nnewsparse.parse_many([1, 2])\n", encoding="utf-8")
    output, status = _mypy(bad)
    assert status == 1 and "incompatible type" in output
