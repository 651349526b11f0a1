"""Batch ingest with a stand-in analyzer: counts, reruns, bad files, failing and dying workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.fakes import CRASH, RAISE, fake
from wirelens.batch import estimate_total, ingest
from wirelens.store.queries import Reader

CHILDREN = ("entities", "mentions", "quotes", "places", "events")


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every content row, without the run bookkeeping (run ids, timestamps)."""
    with Reader.open(db) as r:
        out = {"articles": r.query(
            "SELECT id, url, version, previous_id, title, text FROM articles ORDER BY id").rows}
        for table in CHILDREN:
            out[table] = r.query(f"SELECT * FROM {table} ORDER BY ALL").rows
        return out


def orphans(db: Path) -> int:
    with Reader.open(db) as r:
        return sum(
            r.query(f"SELECT count(*) FROM {t} WHERE article_id NOT IN "
                    "(SELECT id FROM articles)").rows[0][0]
            for t in CHILDREN
        )


@pytest.mark.parametrize("workers", [1, 2])
def test_rerun_changes_nothing(corpus: Path, db: Path, workers: int) -> None:
    first = ingest([corpus], db=db, workers=workers, factory=fake, chunk_size=4)
    assert (first.read, first.analysed, first.skipped, first.failed) == (12, 12, 0, 0)
    before = snapshot(db)
    again = ingest([corpus], db=db, workers=workers, factory=fake, chunk_size=4)
    assert (again.read, again.analysed, again.skipped, again.failed) == (12, 0, 12, 0)
    assert snapshot(db) == before
    with Reader.open(db) as r:
        # Two copies of each sample share its URL: the second is version 2 of it.
        assert r.query("SELECT version, count(*) FROM articles GROUP BY ALL ORDER BY 1").rows \
            == [(1, 6), (2, 6)]
        assert [s for (s,) in r.query("SELECT status FROM runs").rows] == ["completed"] * 2


def test_bad_files_become_failures_with_reasons(corpus: Path, db: Path) -> None:
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "records.jsonl").write_text(
        '{"title": "Fine", "text": "A whole record about a quiet port."}\n'
        '{"title": "Cut", "text": "a record cut sho', encoding="utf-8")
    (corpus / "boom.txt").write_text(f"{RAISE} and the rest of a story.")
    summary = ingest([corpus], db=db, workers=1, factory=fake, chunk_size=4)
    assert (summary.analysed, summary.failed) == (13, 4)
    with Reader.open(db) as r:
        rows = r.failures(run_id=summary.run_id).rows
    by_source = {Path(source).name: (code, message, aid) for source, code, message, aid in rows}
    assert by_source["empty.txt"][0] == "empty"
    assert by_source["binary.txt"][0] == "binary"
    assert by_source["records.jsonl:2"][0] == "json"
    assert "truncated" in by_source["records.jsonl:2"][1]
    code, message, aid = by_source["boom.txt"]
    assert code == "analysis" and "fails on purpose" in message and aid is not None
    assert {Path(f.source).name for f in summary.failures} == set(by_source)


def test_a_dying_worker_costs_only_its_article(corpus: Path, db: Path) -> None:
    (corpus / "crash.txt").write_text(f"{CRASH} in the middle of a story.")
    summary = ingest([corpus], db=db, workers=2, factory=fake, chunk_size=4)
    assert (summary.analysed, summary.failed) == (12, 1)
    assert summary.failures[0].source.endswith("crash.txt")
    assert "died" in summary.failures[0].message
    assert orphans(db) == 0


def test_estimate_counts_jsonl_records(corpus: Path) -> None:
    (corpus / "two.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n')
    (corpus / ".hidden.txt").write_text("not read")
    assert estimate_total([str(corpus)]) == 14
    assert estimate_total(["-"]) is None
