"""The single write path: migrations, idempotence, versions by URL, atomic documents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirelens.model import Analysis, Article, Entity, Event, Mention, Place, Quote, Span, Speaker
from wirelens.store.connect import StoreError
from wirelens.store.queries import Reader
from wirelens.store.schema import LATEST_VERSION, MIGRATIONS
from wirelens.store.writer import Store

TABLES = ("articles", "entities", "mentions", "quotes", "places", "events")


def counts(db: Path) -> dict[str, int]:
    with Reader.open(db) as r:
        return {t: r.query(f"SELECT count(*) FROM {t}").rows[0][0] for t in TABLES}


def test_migrations_are_applied_once(db: Path) -> None:
    for _ in range(3):
        Store.open(db).close()
    with Reader.open(db) as r:
        rows = r.query("SELECT version FROM schema_migrations ORDER BY version").rows
    assert [v for (v,) in rows] == [m.version for m in MIGRATIONS]
    assert rows[-1][0] == LATEST_VERSION


def test_a_store_from_a_newer_wirelens_is_refused(db: Path) -> None:
    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_migrations (version, description) VALUES (999, 'future')")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)
    with pytest.raises(StoreError, match="upgrade wirelens"):
        Reader.open(db)


def test_rewriting_an_article_changes_nothing(db: Path, analysis: Analysis) -> None:
    with Store.open(db) as store:
        assert store.write(analysis) is True
    before = counts(db)
    with Store.open(db) as store:
        assert store.write(analysis) is False
        assert store.stored_ids([analysis.article.id, "nope"]) == {analysis.article.id}
    assert counts(db) == before
    assert before == {"articles": 1, "entities": 8, "mentions": 13, "quotes": 5, "places": 5,
                      "events": 2}
    with Reader.open(db) as r:
        assert r.load(analysis.article.id) == analysis


def test_same_url_with_new_text_is_a_new_version(db: Path, analysis: Analysis) -> None:
    old = analysis.article
    new_text = old.text.replace("three civilians", "four civilians")
    changed = replace(analysis, article=replace(old, id="changed-id", text=new_text))
    with Store.open(db) as store:
        store.write(analysis)
        store.write(changed)
    with Reader.open(db) as r:
        rows = r.query("SELECT id, version, previous_id FROM articles ORDER BY version").rows
        latest = r.query("SELECT id FROM latest_articles").rows
    assert rows == [(old.id, 1, None), ("changed-id", 2, old.id)]
    assert latest == [("changed-id",)]


def test_a_chunk_stores_each_document_once_and_versions_in_order(
    db: Path, analysis: Analysis
) -> None:
    old = analysis.article
    v2 = replace(analysis, article=replace(old, id="v2", text=old.text + " Updated."))
    v3 = replace(analysis, article=replace(old, id="v3", text=old.text + " Updated again."))
    with Store.open(db) as store:
        assert store.write_many([analysis, v2, analysis, v3]) == [True, True, False, True]
        assert store.write_many([v3]) == [False]
        assert store.write_many([]) == []
    with Reader.open(db) as r:
        rows = r.query("SELECT id, version, previous_id FROM articles ORDER BY version").rows
        assert r.load("v3") == v3
    assert rows == [(old.id, 1, None), ("v2", 2, old.id), ("v3", 3, "v2")]
    assert counts(db)["quotes"] == 3 * len(analysis.quotes)


def test_a_crash_inside_a_document_leaves_nothing_of_it(
    db: Path, analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Store._insert

    def failing(self: Store, table: str, columns: dict[str, list[object]]) -> None:
        if table == "places":  # after the article, entities, mentions and quotes went in
            raise OSError("disk gone")
        real(self, table, columns)

    monkeypatch.setattr(Store, "_insert", failing)
    with Store.open(db) as store, pytest.raises(OSError, match="disk gone"):
        store.write(analysis)
    assert set(counts(db).values()) == {0}
    other = replace(analysis, article=replace(analysis.article, id="other", url=None))
    with Store.open(db) as store, pytest.raises(OSError, match="disk gone"):
        store.write_many([other, analysis])
    assert set(counts(db).values()) == {0}
    monkeypatch.setattr(Store, "_insert", real)
    with Store.open(db) as store:
        assert store.write(analysis) is True
    assert counts(db)["places"] == 5


def test_runs_and_failures_are_recorded(db: Path) -> None:
    from wirelens.model import Failure
    from wirelens.store.writer import RunCounts

    with Store.open(db) as store:
        run = store.begin_run(paths=["a", "b"], workers=2)
        store.write_failure(run, Failure("a/x.txt", "empty", "empty file"))
        store.end_run(run, RunCounts(read=3, analysed=2, skipped=1, failed=1))
    with Reader.open(db) as r:
        assert r.failures().rows == [("a/x.txt", "empty", "empty file", None)]
        (row,) = r.latest_runs().rows
    assert row[1] == "completed" and row[5:] == (3, 2, 1, 1)


# -- a hypothesis round-trip over every column type ------------------------------

texts = st.text(max_size=12)
maybe = st.none() | texts
offsets = st.integers(min_value=0, max_value=2**31 - 1)
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
spans = st.builds(Span, offsets, offsets, texts)
speakers = st.none() | st.builds(Speaker, maybe, maybe, st.none() | spans, maybe, maybe)
analyses = st.builds(
    Analysis,
    article=st.builds(
        Article, id=st.uuids().map(str), text=texts, title=maybe, url=maybe, outlet=maybe,
        published=maybe, language=maybe, author=maybe, source=maybe,
        warnings=st.lists(texts, max_size=2).map(tuple),
    ),
    entities=st.lists(
        st.builds(Entity, id=st.uuids().map(str), label=texts, name=texts,
                  mentions=st.lists(st.builds(Mention, spans, st.sampled_from(
                      ["name", "pronoun", "description"])), max_size=3).map(tuple),
                  role=maybe, affiliation=maybe, base=maybe),
        max_size=3, unique_by=lambda e: e.id,
    ).map(tuple),
    quotes=st.lists(st.builds(Quote, texts, offsets, offsets,
                              st.sampled_from(["direct", "indirect", "mixed"]), speakers,
                              st.none() | spans, floats), max_size=2).map(tuple),
    places=st.lists(st.builds(
        Place, spans, st.none() | st.integers(-(2**63), 2**63 - 1), texts, maybe, maybe,
        st.none() | floats, st.none() | floats, maybe,
        st.sampled_from(["city", "region", "country", "continent", "area"]), floats,
        st.booleans()), max_size=2).map(tuple),
    events=st.lists(st.builds(
        Event, texts, texts, maybe, maybe, maybe, maybe,
        st.none() | st.integers(-(2**31), 2**31 - 1), spans,
        st.sampled_from(["fact", "claim", "background"]), floats), max_size=2).map(tuple),
    warnings=st.lists(texts, max_size=2).map(tuple),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(analyses)
def test_every_column_round_trips(tmp_path: Path, record: Analysis) -> None:
    # tmp_path is shared by every example: each one starts from a fresh store.
    db = tmp_path / "roundtrip.duckdb"
    db.unlink(missing_ok=True)
    with Store.open(db) as store:
        assert store.write(record)
    with Reader.open(db) as r:
        assert r.load(record.article.id) == record
