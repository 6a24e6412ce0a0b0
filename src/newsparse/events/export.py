"""Canonical events as two flat tables in the manner of GDELT: one row per event, one per mention.

JSON (through the converter) keeps the nested Event; analysts with spreadsheets, SQL or dataframes want
flat rows instead.  The events table names the first two participants as ``actor1``/``actor2`` (GDELT's
columns) and all of them in ``participant_ids``; the mentions table points back to its event by
``event_id`` and says which mentions support the event's date and place, so provenance survives the
flattening.  Dates stay ISO strings at their precision with the precision beside them: a month is never
written as its first day.

CSV needs nothing beyond the standard library; Parquet needs the ``parquet`` extra (pyarrow).

CSV cells are text that spreadsheets open: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return would be read as a formula (CSV injection), and sentences come from arbitrary pages.
Such a cell is written with a single quote before it, as OWASP recommends; Parquet columns are typed
data that no spreadsheet evaluates, and keep every value verbatim.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from newsparse.errors import ExportError
from newsparse.models import Actor, Event, Mention, Place, When
from newsparse.output import atomic_output, replacing
from newsparse.vocabulary import CAMEO

__all__ = [
    "EVENT_COLUMNS",
    "FORMULA_STARTS",
    "MENTION_COLUMNS",
    "ExportError",
    "csv_cell",
    "event_rows",
    "mention_rows",
    "write_csv_tables",
    "write_parquet_tables",
    "write_tables",
]

#: Columns of the events table, in order, with their type ("str", "int" or "bool").
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "str",
    "date": "str",
    "date_precision": "str",
    "kind": "str",
    "cameo": "str",
    "cameo_root": "str",
    "cameo_name": "str",
    "actor1_id": "str",
    "actor1_name": "str",
    "actor1_country": "str",
    "actor2_id": "str",
    "actor2_name": "str",
    "actor2_country": "str",
    "participant_ids": "str",
    "place_name": "str",
    "place_country": "str",
    "place_level": "str",
    "mention_count": "int",
    "article_count": "int",
    "outlet_count": "int",
    "first_reported": "str",
    "first_source": "str",
}

#: Columns of the mentions table, in order, with their type.
MENTION_COLUMNS: dict[str, str] = {
    "event_id": "str",
    "mention_index": "int",
    "source": "str",
    "outlet": "str",
    "published": "str",
    "kind": "str",
    "cameo": "str",
    "mode": "str",
    "participant_ids": "str",
    "date": "str",
    "date_precision": "str",
    "date_text": "str",
    "place_name": "str",
    "place_country": "str",
    "sentence": "str",
    "start": "int",
    "end": "int",
    "rule": "str",
    "supports_date": "bool",
    "supports_place": "bool",
}

#: How ``participant_ids`` joins several ids in one cell (ids are QIDs or slugs: never contain it).
ID_SEPARATOR = ";"

TABLE_FORMATS = ("csv", "parquet")

#: The first characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _iso(when: When | None) -> str | None:
    return when.isoformat() if when is not None else None


def _precision(when: When | None) -> str | None:
    return when.precision.value if when is not None else None


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_id": actor.id if actor else None,
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_country": actor.country if actor else None,
    }


def _place(place: Place | None) -> dict[str, Any]:
    return {
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
    }


def _ids(actors: Iterable[Actor]) -> str:
    return ID_SEPARATOR.join(dict.fromkeys(actor.id for actor in actors))


def event_rows(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """One flat row per event (keys are :data:`EVENT_COLUMNS`)."""
    for event in events:
        actors = event.participants
        yield {
            "event_id": event.id,
            "date": _iso(event.date),
            "date_precision": _precision(event.date),
            "kind": event.kind,
            "cameo": event.cameo,
            "cameo_root": event.cameo[:2] if len(event.cameo) > 2 else event.cameo,
            "cameo_name": CAMEO.get(event.cameo),
            **_actor("actor1", actors[0] if actors else None),
            **_actor("actor2", actors[1] if len(actors) > 1 else None),
            "participant_ids": _ids(actors),
            **_place(event.place),
            "place_level": event.place.level if event.place else None,
            "mention_count": len(event.mentions),
            "article_count": event.article_count,
            "outlet_count": event.outlet_count,
            "first_reported": _iso(event.first_reported),
            "first_source": event.first_source,
        }


def _mention_row(event: Event, index: int, mention: Mention) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "mention_index": index,
        "source": mention.source,
        "outlet": mention.outlet,
        "published": _iso(mention.published),
        "kind": mention.kind,
        "cameo": mention.cameo,
        "mode": mention.mode,
        "participant_ids": _ids(mention.participants),
        "date": _iso(mention.date),
        "date_precision": _precision(mention.date),
        "date_text": mention.date_text,
        **_place(mention.place),
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "rule": mention.rule,
        "supports_date": index in event.date_support,
        "supports_place": index in event.place_support,
    }


def mention_rows(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """One flat row per mention of every event (keys are :data:`MENTION_COLUMNS`), in event order."""
    for event in events:
        for index, mention in enumerate(event.mentions):
            yield _mention_row(event, index, mention)


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: empty for None, ``true``/``false`` for booleans, and text that a
    spreadsheet would evaluate (it begins with one of :data:`FORMULA_STARTS`) after a single quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(stream: IO[str], columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    writer = csv.DictWriter(stream, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})


def write_csv_tables(events: Sequence[Event], directory: Path) -> tuple[Path, Path]:
    """Write ``events.csv`` and ``mentions.csv`` (UTF-8, a header row, empty cell for no value) into
    ``directory`` (created if missing). Both are written to temporary files and renamed only when
    both are complete: after an error (a full disk is an OutputError) the folder holds the previous
    tables and no temporary file."""
    directory.mkdir(parents=True, exist_ok=True)
    events_path, mentions_path = directory / "events.csv", directory / "mentions.csv"
    with contextlib.ExitStack() as stack:
        events_stream = stack.enter_context(atomic_output(events_path, newline=""))
        mentions_stream = stack.enter_context(atomic_output(mentions_path, newline=""))
        _write_csv(events_stream, list(EVENT_COLUMNS), event_rows(events))
        _write_csv(mentions_stream, list(MENTION_COLUMNS), mention_rows(events))
    return events_path, mentions_path


def _arrow_schema(columns: dict[str, str]) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in columns.items()])


def write_parquet_tables(events: Sequence[Event], directory: Path) -> tuple[Path, Path]:
    """Write ``events.parquet`` and ``mentions.parquet`` (typed columns, nulls for no value) into
    ``directory``. Needs pyarrow (``pip install 'newsparse[parquet]'``)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError("Parquet tables need pyarrow: pip install 'newsparse[parquet]'") from exc
    directory.mkdir(parents=True, exist_ok=True)
    tables = (
        (directory / "events.parquet", EVENT_COLUMNS, event_rows(events)),
        (directory / "mentions.parquet", MENTION_COLUMNS, mention_rows(events)),
    )
    # both tables complete, then both renamed: never one new beside one old
    with replacing(*(path for path, _, _ in tables), report=directory) as temporaries:
        for (_, columns, rows), temporary in zip(tables, temporaries, strict=True):
            pq.write_table(pa.Table.from_pylist(list(rows), schema=_arrow_schema(columns)), str(temporary))
    return tables[0][0], tables[1][0]


def write_tables(events: Sequence[Event], directory: Path, fmt: str = "csv") -> tuple[Path, Path]:
    """The events and mentions tables in ``fmt`` ("csv" or "parquet"); returns their paths."""
    if fmt == "csv":
        return write_csv_tables(events, directory)
    if fmt == "parquet":
        return write_parquet_tables(events, directory)
    raise ExportError(f"unknown table format {fmt!r} (expected one of {', '.join(TABLE_FORMATS)})")
