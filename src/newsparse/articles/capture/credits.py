"""Who wrote or shot it: news agencies, photo credits, and the patterns outlets use to name them.

Outlets credit agencies in a handful of shapes ("... - Reuters", "citing TASS", "WASHINGTON (AP) --",
"via AFP") and credit photos in a few more ("caption. (AP)", "caption - AP", "Name/Pool Photo via AP").
The shapes live here once, as regular-expression fragments, so that an outlet's data sheet only picks
the ones it uses. The agency names are data (``newsparse/data/agencies.json``); an outlet adds its
own through :class:`newsparse.outlet.Credits` (``extra_agencies``), which recompiles its rules with
the longer list (:func:`with_agencies`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources

__all__ = [
    "AGENCIES",
    "AGENCY",
    "CREDIT",
    "agency_fragment",
    "agency_name",
    "expand",
    "with_agencies",
]


def _load_agencies() -> dict[str, str]:
    text = resources.files("newsparse.data").joinpath("agencies.json").read_text(encoding="utf-8")
    names = json.loads(text)["agencies"]
    if not isinstance(names, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in names.items()
    ):
        raise ValueError("newsparse/data/agencies.json: 'agencies' maps each spelling to a reported name")
    return names


#: Spellings of news agencies, mapped to the name newsparse reports (``Article.agency``).
AGENCIES: dict[str, str] = _load_agencies()


def agency_fragment(names: Mapping[str, str]) -> str:
    """A regular-expression fragment matching any of the spellings (longest first, so that "Thomson
    Reuters" wins over "Reuters")."""
    return "(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + ")"


#: A regular-expression fragment matching any known agency name (longest spelling first).
AGENCY = agency_fragment(AGENCIES)
_AGENCY_GROUP = f"(?P<agency>{AGENCY})"

#: A fragment matching a photo or copy credit: one to eight words, each starting with a letter, joined
#: by spaces, slashes, "via" or semicolons ("AP", "LEAH MILLIS/POOL/AFP via Getty", "Pool Photo via AP").
CREDIT = r"[^\W\d_][\w.&'’-]*(?:(?:\s+|\s*/\s*|;\s*)[^\W\d_][\w.&'’-]*){0,7}"


def expand(pattern: str) -> re.Pattern[str]:
    """Compile a data-sheet pattern, replacing ``{agency}`` by a named group of :data:`AGENCY` and
    ``{credit}`` by a named group of :data:`CREDIT`."""
    text = pattern.replace("{agency}", _AGENCY_GROUP).replace("{credit}", f"(?P<credit>{CREDIT})")
    return re.compile(text)


def with_agencies(regex: re.Pattern[str], fragment: str) -> re.Pattern[str]:
    """``regex`` with its ``{agency}`` group (as :func:`expand` wrote it) matching ``fragment``
    instead: how a rule written once against the core list also finds an outlet's own agencies."""
    if _AGENCY_GROUP not in regex.pattern:
        return regex
    return re.compile(regex.pattern.replace(_AGENCY_GROUP, f"(?P<agency>{fragment})"), regex.flags)


def agency_name(text: str, names: Mapping[str, str] | None = None) -> str:
    """The reported name of an agency as an outlet spells it (``Associated Press`` -> ``AP``); unknown
    names are returned as written. ``names`` maps lower-cased spellings to reported names (default:
    the core list)."""
    cleaned = text.strip()
    return (_AGENCY_KEYS if names is None else names).get(cleaned.lower(), cleaned)


_AGENCY_KEYS = {name.lower(): canonical for name, canonical in AGENCIES.items()}
