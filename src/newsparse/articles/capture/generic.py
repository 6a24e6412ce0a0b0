"""Plain-text captures of pages (what "select all, copy" gives) read by line shape alone, for outlets
without a capture profile (see :mod:`newsparse.articles.capture.profiled` for those with one).

A capture has no markup, so structure comes from lines: story paragraphs are long lines of prose;
menus, tickers and widget labels are short, bulleted or unpunctuated.
"""

from __future__ import annotations

import re
from collections import Counter

from newsparse.articles.reading import Reading

__all__ = ["read_capture"]

_BULLET = re.compile(r"^\s*[•·▪◦\-*]\s*")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*$""")


def _is_prose(line: str, min_words: int = 12) -> bool:
    if _BULLET.match(line):
        return False
    return len(line.split()) >= min_words and bool(_SENTENCE_END.search(line.strip()))


def read_capture(text: str) -> Reading:
    """Title and prose paragraphs of a capture, by line shape alone."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    paragraphs = tuple(line for line in lines if line and _is_prose(line))
    title = None
    first_prose = lines.index(paragraphs[0]) if paragraphs else len(lines)
    candidates = [
        ln for ln in lines[:first_prose] if ln and not _BULLET.match(ln) and 3 <= len(ln.split()) <= 30
    ]
    counts = Counter(candidates)  # one pass: list.count per candidate was quadratic in the lines
    repeated = [c for c in candidates if counts[c] > 1]
    if repeated:
        title = repeated[0]
    elif candidates:
        title = max(candidates, key=lambda c: len(c.split()))
    return Reading(title=title, paragraphs=paragraphs)
