"""Section ``events``: contact events found by newsparse against the gold written by reading pages.

The gold is every ``benchmarks/events/gold/*.jsonl`` (format and rules: ``benchmarks/events/GOLD.md``).
Each gold page is read from ``../shared`` (``--shared``) with ``newsparse.parse`` and no hints, so the
score is what a user gets; its mentions come from ``newsparse.default_pipeline().mentions`` and are
merged per page with ``merge_mentions`` (per-page events) and, all pages of a part together, across
pages (cross-page events).

Only contacts count (meeting, visit, call, video_call); ``intent_to_meet`` events are counted apart.
A system event matches a gold event of its page when the kinds agree (``strict``: the same kind;
``family``: the same ``MERGE_FAMILY``, so meeting and visit agree) and the participants agree
(``exact``: equal as sets under :func:`actor_matches`; ``overlap2``: at least two in common).  Each
page's events are assigned one to one, greedily by the best overlap.  Precision is assigned system
events over all system contact events, recall assigned gold events over all gold events; the headline
is ``family`` + ``exact``.  A system event left unassigned that matches a gold event already taken is a
same-page duplicate (it counts against precision too).  Dating and placing are measured on the
assigned pairs of the headline matching.  Cross-page merges: for gold events sharing a ``canonical``
key on different pages, whether the cross-page events put their matched mentions together; a false
join is a cross-page event holding mentions matched to different real contacts.

The gold is split by publisher (GOLD.md): a page is held out when ``sha256(publisher) % 3 == 0``.  The
held-out part is neither parsed nor scored unless ``--held-out`` is given; without it only its size
is printed.  ``--verbose`` lists the failures of each scored page (missed gold events with their
evidence, false system events with their sentence).

Run: ``python -m benchmarks events [--held-out] [--verbose] [--shared DIR]``.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import itertools
import json
import re
import subprocess
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "events" / "gold"

CONTACT_KINDS = ("meeting", "visit", "call", "video_call")
INTENT = "intent_to_meet"
# The families of vocabulary.MERGE_FAMILY, repeated so the scorer's arithmetic can be tested without
# the library; a test checks they agree with it.
FAMILY = {"meeting": "in_person", "visit": "in_person", "call": "call", "video_call": "video_call"}
VARIANTS = {
    "family_exact": ("family", "exact"),
    "strict_exact": ("strict", "exact"),
    "family_overlap2": ("family", "overlap2"),
    "strict_overlap2": ("strict", "overlap2"),
}
HEADLINE = "family_exact"
LENIENT = "family_overlap2"


# -- the split ---------------------------------------------------------------------------------------
def held_out(publisher: str) -> bool:
    """GOLD.md's rule: a publisher's pages are held out when its SHA-256 is divisible by 3."""
    return int(hashlib.sha256(publisher.encode()).hexdigest(), 16) % 3 == 0


def load_gold(folder: Path = GOLD) -> list[dict[str, Any]]:
    """Every gold page of every ``*.jsonl`` in the folder, in file then line order."""
    pages = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                row["_gold"] = f"{path.name}:{number}"
                pages.append(row)
    return pages


def find_shared(root: Path = ROOT) -> Path:
    """``../shared`` beside the repository root; in a git worktree, beside the main checkout's root."""
    candidates = [root.parent / "shared"]
    try:
        common = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        candidates.append(Path(common).parent.parent / "shared")
    except (OSError, subprocess.CalledProcessError):
        pass
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


# -- actors --------------------------------------------------------------------------------------------
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "professor",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "general",
        "gen",
        "lt",
        "col",
        "colonel",
        "admiral",
        "adm",
        "pope",
        "ambassador",
        "judge",
        "justice",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "foreign",
        "defence",
        "defense",
        "state",
        "the",
        "of",
        "deputy",
        "first",
        "lady",
    ]
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’'`]s\b", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def name_tokens(name: str) -> list[str]:
    """A name casefolded, without accents, punctuation or leading titles ("President Joe Biden" ->
    ["joe", "biden"]); titles are kept when nothing else is left."""
    tokens = _fold(name).split()
    start = 0
    while start < len(tokens) - 1 and tokens[start] in _TITLES:
        start += 1
    return tokens[start:]


def is_state_actor(actor: Any, state_ids: frozenset[str] = frozenset()) -> bool:
    """A country actor: its id is a known country id, ``country:...``, or a bare ISO code."""
    ident = actor.id
    return ident in state_ids or ident.startswith("country:") or bool(re.fullmatch(r"[A-Z]{2,3}", ident))


def actor_matches(actor: Any, participant: dict[str, Any], state_ids: frozenset[str] = frozenset()) -> bool:
    """Whether a system :class:`~newsparse.models.Actor` is a gold participant, leniently.

    A state matches a country actor of its ISO3 ``country`` or of its name.  A person matches a
    non-country actor when the names agree after :func:`name_tokens`: equal, or the gold name holds
    the system name's last token, or the system name holds the gold name's last token.  An
    organisation matches a non-country actor whose name equals it or holds all its words (or the
    reverse)."""
    kind = participant.get("type")
    gold = name_tokens(participant.get("name") or "")
    system = name_tokens(actor.name or "")
    if not gold or not system:
        return False
    state = is_state_actor(actor, state_ids)
    if kind == "state":
        if not state:
            return False
        return (
            bool(participant.get("country")) and actor.country == participant["country"]
        ) or gold == system
    if state:
        return False
    if kind == "person":
        return gold == system or system[-1] in gold or gold[-1] in system
    return gold == system or set(gold) <= set(system) or set(system) <= set(gold)


def matched_count(
    actors: Sequence[Any], participants: Sequence[dict[str, Any]], state_ids: frozenset[str]
) -> int:
    """The size of a largest one-to-one pairing of system actors with gold participants."""
    edges = [[j for j, p in enumerate(participants) if actor_matches(a, p, state_ids)] for a in actors]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(actors)))


# -- what is scored ----------------------------------------------------------------------------------
@dataclass
class SysEvent:
    """A system event as the scorer sees it (built from a newsparse Event, or by hand in tests)."""

    kind: str
    participants: tuple[Any, ...]
    date: str | None = None
    place: str | None = None
    place_within: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # mention keys, to follow them into the cross-page events
    rules: tuple[str, ...] = ()


@dataclass
class PageMatch:
    assigned: dict[int, int] = field(default_factory=dict)  # system index -> gold index
    duplicates: dict[int, int] = field(default_factory=dict)  # system index -> gold index it repeats


def pair_fits(
    event: SysEvent, gold: dict[str, Any], kinds: str, participants: str, state_ids: frozenset[str]
) -> int:
    """0 when the system event does not match the gold event under the rules, else its overlap."""
    if kinds == "strict" and event.kind != gold["kind"]:
        return 0
    if kinds == "family" and FAMILY.get(event.kind) != FAMILY.get(gold["kind"]):
        return 0
    overlap = matched_count(event.participants, gold["participants"], state_ids)
    if participants == "exact":
        ok = overlap == len(event.participants) == len(gold["participants"])
    else:
        ok = overlap >= 2
    return overlap if ok else 0


def match_page(
    golds: Sequence[dict[str, Any]],
    events: Sequence[SysEvent],
    kinds: str = "family",
    participants: str = "exact",
    state_ids: frozenset[str] = frozenset(),
) -> PageMatch:
    """One-to-one assignment of system events to gold events, greedy by best overlap (then the same
    kind, the same date, lower indexes); unassigned events that fit a taken gold event are duplicates."""
    fits = []
    for i, event in enumerate(events):
        for j, gold in enumerate(golds):
            overlap = pair_fits(event, gold, kinds, participants, state_ids)
            if overlap:
                same_kind = event.kind == gold["kind"]
                same_date = date_verdict(gold.get("date"), event.date) == "right"
                fits.append((-overlap, not same_kind, not same_date, i, j))
    result = PageMatch()
    for *_, i, j in sorted(fits):
        if i not in result.assigned and j not in result.assigned.values():
            result.assigned[i] = j
    for *_, i, j in sorted(fits):
        if i not in result.assigned and i not in result.duplicates:
            result.duplicates[i] = j
    return result


def date_verdict(gold: str | None, system: str | None) -> str:
    """``right`` (equal at gold's precision, or both undated), ``coarser`` (system less precise but
    consistent), ``wrong``, ``missing`` (system undated, gold dated) or ``spurious`` (the reverse)."""
    if gold is None and system is None:
        return "right"
    if system is None:
        return "missing"
    if gold is None:
        return "spurious"
    gold, system = gold[:10], system[:10]
    if len(system) < len(gold):
        return "coarser" if gold.startswith(system) else "wrong"
    return "right" if system[: len(gold)] == gold else "wrong"


def place_verdict(gold: str | None, name: str | None, within: Iterable[str] = ()) -> str:
    """``right`` (names equal casefolded, one name's words inside the other's, or gold in the system
    place's ``within``), ``wrong``, ``missing`` (no system place), ``spurious`` (no gold place) or
    ``none`` (neither has one)."""
    if gold is None:
        return "none" if name is None else "spurious"
    if name is None:
        return "missing"
    g, s = _fold(gold), _fold(name)
    folded = {_fold(w) for w in within}
    if g == s or g in folded or f" {g} " in f" {s} " or f" {s} " in f" {g} ":
        return "right"
    return "wrong"


def norm_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[‘’‛′`]", "'", text)
    text = re.sub(r"[“”„″]", '"', text)
    text = re.sub(r"[‐-―−]", "-", text)
    return " ".join(text.split()).casefold()


def overlap_share(a: str, b: str) -> float:
    """How much two sentences are the same words: 1.0 when one holds the other, else the longest
    shared run of characters over the shorter one (sentence splitters disagree about quotes)."""
    a, b = norm_text(a), norm_text(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    match = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size / min(len(a), len(b)) if match.size >= 30 else 0.0


def overlaps(a: str, b: str) -> bool:
    """Whether two sentences report from the same words (:func:`overlap_share` at least 0.6)."""
    return overlap_share(a, b) >= 0.6


def _gold_sentences(gold: dict[str, Any]) -> list[str]:
    return [gold["evidence"], *gold.get("also", [])]


# -- scoring ----------------------------------------------------------------------------------------
@dataclass
class PageRun:
    """One gold page with what newsparse made of it."""

    gold: dict[str, Any]
    events: list[SysEvent]  # per-page contact events
    intents: list[SysEvent] = field(default_factory=list)
    error: str | None = None  # the page could not be parsed
    published: str | None = None  # the publication date newsparse found
    mention_failures: list[str] = field(default_factory=list)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def score(
    runs: Sequence[PageRun],
    cross: Sequence[Sequence[str]] = (),
    state_ids: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The metrics of a part: ``runs`` are its pages, ``cross`` its cross-page events (each the
    mention keys it holds)."""
    out: dict[str, Any] = {
        "pages": len(runs),
        "gold_events": sum(len(r.gold["events"]) for r in runs),
        "system_events": sum(len(r.events) for r in runs),
        "intent_events": sum(len(r.intents) for r in runs),
        "parse_failures": sum(r.error is not None for r in runs),
        "mention_failures": sum(len(r.mention_failures) for r in runs),
        "no_published": sum(r.error is None and r.published is None for r in runs),
        "no_published_gold_has": sum(
            r.error is None and r.published is None and r.gold.get("published") is not None for r in runs
        ),
        "variants": {},
    }
    matches: dict[str, list[PageMatch]] = {}
    for name, (kinds, participants) in VARIANTS.items():
        page_matches = [match_page(r.gold["events"], r.events, kinds, participants, state_ids) for r in runs]
        matches[name] = page_matches
        matched = sum(len(m.assigned) for m in page_matches)
        political = [
            (j, m) for r, m in zip(runs, page_matches, strict=True) for j, g in enumerate(r.gold["events"])
            if g.get("domain") == "political"
        ]  # fmt: skip
        political_found = sum(j in m.assigned.values() for j, m in political)
        out["variants"][name] = {
            "matched": matched,
            "precision": _ratio(matched, out["system_events"]),
            "recall": _ratio(matched, out["gold_events"]),
            "political_gold": len(political),
            "political_matched": political_found,
            "political_recall": _ratio(political_found, len(political)),
            "duplicates": sum(len(m.duplicates) for m in page_matches),
        }
    for name in (HEADLINE, LENIENT):
        dating: Counter[str] = Counter()
        placing: Counter[str] = Counter()
        for r, m in zip(runs, matches[name], strict=True):
            for i, j in m.assigned.items():
                gold, event = r.gold["events"][j], r.events[i]
                dating[date_verdict(gold.get("date"), event.date)] += 1
                placing[place_verdict(gold.get("place"), event.place, event.place_within)] += 1
        assigned = sum(dating.values())
        with_place = sum(placing[k] for k in ("right", "wrong", "missing"))
        out["variants"][name]["dating"] = {
            "verdicts": dict(sorted(dating.items())),
            "right": _ratio(dating["right"], assigned),
            "missing": _ratio(dating["missing"], assigned),
            "spurious": _ratio(dating["spurious"], assigned),
        }
        out["variants"][name]["placing"] = {
            "verdicts": dict(sorted(placing.items())),
            "with_gold_place": with_place,
            "right": _ratio(placing["right"], with_place),
        }
    out["traps"] = _trap_hits(runs, matches[HEADLINE])
    out["cross_page"] = cross_page(runs, matches[HEADLINE], cross)
    out["failures"] = _failures(runs, matches[HEADLINE])
    return out


def _trap_hits(runs: Sequence[PageRun], matches: Sequence[PageMatch]) -> dict[str, Any]:
    """Traps that a false contact event (not matched, not a duplicate) or an intent came from."""
    total: Counter[str] = Counter()
    contact: Counter[str] = Counter()
    intent: Counter[str] = Counter()
    for r, m in zip(runs, matches, strict=True):
        false = [e for i, e in enumerate(r.events) if i not in m.assigned and i not in m.duplicates]
        for trap in r.gold.get("traps", []):
            total[trap["class"]] += 1
            if any(overlaps(trap["evidence"], s) for e in false for s in e.sentences):
                contact[trap["class"]] += 1
            if any(overlaps(trap["evidence"], s) for e in r.intents for s in e.sentences):
                intent[trap["class"]] += 1
    return {
        "total": sum(total.values()),
        "became_contact": sum(contact.values()),
        "became_intent": sum(intent.values()),
        "by_class": {
            k: {"traps": total[k], "contact": contact[k], "intent": intent[k]}
            for k in sorted(total, key=lambda k: (-total[k], k))
        },
    }


def cross_page(
    runs: Sequence[PageRun], matches: Sequence[PageMatch], cross: Sequence[Sequence[str]]
) -> dict[str, Any]:
    """Pairs of gold events on different pages with one ``canonical`` key, and how many the
    cross-page events join; false joins are cross-page events whose mentions were matched (on their
    pages) to gold events of different real contacts."""
    label: dict[str, tuple[str, str]] = {}  # mention key -> (page, gold id)
    identity: dict[tuple[str, str], str] = {}  # (page, gold id) -> real contact
    for r, m in zip(runs, matches, strict=True):
        page = r.gold["page"]
        for gold in r.gold["events"]:
            identity[(page, gold["id"])] = gold.get("canonical") or f"{page}#{gold['id']}"
        for i, j in itertools.chain(m.assigned.items(), m.duplicates.items()):
            for key in r.events[i].mentions:
                label[key] = (page, r.gold["events"][j]["id"])
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for member, real in identity.items():
        groups[real].append(member)
    expected = [
        (a, b) for members in groups.values() for a, b in itertools.combinations(sorted(members), 2)
        if a[0] != b[0]
    ]  # fmt: skip
    together: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    false_joins = 0
    for event in cross:
        labels = sorted({label[k] for k in event if k in label})
        together.update(itertools.combinations(labels, 2))
        if len({identity[x] for x in labels}) > 1:
            false_joins += 1
    joined = sum(pair in together for pair in expected)
    return {
        "pairs_expected": len(expected),
        "pairs_joined": joined,
        "share_joined": _ratio(joined, len(expected)),
        "false_joins": false_joins,
        "cross_events": len(cross),
    }


def _failures(runs: Sequence[PageRun], matches: Sequence[PageMatch]) -> list[dict[str, Any]]:
    """Per page: missed gold events and false system events, each with a rough cause."""
    pages = []
    for r, m in zip(runs, matches, strict=True):
        golds = r.gold["events"]
        missed = []
        for j, gold in enumerate(golds):
            if j in m.assigned.values():
                continue
            sentences = _gold_sentences(gold)
            near = [e for e in r.events if any(overlaps(g, s) for g in sentences for s in e.sentences)]
            as_intent = any(overlaps(g, s) for g in sentences for e in r.intents for s in e.sentences)
            cause = (
                "parse failure" if r.error else
                "found with other participants or kind" if near else
                "coded as intent" if as_intent else
                "nothing from its sentences"
            )  # fmt: skip
            missed.append({
                "id": gold["id"], "kind": gold["kind"], "cause": cause,
                "participants": [p["name"] for p in gold["participants"]],
                "gold_participants": gold["participants"],
                "date": gold.get("date"), "evidence": gold["evidence"],
                "system": [_describe(e) for e in near],
            })  # fmt: skip
        false = []
        for i, event in enumerate(r.events):
            if i in m.assigned:
                continue
            if i in m.duplicates:
                cause = f"duplicate of {golds[m.duplicates[i]]['id']}"
            else:
                share, cause = max(
                    [(0.0, "sentence not in gold")]
                    + [
                        (overlap_share(t["evidence"], x), f"trap:{t['class']}")
                        for t in r.gold.get("traps", []) for x in event.sentences
                    ]
                    + [
                        (overlap_share(g, x), f"wrong participants/kind for {gold['id']}")
                        for gold in golds for g in _gold_sentences(gold) for x in event.sentences
                    ],
                    key=lambda item: item[0],
                )  # fmt: skip
                if share < 0.6:
                    cause = "sentence not in gold"
            false.append({**_describe(event), "cause": cause})
        if missed or false or r.error:
            pages.append({"page": r.gold["page"], "error": r.error, "missed": missed, "false": false})
    return pages


def _describe(event: SysEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "participants": [a.name for a in event.participants],
        "date": event.date,
        "place": event.place,
        "rules": list(event.rules),
        "sentence": event.sentences[0] if event.sentences else "",
        "sentences": list(event.sentences),
    }


# -- running newsparse ------------------------------------------------------------------------------
def mention_key(mention: Any) -> str:
    return f"{mention.source}|{mention.start}|{mention.end}|{mention.kind}|{mention.rule}|" + ",".join(
        a.id for a in mention.participants
    )


def sys_event(event: Any) -> SysEvent:
    from newsparse.vocabulary import kind_of

    kind = kind_of(event.kind)
    return SysEvent(
        kind=kind.value if kind else event.kind,
        participants=tuple(event.participants),
        date=event.date.isoformat() if event.date else None,
        place=event.place.name if event.place else None,
        place_within=tuple(event.place.within) if event.place else (),
        sentences=tuple(dict.fromkeys(m.sentence for m in event.mentions)),
        mentions=tuple(mention_key(m) for m in event.mentions),
        rules=tuple(sorted({m.rule for m in event.mentions if m.rule})),
    )


def run_part(golds: Sequence[dict[str, Any]], shared: Path) -> dict[str, Any]:
    """Parse, extract and merge one part's pages; its score and the CPU time of mention extraction."""
    import newsparse
    from newsparse.errors import ParseError
    from newsparse.events.merge import merge_mentions
    from newsparse.plugins.builtin.mentions import extractor_for

    pipeline = newsparse.default_pipeline()
    begun = time.perf_counter()
    gazetteer = pipeline.plugins.gazetteer()
    loaded = time.perf_counter()
    extractor = extractor_for(gazetteer)
    built = time.perf_counter()
    state_ids = frozenset(c.id for c in gazetteer.countries.values())
    runs: list[PageRun] = []
    everything = []
    cpu = 0.0
    articles = 0
    warmed = False
    for gold in golds:
        path = shared / gold["page"]
        try:
            article = newsparse.parse(path)
        except ParseError as exc:
            runs.append(PageRun(gold, [], error=f"{type(exc).__name__}: {exc}"))
            continue
        if not warmed:  # the first call compiles the gazetteer: keep it out of the timing
            pipeline.mentions(article)
            warmed = True
        started = time.process_time()
        mentions, failures = pipeline.mentions(article)
        cpu += time.process_time() - started
        articles += 1
        everything.extend(mentions)
        events = [sys_event(e) for e in merge_mentions(mentions)]
        runs.append(
            PageRun(
                gold,
                [e for e in events if e.kind in CONTACT_KINDS],
                [e for e in events if e.kind == INTENT],
                mention_failures=[f"{f.plugin}: {f.message}" for f in failures],
                published=article.published.isoformat() if article.published else None,
            )
        )
    cross = [
        list(e.mentions)
        for e in (sys_event(x) for x in merge_mentions(everything))
        if e.kind in CONTACT_KINDS
    ]
    result = score(runs, cross, state_ids)
    _split_unread_misses(result["failures"], known_names(pipeline.plugins.gazetteer()))
    result["mention_cpu_seconds"] = cpu
    result["articles_per_second"] = articles / cpu if cpu else None
    result["gazetteer"] = {
        "people": len(gazetteer.people),
        "countries": len(gazetteer.countries),
        "places": len(gazetteer.places),
        "load_ms": (loaded - begun) * 1000,
        "index_ms": (built - loaded) * 1000,
    }
    result["aeb_bodies"] = _aeb_throughput(extractor)
    return result


def _aeb_throughput(extractor: Any, repeat: int = 3) -> dict[str, Any] | None:
    """Mention extraction alone on the AEB article bodies (``benchmarks/mentions.py``): CPU articles/s
    on one core, best of ``repeat`` passes."""
    from benchmarks.mentions import aeb_articles

    try:
        bodies = aeb_articles()
    except OSError:
        return None
    best = None
    for _ in range(repeat):
        started = time.process_time()
        for article in bodies:
            extractor.extract(article)
        spent = time.process_time() - started
        best = spent if best is None else min(best, spent)
    return {"articles": len(bodies), "articles_per_second": len(bodies) / best if best else None}


def known_names(gazetteer: Any) -> frozenset[str]:
    """Folded names the gazetteer can resolve: person aliases' last words, countries' names, aliases
    and adjectives, organisations' names and aliases (a rough test of whether a miss is a name miss)."""
    names: set[str] = set()
    for person in gazetteer.people.values():
        names.update(name_tokens(a)[-1] for a in (person.name, *person.aliases) if name_tokens(a))
    for country in gazetteer.countries.values():
        names.update(" ".join(name_tokens(a)) for a in (country.name, *country.aliases, *country.adjectives))
    for org in gazetteer.organisations.values():
        names.update(" ".join(name_tokens(a)) for a in (org.name, *org.aliases))
    return frozenset(names)


def participant_known(participant: dict[str, Any], names: frozenset[str]) -> bool:
    tokens = name_tokens(participant.get("name") or "")
    if not tokens:
        return False
    return (tokens[-1] if participant.get("type") == "person" else " ".join(tokens)) in names


def _split_unread_misses(pages: list[dict[str, Any]], names: frozenset[str]) -> None:
    """Split "nothing from its sentences" by whether every participant is in the gazetteer."""
    for page in pages:
        for missed in page["missed"]:
            if missed["cause"] == "nothing from its sentences":
                known = all(participant_known(p, names) for p in missed["gold_participants"])
                missed["cause"] += ": participants known" if known else ": a participant unknown"


def canonical_pairs(golds: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Gold pairs (events on different pages under one ``canonical`` key) within each part and across
    the two parts (those are scored in neither)."""
    found: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for page in golds:
        for gold in page["events"]:
            if gold.get("canonical"):
                found[gold["canonical"]].append((page["page"], held_out(page["publisher"])))
    counts = {"development": 0, "held_out": 0, "across_parts": 0}
    for members in found.values():
        for (a, ha), (b, hb) in itertools.combinations(members, 2):
            if a != b:
                counts["across_parts" if ha != hb else "held_out" if ha else "development"] += 1
    return counts


def part_sizes(golds: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {
        "pages": len(golds),
        "publishers": len({g["publisher"] for g in golds}),
        "gold_events": sum(len(g["events"]) for g in golds),
        "traps": sum(len(g.get("traps", [])) for g in golds),
    }


def run(options: argparse.Namespace) -> dict[str, Any]:
    shared = Path(getattr(options, "shared", None) or find_shared())
    golds = load_gold(Path(getattr(options, "gold", None) or GOLD))
    parts = {
        "development": [g for g in golds if not held_out(g["publisher"])],
        "held_out": [g for g in golds if held_out(g["publisher"])],
    }
    results: dict[str, Any] = {
        "gold_files": sorted(p.name for p in Path(getattr(options, "gold", None) or GOLD).glob("*.jsonl")),
        "sizes": {name: part_sizes(pages) for name, pages in parts.items()},
        "canonical_pairs": canonical_pairs(golds),
        "verbose": bool(getattr(options, "verbose", False)),
        "scores": {},
    }
    scored = ["development", "held_out"] if getattr(options, "held_out", False) else ["development"]
    for name in scored:
        results["scores"][name] = run_part(parts[name], shared)
    return results


# -- the table ---------------------------------------------------------------------------------------
def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def render(results: dict[str, Any]) -> str:
    lines = ["gold: " + ", ".join(results["gold_files"])]
    for name, size in results["sizes"].items():
        state = "scored" if name in results["scores"] else "not scored (--held-out to score it)"
        lines.append(
            f"{name:<12} {size['pages']:>3} pages, {size['publishers']:>3} publishers, "
            f"{size['gold_events']:>3} gold events, {size['traps']:>3} traps: {state}"
        )
    pairs = results.get("canonical_pairs")
    if pairs:
        lines.append(
            f"canonical cross-page gold pairs: {pairs['development']} development, {pairs['held_out']} "
            f"held-out, {pairs['across_parts']} across the parts (not scored)"
        )
    for name, s in results["scores"].items():
        lines.append("")
        lines.append(
            f"== {name}: {s['pages']} pages, {s['gold_events']} gold events, {s['system_events']} system "
            f"contact events, {s['intent_events']} intent events; {s['parse_failures']} pages unparsed, "
            f"{s['no_published']} without a publication date ({s['no_published_gold_has']} of them show one)"
        )
        lines.append(f"{'match':<16} {'matched':>7} {'P':>5} {'R':>5} {'R pol':>6} {'dups':>5}")
        for variant, v in s["variants"].items():
            lines.append(
                f"{variant:<16} {v['matched']:>7} {_pct(v['precision']):>5} {_pct(v['recall']):>5} "
                f"{_pct(v['political_recall']):>6} {v['duplicates']:>5}"
            )
        for variant in (HEADLINE, LENIENT):
            v = s["variants"][variant]
            d, p = v["dating"], v["placing"]
            lines.append(
                f"{variant}: dated right {_pct(d['right'])} ({_verdicts(d['verdicts'])}); "
                f"placed right {_pct(p['right'])} of {p['with_gold_place']} with a gold place "
                f"({_verdicts(p['verdicts'])})"
            )
        c = s["cross_page"]
        lines.append(
            f"cross-page: {c['pairs_joined']}/{c['pairs_expected']} canonical pairs joined, "
            f"{c['false_joins']} false joins, {c['cross_events']} cross-page contact events"
        )
        t = s["traps"]
        by = ", ".join(f"{k} {x['contact']}/{x['traps']}" for k, x in t["by_class"].items())
        lines.append(
            f"traps: {t['became_contact']}/{t['total']} became a contact event, {t['became_intent']} an "
            f"intent; contact hits by class: {by}"
        )
        rate = s["articles_per_second"]
        lines.append(
            f"mention extraction: {'-' if rate is None else f'{rate:.0f}'} articles/s "
            f"(CPU, {s['mention_cpu_seconds']:.2f} s for {s['pages'] - s['parse_failures']} articles)"
        )
        g, aeb = s.get("gazetteer"), s.get("aeb_bodies")
        if g:
            lines.append(
                f"gazetteer: {g['people']} people, {g['countries']} countries, {g['places']} places; loaded "
                f"in {g['load_ms']:.0f} ms, name index and extractor built in {g['index_ms']:.0f} ms"
            )
        if aeb and aeb["articles_per_second"]:
            lines.append(
                f"mention extraction on AEB bodies: {aeb['articles_per_second']:.0f} articles/s "
                f"(CPU, one core, best of 3 passes over {aeb['articles']} bodies)"
            )
        causes: Counter[str] = Counter()
        for page in s["failures"]:
            causes.update(f"missed: {m['cause']}" for m in page["missed"])
            causes.update(
                "false: " + (f["cause"].split(" for ")[0] if f["cause"].startswith("wrong") else f["cause"])
                if not f["cause"].startswith("duplicate") else "false: same-page duplicate"
                for f in page["false"]
            )  # fmt: skip
        lines.append(
            "failure causes (headline matching): " + "; ".join(f"{k} {n}" for k, n in causes.most_common())
        )
        if results.get("verbose"):
            lines.extend(_verbose(s["failures"]))
    return "\n".join(lines)


def _verdicts(verdicts: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in verdicts.items()) or "none"


def _verbose(pages: list[dict[str, Any]]) -> list[str]:
    lines = []
    for page in pages:
        lines.append(f"\n-- {page['page']}" + (f"  [{page['error']}]" if page["error"] else ""))
        for m in page["missed"]:
            lines.append(
                f"  MISSED {m['id']} {m['kind']} {' – '.join(m['participants'])} {m['date'] or 'undated'} "
                f"[{m['cause']}]\n     gold: {m['evidence']}"
            )
            for e in m["system"]:
                lines.append(
                    f"     system: {e['kind']} {' – '.join(e['participants'])} {e['date'] or 'undated'}"
                )
        for f in page["false"]:
            lines.append(
                f"  FALSE {f['kind']} {' – '.join(f['participants'])} {f['date'] or 'undated'} "
                f"@{f['place'] or '-'} [{f['cause']}] {','.join(f['rules'])}"
            )
            lines.extend(f"     {sentence}" for sentence in f["sentences"][:3])
    return lines
