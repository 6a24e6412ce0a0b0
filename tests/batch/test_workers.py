"""Worker processes (issue 18 item 16): a document that hangs or kills its worker is one failure and
the batch goes on; workers never outlive the process that started them."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import types
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsparse import pipeline as pipeline_module
from newsparse import workers
from newsparse.cli import main
from newsparse.models import Article, Failure, Page
from newsparse.pipeline import Pipeline
from newsparse.workers import WorkerPool, _Queued

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers, /proc")

_real_article = Pipeline.article


def _misbehaving(self: Pipeline, page: Page) -> Article:
    """The article of a page, except that a page saying HANG never ends and one saying DIE kills its
    process, as a runaway rule or the OOM killer would."""
    text = page.text
    if "HANG" in text:
        time.sleep(600)
    if "DIE" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_article(self, page)


@pytest.fixture
def batch(tmp_path: Path, make_page: Callable[[int], str]) -> Callable[[dict[int, str]], Path]:
    """A folder of ten pages; the numbers given carry the given marker word."""

    def make(markers: dict[int, str]) -> Path:
        folder = tmp_path / "pages"
        folder.mkdir()
        for number in range(10):
            page = make_page(number)
            if number in markers:
                page = page.replace("<p>Paragraph 1", f"<p>{markers[number]} Paragraph 1")
            (folder / f"p{number}.html").write_text(page, encoding="utf-8")
        return folder

    return make


def articles(*argv: str) -> tuple[int, list[dict[str, object]], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["articles", "--quiet", *argv], out=out, err=err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_16_a_hanging_document_is_a_timeout_failure_and_the_rest_are_written(
    batch: Callable[[dict[int, str]], Path], monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    monkeypatch.setattr(Pipeline, "article", _misbehaving)
    folder = batch({3: "HANG", 7: "HANG"})
    started = time.monotonic()

    code, records, err = articles("--workers", workers, "--timeout", "2", str(folder))

    assert time.monotonic() - started < 30
    assert code == 1
    assert [record["source"] for record in records] == [str(folder / f"p{n}.html") for n in range(10)]
    failures = {Path(str(r["source"])).name: r for r in records if r["type"] == "failure"}
    assert sorted(failures) == ["p3.html", "p7.html"]
    assert {(r["error_type"], r["message"], r["stage"]) for r in failures.values()} == {
        ("DocumentTimeoutError", "timeout after 2 s", "extract")
    }
    assert "10 documents, 8 articles, 2 failed" in err.splitlines()[-1]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_16_a_worker_killed_by_the_os_costs_only_its_document(
    batch: Callable[[dict[int, str]], Path], monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    monkeypatch.setattr(Pipeline, "article", _misbehaving)
    folder = batch({0: "DIE", 5: "DIE", 6: "DIE"})

    code, records, err = articles("--workers", workers, str(folder))

    assert code == 1
    assert len(records) == 10
    failures = {Path(str(r["source"])).name: r["message"] for r in records if r["type"] == "failure"}
    assert failures == dict.fromkeys(["p0.html", "p5.html", "p6.html"], "worker killed (signal 9)")
    assert "10 documents, 7 articles, 3 failed" in err.splitlines()[-1]


def test_16_the_pool_replaces_a_dead_worker_and_keeps_the_input_order() -> None:
    def work(item: int) -> int:
        if item == 4:
            os.kill(os.getpid(), signal.SIGKILL)
        if item == 6:
            time.sleep(600)
        return item * 10

    with WorkerPool(work, workers=2, timeout=3, lost=lambda item, error, noted: -item) as pool:
        before = set(pool.pids)
        results = list(pool.map(range(10)))
        after = set(pool.pids)
    assert results == [0, 10, 20, 30, -4, 50, -6, 70, 80, 90]
    # two workers still; those lost to items 4 and 6 are gone (which ones depends on who took them)
    assert len(after) == 2 and after != before and all(_state(pid) is None for pid in before - after)


def _state(pid: int) -> str | None:
    """The process's state letter, None when it is gone (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None
    return None if state in "ZX" else state


def test_16_workers_exit_when_their_parent_is_killed(
    batch: Callable[[dict[int, str]], Path], tmp_path: Path
) -> None:
    folder = batch(dict.fromkeys(range(10), "HANG"))
    pids = tmp_path / "pids"
    pids.mkdir()
    script = textwrap.dedent(
        f"""
        import os, sys, time
        from newsparse.cli import main
        from newsparse.pipeline import Pipeline

        def hang(self, page):
            open(os.path.join({str(pids)!r}, str(os.getpid())), "w").close()
            time.sleep(600)

        Pipeline.article = hang
        sys.exit(main(["articles", "--quiet", "--workers", "2", "--timeout", "0", {str(folder)!r}]))
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = [int(path.name) for path in pids.iterdir()]
        assert len(workers) == 2 and all(_state(pid) for pid in workers)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_state(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _state(pid)]


@pytest.mark.parametrize("value", ["-1", "soon", "nan", "inf"])
def test_16_a_bad_timeout_is_a_usage_error(value: str, tmp_path: Path) -> None:
    code, _, _ = articles("--timeout", value, str(tmp_path))
    assert code == 2


def test_16_parse_many_takes_a_timeout_too(
    batch: Callable[[dict[int, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Pipeline, "article", _misbehaving)
    folder = batch({1: "HANG", 2: "DIE"})
    paths = sorted(folder.iterdir(), key=lambda path: int(path.stem[1:]))

    results = list(Pipeline().parse_many(paths, timeout=2))

    assert [type(result).__name__ for result in results] == ["Article", "Failure", "Failure"] + [
        "Article"
    ] * 7
    failures = [result for result in results if isinstance(result, Failure)]
    assert [(failure.error_type, failure.message) for failure in failures] == [
        ("DocumentTimeoutError", "timeout after 2 s"),
        ("WorkerDiedError", "worker killed (signal 9)"),
    ]


def test_16_spawned_workers_as_on_macos_and_windows_give_the_same_results(
    batch: Callable[[dict[int, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = batch({})
    paths = sorted(folder.iterdir())
    expected = list(Pipeline().parse_many(paths))
    monkeypatch.setattr(workers, "FORKED", False)  # spawned: the work must be picklable

    assert list(Pipeline().parse_many(paths, workers=2, timeout=60)) == expected


_real_mentions = Pipeline.mentions


def _slow_mentions(self: Pipeline, article: Article) -> tuple[list[Any], list[Any]]:
    """A mention stage that never ends on an article saying HANG (a rule gone quadratic)."""
    if any("HANG" in paragraph for paragraph in article.paragraphs):
        time.sleep(600)
    return _real_mentions(self, article)


@pytest.mark.parametrize("command", ["mentions", "events"])
def test_16_the_mention_stage_is_within_the_budget_too(
    batch: Callable[[dict[int, str]], Path], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setattr(Pipeline, "mentions", _slow_mentions)
    folder = batch({4: "HANG"})
    seed = sorted(SEEDS.glob("*.txt"))[0]  # a page with mentions, which must still be found
    (folder / seed.name).write_bytes(seed.read_bytes())
    out, err = io.StringIO(), io.StringIO()

    code = main([command, "--quiet", "--timeout", "5", str(folder)], out=out, err=err)

    assert code == 1
    assert "newsparse: failed: " + str(folder / "p4.html") + ": DocumentTimeoutError: timeout after 5 s" in (
        err.getvalue()
    )
    assert "11 documents, 10 articles, 1 failed" in err.getvalue().splitlines()[-1]
    if command == "events":
        document = json.loads(out.getvalue())
        assert document["events"]
        records = document["failures"]
    else:
        records = [json.loads(line) for line in out.getvalue().splitlines()]
        assert any(record["type"] == "mention" for record in records)
    failures = [record for record in records if record.get("error_type") == "DocumentTimeoutError"]
    assert [failure["stage"] for failure in failures] == ["mentions"]


@pytest.mark.parametrize(("workers", "timeout"), [(0, 1.0), (1, -1.0), (1, float("nan"))])
def test_16_a_pool_refuses_impossible_settings(workers: int, timeout: float) -> None:
    with pytest.raises(ValueError):
        WorkerPool(lambda item: item, workers=workers, timeout=timeout, lost=lambda item, error, noted: item)


def test_16_a_timed_out_document_is_done_for_a_resume_like_any_failure(
    batch: Callable[[dict[int, str]], Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(Pipeline, "article", _misbehaving)
    folder = batch({2: "HANG", 8: "DIE"})
    output = tmp_path / "out.jsonl"
    assert articles("--timeout", "2", "-o", str(output), str(folder))[0] == 1
    first = output.read_text(encoding="utf-8")

    code, _, err = articles("--timeout", "2", "-o", str(output), str(folder))

    assert output.read_text(encoding="utf-8") == first  # nothing parsed again, no line twice
    assert "0 documents" in err.splitlines()[-1] and "10 already done" in err.splitlines()[-1]
    assert code == 1  # the earlier failures still count
    ids = [json.loads(line)["input_id"] for line in first.splitlines()]
    assert len(set(ids)) == 10 and all(key.startswith("sha256:") for key in ids)


def test_16_large_items_never_block_the_pool_past_a_timeout() -> None:
    # an item larger than a pipe's buffer is handed over only to an idle worker: handing it to a busy
    # (here: hung) one would block this process, and no timeout could fire
    def work(item: str) -> int:
        if item.startswith("HANG"):
            time.sleep(600)
        return len(item)

    items = ["a" * 1_000_000, "HANG" + "b" * 1_000_000, "c" * 1_000_000, "d" * 10, "HANG", "e" * 2_000_000]
    started = time.monotonic()
    with WorkerPool(work, workers=1, timeout=2, lost=lambda item, error, noted: str(error)) as pool:
        results = list(pool.map(items))
    assert time.monotonic() - started < 20
    assert results == [1_000_000, "timeout after 2 s", 1_000_000, 10, "timeout after 2 s", 2_000_000]


def test_16_a_busy_worker_is_handed_its_next_small_item_at_once() -> None:
    def work(item: int) -> int:
        time.sleep(0.2)
        return os.getpid()

    with WorkerPool(work, workers=1, timeout=5, lost=lambda item, error, noted: -1) as pool:
        assert len(set(pool.map(range(6)))) == 1  # one worker did them all, none was lost


def test_16_a_document_lost_while_read_is_a_read_failure(
    batch: Callable[[dict[int, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read = pipeline_module.read_document

    def slow_read(path: Path, **kwargs: Any) -> Any:
        if path.name == "p3.html":  # a read that never ends, as a stalled network mount's would
            time.sleep(600)
        return real_read(path, **kwargs)

    monkeypatch.setattr(pipeline_module, "read_document", slow_read)
    folder = batch({})

    code, records, _ = articles("--timeout", "2", str(folder))

    assert code == 1
    failures = [record for record in records if record["type"] == "failure"]
    assert [(f["source"], f["stage"], f["message"]) for f in failures] == [
        (str(folder / "p3.html"), "read", "timeout after 2 s")
    ]


def test_16_a_worker_found_dead_when_handed_more_loses_the_item_it_had_started() -> None:
    """The document that killed its worker is a failure, not handed to the next worker with a fresh
    budget (the dead worker is found when the pool sends it more work, before its exit is read)."""

    def work(item: str) -> str:
        time.sleep(600 if item == "x" else 0)
        return item

    def lost(item: str, error: Exception, noted: object) -> str:
        return f"lost {item}: {error}"

    with WorkerPool(work, workers=1, timeout=60, lost=lost) as pool:
        worker = pool._workers[0]
        jobs: dict[Any, deque[Any]] = {worker: deque()}
        queued = deque([_Queued(0, "x")])
        results: dict[int, str] = {}
        pool._hand_out(queued, jobs, results)  # "x" is started
        os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.join(timeout=5)
        queued.append(_Queued(1, "c"))
        pool._hand_out(queued, jobs, results)
        held = [job.item for jobs_of_worker in jobs.values() for job in jobs_of_worker]
    assert list(results) == [0] and results[0].startswith("lost x") and "signal 9" in results[0]
    assert held == ["c"]


class _PipeAfterExit:
    """A worker's end of the pipe whose last message arrives between the parent's look at the pipe and
    its look at the process (the worker reported past its memory budget and exited in between)."""

    def __init__(self) -> None:
        self.looks = 0
        self.sent = [("memory", None)]

    def poll(self) -> bool:
        self.looks += 1
        return self.looks > 1 and bool(self.sent)

    def recv(self) -> Any:
        return self.sent.pop(0)


class _Exited:
    def is_alive(self) -> bool:
        return False


def test_a_report_sent_just_before_the_worker_exits_is_read_not_taken_for_a_death() -> None:
    """The CI run of main on 2026-12-06 (py313) once reported a memory-budget document as "worker
    exited with status 0": the worker's report came after the pipe was read and before the process was
    looked at. The pipe is read again once the process is seen to have exited."""
    pool: WorkerPool[str, str] = WorkerPool(
        str, workers=1, lost=lambda item, error, note: f"{item}: {type(error).__name__}", timeout=None
    )
    try:
        worker = types.SimpleNamespace(connection=_PipeAfterExit(), process=_Exited())
        held = deque([workers._Job(0, "p3", float("inf"))])
        results: dict[int, str] = {}
        assert pool._read(worker, held, results) == "retired"  # type: ignore[arg-type]
        assert results == {0: "p3: DocumentMemoryError"}
    finally:
        pool.close()
