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
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import ahocorasick_rs

try:  # Python 3.11+ (a private module: any change to it only makes patterns run everywhere)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _c = importlib.import_module("sre_constants")
    _p = importlib.import_module("sre_parse")

__all__ = ["LiteralFilter", "StartScan", "first_chars", "required_literals"]

_REPEATS = tuple(
    getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name)
)
_GROUPS = tuple(getattr(_c, name) for name in ("SUBPATTERN", "ATOMIC_GROUP") if hasattr(_c, name))
#: Zero-width items: they need no text of their own.
_ZERO_WIDTH = tuple(getattr(_c, name) for name in ("AT", "ASSERT", "ASSERT_NOT") if hasattr(_c, name))

#: A word a match must contain, and whether it must stand at the start of a word (after ``\b``).
Word = tuple[str, bool]
Words = frozenset[Word]
Literals = frozenset[str]

#: Exact sets larger than this are not expanded (the parts are read one by one instead).
_MAX_EXACT = 64
_BOUNDARY = frozenset(getattr(_c, name) for name in ("AT_BOUNDARY", "AT_BEGINNING") if hasattr(_c, name))


def _best(options: Iterable[Words]) -> Words | None:
    """The most selective of several sets, any one of which a match must contain: the set whose
    shortest word is longest (a set of words at a word's start wins a tie)."""
    best: Words | None = None
    best_key = (-1, False)
    for option in options:
        if option and "" not in {w for w, _ in option}:
            key = (min(len(w) for w, _ in option), all(b for _, b in option))
            if key > best_key:
                best, best_key = option, key
    return best


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """The strings an item matches, when they are few and fixed (lower case), else None."""
    if op is _c.LITERAL:
        return frozenset({chr(av).lower()})
    if op in _ZERO_WIDTH:
        return frozenset({""})
    if op is _c.IN:
        chars = {chr(v).lower() for o, v in av if o is _c.LITERAL}
        return frozenset(chars) if len(chars) == len(av) and len(chars) <= 4 else None
    if op in _GROUPS:
        return _exact_sequence(list(av[-1] if op is _c.SUBPATTERN else av))
    if op is _c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            part = _exact_sequence(list(branch))
            if part is None:
                return None
            found |= part
        return frozenset(found) if len(found) <= _MAX_EXACT else None
    if op in _REPEATS:
        low, high, sub = av
        part = _exact_sequence(list(sub))
        if part is None or high > 1:
            return None
        return part | {""} if low == 0 else part
    return None


def _exact_sequence(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    found = frozenset({""})
    for op, av in items:
        part = _exact(op, av)
        if part is None:
            return None
        found = frozenset(a + b for a in found for b in part)
        if len(found) > _MAX_EXACT:
            return None
    return found


def _sequence(items: Sequence[tuple[Any, Any]], bounded: bool = False) -> Words | None:
    """The words one of which a sequence needs: from each run of items that match fixed strings (the
    strings they make together) and from the other items' own needs; ``bounded``: the sequence starts
    at a word's start."""
    candidates: list[Words] = []
    run: frozenset[str] = frozenset({""})
    run_bounded = bounded
    after_boundary = bounded
    for op, av in items:
        part = _exact(op, av) if op not in _ZERO_WIDTH else None
        if part is not None:
            joined = frozenset(a + b for a in run for b in part)
            if len(joined) <= _MAX_EXACT:
                if run == {""} and _starts_at_boundary(op, av):
                    run_bounded = True  # "(?:\bmeet|\bmet)": the run starts a word
                run = joined
                after_boundary = False
                continue
        if run != {""}:
            candidates.append(frozenset((w, run_bounded) for w in run))
        run = frozenset({""})
        if op in _ZERO_WIDTH:
            after_boundary = _is_boundary(op, av)
            run_bounded = after_boundary
            continue
        inner = _item(op, av, after_boundary)
        if inner:
            candidates.append(inner)
        after_boundary = False
        run_bounded = False
    if run != {""}:
        candidates.append(frozenset((w, run_bounded) for w in run))
    return _best(candidates)


def _is_boundary(op: Any, av: Any) -> bool:
    """``\b``, ``^`` or a look-behind that refuses a word character before."""
    return (op is _c.AT and av in _BOUNDARY) or (op is _c.ASSERT_NOT and av[0] < 0)


def _starts_at_boundary(op: Any, av: Any) -> bool:
    """Whether every match of an item starts right after a word boundary the item asserts itself."""
    if _is_boundary(op, av):
        return True
    if op in _GROUPS:
        items = list(av[-1] if op is _c.SUBPATTERN else av)
        return bool(items) and _starts_at_boundary(*items[0])
    if op is _c.BRANCH:
        return all(len(branch) and _starts_at_boundary(*branch[0]) for branch in av[1])
    return False


def _item(op: Any, av: Any, bounded: bool) -> Words | None:
    if op in _GROUPS:
        sub = av[-1] if op is _c.SUBPATTERN else av
        return _sequence(list(sub), bounded)
    if op is _c.BRANCH:
        found: set[Word] = set()
        for branch in av[1]:
            words = _sequence(list(branch), bounded)
            if not words:
                return None  # a branch that needs no word: the alternation needs none
            found.update(words)
        return frozenset(found)
    if op in _REPEATS:
        low, _, sub = av
        return _sequence(list(sub), bounded) if low >= 1 else None
    return None


def required_words(pattern: re.Pattern[str]) -> Words | None:
    """Words (lower case) one of which every match of ``pattern`` contains, matched without regard to
    case, each with whether it starts a word; None when the pattern needs no fixed word."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern the private parser cannot read is run everywhere
        return None
    return _sequence(list(parsed))


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """:func:`required_words` without where they stand."""
    words = required_words(pattern)
    return frozenset(w for w, _ in words) if words else None


#: Characters that IGNORECASE matches beyond their lower and upper case ("k" matches the Kelvin sign).
_EXTRA_CASES: frozenset[str] = frozenset()
try:  # Python 3.11+ (private: without it a pattern matched without regard to case is not scanned)
    _EXTRA_CASES = frozenset(chr(c) for c in importlib.import_module("re._casefix")._EXTRA_CASES)
    _CASES_KNOWN = True
except (ImportError, AttributeError):  # pragma: no cover - Python 3.10
    _CASES_KNOWN = False

#: Character classes larger than this are not expanded (the pattern is then searched as it is).
_MAX_FIRST = 512


def _first_of(items: Sequence[tuple[Any, Any]], flags: int) -> tuple[frozenset[str], bool] | None:
    """The characters a match of the sequence may start with, and whether it may match nothing; None
    when they cannot be told (any character, a category, a back-reference)."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # takes no text: the next item gives the first character
        got = _first_item(op, av, flags)
        if got is None:
            return None
        chars |= got[0]
        if len(chars) > _MAX_FIRST:
            return None
        if not got[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _cased(chars: Iterable[str], flags: int) -> frozenset[str] | None:
    if not flags & re.IGNORECASE:
        return frozenset(chars)
    out: set[str] = set()
    for char in chars:
        if not _CASES_KNOWN or char in _EXTRA_CASES or len(char.lower()) != 1 or len(char.upper()) != 1:
            return None
        out.update((char, char.lower(), char.upper()))
    return frozenset(out)


def _first_item(op: Any, av: Any, flags: int) -> tuple[frozenset[str], bool] | None:
    if op is _c.LITERAL:
        cased = _cased(chr(av), flags)
        return (cased, False) if cased is not None else None
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < _MAX_FIRST:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None  # a negated class, a category
        cased = _cased(chars, flags)
        return (cased, False) if cased is not None else None
    if op is _c.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in av[1]:
            got = _first_of(list(branch), flags)
            if got is None:
                return None
            found |= got[0]
            empty = empty or got[1]
        return frozenset(found), empty
    if op is _c.SUBPATTERN:
        _, add, remove, sub = av
        return _first_of(list(sub), (flags | add) & ~remove)
    if op in _GROUPS:  # an atomic group
        return _first_of(list(av), flags)
    if op in _REPEATS:
        low, _, sub = av
        got = _first_of(list(sub), flags)
        return (got[0], got[1] or low == 0) if got is not None else None
    return None


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters every match of ``pattern`` starts with, when they can be told (and no match is
    empty), else None."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern the private parser cannot read is searched as it is
        return None
    got = _first_of(list(parsed), pattern.flags)
    if got is None or got[1] or not got[0]:
        return None
    return got[0]


class StartScan:
    """``pattern.finditer(text)``, with the pattern tried only where a match may start (at the
    characters of :func:`first_chars`): the same matches, faster for a pattern that opens with a
    look-behind or a word boundary, which the search otherwise tries at every place."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        chars = first_chars(pattern)
        self._starts: re.Pattern[str] | None = None
        if chars is not None:
            self._starts = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._starts is None:
            yield from self.pattern.finditer(text)
            return
        position = 0
        while True:
            found = None
            for start in self._starts.finditer(text, position):
                found = self.pattern.match(text, start.start())
                if found is not None:
                    break
            if found is None:
                return
            yield found
            position = found.end()  # (never empty: a match starts with one of the characters)


class LiteralFilter:
    """One automaton over the required words of several patterns."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        needs = [required_words(p) for p in self.patterns]
        #: Indices of the patterns that need no word: they run on every sentence.
        self.always = frozenset(i for i, words in enumerate(needs) if words is None)
        #: word -> whether every pattern needing it needs it at a word's start, and those patterns
        starts: dict[str, bool] = {}
        owners: dict[str, set[int]] = {}
        for index, words in enumerate(needs):
            for word, bounded in words or ():
                starts[word] = starts.get(word, True) and bounded
                owners.setdefault(word, set()).add(index)
        #: Per word of the automaton (in its order): whether it must start a word, and its patterns.
        self._payload = [(bounded, frozenset(owners[word])) for word, bounded in starts.items()]
        self._automaton = (
            ahocorasick_rs.AhoCorasick(list(starts), matchkind=ahocorasick_rs.MatchKind.Standard)
            if starts
            else None
        )

    def __getstate__(self) -> dict[str, object]:
        return {"patterns": self.patterns}  # the automaton does not pickle: it is built again

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(LiteralFilter(state["patterns"]).__dict__)

    def found(self, text: str) -> list[tuple[int, frozenset[int]]]:
        """Each required word in ``text``: its start and the patterns that need it (one pass, to give
        :meth:`positions` and :meth:`patterns_by_span` of the same text)."""
        if self._automaton is None:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): keep offsets
            lowered = "".join(c.lower()[0] for c in text)
        found = []
        payload = self._payload
        for index, start, _ in self._automaton.find_matches_as_indexes(lowered, overlapping=True):
            bounded, owners = payload[index]
            if bounded and start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
                continue
            found.append((start, owners))
        return found

    def positions(self, text: str) -> list[int]:
        """The start offsets in ``text`` of every required word (lower case is compared; a word needed
        at a word's start only there), sorted."""
        return sorted({start for start, _ in self.found(text)})

    def patterns_by_span(
        self, text: str, starts: Sequence[int], found: Sequence[tuple[int, frozenset[int]]] | None = None
    ) -> dict[int, set[int]]:
        """For each span (given by its sorted start offset in ``text``) that some pattern may match
        in, the indices of those patterns (the patterns that need no word are in every span).
        ``found``: :meth:`found` of ``text`` when the caller has it."""
        by_span: dict[int, set[int]] = {}
        if self.always:
            by_span = {i: set(self.always) for i in range(len(starts))}
        if not starts:
            return by_span
        for start, owners in self.found(text) if found is None else found:
            by_span.setdefault(max(bisect.bisect_right(starts, start) - 1, 0), set()).update(owners)
        return by_span

    def spans(self, text: str, starts: Sequence[int], positions: Sequence[int] | None = None) -> set[int]:
        """The spans (given by their sorted start offsets in ``text``) that some pattern may match in:
        those that hold a required word, and all of them when a pattern needs none. ``positions``
        are :meth:`positions` of ``text`` when the caller has them."""
        if self.always:
            return set(range(len(starts)))
        if positions is None:
            positions = self.positions(text)
        return {max(bisect.bisect_right(starts, p) - 1, 0) for p in positions} if starts else set()
