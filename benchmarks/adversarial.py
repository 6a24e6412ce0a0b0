"""Adversarial inputs: the worst CPU time per input class, and how it grows when the input doubles.

Each class (issue 18, items 10-15) is a generator ``make(n)`` of one hostile document of size ``n``
and the stage it stresses: ``article`` (``newsparse.parse``) or ``mentions`` (the built-in mention
extractor on the parsed article, or on an Article built directly). A linear stage takes about twice
the time when ``n`` doubles; the growth ratio printed is ``time(4n) / time(2n)`` (a quadratic rule
shows 4x, a cubic one 8x). Times are CPU seconds (``time.process_time``), the best of ``--repeat``.

Run: ``python -m benchmarks adversarial`` (or ``python benchmarks/adversarial.py``); the property
test ``tests/benchmarks/test_adversarial.py`` bounds the same growth at smaller sizes.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import newsparse
from newsparse.errors import ParseError
from newsparse.models import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

PUBLISHED = "2024-03-05T09:30:00+00:00"
#: A sentence of news prose with people, countries, a place, a date and contact words.
PROSE = (
    "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing yesterday "
    "for talks on trade and security and the two sides agreed to keep talking officials said after "
    "the long meeting in the Chinese capital"
)
#: Reports between countries only, some without a kind ("talked"): settled against each other.
COUNTRY_REPORTS = (
    "Talks between Washington and Beijing resumed in Geneva.",
    "Washington and Beijing talked in Geneva.",
    "US and Chinese officials spoke on Monday.",
    "The Pentagon and China talked again.",
)


def page(body: str, head: str = "") -> str:
    """An HTML page with a publication date, ``head`` in its head and ``body`` in its body."""
    return (
        f'<html><head><meta property="article:published_time" content="{PUBLISHED}">{head}</head>'
        f"<body>{body}</body></html>"
    )


def _words(n: int) -> str:
    words = PROSE.split()
    return " ".join(words[i % len(words)] for i in range(n))


# -- the input classes -----------------------------------------------------------------------------
def long_sentence(n: int) -> str:
    """One paragraph of ``n`` words of prose without a full stop (item 11)."""
    return page(f"<article><h1>Talks</h1><p>{_words(n)}.</p></article>")


def abbreviations(n: int) -> str:
    """One paragraph of ``n`` abbreviations whose stops end no sentence ("U.S. U.S. ...", item 11)."""
    return page("<article><h1>Talks</h1><p>" + "U.S. " * n + "officials met.</p></article>")


def repeated_reports(n: int) -> Article:
    """An article of ``n`` reports between the same countries, a quarter without a kind (item 13)."""
    paragraphs = tuple(COUNTRY_REPORTS[i % len(COUNTRY_REPORTS)] for i in range(n))
    return Article(
        source="adversarial",
        outlet="generic",
        plugin="adversarial",
        published=PUBLISHED,
        paragraphs=paragraphs,
    )


def repeated_pairs(n: int) -> Article:
    """An article of ``n`` reports, every other one "the pair" with nothing dated before it (item 13)."""
    pair = ("US President Joe Biden and Chinese President Xi Jinping talked.", "The pair met again.")
    return Article(source="adversarial", outlet="generic", plugin="adversarial", published=PUBLISHED,
                   paragraphs=tuple(pair[i % 2] for i in range(n)))  # fmt: skip


def repeated_seed(n: int) -> str:
    """A seed capture pasted ``n`` times (item 13)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    seed = seeds[1 % len(seeds)].read_text(encoding="utf-8") if seeds else PROSE + ".\n"
    return "\n".join([seed] * n)


def nested_divs(n: int) -> str:
    """A paragraph inside ``n`` nested ``<div>`` (item 15)."""
    return page("<div>" * n + f"<p>{PROSE}.</p>" + "</div>" * n)


def stray_end_tags(n: int) -> str:
    """A paragraph inside ``n`` nested ``<div>``, each followed by an end tag that closes nothing."""
    return page("<div></span>" * n + f"<p>{PROSE}.</p>" + "</div>" * n)


def nested_spans(n: int) -> str:
    """A paragraph inside ``n`` nested ``<span>`` (item 15)."""
    return page(f"<article><p>{PROSE}" + "<span>x " * n + "</span>" * n + ".</p></article>")


def nested_itemprops(n: int) -> str:
    """``n`` nested microdata properties in an article item (item 15)."""
    return page(
        f'<article itemscope itemtype="https://schema.org/NewsArticle"><p>{PROSE}.</p>'
        + '<span itemprop="author">' * n
        + "Reporter"
        + "</span>" * n
        + "</article>"
    )


def many_attributes(n: int) -> str:
    """One element with ``n`` attributes (item 15)."""
    attributes = " ".join(f'data-a{i}="v{i}"' for i in range(n))
    return page(f"<article {attributes}><h1>Talks</h1><p>{PROSE}.</p></article>")


def long_class(n: int) -> str:
    """A class attribute of ``n`` characters of names (item 15)."""
    names = ("story content comment share related " * (n // 36 + 1))[:n]
    return page(f'<article class="{names}"><h1>Talks</h1><p class="{names}">{PROSE}.</p></article>')


def unclosed_scripts(n: int) -> str:
    """A body without prose and ``n`` script tags that nothing closes: the body is looked for in the
    page's scripts (item 15)."""
    return page("<h1>Talks</h1>" + "<script>var a = 1;" * n)


def role_references(n: int) -> Article:
    """An article that introduces "director Damien Chazelle" once, then ``n`` sentences meeting "the
    director" (each refers back to the role: item 13)."""
    paragraphs = ("Director Damien Chazelle spoke.",) + ("Emma Stone met the director in Paris.",) * n
    return Article(source="role", outlet="generic", plugin="generic", title="Talks", paragraphs=paragraphs)


def br_lines(n: int) -> str:
    """A body of ``n`` lines of text separated by ``<br>`` (item 10)."""
    return page(
        "<div>" + "<br>".join(f"Line {i} of the story, said the officials." for i in range(n)) + "</div>"
    )


@dataclass(frozen=True)
class Case:
    """An input class: its generator, the stage it stresses and the size the benchmark starts at."""

    name: str
    item: int
    make: Callable[[int], str | Article]
    stage: str  # "article" or "mentions"
    size: int


CASES: tuple[Case, ...] = (
    Case("long_sentence", 11, long_sentence, "mentions", 4_000),
    Case("abbreviations", 11, abbreviations, "mentions", 10_000),
    Case("repeated_reports", 13, repeated_reports, "mentions", 400),
    Case("repeated_pairs", 13, repeated_pairs, "mentions", 1_000),
    Case("repeated_seed", 13, repeated_seed, "mentions", 50),
    Case("role_references", 13, role_references, "mentions", 2_000),
    Case("nested_divs", 15, nested_divs, "article", 25_000),
    Case("stray_end_tags", 15, stray_end_tags, "article", 25_000),
    Case("nested_spans", 15, nested_spans, "article", 5_000),
    Case("nested_itemprops", 15, nested_itemprops, "article", 5_000),
    Case("many_attributes", 15, many_attributes, "article", 100_000),
    Case("long_class", 15, long_class, "article", 5_000_000),
    Case("br_lines", 10, br_lines, "article", 100_000),
    Case("unclosed_scripts", 15, unclosed_scripts, "article", 20_000),
)


# -- timing -----------------------------------------------------------------------------------------
def prepare(case: Case, n: int) -> Callable[[], object]:
    """The timed call for ``case`` at size ``n`` (the document is generated, and for the mention stage
    parsed, before timing)."""
    document = case.make(n)
    if case.stage == "article":
        return lambda: _article_or_error(document)
    from newsparse.plugins.builtin.mentions import default_extractor

    extractor = default_extractor()
    article = document if isinstance(document, Article) else newsparse.parse(document)
    return lambda: extractor.extract(article)


def _article_or_error(document: str | Article) -> Article | ParseError:
    """The article of a document, or the typed error that says why there is none (an answer too)."""
    try:
        return newsparse.parse(document)  # type: ignore[arg-type]
    except ParseError as error:
        return error


def cpu_seconds(call: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        call()
        best = min(best, time.process_time() - started)
    return best


def growth(case: Case, n: int, repeat: int = 3) -> tuple[float, float]:
    """CPU seconds at ``n`` and at ``2n``."""
    return cpu_seconds(prepare(case, n), repeat), cpu_seconds(prepare(case, 2 * n), repeat)


def run(options: argparse.Namespace) -> dict[str, Any]:
    import logging

    logging.getLogger("newsparse").setLevel(logging.ERROR)  # the capped inputs warn, by design
    repeat = max(1, getattr(options, "repeat", 3))
    rows = []
    for case in CASES:
        times = [cpu_seconds(prepare(case, case.size * k), repeat) for k in (1, 2, 4)]
        rows.append(
            {
                "class": case.name,
                "item": case.item,
                "stage": case.stage,
                "sizes": [case.size * k for k in (1, 2, 4)],
                "largest_size": case.size * 4,
                "seconds": [round(t, 4) for t in times],
                "worst_seconds": round(max(times), 4),
                "growth_when_doubled": round(times[2] / max(times[1], 1e-6), 2),
            }
        )
    return {"repeat": repeat, "cases": rows}


def render(results: dict[str, Any]) -> str:
    rows = [f"{'class':<20} {'item':>4} {'stage':<9} {'largest n':>10} {'worst s':>8} {'x when doubled':>14}"]
    for r in results["cases"]:
        rows.append(
            f"{r['class']:<20} {r['item']:>4} {r['stage']:<9} {r['largest_size']:>10} "
            f"{r['worst_seconds']:>8.3f} {r['growth_when_doubled']:>14.2f}"
        )
    rows.append(f"CPU seconds, best of {results['repeat']}; growth = time(4n) / time(2n) (linear: 2)")
    return "\n".join(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    print(render(run(parser.parse_args())))
