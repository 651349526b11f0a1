"""The single write path into the store.

>>> with Store.open("corpus.duckdb") as store:
...     run = store.begin_run(paths=["news/"], workers=2)
...     store.write(analysis, run_id=run)        # one document, one transaction
...     store.write_many(analyses, run_id=run)   # a chunk, one transaction
...     store.end_run(run, counts)

Every document goes in inside one transaction: its article row and all its
entities, mentions, quotes, places and events, or nothing.  The article id is a
content hash and the primary key, so writing the same analysis twice changes
nothing.  The same URL with different text is a new id, stored as the next
``version`` of that URL with ``previous_id`` pointing at the one before.

Open the store for a batch and close it again: while a Store is open no other
process can read the file (see :mod:`wirelens.store.connect`).
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from wirelens import __version__
from wirelens.model import Analysis, Failure
from wirelens.store import dedup
from wirelens.store.connect import DEFAULT_LOCK_TIMEOUT, StoreError, connect
from wirelens.store.dedup import DedupCounts
from wirelens.store.schema import migrate

__all__ = ["RunCounts", "Store"]

Columns = dict[str, list[Any]]

#: Column types of the latest schema's tables, by table, read once per process.
_COLUMN_TYPES: dict[str, dict[str, str]] = {}


@dataclass(frozen=True, slots=True)
class RunCounts:
    """What a run did, as stored in ``runs``: see :class:`wirelens.batch.RunSummary`."""

    read: int
    analysed: int
    skipped: int
    failed: int


class Store:
    """An open, migrated store.  Use :meth:`open`, and close it (or use ``with``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._con = con
        self.path = path

    @classmethod
    def open(
        cls, path: str | Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        migrated: bool = False,
    ) -> Store:
        """Open (creating if need be) and migrate the store at ``path``.

        ``migrated=True`` skips the schema check, for a process that reopens a
        store it has itself opened and migrated (an ingest reopens it per batch).
        """
        path = Path(path)
        con = connect(path, read_only=False, timeout=lock_timeout)
        if migrated:
            return cls(con, path)
        try:
            migrate(con)
        except ValueError as err:
            con.close()
            raise StoreError(f"{path}: {err}") from None
        return cls(con, path)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- documents ---------------------------------------------------------

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` that are already stored."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self._con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def write(self, analysis: Analysis, *, run_id: str | None = None) -> bool:
        """Store one analysis atomically; False when its article id was already stored."""
        return self.write_many([analysis], run_id=run_id)[0]

    def write_many(self, analyses: Sequence[Analysis], *, run_id: str | None = None
                   ) -> list[bool]:
        """Store a chunk of analyses in one transaction: each one whole, or none at all.

        One INSERT per table for the whole chunk: a transaction and nine statements per
        document made writing 14 ms of every article (bench/bench_ingest.py, profiled).
        Returns, per analysis, False when its article id was already stored (or came
        twice in the chunk).
        """
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            stored = self.stored_ids([a.article.id for a in analyses])
            latest = self._latest_versions({a.article.url for a in analyses if a.article.url})
            articles: Columns = _columns(
                "id url version previous_id title outlet published language author source text"
                " article_warnings warnings run_id")
            children: dict[str, Columns] = {}
            written: list[bool] = []
            for analysis in analyses:
                article = analysis.article
                if article.id in stored:
                    written.append(False)
                    continue
                stored.add(article.id)
                version, previous = 1, None
                if article.url is not None:
                    if article.url in latest:
                        version, previous = latest[article.url][0] + 1, latest[article.url][1]
                    latest[article.url] = (version, article.id)
                for name, value in (
                    ("id", article.id), ("url", article.url), ("version", version),
                    ("previous_id", previous), ("title", article.title),
                    ("outlet", article.outlet), ("published", article.published),
                    ("language", article.language), ("author", article.author),
                    ("source", article.source), ("text", article.text),
                    ("article_warnings", list(article.warnings)),
                    ("warnings", list(analysis.warnings)), ("run_id", run_id),
                ):
                    articles[name].append(value)
                for table, columns in child_rows(analysis).items():
                    merged = children.setdefault(table, {name: [] for name in columns})
                    for name, values in columns.items():
                        merged[name].extend(values)
                written.append(True)
            self._insert("articles", articles)
            for table, columns in children.items():
                self._insert(table, columns)
            con.execute("COMMIT")
        except BaseException:
            # Anything, a KeyboardInterrupt included, leaves no partial document.
            con.execute("ROLLBACK")
            raise
        return written

    def _latest_versions(self, urls: set[str]) -> dict[str, tuple[int, str]]:
        """The newest stored (version, id) of each URL."""
        if not urls:
            return {}
        rows = self._con.execute(
            "SELECT url, max(version), arg_max(id, version) FROM articles"
            " WHERE url IN (SELECT unnest(?::VARCHAR[])) GROUP BY url", [sorted(urls)],
        ).fetchall()
        return {str(url): (int(version), str(aid)) for url, version, aid in rows}

    def _insert(self, table: str, columns: Columns) -> None:
        """One INSERT per table and document, each column passed as a typed list.

        ``unnest`` over list parameters was about six times faster than
        ``executemany`` for a document's mentions (120 rows: 2.6 vs 15.9 ms, duckdb 2.0.1).
        """
        names = list(columns)
        if not names or not columns[names[0]]:
            return
        types = self._column_types(table)
        select = ", ".join(f"unnest(?::{types[n]}[])" for n in names)
        quoted = ", ".join(f'"{n}"' for n in names)
        self._con.execute(
            f"INSERT INTO {table} ({quoted}) SELECT {select}", [columns[n] for n in names]
        )

    def _column_types(self, table: str) -> dict[str, str]:
        # Kept for the process: every open store is migrated to the same latest schema,
        # and asking information_schema on each reopen cost 5 ms a table (duckdb 2.0.1).
        if table not in _COLUMN_TYPES:
            rows = self._con.execute(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_name = ?", [table],
            ).fetchall()
            _COLUMN_TYPES[table] = {str(name): str(kind) for name, kind in rows}
        return _COLUMN_TYPES[table]

    def update_duplicates(self) -> DedupCounts:
        """Group the articles stored since the last call into stories and link their quotes.

        Derived data only (``stories``, ``quote_links`` and their bookkeeping),
        one transaction per batch of articles; see :mod:`wirelens.store.dedup`.
        """
        return dedup.update(self._con)

    # -- runs and failures ---------------------------------------------------

    def begin_run(self, *, paths: Sequence[str], workers: int) -> str:
        """Record a new run and return its id.

        Earlier runs on this host whose process is gone (killed, crashed) are
        marked ``interrupted`` first, so ``runs`` tells a finished run from a dead one.
        """
        host = socket.gethostname()
        for run_id, pid in self._con.execute(
            "SELECT run_id, pid FROM runs WHERE status = 'running' AND host = ?", [host]
        ).fetchall():
            if not _alive(int(pid)):
                self._con.execute(
                    "UPDATE runs SET status = 'interrupted' WHERE run_id = ?", [run_id]
                )
        run_id = uuid.uuid4().hex
        self._con.execute(
            "INSERT INTO runs (run_id, status, paths, workers, wirelens, host, pid)"
            " VALUES (?, 'running', ?, ?, ?, ?, ?)",
            [run_id, list(paths), workers, __version__, host, os.getpid()],
        )
        return run_id

    def end_run(self, run_id: str, counts: RunCounts, *, status: str = "completed") -> None:
        self._con.execute(
            "UPDATE runs SET ended_at = current_timestamp, status = ?, n_read = ?,"
            " n_analysed = ?, n_skipped = ?, n_failed = ? WHERE run_id = ?",
            [status, counts.read, counts.analysed, counts.skipped, counts.failed, run_id],
        )

    def write_failure(
        self, run_id: str, failure: Failure, *, article_id: str | None = None
    ) -> None:
        """Record a document that could not be read or analysed in this run."""
        self._con.execute(
            "INSERT INTO failures (run_id, source, code, message, article_id)"
            " VALUES (?, ?, ?, ?, ?)",
            [run_id, failure.source, str(failure.code), failure.message, article_id],
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def child_rows(analysis: Analysis) -> dict[str, Columns]:
    """The rows of every child table for one analysis, column by column."""
    aid = analysis.article.id
    entities: Columns = _columns("article_id entity_id ordinal label name role affiliation base")
    mentions: Columns = _columns("article_id entity_id ordinal start_char end_char text kind")
    for i, e in enumerate(analysis.entities):
        _add(entities, aid, e.id, i, e.label, e.name, e.role, e.affiliation, e.base)
        for j, m in enumerate(e.mentions):
            _add(mentions, aid, e.id, j, m.span.start, m.span.end, m.span.text, m.kind)
    quotes: Columns = _columns(
        "article_id ordinal text start_char end_char kind confidence has_speaker speaker_name"
        " speaker_entity_id speaker_start speaker_end speaker_text speaker_role"
        " speaker_affiliation cue_start cue_end cue_text"
    )
    for i, q in enumerate(analysis.quotes):
        s, cue = q.speaker, q.cue
        mention = s.mention if s is not None else None
        _add(
            quotes, aid, i, q.text, q.start, q.end, q.kind, q.confidence, s is not None,
            s.name if s else None, s.entity_id if s else None,
            mention.start if mention else None, mention.end if mention else None,
            mention.text if mention else None, s.role if s else None,
            s.affiliation if s else None,
            cue.start if cue else None, cue.end if cue else None, cue.text if cue else None,
        )
    places: Columns = _columns(
        "article_id ordinal start_char end_char text geonameid name country admin1 lat lon"
        " feature_code precision confidence government"
    )
    for i, p in enumerate(analysis.places):
        _add(places, aid, i, p.mention.start, p.mention.end, p.mention.text, p.geonameid,
             p.name, p.country, p.admin1, p.lat, p.lon, p.feature_code, p.precision,
             p.confidence, p.government)
    events: Columns = _columns(
        "article_id ordinal event_type sub_event_type actor1 actor2 location date fatalities"
        " evidence_start evidence_end evidence_text status confidence"
    )
    for i, ev in enumerate(analysis.events):
        _add(events, aid, i, ev.event_type, ev.sub_event_type, ev.actor1, ev.actor2,
             ev.location, ev.date, ev.fatalities, ev.evidence.start, ev.evidence.end,
             ev.evidence.text, ev.status, ev.confidence)
    return {"entities": entities, "mentions": mentions, "quotes": quotes, "places": places,
            "events": events}


def _columns(names: str) -> Columns:
    return {name: [] for name in names.split()}


def _add(columns: Columns, *values: Any) -> None:
    # Values come in the column order of _columns(); zip would hide a miscount.
    if len(values) != len(columns):
        raise ValueError(f"{len(values)} values for {len(columns)} columns")
    for column, value in zip(columns.values(), values, strict=True):
        column.append(value)
