"""Geoparsing scores on the public toponym corpora (LGL, TR-News, GeoVirus).

The corpora are read from where they are kept (``../shared/benchmarks/geo``); we
never copy them.  Their format: ``<articles><article docid=...>`` with
``<text>``, ``<domain>``, ``<url>`` and ``<toponyms>``, each ``<toponym>``
giving ``<start>``/``<end>`` character offsets into the text, the ``<phrase>``
and, where the annotators found one, a ``<gaztag geonameid=...>`` with
``<lat>``/``<lon>``.  Some of TR-News' offsets are one character off; we look
for the phrase within :data:`REALIGN_WINDOW` characters and count the repairs.
GeoVirus has the same shape with ``<source>`` for the URL, no docid, and
``<locations>``: each ``<location>`` gives ``<name>``, ``<start>``/``<end>`` and
``<lat>``/``<lon>`` directly (no GeoNames id).

What we report:

* recognition: precision, recall and F1 on exact character spans.  Both corpora
  annotate demonyms ("Russian" → Russia) as toponyms; by design we never make a
  place of a demonym, so the headline figure leaves the demonym gold spans out,
  and the figure with them is given too;
* resolution, over gold toponyms with coordinates: accuracy within 161 km
  (100 miles), the AUC of Gritta et al. (2018) — the area under the sorted
  curve of ln(1 + error km) / ln(20039), 0 best, 1 worst — and the median
  error.  End to end it covers the gold toponyms the pipeline recognised with
  the exact span; with ``gold_spans`` every gold toponym with coordinates is
  resolved from its given span (a span we cannot resolve counts as 20,039 km,
  half the Earth's circumference, as in Gritta et al.).  A prediction with the
  gold geonameid counts as 0 km: our countries' and regions' points come from
  another source than the annotators' (the United States' are 235 km apart);
  so does our admin-1 unit of the gold one's name and country (ours carry
  synthetic ids).

Outlet homes (:mod:`wirelens.geo.outlets`): where the corpus names each
article's outlet (LGL, TR-News), the first pass's own resolutions teach each
local outlet its home unit, and a second pass resolves with them, as a user
would on their own corpus.  The homes are always learned from end-to-end output
(with gold spans, from an extra end-to-end pass), since that is what a user's
store holds.  Both passes are reported; no gold span or coordinate is used to
learn a home.  ``outlet_homes=False`` scores the first pass only.
"""

from __future__ import annotations

import itertools
import json
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wirelens import lexicon
from wirelens.evaluate.entities import PRF
from wirelens.geo.names import DEMONYMS as GEO_DEMONYMS
from wirelens.geo.names import plain_key
from wirelens.model import Article, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wirelens.geo.outlets import OutletHome
    from wirelens.pipeline import Pipeline

__all__ = [
    "CORPORA",
    "GeoScores",
    "GoldArticle",
    "GoldToponym",
    "Resolution",
    "auc",
    "corpus_path",
    "evaluate_geo",
    "format_geo_scores",
    "haversine_km",
    "read_corpus",
    "read_gold_dir",
]

#: Corpus names the CLI accepts, and their files under the benchmarks folder.
CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}
#: Where the corpora are kept, relative to the project root.
DEFAULT_BENCHMARKS = Path("..") / "shared" / "benchmarks" / "geo"
EARTH_HALF_CIRCUMFERENCE_KM = 20039.0
ACCURACY_KM = 161.0
REALIGN_WINDOW = 5
# The components an end-to-end run needs: places requires only the entity layer.
GEO_COMPONENTS = ("entities", "places")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    demonym: bool
    country: str | None = None
    admin1_name: str | None = None  # the toponym's own name when it is an admin-1 unit
    government: bool | None = None  # our gold only: the name stands for a government


@dataclass(frozen=True, slots=True)
class GoldArticle:
    docid: str
    text: str
    url: str | None
    domain: str | None
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class Resolution:
    """Distance errors over the scored gold toponyms."""

    eligible: int  # gold toponyms with coordinates
    scored: int  # of those, how many were scored (recognised, or all with gold spans)
    correct_161: int
    auc: float
    median_km: float

    @property
    def accuracy_161(self) -> float:
        return self.correct_161 / self.scored if self.scored else 0.0


@dataclass(frozen=True, slots=True)
class GeoScores:
    corpus: str
    articles: int
    gold_spans: bool
    toponyms: int  # gold toponyms (after dropping ones whose offsets could not be repaired)
    demonyms: int  # of those, demonyms ("Russian")
    realigned: int  # offsets repaired
    dropped: int  # offsets that could not be repaired
    recognition: PRF | None  # exact spans, demonym gold left out; None with gold spans
    recognition_all: PRF | None  # exact spans, every gold toponym
    resolution: Resolution
    errors: tuple[str, ...] = field(default=())
    outlets: int = 0  # distinct outlets in the corpus
    resolution_alone: Resolution | None = None  # the first pass, with no outlet homes
    homes: Mapping[str, OutletHome] = field(default_factory=dict)  # the ones used
    countries: tuple[str, ...] = ()  # the subset asked for, if any
    in_countries: Resolution | None = None  # resolution over the gold toponyms in them
    # end to end, where the gold marks governments ("Kyiv said"): the government flag
    # over the gold toponyms recognised with the exact span
    metonymy: PRF | None = None

    @property
    def outlet_homes(self) -> int:
        """How many outlets had a home."""
        return len(self.homes)


def corpus_path(name: str, *, benchmarks: Path = DEFAULT_BENCHMARKS) -> Path:
    """``lgl``/``trnews``/``geovirus`` → the file under ``benchmarks``; else a path."""
    return benchmarks / CORPORA[name] if name in CORPORA else Path(name)


def _is_demonym(phrase: str) -> bool:
    p = phrase.strip()
    return (p in lexicon.DEMONYMS or p in lexicon.DEMONYM_PLURALS
            or plain_key(p) in GEO_DEMONYMS)


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None and text.strip() else None
    except ValueError:
        return None


def read_corpus(path: Path) -> tuple[list[GoldArticle], int, int]:
    """Articles with their toponyms, the number of offsets repaired and of those dropped.

    ``path`` is a corpus file, or a folder of our own gold (see :func:`read_gold_dir`).
    """
    if path.is_dir():
        return read_gold_dir(path), 0, 0
    root = ET.parse(path).getroot()
    articles: list[GoldArticle] = []
    realigned = dropped = 0
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        toponyms: list[GoldToponym] = []
        for top in [*art.iter("toponym"), *art.iter("location")]:
            # GeoVirus: <location> with <name>, and <lat>/<lon> with no <gaztag>
            phrase = (top.findtext("phrase") or top.findtext("name") or "").strip()
            start = int(top.findtext("start") or -1)
            end = int(top.findtext("end") or -1)
            if text[start:end] != phrase:
                found = _realign(text, phrase, start)
                if found is None:
                    dropped += 1
                    continue
                start, end = found, found + len(phrase)
                realigned += 1
            gaz = top.find("gaztag")
            gid = gaz.get("geonameid") if gaz is not None else None
            point = gaz if gaz is not None else top if top.tag == "location" else None
            lat = _float(point.findtext("lat")) if point is not None else None
            lon = _float(point.findtext("lon")) if point is not None else None
            country = (gaz.findtext("country") or "").strip() or None if gaz is not None else None
            fcode = (gaz.findtext("fcode") or "") if gaz is not None else ""
            unit = (gaz.findtext("name") or "").strip() or None \
                if gaz is not None and fcode.startswith("ADM1") else None
            toponyms.append(GoldToponym(start, end, phrase, int(gid) if gid else None, lat, lon,
                                        _is_demonym(phrase), country, unit))
        articles.append(GoldArticle(
            docid=art.get("docid") or str(len(articles)),
            text=text,
            url=(art.findtext("url") or art.findtext("source") or "").strip() or None,
            domain=(art.findtext("domain") or "").strip() or None,
            toponyms=tuple(toponyms),
        ))
    return articles, realigned, dropped


def read_gold_dir(folder: Path) -> list[GoldArticle]:
    """Our hand-made place gold (``tests/gold/places``): one JSON file per article record.

    Each names its article (``"article"``, a path from the project root, and
    ``"record"``, its index in that file) and lists ``"toponyms"`` with
    ``start``/``end``/``text`` offsets into the text as ingested, and the
    ``geonameid``, ``fcode``, ``country``, ``admin1``, ``lat``, ``lon`` of the place meant.
    An offset that does not give the text is an error, not a repair: the gold is ours.
    """
    from wirelens.ingest import read_inputs
    from wirelens.model import Failure

    root = folder.resolve().parents[2] if len(folder.resolve().parents) > 2 else folder
    articles: list[GoldArticle] = []
    for file in sorted(folder.glob("*.json")):
        gold = json.loads(file.read_text(encoding="utf-8"))
        source = Path(gold["article"])
        if not source.exists():
            source = root / source
        records = list(read_inputs([source]))
        article = records[int(gold.get("record", 0))]
        if isinstance(article, Failure):
            raise ValueError(f"{file}: its article cannot be read: {article}")
        toponyms: list[GoldToponym] = []
        for t in gold["toponyms"]:
            if article.text[t["start"]:t["end"]] != t["text"]:
                raise ValueError(f"{file}: {t['text']!r} is not at {t['start']}-{t['end']}")
            fcode = t.get("fcode") or ""
            toponyms.append(GoldToponym(
                t["start"], t["end"], t["text"], t.get("geonameid"), t.get("lat"), t.get("lon"),
                False, t.get("country"),
                t.get("name") if fcode.startswith("ADM1") else None,
                t.get("government")))
        articles.append(GoldArticle(file.stem, article.text, article.url, article.outlet,
                                    tuple(toponyms)))
    return articles


def _realign(text: str, phrase: str, start: int) -> int | None:
    if not phrase:
        return None
    best: int | None = None
    for delta in range(-REALIGN_WINDOW, REALIGN_WINDOW + 1):
        s = start + delta
        if s >= 0 and text[s:s + len(phrase)] == phrase and (
                best is None or abs(delta) < abs(best - start)):
            best = s
    return best


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def auc(errors_km: Sequence[float]) -> float:
    """Gritta et al.'s AUC: trapezoid area under sorted ln(1+km)/ln(20039), in [0, 1]."""
    if not errors_km:
        return 0.0
    ys = [math.log1p(min(e, EARTH_HALF_CIRCUMFERENCE_KM)) / math.log1p(EARTH_HALF_CIRCUMFERENCE_KM)
          for e in sorted(errors_km)]
    if len(ys) == 1:
        return ys[0]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(ys))
    return area / (len(ys) - 1)


# the scored gold toponyms, each with its error in km
Scored = list[tuple[GoldToponym, float]]


def _resolution(eligible: Sequence[GoldToponym], scored: Scored,
                countries: frozenset[str] | None = None) -> Resolution:
    if countries is not None:
        eligible = [t for t in eligible if t.country in countries]
        scored = [(t, e) for t, e in scored if t.country in countries]
    errors_km = [e for _, e in scored]
    return Resolution(
        eligible=len(eligible),
        scored=len(errors_km),
        correct_161=sum(1 for e in errors_km if e <= ACCURACY_KM),
        auc=round(auc(errors_km), 4),
        median_km=round(statistics.median(errors_km), 1) if errors_km else 0.0,
    )


def _error_km(gold: GoldToponym, place: Place | None) -> float:
    assert gold.lat is not None and gold.lon is not None
    if place is None or place.lat is None or place.lon is None:
        return EARTH_HALF_CIRCUMFERENCE_KM
    if gold.geonameid is not None and place.geonameid == gold.geonameid:
        # The same GeoNames entry: our country and region points come from another
        # source than the annotators' (e.g. the United States lies 235 km apart).
        return 0.0
    if gold.admin1_name is not None and place.feature_code is not None and \
            place.feature_code.startswith("ADM1") and place.country == gold.country and \
            plain_key(place.name).startswith(plain_key(gold.admin1_name)):
        # The same admin-1 unit: ours carry synthetic ids and their own points.
        return 0.0
    return haversine_km(gold.lat, gold.lon, place.lat, place.lon)


def evaluate_geo(path: Path, *, pipeline: Pipeline | None = None, limit: int | None = None,
                 gold_spans: bool,
                 outlet_homes: bool | Mapping[str, OutletHome] = True,
                 countries: Iterable[str] | None = None) -> GeoScores:
    """Score recognition and resolution on one corpus file (see the module docstring).

    ``outlet_homes``: True learns them from the corpus, False uses none, a mapping
    (a run's ``GeoScores.homes``) is used as given, saving the learning pass.
    ``countries`` (names, as the gold gives them): resolution is also reported
    over the gold toponyms that lie in them (``GeoScores.in_countries``).
    """
    from wirelens.geo.outlets import learn_outlet_homes, outlet_key
    from wirelens.pipeline import Pipeline
    from wirelens.pipeline import places as _places  # noqa: F401  (registers "places")

    golds, realigned, dropped = read_corpus(path)
    if limit is not None:
        golds = golds[:limit]
    pipe = pipeline if pipeline is not None else Pipeline(components=GEO_COMPONENTS)
    articles = [Article(id=g.docid, text=g.text, url=g.url, outlet=g.domain, language="en",
                        source=f"{path.name}#{g.docid}") for g in golds]
    keys = [outlet_key(a.url, a.outlet) for a in articles]
    # one parse per article, whichever passes follow (with and without outlet homes)
    docs = list(pipe.resources.nlp.pipe([a.text for a in articles], batch_size=pipe.batch_size))

    def run(errors: list[str]) -> tuple[Scored, list[GoldToponym], PRF | None, PRF | None,
                                        list[list[Place]]]:
        if gold_spans:
            km, eligible = _score_gold_spans(pipe, golds, articles, docs, errors)
            return km, eligible, None, None, []
        return _score_end_to_end(pipe, golds, articles, docs, errors)

    errors: list[str] = []
    km, eligible, rec, rec_all, found = run(errors)
    alone: Resolution | None = None
    homes: dict[str, OutletHome] = {}
    if not isinstance(outlet_homes, bool):
        homes = dict(outlet_homes)
    elif outlet_homes and any(keys):
        # Homes come from end-to-end output, as a user's store would hold them
        # (gold spans are not known in use); with gold spans that takes one more pass.
        if gold_spans:
            found = [list(pipe.analyze_parsed(a, d).places)
                     for a, d in zip(articles, docs, strict=True)]
        homes = learn_outlet_homes(zip(keys, found, strict=True))
    if homes:
        alone = _resolution(eligible, km)
        saved = pipe.resources.outlet_homes
        pipe.resources.outlet_homes = homes
        try:
            errors = []
            km, eligible, rec, rec_all, found = run(errors)
        finally:
            pipe.resources.outlet_homes = saved
    toponyms = sum(len(g.toponyms) for g in golds)
    subset = frozenset(countries) if countries else None
    return GeoScores(
        corpus=path.name,
        articles=len(golds),
        gold_spans=gold_spans,
        toponyms=toponyms,
        demonyms=sum(t.demonym for g in golds for t in g.toponyms),
        realigned=realigned,
        dropped=dropped,
        recognition=rec,
        recognition_all=rec_all,
        resolution=_resolution(eligible, km),
        errors=tuple(errors),
        outlets=len({k for k in keys if k}),
        resolution_alone=alone,
        homes=homes,
        countries=tuple(sorted(subset or ())),
        in_countries=_resolution(eligible, km, subset) if subset else None,
        metonymy=None if gold_spans else _metonymy(golds, found),
    )


def _metonymy(golds: Sequence[GoldArticle], found: Sequence[Sequence[Place]]) -> PRF | None:
    """The government flag against the gold's, over the exact-span matches that have one."""
    tp = fp = fn = 0
    seen = False
    for gold, places in zip(golds, found, strict=True):
        by_span = {(p.mention.start, p.mention.end): p for p in places}
        for t in gold.toponyms:
            place = by_span.get((t.start, t.end))
            if t.government is None or place is None:
                continue
            seen = True
            tp += t.government and place.government
            fp += place.government and not t.government
            fn += t.government and not place.government
    return PRF(tp, fp, fn) if seen else None


def _score_end_to_end(pipe: Pipeline, golds: list[GoldArticle], articles: list[Article],
                      docs: list[Doc], errors: list[str]
                      ) -> tuple[Scored, list[GoldToponym], PRF, PRF, list[list[Place]]]:
    tp = fp = fn = tp_all = fn_all = 0
    km: Scored = []
    eligible: list[GoldToponym] = []
    found: list[list[Place]] = []
    for gold, article, doc in zip(golds, articles, docs, strict=True):
        analysis = pipe.analyze_parsed(article, doc)
        found.append(list(analysis.places))
        predicted = {(p.mention.start, p.mention.end): p for p in analysis.places}
        spans = {(t.start, t.end) for t in gold.toponyms}
        names = {(t.start, t.end) for t in gold.toponyms if not t.demonym}
        tp += len(names & predicted.keys())
        fn += len(names - predicted.keys())
        fp += len(predicted.keys() - spans)
        tp_all += len(spans & predicted.keys())
        fn_all += len(spans - predicted.keys())
        for s, e in sorted(predicted.keys() - spans):
            errors.append(f"{gold.docid}: false {gold.text[s:e]!r} [{s}]")
        for s, e in sorted(names - predicted.keys()):
            errors.append(f"{gold.docid}: missed {gold.text[s:e]!r} [{s}]")
        for t in gold.toponyms:
            if t.lat is None or t.lon is None:
                continue
            eligible.append(t)
            place = predicted.get((t.start, t.end))
            if place is None:
                continue
            err = _error_km(t, place)
            km.append((t, err))
            if err > ACCURACY_KM:
                errors.append(f"{gold.docid}: {t.phrase!r} [{t.start}] → {place.name}, "
                              f"{place.admin1}, {place.country} ({err:.0f} km)")
    # false positives are the same set whether demonym gold counts or not
    return km, eligible, PRF(tp, fp, fn), PRF(tp_all, fp, fn_all), found


def _score_gold_spans(pipe: Pipeline, golds: list[GoldArticle], articles: list[Article],
                      docs: list[Doc], errors: list[str]) -> tuple[Scored, list[GoldToponym]]:
    from wirelens.pipeline.base import Context
    from wirelens.pipeline.places import resolve_spans

    km: Scored = []
    eligible: list[GoldToponym] = []
    for gold, article, doc in zip(golds, articles, docs, strict=True):
        ctx = Context(article=article, doc=doc, resources=pipe.resources)
        with_coords = [t for t in gold.toponyms if t.lat is not None and t.lon is not None]
        # every gold toponym is context for the others, with coordinates or not
        resolved = dict(zip(gold.toponyms,
                            resolve_spans(ctx, [(t.start, t.end) for t in gold.toponyms]),
                            strict=True))
        for t in with_coords:
            eligible.append(t)
            place = resolved[t]
            err = _error_km(t, place)
            km.append((t, err))
            if err > ACCURACY_KM:
                got = "nothing" if place is None else \
                    f"{place.name}, {place.admin1}, {place.country}"
                errors.append(f"{gold.docid}: {t.phrase!r} [{t.start}] → {got} ({err:.0f} km)")
    return km, eligible


def format_geo_scores(scores: GeoScores, *, verbose: bool = False) -> str:
    def prf(name: str, s: PRF) -> str:
        return (f"{name:<34} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
                f"   (tp {s.tp}, fp {s.fp}, fn {s.fn})")

    r = scores.resolution
    mode = "given gold toponym spans" if scores.gold_spans else "end to end"
    lines = [
        f"{scores.corpus}: {scores.articles} articles, {scores.toponyms} gold toponyms "
        f"({scores.demonyms} demonyms; {scores.realigned} offsets repaired, "
        f"{scores.dropped} dropped) — {mode}",
    ]
    if scores.recognition is not None:
        lines.append(prf("recognition, exact span (no demonyms)", scores.recognition))
    if scores.recognition_all is not None:
        lines.append(prf("recognition, exact span (all gold)", scores.recognition_all))
    subset = ("every gold toponym with coordinates" if scores.gold_spans
              else "gold toponyms with coordinates recognised with the exact span")
    lines.append(f"resolution over {subset}: {r.scored} of {r.eligible}")
    a = scores.resolution_alone
    if a is not None:
        lines.append(f"  each article alone:          accuracy@161 km {a.accuracy_161:.3f}   "
                     f"AUC {a.auc:.3f}   median error {a.median_km:.1f} km")
        lines.append(f"  with outlet homes ({scores.outlet_homes} of {scores.outlets} outlets): "
                     f"accuracy@161 km {r.accuracy_161:.3f}   AUC {r.auc:.3f}   "
                     f"median error {r.median_km:.1f} km")
    else:
        note = f"   (no outlet home learned; {scores.outlets} outlets)" if scores.outlets else ""
        lines.append(f"  accuracy@161 km {r.accuracy_161:.3f}   AUC {r.auc:.3f}   "
                     f"median error {r.median_km:.1f} km{note}")
    c = scores.in_countries
    if c is not None:
        lines.append(f"  of those, in {', '.join(scores.countries)}: {c.scored} of {c.eligible}, "
                     f"accuracy@161 km {c.accuracy_161:.3f}   AUC {c.auc:.3f}   "
                     f"median error {c.median_km:.1f} km")
    if scores.metonymy is not None:
        lines.append(prf("governments (\"Kyiv said\"), matched", scores.metonymy))
    if verbose:
        lines += ["", *scores.errors]
    return "\n".join(lines)
