"""What the text and Markdown reports share: who speaks, how entities group, labels.

Both renderers show the same facts; computing them once here keeps the two
formats from drifting apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wirelens.model import Analysis, Entity, Event, Place, Quote

# The order entity groups appear in: people and organisations first, places last.
LABEL_ORDER = ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC")
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
UNATTRIBUTED = "(unattributed)"
UNTITLED = "(untitled)"
NONE = "none"


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """One line of the Speakers section.

    ``label`` is None for a speaker the quote component named but could not link
    to an entity; ``mentions`` is then 0.
    """

    name: str
    label: str | None
    role: str | None
    affiliation: str | None
    mentions: int
    quotes: int


def offsets(start: int, end: int) -> str:
    """``[start–end]``, the way every report shows a span."""
    return f"[{start}–{end}]"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def dateline(analysis: Analysis) -> list[str]:
    """The parts of the line under the headline that are known: outlet, date, language, id."""
    a = analysis.article
    parts = [p for p in (a.outlet, a.published, a.language) if p]
    parts.append(f"id {a.id}")
    return parts


def quote_speaker(quote: Quote, entities: dict[str, Entity]) -> str:
    """The name to show for a quote's speaker, falling back to the linked entity's name."""
    s = quote.speaker
    if s is None:
        return UNATTRIBUTED
    if s.name:
        return s.name
    if s.entity_id is not None and s.entity_id in entities:
        return entities[s.entity_id].name
    return UNATTRIBUTED


def speaker_rows(analysis: Analysis) -> list[SpeakerRow]:
    """PERSON/ORG entities, and named speakers without an entity, most quoted first.

    Ties keep the order of first appearance in the text, so the report reads like
    the article.
    """
    by_id = {e.id: e for e in analysis.entities}
    quoted: dict[str, list[Quote]] = {}
    unlinked: dict[str, list[Quote]] = {}
    for q in analysis.quotes:
        s = q.speaker
        if s is None:
            continue
        if s.entity_id is not None and s.entity_id in by_id:
            quoted.setdefault(s.entity_id, []).append(q)
        elif s.name:
            unlinked.setdefault(s.name, []).append(q)

    ranked: list[tuple[int, SpeakerRow]] = []
    for e in analysis.entities:
        if e.label not in SPEAKER_LABELS and e.id not in quoted:
            continue
        qs = quoted.get(e.id, [])
        # The entity knows its role best; a quote's speaker fills the gaps.
        role = e.role or _first(q.speaker.role for q in qs if q.speaker)
        affiliation = e.affiliation or _first(q.speaker.affiliation for q in qs if q.speaker)
        starts = [m.span.start for m in e.mentions] + [q.start for q in qs]
        first = min(starts, default=0)
        row = SpeakerRow(e.name, e.label, role, affiliation, len(e.mentions), len(qs))
        ranked.append((first, row))
    for name, qs in unlinked.items():
        role = _first(q.speaker.role for q in qs if q.speaker)
        affiliation = _first(q.speaker.affiliation for q in qs if q.speaker)
        ranked.append((_first_start(qs), SpeakerRow(name, None, role, affiliation, 0, len(qs))))
    ranked.sort(key=lambda pair: (-pair[1].quotes, pair[0]))
    return [row for _, row in ranked]


def mention_forms(entity: Entity) -> list[str]:
    """The distinct ways the text refers to ``entity``, in order of first appearance."""
    forms: dict[str, None] = {}
    for m in sorted(entity.mentions, key=lambda m: m.span.start):
        forms.setdefault(" ".join(m.span.text.split()), None)
    return list(forms)


def entities_by_label(analysis: Analysis) -> list[tuple[str, list[Entity]]]:
    """Entities grouped by label: known labels in LABEL_ORDER, any others after, A–Z."""
    groups: dict[str, list[Entity]] = {}
    for e in analysis.entities:
        groups.setdefault(e.label, []).append(e)
    rank = {label: i for i, label in enumerate(LABEL_ORDER)}
    labels = sorted(groups, key=lambda lb: (rank.get(lb, len(rank)), lb))
    return [(lb, groups[lb]) for lb in labels]


def all_warnings(analysis: Analysis) -> list[str]:
    """Ingest warnings then analysis warnings, each once."""
    return list(dict.fromkeys((*analysis.article.warnings, *analysis.warnings)))


def place_where(place: Place) -> str:
    """``name, country, admin1`` with the unknown parts left out."""
    return ", ".join(p for p in (place.name, place.country, place.admin1) if p)


def coordinates(place: Place) -> str | None:
    if place.lat is None or place.lon is None:
        return None
    # Four decimals is about 10 m: finer than any gazetteer point we resolve to.
    return f"{place.lat:.4f}, {place.lon:.4f}"


def event_type(event: Event) -> str:
    if event.sub_event_type and event.sub_event_type != event.event_type:
        return f"{event.event_type} / {event.sub_event_type}"
    return event.event_type


def event_actors(event: Event) -> str | None:
    actors = [a for a in (event.actor1, event.actor2) if a]
    return " vs ".join(actors) if actors else None


def confidence(value: float) -> str:
    return f"confidence {value:.2f}"


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _first_start(quotes: list[Quote]) -> int:
    return min((q.start for q in quotes), default=0)
