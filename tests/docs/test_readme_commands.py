"""The README's two commands stay true: CI runs exactly the README's test command, and that command's
script finds the machine's Pythons (under pyenv too) and says what is missing when it cannot run."""

from __future__ import annotations

import re
import shutil
import subprocess
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


def _fake_checkout(tmp_path: Path) -> Path:
    """A copy of scripts/tox beside a fake .venv-tox/bin/tox that prints what it was given."""
    root = tmp_path / "checkout"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "tox", root / "scripts" / "tox")
    tox = root / ".venv-tox" / "bin" / "tox"
    tox.parent.mkdir(parents=True)
    tox.write_text('#!/bin/sh\necho "PYENV_VERSION=${PYENV_VERSION-unset} ARGS=$*"\n', encoding="utf-8")
    tox.chmod(0o755)
    return root


def _run(root: Path, path: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(root / "scripts" / "tox"), "-e", "py311"],
        env={"PATH": path, "HOME": str(root), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_script_shows_tox_every_pyenv_python_from_3_10_to_3_13(tmp_path: Path) -> None:
    root = _fake_checkout(tmp_path)
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    pyenv = bin_ / "pyenv"
    pyenv.write_text(
        "#!/bin/sh\nprintf 'system\\n2.7.18\\n3.9.18\\n3.12.1\\n3.10.13\\n3.13.0\\n3.11.7\\n3.14.0a1\\n'\n",
        encoding="utf-8",
    )
    pyenv.chmod(0o755)
    done = _run(root, f"{bin_}:/usr/bin:/bin")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "PYENV_VERSION=3.10.13:3.11.7:3.12.1:3.13.0 ARGS=-e py311"
    # A version the user chose is left alone, and without pyenv nothing is set.
    assert "PYENV_VERSION=3.12.1 " in _run(root, f"{bin_}:/usr/bin:/bin", PYENV_VERSION="3.12.1").stdout
    assert "PYENV_VERSION=unset " in _run(root, "/usr/bin:/bin").stdout


def test_the_script_says_what_to_install_when_venv_fails(tmp_path: Path) -> None:
    root = _fake_checkout(tmp_path)
    shutil.rmtree(root / ".venv-tox")
    done = _run(root, "/usr/bin:/bin", PYTHON="/bin/false")
    assert done.returncode == 2 and "python3-venv" in done.stderr, done.stderr
