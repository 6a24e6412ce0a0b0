"""How merge time grows with the number of mentions: 1k, 10k and 100k synthetic mentions.

    python benchmarks/merge.py            # 1k, 10k, 100k; prints a table and the growth factors
    python benchmarks/merge.py --sizes 1000 10000 --repeat 3 --store

Mentions are drawn (seeded, so every run sees the same data) the way news reports them: a few actor pairs
get most of the coverage (a Zipf-like law over 300 actors), dates spread over three years at mixed
precision (day, month, year, a timestamp now and then, one in eight undated), places from nested venues,
cities and countries, and each real contact is told by several outlets.  A cost that grew with n² would
show a growth factor near 100 per tenfold; n log n shows a little over 10.

``--store`` also times the SQLite store: the same mentions added in ten daily batches. ``--one-pair``
puts every mention between the same two actors: one block, the worst case for blocking.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsparse.events.merge import merge_mentions
from newsparse.models import Actor, Mention, Place, Precision, When

KINDS = ("meeting", "talks", "visit", "call", "video_call", "summit", "intent_to_meet")
CAMEOS = {"meeting": "040", "talks": "046", "visit": "042", "call": "041", "video_call": "040",
          "summit": "040", "intent_to_meet": "036"}  # fmt: skip
COUNTRIES = ("USA", "CHN", "RUS", "FRA", "DEU", "IND", "JPN", "BRA", "TUR", "ZAF")


def _places(rng: random.Random) -> list[Place]:
    places: list[Place] = []
    for country in COUNTRIES:
        places.append(Place(country, country, level="country"))
        for c in range(3):
            city = f"City {country}-{c}"
            places.append(Place(city, country, level="city"))
            places.extend(
                Place(f"Venue {country}-{c}-{v}", country, within=(city,), level="venue") for v in range(3)
            )
    rng.shuffle(places)
    return places


def _when(rng: random.Random, day: dt.date) -> When | None:
    roll = rng.random()
    if roll < 0.125:
        return None
    if roll < 0.6:
        return When(day, Precision.DAY)
    if roll < 0.8:
        return When(day, Precision.MONTH)
    if roll < 0.9:
        return When(day, Precision.YEAR)
    zone = dt.timezone(dt.timedelta(hours=rng.randint(-8, 8)))
    return When.at(dt.datetime(day.year, day.month, day.day, rng.randint(0, 23), tzinfo=zone))


def synthetic_mentions(n: int, seed: int = 7, actor_count: int = 300) -> list[Mention]:
    """``n`` mentions of about ``n / 4`` real contacts, each told by one to seven outlets.

    With ``actor_count=2`` every mention is of one pair: a single block, the merger's worst case."""
    rng = random.Random(seed)
    actors = [Actor(f"Q{1000 + i}", f"Actor {i}", COUNTRIES[i % len(COUNTRIES)]) for i in range(actor_count)]
    weights = [1 / (rank + 1) for rank in range(len(actors))]
    places = _places(rng)
    start = dt.date(2021, 1, 1)
    mentions: list[Mention] = []
    article = 0
    while len(mentions) < n:
        first, second = rng.choices(actors, weights, k=2)
        if first.id == second.id:
            continue
        kind = rng.choice(KINDS)
        day = start + dt.timedelta(days=rng.randrange(3 * 365))
        place = rng.choice(places) if kind in ("meeting", "talks", "visit", "summit") else None
        for _ in range(min(n - len(mentions), rng.randint(1, 7))):
            article += 1
            told = rng.choice((place, place, None)) if place else None
            shift = dt.timedelta(days=rng.choice((0, 0, 0, 1, -1)))
            mentions.append(
                Mention(
                    kind=kind,
                    cameo=CAMEOS[kind],
                    participants=(first, second) if rng.random() < 0.5 else (second, first),
                    sentence=f"Report {article} of a {kind}.",
                    start=rng.randrange(5000),
                    end=5000 + rng.randrange(200),
                    source=f"article-{article}",
                    outlet=f"outlet-{article % 97}",
                    date=_when(rng, day + shift),
                    place=told,
                    published=When.day(*(day + dt.timedelta(days=rng.randint(0, 3))).timetuple()[:3]),
                )
            )
    return mentions


def _best_of(repeat: int, action: Callable[[], object]) -> tuple[float, float]:
    """The best wall-clock and the best CPU seconds of ``repeat`` runs (CPU time is steadier on a
    shared machine)."""
    wall = cpu = math.inf
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        action()
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
    return wall, cpu


def _store_seconds(mentions: list[Mention]) -> float:
    from newsparse.events.store import EventStore

    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        with EventStore(Path(folder) / "events.sqlite") as store:
            batch = math.ceil(len(mentions) / 10)
            for offset in range(0, len(mentions), batch):
                store.add(mentions[offset : offset + batch])
            events = store.event_count()
        seconds = time.perf_counter() - began
    if events != len(merge_mentions(mentions)):
        raise SystemExit("store and batch merge disagree")
    return seconds


def run(options: argparse.Namespace) -> dict[str, Any]:
    """Merge time per size (and store time with ``merge_store``), as JSON-ready data."""
    sizes = list(getattr(options, "merge_sizes", None) or [1_000, 10_000, 100_000])
    repeat = int(getattr(options, "merge_repeat", None) or 1)
    one_pair = bool(getattr(options, "merge_one_pair", False))
    with_store = bool(getattr(options, "merge_store", False))
    records: list[dict[str, float | int | None]] = []
    previous: float | None = None
    for size in sizes:
        mentions = synthetic_mentions(size, actor_count=2 if one_pair else 300)
        events = len(merge_mentions(mentions))
        wall, seconds = _best_of(repeat, lambda m=mentions: merge_mentions(m))
        record: dict[str, float | int | None] = {
            "mentions": size,
            "events": events,
            "wall_seconds": wall,
            "cpu_seconds": seconds,
            "us_per_mention": seconds / size * 1e6,
            "growth": seconds / previous if previous else None,
        }
        if with_store:
            record["store_seconds"] = _store_seconds(mentions)
        records.append(record)
        previous = seconds
    return {"one_pair": one_pair, "repeat": repeat, "python": sys.version.split()[0], "sizes": records}


def render(results: dict[str, Any]) -> str:
    records = results["sizes"]
    with_store = any("store_seconds" in r for r in records)
    lines = [
        f"python {results['python']}; merge_mentions on synthetic mentions"
        f"{' of one pair' if results['one_pair'] else ''} (best of {results['repeat']}; "
        "µs/mention and growth from CPU time)"
    ]
    header = f"{'mentions':>9} {'events':>8} {'wall s':>8} {'cpu s':>8} {'µs/mention':>11} {'growth':>7}"
    lines.append(header + (f" {'store s':>8}" if with_store else ""))
    for r in records:
        growth = f"{r['growth']:.1f}x" if r["growth"] else "-"
        line = (
            f"{r['mentions']:>9} {r['events']:>8} {r['wall_seconds']:>8.3f} {r['cpu_seconds']:>8.3f} "
            f"{r['us_per_mention']:>11.1f} {growth:>7}"
        )
        if with_store:
            line += f" {r['store_seconds']:>8.2f}"
        lines.append(line)
    if len(records) > 1:
        low, high = records[0]["mentions"], records[-1]["mentions"]
        n_log_n = high * math.log(high) / (low * math.log(low))
        lines.append(
            f"(n grows {high / low:.0f}x: n log n would grow {n_log_n:.1f}x, n² {(high / low) ** 2:.0f}x)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", dest="merge_sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", dest="merge_repeat", type=int, default=1, help="best of N runs per size")
    parser.add_argument(
        "--store", dest="merge_store", action="store_true", help="also time the SQLite store (ten batches)"
    )
    parser.add_argument(
        "--one-pair",
        dest="merge_one_pair",
        action="store_true",
        help="all mentions between the same two actors (one busy block)",
    )
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the results here")
    args = parser.parse_args(argv)
    results = run(args)
    print(render(results))
    if args.json is not None:
        results["meta"] = {"when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
