"""A first, simple article-body extractor: the container whose paragraphs hold the most text.

It is the baseline the generic-extraction work replaces; it never invents text, it only selects it.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["BOILERPLATE_TAGS", "extract_paragraphs"]

BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
)
_SPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def extract_paragraphs(tree: LexborHTMLParser) -> list[str]:
    """Paragraph texts, in order, from the element that holds the most paragraph text."""
    body = tree.body
    if body is None:
        return []
    for tag in BOILERPLATE_TAGS:
        for node in body.css(tag):
            node.decompose()
    totals: dict[int, tuple[LexborNode, int]] = {}
    for p in body.css("p"):
        parent = p.parent
        if parent is None:
            continue
        length = len(_clean(p.text(deep=True)))
        key = parent.mem_id
        node, total = totals.get(key, (parent, 0))
        totals[key] = (node, total + length)
    if not totals:
        text = _clean(body.text(deep=True, separator=" "))
        return [text] if text else []
    container, _ = max(totals.values(), key=lambda item: item[1])
    paragraphs = []
    for node in container.iter():
        if node.tag in ("p", "h2", "h3", "blockquote", "li"):
            text = _clean(node.text(deep=True))
            if text:
                paragraphs.append(text)
    return paragraphs
