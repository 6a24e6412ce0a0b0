"""Who wrote or shot it: news agencies, photo credits, and the patterns outlets use to name them.

Outlets credit agencies in a handful of shapes ("... - Reuters", "citing TASS", "WASHINGTON (AP) --",
"via AFP") and credit photos in a few more ("caption. (AP)", "caption - AP", "Name/Pool Photo via AP").
The shapes live here once, as regular-expression fragments and ready rules, so that an outlet's data
sheet only picks the ones it uses.
"""

from __future__ import annotations

import re

__all__ = [
    "AGENCIES",
    "AGENCY",
    "CREDIT",
    "agency_name",
    "expand",
]

#: Spellings of news agencies, mapped to the name newsparse reports (``Article.agency``).
AGENCIES: dict[str, str] = {
    "Reuters": "Reuters",
    "Thomson Reuters": "Reuters",
    "AP": "AP",
    "Associated Press": "AP",
    "The Associated Press": "AP",
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "TASS": "TASS",
    "Xinhua": "Xinhua",
    "Bernama": "Bernama",
    "Anadolu": "Anadolu",
    "Anadolu Agency": "Anadolu",
    "dpa": "dpa",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "Kyodo": "Kyodo",
    "Yonhap": "Yonhap",
    "PTI": "PTI",
    "IANS": "IANS",
    "ANI": "ANI",
    "UPI": "UPI",
    "Interfax": "Interfax",
    "RIA Novosti": "RIA Novosti",
    "Sputnik": "Sputnik",
    "IRNA": "IRNA",
    "WAM": "WAM",
    "SANA": "SANA",
    "AzerTac": "AzerTac",
    "APA": "APA",
    "Trend": "Trend",
}

_AGENCY_KEYS = {name.lower(): canonical for name, canonical in AGENCIES.items()}

#: A regular-expression fragment matching any known agency name (longest spelling first).
AGENCY = "(?:" + "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True)) + ")"

#: A fragment matching a photo or copy credit: one to eight words, each starting with a letter, joined
#: by spaces, slashes, "via" or semicolons ("AP", "LEAH MILLIS/POOL/AFP via Getty", "Pool Photo via AP").
CREDIT = r"[^\W\d_][\w.&'’-]*(?:(?:\s+|\s*/\s*|;\s*)[^\W\d_][\w.&'’-]*){0,7}"


def expand(pattern: str) -> re.Pattern[str]:
    """Compile a data-sheet pattern, replacing ``{agency}`` by a named group of :data:`AGENCY` and
    ``{credit}`` by a named group of :data:`CREDIT`."""
    text = pattern.replace("{agency}", f"(?P<agency>{AGENCY})").replace("{credit}", f"(?P<credit>{CREDIT})")
    return re.compile(text)


def agency_name(text: str) -> str:
    """The reported name of an agency as an outlet spells it (``Associated Press`` -> ``AP``); unknown
    names are returned as written."""
    cleaned = text.strip()
    return _AGENCY_KEYS.get(cleaned.lower(), cleaned)
