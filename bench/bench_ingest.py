"""Throughput of `wirelens ingest` against a bare spaCy pass, 1 vs 2 workers, peak memory.

    python bench/bench_ingest.py [--n 400] [--engine local|dask]

Prints figures and the ratios issue 6 sets targets for; asserts nothing.

The corpus comes from bench/make_corpus.py: N distinct synthetic variants of
our fictional samples, about a tenth of them near-duplicate republications.
Ingest times are end to end (reading, worker or cluster start-up and model
load, analysis, writing, the near-duplicate pass); the bare pass loads its
model before the clock starts, so the ingest/bare ratio is a lower bound on small N.
The bare pass runs in a child process of its own: one worker ingests in this
process, and its peak RSS must not include the bare pass's model and parses.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# A sibling script, not a package: found through the sys.path entry above.
from make_corpus import make_corpus


def bare_pass(root: Path) -> float:
    import spacy

    from wirelens.ingest import read_inputs
    from wirelens.model import Article
    from wirelens.pipeline.resources import DEFAULT_MODEL

    texts = [a.text for a in read_inputs([root]) if isinstance(a, Article)]
    nlp = spacy.load(DEFAULT_MODEL)
    list(nlp.pipe(texts[:2]))  # warm up
    t = time.perf_counter()
    list(nlp.pipe(texts))
    return time.perf_counter() - t


def main() -> None:
    from wirelens.batch import ENGINES, ingest

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=400, help="articles (default: 400)")
    parser.add_argument("--engine", choices=ENGINES, default="local")
    args = parser.parse_args()
    n = args.n
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp, "corpus")
        make_corpus(n, root)
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            bare = pool.apply(bare_pass, (root,))
        print(f"{n} articles, engine {args.engine}")
        print(f"bare nlp.pipe (en_core_web_sm, warm): {bare:6.1f} s  {n / bare:5.1f} articles/s")
        rates = {}
        for workers in (1, 2):
            summary = ingest([root], db=Path(tmp, f"w{workers}.duckdb"), workers=workers,
                             engine=args.engine)
            rates[workers] = summary.analysed / summary.seconds
            peaks = ", ".join(f"{v:.0f}" for v in sorted(summary.worker_peak_rss_mb.values()))
            print(f"ingest, {workers} worker(s), end to end:  {summary.seconds:6.1f} s  "
                  f"{rates[workers]:5.1f} articles/s  peak RSS per worker (MB): {peaks}")
            if summary.dedup is not None:
                print(f"  near-duplicates: {summary.dedup.stories} stories, "
                      f"{summary.dedup.links} repeated quotes")
        print(f"ingest 1 worker / bare nlp.pipe: {rates[1] / (n / bare):.2f}  (target >= 0.8)")
        print(f"ingest 2 workers / 1 worker:     {rates[2] / rates[1]:.2f}  (target >= 1.7)")


if __name__ == "__main__":
    main()
