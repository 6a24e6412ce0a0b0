"""The plugin test kit: folders of page + expected article become cases with readable diffs."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import find, given, settings

from newsparse.errors import LayoutError
from newsparse.inputs import page_from_path
from newsparse.models import Article, Page
from newsparse.outlet import HtmlLayout, Outlet, OutletPlugin
from newsparse.pipeline import Pipeline
from newsparse.plugins.host import PluginHost
from newsparse.testing import (
    CaseError,
    CaseMismatch,
    GeneratedHtmlPage,
    case_params,
    check_case,
    compare,
    html_with_boilerplate,
    load_cases,
)

STORY = [
    "The first paragraph of the constructed page says who met whom and where they met.",
    "The second paragraph says what they agreed on and when they will meet again.",
]


def generic_only() -> Pipeline:
    from newsparse.plugins.builtin import generic

    return Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic)]))


def write_case(folder: Path, name: str, article: dict[str, object], page: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(
        page or "A constructed title\n\n" + "\n\n".join(STORY), encoding="utf-8"
    )
    path = folder / f"{name}.expected.json"
    path.write_text(json.dumps({"article": article}), encoding="utf-8")
    return path


def test_a_folder_becomes_named_cases_in_order(tmp_path: Path) -> None:
    write_case(tmp_path / "b", "two", {"paragraphs": STORY})
    write_case(tmp_path / "a", "one", {"paragraphs": STORY})
    assert [case.name for case in load_cases(tmp_path)] == ["a/one", "b/two"]
    assert [param.id for param in case_params(tmp_path)] == ["a/one", "b/two"]


def test_a_matching_case_passes_and_returns_the_article(tmp_path: Path) -> None:
    write_case(tmp_path, "ok", {"title": "A constructed title", "paragraphs": STORY, "published": None})
    (case,) = load_cases(tmp_path)
    article = check_case(case, generic_only())
    assert article.paragraphs == tuple(STORY)


def test_a_mismatch_names_each_field_and_each_paragraph(tmp_path: Path) -> None:
    expected = {
        "title": "Another title",
        "published": "2023-12-22",
        "paragraphs": [
            STORY[0],
            "A paragraph the page does not have, which the plugin should have found.",
            STORY[1],
        ],
    }
    write_case(tmp_path, "bad", expected)
    (case,) = load_cases(tmp_path)
    with pytest.raises(CaseMismatch) as caught:
        check_case(case, generic_only())
    message = str(caught.value)
    assert message.splitlines()[0] == "bad: 3 field(s) differ from bad.expected.json"
    assert 'title: expected "Another title", got "A constructed title"' in message
    assert 'published: expected "2023-12-22", got null' in message
    assert "paragraphs: expected 3 items, got 2" in message
    assert "  missing [1]: " in message


def test_a_changed_paragraph_shows_the_changed_words() -> None:
    article = Article(source="s", outlet="o", plugin="p", paragraphs=["One two three four five."])
    lines = compare({"paragraphs": ["One two THREE four five."]}, article)
    assert lines == ["paragraphs: expected 1 items, got 1\n  changed [0]: -[THREE] +[three]"]


def test_fields_left_out_are_not_compared() -> None:
    article = Article(source="s", outlet="o", plugin="p", title="T", paragraphs=["x"])
    assert compare({"paragraphs": ["x"]}, article) == []
    assert compare({"title": None}, article) == ['title: expected null, got "T"']


def test_the_page_can_live_elsewhere(tmp_path: Path) -> None:
    page = tmp_path / "pages" / "story.txt"
    page.parent.mkdir()
    page.write_text("A constructed title\n\n" + "\n\n".join(STORY), encoding="utf-8")
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "story.expected.json").write_text(
        json.dumps({"page": "../pages/story.txt", "article": {"paragraphs": STORY}}), encoding="utf-8"
    )
    (case,) = load_cases(tmp_path / "cases")
    assert case.page == page.resolve()
    check_case(case, generic_only())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "Expecting property name"),
        ('{"title": "x"}', "an 'article' object"),
        ('{"article": {"headline": "x"}}', "not Article fields: headline"),
        ('{"page": "missing.txt", "article": {}}', "page missing.txt not found"),
        ('{"article": {}}', "no page named lonely.*"),
    ],
)
def test_bad_case_files_are_typed_errors(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "lonely.expected.json").write_text(content, encoding="utf-8")
    with pytest.raises(CaseError, match=message.replace("*", r"\*")):
        load_cases(tmp_path)


def test_a_missing_folder_is_a_case_error(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="not a folder"):
        load_cases(tmp_path / "nope")


def test_generated_captures_place_every_kind_of_block() -> None:
    """The property strategy really puts the samples in: a reader that does not know a block is
    caught by it (hypothesis finds a capture where the block's lines reach the body)."""
    import re

    from hypothesis import Phase, find, settings

    from newsparse.articles.capture.profile import Block, CaptureProfile
    from newsparse.articles.capture.profiled import read_with_profile
    from newsparse.testing import capture_with_boilerplate

    blocks = [
        Block("menu", "Menu", end="run", placement="head", sample="Menu\n  • News\n  • Sports"),
        Block("promo", re.compile(r"WATCH: .+"), sample="WATCH: a video"),
        Block("foot", "Most Read", end="document", placement="tail", sample="Most Read\nA headline"),
    ]
    full = CaptureProfile(head=["title"], blocks=blocks)
    for missing in blocks:
        partial = CaptureProfile(head=["title"], blocks=[b for b in blocks if b is not missing])
        leaked = find(
            capture_with_boilerplate(full),
            lambda c, p=partial: read_with_profile(c.text, p).paragraphs != c.paragraphs,
            settings=settings(phases=[Phase.generate], database=None, max_examples=200),
        )
        assert missing.sample[0] in leaked.text


# -- drafts: newsparse new-case --------------------------------------------------------------------
def _page(folder: Path, name: str = "story") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{name}.txt"
    page.write_text("A constructed title\n\n" + "\n\n".join(STORY), encoding="utf-8")
    return page


def test_new_case_writes_a_draft_of_the_current_output_beside_the_page(tmp_path: Path) -> None:
    import io

    from newsparse.cli import main

    page = _page(tmp_path / "cases")
    out, err = io.StringIO(), io.StringIO()
    assert main(["new-case", str(page)], out=out, err=err) == 0
    written = tmp_path / "cases" / "story.expected.json"
    assert out.getvalue() == f"{written}\n"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert "read the page, correct every field" in data["draft"]
    article = Pipeline().article(page_from_path(page))
    assert data["article"]["title"] == article.title == "A constructed title"
    assert data["article"]["paragraphs"] == list(article.paragraphs) == STORY
    assert set(data["article"]) == {
        "outlet", "title", "subtitle", "authors", "agency", "published", "section", "tags", "paragraphs",
        "images",
    }  # fmt: skip
    # Never over a file a person may have corrected.
    assert main(["new-case", str(page)], out=io.StringIO(), err=err) == 1
    assert "already exists" in err.getvalue()


def test_the_kit_refuses_a_draft_until_its_key_is_deleted(tmp_path: Path) -> None:
    from newsparse.testing import write_draft_case

    page = _page(tmp_path)
    written = write_draft_case(page, generic_only())
    with pytest.raises(CaseError, match=r"story.expected.json: a draft .* delete the 'draft' key"):
        load_cases(tmp_path)
    data = json.loads(written.read_text(encoding="utf-8"))
    del data["draft"]
    written.write_text(json.dumps(data), encoding="utf-8")
    (case,) = load_cases(tmp_path)
    check_case(case, generic_only())


def test_a_page_that_is_no_document_gets_no_draft(tmp_path: Path) -> None:
    from newsparse.testing import write_draft_case

    odd = tmp_path / "notes.md"
    odd.write_text("# notes", encoding="utf-8")
    with pytest.raises(CaseError, match=r"ends in \.html"):
        write_draft_case(odd)
    with pytest.raises(CaseError, match="not a file"):
        write_draft_case(tmp_path / "missing.html")


def test_a_folder_without_cases_is_one_skipped_param_that_says_what_to_do(tmp_path: Path) -> None:
    (param,) = case_params(tmp_path)
    assert param.id == "no-cases"
    assert "newsparse new-case" in param.marks[0].kwargs["reason"]


# HTML pages built from a layout's selectors (the property test of HTML-only outlets).
_LAYOUT = HtmlLayout(
    "story page",
    markers="main#story",
    body="main#story div.story-body",
    paragraphs="section.text > p, section.text > h2",
    remove=(".promo", "aside.related", 'div[data-ad="1"]'),
)


def _read(page: GeneratedHtmlPage, layout: HtmlLayout) -> Article:
    outlet = Outlet(id="planet", name="Planet")
    article = OutletPlugin(outlet=outlet, layouts=(layout,)).extract(
        Page(content=page.html, kind="html", source="generated"), outlet
    )
    assert article is not None
    return article


@settings(max_examples=40, deadline=None)
@given(page=html_with_boilerplate([_LAYOUT]))
def test_built_html_pages_read_as_exactly_the_story(page: GeneratedHtmlPage) -> None:
    article = _read(page, _LAYOUT)
    assert (article.layout, article.paragraphs) == ("story page", page.paragraphs)


def test_built_html_pages_carry_the_boilerplate_a_careless_layout_would_keep() -> None:
    """The property can fail: pages built for a layout, read by it without its remove selectors, keep
    the boilerplate in the body (its paragraphs selector, the default, finds the p inside each box).
    The attribute selector cannot be built and is left out of the pages."""
    layout = HtmlLayout("plain", body="div.story", remove=(".promo", "aside", 'div[data-ad="1"]'))
    page = find(html_with_boilerplate([layout]), lambda page: len(page.boilerplate) >= 2)
    assert _read(page, layout).paragraphs == page.paragraphs
    paragraphs = _read(page, attrs.evolve(layout, remove=())).paragraphs
    assert paragraphs != page.paragraphs
    assert all(text in paragraphs for text in page.boilerplate)
    assert "data-ad" not in page.html


def test_a_layout_that_cannot_be_built_is_named_when_drawn() -> None:
    strategy = html_with_boilerplate([HtmlLayout("odd", body="div[itemprop=articleBody]")])
    with pytest.raises(LayoutError, match="'odd'"):
        find(strategy, lambda page: True)


def test_no_layouts_no_pages() -> None:
    assert html_with_boilerplate(()).is_empty


def test_a_draft_fails_its_own_case_and_the_other_cases_still_run(tmp_path: Path) -> None:
    from newsparse.testing import write_draft_case

    write_case(tmp_path, "checked", {"paragraphs": STORY})
    write_draft_case(_page(tmp_path), generic_only())
    params = case_params(tmp_path)
    assert [param.id for param in params] == ["checked", "story"]
    checked, draft = (param.values[0] for param in params)
    check_case(checked, generic_only())
    with pytest.raises(CaseError, match=r"story.expected.json: a draft .* delete the 'draft' key"):
        check_case(draft, generic_only())
