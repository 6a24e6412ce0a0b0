"""Web archives (WARC, optionally gzip-compressed) as Pages.

FastWARC parses the records (a maintained C++ parser, several times faster than pure-Python ones);
this module only decides which records are pages: HTTP responses with status 200 and an HTML body.
Every other record is counted in :class:`ReadStats`, never dropped without a word.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from newsparse._text import counted
from newsparse.dates import plausible
from newsparse.decode import decode_bytes, looks_like_html, text_codec
from newsparse.errors import ParseError, ReadError
from newsparse.limits import DEFAULT_MAX_BYTES, clean_text, display, open_regular, too_large
from newsparse.models import Failure, Page, PageKind, Stage, When

__all__ = ["WARC_SUFFIXES", "ReadStats", "WarcResponse", "is_warc", "warc_pages", "write_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_log = logging.getLogger("newsparse")


@attrs.define
class ReadStats:
    """What reading skipped on purpose, by reason (for the run's summary line).

    ``skipped`` counts by the reason's plural ("broken links"); :meth:`skip` records one, with the
    reason's singular for a count of one ("1 broken link").
    """

    skipped: Counter[str] = attrs.field(factory=Counter)
    _singular: dict[str, str] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    def skip(self, one: str, many: str | None = None) -> None:
        """Count one thing skipped: ``one`` is the reason for one of them ("broken link"), ``many``
        for more (by default ``one`` and an "s")."""
        many = many if many is not None else one + "s"
        self._singular[many] = one
        self.skipped[many] += 1

    def total(self) -> int:
        return sum(self.skipped.values())

    def describe(self) -> str:
        return ", ".join(
            counted(count, self._singular.get(reason, reason), reason)
            for reason, count in sorted(self.skipped.items())
        )


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _decode(body: bytes, charset: str | None) -> str:
    codec = text_codec(charset)
    if codec:
        try:
            return body.decode(codec)
        except UnicodeError:
            pass  # a wrong header: detect below
    return decode_bytes(body, html=True)


def _fetched(record: Any, source: str) -> When | None:
    """The record's WARC-Date as a When, or None (with a warning) when it is missing or absurd."""
    try:
        date = record.record_date
    except (ValueError, OverflowError) as exc:  # e.g. "0000-01-01T00:00:00Z": year 0 is out of range
        _log.warning("%s: WARC-Date %r dropped: %s", source, record.headers.get("WARC-Date"), exc)
        return None
    if date is None:
        return None
    return plausible(When.at(date.replace(tzinfo=date.tzinfo or dt.timezone.utc)), source)


def warc_pages(
    path: Path, stats: ReadStats | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Page | Failure]:
    """The HTML pages of a WARC file, each with its target URL and fetch date; a Failure for a record
    that is truncated, undecodable or larger than ``max_bytes``. Non-response, non-200 and non-HTML
    records are counted in ``stats``; whether a record is a page is judged from its headers, so the
    bodies of the others are passed over in a stream, never held in memory."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    stats = stats if stats is not None else ReadStats()
    label = display(path)
    try:
        stream = open_regular(path)
    except ReadError as exc:
        yield Failure(source=label, stage=Stage.READ, error_type="ReadError", message=str(exc))
        return
    with stream:
        records = iter(ArchiveIterator(stream, parse_http=True, record_types=WarcRecordType.any_type))
        index = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except (OSError, ValueError) as exc:  # FastWARC's word for a corrupt or foreign stream
                yield Failure(
                    source=f"{label}#record-{index + 1}",
                    stage=Stage.READ,
                    error_type="ReadError",
                    message=f"unreadable WARC record: {exc}",
                )
                return
            index += 1
            record_id = record.headers.get("WARC-Record-ID") or f"record-{index}"
            source = f"{label}#{clean_text(record_id.strip('<>'))}"
            if record.record_type == WarcRecordType.no_type:
                yield Failure(
                    source=source,
                    stage=Stage.READ,
                    error_type="ReadError",
                    message="malformed WARC record (no valid WARC-Type header)",
                )
                continue
            if record.record_type != WarcRecordType.response:
                stats.skip(f"{record.record_type} record")
                continue
            # Headers first: a record that is not a page is passed over without reading its body.
            status = record.http_headers.status_code if record.http_headers is not None else None
            if status is not None and status != 200:
                stats.skip(f"HTTP {status} response")
                continue
            content_type = (record.http_content_type or "").lower()
            if content_type and content_type not in _HTML_TYPES:
                stats.skip("non-HTML response")
                continue
            if record.content_length > max_bytes:
                big = too_large(max_bytes, f"the record ({record.content_length:,} bytes)")
                yield Failure(source=source, stage=Stage.READ, error_type="TooLargeError", message=str(big))
                continue
            body = record.reader.read(max_bytes + 1)
            if len(body) < record.content_length:
                yield Failure(
                    source=source,
                    stage=Stage.READ,
                    error_type="ReadError",
                    message=f"truncated WARC record ({len(body)} of {record.content_length} bytes)",
                )
                continue
            try:
                text = _decode(body, record.http_charset)
                if not content_type and not looks_like_html(text):
                    stats.skip("non-HTML response")
                    continue
                target = record.headers.get("WARC-Target-URI")
                yield Page(
                    content=text,
                    kind=PageKind.HTML,
                    source=source,
                    url=clean_text(target) if target else None,
                    fetched=_fetched(record, source),
                )
            except ParseError as exc:
                yield Failure(
                    source=source, stage=Stage.READ, error_type=type(exc).__name__, message=str(exc)
                )
        if index == 0:
            error = ReadError("no WARC records in this file (not a WARC, or empty)")
            yield Failure(source=label, stage=Stage.READ, error_type=type(error).__name__, message=str(error))


@attrs.frozen
class WarcResponse:
    """One HTTP response to archive with :func:`write_warc`."""

    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    date: dt.datetime = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    record_type: str = "response"


def write_warc(
    path: Path, responses: Iterator[WarcResponse] | list[WarcResponse], *, gzip: bool = False
) -> int:
    """Write responses as WARC/1.1 records (gzip-compressed per record when asked); returns how many.

    Useful to package pages for a batch run and to build test corpora."""
    import gzip as gz
    import io
    import uuid

    from fastwarc.warc import WarcRecord, WarcRecordType

    count = 0
    with path.open("wb") as stream:
        for response in responses:
            record = WarcRecord()
            record.init_headers(
                record_type=getattr(WarcRecordType, response.record_type),
                record_urn=uuid.uuid5(uuid.NAMESPACE_URL, f"{response.url}#{count}").urn.encode(),
            )
            record.headers["WARC-Target-URI"] = response.url
            record.headers["WARC-Date"] = response.date.astimezone(dt.timezone.utc).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            )
            reason = "OK" if response.status == 200 else "Other"
            head = (
                f"HTTP/1.1 {response.status} {reason}\r\nContent-Type: {response.content_type}\r\n"
                f"Content-Length: {len(response.body)}\r\n\r\n"
            ).encode("latin-1")
            record.headers["Content-Type"] = "application/http; msgtype=response"
            record.set_bytes_content(head + response.body)
            buffer = io.BytesIO()
            record.write(buffer)
            # WARC.gz convention: one gzip member per record, so readers can seek to any record.
            stream.write(gz.compress(buffer.getvalue()) if gzip else buffer.getvalue())
            count += 1
    return count
