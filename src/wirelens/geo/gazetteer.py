"""Offline place lookup: names → GeoNames entries, from one SQLite file.

The file is built once by :func:`wirelens.geo.build.build_gazetteer` from the
installed packages and opened read-only; a lookup is two index probes plus an
LRU cache for the names a corpus repeats.

Ranking (best first):

1. *exact* matches — the name equals a preferred or alternate name, ignoring
   case, accents and punctuation — before *folded* ones (equal only after
   :func:`fold`);
2. within a tier, by a score fixed at build time: log10(population), +0.75 for a
   preferred name, +100 for countries, +1 for an official admin-1 name and -1
   for a bare one ("Donetsk" the region), +0.5 here when the case matches too
   ("US" the country over "Us" the village).  So population can outweigh the
   preferred/alternate distinction: "St. Petersburg" is the preferred name of
   the Florida city but the Russian one (twenty times larger) comes first.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from wirelens.errors import ConfigError
from wirelens.geo.names import DEMONYMS, fold, plain_key
from wirelens.geo.version import DATA_VERSION, source_versions

__all__ = ["DATA_VERSION", "Gazetteer", "GeoEntry", "Match", "default_path", "fold"]

MatchHow = Literal["preferred", "alternate", "folded"]

# An exact-case hit ("US" written as stored) beats a case-folded one by this much.
_CASE_BONUS = 0.5
_LOOKUP_CACHE = 65536
_NOT_LETTER = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One place.  Synthetic entries (our admin-1 units, named regions) have negative ids."""

    geonameid: int
    name: str
    country_code: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    population: int
    # True when lat/lon are a population-weighted centroid of towns, not a given point.
    centroid: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """Why ``entry`` answered a query: through ``matched_name``, and ``how``."""

    entry: GeoEntry
    matched_name: str
    how: MatchHow
    score: float


def _case_key(name: str) -> str:
    # Case kept, punctuation and spacing dropped: "St. Petersburg" and the
    # stored "St Petersburg" agree in case; "US" and "Us" do not.
    return _NOT_LETTER.sub("", name)


def default_path() -> Path:
    """``$WIRELENS_HOME/gazetteer-<DATA_VERSION>.sqlite``, else under ``~/.cache/wirelens``."""
    home = os.environ.get("WIRELENS_HOME")
    base = Path(home) if home else Path.home() / ".cache" / "wirelens"
    return base / f"gazetteer-{DATA_VERSION}.sqlite"


_LOOKUP_SQL = (
    "SELECT gid, name, plain, preferred, case_sensitive, score FROM name "
    "WHERE plain = ?1 UNION ALL "
    "SELECT gid, name, plain, preferred, case_sensitive, score FROM name "
    "WHERE folded = ?2 AND plain != ?1"
)
_HAS_SQL = (
    "SELECT 1 FROM name WHERE (plain = ?1 OR folded = ?2) "
    "AND (case_sensitive = 0 OR name = ?3) LIMIT 1"
)
_ENTRY_SQL = (
    "SELECT gid, name, country_code, country, admin1, lat, lon, feature_class, "
    "feature_code, population, centroid FROM entry WHERE gid = ?"
)


class Gazetteer:
    """Read-only lookups in a built index.  Thread-safe; cheap to share."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # immutable=1: the file never changes under us, so SQLite skips locking.
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        self.meta: dict[str, str] = {str(k): str(v) for k, v in meta.items()}
        self._entries: dict[int, GeoEntry] = {}
        self._cached_matches = lru_cache(maxsize=_LOOKUP_CACHE)(self._lookup_matches)
        self._cached_has = lru_cache(maxsize=_LOOKUP_CACHE)(self._has_name)

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Open the index at ``path`` (default :func:`default_path`), building it if missing.

        An index built by another ``DATA_VERSION`` or from other package versions
        is rebuilt, so a package upgrade never leaves stale answers.
        """
        # The builder is imported only when needed: reading never pays for it.
        from wirelens.geo.build import build_gazetteer

        target = path if path is not None else default_path()
        if not target.exists():
            build_gazetteer(target)
        try:
            gaz = cls(target)
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"{target}: not a wirelens gazetteer ({exc})") from exc
        if gaz.meta != source_versions():
            gaz.close()
            build_gazetteer(target)
            gaz = cls(target)
        return gaz

    def close(self) -> None:
        self._con.close()

    def lookup(self, name: str) -> tuple[GeoEntry, ...]:
        """Every entry ``name`` may denote, best first (see the module docstring)."""
        return tuple(m.entry for m in self.lookup_matches(name))

    def lookup_matches(self, name: str) -> tuple[Match, ...]:
        """Like :meth:`lookup`, with the name that matched and how (cached)."""
        return self._cached_matches(name)

    def has_name(self, name: str) -> bool:
        """Whether any entry answers to ``name`` (one index probe, cached)."""
        return self._cached_has(name)

    def get(self, geonameid: int) -> GeoEntry | None:
        cached = self._entries.get(geonameid)
        if cached is not None:
            return cached
        with self._lock:
            row = self._con.execute(_ENTRY_SQL, (geonameid,)).fetchone()
        if row is None:
            return None
        gid, name, cc, country, admin1, lat, lon, fclass, fcode, population, centroid = row
        entry = GeoEntry(
            geonameid=gid, name=name, country_code=cc, country=country, admin1=admin1,
            lat=lat, lon=lon, feature_class=fclass, feature_code=fcode,
            population=population, centroid=bool(centroid),
        )
        self._entries[geonameid] = entry
        return entry

    # The uncached bodies of lookup_matches and has_name.

    def _lookup_matches(self, name: str) -> tuple[Match, ...]:
        query = name.strip()
        plain = plain_key(query)
        # Demonyms are not places, whatever a transliteration fold may match.
        if not plain or plain in DEMONYMS:
            return ()
        folded = fold(query)
        case_key = _case_key(query)
        with self._lock:
            rows: Sequence[tuple[int, str, str, int, int, float]] = self._con.execute(
                _LOOKUP_SQL, (plain, folded)
            ).fetchall()
        best: dict[int, tuple[int, float, str, MatchHow]] = {}
        for gid, stored, stored_plain, preferred, case_sensitive, score in rows:
            exact_case = _case_key(stored) == case_key
            if case_sensitive and stored != query:
                continue
            tier = 0 if stored_plain == plain else 1
            how: MatchHow = "folded" if tier else ("preferred" if preferred else "alternate")
            total = score + (_CASE_BONUS if exact_case else 0.0)
            old = best.get(gid)
            if old is None or (tier, -total) < (old[0], -old[1]):
                best[gid] = (tier, total, stored, how)
        ranked = sorted(best.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))
        matches = []
        for gid, (_, total, stored, how) in ranked:
            entry = self.get(gid)
            if entry is not None:
                matches.append(Match(entry, stored, how, round(total, 3)))
        return tuple(matches)

    def _has_name(self, name: str) -> bool:
        query = name.strip()
        plain = plain_key(query)
        if not plain or plain in DEMONYMS:
            return False
        with self._lock:
            row = self._con.execute(_HAS_SQL, (plain, fold(query), query)).fetchone()
        return row is not None
