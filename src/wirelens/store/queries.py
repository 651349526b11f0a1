"""Read-only queries over the store: SQL, and the corpus summaries ``wirelens report`` shows.

>>> with Reader.open("corpus.duckdb") as r:
...     r.top_speakers(limit=10).rows

Every connection here is DuckDB ``read_only``: a query cannot change the store.
Open a Reader for as short a time as the work allows: while it is open the
ingest cannot write (it waits, see :mod:`wirelens.store.connect`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from wirelens.model import (
    Analysis,
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Span,
    Speaker,
)
from wirelens.store.connect import DEFAULT_LOCK_TIMEOUT, Config, StoreError, connect
from wirelens.store.schema import LATEST_VERSION, applied_versions

__all__ = ["QueryError", "Reader", "Table", "query"]


class QueryError(StoreError):
    """DuckDB rejected a query: bad SQL, an unknown table, a write on a read-only store."""


@dataclass(frozen=True, slots=True)
class Table:
    """A query result: column names and rows, in order."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class Reader:
    """A read-only connection to a store at the current schema version."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    @classmethod
    def open(
        cls, path: str | Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        external_access: bool = False,
    ) -> Reader:
        """Open ``path`` read-only.

        ``external_access`` lets SQL read and write other files (``read_csv``,
        ``COPY ... TO``); off by default, so that a query string, which may come
        from a web form later, can touch nothing but the store.
        """
        config: Config = {}
        if not external_access:
            config["enable_external_access"] = False
        con = connect(path, read_only=True, timeout=lock_timeout, config=config)
        versions = applied_versions(con)
        current = versions[-1] if versions else 0
        if current != LATEST_VERSION:
            con.close()
            if current == 0:
                raise StoreError(f"{path}: not a wirelens store")
            raise StoreError(
                f"{path}: schema version {current}, this wirelens reads {LATEST_VERSION}"
                + (" (run 'wirelens ingest' once to migrate it)" if current < LATEST_VERSION
                   else " (upgrade wirelens)")
            )
        return cls(con)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        return self._con

    def query(self, sql: str, params: list[Any] | None = None) -> Table:
        """Run one SQL statement; a DuckDB error becomes a :class:`QueryError`."""
        try:
            cursor = self._con.execute(sql, params or [])
            columns = tuple(d[0] for d in cursor.description or ())
            rows = cursor.fetchall() if columns else []
        except duckdb.Error as err:
            raise QueryError(str(err).strip()) from None
        return Table(columns, rows)

    # -- the corpus summaries -----------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table; ``articles`` counts every version, ``stories`` one per URL."""
        out: dict[str, int] = {}
        for table in ("articles", "entities", "quotes", "places", "events", "failures", "runs"):
            row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        row = self._con.execute("SELECT count(*) FROM latest_articles").fetchone()
        out["latest_articles"] = int(row[0]) if row else 0
        return out

    def top_speakers(self, *, limit: int = 20) -> Table:
        """Who is quoted most, with the roles and affiliations the quotes give them."""
        return self.query(
            """
            SELECT speaker_name AS speaker,
                   count(*) AS quotes,
                   count(DISTINCT article_id) AS articles,
                   string_agg(DISTINCT speaker_role, '; ' ORDER BY speaker_role) AS roles,
                   string_agg(DISTINCT speaker_affiliation, '; ' ORDER BY speaker_affiliation)
                       AS affiliations
            FROM quotes
            -- a pronoun that the coref layer could not resolve names nobody across
            -- articles: "he" is not a top speaker
            WHERE speaker_name IS NOT NULL
              AND NOT (speaker_entity_id IS NULL
                       AND lower(speaker_name) IN ('he', 'she', 'they', 'it', 'we', 'i'))
            GROUP BY speaker_name
            ORDER BY quotes DESC, articles DESC, speaker LIMIT ?
            """, [limit],
        )

    def top_people(self, *, limit: int = 20) -> Table:
        """People named most often across articles, with their roles (from the entity layer)."""
        return self.query(
            """
            SELECT name AS person,
                   count(DISTINCT article_id) AS articles,
                   string_agg(DISTINCT role, '; ' ORDER BY role) AS roles,
                   string_agg(DISTINCT affiliation, '; ' ORDER BY affiliation) AS affiliations
            FROM entities WHERE label = 'PERSON'
            GROUP BY name
            ORDER BY articles DESC, person LIMIT ?
            """, [limit],
        )

    def top_places(self, *, limit: int = 20) -> Table:
        """Places mentioned most (as places, not as governments: "Kyiv said" is left out)."""
        return self.query(
            """
            SELECT name AS place, country, admin1,
                   count(*) AS mentions,
                   count(DISTINCT article_id) AS articles,
                   any_value(lat) AS lat, any_value(lon) AS lon
            FROM places WHERE NOT government
            GROUP BY geonameid, name, country, admin1
            ORDER BY mentions DESC, place LIMIT ?
            """, [limit],
        )

    def outlet_units(self) -> Table:
        """Per latest article: its outlet's URL and name, and the (country, admin-1) units it
        votes for as its outlet's home (see :mod:`wirelens.geo.outlets`)."""
        from wirelens.geo.outlets import MIN_CONFIDENCE, VOTING_PRECISIONS

        return self.query(
            f"""
            SELECT a.id, a.url, a.outlet,
                   list(DISTINCT [p.country, p.admin1]) FILTER (
                       WHERE p.country IS NOT NULL AND p.admin1 IS NOT NULL
                       AND NOT p.government AND p.confidence >= ?
                       AND p.precision IN ({", ".join("?" for _ in VOTING_PRECISIONS)})
                   ) AS units
            FROM latest_articles a LEFT JOIN places p ON p.article_id = a.id
            GROUP BY a.id, a.url, a.outlet
            ORDER BY a.id
            """, [MIN_CONFIDENCE, *sorted(VOTING_PRECISIONS)],
        )

    def event_counts(self) -> Table:
        """Events per ACLED type and ISO week (Monday), by event date or else publication date."""
        return self.query(
            """
            SELECT event_type, date_trunc('week', event_date)::DATE AS week,
                   count(*) AS events, sum(fatalities) AS fatalities
            FROM acled_events
            GROUP BY event_type, week
            ORDER BY week NULLS LAST, event_type
            """
        )

    def largest_stories(self, *, limit: int = 20) -> Table:
        """Stories republished most: the original, how often and under how many outlets."""
        return self.query(
            """
            SELECT s.story_id,
                   any_value(o.title) AS title,
                   any_value(o.outlet) AS original_outlet,
                   any_value(o.published) AS published,
                   count(*) - 1 AS republished,
                   count(DISTINCT coalesce(a.outlet, a.url, a.source)) AS outlets,
                   round(min(s.similarity), 3) AS min_similarity
            FROM stories s
            JOIN articles a ON a.id = s.article_id
            JOIN articles o ON o.id = s.story_id
            GROUP BY s.story_id
            HAVING count(*) > 1
            ORDER BY republished DESC, outlets DESC, s.story_id LIMIT ?
            """, [limit],
        )

    def conflicting_quotes(self, *, limit: int = 20) -> Table:
        """The same words attributed to different speakers in different articles."""
        return self.query(
            """
            SELECT any_value(text ORDER BY published NULLS LAST) AS quote,
                   string_agg(DISTINCT speaker, '; ' ORDER BY speaker) AS speakers,
                   any_value(n_articles) AS articles,
                   any_value(n_outlets) AS outlets
            FROM quote_links
            WHERE conflicting_speakers
            GROUP BY link_id
            ORDER BY articles DESC, outlets DESC, link_id LIMIT ?
            """, [limit],
        )

    def latest_runs(self, *, limit: int = 5) -> Table:
        return self.query(
            """
            SELECT run_id, status, started_at, ended_at, workers,
                   n_read, n_analysed, n_skipped, n_failed
            FROM runs ORDER BY started_at DESC LIMIT ?
            """, [limit],
        )

    def failures(self, *, run_id: str | None = None) -> Table:
        """Failures of one run, or of the latest run when ``run_id`` is None."""
        return self.query(
            """
            SELECT source, code, message, article_id FROM failures
            WHERE run_id = coalesce(?, (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1))
            ORDER BY source
            """, [run_id],
        )

    # -- documents back out ---------------------------------------------------

    def load(self, article_id: str) -> Analysis | None:
        """The stored analysis of one article, as the model objects it was written from."""
        con = self._con
        row = con.execute(
            "SELECT id, text, title, url, outlet, published, language, author, source,"
            " article_warnings, warnings FROM articles WHERE id = ?", [article_id],
        ).fetchone()
        if row is None:
            return None
        article = Article(
            id=row[0], text=row[1], title=row[2], url=row[3], outlet=row[4], published=row[5],
            language=row[6], author=row[7], source=row[8], warnings=tuple(row[9]),
        )
        mentions: dict[str, list[Mention]] = {}
        for eid, start, end, text, kind in con.execute(
            "SELECT entity_id, start_char, end_char, text, kind FROM mentions"
            " WHERE article_id = ? ORDER BY entity_id, ordinal", [article_id],
        ).fetchall():
            mentions.setdefault(eid, []).append(Mention(Span(start, end, text), kind))
        entities = tuple(
            Entity(id=eid, label=label, name=name, mentions=tuple(mentions.get(eid, ())),
                   role=role, affiliation=affiliation, base=base)
            for eid, label, name, role, affiliation, base in con.execute(
                "SELECT entity_id, label, name, role, affiliation, base FROM entities"
                " WHERE article_id = ? ORDER BY ordinal", [article_id],
            ).fetchall()
        )
        quotes = tuple(_quote(r) for r in con.execute(
            "SELECT text, start_char, end_char, kind, confidence, has_speaker, speaker_name,"
            " speaker_entity_id, speaker_start, speaker_end, speaker_text, speaker_role,"
            " speaker_affiliation, cue_start, cue_end, cue_text FROM quotes"
            " WHERE article_id = ? ORDER BY ordinal", [article_id],
        ).fetchall())
        places = tuple(
            Place(Span(r[0], r[1], r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                  r[11], r[12])
            for r in con.execute(
                "SELECT start_char, end_char, text, geonameid, name, country, admin1, lat, lon,"
                " feature_code, precision, confidence, government FROM places"
                " WHERE article_id = ? ORDER BY ordinal", [article_id],
            ).fetchall()
        )
        events = tuple(
            Event(r[0], r[1], r[2], r[3], r[4], r[5], r[6], Span(r[7], r[8], r[9]), r[10], r[11])
            for r in con.execute(
                "SELECT event_type, sub_event_type, actor1, actor2, location, date, fatalities,"
                " evidence_start, evidence_end, evidence_text, status, confidence FROM events"
                " WHERE article_id = ? ORDER BY ordinal", [article_id],
            ).fetchall()
        )
        return Analysis(article=article, entities=entities, quotes=quotes, places=places,
                        events=events, warnings=tuple(row[10]))


def _quote(r: tuple[Any, ...]) -> Quote:
    (text, start, end, kind, confidence, has_speaker, name, entity_id, s_start, s_end, s_text,
     role, affiliation, c_start, c_end, c_text) = r
    mention = None if s_start is None else Span(s_start, s_end, s_text)
    speaker = Speaker(name, entity_id, mention, role, affiliation) if has_speaker else None
    cue = None if c_start is None else Span(c_start, c_end, c_text)
    return Quote(text, start, end, kind, speaker, cue, confidence)


def query(
    path: str | Path, sql: str, params: list[Any] | None = None, *,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> Table:
    """Run one read-only SQL statement against the store at ``path``."""
    with Reader.open(path, lock_timeout=lock_timeout) as reader:
        return reader.query(sql, params)
