"""kill -9 in the middle of an ingest, rerun, and the store is as a clean run leaves it.

Also: a reader in another process queries the store while the ingest writes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT
from tests.store.conftest import make_corpus
from tests.store.test_ingest import orphans, snapshot
from wirelens.store.connect import StoreError
from wirelens.store.queries import query

INGEST = """
import sys
from wirelens.batch import ingest
from wirelens.batch.local import build_pipeline
ingest([sys.argv[1]], db=sys.argv[2], workers=1, chunk_size=2, factory={factory})
"""


def start(corpus: Path, db: Path, *, factory: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # stderr to a file, not a pipe: a killed child must not leave a pipe to close.
    with db.with_suffix(".log").open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-c", INGEST.format(factory=factory), str(corpus), str(db)],
            env=env, stdout=subprocess.DEVNULL, stderr=log,
        )


def log(db: Path) -> str:
    return db.with_suffix(".log").read_text(errors="replace")


def stored(db: Path) -> int:
    try:
        return int(query(db, "SELECT count(*) FROM articles", lock_timeout=5).rows[0][0])
    except StoreError:
        return 0  # not created yet


def test_kill_9_then_rerun_ends_as_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    # 16 articles in chunks of 2: enough work left after the first chunk that the kill
    # lands mid-run even when a loaded machine makes our polling slow.
    total = len(make_corpus(corpus, copies=4, limit=4))
    db = tmp_path / "killed.duckdb"
    proc = start(corpus, db, factory="build_pipeline")
    deadline = time.monotonic() + 300
    while stored(db) < 2:  # a chunk written, most not
        assert proc.poll() is None, log(db)
        assert time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 2 <= stored(db) < total
    rerun = start(corpus, db, factory="build_pipeline")
    assert rerun.wait(timeout=300) == 0, log(db)

    clean = tmp_path / "clean.duckdb"
    assert start(corpus, clean, factory="build_pipeline").wait(timeout=300) == 0
    assert snapshot(db) == snapshot(clean)
    assert stored(db) == total and orphans(db) == 0
    statuses = query(db, "SELECT status FROM runs ORDER BY started_at").rows
    assert statuses == [("interrupted",), ("completed",)]


def test_a_reader_queries_while_an_ingest_runs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, copies=2, limit=10)
    db = tmp_path / "live.duckdb"
    proc = start(corpus, db, factory="__import__('tests.store.fakes').store.fakes.slow_fake")
    seen: list[int] = []
    waits: list[float] = []
    while proc.poll() is None:
        t = time.perf_counter()
        seen.append(stored(db))
        waits.append(time.perf_counter() - t)
        time.sleep(0.02)  # a dashboard polls; it does not spin on the lock
    assert proc.returncode == 0, log(db)
    assert any(0 < n < 20 for n in seen), seen  # read mid-ingest, not only before/after
    assert seen == sorted(seen)
    assert max(waits) < 5
    assert stored(db) == 20
