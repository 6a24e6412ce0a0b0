"""The command line: JSON Lines out, one record per input, honest exit status and summary line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsparse.cli import main
from newsparse.convert import SCHEMA_VERSION

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_articles_on_the_seeds_prints_one_article_line_per_seed() -> None:
    code, out, err = run("articles", "--quiet", str(SEEDS))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(lines) == 5
    assert {line["type"] for line in lines} == {"article"}
    assert sorted(Path(line["source"]).name for line in lines) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(line["paragraphs"] for line in lines)
    assert err.splitlines()[-1].startswith("newsparse: 5 documents, 5 articles, 0 failed")


def test_failures_are_records_and_set_the_exit_status(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run(
        "articles", "--quiet", str(SEEDS / "002_f2fc8e53b361da77.txt"), str(tmp_path / "empty.txt")
    )
    kinds = [json.loads(line)["type"] for line in out.splitlines()]
    assert kinds == ["article", "failure"]
    assert code == 1
    assert "1 failed" in err.splitlines()[-1]


def test_events_writes_one_json_document() -> None:
    code, out, _ = run("events", "--quiet", str(SEEDS))
    document = json.loads(out)
    assert code == 0
    assert set(document) == {"schema_version", "events", "articles", "failures"}
    assert document["schema_version"] == SCHEMA_VERSION
    assert len(document["articles"]) == 5 and document["failures"] == []


def test_plugins_lists_the_generic_plugin() -> None:
    code, out, _ = run("plugins")
    assert code == 0
    assert any(line.startswith("generic\tnewsparse ") for line in out.splitlines())


@pytest.mark.parametrize(
    "argv",
    [
        ["articles", "--no-such-flag", "x"],
        ["frobnicate"],
        [],
        ["articles"],
        ["articles", "--workers", "0", "x"],
    ],
)
def test_usage_errors_exit_2_with_a_short_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(*argv)
    captured = capsys.readouterr()
    message = err + captured.err
    assert code == 2
    assert "Traceback" not in message
    assert "error" in message


def test_missing_path_is_a_failure_not_a_traceback(tmp_path: Path) -> None:
    code, out, err = run("articles", "--quiet", str(tmp_path / "nope.html"))
    (line,) = [json.loads(x) for x in out.splitlines()]
    assert code == 1
    assert line["type"] == "failure" and line["stage"] == "read"
    assert "Traceback" not in err


def test_stdin_through_the_console_script() -> None:
    text = (SEEDS / "003_cd19cef5703942ac.txt").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "newsparse.cli", "articles", "-"], input=text, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(x) for x in done.stdout.decode().splitlines()]
    assert line["source"] == "-"
