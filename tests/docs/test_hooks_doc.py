"""Every hook is documented in docs/hooks.md and exercised by a test (issue 4).

docs/hooks.md renders its sections from the hookspecs through the ``hooks`` directive, so these tests
check both ends: the page keeps the directive, the rendered page has one section per hook built from a
docstring, and some test outside tests/docs implements each hook."""

from __future__ import annotations

import inspect
import re

import pytest
import reference

from newsparse.plugins import hookspecs

from .conftest import DOCS, ROOT

HOOKS = [function.__name__ for function in reference.hookspec_functions()]


def test_the_hooks_are_found() -> None:
    assert {
        "newsparse_outlets",
        "newsparse_extract_article",
        "newsparse_postprocess_article",
        "newsparse_extract_mentions",
    } <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_section_in_docs_hooks_md(hook: str) -> None:
    page = reference.expand((DOCS / "hooks.md").read_text(encoding="utf-8"))
    section = re.search(rf"^## `{hook}`\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    assert section is not None, f"docs/hooks.md has no section for {hook}"
    assert f"def {hook}(" in section.group(1)
    assert "Results: **" in section.group(1)
    assert "'" not in section.group(1).split("```")[1], "annotations are shown as written, unquoted"
    # the section's text is the hookspec's docstring (its first line, at least)
    first_line = (inspect.getdoc(getattr(hookspecs, hook)) or "").splitlines()[0]
    assert first_line in section.group(1)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_implemented_by_a_test(hook: str) -> None:
    tests = [p for p in (ROOT / "tests").rglob("*.py") if "docs" not in p.relative_to(ROOT / "tests").parts]
    implementing = [p for p in tests if re.search(rf"\b{hook}\b", p.read_text(encoding="utf-8"))]
    assert implementing, f"no test outside tests/docs implements or calls the hook {hook}"


def test_a_hook_without_a_docstring_fails_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    @hookspecs.hookspec
    def newsparse_undocumented() -> None:
        pass

    monkeypatch.setattr(hookspecs, "newsparse_undocumented", newsparse_undocumented, raising=False)
    with pytest.raises(reference.DocsError, match="newsparse_undocumented"):
        reference.hooks_markdown()
