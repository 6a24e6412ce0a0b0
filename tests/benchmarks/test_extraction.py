"""The benchmark runner's plumbing: the halves, the dataset reader and the table (no peer needed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from benchmarks.extraction import (
    declared_language,
    halves,
    language_group,
    load_gold,
    load_pages,
    load_truth,
    predicted_body,
    render,
)


def test_halves_alternate_over_sorted_ids() -> None:
    even, odd = halves(["d", "a", "c", "b", "e"])
    assert (even, odd) == (["a", "c", "e"], ["b", "d"])


def test_dataset_is_read_and_decoded_like_newsparse_reads_pages(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    truth = {"p1": {"articleBody": "Body one.", "url": "https://example.org/1"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 cr\xe8me</p></body></html>'
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode("cp1252")))
    assert load_truth(tmp_path) == {"p1": "Body one."}
    assert load_pages(["p1"], tmp_path) == {"p1": html}


def _row(f1: float, speed: float, metadata: bool) -> dict[str, object]:
    body = {"f1": f1, "precision": f1, "recall": f1, "accuracy": 0.5, "passage_recall": 0.8, "pages": 2}
    row: dict[str, object] = {
        "body": body,
        "failures": 1,
        "errors": {"p": "ValueError: x"},
        "pages_per_second": speed,
        "calls": {"parse": {"pages_per_second": speed, "wall_pages_per_second": speed / 2}},
    }
    if metadata:
        row.update(title_exact=0.7, title_token_f1=0.9, authors_f1=0.8, day=0.99, topics_f1=0.6)
        row["counted"] = {"title": 2, "authors": 1, "day": 2, "topics": 1}
    else:
        row.update(even={**body, "f1": f1 + 0.01}, odd={**body, "f1": f1 - 0.01})
    return row


def test_tables_order_by_f1_and_show_every_field_the_speed_and_the_folds() -> None:
    systems = {"trafilatura": (0.9, 10.0), "newsparse": (0.95, 100.0)}
    folds = {"folds": [0.9, 1.0], "pages": [1, 1], "min": 0.9, "max": 1.0, "mean": 0.95, "stdev": 0.071}
    results = {
        "reference": "trafilatura extract",
        "repeat": 3,
        "cpu_count": 2,
        "datasets": {
            "aeb": {"path": "../shared/benchmarks/article-extraction", "pages": 2},
            "news_metadata": {"path": "../shared/benchmarks/news-metadata", "pages": 2},
        },
        "aeb": {name: _row(f1, speed, False) for name, (f1, speed) in systems.items()},
        "news_metadata": {name: _row(f1, speed, True) for name, (f1, speed) in systems.items()},
        "speed": {
            f"{name} parse": {
                "aeb": {"pages_per_second": speed, "wall_pages_per_second": speed, "ratio": speed / 10},
                "news_metadata": {
                    "pages_per_second": speed,
                    "wall_pages_per_second": 1.0,
                    "ratio": speed / 10,
                },
            }
            for name, (_f1, speed) in systems.items()
        },
        "aeb_folds": {"newsparse": folds},
        "news_metadata_folds": {"newsparse": folds},
    }
    lines = render(results).splitlines()
    assert lines[0].startswith("article extraction (AEB, ../shared/benchmarks/article-extraction)")
    assert lines[3].split() == [
        "newsparse",
        "0.950",
        "0.950",
        "0.950",
        "0.500",
        "0.800",
        "0.960",
        "0.940",
        "1",
    ]
    assert lines[4].startswith("trafilatura")
    news = lines.index(next(line for line in lines if line.startswith("news-metadata (")))
    assert "authors 1" in lines[news]
    assert lines[news + 3].split()[-7:] == ["0.800", "0.700", "0.900", "0.800", "0.990", "0.600", "1"]
    assert any(
        line.split()[:4] == ["newsparse", "parse", "100.0", "100.0"] and "10.00x" in line for line in lines
    )
    assert any(line.startswith("newsparse · news-metadata") and "0.900 1.000" in line for line in lines)
    assert "pages a system raised on" in lines[-1]


def test_the_lead_rule_prepends_a_standfirst_only_when_asked_and_missing() -> None:
    record = {"body": "Para one here.", "lead": "The standfirst."}
    assert predicted_body(record) == "Para one here."
    assert predicted_body(record, lead=True) == "The standfirst.\n\nPara one here."
    assert predicted_body({"body": "The standfirst. Para.", "lead": "The standfirst"}, lead=True) == (
        "The standfirst. Para."
    )
    assert predicted_body({"body": "", "lead": None}, lead=True) == ""


def test_language_groups() -> None:
    assert declared_language(b'<!doctype html><html class="x" lang="de-AT"><head>') == "de"
    assert declared_language(b"<html><body>no lang</body></html>") is None
    assert [language_group(x) for x in ("en", "de", "ja", None)] == ["en", "de", "other", "undeclared"]


def test_gold_leaves_out_suspect_attributes(tmp_path: Path) -> None:
    lines = [
        {"file": "a.html.gz", "authors": ["Le Monde"], "title": "T", "suspect": {"authors": "outlet"}},
        {"file": "b.html.gz", "authors": ["X Y"], "title": "U", "suspect": {}},
    ]
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    gold = load_gold(tmp_path)
    assert gold["a.html.gz"]["authors"] is None and gold["a.html.gz"]["title"] == "T"
    assert gold["b.html.gz"]["authors"] == ["X Y"]


def test_outlets_written_from_the_benchmark_pages_are_left_out_of_it() -> None:
    """newsparse is scored on news-metadata without the outlet plugins written from its pages (their
    own section, ``outlets``, compares them with the generic plugin): a score on the pages a rule was
    written from says nothing about other pages."""
    from benchmarks import extraction
    from newsparse.plugins.host import PluginHost

    installed = set(PluginHost().names)
    assert set(extraction.WRITTEN_FROM_THESE_PAGES) <= installed
    call, _ = extraction._newsparse()["parse"]
    host = call.__self__.plugins  # type: ignore[attr-defined]
    assert not set(extraction.WRITTEN_FROM_THESE_PAGES) & set(host.names)
    assert "generic" in host.names and "thestar" in host.names
