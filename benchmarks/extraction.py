"""Section ``extraction``: what a user gets from a news page, and how fast, on two corpora.

Corpora (beside the repository, in ``../shared/benchmarks``):

- ``article-extraction`` (AEB, 181 pages, one site each): the body only;
- ``news-metadata`` (133 pages, 91 publishers, 16 languages): body, title, authors, publication date and
  topics; gold values marked ``suspect`` are left out of that attribute's score on that page.

Every system is handed the page's **raw bytes** and called the way its users call it; that call is both
what is scored and what is timed:

- ``newsparse``: ``Pipeline.parse(bytes)`` with the installed plugins (decode, outlet matching,
  metadata, body, the Article), less the outlet plugins written from news-metadata's own pages
  (``WRITTEN_FROM_THESE_PAGES``; the ``outlets`` section scores those on their pages); its authors are
  ``Article.authors``, or the ``Article.agency`` when no person is named (newsparse keeps an outlet or
  agency out of the authors; the gold and the peers credit it as the author then);
  ``newsparse body`` is the generic body extractor alone on the decoded text, for comparison;
- ``trafilatura`` / ``trafilatura precision`` (``favor_precision=True``): ``extract(bytes)`` gives the
  body (and is the reference of the speed and F1 ratios); ``bare_extraction(bytes, with_metadata=True)``
  gives the metadata (topics: its ``tags`` and ``categories``) and is timed as its own call;
- ``newspaper4k``: ``Article(""); download(input_html=bytes); parse()``; its topics are
  ``meta_keywords`` and ``tags`` (``keywords`` needs its NLP step, which is not run); Korean pages need
  NLTK's ``punkt_tab`` data, which is downloaded from NLTK's own server, not a package: those pages fail;
- readability-lxml, resiliparse and a selectolax all-text baseline: the body, from the text decoded the
  way newsparse decodes (the decoding is inside the timed call).

No system gets the page's url (newsparse is called without one either).

The body's lead (fixed rule, the same for every system): the predicted body is the system's body text as
it returns it; a standfirst the system returns in a separate field (newsparse ``Article.subtitle``,
trafilatura ``description``, newspaper4k ``meta_description``) is **not** prepended. news-metadata's gold
body starts with Fundus's summary where Fundus extracts one, so a system that keeps the standfirst out of
its body loses that passage; ``--lead`` prepends the separate field instead (when the body does not
already start with it), for all systems alike.

Scores (``benchmarks.metric``): body F1 with precision and recall (the AEB shingle metric), exact-match
accuracy, passage recall (share of the expected passages, the gold body's lines, of which >= 80 % of the
shingles come out); on news-metadata also title exact match (whitespace-normalised, case-sensitive) and
title token F1 (case-folded ``\\w+`` multisets), authors F1 and topics F1 (sets of names, normalised case
and whitespace; pages whose gold has no list are left out), publication-day accuracy (a timestamp read in
the gold's own UTC offset; a gold without an offset, or a date without a time, compares the day as given).
Every figure is a mean over pages. Each is reported on all pages and per language group (English,
German, other: news-metadata's ``language``, AEB's declared ``<html lang>``, undeclared counted apart).
Failures are pages where the system raised or returned an empty body; they score as empty.

Speed: each system runs in its own process pinned to one core; each call gets one untimed warm-up call,
then CPU seconds (``time.process_time``) over all pages, best of ``--repeat`` passes; pages/s and the ratio
to trafilatura's ``extract`` measured in the same run. On a shared machine CPU time measures the
extractor, wall time its neighbours too (reported beside it). Peak memory is the worker's peak RSS.

Fold spread (``benchmarks.folds``): body F1 on each of 5 publisher folds (news-metadata's ``publisher``,
AEB's site host), with min, max and stdev.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import gc
import gzip
import json
import multiprocessing
import os
import re
import resource
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from benchmarks import folds as folding
from benchmarks.metric import (
    day_matches,
    passage_recall,
    score_pages,
    set_f1,
    title_exact,
    title_token_f1,
    tokens,
)

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """The shared data folder: ``../shared`` from the repository root, as the project reads it; a git
    worktree nested deeper (``/work/wt/NAME``) finds it in the nearest ancestor that has one."""
    for folder in ROOT.parents:
        if (folder / "shared" / "benchmarks").is_dir():
            return folder / "shared"
    return ROOT.parent / "shared"


SHARED_ROOT = _shared()
SHARED = SHARED_ROOT / "benchmarks"
DATASET = SHARED / "article-extraction"
NEWS_METADATA = SHARED / "news-metadata"
REFERENCE = "trafilatura"
REFERENCE_CALL = "extract"
CORPORA = ("aeb", "news_metadata")
LABELS = {"aeb": "article-extraction (AEB)", "news_metadata": "news-metadata"}
GROUPS = ("en", "de", "other")

Record = dict[str, Any]
Reader = Callable[[Any], Record]
Call = tuple[Callable[[bytes], Any], Reader]


# -- what each system returns, as a record --------------------------------------------------------------
def _iso(value: Any) -> str | None:
    """A date or datetime as ISO text (the record crosses a process boundary as JSON-ready data)."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _names(value: Iterable[Any] | None) -> list[str]:
    return [str(v).strip() for v in (value or ()) if str(v).strip()]


#: Outlet plugins written from news-metadata's own pages (plugins/newsparse-outlets, tests/outlets/real):
#: left out here, so that the benchmark scores newsparse on pages no rule was written from.
#: ``python -m benchmarks outlets`` scores them against the generic plugin on their pages.
WRITTEN_FROM_THESE_PAGES = (
    "businessinsider",
    "metro",
    "rollingstone",
    "techcrunch",
    "thegatewaypundit",
    "timeslive",
)


def _newsparse() -> dict[str, Call]:
    from newsparse.pipeline import Pipeline
    from newsparse.plugins.host import PluginHost

    pipeline = Pipeline(PluginHost(disabled=WRITTEN_FROM_THESE_PAGES))

    def read(article: Any) -> Record:
        published = article.published
        value = None
        if published is not None:
            value = published.value if published.precision.value in ("time", "day") else None
        return {
            "body": "\n\n".join(article.paragraphs),
            "lead": article.subtitle,
            "title": article.title,
            "authors": list(article.authors) or ([article.agency] if article.agency else []),
            "published": _iso(value),
            "topics": list(article.tags),
        }

    return {"parse": (pipeline.parse, read)}


def _newsparse_body() -> dict[str, Call]:
    from newsparse.articles.html.body import extract_body_text
    from newsparse.decode import decode_bytes

    def call(data: bytes) -> str:
        return extract_body_text(decode_bytes(data, html=True))

    return {"extract_body_text": (call, lambda text: {"body": text or ""})}


def _trafilatura(**options: Any) -> Callable[[], dict[str, Call]]:
    def factory() -> dict[str, Call]:
        import trafilatura

        def extract(data: bytes) -> str | None:
            return trafilatura.extract(data, **options)

        def bare(data: bytes) -> Any:
            return trafilatura.bare_extraction(data, with_metadata=True, **options)

        def read_bare(document: Any) -> Record:
            if document is None:
                return {"title": None, "authors": [], "published": None, "topics": [], "lead": None}
            return {
                "title": document.title,
                "authors": _names((document.author or "").split(";")),
                "published": _iso(document.date),
                "topics": _names([*(document.tags or ()), *(document.categories or ())]),
                "lead": document.description,
            }

        return {
            "extract": (extract, lambda text: {"body": text or ""}),
            "bare_extraction": (bare, read_bare),
        }

    return factory


def _newspaper4k() -> dict[str, Call]:
    warnings.filterwarnings("ignore", module="newspaper")  # "nltk is not installed": NLP is not used
    warnings.filterwarnings("ignore", message="tzname .* identified but not understood")  # dateutil
    from newspaper import Article

    def call(data: bytes) -> Any:
        article = Article("", fetch_images=False)
        article.download(input_html=data)
        article.parse()
        return article

    def read(article: Any) -> Record:
        return {
            "body": article.text or "",
            "lead": article.meta_description,
            "title": article.title,
            "authors": _names(article.authors),
            "published": _iso(article.publish_date),
            "topics": _names([*(article.meta_keywords or ()), *(article.tags or ())]),
        }

    return {"parse": (call, read)}


def _decoded(extract: Callable[[str], str]) -> dict[str, Call]:
    from newsparse.decode import decode_bytes

    def call(data: bytes) -> str:
        return extract(decode_bytes(data, html=True))

    return {"body": (call, lambda text: {"body": text or ""})}


def _readability() -> dict[str, Call]:
    import lxml.html
    from readability import Document

    def extract(html: str) -> str:
        summary = Document(html).summary(html_partial=True)
        return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""

    return _decoded(extract)


def _resiliparse() -> dict[str, Call]:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def extract(html: str) -> str:
        return str(extract_plain_text(HTMLTree.parse(html), main_content=True))

    return _decoded(extract)


def _all_text() -> dict[str, Call]:
    from selectolax.lexbor import LexborHTMLParser

    def extract(html: str) -> str:
        tree = LexborHTMLParser(html)
        tree.strip_tags(["script", "style", "noscript", "template"])
        root = tree.body or tree.root
        return root.text(separator="\n") if root is not None else ""

    return _decoded(extract)


SYSTEMS: dict[str, Callable[[], dict[str, Call]]] = {
    "newsparse": _newsparse,
    "newsparse body": _newsparse_body,
    REFERENCE: _trafilatura(),
    "trafilatura precision": _trafilatura(favor_precision=True),
    "newspaper4k": _newspaper4k,
    "readability-lxml": _readability,
    "resiliparse": _resiliparse,
    "selectolax all text": _all_text,
}
#: The call whose speed is the system's pages/s (the others are reported beside it).
MAIN_CALL = {"newsparse": "parse", "newspaper4k": "parse", REFERENCE: "extract"}
MAIN_CALL["trafilatura precision"] = "extract"


# -- data -----------------------------------------------------------------------------------------------
def load_truth(dataset: Path = DATASET) -> dict[str, str]:
    """AEB page id -> true article body."""
    data = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: entry["articleBody"] for page_id, entry in data.items()}


def load_pages(ids: list[str], dataset: Path = DATASET) -> dict[str, str]:
    """AEB page id -> decoded HTML, decoded the way newsparse decodes."""
    from newsparse.decode import decode_bytes

    return {i: decode_bytes(raw, html=True) for i, raw in load_bytes(ids, dataset).items()}


def load_bytes(ids: list[str], dataset: Path = DATASET) -> dict[str, bytes]:
    """AEB page id -> the page's bytes (what a user hands a library)."""
    return {i: gzip.decompress((dataset / "html" / f"{i}.html.gz").read_bytes()) for i in ids}


def load_gold(dataset: Path = NEWS_METADATA) -> dict[str, dict[str, Any]]:
    """news-metadata page (file name) -> its gold line, with the ``suspect`` attributes set to None."""
    gold = {}
    for line in (dataset / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        for attribute in entry.get("suspect") or {}:
            entry[attribute] = None
        gold[entry["file"]] = entry
    return gold


def load_corpus(corpus: str, dataset: Path) -> dict[str, bytes]:
    """Page id -> bytes for either corpus (AEB ids, news-metadata file names)."""
    if corpus == "aeb":
        return load_bytes(sorted(load_truth(dataset)), dataset)
    return {name: gzip.decompress((dataset / name).read_bytes()) for name in sorted(load_gold(dataset))}


_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def declared_language(page: bytes) -> str | None:
    """The two- or three-letter code of the page's ``<html lang>``, lower-cased, or None."""
    match = _LANG.search(page[:20_000])
    return match.group(1).decode("ascii").lower() if match else None


def language_group(language: str | None) -> str:
    """English, German, other; ``undeclared`` when the language is unknown."""
    if not language:
        return "undeclared"
    return language if language in ("en", "de") else "other"


def halves(ids: list[str]) -> tuple[list[str], list[str]]:
    """The even-position and odd-position ids, in sorted order."""
    ordered = sorted(ids)
    return ordered[0::2], ordered[1::2]


def predicted_body(record: Record, lead: bool = False) -> str:
    """The body scored for a record; with ``lead``, the separate standfirst field before it (unless the
    body already starts with the standfirst's words)."""
    body = record.get("body") or ""
    standfirst = record.get("lead") or ""
    if lead and tokens(standfirst) and tokens(body)[: len(tokens(standfirst))] != tokens(standfirst):
        return f"{standfirst}\n\n{body}" if body else standfirst
    return body


def _when(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text) if "T" in text or " " in text else dt.date.fromisoformat(text)
    except ValueError:
        return None


# -- one system in one process --------------------------------------------------------------------------
def _measure(name: str, datasets: dict[str, str], repeat: int) -> dict[str, Any]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    calls = SYSTEMS[name]()
    measured: dict[str, Any] = {}
    for corpus, location in datasets.items():
        pages = load_corpus(corpus, Path(location))
        ids = list(pages)
        records: dict[str, Record] = {i: {} for i in ids}
        errors: dict[str, str] = {}
        timing: dict[str, dict[str, float]] = {}
        for call_name, (call, read) in calls.items():
            with contextlib.suppress(Exception):  # warm-up: lazy imports and caches are not extraction
                call(pages[ids[0]])
            best_cpu = best_wall = float("inf")
            for attempt in range(repeat):
                gc.collect()
                cpu = wall = 0.0
                for page_id in ids:
                    data = pages[page_id]
                    start_cpu, start_wall = time.process_time(), time.perf_counter()
                    try:
                        output, failed = call(data), None
                    except Exception as exc:  # a crash on one page is an empty answer, and is reported
                        output, failed = None, f"{call_name}: {type(exc).__name__}: {exc}"[:200]
                    cpu += time.process_time() - start_cpu
                    wall += time.perf_counter() - start_wall
                    if attempt == 0:
                        if failed:
                            errors[page_id] = failed
                        else:
                            records[page_id].update(read(output))
                best_cpu, best_wall = min(best_cpu, cpu), min(best_wall, wall)
            timing[call_name] = {
                "pages_per_second": len(ids) / best_cpu if best_cpu else float("inf"),
                "wall_pages_per_second": len(ids) / best_wall if best_wall else 0.0,
            }
        measured[corpus] = {"records": records, "errors": errors, "calls": timing}
    measured["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return measured


# -- scoring --------------------------------------------------------------------------------------------
def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def score_body(truths: dict[str, str], bodies: dict[str, str], ids: list[str]) -> dict[str, Any]:
    """Body F1, precision, recall, accuracy and passage recall over ``ids``."""
    ids = [i for i in ids if i in truths]
    score = score_pages(truths, bodies, ids)
    return {
        "f1": score.f1,
        "precision": score.precision,
        "recall": score.recall,
        "accuracy": score.accuracy,
        "passage_recall": passage_recall(truths, bodies, ids),
        "pages": score.pages,
    }


def score_metadata(gold: dict[str, dict[str, Any]], records: dict[str, Record], ids: list[str]) -> Record:
    """Title exact and token F1, authors F1, publication-day accuracy, topics F1 over ``ids`` (each over
    the pages whose gold has the attribute), with the page counts."""
    title, title_f1, authors, day, topics = [], [], [], [], []
    for i in ids:
        expected, found = gold[i], records.get(i, {})
        if expected.get("title"):
            title.append(1.0 if title_exact(expected["title"], found.get("title")) else 0.0)
            title_f1.append(title_token_f1(expected["title"], found.get("title")))
        if expected.get("authors") is not None:
            authors.append(set_f1(expected["authors"], found.get("authors") or []))
        if expected.get("published"):
            day.append(1.0 if day_matches(expected["published"], _when(found.get("published"))) else 0.0)
        if expected.get("topics") is not None:
            topics.append(set_f1(expected["topics"], found.get("topics") or []))
    return {
        "title_exact": _mean(title),
        "title_token_f1": _mean(title_f1),
        "authors_f1": _mean(authors),
        "day": _mean(day),
        "topics_f1": _mean(topics),
        "counted": {
            "title": len(title),
            "authors": len(authors),
            "day": len(day),
            "topics": len(topics),
        },
    }


_FIELD_OF = {
    "title_exact": "title",
    "title_token_f1": "title",
    "authors_f1": "authors",
    "day": "published",
    "topics_f1": "topics",
}


def _produced(scores: Record, records: dict[str, Record]) -> Record:
    """The scores with those of fields the system never returns (a body-only extractor) set to None."""
    returned = {key for record in records.values() for key in record}
    return {k: (v if _FIELD_OF.get(k, "title") in returned else None) for k, v in scores.items()}


def _failures(records: dict[str, Record], errors: dict[str, str], ids: list[str]) -> int:
    return sum(1 for i in ids if i in errors or not tokens(records.get(i, {}).get("body") or ""))


def run(options: Any) -> dict[str, Any]:
    """Measure every system (or ``options.systems``) on both corpora and score them."""
    aeb = Path(getattr(options, "dataset", None) or DATASET)
    news = Path(getattr(options, "news_metadata", None) or NEWS_METADATA)
    lead = bool(getattr(options, "lead", False))
    if not (aeb / "ground-truth.json").is_file():
        raise SystemExit(
            f"benchmarks: no article-extraction benchmark at {aeb} "
            "(it sits beside the repository in ../shared; pass --dataset PATH)"
        )
    if not (news / "gold.jsonl").is_file():
        raise SystemExit(f"benchmarks: no news-metadata corpus at {news} (pass --news-metadata PATH)")
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

    truths = {"aeb": load_truth(aeb)}
    gold = load_gold(news)
    truths["news_metadata"] = {i: g["body"] for i, g in gold.items() if g.get("body")}
    aeb_urls = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    publishers = {
        "aeb": {i: folding.site_of(entry.get("url") or i) for i, entry in aeb_urls.items()},
        "news_metadata": {i: g["publisher"] for i, g in gold.items()},
    }
    aeb_bytes = load_bytes(sorted(truths["aeb"]), aeb)
    groups = {
        "aeb": {i: language_group(declared_language(page)) for i, page in aeb_bytes.items()},
        "news_metadata": {i: language_group(g["language"]) for i, g in gold.items()},
    }
    ids = {corpus: sorted(publishers[corpus]) for corpus in CORPORA}

    results: dict[str, Any] = {
        "section": "extraction",
        "reference": f"{REFERENCE} {REFERENCE_CALL}",
        "cpu_count": os.cpu_count(),
        "repeat": max(1, options.repeat),
        "lead": "subtitle prepended" if lead else "body as returned (no separate standfirst)",
        "datasets": {
            "aeb": {"path": _relative(aeb), "pages": len(ids["aeb"])},
            "news_metadata": {"path": _relative(news), "pages": len(ids["news_metadata"])},
        },
        "skipped": {},
    }
    for corpus in CORPORA:
        results[corpus] = {}
        results[f"{corpus}_languages"] = {}
        results[f"{corpus}_folds"] = {}
    results["speed"] = {}

    context = multiprocessing.get_context("spawn")
    locations = {"aeb": str(aeb), "news_metadata": str(news)}
    for name in wanted:
        with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            try:
                measured = pool.submit(_measure, name, locations, max(1, options.repeat)).result()
            except ImportError as exc:  # a peer not installed, or a newsparse module moved
                results["skipped"][name] = f"{type(exc).__name__}: {exc}"
                continue
        main_call = MAIN_CALL.get(name) or next(iter(measured["aeb"]["calls"]))
        for corpus in CORPORA:
            got = measured[corpus]
            records, errors = got["records"], got["errors"]
            bodies = {i: predicted_body(r, lead) for i, r in records.items()}
            every = ids[corpus]
            row: dict[str, Any] = {"body": score_body(truths[corpus], bodies, every)}
            if corpus == "aeb":
                even, odd = halves(every)
                row["even"] = score_body(truths[corpus], bodies, even)
                row["odd"] = score_body(truths[corpus], bodies, odd)
            else:
                row.update(_produced(score_metadata(gold, records, every), records))
            row["failures"] = _failures(records, errors, every)
            row["errors"] = errors
            row["call"] = main_call
            row["pages_per_second"] = got["calls"][main_call]["pages_per_second"]
            row["wall_pages_per_second"] = got["calls"][main_call]["wall_pages_per_second"]
            row["calls"] = got["calls"]
            row["peak_mib"] = measured["peak_mib"]
            results[corpus][name] = row
            for group in sorted(set(groups[corpus].values()), key=_group_order):
                subset = [i for i in every if groups[corpus][i] == group]
                by_group: dict[str, Any] = {"system": name, "group": group, "pages": len(subset)}
                by_group["body"] = score_body(truths[corpus], bodies, subset)
                if corpus == "news_metadata":
                    by_group.update(_produced(score_metadata(gold, records, subset), records))
                by_group["failures"] = _failures(records, errors, subset)
                results[f"{corpus}_languages"][f"{name} · {group}"] = by_group
            folds = folding.fold_scores(
                publishers[corpus],
                lambda subset, c=corpus, b=bodies: score_pages(truths[c], b, subset).f1,
            )
            results[f"{corpus}_folds"][name] = folds
    for corpus in CORPORA:
        rows = results[corpus]
        if REFERENCE not in rows:
            continue
        reference = rows[REFERENCE]
        for row in rows.values():
            f1 = reference["body"]["f1"]
            row["f1_ratio"] = row["body"]["f1"] / f1 if f1 else None
            row["speed_ratio"] = row["pages_per_second"] / reference["pages_per_second"]
    for name in results["aeb"]:
        for call in results["aeb"][name]["calls"]:
            speed: dict[str, Any] = {"system": name, "call": call}
            for corpus in CORPORA:
                timing = results[corpus][name]["calls"][call]
                reference_speed = results[corpus][REFERENCE]["pages_per_second"]
                speed[corpus] = {**timing, "ratio": timing["pages_per_second"] / reference_speed}
            results["speed"][name if call == "body" else f"{name} {call}"] = speed
    return results


def _group_order(group: str) -> tuple[int, str]:
    return ((*GROUPS, "undeclared").index(group) if group in (*GROUPS, "undeclared") else 9, group)


def _relative(path: Path) -> str:
    """A dataset location relative to the repository root, as results store it: a folder of the shared
    data is ``../shared/...`` (where the project reads it from, whatever the worktree's depth), anything
    else its relative path from the root."""
    path = path.resolve()
    if path.is_relative_to(SHARED_ROOT.resolve()):
        return (Path("..") / "shared" / path.relative_to(SHARED_ROOT.resolve())).as_posix()
    try:
        return Path(os.path.relpath(path, ROOT)).as_posix()
    except ValueError:  # another drive
        return path.as_posix()


# -- the tables -----------------------------------------------------------------------------------------
def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = [head, *rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = []
    for n, line in enumerate(lines):
        text.append(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
        )
        if n == 0:
            text.append("  ".join("-" * w for w in widths))
    return text


def _best_first(rows: dict[str, Any]) -> list[tuple[str, Any]]:
    return sorted(rows.items(), key=lambda item: -item[1]["body"]["f1"])


def render(results: dict[str, Any]) -> str:
    """The tables: AEB, news-metadata, per language group, speed, publisher folds."""
    text: list[str] = []
    reference = results["reference"]
    if "aeb" in results:
        aeb = results["datasets"]["aeb"]
        text.append(f"article extraction (AEB, {aeb['path']}): {aeb['pages']} pages, body as returned")
        head = ("system", "F1", "prec", "recall", "acc", "passages", "F1 even", "F1 odd", "fails")
        rows = [
            (
                name,
                _fmt(row["body"]["f1"]),
                _fmt(row["body"]["precision"]),
                _fmt(row["body"]["recall"]),
                _fmt(row["body"]["accuracy"]),
                _fmt(row["body"]["passage_recall"]),
                _fmt(row["even"]["f1"]),
                _fmt(row["odd"]["f1"]),
                str(row["failures"]),
            )
            for name, row in _best_first(results["aeb"])
        ]
        text += [*_table(head, rows), ""]
    if "news_metadata" in results:
        news = results["datasets"]["news_metadata"]
        counted = next(iter(results["news_metadata"].values()), {}).get("counted", {})
        text.append(
            f"news-metadata ({news['path']}): {news['pages']} pages; pages scored: title "
            f"{counted.get('title')}, authors {counted.get('authors')}, day {counted.get('day')}, "
            f"topics {counted.get('topics')} (suspect and absent gold left out)"
        )
        head = (
            "system",
            "F1",
            "prec",
            "recall",
            "passages",
            "title=",
            "title F1",
            "authors",
            "day",
            "topics",
            "fails",
        )
        rows = [
            (
                name,
                _fmt(row["body"]["f1"]),
                _fmt(row["body"]["precision"]),
                _fmt(row["body"]["recall"]),
                _fmt(row["body"]["passage_recall"]),
                _fmt(row["title_exact"]),
                _fmt(row["title_token_f1"]),
                _fmt(row["authors_f1"]),
                _fmt(row["day"]),
                _fmt(row["topics_f1"]),
                str(row["failures"]),
            )
            for name, row in _best_first(results["news_metadata"])
        ]
        text += [*_table(head, rows), ""]
        head = (
            "system · language",
            "pages",
            "F1",
            "passages",
            "title=",
            "title F1",
            "authors",
            "day",
            "topics",
            "fails",
        )
        rows = [
            (
                key,
                str(row["pages"]),
                _fmt(row["body"]["f1"]),
                _fmt(row["body"]["passage_recall"]),
                _fmt(row.get("title_exact")),
                _fmt(row.get("title_token_f1")),
                _fmt(row.get("authors_f1")),
                _fmt(row.get("day")),
                _fmt(row.get("topics_f1")),
                str(row["failures"]),
            )
            for key, row in results.get("news_metadata_languages", {}).items()
            if row["system"] in _main_systems(results)
        ]
        if rows:
            text += ["news-metadata by language", *_table(head, rows), ""]
    if results.get("aeb_languages"):
        head = ("system · language", "pages", "F1", "passages", "fails")
        rows = [
            (
                key,
                str(row["pages"]),
                _fmt(row["body"]["f1"]),
                _fmt(row["body"]["passage_recall"]),
                str(row["failures"]),
            )
            for key, row in results["aeb_languages"].items()
            if row["system"] in _main_systems(results)
        ]
        text += ["AEB by declared <html lang>", *_table(head, rows), ""]
    if results.get("speed"):
        head = ("system call", "AEB p/s", "wall p/s", "/traf", "n-m p/s", "wall p/s", "/traf")
        rows = [
            (
                key,
                _fmt(row["aeb"]["pages_per_second"], 1),
                _fmt(row["aeb"]["wall_pages_per_second"], 1),
                f"{row['aeb']['ratio']:.2f}x",
                _fmt(row["news_metadata"]["pages_per_second"], 1),
                _fmt(row["news_metadata"]["wall_pages_per_second"], 1),
                f"{row['news_metadata']['ratio']:.2f}x",
            )
            for key, row in sorted(
                results["speed"].items(), key=lambda item: -item[1]["aeb"]["pages_per_second"]
            )
        ]
        text.append(
            f"speed: CPU pages/s on one core, best of {results.get('repeat')} passes, ratio to {reference} "
            f"(same run; {results.get('cpu_count')} cores shared with other work: noisy)"
        )
        text += [*_table(head, rows), ""]
    head = ("system · corpus", "fold F1s (5 publisher folds)", "pages", "min", "max", "stdev")
    rows = []
    for corpus in CORPORA:
        for name, folds in results.get(f"{corpus}_folds", {}).items():
            if name not in _main_systems(results):
                continue
            rows.append(
                (
                    f"{name} · {LABELS[corpus]}",
                    " ".join(f"{v:.3f}" for v in folds["folds"]),
                    "/".join(str(p) for p in folds["pages"]),
                    _fmt(folds["min"]),
                    _fmt(folds["max"]),
                    _fmt(folds["stdev"]),
                )
            )
    if rows:
        text += ["body F1 per publisher fold", *_table(head, rows)]
    if results.get("skipped"):
        text.append("skipped: " + "; ".join(f"{k} ({v})" for k, v in results["skipped"].items()))
    failed = {
        f"{name} ({LABELS[corpus]})": len(row["errors"])
        for corpus in CORPORA
        for name, row in results.get(corpus, {}).items()
        if row["errors"]
    }
    if failed:
        text.append(
            "pages a system raised on (scored as empty): " + ", ".join(f"{k} {v}" for k, v in failed.items())
        )
    return "\n".join(text)


def _main_systems(results: dict[str, Any]) -> set[str]:
    return {"newsparse", REFERENCE, "trafilatura precision", "newspaper4k"}
