"""The bodies of ``wirelens ingest | query | export | report``.

Each takes plain arguments and the streams to write to, and returns the exit
code; ``cli.py`` only parses options and calls one of them.  Exit codes are the
CLI's (see ``wirelens.cli``): 0 all well, 1 some documents failed, 2 a usage
error (here: SQL DuckDB rejects), 3 nothing could be done (no input, no
database, the database locked or from a newer wirelens).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wirelens.errors import ConfigError
from wirelens.store.connect import StoreError
from wirelens.store.export import ExportFormat, export
from wirelens.store.queries import QueryError, Reader, Table

if TYPE_CHECKING:
    from wirelens.batch import Engine

__all__ = [
    "export_command",
    "format_table",
    "ingest_command",
    "outlets_command",
    "query_command",
    "render_report",
    "report_command",
]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3

#: Failures listed in an ingest summary; the rest are in the failures table.
_LISTED_FAILURES = 20


def _err(stream: TextIO, message: str) -> None:
    stream.write(f"wirelens: {message}\n")


def ingest_command(
    paths: Sequence[str], *, db: str, workers: int | None, progress: bool, err: TextIO,
    engine: Engine = "local", scheduler: str | None = None, outlet_homes: str | None = None,
) -> int:
    """``wirelens ingest``: store every new article, then summarise the run on ``err``."""
    from functools import partial

    from wirelens.batch import DEFAULT_CHUNK_SIZE, ingest
    from wirelens.batch.local import build_pipeline
    from wirelens.geo.outlets import read_outlet_homes

    try:
        factory = None
        if outlet_homes is not None:
            factory = partial(build_pipeline, batch_size=DEFAULT_CHUNK_SIZE,
                              outlet_homes=read_outlet_homes(outlet_homes))
        summary = ingest(paths, db=db, workers=workers, progress=progress, engine=engine,
                         scheduler=scheduler, factory=factory)
    except (StoreError, ConfigError) as exc:
        _err(err, f"error: {exc}")
        return EXIT_NOTHING
    rate = summary.analysed / summary.seconds if summary.seconds else 0.0
    err.write(
        f"{db}: read {summary.read}, analysed {summary.analysed}, "
        f"already stored {summary.skipped}, failed {summary.failed} "
        f"in {summary.seconds:.1f} s ({rate:.1f} articles/s, {summary.workers} workers)\n"
    )
    if summary.dedup is not None and (summary.dedup.stories or summary.dedup.links):
        err.write(f"{db}: {summary.dedup.stories} stories of republished articles and "
                  f"{summary.dedup.links} repeated quotes new or grown\n")
    for failure in summary.failures[:_LISTED_FAILURES]:
        _err(err, f"error: {failure} [{failure.code}]")
    if summary.failed > _LISTED_FAILURES:
        _err(err, f"... and {summary.failed - _LISTED_FAILURES} more: "
                  f"wirelens query \"SELECT * FROM failures WHERE run_id = '{summary.run_id}'\"")
    if summary.read == 0 and summary.failed:
        return EXIT_NOTHING
    return EXIT_PARTIAL if summary.failed else EXIT_OK


def outlets_command(*, db: str, out: TextIO, err: TextIO, min_articles: int | None = None,
                    min_share: float | None = None) -> int:
    """``wirelens outlets``: each local outlet's home unit, learned from its stored articles."""
    from wirelens.geo.outlets import (
        MIN_ARTICLES,
        MIN_SHARE,
        homes_from_units,
        outlet_key,
        write_outlet_homes,
    )

    try:
        with Reader.open(db) as reader:
            rows = reader.outlet_units().rows
    except StoreError as exc:
        _err(err, f"error: {exc}")
        return EXIT_NOTHING
    homes = homes_from_units(
        ((outlet_key(url, outlet), {(u[0], u[1]) for u in units or ()})
         for _, url, outlet, units in rows),
        min_articles=MIN_ARTICLES if min_articles is None else min_articles,
        min_share=MIN_SHARE if min_share is None else min_share)
    out.write(write_outlet_homes(homes))
    outlets = len({k for _, url, outlet, _ in rows if (k := outlet_key(url, outlet))})
    err.write(f"{db}: {len(homes)} of {outlets} outlets have a home "
              f"({len(rows)} articles)\n")
    return EXIT_OK


def query_command(sql: str, *, db: str, fmt: str, out: TextIO, err: TextIO) -> int:
    """``wirelens query``: run read-only SQL, print the result as a table, CSV or JSON."""
    try:
        with Reader.open(db) as reader:
            table = reader.query(sql)
    except QueryError as exc:
        _err(err, f"error: {exc}")
        return EXIT_USAGE
    except StoreError as exc:
        _err(err, f"error: {exc}")
        return EXIT_NOTHING
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(table.rows)
    elif fmt == "json":
        out.write(json.dumps(table.records(), ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        out.write(format_table(table) + "\n")
    return EXIT_OK


def export_command(
    *, db: str, fmt: ExportFormat, output: str, table: str | None, err: TextIO
) -> int:
    """``wirelens export``: one table to a file; the row count goes to ``err``."""
    try:
        rows = export(db, fmt, output, table=table)
    except StoreError as exc:
        _err(err, f"error: {exc}")
        return EXIT_NOTHING
    err.write(f"{rows} rows written to {output}\n")
    return EXIT_OK


def report_command(*, db: str, out: TextIO, err: TextIO, limit: int = 15) -> int:
    """``wirelens report``: speakers, people, places and events across the corpus."""
    try:
        with Reader.open(db) as reader:
            out.write(render_report(reader, db=db, limit=limit))
    except StoreError as exc:
        _err(err, f"error: {exc}")
        return EXIT_NOTHING
    return EXIT_OK


def render_report(reader: Reader, *, db: str, limit: int = 15) -> str:
    """The corpus report as plain text: one titled table per question."""
    counts = reader.counts()
    versions = counts["articles"] - counts["latest_articles"]
    lines = [
        f"Corpus {Path(db).name}: {counts['articles']} articles"
        + (f" ({versions} superseded versions)" if versions else "")
        + f", {counts['entities']} entities, {counts['quotes']} quotes, "
        f"{counts['places']} places, {counts['events']} events, {counts['runs']} runs",
        "",
    ]
    sections = (
        ("Top speakers (by quotes)", reader.top_speakers(limit=limit)),
        ("Top people (by articles)", reader.top_people(limit=limit)),
        ("Top places (by mentions)", reader.top_places(limit=limit)),
        ("Events by type and week", reader.event_counts()),
        ("Largest stories (republished N times under M outlets)",
         reader.largest_stories(limit=limit)),
        ("Quotes attributed to different speakers", reader.conflicting_quotes(limit=limit)),
        ("Failures in the latest run", reader.failures()),
    )
    for title, table in sections:
        lines.append(title)
        lines.append(format_table(table) if table.rows else "  (none)")
        lines.append("")
    return "\n".join(lines)


def format_table(table: Table, *, max_width: int = 60) -> str:
    """Columns padded to their widest cell (cut at ``max_width``), a rule under the header."""
    cells = [[_cell(v, max_width) for v in row] for row in table.rows]
    header = list(table.columns)
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    rows = [header, ["-" * w for w in widths], *cells]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)


def _cell(value: Any, max_width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= max_width else text[: max_width - 1] + "…"
