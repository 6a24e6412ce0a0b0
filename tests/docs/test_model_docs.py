"""Every model's fields are explained where Python users look (``help(Event)``) and where the docs
read them (the API reference and the data-model tables): one ``:ivar`` line per field in the model's
docstring (issue 17; before, the meanings lived in ``#:`` comments and the data-model page only)."""

from __future__ import annotations

import pydoc

import attrs
import pytest
import reference

from newsparse import models

MODELS = [getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))]


def test_every_model_is_checked() -> None:
    assert {cls.__name__ for cls in MODELS} >= {"Article", "Event", "Mention", "Failure", "Page", "When"}


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_help_shows_the_meaning_of_every_field(cls: type) -> None:
    meanings = reference.field_docs(cls)
    assert list(meanings) == [field.name for field in attrs.fields(cls)]
    # pydoc draws a "|" margin down each line of a class's help
    shown = " ".join(w for w in pydoc.render_doc(cls, renderer=pydoc.plaintext).split() if w != "|")
    for name, meaning in meanings.items():
        assert len(meaning.split()) >= 2, f"{cls.__name__}.{name}: say what it means"
        assert f":ivar {name}: {meaning}" in shown


def test_the_api_reference_renders_them_as_attributes() -> None:
    griffe = pytest.importorskip("griffe")
    module = griffe.load("newsparse.models", search_paths=["src"], resolve_aliases=False)
    event = module["Event"]
    sections = event.docstring.parse("sphinx")
    attributes = [s for s in sections if s.kind.value == "attributes"]
    assert [a.name for a in attributes[0].value] == [f.name for f in attrs.fields(models.Event)]
    assert "stable id" in attributes[0].value[0].description


def test_the_data_model_tables_take_the_docstrings() -> None:
    table = reference.fields_markdown(models.Event, {})
    assert "How many articles report it." in table
