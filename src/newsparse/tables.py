"""Articles and failures as flat rows (one schema for both), for columnar output such as Parquet.

Dates stay ISO strings at their precision (the JSON contract), so no precision is invented.
"""

from __future__ import annotations

from typing import Any

from newsparse.convert import RECORD_TYPES, unstructure
from newsparse.models import Article, Failure

__all__ = ["article_row", "article_table_schema"]

_ARTICLE_COLUMNS = (
    "source", "url", "outlet", "language", "title", "subtitle", "agency", "published", "modified",
    "section", "plugin",
)  # fmt: skip
_FAILURE_COLUMNS = ("stage", "error_type", "message")


def article_row(result: Article | Failure, input_key: str) -> dict[str, Any]:
    """One row: the record's type, its fields (lists kept as lists) and the input id."""
    data = unstructure(result)
    row: dict[str, Any] = {"type": RECORD_TYPES[type(result)], "input_id": input_key}
    for column in (*_ARTICLE_COLUMNS, *_FAILURE_COLUMNS):
        row[column] = data.get(column)
    for column in ("authors", "tags", "paragraphs"):
        row[column] = data.get(column, [])
    row["images"] = data.get("images", [])
    return row


def article_table_schema() -> Any:
    """The pyarrow schema of :func:`article_row` rows."""
    import pyarrow as pa

    text = pa.string()
    fields = [pa.field("type", text), pa.field("input_id", text)]
    fields += [pa.field(column, text) for column in (*_ARTICLE_COLUMNS, *_FAILURE_COLUMNS)]
    fields += [pa.field(column, pa.list_(text)) for column in ("authors", "tags", "paragraphs")]
    image = pa.struct([pa.field("url", text), pa.field("caption", text), pa.field("credit", text)])
    fields.append(pa.field("images", pa.list_(image)))
    return pa.schema(fields)
