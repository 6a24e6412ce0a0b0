"""Bad and awkward input: every document ends as an Article or a Failure, never a traceback."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Failure, Pipeline, PluginHost
from newsparse.errors import EmptyDocumentError, NotADocumentError, ParseError, ReadError
from newsparse.inputs import iter_pages, page_from_bytes
from newsparse.models import Page, PageKind
from newsparse.plugins.builtin import generic

PROSE = "Le président a rencontré son homologue à Genève pour des entretiens très longs et utiles."
CAPTURE = f"Un titre assez long ici\n\n{PROSE}\n\n{PROSE}\n"


@pytest.fixture
def pipeline() -> Pipeline:
    return Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic)]))


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CAPTURE.encode("latin-1"), "latin-1"),
        ((CAPTURE + "“quoted” – dash").encode("cp1252"), "cp1252"),
        (CAPTURE.encode("utf-8-sig"), "utf-8 with BOM"),
        (CAPTURE.encode("utf-16"), "utf-16 with BOM"),
    ],
)
def test_legacy_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    page = page_from_bytes(data, "doc.txt")
    assert PROSE in page.text, encoding
    assert not page.text.startswith("\ufeff")


def test_declared_html_charset_is_honoured() -> None:
    body = "Привет мир, это статья. " * 5
    html = f'<html><head><meta charset="windows-1251"></head><body><p>{body}</p></body></html>'
    page = page_from_bytes(html.encode("cp1251"), "doc.html")
    assert page.kind is PageKind.HTML
    assert "Привет мир" in page.text


def test_wrong_declared_charset_falls_back_to_detection() -> None:
    html = f'<html><head><meta charset="ascii"></head><body><p>{PROSE}</p></body></html>'
    page = page_from_bytes(html.encode("utf-8"), "doc.html")
    assert PROSE in page.text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyDocumentError),
        (b"   \n\t ", EmptyDocumentError),
        (b"\x00\x01\x02\xff" * 64, NotADocumentError),
    ],
)
def test_empty_and_binary_bytes_get_typed_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        newsparse.parse(data)


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_every_input_of_a_messy_directory_is_accounted_for(tmp_path: Path, pipeline: Pipeline) -> None:
    root = tmp_path / "docs"
    _write(root / "a.txt", CAPTURE.encode())
    _write(root / "b" / "c.txt.gz", gzip.compress(CAPTURE.encode()))
    _write(root / "b" / "broken.html.gz", gzip.compress(CAPTURE.encode())[:20])
    _write(root / "empty.txt", b"")
    _write(root / "junk.html", bytes(range(256)) * 8)
    _write(root / "notes.png", b"\x89PNG not a document")  # not a document suffix: not walked
    results = list(pipeline.parse_many(iter_pages([root, tmp_path / "missing.txt", tmp_path / "nothing"])))
    outcome = {Path(r.source).name: (type(r).__name__, getattr(r, "error_type", None)) for r in results}
    assert outcome == {
        "a.txt": ("Article", None),
        "c.txt.gz": ("Article", None),
        "broken.html.gz": ("Failure", "ReadError"),
        "empty.txt": ("Failure", "EmptyDocumentError"),
        "junk.html": ("Failure", "NotADocumentError"),
        "missing.txt": ("Failure", "ReadError"),
        "nothing": ("Failure", "ReadError"),
    }


def test_an_empty_directory_is_a_failure_not_silence(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    results = list(iter_pages([tmp_path / "empty"]))
    assert len(results) == 1 and isinstance(results[0], Failure)
    assert "no documents" in results[0].message


def test_sidecar_json_gives_url_and_published(tmp_path: Path) -> None:
    doc = _write(tmp_path / "story.txt.gz", gzip.compress(CAPTURE.encode()))
    (tmp_path / "story.json").write_text(
        json.dumps({"url": "https://www.example.org/a", "published": "2023-12-06", "outlet": "ex"})
    )
    (page,) = list(iter_pages([doc]))
    assert isinstance(page, Page)
    assert (page.url, page.published.isoformat() if page.published else None, page.outlet) == (
        "https://www.example.org/a",
        "2023-12-06",
        "ex",
    )


def test_a_bad_sidecar_is_a_failure(tmp_path: Path) -> None:
    doc = _write(tmp_path / "story.txt", CAPTURE.encode())
    (tmp_path / "story.json").write_text('{"published": "yesterday"}')
    (result,) = list(iter_pages([doc]))
    assert isinstance(result, Failure) and "yesterday" in result.message


def test_manifest_lines_become_pages_or_failures(tmp_path: Path) -> None:
    _write(tmp_path / "one.txt", CAPTURE.encode())
    manifest = tmp_path / "batch.jsonl"
    manifest.write_text(
        "\n".join(
            [
                json.dumps({"path": "one.txt", "url": "https://example.org/1"}),
                json.dumps({"text": CAPTURE, "published": "2024-01"}),
                json.dumps({"html": "<p>x</p>", "outlet": "o"}),
                "{not json",
                json.dumps({"neither": 1}),
                "",
            ]
        )
    )
    results = list(iter_pages([manifest]))
    assert [type(r).__name__ for r in results] == ["Page", "Page", "Page", "Failure", "Failure"]
    first, second, third = results[:3]
    assert isinstance(first, Page) and first.url == "https://example.org/1"
    assert (
        isinstance(second, Page)
        and second.published is not None
        and second.published.isoformat() == "2024-01"
    )
    assert isinstance(third, Page) and third.kind is PageKind.HTML and third.outlet == "o"
    assert results[3].source.endswith("batch.jsonl:4")


def test_stdin_is_read_as_one_document() -> None:
    (page,) = list(iter_pages(["-"], stdin=io.BytesIO(CAPTURE.encode("utf-8"))))
    assert isinstance(page, Page) and page.source == "-" and PROSE in page.text


def test_parse_accepts_str_bytes_and_path(tmp_path: Path) -> None:
    path = _write(tmp_path / "x.txt", CAPTURE.encode())
    for document in (CAPTURE, CAPTURE.encode(), path):
        article = newsparse.parse(document, url="https://example.org/x", published="2023-12-06")
        assert PROSE in article.paragraphs
        assert article.url == "https://example.org/x"
        assert article.published is not None and article.published.isoformat() == "2023-12-06"


def test_parse_raises_a_typed_error_for_a_page_without_article_text() -> None:
    with pytest.raises(newsparse.NoArticleError):
        newsparse.parse("<html><body><nav>Home</nav></body></html>")


@given(st.binary(max_size=2048) | st.text(max_size=2048).map(lambda s: s.encode("utf-8")))
def test_arbitrary_bytes_end_as_an_article_or_a_failure(data: bytes) -> None:
    pipeline = Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic)]))
    result = pipeline.result(data)
    assert isinstance(result, (Article, Failure))
    if isinstance(result, Article):
        assert result.paragraphs
    with_parse: Article | None = None
    try:
        with_parse = pipeline.parse(data)
    except ParseError as exc:
        assert isinstance(result, Failure) and result.error_type == type(exc).__name__
    else:
        assert with_parse == result


@given(st.text(max_size=3000))
def test_arbitrary_text_ends_as_an_article_or_a_failure(text: str) -> None:
    pipeline = Pipeline(PluginHost(entry_points=False, plugins=[("generic", generic)]))
    result = pipeline.result(text)
    assert isinstance(result, (Article, Failure))
    if isinstance(result, Failure):
        assert result.stage in ("read", "extract") and result.error_type.endswith("Error")


def test_read_errors_name_their_stage() -> None:
    assert ReadError("x").stage == "read"
    assert newsparse.NoArticleError("x").stage == "extract"


def test_a_str_that_names_an_existing_file_or_folder_asks_for_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "story.txt"
    seed = Path(__file__).resolve().parents[2] / "seeds" / "002_f2fc8e53b361da77.txt"
    page.write_bytes(seed.read_bytes())
    monkeypatch.chdir(tmp_path)
    for name in ("story.txt", str(page), "."):
        with pytest.raises(ReadError, match=r"did you mean Path\("):
            newsparse.parse(name)
    (failure,) = newsparse.parse_many(["story.txt"])
    assert isinstance(failure, Failure) and "Path('story.txt')" in failure.message
    # the same text as a Path is read; text that is not a name of anything is parsed as text
    assert newsparse.parse(Path("story.txt")).paragraphs
    with pytest.raises(ParseError) as caught:
        newsparse.parse("no-such-file.txt")
    assert "did you mean" not in str(caught.value)


def test_read_errors_name_the_path_in_their_message(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(ReadError) as caught:
        newsparse.parse(missing)
    assert str(missing) in str(caught.value) and "No such file" in str(caught.value)
    with pytest.raises(ReadError, match=r"not a regular file") as caught:
        newsparse.parse(tmp_path)
    assert str(tmp_path) in str(caught.value)
    # a Failure keeps the path in its source and the bare message beside it
    (failure,) = newsparse.parse_many([missing])
    assert isinstance(failure, Failure)
    assert failure.source == str(missing) and str(missing) not in failure.message
