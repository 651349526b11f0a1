"""Memory growth of one worker's pipeline over many articles: RSS at the start, end and peak.

    python bench/bench_memory.py [--n 10000] [--every 500] [--real]
    python bench/bench_memory.py --ingest [--n 10000] [--workers 2]

Feeds N synthetic articles (bench/make_corpus.py) through one analyzer in
this process, in chunks of 16 as a worker gets them, and samples this
process's resident memory every ``--every`` articles.  The stand-in analyzer
(tests/store/fakes.py) measures the batch machinery alone; ``--real`` runs the
full pipeline (about 150 ms an article per core: 10,000 take some 25 minutes).
``--ingest`` runs the whole ``wirelens ingest`` instead (real pipeline, its
worker processes, the store, the near-duplicate pass) and samples the resident
memory of this process and of each worker every few seconds.
Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def rss_mb(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # the process has gone
        pass
    return float("nan")


def children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (the ingest's workers)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def ingest_memory(n: int, workers: int, interval: float) -> None:
    import os
    import threading

    from make_corpus import make_corpus

    from wirelens.batch import ingest

    samples: list[tuple[float, float, dict[int, float]]] = []
    stop = threading.Event()
    me = os.getpid()

    def sample(t0: float) -> None:
        while not stop.wait(interval):
            samples.append((time.perf_counter() - t0, rss_mb(),
                            {c: rss_mb(c) for c in children(me)}))

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp, "corpus")
        make_corpus(n, root)
        t0 = time.perf_counter()
        sampler = threading.Thread(target=sample, args=(t0,), daemon=True)
        sampler.start()
        summary = ingest([root], db=Path(tmp, "store.duckdb"), workers=workers,
                         progress=False)
        stop.set()
        sampler.join()
    print(f"ingest of {summary.analysed} articles ({summary.failed} failed), {workers} workers, "
          f"{summary.seconds:.0f} s")
    print("   s  parent MB  workers MB")
    step = max(1, len(samples) // 20)
    for t, parent, kids in samples[::step] + samples[-1:]:
        print(f"{t:5.0f}  {parent:9.0f}  " + "  ".join(f"{mb:.0f}" for mb in kids.values()))
    # Growth: the median of the last tenth of the samples against the second tenth
    # (the first holds model loading and the first batches).
    tenth = max(1, len(samples) // 10)

    def median(values: list[float]) -> float:
        values = sorted(v for v in values if v == v)
        return values[len(values) // 2] if values else float("nan")

    def worker_mb(part: list[tuple[float, float, dict[int, float]]]) -> float:
        return median([max(kids.values(), default=float("nan")) for _, _, kids in part])

    early, late = samples[tenth:2 * tenth], samples[-tenth:]
    print(f"parent: {median([p for _, p, _ in early]):.0f} MB early, "
          f"{median([p for _, p, _ in late]):.0f} MB late, "
          f"peak {max(p for _, p, _ in samples):.0f} MB")
    print(f"largest worker: {worker_mb(early):.0f} MB early, {worker_mb(late):.0f} MB late, "
          f"peak {max(summary.worker_peak_rss_mb.values(), default=0):.0f} MB")


def main() -> None:
    # A sibling script, not a package: found through the sys.path entry above.
    from make_corpus import make_corpus

    from wirelens.batch.local import Analyzer, analyse_chunk, build_pipeline
    from wirelens.ingest import read_inputs
    from wirelens.model import Article

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--real", action="store_true", help="the full pipeline, not the stand-in")
    parser.add_argument("--ingest", action="store_true",
                        help="a whole `wirelens ingest` (real pipeline, workers, store)")
    parser.add_argument("--workers", type=int, default=2, help="with --ingest (default: 2)")
    parser.add_argument("--interval", type=float, default=5.0,
                        help="with --ingest: seconds between samples (default: 5)")
    args = parser.parse_args()
    if args.ingest:
        ingest_memory(args.n, args.workers, args.interval)
        return
    analyzer: Analyzer
    if args.real:
        analyzer = build_pipeline(batch_size=16)
    else:
        from tests.store.fakes import fake

        analyzer = fake()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp, "corpus")
        make_corpus(args.n, root)
        start = rss_mb()
        samples = [(0, start)]
        done, chunk = 0, []
        t = time.perf_counter()
        # Read lazily and drop each chunk's results, as a worker does.
        for item in read_inputs([root]):
            if isinstance(item, Article):
                chunk.append(item)
            if len(chunk) == 16:
                analyse_chunk(analyzer, chunk)
                done += len(chunk)
                chunk = []
                if done % args.every < 16:
                    samples.append((done, rss_mb()))
        if chunk:
            analyse_chunk(analyzer, chunk)
            done += len(chunk)
        samples.append((done, rss_mb()))
        seconds = time.perf_counter() - t
    peak = max(mb for _, mb in samples)
    print(f"{done} articles through one {'real' if args.real else 'stand-in'} analyzer "
          f"in {seconds:.0f} s")
    print("articles  RSS (MB)")
    for n, mb in samples:
        print(f"{n:8d}  {mb:8.1f}")
    print(f"start {start:.1f} MB, end {samples[-1][1]:.1f} MB, peak {peak:.1f} MB, "
          f"growth {samples[-1][1] - samples[1][1] if len(samples) > 2 else 0:+.1f} MB "
          "after the first sample")


if __name__ == "__main__":
    main()
