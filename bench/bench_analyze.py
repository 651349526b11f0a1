"""Start-up time and time per article for `wirelens analyze`.

Run with `make bench`.  Prints figures; asserts nothing (timing is not a test).

* start-up: a fresh `wirelens analyze` process on the Konstantinovka sample
  (or the first bundled article when ../shared is absent), import, model and
  gazetteer load included: the wall time a user waits for one article;
* per article: the warm pipeline over every bundled article, against a bare
  `nlp.pipe` of the same texts, so the cost of our layers shows as a ratio.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "konstantinovka.txt"
ARTICLES = ROOT / "samples" / "articles"
REPEATS = 3


def startup(path: Path) -> float:
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "wirelens", "analyze", str(path), "--format", "json"],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    from wirelens.ingest import read_inputs
    from wirelens.model import Article
    from wirelens.pipeline import Pipeline

    sample = SAMPLE if SAMPLE.exists() else sorted(ARTICLES.glob("*.txt"))[0]
    print(f"start-up + one article ({sample.name}), median of {REPEATS}: "
          f"{startup(sample):.2f} s")

    articles = [a for a in read_inputs([ARTICLES]) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    pipe = Pipeline()
    list(pipe.pipe(articles[:2]))  # warm up: model, gazetteer, caches
    t = time.perf_counter()
    for _ in range(REPEATS):
        list(pipe.pipe(articles))
    ours = (time.perf_counter() - t) / REPEATS
    nlp = pipe.resources.nlp
    t = time.perf_counter()
    for _ in range(REPEATS):
        list(nlp.pipe(a.text for a in articles))
    bare = (time.perf_counter() - t) / REPEATS
    n = len(articles)
    print(f"{n} articles, {words} words")
    print(f"wirelens pipeline: {1000 * ours / n:.1f} ms/article ({n / ours:.1f} articles/s)")
    print(f"spaCy pass alone : {1000 * bare / n:.1f} ms/article")
    print(f"our layers add   : {100 * (ours - bare) / bare:.0f}% to the spaCy pass")


if __name__ == "__main__":
    main()
