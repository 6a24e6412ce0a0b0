"""The benchmark runner's plumbing: the halves, the dataset reader and the table (no peer needed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from benchmarks.extraction import halves, load_pages, load_truth, render


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


def test_table_orders_by_f1_and_shows_ratios_and_halves() -> None:
    def row(f1: float, speed: float, ratio: float, speed_ratio: float) -> dict[str, object]:
        score = {"f1": f1, "precision": f1, "recall": f1, "accuracy": 0.5, "pages": 2}
        return {
            "all": score,
            "even": {**score, "f1": f1 + 0.01},
            "odd": {**score, "f1": f1 - 0.01},
            "pages_per_second": speed,
            "wall_pages_per_second": speed / 2,
            "peak_mib": 100.0,
            "f1_ratio": ratio,
            "speed_ratio": speed_ratio,
            "errors": {},
        }

    results = {
        "pages": 2,
        "reference": "trafilatura",
        "systems": {"trafilatura": row(0.9, 10.0, 1.0, 1.0), "newsparse": row(0.95, 100.0, 0.95 / 0.9, 10.0)},
    }
    lines = render(results).splitlines()
    assert lines[3].split()[:2] == ["newsparse", "0.950"]
    assert "10.0x" in lines[3] and "1.056" in lines[3]
    assert lines[3].split()[-2:] == ["0.960", "0.940"]
    assert lines[4].startswith("trafilatura")
