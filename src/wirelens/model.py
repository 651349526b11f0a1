"""The data model: frozen, slotted dataclasses that every stage hands to the next.

Every fact points back to the text it came from through a :class:`Span`, whose
``start``/``end`` are character offsets into ``Article.text`` (the normalised
Unicode text that we also output), so ``article.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
EventStatus = Literal["fact", "claim", "background"]
Precision = Literal["city", "region", "country", "continent", "area"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One document as ingested.

    ``id`` is a content hash (see :func:`wirelens.ingest.article_id`), so the same
    input always gets the same id.  ``source`` says where it came from
    (``path``, ``path:line`` for JSONL, ``-`` for stdin).
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given or parsed
    language: str | None = None  # ISO 639-1 code, detected when not given
    author: str | None = None
    source: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity; ``kind`` says how it refers."""

    span: Span
    kind: Literal["name", "pronoun", "description"] = "name"


@dataclass(frozen=True, slots=True)
class Entity:
    """A cluster of mentions of one person, group, organisation or place."""

    id: str
    label: str  # PERSON, ORG, NORP, GPE, LOC, FAC
    name: str  # canonical: the longest proper-name mention
    mentions: tuple[Mention, ...]
    role: str | None = None  # "defense expert", "President", "spokesperson"
    affiliation: str | None = None  # "Russian Ministry of Defense", "UN"
    base: str | None = None  # "St. Petersburg" in "a defense expert based in St. Petersburg"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    entity_id: str | None
    mention: Span | None
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    cue: Span | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Place:
    mention: Span
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature_code: str | None
    precision: Precision
    confidence: float
    government: bool = False  # metonymy: "Kyiv said" names a government, not a place


@dataclass(frozen=True, slots=True)
class Focus:
    """One of an article's focus locations: where the story happens, best first."""

    geonameid: int
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: Precision
    mentions: int
    score: float


@dataclass(frozen=True, slots=True)
class Event:
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    location: str | None
    date: str | None
    fatalities: int | None
    evidence: Span
    status: EventStatus
    confidence: float


@dataclass(frozen=True, slots=True)
class Analysis:
    """The structured record for one article: what ``wirelens analyze`` prints."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    focus: tuple[Focus, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or analysed: errors are data in batch runs."""

    source: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
