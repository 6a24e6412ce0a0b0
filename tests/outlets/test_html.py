"""The outlets' HTML path, on CONSTRUCTED pages (the .html cases in tests/outlets/cases/; the seed-based
test_cases.py runs them through the kit): no real HTML of these
outlets is available here, so each fixture is built from the standards every outlet emits (JSON-LD,
OpenGraph, article:* meta, <time datetime>) and class names standing for the outlet's template, with a
made-up story. Each fixture says so in a comment at its top."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsparse_outlets import tagdiv_newspaper
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.layout import HtmlLayout, choose_layout
from newsparse.models import When
from newsparse.pipeline import Pipeline
from newsparse.testing import load_cases

CASES = Path(__file__).parent / "cases"
HTML_CASES = [case for case in load_cases(CASES) if case.page.suffix == ".html"]


def test_every_outlet_has_an_html_case() -> None:
    assert {case.name.split("/")[0] for case in HTML_CASES} == {
        "almayadeen",
        "newsaz",
        "outlookindia",
        "tagdiv_newspaper",
        "thestar",
    }


def test_every_fixture_is_labelled_as_constructed() -> None:
    for case in HTML_CASES:
        assert "<!-- CONSTRUCTED for newsparse's tests" in case.page.read_text(encoding="utf-8")


def test_boilerplate_inside_the_body_stays_out() -> None:
    pipeline = Pipeline()
    texts = " ".join(" ".join(pipeline.parse(case.page).paragraphs) for case in HTML_CASES)
    for boilerplate in (
        "Advertisement",
        "Related News",
        "Read next",
        "WhatsApp",
        "Trinity",
        "Also Read",
        "Tweet",
    ):
        assert boilerplate not in texts


# -- layout versions, shown on the tagDiv "Newspaper" theme ------------------------------------------------
CLOUD, CLASSIC = tagdiv_newspaper.LAYOUTS


def tree(name: str) -> LexborHTMLParser:
    return LexborHTMLParser((CASES / "tagdiv_newspaper" / name).read_text(encoding="utf-8"))


def test_markers_pick_the_layout_a_page_was_built_with() -> None:
    assert choose_layout(tagdiv_newspaper.LAYOUTS, tree("cloud-template.html"), None) is CLOUD
    assert choose_layout(tagdiv_newspaper.LAYOUTS, tree("classic-template.html"), None) is CLASSIC
    # Markers outrank dates: a classic page stays classic whatever date it claims.
    assert (
        choose_layout(tagdiv_newspaper.LAYOUTS, tree("classic-template.html"), When.day(2024, 1, 1))
        is CLASSIC
    )


@pytest.mark.parametrize(
    ("published", "expected"),
    [(When.day(2018, 3, 2), "classic"), (When.day(2023, 6, 19), "cloud"), (None, "cloud")],
)
def test_without_markers_the_date_picks_the_layout(published: When | None, expected: str) -> None:
    unmarked = LexborHTMLParser("<html><body><h1>t</h1><p>a paragraph</p></body></html>")
    chosen = choose_layout(tagdiv_newspaper.LAYOUTS, unmarked, published)
    assert chosen is {"classic": CLASSIC, "cloud": CLOUD}[expected]


def test_validity_bounds_are_inclusive() -> None:
    layout = HtmlLayout("x", valid_from="2020-01-01", valid_until="2020-12-31")
    assert layout.valid_on(When.day(2020, 1, 1).date) and layout.valid_on(When.day(2020, 12, 31).date)
    assert not layout.valid_on(When.day(2021, 1, 1).date)


def test_a_layout_whose_body_is_gone_degrades_to_generic_extraction() -> None:
    from newsparse.articles.html.layout import read_with_layout
    from newsparse.articles.html.metadata import read_metadata

    page = LexborHTMLParser(
        "<html><body><h1>Title</h1><div class='new-design'><p>First paragraph of a redesigned page.</p>"
        "<p>Second paragraph of a redesigned page.</p></div></body></html>"
    )
    reading = read_with_layout(page, CLOUD, read_metadata(page))
    assert reading.paragraphs == (
        "First paragraph of a redesigned page.",
        "Second paragraph of a redesigned page.",
    )


def test_a_layout_standfirst_holding_a_style_sheet_reads_its_text_only() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsparse.articles.html.layout import HtmlLayout, read_with_layout
    from newsparse.articles.html.metadata import read_metadata

    html = (
        "<html><body><h1>Headline</h1><div class='deck'><style>.tdi_70{ margin-bottom:30px; }</style>"
        "Environmentalists caution against the plan.</div>"
        "<article><p>Body text here.</p></article></body></html>"
    )
    tree = LexborHTMLParser(html)
    layout = HtmlLayout(name="x", subtitle=".deck", body="article")
    reading = read_with_layout(tree, layout, read_metadata(tree))
    assert reading.subtitle == "Environmentalists caution against the plan."
