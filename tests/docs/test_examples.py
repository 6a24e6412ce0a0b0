"""Every code example in the documentation runs, so the docs stay true.

Python blocks are executed (each one on its own: a block must be complete, imports included, and says
what it shows with ``assert``); ``console`` blocks run their ``newsparse`` commands through the CLI's
``main``; ``toml`` blocks must parse and name the real entry-point group. A block in any other language
fails: an example nothing checks is an example that can rot.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsparse import cli
from newsparse.plugins.host import ENTRY_POINT_GROUP

from .conftest import DOCS, ROOT
from .examples import Example, console_commands, examples, run_by

PAGES = sorted(p for p in DOCS.rglob("*.md") if "_scripts" not in p.parts)
EXAMPLES = [example for page in PAGES if run_by(page) is None for example in examples(page, ROOT)]


@pytest.mark.parametrize("page", [p for p in PAGES if run_by(p)], ids=lambda p: p.name)
def test_pages_run_elsewhere_name_a_test_that_exists(page: Path) -> None:
    runner = ROOT / str(run_by(page))
    assert runner.is_file() and page.name in runner.read_text(encoding="utf-8")


def test_the_docs_have_examples_of_each_kind() -> None:
    """Guards the collector itself: if it stopped finding blocks, every test below would vanish."""
    kinds = {example.lang for example in EXAMPLES}
    assert {"python", "console", "toml"} <= kinds
    assert len([e for e in EXAMPLES if e.lang == "python"]) >= 5


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_example_runs(example: Example, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)  # examples use paths such as seeds/... relative to the project
    if example.lang == "python":
        code = compile(example.code, example.name, "exec")
        exec(code, {"__name__": "__docs_example__"})
    elif example.lang == "console":
        _run_console(example, tmp_path)
    elif example.lang == "toml":
        _check_toml(example)
    elif example.lang == "text":
        _check_module_paths(example)
    else:
        pytest.fail(f"{example.name}: no test runs ```{example.lang or '(no language)'} blocks")


def _run_console(example: Example, tmp_path: Path) -> None:
    for command in console_commands(example.code):
        out, err = io.StringIO(), io.StringIO()
        status = cli.main(command.argv, out=out, err=err)
        assert status == 0, (
            f"{example.name}: newsparse {' '.join(command.argv)} -> {status}\n{err.getvalue()}"
        )
        if command.stdout_to is None:
            continue
        (tmp_path / command.stdout_to).write_text(out.getvalue(), encoding="utf-8")
        if command.stdout_to.endswith(".jsonl"):
            records = [json.loads(line) for line in out.getvalue().splitlines()]
            assert records and all(r["type"] in {"article", "failure"} for r in records)
        elif command.stdout_to.endswith(".json"):
            document = json.loads(out.getvalue())
            assert {"schema_version", "events", "articles", "failures"} <= document.keys()


def _check_toml(example: Example) -> None:
    if sys.version_info < (3, 11):
        pytest.skip("tomllib is in the standard library from Python 3.11")
    import tomllib  # type: ignore[import-not-found, unreachable, unused-ignore]

    data = tomllib.loads(example.code)
    entry_points = data["project"]["entry-points"]
    assert list(entry_points) == [ENTRY_POINT_GROUP]
    for target in entry_points[ENTRY_POINT_GROUP].values():
        assert all(part.isidentifier() for part in target.split(".")), target


def _check_module_paths(example: Example) -> None:
    """A ``text`` block is a drawing of the package (docs/architecture.md): every module or folder it
    names (``articles/outlets.py``, ``mentions/``) must exist under src/newsparse, so the drawing cannot
    drift from the tree."""
    import re

    package = ROOT / "src" / "newsparse"
    named = re.findall(r"(?<![\w./])((?:[a-z_]+/)*[a-z_]+\.py|(?:[a-z_]+/)+)(?![\w])", example.code)
    assert named, f"{example.name}: a text block that names no module"
    current: Path = package
    missing = []
    for name in named:
        # "capture/" under "articles/", "places.py" after "mentions/actors.py": a name may sit in the
        # folder of the name before it
        candidates = [current / name, package / name]
        found = next((c for c in candidates if c.exists()), None)
        if found is None:
            missing.append(name)
        else:
            current = found if found.is_dir() else found.parent
    assert not missing, f"{example.name}: names modules that do not exist: {missing}"
