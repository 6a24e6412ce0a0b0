"""The README's two commands stay true: CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _block_after(heading_words: str, text: str) -> str:
    start = text.index(heading_words)
    match = re.search(r"```sh\n(.*?)\n```", text[start:], re.DOTALL)
    assert match, f"no sh block after {heading_words!r}"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = _block_after("Install and run the tests", readme)
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert command in ci


def test_the_test_command_names_no_machine_specific_python_versions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = _block_after("Install and run the tests", readme)
    assert not re.search(r"\d+\.\d+\.\d+", command), command  # versions live in tox.ini, not here
    assert "PYENV_VERSION" not in command
