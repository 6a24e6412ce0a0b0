"""Bounds on markup, applied once to every HTML page before any plugin parses it (issue 18 item 15).

The HTML parser (Lexbor, through selectolax) and the rules after it are linear in the size of
ordinary markup, but not in three shapes a hostile or broken page can take:

- *depth*: each block start tag makes the parser look down the stack of open elements, so 100,000
  nested ``<div>`` cost ~10^10 steps; the rules that look at a node's ancestors grow the same way;
- *attributes on one element*: the parser checks each new attribute against those before it, so an
  element with 40,000 attributes takes seconds;
- *one huge attribute value* (a 50 MB ``class``): every class and id rule reads it again.

So elements nested deeper than :data:`MAX_DEPTH` lose their tags (their text stays, in the element at
that depth: browsers flatten the same way, Blink at 512 levels), an element keeps its first
:data:`MAX_ATTRIBUTES` attributes (when they run over a few kilobytes: fewer cost the parser
about a millisecond), and an attribute value keeps its first :data:`MAX_VALUE_CHARS` characters.
A page that needs none of this is returned unchanged (the same object); one that does is named in a
warning with what was cut.

The scan is one pass over the tags with a tokenizer that knows what the parser knows for this purpose:
comments, raw-text elements (``script``, ``style``, ``textarea``, ``title``, ``xmp``...) whose content
is not markup, void elements, and elements whose end tag may be left out (``p``, ``li``, ``td``...)
and which therefore never count as depth.
"""

from __future__ import annotations

import itertools
import logging
import re

__all__ = ["MAX_ATTRIBUTES", "MAX_DEPTH", "MAX_VALUE_CHARS", "bound_markup"]

_log = logging.getLogger("newsparse")

#: Elements nested deeper than this lose their tags (Blink's parser flattens at 512 levels too).
MAX_DEPTH = 512
#: Attributes an element keeps (the rest are dropped).
MAX_ATTRIBUTES = 256
#: Characters an attribute value keeps (a class list, a ``content``, a ``srcset`` are far shorter; the
#: longest of the 314 benchmark pages, a JSON ``data-posts``, has 73,259).
MAX_VALUE_CHARS = 1_048_576
#: A start tag shorter than this cannot hold more attributes or a longer value than the caps allow
#: (an attribute takes at least two characters), so it is not read further.
_LONG_TAG = min(2 * MAX_ATTRIBUTES, MAX_VALUE_CHARS)

_VOID = frozenset(
    [
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
#: Elements whose end tag may be left out: another start tag closes them, so they are no depth.
_OPTIONAL_END = frozenset(
    [
        "body",
        "caption",
        "colgroup",
        "dd",
        "dt",
        "head",
        "html",
        "li",
        "optgroup",
        "option",
        "p",
        "rb",
        "rp",
        "rt",
        "rtc",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
    ]
)
#: Elements whose content is text up to their end tag, not markup.
_RAW_TEXT = frozenset(
    ["iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"]
)
#: Foreign elements, within which a start tag ending in "/>" has no content.
_FOREIGN = frozenset(("svg", "math"))
#: How far down the stack an end tag looks for its element (misnested end tags close a few levels).
_END_TAG_REACH = 16

#: A comment's start, or a whole tag: its name, then the rest, where a quote after ``=`` opens a value
#: that may hold ``>`` (a quote elsewhere is a character of a name, as the parser has it). Each way
#: through is the only one (no backtracking). A tag that never ends has no ``rest``.
_TOKEN = re.compile(
    r"""<!--|<(/?)([a-zA-Z][^\s/>]*)(?P<rest>[^>=]*(?:=\s*(?:"[^"]*"|'[^']*'|(?=[^\s"']))[^>=]*)*>)?"""
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


_LONG_VALUE = re.compile(rf"""\"[^"]{{{MAX_VALUE_CHARS}}}|'[^']{{{MAX_VALUE_CHARS}}}""")
#: A start tag from its ``<`` to the next ``<`` or ``>``.
_TAG_RUN = re.compile(r"<[a-zA-Z][^<>]*")
#: Quoted values, taken out of a long tag before its words (its attributes) are counted: the long tags
#: of real pages are long values (JSON, URLs), not many attributes.
_QUOTED = re.compile(r"""=\s*(?:"[^"]*"|'[^']*')""")
#: The estimates read the page in pieces of this many characters. Depth that opens and closes within
#: one piece (at most ~800 levels of ``<div>``) is not seen, nor an element whose attributes fit in
#: two pieces (at most ~1,000 attributes): each costs the parser about a millisecond.
_PIECE = 4_096
#: An end tag's ``</``, or a void start tag in lower or upper case (a case-blind pattern is twice as
#: slow; mixed case is rare and only overestimates the depth): one scan finds both, which
#: ``str.count("</")`` and a second scan for the void tags cost twice.
_CLOSE_OR_VOID = re.compile(rf"<(?:/|(?:{'|'.join(sorted(_VOID))}|{'|'.join(sorted(_VOID)).upper()})[\s/>])")


def _may_hold_long_value(html: str) -> bool:
    """False when no quoted value can be longer than :data:`MAX_VALUE_CHARS`: such a value is a run of
    that many characters without its quote, which would hold a whole aligned stretch of half as many,
    so a page whose every such stretch holds both quotes has none (``str.find`` stops at the first
    quote of each, where the pattern reads the page twice)."""
    half = MAX_VALUE_CHARS // 2
    return any(
        html.find(quote, start, start + half) < 0
        for quote in "\"'"
        for start in range(0, len(html) - half + 1, half)
    )


def _may_exceed(html: str) -> bool:
    """Whether ``html`` may exceed a bound, by counting in C (the exact scan below is Python, per tag):
    a long value, a piece of the page inside one tag that has many attributes, or an estimated depth
    over :data:`MAX_DEPTH`. (Counting start and end tags over the whole page does not bound the
    depth: a deep page closes its elements at the end.)"""
    if len(html) > MAX_VALUE_CHARS and _may_hold_long_value(html) and _LONG_VALUE.search(html):
        return True
    # (Depth is at most the number of "<", so a page of few tags never exceeds it: no separate count
    # of the page's "<" is needed to skip the estimate for it.)
    depth = total = 0
    checked = -1  # the start of the last long tag whose attributes were counted
    for start in range(0, len(html), _PIECE):
        end = start + _PIECE
        tags = html.count("<", start, end)
        if tags == 0 and end <= len(html) and html.count(">", start, end) == 0:
            # A whole piece without "<" or ">": inside a long tag (or a long run of text).
            opening = html.rfind("<", 0, start)
            if opening > checked:
                checked = opening
                run = _TAG_RUN.match(html, opening)
                if run is not None and len(_QUOTED.sub("=", run.group(0)).split()) > MAX_ATTRIBUTES:
                    return True
        # The depth: start tags (not void) minus end tags, never below zero. A comment or a
        # self-closed element counts as a start tag (a safe overestimate); end tags that close
        # nothing (strays) can hide depth within one piece, but then the page as a whole has far
        # more end tags than start tags (checked below: real pages have at most a few hundred).
        found = _CLOSE_OR_VOID.findall(html, start, end)
        closes = found.count("</")
        change = tags - 2 * closes - (len(found) - closes)
        depth, total = max(0, depth + change), total + change
        if depth > MAX_DEPTH:
            return True
    # Far more end tags than start tags: strays, which may have hidden depth inside pieces.
    return total < -MAX_DEPTH


def bound_markup(html: str, source: str) -> str:
    """``html`` within the bounds above (``html`` itself when it is within them already)."""
    if not _may_exceed(html):
        return html
    pieces: list[str] = []
    kept = 0  # html[kept:] is still to be copied
    # The open elements that nest, by name: those past MAX_DEPTH are the ones whose tags are dropped.
    stack: list[str] = []
    foreign = 0  # open svg and math elements: inside them (only) "/>" closes an element
    flattened = trimmed = 0
    tokens = _TOKEN.finditer(html)
    while (token := next(tokens, None)) is not None:  # (``tokens`` restarts after comments, raw text)
        start, tag_end = token.span()
        if tag_end - start == 4 and html.startswith("<!--", start):
            end = html.find("-->", tag_end)
            if end < 0:
                break
            tokens = _TOKEN.finditer(html, end + 3)  # read on after the comment
            continue
        if token.start("rest") < 0:
            break  # a tag that never ends: the parser drops it and what follows
        closing, name = token.group(1, 2)
        name = name.lower()
        if closing:
            for reach in range(len(stack) - 1, max(-1, len(stack) - 1 - _END_TAG_REACH), -1):
                if stack[reach] == name:
                    if reach >= MAX_DEPTH:  # its start tag was dropped: so is this end tag
                        pieces.append(html[kept:start])
                        kept = tag_end
                    foreign -= sum(1 for gone in stack[reach:] if gone in _FOREIGN)
                    del stack[reach:]
                    break
            continue
        # "/>" closes an element of svg or math only: "<div/>" leaves a div open
        closed = (foreign > 0 or name in _FOREIGN) and html.startswith("/>", tag_end - 2)
        nests = not (name in _VOID or name in _OPTIONAL_END or closed)
        if nests and len(stack) >= MAX_DEPTH and name not in _RAW_TEXT:
            stack.append(name)  # too deep: the tag goes, its content stays where it is
            foreign += name in _FOREIGN
            pieces.append(html[kept:start])
            kept = tag_end
            flattened += 1
            continue
        if tag_end - start > _LONG_TAG:
            bounded = _bounded_tag(html[start:tag_end], token.group(2))
            if bounded is not None:
                pieces.append(html[kept:start])
                pieces.append(bounded)
                kept = tag_end
                trimmed += 1
        if name in _RAW_TEXT:
            if name == "plaintext":
                break
            close = re.compile(rf"</{re.escape(name)}[\s/>]", re.IGNORECASE).search(html, tag_end)
            if close is None:
                break
            tokens = _TOKEN.finditer(html, close.start())  # its content is text, not markup
        elif nests:
            stack.append(name)
            foreign += name in _FOREIGN
    if not pieces:
        return html
    pieces.append(html[kept:])
    if flattened:
        _log.warning(
            "%s: %d elements nested deeper than %d levels lost their tags", source, flattened, MAX_DEPTH
        )
    if trimmed:
        _log.warning(
            "%s: %d elements cut to %d attributes of at most %d characters",
            source,
            trimmed,
            MAX_ATTRIBUTES,
            MAX_VALUE_CHARS,
        )
    return "".join(pieces)


def _bounded_tag(tag: str, name: str) -> str | None:
    """A long start tag with its first :data:`MAX_ATTRIBUTES` attributes, each value cut to
    :data:`MAX_VALUE_CHARS`; None when it is within bounds already."""
    body = tag[1 + len(name) : -1]
    attributes = list(itertools.islice(_ATTRIBUTE.finditer(body), MAX_ATTRIBUTES + 1))  # not a million
    long_values = any(
        m.group(2) and len(m.group(2)) > MAX_VALUE_CHARS + 2 for m in attributes[:MAX_ATTRIBUTES]
    )
    if len(attributes) <= MAX_ATTRIBUTES and not long_values:
        return None
    kept = []
    for match in attributes[:MAX_ATTRIBUTES]:
        value = match.group(2)
        if value is None:
            kept.append(match.group(1))
            continue
        if len(value) > MAX_VALUE_CHARS + 2:
            quote = value[0] if value[0] in "\"'" else '"'
            inner = value[1:-1] if value[0] in "\"'" else value
            value = quote + inner[:MAX_VALUE_CHARS] + quote
        kept.append(f"{match.group(1)}={value}")
    closing = "/>" if body.rstrip().endswith("/") else ">"
    return f"<{name} {' '.join(kept)}{closing}"
