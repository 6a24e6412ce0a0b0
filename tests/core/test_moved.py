"""The import paths that moved in 0.2 keep working for one release, and say where things went."""

from __future__ import annotations

import importlib
import sys

import pytest

from newsparse._moved import MOVED


@pytest.mark.parametrize("old", sorted(MOVED))
def test_old_path_warns_and_gives_the_same_objects(old: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in sys.modules if n == old or n.startswith(old + ".")]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.warns(DeprecationWarning, match=MOVED[old].replace(".", r"\.")):
        module = importlib.import_module(old)
    new = importlib.import_module(MOVED[old])
    exported = getattr(new, "__all__", [])
    for name in exported:
        assert getattr(module, name) is getattr(new, name), name
