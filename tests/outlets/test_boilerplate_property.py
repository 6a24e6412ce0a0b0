"""Per outlet: random story paragraphs, with the outlet's declared boilerplate blocks placed at random
among them, come out of the outlet's plugin as exactly the story; the same for HTML pages built from
each outlet's layouts, with an element for each of its remove selectors between the paragraphs."""

from __future__ import annotations

from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsparse_outlets import (
    almayadeen,
    businessinsider,
    metro,
    newsaz,
    outlookindia,
    rollingstone,
    tagdiv_newspaper,
    techcrunch,
    thegatewaypundit,
    thestar,
    timeslive,
)

from newsparse.models import Page
from newsparse.testing import (
    GeneratedCapture,
    GeneratedHtmlPage,
    capture_with_boilerplate,
    html_with_boilerplate,
)

OUTLETS = [almayadeen, newsaz, outlookindia, tagdiv_newspaper, thestar]
#: Every shipped outlet with HTML layouts: the five above and the six HTML-only ones.
HTML_OUTLETS = [*OUTLETS, businessinsider, metro, rollingstone, techcrunch, thegatewaypundit, timeslive]


@pytest.mark.parametrize("module", OUTLETS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_block_has_a_sample_to_test_it_with(module: ModuleType) -> None:
    assert all(block.sample for block in module.CAPTURE.blocks)


@pytest.mark.parametrize("module", OUTLETS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
@given(data=st.data())
def test_boilerplate_never_reaches_the_body(module: ModuleType, data: st.DataObject) -> None:
    capture: GeneratedCapture = data.draw(capture_with_boilerplate(module.CAPTURE))
    outlet = module.OUTLET
    article = module.PLUGIN.extract(Page(content=capture.text, kind="text", source="generated"), outlet)
    assert article is not None
    assert article.paragraphs == capture.paragraphs
    assert (article.title, article.subtitle, article.section) == (
        capture.title,
        capture.subtitle,
        capture.section,
    )
    # Samples may hold a caption (it is part of the block's real instance), never a tag.
    assert article.tags == ()
    assert all(image.caption not in capture.paragraphs for image in article.images)


def _lines_of(module: ModuleType) -> list[str]:
    return [line for block in module.CAPTURE.blocks for line in block.sample] + [
        "  • 22 Dec 2023 14:17",
        " date 2023-11-16 + ↺ − 16 px",
        "The talks ended.- Reuters",
        "A caption of a photo. (AP)",
        "info_icon",
        "China , US , Wang Yi",
    ]


@pytest.mark.parametrize("module", OUTLETS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
@given(data=st.data())
def test_any_text_is_read_without_inventing_a_word(module: ModuleType, data: st.DataObject) -> None:
    """Whatever the capture, the plugin returns an article whose paragraphs are (parts of) its lines."""
    lines = data.draw(
        st.lists(st.one_of(st.text(max_size=60), st.sampled_from(_lines_of(module))), max_size=25)
    )
    text = "\n".join(lines)
    article = module.PLUGIN.extract(Page(content=text, kind="text", source="fuzz"), module.OUTLET)
    assert article is not None
    cleaned = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    for paragraph in article.paragraphs:
        assert any(paragraph in line for line in cleaned), paragraph


@pytest.mark.parametrize("module", HTML_OUTLETS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_html_boilerplate_never_reaches_the_body(module: ModuleType, data: st.DataObject) -> None:
    page: GeneratedHtmlPage = data.draw(html_with_boilerplate(module.LAYOUTS))
    article = module.PLUGIN.extract(Page(content=page.html, kind="html", source="generated"), module.OUTLET)
    assert article is not None
    assert (article.layout, article.paragraphs) == (page.layout, page.paragraphs)
