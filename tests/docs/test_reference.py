"""The generated reference text follows the code: every field, option and record type, and it refuses
(rather than publishes) what it cannot document."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
import reference

from newsparse import cli, convert, models

from .conftest import DOCS


def _pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md") if "_scripts" not in p.parts]


def test_every_record_type_has_a_fields_table() -> None:
    documented = reference.documented_models(_pages())
    assert {cls.__name__ for cls in convert.RECORD_TYPES} <= documented
    assert {"Article", "Mention", "Event", "Failure"} <= documented


def test_the_data_model_page_expands_with_every_field() -> None:
    page = reference.expand((DOCS / "data-model.md").read_text(encoding="utf-8"))
    assert "<!-- newsparse" not in page
    assert f"The current `schema_version` is **{convert.SCHEMA_VERSION}**" in page
    for cls in convert.RECORD_TYPES:
        for field in attrs.fields(cls):
            assert f"| `{field.name}` |" in page, f"{cls.__name__}.{field.name} missing from the data model"


def test_a_field_without_description_fails() -> None:
    descriptions = {f.name: "x" for f in attrs.fields(models.Place)}
    del descriptions["country"]
    with pytest.raises(reference.DocsError, match="country"):
        reference.fields_markdown(models.Place, descriptions)


def test_a_description_of_a_field_that_does_not_exist_fails() -> None:
    descriptions = {f.name: "x" for f in attrs.fields(models.Place)} | {"altitude": "metres"}
    with pytest.raises(reference.DocsError, match="altitude"):
        reference.fields_markdown(models.Place, descriptions)


def test_fields_table_states_json_form_and_default() -> None:
    table = reference.fields_markdown(
        models.Failure, {f.name: f"about {f.name}" for f in attrs.fields(models.Failure)}
    )
    rows = {line.split("|")[1].strip(): line for line in table.splitlines()[2:]}
    assert list(rows) == ["`source`", "`stage`", "`error_type`", "`message`", "`plugin`"]
    assert "string or `null`" in rows["`plugin`"] and "`None`" in rows["`plugin`"]
    assert "required" in rows["`source`"] and "about source" in rows["`source`"]


def test_unknown_directive_fails() -> None:
    with pytest.raises(reference.DocsError, match="nonsense"):
        reference.expand("<!-- newsparse: nonsense -->")


def test_cli_reference_holds_every_command_and_option() -> None:
    page = reference.cli_markdown()
    parser = cli.build_parser()
    commands = reference._subcommands(parser)
    assert {"articles", "events", "plugins"} <= set(commands)
    for name, sub in [("", parser), *commands.items()]:
        assert f"## `newsparse{' ' + name if name else ''}`" in page
        for action in sub._actions:
            for option in action.option_strings:
                assert option in page, f"{option} of {name or 'newsparse'} missing"


def test_cli_reference_does_not_depend_on_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    narrow = reference.cli_markdown()
    monkeypatch.setenv("COLUMNS", "200")
    assert reference.cli_markdown() == narrow


def test_benchmark_absent_gives_the_note(tmp_path: Path) -> None:
    assert reference.benchmark_markdown(tmp_path / "missing") == reference.NO_RESULTS
    assert reference.benchmark_markdown(tmp_path) == reference.NO_RESULTS


def test_benchmark_renders_the_latest_results_as_tables(tmp_path: Path) -> None:
    older = {"date": "2026-11-01", "systems": {"newsparse": {"f1": 0.5}}}
    newer = {
        "date": "2026-11-23",
        "pages": 181,
        "systems": {
            "newsparse": {"f1": 0.91234, "accuracy": 0.3},
            "trafilatura": {"f1": 0.958, "accuracy": 0.4},
        },
    }
    (tmp_path / "2026-11-01T1000.json").write_text(json.dumps(older), encoding="utf-8")
    (tmp_path / "2026-11-23T0900.json").write_text(json.dumps(newer), encoding="utf-8")
    page = reference.benchmark_markdown(tmp_path)
    assert "2026-11-23T0900.json" in page and "0.5" not in page
    assert "- **pages**: 181" in page
    assert "| name | f1 | accuracy |" in page
    assert "| newsparse | 0.912 | 0.300 |" in page
    assert "| trafilatura | 0.958 | 0.400 |" in page


def test_unreadable_benchmark_results_fail(tmp_path: Path) -> None:
    (tmp_path / "2026-11-23.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(reference.DocsError, match=r"2026-11-23\.json"):
        reference.benchmark_markdown(tmp_path)


def test_roles_become_links_only_when_resolvable() -> None:
    text = "See :class:`~newsparse.models.Article` and :func:`attrs.evolve`."
    resolved = reference.markdown_roles(text, reference.resolve_newsparse)
    assert resolved == "See [`Article`][newsparse.models.Article] and `attrs.evolve`."


def test_reexported_values_resolve_to_their_module() -> None:
    assert reference.resolve_newsparse("hookimpl") == "newsparse.hookspecs.hookimpl"
    assert reference.resolve_newsparse("Article") == "newsparse.models.Article"
    assert reference.resolve_newsparse("not_a_name") is None


def test_api_reference_has_a_page_per_public_module() -> None:
    modules = reference.api_modules()
    assert modules[0] == "newsparse"
    assert {"newsparse.models", "newsparse.convert", "newsparse.hookspecs", "newsparse.cli"} <= set(modules)
    assert not any(part.startswith("_") for m in modules for part in m.split("."))
    index = reference.api_index_markdown()
    assert all(f"[`{m}`]({m}.md)" in index for m in modules)
