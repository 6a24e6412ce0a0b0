"""The shared vocabulary of event mentions: kinds, modes and their CAMEO codes.

Extractors (which find mentions) and the merger (which decides what is the same event) must agree on
these words, so they live here, once.
"""

from __future__ import annotations

import enum

__all__ = [
    "CAMEO",
    "DEFAULT_CAMEO",
    "DEFAULT_MODE",
    "KIND_ALIASES",
    "MERGE_FAMILY",
    "Kind",
    "Mode",
    "PlaceLevel",
    "kind_of",
]


class Kind(str, enum.Enum):
    """What sort of contact a mention reports."""

    MEETING = "meeting"  # talks, a meeting, a summit of leaders, "a day of meetings"
    VISIT = "visit"  # one side travels to the other (CAMEO 042 make / 043 host a visit)
    CALL = "call"  # a telephone call
    VIDEO_CALL = "video_call"  # a videoconference
    INTENT = "intent_to_meet"  # an announced intent to meet (CAMEO 036), never the meeting itself


class Mode(str, enum.Enum):
    """How the participants were in contact."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


#: CAMEO event codes used by newsparse, with their CAMEO names.
CAMEO: dict[str, str] = {
    "036": "Express intent to meet or negotiate",
    "040": "Consult, not specified below",
    "041": "Discuss by telephone",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a third location",
    "046": "Engage in negotiation",
}

#: The CAMEO code of a kind when nothing more specific is known.
DEFAULT_CAMEO: dict[Kind, str] = {
    Kind.MEETING: "040",
    Kind.VISIT: "042",
    Kind.CALL: "041",
    Kind.VIDEO_CALL: "040",
    Kind.INTENT: "036",
}

#: The mode a kind implies.
DEFAULT_MODE: dict[Kind, Mode | None] = {
    Kind.MEETING: Mode.IN_PERSON,
    Kind.VISIT: Mode.IN_PERSON,
    Kind.CALL: Mode.PHONE,
    Kind.VIDEO_CALL: Mode.VIDEO,
    Kind.INTENT: None,
}


#: Words an extractor may write for a kind, and the kind they mean.  "talks", "a summit" and "a day of
#: meetings" are meetings: the merger reads every kind through :func:`kind_of`.
KIND_ALIASES: dict[str, Kind] = {
    "talks": Kind.MEETING,
    "meetings": Kind.MEETING,
    "summit": Kind.MEETING,
    "negotiation": Kind.MEETING,
    "consultation": Kind.MEETING,
    "hosting": Kind.VISIT,
    "trip": Kind.VISIT,
    "phone_call": Kind.CALL,
    "telephone": Kind.CALL,
    "video": Kind.VIDEO_CALL,
    "videoconference": Kind.VIDEO_CALL,
    "video_conference": Kind.VIDEO_CALL,
    "intent": Kind.INTENT,
}

#: Kinds that can describe the same real-world contact share a family: "Xi hosted Biden" and "Biden met
#: Xi" report one meeting, but a call is never a meeting, nor an announced intent the meeting itself.
MERGE_FAMILY: dict[Kind, str] = {
    Kind.MEETING: "in_person",
    Kind.VISIT: "in_person",
    Kind.CALL: "call",
    Kind.VIDEO_CALL: "video_call",
    Kind.INTENT: "intent",
}


def kind_of(word: str) -> Kind | None:
    """The kind a mention's ``kind`` word means (a Kind value or an alias), or None for a word not in
    the vocabulary."""
    key = word.strip().casefold().replace(" ", "_").replace("-", "_")
    try:
        return Kind(key)
    except ValueError:
        return KIND_ALIASES.get(key)


class PlaceLevel(str, enum.Enum):
    """How large a place is (``Place.level``). A country contains every place that names it."""

    VENUE = "venue"
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"
