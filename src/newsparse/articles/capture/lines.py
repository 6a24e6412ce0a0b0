"""A capture as a list of lines: the unit every capture rule works on."""

from __future__ import annotations

import attrs

__all__ = ["BULLETS", "Line", "clean", "split_lines"]

#: Characters a browser puts before a list item when the page is copied as text.
BULLETS = "•·▪◦"


def clean(text: str) -> str:
    """One line of text with its runs of white space (non-breaking ones included) made single spaces."""
    return " ".join(text.split())


@attrs.frozen
class Line:
    """One line of a capture: its position, the raw line and its cleaned text."""

    index: int
    raw: str
    text: str

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def bullet(self) -> bool:
        return bool(self.text) and self.text[0] in BULLETS

    @property
    def indented(self) -> bool:
        return self.raw[:1].isspace()

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """The capture's lines, numbered from 0, with Windows and old Mac line ends read as newlines."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    return [Line(index=i, raw=raw, text=clean(raw)) for i, raw in enumerate(raw_lines)]
