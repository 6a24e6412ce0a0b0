"""WARC files, JSONL manifests and directories give the same articles as the single files they hold."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsparse.cli import main
from newsparse.inputs import iter_pages
from newsparse.models import Failure, Page
from newsparse.warc import ReadStats, WarcResponse, warc_pages, write_warc


def run(*argv: str) -> tuple[int, list[dict[str, Any]], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["articles", "--quiet", *argv], out=out, err=err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def content_of(line: dict[str, Any]) -> dict[str, Any]:
    """An output line without the fields that name where the document came from (a WARC record knows
    its URL, hence its outlet's domain; a bare file does not)."""
    return {k: v for k, v in line.items() if k not in {"source", "url", "outlet", "input_id"}}


def single_file_results(files: list[Path]) -> list[dict[str, Any]]:
    results = []
    for file in files:
        code, lines, _ = run(str(file))
        assert code == 0 and len(lines) == 1
        results.append(content_of(lines[0]))
    return results


def html_files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.html"))


def responses_for(files: list[Path]) -> list[WarcResponse]:
    return [WarcResponse(url=f"https://constructed.example/{f.stem}", body=f.read_bytes()) for f in files]


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_gives_the_articles_of_its_html_responses(
    corpus: Path, tmp_path: Path, compressed: bool
) -> None:
    files = html_files(corpus)
    noise = [
        WarcResponse(url="https://constructed.example/missing", body=b"<html>gone</html>", status=404),
        WarcResponse(
            url="https://constructed.example/logo.png", body=b"\x89PNG...", content_type="image/png"
        ),
        WarcResponse(
            url="https://constructed.example/", body=b"GET / HTTP/1.1\r\n\r\n", record_type="request"
        ),
    ]
    archive = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    # noise first, between and last: skipping must not disturb the order of the pages
    write_warc(
        archive,
        [noise[0], *responses_for(files[:4]), noise[1], *responses_for(files[4:]), noise[2]],
        gzip=compressed,
    )
    if compressed:
        assert gzip.decompress(archive.read_bytes()).startswith(b"WARC/")

    code, lines, err = run(str(archive))

    assert code == 0
    assert [content_of(line) for line in lines] == single_file_results(files)
    assert [line["url"] for line in lines] == [f"https://constructed.example/{f.stem}" for f in files]
    assert "skipped 1 HTTP 404 response, 1 non-HTML response, 1 request record" in err.splitlines()[-1]


def test_warc_pages_carry_the_fetch_date(tmp_path: Path) -> None:
    import datetime as dt

    archive = tmp_path / "one.warc"
    when = dt.datetime(2023, 12, 22, 12, 17, 5, tzinfo=dt.timezone.utc)
    write_warc(
        archive, [WarcResponse(url="https://x.example/a", body=b"<html><p>Hello there</p></html>", date=when)]
    )
    [page] = list(warc_pages(archive))
    assert isinstance(page, Page)
    assert page.fetched is not None and page.fetched.value == when
    assert page.url == "https://x.example/a"


def test_a_truncated_warc_record_is_a_failure_and_the_records_before_it_survive(
    corpus: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "cut.warc"
    write_warc(archive, responses_for(html_files(corpus)[:3]))
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) - 200])  # cut into the last record's body
    results = list(warc_pages(archive))
    assert [type(r) for r in results] == [Page, Page, Failure]
    assert isinstance(results[-1], Failure) and "truncated" in results[-1].message


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff" * 500, b"WARC/1.0\r\nfoo", b"<html><p>not an archive</p></html>"],
    ids=["empty", "binary-junk", "bad-header", "html-named-warc"],
)
def test_a_file_that_is_not_a_warc_is_a_failure_not_a_crash(tmp_path: Path, content: bytes) -> None:
    archive = tmp_path / "junk.warc"
    archive.write_bytes(content)
    stats = ReadStats()
    results = list(warc_pages(archive, stats))
    assert results and all(isinstance(r, Failure) and r.stage == "read" for r in results)


def test_a_manifest_gives_the_articles_of_its_documents(corpus: Path, tmp_path: Path) -> None:
    files = sorted(corpus.iterdir())
    manifest = tmp_path / "batch.jsonl"
    lines = []
    for number, file in enumerate(files):
        if number % 3 == 0:  # by path, relative to the manifest
            lines.append({"path": str(Path("corpus") / file.name)})
        elif file.suffix == ".html":
            lines.append({"html": file.read_text(encoding="utf-8"), "id": file.name})
        else:
            lines.append({"text": file.read_text(encoding="utf-8"), "id": file.name})
    manifest.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")

    code, results, _ = run(str(manifest))

    assert code == 0
    assert [content_of(line) for line in results] == single_file_results(files)


def test_a_directory_equals_its_files_and_two_workers_equal_one(corpus: Path) -> None:
    files = sorted(corpus.iterdir())
    code_one, one, _ = run(str(corpus))
    code_two, two, _ = run("--workers", "2", str(corpus))
    assert code_one == code_two == 0
    assert [content_of(line) for line in one] == single_file_results(files)
    assert one == two


def test_events_over_warc_manifest_and_directory_agree(corpus: Path, tmp_path: Path) -> None:
    files = html_files(corpus)
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, responses_for(files), gzip=True)
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("".join(json.dumps({"path": str(f)}) + "\n" for f in files), encoding="utf-8")
    folder = tmp_path / "only-html"
    folder.mkdir()
    for f in files:
        (folder / f.name).write_bytes(f.read_bytes())

    documents = []
    for path in (archive, manifest, folder):
        out, err = io.StringIO(), io.StringIO()
        assert main(["events", "--quiet", str(path)], out=out, err=err) == 0
        documents.append(json.loads(out.getvalue()))

    events = [d["events"] for d in documents]
    assert events[0] == events[1] == events[2]
    titles = [[a["title"] for a in d["articles"]] for d in documents]
    assert titles[0] == titles[1] == titles[2] and len(titles[0]) == len(files)


def test_iter_pages_streams_a_manifest_lazily(tmp_path: Path) -> None:
    manifest = tmp_path / "big.jsonl"
    manifest.write_text(
        json.dumps({"text": "First document with enough words to be an article."}) + "\n" + "{not json\n",
        encoding="utf-8",
    )
    pages = iter_pages([manifest])
    first = next(pages)
    assert isinstance(first, Page)
    second = next(pages)
    assert isinstance(second, Failure) and second.source.endswith(":2")


AEB_PAGES = (
    Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks" / "article-extraction" / "html"
)


@pytest.mark.skipif(
    not AEB_PAGES.is_dir(), reason="the article-extraction benchmark is not beside the repository"
)
def test_a_warc_of_the_benchmark_pages_gives_what_the_pages_give_as_files(tmp_path: Path) -> None:
    pages = sorted(AEB_PAGES.glob("*.html.gz"))[:40]
    folder = tmp_path / "pages"
    folder.mkdir()
    responses = []
    for page in pages:
        body = gzip.decompress(page.read_bytes())
        (folder / page.name.removesuffix(".gz")).write_bytes(body)
        responses.append(WarcResponse(url=f"https://example.org/{page.name[:16]}", body=body))
    archive = tmp_path / "benchmark.warc.gz"
    write_warc(archive, responses, gzip=True)

    _, from_files, _ = run(str(folder))
    _, from_warc, err = run(str(archive))

    assert len(from_warc) == len(pages) == len(from_files)
    assert [content_of(line) for line in from_warc] == [content_of(line) for line in from_files]
    assert sum(line["type"] == "article" for line in from_warc) >= 35
    assert "skipped" not in err.splitlines()[-1]
