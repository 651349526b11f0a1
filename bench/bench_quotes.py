"""Cost of the quote component as a share of the spaCy pass.

Run with `python bench/bench_quotes.py`.  Prints figures; asserts nothing.
Issue 3 asks that quote extraction add at most 15% to the time of the spaCy
pass.  We time ``nlp.pipe`` over the bundled articles (``samples/articles``),
then run the entity layer once and time the quote component alone on the
same parsed documents.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "samples" / "articles"
REPEATS = 5


def main() -> None:
    from wirelens.ingest import read_inputs
    from wirelens.model import Article
    from wirelens.pipeline import Pipeline
    from wirelens.pipeline.base import Context
    from wirelens.pipeline.quotes import QuoteExtractor

    articles = [a for a in read_inputs([ARTICLES]) if isinstance(a, Article)]
    pipe = Pipeline(components=("entities", "coref"))
    nlp = pipe.resources.nlp
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:2]))  # warm up
    spacy_times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        docs = list(nlp.pipe(texts))
        spacy_times.append(time.perf_counter() - t)
    contexts = []
    for article, doc in zip(articles, docs, strict=True):
        ctx = Context(article=article, doc=doc, resources=pipe.resources)
        for comp in pipe.components:
            comp(ctx)
        contexts.append(ctx)
    quotes = QuoteExtractor(pipe.resources)
    quote_times = []
    found = 0
    for _ in range(REPEATS):
        t = time.perf_counter()
        for ctx in contexts:
            quotes(ctx)
        quote_times.append(time.perf_counter() - t)
        found = sum(len(ctx.quotes) for ctx in contexts)
    spacy_s = statistics.median(spacy_times)
    quote_s = statistics.median(quote_times)
    n = len(articles)
    print(f"{n} articles, {found} quotes")
    print(f"spaCy pass:      {1000 * spacy_s / n:7.2f} ms/article")
    print(f"quote component: {1000 * quote_s / n:7.2f} ms/article")
    print(f"quote cost: {100 * quote_s / spacy_s:.1f}% of the spaCy pass (target <= 15%)")


if __name__ == "__main__":
    main()
