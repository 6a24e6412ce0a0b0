"""The one converter: every model to JSON-ready data and back, losslessly.

The JSON contract (field names, ISO 8601 dates at their precision, a ``type`` on every record and a
``schema_version`` on every document) is read by other tools: extend it, never rename silently, and bump
:data:`SCHEMA_VERSION` when it changes.
"""

from __future__ import annotations

import base64
import json
from typing import Any, TypeVar

import cattrs
from cattrs.preconf.json import make_converter

from newsparse.errors import SchemaError
from newsparse.models import Actor, Article, Event, Failure, Image, Mention, Page, Place, When

__all__ = [
    "RECORD_TYPES",
    "SCHEMA_VERSION",
    "converter",
    "from_json",
    "record",
    "structure",
    "to_json",
    "unstructure",
]

#: Version of the JSON contract. 1: the foundation (Article, Mention, Event, Failure, Page).
#: 2: fields added, none renamed: Page ``fetched``; Place ``within`` and ``level``; Event
#: ``mention_count``, ``date_support``, ``place_support`` and ``first_source``; each line of
#: ``newsparse articles`` output carries ``input_id``. Records of version 1 still load.
#: 3: Mention ``article_id`` (the article's content id, which mention keys and event ids derive from
#: instead of the path it was read from). Records of versions 1 and 2 still load.
SCHEMA_VERSION = 3

#: The ``type`` written on each record, by model.
RECORD_TYPES: dict[type, str] = {
    Article: "article",
    Failure: "failure",
    Mention: "mention",
    Event: "event",
    Page: "page",
    Image: "image",
    Actor: "actor",
    Place: "place",
}
_TYPES_BY_NAME = {name: cls for cls, name in RECORD_TYPES.items()}

T = TypeVar("T")


def _make_converter() -> cattrs.Converter:
    # Unknown keys are refused: a typo such as "titel" must not load as an article without a title.
    conv = make_converter(forbid_extra_keys=True)

    # The contract is typed: refuse a number where a string belongs (cattrs would coerce it).
    def strict_str(value: Any, _: Any) -> str:
        if not isinstance(value, str):
            raise SchemaError(f"expected a string, got {type(value).__name__}")
        return value

    def strict_int(value: Any, _: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SchemaError(f"expected an integer, got {type(value).__name__}")
        return value

    conv.register_structure_hook(str, strict_str)
    conv.register_structure_hook(int, strict_int)
    conv.register_unstructure_hook(When, When.isoformat)
    conv.register_structure_hook(When, lambda value, _: _structure_when(value))

    def unstructure_content(value: str | bytes) -> Any:
        if isinstance(value, bytes):
            return {"base64": base64.b64encode(value).decode("ascii")}
        return value

    def structure_content(value: Any, _: Any) -> str | bytes:
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and isinstance(value.get("base64"), str):
            return base64.b64decode(value["base64"], validate=True)
        raise SchemaError("page content must be a string or {'base64': ...}")

    def is_content(tp: Any) -> bool:
        return bool(tp == (str | bytes))  # also equals typing.Union[str, bytes]

    conv.register_unstructure_hook_func(is_content, unstructure_content)
    conv.register_structure_hook_func(is_content, structure_content)
    return conv


def _structure_when(value: Any) -> When:
    if isinstance(value, When):
        return value
    if not isinstance(value, str):
        raise SchemaError(f"a date must be an ISO 8601 string, got {type(value).__name__}")
    return When.parse(value)


#: The converter instance. Use :func:`unstructure` / :func:`structure` rather than calling it directly.
converter = _make_converter()


def unstructure(obj: Any) -> Any:
    """A model (or a list of models) as JSON-ready data (dicts, lists, strings, numbers, None)."""
    return converter.unstructure(obj)


def structure(data: Any, cls: type[T]) -> T:
    """JSON-ready data back into a model; raises :class:`SchemaError` on data that does not fit."""
    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        detail = (
            "; ".join(cattrs.transform_error(exc)) if isinstance(exc, cattrs.BaseValidationError) else exc
        )
        raise SchemaError(f"not a valid {cls.__name__}: {detail}") from exc


def record(obj: Any) -> dict[str, Any]:
    """One model as a self-describing record: ``{"type": ..., "schema_version": ..., **fields}``."""
    cls = type(obj)
    if cls not in RECORD_TYPES:
        raise TypeError(f"not a newsparse model: {cls.__name__}")
    return {"type": RECORD_TYPES[cls], "schema_version": SCHEMA_VERSION, **unstructure(obj)}


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """A model as a JSON record (see :func:`record`); other JSON-ready data is dumped as it is."""
    data = record(obj) if type(obj) in RECORD_TYPES else unstructure(obj)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def from_json(text: str | bytes | dict[str, Any], cls: type[T]) -> T:
    """Read a record written by :func:`to_json` back into ``cls``.

    Checks the record's ``type`` (when present), refuses a ``schema_version`` newer than this
    library's and any key the model does not have (a typo such as ``"titel"`` is a SchemaError, not an
    article without a title). The envelope keys ``type``, ``schema_version`` and the ``input_id`` that
    ``newsparse articles`` writes on each line are not fields, and are set aside."""
    data: Any
    if isinstance(text, dict):
        data = dict(text)
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"not JSON: {exc}") from exc
    if isinstance(data, str) and cls is When:  # a value, written as its ISO string
        return structure(data, cls)
    if not isinstance(data, dict):
        raise SchemaError(f"expected a JSON object, got {type(data).__name__}")
    kind = data.pop("type", None)
    expected = RECORD_TYPES.get(cls)
    if kind is not None and expected is not None and kind != expected:
        raise SchemaError(f"record of type {kind!r} cannot be read as {cls.__name__}")
    if expected is not None:
        data.pop("input_id", None)  # a line of JSON Lines output names its input: not the model's field
    version = data.pop("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or version > SCHEMA_VERSION or version < 1:
        raise SchemaError(f"unsupported schema_version {version!r} (this library writes {SCHEMA_VERSION})")
    return structure(data, cls)


def model_for_type(name: str) -> type:
    """The model class behind a record ``type`` name."""
    try:
        return _TYPES_BY_NAME[name]
    except KeyError:
        raise SchemaError(f"unknown record type {name!r}") from None
