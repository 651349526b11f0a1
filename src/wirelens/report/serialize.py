"""Analysis → JSON-ready dicts, in the field order of ``analysis.schema.json``.

Written out field by field rather than with :func:`dataclasses.asdict`: the
output is a contract other tools read, so a field added to the model must be a
deliberate change here (and in the schema), never a silent one.  Spans inside
``Mention`` and ``Quote`` are flattened to ``start``/``end``/``text``.
"""

from __future__ import annotations

from typing import Any

from wirelens.model import (
    Analysis,
    Article,
    Entity,
    Event,
    Failure,
    Focus,
    Mention,
    Place,
    Quote,
    Span,
    Speaker,
)
from wirelens.schema import SCHEMA_VERSION

__all__ = ["failure_to_dict", "to_dict"]


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The record ``analysis.schema.json`` describes (``schema_version`` included)."""
    return {
        "article": _article(analysis.article),
        "entities": [_entity(e) for e in analysis.entities],
        "quotes": [_quote(q) for q in analysis.quotes],
        "places": [_place(p) for p in analysis.places],
        "events": [_event(e) for e in analysis.events],
        "focus": [_focus(f) for f in analysis.focus],
        "warnings": list(analysis.warnings),
        "schema_version": SCHEMA_VERSION,
    }


def failure_to_dict(f: Failure) -> dict[str, Any]:
    """A document that could not be analysed, as a JSON-ready dict."""
    # str() so a StrEnum code (wirelens.errors.Code) leaves as its plain value.
    return {"source": f.source, "code": str(f.code), "message": f.message}


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _optional_span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else _span(span)


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "published": a.published,
        "language": a.language,
        "text": a.text,
        "author": a.author,
        "source": a.source,
        "warnings": list(a.warnings),
    }


def _mention(m: Mention) -> dict[str, Any]:
    return {**_span(m.span), "kind": m.kind}


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "label": e.label,
        "name": e.name,
        "mentions": [_mention(m) for m in e.mentions],
        "role": e.role,
        "affiliation": e.affiliation,
        "base": e.base,
    }


def _speaker(s: Speaker | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "name": s.name,
        "entity_id": s.entity_id,
        "mention": _optional_span(s.mention),
        "role": s.role,
        "affiliation": s.affiliation,
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "speaker": _speaker(q.speaker),
        "cue": _optional_span(q.cue),
        "confidence": q.confidence,
    }


def _place(p: Place) -> dict[str, Any]:
    return {
        "mention": _span(p.mention),
        "geonameid": p.geonameid,
        "name": p.name,
        "country": p.country,
        "admin1": p.admin1,
        "lat": p.lat,
        "lon": p.lon,
        "feature_code": p.feature_code,
        "precision": p.precision,
        "confidence": p.confidence,
        "government": p.government,
    }


def _focus(f: Focus) -> dict[str, Any]:
    return {
        "geonameid": f.geonameid,
        "name": f.name,
        "country": f.country,
        "admin1": f.admin1,
        "lat": f.lat,
        "lon": f.lon,
        "precision": f.precision,
        "mentions": f.mentions,
        "score": f.score,
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "location": e.location,
        "date": e.date,
        "fatalities": e.fatalities,
        "evidence": _span(e.evidence),
        "status": e.status,
        "confidence": e.confidence,
    }
