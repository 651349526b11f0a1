"""Throughput of `wirelens ingest` against a bare spaCy pass, 1 vs 2 workers, peak memory.

Run with `python bench/bench_ingest.py [N]` (N articles, default 96).  Prints
figures and the ratios issue 6 sets targets for; asserts nothing.

The corpus is synthetic: N texts cycled from our fictional samples, each made
unique with a variant line so that none is skipped as already stored.  Ingest
times are end to end (reading, worker start-up and model load, analysis,
writing); the bare pass loads its model before the clock starts, so the
ingest/bare ratio is a lower bound on small N.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"


def make_corpus(root: Path, n: int) -> None:
    samples = sorted(SAMPLES.glob("*.txt"))
    for i in range(n):
        sample = samples[i % len(samples)]
        head, rule, body = sample.read_text(encoding="utf-8").partition("\n---\n")
        text = f"{head}{rule}Variant {i}. {body}" if rule else f"Variant {i}. {head}"
        (root / f"{i:06d}-{sample.name}").write_text(text, encoding="utf-8")


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
    from wirelens.batch import ingest

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 96
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp, "corpus")
        root.mkdir()
        make_corpus(root, n)
        bare = bare_pass(root)
        print(f"{n} articles")
        print(f"bare nlp.pipe (en_core_web_sm, warm): {bare:6.1f} s  {n / bare:5.1f} articles/s")
        rates = {}
        for workers in (1, 2):
            summary = ingest([root], db=Path(tmp, f"w{workers}.duckdb"), workers=workers)
            rates[workers] = summary.analysed / summary.seconds
            peaks = ", ".join(f"{v:.0f}" for v in sorted(summary.worker_peak_rss_mb.values()))
            print(f"ingest, {workers} worker(s), end to end:  {summary.seconds:6.1f} s  "
                  f"{rates[workers]:5.1f} articles/s  peak RSS per worker (MB): {peaks}")
        print(f"ingest 1 worker / bare nlp.pipe: {rates[1] / (n / bare):.2f}  (target >= 0.8)")
        print(f"ingest 2 workers / 1 worker:     {rates[2] / rates[1]:.2f}  (target >= 1.7)")


if __name__ == "__main__":
    main()
