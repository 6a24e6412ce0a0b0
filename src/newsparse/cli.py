"""The command line: a thin layer over the API.

``newsparse articles PATH...`` writes JSON Lines (one record per input document), ``newsparse events
PATH...`` writes one JSON document, ``newsparse plugins`` lists what is loaded. The exit status is 1 when
any input failed, 2 for a usage error; the last stderr line always says how many documents failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import IO, Any

from newsparse.convert import SCHEMA_VERSION, record, unstructure
from newsparse.inputs import iter_pages
from newsparse.models import Article, Failure
from newsparse.pipeline import Pipeline
from newsparse.plugins import PluginHost

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to generate the CLI reference)."""
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description="Turn news pages (HTML or plain-text captures) into clean articles and canonical events.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    paths_help = (
        "files (.html, .htm, .txt, each optionally .gz), .jsonl manifests, directories (read recursively), "
        "or - for standard input"
    )
    articles = commands.add_parser("articles", help="extract articles; writes JSON Lines to stdout")
    articles.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    events = commands.add_parser("events", help="extract canonical events; writes one JSON document")
    events.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    for sub in (articles, events):
        sub.add_argument("--workers", type=int, default=1, metavar="N", help="parse in N processes")
        sub.add_argument("--quiet", action="store_true", help="no progress bar")
        sub.add_argument("--indent", type=int, default=None, metavar="N", help="indent JSON by N spaces")
    commands.add_parser("plugins", help="list loaded plugins, their versions and outlets")
    return parser


def _results(
    pipeline: Pipeline, paths: Sequence[str], workers: int, quiet: bool
) -> Iterator[Article | Failure]:
    results = pipeline.parse_many(iter_pages(paths), workers=workers)
    if quiet or not sys.stderr.isatty():
        yield from results
        return
    from tqdm import tqdm

    failed = 0
    with tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True) as bar:
        for result in results:
            failed += isinstance(result, Failure)
            bar.set_postfix(failures=failed, refresh=False)
            bar.update(1)
            yield result


def _summary(documents: int, failures: int, started: float, err: IO[str]) -> None:
    articles = documents - failures
    print(
        f"newsparse: {documents} documents, {articles} articles, {failures} failed "
        f"({time.monotonic() - started:.1f} s)",
        file=err,
    )


def _run_articles(args: argparse.Namespace, pipeline: Pipeline, out: IO[str], err: IO[str]) -> int:
    started = time.monotonic()
    documents = failures = 0
    for result in _results(pipeline, args.paths, args.workers, args.quiet):
        documents += 1
        if isinstance(result, Failure):
            failures += 1
            print(f"newsparse: failed: {result.source}: {result.error_type}: {result.message}", file=err)
        out.write(json.dumps(record(result), ensure_ascii=False, indent=args.indent) + "\n")
        out.flush()
    _summary(documents, failures, started, err)
    return 1 if failures else 0


def _run_events(args: argparse.Namespace, pipeline: Pipeline, out: IO[str], err: IO[str]) -> int:
    started = time.monotonic()
    articles: list[Article] = []
    failures: list[Failure] = []
    for result in _results(pipeline, args.paths, args.workers, args.quiet):
        if isinstance(result, Failure):
            failures.append(result)
            print(f"newsparse: failed: {result.source}: {result.error_type}: {result.message}", file=err)
        else:
            articles.append(result)
    events, mention_failures = pipeline.events(articles)
    for failure in mention_failures:
        print(
            f"newsparse: mentions failed: {failure.source}: plugin {failure.plugin}: {failure.message}",
            file=err,
        )
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "events": unstructure(events),
        "articles": unstructure(articles),
        "failures": unstructure(failures + mention_failures),
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=args.indent) + "\n")
    _summary(len(articles) + len(failures), len(failures), started, err)
    return 1 if failures else 0


def _run_plugins(host: PluginHost, out: IO[str], err: IO[str]) -> int:
    infos = host.infos()
    for info in infos:
        version = info.version or "-"
        outlets = ", ".join(info.outlets) or "-"
        out.write(f"{info.name}\t{info.distribution or '-'} {version}\t{info.module}\toutlets: {outlets}\n")
    for failure in host.load_failures:
        print(
            f"newsparse: plugin {failure.plugin} failed to load: {failure.error_type}: {failure.message}",
            file=err,
        )
    print(f"newsparse: {len(infos)} plugins loaded, {len(host.load_failures)} failed", file=err)
    return 1 if host.load_failures else 0


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its one-line error
        return int(exc.code or 0)
    if args.version:
        from newsparse import __version__

        out.write(f"newsparse {__version__}\n")
        return 0
    if args.command is None:
        parser.print_usage(err)
        print("newsparse: error: a command is required (articles, events, plugins)", file=err)
        return 2
    host = PluginHost()
    for failure in host.load_failures:
        print(f"newsparse: plugin {failure.plugin} failed to load: {failure.message}", file=err)
    if args.command == "plugins":
        return _run_plugins(host, out, err)
    if args.workers < 1:
        print("newsparse: error: --workers must be at least 1", file=err)
        return 2
    pipeline = Pipeline(host)
    try:
        if args.command == "articles":
            return _run_articles(args, pipeline, out, err)
        return _run_events(args, pipeline, out, err)
    except KeyboardInterrupt:
        print("newsparse: interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
