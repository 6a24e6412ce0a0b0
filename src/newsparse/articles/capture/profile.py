"""What an outlet's plain-text captures look like, and how it credits, as data.

A capture is what a reader copies out of a browser window. It has no markup, so an outlet describes its
captures by lines: which blocks are boilerplate (where they start and how they end), which line holds
the date and in which formats, how agencies and photos are credited, how tags are listed, and which lines
open the article (section, title, standfirst). :mod:`newsparse.articles.capture.profiled` knows how
to use every kind of fact; an outlet plugin only states them.

How the outlet credits agencies and photos is not a capture fact: it reads the same in markup, so it
is stated once, as :class:`Credits`, on the outlet plugin (``OutletPlugin(credits=...)``), and both
readers use it. ``CaptureProfile(agencies=..., captions=...)`` still works for one release, with a
DeprecationWarning.

Patterns match a whole line with its surrounding spaces removed (``re.fullmatch``); a plain string
matches a line equal to it. Lines keep their list bullets (``•``), so a data sheet writes what the
capture shows.
"""

from __future__ import annotations

import enum
import re
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from newsparse.articles.capture.credits import AGENCIES, agency_fragment, agency_name, expand, with_agencies

__all__ = [
    "DASH_CREDIT_CAPTION",
    "DATELINE_AGENCY",
    "PAREN_CREDIT_CAPTION",
    "TRAILING_DASH_AGENCY",
    "TRAILING_PAREN_AGENCY",
    "VIA_AGENCY",
    "VIA_CREDIT_LINE",
    "AgencyRule",
    "Block",
    "CaptionRule",
    "CaptureProfile",
    "Credits",
    "DateRule",
    "End",
    "Head",
    "LineMatcher",
    "Placement",
    "Scope",
    "TagStyle",
    "matcher",
    "pattern",
]


def pattern(text: str) -> re.Pattern[str]:
    """A data-sheet pattern: a regular expression where ``{agency}`` and ``{credit}`` stand for the
    core's agency and credit fragments (see :mod:`newsparse.articles.capture.credits`)."""
    return expand(text)


@attrs.frozen
class LineMatcher:
    """A line test: equal to a literal, or fully matching a pattern."""

    literal: str | None = None
    regex: re.Pattern[str] | None = None

    def match(self, text: str) -> re.Match[str] | bool:
        if self.literal is not None:
            return text == self.literal
        assert self.regex is not None
        return self.regex.fullmatch(text) or False

    def example(self) -> str | None:
        """The literal, when there is one (patterns have no canonical example)."""
        return self.literal


def matcher(value: str | re.Pattern[str] | LineMatcher) -> LineMatcher:
    """A :class:`LineMatcher` from a literal string or a compiled pattern."""
    if isinstance(value, LineMatcher):
        return value
    if isinstance(value, re.Pattern):
        return LineMatcher(regex=value)
    if isinstance(value, str):
        return LineMatcher(literal=value.strip())
    raise TypeError(f"a line matcher is a str or a compiled pattern, not {type(value).__name__}")


def _matchers(
    values: Iterable[str | re.Pattern[str] | LineMatcher] | str | re.Pattern[str],
) -> tuple[LineMatcher, ...]:
    if isinstance(values, (str, re.Pattern)):
        values = (values,)
    return tuple(matcher(v) for v in values)


def _lines(values: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(values, str):
        return tuple(values.split("\n"))
    return tuple(values)


def _sheet_pattern(value: str | re.Pattern[str]) -> re.Pattern[str]:
    """A data-sheet pattern (``{agency}``/``{credit}`` expanded) from a string, or a compiled one."""
    return pattern(value) if isinstance(value, str) else value


def _optional_sheet_pattern(value: str | re.Pattern[str] | None) -> re.Pattern[str] | None:
    return None if value is None else _sheet_pattern(value)


def _plain_pattern(value: str | re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(value) if isinstance(value, str) else value


def _plain_patterns(values: Iterable[str | re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(_plain_pattern(v) for v in values)


def _optional_matcher(value: str | re.Pattern[str] | LineMatcher | None) -> LineMatcher | None:
    return None if value is None else matcher(value)


def _needs_group(*names: str) -> Any:
    """A validator: the pattern has at least one of the named groups the reader takes its value from,
    so a data sheet with a typo fails when the plugin loads, not on the first page."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        patterns = value if isinstance(value, tuple) else (value,)
        for regex in patterns:
            if regex is not None and not set(names) & set(regex.groupindex):
                wanted = " or ".join(f"(?P<{name}>...)" for name in names)
                raise ValueError(
                    f"{type(instance).__name__}.{attribute.name} {regex.pattern!r} needs {wanted}"
                )

    return check


def _heads(values: Iterable[str]) -> tuple[Head, ...]:
    return tuple(Head(v) for v in values)


def _strings(values: str | Iterable[str]) -> tuple[str, ...]:
    """A tuple of strings; one string is one item (not its characters)."""
    return (values,) if isinstance(values, str) else tuple(values)


# Typed converters, one per item type: ``converter=tuple`` would make every data sheet that passes a
# list fail ``mypy --strict`` (attrs' plugin types the argument as ``Iterable[_T_co]``).
def _blocks(values: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(values)


def _date_rules(values: Iterable[DateRule]) -> tuple[DateRule, ...]:
    return tuple(values)


def _agency_rules(values: Iterable[AgencyRule]) -> tuple[AgencyRule, ...]:
    return tuple(values)


def _caption_rules(values: Iterable[CaptionRule]) -> tuple[CaptionRule, ...]:
    return tuple(values)


def _spellings(values: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """``{spelling: reported name}`` as sorted pairs (hashable, so the plugin object is too)."""
    pairs = values.items() if isinstance(values, Mapping) else values
    found = tuple(sorted((str(spelling).strip(), str(name).strip()) for spelling, name in pairs))
    if any(not spelling or not name for spelling, name in found):
        raise ValueError("an extra agency needs a spelling and a reported name, both non-empty")
    return found


class End(str, enum.Enum):
    """How a boilerplate block ends, counted from its start line."""

    #: The start line is the whole block ("Read next: ...", a widget label).
    LINE = "line"
    #: Up to the next blank line (a ticker: a label, then one headline a line).
    BLANK = "blank"
    #: Up to the end of the capture ("Most Read", "Next In ...", the comment form: the page is over).
    DOCUMENT = "document"
    #: The start line and the next ``count`` non-blank lines ("Related News" and its two headlines).
    COUNT = "count"
    #: While lines are blank, bulleted or at most ``max_words`` words long (a menu), and no other block
    #: starts.
    RUN = "run"


class Placement(str, enum.Enum):
    """Where a block sits on the page. Reading does not depend on it; property tests and docs do."""

    HEAD = "head"
    ANYWHERE = "anywhere"
    TAIL = "tail"


@attrs.frozen
class Block:
    """A boilerplate block: where it starts, how it ends, and a real instance of it (``sample``)."""

    name: str
    starts: tuple[LineMatcher, ...] = attrs.field(converter=_matchers)
    end: End = attrs.field(default=End.LINE, converter=End)
    count: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    max_words: int = attrs.field(default=3, validator=attrs.validators.ge(1))
    placement: Placement = attrs.field(default=Placement.ANYWHERE, converter=Placement)
    #: A real instance of the block, line by line, as a capture shows it (documentation and tests).
    sample: tuple[str, ...] = attrs.field(default=(), converter=_lines)

    def starts_at(self, text: str) -> bool:
        return any(m.match(text) for m in self.starts)


class Scope(str, enum.Enum):
    """Which body paragraph an agency rule looks at."""

    FIRST = "first"
    LAST = "last"
    ANY = "any"
    #: A line of its own (a "Source: ..." line); the line is taken out of the body.
    LINE = "line"


@attrs.frozen
class AgencyRule:
    """How an outlet credits an agency: a pattern with an ``agency`` group, where to look, and whether
    the credit is taken off the paragraph (a trailing "- Reuters" is; "News.Az reports citing TASS" is
    part of the sentence and stays)."""

    regex: re.Pattern[str] = attrs.field(converter=_sheet_pattern, validator=_needs_group("agency"))
    scope: Scope = attrs.field(default=Scope.LAST, converter=Scope)
    strip: bool = False


@attrs.frozen
class DateRule:
    """A line that states the publication date: a pattern with a ``date`` group, read with the first
    of ``formats`` (``strptime`` directives) that fits. A format with an hour gives a time in the
    outlet's zone; a format without one gives a day."""

    regex: re.Pattern[str] = attrs.field(converter=_plain_pattern, validator=_needs_group("date"))
    formats: tuple[str, ...] = attrs.field(converter=_strings)


@attrs.frozen
class CaptionRule:
    """How an outlet's image captions look.

    Either ``regex`` (with ``caption`` and/or ``credit`` groups) matches the caption line itself, or
    ``before`` names a line that follows a caption (an icon label such as ``info_icon``): the text
    line just above it is the caption. Adjacent caption lines describe one image; the last wins (the
    visible caption comes after the image's alternative text).
    """

    regex: re.Pattern[str] | None = attrs.field(
        default=None, converter=_optional_sheet_pattern, validator=_needs_group("caption", "credit")
    )
    before: LineMatcher | None = attrs.field(default=None, converter=_optional_matcher)

    def __attrs_post_init__(self) -> None:
        if (self.regex is None) == (self.before is None):
            raise ValueError("a caption rule needs exactly one of 'regex' or 'before'")


class TagStyle(str, enum.Enum):
    """How an outlet lists an article's tags after its body."""

    NONE = "none"
    #: One bulleted line per tag ("• China").
    BULLETS = "bullets"
    #: One line of comma-separated tags ("China , US , Wang Yi").
    COMMAS = "commas"


class Head(str, enum.Enum):
    """What the first free lines of a capture are, in order (lines no rule claimed)."""

    SECTION = "section"
    TITLE = "title"
    STANDFIRST = "standfirst"


@attrs.frozen
class Credits:
    """How an outlet credits what it did not write or shoot itself: the agency behind its copy and
    the credit printed in its photo captions.

    The rules read the same in a capture and in markup, so they belong to the outlet
    (``OutletPlugin(credits=Credits(...))``), not to one way of reading it. ``agencies`` are tried in
    order, the first credit found wins; ``captions`` split a caption from its credit (a ``before``
    rule, which finds caption lines by the label under them, only means something in a capture).

    ``extra_agencies`` adds agency spellings to the core list (``newsparse/data/agencies.json``),
    each mapped to the name reported as ``Article.agency``: ``{"Bakhtar News Agency": "Bakhtar"}``.
    Every ``{agency}`` in the rules, the named ones such as :data:`TRAILING_DASH_AGENCY` included,
    then matches them too.
    """

    agencies: tuple[AgencyRule, ...] = attrs.field(default=(), converter=_agency_rules)
    captions: tuple[CaptionRule, ...] = attrs.field(default=(), converter=_caption_rules)
    extra_agencies: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_spellings)
    #: Lower-cased spelling -> reported name, the core list and the extra agencies together.
    names: Mapping[str, str] = attrs.field(init=False, eq=False, hash=False, repr=False)
    #: ``agencies`` with ``{agency}`` matching the extra agencies as well (``agencies`` when none).
    rules: tuple[AgencyRule, ...] = attrs.field(init=False, eq=False, hash=False, repr=False)

    @names.default
    def _names(self) -> Mapping[str, str]:
        merged = {**AGENCIES, **dict(self.extra_agencies)}
        return {spelling.lower(): name for spelling, name in merged.items()}

    @rules.default
    def _rules(self) -> tuple[AgencyRule, ...]:
        if not self.extra_agencies:
            return self.agencies
        fragment = agency_fragment({**AGENCIES, **dict(self.extra_agencies)})
        return tuple(attrs.evolve(rule, regex=with_agencies(rule.regex, fragment)) for rule in self.agencies)

    def agency_name(self, text: str) -> str:
        """The reported name of an agency as the outlet spells it; unknown names as written."""
        return agency_name(text, self.names)


@attrs.frozen
class CaptureProfile:
    """Everything newsparse needs to read an outlet's plain-text captures.

    ``agencies`` and ``captions`` are deprecated (a DeprecationWarning; removed after one release):
    they are credits, which apply to the outlet's HTML too -- write them as
    ``OutletPlugin(credits=Credits(agencies=..., captions=...))``. Until then an outlet plugin
    without ``credits`` takes them from here, for its captures and its HTML as before.
    """

    head: tuple[Head, ...] = attrs.field(default=(Head.TITLE,), converter=_heads)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)
    dates: tuple[DateRule, ...] = attrs.field(default=(), converter=_date_rules)
    bylines: tuple[re.Pattern[str], ...] = attrs.field(
        default=(), converter=_plain_patterns, validator=_needs_group("author")
    )
    agencies: tuple[AgencyRule, ...] = attrs.field(default=(), converter=_agency_rules)
    captions: tuple[CaptionRule, ...] = attrs.field(default=(), converter=_caption_rules)
    tags: TagStyle = attrs.field(default=TagStyle.NONE, converter=TagStyle)

    def __attrs_post_init__(self) -> None:
        if self.agencies or self.captions:
            warnings.warn(
                "CaptureProfile(agencies=..., captions=...) is deprecated and goes after one release: "
                "credits apply to HTML too, so they belong to the outlet; write "
                "OutletPlugin(..., credits=Credits(agencies=..., captions=...))",
                DeprecationWarning,
                stacklevel=3,
            )

    @property
    def credits(self) -> Credits:
        """The deprecated ``agencies`` and ``captions`` as :class:`Credits` (empty when not given)."""
        return Credits(agencies=self.agencies, captions=self.captions)


# -- the shapes most outlets share: pick them in a data sheet instead of writing them again ---------

#: "Caption text. (AP)" or "KICKER: caption text. (NAME/POOL/AFP via Getty)", optionally bulleted.
PAREN_CREDIT_CAPTION = CaptionRule(regex=r"(?:•\s*)?(?P<caption>.+?[.!?”\"’])\s*\({credit}\)")
#: "Caption text. - AP" (a spaced dash before the credit).
DASH_CREDIT_CAPTION = CaptionRule(regex=r"(?:•\s*)?(?P<caption>.+?[.!?”\"’)])\s+[-–—]\s+{credit}")
#: A credit on a line of its own, naming a source "via" another: "Leah Millis/Pool Photo via AP".
VIA_CREDIT_LINE = CaptionRule(
    regex=r"(?P<credit>(?:[^\W\d_][\w.'’-]*(?:\s+|\s*/\s*)){1,7}via\s+[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,2})"
)

#: "... the last sentence.- Reuters": the agency's sign-off, taken off the last paragraph.
TRAILING_DASH_AGENCY = AgencyRule(regex=r"\s*[-–—]\s*{agency}\s*$", scope=Scope.LAST, strip=True)
#: "WASHINGTON (AP) — ...": the agency's dateline opening the first paragraph.
DATELINE_AGENCY = AgencyRule(regex=r"^[A-Z][A-Za-z .,'-]*\s\({agency}\)\s*[-–—]", scope=Scope.FIRST)
#: "... said on Monday, via Reuters." or "(via AFP)": copy relayed through an agency, credit taken off.
VIA_AGENCY = AgencyRule(regex=r",?\s*\(?via {agency}\)?(?=[.\s]*$)", scope=Scope.LAST, strip=True)
#: "... (Reuters)" closing the last paragraph.
TRAILING_PAREN_AGENCY = AgencyRule(regex=r"\s*\({agency}\)\s*$", scope=Scope.LAST, strip=True)
