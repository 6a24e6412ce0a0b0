"""``python -m benchmarks outlets``: each outlet plugin against the generic plugin on its pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

from benchmarks import outlets

REAL = Path(__file__).resolve().parents[1] / "outlets" / "real"


def _corpus(folder: Path) -> Path:
    """A news-metadata-shaped corpus of the Metro pages (gold from their expected files) and one page
    no outlet plugin serves."""
    lines = []
    for expected in sorted((REAL / "metro").glob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        shutil.copy(REAL / "metro" / f"{stem}.html.gz", folder / f"{stem}.html.gz")
        article = json.loads(expected.read_text(encoding="utf-8"))["article"]
        url = json.loads((REAL / "metro" / f"{stem}.json").read_text(encoding="utf-8"))["url"]
        lines.append(
            {
                "file": f"{stem}.html.gz",
                "publisher": "Metro",
                "language": "en",
                "url": url,
                "title": article["title"],
                "authors": article["authors"],
                "published": article["published"],
                "topics": article["tags"],
                "body": "\n\n".join(article["paragraphs"]),
            }
        )
    other = dict(lines[0], file="Other.html.gz", publisher="Other", url="https://other.example/story")
    shutil.copy(folder / lines[0]["file"], folder / "Other.html.gz")
    (folder / "gold.jsonl").write_text("".join(json.dumps(line) + "\n" for line in [*lines, other]))
    return folder


def test_each_outlet_is_scored_on_its_own_pages_against_the_generic_plugin(tmp_path: Path) -> None:
    results = outlets.run(SimpleNamespace(news_metadata=str(_corpus(tmp_path))))
    assert list(results["outlets"]) == ["metro"]  # the page of no outlet is left out
    assert not Path(results["corpus"]).is_absolute()  # stored relative to the repository, as extraction's
    metro = results["outlets"]["metro"]
    assert metro["pages"] == ["Metro_2024_07_17.html.gz", "Metro_2024_11_29.html.gz"]
    assert metro["plugin"]["body"]["f1"] == 1.0
    assert metro["generic"]["body"]["f1"] < 0.9
    table = outlets.render(results)
    assert "| metro | 2 | 1.000 / " in table
