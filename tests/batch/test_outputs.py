"""Safe outputs (issue 18 items 17, 20, 21, 22): an existing file that is not this command's output is
never overwritten without --force; the checks run before any work; bad store metadata is a clean
error."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import sqlite3
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest

from newsparse.cli import main
from newsparse.errors import StoreError
from newsparse.events.store import EventStore
from newsparse.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([argv[0], "--quiet", *argv[1:]], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def pages(tmp_path: Path, make_page: Callable[[int], str]) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(2):
        (folder / f"p{number}.html").write_text(make_page(number), encoding="utf-8")
    seed = sorted(SEEDS.glob("*.txt"))[0]  # a real capture: it has event mentions
    (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


FOREIGN = {
    "notes": "my notes\nsecond line\n",
    "json lines of someone else": '{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n',
    "one line without a newline": "precious data with no newline at the end",
}


# -- 17. refuse what is not this command's output ---------------------------------------------------
@pytest.mark.parametrize("content", list(FOREIGN.values()), ids=list(FOREIGN))
@pytest.mark.parametrize(
    ("command", "name"),
    [("articles", "out.jsonl"), ("articles", "out.json"), ("articles", "out.parquet"),
     ("mentions", "out.jsonl"), ("events", "out.json")],
)  # fmt: skip
def test_17_a_foreign_file_is_refused_and_left_as_it_was(
    pages: Path, tmp_path: Path, command: str, name: str, content: str
) -> None:
    output = tmp_path / name
    output.write_text(content, encoding="utf-8")

    code, _, err = run(command, "-o", str(output), str(pages))

    assert code == 2
    assert "is not newsparse" in err and "--force" in err
    assert output.read_text(encoding="utf-8") == content
    assert not re.search(r"\d+ documents?, ", err)  # refused before any work


def test_17_a_newsparse_output_with_a_foreign_line_inside_is_not_cut_off(pages: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    assert run("articles", "-o", str(output), str(pages))[0] == 0
    lines = output.read_text(encoding="utf-8").splitlines(keepends=True)
    tampered = lines[0] + "a line someone added by hand\n" + "".join(lines[1:])
    output.write_text(tampered, encoding="utf-8")

    code, _, err = run("articles", "-o", str(output), str(pages))

    assert code == 2 and "line 2" in err
    assert output.read_text(encoding="utf-8") == tampered


@pytest.mark.parametrize(
    ("first", "second"),
    [("mentions", "articles"), ("articles", "mentions"), ("events", "articles"), ("articles", "events")],
)
def test_17_the_output_of_another_command_is_refused(
    pages: Path, tmp_path: Path, first: str, second: str
) -> None:
    output = tmp_path / "out.json"  # events and articles write one JSON document into a .json file
    if "mentions" in (first, second):
        output = tmp_path / "out.jsonl"
    assert run(first, "-o", str(output), str(pages))[0] == 0
    before = output.read_bytes()

    code, _, err = run(second, "-o", str(output), str(pages))

    assert code == 2 and "is not newsparse" in err
    assert output.read_bytes() == before


@pytest.mark.parametrize(
    ("command", "name"), [("articles", "out.jsonl"), ("mentions", "out.jsonl"), ("events", "out.json")]
)
def test_17_force_replaces_a_foreign_file(pages: Path, tmp_path: Path, command: str, name: str) -> None:
    output = tmp_path / name
    output.write_text("my notes\n", encoding="utf-8")

    code, _, err = run(command, "--force", "-o", str(output), str(pages))

    assert code == 0, err
    assert "my notes" not in output.read_text(encoding="utf-8")
    if command == "articles":
        lines = output.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 3 and all(json.loads(line)["type"] in ("article", "failure") for line in lines)


@pytest.mark.parametrize(
    ("command", "name"),
    [("articles", "out.jsonl"), ("articles", "out.json"), ("articles", "out.parquet"),
     ("mentions", "out.jsonl"), ("events", "out.json")],
)  # fmt: skip
def test_17_the_same_command_may_write_its_output_again(
    pages: Path, tmp_path: Path, command: str, name: str
) -> None:
    output = tmp_path / name
    assert run(command, "-o", str(output), str(pages))[0] == 0
    code, _, err = run(command, "-o", str(output), str(pages))
    assert code == 0, err


def test_17_an_output_cut_inside_its_first_line_is_resumed(pages: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    assert run("articles", "-o", str(output), str(pages))[0] == 0
    first = output.read_text(encoding="utf-8").splitlines()[0]
    output.write_text(first[:7], encoding="utf-8")  # killed seven bytes into the first line

    code, _, err = run("articles", "-o", str(output), str(pages))

    assert code == 0, err
    assert len(output.read_text(encoding="utf-8").splitlines()) == 3


def test_17_a_special_file_is_written_not_replaced(pages: Path, tmp_path: Path) -> None:
    # a FIFO stands in for /dev/null: replacing it by a rename (as root) would destroy it
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()

    code, _, err = run("events", "-o", str(fifo), str(pages))

    reader.join(timeout=30)
    assert code == 0, err
    assert not reader.is_alive() and received[0].startswith(b'{"schema_version"')
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert not list(tmp_path.glob("*.tmp"))


# -- 22. outputs checked before work; bad store metadata ---------------------------------------------
def test_22_events_into_a_missing_folder_fails_before_the_store_is_touched(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "events.db"
    output = tmp_path / "missing" / "events.json"

    monkeypatch.setattr(Pipeline, "process", lambda *args, **kwargs: pytest.fail("the work started"))
    code, _, err = run("events", "--store", str(store), "-o", str(output), str(pages))

    assert code == 2
    assert "does not exist" in err and "Traceback" not in err
    assert not store.exists()
    assert not re.search(r"\d+ documents?, ", err)  # no document was parsed


@pytest.mark.parametrize("where", ["store", "tables"])
def test_22_a_store_or_tables_that_cannot_be_written_fail_before_any_work(
    pages: Path, tmp_path: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Pipeline, "process", lambda *args, **kwargs: pytest.fail("the work started"))
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    flag = ["--store", str(tmp_path / "missing" / "events.db")] if where == "store" else []
    flag = flag or ["--tables", str(tmp_path / "a-file")]

    code, _, err = run("events", *flag, str(pages))

    assert code == 2 and "Traceback" not in err
    assert not re.search(r"\d+ documents?, ", err)  # no document was parsed
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("command", ["articles", "mentions"])
def test_22_other_commands_into_a_missing_folder_fail_cleanly(
    pages: Path, tmp_path: Path, command: str
) -> None:
    code, _, err = run(command, "-o", str(tmp_path / "missing" / "out.jsonl"), str(pages))
    assert code == 2 and "does not exist" in err


@pytest.mark.parametrize("value", ["abc", "", "1.5", "²"])
def test_22_a_store_whose_schema_version_is_not_a_number_is_a_store_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "events.db"
    EventStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (value,))
    db.close()

    with pytest.raises(StoreError, match="not a number"):
        EventStore(path)
    code, _, err = run("events", "--store", str(path))
    assert code == 2 and "not a number" in err and "Traceback" not in err


# -- 21. a full disk -------------------------------------------------------------------------------
class _Filling:
    """A writable stream on a disk with ``disk.left`` bytes free: a write past them writes what fits,
    then raises ENOSPC, as a real full disk does."""

    def __init__(self, stream: IO[str], disk: _Disk) -> None:
        self._stream, self._disk = stream, disk

    def write(self, text: str) -> int:
        size = len(text.encode("utf-8"))
        if size <= self._disk.left:
            self._disk.left -= size
            return self._stream.write(text)
        fits = text.encode("utf-8")[: self._disk.left].decode("utf-8", "ignore")
        self._stream.write(fits)
        self._stream.flush()
        self._disk.left = 0
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self) -> _Filling:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Disk:
    def __init__(self, left: int) -> None:
        self.left = left


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Call with a number of bytes: from then on, files opened for writing fill up after them."""
    real_open = Path.open

    def full_after(left: int) -> None:
        state = _Disk(left)

        def opening(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            stream = real_open(self, mode, *args, **kwargs)
            return _Filling(stream, state) if set(mode) & set("wax+") else stream

        monkeypatch.setattr(Path, "open", opening)

    return full_after


def _check_clean_disk_error(code: int, err: str, path: Path, folder: Path) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    assert err.count(f"newsparse: error: no space left on device: {path}") == 1, err
    assert re.match(r"newsparse: \d+ documents?, ", err.splitlines()[-1]), err  # the summary line last
    assert not list(folder.rglob("*.tmp"))


def _budgets(size: int) -> list[int]:
    return sorted({0, 1, size // 3, size * 2 // 3, size - 1})


def test_21_articles_on_a_full_disk_keep_whole_lines_and_resume_exactly(
    pages: Path, tmp_path: Path, disk: Callable[[int], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = tmp_path / "reference.jsonl"
    assert run("articles", "-o", str(reference), str(pages))[0] == 0
    complete = sorted(reference.read_text(encoding="utf-8").splitlines(keepends=True))
    size = reference.stat().st_size
    for budget in _budgets(size):
        output = tmp_path / f"out-{budget}.jsonl"
        disk(budget)
        code, _, err = run("articles", "-o", str(output), str(pages))
        monkeypatch.undo()

        _check_clean_disk_error(code, err, output, tmp_path)
        written = output.read_text(encoding="utf-8")
        assert written == "" or written.endswith("\n")  # whole lines only
        assert set(written.splitlines(keepends=True)) <= set(complete)
        assert run("articles", "-o", str(output), str(pages))[0] == 0
        assert sorted(output.read_text(encoding="utf-8").splitlines(keepends=True)) == complete


@pytest.mark.parametrize(("command", "name"), [("mentions", "out.jsonl"), ("events", "out.json"),
                                               ("articles", "out.json")])  # fmt: skip
def test_21_a_whole_file_output_on_a_full_disk_keeps_its_previous_content(
    pages: Path, tmp_path: Path, disk: Callable[[int], None], monkeypatch: pytest.MonkeyPatch,
    make_page: Callable[[int], str], command: str, name: str,
) -> None:  # fmt: skip
    output = tmp_path / name
    assert run(command, "-o", str(output), str(pages))[0] == 0
    previous = output.read_bytes()
    (pages / "p9.html").write_text(make_page(9), encoding="utf-8")  # this run adds a document
    for budget in _budgets(len(previous)):
        disk(budget)
        code, _, err = run(command, "-o", str(output), str(pages))
        monkeypatch.undo()

        _check_clean_disk_error(code, err, output, tmp_path)
        assert output.read_bytes() == previous


def test_21_a_first_output_on_a_full_disk_is_not_left_partial(
    pages: Path, tmp_path: Path, disk: Callable[[int], None]
) -> None:
    output = tmp_path / "mentions.jsonl"
    disk(100)
    code, _, err = run("mentions", "-o", str(output), str(pages))
    _check_clean_disk_error(code, err, output, tmp_path)
    assert not output.exists()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_21_tables_on_a_full_disk_stay_as_they_were_both_of_them(
    pages: Path, tmp_path: Path, disk: Callable[[int], None], monkeypatch: pytest.MonkeyPatch,
    make_page: Callable[[int], str], fmt: str,
) -> None:  # fmt: skip
    tables = tmp_path / "tables"
    assert run("events", "--tables", str(tables), "--table-format", fmt, str(pages))[0] == 0
    before = {path.name: path.read_bytes() for path in tables.iterdir()}
    assert len(before) == 2
    (pages / "p9.html").write_text(make_page(9), encoding="utf-8")
    seed = sorted(SEEDS.glob("*.txt"))[1]  # new mentions: both tables change
    (pages / seed.name).write_bytes(seed.read_bytes())
    if fmt == "parquet":
        budgets = [0, 1]  # the number of tables written before the disk fills
        pq = pytest.importorskip("pyarrow.parquet")
        real = pq.write_table
    else:
        budgets = _budgets(sum(map(len, before.values())))
    for budget in budgets:
        if fmt == "parquet":
            left = [budget]

            def writing(*args: Any, _real: Any = real, _left: list[int] = left, **kwargs: Any) -> None:
                if _left[0] == 0:
                    raise OSError(errno.ENOSPC, "No space left on device")
                _left[0] -= 1
                _real(*args, **kwargs)

            monkeypatch.setattr(pq, "write_table", writing)
        else:
            disk(budget)
        code, _, err = run("events", "--tables", str(tables), "--table-format", fmt, str(pages))
        monkeypatch.undo()

        _check_clean_disk_error(code, err, tables, tmp_path)
        assert {path.name: path.read_bytes() for path in tables.iterdir()} == before


@pytest.mark.parametrize("command", ["articles", "mentions", "events"])
@pytest.mark.parametrize("when", ["write", "flush"])
def test_21_stdout_on_a_full_disk_is_one_clean_error(pages: Path, command: str, when: str) -> None:
    class Full(io.StringIO):
        """Standard output on a full disk: a buffered stream fails when it writes out (on flush)."""

        def write(self, text: str) -> int:
            if when == "write":
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(text)

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    err = io.StringIO()
    code = main([command, "--quiet", str(pages)], out=Full(), err=err)
    assert code == 2
    assert err.getvalue().count("newsparse: error: no space left on device: <stdout>") == 1
    assert re.match(r"newsparse: \d+ documents?, ", err.getvalue().splitlines()[-1])


def test_21_a_store_sqlite_cannot_write_is_rolled_back_and_a_clean_error(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "events.db"
    assert run("events", "--store", str(store), str(sorted(pages.glob("*.html"))[0]))[0] == 0
    with EventStore(store) as opened:
        before = opened.stats()

    def full(self: EventStore, block: str) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(EventStore, "_remerge", full)
    code, _, err = run("events", "--store", str(store), str(pages))
    monkeypatch.undo()

    assert code == 2 and "database or disk is full" in err and "Traceback" not in err
    with EventStore(store) as opened:
        assert opened.stats() == before


def test_21_articles_parquet_on_a_full_disk_keeps_the_previous_table(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_page: Callable[[int], str]
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    output = tmp_path / "out.parquet"
    assert run("articles", "-o", str(output), str(pages))[0] == 0
    previous = output.read_bytes()
    (pages / "p9.html").write_text(make_page(9), encoding="utf-8")

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    code, _, err = run("articles", "-o", str(output), str(pages))
    monkeypatch.undo()

    _check_clean_disk_error(code, err, output, tmp_path)
    assert output.read_bytes() == previous


def test_17_restart_does_not_overwrite_a_foreign_file_either(pages: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("my notes\n", encoding="utf-8")
    code, _, err = run("articles", "--restart", "-o", str(output), str(pages))
    assert code == 2 and "--force" in err
    assert output.read_text(encoding="utf-8") == "my notes\n"
