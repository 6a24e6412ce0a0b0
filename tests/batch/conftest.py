"""A small corpus for batch tests: the seed captures plus constructed HTML news pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Constructed Times</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-03-{day:02d}T09:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<aside><h2>Most Read</h2><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer>Copyright Constructed Times</footer>
</body></html>"""


def constructed_page(number: int) -> str:
    """A constructed (not real) news page; each number gives different words so no two hash alike."""
    paragraphs = "\n".join(
        f"<p>Paragraph {k} of story {number}: the delegation number {number * 7 + k} discussed trade, "
        f"energy and transport links during a long session that ran late into the evening.</p>"
        for k in range(1, 4)
    )
    return _PAGE.format(
        title=f"Story number {number} about regional talks", day=1 + number % 28, paragraphs=paragraphs
    )


@pytest.fixture
def make_page() -> Callable[[int], str]:
    return constructed_page


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory of documents: the five seeds and eight constructed HTML pages."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    for number in range(8):
        (folder / f"page{number:02d}.html").write_text(constructed_page(number), encoding="utf-8")
    return folder
