"""Finding the code examples in the documentation's Markdown sources, so each can run as a test."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

#: A fenced block: its language and body. Blocks inside admonitions are indented; the indent is removed.
_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)

#: Commands shown in the docs that a test cannot run (they need the network), by their first words.
NOT_RUNNABLE = (("pip", "install"),)


@dataclass(frozen=True)
class Example:
    """One fenced code block of a page."""

    page: Path
    line: int
    lang: str
    code: str

    @property
    def name(self) -> str:
        return f"{self.page.as_posix()}:{self.line}"


def examples(page: Path, root: Path) -> list[Example]:
    """The fenced code blocks of a Markdown page, in page order."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        indent = match.group("indent")
        body = "".join(line.removeprefix(indent) for line in match.group("body").splitlines(keepends=True))
        line = text.count("\n", 0, match.start()) + 1
        found.append(Example(page.relative_to(root), line, match.group("lang"), body))
    return found


@dataclass(frozen=True)
class Command:
    """A ``$ newsparse ...`` line of a console example: its arguments and the file stdout goes to."""

    argv: list[str]
    stdout_to: str | None


def console_commands(code: str) -> list[Command]:
    """The ``$``-prompted commands of a console block; commands in :data:`NOT_RUNNABLE` are left out,
    anything else that is not ``newsparse`` is an error (a test could not check it)."""
    commands = []
    for line in code.splitlines():
        if not line.startswith("$ "):
            continue
        words = shlex.split(line[2:])
        if any(tuple(words[: len(prefix)]) == prefix for prefix in NOT_RUNNABLE):
            continue
        if words[0] != "newsparse":
            raise ValueError(f"a console example runs {words[0]!r}; only newsparse commands can be tested")
        stdout_to = None
        if ">" in words:
            at = words.index(">")
            stdout_to, words = words[at + 1], words[:at]
        commands.append(Command(words[1:], stdout_to))
    return commands
