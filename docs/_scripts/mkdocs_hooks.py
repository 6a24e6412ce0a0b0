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

#: The guide written on the outlets branch: listed after this nav entry when the file exists.
PLUGIN_GUIDE = ("Writing a plugin", "writing-a-plugin.md", "events.md")
#: The nav entry whose page is the API index: the generated module pages are listed under it.
API_INDEX = "reference/api/index.md"


def _with_guide(nav: list[Any], docs_dir: Path) -> list[Any]:
    title, path, after = PLUGIN_GUIDE
    if not (docs_dir / path).is_file() or any(path in str(item) for item in nav):
        return nav
    at = next(
        (i + 1 for i, item in enumerate(nav) if isinstance(item, dict) and after in item.values()), len(nav)
    )
    return [*nav[:at], {title: path}, *nav[at:]]


def _with_api_pages(nav: list[Any]) -> list[Any]:
    result: list[Any] = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), *_ = item.items()
            if value == API_INDEX:
                pages = [{"Overview": API_INDEX}]
                pages += [{module: reference.api_page_path(module)} for module in reference.api_modules()]
                item = {title: pages}
            elif isinstance(value, list):
                item = {title: _with_api_pages(value)}
        result.append(item)
    return result


def on_config(config: Any) -> Any:
    """Complete the nav: the plugin guide when it exists, and one entry per generated API page."""
    config.nav = _with_api_pages(_with_guide(config.nav, Path(config.docs_dir)))
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
