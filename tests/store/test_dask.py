"""The Dask engine on a LocalCluster of 2 workers: shards, the same store as the local engine."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.fakes import RAISE, fake
from tests.store.test_ingest import orphans, snapshot
from wirelens.batch import ingest
from wirelens.batch.shards import read_shard, write_shard
from wirelens.model import Analysis, Failure
from wirelens.store.queries import Reader

pytest.importorskip("distributed", reason="the [dask] extra is not installed")

from distributed import Client, LocalCluster

from wirelens.batch.dask import DaskExecutor


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """One LocalCluster of 2 worker processes for the module: starting one takes seconds."""
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture
def cluster(client: Client) -> DaskExecutor:
    # ingest() closes its executor; a borrowed client outlives it.
    return DaskExecutor(fake, workers=2, client=client, shared_filesystem=True)


def test_a_shard_round_trips_every_field(tmp_path: Path, analysis: Analysis) -> None:
    items: list[Analysis | Failure] = [analysis, Failure("x.txt", "analysis", "boom")]
    write_shard(tmp_path / "s.parquet", items, ids=[analysis.article.id, "f00d"])
    assert read_shard(tmp_path / "s.parquet") == items


def test_dask_ingest_matches_the_local_engine(
    corpus: Path, tmp_path: Path, cluster: DaskExecutor
) -> None:
    (corpus / "boom.txt").write_text(f"{RAISE} and the rest of a story.")
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    local = ingest([corpus], db=local_db, workers=1, factory=fake, chunk_size=4)
    first = ingest([corpus], db=dask_db, executor=cluster, chunk_size=4)
    assert cluster.workers == 2
    assert (first.read, first.analysed, first.skipped, first.failed) == (13, 12, 0, 1)
    assert (local.analysed, local.failed) == (first.analysed, first.failed)
    assert snapshot(dask_db) == snapshot(local_db)
    assert orphans(dask_db) == 0
    # Merging is idempotent: a rerun finds everything stored and changes nothing.
    rerun = DaskExecutor(fake, workers=2, client=cluster._client)
    again = ingest([corpus], db=dask_db, executor=rerun, chunk_size=4)
    assert (again.analysed, again.skipped) == (0, 12)
    assert snapshot(dask_db) == snapshot(local_db)
    # Two worker processes did the work, and the shards went with the executor.
    assert len(first.worker_peak_rss_mb) == 2
    assert not cluster._dir.exists()
    with Reader.open(dask_db) as r:
        assert r.query("SELECT count(*) FROM stories").rows == [(12,)]


def test_shards_can_travel_back_with_the_results(
    corpus: Path, db: Path, cluster: DaskExecutor
) -> None:
    # What a remote cluster does when its workers cannot see this machine's disk.
    remote = DaskExecutor(fake, workers=2, client=cluster._client,
                          shared_filesystem=False)
    summary = ingest([corpus], db=db, executor=remote, chunk_size=4)
    assert (summary.analysed, summary.failed) == (12, 0)


def test_engine_dask_starts_and_stops_its_own_cluster(corpus: Path, db: Path) -> None:
    summary = ingest([corpus], db=db, workers=2, factory=fake, engine="dask", chunk_size=6)
    assert (summary.workers, summary.analysed) == (2, 12)


def test_the_real_pipeline_on_dask(tmp_path: Path, db: Path) -> None:
    from tests.store.conftest import make_corpus

    make_corpus(tmp_path / "four", copies=1, limit=4)
    summary = ingest([tmp_path / "four"], db=db, workers=2, engine="dask", chunk_size=2)
    assert (summary.analysed, summary.failed) == (4, 0)
    with Reader.open(db) as r:
        assert r.query("SELECT count(DISTINCT article_id) FROM entities").rows == [(4,)]
        assert r.query("SELECT count(*) FROM quotes").rows[0][0] > 0
