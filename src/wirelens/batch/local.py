"""Run the pipeline over chunks of articles, in this process or in a pool of processes.

Both executors have the shape :class:`wirelens.batch.Executor` asks for: an
ordered, lazy ``map`` from chunks of articles to :class:`ChunkResult`.  Results
come back in input order, so the store gets documents in the order they were
read (which numbers URL versions the same way on every run), and at most
``workers * prefetch`` chunks are in flight, so memory stays flat however long
the input is.

Each worker process loads the pipeline once (the pool initializer) and keeps
it.  Only the parent process touches the store.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from wirelens.errors import Code
from wirelens.model import Analysis, Article, Failure

if TYPE_CHECKING:
    from wirelens.geo.outlets import OutletHome

__all__ = [
    "Analyzer",
    "AnalyzerFactory",
    "ChunkResult",
    "InlineExecutor",
    "ProcessExecutor",
    "analyse_chunk",
    "build_pipeline",
]


class Analyzer(Protocol):
    """What a worker needs from the pipeline: :meth:`wirelens.pipeline.Pipeline.pipe`."""

    def pipe(self, articles: Iterable[Article]) -> Iterator[Analysis]: ...


#: Builds the analyzer once per worker.  Must be picklable (a class, a
#: module-level function or a functools.partial of one) to reach a worker process.
AnalyzerFactory = Callable[[], Analyzer]


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One chunk's outcome: ``items[i]`` is the analysis (or failure) of the i-th article."""

    items: list[Analysis | Failure]
    pid: int
    peak_rss_mb: float


def _peak_rss_mb() -> float:
    """This process's peak resident memory.

    VmHWM belongs to the address space, which exec replaces, so a spawned
    worker reports its own peak.  ru_maxrss would not do: Linux carries it over
    fork and exec, so a worker started by a large parent reports the parent's.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass  # not Linux: fall back below
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _failure(article: Article, err: Exception) -> Failure:
    return Failure(article.source or article.id, Code.ANALYSIS.value,
                   f"analysis failed: {type(err).__name__}: {err}")


def analyse_chunk(analyzer: Analyzer, articles: list[Article]) -> ChunkResult:
    """Analyse a chunk in one ``pipe`` call; on an error, each article alone.

    A component that raises on one article must cost that article only, not its
    batch-mates, and must not stop the run: its error becomes a Failure.
    """
    items: list[Analysis | Failure]
    try:
        items = list(analyzer.pipe(articles))
    except Exception:  # noqa: BLE001 -- any component bug becomes per-article failures below
        items = []
        for article in articles:
            try:
                items.extend(analyzer.pipe([article]))
            except Exception as err:  # noqa: BLE001 -- errors are data in batch runs
                items.append(_failure(article, err))
    if len(items) != len(articles):
        # The pipeline yields one record per article; anything else would misalign rows.
        raise RuntimeError(f"analyzer returned {len(items)} records for {len(articles)} articles")
    return ChunkResult(items, os.getpid(), _peak_rss_mb())


class InlineExecutor:
    """Analyses in the calling process: no pickling, the simplest thing for one worker."""

    workers = 1

    def __init__(self, factory: AnalyzerFactory) -> None:
        self._factory = factory
        self._analyzer: Analyzer | None = None

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[ChunkResult]:
        for chunk in chunks:
            if self._analyzer is None:
                self._analyzer = self._factory()
            yield analyse_chunk(self._analyzer, chunk)

    def close(self) -> None:
        self._analyzer = None


# -- the process pool ------------------------------------------------------------

_worker_analyzer: Analyzer | None = None


def _init_worker(factory: AnalyzerFactory) -> None:
    global _worker_analyzer
    _worker_analyzer = factory()


def _work(articles: list[Article]) -> ChunkResult:
    if _worker_analyzer is None:
        raise RuntimeError("worker used before its initializer ran")
    return analyse_chunk(_worker_analyzer, articles)


class ProcessExecutor:
    """A pool of ``workers`` processes, each loading the analyzer once.

    ``start_method`` defaults to ``spawn``: the parent has DuckDB's and tqdm's
    threads running, and forking a process with threads can deadlock the child.
    A worker that dies (a crash in native code, the OOM killer) breaks the pool;
    the pool is then rebuilt, the chunk being waited on is retried one article
    at a time to find the culprit, which becomes a Failure, and the other chunks
    in flight are resubmitted.
    """

    def __init__(
        self, factory: AnalyzerFactory, *, workers: int, prefetch: int = 2,
        start_method: str = "spawn",
    ) -> None:
        self.workers = workers
        self._factory = factory
        self._limit = max(1, workers * prefetch)
        self._context = multiprocessing.get_context(start_method)
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=self._context,
            initializer=_init_worker, initargs=(self._factory,),
        )

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[ChunkResult]:
        inflight: deque[tuple[list[Article], Future[ChunkResult]]] = deque()
        for chunk in chunks:
            inflight.append((chunk, self._pool.submit(_work, chunk)))
            while len(inflight) >= self._limit:
                yield self._collect(inflight)
        while inflight:
            yield self._collect(inflight)

    def _collect(self, inflight: deque[tuple[list[Article], Future[ChunkResult]]]) -> ChunkResult:
        chunk, future = inflight.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
            result = self._one_by_one(chunk)
            for i, (waiting, _) in enumerate(inflight):
                inflight[i] = (waiting, self._pool.submit(_work, waiting))
            return result

    def _one_by_one(self, chunk: list[Article]) -> ChunkResult:
        items: list[Analysis | Failure] = []
        pid, peak = os.getpid(), 0.0
        for article in chunk:
            try:
                single = self._pool.submit(_work, [article]).result()
            except BrokenProcessPool:
                self._restart()
                items.append(Failure(article.source or article.id, Code.ANALYSIS.value,
                                     "the worker process died while analysing this article"))
                continue
            items.extend(single.items)
            pid, peak = single.pid, max(peak, single.peak_rss_mb)
        return ChunkResult(items, pid, peak)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def build_pipeline(*, batch_size: int = 16,
                   outlet_homes: Mapping[str, OutletHome] | None = None) -> Analyzer:
    """The default analyzer: the full :class:`~wirelens.pipeline.Pipeline`.

    Imported here, in the worker, so the parent process never loads spaCy.
    """
    from wirelens.pipeline import Pipeline

    return Pipeline(batch_size=batch_size, outlet_homes=outlet_homes)
