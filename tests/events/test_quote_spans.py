"""Quoted speech: the spans the straightforward pattern finds, found without its backtracking."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsparse.mentions.sentences import quoted_spans

#: The pattern before it was made atomic: the reference for what the spans are.
_PLAIN = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘(?<![\w]‘)[^’]*(?:’(?![\w])|$)")


@given(st.text(alphabet='‘’“”"ab .', max_size=60))
def test_the_spans_are_the_plain_patterns(text: str) -> None:
    assert quoted_spans(text) == [m.span() for m in _PLAIN.finditer(text)]


def test_a_quote_is_read_to_its_closing_mark() -> None:
    text = "Blinken said ‘we met’ and ‘don’t’ was not a quote, then ‘it went on"
    assert [text[a:b] for a, b in quoted_spans(text)] == ["‘we met’", "‘it went on"]
