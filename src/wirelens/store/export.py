"""Tables out of the store as Parquet, CSV, JSON Lines or GeoJSON.

>>> export("corpus.duckdb", "csv", "events.csv")            # ACLED columns
>>> export("corpus.duckdb", "geojson", "places.geojson")    # one Point per place mention

Events leave under ACLED's column names (the ``acled_events`` view, see
``docs/schema.md``), so ACLED workflows read them as they are.  Parquet, CSV
and JSON Lines are written by DuckDB's ``COPY``; an empty table still gives a
valid file with every column (a header-only CSV, an empty JSONL file).  The
output appears whole or not at all: it is written beside ``out`` and renamed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal, get_args

from wirelens.store.connect import DEFAULT_LOCK_TIMEOUT, StoreError
from wirelens.store.queries import Reader

__all__ = ["ACLED_COLUMNS", "EXPORT_TABLES", "FORMATS", "ExportFormat", "export"]

ExportFormat = Literal["parquet", "csv", "jsonl", "geojson"]
FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)

#: ACLED's names, first and in this order in every events export.
ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)

#: What each exportable table selects, in a stable order so exports diff cleanly.
EXPORT_TABLES: dict[str, str] = {
    "events": "SELECT * FROM acled_events ORDER BY article_id, event_ordinal",
    "places": "SELECT * FROM places ORDER BY article_id, ordinal",
    "quotes": "SELECT * FROM quotes ORDER BY article_id, ordinal",
    "entities": "SELECT * FROM entities ORDER BY article_id, ordinal",
    "mentions": "SELECT * FROM mentions ORDER BY article_id, entity_id, ordinal",
    "articles": "SELECT * FROM articles ORDER BY url NULLS LAST, version, id",
    "failures": "SELECT * FROM failures ORDER BY failed_at, source",
}

#: The tables that have coordinates, for GeoJSON.
_GEO_QUERIES: dict[str, str] = {
    "places": """
        SELECT p.lon, p.lat, p.article_id, p.ordinal, p.name, p.text, p.start_char, p.end_char,
               p.geonameid, p.country, p.admin1, p.feature_code, p.precision, p.confidence,
               p.government, a.title, a.url, a.published
        FROM places p JOIN articles a ON a.id = p.article_id
        WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
        ORDER BY p.article_id, p.ordinal
    """,
    "events": """
        SELECT longitude, latitude, * EXCLUDE (longitude, latitude) FROM acled_events
        WHERE latitude IS NOT NULL AND longitude IS NOT NULL
        ORDER BY article_id, event_ordinal
    """,
}

_COPY_OPTIONS: dict[str, str] = {
    "parquet": "FORMAT parquet",
    "csv": "FORMAT csv, HEADER true",
    "jsonl": "FORMAT json",  # DuckDB writes newline-delimited JSON
}

# Rows fetched at a time for GeoJSON, so a large corpus never sits in memory whole.
_FETCH = 10_000


def export(
    db: str | Path, fmt: ExportFormat, out: str | Path, *, table: str | None = None,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> int:
    """Write ``table`` of ``db`` to ``out`` in ``fmt``; return the number of rows.

    ``table`` defaults to ``events`` (``places`` for GeoJSON).  Raises
    :class:`StoreError` for an unknown format or table.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: choose from {', '.join(FORMATS)}")
    table = table or ("places" if fmt == "geojson" else "events")
    choices = _GEO_QUERIES if fmt == "geojson" else EXPORT_TABLES
    if table not in choices:
        raise StoreError(
            f"cannot export {table!r} as {fmt}: choose from {', '.join(sorted(choices))}"
        )
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial")
    with Reader.open(db, lock_timeout=lock_timeout, external_access=True) as reader:
        if fmt == "geojson":
            rows = _write_geojson(reader, choices[table], partial)
        else:
            rows = _copy(reader, choices[table], fmt, partial)
    os.replace(partial, out)
    return rows


def _copy(reader: Reader, select: str, fmt: str, path: Path) -> int:
    # COPY takes no parameter for its target: the path is quoted as an SQL literal.
    target = "'" + str(path).replace("'", "''") + "'"
    result = reader.query(f"COPY ({select}) TO {target} ({_COPY_OPTIONS[fmt]})")
    return int(result.rows[0][0]) if result.rows else 0


def _write_geojson(reader: Reader, select: str, path: Path) -> int:
    """A FeatureCollection of Points, streamed: one feature per line."""
    cursor = reader.connection.execute(select)
    names = [d[0] for d in cursor.description or ()]
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        while batch := cursor.fetchmany(_FETCH):
            for row in batch:
                lon, lat, *rest = row
                feature = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {k: _plain(v) for k, v in zip(names[2:], rest, strict=True)},
                }
                handle.write((",\n" if count else "")
                             + json.dumps(feature, ensure_ascii=False, allow_nan=False))
                count += 1
        handle.write("\n]}\n")
    return count


def _plain(value: Any) -> Any:
    # Dates and timestamps leave as ISO strings; everything else is already JSON.
    return value.isoformat() if hasattr(value, "isoformat") else value
