"""A griffe extension: Sphinx-style roles in newsparse docstrings become mkdocs autorefs links.

The library's docstrings say ``:class:`Page```, which reads well in ``help()``; on the site it should be
a link. Only names that resolve to a public newsparse object become links (the API reference renders
exactly those), anything else becomes plain code, so no link can point nowhere.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import griffe

sys.path.insert(0, str(Path(__file__).parent))

import reference


class SphinxRolesToAutorefs(griffe.Extension):
    """Rewrite the roles in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is None:
            return

        def resolve(target: str) -> str | None:
            if target.startswith("newsparse."):
                path = target
            else:
                try:
                    path = obj.resolve(target)
                except Exception:  # griffe's NameResolutionError, or a name outside its scope
                    path = reference.resolve_newsparse(target)
            if path is None or not path.startswith("newsparse"):
                return None
            return None if any(part.startswith("_") for part in path.split(".")) else path

        obj.docstring.value = reference.markdown_roles(obj.docstring.value, resolve)
