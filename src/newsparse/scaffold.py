"""``newsparse new-plugin NAME``: write a working outlet plugin package to start from.

The package is what a third party would publish: a distribution ``newsparse-NAME`` with one module
(``newsparse_NAME``, the outlet's data sheet), one entry point in the ``newsparse`` group naming its
``PLUGIN`` object, one example capture with the article expected from it, and a test that runs that
case through the installed plugins (so it proves the plugin is discovered) plus the boilerplate
property test. Its ``pyproject.toml`` configures ruff and ``mypy --strict`` as newsparse checks its
own plugins, and the package passes both as written. Every file is plain text the author edits;
nothing is generated at run time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from string import Template

from newsparse.errors import ScaffoldError

__all__ = ["ScaffoldError", "plugin_files", "write_plugin"]

_NAME = re.compile(r"[a-z][a-z0-9_]*")


_PYPROJECT = Template("""\
[build-system]
requires = ["hatchling>=1.18"]
build-backend = "hatchling.build"

[project]
name = "newsparse-$dist"
version = "0.1.0"
description = "newsparse outlet plugin for $title."
requires-python = ">=3.10"
dependencies = ["newsparse>=0.1"]

[project.optional-dependencies]
test = ["pytest>=7.4", "hypothesis>=6.90"]

# How newsparse finds the plugin: one entry point in the "newsparse" group, naming the plugin object.
[project.entry-points.newsparse]
$name = "newsparse_$name:PLUGIN"

[tool.hatch.build.targets.wheel]
packages = ["src/newsparse_$name"]

[tool.hatch.build]
# Editable installs put src/ on the path (a .pth file) and need no extra build dependency.
dev-mode-dirs = ["src"]

[tool.pytest.ini_options]
testpaths = ["tests"]

# The checks newsparse runs on its own plugins: ruff check, ruff format --check, mypy.
[tool.ruff]
line-length = 110
target-version = "py310"

[tool.ruff.lint]
select = ["E", "F", "W", "I", "B", "UP", "SIM", "RUF"]
# Captures are full of typographic dashes, quotes and bullets.
ignore = ["RUF001", "RUF002", "RUF003"]

[tool.mypy]
strict = true
mypy_path = "src"
files = ["src", "tests"]
""")

_MODULE = Template('''\
"""$title: what the outlet is, and what its captures and pages look like.

Written by ``newsparse new-plugin``. Edit the facts to match the outlet: open one of its pages, copy
it as text, and describe each piece that is not the story (see docs/writing-a-plugin.md).
"""

from __future__ import annotations

import re

from newsparse.outlet import (
    TRAILING_DASH_AGENCY,
    Block,
    CaptureProfile,
    Credits,
    DateRule,
    HtmlLayout,
    Outlet,
    OutletPlugin,
)

OUTLET = Outlet(
    id="$name",
    name="$title",
    domains=($domains),
    # Strings that give away a plain-text capture of the outlet (at least min_markers of them).
    markers=("© $title",),
    language="en",
    timezone="UTC",
)

# How the outlet credits agencies and photos, in its pages and its captures alike.
CREDITS = Credits(
    # "... the last sentence.- Reuters": the agency's sign-off, taken off the last paragraph.
    agencies=[TRAILING_DASH_AGENCY],
    # Agencies the core does not know, each spelling mapped to the name to report.
    extra_agencies={},
)

CAPTURE = CaptureProfile(
    # The first lines no rule claims, in order: here the headline.
    head=("title",),
    # Boilerplate: where each block starts, how it ends, and a real instance of it (its sample).
    blocks=[
        Block("menu", "Menu", end="run", placement="head", sample=("Menu", "  • News", "  • Sport")),
        Block("read-more link", re.compile(r"Read more: .+"), sample="Read more: Ferry fares to rise"),
        Block(
            "comments and the page's foot",
            "Comments are closed.",
            end="document",
            placement="tail",
            sample=("Comments are closed.", "© $title"),
        ),
    ],
    # A printed date and its formats; a format with an hour gives a time in the outlet's zone.
    dates=[DateRule(r"Published (?P<date>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})", ["%Y-%m-%d %H:%M"])],
)

# The outlet's HTML: selectors that refine what JSON-LD and OpenGraph already say.
LAYOUTS = (
    HtmlLayout(
        "article page",
        title="h1",
        body="article",
        remove=(".share", ".related"),
        tags=".tags a",
    ),
)

# The plugin: the object the entry point in pyproject.toml names.
PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=CAPTURE, layouts=LAYOUTS)
''')

_CAPTURE = Template("""\
Menu
  • News
  • Sport

Harbour council approves new ferry timetable

Published 2024-03-05 09:30

The harbour council approved a new ferry timetable on Tuesday after a month of public meetings.

Read more: Ferry fares to rise in spring

Ferries will run every twenty minutes at peak times from the first of April, the council said.- Reuters

Comments are closed.
© $title
""")

_TEST = Template('''\
"""The example case, read by the installed plugins, and the boilerplate property of this outlet."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from newsparse.models import Page
from newsparse.testing import Case, GeneratedCapture, capture_with_boilerplate, case_params, check_case

import newsparse_$name as outlet

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", case_params(CASES))
def test_case(case: Case) -> None:
    article = check_case(case)
    assert article.plugin == "$name"


@settings(max_examples=30, deadline=None)
@given(capture=capture_with_boilerplate(outlet.CAPTURE))
def test_boilerplate_never_reaches_the_body(capture: GeneratedCapture) -> None:
    page = Page(content=capture.text, kind="text", source="generated")
    article = outlet.PLUGIN.extract(page, outlet.OUTLET)
    assert article is not None
    assert article.paragraphs == capture.paragraphs
''')

_README = Template("""\
# newsparse-$dist

A newsparse outlet plugin for $title, written by `newsparse new-plugin`.

    pip install -e .
    newsparse plugins        # lists "$name"
    python -m pytest -q      # the example case and the boilerplate property

The outlet's data sheet is `src/newsparse_$name/__init__.py`. Add a case by putting a page and its
expected article (`NAME.expected.json`, written by reading the page) in `tests/cases/`.
""")


def _expected(name: str) -> str:
    article = {
        "outlet": name,
        "title": "Harbour council approves new ferry timetable",
        "published": "2024-03-05T09:30:00+00:00",
        "agency": "Reuters",
        "tags": [],
        "paragraphs": [
            "The harbour council approved a new ferry timetable on Tuesday after a month of public meetings.",
            "Ferries will run every twenty minutes at peak times from the first of April, the council said.",
        ],
    }
    return json.dumps({"article": article}, ensure_ascii=False, indent=2) + "\n"


def plugin_files(name: str, *, title: str | None = None, domains: Sequence[str] = ()) -> dict[str, str]:
    """The files of a new plugin package, by path relative to its folder."""
    if not _NAME.fullmatch(name):
        raise ScaffoldError(
            f"plugin name {name!r}: use lower-case letters, digits and underscores, starting with a letter"
        )
    title = title or name.replace("_", " ").title()
    if '"' in title or "\\" in title:
        raise ScaffoldError(f"outlet title {title!r}: no quotes or backslashes")
    fields = {
        "name": name,
        "dist": name.replace("_", "-"),
        "title": title,
        "domains": "".join(f'"{d.lower()}", ' for d in domains).rstrip(" "),
    }
    package = f"src/newsparse_{name}"
    return {
        "pyproject.toml": _PYPROJECT.substitute(fields),
        "README.md": _README.substitute(fields),
        f"{package}/__init__.py": _MODULE.substitute(fields),
        "tests/cases/example.txt": _CAPTURE.substitute(fields),
        "tests/cases/example.expected.json": _expected(name),
        f"tests/test_{name}.py": _TEST.substitute(fields),
    }


def write_plugin(
    name: str, directory: str | Path = ".", *, title: str | None = None, domains: Sequence[str] = ()
) -> Path:
    """Write the package ``newsparse-NAME`` into ``directory``; returns its folder. Never overwrites."""
    files = plugin_files(name, title=title, domains=domains)
    root = Path(directory) / f"newsparse-{name.replace('_', '-')}"
    if root.exists():
        raise ScaffoldError(f"{root} already exists; choose another name or directory")
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
