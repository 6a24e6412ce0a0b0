"""End-to-end batch run: documents/s with 1 and 2 worker processes, and peak memory at 2k and 20k.

The corpus is generated from the article-extraction benchmark's pages and the seed captures: copy *i*
of a page gets a paragraph and a comment of its own, so every document has a different content hash
(no result can be reused between copies, and the resumable output never skips one). Each run is the
real command line (``newsparse articles DIR --workers N -o out.jsonl``) in a fresh process; its peak
resident memory is read from ``getrusage`` in a wrapper process that runs nothing else.

Run: ``python -m benchmarks batch`` (or ``python benchmarks/batch.py``); ``--batch-documents N`` sets
the large corpus size (default 20,000; the small one is a tenth of it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "benchmarks" / "article-extraction" / "html"
SEEDS = ROOT / "seeds"

_WRAPPER = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
seconds = time.perf_counter() - started
print(seconds, code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _sources(pages: Path = PAGES) -> list[tuple[str, bytes]]:
    sources = [
        (p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes())) for p in sorted(pages.glob("*.html.gz"))
    ]
    sources += [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    if not sources:
        raise SystemExit(f"no pages found in {pages} or {SEEDS}")
    return sources


def _vary(name: str, content: bytes, copy: int) -> bytes:
    """Copy ``copy`` of a document, different in content from every other copy."""
    words = f"Copy {copy} of {name} adds sentence number {copy * 7919 % 100003} to the story.".encode()
    if name.endswith(".txt"):
        return content + b"\n\n" + words + b"\n"
    marker = content.lower().rfind(b"</body>")
    at = marker if marker >= 0 else len(content)
    return content[:at] + b"<!-- copy %d --><p>" % copy + words + b"</p>" + content[at:]


def build_corpus(folder: Path, documents: int, pages: Path = PAGES) -> int:
    """Write ``documents`` varied documents into ``folder`` (in subfolders of 1000); returns bytes."""
    sources = _sources(pages)
    total = 0
    for copy in range(documents):
        name, content = sources[copy % len(sources)]
        data = _vary(name, content, copy)
        target = folder / f"{copy // 1000:03d}" / f"{copy:06d}-{name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        total += len(data)
    return total


def _run(corpus: Path, workers: int, scratch: Path) -> dict[str, Any]:
    output = scratch / f"out-{workers}-{corpus.name}.jsonl"
    output.unlink(missing_ok=True)
    command = [sys.executable, "-m", "newsparse", "articles", "--quiet", "--workers", str(workers)]
    command += ["-o", str(output), str(corpus)]
    wrapped = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True
    )
    seconds, code, max_rss_kb = wrapped.stdout.split()
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    return {
        "workers": workers,
        "documents": len(lines),
        "articles": sum(line["type"] == "article" for line in lines),
        "failures": sum(line["type"] == "failure" for line in lines),
        "exit_status": int(code),
        "seconds": float(seconds),
        "documents_per_second": len(lines) / float(seconds),
        "peak_rss_mb": int(max_rss_kb) / 1024,
    }


def run(options: argparse.Namespace) -> dict[str, Any]:
    large = int(getattr(options, "batch_documents", None) or 20_000)
    small = large // 10
    dataset = getattr(options, "dataset", None)
    pages = Path(dataset) / "html" if dataset else PAGES
    scratch = Path(tempfile.mkdtemp(prefix="newsparse-batch-"))
    try:
        corpora = {}
        for size in (small, large):
            corpora[size] = scratch / f"corpus-{size}"
            build_corpus(corpora[size], size, pages)
        runs = [
            {"corpus": small, **_run(corpora[small], 1, scratch)},
            {"corpus": large, **_run(corpora[large], 1, scratch)},
            {"corpus": large, **_run(corpora[large], 2, scratch)},
        ]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    one, two = runs[1], runs[2]
    return {
        "cpu_count": os.cpu_count(),
        "runs": runs,
        "speedup_2_workers": two["documents_per_second"] / one["documents_per_second"],
        "memory_growth_10x_documents": runs[1]["peak_rss_mb"] / runs[0]["peak_rss_mb"],
    }


def render(results: dict[str, Any]) -> str:
    rows = [
        f"{'documents':>9} {'workers':>7} {'articles':>8} {'failures':>8} {'seconds':>8} {'docs/s':>8} "
        f"{'peak MB':>8}"
    ]
    for r in results["runs"]:
        rows.append(
            f"{r['corpus']:>9} {r['workers']:>7} {r['articles']:>8} {r['failures']:>8} {r['seconds']:>8.1f} "
            f"{r['documents_per_second']:>8.1f} {r['peak_rss_mb']:>8.1f}"
        )
    rows.append(
        f"2 workers / 1 worker (docs/s): {results['speedup_2_workers']:.2f}x on {results['cpu_count']} cores"
    )
    rows.append(f"peak memory, 10x documents / 1x: {results['memory_growth_10x_documents']:.2f}x")
    return "\n".join(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--batch-documents", type=int, default=20_000)
    print(render(run(parser.parse_args())))
