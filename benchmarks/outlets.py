"""Outlet plugins against the generic plugin, on each outlet's own news-metadata pages.

For every page of ``../shared/benchmarks/news-metadata`` whose URL an installed outlet plugin serves
(matched by domain, as a crawled page is), the page is read twice: by the installed plugins, and by
the generic plugin alone. Each outlet's row gives body F1 (the benchmark's shingle metric over its
pages), title exact match, authors F1, publication day and topics F1, for both readings. This is the
evidence that an outlet plugin written from real pages beats the generic reading on them (issue 17);
the pages are the plugin's own, so it is a check of the plugin, not a held-out score.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.extraction import NEWS_METADATA, Record, _relative, load_gold, score_body, score_metadata

SYSTEMS = ("plugin", "generic")


def _record(article: Any) -> Record:
    published = article.published
    value = (
        published.value if published is not None and published.precision.value in ("time", "day") else None
    )
    return {
        "body": "\n\n".join(article.paragraphs),
        "title": article.title,
        "authors": list(article.authors),
        "published": value.isoformat() if value is not None else None,
        "topics": list(article.tags),
        "layout": article.layout,
    }


def run(options: Any) -> dict[str, Any]:
    from newsparse.models import Page
    from newsparse.pipeline import Pipeline
    from newsparse.plugins.builtin import generic
    from newsparse.plugins.host import PluginHost

    folder = Path(getattr(options, "news_metadata", None) or NEWS_METADATA)
    if not (folder / "gold.jsonl").is_file():
        raise SystemExit(f"benchmarks: no news-metadata corpus at {folder} (pass --news-metadata PATH)")
    gold = load_gold(folder)
    installed = Pipeline()
    alone = Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic)]))
    pages: dict[str, list[str]] = defaultdict(list)
    records: dict[str, dict[str, Record]] = {system: {} for system in SYSTEMS}
    for name, entry in sorted(gold.items()):
        page = Page(
            content=gzip.decompress((folder / name).read_bytes()), kind="html", source=name, url=entry["url"]
        )
        outlet = installed.outlet_for(page)
        if outlet.plugin is None or not outlet.domains:
            continue  # no outlet plugin serves this page
        pages[outlet.id].append(name)
        records["plugin"][name] = _record(installed.article(page))
        records["generic"][name] = _record(alone.article(page))
    truths = {name: entry["body"] for name, entry in gold.items() if entry.get("body")}
    outlets: dict[str, Any] = {}
    for outlet, ids in sorted(pages.items()):
        outlets[outlet] = {
            "pages": ids,
            "publisher": sorted({gold[i]["publisher"] for i in ids}),
            "layouts": [records["plugin"][i]["layout"] for i in ids],
            **{
                system: {
                    "body": score_body(truths, {i: records[system][i]["body"] for i in ids}, ids),
                    **score_metadata(gold, records[system], ids),
                }
                for system in SYSTEMS
            },
        }
    return {"corpus": _relative(folder), "outlets": outlets}


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render(results: dict[str, Any]) -> str:
    lines = [
        "Outlet plugins against the generic plugin, on each outlet's news-metadata pages (plugin / generic)",
        "",
        "| outlet | pages | body F1 | title exact | authors F1 | day | topics F1 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for outlet, row in results["outlets"].items():
        plugin, generic = row["plugin"], row["generic"]
        cells = [
            f"{_cell(plugin['body']['f1'])} / {_cell(generic['body']['f1'])}",
            *(
                f"{_cell(plugin[key])} / {_cell(generic[key])}"
                for key in ("title_exact", "authors_f1", "day", "topics_f1")
            ),
        ]
        lines.append(f"| {outlet} | {len(row['pages'])} | " + " | ".join(cells) + " |")
    if not results["outlets"]:
        lines.append("| (no installed outlet plugin serves a page of the corpus) | | | | | | |")
    return "\n".join(lines)
