"""mkdocs hooks: generated reference pages and directive expansion (see ``reference.py``).

mkdocs loads this file by path, so the folder is put on ``sys.path`` for its sibling module.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).parent))

import reference


def on_config(config: Any) -> Any:
    """Complete the nav: the plugin guide when it exists, and one entry per generated API page."""
    config.nav = reference.complete_nav(config.nav, Path(config.docs_dir))
    return config


def on_files(files: Files, config: Any) -> Files:
    """Add one API reference page per public module of newsparse."""
    for module in reference.api_modules():
        files.append(
            File.generated(
                config, reference.api_page_path(module), content=reference.api_page_markdown(module)
            )
        )
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Replace every ``<!-- newsparse: ... -->`` directive; a directive that cannot be honoured fails the
    build, whatever the strict setting."""
    try:
        return reference.expand(markdown)
    except reference.DocsError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
