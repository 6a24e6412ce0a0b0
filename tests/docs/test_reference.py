"""The generated reference text follows the code: every field, option and record type, and it refuses
(rather than publishes) what it cannot document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


@attrs.frozen
class _Undocumented:
    name: str
    country: str | None = None


def test_a_field_without_description_fails() -> None:
    with pytest.raises(reference.DocsError, match="country"):
        reference.fields_markdown(_Undocumented, {"name": "x"})


def test_a_description_of_a_field_that_does_not_exist_fails() -> None:
    descriptions = {f.name: "x" for f in attrs.fields(models.Place)} | {"altitude": "metres"}
    with pytest.raises(reference.DocsError, match="altitude"):
        reference.fields_markdown(models.Place, descriptions)


@attrs.frozen
class _Commented:
    #: Said where it is defined.
    #: On two lines.
    near: str = "x"
    described: int = 0
    #: the page's text wins over this
    both: str | None = None


def test_field_comments_describe_fields_the_page_does_not() -> None:
    assert reference.field_comments(_Commented) == {
        "near": "Said where it is defined. On two lines.",
        "both": "the page's text wins over this",
    }
    table = reference.fields_markdown(_Commented, {"described": "from the page", "both": "page text"})
    assert "| `near` | `str` | string | `'x'` | Said where it is defined. On two lines. |" in table
    assert "| `both` |" in table and "page text |" in table and "wins over" not in table
    with pytest.raises(reference.DocsError, match="described"):
        reference.fields_markdown(_Commented, {})


def test_fields_table_states_json_form_and_default() -> None:
    table = reference.fields_markdown(
        models.Failure, {f.name: f"about {f.name}" for f in attrs.fields(models.Failure)}
    )
    rows = {line.split("|")[1].strip(): line for line in table.splitlines()[2:]}
    assert list(rows) == ["`source`", "`stage`", "`error_type`", "`message`", "`plugin`"]
    assert "string or `null`" in rows["`plugin`"] and "`None`" in rows["`plugin`"]
    assert "required" in rows["`source`"] and "about source" in rows["`source`"]


def test_directives_end_at_their_own_comment() -> None:
    text = "a <!-- newsparse: schema-version--> b <!-- newsparse: schema-version --> c"
    assert reference.expand(text) == f"a {convert.SCHEMA_VERSION} b {convert.SCHEMA_VERSION} c"


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


def _results(path: Path) -> Path:
    """A results file shaped like the one ``python -m benchmarks`` writes (values invented, not measured)."""
    every: dict[str, float] = {"f1": 0.9, "precision": 0.95, "recall": 0.86, "accuracy": 0.1, "pages": 181}
    row: dict[str, Any] = {
        "all": every,
        "even": {"f1": 0.91},
        "odd": {"f1": 0.89},
        "pages_per_second": 120.0,
        "peak_mib": 80.5,
        "f1_ratio": 0.95,
        "speed_ratio": 2.5,
        "errors": {"page-1": "ValueError: x", "page-2": "KeyError: y"},
    }
    data = {
        "section": "extraction",
        "pages": 181,
        "reference": "b",
        "cpu_count": 2,
        "meta": {"when": "2026-11-23T09:00:00+00:00", "python": "3.11.7"},
        "systems": {"a": row, "b": {**row, "all": {**every, "f1": 0.95}, "errors": {}}},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_benchmark_absent_gives_a_note_naming_the_file(tmp_path: Path) -> None:
    note = reference.benchmark_markdown(tmp_path / "extraction.json", {"columns": "all.f1=F1"})
    assert "No results yet" in note and "extraction.json" in note and "python -m benchmarks" in note


def test_benchmark_table_has_the_chosen_columns_best_first(tmp_path: Path) -> None:
    page = reference.benchmark_markdown(
        _results(tmp_path / "extraction.json"),
        {
            "columns": "all.f1=F1, odd.f1=F1 odd half, errors=pages that raised",
            "sort": "all.f1 desc",
            "facts": "pages, meta.python",
        },
    )
    assert "- **pages**: 181\n- **meta.python**: 3.11.7" in page
    assert "|  | F1 | F1 odd half | pages that raised |" in page
    table = page[page.index("|  | F1") :].splitlines()
    assert table[2:] == ["| `b` | 0.950 | 0.890 | 0 |", "| `a` | 0.900 | 0.890 | 2 |"]


def test_benchmark_ascending_sort_and_default_columns(tmp_path: Path) -> None:
    page = reference.benchmark_markdown(_results(tmp_path / "x.json"), {"sort": "all.f1 asc"})
    assert page.index("| `a` |") < page.index("| `b` |")
    assert "all.recall" in page and "pages_per_second" in page
    assert "- **section**: extraction" in page


@pytest.mark.parametrize(
    "options",
    [{"columns": "all.speed=speed"}, {"sort": "nope"}, {"facts": "machine"}, {"colour": "red"}],
)
def test_benchmark_options_that_do_not_fit_the_results_fail(tmp_path: Path, options: dict[str, str]) -> None:
    with pytest.raises(reference.DocsError):
        reference.benchmark_markdown(_results(tmp_path / "x.json"), options)


def test_unreadable_benchmark_results_fail(tmp_path: Path) -> None:
    (tmp_path / "extraction.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(reference.DocsError, match=r"extraction\.json"):
        reference.benchmark_markdown(tmp_path / "extraction.json")


def _extraction_results(path: Path) -> Path:
    """A results file shaped like the one ``python -m benchmarks extraction`` writes (values invented)."""
    body = {"f1": 0.9, "precision": 0.95, "recall": 0.86, "accuracy": 0.1, "passage_recall": 0.8, "pages": 2}
    fields = {"title_exact": 0.7, "title_token_f1": 0.9, "authors_f1": 0.8, "day": 0.99, "topics_f1": None}
    common = {"failures": 0, "errors": {}, "f1_ratio": 1.0, "pages_per_second": 10.0, "speed_ratio": 1.0}
    aeb = {"body": body, "even": body, "odd": body, **common}
    news = {"body": body, **fields, **common}
    folds = {"folds": [0.9, 0.8], "pages": [1, 1], "min": 0.8, "max": 0.9, "mean": 0.85, "stdev": 0.07}
    timing = {"pages_per_second": 10.0, "wall_pages_per_second": 9.0, "ratio": 1.0}
    data = {
        "section": "extraction",
        "reference": "b extract",
        "cpu_count": 2,
        "repeat": 3,
        "lead": "body as returned",
        "datasets": {
            "aeb": {"path": "../shared/a", "pages": 2},
            "news_metadata": {"path": "../shared/n", "pages": 2},
        },
        "meta": {"when": "2026-11-23T09:00:00+00:00", "python": "3.11.7"},
        "aeb": {"a": aeb, "b": {**aeb, "body": {**body, "f1": 0.95}}},
        "news_metadata": {"a": news, "b": {**news, "body": {**body, "f1": 0.95}}},
        "news_metadata_languages": {"a · en": {"pages": 1, "group": "en", **news}},
        "speed": {"b extract": {"aeb": timing, "news_metadata": timing}},
        "aeb_folds": {"a": folds},
        "news_metadata_folds": {"a": folds},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_performance_page_columns_exist_in_the_benchmark_format(tmp_path: Path) -> None:
    """The page's directives, applied to a file of the benchmark's shape: every column they name exists."""
    text = (DOCS / "performance.md").read_text(encoding="utf-8")
    results = _extraction_results(tmp_path / "extraction.json")
    rendered = reference.expand(text.replace("benchmarks/results/extraction.json", str(results)))
    assert "| `b` | 0.950 |" in rendered
    assert "| `a · en` | 1 | 0.900 | 0.800 | 0.700 |" in rendered
    assert "| `b extract` | 10.000 | 1.000 |" in rendered


def test_roles_become_links_only_when_resolvable() -> None:
    text = "See :class:`~newsparse.models.Article` and :func:`attrs.evolve`."
    resolved = reference.markdown_roles(text, reference.resolve_newsparse)
    assert resolved == "See [`Article`][newsparse.models.Article] and `attrs.evolve`."


def test_reexported_values_resolve_to_their_module() -> None:
    assert reference.resolve_newsparse("hookimpl") == "newsparse.plugins.hookspecs.hookimpl"
    assert reference.resolve_newsparse("Article") == "newsparse.models.Article"
    assert reference.resolve_newsparse("not_a_name") is None


def test_api_reference_has_a_page_per_public_module() -> None:
    modules = reference.api_modules()
    assert modules[0] == "newsparse"
    assert {"newsparse.models", "newsparse.convert", "newsparse.plugins.hookspecs", "newsparse.cli"} <= set(
        modules
    )
    assert not any(part.startswith("_") for m in modules for part in m.split("."))
    index = reference.api_index_markdown()
    assert all(f"[`{m}`]({m}.md)" in index for m in modules)


def test_a_list_of_runs_is_a_table_numbered_in_its_order(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    runs = [{"workers": 1, "rate": 147.0}, {"workers": 2, "rate": 247.0}]
    path.write_text(json.dumps({"speedup": 1.68, "runs": runs}), encoding="utf-8")
    page = reference.benchmark_markdown(
        path, {"table": "runs", "columns": "workers=workers, rate=docs/s", "facts": "speedup"}
    )
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    assert len(rows) == 2
    assert rows[0].startswith("| `1` | 1 |") and rows[1].startswith("| `2` | 2 |")
    assert "247" in rows[1] and "**speedup**" in page
