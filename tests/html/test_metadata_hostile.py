"""Hostile pages cost the metadata readers linear time: values built to make a pattern backtrack,
thousands of nested byline or tag elements, a title of thousands of separators (issue 14, metadata)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsparse.articles.html.metadata import read_metadata
from newsparse.dates import read_printed

N = 20_000
#: CPU seconds any one of them may take (each takes well under a tenth of that here; before the
#: bounds, the first three took minutes to hours).
BUDGET = 3.0


def page(head: str = "", body: str = "") -> Callable[[], object]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return lambda: read_metadata(LexborHTMLParser(html), html=html)


CASES = {
    "a style-sheet-like value": page(f'<meta property="og:description" content="a{{{":" * N}">'),
    "a title of separators": page(
        '<meta property="og:site_name" content="Site">'
        + f'<meta property="og:title" content="{"x | Site " * N}">'
    ),
    "nested byline elements": page(body="<h1>H</h1>" + '<div class="author">' * N + "x" + "</div>" * N),
    "nested tag lists": page(body="<h1>H</h1>" + '<div class="tags">' * N + "x" + "</div>" * N),
    "labelled lists": page(body="<h1>H</h1>" + "<p>Themen</p><ul><li>x</li></ul>" * N),
    "a date followed by separators": lambda: read_printed("1. April 2025" + " ," * N + "x"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_metadata_costs_linear_time(name: str) -> None:
    start = time.process_time()
    CASES[name]()
    assert time.process_time() - start < BUDGET
