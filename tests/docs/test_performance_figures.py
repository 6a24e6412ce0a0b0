"""The performance page's one typed-in table (issue 14's targets) states the committed extraction results:
each row names where its figure is in ``benchmarks/results/extraction.json``, and the figure written
must be that value rounded to the decimals written. A re-run of the benchmark that changes a figure
fails here until the page says the new one."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from .conftest import DOCS, ROOT

RESULTS = ROOT / "benchmarks" / "results" / "extraction.json"
SYSTEMS = ("newsparse", "trafilatura")
NUMBER = re.compile(r"\d+\.\d+")


def _rows(text: str) -> list[list[str]]:
    """The rows of the table whose header is ``| target | path | newsparse | trafilatura | met |``."""
    lines = text.splitlines()
    start = lines.index("| target | path | newsparse | trafilatura | met |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _lookup(data: dict[str, Any], path: str) -> float:
    value: Any = data
    for key in path.split("."):
        value = value[key]
    assert isinstance(value, (int, float)), path
    return float(value)


def _check(cell: str, value: float, where: str) -> None:
    written = NUMBER.search(cell)
    assert written, f"{where}: no figure in {cell!r}"
    decimals = len(written.group().split(".")[1])
    shown = f"{value:.{decimals}f}"
    assert written.group() == shown, f"{where}: page says {written.group()}, results {value}"


def _check_rows(text: str, data: dict[str, Any]) -> int:
    rows = _rows(text)
    for target, path, *cells, _met in rows:
        path = path.strip("`")
        if "{system}" in path:
            for system, cell in zip(SYSTEMS, cells, strict=True):
                _check(cell, _lookup(data, path.format(system=system)), f"{target} ({system})")
        else:  # a ratio to the reference system: the newsparse column only
            _check(cells[0], _lookup(data, path), target)
    return len(rows)


@pytest.mark.skipif(not RESULTS.is_file(), reason="no committed extraction results")
def test_the_targets_table_states_the_committed_results() -> None:
    data = json.loads(RESULTS.read_text(encoding="utf-8"))
    assert _check_rows((DOCS / "performance.md").read_text(encoding="utf-8"), data) >= 10


def test_a_stale_figure_is_caught() -> None:
    data = {"news_metadata": {"newsparse": {"day": 0.9924}, "trafilatura": {"day": 0.985}}}
    header = "| target | path | newsparse | trafilatura | met |\n| --- | --- | --- | --- | --- |\n"
    good = header + "| day | `news_metadata.{system}.day` | 0.992 | 0.985 | yes |\n"
    assert _check_rows(good, data) == 1
    with pytest.raises(AssertionError, match=r"page says 0\.977"):
        _check_rows(header + "| day | `news_metadata.{system}.day` | 0.977 | 0.985 | no |\n", data)
