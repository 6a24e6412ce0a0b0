"""Fuzz run: many generated hostile documents through ``parse_many`` and the mention stage, and a
sample of them through the command line batch (issue 18, "Done when").

Run: ``python -m benchmarks.fuzz --documents 100000`` (the nightly-style ``tox -e fuzz``; not in the
default suite, not a section of ``python -m benchmarks``). It checks that

- every document gives an Article or a Failure, and nothing raises out of ``parse_many`` or the
  mention stage (no traceback);
- no document takes more than ``--budget`` CPU seconds (article and mentions together; default the
  per-document time budget :data:`newsparse.limits.DEFAULT_TIMEOUT`);
- the peak resident memory of the run (``resource.getrusage``) stays under ``--max-memory-mb``
  (default 1024);
- the command line (``newsparse articles DIR -o out.jsonl``) over ``--cli-documents`` of them writes
  one line per document, exits cleanly and prints no traceback;

and exits 1 when one of them does not hold. The generators are those of the tests, reused: the
hostile pages of ``tests/batch/test_hostile_inputs.py`` (charsets, byte order marks, absurd dates),
the constructed pages of ``tests/batch/conftest.py``, the random trees of ``tests/html/test_body.py``
(hypothesis strategies), the input classes of :mod:`benchmarks.adversarial` at random sizes, and
the seed captures; each is then mutated at random (cut, bytes flipped, tags dropped, repeated).
A run is reproducible from ``--seed``.
"""

from __future__ import annotations

import argparse
import collections
import logging
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import newsparse  # noqa: E402
from benchmarks import adversarial  # noqa: E402
from newsparse.limits import DEFAULT_TIMEOUT  # noqa: E402
from newsparse.models import Article, Failure  # noqa: E402

CHARSETS = ("utf-8", "latin-1", "cp1252", "utf-16", "base64", "hex", "zlib", "rot13", "uu", "bz2",
            "undefined", "x-no-such-codec", "")  # fmt: skip
DATES = ("2024-03-05T09:30:00+00:00", "0001-01-01T00:00:00+00:00", "0000-00-00T00:00:00Z",
         "9999-12-31T23:59:59Z", "not a date", "2024-02-30", "")  # fmt: skip
RAW_TEXT = (
    "noembed",
    "noframes",
    "title",
    "xmp",
    "plaintext",
    "script",
    "style",
    "textarea",
    "noscript",
    "iframe",
)


def _test_module(path: str) -> Any:
    """A module of the test suite (``tests/`` is no package), loaded by its path under its own name."""
    import importlib.util

    name = "newsparse_fuzz_" + path.replace("/", "_").removesuffix(".py")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _tree_pages(count: int, seed: int) -> list[str]:
    """``count`` random pages from the body tests' hypothesis strategies (``tests/html/test_body.py``)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    body_tests = _test_module("html/test_body.py")
    nodes, page = body_tests.NODES, body_tests.page

    pages: list[str] = []

    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=True)  # fmt: skip
    @given(st.lists(nodes, min_size=1, max_size=8))
    def collect(nodes: list[str]) -> None:
        pages.append(page("".join(nodes)))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        collect()
    random.Random(seed).shuffle(pages)
    return pages


class Generator:
    """Hostile documents, one class at a time, from the tests' generators and then mutated."""

    def __init__(self, seed: int, trees: int) -> None:
        self.rng = random.Random(seed)
        self.meeting_page = _test_module("batch/test_hostile_inputs.py").meeting_page
        self.constructed_page = _test_module("batch/conftest.py").constructed_page
        self.trees = _tree_pages(trees, seed)
        self.seeds = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
        self.classes: list[tuple[str, Callable[[], str | bytes]]] = [
            ("meeting_page", self._meeting),
            ("constructed_page", lambda: self.constructed_page(self.rng.randrange(10**6))),
            ("html_tree", lambda: self.rng.choice(self.trees)),
            ("raw_text", self._raw_text),
            ("adversarial", self._adversarial),
            ("seed_capture", self._seed),
            ("random_bytes", lambda: self.rng.randbytes(self.rng.randrange(1, 4096))),
        ]

    def _meeting(self) -> bytes:
        rng = self.rng
        charset = rng.choice(CHARSETS)
        page = self.meeting_page(published=rng.choice(DATES), charset=charset)
        encoding = rng.choice(("utf-8", "cp1252", "utf-16-le", "utf-16"))
        data = page.replace("Beijing", "Beijing café").encode(encoding, errors="replace")
        bom = rng.choice((b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
        return bom + data + rng.choice((b"", b"\xe9", b"\x00", b"\xff"))

    def _raw_text(self) -> str:
        tag = self.rng.choice(RAW_TEXT)
        inner = self.rng.choice(self.trees)
        return self.meeting_page().replace("</article>", f"<{tag}>{inner}</{tag}></article>")

    def _adversarial(self) -> str | bytes:
        case = self.rng.choice(adversarial.CASES)
        size = max(1, int(case.size * self.rng.choice((0.001, 0.01, 0.05, 0.1, 0.25))))
        document = case.make(size)
        return document if isinstance(document, str) else "\n\n".join(document.paragraphs)

    def _seed(self) -> bytes:
        seed = self.rng.choice(self.seeds)
        return seed * self.rng.choice((1, 1, 2, 10))

    def _mutate(self, document: str | bytes) -> str | bytes:
        rng = self.rng
        how = rng.randrange(6)
        if how == 0 or not document:
            return document
        if how == 1:  # cut anywhere
            return document[: rng.randrange(len(document) + 1)]
        if how == 2:  # flip a few bytes
            data = bytearray(
                document.encode("utf-8", "surrogateescape") if isinstance(document, str) else document
            )
            for _ in range(rng.randrange(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            return bytes(data)
        if how == 3 and isinstance(document, str):  # drop every closing tag of one name
            return document.replace(f"</{rng.choice(('p', 'div', 'article', 'body', 'html', 'span'))}>", "")
        if how == 4:  # repeat a slice
            start = rng.randrange(len(document))
            piece = document[start : start + rng.randrange(1, 200)]
            return document[:start] + piece * rng.randrange(2, 50) + document[start:]
        return document[::-1] if rng.random() < 0.1 else document  # reversed markup, now and then

    def documents(self, count: int) -> Iterator[tuple[str, str | bytes]]:
        for _ in range(count):
            name, make = self.rng.choice(self.classes)
            yield name, self._mutate(make())


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def run_api(generator: Generator, count: int, budget: float) -> dict[str, Any]:
    """Every document through ``parse_many`` (one at a time, timed) and its article's mentions."""
    pipeline = newsparse.default_pipeline()
    outcomes: collections.Counter[str] = collections.Counter()
    by_class: dict[str, float] = collections.defaultdict(float)
    over: list[tuple[str, float]] = []
    escaped: list[str] = []
    slowest = (0.0, "")
    for number, (name, document) in enumerate(generator.documents(count)):
        started = time.process_time()
        try:
            (result,) = list(pipeline.parse_many([document]))
            if isinstance(result, Article):
                _, failed = pipeline.mentions(result)
                outcomes["article"] += 1
                outcomes.update(f"mentions failure: {f.error_type}" for f in failed)
            elif isinstance(result, Failure):
                outcomes[f"failure: {result.error_type}"] += 1
            else:
                escaped.append(f"document {number} ({name}): {type(result).__name__} is neither")
        except Exception as exc:  # a traceback: what the run must never see
            escaped.append(f"document {number} ({name}): {type(exc).__name__}: {exc}")
        seconds = time.process_time() - started
        by_class[name] = max(by_class[name], seconds)
        if seconds > slowest[0]:
            slowest = (seconds, name)
        if seconds > budget:
            over.append((name, seconds))
    return {
        "documents": count,
        "outcomes": dict(outcomes.most_common()),
        "escaped": escaped,
        "over_budget": over,
        "slowest_seconds": round(slowest[0], 3),
        "slowest_class": slowest[1],
        "worst_seconds_by_class": {k: round(v, 3) for k, v in sorted(by_class.items())},
    }


def run_cli(generator: Generator, count: int) -> dict[str, Any]:
    """``count`` documents written to a folder, then ``newsparse articles`` over it in a new process."""
    with tempfile.TemporaryDirectory(prefix="newsparse-fuzz-") as folder:
        inputs = Path(folder) / "in"
        inputs.mkdir()
        for number, (_, document) in enumerate(generator.documents(count)):
            data = document.encode("utf-8", "surrogateescape") if isinstance(document, str) else document
            (inputs / f"{number:06d}.html").write_bytes(data)
        output = Path(folder) / "out.jsonl"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "newsparse", "articles", str(inputs), "-o", str(output), "--quiet"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        lines = output.read_text(encoding="utf-8").splitlines() if output.exists() else []
    return {
        "documents": count,
        "lines": len(lines),
        "exit_code": done.returncode,
        "traceback": "Traceback" in done.stderr,
        "seconds": round(time.perf_counter() - started, 1),
        "stderr_tail": done.stderr[-400:],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--cli-documents", type=int, default=1_000)
    parser.add_argument("--trees", type=int, default=2_000, help="random trees drawn from the strategies")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--budget", type=float, default=DEFAULT_TIMEOUT, help="CPU seconds per document")
    parser.add_argument("--max-memory-mb", type=float, default=1024.0)
    options = parser.parse_args(argv)
    logger = logging.getLogger("newsparse")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # hostile input warns by design
    try:
        return _fuzz(options)
    finally:
        logger.setLevel(level)  # a caller in the same process (the tests) logs as before


def _fuzz(options: argparse.Namespace) -> int:
    started = time.perf_counter()
    generator = Generator(options.seed, options.trees)
    api = run_api(generator, options.documents, options.budget)
    cli = run_cli(generator, options.cli_documents) if options.cli_documents else None
    peak = _peak_mb()
    print(f"{api['documents']} documents in {time.perf_counter() - started:.0f} s; peak memory {peak:.0f} MB")
    for outcome, number in api["outcomes"].items():
        print(f"  {number:>8}  {outcome}")
    print(f"slowest document: {api['slowest_seconds']:.3f} s CPU ({api['slowest_class']}); worst per class:")
    for name, seconds in api["worst_seconds_by_class"].items():
        print(f"  {seconds:>8.3f} s  {name}")
    if cli is not None:
        print(f"command line: {cli['documents']} documents -> {cli['lines']} lines, exit {cli['exit_code']}, "
              f"{cli['seconds']} s, traceback: {cli['traceback']}")  # fmt: skip
    problems = [f"escaped: {line}" for line in api["escaped"][:20]]
    problems += [
        f"over the {options.budget} s budget: {name} {seconds:.1f} s" for name, seconds in api["over_budget"]
    ]
    if peak > options.max_memory_mb:
        problems.append(f"peak memory {peak:.0f} MB over {options.max_memory_mb:.0f} MB")
    if cli is not None and (
        cli["lines"] != cli["documents"] or cli["exit_code"] not in (0, 1) or cli["traceback"]
    ):
        problems.append(f"command line: {cli}")
    for problem in problems:
        print("PROBLEM", problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
