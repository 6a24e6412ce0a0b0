"""Reading a capture with an outlet's capture profile.

Every line of the capture is claimed by at most one rule, in a fixed order, and whatever no rule
claims is the story:

1. boilerplate blocks (menus, tickers, "Most Read", comment forms) -- first, so that nothing inside
   them (a date in a "Next In" list, a headline) is ever read as the article's;
2. tags, after the body;
3. the agency's sign-off on the last paragraph ("- Reuters"), which protects that paragraph from
   looking like a caption;
4. image captions and their credits;
5. date lines and bylines;
6. the head: the first free lines, as the profile orders them (section, title, standfirst);
7. the body: every line left, in order.

Unknown lines are kept, never dropped: a widget the profile does not describe shows up in the body,
where a test sees it, instead of silently taking a paragraph with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsparse.articles.capture.datelines import read_printed_date
from newsparse.articles.capture.lines import Line, clean, split_lines
from newsparse.articles.capture.profile import (
    AgencyRule,
    Block,
    CaptionRule,
    CaptureProfile,
    Credits,
    End,
    Head,
    Scope,
    TagStyle,
)
from newsparse.articles.reading import Reading
from newsparse.models import Image, When

__all__ = ["agency_in_paragraphs", "read_with_profile", "split_caption"]

_SENTENCE_END = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
_FULL_STOP = re.compile(r"""(?<!\.)\.["'”’»)\]]*$""")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|\band\b|&)\s*")


# -- 1. blocks -----------------------------------------------------------------------------------
def _block_end(lines: list[Line], start: int, block: Block, blocks: tuple[Block, ...]) -> int:
    """The index just past the block that starts at ``start``."""
    n = len(lines)
    if block.end is End.LINE:
        return start + 1
    if block.end is End.DOCUMENT:
        return n
    j = start + 1
    if block.end is End.BLANK:
        while j < n and not lines[j].blank:
            j += 1
        return j
    if block.end is End.COUNT:
        seen = 0
        while j < n and seen < block.count:
            seen += not lines[j].blank
            j += 1
        return j
    last = start
    while j < n:
        line = lines[j]
        if not line.blank:
            if any(other is not block and other.starts_at(line.text) for other in blocks):
                break
            if not (line.bullet or line.words <= block.max_words):
                break
            last = j
        j += 1
    return last + 1


def _claim_blocks(lines: list[Line], blocks: tuple[Block, ...], claimed: dict[int, str]) -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        block = None if line.blank else next((b for b in blocks if b.starts_at(line.text)), None)
        if block is None:
            i += 1
            continue
        end = _block_end(lines, i, block, blocks)
        for j in range(i, end):
            if not lines[j].blank:
                claimed[j] = f"boilerplate:{block.name}"
        i = end


# -- 2. tags -------------------------------------------------------------------------------------
def _looks_like_tag_list(text: str) -> list[str] | None:
    items = [item.strip() for item in text.split(",")]
    if len(items) < 2 or any(not item or len(item.split()) > 5 for item in items):
        return None
    if any(_SENTENCE_END.search(item) for item in items):
        return None
    return items


def _claim_tags(free: list[Line], style: TagStyle, claimed: dict[int, str]) -> tuple[str, ...]:
    if style is TagStyle.BULLETS:
        run: list[Line] = []
        for line in reversed(free):
            if not line.bullet:
                break
            run.append(line)
        for line in run:
            claimed[line.index] = "tag"
        return tuple(clean(line.text[1:]) for line in reversed(run))
    if style is TagStyle.COMMAS and free:
        items = _looks_like_tag_list(free[-1].text)
        if items:
            claimed[free[-1].index] = "tag"
            return tuple(items)
    return ()


# -- 3./7. agencies --------------------------------------------------------------------------------
def _agency_in(text: str, rule: AgencyRule, credits: Credits) -> tuple[str, str] | None:
    """(agency, the text with the credit taken off when the rule strips it) or None."""
    match = rule.regex.search(text)
    if not match or not match.groupdict().get("agency"):
        return None
    kept = (text[: match.start()] + text[match.end() :]).strip() if rule.strip else text
    return credits.agency_name(match.group("agency")), kept


def _agency_lines(free: list[Line], credits: Credits, claimed: dict[int, str]) -> str | None:
    found = None
    for rule in credits.rules:
        if rule.scope is not Scope.LINE:
            continue
        for line in free:
            match = rule.regex.fullmatch(line.text)
            if match:
                claimed[line.index] = "agency"
                named = credits.agency_name(match["agency"]) if match.groupdict().get("agency") else None
                found = found or named
    return found


def agency_in_paragraphs(paragraphs: list[str], credits: Credits) -> str | None:
    """The agency the paragraphs credit, by the first of the outlet's rules that finds one; a rule that
    strips its credit edits ``paragraphs`` in place (and drops a paragraph that was only the credit)."""
    for rule in credits.rules:
        if rule.scope is Scope.LINE or not paragraphs:
            continue
        positions = {Scope.FIRST: [0], Scope.LAST: [len(paragraphs) - 1]}.get(
            rule.scope, list(range(len(paragraphs)))
        )
        for position in positions:
            found = _agency_in(paragraphs[position], rule, credits)
            if found:
                agency, kept = found
                if kept:
                    paragraphs[position] = kept
                else:
                    del paragraphs[position]
                return agency
    return None


# -- 4. captions ---------------------------------------------------------------------------------
def split_caption(text: str, rules: Iterable[CaptionRule]) -> Image | None:
    """The caption and credit in one line of text, by the first pattern rule that matches it."""
    for rule in rules:
        if rule.regex is None:
            continue
        match = rule.regex.fullmatch(clean(text))
        if match:
            groups = match.groupdict()
            return Image(caption=groups.get("caption"), credit=groups.get("credit"))
    return None


def _claim_captions(
    lines: list[Line], free: list[Line], rules: tuple[CaptionRule, ...], claimed: dict[int, str]
) -> tuple[Image, ...]:
    found: dict[int, Image] = {}
    for line in free:
        image = split_caption(line.text, rules)
        if image is not None:
            found[line.index] = image
    free_indexes = {line.index for line in free}
    for rule in rules:
        if rule.before is None:
            continue
        for line in lines:
            if line.blank or not rule.before.match(line.text):
                continue
            above = next((lines[k] for k in range(line.index - 1, -1, -1) if not lines[k].blank), None)
            if above is not None and above.index in free_indexes and above.index not in found:
                found[above.index] = Image(caption=above.text)
    images: list[Image] = []
    previous: int | None = None
    for index in sorted(found):
        claimed[index] = "caption"
        # Adjacent caption lines describe one image; the later, visible caption replaces the alt text.
        if previous is not None and all(
            not lines[k].blank and k in claimed for k in range(previous + 1, index)
        ):
            images[-1] = found[index]
        else:
            images.append(found[index])
        previous = index
    return tuple(images)


# -- 5. dates and bylines ----------------------------------------------------------------------------
def _claim_date(
    free: list[Line], profile: CaptureProfile, timezone: str | None, claimed: dict[int, str]
) -> When | None:
    published = None
    for line in free:
        for rule in profile.dates:
            match = rule.regex.fullmatch(line.text)
            if not match:
                continue
            when = read_printed_date(match["date"], rule.formats, timezone)
            if when is not None:
                claimed[line.index] = "date"
                published = published or when
                break
    return published


def _claim_bylines(free: list[Line], profile: CaptureProfile, claimed: dict[int, str]) -> tuple[str, ...]:
    authors: list[str] = []
    for line in free:
        for regex in profile.bylines:
            match = regex.fullmatch(line.text)
            if match:
                claimed[line.index] = "byline"
                authors.extend(a for a in _AUTHOR_SEPARATORS.split(match["author"]) if a)
                break
    return tuple(dict.fromkeys(authors))


# -- 6. the head ------------------------------------------------------------------------------------
def _claim_head(free: list[Line], roles: tuple[Head, ...], claimed: dict[int, str]) -> dict[Head, str]:
    """The first free lines, in the roles the profile gives them. A title is a headline: a line that
    ends a sentence with a full stop is not one, so a capture copied from below the headline keeps
    its first paragraph in the body (the title is then unknown, not guessed)."""
    head: dict[Head, str] = {}
    lines = iter(free)
    line = next(lines, None)
    for role in roles:
        if line is None:
            break
        if role is Head.TITLE and _FULL_STOP.search(line.text):
            continue
        head[role] = line.text
        claimed[line.index] = role.value
        line = next(lines, None)
    return head


# -- the reader ------------------------------------------------------------------------------------
def read_with_profile(
    text: str, profile: CaptureProfile, *, timezone: str | None = None, credits: Credits | None = None
) -> Reading:
    """Read a capture of an outlet with that outlet's capture profile and credits (see the module
    docstring). ``credits`` None: the profile's deprecated ``agencies`` and ``captions``, if any."""
    credits = profile.credits if credits is None else credits
    lines = split_lines(text)
    claimed: dict[int, str] = {}

    def free() -> list[Line]:
        return [line for line in lines if not line.blank and line.index not in claimed]

    _claim_blocks(lines, profile.blocks, claimed)
    tags = _claim_tags(free(), profile.tags, claimed)
    agency = _agency_lines(free(), credits, claimed)
    remaining = free()
    signed_off = None
    if remaining and any(
        rule.strip and rule.scope is Scope.LAST and _agency_in(remaining[-1].text, rule, credits)
        for rule in credits.rules
    ):
        signed_off = remaining[-1]
    images = _claim_captions(
        lines, [ln for ln in remaining if ln is not signed_off], credits.captions, claimed
    )
    published = _claim_date(free(), profile, timezone, claimed)
    authors = _claim_bylines(free(), profile, claimed)

    head = _claim_head(free(), profile.head, claimed)
    paragraphs = [line.text for line in free()]
    agency = agency_in_paragraphs(paragraphs, credits) or agency
    return Reading(
        title=head.get(Head.TITLE),
        subtitle=head.get(Head.STANDFIRST),
        section=head.get(Head.SECTION),
        paragraphs=tuple(paragraphs),
        authors=authors,
        published=published,
        agency=agency,
        tags=tags,
        images=images,
    )
