"""Reference text generated from the code itself, so the documentation cannot drift from it.

Pages hold directives in HTML comments, e.g. ``<!-- newsparse: cli -->``; :func:`expand` replaces each
with Markdown built from the live objects: the CLI's own argparse help, the hookspecs' docstrings, the
attrs fields of the models, the record types of the converter, the benchmark results. This module
imports only newsparse and the standard library, so the test suite can check it without mkdocs; the mkdocs
hook (``mkdocs_hooks.py``) only wires it into the build.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import json
import pkgutil
import re
import types
import typing
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

import newsparse
from newsparse import cli, convert, models
from newsparse._moved import MOVED
from newsparse.plugins import hookspecs

__all__ = [
    "DocsError",
    "benchmark_markdown",
    "cli_markdown",
    "expand",
    "fields_markdown",
    "hooks_markdown",
    "markdown_roles",
    "record_types_markdown",
]

ROOT = Path(__file__).resolve().parents[2]
#: Width the CLI help is wrapped to: fixed, so the page does not depend on the terminal that built it.
HELP_WIDTH = 88


class DocsError(Exception):
    """A directive the generator cannot honour: the build must fail rather than publish a wrong page."""


# -- Sphinx-style roles in docstrings -> Markdown ------------------------------------------------------

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|data|attr|mod|exc|obj):`(~?)([^`]+)`")


def markdown_roles(text: str, resolve: Callable[[str], str | None]) -> str:
    """Turn ``:class:`x.y.Z``` roles into autorefs links ``[`Z`][x.y.Z]`` where ``resolve`` knows the
    target (it returns the canonical dotted path, or None), and into plain code otherwise: a link to an
    object the reference does not render would break the strict build."""

    def replace(match: re.Match[str]) -> str:
        short, target = match.group(1) == "~", match.group(2).strip()
        shown = target.rsplit(".", 1)[-1] if short else target
        path = resolve(target)
        return f"[`{shown}`][{path}]" if path else f"`{shown}`"

    return _ROLE.sub(replace, text)


def resolve_newsparse(target: str) -> str | None:
    """The canonical path of a ``newsparse`` object named in full or by its top-level name."""
    if target.startswith("newsparse."):
        return target
    if target in getattr(newsparse, "__all__", ()):
        obj = getattr(newsparse, target)
        module = getattr(obj, "__module__", None)
        if module and module.startswith("newsparse") and hasattr(obj, "__qualname__"):
            return f"{module}.{obj.__qualname__}"
        return _defining_module(target, obj) or f"newsparse.{target}"
    return None


def _defining_module(name: str, obj: Any) -> str | None:
    """For a re-exported value without ``__qualname__`` (``hookimpl``): the submodule that exports it,
    which is where the API reference renders it; the deepest one, since packages re-export too."""
    found = [
        module_name
        for module_name in api_modules()[1:]
        if name in getattr(importlib.import_module(module_name), "__all__", ())
        and getattr(importlib.import_module(module_name), name, None) is obj
    ]
    return f"{max(found, key=lambda m: m.count('.'))}.{name}" if found else None


# -- the CLI -----------------------------------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse offers no public way to list subparsers
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _help_text(parser: argparse.ArgumentParser) -> str:
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=HELP_WIDTH)
    return parser.format_help().rstrip()


def cli_markdown(parser: argparse.ArgumentParser | None = None) -> str:
    """One section per command, each holding exactly what ``--help`` prints."""
    parser = parser or cli.build_parser()
    sections = [f"## `{parser.prog}`\n\n```text\n{_help_text(parser)}\n```"]
    for name, sub in _subcommands(parser).items():
        sections.append(f"## `{parser.prog} {name}`\n\n```text\n{_help_text(sub)}\n```")
    return "\n\n".join(sections)


# -- the hooks ---------------------------------------------------------------------------------------


def hookspec_functions() -> list[Callable[..., Any]]:
    """Every hook specification in :mod:`newsparse.plugins.hookspecs`, in the order they are defined."""
    marker = f"{hookspecs.PROJECT}_spec"
    found = [obj for obj in vars(hookspecs).values() if inspect.isfunction(obj) and hasattr(obj, marker)]
    return sorted(found, key=lambda f: f.__code__.co_firstlineno)


class _Annotation:
    """An annotation written as its source text: ``inspect`` would quote a string annotation."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _plain_signature(function: Callable[..., Any]) -> inspect.Signature:
    """The signature as written in the source (the hookspecs use postponed annotations, which are strings)."""
    signature = inspect.signature(function)

    def plain(annotation: Any) -> Any:
        return _Annotation(annotation) if isinstance(annotation, str) else annotation

    parameters = [p.replace(annotation=plain(p.annotation)) for p in signature.parameters.values()]
    return signature.replace(parameters=parameters, return_annotation=plain(signature.return_annotation))


def hooks_markdown() -> str:
    """One section per hook: its signature, how results combine, and its docstring."""
    marker = f"{hookspecs.PROJECT}_spec"
    sections = []
    for function in hookspec_functions():
        options = getattr(function, marker)
        doc = inspect.getdoc(function)
        if not doc:
            raise DocsError(f"hook {function.__name__} has no docstring")
        combine = (
            "**first result wins**: the first implementation that returns something other than `None` "
            "ends the call"
            if options.get("firstresult")
            else "**all implementations run**: the core combines their results as described below"
        )
        signature = f"def {function.__name__}{_plain_signature(function)}: ..."
        sections.append(
            f"## `{function.__name__}`\n\n"
            f"```python\n@hookimpl\n{signature}\n```\n\n"
            f"Results: {combine}.\n\n{markdown_roles(doc, resolve_newsparse)}"
        )
    return "\n\n".join(sections)


# -- the models --------------------------------------------------------------------------------------

_NONE = type(None)


def _json_type(tp: Any) -> str:
    """How a field of this Python type is written in the JSON contract."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if set(args) == {str, bytes}:
            return 'string, or `{"base64": string}` for bytes'
        rest = [a for a in args if a is not _NONE]
        kinds = " or ".join(_json_type(a) for a in rest)
        return f"{kinds} or `null`" if _NONE in args else kinds
    if origin is tuple:
        return f"list of {_json_type(args[0])}"
    if tp is models.When:
        return "ISO 8601 string at its precision"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of " + ", ".join(f'`"{member.value}"`' for member in tp)
    if tp is str:
        return "string"
    if tp is int:
        return "integer"
    if isinstance(tp, type) and attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()}) object"
    raise DocsError(f"no JSON form known for {tp!r}")


def _default(field: attrs.Attribute[Any]) -> str:
    if field.default is attrs.NOTHING:
        return "required"
    return f"`{field.default!r}`"


_DESCRIPTION = re.compile(r"^\s*([A-Za-z_]\w*)\s*:\s*(.+?)\s*$")


def parse_descriptions(text: str) -> dict[str, str]:
    """``name: description`` lines (a description may continue on indented lines) as a dict."""
    found: dict[str, str] = {}
    last: str | None = None
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _DESCRIPTION.match(line)
        if match and not line[:1].isspace():
            last = match.group(1)
            if last in found:
                raise DocsError(f"field {last!r} is described twice")
            found[last] = match.group(2)
        elif last is not None and line[:1].isspace():
            found[last] += " " + line.strip()
        else:
            raise DocsError(f"cannot read field description line {line!r}")
    return found


_FIELD_LINE = re.compile(r"^\s+([A-Za-z_]\w*)\s*:")


def field_comments(cls: type) -> dict[str, str]:
    """The ``#:`` comments written just above each field in the model's source, by field name.

    Whoever adds a field documents it where it is defined; the page may still say it differently."""
    found: dict[str, str] = {}
    comment: list[str] = []
    for line in inspect.getsource(cls).splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            comment.append(stripped[2:].strip())
            continue
        match = _FIELD_LINE.match(line)
        if match and comment:
            found[match.group(1)] = " ".join(comment)
        comment = []
    return found


_IVAR = re.compile(r"^:ivar\s+([A-Za-z_]\w*)\s*:\s*(.*)$")


def field_docs(cls: type) -> dict[str, str]:
    """The ``:ivar name: meaning`` lines of the model's docstring (a meaning may continue on indented
    lines), by field name: what ``help(cls)`` shows and mkdocstrings renders as the class's attributes."""
    found: dict[str, str] = {}
    last: str | None = None
    for line in (inspect.getdoc(cls) or "").splitlines():
        match = _IVAR.match(line)
        if match:
            last = match.group(1)
            found[last] = match.group(2).strip()
        elif last is not None and line[:1].isspace() and line.strip():
            found[last] += " " + line.strip()
        else:
            last = None
    return found


def fields_markdown(cls: type, descriptions: dict[str, str]) -> str:
    """A table of every attrs field of ``cls``: name, Python type, JSON form, default, description.

    A field's description comes from the page's directive, else from the ``:ivar`` line of the model's
    docstring (see :func:`field_docs`), else from a ``#:`` comment above the field. Every field needs
    one and every description on the page a field, so adding a field without documenting it (or
    removing one and leaving its description) fails the build."""
    fields = attrs.fields(cls)
    hints = typing.get_type_hints(cls)
    names = [f.name for f in fields]
    descriptions = {**field_comments(cls), **field_docs(cls), **descriptions}
    missing = [name for name in names if name not in descriptions]
    unknown = [name for name in descriptions if name not in names]
    if missing:
        raise DocsError(f"{cls.__name__}: no description for field(s) {', '.join(missing)}")
    if unknown:
        raise DocsError(f"{cls.__name__}: description of unknown field(s) {', '.join(unknown)}")
    rows = [
        "| field | Python type | JSON | default | meaning |",
        "| --- | --- | --- | --- | --- |",
    ]
    for field in fields:
        python_type = str(field.type).replace("|", "\\|")
        json_type = _json_type(hints[field.name]).replace("|", "\\|")
        rows.append(
            f"| `{field.name}` | `{python_type}` | {json_type} | {_default(field)} | "
            f"{markdown_roles(descriptions[field.name], resolve_newsparse)} |"
        )
    return "\n".join(rows)


def record_types_markdown() -> str:
    """The ``type`` each model's record carries in the JSON contract."""
    rows = ["| model | `type` |", "| --- | --- |"]
    rows += [
        f"| [{cls.__name__}](#{cls.__name__.lower()}) | `{name}` |"
        for cls, name in convert.RECORD_TYPES.items()
    ]
    return "\n".join(rows)


# -- the benchmark -----------------------------------------------------------------------------------
#
# ``python -m benchmarks`` writes one ``benchmarks/results/<section>.json`` per section: top-level facts
# (page count, reference system, ``meta`` with the date and Python) and a table of records keyed by
# system, whose values may nest (``{"all": {"f1": ...}, "even": {...}}``). The page's directive names the
# file and, as data, which columns to show, under which label, and the sort order; a named column missing
# from the results fails the build, so the page cannot silently show less than it claims.


def _shown(path: Path) -> str:
    return (path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).as_posix()


def no_results(path: Path) -> str:
    """The note shown when a benchmark has not been run (its results file is absent)."""
    return (
        f'!!! note "No results yet"\n    `{_shown(path)}` does not exist: run `python -m benchmarks` '
        "and build the site again to show the table here."
    )


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    if value is None:
        return "–"
    if isinstance(value, (list, dict)):  # e.g. the pages a system raised on: how many
        return f"{len(value):,}"
    return str(value).replace("|", "\\|").replace("\n", " ")


_MISSING = object()


def _lookup(record: Any, path: str) -> Any:
    """``record["all"]["f1"]`` for the path ``all.f1``; ``_MISSING`` when any step is absent."""
    for key in path.split("."):
        if not isinstance(record, dict) or key not in record:
            return _MISSING
        record = record[key]
    return record


def _default_paths(record: dict[str, Any]) -> list[str]:
    """The default columns of a record: its scalars, the numbers of a nested object as dotted paths
    (``all.f1``), and any other nested object or list by its key (shown as a count)."""
    paths: list[str] = []
    for key, value in record.items():
        numbers = isinstance(value, dict) and value and all(_is_number(v) for v in value.values())
        paths += [f"{key}.{sub}" for sub in value] if numbers else [key]
    return paths


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _columns(spec: str | None, rows: dict[str, Any]) -> list[tuple[str, str]]:
    """``path=Label, path=Label`` from the directive, or every scalar path of the first row."""
    if not spec:
        first, *others = rows.values()
        shared = [p for p in _default_paths(first) if all(_lookup(r, p) is not _MISSING for r in others)]
        return [(path, path) for path in shared]
    columns = []
    for item in spec.split(","):
        path, _, label = item.strip().partition("=")
        columns.append((path.strip(), label.strip() or path.strip()))
    return columns


def benchmark_markdown(path: Path, options: dict[str, str] | None = None) -> str:
    """One results file as Markdown: the chosen facts as a list, the records as a table.

    ``options`` (from the directive's body): ``table``, the key of the records (default: the first object
    of objects); ``columns``, ``path=Label`` pairs; ``sort``, a path and ``asc`` or ``desc`` (default
    desc: best first for scores); ``facts``, the top-level paths listed above the table."""
    options = dict(options or {})
    unknown = set(options) - {"table", "columns", "sort", "facts"}
    if unknown:
        raise DocsError(f"unknown benchmark option(s): {', '.join(sorted(unknown))}")
    if not path.is_file():
        return no_results(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DocsError(f"cannot read benchmark results {_shown(path)}: {exc}") from exc
    if not isinstance(data, dict):
        raise DocsError(f"{_shown(path)}: expected a JSON object")
    tables = [
        k
        for k, v in data.items()
        if isinstance(v, dict) and v and all(isinstance(x, dict) for x in v.values())
    ]
    table = options.get("table") or (tables[0] if tables else None)
    rows = data.get(table) if table else None
    if isinstance(rows, list) and all(isinstance(row, dict) for row in rows):
        rows = {str(number): row for number, row in enumerate(rows, start=1)}  # a list of runs, numbered
    if not isinstance(rows, dict) or not rows:
        raise DocsError(f"{_shown(path)}: no table of records {'named ' + repr(table) if table else 'found'}")
    columns = _columns(options.get("columns"), rows)
    for column, _label in columns:
        if any(_lookup(row, column) is _MISSING for row in rows.values()):
            raise DocsError(f"{_shown(path)}: column {column!r} is missing from some {table} records")
    ordered = list(rows.items())
    if "sort" in options:
        key, _, direction = options["sort"].partition(" ")
        if any(_lookup(row, key) is _MISSING for row in rows.values()) or direction.strip() not in (
            "",
            "asc",
            "desc",
        ):
            raise DocsError(f"{_shown(path)}: cannot sort by {options['sort']!r}")
        ordered.sort(key=lambda item: _lookup(item[1], key), reverse=direction.strip() != "asc")
    fact_paths = (
        [p.strip() for p in options["facts"].split(",")]
        if "facts" in options
        else [k for k, v in data.items() if not isinstance(v, (dict, list))]
    )
    facts = []
    for fact in fact_paths:
        value = _lookup(data, fact)
        if value is _MISSING:
            raise DocsError(f"{_shown(path)}: no fact {fact!r}")
        facts.append(f"- **{fact}**: {_cell(value)}")
    lines = ["| " + " | ".join(["", *(label for _, label in columns)]) + " |"]
    lines.append("|" + " --- |" * (len(columns) + 1))
    lines += [
        "| " + " | ".join([f"`{name}`", *(_cell(_lookup(row, c)) for c, _ in columns)]) + " |"
        for name, row in ordered
    ]
    parts = [f"From `{_shown(path)}`."]
    if facts:
        parts.append("\n".join(facts))
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


# -- the API reference ------------------------------------------------------------------------------


def api_modules() -> list[str]:
    """Every public module of the package (no ``_private`` part), in dotted order: the API reference gets
    a page for each, so a module added by anyone appears without editing the docs."""
    names = ["newsparse"]
    with warnings.catch_warnings():  # walking imports the old, moved packages, which warn
        warnings.simplefilter("ignore", DeprecationWarning)
        found = [info.name for info in pkgutil.walk_packages(newsparse.__path__, prefix="newsparse.")]
    for name in found:
        if name not in MOVED and not any(part.startswith("_") for part in name.split(".")):
            names.append(name)
    return sorted(names)


def api_page_path(module: str) -> str:
    """Where the API reference page of a module lives, relative to the docs folder."""
    return f"reference/api/{module}.md"


def _summary(module: str) -> str:
    doc = inspect.getdoc(importlib.import_module(module)) or ""
    first = doc.strip().split("\n\n", 1)[0].replace("\n", " ")
    return markdown_roles(first, resolve_newsparse).replace("|", "\\|")


def api_index_markdown() -> str:
    """A table of the modules with the first paragraph of each one's docstring."""
    rows = ["| module | what it is for |", "| --- | --- |"]
    rows += [f"| [`{m}`]({m}.md) | {_summary(m)} |" for m in api_modules()]
    return "\n".join(rows)


def api_page_markdown(module: str) -> str:
    """The source of one module's API page: mkdocstrings renders it from the docstrings."""
    return f"::: {module}\n"


# -- the navigation ----------------------------------------------------------------------------------

#: The guide written on the outlets branch: listed after the given nav entry when the file exists.
PLUGIN_GUIDE = ("Writing a plugin", "writing-a-plugin.md", "events.md")
#: The nav entry whose page is the API index: the generated module pages are listed under it.
API_INDEX = "reference/api/index.md"

NavItem = Any  # mkdocs nav: a page path, or {title: path or list of items}


def _with_guide(nav: list[NavItem], docs_dir: Path) -> list[NavItem]:
    title, path, after = PLUGIN_GUIDE
    if not (docs_dir / path).is_file() or path in json.dumps(nav):
        return nav
    entries = [isinstance(item, dict) and after in item.values() for item in nav]
    at = entries.index(True) + 1 if True in entries else len(nav)
    return [*nav[:at], {title: path}, *nav[at:]]


def _with_api_pages(nav: list[NavItem]) -> list[NavItem]:
    result: list[NavItem] = []
    for item in nav:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if value == API_INDEX:
                pages = [{"Overview": API_INDEX}] + [{m: api_page_path(m)} for m in api_modules()]
                item = {title: pages}
            elif isinstance(value, list):
                item = {title: _with_api_pages(value)}
        result.append(item)
    return result


def complete_nav(nav: list[NavItem], docs_dir: Path) -> list[NavItem]:
    """The configured nav plus what only exists at build time: one entry per generated API page, and the
    plugin guide when its file is there (it comes from another branch; a page missing from the nav would
    fail the strict build, and a nav entry without its page would too)."""
    return _with_api_pages(_with_guide(nav, docs_dir))


# -- directives --------------------------------------------------------------------------------------

#: ``<!-- newsparse: KIND [ARGUMENT]`` then an optional body on the following lines, then ``-->``.
_DIRECTIVE = re.compile(
    r"<!--[ \t]*newsparse:[ \t]*([a-z]+(?:-[a-z]+)*)[ \t]*((?:[\w./]|-(?!->))*)[ \t]*(.*?)-->", re.DOTALL
)


def _model(name: str) -> type:
    cls = getattr(models, name, None)
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise DocsError(f"no model named {name!r} in newsparse.models")
    return cls


def _directive(kind: str, argument: str, body: str) -> str:
    if kind == "cli":
        return cli_markdown()
    if kind == "hooks":
        return hooks_markdown()
    if kind == "fields":
        return fields_markdown(_model(argument), parse_descriptions(body))
    if kind == "record-types":
        return record_types_markdown()
    if kind == "api-index":
        return api_index_markdown()
    if kind == "schema-version":
        return str(convert.SCHEMA_VERSION)
    if kind == "benchmark":
        if not argument:
            raise DocsError("the benchmark directive needs the results file, e.g. benchmarks/results/x.json")
        return benchmark_markdown(ROOT / argument, parse_descriptions(body))
    raise DocsError(f"unknown directive 'newsparse: {kind}'")


def expand(markdown: str) -> str:
    """The page with every ``<!-- newsparse: ... -->`` directive replaced by its generated text."""
    return _DIRECTIVE.sub(lambda m: _directive(m.group(1), m.group(2).strip(), m.group(3)), markdown)


def documented_models(pages: Iterable[str]) -> set[str]:
    """Names of the models that a ``fields`` directive documents in the given page texts."""
    return {m.group(2).strip() for text in pages for m in _DIRECTIVE.finditer(text) if m.group(1) == "fields"}
