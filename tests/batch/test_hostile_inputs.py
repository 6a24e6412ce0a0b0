"""Hostile inputs and real file systems (issue 18): nothing lost, nothing hung, nothing read that should
not be. Each test names the item of the issue it covers; each failed before the fix."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse.cli import main
from newsparse.models import Article, Failure, Page
from newsparse.warc import WarcResponse, warc_pages, write_warc

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file system features")

MEETING = (
    "<p>US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing yesterday "
    "for talks on trade and security.</p>\n<p>The two sides agreed to keep talking, officials said after "
    "the long meeting in the Chinese capital.</p>"
)


def meeting_page(published: str = "2024-03-05T09:30:00+00:00", charset: str = "utf-8") -> str:
    return (
        f'<html><head><meta charset="{charset}"><meta property="article:published_time" '
        f'content="{published}"><title>Talks in Beijing</title></head>'
        f"<body><article><h1>Blinken meets Wang Yi</h1>\n{MEETING}</article></body></html>"
    )


def run(*argv: str, command: str = "articles") -> tuple[int, list[dict[str, Any]], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([command, "--quiet", *argv], out=out, err=err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def run_process(
    *argv: str, timeout: float = 30, limit_memory: bool = False
) -> subprocess.CompletedProcess[str]:
    """The command in a child process, so that a hang or a runaway read cannot take the test run."""

    def cap_memory() -> None:  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "newsparse", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=cap_memory if limit_memory else None,
    )


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


# -- 1. file names that are not UTF-8 ----------------------------------------------------------------
@POSIX
def test_1_a_file_name_that_is_not_utf8_is_processed_and_named_losslessly(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    folder = tmp_path / "latin1"
    folder.mkdir()
    odd = os.fsdecode(b"caf\xe9-" + b"a.html")
    (folder / odd).write_text(make_page(1), encoding="utf-8")
    (folder / "z.html").write_text(make_page(2), encoding="utf-8")
    output = tmp_path / "out.jsonl"

    code, _, err = run("-o", str(output), str(folder))
    again, _, err_again = run("-o", str(output), str(folder))

    assert code == again == 0, err
    lines = jsonl(output.read_text(encoding="utf-8"))
    assert [line["type"] for line in lines] == ["article", "article"]
    assert lines[0]["source"].endswith("caf\\xe9-a.html")
    assert "2 already done" in err_again.splitlines()[-1]
    # named on the command line, to stdout
    code, [line], _ = run(str(folder / odd))
    assert code == 0 and line["source"].endswith("caf\\xe9-a.html")


# -- 2. manifest and sidecar lines -----------------------------------------------------------------
def test_2_each_bad_manifest_line_is_one_failure_naming_it_and_every_good_line_is_read(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    good = json.dumps({"html": make_page(1)})
    lines = [
        good.encode(),  # 1
        json.dumps({"url": 5, "html": make_page(2)}).encode(),  # 2: a number as url
        json.dumps({"outlet": 7, "html": make_page(3)}).encode(),  # 3: a number as outlet
        json.dumps({"html": ["<p>a list</p>"]}).encode(),  # 4: a list as html
        json.dumps({"html": make_page(4)}).replace("Paragraph 1", "Paragraph \\udcff 1").encode(),  # 5
        b"[" * 100_000 + b"]" * 100_000,  # 6: nested too deeply for the JSON parser
        json.dumps({"html": make_page(5)}, ensure_ascii=False).replace("Paragraph 1", "caf\xe9").encode()
        + b"\xe9\xff",  # 7: invalid UTF-8 bytes
        json.dumps({"published": 20240101, "html": make_page(6)}).encode(),  # 8
        json.dumps({"html": make_page(7)}).encode(),  # 9
    ]
    manifest = tmp_path / "batch.jsonl"
    manifest.write_bytes(b"\n".join(lines) + b"\n")

    code, results, err = run(str(manifest))

    assert code == 1
    assert "Traceback" not in err
    kinds = {int(r["source"].rsplit(":", 1)[1]) if r["type"] == "failure" else None for r in results}
    assert [r["type"] for r in results] == [
        "article",
        "failure",
        "failure",
        "failure",
        "article",
        "failure",
        "failure",
        "failure",
        "article",
    ]
    assert kinds - {None} == {2, 3, 4, 6, 7, 8}
    assert "\ufffd" in results[4]["paragraphs"][0]
    assert "not valid UTF-8" in results[6]["message"]
    assert "9 documents, 3 articles" in err.splitlines()[-1]


def test_2_a_sidecar_of_the_wrong_shape_fails_its_document_only(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    (tmp_path / "a.html").write_text(make_page(1), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"url": 12, "outlet": ["x"]}), encoding="utf-8")
    (tmp_path / "b.html").write_text(make_page(2), encoding="utf-8")
    (tmp_path / "b.json").write_text("[" * 100_000, encoding="utf-8")
    (tmp_path / "c.html").write_text(make_page(3), encoding="utf-8")
    code, results, err = run(str(tmp_path))
    assert code == 1 and "Traceback" not in err
    assert [r["type"] for r in results] == ["failure", "failure", "article"]
    assert "'url' must be a string" in results[0]["message"]


# -- 3. special files --------------------------------------------------------------------------------
@POSIX
def test_3_a_fifo_named_anywhere_is_a_failure_or_a_counted_skip_and_nothing_hangs(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(make_page(1), encoding="utf-8")
    os.mkfifo(folder / "b.html")
    os.mkfifo(tmp_path / "named.html")
    os.mkfifo(tmp_path / "named.warc")
    os.mkfifo(tmp_path / "named.jsonl")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"path": "named.html"}) + "\n", encoding="utf-8")

    done = run_process(
        "articles", "--quiet", str(tmp_path / "named.html"), str(tmp_path / "named.warc"),
        str(tmp_path / "named.jsonl"), str(manifest), str(folder), timeout=60,
    )  # fmt: skip

    results = jsonl(done.stdout)
    assert [r["type"] for r in results] == ["failure"] * 4 + ["article"], done.stderr
    assert all("FIFO" in r["message"] for r in results[:4])
    assert "skipped 1 special file" in done.stderr.splitlines()[-1]


@POSIX
def test_3_dev_zero_in_a_manifest_is_a_failure_not_an_endless_read(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"path": "/dev/zero"}) + "\n", encoding="utf-8")
    done = run_process("articles", "--quiet", "--allow-outside", str(manifest), timeout=60, limit_memory=True)
    [result] = jsonl(done.stdout)
    assert result["type"] == "failure" and "character device" in result["message"], done.stderr
    assert "Traceback" not in done.stderr


def test_3_a_folder_that_cannot_be_listed_is_a_failure(
    tmp_path: Path, make_page: Callable[[int], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.html").write_text(make_page(1), encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text(make_page(2), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # as for a folder of mode 000 when not root
        if Path(path).name == "a":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, results, _ = run(str(tmp_path))
    assert code == 1
    assert [r["type"] for r in results] == ["failure", "article"]
    assert results[0]["source"].endswith("a") and "Permission denied" in results[0]["message"]


# -- 4. symlink loops --------------------------------------------------------------------------------
@POSIX
def test_4_a_link_back_to_a_parent_folder_walks_each_real_folder_once(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "a.html").write_text(make_page(1), encoding="utf-8")
    (root / "sub" / "b.html").write_text(make_page(2), encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub" / "self").symlink_to(root / "sub" / "self")  # ELOOP when followed
    code, results, err = run(str(root))
    assert code == 0, err
    assert [Path(r["source"]).name for r in results] == ["a.html", "b.html"]
    assert "1 directory already walked" in err.splitlines()[-1]


# -- 5. size caps: gzip bombs, big files, big records, big manifest fields ---------------------------
def test_5_a_gzip_bomb_stops_at_the_size_cap_and_the_batch_goes_on(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    bomb = "<html><body><p>" + "a" * 3_000_000 + "</p></body></html>"
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(bomb.encode(), 1))
    (tmp_path / "b.html").write_text("<p>" + "b " * 300_000 + "</p>", encoding="utf-8")
    (tmp_path / "c.html").write_text(make_page(3), encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"html": "<p>" + "m" * 200_000 + "</p>"})
        + "\n"
        + json.dumps({"html": make_page(4)})
        + "\n",
        encoding="utf-8",
    )
    archive = tmp_path / "w.warc.gz"
    write_warc(
        archive,
        [
            WarcResponse(url="https://x.example/big", body=("<p>" + "w" * 200_000 + "</p>").encode()),
            WarcResponse(url="https://x.example/ok", body=make_page(5).encode()),
        ],
        gzip=True,
    )

    code, results, err = run("--max-bytes", "100000", str(tmp_path))

    assert code == 1 and "Traceback" not in err
    by_name = [(Path(r["source"].split("#")[0]).name, r["type"], r.get("error_type")) for r in results]
    assert by_name == [
        ("a.html.gz", "failure", "TooLargeError"),
        ("b.html", "failure", "TooLargeError"),
        ("c.html", "article", None),
        ("m.jsonl:1", "failure", "TooLargeError"),
        ("m.jsonl:2", "article", None),
        ("w.warc.gz", "failure", "TooLargeError"),
        ("w.warc.gz", "article", None),
    ]
    assert "--max-bytes" in results[0]["message"]


def test_5_a_gzip_bomb_is_inflated_in_a_stream_not_whole(tmp_path: Path) -> None:
    import tracemalloc

    from newsparse.inputs import iter_pages
    from newsparse.limits import Limits

    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * 40_000_000, 9))
    tracemalloc.start()
    try:
        [result] = list(iter_pages([bomb], limits=Limits(max_bytes=1_000_000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, Failure) and result.error_type == "TooLargeError"
    assert peak < 8_000_000


# -- 6. decoding -----------------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["base64", "hex", "zlib", "rot13", "uu", "bz2", "undefined"])
def test_6_a_charset_label_of_a_codec_that_is_not_text_is_ignored(label: str) -> None:
    page = meeting_page(charset=label).replace("Beijing yesterday", "Beijing café yesterday")
    article = newsparse.parse(page.encode("cp1252"))  # not UTF-8: the label is looked at
    assert "café" in article.text


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + meeting_page().encode("utf-8") + b"\xe9",
        "\ufeff".encode("utf-16-le").join([b"", meeting_page().encode("utf-16-le")]) + b"\x00",
    ],
    ids=["utf-8 BOM then latin-1", "utf-16 BOM, odd length"],
)
def test_6_a_bad_byte_after_a_byte_order_mark_is_replaced_not_fatal(data: bytes) -> None:
    article = newsparse.parse(data)
    assert "Antony Blinken" in article.text


# -- 7. absurd dates -------------------------------------------------------------------------------
def test_7_a_page_published_in_year_one_keeps_its_mentions(caplog: pytest.LogCaptureFixture) -> None:
    pipeline = newsparse.default_pipeline()
    article = newsparse.parse(meeting_page(published="0001-01-01T09:30:00+00:00"))
    assert article.published is None
    assert "out of range" in caplog.text
    mentions, failures = pipeline.mentions(article)
    assert failures == [] and len(mentions) == 1


def test_7_a_warc_record_dated_year_zero_loses_only_its_date(tmp_path: Path) -> None:
    archive = tmp_path / "dates.warc"
    write_warc(
        archive,
        [
            WarcResponse(url="https://x.example/a", body=meeting_page().encode()),
            WarcResponse(url="https://x.example/b", body=meeting_page().encode()),
        ],
    )
    data = archive.read_bytes()
    archive.write_bytes(data.replace(b"WARC-Date: 2024-01-01", b"WARC-Date: 0000-01-01", 1))
    pages = list(warc_pages(archive))
    assert [type(p) for p in pages] == [Page, Page]
    assert isinstance(pages[0], Page) and pages[0].fetched is None
    code, results, err = run(str(archive))
    assert code == 0 and len(results) == 2, err


def test_7_a_published_hint_out_of_range_is_dropped() -> None:
    article = newsparse.parse(meeting_page(published=""), published="0001-02-03")
    assert article.published is None


# -- 8. WARC records judged by their headers -------------------------------------------------------
def test_8_a_big_non_html_record_is_passed_over_without_reading_it(tmp_path: Path) -> None:
    import tracemalloc

    archive = tmp_path / "big.warc"
    write_warc(
        archive,
        [
            WarcResponse(url="https://x.example/video", body=b"\x00" * 30_000_000, content_type="video/mp4"),
            WarcResponse(url="https://x.example/gone", body=b"<p>x</p>" * 3_000_000, status=404),
            WarcResponse(url="https://x.example/a", body=meeting_page().encode()),
        ],
    )
    tracemalloc.start()
    try:
        pages = list(warc_pages(archive))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(p) for p in pages] == [Page]
    assert peak < 5_000_000


# -- 9. the API contract -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("document", "hints"),
    [
        (meeting_page(charset="base64").replace("yesterday", "\u00e9").encode("cp1252"), {}),
        (meeting_page(), {"outlet": "_private"}),
        (meeting_page(), {"published": "2024-13-45"}),
        (b"\xff\xfe" + b"\x00", {}),
    ],
    ids=["codec label", "underscore outlet", "bad published", "lone BOM"],
)
def test_9_parse_raises_only_parse_errors_and_parse_many_goes_on(
    document: str | bytes, hints: dict[str, str]
) -> None:
    with contextlib.suppress(newsparse.ParseError):  # and nothing else
        newsparse.parse(document, **hints)
    results = list(newsparse.default_pipeline().parse_many([document, meeting_page()]))
    assert [type(r) for r in results][1:] == [Article]
    assert isinstance(results[0], (Article, Failure))


def test_22_an_outlet_hint_starting_with_underscore_is_an_outlet_name() -> None:
    article = newsparse.parse(meeting_page(), outlet="_private")
    assert article.outlet == "private"


# -- 18. this run's own output is not an input --------------------------------------------------------
def test_18_an_output_inside_an_input_folder_is_not_read_back(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(3):
        (folder / f"p{number}.html").write_text(make_page(number), encoding="utf-8")
    output = folder / "out.jsonl"
    for _ in range(2):
        done = run_process("articles", "--quiet", "-o", str(output), str(folder), timeout=60)
        assert done.returncode == 0, done.stderr
    assert len(output.read_text(encoding="utf-8").splitlines()) == 3
    assert "1 own output file" in done.stderr.splitlines()[-1]


# -- 19. manifest paths stay in the manifest's folder ---------------------------------------------------
def test_19_a_manifest_path_outside_its_folder_is_refused_unless_allowed(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    (tmp_path / "secret.html").write_text(make_page(1), encoding="utf-8")
    batch = tmp_path / "batch"
    (batch / "pages").mkdir(parents=True)
    (batch / "pages" / "ok.html").write_text(make_page(2), encoding="utf-8")
    manifest = batch / "m.jsonl"
    manifest.write_text(
        "".join(
            json.dumps({"path": p}) + "\n"
            for p in [
                "../secret.html",
                str(tmp_path / "secret.html"),
                "pages/ok.html",
                "pages/../pages/ok.html",
            ]
        ),
        encoding="utf-8",
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cwd = Path.cwd()
    os.chdir(elsewhere)  # resolved against the manifest's folder, not the working directory
    try:
        code, results, _ = run(str(manifest))
        code_allowed, allowed, _ = run("--allow-outside", str(manifest))
    finally:
        os.chdir(cwd)
    assert code == 1
    assert [r["type"] for r in results] == ["failure", "failure", "article", "article"]
    assert "outside the manifest's folder" in results[0]["message"]
    assert code_allowed == 0 and [r["type"] for r in allowed] == ["article"] * 4
