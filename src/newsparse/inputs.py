"""From what the user holds (files, directories, gzip, JSONL manifests, stdin, str, bytes) to Pages.

Every input ends as a :class:`Page` or a :class:`Failure`; nothing is skipped without a word. Hints
(url, published, outlet) come from the caller, a sidecar ``NAME.json`` beside a capture, or a manifest.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from newsparse.dates import plausible
from newsparse.decode import decode_bytes, looks_like_html
from newsparse.errors import EmptyDocumentError, ParseError, ReadError, failure_from
from newsparse.limits import (
    DEFAULT_MAX_BYTES,
    Limits,
    clean_text,
    display,
    inside,
    open_regular,
    read_capped,
    too_large,
)
from newsparse.models import Failure, Page, PageKind, Stage, When
from newsparse.warc import ReadStats, is_warc, warc_pages
from newsparse.workers import over_budget

__all__ = [
    "DOCUMENT_SUFFIXES",
    "MANIFEST_SUFFIXES",
    "failure_from",
    "input_id",
    "is_container",
    "iter_documents",
    "iter_input_files",
    "iter_pages",
    "page_from_bytes",
    "page_from_document",
    "page_from_path",
    "read_document",
]

DOCUMENT_SUFFIXES = (".html", ".htm", ".txt")
MANIFEST_SUFFIXES = (".jsonl",)
STDIN = "-"


def _hint_when(value: Any, where: str) -> When | None:
    if value is None or value == "":
        return None
    if isinstance(value, When):
        return plausible(value, where, "'published'")
    if not isinstance(value, str):
        raise ReadError(f"{where}: 'published' must be an ISO 8601 string")
    try:
        return plausible(When.parse(value), where, "'published'")
    except ValueError as exc:
        raise ReadError(f"{where}: {exc}") from exc


def _text_kind(text: str) -> PageKind:
    return PageKind.HTML if looks_like_html(text) else PageKind.TEXT


def page_from_bytes(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    published: When | str | None = None,
    outlet: str | None = None,
    kind: PageKind | None = None,
) -> Page:
    """Decode bytes into a Page (HTML or text capture, detected unless ``kind`` is given)."""
    sniff_html = kind is PageKind.HTML or (kind is None and data[:2048].lstrip().startswith(b"<"))
    try:
        text = decode_bytes(data, html=sniff_html)
    except ParseError as exc:
        exc.source = source
        raise
    return Page(
        content=text,
        kind=kind or _text_kind(text),
        source=source,
        url=url,
        published=_hint_when(published, source),
        outlet=outlet,
    )


def page_from_document(
    document: str | bytes | Path | Page,
    *,
    url: str | None = None,
    published: When | str | None = None,
    outlet: str | None = None,
    source: str | None = None,
) -> Page:
    """One document, as the public API accepts it, as a Page. Raises a :class:`ParseError` subclass."""
    if isinstance(document, Page):
        label = source or document.source
        content = document.content
        if isinstance(content, bytes):  # read but not yet decoded (see page_from_path)
            content = page_from_bytes(content, label, kind=document.kind).content
        return attrs.evolve(
            document,
            content=content,
            source=label,
            url=url or document.url,
            published=_hint_when(published, document.source) or document.published,
            outlet=outlet or document.outlet,
        )
    if isinstance(document, Path):
        page = page_from_path(document)  # within the default size cap
        return page_from_document(page, url=url, published=published, outlet=outlet, source=source)
    if isinstance(document, bytes):
        return page_from_bytes(
            document, source or url or "<bytes>", url=url, published=published, outlet=outlet
        )
    if isinstance(document, str):
        label = source or url or "<text>"
        if not document.strip():
            raise EmptyDocumentError("the document is empty", source=label)
        _refuse_a_path_as_text(document, label)
        text = document.lstrip("\ufeff")
        return Page(
            content=text,
            kind=_text_kind(text),
            source=label,
            url=url,
            published=_hint_when(published, label),
            outlet=outlet,
        )
    raise TypeError(f"a document is str, bytes, pathlib.Path or Page, not {type(document).__name__}")


#: A str longer than this, or with a line break, is page text, never a file name.
_PATH_LIKE_MAX = 4096


def _refuse_a_path_as_text(document: str, label: str) -> None:
    """A ``str`` document is the page's text; one that is a single line naming an existing file or
    folder was meant as a path, and parsing its name as a page would give nonsense or a confusing
    NoArticleError: a :class:`ReadError` that says what to write instead."""
    name = document.strip()
    if len(name) > _PATH_LIKE_MAX or "\n" in name or "<" in name:
        return
    try:
        exists = os.path.exists(name)
    except (OSError, ValueError):  # a NUL byte, a name too long for the system
        return
    if exists:
        raise ReadError(
            f"a str document is the page's text, and this one names an existing "
            f"{'folder' if os.path.isdir(name) else 'file'}: did you mean Path({name!r})? "
            "(from pathlib import Path; folders, manifests and WARC files: newsparse.iter_documents)",
            source=label,
        )


def _stem(path: Path) -> Path:
    """``a/b.html.gz`` -> ``a/b``: the name a sidecar JSON shares with its document."""
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in DOCUMENT_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return path.with_name(name)


def _json(text: str | bytes) -> Any:
    """``json.loads`` with nesting too deep for Python's stack as a plain ValueError."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


def _hints(entry: dict[str, Any], where: str) -> dict[str, Any]:
    """The url, published and outlet hints of a manifest line or sidecar, checked: each a string (lone
    surrogates replaced) or absent; anything else is a :class:`ReadError` naming the field."""
    hints: dict[str, Any] = {}
    for key in ("url", "published", "outlet"):
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            raise ReadError(f"{where}: {key!r} must be a string, not {type(value).__name__}")
        hints[key] = clean_text(value) if isinstance(value, str) else None
    return hints


def _read_sidecar(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    sidecar = Path(f"{_stem(path)}.json")
    if not sidecar.is_file():
        return {}
    where = f"bad sidecar {display(sidecar.name)}"
    try:
        data = _json(read_capped(sidecar, max_bytes).decode("utf-8-sig"))
    except ReadError as exc:
        raise ReadError(f"{where}: {exc.message}", source=display(path)) from exc
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise ReadError(f"{where}: {exc}", source=display(path)) from exc
    if not isinstance(data, dict):
        raise ReadError(f"{where}: expected a JSON object", source=display(path))
    try:
        return _hints(data, where)
    except ReadError as exc:
        exc.source = display(path)
        raise


def page_from_path(
    path: Path, hints: dict[str, Any] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Page:
    """Read one regular file (optionally gzipped, inflated in a stream up to ``max_bytes``) with the
    hints of its sidecar JSON or manifest line."""
    source = display(path)
    hints = dict(hints) if hints is not None else _read_sidecar(path, max_bytes)
    try:
        data = read_capped(path, max_bytes)
    except ReadError as exc:
        exc.source = source
        raise
    if not data.strip():
        raise EmptyDocumentError("the document is empty", source=source)
    stem = path.name[:-3] if path.name.endswith(".gz") else path.name
    kind = PageKind.HTML if stem.endswith((".html", ".htm")) else _bytes_kind(data)
    # The bytes stay undecoded: decoding happens where the page is parsed (in a worker process when
    # there are several), so the reading process only reads, hashes and hands over raw bytes.
    return Page(
        content=data,
        kind=kind,
        source=source,
        url=hints.get("url"),
        published=_hint_when(hints.get("published"), source),
        outlet=hints.get("outlet"),
    )


def _bytes_kind(data: bytes) -> PageKind:
    """HTML or text, judged from raw bytes: markup is ASCII in every encoding a web page uses
    (UTF-16 pages start with a byte-order mark and are judged after decoding)."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _text_kind(decode_bytes(data))
    return _text_kind(head.decode("latin-1"))


def _is_document(path: Path) -> bool:
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    return name.endswith(DOCUMENT_SUFFIXES)


def _manifest_pages(path: Path, limits: Limits) -> Iterator[Page | Failure]:
    try:
        stream = open_regular(path)
    except ReadError as exc:
        yield failure_from(ReadError(f"cannot read manifest: {exc.message}"), display(path), stage=Stage.READ)
        return
    with stream:
        yield from _manifest_lines(path, stream, limits)


def _manifest_line_cap(max_bytes: int) -> int:
    # JSON escapes at most six bytes for one byte of text (\u00XX), plus room for the other fields.
    return 6 * max_bytes + 65536


def _manifest_lines(path: Path, stream: BinaryIO, limits: Limits) -> Iterator[Page | Failure]:
    """One Page or Failure per manifest line, read lazily so a manifest of millions of lines streams.

    Each line stands alone: bad UTF-8, bad JSON, a field of the wrong type or a line over the size
    cap is one Failure naming the line, and the next line is read as usual."""
    label = display(path)
    cap = _manifest_line_cap(limits.max_bytes)
    number = 0
    while True:
        number += 1
        source = f"{label}:{number}"
        try:
            raw = stream.readline(cap + 1)
        except OSError as exc:
            yield failure_from(ReadError(f"cannot read manifest line: {exc}"), source, stage=Stage.READ)
            return
        if not raw:
            return
        if len(raw) > cap and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # pass over the rest of the line, a chunk at a time
                raw = stream.readline(1 << 20)
            yield failure_from(too_large(limits.max_bytes, "the manifest line"), source, stage=Stage.READ)
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        try:
            yield _manifest_entry(path, raw, source, limits)
        except ParseError as exc:
            yield failure_from(exc, exc.source or source, stage=Stage.READ)
        except Exception as exc:  # nothing one line holds may end the run
            yield failure_from(ReadError(f"bad manifest line: {type(exc).__name__}: {exc}"), source)


def _manifest_entry(path: Path, raw: bytes, source: str, limits: Limits) -> Page:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"the line is not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        entry = _json(line)
    except ValueError as exc:
        raise ReadError(f"bad JSON: {exc}") from exc
    if not isinstance(entry, dict):
        raise ReadError("a manifest line must be a JSON object")
    hints = _hints(entry, source)
    if "path" in entry:
        value = entry["path"]
        if not isinstance(value, str) or not value:
            raise ReadError(f"{source}: 'path' must be a non-empty string")
        target = path.parent / value  # an absolute path stays as it is
        if not limits.allow_outside and not inside(target, path.parent):
            raise ReadError(
                f"{source}: path {display(value)!r} is outside the manifest's folder "
                "(give --allow-outside to read it)",
                source=display(target),
            )
        if limits.excludes(target):
            raise ReadError("this run's own output, not read", source=display(target))
        return page_from_path(target, hints, max_bytes=limits.max_bytes)
    if "html" not in entry and "text" not in entry:
        raise ReadError("a manifest line needs 'path', 'html' or 'text'")
    kind = PageKind.HTML if "html" in entry else PageKind.TEXT
    field = kind.value
    body = entry[field]
    if not isinstance(body, str):
        raise ReadError(f"{field!r} must be a string, not {type(body).__name__}")
    if not body.strip():
        raise EmptyDocumentError("the document is empty")
    if len(body) > limits.max_bytes or (
        4 * len(body) > limits.max_bytes and len(body.encode("utf-8", "surrogatepass")) > limits.max_bytes
    ):
        raise too_large(limits.max_bytes)
    ident = entry.get("id")
    if ident is not None and not isinstance(ident, (str, int)):
        raise ReadError(f"'id' must be a string or a number, not {type(ident).__name__}")
    return Page(
        content=clean_text(body),
        kind=kind,
        source=clean_text(str(ident)) if ident not in (None, "") else source,
        url=hints["url"],
        published=_hint_when(hints["published"], source),
        outlet=hints["outlet"],
    )


def _stdin_page(stream: BinaryIO | None, max_bytes: int) -> Page:
    data = (stream or sys.stdin.buffer).read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return page_from_bytes(data, STDIN)


def is_container(path: Path) -> bool:
    """Whether a file holds many documents (a manifest or a WARC) rather than being one."""
    return path.suffix in MANIFEST_SUFFIXES or is_warc(path)


def _is_input_file(path: Path) -> bool:
    return _is_document(path) or is_container(path)


def _walk(folder: Path, stats: ReadStats, limits: Limits) -> Iterator[Path | Failure]:
    """Input files below a folder, depth first, each folder's entries sorted: the order is stable and
    memory holds one listing per level. Links are followed, but each real directory is walked once (a
    link back to a parent is counted and passed over); a folder that cannot be listed is a Failure;
    special files (FIFOs, sockets, devices), broken links and this run's outputs are counted skips."""
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []
    reals: list[str] = []

    def enter(directory: Path) -> Failure | None:
        try:
            info = directory.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                stats.skip("directory already walked (a link)", "directories already walked (links)")
                return None
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            error = ReadError(f"cannot list this directory: {exc.strerror or exc}")
            return failure_from(error, display(directory), stage=Stage.READ)
        seen.add(key)
        stack.append(iter(entries))
        reals.append(os.path.realpath(directory) if limits.exclude else "")
        return None

    failure = enter(folder)
    if failure is not None:
        yield failure
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            reals.pop()
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:  # a link loop (ELOOP) or a vanished entry
            is_dir = False
        if is_dir:
            failure = enter(path)
            if failure is not None:
                yield failure
            continue
        if not _is_input_file(path):
            continue
        if limits.exclude and os.path.join(reals[-1], entry.name) in limits.exclude:
            stats.skip("own output file")
            continue
        try:
            regular = entry.is_file()
        except OSError:
            regular = False
        if regular:
            yield path
        elif entry.is_symlink() and not os.path.exists(entry.path):
            stats.skip("broken link")
        else:
            stats.skip("special file (FIFO, socket or device)", "special files (FIFOs, sockets, devices)")


def iter_input_files(paths: Iterable[str | Path], *, stats: ReadStats | None = None) -> Iterator[Path]:
    """The input files under the given paths: directories walked (regular input files only, in a stable
    order, each real directory once), other paths (even missing ones, which fail when read) kept as they
    are; ``-`` is not a file here. What the walk passes over is counted in ``stats``."""
    stats = stats if stats is not None else ReadStats()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from (item for item in _walk(path, stats, Limits()) if isinstance(item, Path))
        else:
            yield path


def iter_documents(
    paths: Iterable[str | Path],
    *,
    stdin: BinaryIO | None = None,
    stats: ReadStats | None = None,
    limits: Limits | None = None,
) -> Iterator[Path | Page | Failure]:
    """Like :func:`iter_pages`, but single document files come as their unread :class:`Path`, so
    that a worker process, not the caller, reads and decodes them (see
    :meth:`newsparse.pipeline.Pipeline.process`). WARC files and manifests are expanded here."""
    limits = limits if limits is not None else Limits()
    stats = stats if stats is not None else ReadStats()
    for raw in paths:
        label = display(raw)
        try:
            if label == STDIN:
                yield _stdin_page(stdin, limits.max_bytes)
                continue
            path = Path(raw)
            if path.is_dir():
                empty = True
                for item in _walk(path, stats, limits):
                    empty = False
                    if isinstance(item, Failure):
                        yield item
                    else:
                        yield from _one_file(item, stats, limits)
                if empty:
                    yield failure_from(ReadError("no documents in this directory"), label, stage=Stage.READ)
            elif limits.excludes(path):
                yield failure_from(ReadError("this run's own output, not read"), label, stage=Stage.READ)
            elif os.path.lexists(path):
                yield from _one_file(path, stats, limits)
            else:
                yield failure_from(ReadError("no such file or directory"), label, stage=Stage.READ)
        except ParseError as exc:
            yield failure_from(exc, exc.source or label, stage=Stage.READ)
        except OSError as exc:  # e.g. a path too long or a link loop, met while looking at the path
            yield failure_from(ReadError(f"cannot read: {exc.strerror or exc}"), label, stage=Stage.READ)


def iter_pages(
    paths: Iterable[str | Path],
    *,
    stdin: BinaryIO | None = None,
    stats: ReadStats | None = None,
    limits: Limits | None = None,
) -> Iterator[Page | Failure]:
    """Every document under the given paths, in a stable order, as a Page or a Failure.

    A path is a file (``.html``, ``.htm``, ``.txt``, each optionally ``.gz``; any other named file is
    tried too), a ``.jsonl`` manifest, a WARC (``.warc``, ``.warc.gz``), a directory (walked
    recursively, input files only) or ``-`` for standard input. Only regular files are read, none
    past ``limits.max_bytes``. WARC records that are not HTML pages, and what the walk passes over,
    are counted in ``stats``."""
    max_bytes = (limits or Limits()).max_bytes
    for document in iter_documents(paths, stdin=stdin, stats=stats, limits=limits):
        yield read_document(document, max_bytes=max_bytes) if isinstance(document, Path) else document


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Page | Failure:
    """One document file as a Page (bytes read, not yet decoded), or a Failure if it cannot be read."""
    try:
        return page_from_path(path, max_bytes=max_bytes)
    except ParseError as exc:
        return failure_from(exc, exc.source or display(path), stage=exc.stage)
    except Exception as exc:  # a bug must not end the batch: report it
        if over_budget(exc):  # in a worker with a memory budget: it reports it and is replaced
            raise
        return failure_from(exc, display(path), stage=Stage.READ)


def input_id(document: Page | Failure) -> str:
    """A stable id of an input document: the SHA-256 of its content (as read: bytes before decoding),
    or its source if it was never read. Resumable output records it to skip finished documents."""
    if isinstance(document, Failure):
        return "source:" + document.source
    content = document.content
    data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _one_file(path: Path, stats: ReadStats, limits: Limits) -> Iterator[Path | Page | Failure]:
    if is_warc(path):
        yield from warc_pages(path, stats, max_bytes=limits.max_bytes)
    elif path.suffix in MANIFEST_SUFFIXES:
        yield from _manifest_pages(path, limits)
    else:
        yield path
