"""Shared paths for the documentation tests: the docs sources and their generator scripts."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCRIPTS = DOCS / "_scripts"

# The generator (docs/_scripts/reference.py) imports only newsparse and the standard library, so the
# tests check it without mkdocs installed.
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))
