"""Mention extraction speed, in articles per second, on the AEB bodies and on the seeds.

Times only ``MentionExtractor.extract`` in CPU time of one core (articles are built first; the
gazetteer is loaded and its name index built once, and that time is reported apart), median of
``--mentions-repeat`` passes (default 5). The AEB bodies
are the ``articleBody`` texts of the Zyte article-extraction benchmark, split on line breaks: mostly
not political news, so they measure the cost of reading text that holds few mentions (and show what
it wrongly finds there). The seeds are read with the pipeline and whatever capture reader is installed.

Run: ``python benchmarks/mentions.py`` (a section with ``run``/``render`` like ``batch.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

from newsparse.mentions.extract import MentionExtractor
from newsparse.mentions.gazetteer import Gazetteer, builtin_data
from newsparse.models import Article
from newsparse.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def aeb_articles(path: Path | None = None) -> list[Article]:
    if path is None:  # in a git worktree, ../shared lies beside the main checkout
        from benchmarks.events import find_shared

        path = find_shared(ROOT) / "benchmarks" / "article-extraction" / "ground-truth.json"
    truth = json.loads(path.read_text(encoding="utf-8"))
    return [
        Article(
            source=key,
            outlet="aeb",
            plugin="benchmark",
            paragraphs=[p.strip() for p in item["articleBody"].split("\n") if p.strip()],
        )
        for key, item in sorted(truth.items())
    ]


def seed_articles() -> list[Article]:
    pipeline = Pipeline()
    results = [pipeline.result(path) for path in sorted((ROOT / "seeds").glob("*.txt"))]
    return [r for r in results if isinstance(r, Article)]


def _measure(extractor: MentionExtractor, articles: list[Article], repeat: int) -> dict[str, Any]:
    rates = []
    found = 0
    for _ in range(repeat):  # CPU time of this process: one core, whatever else the machine runs
        started = time.process_time()
        found = sum(len(extractor.extract(article)) for article in articles)
        rates.append(len(articles) / max(time.process_time() - started, 1e-9))
    return {
        "articles": len(articles),
        "characters": sum(len(a.text) for a in articles),
        "mentions": found,
        "articles_per_second": statistics.median(rates),
    }


def run(options: argparse.Namespace) -> dict[str, Any]:
    repeat = int(getattr(options, "mentions_repeat", None) or 5)
    started = time.perf_counter()
    extractor = MentionExtractor(Gazetteer.from_data(builtin_data()))
    compile_seconds = time.perf_counter() - started
    return {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "repeat": repeat,
        "gazetteer_compile_ms": compile_seconds * 1000,
        "corpora": {
            "aeb": _measure(extractor, aeb_articles(), repeat),
            "seeds": _measure(extractor, seed_articles(), repeat),
        },
    }


def render(results: dict[str, Any]) -> str:
    rows = [f"{'corpus':<6} {'articles':>8} {'chars':>9} {'mentions':>8} {'articles/s':>10}"]
    for name, r in results["corpora"].items():
        rate = r["articles_per_second"]
        rows.append(f"{name:<6} {r['articles']:>8} {r['characters']:>9} {r['mentions']:>8} {rate:>10.0f}")
    rows.append(
        f"python {results['python']}, CPU time of one core, median of {results['repeat']} passes; gazetteer "
        f"loaded and indexed in {results['gazetteer_compile_ms']:.0f} ms"
    )
    return "\n".join(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mentions-repeat", type=int, default=5, metavar="N")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the results here")
    arguments = parser.parse_args()
    measured = run(arguments)
    if arguments.json:
        arguments.json.write_text(json.dumps(measured, indent=2) + "\n", encoding="utf-8")
    print(render(measured))
