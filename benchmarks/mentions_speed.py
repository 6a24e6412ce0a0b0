"""Mention extraction speed, in articles per second, on the AEB bodies and on the seeds.

Usage: python benchmarks/mentions_speed.py [--aeb PATH/TO/ground-truth.json] [--repeat N]

Times only ``MentionExtractor.extract`` (articles are built first; the gazetteer is compiled once and
its build time is reported apart). The AEB bodies are the ``articleBody`` texts of the Zyte article
extraction benchmark split on blank lines: mostly not political news, so they measure the cost of
reading text that holds few mentions. The seeds are read with the pipeline (whatever capture reader is
installed). Figures depend on the machine and its load; report the command with them.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

from newsparse.events.extract import MentionExtractor
from newsparse.events.gazetteer import Gazetteer, builtin_data
from newsparse.models import Article
from newsparse.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_AEB = ROOT.parent / "shared" / "benchmarks" / "article-extraction" / "ground-truth.json"


def aeb_articles(path: Path) -> list[Article]:
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


def measure(extractor: MentionExtractor, articles: list[Article], repeat: int) -> tuple[float, int]:
    """Median articles per second over ``repeat`` passes, and the mentions found in one pass."""
    rates = []
    found = 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = sum(len(extractor.extract(article)) for article in articles)
        rates.append(len(articles) / (time.perf_counter() - started))
    return statistics.median(rates), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aeb", type=Path, default=DEFAULT_AEB)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    extractor = MentionExtractor(Gazetteer.from_data(builtin_data()))
    build = time.perf_counter() - started
    print(f"python {platform.python_version()}; gazetteer compiled in {build * 1000:.0f} ms")
    for name, articles in (("aeb", aeb_articles(args.aeb)), ("seeds", seed_articles())):
        chars = sum(len(a.text) for a in articles)
        rate, found = measure(extractor, articles, args.repeat)
        print(
            f"{name}: {len(articles)} articles, {chars} chars, {found} mentions, {rate:.0f} articles/s "
            f"(median of {args.repeat})"
        )


if __name__ == "__main__":
    main()
