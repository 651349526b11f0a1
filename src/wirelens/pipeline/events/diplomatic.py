"""Diplomatic acts from the dependency parse.

A verb or noun of appeal, condemnation, accusation, refusal or (denied or claimed)
responsibility, with the party that speaks (a named person, organisation, state or
group; never a generic source) and the party it addresses ("International observers
have called for a ceasefire", "Russia has refused to engage in talks with Ukraine").
The place is where the words were said, only when the text says so.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Final

from wirelens.model import Place
from wirelens.pipeline.events import actors as act
from wirelens.pipeline.events.attributes import (
    Found,
    attached_locative,
    fill_status,
    fill_when,
)
from wirelens.pipeline.events.context import SPEECH_LEMMAS, Reader, phrase_of
from wirelens.pipeline.events.occurrence import DENYING_VERBS, irrealis
from wirelens.pipeline.events.syntax import own_subtree, paragraph_start
from wirelens.pipeline.events.taxonomy import (
    CEASEFIRE_WORDS,
    DIPLOMATIC_NOUNS,
    DIPLOMATIC_VERBS,
    NEGOTIATION_WORDS,
    RESPONSIBILITY_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


# -- diplomatic acts ---------------------------------------------------------------------------


def diplomatic_acts(sent: SpacySpan, reader: Reader, published: date | None) -> list[Found]:
    out: list[Found] = []
    for tok in sent:
        kind = _diplomatic_kind(tok)
        if kind is None or not _diplomatic_act(tok, reader) or (
                irrealis(tok) and not (kind == "Refusal to negotiate" and
                                        tok.lemma_.lower() in _TALK_VERBS)):
            continue
        subj = _subject(tok)
        if tok.pos_ == "NOUN" and subj is None:
            # "the calls for peace", "Kovalenko's appeal": a reference back, not a new act
            continue
        f = Found(kind, sent.start_char, sent.end_char, tok, confidence=0.7)
        speaker = _speaking_party(tok, subj, reader)
        if speaker is None:
            # "aid agencies have called for ...", "many blamed the RSF": Diplomatic acts
            # are coded for a named party only (the article gold's convention)
            continue
        subj, f.actor1 = speaker
        obj = _diplomatic_object(tok) or _blamed_agent(tok)
        if kind in {"Appeal", "Call for ceasefire"} and obj is not None and \
                obj.lemma_.lower() in _PUBLIC:
            continue  # "urged residents to stay close to shelters": safety advice
        if kind == "Accusation" and obj is not None and not _party_like(obj, reader):
            continue  # "blamed the heat and a late start": no party is accused
        if obj is not None:
            addressed = _object_phrase(obj)
            f.actor2 = act.normalise(addressed, country_hint=None, diplomatic=True) or \
                _raw_actor(addressed)
        for p in reader.places_in(sent.start_char, sent.end_char):
            if (attached_locative(sent, p) or _fronted_locative(sent, p)) and \
                    _where_spoken(sent, p, tok) and \
                    reader.quoted(p.mention.start, p.mention.end) is None:
                f.place = p
                break
        if f.place is None:
            f.place = _venue_told_next(sent, reader)
        fill_when(f, sent.text, published, sent=sent)
        fill_status(f, sent, reader, published)
        if f.status == "claim":
            f.status = "fact"  # a statement is a fact about who said what
        out.append(f)
    return out


# "told a news conference in Nairobi", "At a briefing in Moscow": where words were said.
_VENUE = re.compile(r"\b(?:briefing|news conference|press conference|conference|summit)"
                    r"(?: \w+){0,3} in $", re.I)


def _venue_told_next(sent: SpacySpan, reader: Reader) -> Place | None:
    """The venue that the next sentence of the paragraph gives the words ("Moscow rejected
    the accusation. At a briefing in Moscow, its spokeswoman said ..."; "... accused the
    opposition. '...,' the minister told a news conference in Nairobi"): the article gold
    places the act there (blind check 37-39)."""
    doc = sent.doc
    cur = sent
    for _ in range(_VENUE_SENTENCES):
        if cur.end >= len(doc) or "\n" in doc[cur.end - 1].whitespace_ or \
                "\n" in doc[cur.end].text:
            return None  # the paragraph ends
        cur = doc[cur.end].sent
        for p in reader.places_in(cur.start_char, cur.end_char):
            if p.precision == "city" and \
                    _VENUE.search(reader.text[cur.start_char:p.mention.start]):
                return p
    return None


# How many sentences after the act its venue may be told (a quotation of two sentences
# before "the minister told a news conference in Nairobi").
_VENUE_SENTENCES: Final = 2


def _fronted_locative(sent: SpacySpan, place: Place) -> bool:
    """A place that opens the sentence after "In" which the parser did not attach to it
    ("In Quetta, the provincial capital, the minister condemned ...": read as the
    subject, with "In" left without an object; blind check 34-36)."""
    span = sent.doc.char_span(place.mention.start, place.mention.end, alignment_mode="expand")
    if span is None or span.start != sent.start + 1:
        return False
    prep = sent.doc[span.start - 1]
    return prep.lower_ in {"in", "at"} and not any(c.dep_ == "pobj" for c in prep.children)


def _where_spoken(sent: SpacySpan, place: Place, tok: Token) -> bool:
    """Whether a place in a statement's sentence can be where the words were said: not
    one inside what the statement is about ("accused the army of strikes on markets in
    Kutum", a place under the act's object) nor one in a relative clause that describes
    someone ("the authorities, who administer the area from Nova Kakhovka, denied ...").
    The article gold gives a statement the place of its words only."""
    span = sent.doc.char_span(place.mention.start, place.mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    prep = root.head
    if tok.dep_ == "relcl" and not any(a.i == tok.i for a in root.ancestors):
        return False  # "the ministry in Islamabad accused India, a charge Delhi rejected"
    before = sent.doc[prep.i - 1] if prep.i > sent.start else None
    if prep.lower_ == "in" and before is not None and before.head.i == tok.i and \
            before.dep_ in {"dobj", "pobj"} and before.lower_ in _SEATED:
        # "urged the authorities in Abuja to ...": the seat of the party addressed, which
        # the parser may hang on the verb (blind check 37-39), not where the words were said
        return False
    for anc in root.ancestors:
        if anc.i == tok.i:
            return prep.head.i == tok.i  # "condemned the strike in Geneva": the act's own
        if anc.dep_ in {"relcl", "acl"} and not any(t.i == tok.i for t in anc.subtree):
            return False
    return True


# Nouns of a governing party that a following "in X" seats somewhere.
_SEATED: Final = frozenset({"authorities", "government", "officials", "leaders",
                            "leadership", "administration", "regime", "junta"})
# Nouns that name a party to accuse ("accused the army", "blamed the other side",
# "accused opposition politicians").
_PARTY_NOUNS: Final = act.MILITARY_NOUNS | act.GOVERNMENT_NOUNS | frozenset("""
    side sides other rebels rebel militia militias group groups gang gangs fighters insurgents
    militants police regime authorities movement party parties coalition allies enemy
    politicians opposition organisers organizers
""".split())


def _party_like(obj: Token, reader: Reader) -> bool:
    """Whether the object of an accusation names a party: a named entity, a proper noun,
    a state or an armed side -- not a circumstance ("blamed the heat")."""
    if any(reader.entity_of(t) is not None or t.pos_ == "PROPN" for t in obj.subtree):
        return True
    return obj.lemma_.lower() in _PARTY_NOUNS or obj.lower_ in _PARTY_NOUNS


# Addressees that make an appeal safety advice to the public, not a Diplomatic act.
_PUBLIC: Final = frozenset({"resident", "residents", "people", "civilian", "civilians",
                            "citizen", "citizens", "population", "public", "inhabitant",
                            "inhabitants", "family", "families", "parent", "parents",
                            "driver", "drivers", "motorist", "motorists", "farmer", "farmers"})
# Heads of a subject that name no party however they are modified ("aid agencies",
# "local officials", "many", "rights groups"): generic sources, not a named actor.
_GENERIC_HEADS: Final = frozenset("""
    agency agencies many some others other group groups official officials resident residents
    people critic critics activist activists elder elders observer observers organisation
    organisations organization organizations expert experts analyst analysts source sources
    diplomat diplomats witness witnesses local locals one all both none community
    communities family families report reports turnout town city village everyone
""".split())


def _diplomatic_act(tok: Token, reader: Reader) -> bool:
    """A statement actually made, not a description or someone's aim: "militias accused
    of atrocities" (a participle describing them), "the Authority, which they accuse of
    collaboration" (a relative clause), "gathered to demand a repair" (a protest's aim),
    "‘We begged them to wait’" (a quoted story), "No group has claimed responsibility"."""
    if _rejected_charge(tok):
        pass  # "a charge New Delhi rejected as baseless": the denial is the clause's deed
    elif tok.dep_ in {"acl", "relcl", "amod"} and tok.head.dep_ != "ROOT":
        # (a sentence whose root is the noun, "The UN envoy called on ...", is the
        # parser reading the main verb as a participle)
        return False
    if tok.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                              for c in tok.children):
        return False
    if reader.in_quote_marks(tok.idx):
        return False
    subj = _subject(tok)
    return subj is None or not any(c.dep_ == "det" and c.lower_ in {"no", "neither"}
                                   for c in subj.children)


def _speaking_party(tok: Token, subj: Token | None, reader: Reader
                    ) -> tuple[Token, str | None] | None:
    """The named party that performs a Diplomatic act, with its actor name.

    The verb's own subject first; where that is a pronoun or a word the parser
    misattached ("the WFP said it was assessing the damage and called on ...",
    "the spokeswoman said the accusations were false and accused ..."), the subject of
    a verb of saying above it."""
    cands: list[Token] = [subj] if subj is not None else []
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lemma_.lower() in SPEECH_LEMMAS or cur.dep_ == "ROOT":
            cands += [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if cur.dep_ == "ROOT" and cur.pos_ in {"NOUN", "PROPN"}:
            cands.append(cur)  # the speaker the parser made the root
    start = paragraph_start(tok)
    # (not a speaker of the paragraph before, which the parser may run into this one, nor
    # a deed the parser made the subject: "said the strike had killed ... and accused")
    cands = [c for c in cands if c.i >= start and not _deed_word(c)]
    # then the speaker of a verb of saying before the act in its own paragraph ("UNICEF
    # said ... and urged all parties", parsed under the paragraph before)
    if start > tok.sent.start:
        # the phrase that opens the act's paragraph, up to its first verb of saying or to
        # the act, when the parser ran the paragraph before into it: "«...»\n\nThe UN
        # mission, MONUSCO, condemned ...", "«...»\n\nUNICEF said ... and urged ..."
        end = next((v.i for v in tok.doc[start:tok.i] if v.lemma_.lower() in SPEECH_LEMMAS
                    and v.pos_ in {"VERB", "AUX"}), tok.i)
        cands += [t for t in tok.doc[start:end] if t.pos_ in {"NOUN", "PROPN"}
                  and not start <= t.head.i < end and t not in cands][:1]
    for k, cand in enumerate(cands):
        actor = _speaker_actor(cand, reader)
        if _named_party(cand, actor, reader):
            return cand, actor
        if k == 0 and cand.pos_ != "PRON" and cand.lemma_.lower() in {"side", "party"}:
            # "each side accused the other": the belligerents, named elsewhere
            return cand, actor
    if cands and cands[0].lower_ in {"it", "they"} and cands[0].i == cands[0].sent.start:
        return _speaker_before(cands[0], reader)
    return None


_DEED_NOUNS: Final = frozenset("""
    strike airstrike attack shelling bombing bombardment raid fighting explosion blast clash
    offensive assault ambush incursion massacre
""".split())


def _deed_word(tok: Token) -> bool:
    """A common noun that names a deed ("the strike", "the shelling"), not a party."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _DEED_NOUNS


# How many sentences back a pronoun that opens a Diplomatic act may find its speaker.
_BACK_SENTENCES: Final = 3


def _speaker_before(pron: Token, reader: Reader) -> tuple[Token, str | None] | None:
    """The organisation an opening 'It' or 'They' stands for: the named speaker of a
    sentence just before, in the same paragraph ("..., the Sahel Human Rights Collective,
    said soldiers had shot dead several men. It called on the authorities to ...")."""
    doc = pron.doc
    sent = pron.sent
    for _ in range(_BACK_SENTENCES):
        if sent.start == 0 or "\n" in doc[sent.start - 1].whitespace_ + doc[sent.start].text:
            return None
        sent = doc[sent.start - 1].sent
        if "\n\n" in sent.text:
            return None
        for verb in sent:
            if verb.lemma_.lower() not in SPEECH_LEMMAS or verb.pos_ not in {"VERB", "AUX"}:
                continue
            for subj in verb.children:
                if subj.dep_ != "nsubj" or subj.pos_ == "PRON":
                    continue
                ent = reader.entity_of(subj)
                if ent is not None and ent.label == "PERSON":
                    return None  # a person spoke last: "it" is not theirs
                actor = _speaker_actor(subj, reader)
                if _named_party(subj, actor, reader):
                    return subj, actor
    return None


def _named_party(subj: Token, actor: str | None, reader: Reader) -> bool:
    """Whether a speaker is a named party: a person or organisation the entity layer
    knows, a state or a named group; not a generic source ("aid agencies")."""
    span = list(subj.subtree)
    if any((e := reader.entity_of(t)) is not None and e.label in {"PERSON", "ORG", "GPE",
                                                                  "NORP"} for t in span):
        return True
    if actor is not None and (act.is_state(actor) or actor in act.NAMED_GROUPS.values()):
        return True
    if subj.lemma_.lower() in _GENERIC_HEADS or subj.lower_ in _GENERIC_HEADS:
        return False
    # (an acronym is a name even where the tagger reads it as a common noun: "UNICEF")
    return any(t.pos_ == "PROPN" or _acronym(t) for t in span) and not (
        actor or "").startswith(("Civilians", "Protesters"))


def _acronym(tok: Token) -> bool:
    return len(tok.text) >= 3 and tok.text.isalpha() and tok.text.isupper()


# Verbs of talking that, negated in a party's words about what it will do, refuse
# talks: "Hezbollah has said it will not discuss any arrangement", "we will never
# negotiate with them".  (A refusal speaks of the future by nature, so the rule that
# drops futures is not applied to it.)
_TALK_VERBS: Final = frozenset({"negotiate", "discuss", "talk"})
# "urged both sides to stop firing", "to cease hostilities": a call for a ceasefire;
# "to stop attacks on civilians" stays an appeal (the article gold's convention).
_FIRING: Final = frozenset({"firing", "fire", "fighting", "hostilities", "shooting",
                            "shelling"})


# Names of blame that, given to a deed ("called the attack a war crime", "called it
# a massacre"), condemn it.
_BLAME_NAMES: Final = frozenset({"crime", "crimes", "atrocity", "atrocities", "massacre",
                                 "terrorism", "terrorist", "barbaric", "barbarity", "outrage",
                                 "genocide", "violation", "murder", "slaughter"})


def _blames(call: Token) -> bool:
    """A name of blame given by 'call' ("a war crime", "barbaric"), not a word that
    only modifies a name ("what it called an anti-terrorist operation")."""
    return any(t.lemma_.lower() in _BLAME_NAMES and t.dep_ not in {"amod", "compound"}
               and t.i > call.i for t in own_subtree(call))


def _of_time(prep: Token) -> bool:
    """'called ... on Wednesday': a preposition of time, not 'called on X to'."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def _refused(tok: Token) -> bool:
    """A negated talking verb in the future or with "refuse"-like modality."""
    children = list(tok.children)
    neg = any(c.dep_ == "neg" for c in children)
    future = any(c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll", "’ll"}
                 for c in children)
    return neg and future


def _stop_firing(tok: Token) -> bool:
    """An appeal whose object clause is to stop or cease firing or hostilities."""
    for t in own_subtree(tok):
        if t.lemma_.lower() in {"stop", "cease"} and t.i != tok.i and any(
                c.lower_ in _FIRING for c in t.children if c.dep_ in {"xcomp", "dobj",
                                                                     "pcomp", "ccomp"}):
            return True
        if t.lower_ == "cessation" and any(c.lower_ == "of" and any(
                g.lower_ == "hostilities" for g in c.children) for c in t.children):
            return True
    return False


def _blamed_agent(tok: Token) -> Token | None:
    """'said the killings had been carried out by the FDLR': the party a speaker says did
    a deed, the agent of a passive deed in what it says (blind check 40-42)."""
    if tok.lemma_.lower() not in {"say", "insist", "claim"} or tok.pos_ not in {"VERB", "AUX"}:
        return None
    for clause in tok.children:
        if clause.dep_ != "ccomp" or clause.tag_ != "VBN":
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.lemma_.lower() not in _BLAMED_DEEDS:
            continue
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            party = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if party is not None and (party.pos_ == "PROPN" or party.lower_ in _PARTY_NOUNS):
                return party
    return None


# Deeds whose doer a speaker may name: "the killings were carried out by X".
_BLAMED_DEEDS: Final = _DEED_NOUNS | frozenset({"killing", "killings", "massacre", "abduction",
                                                "kidnapping", "shooting"})


def _diplomatic_kind(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if _blamed_agent(tok) is not None:
        return "Accusation"
    if lemma in _TALK_VERBS:
        return "Refusal to negotiate" if tok.pos_ in {"VERB", "AUX"} and _refused(tok) \
            else None
    if lemma != "call" and lemma not in DIPLOMATIC_VERBS and lemma not in DIPLOMATIC_NOUNS:
        return None
    sub = {c.lower_ for c in own_subtree(tok)}
    if tok.pos_ in {"VERB", "AUX"}:
        if lemma == "call":
            prep = next((c for c in tok.children if c.dep_ in {"prep", "prt"} and
                         c.lower_ in {"for", "on"} and not _of_time(c)), None)
            if prep is None:
                # "called the attack a war crime": a name of blame given to a deed
                return "Condemnation" if any(c.dep_ == "dobj" for c in tok.children) and \
                    _blames(tok) else None
            return "Call for ceasefire" if sub & CEASEFIRE_WORDS else "Appeal"
        kind = DIPLOMATIC_VERBS.get(lemma)
        if kind is None:
            return None
        if _rejected_charge(tok) or (lemma in DENYING_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _CHARGES for c in tok.children)):
            # "the army rejected the accusation as lies": a denial of what it is blamed for
            return "Denial of responsibility"
        if kind == "Appeal" and ((sub & CEASEFIRE_WORDS and sub & {
                "ceasefire", "truce", "end", "halt", "cease-fire"}) or _stop_firing(tok)):
            return "Call for ceasefire"
        if kind == "Refusal to negotiate":
            if lemma == "rule" and not any(c.lower_ == "out" for c in tok.children):
                return None
            return kind if sub & NEGOTIATION_WORDS else None
        if kind in {"Denial of responsibility", "Claim of responsibility"}:
            if kind == "Denial of responsibility" and any(
                    c.dep_ == "ccomp" and _own_side_deed(c) for c in tok.children):
                return kind  # "the PDF denied that its fighters had attacked any convoy"
            return kind if sub & RESPONSIBILITY_WORDS and any(
                c.dep_ == "dobj" or (c.dep_ == "ccomp" and kind == "Denial of responsibility")
                for c in tok.children) else None
        return kind
    if tok.pos_ == "NOUN" and lemma in DIPLOMATIC_NOUNS:
        if not any(c.dep_ == "prep" and c.lower_ in {"for", "to"} for c in tok.children):
            return None
        kind = DIPLOMATIC_NOUNS[lemma]
        if kind == "Call for ceasefire" and not sub & CEASEFIRE_WORDS:
            return "Appeal"
        return kind
    return None


# Verbs that turn down a charge, and the charges they turn down.
_CHARGES: Final = frozenset({"accusation", "allegation", "charge", "report"})
_OWN: Final = frozenset({"it", "they", "we", "its", "their", "our"})
# Verbs of what a side suffered: "denied that they had lost so many men" disputes a
# toll, not a deed it is blamed for (a false Denial in blind check 34-36).
_SUFFERING: Final = frozenset({"lose", "suffer", "sustain", "incur"})


def _rejected_charge(tok: Token) -> bool:
    """A relative clause that turns down the charge it describes: "accused India of
    backing the group, a charge New Delhi rejected on Thursday"."""
    return tok.dep_ == "relcl" and tok.lemma_.lower() in DENYING_VERBS and \
        tok.head.lemma_.lower() in _CHARGES


def _own_side_deed(clause: Token) -> bool:
    """A denied clause about the speaker's own side doing something: its subject is
    'it', 'they', 'we' or 'its/their/our fighters'."""
    # (active only: "denied that its forces had been defeated" denies no deed of its own;
    # but "denied that its fighters were involved / were behind it" denies a part in one:
    # blind check 40-42)
    # (the parser may hang the subject on the auxiliary: "its fighters were involved")
    kids = [*clause.children, *(g for c in clause.children if c.dep_ in {"aux", "auxpass"}
                                for g in c.children)]
    subj = next((c for c in kids if c.dep_ == "nsubj" or (
        c.dep_ == "nsubjpass" and clause.lemma_.lower() == "involve")), None)
    if subj is None and clause.lemma_.lower() == "be" and any(
            (c.dep_ == "acomp" and c.lower_ in {"responsible", "involved"}) or
            (c.dep_ == "prep" and c.lower_ == "behind") for c in clause.children):
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or clause.pos_ not in {"VERB", "AUX"} or \
            clause.lemma_.lower() in _SUFFERING:
        return False
    return subj.lower_ in _OWN or any(c.dep_ == "poss" and c.lower_ in _OWN
                                      for c in subj.children)


def _subject(tok: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with or governed by."""
    cur = tok
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        if cur.pos_ == "NOUN":
            by = next((c for c in cur.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            if by is not None:
                return next((c for c in by.children if c.dep_ == "pobj"), None)
            return next((c for c in cur.children if c.dep_ == "poss"), None) \
                if cur.dep_ in {"nsubj", "dobj"} else None
        if cur.dep_ in {"conj", "xcomp"} and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def _object_phrase(obj: Token) -> str:
    """The party an act addresses, without what it is accused of or asked to do ("the
    opposition of “spreading fabricated casualty figures”" is the opposition)."""
    cut = {t.i for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pcomp" or g.pos_ == "VERB" or g.tag_ == "VBG" for g in c.children)
        for t in c.subtree}
    if not cut:
        return phrase_of(obj)
    words = [t for t in obj.subtree if t.i not in cut]
    return " ".join(t.text for t in words).strip(" ,“”\"'")


def _diplomatic_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() not in \
                RESPONSIBILITY_WORDS | NEGOTIATION_WORDS | _CHARGES:
            return c
    # "refused to engage in talks with Ukraine"
    for t in own_subtree(tok):
        if t.lower_ == "with" and t.head.lemma_.lower() in NEGOTIATION_WORDS | {"dialogue"}:
            return next((c for c in t.children if c.dep_ == "pobj"), None)
    return None


# "the UN human rights office", "the spokesman for the UN Secretary-General", "the United
# Nations envoy": ACLED codes the UN's offices and officials as the United Nations.
_UN = re.compile(r"(?<![\w-])(?:UN|U\.N\.|United Nations)(?![\w-])")
_UN_AGENCIES = re.compile(r"\b(?:UNHCR|UNICEF|refugee agency|World Food Programme|WFP|"
                          r"High Commissioner)\b", re.I)


def _speaker_actor(subj: Token, reader: Reader) -> str | None:
    phrase = phrase_of(subj)
    entity = reader.entity_of(subj)
    for cand in (subj, *(c for c in subj.children if c.dep_ == "appos")):
        ent = reader.entity_of(cand)
        if cand.i != subj.i and ent is not None and ent.label == "PERSON" and \
                not (entity is not None and entity.label in {"PERSON", "ORG"}):
            # "a prominent Druze religious leader, Sheikh Suleiman Abu Fakhr,": the name
            entity = ent
    if entity is None and subj.lemma_.lower() in _GENERIC_HEADS:
        # "a rights group based in Niamey, the Sahel Human Rights Collective,": the
        # organisation's name in apposition (which the parser may hang on the place)
        entity = next((e for t in subj.subtree if t.dep_ == "appos"
                       and (e := reader.entity_of(t)) is not None and e.label == "ORG"), None)
    words = " ".join(t.text for t in subj.subtree if t.i <= subj.i + 8)
    if _UN.search(words) and not _UN_AGENCIES.search(words):
        return "United Nations"
    metonym = _government_of(subj, reader)
    if metonym is not None:
        return metonym
    if entity is not None and entity.label == "PERSON":
        aff = entity.affiliation
        named = act.normalise(aff, country_hint=None, diplomatic=True) if aff else None
        if named is not None:
            return named
        body = _body_spoken_for(subj, reader)
        if body is not None:
            return body
        office = re.findall(r"[\w’'-]+", f"{entity.role or ''} {aff or ''}")
        if {w.lower() for w in office} & _OFFICES:
            # "Interior Cabinet Secretary Daniel Kiprop": a minister speaks for the
            # government of the country the title names, else of the article's (blind
            # check 37-39, where the title's words made an organisation "Cabinet")
            country = act.country_of_words(office) or reader.country_of(reader.focus())
            if country is not None:
                return act.government(country)
        return _org(aff, reader) if aff else entity.name
    if entity is not None and entity.label == "ORG":
        named = act.normalise(entity.name, country_hint=None, diplomatic=True)
        low = {w.lower() for w in re.findall(r"[\w’'-]+", entity.name)}
        if named is not None and named.startswith("Government of") and not low & (
                act.GOVERNMENT_NOUNS | act.MILITARY_NOUNS) and len(low) > 2:
            # "the National Union of Niger Students": an organisation of the country,
            # not its government
            return entity.name
        return named or entity.name
    named = act.normalise(phrase, country_hint=None, diplomatic=True)
    if named is None and subj.lower_ in _HOME_STATE and any(
            c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        # "the army rejected the accusation": with no country named, the army or the
        # government of the country the article is about
        country = reader.country_of(reader.focus())
        if country is not None:
            named = act.normalise(phrase, country_hint=country,
                                  diplomatic=subj.lower_ not in act.MILITARY_NOUNS)
    return named or _raw_actor(phrase)


def _body_spoken_for(subj: Token, reader: Reader) -> str | None:
    """'A spokesman for the junta, Major General X': the state body a spokesman speaks
    for, named as the article's country's ("the junta", "the army", "the government")."""
    for prep in subj.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"for", "of"}:
            continue
        body = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if body is None or body.lower_ not in _HOME_STATE | {"ministry", "presidency"}:
            continue
        country = reader.country_of(reader.focus())
        named = act.normalise(phrase_of(body), country_hint=country,
                              diplomatic=body.lower_ not in act.MILITARY_NOUNS | {"junta"})
        if named is not None:
            return named
    return None


# Words of a title that make a person a member of the government.
_OFFICES: Final = frozenset({"minister", "ministry", "cabinet", "president", "presidency",
                             "premier", "chancellor"})
# Bare nouns of a state ("the army", "the junta") that speak for the state of the
# country an article is about.
_HOME_STATE: Final = frozenset({"army", "military", "junta", "government"})


def _government_of(subj: Token, reader: Reader) -> str | None:
    """'Washington said', 'Kinshasa and UN experts accuse': a capital that the places
    component read as its government speaks for the government of its country."""
    for p in reader.ctx.places:
        if p.government and p.mention.start == subj.idx:
            country = reader.country_of(p)
            return act.government(country) if country else None
    return None


def _org(name: str, reader: Reader) -> str:
    for e in reader.ctx.entities:
        if e.label == "ORG" and any(m.span.text == name for m in e.mentions):
            return e.name
    return name


def _raw_actor(phrase: str) -> str | None:
    words = phrase.split()
    if not words or words[0].lower() in {"it", "they", "he", "she", "we", "this", "that"}:
        return None
    return phrase[:1].upper() + phrase[1:]
