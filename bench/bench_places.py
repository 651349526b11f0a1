"""The place resolver's cost: gazetteer load, lookups/s, and its share of the spaCy pass.

Run: PYTHONPATH=src python bench/bench_places.py [--rounds N]
Printed, never asserted.  The share compares the ``places`` component alone with
the spaCy parse of the same articles (samples/articles), both timed per article.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from wirelens.geo.gazetteer import Gazetteer, default_path
from wirelens.ingest import read_inputs
from wirelens.model import Article, Failure
from wirelens.pipeline import Pipeline
from wirelens.pipeline import places as _places  # noqa: F401  (registers "places")
from wirelens.pipeline.base import Context

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"
NAMES = ["Konstantinovka", "Kyiv", "Donetsk region", "Pokrovsk", "Alexandria", "Georgia",
         "Washington", "Paris", "St. Petersburg", "Geneva", "Gaza Strip", "Khartoum"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the samples")
    args = parser.parse_args()

    path = default_path()
    Gazetteer.load(path).close()  # builds it once if missing, outside the timing
    t0 = time.perf_counter()
    gaz = Gazetteer.load(path)
    print(f"gazetteer load: {(time.perf_counter() - t0) * 1e3:.1f} ms")
    n = 2000
    t0 = time.perf_counter()
    for i in range(n):
        gaz._cached_matches.cache_clear()
        gaz.lookup_matches(NAMES[i % len(NAMES)])
    cold = (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    for i in range(100 * n):
        gaz.lookup_matches(NAMES[i % len(NAMES)])
    warm = (time.perf_counter() - t0) / (100 * n)
    print(f"lookups: {1 / cold:,.0f}/s uncached ({cold * 1e6:.0f} µs), "
          f"{1 / warm:,.0f}/s cached")
    gaz.close()

    pipe = Pipeline(components=("entities", "places"))
    articles = [a for a in read_inputs([SAMPLES]) if not isinstance(a, Failure)]
    english = [a for a in articles if isinstance(a, Article) and a.language in (None, "en")]
    entities, places = pipe.components
    nlp = pipe.resources.nlp
    list(pipe.pipe(english))  # warm the model, the gazetteer and its caches
    spacy_s = entities_s = places_s = 0.0
    for _ in range(args.rounds):
        for article in english:
            t0 = time.perf_counter()
            doc = nlp(article.text)
            t1 = time.perf_counter()
            ctx = Context(article=article, doc=doc, resources=pipe.resources)
            entities(ctx)
            t2 = time.perf_counter()
            places(ctx)
            t3 = time.perf_counter()
            spacy_s += t1 - t0
            entities_s += t2 - t1
            places_s += t3 - t2
    docs = args.rounds * len(english)
    print(f"{len(english)} sample articles x {args.rounds}: spaCy {spacy_s / docs * 1e3:.1f} ms, "
          f"entities {entities_s / docs * 1e3:.1f} ms, places {places_s / docs * 1e3:.2f} ms "
          "per article")
    print(f"places as a share of the spaCy pass: {places_s / spacy_s:.1%}")


if __name__ == "__main__":
    main()
