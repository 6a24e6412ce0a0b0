"""Resumable JSON Lines output: a killed run loses nothing written, and the rerun doubles nothing."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsparse.cli import main
from newsparse.inputs import iter_pages
from newsparse.output import input_id


def articles(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["articles", "--quiet", *argv], out=out, err=err)
    return code, err.getvalue()


def ids_in(output: Path) -> list[str]:
    return [json.loads(line)["input_id"] for line in output.read_text(encoding="utf-8").splitlines()]


def expected_ids(folder: Path) -> list[str]:
    return [input_id(page) for page in iter_pages([folder])]


def test_a_rerun_into_a_complete_output_does_nothing(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    assert articles("-o", str(output), str(corpus))[0] == 0
    before = output.read_bytes()
    code, err = articles("-o", str(output), str(corpus))
    assert code == 0
    assert output.read_bytes() == before
    assert "0 documents, 0 articles, 13 already done in the output" in err.splitlines()[-1]


def test_a_partial_last_line_is_cut_off_and_its_document_redone(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    articles("-o", str(output), str(corpus))
    complete = output.read_text(encoding="utf-8").splitlines(keepends=True)
    # as if killed after four lines and half of the fifth
    output.write_text("".join(complete[:4]) + complete[4][: len(complete[4]) // 2], encoding="utf-8")

    code, err = articles("-o", str(output), str(corpus))

    assert code == 0
    assert "9 documents" in err.splitlines()[-1] and "4 already done" in err.splitlines()[-1]
    assert sorted(ids_in(output)) == sorted(expected_ids(corpus))
    assert sorted(output.read_text(encoding="utf-8").splitlines(keepends=True)) == sorted(complete)


def test_restart_overwrites_instead_of_resuming(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text('{"type": "article", "input_id": "sha256:stale"}\n', encoding="utf-8")
    articles("--restart", "-o", str(output), str(corpus))
    assert "sha256:stale" not in ids_in(output)
    assert len(ids_in(output)) == 13


def test_killing_a_run_midway_loses_nothing_and_the_rerun_doubles_nothing(
    tmp_path: Path, make_page: Callable[[int], str]
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(1500):
        (folder / f"page{number:04d}.html").write_text(make_page(number), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsparse", "articles", "--quiet", "-o", str(output), str(folder)]
    run = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not output.exists() or output.stat().st_size < 20_000):
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    written_before = len(output.read_text(encoding="utf-8").splitlines())
    assert 0 < written_before < 1500, "the run must be killed midway for this test to mean anything"

    rerun = subprocess.run(command, stderr=subprocess.PIPE, text=True, check=False)

    assert rerun.returncode == 0, rerun.stderr
    ids = ids_in(output)
    assert len(ids) == len(set(ids)) == 1500
    assert set(ids) == set(expected_ids(folder))
    assert "already done in the output" in rerun.stderr.splitlines()[-1]


def test_parquet_output_holds_one_row_per_document(corpus: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    (corpus / "empty.txt").write_text("")
    output = tmp_path / "out.parquet"
    code, _ = articles("-o", str(output), str(corpus))
    table = pq.read_table(output)
    assert code == 1  # the empty file failed
    rows = table.to_pylist()
    assert len(rows) == 14
    assert sorted(r["type"] for r in rows).count("failure") == 1
    by_source = {Path(r["source"]).name: r for r in rows}
    assert by_source["page03.html"]["title"] == "Story number 3 about regional talks"
    assert by_source["page03.html"]["published"] == "2024-03-04T09:30:00+00:00"
    assert len(by_source["page03.html"]["paragraphs"]) == 3
    assert by_source["empty.txt"]["stage"] == "read"
    assert not (tmp_path / "out.parquet.tmp").exists()


def test_a_terminal_gets_a_progress_bar_with_the_rate_and_failures(corpus: Path, tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import termios

    (corpus / "empty.txt").write_text("")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    command = [sys.executable, "-m", "newsparse", "articles", "-o", str(tmp_path / "out.jsonl"), str(corpus)]
    run = subprocess.Popen(
        command, stderr=follower, stdout=subprocess.DEVNULL, env={**os.environ, "TERM": "xterm"}
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    assert run.wait() == 1
    text = shown.decode("utf-8", "replace").replace("\r", "\n")
    assert "doc/s" in text and "failures=1" in text
    assert text.strip().splitlines()[-1].startswith("newsparse: 14 documents, 13 articles, 1 failed")
