"""Memory growth of one worker's pipeline over many articles: RSS at the start, end and peak.

    python bench/bench_memory.py [--n 10000] [--every 500] [--real]

Feeds N synthetic articles (bench/make_corpus.py) through one analyzer in
this process, in chunks of 16 as a worker gets them, and samples this
process's resident memory every ``--every`` articles.  The stand-in analyzer
(tests/store/fakes.py) measures the batch machinery alone; ``--real`` runs the
full pipeline (about 150 ms an article per core: 10,000 take some 25 minutes).
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


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


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
    args = parser.parse_args()
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
