"""The nav completion (plugin guide, generated API pages) and the example collector behave as the docs
tests rely on."""

from __future__ import annotations

from pathlib import Path

import pytest
import reference

from .examples import console_commands, examples

NAV = [
    {"Home": "index.md"},
    {"Events": "events.md"},
    {"Performance": "performance.md"},
    {"Reference": [{"Command line": "reference/cli.md"}, {"API": "reference/api/index.md"}]},
]


def test_plugin_guide_is_listed_after_events_only_when_it_exists(tmp_path: Path) -> None:
    without = reference.complete_nav(NAV, tmp_path)
    assert "writing-a-plugin.md" not in str(without)
    (tmp_path / "writing-a-plugin.md").write_text("# Writing a plugin\n", encoding="utf-8")
    with_guide = reference.complete_nav(NAV, tmp_path)
    assert with_guide[:3] == [NAV[0], NAV[1], {"Writing a plugin": "writing-a-plugin.md"}]
    # a nav that already lists it (the lead added it by hand) is left alone
    assert (
        reference.complete_nav(with_guide, tmp_path).count({"Writing a plugin": "writing-a-plugin.md"}) == 1
    )


def test_api_index_entry_becomes_a_section_of_module_pages(tmp_path: Path) -> None:
    reference_section = reference.complete_nav(NAV, tmp_path)[-1]["Reference"]
    assert reference_section[0] == {"Command line": "reference/cli.md"}
    api = reference_section[1]["API"]
    assert api[0] == {"Overview": "reference/api/index.md"}
    assert {"newsparse.models": "reference/api/newsparse.models.md"} in api
    assert len(api) == 1 + len(reference.api_modules())


def test_collector_reads_indented_blocks_and_their_language(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# T\n\n```python\nx = 1\n```\n\n!!! note\n    ```console\n    $ newsparse plugins\n    ```\n",
        encoding="utf-8",
    )
    found = examples(page, tmp_path)
    assert [(e.lang, e.line, e.code) for e in found] == [
        ("python", 3, "x = 1\n"),
        ("console", 8, "$ newsparse plugins\n"),
    ]


def test_console_commands_split_redirect_and_skip_installs() -> None:
    code = "$ pip install newsparse\n$ newsparse articles seeds/ --quiet > out.jsonl\nnot a command\n"
    (command,) = console_commands(code)
    assert command.argv == ["articles", "seeds/", "--quiet"]
    assert command.stdout_to == "out.jsonl"


def test_console_commands_refuse_what_cannot_be_checked() -> None:
    with pytest.raises(ValueError, match="curl"):
        console_commands("$ curl https://example.org\n")
