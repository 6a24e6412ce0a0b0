"""One command for every benchmark section: ``python -m benchmarks [SECTION...] [--repeat N]``.

A section is a module of this package with ``run(options) -> dict`` and ``render(results) -> str``.
To add one (say ``throughput``), write ``benchmarks/throughput.py`` and add its name to ``SECTIONS``.
Each section prints its table and writes ``benchmarks/results/<section>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import platform
import sys
from pathlib import Path

SECTIONS = ("extraction", "mentions", "merge", "batch", "events", "outlets")
RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "sections", nargs="*", help=f"sections to run, among {', '.join(SECTIONS)} (default: all)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the pages (best is kept)")
    parser.add_argument("--systems", help="comma-separated subset of systems (extraction section)")
    parser.add_argument(
        "--dataset",
        help="the article-extraction benchmark folder (default: ../shared/benchmarks/article-extraction)",
    )
    parser.add_argument(
        "--news-metadata",
        help="the news-metadata corpus folder (default: ../shared/benchmarks/news-metadata)",
    )
    parser.add_argument(
        "--lead",
        action="store_true",
        help="extraction: prepend each system's separate standfirst field to its body "
        "(default: the body as returned)",
    )
    parser.add_argument(
        "--batch-documents",
        type=int,
        default=20_000,
        help="size of the batch section's corpus (default 20000)",
    )
    parser.add_argument(
        "--merge-sizes", type=int, nargs="+", default=None, help="mention counts of the merge section"
    )
    parser.add_argument("--merge-store", action="store_true", help="also time the SQLite event store")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="events section: also parse and score the held-out part of the gold (at the end of an issue)",
    )
    parser.add_argument("--shared", help="events section: the shared folder (default: ../shared)")
    parser.add_argument(
        "--verbose", action="store_true", help="events section: list each page's missed and false events"
    )
    parser.add_argument("--no-write", action="store_true", help="print only, do not write results JSON")
    options = parser.parse_args(argv)
    unknown = sorted(set(options.sections) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    for name in options.sections or SECTIONS:
        section = importlib.import_module(f"benchmarks.{name}")
        results = section.run(options)
        results["meta"] = {
            "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "machine": platform.machine(),
            "argv": sys.argv[1:],
        }
        print(section.render(results))
        if not options.no_write:
            RESULTS.mkdir(exist_ok=True)
            path = RESULTS / f"{name}.json"
            path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
