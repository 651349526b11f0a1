"""Batch ingest: read inputs, skip what is stored, analyse the rest in parallel, store it.

>>> summary = ingest(["news/"], db="corpus.duckdb", workers=2, progress=True)
>>> summary.analysed, summary.skipped, summary.failed

The parent process reads the inputs, asks the store which article ids it
already holds (before any analysis: a rerun after a crash only analyses what is
missing), hands the rest to an :class:`Executor` in chunks, and writes each
result back as one transaction per document.  It opens the store for each
batch and closes it between batches, so readers get the file in the gaps.

The executor is the piece that changes with the engine: a process pool
(``engine="local"``) or a Dask cluster (``engine="dask"``, :mod:`wirelens.batch.dask`),
behind the same ordered ``map``.  After the last chunk the near-duplicate
grouping (:mod:`wirelens.store.dedup`) takes in the new articles.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal, Protocol

# tqdm ships no type information; types-tqdm would make this ignore unnecessary.
from tqdm import tqdm  # type: ignore[import-untyped]

from wirelens.batch.local import (
    AnalyzerFactory,
    ChunkResult,
    InlineExecutor,
    ProcessExecutor,
    build_pipeline,
)
from wirelens.errors import ConfigError
from wirelens.ingest import read_inputs
from wirelens.ingest.reader import KINDS, STDIN
from wirelens.model import Analysis, Article, Failure
from wirelens.store.connect import DEFAULT_LOCK_TIMEOUT, StoreError
from wirelens.store.dedup import DedupCounts
from wirelens.store.writer import RunCounts, Store

__all__ = ["ENGINES", "Engine", "Executor", "RunSummary", "estimate_total", "ingest",
           "make_executor"]

Engine = Literal["local", "dask"]
ENGINES: tuple[Engine, ...] = ("local", "dask")

#: Articles per chunk: the unit of work sent to a worker and of one store
#: session.  16 matches the pipeline's nlp.pipe batch; at about 150 ms an
#: article (bench_analyze, 2-core machine) a chunk keeps the store closed to
#: readers for all but tens of milliseconds per couple of seconds.
DEFAULT_CHUNK_SIZE = 16


class Executor(Protocol):
    """Maps chunks of articles to results, in order, lazily, with bounded work in flight."""

    workers: int

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[ChunkResult]: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one ingest did.

    ``read`` counts articles read (a JSONL file gives one per record);
    ``read == analysed + skipped + (failed - unreadable)``, where the unreadable
    documents are the failures without an article id.
    """

    run_id: str
    read: int
    analysed: int
    skipped: int
    failed: int
    failures: tuple[Failure, ...]
    seconds: float
    workers: int
    #: Peak resident memory of each worker process, by pid (the parent's, for one worker).
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)
    #: What the near-duplicate pass did at the end of the run (None when it did not run).
    dedup: DedupCounts | None = None


@dataclass
class _Tally:
    read: int = 0
    analysed: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)

    def counts(self) -> RunCounts:
        return RunCounts(self.read, self.analysed, self.skipped, len(self.failures))


def make_executor(
    *, workers: int, factory: AnalyzerFactory | None = None, engine: Engine = "local",
    scheduler: str | None = None,
) -> Executor:
    """The local engine runs one worker in this process and more as a process pool;
    the dask engine runs on the cluster at ``scheduler`` or on a LocalCluster of ``workers``.
    """
    factory = factory or partial(build_pipeline, batch_size=DEFAULT_CHUNK_SIZE)
    if engine == "dask":
        from wirelens.batch.dask import DaskExecutor

        return DaskExecutor(factory, workers=workers, scheduler=scheduler)
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}: choose from {', '.join(ENGINES)}")
    if scheduler is not None:
        raise ConfigError("--scheduler needs --engine dask")
    if workers <= 1:
        return InlineExecutor(factory)
    return ProcessExecutor(factory, workers=workers)


def ingest(
    paths: Sequence[str | Path],
    *,
    db: str | Path,
    workers: int | None = None,
    progress: bool = False,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_chars: int = 1_000_000,
    factory: AnalyzerFactory | None = None,
    executor: Executor | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    dedup: bool = True,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> RunSummary:
    """Analyse and store every article under ``paths`` that ``db`` does not hold yet.

    ``workers`` defaults to the number of cores.  ``factory`` builds the
    analyzer in each worker (default: the full pipeline); ``executor``
    replaces the engine's altogether; ``engine`` and ``scheduler`` choose it
    (see :func:`make_executor`).  ``dedup`` groups the new articles into
    stories and links their quotes at the end (:mod:`wirelens.store.dedup`).
    Per-document problems become failures (in the summary and the ``failures``
    table) and the run goes on; a
    :class:`~wirelens.store.connect.StoreError` (the store locked for longer
    than ``lock_timeout``, a newer schema) stops it, and a rerun resumes it.
    """
    started = time.perf_counter()
    names = [str(p) for p in paths]
    if executor is None:
        executor = make_executor(workers=workers or os.cpu_count() or 1, factory=factory,
                                 engine=engine, scheduler=scheduler)
    with Store.open(db, lock_timeout=lock_timeout) as store:
        run_id = store.begin_run(paths=names, workers=executor.workers)
    tally = _Tally()
    rss: dict[int, float] = {}
    bar = tqdm(
        total=estimate_total(names) if progress else None, disable=not progress,
        file=sys.stderr, unit="doc", dynamic_ncols=True, desc="ingest",
    )
    # The chunks the executor has taken, oldest first; results come back in the same order.
    submitted: deque[list[Article]] = deque()
    # Reopened per batch so that readers get their turn; migrated by the open above.
    session = partial(Store.open, db, lock_timeout=lock_timeout, migrated=True)
    status = "aborted"
    grouped: DedupCounts | None = None
    try:
        items = read_inputs(names, max_chars=max_chars)
        chunks = _fresh_chunks(items, session, run_id, tally, bar, chunk_size, submitted)
        for result in executor.map(chunks):
            chunk = submitted.popleft()
            analyses: list[Analysis] = []
            with session() as store:
                for article, item in zip(chunk, result.items, strict=True):
                    if isinstance(item, Failure):
                        store.write_failure(run_id, item, article_id=article.id)
                        tally.failures.append(item)
                    else:
                        analyses.append(item)
                # One transaction for the chunk: each document whole or not at all.
                for written in store.write_many(analyses, run_id=run_id):
                    if written:
                        tally.analysed += 1
                    else:
                        # Read twice in this run, in chunks that were in flight together.
                        tally.skipped += 1
            rss[result.pid] = max(rss.get(result.pid, 0.0), result.peak_rss_mb)
            _advance(bar, len(chunk), tally)
        if dedup:
            # Incremental: only articles without a signature are compared, so a rerun
            # after a crash picks up whatever the last run stored but did not group.
            with session() as store:
                grouped = store.update_duplicates()
        status = "completed"
    finally:
        executor.close()
        bar.close()
        _end_run(session, run_id, tally, status)
    return RunSummary(
        run_id=run_id, read=tally.read, analysed=tally.analysed, skipped=tally.skipped,
        failed=len(tally.failures), failures=tuple(tally.failures),
        seconds=time.perf_counter() - started, workers=executor.workers,
        worker_peak_rss_mb=rss, dedup=grouped,
    )


def _end_run(session: partial[Store], run_id: str, tally: _Tally, status: str) -> None:
    try:
        with session() as store:
            store.end_run(run_id, tally.counts(), status=status)
    except StoreError:
        if status == "completed":
            raise
        # Already failing: the original error matters more than the run's bookkeeping.


def _advance(bar: tqdm, n: int, tally: _Tally) -> None:
    bar.set_postfix(failed=len(tally.failures), skipped=tally.skipped, refresh=False)
    bar.update(n)


#: How many chunks' worth of articles are read before the store is asked which are new.
READ_AHEAD = 8


def _fresh_chunks(
    items: Iterable[Article | Failure],
    session: partial[Store],
    run_id: str,
    tally: _Tally,
    bar: tqdm,
    chunk_size: int,
    submitted: deque[list[Article]],
) -> Iterator[list[Article]]:
    """Chunks of articles the store does not hold yet; read failures are stored on the way.

    The store is asked about READ_AHEAD chunks' worth of articles at once: an
    open and a close per question cost about 50 ms (duckdb 2.0.1), a tenth of
    the parent's time in bench/bench_ingest.py when asked per chunk.
    """
    articles: list[Article] = []
    failures: list[Failure] = []
    block = chunk_size * READ_AHEAD

    def flush() -> list[Article]:
        with session() as store:
            for failure in failures:
                store.write_failure(run_id, failure)
            stored = store.stored_ids(a.id for a in articles)
        tally.failures.extend(failures)
        fresh: dict[str, Article] = {}
        for article in articles:
            if article.id not in stored:
                fresh.setdefault(article.id, article)
        tally.read += len(articles)
        tally.skipped += len(articles) - len(fresh)
        _advance(bar, len(articles) - len(fresh) + len(failures), tally)
        articles.clear()
        failures.clear()
        return list(fresh.values())

    def split(fresh: list[Article]) -> Iterator[list[Article]]:
        for start in range(0, len(fresh), chunk_size):
            chunk = fresh[start:start + chunk_size]
            submitted.append(chunk)
            yield chunk

    for item in items:
        (failures if isinstance(item, Failure) else articles).append(item)  # type: ignore[arg-type]
        if len(articles) >= block or len(failures) >= chunk_size:
            yield from split(flush())
    if articles or failures:
        yield from split(flush())


def estimate_total(paths: Iterable[str]) -> int | None:
    """How many documents ``paths`` hold, for the progress bar's ETA (None for stdin).

    Walks directories the way the reader does; a JSONL file counts its
    non-blank lines, any other file one document.
    """
    total = 0
    for given in paths:
        if given == STDIN:
            return None
        path = Path(given)
        if path.is_dir():
            for directory, subdirectories, files in os.walk(path):
                subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
                for name in files:
                    kind = KINDS.get(os.path.splitext(name)[1].lower())
                    if kind is not None and not name.startswith("."):
                        total += _documents_in(Path(directory, name), kind)
        elif path.is_file():
            total += _documents_in(path, KINDS.get(path.suffix.lower(), "text"))
        else:
            total += 1  # a missing path is one failure
    return total


def _documents_in(path: Path, kind: str) -> int:
    if kind != "jsonl":
        return 1
    try:
        with path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1
