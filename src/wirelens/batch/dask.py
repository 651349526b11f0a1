"""The Dask engine: the same pipeline mapped over chunks on a Dask cluster.

>>> ingest(["news/"], db="corpus.duckdb", engine="dask", scheduler="tcp://10.0.0.5:8786")

:class:`DaskExecutor` has the shape :class:`wirelens.batch.Executor` asks
for, so :func:`wirelens.batch.ingest` drives it like the local pool: the parent
reads the inputs, skips stored ids, and writes the results back through
:meth:`wirelens.store.Store.write`.  What changes is the transport:

* each worker process loads the pipeline once, when it joins (a worker plugin,
  registered again by every worker that joins later or restarts);
* a task analyses one chunk and writes its results as one Parquet shard
  (:mod:`wirelens.batch.shards`): straight into the shard directory when the
  workers share this machine's file system (a ``LocalCluster``), otherwise to
  a worker-local file whose bytes come back with the task's result;
* the parent reads each shard back in chunk order and merges it into the store
  through the single write path, so the guarantees are the local engine's:
  content-hash ids, every article once, whole documents only.  A shard is
  deleted once the next one is asked for, that is once its documents are stored.

Without a scheduler address a ``LocalCluster`` of ``workers`` processes (one
thread each) is started and stopped with the executor.  On a remote cluster,
start the workers with one thread each (``dask worker --nthreads 1 --nworkers
N``): a worker's threads share its one pipeline and take turns with it.

Requires the ``[dask]`` extra; nothing here is imported otherwise.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirelens.batch.local import Analyzer, AnalyzerFactory, ChunkResult, analyse_chunk
from wirelens.batch.shards import read_shard, write_shard
from wirelens.errors import Code, ConfigError
from wirelens.model import Analysis, Article, Failure

try:
    from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, get_worker
except ImportError:
    # This module is imported only for --engine dask: say which extra is missing.
    raise ConfigError(
        "the dask engine needs the [dask] extra: pip install 'wirelens[dask]'"
    ) from None

if TYPE_CHECKING:
    from distributed import Future, Worker

__all__ = ["DaskExecutor", "PipelinePlugin"]


class PipelinePlugin(WorkerPlugin):
    """Loads the analyzer once per worker process, when the worker starts.

    The lock makes a worker's threads take turns with its one pipeline: spaCy
    pipelines are not meant to be shared between threads.
    """

    def __init__(self, factory: AnalyzerFactory) -> None:
        self.factory = factory
        self.analyzer: Analyzer | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        # Only the recipe travels to the workers: the lock and a loaded model do not pickle.
        return {"factory": self.factory}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["factory"])  # type: ignore[misc]

    def setup(self, worker: Worker) -> None:
        self.analyzer = self.factory()

    def teardown(self, worker: Worker) -> None:
        self.analyzer = None


@dataclass(frozen=True, slots=True)
class _Reply:
    """What a task sends back: where its shard is, or the shard itself."""

    name: str
    data: bytes | None
    pid: int
    peak_rss_mb: float


def _analyse_to_shard(
    chunk: list[Article], *, plugin: str, name: str, shard_dir: str | None
) -> _Reply:
    """Runs on a worker: analyse ``chunk`` with the worker's pipeline, write one shard."""
    loaded = get_worker().plugins[plugin]
    if not isinstance(loaded, PipelinePlugin) or loaded.analyzer is None:
        raise RuntimeError(f"worker plugin {plugin!r} did not load the pipeline")
    with loaded.lock:
        result = analyse_chunk(loaded.analyzer, chunk)
    ids = [a.id for a in chunk]
    if shard_dir is not None:
        write_shard(Path(shard_dir, name), result.items, ids=ids)
        return _Reply(name, None, result.pid, result.peak_rss_mb)
    with tempfile.TemporaryDirectory(prefix="wirelens-shard-") as tmp:
        path = Path(tmp, name)
        write_shard(path, result.items, ids=ids)
        return _Reply(name, path.read_bytes(), result.pid, result.peak_rss_mb)


class DaskExecutor:
    """Chunks to a Dask cluster and back, in order, with at most ``workers * prefetch`` in flight.

    ``scheduler`` is an address (``tcp://host:8786``); None starts a
    ``LocalCluster`` of ``workers`` processes.  Or pass a connected ``client``
    (a notebook's, a test's): it is used and left open.  ``shard_dir`` is where the
    parent keeps shards until they are stored (default: a temporary
    directory); ``shared_filesystem`` says the workers can write there
    themselves (default: only for the local cluster).
    """

    def __init__(
        self,
        factory: AnalyzerFactory,
        *,
        workers: int,
        scheduler: str | None = None,
        shard_dir: str | Path | None = None,
        shared_filesystem: bool | None = None,
        prefetch: int = 2,
        client: Client | None = None,
    ) -> None:
        self._own_dir = shard_dir is None
        self._dir = Path(shard_dir or tempfile.mkdtemp(prefix="wirelens-shards-"))
        self._dir.mkdir(parents=True, exist_ok=True)
        local = scheduler is None and client is None
        self._shared = local if shared_filesystem is None else shared_filesystem
        self._cluster: LocalCluster | None = None
        self._own_client = client is None
        if client is not None:
            self._client = client
        elif scheduler is None:
            # One thread a worker: the pipeline is CPU-bound Python, threads would only queue.
            # distributed leaves these constructors unannotated, hence the ignores.
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(1, workers), threads_per_worker=1, processes=True,
                # Any free port for the scheduler's HTTP server: the default 8787 may be
                # taken (another cluster), and distributed then warns or fails.
                dashboard_address=":0", silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        else:
            self._client = Client(scheduler)  # type: ignore[no-untyped-call]
        self._plugin = f"wirelens-pipeline-{uuid.uuid4().hex[:12]}"
        try:
            # Waits for every current worker to load the pipeline; later ones load it on joining.
            self._client.register_plugin(PipelinePlugin(factory), name=self._plugin)
        except BaseException:
            self.close()
            raise
        self._closed = False
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self._limit = max(1, self.workers * prefetch)

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[ChunkResult]:
        inflight: deque[tuple[list[Article], Future[_Reply]]] = deque()
        done: Path | None = None
        for chunk in chunks:
            inflight.append((chunk, self._submit(chunk)))
            while len(inflight) >= self._limit:
                result, done = self._collect(inflight, done)
                yield result
        while inflight:
            result, done = self._collect(inflight, done)
            yield result
        _unlink(done)

    def _submit(self, chunk: list[Article]) -> Future[_Reply]:
        name = f"{uuid.uuid4().hex}.parquet"
        return self._client.submit(
            _analyse_to_shard, chunk, plugin=self._plugin, name=name,
            shard_dir=str(self._dir) if self._shared else None, pure=False,
        )

    def _collect(
        self, inflight: deque[tuple[list[Article], Future[_Reply]]], done: Path | None
    ) -> tuple[ChunkResult, Path | None]:
        # The caller asks for the next result only after storing the previous one.
        _unlink(done)
        chunk, future = inflight.popleft()
        try:
            reply = future.result()
        except KilledWorker:
            return self._one_by_one(chunk), None
        path = self._receive(reply)
        return ChunkResult(read_shard(path), reply.pid, reply.peak_rss_mb), path

    def _receive(self, reply: _Reply) -> Path:
        path = self._dir / reply.name
        if reply.data is not None:
            partial = path.with_name(path.name + ".partial")
            partial.write_bytes(reply.data)
            partial.replace(path)
        return path

    def _one_by_one(self, chunk: list[Article]) -> ChunkResult:
        """The chunk killed its workers: find the article that does, the others are analysed."""
        items: list[Analysis | Failure] = []
        pid, peak = os.getpid(), 0.0
        for article in chunk:
            try:
                reply = self._submit([article]).result()
            except KilledWorker:
                items.append(Failure(article.source or article.id, Code.ANALYSIS.value,
                                     "the worker process died while analysing this article"))
                continue
            path = self._receive(reply)
            items.extend(read_shard(path))
            _unlink(path)
            pid, peak = reply.pid, max(peak, reply.peak_rss_mb)
        return ChunkResult(items, pid, peak)

    def close(self) -> None:
        if getattr(self, "_closed", False):
            return
        self._closed = True
        if not self._own_client:
            # A borrowed client stays open; its workers drop our pipeline.
            self._client.unregister_worker_plugin(self._plugin)  # type: ignore[no-untyped-call]
        elif hasattr(self, "_client"):
            self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
        if self._own_dir:
            shutil.rmtree(self._dir, ignore_errors=True)


def _unlink(path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)
