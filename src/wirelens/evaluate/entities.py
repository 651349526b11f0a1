"""Entity precision and recall on our own annotated fictional articles.

Gold files (``tests/gold/entities/NN-slug.json``) list clusters with every
mention's offsets into the article text (see the README in that folder).  We
score:

* name mentions, exact span and label, per label and overall; GPE and LOC are
  also scored merged as PLACE, since the line between them is a convention
  (is Crimea a region or an area?) rather than a fact;
* pronoun and description links: a predicted pronoun or description is right
  when it sits on a gold one and joins the cluster that holds the gold
  cluster's names.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wirelens.model import Analysis, Article, Entity, Failure, Mention, Span

LABELS = ("PERSON", "ORG", "NORP", "GPE", "LOC")


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class EntityScores:
    articles: int
    overall: PRF  # exact span, label with GPE/LOC merged as PLACE
    strict: PRF  # exact span, exact label
    by_label: dict[str, PRF]
    links: PRF  # pronouns and descriptions linked to the right person
    errors: tuple[str, ...] = field(default=())


def _place(label: str) -> str:
    return "PLACE" if label in {"GPE", "LOC", "FAC"} else label


def _gold_article(articles_dir: Path, name: str) -> Article:
    from wirelens.ingest import read_inputs

    items = list(read_inputs([articles_dir / name]))
    if len(items) != 1 or isinstance(items[0], Failure):
        raise ValueError(f"{articles_dir / name}: cannot be read as one article: {items}")
    return items[0]


def evaluate_entities(*, articles_dir: Path, gold_dir: Path, pipeline: object | None = None,
                      baseline: bool = False) -> EntityScores:
    """Run the pipeline on every annotated article and score its entities.

    With ``baseline=True`` the bare spaCy model's entities are scored instead
    (each ``doc.ents`` span as it is, with a leading "the" and a trailing
    possessive trimmed as we do), to show what the entity layer adds.
    """
    from wirelens.pipeline import Pipeline

    pipe = pipeline if isinstance(pipeline, Pipeline) else Pipeline()
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise ValueError(f"{gold_dir}: no gold entity files (*.json)")
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in gold_files]
    articles = [_gold_article(articles_dir, g["article"]) for g in golds]
    merged: Counter[str] = Counter()
    strict: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    links: Counter[str] = Counter()
    errors: list[str] = []
    analyses = _baseline(pipe, articles) if baseline else pipe.pipe(articles)
    for gold, analysis in zip(golds, analyses, strict=True):
        _score_names(gold, analysis, merged, strict, per, errors)
        _score_links(gold, analysis, links, errors)

    def prf(c: Counter[str]) -> PRF:
        return PRF(c["tp"], c["fp"], c["fn"])

    return EntityScores(
        articles=len(golds),
        overall=prf(merged),
        strict=prf(strict),
        by_label={k: prf(v) for k, v in per.items()},
        links=prf(links),
        errors=tuple(errors),
    )


def _baseline(pipe: object, articles: list[Article]) -> Iterator[Analysis]:
    import spacy

    from wirelens.pipeline import Pipeline
    from wirelens.pipeline.entities import _Text

    assert isinstance(pipe, Pipeline)
    nlp = spacy.load(pipe.resources.model)  # the model alone, without our entity ruler
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        text = _Text(doc.text)
        entities = []
        for n, ent in enumerate(doc.ents, 1):
            start, end = text.trim(ent.start_char, ent.end_char)
            if ent.label_ in LABELS or ent.label_ == "FAC":
                span = Span(start, end, doc.text[start:end])
                entities.append(Entity(f"E{n}", ent.label_, span.text, (Mention(span),)))
        yield Analysis(article=article, entities=tuple(entities))


def _score_names(gold: dict[str, object], analysis: Analysis, merged: Counter[str],
                 strict: Counter[str], per: dict[str, Counter[str]], errors: list[str]) -> None:
    name = analysis.article.source or analysis.article.id
    g: set[tuple[int, int, str]] = set()
    for ent in gold["entities"]:  # type: ignore[attr-defined]
        for m in ent["mentions"]:
            if m.get("kind", "name") == "name":
                g.add((m["start"], m["end"], ent["label"]))
    p: set[tuple[int, int, str]] = set()
    for e in analysis.entities:
        if e.label not in LABELS and e.label != "FAC":
            continue
        for m in e.mentions:
            if m.kind == "name":
                p.add((m.span.start, m.span.end, e.label))
    gm = {(s, e, _place(lab)) for s, e, lab in g}
    pm = {(s, e, _place(lab)) for s, e, lab in p}
    merged["tp"] += len(gm & pm)
    merged["fp"] += len(pm - gm)
    merged["fn"] += len(gm - pm)
    strict["tp"] += len(g & p)
    strict["fp"] += len(p - g)
    strict["fn"] += len(g - p)
    for label in LABELS:
        gl = {x for x in g if x[2] == label}
        pl = {x for x in p if x[2] == label}
        per[label]["tp"] += len(gl & pl)
        per[label]["fp"] += len(pl - gl)
        per[label]["fn"] += len(gl - pl)
    text = analysis.article.text
    for a, b, lab in sorted(gm - pm):
        errors.append(f"{name}: missed {lab} {text[a:b]!r} [{a}:{b}]")
    for a, b, lab in sorted(pm - gm):
        errors.append(f"{name}: false {lab} {text[a:b]!r} [{a}:{b}]")


def _score_links(gold: dict[str, object], analysis: Analysis, links: Counter[str],
                 errors: list[str]) -> None:
    name = analysis.article.source or analysis.article.id
    # which predicted entity holds each gold cluster's names (by majority)
    span_to_entity: dict[tuple[int, int], str] = {}
    for e in analysis.entities:
        for m in e.mentions:
            span_to_entity[(m.span.start, m.span.end)] = e.id
    gold_links: dict[tuple[int, int], str | None] = {}
    for ent in gold["entities"]:  # type: ignore[attr-defined]
        owners = Counter(span_to_entity.get((m["start"], m["end"]))
                         for m in ent["mentions"] if m.get("kind", "name") == "name")
        owners.pop(None, None)
        owner = owners.most_common(1)[0][0] if owners else None
        for m in ent["mentions"]:
            if m.get("kind", "name") != "name":
                gold_links[(m["start"], m["end"])] = owner
    predicted = {(m.span.start, m.span.end): e.id for e in analysis.entities for m in e.mentions
                 if m.kind != "name"}
    text = analysis.article.text
    for span, owner in gold_links.items():
        got = predicted.get(span)
        if got is not None and got == owner:
            links["tp"] += 1
        else:
            links["fn"] += 1
            if got is not None:
                links["fp"] += 1
            errors.append(f"{name}: link {text[span[0]:span[1]]!r} [{span[0]}] "
                          f"{'wrong' if got else 'missed'}")
    for span in predicted.keys() - gold_links.keys():
        links["fp"] += 1
        errors.append(f"{name}: false link {text[span[0]:span[1]]!r} [{span[0]}]")


def format_entity_scores(scores: EntityScores, *, verbose: bool = False) -> str:
    def row(name: str, s: PRF) -> str:
        return (f"{name:<22} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
                f"   (tp {s.tp}, fp {s.fp}, fn {s.fn})")

    lines = [f"entities on {scores.articles} annotated articles",
             row("all (GPE+LOC = PLACE)", scores.overall),
             row("all (strict labels)", scores.strict)]
    lines += [row(f"  {label}", prf) for label, prf in scores.by_label.items()]
    lines.append(row("pronoun/description links", scores.links))
    if verbose:
        lines += ["", *scores.errors]
    return "\n".join(lines)
