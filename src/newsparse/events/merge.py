"""Merging mentions into canonical events.

This first version keeps every mention as its own event (no two mentions are merged), with an id that
depends only on the mention's content, so it is stable across machines and input orders.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from newsparse.convert import to_json
from newsparse.models import Event, Mention

__all__ = ["merge_mentions"]


def _event_id(mentions: Iterable[Mention]) -> str:
    digest = hashlib.sha256()
    for text in sorted(to_json(m) for m in mentions):
        digest.update(text.encode("utf-8"))
    return "ev-" + digest.hexdigest()[:16]


def merge_mentions(mentions: Iterable[Mention]) -> list[Event]:
    """Canonical events for the given mentions, sorted by id."""
    events = [
        Event(
            id=_event_id([m]),
            kind=m.kind,
            cameo=m.cameo,
            participants=m.participants,
            mentions=(m,),
            date=m.date,
            place=m.place,
            article_count=1,
            outlet_count=1,
            first_reported=m.published,
        )
        for m in mentions
    ]
    return sorted(events, key=lambda e: e.id)
