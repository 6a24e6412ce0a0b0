"""Counted nouns for the messages newsparse prints: "1 document", "2 documents"."""

from __future__ import annotations

import re

__all__ = ["counted", "singular"]

#: Plural words of the phrases newsparse counts (skip reasons, store updates) and their singulars.
_SINGULARS = {
    "articles": "article",
    "blocks": "block",
    "devices": "device",
    "directories": "directory",
    "documents": "document",
    "events": "event",
    "failures": "failure",
    "files": "file",
    "FIFOs": "FIFO",
    "links": "link",
    "mentions": "mention",
    "plugins": "plugin",
    "records": "record",
    "responses": "response",
    "sockets": "socket",
}
_PLURAL_WORD = re.compile(r"\b(" + "|".join(map(re.escape, _SINGULARS)) + r")\b")


def singular(phrase: str) -> str:
    """A counted phrase for a count of one: ``"broken links"`` -> ``"broken link"``."""
    return _PLURAL_WORD.sub(lambda match: _SINGULARS[match.group(1)], phrase)


def counted(count: int, phrase: str) -> str:
    """``count`` and the phrase (written in the plural), made singular for one: ``"1 document"``."""
    return f"{count} {singular(phrase) if count == 1 else phrase}"
