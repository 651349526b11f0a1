"""Event scores: ACLED notes → codes on a held-out split, and our news-style snippets.

ACLED (``../shared/benchmarks/acled/acled_events.csv``, read where it is kept,
never copied): a deterministic split by a hash of ``event_id_cnty`` holds out
:data:`TEST_SHARE` of the events; ``scripts/train_events.py`` may read only the
other part.  Each held-out note is analysed as an article published on the
event's date, and the extractor's *main event* (the first that is not
Diplomatic and not background) is compared with the gold codes:

* weighted and macro F1 for event type and for sub-event type (a note with no
  event predicted counts as the label "None", a miss for the gold class);
* actor1 accuracy (exact ACLED string);
* location accuracy@25 km (the event's resolved place against ACLED's point);
* fatality exact match (no number stated counts as 0, as ACLED codes it).

Snippets (``tests/gold/events/snippets.jsonl``): short news-style texts we wrote,
separately from the training sentences, each with its gold main event or none
(the traps: background, future quotes, speakers' bases).  Reported: sub-event
type weighted and macro F1 (Diplomatic kinds count as one class "Diplomatic";
the traps' "None" is not a class of its own, so a false alarm costs precision),
trap accuracy, location and actor1 accuracy.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirelens.model import Article, Event

if TYPE_CHECKING:
    from wirelens.pipeline import Pipeline

__all__ = [
    "EVENT_COMPONENTS",
    "EventScores",
    "SnippetScores",
    "evaluate_events",
    "evaluate_snippets",
    "f1_scores",
    "format_event_scores",
    "format_snippet_scores",
    "haversine_km",
    "split_of",
]

#: Share of ACLED events held out for testing.
TEST_SHARE = 0.2
#: A location within this distance of ACLED's point is right (ACLED codes to towns).
LOCATION_KM = 25.0
NONE = "None"
EVENT_COMPONENTS = ("entities", "places", "events")
DEFAULT_SNIPPETS = Path("tests/gold/events/snippets.jsonl")


def split_of(event_id: str, *, seed: int = 0) -> str:
    """'test' or 'train' for an ACLED event id: a hash, so the split never changes."""
    digest = hashlib.sha1(f"{seed}:{event_id}".encode()).digest()
    return "test" if int.from_bytes(digest[:4], "big") / 2**32 < TEST_SHARE else "train"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True, slots=True)
class F1:
    weighted: float
    macro: float
    per_class: dict[str, tuple[float, float, float, int]]  # label -> P, R, F1, support


def f1_scores(gold: Sequence[str], pred: Sequence[str], *, ignore: Iterable[str] = (NONE,)
              ) -> F1:
    """Per-class P/R/F1; weighted by gold support, macro over the gold classes."""
    skip = set(ignore)
    labels = sorted({g for g in gold if g not in skip})
    per: dict[str, tuple[float, float, float, int]] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        n_pred = sum(1 for p in pred if p == label)
        n_gold = sum(1 for g in gold if g == label)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = (prec, rec, f, n_gold)
    total = sum(s for *_, s in per.values())
    weighted = sum(f * s for _, _, f, s in per.values()) / total if total else 0.0
    macro = sum(f for _, _, f, _ in per.values()) / len(per) if per else 0.0
    return F1(weighted, macro, per)


@dataclass(frozen=True, slots=True)
class Predicted:
    event: Event | None
    lat: float | None
    lon: float | None
    place_name: str | None
    place_mention: str | None


@dataclass
class EventScores:
    n: int
    event_type: F1
    sub_event_type: F1
    actor1_accuracy: float
    location_accuracy: float
    fatality_exact: float
    ms_per_note: float
    confusions: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass
class SnippetScores:
    n: int
    n_events: int
    sub_event_type: F1
    trap_accuracy: float
    location_accuracy: float
    actor1_accuracy: float
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # id, gold, predicted


def _pipeline() -> Pipeline:
    # Importing the modules registers their components (the lead wires them in
    # pipeline/__init__.py; this keeps the evaluation independent of that).
    import wirelens.pipeline.events
    import wirelens.pipeline.places  # noqa: F401
    from wirelens.pipeline import Pipeline

    return Pipeline(components=EVENT_COMPONENTS)


def predict(pipeline: Pipeline, articles: Sequence[Article]) -> Iterator[Predicted]:
    """The main event of each article, with its place's point (read from the details)."""
    from wirelens.pipeline.base import Context

    nlp = pipeline.resources.nlp
    for article, doc in zip(articles, nlp.pipe([a.text for a in articles], batch_size=64),
                            strict=True):
        ctx = Context(article=article, doc=doc, resources=pipeline.resources)
        for comp in pipeline.components:
            comp(ctx)
        yield _main(ctx.events, ctx.extra.get("event_details", []))


def _main(events: Sequence[Event], details: Sequence[dict[str, Any]]) -> Predicted:
    # deeds first, then statements, then deeds that are only a statement's topic
    def rank(i: int) -> int:
        if events[i].event_type == "Diplomatic":
            return 1
        return 2 if i < len(details) and details[i].get("in_statement") else 0

    live = [i for i, e in enumerate(events) if e.status != "background"]
    order = sorted(live, key=lambda i: (rank(i), i))
    if not order:
        return Predicted(None, None, None, None, None)
    i = order[0]
    place = details[i].get("place") if i < len(details) else None
    if place is None:
        return Predicted(events[i], None, None, None, None)
    return Predicted(events[i], place.lat, place.lon, place.name, place.mention.text)


def _rows(csv_path: Path, split: str, seed: int, limit: int | None) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if split != "all" and split_of(row["event_id_cnty"], seed=seed) != split:
                continue
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def evaluate_events(csv_path: Path | str, *, split: str = "test", seed: int = 0,
                    limit: int | None = None, pipeline: Pipeline | None = None) -> EventScores:
    """Score notes → codes on one split of an ACLED-format CSV."""
    rows = _rows(Path(csv_path), split, seed, limit)
    pipeline = pipeline or _pipeline()
    articles = [Article(id=r["event_id_cnty"], text=r["notes"], published=r["event_date"],
                        language="en") for r in rows]
    start = time.perf_counter()
    preds = list(predict(pipeline, articles))
    elapsed = time.perf_counter() - start
    gold_sub = [r["sub_event_type"] for r in rows]
    gold_type = [r["event_type"] for r in rows]
    pred_sub = [p.event.sub_event_type if p.event else NONE for p in preds]
    pred_type = [p.event.event_type if p.event else NONE for p in preds]
    actor_ok = loc_ok = dead_ok = 0
    for r, p in zip(rows, preds, strict=True):
        ev = p.event
        if ev is not None and ev.actor1 == r["actor1"]:
            actor_ok += 1
        if p.lat is not None and p.lon is not None and r["latitude"] not in {"", "NA"} and \
                haversine_km(p.lat, p.lon, float(r["latitude"]),
                             float(r["longitude"])) <= LOCATION_KM:
            loc_ok += 1
        if ev is not None and (ev.fatalities or 0) == int(r["fatalities"] or 0):
            dead_ok += 1
    n = len(rows) or 1
    confusions = Counter((g, p) for g, p in zip(gold_sub, pred_sub, strict=True) if g != p)
    return EventScores(
        n=len(rows),
        event_type=f1_scores(gold_type, pred_type),
        sub_event_type=f1_scores(gold_sub, pred_sub),
        actor1_accuracy=actor_ok / n,
        location_accuracy=loc_ok / n,
        fatality_exact=dead_ok / n,
        ms_per_note=1000 * elapsed / n,
        confusions=[(g, p, c) for (g, p), c in confusions.most_common(12)],
    )


def _coarse(sub: str | None) -> str:
    from wirelens.pipeline.events.taxonomy import DIPLOMATIC, SUB_TYPES

    if sub is None:
        return NONE
    return "Diplomatic" if SUB_TYPES.get(sub) == DIPLOMATIC or sub == "Diplomatic" else sub


def read_snippets(path: Path | str) -> list[dict[str, Any]]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def evaluate_snippets(path: Path | str = DEFAULT_SNIPPETS, *,
                      pipeline: Pipeline | None = None) -> SnippetScores:
    """Score the main event of each snippet against its gold main event (or none)."""
    from wirelens.pipeline.entities import fold

    snippets = read_snippets(path)
    pipeline = pipeline or _pipeline()
    articles = [Article(id=s["id"], text=s["text"], published=s.get("published"),
                        language="en") for s in snippets]
    preds = list(predict(pipeline, articles))
    gold: list[str] = []
    pred: list[str] = []
    traps = traps_ok = loc_n = loc_ok = act_n = act_ok = 0
    misses: list[tuple[str, str, str]] = []
    for s, p in zip(snippets, preds, strict=True):
        g = s.get("event")
        g_label = _coarse(g["sub_event_type"]) if g else NONE
        p_label = _coarse(p.event.sub_event_type) if p.event else NONE
        gold.append(g_label)
        pred.append(p_label)
        if g is None:
            traps += 1
            traps_ok += p.event is None
        if g_label != p_label:
            misses.append((s["id"], g_label, p_label))
        if g and g.get("location"):
            loc_n += 1
            names = {fold(x) for x in (p.place_name, p.place_mention) if x}
            loc_ok += fold(g["location"]) in names
        if g and g.get("actor1"):
            act_n += 1
            act_ok += bool(p.event and p.event.actor1 == g["actor1"])
    return SnippetScores(
        n=len(snippets),
        n_events=sum(1 for g in gold if g != NONE),
        sub_event_type=f1_scores(gold, pred),
        trap_accuracy=traps_ok / traps if traps else 1.0,
        location_accuracy=loc_ok / loc_n if loc_n else 0.0,
        actor1_accuracy=act_ok / act_n if act_n else 0.0,
        misses=misses,
    )


def format_event_scores(s: EventScores, *, verbose: bool = False) -> str:
    lines = [
        f"ACLED held-out notes: {s.n} ({s.ms_per_note:.1f} ms per note, parse included)",
        f"  event type      weighted F1 {s.event_type.weighted:.3f}   "
        f"macro F1 {s.event_type.macro:.3f}",
        f"  sub-event type  weighted F1 {s.sub_event_type.weighted:.3f}   "
        f"macro F1 {s.sub_event_type.macro:.3f}",
        f"  actor1 accuracy {s.actor1_accuracy:.3f}",
        f"  location accuracy@{LOCATION_KM:.0f}km {s.location_accuracy:.3f}",
        f"  fatality exact match {s.fatality_exact:.3f}",
    ]
    if verbose:
        lines.append("  per sub-event type (P / R / F1 / support):")
        for label, (p, r, f, n) in sorted(s.sub_event_type.per_class.items()):
            lines.append(f"    {label:40s} {p:.2f} {r:.2f} {f:.2f} {n}")
        lines.append("  most frequent confusions (gold -> predicted):")
        lines += [f"    {g} -> {p}: {c}" for g, p, c in s.confusions]
    return "\n".join(lines)


def format_snippet_scores(s: SnippetScores, *, verbose: bool = False) -> str:
    lines = [
        f"News-style snippets: {s.n} ({s.n_events} with an event, {s.n - s.n_events} traps)",
        f"  sub-event type  weighted F1 {s.sub_event_type.weighted:.3f}   "
        f"macro F1 {s.sub_event_type.macro:.3f}",
        f"  trap accuracy (no event from background, future, base) {s.trap_accuracy:.3f}",
        f"  location accuracy {s.location_accuracy:.3f}   actor1 accuracy {s.actor1_accuracy:.3f}",
    ]
    if verbose:
        lines += [f"    {i}: gold {g} -> predicted {p}" for i, g, p in s.misses]
    return "\n".join(lines)
