"""Which sentences a pattern can match in, from the literal words every match of it must contain.

A trigger pattern such as ``\\b(?:meetings?|met|talks)\\b`` can only match where "meeting", "met" or
"talks" occurs. :func:`required_literals` reads those words off the compiled pattern (its parse tree:
a sequence needs one of its parts, an alternation one literal of each branch, a repetition that may
be absent nothing), and a :class:`LiteralFilter` finds all of them in an article with one
Aho-Corasick pass over its lower-cased text, so that the patterns themselves run only in the
sentences that hold one. A pattern with no such word (one that could match anything) is run
everywhere: the filter never loses a match, it only skips text where none can be.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick

try:  # Python 3.11+ (a private module: any change to it only makes patterns run everywhere)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _c = importlib.import_module("sre_constants")
    _p = importlib.import_module("sre_parse")

__all__ = ["LiteralFilter", "required_literals"]

_REPEATS = tuple(
    getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name)
)
_GROUPS = tuple(getattr(_c, name) for name in ("SUBPATTERN", "ATOMIC_GROUP") if hasattr(_c, name))
#: Zero-width items: they need no text of their own.
_ZERO_WIDTH = tuple(getattr(_c, name) for name in ("AT", "ASSERT", "ASSERT_NOT") if hasattr(_c, name))

Literals = frozenset[str]


def _best(options: Iterable[Literals]) -> Literals | None:
    """The most selective of several sets, any one of which a match must contain: the set whose
    shortest word is longest."""
    best: Literals | None = None
    for option in options:
        if option and (best is None or min(map(len, option)) > min(map(len, best))):
            best = option
    return best


def _sequence(items: Sequence[tuple[Any, Any]]) -> Literals | None:
    candidates: list[Literals] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        if op in _ZERO_WIDTH:
            continue
        inner = _item(op, av)
        if inner:
            candidates.append(inner)
    if run:
        candidates.append(frozenset({run}))
    return _best(candidates)


def _item(op: Any, av: Any) -> Literals | None:
    if op in _GROUPS:
        sub = av[-1] if op is _c.SUBPATTERN else av
        return _sequence(list(sub))
    if op is _c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            literals = _sequence(list(branch))
            if not literals:
                return None  # a branch that needs no literal: the alternation needs none
            found.update(literals)
        return frozenset(found)
    if op in _REPEATS:
        low, _, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    if op is _c.IN:  # a one-character class: a literal only when it holds one character in two cases
        chars = {chr(v) for o, v in av if o is _c.LITERAL}
        if len(chars) == len(av) and len({c.lower() for c in chars}) == 1:
            return frozenset({next(iter(chars)).lower()})
    return None


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Words (lower case) one of which every match of ``pattern`` contains, matched without regard
    to case; None when the pattern needs no literal word."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern the private parser cannot read is run everywhere
        return None
    literals = _sequence(list(parsed))
    return frozenset(word.lower() for word in literals) if literals else None


class LiteralFilter:
    """One automaton over the required words of several patterns."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        #: Indices of the patterns that need no word: they run on every sentence.
        self.always = frozenset(i for i, p in enumerate(self.patterns) if required_literals(p) is None)
        self._automaton = ahocorasick.Automaton()
        owners: dict[str, set[int]] = {}
        for index, pattern in enumerate(self.patterns):
            for word in required_literals(pattern) or ():
                owners.setdefault(word, set()).add(index)
        for word, indices in owners.items():
            self._automaton.add_word(word, (len(word), frozenset(indices)))
        self._empty = not owners
        if not self._empty:
            self._automaton.make_automaton()

    def positions(self, text: str) -> list[int]:
        """The start offsets in ``text`` of every required word (lower case is compared), sorted."""
        if self._empty:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): keep offsets
            lowered = "".join(c.lower()[0] for c in text)
        return sorted({last - size + 1 for last, (size, _) in self._automaton.iter(lowered)})

    def spans(self, text: str, starts: Sequence[int], positions: Sequence[int] | None = None) -> set[int]:
        """The spans (given by their sorted start offsets in ``text``) that some pattern may match in:
        those that hold a required word, and all of them when a pattern needs none. ``positions``
        are :meth:`positions` of ``text`` when the caller has them."""
        if self.always:
            return set(range(len(starts)))
        if positions is None:
            positions = self.positions(text)
        return {max(bisect.bisect_right(starts, p) - 1, 0) for p in positions} if starts else set()
