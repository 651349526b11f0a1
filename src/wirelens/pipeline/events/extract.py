"""Events: ACLED-coded events with actors, location, date, fatalities and status.

Contract: requires ``entities``, ``mentions`` and ``places``; assigns ``events``
(and leaves per-event details in ``ctx.extra["event_details"]``: the place
chosen, the date's precision, the fatality words, the trigger).  Reads
``ctx.quotes`` where the quotes component ran before it.

Per sentence, over the parse that the spaCy pass already made:

1. **Diplomatic acts** from the dependency parse (``diplomatic.py``): a verb of appeal,
   condemnation, accusation, refusal or (denied or claimed) responsibility with
   its subject and object ("International observers have called for a
   ceasefire", "Russia has refused to engage in talks with Ukraine").
2. **Deeds**: the trigger table (``taxonomy.py``) finds the words of violence,
   protest or strategic moves; the linear model (``classifier.py``) plus the
   trigger weights choose the sub-event type.  No event is coded from words
   about the future or the hypothetical ("the fighting is expected to be
   fierce"), nor from negated ones, patterns, practices or tolls (``occurrence.py``).
3. **Attributes**: actors from the trigger's subject and object, normalised in
   ACLED style (``actors.py``); the location from the places that the
   sentence's prepositions attach (never a government metonym, never a
   speaker's base); date and fatalities from the words (``when.py``); status:
   background for past years, claim for a party's words, fact otherwise.
4. **Merge** (``merge.py``): mentions of one real-world event (same sub-type, place and day,
   compatible actors) become one event; so do the steps of an attack told just after
   it ("The attackers ordered everyone off the bus"), under the attack's type, and
   arrests told just after a protest, as the police's intervention in it.

An armed group that tells of its own attack ("the group said it had fired rockets")
also claims responsibility for it; what a party denies is not coded as done.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from wirelens.model import Event, Span
from wirelens.pipeline.base import Context, component
from wirelens.pipeline.events import actors as act
from wirelens.pipeline.events.attributes import (
    LOCATIVE_PREPS,
    Found,
    fill_actors,
    fill_place,
    fill_status,
    fill_when,
    since_clause,
)
from wirelens.pipeline.events.classifier import (
    LinearModel,
    features,
    load_model,
    softmax,
    trigger_scores,
    triggers,
)
from wirelens.pipeline.events.context import SPEECH_LEMMAS, Reader
from wirelens.pipeline.events.diplomatic import diplomatic_acts
from wirelens.pipeline.events.merge import SEPARATE, merge_mentions
from wirelens.pipeline.events.occurrence import (
    contrasted,
    described_party,
    fights_alongside,
    in_attribution,
    irrealis,
    no_enemy,
    no_occurrence,
)
from wirelens.pipeline.events.syntax import clause_text, clause_tokens, clause_verb, is_within
from wirelens.pipeline.events.taxonomy import (
    DIPLOMATIC,
    DIPLOMATIC_LABEL,
    MODEL_LABELS,
    NONE_LABEL,
    RESPONSIBILITY_WORDS,
)
from wirelens.pipeline.events.when import fatalities, parse_published
from wirelens.pipeline.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token
# How much a trigger weight counts against the model's logits.  Set by hand and
# checked on the first 600 notes of the ACLED train split (never the test split).
TRIGGER_FACTOR = 1.0
# A sentence is an event when the model gives "None" less than this probability
# after the triggers are added, and its strongest trigger weighs at least
# MIN_TRIGGER.  Set by hand, checked on the same ACLED train-split notes.
MAX_NONE_PROB = 0.5
MIN_TRIGGER = 1.0
_PROTEST_FAMILY: Final = frozenset({"Peaceful protest", "Protest with intervention",
                                    "Excessive force against protesters"})
_TERRITORY: Final = frozenset({"Government regains territory",
                               "Non-state actor overtakes territory"})


@component("events", requires=("entities", "mentions", "places"), assigns=("events",))
class EventExtractor:
    """Code the events an article reports in the ACLED taxonomy, plus Diplomatic."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.model = load_model()
        trigger_scores("")  # compile the patterns once, before the first article

    def __call__(self, ctx: Context) -> None:
        reader = Reader(ctx)  # reads Doc.text once: spaCy rebuilds it on each access
        found = extract(ctx, self.model, reader=reader)
        ctx.events = [_event(f, reader.text) for f in found]
        ctx.extra["event_details"] = [_detail(f) for f in found]


def extract(ctx: Context, model: LinearModel, *, reader: Reader | None = None
            ) -> list[Found]:
    reader = reader or Reader(ctx)
    published = parse_published(ctx.article.published)
    headline_end = len(ctx.article.title) if ctx.article.title and \
        reader.text.startswith(ctx.article.title) else 0
    out: list[Found] = []
    for sent in _sentences(ctx, reader.text, headline_end):
        acts = diplomatic_acts(sent, reader, published)
        deeds = _deed(sent, reader, model, published)
        # "have denied mistreating civilians": what a party denies is not told as done
        deeds = [d for d in deeds if not any(
            a.sub == "Denial of responsibility" and is_within(d.trigger, a.trigger)
            for a in acts)]
        # "IS claimed the attack, saying its fighters had killed 40 soldiers and seized
        # weapons": what a claim of a known attack tells is that attack, told before
        deeds = [d for d in deeds if not any(
            a.sub == "Claim of responsibility" and d.trigger.i != a.trigger.i
            and a.trigger.left_edge.i <= d.trigger.i <= a.trigger.right_edge.i
            and not _in_conjoined_clause(d.trigger, a.trigger)
            and _known_deed(a.trigger) for a in acts)]
        # "accused Russia of turning drones into rifles aimed at civilians": what a party
        # is accused of doing is the charge, not a deed told (blind check 40-42); a deed
        # told as news is coded from its own sentence, and the charge merges with it
        deeds = [d for d in deeds if not any(
            a.sub == "Accusation" and _charged(d.trigger, a.trigger) for a in acts)]
        for deed in deeds:
            if any(is_within(deed.trigger, act_.trigger) for act_ in acts):
                # "condemned the massacre", "denied responsibility for the blast": the
                # deed is the topic of a statement, reported as that party's words
                deed.kind_note["in_statement"] = True
                if deed.status == "fact":
                    deed.status = "claim"
        out.extend(acts + deeds)
        out.extend(_claims_of_attack(deeds, acts, reader, published))
    merged = merge_mentions(out)
    _claimed_by(merged)
    return merged


# Who may be named by a later claim: an attacker the text left unnamed.
_UNNAMED: Final = ("Unidentified Armed Group",)


def _claimed_by(events: list[Found]) -> None:
    """'Gunmen attacked an army post ...' then 'JNIM claimed the attack': the attack's
    unnamed attacker is the group that claims it.  Only a claim of a deed already told
    ("the attack", :func:`_known_deed`) names the attacker of the latest attack before
    it, the sub-types a group claims or a battle it opens."""
    for k, claim in enumerate(events):
        if claim.sub != "Claim of responsibility" or not claim.actor1 or \
                claim.actor1.startswith(_UNNAMED) or not _known_deed(claim.trigger):
            continue
        host = next((e for e in reversed(events[:k]) if e.event_type != DIPLOMATIC
                     and e.status != "background" and e.actor1 is not None
                     and e.actor1.startswith(_UNNAMED)), None)
        if host is not None and (host.sub in _CLAIMED_SUBS or host.event_type == "Battles"):
            host.actor1 = claim.actor1


def _charged(tok: Token, accuse: Token) -> bool:
    """Whether ``tok`` sits in what an accusation charges with no time of its own: the
    "of" complement of "accused X of ...", or the "for" of "blamed X for ..." when it is
    a gerund.  A charge that dates the deed ("of carrying out air strikes on markets in
    Kutum last week") tells one deed, which the article gold codes as a claim."""
    # (the parser may hang the "of" on the accused: "accused [the army of flying drones]")
    heads = [accuse, *(c for c in accuse.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for"} and any(
                c.dep_ == "pcomp" or c.tag_ == "VBG" for c in prep.children) and \
                prep.left_edge.i <= tok.i <= prep.right_edge.i:
            return not any(t.ent_type_ in {"DATE", "TIME"} for t in prep.subtree)
    return False


def _in_conjoined_clause(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` sits in a clause coordinated with ``verb`` ("claimed the attack and
    said it had also struck a base": a further deed, not the claimed one)."""
    return any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and
               c.left_edge.i <= tok.i <= c.right_edge.i for c in verb.children)


def _known_deed(claim: Token) -> bool:
    """Whether a claim names a deed already told: "claimed the attack", "claimed
    responsibility for the bombing" (a definite object), not "claimed a new attack"."""
    objs = [c for c in claim.children if c.dep_ == "dobj"]
    objs += [g for c in objs for p in c.children if p.dep_ == "prep" and p.lower_ == "for"
             for g in p.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() not in RESPONSIBILITY_WORDS - {"attack", "strike", "bombing"}
               and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                       for c in o.children) for o in objs)


# Deeds whose report by the group that did them is a claim of responsibility: attacks,
# not the fighting back or the shooting down a party reports as well.
_CLAIMED_SUBS: Final = frozenset({
    "Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
    "Suicide bomb", "Grenade", "Attack", "Abduction/forced disappearance"})
# Armed groups (not state forces) that claim attacks.  The Houthis' ACLED name reads as
# a state force, but they claim their attacks as an armed group does.
_CLAIMING_GROUPS: Final = frozenset(
    v for v in act.NAMED_GROUPS.values()
    if not v.startswith("state:") and (not act.is_state(v) or "Supreme Political Council" in v))
_GROUP_HEADS: Final = frozenset({"group", "movement", "militia", "organisation",
                                 "organization", "rebels", "militants", "insurgents"})


def _claims_of_attack(deeds: list[Found], acts: list[Found], reader: Reader,
                      published: date | None) -> list[Found]:
    """'The Houthis said they had targeted the bulk carrier', 'the group said it had
    fired a barrage of rockets': an armed group that tells of its own attack claims
    responsibility for it (the article gold codes a Claim of responsibility beside the
    attack).  The group is named by the speaker or, for 'the group', by the article."""
    out: list[Found] = []
    for f in deeds:
        if f.sub not in _CLAIMED_SUBS or f.status != "claim" or f.speaker is None or \
                any(a.sub == "Claim of responsibility" for a in acts):
            continue
        agent = next((c for c in f.trigger.subtree if c.dep_ == "nsubj"), None) \
            if f.trigger.pos_ in {"VERB", "AUX"} else None
        verb = clause_verb(f.trigger)
        agent = agent or next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if agent is None or not (agent.lower_ in {"it", "they", "we"} or any(
                c.dep_ == "poss" and c.lower_ in {"its", "their", "our"}
                for c in agent.children)):
            continue  # a group that tells of another's deed accuses, it claims nothing
        group = _claiming_group(f.speaker, reader, f.start)
        if group is None:
            continue
        said = verb.head if verb.head.lemma_.lower() in SPEECH_LEMMAS else verb
        c = Found("Claim of responsibility", f.start, f.end, said, confidence=0.6,
                  actor1=group)
        fill_when(c, f.trigger.sent.text, published)
        out.append(c)
    return out


def _claiming_group(speaker: str, reader: Reader, before: int) -> str | None:
    """The armed group a speaker names, or that 'the group' stands for: the only
    armed group the article names before it."""
    named = act.normalise(speaker, country_hint=None, diplomatic=True)
    if named in _CLAIMING_GROUPS:
        return named
    words = speaker.lower().split()
    if not words or words[-1] not in _GROUP_HEADS:
        return None
    groups = {g for g in reader.named_groups(0, before) if g in _CLAIMING_GROUPS}
    return groups.pop() if len(groups) == 1 else None


def _sentences(ctx: Context, text: str, headline_end: int) -> Iterator[SpacySpan]:
    """The parser's sentences, cut at paragraph breaks (the parser sometimes runs a
    closing quote into the next paragraph) and with the headline left out."""
    for sent in ctx.doc.sents:
        if sent.end_char <= headline_end:
            continue
        start = max(sent.start_char, headline_end)
        for piece in _PARAGRAPH.split(text[start:sent.end_char]) \
                if "\n\n" in text[start:sent.end_char] else (None,):
            if piece is None:
                a, b = start, sent.end_char
            else:
                a = text.find(piece, start)
                b, start = a + len(piece), a + len(piece)
            if not text[a:b].strip():
                continue
            if a == sent.start_char and b == sent.end_char:
                yield sent
                continue
            span = ctx.doc.char_span(a, b, alignment_mode="contract")
            if span is not None and len(span) > 0:
                yield span


_PARAGRAPH = re.compile(r"\n\s*\n")


# -- deeds ------------------------------------------------------------------------------


def _deed(sent: SpacySpan, reader: Reader, model: LinearModel,
          published: date | None) -> list[Found]:
    text = sent.text
    trig = trigger_scores(_without_targets(sent))
    if not trig or max(trig.values()) < MIN_TRIGGER:
        return []
    logits = model.scores(features(sent))
    for k, label in enumerate(MODEL_LABELS):
        logits[k] += TRIGGER_FACTOR * trig.get(label, 0.0)
    probs = softmax(logits)
    p_none = probs[MODEL_LABELS.index(NONE_LABEL)]
    if p_none >= MAX_NONE_PROB:
        return []
    ranked = sorted(((p, label) for p, label in zip(probs, MODEL_LABELS, strict=True)
                     if label not in {NONE_LABEL, DIPLOMATIC_LABEL} and label in trig),
                    reverse=True)
    if not ranked:
        return []
    prob, sub = ranked[0]
    sub = _refine(sub, trig, text)
    found_tok = _trigger_token(sent, sub, trig)
    if found_tok is not None and len(ranked) > 1 and described_party(found_tok):
        # "arrested 12 men accused of looting": the strongest words only describe the
        # people the deed was done to; the next sub-type names the deed
        prob, sub = ranked[1]
        sub = _refine(sub, trig, text)
        found_tok = _trigger_token(sent, sub, trig)
    # a sub-type the words only imply ("killed by police in protests": excessive force)
    # has no trigger of its own: the sentence's verb stands for it, or the verb of what
    # a source says ("Rights groups say dozens of people have been killed ...")
    tok = found_tok or _reported_verb(sent.root) or sent.root
    if found_tok is not None and found_tok.head.i >= sent.start:
        # "its forces had destroyed the drones" (not a verb of the headline the parser
        # ran into the lead)
        sub = _downed(sub, found_tok)
    if sub == "Disrupted weapons use" and found_tok is not None:
        sub = _debris(found_tok) or sub
    if sub in _TERRITORY and found_tok is not None and _goods_taken(found_tok):
        sub = "Looting/property destruction"
    confidence = prob / (1.0 - p_none)
    if _in_name(tok):
        return []  # "the Alliance of Sahel States": a word of a name, no deed
    # (a sub-type the words only imply, "soldiers shot dead two men during a
    # demonstration", has no clause of its own to set others apart from)
    others = _other_deeds(sent, sub, tok, trig, reader) if found_tok is not None else []
    if others:
        # with several deeds in the sentence, each is typed by the words of its own
        # clause ("a rally ..., and a separate protest was broken up with tear gas")
        own = trigger_scores(clause_text(tok))
        if own and sub in own:
            sub = _refine(_ranked_sub(ranked, own), own, clause_text(tok))
    # with several deeds in the sentence, each takes the places of its own clause
    main = _build(sent, reader, published, sub, tok, confidence,
                  clause_tokens(tok) if others else None)
    out = [main] if main is not None else []
    for sub2, tok2 in others:
        f2 = _build(sent, reader, published, sub2, tok2, confidence * SECOND_DEED_FACTOR,
                    clause_tokens(tok2))
        if f2 is not None and not any(_same_deed(f2, g) for g in out):
            out.append(f2)
    if len(out) > 1:
        for f in out:
            f.kind_note["apart"] = True  # told apart in their sentence: not to be re-merged
        out.sort(key=lambda f: f.trigger.i)
    return [g for f in out for g in _conjoined_places(f, sent, reader)]


# Verbs of striking whose object is the target: a weapon word that modifies it names
# what was hit ("struck a missile launcher", "hit a drone workshop"), not the means.
_STRIKING: Final = frozenset({"strike", "hit", "target", "destroy", "bomb", "attack", "raid",
                              "shell"})


# (the means of a strike; "weapons" and "ammunition" are left out: a strike on a weapons
# depot disrupts weapons, which ACLED codes as such)
_WEAPON_WORDS: Final = frozenset({"missile", "rocket", "drone", "uav", "artillery", "mortar",
                                  "howitzer", "bomb", "shell", "grenade", "mine", "explosive"})


def _reported_verb(root: Token) -> Token | None:
    if root.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    return next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}),
                None)


def _without_targets(sent: SpacySpan) -> str:
    """The sentence's text with the weapon words that only name a target blanked out, so
    that they do not type the deed: "Israeli jets struck a rocket launcher near Tyre" is
    an air strike, not a rocket attack."""
    text = sent.text
    for t in sent:
        if t.text == "March" and (t.i != sent.start or t.ent_type_ == "DATE"):
            # the month, not a protest march ("in March 2025, fighters hijacked a train"
            # was coded a protest in blind check 34-36); a march is written lower-case
            at = t.idx - sent.start_char
            text = text[:at] + " " * len(t.text) + text[at + len(t.text):]
            continue
        if t.dep_ not in {"compound", "amod"}:
            continue
        noun = t.head
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"} and \
                noun.head.lemma_.lower() in _STRIKING and t.head.pos_ == "NOUN" and \
                t.lemma_.lower() in _WEAPON_WORDS and \
                t.head.lemma_.lower() not in _WEAPON_WORDS | {"device", "charge"}:
            # (the weapon itself may be the object: "their vehicle struck an explosive
            # device")
            at = t.idx - sent.start_char
            text = text[:at] + " " * len(t.text) + text[at + len(t.text):]
    return text


# What is taken that is no ground: goods, vehicles, herds.  Seizing them is looting,
# not taking territory ("their lorries seized", "seized three trucks carrying aid").
_GOODS: Final = frozenset("""
    lorry truck vehicle car bus van motorbike motorcycle cattle livestock goat camel cow
    sheep goods aid food fuel grain property money cash phone equipment supply shop
    warehouse
""".split())


def _goods_taken(tok: Token) -> bool:
    """Whether a verb of seizing has goods as what it takes (its object, or the subject of
    a passive the parser read as active: "and their lorries seized")."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    return any(c.dep_ in {"dobj", "nsubjpass", "nsubj"} and c.lemma_.lower() in _GOODS
               for c in verb.children)


def _ranked_sub(ranked: list[tuple[float, str]], own: dict[str, float]) -> str:
    """The model's best sub-type among those the clause's own triggers allow."""
    return next(label for _, label in ranked if label in own)


# A word of a name ("the Alliance of Sahel States", "Operation Storm") names no deed.
_NAME_LABELS: Final = frozenset({"ORG", "WORK_OF_ART", "LAW"})


def _in_name(tok: Token) -> bool:
    return tok.is_title and tok.ent_type_ in _NAME_LABELS and tok.i != tok.sent.start


def _build(sent: SpacySpan, reader: Reader, published: date | None, sub: str, tok: Token,
           confidence: float, within: set[int] | None) -> Found | None:
    """One deed at its trigger: attributes filled, or None when it is no news."""
    text = sent.text
    if irrealis(tok) or since_clause(tok) == "total" or contrasted(tok) or \
            in_attribution(tok) or no_enemy(tok):
        return None
    # a pattern, a description or a judgement is no news, but may date the past ("the
    # 2014 coup was a threat", "shelled almost daily in 2022"): kept only as background
    no_news = no_occurrence(tok, sent.start, quoted=reader.in_quote_marks(tok.idx))
    comment = reader.commentary(tok, sent)
    f = Found(sub, sent.start_char, sent.end_char, tok, confidence=confidence)
    fill_place(f, sent, reader, within=within)
    if within is not None and (f.place is None or f.place_from_context):
        # "army aircraft bombed its positions in Bahri, and its fighters shot down a
        # drone": a deed with no place in its own clause happened where the sentence is
        f.place, f.place_from_context, f.confidence = None, False, confidence
        fill_place(f, sent, reader)
    fill_actors(f, sent, reader, published)
    if f.sub in _TERRITORY:
        f.sub = _territory(f, reader)
    if f.sub == "Attack" and f.place_from_context and tok.lemma_.lower() in _BARE_DEATH:
        # "A 29-year-old man was killed." after the story of a protest or a raid: a
        # detail of the event told before (its toll), not an attack of its own
        return None
    fill_when(f, text, published, sent=sent)
    deaths = fatalities(text)
    f.deaths, f.deaths_text = deaths.count, deaths.text
    fill_status(f, sent, reader, published)
    # an analyst who gives a day ("shelling hit X on Monday, said an analyst") reports
    if (no_news or comment == "opinion" or (comment == "commentator" and
                                            f.date_precision != "day")) and \
            f.status != "background":
        return None
    return f


# A second deed in a sentence ("the RSF attacked a base in El Obeid, and army aircraft
# bombed Bahri") needs a trigger that names the means or the deed this strongly (the
# weights of taxonomy.py: 2.0 and up name a weapon or an unambiguous act), and counts
# for less than the sentence's main deed.
SECOND_TRIGGER = 2.0
SECOND_DEED_FACTOR = 0.9
_RIOTS: Final = frozenset({"Violent demonstration", "Mob violence"})
_ONE_CROWD: Final = _PROTEST_FAMILY | _RIOTS
# Strategic sub-types that a second clause often only describes ("officers withdrew",
# "fighters seized weapons" after an attack): a second deed is never one of these.
_NOT_SECOND: Final = frozenset({"Non-violent transfer of territory", "Change to group/activity",
                                "Headquarters or base established", "Other", "Agreement",
                                "Government regains territory",
                                "Non-state actor overtakes territory"})
_ARGUMENTS: Final = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj"})


def _other_deeds(sent: SpacySpan, sub: str, tok: Token, trig: dict[str, float],
                 reader: Reader) -> list[tuple[str, Token]]:
    """Deeds in clauses coordinated with the main deed's ("attacked X and stormed Y",
    "said the army bombed X and that its fighters shot down Y"), one per clause.

    A clause that opens on a town of its own ("police dispersed a crowd in Mombasa, and
    in Eldoret, hundreds marched through the centre") tells a deed of its own even in
    weaker words, and even a second crowd (blind check 37-39)."""
    if max(trig.values()) < MIN_TRIGGER:
        return []
    main_clause = _finite_clause(tok)
    scenes = _clause_scenes(sent, reader)
    main_scene = scenes.get(main_clause.i)
    low = sent.text.lower()
    best: dict[int, tuple[float, str, Token]] = {}
    for label in trig:
        if label in {NONE_LABEL, DIPLOMATIC_LABEL} or trig[label] < SECOND_TRIGGER or \
                label in _NOT_SECOND:
            continue
        for rx, w in triggers().get(label, []):
            if w < MIN_TRIGGER:
                continue
            for m in rx.finditer(low):
                t = _token_at(sent, m.start())
                if t is None:
                    continue
                verb = clause_verb(t)
                if t.i != verb.i and not (t.dep_ in _ARGUMENTS and (
                        t.head.i == verb.i or (t.dep_ == "pobj" and
                                               t.head.head.i == verb.i))):
                    continue  # "pursuing the retreating units": a modifier, no deed
                if _told_before(main_clause, t):
                    clause = verb
                else:
                    clause = _finite_clause(t)
                    if clause.i == main_clause.i or not _coordinated(main_clause, clause):
                        continue
                scene = scenes.get(clause.i)
                elsewhere = scene is not None and scene != main_scene
                if (w < SECOND_TRIGGER or trig[label] < SECOND_TRIGGER) and not elsewhere:
                    continue
                if label == "Looting/property destruction" and sub in _RIOTS:
                    continue  # a riot or a mob that loots is one riot (ACLED's rule)
                if _done_by_debris(clause):
                    # "shot down several drones, and falling debris damaged a kindergarten":
                    # the harm of the weapon stopped, not a deed of its own (blind check
                    # 40-42)
                    continue
                if label in _ONE_CROWD and sub in _ONE_CROWD and not (
                        elsewhere or SEPARATE.search(clause_text(t)) or
                        SEPARATE.search(clause_text(tok))):
                    continue  # a protest and its clashes with the police are one event
                if clause.i not in best or w > best[clause.i][0]:
                    best[clause.i] = (w, _downed(label, t), t)
    return [(label, t) for _, label, t in (best[k] for k in sorted(best))]


def _done_by_debris(verb: Token) -> bool:
    """Whether a clause's subject, or that of the clause it is coordinated with
    ("debris damaged a kindergarten and set two houses on fire"), is debris."""
    cur = verb
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj.lemma_.lower() in _DEBRIS
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# Prepositions that set a clause's scene ("and in Eldoret, ...").
_SCENE_PREPS: Final = frozenset({"in", "at", "near", "outside"})


def _clause_scenes(sent: SpacySpan, reader: Reader) -> dict[int, int]:
    """The town a finite clause of the sentence is set in, by the index of the clause's
    verb: a town-level place after a locative preposition that hangs on that verb."""
    out: dict[int, int] = {}
    for p in reader.places_in(sent.start_char, sent.end_char):
        if p.precision not in {"city", "area"} or p.geonameid is None:
            continue
        span = sent.doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ != "pobj" or root.head.lower_ not in _SCENE_PREPS:
            continue
        verb = root.head.head
        if verb.pos_ in {"VERB", "AUX"}:
            out.setdefault(_finite_clause(verb).i, p.geonameid)
    return out


def _told_before(main_clause: Token, tok: Token) -> bool:
    """A deed in a clause of time that dates the main deed by an earlier or later one
    of its own ("shot down seven drones ..., hours after a missile struck a cargo ship
    off Hodeidah"): two deeds, unlike "killed when shells struck" (one)."""
    verb = clause_verb(tok)
    # (the clause may hang on the verb of saying that reports the main deed)
    return verb.dep_ == "advcl" and (verb.head.i in {main_clause.i, _chain_top(main_clause).i}
                                     or verb.head.lemma_.lower() in SPEECH_LEMMAS) and any(
        c.dep_ == "mark" and c.lower_ in {"after", "before"} for c in verb.children) and \
        any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _finite_clause(tok: Token) -> Token:
    """The top of the clause that holds a token: the first verb above it that heads a
    sentence, a coordinated clause or a reported one (past participles that only
    modify a noun, "people wounded during a raid", are passed)."""
    cur = tok
    for _ in range(10):
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ in {"ROOT", "conj", "ccomp",
                                                          "parataxis"}:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _chain_top(verb: Token) -> Token:
    """The first verb of a coordination ("attacked ... and stormed": attacked), or the
    verb of saying whose reports they are ("said X and that Y")."""
    cur = verb
    for _ in range(6):
        if cur.head.i == cur.i or not (cur.dep_ in {"conj", "parataxis"} or (
                cur.dep_ == "ccomp" and cur.head.lemma_.lower() in SPEECH_LEMMAS)):
            break
        cur = cur.head
    return cur


def _coordinated(a: Token, b: Token) -> bool:
    """Two clauses joined by coordination (possibly under one verb of saying), not one
    subordinate to the other ("killed when shells struck" is one deed)."""
    return _chain_top(a).i == _chain_top(b).i


def _same_deed(a: Found, b: Found) -> bool:
    ga = a.place.geonameid if a.place else None
    gb = b.place.geonameid if b.place else None
    return a.sub == b.sub and ga == gb


# Verbs whose object weapon was stopped, not used: "destroyed five naval drones".
_STOPPED: Final = frozenset({"destroy", "intercept", "down", "neutralise", "neutralize"})
_REMOTE_USE: Final = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def _downed(sub: str, tok: Token) -> str:
    """A weapon that is the object of destroying or intercepting is disrupted use, also
    when it is coordinated with another object ("destroyed two uncrewed surface vessels
    and a drone")."""
    obj = tok
    while obj.dep_ == "conj" and obj.head.i != obj.i and obj.head.pos_ in {"NOUN", "PROPN"}:
        obj = obj.head
    if sub in _REMOTE_USE and obj.dep_ in {"dobj", "nsubjpass"} and \
            obj.head.lemma_.lower() in _STOPPED:
        return "Disrupted weapons use"
    return sub


_DEBRIS: Final = frozenset({"debris", "fragment", "fragments", "wreckage", "shrapnel",
                            "remains", "parts", "pieces"})


def _debris(tok: Token) -> str | None:
    """'injured when debris from a downed drone fell on a street': the harm is the
    strike's (ACLED codes it as the drone or missile attack), not a disrupted one."""
    weapon = tok
    if weapon.dep_ in {"amod", "compound"}:
        weapon = weapon.head
    if weapon.dep_ != "pobj" or weapon.head.lower_ not in {"from", "of"} or \
            weapon.head.head.lower_ not in _DEBRIS:
        return None
    lemma = weapon.lemma_.lower()
    if lemma in {"drone", "uav", "shahed"}:
        return "Air/drone strike"
    if lemma in {"missile", "rocket", "projectile", "shell"}:
        return "Shelling/artillery/missile attack"
    return None


# Heads that gather several places into one area ("over the Belgorod and Kursk regions",
# "between Gao and Bourem"): one event there, not one per place.
_AREA_HEADS: Final = frozenset({"regions", "provinces", "oblasts", "districts", "states",
                                "governorates", "areas", "between", "and"})


def _conjoined_places(f: Found, sent: SpacySpan, reader: Reader) -> list[Found]:
    """"struck Kutum and Kabkabiya", "raided the towns of X and Y": one deed per town."""
    if f.place is None or f.place_from_context or f.event_type == DIPLOMATIC or \
            f.place.precision not in {"city", "area"}:
        return [f]
    span = sent.doc.char_span(f.place.mention.start, f.place.mention.end,
                              alignment_mode="expand")
    if span is None:
        return [f]
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _ONE_AREA_PREPS:
        return [f]  # "repelled attacks near Robotyne and Verbove": one clash near both
    if not _scene(root) or root.head.lower_ in _AREA_HEADS or any(
                c.lower_ in _AREA_HEADS - {"and"} for c in root.rights):
        return [f]
    out = [f]
    for p in reader.places_in(sent.start_char, sent.end_char):
        if p.precision not in {"city", "area"} or p.geonameid == f.place.geonameid:
            continue
        pspan = sent.doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
        if pspan is None:
            continue
        proot = pspan.root
        if proot.dep_ == "conj" and _conj_top(proot).i == root.i and not any(
                c.lower_ in _AREA_HEADS - {"and"} for c in proot.rights):
            g = replace(f, place=p, kind_note=dict(f.kind_note))
            g.confidence *= SECOND_DEED_FACTOR
            out.append(g)
    return out


# Prepositions that place one deed by several towns at once.
_ONE_AREA_PREPS: Final = frozenset({"near", "between", "around", "outside"})
_SETTLEMENTS: Final = frozenset({"town", "towns", "village", "villages", "city", "cities",
                                 "district", "districts", "camp", "camps", "area"})


def _scene(root: Token) -> bool:
    """A place the deed happened at: its object, or a locative ("in the towns of X");
    not the home of a speaker ("residents of Khartoum and Omdurman said")."""
    if root.dep_ in {"dobj", "nsubjpass"}:
        return True
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of":
        return prep.head.lower_ in _SETTLEMENTS
    return prep.lower_ in LOCATIVE_PREPS


def _conj_top(tok: Token) -> Token:
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur


_BARE_DEATH: Final = frozenset({"be", "kill", "die", "dead"})


_STATE_KILLS = re.compile(r"\b(?:police|security forces|soldiers|troops|officers|army)\b.{0,60}"
                          r"\b(?:killed|shot dead|shooting)\b|\b(?:killed|shot dead)\b.{0,40}"
                          r"\bby (?:the )?(?:police|security|soldiers|troops|army)", re.I)
_UNDER_FIRE = re.compile(r"\bunder fire\b|\bafter (?:heavy |fierce )?(?:fighting|clashes|"
                         r"battles?)\b", re.I)
_RIGGED = re.compile(r"\btrip-?wires?\b|\brigged\b|\bbooby[- ]trap", re.I)
_RETAKE = re.compile(r"\b(?:recaptur|retook|retake|regain|liberat|took back|won back)", re.I)


_SELF_DISPERSED = re.compile(r"\b(?:crowds?|protesters|demonstrators|marchers|rally|"
                             r"gathering|people) (?:\w+ ){0,2}dispersed\b(?! by)", re.I)
_FORCE = re.compile(r"\btear ?gas|\bwater cannon|\brubber bullets|\bbatons?\b|\bbroke up\b|"
                    r"\bforcibly\b|\bcharged\b", re.I)


# A crowd's own violence against property or people.
_CROWD_VIOLENCE = re.compile(r"\b(?:break|broke|breaking|broken) into\b|\bloot(?:ed|ing)\b|"
                             r"\bransack(?:ed|ing)?\b", re.I)


def _refine(sub: str, trig: dict[str, float], text: str) -> str:
    """Sub-types the taxonomy defines by a combination of words."""
    protest = "Peaceful protest" in trig
    rioting = trig.get("Violent demonstration", 0.0) >= 2.0
    if rioting and (protest or sub in {"Looting/property destruction", "Peaceful protest"}):
        # a riot with looting or a protest turned violent is a riot (ACLED's definition)
        return "Violent demonstration"
    if "Protest with intervention" in trig and _SELF_DISPERSED.search(text) and \
            not _FORCE.search(text):
        # "police did not intervene, and the crowd dispersed": the crowd went home
        trig = {k: v for k, v in trig.items() if k != "Protest with intervention"}
        if sub == "Protest with intervention":
            sub = "Peaceful protest"
            protest = True
    if protest and (sub in _PROTEST_FAMILY or sub in {"Arrests", "Violent demonstration",
                                                      "Attack"}):
        if "Excessive force against protesters" in trig or _STATE_KILLS.search(text):
            return "Excessive force against protesters"
        if sub == "Violent demonstration":
            return sub
        if "Protest with intervention" in trig or "Arrests" in trig:
            return "Protest with intervention"
        return "Peaceful protest"
    if sub == "Protest with intervention" and not protest:
        if _CROWD_VIOLENCE.search(text):
            # "police fired into the air to disperse a crowd that had begun to break
            # into a warehouse": the crowd's own violence, with no protest told, is mob
            # violence (ACLED: a riot; article 12 of samples/articles)
            return "Mob violence"
        return "Arrests" if "Arrests" in trig else sub
    if sub == "Grenade" and "Remote explosive/landmine/IED" in trig and _RIGGED.search(text):
        # "wounded by a tripwire rigged to a grenade": a booby trap, which ACLED codes
        # as a remote explosive, not a grenade thrown
        return "Remote explosive/landmine/IED"
    if sub == "Non-violent transfer of territory" and _UNDER_FIRE.search(text):
        return ("Non-state actor overtakes territory" if "Non-state actor overtakes territory"
                in trig or "Government regains territory" in trig else "Armed clash")
    return sub


def _trigger_token(sent: SpacySpan, sub: str, trig: dict[str, float]) -> Token | None:
    """The token at the strongest trigger of ``sub`` (its syntactic head)."""
    low = sent.text.lower()
    found: list[tuple[float, int, int]] = []  # the strongest first, then the table's order
    for k, (rx, w) in enumerate(triggers().get(sub, [])):
        m = rx.search(low)
        if m is not None:
            found.append((-w, k, m.start()))
    if not found:
        return None
    # the strongest word that tells a deed, not one that describes a party ("a coalition
    # of rebel groups now fighting alongside the army, said his fighters had repelled ...")
    first: Token | None = None
    for *_, pos in sorted(found):
        tok = _token_at(sent, pos)
        if tok is None:
            continue
        if not _describes(tok, sent.start):
            return tok
        first = first or tok
    return first


def _describes(tok: Token, start: int) -> bool:
    """A word in an apposition that describes a party, or whose side someone is on
    (an apposition to a word before ``start``, the sentence's, is the parser running
    the headline into the lead)."""
    if fights_alongside(tok):
        return True
    return any(a.dep_ == "appos" and a.head.i >= start for a in (tok, *tok.ancestors))


def _token_at(sent: SpacySpan, pos: int) -> Token | None:
    """The token at a character offset of the sentence (the head of its compound)."""
    span = sent.doc.char_span(sent.start_char + pos, sent.start_char + pos + 1,
                              alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[0]
    # "drone strike", "air raid": the compound's head carries the clause
    while tok.dep_ in {"compound", "amod"} and tok.head.i != tok.i and tok.head.i - tok.i <= 2:
        tok = tok.head
    return tok


def _territory(f: Found, reader: Reader) -> str:
    """Regains when the state retakes its own ground, otherwise overtakes."""
    country = reader.country_of(f.place)
    retake = _RETAKE.search(reader.text[f.start:f.end]) is not None
    if f.actor1 and act.is_state(f.actor1) and country and f"of {country} (" not in f.actor1:
        # a foreign army that "liberates" a town abroad takes it (ACLED codes Russia's
        # gains in Ukraine as overtaking)
        return "Non-state actor overtakes territory"
    if f.actor1 and act.is_state(f.actor1) and (retake or (
            country and f"of {country} (" in f.actor1)):
        return "Government regains territory"
    if f.actor1 is None and retake:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


# -- output -------------------------------------------------------------------------------------


def _event(f: Found, text: str) -> Event:
    start, end = f.start, f.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    sub = f.sub
    return Event(
        event_type=f.event_type,
        sub_event_type=sub,
        actor1=f.actor1,
        actor2=f.actor2,
        location=f.place.name if f.place is not None else None,
        date=f.date,
        fatalities=f.deaths,
        evidence=Span(start, end, text[start:end]),
        status=f.status,  # type: ignore[arg-type]
        confidence=round(min(max(f.confidence, 0.0), 1.0), 3),
    )


def _detail(f: Found) -> dict[str, Any]:
    """What the Event model has no field for yet (see the issue thread)."""
    place = f.place
    return {
        "place": replace(place) if place is not None else None,
        "place_from_context": f.place_from_context,
        "date_precision": f.date_precision,
        "fatalities_text": f.deaths_text,
        "trigger": Span(f.trigger.idx, f.trigger.idx + len(f.trigger), f.trigger.text),
        "speaker": f.speaker,
        **f.kind_note,
    }
