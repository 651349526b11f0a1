"""The store's schema as an ordered list of migrations, applied at open.

A migration is frozen once released: a change to the schema is a new
``(version, SQL)`` entry at the end of :data:`MIGRATIONS`, never an edit of an
old one, so every store reaches the same shape by the same steps.  They run in
one transaction with the ``schema_migrations`` bookkeeping, so a store is
either at the old version or the new one, never in between.  See
``docs/schema.md`` for the tables column by column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Migration", "applied_versions", "migrate"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str


# Child tables carry no primary key on purpose: DuckDB keeps ART indexes in
# memory, and mentions alone reach hundreds of rows per article.  Their integrity
# comes from the single write path (each document inside one transaction, guarded by the
# primary key on articles.id).
_V1 = """
CREATE TABLE articles (
    id               VARCHAR PRIMARY KEY,
    url              VARCHAR,
    version          INTEGER NOT NULL,
    previous_id      VARCHAR,
    title            VARCHAR,
    outlet           VARCHAR,
    published        VARCHAR,
    language         VARCHAR,
    author           VARCHAR,
    source           VARCHAR,
    text             VARCHAR NOT NULL,
    article_warnings VARCHAR[] NOT NULL,
    warnings         VARCHAR[] NOT NULL,
    run_id           VARCHAR,
    ingested_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX articles_url ON articles (url);

CREATE TABLE entities (
    article_id  VARCHAR NOT NULL,
    entity_id   VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    label       VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    role        VARCHAR,
    affiliation VARCHAR,
    base        VARCHAR
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    ordinal    INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL
);

CREATE TABLE quotes (
    article_id          VARCHAR NOT NULL,
    ordinal             INTEGER NOT NULL,
    text                VARCHAR NOT NULL,
    start_char          INTEGER NOT NULL,
    end_char            INTEGER NOT NULL,
    kind                VARCHAR NOT NULL,
    confidence          DOUBLE NOT NULL,
    has_speaker         BOOLEAN NOT NULL,
    speaker_name        VARCHAR,
    speaker_entity_id   VARCHAR,
    speaker_start       INTEGER,
    speaker_end         INTEGER,
    speaker_text        VARCHAR,
    speaker_role        VARCHAR,
    speaker_affiliation VARCHAR,
    cue_start           INTEGER,
    cue_end             INTEGER,
    cue_text            VARCHAR
);

CREATE TABLE places (
    article_id   VARCHAR NOT NULL,
    ordinal      INTEGER NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    geonameid    BIGINT,
    name         VARCHAR NOT NULL,
    country      VARCHAR,
    admin1       VARCHAR,
    lat          DOUBLE,
    lon          DOUBLE,
    feature_code VARCHAR,
    precision    VARCHAR NOT NULL,
    confidence   DOUBLE NOT NULL,
    government   BOOLEAN NOT NULL
);

CREATE TABLE events (
    article_id     VARCHAR NOT NULL,
    ordinal        INTEGER NOT NULL,
    event_type     VARCHAR NOT NULL,
    sub_event_type VARCHAR NOT NULL,
    actor1         VARCHAR,
    actor2         VARCHAR,
    location       VARCHAR,
    date           VARCHAR,
    fatalities     INTEGER,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  VARCHAR NOT NULL,
    status         VARCHAR NOT NULL,
    confidence     DOUBLE NOT NULL
);

CREATE TABLE runs (
    run_id     VARCHAR PRIMARY KEY,
    started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    ended_at   TIMESTAMP,
    status     VARCHAR NOT NULL,
    paths      VARCHAR[] NOT NULL,
    workers    INTEGER NOT NULL,
    wirelens   VARCHAR NOT NULL,
    host       VARCHAR NOT NULL,
    pid        INTEGER NOT NULL,
    n_read     INTEGER,
    n_analysed INTEGER,
    n_skipped  INTEGER,
    n_failed   INTEGER
);

CREATE TABLE failures (
    run_id     VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    code       VARCHAR NOT NULL,
    message    VARCHAR NOT NULL,
    article_id VARCHAR,
    failed_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- The newest version of every article: one row per URL (and every URL-less article).
CREATE VIEW latest_articles AS
SELECT * FROM articles
QUALIFY url IS NULL OR row_number() OVER (PARTITION BY url ORDER BY version DESC) = 1;

-- Events under ACLED's column names, so ACLED workflows read our output.  The
-- place comes from the same article's resolved mention whose name or text is
-- the event's location; ACLED's geo_precision is 1 (town), 2 (region), 3 (larger).
CREATE VIEW acled_events AS
WITH named AS (
    SELECT article_id, lower(name) AS key, country, admin1, lat, lon, precision, confidence
    FROM places WHERE NOT government AND lat IS NOT NULL AND lon IS NOT NULL
    UNION ALL
    SELECT article_id, lower(text), country, admin1, lat, lon, precision, confidence
    FROM places WHERE NOT government AND lat IS NOT NULL AND lon IS NOT NULL
), best AS (
    SELECT * FROM named
    QUALIFY row_number() OVER (PARTITION BY article_id, key ORDER BY confidence DESC) = 1
)
SELECT
    coalesce(TRY_CAST(e.date AS DATE), TRY_CAST(left(a.published, 10) AS DATE)) AS event_date,
    e.event_type,
    e.sub_event_type,
    e.actor1,
    e.actor2,
    p.admin1,
    e.location,
    p.lat AS latitude,
    p.lon AS longitude,
    CASE WHEN p.precision = 'city' THEN 1 WHEN p.precision = 'region' THEN 2
         WHEN p.precision IS NOT NULL THEN 3 END AS geo_precision,
    coalesce(a.outlet, a.url, a.source) AS source,
    e.evidence_text AS notes,
    -- ACLED records an unknown toll as 0.
    coalesce(e.fatalities, 0) AS fatalities,
    p.country,
    e.article_id,
    e.ordinal AS event_ordinal,
    e.status AS event_status,
    e.confidence,
    a.url
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN best p ON p.article_id = e.article_id AND p.key = lower(e.location);
"""

# Near-duplicates (wirelens.store.dedup): derived from articles and quotes,
# rewritten for the stories and quote groups each new batch touches.
_V2 = """
CREATE TABLE minhash (
    article_id VARCHAR PRIMARY KEY,
    n_shingles INTEGER NOT NULL,
    signature  UINTEGER[] NOT NULL
);

-- One row per article and LSH band; an article's candidates share a key with it.
CREATE TABLE minhash_bands (
    lsh_key    UBIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);

CREATE TABLE stories (
    story_id    VARCHAR NOT NULL,
    article_id  VARCHAR PRIMARY KEY,
    is_original BOOLEAN NOT NULL,
    similarity  DOUBLE NOT NULL
);
CREATE INDEX stories_story ON stories (story_id);

CREATE TABLE quote_keys (
    article_id VARCHAR NOT NULL,
    ordinal    INTEGER NOT NULL,
    quote_key  VARCHAR NOT NULL,
    n_words    INTEGER NOT NULL,
    link_id    VARCHAR NOT NULL
);

CREATE TABLE quote_bands (
    lsh_key    UBIGINT NOT NULL,
    article_id VARCHAR NOT NULL,
    ordinal    INTEGER NOT NULL
);

-- One row per group of linked quotes spanning two articles or more.
CREATE TABLE quote_groups (
    link_id              VARCHAR PRIMARY KEY,
    n_quotes             INTEGER NOT NULL,
    n_articles           INTEGER NOT NULL,
    n_outlets            INTEGER NOT NULL,
    n_speakers           INTEGER NOT NULL,
    conflicting_speakers BOOLEAN NOT NULL
);

CREATE VIEW quote_links AS
SELECT k.link_id, k.quote_key, k.article_id, k.ordinal, q.text,
       q.speaker_name AS speaker, q.speaker_entity_id,
       a.outlet, a.published, a.url,
       g.n_articles, g.n_outlets, g.conflicting_speakers
FROM quote_keys k
JOIN quote_groups g USING (link_id)
JOIN quotes q ON q.article_id = k.article_id AND q.ordinal = k.ordinal
JOIN articles a ON a.id = k.article_id;
"""

#: Every migration, oldest first.  Append; never edit a released entry.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, entities, mentions, quotes, places, events, runs, failures", _V1),
    Migration(2, "near-duplicates: minhash, minhash_bands, stories, quote_keys, quote_bands,"
                 " quote_groups, view quote_links", _V2),
)

LATEST_VERSION = MIGRATIONS[-1].version

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
)
"""


def applied_versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Versions recorded in ``schema_migrations`` (empty for a new or foreign file)."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not found or not found[0]:
        return []
    rows = con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return [int(r[0]) for r in rows]


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the pending migrations in one transaction; return the versions applied.

    Raises :class:`ValueError` when the store was written by a newer wirelens
    (a version we do not know): reading it with old code could silently drop data.
    """
    done = applied_versions(con)
    if done and done[-1] > LATEST_VERSION:
        raise ValueError(
            f"the store is at schema version {done[-1]}, newer than this wirelens "
            f"knows ({LATEST_VERSION}): upgrade wirelens"
        )
    pending = [m for m in MIGRATIONS if m.version not in done]
    if not pending:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_BOOKKEEPING)
        for m in pending:
            con.execute(m.sql)
            con.execute(
                "INSERT INTO schema_migrations (version, description) VALUES (?, ?)",
                [m.version, m.description],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return [m.version for m in pending]
