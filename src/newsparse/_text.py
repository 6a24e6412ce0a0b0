"""Counted nouns for the messages newsparse prints: "1 document", "2 documents"."""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the phrase for it: ``one`` for a count of one, else ``many`` (by default ``one``
    and an "s"). Both forms are written out by the caller, so that no word list has to know them:
    ``counted(1, "broken link")`` is "1 broken link", ``counted(2, "directory", "directories")`` is
    "2 directories"."""
    return f"{count} {one if count == 1 else (many if many is not None else one + 's')}"
