"""wirelens: structured, verifiable evidence from conflict news.

>>> import wirelens
>>> record = wirelens.analyze("Mayor Iryna Bondar said the shelling stopped.")
>>> [(e.label, e.name) for e in record.entities]

Nothing is loaded at import time: the model and the gazetteer load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirelens.model import (
    Analysis,
    Article,
    Entity,
    Event,
    Failure,
    Mention,
    Place,
    Quote,
    Span,
    Speaker,
)

if TYPE_CHECKING:
    from wirelens.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Entity",
    "Event",
    "Failure",
    "Mention",
    "Pipeline",
    "Place",
    "Quote",
    "Span",
    "Speaker",
    "__version__",
    "analyze",
]

_default: Pipeline | None = None


def analyze(text: str, *, title: str | None = None, published: str | None = None) -> Analysis:
    """Analyse one article given as a string, with the default pipeline (loaded once)."""
    global _default
    from wirelens.ingest import read_text
    from wirelens.pipeline import Pipeline

    if _default is None:
        _default = Pipeline()
    article = read_text(text, source="<string>", title=title, published=published)
    return _default.analyze(article)


def __getattr__(name: str) -> object:
    # Pipeline is importable from the top level without loading spaCy at import time.
    if name == "Pipeline":
        from wirelens.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'wirelens' has no attribute {name!r}")
