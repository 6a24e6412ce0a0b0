"""Section ``extraction``: article-body extraction quality and speed on the public benchmark.

Every system gets the same decoded text of each page (``newsparse.decode.decode_bytes``) and runs in
its own process pinned to one core, so imports, memory and CPU do not mix.  pages/s counts only the
extraction calls (after one untimed warm-up call) in CPU seconds of the worker process, best of
``--repeat`` passes: on a machine shared with other work, CPU time measures the extractor while wall
time also measures the neighbours (wall-clock pages/s is reported beside it).  Peak memory is the
worker process's peak resident set (interpreter, the system's imports and the decoded pages
included, the same pages for everyone).
Ratios are to trafilatura's default mode measured in the same run.  Pages are split by their position
among the sorted ids: even positions are the development half, odd positions the held-out half.
"""

from __future__ import annotations

import concurrent.futures
import gc
import gzip
import json
import multiprocessing
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.metric import score_pages

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT.parent / "shared" / "benchmarks" / "article-extraction"
REFERENCE = "trafilatura"

Extractor = Callable[[str], str]


# -- the systems: each factory imports its library and returns html -> text ----------------------------
def _newsparse() -> Extractor:
    from newsparse.articles.html.body import extract_body_text

    return extract_body_text


def _trafilatura(**options: Any) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        import trafilatura

        def extract(html: str) -> str:
            return trafilatura.extract(html, **options) or ""

        return extract

    return factory


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def extract(html: str) -> str:
        summary = Document(html).summary(html_partial=True)
        return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""

    return extract


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def extract(html: str) -> str:
        return str(extract_plain_text(HTMLTree.parse(html), main_content=True))

    return extract


def _all_text() -> Extractor:
    from selectolax.lexbor import LexborHTMLParser

    def extract(html: str) -> str:
        tree = LexborHTMLParser(html)
        tree.strip_tags(["script", "style", "noscript", "template"])
        root = tree.body or tree.root
        return root.text(separator="\n") if root is not None else ""

    return extract


SYSTEMS: dict[str, Callable[[], Extractor]] = {
    "newsparse": _newsparse,
    REFERENCE: _trafilatura(),
    "trafilatura precision": _trafilatura(favor_precision=True),
    "readability-lxml": _readability,
    "resiliparse": _resiliparse,
    "selectolax all text": _all_text,
}


# -- data -----------------------------------------------------------------------------------------------
def load_truth(dataset: Path = DATASET) -> dict[str, str]:
    """Page id -> true article body."""
    data = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: entry["articleBody"] for page_id, entry in data.items()}


def load_pages(ids: list[str], dataset: Path = DATASET) -> dict[str, str]:
    """Page id -> decoded HTML, decoded the way newsparse decodes (same input for every system)."""
    from newsparse.decode import decode_bytes

    return {
        i: decode_bytes(gzip.decompress((dataset / "html" / f"{i}.html.gz").read_bytes()), html=True)
        for i in ids
    }


def halves(ids: list[str]) -> tuple[list[str], list[str]]:
    """The even-position and odd-position ids, in sorted order."""
    ordered = sorted(ids)
    return ordered[0::2], ordered[1::2]


# -- one system in one process --------------------------------------------------------------------------
def _measure(name: str, ids: list[str], repeat: int, dataset: str) -> dict[str, Any]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    extract = SYSTEMS[name]()
    pages = load_pages(ids, Path(dataset))
    predictions: dict[str, str] = {}
    errors: dict[str, str] = {}
    extract(pages[ids[0]])  # warm-up: lazy imports and caches are not extraction
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        gc.collect()
        cpu = wall = 0.0
        for page_id in ids:
            html = pages[page_id]
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            try:
                text = extract(html)
            except Exception as exc:  # a peer's crash on one page is an empty answer, and is reported
                text = ""
                errors[page_id] = f"{type(exc).__name__}: {exc}"[:200]
            cpu += time.process_time() - start_cpu
            wall += time.perf_counter() - start_wall
            predictions[page_id] = text
        best_cpu, best_wall = min(best_cpu, cpu), min(best_wall, wall)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "predictions": predictions,
        "cpu_seconds": best_cpu,
        "wall_seconds": best_wall,
        "peak_mib": peak_kib / 1024,
        "errors": errors,
    }


def run(options: Any) -> dict[str, Any]:
    """Score every system (or ``options.systems``) on all pages and on each half."""
    dataset = Path(getattr(options, "dataset", None) or DATASET)
    if not (dataset / "ground-truth.json").is_file():
        raise SystemExit(
            f"benchmarks: no article-extraction benchmark at {dataset} "
            "(it sits beside the repository in ../shared; pass --dataset PATH)"
        )
    truth = load_truth(dataset)
    ids = sorted(truth)
    even, odd = halves(ids)
    wanted = (
        [s.strip() for s in options.systems.split(",")]
        if getattr(options, "systems", None)
        else list(SYSTEMS)
    )
    unknown = [s for s in wanted if s not in SYSTEMS]
    if unknown:
        raise SystemExit(f"unknown system(s): {unknown}; known: {list(SYSTEMS)}")
    if REFERENCE not in wanted:
        wanted.append(REFERENCE)
    rows: dict[str, dict[str, Any]] = {}
    context = multiprocessing.get_context("spawn")
    for name in wanted:
        with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            measured = pool.submit(_measure, name, ids, max(1, options.repeat), str(dataset)).result()
        predictions = measured["predictions"]
        row: dict[str, Any] = {}
        for label, subset in (("all", ids), ("even", even), ("odd", odd)):
            score = score_pages(truth, predictions, subset)
            row[label] = {
                "f1": score.f1,
                "precision": score.precision,
                "recall": score.recall,
                "accuracy": score.accuracy,
                "pages": score.pages,
            }
        row["pages_per_second"] = (
            len(ids) / measured["cpu_seconds"] if measured["cpu_seconds"] else float("inf")
        )
        row["wall_pages_per_second"] = (
            len(ids) / measured["wall_seconds"] if measured["wall_seconds"] else 0.0
        )
        row["peak_mib"] = measured["peak_mib"]
        row["errors"] = measured["errors"]
        rows[name] = row
    reference = rows[REFERENCE]
    for row in rows.values():
        row["f1_ratio"] = row["all"]["f1"] / reference["all"]["f1"] if reference["all"]["f1"] else None
        row["speed_ratio"] = row["pages_per_second"] / reference["pages_per_second"]
    return {
        "section": "extraction",
        "dataset": str(dataset),
        "pages": len(ids),
        "reference": REFERENCE,
        "cpu_count": os.cpu_count(),
        "systems": rows,
    }


def render(results: dict[str, Any]) -> str:
    """The table: one row per system, best F1 first."""
    head = (
        "system",
        "F1",
        "prec",
        "recall",
        "acc",
        "pages/s",
        "wall p/s",
        "peak MiB",
        "F1/traf",
        "speed/traf",
        "F1 even",
        "F1 odd",
    )
    lines = [head]
    ordered = sorted(results["systems"].items(), key=lambda item: -item[1]["all"]["f1"])
    for name, row in ordered:
        every = row["all"]
        lines.append(
            (
                name,
                f"{every['f1']:.3f}",
                f"{every['precision']:.3f}",
                f"{every['recall']:.3f}",
                f"{every['accuracy']:.3f}",
                f"{row['pages_per_second']:.1f}",
                f"{row['wall_pages_per_second']:.1f}",
                f"{row['peak_mib']:.0f}",
                f"{row['f1_ratio']:.3f}",
                f"{row['speed_ratio']:.1f}x",
                f"{row['even']['f1']:.3f}",
                f"{row['odd']['f1']:.3f}",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = [f"article extraction: {results['pages']} pages, ratios to {results['reference']} (default)"]
    for n, line in enumerate(lines):
        text.append(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
        )
        if n == 0:
            text.append("  ".join("-" * w for w in widths))
    failed = {name: len(row["errors"]) for name, row in results["systems"].items() if row["errors"]}
    if failed:
        text.append(
            "pages a system raised on (scored as empty): " + ", ".join(f"{k} {v}" for k, v in failed.items())
        )
    return "\n".join(text)
