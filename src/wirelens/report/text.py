"""A plain-text report for the terminal: one article, its speakers, quotes, places, events."""

from __future__ import annotations

import textwrap

from wirelens.model import Analysis
from wirelens.report import _summary as s

__all__ = ["WIDTH", "render_text"]

WIDTH = 100
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"
_INDENT = "  "


def render_text(analysis: Analysis, *, color: bool = False) -> str:
    """Render ``analysis`` as a readable report, wrapped at :data:`WIDTH` columns.

    ``color`` makes headings bold with ANSI codes; nothing else is styled, so the
    report stays greppable.  The result has no trailing newline.
    """
    entities = {e.id: e for e in analysis.entities}
    a = analysis.article

    def heading(title: str) -> str:
        return f"{_BOLD}{title}{_RESET}" if color else title

    out: list[str] = [heading(line) for line in _wrap(a.title or s.UNTITLED)]
    out += _wrap(" · ".join(s.dateline(analysis)))
    byline = [p for p in (f"by {a.author}" if a.author else None, a.url) if p]
    if byline:
        out += _wrap(" · ".join(byline))

    sections: list[tuple[str, list[str]]] = []

    speakers = []
    for row in s.speaker_rows(analysis):
        details = ", ".join(p for p in (row.role, row.affiliation) if p)
        counts = [s.plural(row.mentions, "mention")] if row.label else []
        counts.append(s.plural(row.quotes, "quote"))
        label = f" ({row.label})" if row.label else " (no entity)"
        parts = [f"{row.name}{label}", *([details] if details else []), ", ".join(counts)]
        speakers += _wrap(" — ".join(parts), indent=_INDENT)
    sections.append(("Speakers", speakers))

    quotes = []
    for i, q in enumerate(analysis.quotes, start=1):
        head = f"{i}. {s.quote_speaker(q, entities)} — {q.kind} — "
        body = f"{head}“{q.text}” {s.offsets(q.start, q.end)}"
        hang = _INDENT + " " * len(f"{i}. ")
        quotes += _wrap(body, indent=_INDENT, hang=hang)
        extra = [s.confidence(q.confidence)]
        if q.cue is not None:
            extra.insert(0, f"cue “{q.cue.text}” {s.offsets(q.cue.start, q.cue.end)}")
        quotes += _wrap(" · ".join(extra), indent=hang)
    sections.append(("Quotes", quotes))

    places = []
    if analysis.focus:
        where = "; ".join(f"{f.name} ({', '.join(x for x in (f.admin1, f.country) if x)})"
                          for f in analysis.focus[:3])
        places += _wrap(f"focus: {where}", indent=_INDENT, hang=_INDENT * 2)
    for p in analysis.places:
        parts = [s.place_where(p)]
        coords = s.coordinates(p)
        if coords:
            parts.append(coords)
        kind = p.precision + (" (government)" if p.government else "")
        parts += [kind, f"“{p.mention.text}” {s.offsets(p.mention.start, p.mention.end)}"]
        parts.append(s.confidence(p.confidence))
        places += _wrap(" — ".join(parts), indent=_INDENT, hang=_INDENT * 2)
    sections.append(("Places", places))

    events = []
    for e in analysis.events:
        parts = [s.event_type(e), e.status]
        parts += [p for p in (s.event_actors(e), e.location, e.date) if p]
        if e.fatalities is not None:
            parts.append(f"{e.fatalities} killed")
        parts.append(s.confidence(e.confidence))
        events += _wrap(" — ".join(parts), indent=_INDENT, hang=_INDENT * 2)
        ev = e.evidence
        events += _wrap(f"“{ev.text}” {s.offsets(ev.start, ev.end)}", indent=_INDENT * 2)
    sections.append(("Events", events))

    groups = []
    for label, members in s.entities_by_label(analysis):
        groups.append(f"{_INDENT}{label}")
        for ent in members:
            forms = ", ".join(s.mention_forms(ent))
            line = f"{ent.name} — {s.plural(len(ent.mentions), 'mention')}: {forms}"
            groups += _wrap(line, indent=_INDENT * 2, hang=_INDENT * 3)
    sections.append(("People & organisations", groups))

    warnings = []
    for w in s.all_warnings(analysis):
        warnings += _wrap(f"- {w}", indent=_INDENT, hang=_INDENT + "  ")
    sections.append(("Warnings", warnings))

    for title, lines in sections:
        out += ["", heading(title), *(lines or [f"{_INDENT}{s.NONE}"])]
    return "\n".join(out)


def _wrap(text: str, *, indent: str = "", hang: str | None = None) -> list[str]:
    # Never break inside a word or at a hyphen: names, URLs and offsets stay whole,
    # even if a line then runs past WIDTH.
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hang is None else hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]
