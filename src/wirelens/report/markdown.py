"""The same report as :mod:`wirelens.report.text`, as Markdown for notes and issue trackers."""

from __future__ import annotations

import re

from wirelens.model import Analysis, Span
from wirelens.report import _summary as s

__all__ = ["render_markdown"]

# Characters that would turn article text into markup (emphasis, links, HTML, tables).
_ACTIVE = re.compile(r"([\\`*_\[\]<>|#])")


def render_markdown(analysis: Analysis) -> str:
    """Render ``analysis`` as Markdown: tables for entities, places and events,
    blockquotes for quotes, spans as ``[start–end]``.  No trailing newline."""
    entities = {e.id: e for e in analysis.entities}
    a = analysis.article
    meta = " · ".join(_md(p) for p in s.dateline(analysis))
    if a.author:
        meta += f"  \nby {_md(a.author)}"
    if a.url:
        meta += f"  \n<{a.url}>"
    out = [f"# {_md(a.title or s.UNTITLED)}", "", meta]

    def section(title: str, body: list[str]) -> None:
        out.extend(["", f"## {title}", "", *(body or [s.NONE])])

    section("Speakers", _table(
        ["Name", "Label", "Role", "Affiliation", "Mentions", "Quotes"],
        [
            [_md(r.name), r.label or "", _md(r.role), _md(r.affiliation), str(r.mentions),
             str(r.quotes)]
            for r in s.speaker_rows(analysis)
        ],
    ))

    quotes: list[str] = []
    for q in analysis.quotes:
        who = f"**{_md(s.quote_speaker(q, entities))}**"
        cue = f", cue {_span(q.cue)}" if q.cue is not None else ""
        where = s.offsets(q.start, q.end)
        quotes += [
            *([""] if quotes else []),
            f"> “{_md(q.text)}”",
            ">",
            f"> — {who}, {q.kind}, {where}{cue}, {s.confidence(q.confidence)}",
        ]
    section("Quotes", quotes)

    focus = ["Focus: " + "; ".join(_md(f.name) for f in analysis.focus[:3]), ""] \
        if analysis.focus else []
    places_table = _table(
        ["Place", "Country", "Admin1", "Lat, lon", "Precision", "Government", "Mention",
         "Confidence"],
        [
            [_md(p.name), _md(p.country), _md(p.admin1), s.coordinates(p) or "", p.precision,
             "yes" if p.government else "no", _span(p.mention), f"{p.confidence:.2f}"]
            for p in analysis.places
        ],
    )
    section("Places", [*focus, *places_table] if places_table else [])

    section("Events", _table(
        ["Type", "Status", "Actors", "Location", "Date", "Fatalities", "Evidence", "Confidence"],
        [
            [_md(s.event_type(e)), e.status, _md(s.event_actors(e)), _md(e.location),
             _md(e.date), "" if e.fatalities is None else str(e.fatalities), _span(e.evidence),
             f"{e.confidence:.2f}"]
            for e in analysis.events
        ],
    ))

    section("People & organisations", _table(
        ["Label", "Name", "Mentions", "Mentioned as"],
        [
            [label, _md(e.name), str(len(e.mentions)), _md(", ".join(s.mention_forms(e)))]
            for label, members in s.entities_by_label(analysis)
            for e in members
        ],
    ))

    section("Warnings", [f"- {_md(w)}" for w in s.all_warnings(analysis)])
    return "\n".join(out)


def _md(text: str | None) -> str:
    """Article text as inline Markdown: active characters escaped, on one line."""
    if not text:
        return ""
    return _ACTIVE.sub(r"\\\1", " ".join(text.split()))


def _span(span: Span) -> str:
    return f"“{_md(span.text)}” {s.offsets(span.start, span.end)}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A pipe table; cells arrive as Markdown already (see :func:`_md`)."""
    if not rows:
        return []
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
