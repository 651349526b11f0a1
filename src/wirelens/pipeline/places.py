"""Places: every place mention resolved to one GeoNames entry, context first, population last.

Contract: requires ``entities`` and ``mentions`` (the entity layer's candidates,
which already carry the gazetteer's first guess in ``geo``); assigns
``places`` (one :class:`~wirelens.model.Place` per place mention) and leaves
the article's focus locations in ``ctx.extra["focus"]``.

How an entry is chosen among the gazetteer's candidates for a name:

1. a *prior* per candidate: log10 of its population, plus a little for a
   preferred-name match (over an alternate name; a transliteration fold is a
   guess and pays), for being a country, an admin-1 unit or a capital, and
   minus for features that news rarely means (streams, hotels, farms), for a
   town reached through a former name ("Washington" for Piqua, Ohio) and for a
   village that bears a country's name ("Russia", Ohio).  The gazetteer's own
   ranking gives countries +100, which would make "Georgia"
   the country in every Atlanta story; here a country gets a bounded bonus
   that the context can overcome;
2. an explicit *qualifier* right after the name ("Alexandria, Louisiana",
   "Gainesville, Ga.", "Paris, Texas") rules out candidates outside it;
3. the *article's other places*: each candidate earns the share of the other
   names (one vote per distinct name) whose current choice lies in its
   country and in its admin-1 unit (a county's unit counts a little more).
   This runs five times, so that a name resolved by context can inform the
   next (in an article about Donetsk region,
   Pokrovsk is the Ukrainian town, not the old name of Engels, Russia);
4. the outlet: its country, where the article's URL has a country domain, and
   its home unit, where one was learned from its other articles
   (:mod:`wirelens.geo.outlets`: a local paper's "Alexandria" is the one
   of its own state).

Every mention of one name gets the same entry (one sense per discourse).

A mention the gazetteer cannot resolve is dropped, unless its last word says it
is a place ("Laurel County", "Idlib province"): then it is kept with
``geonameid=None``, no coordinates and confidence 0.

Metonymy: a capital or a country that is the subject of a speech or stance
verb ("Kyiv said", "Moscow continues to frame"), the object of a verb of
pressure ("urged Russia to"), the object of dialogue, talks or pressure
("dialogue with Kyiv", "pressure on Moscow") or the possessor of a position
("Moscow's demands") stands for its government: ``government=True``.  The rule
reads the dependency parse that the spaCy pass already made.

Precision follows the feature code: countries, continents, regions (admin
units and named regions), cities (populated places) and areas (everything
else).  A region whose coordinates are the population-weighted centroid of its
towns (``GeoEntry.centroid``) is still precision "region", with its confidence
multiplied by :data:`CENTROID_FACTOR` because the point is a computed one.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from spacy.lang.en.stop_words import STOP_WORDS as _STOP_WORDS

from wirelens import lexicon
from wirelens.geo.curated import GENERIC_REGION_WORDS
from wirelens.geo.gazetteer import Match
from wirelens.geo.names import DEMONYMS as GEO_DEMONYMS
from wirelens.geo.names import fold, plain_key
from wirelens.geo.outlets import OutletHome, outlet_key
from wirelens.model import Focus, Place, Precision, Span
from wirelens.pipeline.base import (
    Context,
    after_first_name,
    component,
    doc_text,
    untagged_runs,
)
from wirelens.pipeline.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wirelens.geo.gazetteer import Gazetteer, GeoEntry

__all__ = ["CENTROID_FACTOR", "Focus", "PlaceResolver", "focus", "resolve_spans"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# -- the prior -------------------------------------------------------------------------
# Bonuses are in units of log10(population): +1 is worth a tenfold population.
# Tuned on LGL and TR-News (gold spans): a country bonus of 3 keeps "Georgia" the
# country without context and lets two or three Georgia (US) towns outvote it.
HOW_BONUS = {"preferred": 0.75, "alternate": 0.0, "folded": -1.5}
COUNTRY_BONUS = 3.0
CONTINENT_BONUS = 3.0
ADMIN1_BONUS = 1.0
CAPITAL_BONUS = 1.0
ADMIN_SEAT_BONUS = 0.3
# Our curated named regions (Donbas, Gaza Strip) carry no population.
NAMED_REGION_BONUS = 7.0
# Feature classes news rarely means by a bare name: streams, spots, buildings, farms.
RARE_CLASS_PENALTY = 1.5
# A case-exact hit ("US") over a case-insensitive one ("Us", a French village).
CASE_BONUS = 0.5
# A town reached through an alternate name unlike its own ("Paris" for Kosciusko,
# Mississippi; "Washington" for Piqua, Ohio) is reached through a former name, which
# news rarely means.  A spelling variant ("Kharkov", "St. Paul") is like its own
# name, and a large city's exonym ("Mecca" for Makkah) is meant: neither pays.
# Tuned on LGL (gold spans): +0.1 point acc@161; without the population cap it lost
# GeoVirus's "Mecca" to Mecca, California.
OTHER_NAME_PENALTY = 3.0
OTHER_NAME_SIMILARITY = 0.6  # difflib ratio of the plain keys
OTHER_NAME_MAX_POP = 300_000
# A village that bears a country's name ("Russia", Ohio: 600 people) must not take
# the country through the context of a US article; a town can ("Lebanon", Indiana).
# Tuned on TR-News (gold spans): +2 toponyms, none lost on LGL or GeoVirus.
NAMESAKE_PENALTY = 3.0
NAMESAKE_POP = 5_000

# -- the evidence --------------------------------------------------------------------
# Tuned on LGL and TR-News (gold spans): an explicit qualifier is near-decisive,
# the article's other places weigh about as much as a hundredfold population.
# An admin-1 weight of 6 (was 4) gained 1.0 point acc@161 on LGL, where local
# news names towns of one state, and lost one toponym of 1,252 on TR-News.
QUALIFIER_BONUS = 8.0
QUALIFIER_MISMATCH = -2.0
CONTEXT_COUNTRY_WEIGHT = 3.0
CONTEXT_ADMIN1_WEIGHT = 7.0
OUTLET_COUNTRY_BONUS = 1.0
# A candidate in the outlet's learned home unit: worth a thousandfold population,
# less than a qualifier or a third of the article's other places in another
# unit.  LGL (gold spans, homes learned from the corpus): bonus 1: 0.889,
# 2: 0.898, 3: 0.904, 4: 0.906, 6: 0.907 acc@161; TR-News 0.927 -> 0.926.
OUTLET_HOME_BONUS = 3.0
GOVERNMENT_BONUS = 2.0
# Five rounds (was two) let a chain of names settle, each name's choice informing
# the next ("Greene County" and "Webster County" pull each other to Missouri): +0.5
# point acc@161 on LGL (gold spans), TR-News unchanged.  An admin-1 weight of 7
# (was 6) then gained 0.5 point on LGL, 0.1 on TR-News, 0.3 on GeoVirus.
CONTEXT_ROUNDS = 5
# A county is named for the people of its state: in an article about Nebraska, a
# bare "Lancaster" is Lancaster County, not the California city.  A county's
# admin-1 vote counts 1.3 times: +0.25 point acc@161 on LGL (gold spans), TR-News
# and GeoVirus unchanged; 2 times lost the gain.
COUNTY_FACTOR = 1.3
# Soft votes (see _share): +1.1 points acc@161 on LGL, +0.4 on TR-News (gold spans).
SOFT_VOTES = True
# Scores are log10 units, so a candidate's probability is 10^(score - best): a
# softmax in natural units (sharpness 1) left a name's vote too spread out.
# +0.3 point acc@161 on LGL (gold spans), TR-News unchanged.
SOFT_SHARPNESS = math.log(10)

# The population a region without one is ranked by (see _prior).
UNPOPULATED_REGION_POPULATION = 100_000

# Nearness to the article's other towns (see _add_proximity).  Tuned on LGL and
# TR-News (gold spans): 100 km and weight 2 gained 15 LGL toponyms and 1 on TR-News;
# a weight of 2.5 or more lost one TR-News toponym.
PROXIMITY_KM = 100.0
PROXIMITY_WEIGHT = 2.0
PROXIMITY_CANDIDATES = 8
# Only the last round looks at distances, once the admin-1 votes have settled
# (two rounds gained one LGL toponym more and cost bench_places 0.06 ms/article).
PROXIMITY_ROUNDS = 1
# The margin a unit chosen over its city by _unit_or_city wins by (its confidence).
UNIT_MARGIN = 1.0
# A city with this share of its unit's population is what the unit's name means.
CITY_SHARE = 0.3

# Nothing is certain: a unique name may still be a name we do not know of.
MAX_CONFIDENCE = 0.99
# Confidence of a place whose point is a computed centroid of its region's towns.
CENTROID_FACTOR = 0.8
# Confidence of a transliteration-fold match, which is a guess.
FOLDED_FACTOR = 0.85
# A name placed only by its qualifier ("Holliday, Missouri", where the gazetteer
# lacks that Holliday) resolves to the state: where in it is unknown.
UNIT_ONLY_FACTOR = 0.5

COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "PCLH"})
REGION_CODES = frozenset({"ADM1", "ADM1H", "ADM2", "ADM2H", "ADM3", "ADM4", "ADMD", "RGN",
                          "PRSH", "ZN"})
CAPITAL_CODES = frozenset({"PPLC", "PPLG"})
SEAT_CODES = frozenset({"PPLA", "PPLA2"})
# Words that locate a part of a place or name ("Northeast Georgia", "South Los Angeles").
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                            "southeast", "southwest", "northern", "southern", "eastern",
                            "western", "central", "upper", "lower"})
REGION_WORDS = frozenset({"region", "oblast", "province", "governorate", "district", "state",
                          "county", "parish",
                          "krai", "prefecture", "territory", "republic"})

# "X County", "X Parish": a place the gazetteer lacks (it has no admin-2 units) but
# that is certainly a place; kept with no coordinates.  Other unknown names are
# more often the model's false places than real ones (LGL, end to end), so they go.
UNRESOLVED_KEPT_WORDS = frozenset({"county", "parish", "borough", "township", "twp", "district",
                                   "province", "region", "oblast", "governorate", "river"})


def _keep_unresolved(m: _Mention) -> bool:
    words = m.surface.split()
    return m.feature or (
        len(words) > 1 and words[-1].lower().rstrip(".") in UNRESOLVED_KEPT_WORDS)


def _unresolved(text: str, m: _Mention, local: tuple[float, float] | None = None) -> Place:
    """A place the gazetteer lacks; a street or a park lies where the article's towns are."""
    last = m.surface.split()[-1].lower()
    point = local if m.feature else None
    return Place(mention=Span(m.start, m.end, text[m.start:m.end]), geonameid=None,
                 name=m.surface, country=None, admin1=None,
                 lat=point[0] if point else None, lon=point[1] if point else None,
                 feature_code=None,
                 precision="area" if last == "river" or m.feature else "region",
                 confidence=0.0)


# -- streets, parks and natural features --------------------------------------------------
#
# The model tags "Main Street", "Knox Park" or "Freeborn Lake" as facilities,
# organisations or even people; they are places (LGL and TR-News count them), though
# the gazetteer rarely has them.  Such a name is kept, and where the gazetteer lacks it,
# placed at the mean of the article's towns (local news names the streets of its towns).
# Words of streets, parks and waters, shared by the two lists below.
_STREET_WORDS = frozenset("""Street St. Avenue Ave. Road Rd. Drive Boulevard Blvd. Highway
    Parkway Trail Lane Wilderness Forest Reservoir Creek Lake Park Valley""".split())
# Waters and island groups end such names too ("Pearl River", "Chesapeake Bay", "Aleutian
# Islands"): LGL counts 29 rivers and 4 bays, TR-News 2 rivers.
_STREET_LAST = _STREET_WORDS | frozenset(
    """Circle Crescent Lakeshore Canyon Island Mountain Mountains Ln. Pkwy. Hwy. River Bay
    Harbor Harbour Islands Lakes Ocean""".split())
# Street-type abbreviations whose full stop the entity layer trims ("Main St." comes as
# "Main St"); the toponym keeps it, as LGL and TR-News write "S. Main St.".
_STREET_ABBREVIATIONS = frozenset({"St.", "Ave.", "Rd.", "Blvd.", "Ln.", "Pkwy.", "Hwy."})
_ABBREVIATED_LAST_WORDS = _STREET_ABBREVIATIONS | {"Twp."}
# "Fort St. John": a "St." that a name follows on the same line is a saint's.
_SAINT_AFTER = re.compile(r"\.[ \t]+[A-Z]")
_FEATURE_FIRST = frozenset({"Lake", "Mount", "Mt."})
# Last words that are also surnames: with a PERSON label, only after a locative word.
_SURNAME_LIKE = frozenset({"Lane", "Park", "Forest", "Street", "Way", "Hill", "Island"})
_FEATURE_PREPS = frozenset({"on", "of", "at", "off", "near", "along", "in", "to", "from"})


def _features(text: str, cands: Sequence[object]) -> list[_Mention]:
    """The streets and features among the names the entity layer did not call places."""
    out: list[_Mention] = []
    for cand in cands:
        label = getattr(cand, "label", "")
        if getattr(cand, "kind", "") != "name" or label in PLACE_LABELS:
            continue
        start, end = getattr(cand, "start", 0), getattr(cand, "end", 0)
        end = _road_number_end(text, start, _abbreviation_end(text, start, end))
        if label not in {"FAC", "ORG", "PERSON"} or not _is_feature(text, label, start, end):
            continue
        m = _mention(text, start, end)
        if m is not None and m.demonym_of is None:
            m.feature = True
            out.append(m)
    return out


def _is_feature(text: str, label: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    if words[-1].isdigit() and " ".join(words[:-1]) in _NUMBERED_ROADS:
        return True  # "County Road 43"
    if words[-1] not in _STREET_LAST and (words[0] not in _FEATURE_FIRST or any(
            w.rstrip("’'s") in _NOT_PLACE_WORDS for w in words[1:])):
        # "Mount Vernon Police Department", "Lake Erie Area Development District": an
        # organisation named after the place, read as such (see _embedded)
        return False
    return not (label == "PERSON" and (words[-1] in _SURNAME_LIKE or words[0] in _FEATURE_FIRST)
                and _previous_word(text, start) not in _FEATURE_PREPS)


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"([\w’'.-]+)\s+$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _article_point(resolved: Sequence[Place | None]) -> tuple[float, float] | None:
    """The mean of the article's towns in its most-named admin-1 unit, if any."""
    towns = [p for p in resolved if p is not None and p.precision == "city"
             and p.lat is not None and p.lon is not None]
    if not towns:
        return None
    unit = Counter((p.country, p.admin1) for p in towns).most_common(1)[0][0]
    near = [p for p in towns if (p.country, p.admin1) == unit]
    return (sum(p.lat or 0.0 for p in near) / len(near),
            sum(p.lon or 0.0 for p in near) / len(near))


# -- metonymy ---------------------------------------------------------------------------
SPEECH_VERBS = frozenset("""
    say state tell warn claim insist deny accuse announce argue frame urge demand reject
    condemn refuse agree threaten vow respond reply signal stress emphasize emphasise propose
    offer call seek blame dismiss welcome criticize criticise protest recognize recognise
    believe consider maintain allege acknowledge admit confirm declare pledge promise suggest
    hint indicate express voice object complain request ask decide retaliate sanction
    negotiate expel summon recall insist counter rebuff veto approve oppose support back
    endorse accept describe label brand portray characterize characterise view regard deem
    want intend plan hope push press lobby note report charge dispute question
    publish release disclose reveal comment publicise publicize issue
""".split())
# Verbs that pass their subject on to a following verb ("Moscow continues to frame").
CATENATIVE = frozenset("""
    continue try seek want appear plan intend begin start keep refuse decide hope have
    attempt aim prefer need choose expect remain
""".split())
# Verbs whose object, when a capital or a country, is a government ("urged Russia to").
PRESSURE_VERBS = frozenset("""
    urge accuse warn pressure press sanction blame criticize criticise condemn ask invite
    lobby persuade push call engage petition implore
""".split())
# Nouns whose "with"/"on" object is a government ("dialogue with Kyiv", "pressure on Moscow").
DIALOGUE_NOUNS = frozenset("""
    dialogue dialog talk negotiation negotiate pressure relation tie deal agreement contact
    meeting meet sanction ultimatum demand appeal message warning treaty accord truce
    rapprochement channel consultation discussion summit engagement cooperation
""".split())
DIALOGUE_PREPS = frozenset({"with", "on", "between", "against", "to", "from"})
# Nouns a government possesses ("Moscow's position", "Kyiv's demands").
STANCE_NOUNS = frozenset("""
    position stance claim demand decision response policy offer proposal refusal statement
    view plan insistence rejection approach envoy ambassador diplomat spokesman spokeswoman
    spokesperson representative leadership narrative rhetoric accusation denial condemnation
    request warning ultimatum threat
""".split())

# AP-style abbreviations of US states and Canadian provinces, as news datelines and
# qualifiers write them ("Gainesville, Ga."): they are not in the gazetteer.
STATE_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "Ala.": ("US", "Alabama"), "Ariz.": ("US", "Arizona"), "Ark.": ("US", "Arkansas"),
    "Calif.": ("US", "California"), "Colo.": ("US", "Colorado"),
    "Conn.": ("US", "Connecticut"), "Del.": ("US", "Delaware"), "Fla.": ("US", "Florida"),
    "Ga.": ("US", "Georgia"), "Ill.": ("US", "Illinois"), "Ind.": ("US", "Indiana"),
    "Kan.": ("US", "Kansas"), "Kans.": ("US", "Kansas"), "Ky.": ("US", "Kentucky"),
    "La.": ("US", "Louisiana"), "Md.": ("US", "Maryland"), "Mass.": ("US", "Massachusetts"),
    "Mich.": ("US", "Michigan"), "Minn.": ("US", "Minnesota"), "Miss.": ("US", "Mississippi"),
    "Mo.": ("US", "Missouri"), "Mont.": ("US", "Montana"), "Neb.": ("US", "Nebraska"),
    "Nebr.": ("US", "Nebraska"), "Nev.": ("US", "Nevada"), "N.H.": ("US", "New Hampshire"),
    "N.J.": ("US", "New Jersey"), "N.M.": ("US", "New Mexico"), "N.Y.": ("US", "New York"),
    "N.C.": ("US", "North Carolina"), "N.D.": ("US", "North Dakota"),
    "Okla.": ("US", "Oklahoma"), "Ore.": ("US", "Oregon"), "Pa.": ("US", "Pennsylvania"),
    "R.I.": ("US", "Rhode Island"), "S.C.": ("US", "South Carolina"),
    "S.D.": ("US", "South Dakota"), "Tenn.": ("US", "Tennessee"), "Tex.": ("US", "Texas"),
    "Vt.": ("US", "Vermont"), "Va.": ("US", "Virginia"), "Wash.": ("US", "Washington"),
    "W.Va.": ("US", "West Virginia"), "Wis.": ("US", "Wisconsin"), "Wyo.": ("US", "Wyoming"),
    "D.C.": ("US", "District of Columbia"),
    "Ont.": ("CA", "Ontario"), "Que.": ("CA", "Quebec"), "B.C.": ("CA", "British Columbia"),
    "Alta.": ("CA", "Alberta"), "Man.": ("CA", "Manitoba"), "Sask.": ("CA", "Saskatchewan"),
    "N.S.": ("CA", "Nova Scotia"), "N.B.": ("CA", "New Brunswick"),
}
# The US Postal Service's two-letter state codes, read only in spans given as
# toponyms: as words ("IN", "OR", "ME") they are rarely places.
POSTAL_CODES: dict[str, tuple[str, str]] = {code: ("US", state) for code, state in (
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"),
    ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
    ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"),
    ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
    ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"),
    ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"),
    ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"),
    ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
    ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"),
    ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
    ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
    ("DC", "District of Columbia"))}
# Continental adjectives, which the country demonym table leaves without a place.
CONTINENT_DEMONYMS = {"european": "Europe", "asian": "Asia", "african": "Africa",
                      "american": "United States", "australian": "Australia"}
_QUALIFIER = re.compile(
    r",\s*((?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.(?=\W|$)|"
    r"(?:[A-Z][\w'’.-]*|of|and|the)(?:[ \t](?:[A-Z][\w'’.-]*|of|and))*)"
)
# Country-code top-level domains that say where an outlet is; .com says nothing.
_GENERIC_TLDS = frozenset({"com", "org", "net", "info", "biz", "io", "news", "edu", "gov"})
_TLD_COUNTRY = {"uk": "GB"}
_WS = re.compile(r"\s+")


@dataclass
class _Mention:
    start: int
    end: int
    surface: str  # white space collapsed
    key: str  # one sense per discourse: mentions with one key get one entry
    region_word: bool = False
    government_context: bool = False
    demonym_of: str | None = None  # resolve_spans only: "Russian" given as a toponym
    hint: GeoEntry | None = None  # the entity layer's choice, a candidate like any other
    embedded: bool = False  # inside an organisation's name ("Texas Department of ...")
    feature: bool = False  # a street, park or natural feature ("Main Street")
    given: bool = False  # resolve_spans only: the span is given as a toponym
    unit_word: str | None = None  # resolve_spans only: "state" after "Washington"


@dataclass
class _Group:
    key: str
    mentions: list[_Mention]
    matches: list[Match] = field(default_factory=list)
    qualifier: set[tuple[str, str | None]] = field(default_factory=set)
    scores: list[float] = field(default_factory=list)
    choice: int = -1
    country_named: bool = False
    unit_only: bool = False  # placed only by its qualifier (see _qualifying_unit)


@component("places", requires=("entities", "mentions"), assigns=("places",))
class PlaceResolver:
    """Resolve the entity layer's place mentions to GeoNames entries."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, ctx: Context) -> None:
        text = doc_text(ctx.doc)
        gaz = ctx.resources.gazetteer
        cands = ctx.extra.get("mentions", [])
        mentions: list[_Mention] = []
        opaque: set[int] = set()
        for cand in cands:
            if cand.label not in PLACE_LABELS or cand.kind != "name":
                continue
            end = _state_word_end(gaz, text, cand.start,
                                  _abbreviation_end(text, cand.start, cand.end))
            end = _road_number_end(text, cand.start, _unit_in_name_end(text, cand.start, end))
            m = _mention(text, cand.start, end)
            if m is None or _WS.sub(" ", text[cand.start:cand.end]).strip().lower() \
                    in _BARE_GENERIC_WORDS:
                continue  # (not "Northern" of "Northern State", a Sudanese state)
            m.hint = cand.geo
            m.feature = _is_feature(text, cand.label, m.start, m.end)
            if not (cand.label == "LOC" and " of " in m.surface) and _opaque(gaz, m):
                opaque.add(id(cand))
                continue
            mentions.append(m)
        mentions = _with_party_labels(gaz, text, _with_datelines(gaz, text, mentions))
        embedded = _embedded(gaz, text, cands, mentions, opaque)
        features = _features(text, cands)
        mentions = _with_counties(gaz, text, sorted(mentions + embedded + features,
                                                     key=lambda m: m.start))
        mentions = _joined_names(gaz, text,
                                 _with_civic_places(gaz, text, cands, ctx.doc, mentions))
        resolved = _resolve(ctx, mentions)
        local_towns = _local_towns(gaz, text, cands, mentions, resolved, ctx.doc)
        if local_towns:
            pairs = sorted([*zip(mentions, resolved, strict=True), *local_towns],
                           key=lambda mp: mp[0].start)
            mentions, resolved = [m for m, _ in pairs], [p for _, p in pairs]
        local = _article_point(resolved)
        kept = [(m, p if p is not None else _unresolved(text, m, local))
                for m, p in zip(mentions, resolved, strict=True)
                if p is not None or _keep_unresolved(m)]
        ctx.places = [p for _, p in kept]
        # A place named inside an organisation's name says where the organisation
        # is based, not where the story happens.
        ctx.extra["focus"] = focus([p for m, p in kept if not m.embedded])


def resolve_spans(ctx: Context, spans: Iterable[tuple[int, int]]) -> list[Place | None]:
    """Resolve given character spans of ``ctx.doc`` as place names (None where unknown).

    The spans are taken to be toponyms, so a demonym span ("Russian") resolves to
    its country here, as gold annotations expect; the component itself never
    makes a place of a demonym.  The spans are each other's context.
    """
    text = doc_text(ctx.doc)
    mentions: list[_Mention] = []
    index: list[int] = []
    spans = list(spans)
    for n, (start, end) in enumerate(spans):
        m = _mention(text, start, end, allow_demonyms=True)
        if m is not None:
            m.given = True
            # "Donetsk region", "Washington state": the corpora's spans end before
            # the common noun, which still says the name is the unit
            after = _REGION_WORD_AFTER.match(text, end)
            if after is not None:
                m.region_word, m.unit_word = True, after.group(1)
            mentions.append(m)
            index.append(n)
    out: list[Place | None] = [None] * len(spans)
    for n, place in zip(index, _resolve(ctx, mentions), strict=True):
        out[n] = place
    return out


# -- mentions -------------------------------------------------------------------------


def _mention(text: str, start: int, end: int, *, allow_demonyms: bool = False) -> _Mention | None:
    lead = _LOWER_LEAD.match(text, start, end)
    if lead is not None and not allow_demonyms:
        # "eastern Democratic Republic of Congo": the toponym starts at its name
        start = lead.end()
    surface = _WS.sub(" ", text[start:end]).strip()
    if surface.lower().startswith("the "):
        surface = surface[4:]
    if not surface:
        return None
    demonym = _demonym_country(surface)
    if demonym is not None:
        if not allow_demonyms:
            return None  # demonyms are never places
        return _Mention(start, end, surface, "demonym:" + demonym, demonym_of=demonym)
    words = surface.split()
    region_word = len(words) > 1 and words[-1].lower() in REGION_WORDS
    if region_word and words[-1].islower():
        # "Donetsk region", "Helmand province": the name is the toponym, the common
        # noun only says what kind of place it is, so the span ends before it (as in
        # LGL, TR-News and GeoVirus alike); the whole still picks the region.
        end = _LAST_WORD.search(text, start, end).start()  # type: ignore[union-attr]
    return _Mention(start, end, surface, fold(surface), region_word=region_word)


# Not "region" or "district" after a name: "the Charlotte region" is the city's
# surroundings, "Haram district" a part of Giza (LGL, TR-News).
_REGION_WORD_AFTER = re.compile(
    r"\s+(state|province|oblast|governorate|county|parish|krai|prefecture)\b")
# Words that name a first-level unit ("Washington state" is no Washington County).
ADMIN1_WORDS = frozenset({"state", "province", "oblast", "governorate", "krai", "prefecture"})
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_LAST_WORD = re.compile(r"\s+\S+\s*$")
# Lower-case words before a name's first capital ("eastern", "northern"), not "the".
_LOWER_LEAD = re.compile(r"(?:(?!the\s)[a-z]+\s+)+(?=[A-Z])")

# A compass word or a generic one on its own ("between North and Elm avenues", "Central
# beat Madison High", "the metro area") names no place; the gazetteer still has such
# names (Northern, Central).  End to end: LGL 33 false places fewer and 2 true ones
# lost, TR-News 4 and 1, GeoVirus 2 and 1.  "Olympic" on its own is the adjective of
# the Games ("an Olympic champion"), though a peninsula and towns bear it: 14 false
# places fewer on LGL, 8 on TR-News, none lost.
_BARE_GENERIC_WORDS = GENERIC_REGION_WORDS | {"northeast", "northwest", "southeast",
                                              "southwest", "metro", "olympic", "paralympic"}

# -- places inside other names -------------------------------------------------------
#
# News names places inside organisations' names ("the Texas Department of
# Transportation", "University of Manitoba", "Danbury police"), and the public
# toponym corpora (LGL, TR-News) count each of them as a toponym, while the
# entity layer rightly keeps one organisation.  So the place layer looks inside
# ORG names (and PERSON names that carry an organisation word, the model's
# "Alexandria Police") for a run of capitalised words the gazetteer knows.

# Words that end a run inside an organisation's name: they belong to the organisation.
_NOT_PLACE_WORDS = lexicon.ORG_WORDS | frozenset(
    """State Public Community Regional National International Federal County Metro
    District Municipal Superior Circuit Supreme General High Middle Elementary Daily Times
    Herald Post Journal Tribune Press Gazette Inc Inc. Co. Corp. Ltd. LLC Club Chamber
    Health Medical Memorial Fire Sheriff Sheriff's Sheriff’s Board Task Patrol Highway
    Transportation Education Safety Research Development Energy Water Power Central
    Greater""".split())
# The portfolios of departments and chambers ("Department of Commerce", "Secretary of
# Labor"): towns bear some of these names (Commerce, Georgia; Justice, Illinois), but
# inside an organisation's name they are its field.  Not seat words: in "Baltic
# Defence Studies Centre" the word before is no seat.  LGL (end to end): 20 false
# places fewer, TR-News 4, GeoVirus 2, no true one lost.
_PORTFOLIO_WORDS = frozenset("""Commerce Labor Labour Justice Enterprise Homeland Art Arts
    Law Agriculture Defense Defence Interior Industry Veterans Trade Finance Transport
    Tourism Housing Security Humanities Science Sciences Technology Culture""".split())
# A name with one of these is a street, a park or a feature, named after a place but
# not the place ("Memphis Street", "Jefferson National Forest"); LGL counts the whole.
_FEATURE_WORDS = _STREET_WORDS | frozenset(
    "Dr. Hwy. Way Route River Bridge Mound Square Plaza Mall".split())
# The same, written lower-case in a facility's name: "the Niger bridge" is named after
# the river, not the country; "the Dnipro river" is the river.
_FEATURE_NOUNS = frozenset({"bridge", "river", "dam"})
# Words that make a county of the name before them ("Douglas County Sheriff's Office").
_COUNTY_WORDS = frozenset({"County", "Parish", "Borough", "Township"})
# Institutions named for their founders or patrons more often than for their town: a
# small town's name before these is no seat ("Vanderbilt University", "Carnegie
# Foundation", "Lincoln Elementary School").  LGL (end to end): 24 false places fewer,
# none lost; TR-News 3 fewer; GeoVirus unchanged.
_NAMESAKE_WORDS = frozenset({"University", "Academy", "Foundation", "Memorial", "Elementary",
                             "Center", "Centre"})
# Lower-case words after a bare place name that make it an institution ("Danbury police").
_INSTITUTION_TAIL = frozenset({"police", "officials", "authorities", "government", "council",
                               "prosecutors", "firefighters", "officers", "schools"})
# A place of this size is taken anywhere inside an organisation's name, as the entity
# layer takes it anywhere in the text (entities.SIGNIFICANT_POPULATION).
EMBEDDED_POPULATION = 100_000
# A town this big is taken where the name says "of X" or "X Police" (the organisation's
# seat), as the entity layer takes a town after a locative preposition.
EMBEDDED_SEAT_POPULATION = 1_000
_WORD = re.compile(r"[^\s/]+")
_ACRONYM = re.compile(r"[A-Z]{3,4}")


def _opaque(gaz: Gazetteer, m: _Mention) -> bool:
    """A place-labelled name that names no place as a whole: a building or a body.

    The model calls "Henderson County Jail" or "Cottonport Fire Station" a
    facility; the gazetteer has no such name, so the whole would be dropped.
    Such a name is read like an organisation's: the place inside it is the
    toponym (as LGL and TR-News count it).  Not a natural feature's "X of Y"
    (LOC): Aden is not the toponym in "the Gulf of Aden".
    """
    return m.hint is None and len(m.surface.split()) >= 2 and not m.feature and \
        m.surface.replace(" ", "") not in STATE_ABBREVIATIONS and \
        not m.region_word and not _keep_unresolved(m) and not gaz.has_name(m.surface) and \
        not gaz.has_name("the " + m.surface) and not _town_matches(gaz, m.surface)


def _embedded(gaz: Gazetteer, text: str, cands: Sequence[object],
              places: list[_Mention], opaque: set[int]) -> list[_Mention]:
    """Place names inside the organisations' names (see above), as mentions.

    ``opaque`` holds the ids of place-labelled names to read the same way (see
    :func:`_opaque`).
    """
    known = {m.key for m in places}
    out: list[_Mention] = []
    for cand in cands:
        label = getattr(cand, "label", "")
        if getattr(cand, "kind", "") != "name" or \
                (label not in {"ORG", "PERSON"} and id(cand) not in opaque):
            continue
        start, end = getattr(cand, "start", 0), getattr(cand, "end", 0)
        # each word with its offsets relative to the name
        words = [(w.start() - start, w.end() - start, w.group())
                 for w in _WORD.finditer(text, start, end)]
        if getattr(cand, "source", "") != "ruler" and label != "PERSON":
            out += _place_pairs(gaz, text, start, end)
        # a person's name has no organisation word, nor a broadcaster's initials before a
        # city, which the model reads as a person ("CTV Winnipeg", "CBC Toronto")
        if label == "PERSON" and not any(w in lexicon.ORG_WORDS for _, _, w in words) and \
                not (len(words) == 2 and _ACRONYM.fullmatch(words[0][2])):
            continue
        # a street or a feature named after a place ("Memphis Street", "Jefferson National
        # Forest"): its last word says so; "Texas Forest Service" is the state's service
        if any(w in _FEATURE_NOUNS for _, _, w in words) or words[-1][2] in _FEATURE_WORDS or \
                _next_word(text, end) in _FEATURE_WORDS:
            continue
        # a name our lexicon knows ("the Wagner Group", "Arakan Army") is no town's
        # body: only countries and states are read inside it
        out += _places_in_name(gaz, text, start, end, words, known,
                               towns=getattr(cand, "source", "") != "ruler")
    return out


# "Fargo-Moorhead", "University of Nebraska-Lincoln", "Middlesex-London EMS": two places
# joined by a hyphen in an organisation's name (a metro area, a campus, a service, a
# school team).  Both must be towns the gazetteer knows by their own names (or states)
# in one admin-1 unit ("Al-Ahram" is no pair of towns; in one country only, TR-News's
# "Middlesex-London" of Ontario resolved to New Jersey), the whole no name of its own
# ("Winston-Salem", "Guinea-Bissau"), and the name no person's ("Webb-Lawton").  End
# to end: LGL 9 toponyms more and no false one; TR-News and GeoVirus unchanged.
_HYPHEN_PAIR = re.compile(r"(?<![\w-])([A-Z][\w'’.]+)-([A-Z][\w'’.]+)(?![\w-])")


def _place_pairs(gaz: Gazetteer, text: str, start: int, end: int) -> list[_Mention]:
    out: list[_Mention] = []
    for pm in _HYPHEN_PAIR.finditer(text, start, end):
        if gaz.has_name(pm.group()) or after_first_name(text, pm.start()):
            continue  # a double-barrelled surname that the model read as an organisation
        units = [{(x.entry.country_code, x.entry.admin1) for x in gaz.lookup_matches(part)
                  if _civic_town(x)} for part in pm.groups()]
        if not units[0] & units[1]:
            continue
        for n in (1, 2):
            m = _mention(text, pm.start(n), pm.end(n))
            if m is not None and m.demonym_of is None:
                m.embedded = True
                out.append(m)
    return out


def _places_in_name(gaz: Gazetteer, text: str, start: int, end: int,
                    words: list[tuple[int, int, str]], known: set[str], *,
                    towns: bool = True) -> list[_Mention]:
    out: list[_Mention] = []
    n_words = len(words)
    i = 0
    while i < n_words:
        found = 0
        for n in (3, 2, 1):
            if i + n > n_words:
                continue
            run = words[i:i + n]
            if not all(_place_word(w) for _, _, w in run):
                continue
            s = start + run[0][0]
            e = _strip_end(text, s, start + run[-1][1])
            whole = i == 0 and i + n == n_words
            after = words[i + n][2] if i + n < n_words else _next_word(text, end)
            before = words[i - 1][2] if i > 0 else ""
            if after in _COUNTY_WORDS and i + n < n_words:
                # "Douglas County Health Department": the county, kept even unresolved
                m = _mention(text, s, _strip_end(text, s, start + words[i + n][1]))
                if m is not None:
                    m.embedded = True
                    out.append(m)
                    found = n + 1
                    break
            m = _mention(text, s, e)
            if m is None or m.demonym_of is not None:
                continue
            if run[0][2] in {"St.", "Saint"} and run[-1][2].endswith(("’s", "'s")):
                continue  # "St. Paul's Hospital": the saint's, not the town's
            if whole and after not in _INSTITUTION_TAIL:
                continue  # the whole name: the organisation itself ("Titan")
            # where the organisation sits: "University of X", "X Police Department"; but
            # not "X University", "X Foundation": those are named for people more often
            seat = before in {"of", "in"} or (i == 0 and after not in _NAMESAKE_WORDS and (
                after in _NOT_PLACE_WORDS or after in _INSTITUTION_TAIL))
            if _embedded_place(gaz, m, seat=seat, known=known, before=before, towns=towns):
                m.embedded = True
                out.append(m)
                found = n
                break
        i += found or 1
    return out


def _place_word(word: str) -> bool:
    if word in {"The", "A", "An"}:
        return False  # a title-case headline's article: "Across The Dnipro" gives "Dnipro"
    bare = word.rstrip(",.;:’'s") if word.endswith(("’s", "'s")) else word
    if bare.isalpha() and bare.isupper() and len(bare) <= 4 and bare not in {"US", "UK"}:
        return False  # "PTA", "CAF", "TV": abbreviations, not the places they also abbreviate
    return bool(bare[:1].isupper()) and bare not in _NOT_PLACE_WORDS and \
        bare not in _PORTFOLIO_WORDS and \
        bare not in lexicon.CALENDAR_WORDS and bare.lower() not in lexicon.TITLES and \
        not any(ch.isdigit() for ch in bare)


def _strip_end(text: str, start: int, end: int) -> int:
    """Drop a trailing possessive or punctuation ("Egypt's government" -> "Egypt")."""
    for suffix in ("’s", "'s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
            break
    while end > start and text[end - 1] in ",;:!?\"“”’'()":
        end -= 1
    if text[end - 1:end] == "-":
        end -= 1
    return _abbreviation_end(text, start, end) if text[end - 1:end] != "." else end


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s+([\w’'.-]+)", text[end:end + 40])
    return m.group(1) if m else ""


def _embedded_place(gaz: Gazetteer, m: _Mention, *, seat: bool, known: set[str],
                    before: str = "", towns: bool = True) -> bool:
    if all(w.lower().strip("-") in GENERIC_REGION_WORDS for w in m.surface.split("-")[0].split()):
        return False  # "West Nile virus", "South Side Taco Bell": a compass word, not a unit
    if m.key in known:
        return True
    matches = [x for x in gaz.lookup_matches(m.surface) if x.how != "folded"]
    if any(x.entry.feature_code in COUNTRY_CODES or x.entry.feature_code == "CONT"
           for x in matches):
        return True
    # a state or province leads the name or is its seat ("Georgia Department of
    # Transportation", "Northeast Georgia Medical Center", "University of Kansas");
    # after another word it is a word of the name: "National Unity Government" (Unity
    # is a South Sudanese state), "Liberty Mutual"
    if any(x.entry.feature_code.startswith("ADM1") for x in matches) and (
            seat or not before or before.lower() in _COMPASS_WORDS):
        return True
    if not towns:
        return False
    # towns by their own name only: "Old Town" is an alternate name of Baltimore
    entries = [x.entry for x in matches
               if x.how == "preferred" and not x.entry.feature_code.startswith("ADM1")]
    if not entries:
        return False
    e = max(entries, key=lambda t: t.population)
    if e.population >= EMBEDDED_POPULATION:
        return True
    return seat and e.feature_class == "P" and e.population >= EMBEDDED_SEAT_POPULATION


# -- towns of the article's state -----------------------------------------------------
#
# The small model calls many small towns people or organisations ("Danbury",
# "Vicksburg", "Oconee"), and the entity layer takes a name the model did not call
# a place only when it is large or follows a locative preposition.  The article's
# resolved places are the better evidence: a name that is a town of the admin-1
# unit that LOCAL_UNIT_NAMES of the article's other names lie in is that town.
LOCAL_UNIT_NAMES = 2
LOCAL_TOWN_POPULATION = 1_000


def _local_towns(gaz: Gazetteer, text: str, cands: Sequence[object], mentions: list[_Mention],
                 resolved: Sequence[Place | None],
                 doc: Doc) -> list[tuple[_Mention, Place | None]]:
    """The model's PERSON/ORG names, and the proper nouns it left untagged, that are
    towns of the article's state (see above), each with its place there."""
    keys: dict[tuple[str | None, str | None], set[str]] = defaultdict(set)
    for m, p in zip(mentions, resolved, strict=True):
        if p is not None and p.admin1 and p.precision in {"city", "region"}:
            keys[(p.country, p.admin1)].add(m.key)
    units = {u for u, ks in keys.items() if len(ks) >= LOCAL_UNIT_NAMES}
    if not units:
        return []
    name_words = {w for c in cands if getattr(c, "label", "") == "PERSON"
                  for w in text[getattr(c, "start", 0):getattr(c, "end", 0)].split()
                  if len(text[getattr(c, "start", 0):getattr(c, "end", 0)].split()) >= 2}
    out: list[tuple[_Mention, Place | None]] = []
    spans = [(getattr(c, "start", 0), getattr(c, "end", 0)) for c in cands
             if getattr(c, "kind", "") == "name" and getattr(c, "source", "") == "model"
             and getattr(c, "label", "") in {"PERSON", "ORG"}]
    spans += untagged_runs(doc, [(getattr(c, "start", 0), getattr(c, "end", 0))
                                 for c in cands])
    for start, end in spans:
        words = text[start:end].split()
        if not 1 <= len(words) <= 3 or any(w in name_words or w in lexicon.ORG_WORDS
                                           or not w[:1].isupper() for w in words) or \
                any(k.start < end and start < k.end for k in mentions) or \
                after_first_name(text, start):
            continue
        town = _mention(text, start, end)
        if town is None or town.demonym_of is not None:
            continue
        local = [x for x in gaz.lookup_matches(town.surface)
                 if x.how == "preferred" and x.entry.feature_class == "P"
                 and x.entry.population >= LOCAL_TOWN_POPULATION
                 and (x.entry.country or None, x.entry.admin1) in units]
        if local:
            # the article has settled where it is: the town of its unit, no new round
            g = _Group(town.key, [town], matches=local)
            g.scores = [_prior(x, g) for x in local]
            g.choice = _argmax(g.scores)
            out.append((town, _place(text, town, local[g.choice], _confidence(g))))
    return out


# -- datelines -----------------------------------------------------------------------

# "TORRINGTON — ", "EAST HAMPTON — ", "HOLLIDAY, Mo. — ", "AMMAN: ": an upper-case place
# that opens the text or a sentence and is followed by a dash, a comma or a colon.  The model
# reads such words as organisations or nothing at all.
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*"
    r"(?P<name>[A-Z][A-Z'’.-]+(?:[ \t](?:OF[ \t])?[A-Z][A-Z'’.-]+){0,3})"
    r"(?=\s*(?:—|–|--|-\s|,\s*[A-Z]|:\s))"
)


def _with_datelines(gaz: Gazetteer, text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Add the datelines (see above), replacing the mentions they overlap."""
    added: list[_Mention] = []
    for dm in _DATELINE.finditer(text[:2000]):
        name = dm.group("name")
        if len(name) < 3 or name in STATE_ABBREVIATIONS:
            continue
        s, e = dm.start("name"), dm.end("name")
        title = " ".join(w.capitalize() if w != "OF" else "of" for w in name.split())
        if not [x for x in gaz.lookup_matches(title) if x.how != "folded"]:
            continue
        m = _mention(text, s, e)
        if m is None or m.demonym_of is not None:
            continue
        m.key = fold(title)
        added.append(m)
    if not added:
        return mentions
    kept = [m for m in mentions if not any(m.start < a.end and a.start < m.end for a in added)]
    return sorted(kept + added, key=lambda m: m.start)


# -- counties ----------------------------------------------------------------------------
#
# "Benton County", "Iberia Parish", "Union Twp.": a capitalised name before one of these
# words is a county or a township, whatever the model made of the words around it
# ("Benton County Sheriff" as a person, "9:40 a.m. Benton County" as a time, or
# nothing).  On LGL 381 of 407 such runs are gold toponyms with exactly this span (21
# more overlap one), on TR-News 33 of 37 and on GeoVirus 14 of 22.  End to end: LGL 31
# toponyms more and 7 false places fewer, GeoVirus 4 more and 1 fewer.
# (no lookbehind for the space before: it would make the scan five times slower)
_COUNTY_UNIT = re.compile(r"(?:County|Parish|Township)\b|Twp\.")
_COUNTY_NAME_WORDS = 3


def _with_counties(gaz: Gazetteer, text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Add the counties (see above), replacing the mentions they overlap."""
    added: list[_Mention] = []
    for unit in _COUNTY_UNIT.finditer(text):
        if text[unit.start() - 1:unit.start()] not in {" ", "\t"}:
            continue
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", text[max(0, unit.start() - 80):
                                                                      unit.start()])]
        offset = max(0, unit.start() - 80)
        run: list[tuple[int, int]] = []
        for ws, we in reversed(words[-_COUNTY_NAME_WORDS:]):
            word = text[offset + ws:offset + we]
            if "-" in word or "–" in word:
                # "Macon-Bibb County": the county is the part after the hyphen
                cut = max(word.rfind("-"), word.rfind("–")) + 1
                if _county_word(word[cut:]):
                    run.insert(0, (offset + ws + cut, offset + we))
                break
            if not _county_word(word):
                if run and word[:1].isupper() and word[-1:].isalpha():
                    # "Prince William County": a title word, if the gazetteer knows the whole
                    named = text[offset + ws:unit.start()].strip()
                    if gaz.has_name(named + " County"):
                        run.insert(0, (offset + ws, offset + we))
                break
            run.insert(0, (offset + ws, offset + we))
        if not run:
            continue
        # the longest run the gazetteer knows ("Prince William County", "Charles City
        # County"), else the last word ("Peoria Tazewell County" is Tazewell County)
        start = run[-1][0]
        for ws, _ in run[:-1]:
            name = text[ws:unit.start()].strip()
            if gaz.has_name(name + " County") or gaz.has_name(name):
                start = ws
                break
        m = _mention(text, start, unit.end())
        if m is None or m.demonym_of is not None:
            continue
        added.append(m)
    # a place mention of the model's that ends with the unit word and starts earlier
    # keeps its span ("Elk Creek Township", "North Lebanon Township"); not two names
    # joined by a hyphen ("Macon-Bibb County")
    added = [a for a in added if not any(
        m.end == a.end and m.start <= a.start and not m.embedded
        and not re.search("[-–]", text[m.start:a.start]) for m in mentions)]
    return _replacing(mentions, added)


def _county_word(word: str) -> bool:
    """A word of a county's name: capitalised, no title, no organisation word."""
    return bool(word) and word[0].isupper() and word.lower() not in _STOP_WORDS and \
        _place_word(word) and not word.endswith((",", ";", ":", ")", ".")) and \
        not word.isupper()


# -- towns named by their institutions and people ------------------------------------------
#
# "Milford Mayor Ann Cole", "Dover Police", "Salem Fire Chief", "a Keene man", "Nashua
# residents": a town's name right before the word for its government or its people
# names the town, whatever the model made of it (a person, an organisation, or
# nothing).  The name must be a town the gazetteer knows by its own name (or a state or
# a country), and not a word of the article's full person names.  End to end: LGL 31
# toponyms more and 2 false places, TR-News 3 more, GeoVirus 1 false ("Buffalo Fire
# Chief": GeoVirus marks no place inside an institution's name).
_GOVERNMENT_WORDS = r"(?:Council|Hall|Manager|Commission|Commissioner|Attorney|Clerk|" \
    r"Schools|Police|Office|Patrol)"
# "City" makes a name of the town before it ("Boulder City", "Carson City"), except
# before the words of a city's government ("Galway City Council" is Galway's).
_CITY_GOVERNMENT = re.compile(r"[ \t]+" + _GOVERNMENT_WORDS + r"\b")
_CIVIC_CUE = re.compile(
    r"(?<=[ \t])(?:(?:Mayor|Police|Fire|Town|Village|Borough|Council|Councillors?|Sheriff|"
    r"Parks|Public|Municipal|Chamber)\b(?![’'])|"
    r"(?:City|Highway|State)(?=[ \t]+" + _GOVERNMENT_WORDS + r"\b)|"
    r"(?:mayor|police|residents?|natives?|man|woman|teen|businesses|voters|"
    r"officials|authorities|firefighters|councillors?|council|area)\b)"
)
# The capitalised run (up to three words) that ends right before a cue.
_NAME_BEFORE = re.compile(r"[A-Z][\w'’.]*(?:[ \t][A-Z][\w'’.]*){0,2}(?=(?:’s|'s)?[ \t]+$)")
# Words of a person's name that leave it for an institution's ("Salem Fire Chief Ann
# Cole" is no person named Salem).
_CIVIC_WORDS = frozenset("""Mayor Police Fire Town Village Borough Council Councillor
    Sheriff Parks Public Municipal Chamber City Highway Patrol Chief Commissioner
    Investigator Manager""".split())
CIVIC_TOWN_POPULATION = 1_000
# Words that make a title of the next ("Vice Mayor", "Deputy Police Chief"), not a town.
_TITLE_MODIFIERS = frozenset({"Vice", "Deputy", "Acting", "Assistant", "Interim", "Former",
                              "Associate", "Senior", "Chief"})


def _with_civic_places(gaz: Gazetteer, text: str, cands: Sequence[object], doc: Doc,
                       mentions: list[_Mention]) -> list[_Mention]:
    """Add the towns named by their institutions or people (see above)."""
    people = [text[getattr(c, "start", 0):getattr(c, "end", 0)].split() for c in cands
              if getattr(c, "label", "") == "PERSON"]
    name_words = {w for words in people if len(words) >= 2
                  and not any(x in _CIVIC_WORDS or x in lexicon.ORG_WORDS for x in words)
                  for w in words}
    added: list[_Mention] = []
    # the cue first, then the name before it: one regex over the text that starts at
    # every capital costs more (bench_places)
    for cm in _CIVIC_CUE.finditer(text):
        window = max(0, cm.start() - 60)
        nm = _NAME_BEFORE.search(text, window, cm.start())
        if nm is None:
            continue
        start, end = nm.span()
        if text[start:end].endswith(" City") and _CITY_GOVERNMENT.match(text, end):
            end -= len(" City")
        if any(m.start < end and start < m.end for m in mentions + added):
            continue
        m = _civic_name(gaz, text, doc, start, end, name_words)
        if m is not None:
            m.embedded = cm.group()[0].isupper()
            added.append(m)
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.start)


def _civic_name(gaz: Gazetteer, text: str, doc: Doc, start: int, end: int,
                name_words: set[str]) -> _Mention | None:
    """The town named by the capitalised run ``start:end``, if it is one, less any
    leading words that are no name ("The", "Former"); never a part of a longer name
    ("Cedar Grove" is no Grove)."""
    for w in re.finditer(r"\S+", text[start:end]):
        s = start + w.start()
        name = text[s:end]
        if not all(_county_word(x) and x not in name_words and x not in _TITLE_MODIFIERS
                   for x in name.split()):
            continue
        span = doc.char_span(s, end, alignment_mode="expand")
        if span is None or any(t.tag_ in {"NN", "NNS"} or t.pos_ not in {"PROPN", "NOUN"}
                               for t in span):
            return None  # "Highways officials", "Early voters": no name, capitalised
        if not any(_civic_town(x) for x in gaz.lookup_matches(name)):
            return None
        m = _mention(text, s, end)
        return m if m is not None and m.demonym_of is None else None
    return None


def _civic_town(x: Match) -> bool:
    e = x.entry
    return x.how == "preferred" and (
        (e.feature_class == "P" and e.population >= CIVIC_TOWN_POPULATION)
        or e.feature_code.startswith("ADM1") or e.feature_code in COUNTRY_CODES)


# "Newfoundland and Labrador", "Jammu and Kashmir", "St. Kitts and Nevis": the model
# makes two places of one name with "and" inside; where the whole is a name the
# gazetteer knows, it is one place.
_AND = re.compile(r"\s+(?:and|&)\s+")


def _joined_names(gaz: Gazetteer, text: str, mentions: list[_Mention]) -> list[_Mention]:
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and not prev.embedded and not m.embedded and \
                (_AND.fullmatch(text, prev.end, m.start) or
                 text[prev.start:prev.end].endswith((" and", " &"))) and \
                m.start - prev.end <= 6 and gaz.has_name(_WS.sub(" ", text[prev.start:m.end])):
            joined = _mention(text, prev.start, m.end)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(m)
    return out


# -- party labels --------------------------------------------------------------------
#
# "Sen. Ann Cole, D-N.D.,", "Rep. Tom Ferris, D-W. Va.", "(R-Valdosta)": US news names a
# legislator's party and the state or town they represent.  The place is a toponym (LGL
# marks 40 of its 42), but the model reads "D-Charleston" as one name or nothing.
# Minnesota's Democrats are the DFL ("DFL-Duluth").  Not the postal codes of "(D-CA)"
# (GeoVirus marks none of its three), which are read only in spans given as toponyms
# (see POSTAL_CODES).  LGL (end to end): 20 toponyms more.
_PARTY_LABEL = re.compile(
    r"(?P<open>, |\()(?:[DRI]|DFL)-"
    r"(?P<name>[A-Z][\w'’.]*(?:[ \t][A-Z][\w'’.]*){0,2})(?=\s*[,;)]|\s+[a-z“\"]|(?<=\.)\s|\s*$)"
)


def _with_party_labels(gaz: Gazetteer, text: str,
                       mentions: list[_Mention]) -> list[_Mention]:
    """Add the places of party labels (see above), replacing the mentions they overlap."""
    added: list[_Mention] = []
    for pm in _PARTY_LABEL.finditer(text):
        # after a name: "Cole, D-" or "Cole (D-" (checked here: a lookbehind is slow)
        before = pm.start() - (1 if pm.group("open") == "(" else 0)
        if pm.group("open") == "(" and text[before:before + 1] != " ":
            continue
        if before < 1 or not (text[before - 1].isalpha() or text[before - 1] == "."):
            continue
        s = pm.start("name")
        words = pm.group("name").split(" ")
        # "D-Hurricane. Earlier this month": a full stop after a word ends the label
        cut = next((i + 1 for i, w in enumerate(words[:-1])
                    if w.endswith(".") and len(w) > 2 and w != "St."), len(words))
        name = " ".join(words[:cut])
        e = s + len(name)
        if name.replace(" ", "") not in STATE_ABBREVIATIONS:
            name = name.rstrip(".")  # "D-Iowa City.": the sentence's full stop
            e = s + len(name)
            if not [x for x in gaz.lookup_matches(name) if x.how != "folded"]:
                continue
        m = _mention(text, s, e)
        if m is not None and m.demonym_of is None:
            added.append(m)
    return _replacing(mentions, added)


def _replacing(mentions: list[_Mention], added: list[_Mention]) -> list[_Mention]:
    """``mentions`` with ``added`` in text order, less the mentions they overlap."""
    if not added:
        return mentions
    kept = [m for m in mentions if not any(m.start < a.end and a.start < m.end for a in added)]
    return sorted(kept + added, key=lambda m: m.start)


def _state_word_end(gaz: Gazetteer, text: str, start: int, end: int) -> int:
    """'Kentucky State Police', 'the Georgia state line': the place is the state's name.

    Our entity layer takes "State"/"state" as a region word; the toponym is the
    name before it, unless that is the preferred name of its own ("Lagos State").
    """
    surface = text[start:end]
    head, _, last = surface.rpartition(" ")
    if last not in {"State", "state"} or not head or \
            any(x.how == "preferred" for x in gaz.lookup_matches(surface)) or \
            not gaz.has_name(head):
        return end
    return start + len(head.rstrip())


# "Milton District Chamber of Commerce", "Ashford District Court", "Galway City
# Council": the unit word opens the organisation's name; the place is the name before it.
_UNIT_IN_NAME = re.compile(r"[ \t]+(?:District|City)$")
_ORG_AFTER_UNIT = re.compile(r"[ \t]+[A-Z]")


def _unit_in_name_end(text: str, start: int, end: int) -> int:
    """'Milton District' before 'Chamber': the place ends before 'District' (see above).

    Only where a capitalised word follows, and for "City" only before the words of a
    city's government: "San Fernando City" and "Boulder City" are towns' names.
    """
    unit = _UNIT_IN_NAME.search(text, start, end)
    if unit is None or unit.start() == start or not _ORG_AFTER_UNIT.match(text, end):
        return end
    if text[unit.start():end].strip() == "City" and not _CITY_GOVERNMENT.match(text, end):
        return end
    return unit.start()


# "County Road 43", "State Route 9": a road the model ends before its number; without
# it "County Road" names nothing.
_NUMBERED_ROADS = frozenset({"County Road", "State Road", "State Route", "State Highway",
                             "Farm Road", "County Route", "County Highway"})
_ROAD_NUMBER = re.compile(r"[ \t]+\d{1,4}[A-Z]?\b")


def _road_number_end(text: str, start: int, end: int) -> int:
    if _WS.sub(" ", text[start:end]) not in _NUMBERED_ROADS:
        return end
    number = _ROAD_NUMBER.match(text, end)
    return number.end() if number else end


def _abbreviation_end(text: str, start: int, end: int) -> int:
    """Give back the full stop the entity layer trims from "U.S.", "Ky." and "Main St."."""
    if text[end:end + 1] != ".":
        return end
    surface = text[start:end]
    if _INITIALS.fullmatch(surface) or surface.replace(" ", "") + "." in STATE_ABBREVIATIONS or \
            (" " in surface and surface.rsplit(" ", 1)[1] + "." in _ABBREVIATED_LAST_WORDS
             and not _SAINT_AFTER.match(text, end)):
        return end + 1
    return end


def _demonym_country(surface: str) -> str | None:
    country = lexicon.DEMONYMS.get(surface)
    if country is None and surface in lexicon.DEMONYM_PLURALS:
        country = lexicon.DEMONYMS.get(surface[:-1])
    if country is None and plain_key(surface) in GEO_DEMONYMS:
        country = ""
    return country


# -- resolution ------------------------------------------------------------------------


def _resolve(ctx: Context, mentions: list[_Mention]) -> list[Place | None]:
    gaz = ctx.resources.gazetteer
    doc = ctx.doc
    groups: dict[str, _Group] = {}
    for m in mentions:
        m.government_context = _government_context(doc, m.start, m.end)
        groups.setdefault(m.key, _Group(m.key, [])).mentions.append(m)
    for g in groups.values():
        g.matches = _candidates(gaz, g)
        g.country_named = any(x.entry.feature_code in COUNTRY_CODES and x.how != "folded"
                              for x in g.matches)
        for m in g.mentions:
            g.qualifier |= _qualifier(gaz, doc_text(doc), m.end)
        unit = _qualifying_unit(gaz, doc_text(doc), g) if g.qualifier else []
        if unit:
            g.matches, g.unit_only = unit, True
    outlet = _outlet_country(ctx.article.url, ctx.article.outlet)
    home = ctx.resources.outlet_homes.get(outlet_key(ctx.article.url, ctx.article.outlet) or "")
    live = [g for g in groups.values() if g.matches]
    priors = {g.key: [_prior(mt, g) for mt in g.matches] for g in live}
    for g in live:
        g.scores = list(priors[g.key])
        g.choice = _argmax(g.scores)
    for n_round in range(CONTEXT_ROUNDS):
        shares = {g.key: _share(g) for g in live}
        votes = _votes(list(shares.values()))
        towns = _chosen_towns(live) if n_round >= CONTEXT_ROUNDS - PROXIMITY_ROUNDS else []
        for g in live:
            own = shares[g.key]
            g.scores = [p + _evidence(mt.entry, g, votes, own, outlet, home)
                        for p, mt in zip(priors[g.key], g.matches, strict=True)]
            if towns:
                _add_proximity(g, towns, len(live) - 1)
            g.choice = _argmax(g.scores)
    _unit_or_city(live)
    points = {g.key: _local_point(g, live) for g in live}
    units = Counter((g.matches[g.choice].entry.country_code, g.matches[g.choice].entry.admin1)
                    for g in live)
    out: list[Place | None] = []
    for m in mentions:
        g = groups[m.key]
        if not g.matches:
            out.append(None)
            continue
        match = g.matches[g.choice]
        if not m.given and _other_name_only(g, match, units):
            out.append(None)
            continue
        out.append(_place(doc_text(doc), m, match, _confidence(g), point=points[g.key]))
    return out


def _unit_or_city(live: Sequence[_Group]) -> None:
    """A name that is both a city and the admin-1 unit around it ("Quebec", "New York").

    The city is the default (population).  But where the article's other towns lie
    in that unit and none of them near the city, the article is about the unit:
    in a story about Montreal and Sherbrooke, "Quebec" is the province.  Near
    is PROXIMITY_KM.  Not a city that holds CITY_SHARE of its unit's people: its name
    means the city (Odesa, with Izmail far down the Danube, in samples/articles).
    TR-News (gold spans): +5 toponyms, LGL and GeoVirus unchanged.
    """
    for g in live:
        e = g.matches[g.choice].entry
        if e.feature_class != "P" or not e.admin1:
            continue
        unit = next((i for i, x in enumerate(g.matches)
                     if x.entry.feature_code.startswith("ADM1")
                     and x.entry.country_code == e.country_code
                     and x.entry.admin1 == e.admin1
                     and plain_key(x.entry.name).startswith(plain_key(g.mentions[0].surface))),
                    None)
        if unit is None or \
                e.population >= CITY_SHARE * g.matches[unit].entry.population:
            continue
        inside = [h.matches[h.choice].entry for h in live if h is not g
                  and h.matches[h.choice].entry.feature_class == "P"
                  and h.matches[h.choice].entry.country_code == e.country_code
                  and h.matches[h.choice].entry.admin1 == e.admin1]
        if inside and not any(_km(t.lat, t.lon, e.lat, e.lon) <= PROXIMITY_KM for t in inside):
            g.scores[unit] = g.scores[g.choice] + UNIT_MARGIN
            g.choice = unit


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: good enough within a region."""
    coslat = math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(lat1 - lat2, (lon1 - lon2) * coslat) * 111.2


def _other_name_only(g: _Group, match: Match,
                     units: Counter[tuple[str, str | None]]) -> bool:
    """Whether a found name reaches a town only through another, unlike name,
    and no other name of the article lies in that town's admin-1 unit.

    "Passover" is another name of Mountain City, Tennessee: a word the model took
    for a place that the gazetteer knows only as a small town's former or other
    name is not that town (see OTHER_NAME_PENALTY).  On LGL, end to end, this
    dropped 38 false places for 16 true ones (neighbourhoods listed as other names
    of their city); TR-News and GeoVirus lost 13 and 16 false places.  A former
    name among the places of its region is meant, though ("Artemovsk" for Bakhmut
    in a story about Donetsk region; "Sweida" for As-Suwayda).  Given spans are
    toponyms and keep their best reading.
    """
    e = match.entry
    if match.how == "preferred" or e.feature_class != "P" or e.population >= OTHER_NAME_MAX_POP:
        return False
    if units[(e.country_code, e.admin1)] < 2 and not _same_name(g.mentions[0].surface, e.name):
        return True
    # "near Ber, a town east of Timbuktu": a village abroad reached through a spelling
    # variant ("Ber" for Beure, France), in an article none of whose other places lie in
    # that country, is a town the gazetteer lacks, not the village
    in_country = sum(n for (cc, _), n in units.items() if cc == e.country_code)
    if in_country >= 2:
        return False
    if e.population < NAMESAKE_POP:
        return True
    # a town too, where the article's places lie in another country: "the village of
    # Gorouol Kaina, about 12 kilometres from Téra" (Niger) is not Kayna, DR Congo,
    # reached through its spelling "Kaina" (found on article 31)
    by_country: Counter[str] = Counter()
    for (cc, _), n in units.items():
        by_country[cc] += n
    return any(n >= 2 for cc, n in by_country.items() if cc != e.country_code)


def _local_point(g: _Group, live: list[_Group]) -> tuple[float, float] | None:
    """Where the article puts a sub-state unit whose own point is unknown.

    A US county's gazetteer point is its state's centroid (the data have no
    county coordinates).  Local news names the towns of the county it covers,
    so the mean of the article's towns in that state is a better point: within
    161 km for 95% of LGL's county toponyms that have such towns, against 60%
    for the state's centroid.
    """
    e = g.matches[g.choice].entry
    if not (e.centroid and e.feature_code == "ADM2"):
        return None
    towns = [h.matches[h.choice].entry for h in live if h is not g]
    towns = [t for t in towns if t.feature_class == "P" and t.country_code == e.country_code
             and t.admin1 == e.admin1]
    if not towns:
        return None
    return (sum(t.lat for t in towns) / len(towns), sum(t.lon for t in towns) / len(towns))


def _candidates(gaz: Gazetteer, g: _Group) -> list[Match]:
    m = g.mentions[0]
    if m.demonym_of is not None:
        name = m.demonym_of or CONTINENT_DEMONYMS.get(plain_key(m.surface))
        return list(gaz.lookup_matches(name)[:1]) if name else []
    abbreviation = STATE_ABBREVIATIONS.get(m.surface.replace(" ", ""))
    if abbreviation is None and m.given:
        # a span given as a toponym: "Ky" and "N.Y" have lost their full stop, "KY"
        # and "NY" are the postal codes
        abbreviation = STATE_ABBREVIATIONS.get(m.surface.replace(" ", "") + ".") or \
            POSTAL_CODES.get(m.surface)
    if abbreviation is not None:
        # "Ga.", "D.C." on their own: the state (or district) they abbreviate
        cc, unit = abbreviation
        return [x for x in gaz.lookup_matches(unit)
                if x.entry.country_code == cc and x.entry.feature_class == "A"][:1]
    # "Netherlands": the gazetteer stores some countries with their article only
    matches = list(gaz.lookup_matches(m.surface) or gaz.lookup_matches("the " + m.surface)
                   or _town_matches(gaz, m.surface) or _part_matches(gaz, m.surface))
    if m.region_word:
        # "Donetsk region": the unit, never the city of the same name
        base = m.surface.rsplit(" ", 1)[0]
        # (never a country: "Guernsey County" is in Ohio, not the island)
        regional = [x for x in matches + list(gaz.lookup_matches(base))
                    if (x.entry.feature_code in REGION_CODES or x.entry.feature_class == "A")
                    and x.entry.feature_code not in COUNTRY_CODES]
        if m.unit_word in ADMIN1_WORDS:
            regional = [x for x in regional if x.entry.feature_code.startswith("ADM1")] or regional
        matches = regional or matches
    initials = m.surface.isalpha() and m.surface.isupper() and len(m.surface) <= 3 and \
        not m.given
    if initials:
        # "BA", "ER", "MP": initials stand for a place only when written as its
        # name is ("US", "UK"), not as any village called "Ba"
        matches = [x for x in matches if x.matched_name == m.surface]
    seen: set[int] = set()
    unique: list[Match] = []
    for x in matches:
        if x.entry.geonameid not in seen:
            seen.add(x.entry.geonameid)
            unique.append(x)
    if not unique and m.given:
        unique = _demonym_matches(gaz, m.surface)
    hint = next((mm.hint for mm in g.mentions if mm.hint is not None), None)
    if hint is not None and not unique and not initials:
        # the entity layer found it under another form ("Donbass region"): trust that entry
        unique.append(Match(hint, hint.name, "alternate", 0.0))
    return unique


# A demonym the table does not know ("Ontarians", "Dagestani", "South Ossetian",
# "Abkhaz") names the unit its stem comes from: an ending is taken off and a
# place ending put on, and the first country or region that answers is the place.
# Only for spans given as toponyms (gold spans): the component never makes a
# place of a demonym.
_DEMONYM_ENDINGS = ("ian", "an", "n", "i", "ese", "")
_PLACE_ENDINGS = ("", "a", "ia", "o", "as")
_DEMONYM_UNIT_CODES = COUNTRY_CODES | {"ADM1", "ADM1H", "RGN"}


def _demonym_matches(gaz: Gazetteer, surface: str) -> list[Match]:
    word = surface[:-1] if surface.endswith("s") else surface
    for ending in _DEMONYM_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        stem = word[:len(word) - len(ending)]
        if len(stem.replace(" ", "")) < 3:
            continue
        for place_ending in _PLACE_ENDINGS:
            if not ending and not place_ending:
                continue
            found = [x for x in gaz.lookup_matches(stem + place_ending)
                     if x.how != "folded" and x.entry.feature_code in _DEMONYM_UNIT_CODES]
            if found:
                return found[:1]
    return []


# "Town of Groton", "W. Columbia": the gazetteer has the town ("Groton", "West
# Columbia"), not the formal name or the abbreviation.  Not "City of X", which is
# the city's government as often as not (four false places on LGL, TR-News and
# GeoVirus, end to end), nor "X Township": "Jackson Township" is in another state
# than most Jacksons, and resolving it to one made LGL's misses into wrong places.
_TOWN_OF = re.compile(r"^(?:Town|Village) of\s+(?P<base>.+)$")
_COMPASS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West", "Ft.": "Fort"}


def _town_matches(gaz: Gazetteer, surface: str) -> list[Match]:
    """The town a formal or abbreviated name denotes, where the name itself is unknown."""
    m = _TOWN_OF.match(surface)
    base = m.group("base") if m else surface
    first, _, rest = base.partition(" ")
    if first in _COMPASS and rest:
        base = f"{_COMPASS[first]} {rest}"
    if base == surface:
        return []
    return [x for x in gaz.lookup_matches(base)
            if x.how != "folded" and x.entry.feature_class == "P"]


# "North London", "South Los Angeles", "Greater Mumbai": a part of a large city
# that the gazetteer does not list lies within the city, so the city's point is
# the best one we have.  Only a city this large has parts that news names so, and
# only by the city's own name: "South Plains" is no part of Plains, Georgia.
# LGL, TR-News and GeoVirus (gold spans): +2, +1 and +2 toponyms.  The component
# still reads such a name as it did (see _opaque): LGL's annotators mark "South
# Philadelphia" as "Philadelphia" but "South Los Angeles" whole, and keeping the
# whole lost 3 true LGL toponyms and added 5 false ones end to end.
PART_CITY_POPULATION = 100_000
_PART_WORDS = frozenset({w.capitalize() for w in _COMPASS_WORDS} | {"Greater", "Downtown"})


def _part_matches(gaz: Gazetteer, surface: str) -> list[Match]:
    """The large city a compass-qualified name the gazetteer lacks is a part of."""
    first, _, rest = surface.partition(" ")
    if first not in _PART_WORDS or not rest:
        return []
    return [x for x in gaz.lookup_matches(rest)
            if x.how == "preferred" and x.entry.feature_class == "P"
            and x.entry.population >= PART_CITY_POPULATION]


def _prior(match: Match, g: _Group) -> float:
    e = match.entry
    population = e.population
    if population == 0 and e.feature_code == "ADM2" and e.country_code != "US":
        # a unit below admin-1 that the data give no towns for ("Suffolk", "Fife")
        # ranks like a mid-size unit, not like an empty village, so that the
        # article's British places can carry it (US counties have their own rules:
        # see the gazetteer build).  GeoVirus (gold spans): +16 toponyms; LGL and
        # TR-News unchanged.
        population = UNPOPULATED_REGION_POPULATION
    score = math.log10(max(population, 1)) + HOW_BONUS[match.how]
    code = e.feature_code
    if e.feature_class == "P" and e.population < NAMESAKE_POP and g.country_named:
        score -= NAMESAKE_PENALTY  # a village named after a country (see NAMESAKE_POP)
    if code in COUNTRY_CODES:
        score += COUNTRY_BONUS
    elif code == "CONT":
        score += CONTINENT_BONUS
    elif code.startswith("ADM1"):
        # "Texas" names the state; "Geneva" or "Donetsk" alone is the city, not the
        # unit called "Geneva Canton" or "Donetsk Oblast"
        full = plain_key(e.name) == plain_key(g.mentions[0].surface)
        score += ADMIN1_BONUS if full or g.mentions[0].region_word else -ADMIN1_BONUS
    elif code == "ADM2" and plain_key(e.name) != plain_key(g.mentions[0].surface):
        # a bare "Madison" is the county only when the context says so
        score -= ADMIN1_BONUS
    elif code in CAPITAL_CODES:
        score += CAPITAL_BONUS
    elif code in SEAT_CODES:
        score += ADMIN_SEAT_BONUS
    elif e.geonameid < 0 and code == "RGN":
        score += NAMED_REGION_BONUS
    if e.feature_class not in {"A", "P", "L"}:
        score -= RARE_CLASS_PENALTY
    if match.how == "alternate" and e.feature_class == "P" and \
            e.population < OTHER_NAME_MAX_POP and not _same_name(g.mentions[0].surface, e.name):
        score -= OTHER_NAME_PENALTY  # a former name, not a spelling (see OTHER_NAME_PENALTY)
    surface = g.mentions[0].surface
    if surface.isupper() and re.sub(r"\W", "", match.matched_name) == re.sub(r"\W", "", surface):
        score += CASE_BONUS
    if any(m.government_context for m in g.mentions) and (
            code in CAPITAL_CODES or code in COUNTRY_CODES):
        score += GOVERNMENT_BONUS
    return score


@lru_cache(maxsize=16384)
def _same_name(a: str, b: str) -> bool:
    """Whether two names are spellings of one name ("Sloviansk", "Slovyansk")."""
    a, b = plain_key(a), plain_key(b)
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b).ratio() >= OTHER_NAME_SIMILARITY


Share = tuple[dict[str, float], dict[tuple[str, str | None], float]]
Votes = tuple[Counter[str], Counter[tuple[str, str | None]], int]


def _share(g: _Group) -> Share:
    """How one name currently splits its vote over countries and admin-1 units.

    Soft: each candidate weighs its softmax probability (scores are in log10
    units), so a name that is unsure ("Clarke County": a county in five states)
    still votes for the United States as a whole and a fifth for each state.
    """
    if SOFT_VOTES:
        top = max(g.scores)
        weights = [math.exp((s - top) * SOFT_SHARPNESS) for s in g.scores]
    else:
        weights = [1.0 if i == g.choice else 0.0 for i in range(len(g.matches))]
    total = sum(weights)
    countries: dict[str, float] = defaultdict(float)
    admin1s: dict[tuple[str, str | None], float] = defaultdict(float)
    for w, mt in zip(weights, g.matches, strict=True):
        e = mt.entry
        if w <= 0.0:
            continue
        if e.country_code:
            countries[e.country_code] += w / total
        if e.admin1 and e.feature_code not in COUNTRY_CODES:
            admin1s[(e.country_code, e.admin1)] += w / total
    return countries, admin1s


def _votes(shares: Sequence[Share]) -> Votes:
    """Where the article's names currently point: one vote per distinct name."""
    countries: Counter[str] = Counter()
    admin1s: Counter[tuple[str, str | None]] = Counter()
    for c, a in shares:
        countries.update(c)
        admin1s.update(a)
    return countries, admin1s, len(shares)


def _chosen_towns(live: Sequence[_Group]) -> list[tuple[str, float, float]]:
    """Each name's current choice, where it is a town: (key, lat, lon)."""
    out = []
    for g in live:
        e = g.matches[g.choice].entry
        if e.feature_class == "P":
            out.append((g.key, e.lat, e.lon))
    return out


def _add_proximity(g: _Group, towns: Sequence[tuple[str, float, float]], others: int) -> None:
    """Reward the candidates that lie near the article's other towns.

    Admin-1 votes miss neighbours across a border (Hanover, New Hampshire, in a
    story about Bethel, Vermont); distance does not.  Only the best
    PROXIMITY_CANDIDATES candidates by score are looked at, to keep it cheap.
    """
    near = [(lat, lon) for key, lat, lon in towns if key != g.key]
    if not near or others <= 0:
        return
    order = sorted(range(len(g.scores)), key=lambda i: -g.scores[i])[:PROXIMITY_CANDIDATES]
    for i in order:
        e = g.matches[i].entry
        if e.feature_class != "P" and e.feature_code != "ADM2":
            continue
        coslat = math.cos(math.radians(e.lat))
        close = sum(1 for lat, lon in near
                    if ((lat - e.lat) ** 2 + ((lon - e.lon) * coslat) ** 2) ** 0.5 * 111.2
                    <= PROXIMITY_KM)
        g.scores[i] += PROXIMITY_WEIGHT * close / others


def _evidence(e: GeoEntry, g: _Group, votes: Votes, own: Share, outlet: str | None,
              home: OutletHome | None = None) -> float:
    countries, admin1s, total = votes
    others = total - 1
    score = 0.0
    if others > 0:
        n_country = countries[e.country_code] - own[0].get(e.country_code, 0.0)
        score += CONTEXT_COUNTRY_WEIGHT * n_country / others
        if e.admin1 and e.feature_code not in COUNTRY_CODES:
            key = (e.country_code, e.admin1)
            n_admin = admin1s[key] - own[1].get(key, 0.0)
            weight = CONTEXT_ADMIN1_WEIGHT * (COUNTY_FACTOR if e.feature_code == "ADM2" else 1.0)
            score += weight * n_admin / others
    if g.qualifier:
        # a town reached through a name unlike its own takes no qualifier: in
        # "Iraq, Iran and Syria", Iran does not make Arak (another name: "Iraq") the
        # place.  GeoVirus (gold spans): +2 toponyms; LGL, TR-News unchanged.
        if any(cc == e.country_code and (a1 is None or a1 == e.admin1) for cc, a1 in g.qualifier) \
                and (e.feature_class != "P" or _same_name(g.mentions[0].surface, e.name)):
            score += QUALIFIER_BONUS
        else:
            score += QUALIFIER_MISMATCH
    if outlet and e.country_code == outlet:
        score += OUTLET_COUNTRY_BONUS
    if home is not None and e.admin1 == home.admin1 and e.country == home.country \
            and e.feature_code not in COUNTRY_CODES:
        score += OUTLET_HOME_BONUS
    return score


def _qualifying_unit(gaz: Gazetteer, text: str, g: _Group) -> list[Match]:
    """The state a qualifier names, where none of the name's candidates lies in it.

    "Holliday, Missouri": the gazetteer has a Holliday in Texas only (the one in
    Missouri has fewer than 500 inhabitants).  The writer said where the town is,
    so the place is somewhere in Missouri, not in another state: the state's own
    entry, with precision "region" and a lowered confidence.  Only where the
    words after the comma are one admin-1 unit's whole name or abbreviation
    ("Lviv, Minsk and Vilnius" is a list), in a country of the name's candidates
    ("Dayton, Hamilton": Hamilton is also a parish of Bermuda, Dayton a US town),
    and never for a name that is itself a state or a country ("Ohio, Indiana").
    """
    exact = [x for x in g.matches if x.how != "folded"]
    if any(x.entry.feature_code in COUNTRY_CODES or x.entry.feature_code == "CONT"
           or x.entry.feature_code.startswith("ADM1") for x in exact):
        return []
    countries = {x.entry.country_code for x in g.matches}
    units: dict[int, Match] = {}
    for m in g.mentions:
        q = _QUALIFIER.match(text, m.end)
        if q is None:
            continue
        words = q.group(1)
        if words in STATE_ABBREVIATIONS:
            _, words = STATE_ABBREVIATIONS[words]
        for x in gaz.lookup_matches(words.rstrip(".")):
            e = x.entry
            if x.how != "folded" and e.feature_code.startswith("ADM1") and \
                    plain_key(e.name).startswith(plain_key(words)) and \
                    (not countries or e.country_code in countries):
                units.setdefault(e.geonameid, x)
                break
    if not units or any((x.entry.country_code, x.entry.admin1) in
                        {(u.entry.country_code, u.entry.admin1) for u in units.values()}
                        for x in g.matches):
        return []
    return list(units.values())


def _qualifier(gaz: Gazetteer, text: str, end: int) -> set[tuple[str, str | None]]:
    """'Alexandria, Louisiana' -> {("US", "Louisiana")}: the units a name is placed in."""
    m = _QUALIFIER.match(text, end)
    if m is None:
        return set()
    words = m.group(1)
    if words in STATE_ABBREVIATIONS:
        cc, admin1 = STATE_ABBREVIATIONS[words]
        return {(cc, admin1)}
    out: set[tuple[str, str | None]] = set()
    tokens = words.split()
    # the longest leading run of words that names a country or an admin-1 unit
    for n in range(min(len(tokens), 4), 0, -1):
        for x in gaz.lookup_matches(" ".join(tokens[:n]).rstrip(".,")):
            e = x.entry
            if x.how == "folded":
                continue
            if e.feature_code in COUNTRY_CODES:
                out.add((e.country_code, None))
            elif e.feature_code.startswith("ADM1"):
                out.add((e.country_code, e.admin1))
        if out:
            break
    return out


def _outlet_country(url: str | None, outlet: str | None) -> str | None:
    host = urlparse(url).hostname if url else None
    host = host or (outlet if outlet and "." in outlet and " " not in outlet else None)
    if not host:
        return None
    tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if tld in _GENERIC_TLDS or len(tld) != 2:
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())


def _argmax(scores: Sequence[float]) -> int:
    return max(range(len(scores)), key=lambda i: (scores[i], -i))


def _confidence(g: _Group) -> float:
    """A logistic of the margin over the runner-up, lowered for guesses.

    The margin, not a softmax over all candidates: twenty small Genevas in the
    United States should not make Geneva, Switzerland, doubtful.
    """
    top = g.scores[g.choice]
    rest = [s for i, s in enumerate(g.scores) if i != g.choice]
    conf = 1.0 / (1.0 + math.exp(-(top - max(rest)))) if rest else 1.0
    conf = min(conf, MAX_CONFIDENCE)
    match = g.matches[g.choice]
    if match.how == "folded":
        conf *= FOLDED_FACTOR
    if match.entry.centroid:
        conf *= CENTROID_FACTOR
    if g.unit_only:
        conf *= UNIT_ONLY_FACTOR
    return round(conf, 3)


def precision_of(entry: GeoEntry) -> Precision:
    """city / region / country / continent / area, from the feature code."""
    code = entry.feature_code
    if code in COUNTRY_CODES:
        return "country"
    if code == "CONT":
        return "continent"
    if code in REGION_CODES or code.startswith("ADM"):
        return "region"
    if entry.feature_class == "P":
        return "city"
    return "area"


def _place(text: str, m: _Mention, match: Match, confidence: float, *,
           point: tuple[float, float] | None = None) -> Place:
    e = match.entry
    lat, lon = point if point is not None else (e.lat, e.lon)
    government = m.government_context and (
        e.feature_code in CAPITAL_CODES or e.feature_code in COUNTRY_CODES)
    return Place(
        mention=Span(m.start, m.end, text[m.start:m.end]),
        geonameid=e.geonameid,
        name=e.name,
        country=e.country or None,
        admin1=e.admin1,
        lat=lat,
        lon=lon,
        feature_code=e.feature_code,
        precision=precision_of(e),
        confidence=confidence,
        government=government,
    )


# -- metonymy ---------------------------------------------------------------------------


def _government_context(doc: Doc, start: int, end: int) -> bool:
    """Whether the syntax makes this name an actor: 'Kyiv said', 'dialogue with Kyiv'."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return _actor(span.root, depth=0)


def _actor(tok: Token, *, depth: int) -> bool:
    dep = tok.dep_
    head = tok.head
    if dep == "conj" and head.i != tok.i and depth < 3:
        # "talks between Moscow and Kyiv": a conjunct shares its first conjunct's role
        return _actor(head, depth=depth + 1)
    if dep == "nsubj":
        return _speaks(head)
    if dep == "dobj":
        return head.lemma_.lower() in PRESSURE_VERBS
    if dep == "pobj":
        prep = head
        if prep.lower_ not in DIALOGUE_PREPS:
            return False
        governor = prep.head
        lemma = governor.lemma_.lower()
        if lemma in DIALOGUE_NOUNS:
            return True
        # "called on Moscow to": a phrasal pressure verb
        return prep.lower_ == "on" and lemma in {"call", "press", "lean", "prevail"}
    if dep == "poss":
        return head.lemma_.lower() in STANCE_NOUNS
    return False


def _speaks(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return True
    if lemma in CATENATIVE:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_VERBS for c in verb.children)
    return False


# -- focus ---------------------------------------------------------------------------------

# How much a mention says about where the story happens, by precision: a town
# named once says more than a country named twice.  Set by eye on samples/articles.
FOCUS_WEIGHT: dict[str, float] = {"city": 1.0, "area": 0.9, "region": 0.8, "country": 0.4,
                                  "continent": 0.1}
# The lead (first paragraph or so) is where news says where it happens.
FOCUS_LEAD_CHARS = 600
FOCUS_LEAD_BONUS = 1.0
# Kept: places scoring at least this share of the best one, at most FOCUS_LIMIT.
FOCUS_SHARE = 0.5
FOCUS_LIMIT = 3


def focus(places: Sequence[Place]) -> list[Focus]:
    """The article's focus locations, best first.

    Government mentions ("Kyiv said") are not locations.  Each remaining mention
    counts by its precision; mentions in the lead count extra once per place.
    """
    by_id: dict[int, list[Place]] = defaultdict(list)
    for p in places:
        if p.geonameid is not None and not p.government:
            by_id[p.geonameid].append(p)
    scored: list[tuple[float, int, Place, int]] = []
    for gid, ps in by_id.items():
        first = min(ps, key=lambda p: p.mention.start)
        weight = FOCUS_WEIGHT[first.precision]
        score = weight * (len(ps) + (FOCUS_LEAD_BONUS if first.mention.start < FOCUS_LEAD_CHARS
                                     else 0.0))
        scored.append((score, gid, first, len(ps)))
    if not scored:
        return []
    scored.sort(key=lambda s: (-s[0], s[2].mention.start))
    best = scored[0][0]
    return [
        Focus(geonameid=gid, name=p.name, country=p.country, admin1=p.admin1, lat=p.lat,
                   lon=p.lon, precision=p.precision, mentions=n, score=round(score, 3))
        for score, gid, p, n in scored[:FOCUS_LIMIT] if score >= FOCUS_SHARE * best
    ]
