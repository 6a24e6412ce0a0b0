"""``newsparse mentions PATH...``: JSON Lines, one mention a line, with the Mention contract fields."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newsparse.cli import main
from newsparse.convert import from_json
from newsparse.models import Mention

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CONTRACT = {"kind", "cameo", "date", "place", "participants", "source", "outlet", "sentence", "start", "end"}


def run(*argv: str) -> tuple[int, list[dict[str, object]], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_mentions_of_a_seed_one_a_line() -> None:
    code, lines, err = run("mentions", "--quiet", str(SEEDS / "003_cd19cef5703942ac.txt"))
    assert code == 0
    assert lines and {line["type"] for line in lines} == {"mention"}
    for line in lines:
        assert set(line) >= CONTRACT
        mention = from_json(line, Mention)
        assert mention.source.endswith("003_cd19cef5703942ac.txt")
    # The story's first meeting of Biden and Xi, in Bali in November 2022 (read in the seed).
    bali = [line for line in lines if line["place"] and line["place"]["name"] == "Bali"]  # type: ignore[index]
    assert [(b["kind"], b["cameo"], b["date"]) for b in bali] == [("meeting", "044", "2022-11")]
    assert f"newsparse: {len(lines)} mentions" in err


def test_a_bad_input_is_a_failure_record_and_sets_the_exit_status(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    output = tmp_path / "out.jsonl"
    code, _, err = run(
        "mentions",
        "--quiet",
        "-o",
        str(output),
        str(tmp_path / "empty.txt"),
        str(SEEDS / "002_f2fc8e53b361da77.txt"),
    )
    kinds = [json.loads(line)["type"] for line in output.read_text().splitlines()]
    assert code == 1
    assert kinds[0] == "failure" and set(kinds[1:]) == {"mention"} and len(kinds) > 1
    assert "1 failed" in err.splitlines()[-1]
