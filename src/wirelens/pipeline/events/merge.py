"""Merge the mentions of one real-world event within an article.

Same sub-type, place and day with compatible actors make one event; so do the steps
of an attack told just after it ("The attackers ordered everyone off the bus"), a region
and then a town in it, and arrests told just after a protest (the police's intervention
in it).  Deeds told apart in one sentence stay apart.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import TYPE_CHECKING, Final

from wirelens.model import Place
from wirelens.pipeline.events import actors as act
from wirelens.pipeline.events.attributes import (
    Found,
)
from wirelens.pipeline.events.syntax import clause_text
from wirelens.pipeline.events.taxonomy import (
    DIPLOMATIC,
)

if TYPE_CHECKING:
    pass


# Words that set a crowd apart from the one told before: "a separate student protest",
# "a second, smaller crowd".
SEPARATE = re.compile(r"\b(?:separate|second|another|rival|counter-?protest)\b", re.I)




# -- merge -------------------------------------------------------------------------------------


def merge_mentions(found: list[Found]) -> list[Found]:
    """One event per real-world event: same sub-type, place and day, compatible actors."""
    out: list[Found] = []
    last_sent: dict[int, int] = {}  # id of an event -> sentence of its latest mention
    sent_of = _sentence_index(found)
    for f in found:
        here = sent_of.get(f.trigger.sent.start, -1)
        same = _same_crowd(out, f) or _arrests_at_crowd(out, f, here, last_sent) or \
            next((g for g in out if _same_event(g, f)), None) or \
            _narrowed(out, f, here, last_sent) or _withdrawal_from_battle(out, f)
        if same is None:
            host = _elaborated(out, f, sent_of, last_sent)
            if host is not None:
                _take_detail(host, f)
                last_sent[id(host)] = here
                continue
            out.append(f)
            last_sent[id(f)] = here
            continue
        last_sent[id(same)] = here
        same.actor1 = same.actor1 or f.actor1
        same.actor2 = same.actor2 or f.actor2
        if same.place is None or (same.place_from_context and not f.place_from_context
                                  and f.place is not None) or _within_region(f.place,
                                                                             same.place):
            same.place, same.place_from_context = f.place, f.place_from_context
        if f.deaths is not None and (same.deaths is None or f.deaths > same.deaths):
            same.deaths, same.deaths_text = f.deaths, f.deaths_text
        if same.status == "claim" and f.status == "fact":
            same.status = "fact"  # confirmed by a neutral source
        same.confidence = max(same.confidence, f.confidence)
        same.kind_note.setdefault("merged", []).append([f.start, f.end])
    return out


# A later deed that tells a step of an attack already reported ("The attackers ordered
# everyone off the bus" after "gunmen ... abducted 17 people"; "its fighters had destroyed
# nine vehicles and seized weapons" after an ambush) is that attack told in detail, not a
# new event (the article gold's "one real-world event once"; a complex attack is typed by
# its opening act).  Tuned on the Mali convoy and Burkina bus articles of
# samples/articles.  Hosts: the violent acts whose steps are told; details: the steps.
_DETAIL_HOSTS: Final = frozenset({"Attack", "Armed clash", "Abduction/forced disappearance",
                                  "Remote explosive/landmine/IED", "Suicide bomb",
                                  "Grenade"})
# ("the attackers threw grenades at the gate before forcing their way in" is a step of
# the storming of a police station told before it: blind check 34-36)
_DETAILS: Final = frozenset({"Attack", "Armed clash", "Abduction/forced disappearance",
                             "Looting/property destruction", "Disrupted weapons use",
                             "Grenade"})
# How many sentences a detail may follow the latest mention of its attack.
_DETAIL_GAP: Final = 3
# Nouns that, made definite ("the gunmen", "the ambush", "its fighters"), point back to
# an attack already told.
_BACK_NOUNS: Final = frozenset("""
    attacker assailant gunman militant fighter kidnapper abductor raider insurgent jihadist
    attack ambush assault raid explosion blast bombing abduction kidnapping
""".split())
_BACK_DETS: Final = frozenset({"the", "this", "that", "these", "those", "its", "their"})
# Nouns of the attack's sentence too general to show that a later one points back to it.
_GENERIC_NOUNS: Final = frozenset("""
    people person source official statement year day week month time country region area
    government report morning evening night afternoon
""".split())


def _withdrawal_from_battle(out: list[Found], f: Found) -> Found | None:
    """A withdrawal from a place already told as fought over, on the same or no day
    ("his fighters had withdrawn from the town in good order" after a battle for it):
    the battle's end, not a transfer without fighting (ACLED's Non-violent transfer is
    one with no battle; a false alarm of blind check 34-36)."""
    if f.sub != "Non-violent transfer of territory" or f.place is None or \
            f.status == "background":
        return None
    for g in out:
        if g.event_type == "Battles" and g.status != "background" and \
                g.place is not None and g.place.geonameid == f.place.geonameid and \
                g.place.geonameid is not None and _day_agrees(g, f):
            return g
    return None


def _sentence_index(found: list[Found]) -> dict[int, int]:
    if not found:
        return {}
    return {s.start: i for i, s in enumerate(found[0].trigger.doc.sents)}


def _elaborated(out: list[Found], f: Found, sent_of: dict[int, int],
                last_sent: dict[int, int]) -> Found | None:
    """The attack that ``f`` tells a step of: the latest reported violent event, its
    latest mention at most a few sentences back, whose attacker ``f`` shares or refers
    back to ("the attackers", "they"), at the same or no place of its own and the same
    or no day.  Never a deed set apart ("a second attack", "another ambush")."""
    # (a deed "apart" from another in its own sentence -- "destroyed nine vehicles and
    # seized weapons" -- may still be a step of the attack told before)
    if f.sub not in _DETAILS or f.status == "background":
        return None
    sent = f.trigger.sent
    if SEPARATE.search(sent.text):
        return None
    here = sent_of.get(sent.start, -1)
    host = next((g for g in reversed(out) if g.event_type != DIPLOMATIC
                 and g.status != "background"), None)
    # after the attack's own sentence, and near its latest mention (which may be the
    # same sentence: "destroyed nine vehicles and seized weapons")
    gap = _NAMED_BACK_GAP if _names_the_deed(f) else _DETAIL_GAP
    if host is None or host.sub not in _DETAIL_HOSTS or here < 0 or \
            here <= sent_of.get(host.trigger.sent.start, here) or \
            not 0 <= here - last_sent.get(id(host), -99) <= gap:
        return None
    if not (_actors_agree(host, f) and _place_agrees(host, f) and _day_agrees(host, f)):
        return None
    return host if _points_back(f, host) else None


# How many sentences back a deed done to "the attack" ("troops had repelled the attack",
# the army's account two paragraphs after the attack; blind check 37-39) may find it.
_NAMED_BACK_GAP: Final = 8
_ATTACKS_NAMED: Final = frozenset({"attack", "assault", "ambush", "raid", "offensive"})


def _names_the_deed(f: Found) -> bool:
    """Whether the trigger's own object or subject is the attack told before, made
    definite ("repelled the attack", "the assault was repulsed")."""
    verb = f.trigger
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _ATTACKS_NAMED and any(
            d.dep_ in {"det", "poss"} and d.lower_ in _BACK_DETS for d in c.children)
        for c in verb.children)


def _actors_agree(host: Found, f: Found) -> bool:
    # the detail's doer is the attacker, or the attacked fighting back ("troops
    # neutralised 24 attackers"); an unnamed armed group may be the named one
    if f.actor1 is None or host.actor1 is None or f.actor1 in {host.actor1, host.actor2}:
        return True
    return "Unidentified Armed Group" in f.actor1 or "Unidentified Armed Group" in host.actor1


def _place_agrees(host: Found, f: Found) -> bool:
    if f.place is None or f.place_from_context or host.place is None:
        return True
    if f.place.geonameid is not None and f.place.geonameid == host.place.geonameid:
        return True
    # one of the places the attack's own sentence names ("between Gao and Bourem")
    return re.search(rf"\b{re.escape(f.place.name)}\b", host.trigger.sent.text, re.I) is not None


def _day_agrees(host: Found, f: Found) -> bool:
    if not (f.date and host.date and f.date_precision == host.date_precision == "day"):
        return True
    gap = (date.fromisoformat(f.date) - date.fromisoformat(host.date)).days
    # the attack may be dated by the day it was reported ("sources said on Monday") and
    # its step by the day it happened (Saturday), or a party's account by its statement
    return gap == 0 or -2 <= gap < 0 or (0 < gap <= 2 and f.speaker is not None)


def _points_back(f: Found, host: Found) -> bool:
    """``f``'s sentence refers back to the attack: a definite attacker or attack noun, a
    definite noun from the attack's sentence ("the convoy", "the bus"), or 'they'."""
    told = {t.lemma_.lower() for t in host.trigger.sent if t.pos_ == "NOUN"} - _GENERIC_NOUNS
    for t in f.trigger.sent:
        if t.lower_ == "they" and t.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if t.pos_ != "NOUN" or not any(c.dep_ in {"det", "poss"} and c.lower_ in _BACK_DETS
                                       for c in t.children):
            continue
        lemma = t.lemma_.lower()
        if lemma in _BACK_NOUNS or lemma in told:
            return True
    return False


def _take_detail(host: Found, f: Found) -> None:
    """The attack keeps its (earlier, graver) type; the step adds what it lacks."""
    host.actor1 = host.actor1 or f.actor1
    host.actor2 = host.actor2 or f.actor2
    if host.place is None and f.place is not None:
        host.place, host.place_from_context = f.place, f.place_from_context
    if f.date and host.date and f.date_precision == host.date_precision == "day" and \
            f.date < host.date:
        host.date = f.date  # the day it happened, not the day it was reported
    # the same dead told twice are counted once: the larger toll, never the sum
    if f.deaths is not None and (host.deaths is None or f.deaths > host.deaths):
        host.deaths, host.deaths_text = f.deaths, f.deaths_text
    if host.status == "claim" and f.status == "fact":
        host.status = "fact"
    host.confidence = max(host.confidence, f.confidence)
    host.kind_note.setdefault("merged", []).append([f.start, f.end])


# How the protest family ranks when mentions of one crowd are merged: a protest that
# turns violent is one violent demonstration (ACLED's rule, and the article gold's).
_SEVERITY: Final = {"Peaceful protest": 0, "Protest with intervention": 1,
                    "Excessive force against protesters": 2, "Violent demonstration": 3}


def _same_crowd(out: list[Found], f: Found) -> Found | None:
    """The protest a later mention of a crowd belongs to: the latest protest told, when
    the mention has no place of its own or names the same one ("The protesters chanted
    ...", "Some students then threw stones"), or refers back to it ("the rally's main
    speaker"); never one set apart ("a second, smaller crowd").  The merged event takes
    the gravest sub-type of its mentions."""
    if f.sub not in _SEVERITY or f.status == "background" or f.kind_note.get("apart"):
        return None
    last = next((g for g in reversed(out) if g.sub in _SEVERITY and g.status != "background"),
                None)
    if last is None or SEPARATE.search(f.trigger.sent.text if f.start == f.trigger.sent.start_char
                                        else clause_text(f.trigger)):
        return None
    if f.date and last.date and f.date_precision == last.date_precision == "day" and \
            f.date != last.date:
        return None
    same_place = f.place is None or f.place_from_context or (
        last.place is not None and f.place.geonameid == last.place.geonameid)
    back = any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its",
                                                            "their"}
               for c in f.trigger.children)
    if not (same_place or back):
        return None
    if _SEVERITY[f.sub] > _SEVERITY[last.sub]:
        last.sub = f.sub
        last.actor1, last.actor2 = f.actor1, f.actor2
    return last


# How many sentences arrests may follow the latest mention of their protest (a
# witness's quote often comes between; set on the Niamey and Jenin sample articles).
_ARREST_GAP: Final = 5


def _arrests_at_crowd(out: list[Found], f: Found, here: int,
                      last_sent: dict[int, int]) -> Found | None:
    """Arrests told without a place of their own just after a protest ("Several people
    were arrested, according to a lawyers' group"; "Sani said at least 20 students had
    been arrested") are the police's intervention in that protest, not an event apart
    (ACLED codes a protest met with arrests as one Protest with intervention)."""
    if f.sub != "Arrests" or f.status == "background" or not (
            f.place is None or f.place_from_context):
        return None
    if f.actor2 is not None and act.is_state(f.actor2):
        return None
    # the deed told last (by its latest mention) must be the protest
    told = [g for g in out if g.event_type != DIPLOMATIC and g.status != "background"]
    if not told:
        return None
    latest = max(last_sent.get(id(g), -99) for g in told)
    lasts = [g for g in told if last_sent.get(id(g), -99) == latest]
    if len(lasts) != 1:
        return None  # a raid and a protest told in one sentence: whose arrests is unclear
    last = lasts[0]
    if last.sub not in _SEVERITY or \
            not 0 <= here - last_sent.get(id(last), -99) <= _ARREST_GAP:
        return None
    if last.sub == "Peaceful protest":
        last.sub = "Protest with intervention"
    return last


# How far (km) a town may lie from the point of a region and still be read as in it,
# where the gazetteer gives the town no admin-1 or another one.  A region's point is its
# centroid; the regions of our sample articles (Magway, Sagaing, Donetsk) span 200-400 km.
_REGION_KM: Final = 250.0
# How many sentences after its latest mention a deed placed in a region may be told
# again at a town in it.
_NARROW_GAP: Final = 2


def _within_region(town: Place | None, region: Place | None) -> bool:
    """Whether ``town`` is a finer place inside ``region`` (a first-order region)."""
    if town is None or region is None or region.feature_code != "ADM1" or \
            town.precision != "city" or town.country != region.country:
        return False
    if town.admin1 and town.admin1 == region.name:
        return True
    if town.lat is None and town.admin1 is None:
        # a village the gazetteer lacks, in the region the story told of ("a village in
        # the central Sagaing Region" ... "the village of Kyauk Ye")
        return True
    if town.lat is None or town.lon is None or region.lat is None or region.lon is None:
        return False
    return _km(town.lat, town.lon, region.lat, region.lon) <= _REGION_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + \
        math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _narrowed(out: list[Found], f: Found, here: int, last_sent: dict[int, int]
              ) -> Found | None:
    """The deed a lead placed in a region, told again right after at a town in it:
    "jets bombed a village in the central Magway Region on Tuesday" then "two aircraft
    ... over Ywar Thit, in Pakokku township, dropping bombs" is one strike, at Pakokku."""
    if f.event_type == DIPLOMATIC or f.status == "background" or \
            SEPARATE.search(f.trigger.sent.text) or any(
                t.lower_ in {"also", "too", "separately"} for t in f.trigger.sent):
        return None  # "it had also intercepted 10 rockets at Belgorod city": another deed
    for g in reversed(out):
        if g.sub != f.sub or g.status == "background" or \
                not 0 < here - last_sent.get(id(g), -99) <= _NARROW_GAP:
            continue
        if (_within_region(f.place, g.place) or _within_region(g.place, f.place)) and \
                _day_agrees(g, f) and _actors_agree(g, f):
            return g
    return None


def _same_event(a: Found, b: Found) -> bool:
    if a.sub != b.sub or (a.status == "background") != (b.status == "background"):
        return False
    if a.event_type == DIPLOMATIC:
        # one statement that "called on X ... and urged Y ..." is one act
        return a.start == b.start or (a.actor1 == b.actor1 and a.actor2 == b.actor2)
    ga = a.place.geonameid if a.place else None
    gb = b.place.geonameid if b.place else None
    if ga is not None and gb is not None and ga != gb and not (
            b.place_from_context and not a.place_from_context and b.status == "claim" and
            not SEPARATE.search(b.trigger.sent.text)):
        # (a party's account of a deed with no place of its own, "its naval forces had
        # targeted the ship", is the deed of that type told before, not one at the last
        # place named)
        return False
    if a.date and b.date and a.date_precision == b.date_precision == "day" and a.date != b.date:
        return False
    # actor1 must agree; the target may differ between the sides' versions of one
    # strike ("a residential building" for the victims, "a command post" for the army)
    return a.actor1 is None or b.actor1 is None or a.actor1 == b.actor1
