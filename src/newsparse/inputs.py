"""From what the user holds (files, directories, gzip, JSONL manifests, stdin, str, bytes) to Pages.

Every input ends as a :class:`Page` or a :class:`Failure`; nothing is skipped without a word. Hints
(url, published, outlet) come from the caller, a sidecar ``NAME.json`` beside a capture, or a manifest.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

import attrs

from newsparse.decode import decode_bytes, looks_like_html
from newsparse.errors import EmptyDocumentError, ParseError, ReadError, failure_from
from newsparse.models import Failure, Page, PageKind, Stage, When
from newsparse.warc import ReadStats, is_warc, warc_pages

__all__ = [
    "DOCUMENT_SUFFIXES",
    "MANIFEST_SUFFIXES",
    "failure_from",
    "input_id",
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
        return value
    if not isinstance(value, str):
        raise ReadError(f"{where}: 'published' must be an ISO 8601 string")
    try:
        return When.parse(value)
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
        page = page_from_path(document)
        return page_from_document(page, url=url, published=published, outlet=outlet, source=source)
    if isinstance(document, bytes):
        return page_from_bytes(
            document, source or url or "<bytes>", url=url, published=published, outlet=outlet
        )
    if isinstance(document, str):
        label = source or url or "<text>"
        if not document.strip():
            raise EmptyDocumentError("the document is empty", source=label)
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


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = Path(f"{_stem(path)}.json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(f"bad sidecar {sidecar.name}: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise ReadError(f"bad sidecar {sidecar.name}: expected a JSON object", source=str(path))
    return data


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    if path.name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as exc:
            raise ReadError(f"bad or truncated gzip: {exc}", source=str(path)) from exc
    return data


def page_from_path(path: Path, hints: dict[str, Any] | None = None) -> Page:
    """Read one file (optionally gzipped) with the hints of its sidecar JSON or manifest line."""
    source = str(path)
    hints = dict(hints) if hints is not None else _read_sidecar(path)
    data = _read_bytes(path)
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


def _manifest_pages(path: Path) -> Iterator[Page | Failure]:
    try:
        stream = path.open(encoding="utf-8-sig")
    except OSError as exc:
        yield failure_from(ReadError(f"cannot read manifest: {exc}"), str(path))
        return
    with stream:
        yield from _manifest_lines(path, stream)


def _manifest_lines(path: Path, stream: IO[str]) -> Iterator[Page | Failure]:
    """One Page or Failure per manifest line, read lazily so a manifest of millions of lines streams."""
    number = 0
    while True:
        number += 1
        try:
            line = stream.readline()
        except (OSError, UnicodeDecodeError) as exc:
            yield failure_from(ReadError(f"cannot read manifest line: {exc}"), f"{path}:{number}")
            return
        if not line:
            return
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            entry = json.loads(line)
            if not isinstance(entry, dict):
                raise ReadError("a manifest line must be a JSON object")
            hints = {k: entry.get(k) for k in ("url", "published", "outlet")}
            if "path" in entry:
                yield page_from_path((path.parent / str(entry["path"])), hints)
            elif "html" in entry or "text" in entry:
                kind = PageKind.HTML if "html" in entry else PageKind.TEXT
                body = entry.get("html") if "html" in entry else entry.get("text")
                if not isinstance(body, str) or not body.strip():
                    raise EmptyDocumentError("the document is empty")
                yield Page(
                    content=body,
                    kind=kind,
                    source=str(entry.get("id") or source),
                    url=hints["url"],
                    published=_hint_when(hints["published"], source),
                    outlet=hints["outlet"],
                )
            else:
                raise ReadError("a manifest line needs 'path', 'html' or 'text'")
        except json.JSONDecodeError as exc:
            yield failure_from(ReadError(f"bad JSON: {exc}"), source)
        except ParseError as exc:
            yield failure_from(exc, exc.source or source)


def _stdin_page(stream: BinaryIO | None) -> Page:
    data = (stream or sys.stdin.buffer).read()
    return page_from_bytes(data, STDIN)


def _is_input_file(path: Path) -> bool:
    return _is_document(path) or path.suffix in MANIFEST_SUFFIXES or is_warc(path)


def _walk(folder: Path) -> Iterator[Path]:
    """Input files below a folder, depth first, each folder's entries sorted: the order is stable and
    memory holds one folder's listing at a time, however large the tree."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path)
        elif entry.is_file() and _is_input_file(path):
            yield path


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The input files under the given paths: directories walked (input files only, in a stable
    order), other paths (even missing ones, which fail when read) kept as they are; ``-`` is not a
    file here."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def iter_documents(
    paths: Iterable[str | Path], *, stdin: BinaryIO | None = None, stats: ReadStats | None = None
) -> Iterator[Path | Page | Failure]:
    """Like :func:`iter_pages`, but single document files come as their unread :class:`Path`, so
    that a worker process, not the caller, reads and decodes them (see
    :meth:`newsparse.pipeline.Pipeline.process`). WARC files and manifests are expanded here."""
    for raw in paths:
        label = str(raw)
        try:
            if label == STDIN:
                yield _stdin_page(stdin)
                continue
            path = Path(raw)
            if path.is_dir():
                empty = True
                for file in iter_input_files([path]):
                    empty = False
                    yield from _one_file(file, stats)
                if empty:
                    yield failure_from(ReadError("no documents in this directory"), label, stage=Stage.READ)
            elif path.exists():
                yield from _one_file(path, stats)
            else:
                yield failure_from(ReadError("no such file or directory"), label, stage=Stage.READ)
        except ParseError as exc:
            yield failure_from(exc, exc.source or label)


def iter_pages(
    paths: Iterable[str | Path], *, stdin: BinaryIO | None = None, stats: ReadStats | None = None
) -> Iterator[Page | Failure]:
    """Every document under the given paths, in a stable order, as a Page or a Failure.

    A path is a file (``.html``, ``.htm``, ``.txt``, each optionally ``.gz``; any other named file is
    tried too), a ``.jsonl`` manifest, a WARC (``.warc``, ``.warc.gz``), a directory (walked
    recursively, input files only) or ``-`` for standard input. WARC records that are not HTML pages
    are counted in ``stats``."""
    for document in iter_documents(paths, stdin=stdin, stats=stats):
        yield read_document(document) if isinstance(document, Path) else document


def read_document(path: Path) -> Page | Failure:
    """One document file as a Page (bytes read, not yet decoded), or a Failure if it cannot be read."""
    try:
        return page_from_path(path)
    except ParseError as exc:
        return failure_from(exc, exc.source or str(path))


def input_id(document: Page | Failure) -> str:
    """A stable id of an input document: the SHA-256 of its content (as read: bytes before decoding),
    or its source if it was never read. Resumable output records it to skip finished documents."""
    if isinstance(document, Failure):
        return "source:" + document.source
    content = document.content
    data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _one_file(path: Path, stats: ReadStats | None) -> Iterator[Path | Page | Failure]:
    if is_warc(path):
        yield from warc_pages(path, stats)
    elif path.suffix in MANIFEST_SUFFIXES:
        yield from _manifest_pages(path)
    else:
        yield path
