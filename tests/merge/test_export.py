"""Flat tables of events and mentions: CSV always, Parquet with pyarrow; JSON through the converter."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import attrs
import pytest

from newsparse.convert import from_json, to_json
from newsparse.events.export import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    ExportError,
    csv_cell,
    write_csv_tables,
    write_tables,
)
from newsparse.events.merge import merge_mentions
from newsparse.models import Event

from .seed_mentions import AL_MAYADEEN, NEWS_AZ, SEED_MENTIONS


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _filoli_event(events: list[Event]) -> Event:
    return next(e for e in events if e.place is not None and e.place.name == "Filoli")


def test_events_survive_json_through_the_converter() -> None:
    events = merge_mentions(SEED_MENTIONS)
    assert [from_json(to_json(e), Event) for e in events] == events
    data = json.loads(to_json(_filoli_event(events)))
    assert data["type"] == "event" and data["date"] == "2023-11" and data["mention_count"] == 3


def test_csv_tables_have_one_row_per_event_and_per_mention(tmp_path: Path) -> None:
    events = merge_mentions(SEED_MENTIONS)
    events_csv, mentions_csv = write_csv_tables(events, tmp_path / "out")
    event_rows, mention_rows = _read_csv(events_csv), _read_csv(mentions_csv)
    assert list(event_rows[0]) == list(EVENT_COLUMNS)
    assert list(mention_rows[0]) == list(MENTION_COLUMNS)
    assert [row["event_id"] for row in event_rows] == [e.id for e in events]
    assert len(mention_rows) == len(set(SEED_MENTIONS))

    filoli = _filoli_event(events)
    row = next(r for r in event_rows if r["event_id"] == filoli.id)
    assert (row["date"], row["date_precision"]) == ("2023-11", "month")
    assert (row["place_name"], row["place_country"], row["place_level"]) == ("Filoli", "USA", "venue")
    assert (row["cameo"], row["cameo_root"], row["cameo_name"]) == (
        "040",
        "04",
        "Consult, not specified below",
    )
    assert {row["actor1_id"], row["actor2_id"]} == {"Q6279", "Q15031"}
    assert row["participant_ids"] == "Q15031;Q6279"
    assert (row["mention_count"], row["article_count"], row["outlet_count"]) == ("3", "2", "2")
    assert (row["first_reported"], row["first_source"]) == ("2023-11-16", f"seeds/{NEWS_AZ}")

    own = [r for r in mention_rows if r["event_id"] == filoli.id]
    assert len(own) == 3
    supports_date = {r["source"] for r in own if r["supports_date"] == "true"}
    assert supports_date == {f"seeds/{AL_MAYADEEN}"}
    filoli_row = next(r for r in own if r["source"] == f"seeds/{NEWS_AZ}")
    assert (filoli_row["date"], filoli_row["supports_place"]) == ("", "true")
    assert filoli_row["sentence"] == "The meeting took place at Filoli Historic House"


def test_an_undated_placeless_event_leaves_those_cells_empty(tmp_path: Path) -> None:
    events = merge_mentions(SEED_MENTIONS)
    events_csv, _ = write_csv_tables(events, tmp_path)
    undated = [
        r for r in _read_csv(events_csv) if r["participant_ids"] == "person:antony-blinken;person:qin-gang"
    ]
    assert len(undated) == 1
    assert undated[0]["date"] == undated[0]["date_precision"] == undated[0]["place_name"] == ""


def test_parquet_tables_are_typed(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    events = merge_mentions(SEED_MENTIONS)
    events_path, mentions_path = write_tables(events, tmp_path, "parquet")
    table = pq.read_table(events_path)
    assert table.column_names == list(EVENT_COLUMNS)
    assert table.num_rows == len(events)
    assert str(table.schema.field("mention_count").type) == "int64"
    rows = {row["event_id"]: row for row in table.to_pylist()}
    assert rows[_filoli_event(events).id]["date"] == "2023-11"
    assert any(row["date"] is None for row in rows.values())
    mentions = pq.read_table(mentions_path).to_pylist()
    assert len(mentions) == len(set(SEED_MENTIONS))
    assert {type(row["supports_date"]) for row in mentions} == {bool}


def test_an_unknown_table_format_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown table format"):
        write_tables([], tmp_path, "xlsx")


# -- issue 18 item 20: CSV injection -------------------------------------------------------------------
_FORMULAS = ('=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tTab first", "\rReturn first")


def _hostile_events() -> list[Event]:
    """Seed events whose mention sentences and sources begin as spreadsheet formulas do."""
    mentions = [
        attrs.evolve(mention, sentence=formula + " " + mention.sentence, source=formula)
        for mention, formula in zip(SEED_MENTIONS, itertools.cycle(_FORMULAS))
    ]
    return merge_mentions(mentions)


def test_20_csv_cells_that_a_spreadsheet_would_evaluate_begin_with_a_quote(tmp_path: Path) -> None:
    events = _hostile_events()
    _, mentions_csv = write_csv_tables(events, tmp_path)
    rows = _read_csv(mentions_csv)
    assert len(rows) == len(set(SEED_MENTIONS))
    for row in rows:
        for column in ("sentence", "source"):
            assert row[column].startswith("'"), row[column]
            assert row[column][1:].startswith(_FORMULAS)
    assert {row["source"] for row in rows} == {"'" + formula for formula in _FORMULAS}
    # cells that begin otherwise are left as they are
    assert all(not row["participant_ids"].startswith("'") for row in rows)
    assert {row["place_country"] for row in rows} <= {"USA", "CHN", "IDN", ""}


def test_20_parquet_keeps_the_same_cells_verbatim(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    events = _hostile_events()
    _, mentions_path = write_tables(events, tmp_path, "parquet")
    rows = pq.read_table(mentions_path).to_pylist()
    assert {row["source"] for row in rows} == set(_FORMULAS)
    assert all(row["sentence"].startswith(_FORMULAS) for row in rows)


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("-", "'-"), ("a=b", "a=b"), (" =x", " =x"), ("", ""), (None, ""), (-5, -5),
     (True, "true")],
)  # fmt: skip
def test_20_csv_cell(value: object, cell: object) -> None:
    assert csv_cell(value) == cell
