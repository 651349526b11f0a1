"""Exports and commands round-trip: what goes out reads back the same."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from wirelens.model import Analysis
from wirelens.store.commands import export_command, query_command, report_command
from wirelens.store.export import ACLED_COLUMNS, export
from wirelens.store.queries import Reader
from wirelens.store.writer import Store


@pytest.fixture
def filled(db: Path, analysis: Analysis) -> Path:
    with Store.open(db) as store:
        store.write(analysis)
    return db


def test_parquet_csv_jsonl_carry_the_acled_events(filled: Path, tmp_path: Path) -> None:
    with Reader.open(filled) as r:
        expected = r.query("SELECT * FROM acled_events ORDER BY article_id, event_ordinal")
    parquet, text, lines = tmp_path / "e.parquet", tmp_path / "e.csv", tmp_path / "e.jsonl"
    assert export(filled, "parquet", parquet) == 2
    assert export(filled, "csv", text) == 2
    assert export(filled, "jsonl", lines) == 2
    back = duckdb.sql(f"SELECT * FROM read_parquet('{parquet}')")
    assert tuple(back.columns[:13]) == ACLED_COLUMNS
    assert back.fetchall() == expected.rows
    with text.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0])[:13] == ACLED_COLUMNS
    assert rows[0]["event_date"] == "2024-03-04" and rows[0]["fatalities"] == "3"
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert [r["notes"] for r in records] == [row["notes"] for row in expected.records()]
    assert records[0]["geo_precision"] == 1 and records[0]["admin1"] == "Kharkiv Oblast"


def test_an_empty_store_exports_valid_empty_files(db: Path, tmp_path: Path) -> None:
    Store.open(db).close()
    for fmt in ("parquet", "csv", "jsonl"):
        assert export(db, fmt, tmp_path / f"e.{fmt}") == 0  # type: ignore[arg-type]
    columns = duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path / 'e.parquet'}')").columns
    assert tuple(columns[:13]) == ACLED_COLUMNS
    assert (tmp_path / "e.csv").read_text().split("\n")[0].split(",")[:13] == list(ACLED_COLUMNS)
    assert (tmp_path / "e.jsonl").read_text() == ""
    assert json.loads(_geojson(db, tmp_path)) == {"type": "FeatureCollection", "features": []}


def _geojson(db: Path, tmp_path: Path, table: str | None = None) -> str:
    out = tmp_path / "out.geojson"
    export(db, "geojson", out, table=table)
    return out.read_text(encoding="utf-8")


def test_places_leave_as_geojson_points(filled: Path, tmp_path: Path) -> None:
    collection = json.loads(_geojson(filled, tmp_path))
    features = collection["features"]
    assert len(features) == 5
    kyiv = next(f for f in features if f["properties"]["name"] == "Kyiv")
    assert kyiv["geometry"] == {"type": "Point", "coordinates": [30.5238, 50.45466]}
    assert kyiv["properties"]["government"] is True
    events = json.loads(_geojson(filled, tmp_path, "events"))["features"]
    assert [f["properties"]["location"] for f in events] == ["Zarichne", "Geneva"]


def test_query_command_formats(filled: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    sql = "SELECT name, role FROM entities WHERE label = 'PERSON' ORDER BY name"
    assert query_command(sql, db=str(filled), fmt="json", out=out, err=err) == 0
    assert json.loads(out.getvalue())[0] == {"name": "Iryna Bondar", "role": "mayor"}
    out = io.StringIO()
    assert query_command(sql, db=str(filled), fmt="csv", out=out, err=err) == 0
    assert out.getvalue().splitlines()[:2] == ["name,role", "Iryna Bondar,mayor"]
    out = io.StringIO()
    assert query_command(sql, db=str(filled), fmt="table", out=out, err=err) == 0
    assert out.getvalue().splitlines()[2].split() == ["Iryna", "Bondar", "mayor"]


def test_query_is_read_only_and_errors_are_exit_codes(filled: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert query_command("DELETE FROM articles", db=str(filled), fmt="table",
                         out=out, err=err) == 2
    assert "read-only" in err.getvalue()
    assert query_command("SELECT 1", db=str(tmp_path / "none.duckdb"), fmt="table",
                         out=out, err=err) == 3
    with Reader.open(filled) as r:
        assert r.counts()["articles"] == 1


def test_report_and_export_commands(filled: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert report_command(db=str(filled), out=out, err=err) == 0
    text = out.getvalue()
    assert "Iryna Bondar" in text and "mayor" in text and "Zarichne" in text
    assert "Explosions/Remote violence" in text and "2024-03-04" in text
    target = tmp_path / "places.csv"
    assert export_command(db=str(filled), fmt="csv", output=str(target), table="places",
                          err=err) == 0
    assert "5 rows" in err.getvalue() and target.exists()
    assert export_command(db=str(filled), fmt="geojson", output=str(target), table="quotes",
                          err=err) == 3
