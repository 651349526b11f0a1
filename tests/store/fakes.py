"""A stand-in analyzer: instant, deterministic, and able to fail on demand.

Importable by worker processes (it lives in a module, not a test), so the
batch tests run the real process pool without loading spaCy.  Texts carrying
a marker misbehave: ``RAISE-ME`` raises, ``CRASH-ME`` kills the worker process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator

from wirelens.model import Analysis, Article, Entity, Mention, Span

RAISE = "RAISE-ME"
CRASH = "CRASH-ME"


class FakeAnalyzer:
    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay

    def pipe(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        for article in articles:
            if self.delay:
                time.sleep(self.delay)
            if CRASH in article.text:
                os._exit(13)
            if RAISE in article.text:
                raise ValueError("the fake component fails on purpose")
            first = article.text.split()[0]
            mention = Mention(Span(0, len(first), first))
            yield Analysis(
                article=article,
                entities=(Entity(id="e1", label="ORG", name=first, mentions=(mention,)),),
                warnings=article.warnings,
            )


def fake() -> FakeAnalyzer:
    return FakeAnalyzer()


def slow_fake() -> FakeAnalyzer:
    return FakeAnalyzer(delay=0.05)


def fake_pipeline(*, batch_size: int = 16) -> FakeAnalyzer:
    """Stands in for :func:`wirelens.batch.local.build_pipeline` (same signature)."""
    return FakeAnalyzer()
