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

from wirelens.model import Article, Event, Place

if TYPE_CHECKING:
    from wirelens.pipeline import Pipeline

__all__ = [
    "EVENT_COMPONENTS",
    "ArticleEventScores",
    "EventScores",
    "SnippetScores",
    "evaluate_articles",
    "evaluate_events",
    "evaluate_snippets",
    "f1_scores",
    "format_article_scores",
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


# -- whole articles ---------------------------------------------------------------------------

DEFAULT_ARTICLE_GOLD = Path("tests/gold/events/articles")
DEFAULT_ARTICLES = Path("samples/articles")


@dataclass(frozen=True, slots=True)
class _GoldPlace:
    name: str
    ids: frozenset[int]
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class _Scored:
    """One event, gold or predicted, reduced to what the article scorer compares."""

    sub: str
    event_type: str
    status: str
    place: _GoldPlace | None
    actor1: str | None
    fatalities: int | None
    start: int
    end: int


@dataclass
class ArticleEventScores:
    """Events matched one to one per article: same sub-event type and same place."""

    n_articles: int
    n_gold: int  # gold events reported as news (fact or claim)
    n_pred: int  # predicted events that are not background
    n_matched: int
    n_type_matched: int  # the same with the event type instead of the sub-event type
    n_background_gold: int
    background_as_news: int  # gold background events predicted as fact or claim
    news_from_background: int  # predicted news events whose evidence is a gold background span
    status_accuracy: float  # over all matched pairs, background included
    fatality_exact: float  # over matched news pairs
    actor1_accuracy: float  # over matched pairs whose gold actor1 is given
    ms_per_article: float  # the whole pipeline, parse included
    ms_events_per_article: float  # the events component alone
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # article, sub, place
    # article, sub, place, the first words of the evidence
    false_alarms: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.n_matched / self.n_gold if self.n_gold else 0.0

    @property
    def precision(self) -> float:
        return self.n_matched / self.n_pred if self.n_pred else 0.0

    @property
    def type_recall(self) -> float:
        return self.n_type_matched / self.n_gold if self.n_gold else 0.0

    @property
    def type_precision(self) -> float:
        return self.n_type_matched / self.n_pred if self.n_pred else 0.0


def _country_key(name: str | None) -> str:
    from wirelens.pipeline.entities import fold

    return fold(name or "").replace("the ", "")


def _gold_place(loc: dict[str, Any] | None, gazetteer: Any) -> _GoldPlace | None:
    """A gold location as the set of gazetteer entries (in its country) it can name."""
    if not loc:
        return None
    name = str(loc["name"])
    points: list[tuple[float, float]] = []
    if loc.get("lat") is not None and loc.get("lon") is not None:
        points.append((float(loc["lat"]), float(loc["lon"])))
    ids: set[int] = set()
    entries = gazetteer.lookup(name) if gazetteer is not None else ()
    country = _country_key(loc.get("country"))
    same = [e for e in entries if country and (_country_key(e.country) in country
                                               or country in _country_key(e.country))]
    for e in same or ([] if country else entries):
        ids.add(e.geonameid)
        points.append((e.lat, e.lon))
    return _GoldPlace(name, frozenset(ids), tuple(points))


def _same_place(gold: _GoldPlace | None, pred: Place | None) -> bool:
    from wirelens.pipeline.entities import fold

    if gold is None or pred is None:
        return gold is None and pred is None
    if pred.geonameid is not None and pred.geonameid in gold.ids:
        return True
    if pred.lat is not None and pred.lon is not None and any(
            haversine_km(lat, lon, pred.lat, pred.lon) <= LOCATION_KM
            for lat, lon in gold.points):
        return True
    return fold(pred.name) == fold(gold.name)


def read_article_gold(gold_dir: Path | str) -> list[dict[str, Any]]:
    """The gold files, sorted by name (one per article, one per JSONL record)."""
    return [json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(Path(gold_dir).glob("*.json"))]


def _article_for(ref: str, articles_dir: Path) -> Article:
    from wirelens.ingest import read_inputs

    path, _, line = ref.partition(":")
    found = [a for a in read_inputs([articles_dir / path]) if isinstance(a, Article)]
    index = int(line) - 1 if line else 0
    if index >= len(found):
        raise ValueError(f"{ref}: no such article under {articles_dir}")
    return found[index]


def _pairs(gold: Sequence[_Scored], pred: Sequence[tuple[_Scored, Place | None]],
           same: Any) -> dict[int, int]:
    """One-to-one matching, gold index -> predicted index: among compatible pairs,
    the same background-ness first, then overlapping evidence, then the nearest."""
    cands: list[tuple[int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, (p, place) in enumerate(pred):
            if not same(g, p) or not _same_place(g.place, place):
                continue
            bg = int((g.status == "background") != (p.status == "background"))
            overlap = int(not (p.start < g.end and g.start < p.end))
            cands.append((bg, overlap, abs(p.start - g.start), gi, pi))
    out: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in sorted(cands):
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


def evaluate_articles(gold_dir: Path | str = DEFAULT_ARTICLE_GOLD,
                      articles_dir: Path | str = DEFAULT_ARTICLES, *,
                      pipeline: Pipeline | None = None) -> ArticleEventScores:
    """Score every event of whole articles against gold written from their text."""
    from wirelens.pipeline import Pipeline as _Pipeline
    from wirelens.pipeline.base import Context

    golds = read_article_gold(gold_dir)
    pipeline = pipeline or _Pipeline()
    gazetteer = getattr(pipeline.resources, "gazetteer", None)
    articles = [_article_for(g["article"], Path(articles_dir)) for g in golds]
    nlp = pipeline.resources.nlp
    totals = Counter[str]()
    misses: list[tuple[str, str, str]] = []
    alarms: list[tuple[str, str, str, str]] = []
    events_time = 0.0
    start = time.perf_counter()
    for g, article, doc in zip(golds, articles, nlp.pipe([a.text for a in articles]),
                               strict=True):
        ctx = Context(article=article, doc=doc, resources=pipeline.resources)
        for comp in pipeline.components:
            t0 = time.perf_counter()
            comp(ctx)
            if type(comp).__name__ == "EventExtractor":
                events_time += time.perf_counter() - t0
        details = ctx.extra.get("event_details", [])
        gold = [_Scored(e["sub_event_type"], e["event_type"], e["status"],
                        _gold_place(e.get("location"), gazetteer), e.get("actor1"),
                        e.get("fatalities"), e["evidence"]["start"], e["evidence"]["end"])
                for e in g["events"]]
        pred = [(_Scored(e.sub_event_type, e.event_type, e.status, None, e.actor1,
                         e.fatalities, e.evidence.start, e.evidence.end),
                 details[i].get("place") if i < len(details) else None)
                for i, e in enumerate(ctx.events)]
        _score_article(g["article"], gold, pred, totals, misses, alarms)
        for k, alarm in enumerate(alarms):
            if alarm[3].isdigit():  # the evidence's start: give the words instead
                at = int(alarm[3])
                alarms[k] = (*alarm[:3], article.text[at:at + 70].replace("\n", " "))
    elapsed = time.perf_counter() - start
    n = len(golds) or 1
    return ArticleEventScores(
        n_articles=len(golds), n_gold=totals["gold"], n_pred=totals["pred"],
        n_matched=totals["tp"], n_type_matched=totals["type_tp"],
        n_background_gold=totals["bg_gold"], background_as_news=totals["bg_as_news"],
        news_from_background=totals["news_from_bg"],
        status_accuracy=totals["status_ok"] / totals["pairs"] if totals["pairs"] else 0.0,
        fatality_exact=totals["dead_ok"] / totals["tp"] if totals["tp"] else 0.0,
        actor1_accuracy=totals["actor_ok"] / totals["actor_n"] if totals["actor_n"] else 0.0,
        ms_per_article=1000 * elapsed / n, ms_events_per_article=1000 * events_time / n,
        misses=misses, false_alarms=alarms)


def _score_article(ref: str, gold: Sequence[_Scored],
                   pred: Sequence[tuple[_Scored, Place | None]], totals: Counter[str],
                   misses: list[tuple[str, str, str]],
                   alarms: list[tuple[str, str, str, str]]) -> None:
    def news(e: _Scored) -> bool:
        return e.status != "background"

    pairs = _pairs(gold, pred, lambda g, p: g.sub == p.sub)
    type_pairs = _pairs(gold, pred, lambda g, p: g.event_type == p.event_type)
    totals["gold"] += sum(map(news, gold))
    totals["pred"] += sum(1 for p, _ in pred if news(p))
    totals["bg_gold"] += sum(1 for g in gold if not news(g))
    matched_pred: set[int] = set()
    for gi, g in enumerate(gold):
        pi = pairs.get(gi)
        p = pred[pi][0] if pi is not None else None
        if p is not None:
            totals["pairs"] += 1
            totals["status_ok"] += g.status == p.status
            if g.actor1 is not None:
                totals["actor_n"] += 1
                totals["actor_ok"] += g.actor1 == p.actor1
        if news(g) and p is not None and news(p):
            totals["tp"] += 1
            totals["dead_ok"] += g.fatalities == p.fatalities
            matched_pred.add(pairs[gi])
        elif news(g):
            misses.append((ref, g.sub, g.place.name if g.place else "-"))
        elif p is not None and news(p):
            totals["bg_as_news"] += 1
        tpi = type_pairs.get(gi)
        if news(g) and tpi is not None and news(pred[tpi][0]):
            totals["type_tp"] += 1
    background = [g for g in gold if not news(g)]
    for pi, (p, place) in enumerate(pred):
        if not news(p) or pi in matched_pred:
            continue
        if any(p.start < b.end and b.start < p.end for b in background):
            totals["news_from_bg"] += 1
        alarms.append((ref, p.sub, place.name if place else "-", str(p.start)))


def format_article_scores(s: ArticleEventScores, *, verbose: bool = False) -> str:
    lines = [
        f"Whole articles: {s.n_articles} ({s.n_gold} gold events as news, "
        f"{s.n_background_gold} background; {s.n_pred} predicted)",
        f"  sub-event type + place  recall {s.recall:.3f}   precision {s.precision:.3f}",
        f"  event type + place      recall {s.type_recall:.3f}   "
        f"precision {s.type_precision:.3f}",
        f"  background: {s.background_as_news} of {s.n_background_gold} gold background "
        f"events coded as news; {s.news_from_background} news events from background spans",
        f"  status accuracy {s.status_accuracy:.3f}   fatality exact {s.fatality_exact:.3f}   "
        f"actor1 accuracy {s.actor1_accuracy:.3f}",
        f"  {s.ms_per_article:.0f} ms per article ({s.ms_events_per_article:.1f} ms in events)",
    ]
    if verbose:
        lines += [f"    missed {a}: {sub} @ {place}" for a, sub, place in s.misses]
        lines += [f"    false alarm {a}: {sub} @ {place}: {words}"
                  for a, sub, place, words in s.false_alarms]
    return "\n".join(lines)
