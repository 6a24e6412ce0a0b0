"""The command line as a new user meets it (issue 17): per-file hints, output suffixes that mean what
they say, earlier failures that a rerun reports and can retry, plugins as JSON, counted nouns."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from newsparse._text import counted
from newsparse.cli import main
from newsparse.inputs import iter_input_files
from newsparse.warc import ReadStats

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
STAR = SEEDS / "002_f2fc8e53b361da77.txt"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_url_outlet_and_published_hints_for_one_file() -> None:
    code, out, _ = run(
        "articles", "--quiet", str(STAR), "--url", "https://example.org/star", "--outlet", "generic"
    )
    (line,) = [json.loads(text) for text in out.splitlines()]
    assert code == 0 and line["url"] == "https://example.org/star" and line["outlet"] == "generic"


def test_a_published_hint_dates_a_page_that_gives_no_date(tmp_path: Path) -> None:
    page = tmp_path / "undated.txt"
    page.write_text(
        "Ministers meet in Geneva\n\n"
        + "The two foreign ministers met in Geneva to discuss the ceasefire and the exchange of prisoners, "
        "officials from both governments said after the talks, which lasted for most of the day.\n\n" * 3,
        encoding="utf-8",
    )
    code, out, _ = run("articles", "--quiet", str(page), "--published", "2024-02-03")
    (line,) = [json.loads(text) for text in out.splitlines()]
    assert code == 0 and line["published"] == "2024-02-03"


def test_a_bad_published_hint_and_a_url_for_many_pages_are_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, _ = run("articles", "--quiet", str(STAR), "--published", "yesterday")
    assert code == 2 and "not an ISO 8601 date" in capsys.readouterr().err  # argparse's own message
    code, _, err = run("articles", "--quiet", str(SEEDS), "--url", "https://example.org/x")
    assert code == 2 and "--url names one page" in err
    code, _, err = run("events", "--quiet", str(STAR), str(STAR), "--url", "https://example.org/x")
    assert code == 2 and "--url names one page" in err


@pytest.mark.parametrize(
    ("command", "name"),
    [("articles", "articles.csv"), ("articles", "articles.jsonl.gz"), ("events", "events.csv"),
     ("mentions", "mentions.json")],
)  # fmt: skip
def test_an_output_suffix_the_command_does_not_write_is_refused(
    tmp_path: Path, command: str, name: str
) -> None:
    target = tmp_path / name
    code, _, err = run(command, "--quiet", str(STAR), "-o", str(target))
    assert code == 2 and repr(target.suffix) in err
    assert not target.exists()


def test_an_explicit_format_or_no_suffix_is_still_accepted(tmp_path: Path) -> None:
    assert run("articles", "--quiet", str(STAR), "-o", str(tmp_path / "out.txt"), "--format", "jsonl")[0] == 0
    assert run("articles", "--quiet", str(STAR), "-o", str(tmp_path / "out"))[0] == 0
    assert json.loads((tmp_path / "out").read_text(encoding="utf-8"))["type"] == "article"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_rerun_reports_earlier_failures_and_retry_failed_parses_them_again(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(STAR, pages / "star.txt")
    (pages / "menu.txt").write_text("Home\n", encoding="utf-8")  # read fine, no article in it
    output = tmp_path / "out.jsonl"
    code, _, err = run("articles", "--quiet", str(pages), "-o", str(output))
    assert code == 1 and [line["type"] for line in _lines(output)] == ["failure", "article"]

    code, _, err = run("articles", "--quiet", str(pages), "-o", str(output))
    summary = err.splitlines()[-1]
    assert code == 1, "a failure in the output is still a failure"
    assert "2 already done in the output (skipped: 1 earlier failure; --retry-failed" in summary

    code, _, err = run("articles", "--quiet", str(pages), "-o", str(output), "--retry-failed")
    assert code == 1 and "failed: " in err and "menu.txt" in err  # parsed again, fails again
    assert err.splitlines()[-1].startswith("newsparse: 1 document, 0 articles, 1 already done")
    # the old failure line was replaced, not kept beside the new one
    assert sorted(line["type"] for line in _lines(output)) == ["article", "failure"]

    (pages / "menu.txt").unlink()
    code, _, err = run("articles", "--quiet", str(pages), "-o", str(output), "--retry-failed")
    assert code == 0 and [line["type"] for line in _lines(output)] == ["article"]


def test_plugins_as_json() -> None:
    code, out, err = run("plugins", "--json")
    document = json.loads(out)
    assert code == 0 and set(document) == {"schema_version", "plugins", "failures"}
    names = {plugin["name"] for plugin in document["plugins"]}
    assert {"generic", "mentions"} <= names
    generic = next(p for p in document["plugins"] if p["name"] == "generic")
    assert generic["module"] == "newsparse.plugins.builtin.generic" and generic["outlets"] == []
    assert "plugins loaded" in err


def test_one_of_anything_is_singular() -> None:
    code, _, err = run("articles", "--quiet", str(STAR))
    assert code == 0 and err.splitlines()[-1].startswith("newsparse: 1 document, 1 article, 0 failed")
    code, _, err = run("mentions", "--quiet", str(SEEDS / "003_cd19cef5703942ac.txt"))
    assert "1 document, 1 article" in err
    assert "1 documents" not in err and "1 articles" not in err and "1 mentions" not in err


def test_skip_reasons_are_counted_in_the_forms_they_were_given() -> None:
    """No word list decides the singular: a reason made of words nobody listed ("entries") is as
    singular for one as the built-in ones, and the words inside brackets are left as written."""
    stats = ReadStats()
    stats.skip("index entry", "index entries")
    stats.skip("directory already walked (a link)", "directories already walked (links)")
    stats.skip("HTTP 304 response")
    assert stats.describe() == ("1 HTTP 304 response, 1 directory already walked (a link), 1 index entry")
    stats.skip("index entry", "index entries")
    stats.skip("HTTP 304 response")
    assert stats.describe() == ("2 HTTP 304 responses, 1 directory already walked (a link), 2 index entries")
    assert stats.skipped == {
        "index entries": 2,
        "directories already walked (links)": 1,
        "HTTP 304 responses": 2,
    }
    assert counted(1, "directory", "directories") == "1 directory" and counted(3, "file") == "3 files"


def test_the_walk_s_skip_reasons_read_right_for_one_and_for_two(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "A title\n\nA paragraph of the page that is long enough.\n", encoding="utf-8"
    )
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dead1.txt").symlink_to(tmp_path / "missing1.txt")
    stats = ReadStats()
    assert [p.name for p in iter_input_files([tmp_path], stats=stats)] == ["a.txt"]
    assert stats.describe() == "1 broken link, 1 directory already walked (a link)"
    (tmp_path / "dead2.txt").symlink_to(tmp_path / "missing2.txt")
    stats = ReadStats()
    list(iter_input_files([tmp_path], stats=stats))
    assert stats.describe() == "2 broken links, 1 directory already walked (a link)"


def test_an_outlet_hint_that_no_plugin_declares_is_a_warning_with_the_closest_id() -> None:
    code, out, err = run("articles", "--quiet", str(STAR), "--outlet", "thestr")
    assert code == 0 and json.loads(out)["outlet"] == "thestr"  # still read, under the name given
    assert "warning: --outlet 'thestr' is no plugin's outlet (did you mean 'thestar'?)" in err
    for known in ("thestar", "generic"):
        assert "warning" not in run("articles", "--quiet", str(STAR), "--outlet", known)[2]
