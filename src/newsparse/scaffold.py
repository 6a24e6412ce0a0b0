"""``newsparse new-plugin NAME``: write an outlet plugin package to start from.

The package is what a third party would publish: a distribution ``newsparse-NAME`` with one module
(``newsparse_NAME``, the outlet's data sheet), one entry point in the ``newsparse`` group naming its
``PLUGIN`` object, an empty ``tests/cases/`` folder, and tests: every case through the installed
plugins, that the plugin is installed, and the boilerplate properties of its capture profile and of
its HTML layouts.

The data sheet starts empty: no layout, no capture profile, no credit rules, each shown in comments.
Untouched, the plugin reads every page exactly as the generic plugin does (a test checks it), so it
can only get better as the author fills it from real pages; no rule or example case is invented. Its
``pyproject.toml`` depends on newsparse the way this newsparse was installed (a checkout's path, a git
URL, or a version from an index: :func:`newsparse_requirement`), and configures ruff and ``mypy
--strict`` as newsparse checks its own plugins; the package passes both as written, and its
``tox.ini`` installs it with its test extra. Every file is plain text the author edits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from string import Template

from newsparse.errors import ScaffoldError

__all__ = ["ScaffoldError", "installed_names", "newsparse_requirement", "plugin_files", "write_plugin"]

_NAME = re.compile(r"[a-z][a-z0-9_]*")
#: A host name: dot-separated labels of letters, digits and inner hyphens, ending in a letter label.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"(?=.{{1,253}}$)(?:{_LABEL}\.)+[a-z](?:[a-z0-9-]{{0,61}}[a-z0-9])?")


_PYPROJECT = Template("""\
[build-system]
requires = ["hatchling>=1.18"]
build-backend = "hatchling.build"

[project]
name = "newsparse-$dist"
version = "0.1.0"
description = "newsparse outlet plugin for $title."
requires-python = ">=3.10"
# newsparse is not on PyPI: this names it the way it was installed when the package was written
# (`newsparse new-plugin --newsparse SPEC` chose another; see the README).
dependencies = [$requirement]

[project.optional-dependencies]
test = ["pytest>=7.4", "hypothesis>=6.90"]

# How newsparse finds the plugin: one entry point in the "newsparse" group, naming the plugin object.
[project.entry-points.newsparse]
$name = "newsparse_$name:PLUGIN"

[tool.hatch.metadata]
# Lets the dependency above be a path or a git URL.
allow-direct-references = true

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

_TOX = Template("""\
# `tox` installs the package with its test extra (and newsparse with it) and runs the tests.
[tox]
env_list = py3
skip_missing_interpreters = true

[testenv]
extras = test
commands = pytest -q {posargs}
""")

_MODULE = Template('''\
"""$title: what the outlet is, and what its pages look like.

Written by ``newsparse new-plugin``. As written it reads every page exactly as the generic plugin
does: fill it in from real pages, one case at a time (see docs/writing-a-plugin.md). Save a page in
tests/cases/, run ``newsparse new-case tests/cases/PAGE``, correct the draft by reading the page, then
describe what the generic reading got wrong.
"""

from __future__ import annotations

from newsparse.outlet import CaptureProfile, Credits, HtmlLayout, Outlet, OutletPlugin

OUTLET = Outlet(
    id="$name",
    name="$title",
    # Pages whose URL (or canonical link) is on these domains are this outlet's.
    domains=($domains),
    # Strings that give away a plain-text capture of the outlet without a URL (a masthead, a widget's
    # label), copied from real captures: markers=("...",).
    markers=(),
    language=None,
    # The IANA zone the outlet prints its times in, e.g. "Asia/Kolkata"; None: times without a zone
    # are read as UTC.
    timezone=None,
)

# How the outlet credits agencies and photos, in its pages and its captures alike. For example, an
# outlet that signs agency copy off "...the last sentence.- Reuters":
#     from newsparse.outlet import TRAILING_DASH_AGENCY
#     CREDITS = Credits(agencies=[TRAILING_DASH_AGENCY])
CREDITS = Credits()

# Its plain-text captures. None: captures are read by the generic plugin. To describe them, copy
# lines from a real capture; every block needs a sample, which the property test uses:
#     from newsparse.outlet import Block, DateRule
#     CAPTURE = CaptureProfile(
#         head=("title",),
#         blocks=[Block("the block's name", "its first line", end="line", sample="its first line")],
#         dates=[DateRule(r"Updated: (?P<date>.+)", ["%d %B %Y %H:%M"])],
#     )
CAPTURE: CaptureProfile | None = None

# Its HTML designs, newest first: CSS selectors that refine what JSON-LD and OpenGraph already say.
# None: its HTML is read by the generic body extractor. Each field is listed, with an example, in
# docs/writing-a-plugin.md; for example:
#     HtmlLayout("article page", body="div.article-body", remove=(".newsletter", ".related"))
LAYOUTS: tuple[HtmlLayout, ...] = ()

# The plugin: the object the entry point in pyproject.toml names.
PLUGIN = OutletPlugin(outlet=OUTLET, credits=CREDITS, capture=CAPTURE, layouts=LAYOUTS)
''')

_TEST = Template('''\
"""This outlet's cases, read by the installed plugins, and the boilerplate properties of its captures
and of its HTML layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from newsparse.models import Page
from newsparse.plugins.host import PluginHost
from newsparse.testing import (
    Case,
    GeneratedCapture,
    GeneratedHtmlPage,
    capture_with_boilerplate,
    case_params,
    check_case,
    html_with_boilerplate,
)

import newsparse_$name as outlet

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("case", case_params(CASES))
def test_case(case: Case) -> None:
    article = check_case(case)
    assert article.outlet == "$name"


def test_the_plugin_is_installed() -> None:
    host = PluginHost()
    assert "$name" in host.names, host.load_failures


@pytest.mark.skipif(outlet.CAPTURE is None, reason="no capture profile: captures go to the generic plugin")
@settings(max_examples=30, deadline=None)
@given(capture=capture_with_boilerplate(outlet.CAPTURE))
def test_boilerplate_never_reaches_the_body(capture: GeneratedCapture) -> None:
    page = Page(content=capture.text, kind="text", source="generated")
    article = outlet.PLUGIN.extract(page, outlet.OUTLET)
    assert article is not None
    assert article.paragraphs == capture.paragraphs


@pytest.mark.skipif(not outlet.LAYOUTS, reason="no HTML layout: its pages go to the generic body extractor")
@settings(max_examples=30, deadline=None)
@given(page=html_with_boilerplate(outlet.LAYOUTS))
def test_html_boilerplate_never_reaches_the_body(page: GeneratedHtmlPage) -> None:
    """A page built from a layout's selectors, its remove selectors' boilerplate between the paragraphs."""
    article = outlet.PLUGIN.extract(Page(content=page.html, kind="html", source="generated"), outlet.OUTLET)
    assert article is not None
    assert article.layout == page.layout
    assert article.paragraphs == page.paragraphs
''')

_CASES_README = """\
Cases: a page of the outlet (NAME.html, NAME.txt, ...) and the article a reader expects from it
(NAME.expected.json). `newsparse new-case NAME.html` writes a draft of the expected file from what the
plugins give today, marked "draft": the tests refuse it until you have read the page, corrected every
field and deleted the "draft" key.
"""

_README = Template("""\
# newsparse-$dist

A newsparse outlet plugin for $title, written by `newsparse new-plugin`.

newsparse is not on PyPI. `pyproject.toml` depends on it as it was installed when this package was
written ($requirement); to use another copy, edit that line, e.g.
`"newsparse @ git+https://example.org/newsparse.git"` or `"newsparse @ file:///path/to/newsparse"`.

    pip install -e '.[test]'
    newsparse plugins        # lists "$name"
    python -m pytest -q      # or: tox (installs the package with its test extra itself)

The outlet's data sheet is `src/newsparse_$name/__init__.py`; as written it reads pages as the
generic plugin does. Add a case by saving a page in `tests/cases/` and running
`newsparse new-case tests/cases/PAGE`, then correct the draft by reading the page.
""")


def newsparse_requirement() -> str:
    """How a plugin outside this repository depends on newsparse: as the running newsparse was
    installed (PEP 610's ``direct_url.json``): ``newsparse @ file:///...`` for a checkout,
    ``newsparse @ git+URL@COMMIT`` for a git URL, else ``newsparse>=VERSION`` from an index."""
    try:
        dist = metadata.distribution("newsparse")
    except metadata.PackageNotFoundError:
        return "newsparse"
    raw = dist.read_text("direct_url.json")
    try:
        direct = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        direct = {}
    url = direct.get("url") if isinstance(direct, dict) else None
    if isinstance(url, str) and url:
        vcs = direct.get("vcs_info")
        if isinstance(vcs, dict) and vcs.get("vcs") == "git":
            commit = vcs.get("commit_id")
            return f"newsparse @ git+{url}@{commit}" if commit else f"newsparse @ git+{url}"
        return f"newsparse @ {url}"
    return f"newsparse>={dist.version}"


def installed_names() -> frozenset[str]:
    """The names a new plugin may not take: every installed entry point of the ``newsparse`` group and
    the generic outlet's id (a plugin of the same name would be shadowed, or shadow it, silently)."""
    from newsparse.articles.outlets import GENERIC_ID
    from newsparse.plugins.host import ENTRY_POINT_GROUP

    return frozenset(ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)) | {GENERIC_ID}


def _domain(text: str) -> str:
    domain = text.strip().lower().rstrip(".")
    domain = domain[4:] if domain.startswith("www.") else domain
    if not _DOMAIN.fullmatch(domain):
        raise ScaffoldError(
            f"domain {text!r}: not a host name (write it as example.com: letters, digits, hyphens and dots)"
        )
    return domain


def _requirement(text: str) -> str:
    if not text.strip() or any(c in text for c in '"\\\n\r'):
        raise ScaffoldError(f"newsparse requirement {text!r}: no quotes, backslashes or line breaks")
    return text.strip()


def plugin_files(
    name: str,
    *,
    title: str | None = None,
    domains: Sequence[str] = (),
    requirement: str | None = None,
) -> dict[str, str]:
    """The files of a new plugin package, by path relative to its folder. ``requirement`` is how it
    depends on newsparse (default: :func:`newsparse_requirement`)."""
    if not _NAME.fullmatch(name):
        raise ScaffoldError(
            f"plugin name {name!r}: use lower-case letters, digits and underscores, starting with a letter"
        )
    title = title or name.replace("_", " ").title()
    if any(c in title for c in '"\\\n\r'):
        raise ScaffoldError(f"outlet title {title!r}: no quotes, backslashes or line breaks")
    # Pasted into Python source: each domain is checked to be a host name, then quoted as a literal.
    hosts = [_domain(d) for d in domains]
    fields = {
        "name": name,
        "dist": name.replace("_", "-"),
        "title": title,
        "domains": "".join(json.dumps(host) + ", " for host in hosts).rstrip(" "),
        "requirement": json.dumps(_requirement(requirement or newsparse_requirement())),
    }
    package = f"src/newsparse_{name}"
    return {
        "pyproject.toml": _PYPROJECT.substitute(fields),
        "tox.ini": _TOX.substitute(fields),
        "README.md": _README.substitute(fields),
        f"{package}/__init__.py": _MODULE.substitute(fields),
        "tests/cases/README.md": _CASES_README,
        f"tests/test_{name}.py": _TEST.substitute(fields),
    }


def write_plugin(
    name: str,
    directory: str | Path = ".",
    *,
    title: str | None = None,
    domains: Sequence[str] = (),
    requirement: str | None = None,
    taken: Iterable[str] | None = None,
) -> Path:
    """Write the package ``newsparse-NAME`` into ``directory``; returns its folder. Never overwrites,
    and refuses a name already ``taken`` (default: :func:`installed_names`)."""
    taken = installed_names() if taken is None else frozenset(taken)
    if name in taken:
        raise ScaffoldError(
            f"plugin name {name!r} is already taken by an installed plugin (or the generic outlet): "
            "choose another, or the two would shadow each other"
        )
    files = plugin_files(name, title=title, domains=domains, requirement=requirement)
    root = Path(directory) / f"newsparse-{name.replace('_', '-')}"
    if root.exists():
        raise ScaffoldError(f"{root} already exists; choose another name or directory")
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
