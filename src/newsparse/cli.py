"""The command line: a thin layer over the API.

``newsparse articles PATH...`` writes JSON Lines (one record per input document), ``newsparse events
PATH...`` writes one JSON document, ``newsparse mentions PATH...`` writes JSON Lines (one mention a line),
``newsparse plugins`` lists what is loaded. The exit status is 1 when
any input failed, 2 for a usage error or an output that cannot be written; the last stderr line always
says how many documents failed.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from newsparse._text import counted
from newsparse.convert import SCHEMA_VERSION, to_json, unstructure
from newsparse.errors import NewsparseError, OutputError
from newsparse.inputs import is_container, iter_documents, read_document
from newsparse.limits import DEFAULT_MAX_BYTES, Limits
from newsparse.models import Article, Event, Failure, Mention, Page, When
from newsparse.output import (
    FORMATS,
    SUFFIXES,
    Sink,
    atomic_output,
    atomic_write,
    check_output,
    disk_error,
    format_of,
    open_sink,
)
from newsparse.pipeline import Pipeline, Processed
from newsparse.plugins.host import PluginHost
from newsparse.warc import ReadStats
from newsparse.workers import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT

__all__ = ["build_parser", "main"]


def _whole_number(text: str, least: int) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be at least {least}: {text!r}")
    return value


def _positive_int(text: str) -> int:
    return _whole_number(text, 1)


def _megabytes(text: str) -> int:
    return _whole_number(text, 0)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds: {text!r}")
    return value


def _limits(args: argparse.Namespace) -> Limits:
    """The reading limits of a run: its size cap, and its own outputs left out of the inputs."""
    limits = Limits(max_bytes=args.max_bytes, allow_outside=args.allow_outside)
    return limits.excluding(args.output, getattr(args, "store", None))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to generate the CLI reference)."""
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description="Turn news pages (HTML or plain-text captures) into clean articles and canonical events.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    paths_help = (
        "files (.html, .htm, .txt, each optionally .gz), .jsonl manifests, WARC files (.warc, .warc.gz), "
        "directories (read recursively), or - for standard input"
    )
    articles = commands.add_parser("articles", help="extract articles; writes JSON Lines to stdout")
    articles.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    articles.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: by the --output suffix, else jsonl)",
    )
    articles.add_argument(
        "--restart",
        action="store_true",
        help="overwrite --output instead of resuming it (JSON Lines output resumes by default)",
    )
    events = commands.add_parser("events", help="extract canonical events; writes one JSON document")
    events.add_argument("paths", nargs="*", metavar="PATH", help=paths_help + " (optional with --store)")
    events.add_argument(
        "--store",
        type=Path,
        default=None,
        metavar="FILE",
        help="an SQLite event store: add the inputs' mentions to it and write every event it holds",
    )
    events.add_argument(
        "--tables", type=Path, default=None, metavar="DIR", help="also write events and mentions tables here"
    )
    events.add_argument(
        "--table-format", choices=("csv", "parquet"), default="csv", help="format of --tables (default: csv)"
    )
    mentions = commands.add_parser(
        "mentions", help="extract event mentions; writes JSON Lines, one mention (or failure) a line"
    )
    mentions.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    for sub in (articles, events, mentions):
        sub.add_argument("--workers", type=int, default=1, metavar="N", help="parse in N processes")
        sub.add_argument("--quiet", action="store_true", help="no progress bar")
        sub.add_argument(
            "-o", "--output", type=Path, default=None, metavar="FILE", help="write here instead of stdout"
        )
        sub.add_argument(
            "--max-bytes",
            type=_positive_int,
            default=DEFAULT_MAX_BYTES,
            metavar="N",
            help="the size cap of one document, in bytes of its (decompressed) content; a larger one "
            f"is a failure (default: {DEFAULT_MAX_BYTES:,})",
        )
        sub.add_argument(
            "--timeout",
            type=_seconds,
            default=DEFAULT_TIMEOUT,
            metavar="SECONDS",
            help="the time budget of one document: past it, its worker process is stopped and the "
            f"document is a failure (default: {DEFAULT_TIMEOUT:g}; 0: no limit)",
        )
        sub.add_argument(
            "--max-memory",
            type=_megabytes,
            default=DEFAULT_MAX_MEMORY,
            metavar="MB",
            help="the memory budget of one worker process: a document that needs more is a failure "
            f"and its worker is replaced (default: {DEFAULT_MAX_MEMORY}; 0: no limit; enforced on Linux "
            "only). With --timeout 0 and --max-memory 0, documents are parsed in this process unless "
            "--workers is more than 1",
        )
        sub.add_argument(
            "--force",
            action="store_true",
            help="replace an existing --output file that is not this command's newsparse output "
            "(refused otherwise)",
        )
        sub.add_argument(
            "--allow-outside",
            action="store_true",
            help="let manifest lines name files outside the manifest's folder (absolute or ../ paths)",
        )
    events.add_argument("--indent", type=int, default=None, metavar="N", help="indent JSON by N spaces")
    _add_hint_and_retry_options(articles, events, mentions)
    plugins = commands.add_parser("plugins", help="list loaded plugins, their versions and outlets")
    plugins.add_argument(
        "--json", action="store_true", help="write one JSON document (plugins and load failures)"
    )
    new_plugin = commands.add_parser("new-plugin", help="write a working outlet plugin package to start from")
    new_plugin.add_argument("name", metavar="NAME", help="the outlet's id: lower-case letters, digits, _")
    new_plugin.add_argument("--title", default=None, help="the outlet's name as readers know it")
    new_plugin.add_argument("--domain", action="append", default=[], help="a domain the outlet serves")
    new_plugin.add_argument("--directory", type=Path, default=Path("."), help="where to write the package")
    new_plugin.add_argument(
        "--newsparse",
        default=None,
        metavar="REQUIREMENT",
        help="how the package depends on newsparse, e.g. 'newsparse @ git+https://...' "
        "(default: as this newsparse was installed: its checkout's path, its git URL, or its version)",
    )
    new_case = commands.add_parser(
        "new-case", help="write a draft NAME.expected.json beside a page, for a plugin's test cases"
    )
    new_case.add_argument("pages", nargs="+", metavar="PAGE", help="pages: .html, .htm, .txt, or .gz")
    return parser


# -- per-file hints, --retry-failed, output suffixes (issue 17) ---------------------------------------
#: The ``-o`` suffixes each command writes (a file without a suffix is allowed too); ``articles`` also
#: picks its format by suffix (newsparse.output.SUFFIXES).
_OUTPUT_SUFFIXES = {"articles": tuple(SUFFIXES), "events": (".json",), "mentions": (".jsonl",)}


def _when(text: str) -> When:
    try:
        return When.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_hint_and_retry_options(articles: argparse.ArgumentParser, *others: argparse.ArgumentParser) -> None:
    for sub in (articles, *others):
        hints = sub.add_argument_group(
            "hints",
            "what a page may not say itself; they win over a sidecar NAME.json or a manifest line's "
            "url, published and outlet",
        )
        hints.add_argument("--url", default=None, help="the page's URL (one document file only)")
        hints.add_argument("--outlet", default=None, metavar="ID", help="the outlet id of every page read")
        hints.add_argument(
            "--published", type=_when, default=None, metavar="DATE", help="publication date (ISO 8601)"
        )
    articles.add_argument(
        "--retry-failed",
        action="store_true",
        help="when resuming --output, parse the documents an earlier run failed on again",
    )


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the new options of a run, if anything (a usage error, status 2)."""
    if args.url is not None:
        paths = list(args.paths)
        if len(paths) != 1 or paths[0] == "-" or not Path(paths[0]).is_file() or is_container(Path(paths[0])):
            return "--url names one page: give exactly one document file (not a folder, manifest or WARC)"
    output, fmt = args.output, getattr(args, "format", None)
    if output is not None and output.suffix and fmt is None:
        allowed = _OUTPUT_SUFFIXES[args.command]
        if output.suffix.lower() not in allowed:
            return (
                f"{args.command} writes {', '.join(allowed)} files, not {output.suffix!r} "
                f"(-o {output})" + ("; or give --format" if args.command == "articles" else "")
            )
    return None


def _unknown_outlet(args: argparse.Namespace, host: PluginHost) -> str | None:
    """A warning when ``--outlet`` names no plugin's outlet: a misspelt id is otherwise read by the
    generic plugin under that name, with nothing said (an id of no plugin may still be meant: it names
    the pages' outlet)."""
    if getattr(args, "outlet", None) is None:
        return None
    ids = sorted({"generic", *(outlet.id for outlet in host.outlets())})
    if args.outlet.lower() in ids:
        return None
    close = difflib.get_close_matches(args.outlet.lower(), ids, n=1)
    return (
        f"--outlet {args.outlet!r} is no plugin's outlet"
        + (f" (did you mean {close[0]!r}?)" if close else "")
        + ": its pages are read by the generic plugin under that name"
    )


def _with_hints(
    documents: Iterator[Path | Page | Failure], args: argparse.Namespace, max_bytes: int
) -> Iterator[Path | Page | Failure]:
    """The documents with the command line's --url, --outlet and --published applied (a file is read
    here to take them, then parsed as usual)."""
    if args.url is None and args.outlet is None and args.published is None:
        yield from documents
        return
    for item in documents:
        if isinstance(item, Path):
            item = read_document(item, max_bytes=max_bytes)
        if isinstance(item, Page):
            item = attrs.evolve(
                item,
                url=args.url or item.url,
                outlet=args.outlet or item.outlet,
                published=args.published or item.published,
            )
        yield item


@attrs.define
class _Tally:
    """What a run did, for its summary line."""

    documents: int = 0
    failures: int = 0
    already_done: int = 0
    #: Of ``already_done``, the inputs whose line in the output is a failure (not retried).
    earlier_failures: int = 0
    mentions: int = 0
    read: ReadStats = attrs.field(factory=ReadStats)
    started: float = attrs.field(factory=time.monotonic)

    def count(self, result: Article | Failure, err: IO[str]) -> None:
        self.documents += 1
        if isinstance(result, Failure):
            self.failures += 1
            print(f"newsparse: failed: {result.source}: {result.error_type}: {result.message}", file=err)

    def summary(self, err: IO[str]) -> None:
        parts = [counted(self.documents, "document"), counted(self.documents - self.failures, "article")]
        if self.already_done:
            done = f"{self.already_done} already done in the output"
            if self.earlier_failures:
                done += (
                    f" (skipped: {counted(self.earlier_failures, 'earlier failure')}; "
                    "--retry-failed parses them again)"
                )
            parts.append(done)
        if self.read.total():
            parts.append(f"skipped {self.read.describe()}")
        parts.append(f"{self.failures} failed")
        print(f"newsparse: {', '.join(parts)} ({time.monotonic() - self.started:.1f} s)", file=err)


def _results(
    pipeline: Pipeline,
    args: argparse.Namespace,
    tally: _Tally,
    done: frozenset[str],
    failed: frozenset[str] = frozenset(),
    mentions: bool = False,
) -> Iterator[tuple[Article | Failure, Processed]]:
    """Each input's result and its Processed (input id; with ``mentions``, the article's mentions), in
    input order; inputs already done are skipped (and counted as earlier failures when they are in
    ``failed``)."""
    limits = _limits(args)
    documents = _with_hints(
        iter_documents(args.paths, stats=tally.read, limits=limits), args, limits.max_bytes
    )
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked from this one
        bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)
    with bar if bar is not None else contextlib.nullcontext():
        progress = _progress_bar(bar, tally) if bar is not None else None
        processed = pipeline.process(
            documents, workers=args.workers, skip=done, max_bytes=limits.max_bytes, progress=progress,
            timeout=args.timeout or None, max_memory=args.max_memory or None, mentions=mentions,
        )  # fmt: skip
        for item in processed:
            if item.result is None:
                tally.already_done += 1
                tally.earlier_failures += item.input_id in failed
                continue
            yield item.result, item


def _progress_bar(bar: Any, tally: _Tally) -> Callable[[Processed], None]:
    """The progress callback (see :meth:`Pipeline.process`) that moves a tqdm bar by each parsed
    document and shows the failures so far."""

    def advance(item: Processed) -> None:
        if item.result is None:
            return
        bar.set_postfix(failures=tally.failures + isinstance(item.result, Failure), refresh=False)
        bar.update(1)

    return advance


def _output_failed(exc: OSError | OutputError, args: argparse.Namespace, tally: _Tally, err: IO[str]) -> int:
    """An output that could not be written (a full disk): one error line, then the summary."""
    if isinstance(exc, BrokenPipeError):
        raise exc
    if isinstance(exc, OSError):
        exc = disk_error(exc, args.output or Path("<stdout>"))
    print(f"newsparse: error: {exc}", file=err)
    tally.summary(err)
    return 2


def _run_articles(args: argparse.Namespace, pipeline: Pipeline, out: IO[str], err: IO[str]) -> int:
    tally = _Tally()
    sink: Sink
    try:
        kind = "articles-" + format_of(args.output, args.format)
        replace = args.output is not None and check_output(args.output, kind, force=args.force)
        sink = open_sink(
            args.output, args.format, resume=not (args.restart or replace), stream=out,
            retry_failed=args.retry_failed,
        )  # fmt: skip
    except (OSError, RuntimeError, ValueError, OutputError) as exc:
        print(f"newsparse: error: {exc}", file=err)
        return 2
    failed = sink.failed
    try:
        for result, item in _results(pipeline, args, tally, sink.done, failed):
            tally.count(result, err)
            sink.write(result, item.input_id)
        sink.close()
    except (OSError, OutputError) as exc:
        sink.abort()
        return _output_failed(exc, args, tally, err)
    except BaseException:
        sink.abort()
        raise
    tally.summary(err)
    return 1 if tally.failures or tally.earlier_failures else 0


def _run_events_of(
    args: argparse.Namespace, mentions: list[Mention], articles: list[Article], err: IO[str]
) -> list[Event]:
    """The events of the mentions; with ``--store`` this run's mentions are added to the store and
    every event it holds is returned; with ``--tables`` the flat tables are written too. Raises
    NewsparseError or OSError when the store or the tables cannot be used."""
    from newsparse.events.export import write_tables
    from newsparse.events.merge import merge_mentions
    from newsparse.events.store import EventStore

    events = merge_mentions(mentions)
    if args.store is not None:
        with EventStore(args.store) as store:
            update = store.add((m for event in events for m in event.mentions), articles)
            events = store.events()
        print(f"newsparse: store {args.store}: {update.describe()}", file=err)
    if args.tables is not None:
        write_tables(events, args.tables, args.table_format)
    return events


def _check_events_outputs(args: argparse.Namespace) -> None:
    """Raise OutputError for an ``-o``, ``--store`` or ``--tables`` that cannot be written."""
    if args.output is not None:
        check_output(args.output, "events", force=args.force)
    if args.store is not None and not args.store.parent.is_dir():
        raise OutputError(f"{args.store}: the folder {args.store.parent} does not exist")
    if args.tables is not None and args.tables.exists() and not args.tables.is_dir():
        raise OutputError(f"{args.tables}: not a folder (--tables names the folder of the tables)")


def _run_events(args: argparse.Namespace, pipeline: Pipeline, out: IO[str], err: IO[str]) -> int:
    if not args.paths and args.store is None:
        print("newsparse: error: events needs a PATH (or --store FILE)", file=err)
        return 2
    try:  # before any work, and before --store is updated
        _check_events_outputs(args)
    except (OSError, OutputError) as exc:
        print(f"newsparse: error: {exc}", file=err)
        return 2
    tally = _Tally()
    articles: list[Article] = []
    failures: list[Failure] = []
    mentions: list[Mention] = []
    mention_failures: list[Failure] = []
    for result, item in _results(pipeline, args, tally, frozenset(), mentions=True):
        tally.count(result, err)
        if isinstance(result, Failure):
            failures.append(result)
        else:
            articles.append(result)
            mentions.extend(item.mentions)
            mention_failures.extend(item.mention_failures)
    try:
        events = _run_events_of(args, mentions, articles, err)
    except (NewsparseError, OSError) as exc:
        if isinstance(exc, OSError) and args.tables is not None:
            exc = disk_error(exc, args.tables)
        print(f"newsparse: error: {exc}", file=err)
        tally.summary(err)
        return 2
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
    text = json.dumps(document, ensure_ascii=False, indent=args.indent) + "\n"
    try:
        if args.output:
            atomic_write(args.output, text)
        else:
            out.write(text)
            out.flush()  # a full disk shows here, not at exit
    except (OSError, OutputError) as exc:
        return _output_failed(exc, args, tally, err)
    tally.summary(err)
    return 1 if tally.failures else 0


def _run_mentions(args: argparse.Namespace, pipeline: Pipeline, out: IO[str], err: IO[str]) -> int:
    """One JSON record a line: each mention of each article, in input order, and a failure record for
    each document or mention plugin that failed (also reported on stderr)."""
    tally = _Tally()
    try:
        if args.output is not None:
            check_output(args.output, "mentions", force=args.force)
    except (OSError, OutputError) as exc:
        print(f"newsparse: error: {exc}", file=err)
        return 2
    try:
        _write_mentions(args, pipeline, tally, out, err)
    except (OSError, OutputError) as exc:
        return _output_failed(exc, args, tally, err)
    print(f"newsparse: {counted(tally.mentions, 'mention')}", file=err)
    tally.summary(err)
    return 1 if tally.failures else 0


def _write_mentions(
    args: argparse.Namespace, pipeline: Pipeline, tally: _Tally, out: IO[str], err: IO[str]
) -> None:
    with contextlib.ExitStack() as stack:
        target = stack.enter_context(atomic_output(args.output)) if args.output else out
        for result, item in _results(pipeline, args, tally, frozenset(), mentions=True):
            tally.count(result, err)
            if isinstance(result, Failure):
                target.write(to_json(result) + "\n")
                continue
            for mention in item.mentions:
                target.write(to_json(mention) + "\n")
            tally.mentions += len(item.mentions)
            for failure in item.mention_failures:
                where = f"{failure.source}: plugin {failure.plugin}"
                print(f"newsparse: mentions failed: {where}: {failure.message}", file=err)
                target.write(to_json(failure) + "\n")
                tally.failures += 1
        target.flush()  # a full disk shows here, not at exit


def _run_plugins(host: PluginHost, out: IO[str], err: IO[str], *, as_json: bool = False) -> int:
    infos = host.infos()
    if as_json:
        document = {
            "schema_version": SCHEMA_VERSION,
            "plugins": [attrs.asdict(info) for info in infos],
            "failures": unstructure(list(host.load_failures)),
        }
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        for info in infos:
            version = info.version or "-"
            outlets = ", ".join(info.outlets) or "-"
            distribution = f"{info.distribution or '-'} {version}"
            out.write(f"{info.name}\t{distribution}\t{info.module}\toutlets: {outlets}\n")
    print(f"newsparse: {counted(len(infos), 'plugin')} loaded, {len(host.load_failures)} failed", file=err)
    return 1 if host.load_failures else 0


def _run_new_plugin(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from newsparse.scaffold import ScaffoldError, write_plugin

    try:
        root = write_plugin(
            args.name, args.directory, title=args.title, domains=args.domain, requirement=args.newsparse
        )
    except (ScaffoldError, OSError) as exc:
        print(f"newsparse: error: {exc}", file=err)
        return 2
    out.write(f"{root}\n")
    print(
        f"newsparse: wrote plugin {args.name!r} in {root}; next: cd {root} && pip install -e '.[test]'",
        file=err,
    )
    return 0


def _run_new_case(args: argparse.Namespace, host: PluginHost, out: IO[str], err: IO[str]) -> int:
    from newsparse.testing import write_draft_case

    pipeline = Pipeline(host)
    failed = 0
    for page in args.pages:
        try:
            path = write_draft_case(page, pipeline)
        except (NewsparseError, OSError) as exc:
            print(f"newsparse: error: {exc}", file=err)
            failed += 1
            continue
        out.write(f"{path}\n")
    if len(args.pages) > failed:
        print(
            'newsparse: wrote drafts marked "draft": read each page, correct every field, then delete '
            'the "draft" key (the test kit refuses a draft)',
            file=err,
        )
    return 1 if failed else 0


def _load_plugins(err: IO[str]) -> PluginHost:
    """The installed plugins and their outlets; what the library logs while loading them (a plugin that
    failed to load, two outlets claiming one domain) is printed to ``err``."""
    logger = logging.getLogger("newsparse.plugins")
    handler = logging.StreamHandler(err)
    handler.setFormatter(logging.Formatter("newsparse: %(message)s"))
    propagate, logger.propagate = logger.propagate, False
    logger.addHandler(handler)
    try:
        host = PluginHost()
        host.outlets()
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    return host


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
        print(
            "newsparse: error: a command is required "
            "(articles, events, mentions, plugins, new-plugin, new-case)",
            file=err,
        )
        return 2
    if args.command == "new-plugin":
        return _run_new_plugin(args, out, err)
    host = _load_plugins(err)
    if args.command == "plugins":
        return _run_plugins(host, out, err, as_json=args.json)
    if args.command == "new-case":
        return _run_new_case(args, host, out, err)
    if args.workers < 1:
        print("newsparse: error: --workers must be at least 1", file=err)
        return 2
    problem = _usage_problem(args)
    if problem is not None:
        print(f"newsparse: error: {problem}", file=err)
        return 2
    unknown = _unknown_outlet(args, host)
    if unknown is not None:
        print(f"newsparse: warning: {unknown}", file=err)
    pipeline = Pipeline(host)
    try:
        if args.command == "articles":
            return _run_articles(args, pipeline, out, err)
        if args.command == "mentions":
            return _run_mentions(args, pipeline, out, err)
        return _run_events(args, pipeline, out, err)
    except KeyboardInterrupt:
        print("newsparse: interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
