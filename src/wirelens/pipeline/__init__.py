"""The analysis pipeline: one spaCy pass, then our components in declared order.

>>> from wirelens import Pipeline
>>> pipe = Pipeline()                       # loads the model once
>>> for record in pipe.pipe(articles):      # any iterable of Article or str
...     print(record.article.title, len(record.entities))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from wirelens.geo.outlets import OutletHome
from wirelens.model import Analysis, Article

# Importing the component modules registers them (one line per component).
from wirelens.pipeline import coref, entities, events, places, quotes  # noqa: F401
from wirelens.pipeline.base import REGISTRY, Context, check_order
from wirelens.pipeline.resources import DEFAULT_MODEL, Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The components that run by default, in order.
DEFAULT_COMPONENTS: tuple[str, ...] = ("entities", "coref", "places", "quotes", "events")

__all__ = ["DEFAULT_COMPONENTS", "Pipeline", "Resources"]


class Pipeline:
    """Loads the model and gazetteer once, then analyses articles one by one or in batches."""

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        components: Sequence[str] = DEFAULT_COMPONENTS,
        gazetteer_path: str | None = None,
        batch_size: int = 16,
        outlet_homes: Mapping[str, OutletHome] | None = None,
    ) -> None:
        names = list(components)
        check_order(names)
        self.resources = Resources(model=model, gazetteer_path=gazetteer_path,
                                   outlet_homes=dict(outlet_homes or {}))
        self.components = [REGISTRY[name](self.resources) for name in names]
        self.batch_size = batch_size

    def analyze(self, article: Article) -> Analysis:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article | str]) -> Iterator[Analysis]:
        """Analyse many articles, parsing them in batches with ``nlp.pipe``."""
        nlp = self.resources.nlp
        prepared = (a if isinstance(a, Article) else _from_string(a) for a in articles)
        batch: list[Article] = []
        for article in prepared:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._run(nlp, batch)
                batch = []
        if batch:
            yield from self._run(nlp, batch)

    def analyze_parsed(self, article: Article, doc: Doc) -> Analysis:
        """Run our components on a spaCy parse of ``article.text`` made elsewhere.

        For callers that analyse one text more than once (an evaluation with and
        without outlet homes): the parse, most of the cost, is made once.
        """
        ctx = Context(article=article, doc=doc, resources=self.resources)
        ctx.warnings.extend(article.warnings)
        for comp in self.components:
            comp(ctx)
        return ctx.freeze()

    def _run(self, nlp: object, batch: list[Article]) -> Iterator[Analysis]:
        english = [a for a in batch if _is_english(a)]
        docs = iter(self.resources.nlp.pipe([a.text for a in english]))
        for article in batch:
            if not _is_english(article):
                yield Analysis(article=article, warnings=article.warnings)
                continue
            yield self.analyze_parsed(article, next(docs))


def _from_string(text: str) -> Article:
    from wirelens.ingest import read_text

    return read_text(text, source="<string>")


def _is_english(article: Article) -> bool:
    # Non-English articles are flagged at ingest; the English model would only
    # produce noise on them, so they pass through with empty lists.
    return article.language in (None, "en")
