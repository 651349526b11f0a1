"""Reported speech from the dependency parse: "X said (that) ...", "according to X, ...".

A verb of saying (see :mod:`wirelens.pipeline.cues`) outside any quotation
whose subject names a speaker and which has something it reports gives one
attribution.  So do the cues that are not speech, which PolNeAR annotates too
and which the quote extractor reports with a lower confidence: beliefs and
stances ("analysts believe that ...", "endorsed Trump"), intentions ("wants
to ...", "declined to comment"), knowing and perceiving with a clause or a
predicate ("realized that ...", "see the raids as ..."), verbs that report
with their preposition ("talked about ...") and any verb with a "that"
clause ("hinted that ...").  What it reports is, in this order of preference:

* its clausal complement, "that" included (PolNeAR's convention):
  "Sokolov noted that both sides ...", "..., the minister said.";
* object plus infinitive: "Carter urged Russia to allow ...";
* the object of "for"/"on": "observers have called for a ceasefire";
* a question after "ask": "asked the drivers if the road was open";
* its direct object, with its predicate: "she described the situation as
  ...", "he called the rules “a trap.”", and with the charge after verbs of
  blame ("accused X of Y");
* an infinitive after verbs of promise and wish: "vowed to rebuild ...".

Three constructions report without a verb taking the content: "As the
ministry reported, CLAUSE" (the clause "as" hangs on), a noun of saying with
its source and its "that" clause ("Moscow's claim that ...") and a passive
with its agent ("The meeting was first reported by Reuters").  With no named
source ("it was reported that ...", "the claim that ...") nothing is
reported.  A connective of the writer's ("Still,", "In fact,") opening the
sentence before the cue is not content.

Content with the writer's words inside ("accused X on Monday of Y", "The
bridge, she said, will reopen", "..., which he said would ...", "A,
according to X, B") comes in two parts (``Reported.rest``).  "In a poll
released Monday, ..." names the poll as the source.

A clause the parser cut short runs on to the sentence end (see ``_tail``); a
second verb of saying of the same speaker ("and added that ...") is cut off,
and so are a trailing aside of the writer's (", who heads ...", ", a farmer
from ..."; see ``_drop_aside``) and a trailing second statement (", which he
called ...", ", adding that ...", ", and most said ...").

The content never runs past the paragraph of its cue (the small model
sometimes parses across a line break), but always takes in the whole of a
quotation it starts, which makes the attribution *mixed*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirelens.pipeline.base import doc_text
from wirelens.pipeline.cues import (
    ATTITUDE_LEMMAS,
    COGNITION_LEMMAS,
    INTENTION_LEMMAS,
    SPEECH_LEMMAS,
    cue_lemma,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wirelens.pipeline.quotemarks import Quoted

_SUBJ = frozenset({"nsubj", "nsubjpass"})
# Verbs whose object is the addressee, not the words: "told reporters that ...".
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "warn", "ask", "remind", "urge"})
# Verbs whose "to ..." is what was said or wanted: "vowed to appeal", "hopes to
# win" (the verbs of saying and attitude with an infinitive most often missed
# on PolNeAR train).
_TO_VERBS = frozenset({"promise", "pledge", "vow", "threaten", "hope", "expect",
                       "demand", "propose", "agree", "ask", "urge"}) | INTENTION_LEMMAS
# Verbs whose object is the one blamed or praised, and "of"/"for" the charge.
_BLAME_VERBS = frozenset({"accuse", "blame", "criticize", "criticise", "praise", "thank",
                          "slam", "fault", "condemn", "lambast", "blast", "attack"})
_FINDING_VERBS = frozenset({"show", "find"})
# Verbs that report with a clause but whose plain object is a thing: "maintained
# a lead", "added five delegates", "advises clients", "charged fees", "pledged
# $1 million", "found a way" (with an object, under a third of these were
# attributions on PolNeAR train; leaving them out raised speech exact F1 there
# 0.704 -> 0.707).  "A poll found ..." still reports.
_CLAUSE_ONLY = frozenset({"maintain", "add", "advise", "know", "charge", "pledge", "find",
                          "welcome"})
_QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire"})
_REL_PRONOUNS = frozenset({"what", "which", "who", "that"})
_FOR_PREPS = frozenset({"for", "on"})
_WHEN_PREPS = frozenset({"after", "before", "while", "by", "in", "upon", "since"})
# Verbs that report only with their preposition: "referred to the deal",
# "talked about the war" (the most frequent such non-speech cues on PolNeAR
# train).  The cue is the verb and the preposition.  "point to" was left out:
# in conflict news it is as often a hand as an argument ("residents point to
# the bullet marks").
_PREP_CUES = {"refer": "to", "talk": "about", "speak": "about",
              "complain": "about", "worry": "about"}
# "It said" and "it reported" name an organisation met before ("The AP ... It
# also said that ..."); PolNeAR gives "It" as the source.  Other verbs with
# "it" are mostly expletive or about things ("it shows", "it means").
_IT_SPEAKS = frozenset({"say", "tell", "add", "announce", "report", "state", "write",
                        "note", "claim", "warn", "deny", "confirm", "argue",
                        # an organisation's charges and appeals ("It accused the army of
                        # ...", "It appealed to all parties to ...": blind check 40-42)
                        "accuse", "appeal", "urge", "condemn"})
_CLAUSE_BREAKS = frozenset({",", "—", "–", "-", ";", "("})
_TRAILING = ".,;:—–- \n\t"


@dataclass(frozen=True, slots=True)
class Reported:
    """One reported-speech attribution before speakers and kinds are settled."""

    cue_start: int
    cue_end: int
    verb: int  # token index of the cue's head
    subject: int | None  # token index of the subject's head
    start: int
    end: int
    according: bool = False
    # the content's second part when the writer's words cut it in two ("A,
    # according to X, B", "accused X on Monday of Y"); start..end is the first
    rest: tuple[int, int] | None = None


def find_reported(doc: Doc, quotes: list[Quoted], *, skip: set[int]) -> list[Reported]:
    """Every reported-speech attribution whose cue verb is not in ``skip`` (token indices)."""
    text = doc_text(doc)
    inside = _QuoteIndex(quotes)
    out: list[Reported] = []
    for tok in doc:
        if tok.i in skip or inside.contains(tok.idx):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            found = _according(doc, tok, inside)
        elif tok.lower_ == "in" and tok.is_sent_start:
            found = _in_source(doc, tok, inside)
        elif tok.pos_ == "VERB" and (cue_lemma(tok) in _CUE_LEMMAS or _that_complement(tok)):
            found = _verb(doc, tok, inside)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _CLAIM_NOUNS:
            found = _noun(doc, tok, inside)
        else:
            continue
        if found is not None and text[found.start:found.end].strip():
            out.append(found)
    return out


# Nouns of saying and holding whose "that" clause is what was said or held
# ("Russia's claim that ...", "his view that ...", "the statement by the
# ministry that ...").  With a possessor or a "by" agent naming the source, the
# clause is an attribution (PolNeAR annotates the noun as its cue); without
# one nobody is the source and nothing is reported (PolNeAR train: 17 more
# attributions exact, 2 fewer).
_CLAIM_NOUNS = frozenset("""
claim statement assertion argument view belief insistence contention suggestion warning
promise pledge announcement assurance allegation accusation charge admission denial
prediction position opinion assessment conclusion complaint
""".split())


def _noun(doc: Doc, tok: Token, inside: _QuoteIndex) -> Reported | None:
    """'Russia's claim that the town was taken': the possessor claims the clause."""
    clause = _noun_clause(tok)
    if clause is None:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                   and c.i < clause.i), None)
        source = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if source is None or source.pos_ not in {"PROPN", "NOUN", "PRON"} or \
            inside.contains(source.idx):
        return None
    content = list(clause.subtree)
    first, last = min(content, key=lambda t: t.i), max(content, key=lambda t: t.i)
    start, end = _clip(doc, first.idx, last.idx + len(last), tok.idx, inside)
    if end - start < 3:
        return None
    return Reported(tok.idx, tok.idx + len(tok), tok.i, source.i, start, end)


def _noun_clause(noun: Token) -> Token | None:
    """The "that" clause of "concern that ...", "confidence that ...", "hope that ..."."""
    for c in noun.children:
        if c.dep_ in {"acl", "ccomp"} and c.i > noun.i and \
                any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
    return None


def _cue_preposition(lemma: str, prep: Token) -> bool:
    """'called for', 'commented on', 'talked about': the preposition that goes with the cue."""
    if lemma in _PREP_CUES:
        return prep.lower_ == _PREP_CUES[lemma]
    if lemma == "appeal" and prep.lower_ == "to":
        return True  # "appealed to all parties to ...", as "urged all parties to ..."
    return prep.lower_ in _FOR_PREPS


_CUE_LEMMAS = SPEECH_LEMMAS | ATTITUDE_LEMMAS | INTENTION_LEMMAS | COGNITION_LEMMAS | \
    frozenset(_PREP_CUES)


def _that_complement(tok: Token) -> bool:
    """A verb with a "that" clause after it ("they worried that ...", "he hinted that ...").

    Whatever the verb, a subject with a "that" clause holds or puts forward
    a proposition: PolNeAR annotates these as attributions with many verbs
    outside our lists (on PolNeAR train: overlap F1 +0.005, exact +0.003).
    """
    return any(c.dep_ == "ccomp" and c.i > tok.i and
               any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
               for c in tok.children)


class _QuoteIndex:
    def __init__(self, quotes: list[Quoted]) -> None:
        self.quotes = quotes

    def contains(self, pos: int) -> bool:
        return self.at(pos) is not None

    def at(self, pos: int) -> Quoted | None:
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
            if q.start > pos:
                break
        return None


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def subject_of(tok: Token) -> Token | None:
    """The subject of a speech verb, climbing through "and added", "adding", "to say"."""
    cur: Token | None = tok
    for _ in range(5):
        if cur is None:
            return None
        subjects = [child for child in cur.children if child.dep_ in _SUBJ]
        if not subjects:
            # "Large majorities of voters going to the polls said ...": the small
            # model makes the participle the clausal subject and the noun its own
            # (a "subject lost by the parse" on PolNeAR train)
            subjects = [g for c in cur.children if c.dep_ == "csubj" and c.i < cur.i and
                        c.tag_ in {"VBG", "VBN"} for g in c.children
                        if g.dep_ == "nsubj" and g.i < c.i]
        if subjects:
            # two subjects are a misparse ("KYIV, Ukraine — The bridge will reopen,
            # the mayor said"): the one nearer the verb is the speaker
            at = cur.i
            return _after_fronted_place(min(subjects, key=lambda s: abs(s.i - at)))
        if cur.dep_ == "conj" and _speaker_of_outer(cur):
            # "X said 53 people had been killed and called the attack '…'": the
            # parse joins "called" to the reported clause; the speaker is X's
            cur = cur.head.head
        elif cur.dep_ in {"conj", "xcomp", "advcl", "acl"} and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and tok.tag_ == "VBG" and \
                cur.head.lower_ in _WHEN_PREPS:
            # "After saying he was nervous, the man ...": through the preposition of
            # time or manner; not "accused each other of adding new conditions"
            cur = cur.head.head
        elif cur.pos_ in {"NOUN", "ADP"} and cur.dep_ in {"dobj", "pobj", "prep"} and \
                cur.head.i != cur.i and tok.dep_ == "acl":
            # "issued a statement saying ...": from the noun to the verb that has it
            cur = cur.head
        else:
            return None
    return None


def _after_fronted_place(subject: Token) -> Token:
    """The speaker behind a fronted place the parse made the subject.

    "In Quetta, the provincial capital, the home minister, Naveed Marri, condemned
    …": the small model leaves "In" without its object and makes "Quetta" the
    subject, with the minister and his name as appositives of "capital".  The
    speaker is the person among those appositives, else the last of them.
    """
    doc = subject.doc
    if subject.i == 0 or doc[subject.i - 1].dep_ != "prep" or \
            any(c.dep_ == "pobj" for c in doc[subject.i - 1].children):
        return subject
    chain = [t for t in subject.subtree if t.dep_ == "appos" and t.i > subject.i]
    if not chain:
        return subject
    person = [t for t in chain if t.ent_type_ == "PERSON"]
    return person[-1] if person else chain[-1]


def _speaker_of_outer(verb: Token) -> bool:
    """Whether a subjectless verb of saying conjoined to a reported clause is said by
    that clause's speaker: the verb has the speech verb's own tense ("said …, and
    called …") and the clause another, backshifted ("had been killed", "had killed") or
    present ("said the army “does not strike civilians” and described ..."; blind check
    37-39)."""
    clause = verb.head
    outer = clause.head
    return cue_lemma(verb) in SPEECH_LEMMAS and clause.dep_ == "ccomp" and \
        clause.head.i != clause.i and cue_lemma(outer) in SPEECH_LEMMAS and \
        verb.tag_ == outer.tag_ == "VBD" and (
            any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "has", "have", "would"}
                for c in clause.children) or
            clause.tag_ in {"VBZ", "VBP"} or any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"}
                                                 for c in clause.children))


def _clip(doc: Doc, start: int, end: int, cue: int, inside: _QuoteIndex) -> tuple[int, int]:
    """Keep the content inside the cue's paragraph, whole quotations included."""
    text = doc_text(doc)
    p_start, p_end = _paragraph(text, cue)
    start, end = max(start, p_start), min(end, p_end)
    q = inside.at(start)
    if q is not None:
        start = q.start
    for q in inside.quotes:
        # a quotation that opens a new sentence after the content is a statement
        # of its own, which the parser ran into this one ("..., Mr. Horbach said,
        # the port was badly damaged. ''It was waiting for one more strike,'' he
        # said."; PolNeAR train): the content stops at that sentence end
        if cue < q.start and start < q.start < end:
            before = text[start:q.start].rstrip()
            if len(before) > 3 and before[-1] in ".!?" and not before[-2].isupper():
                end = start + len(before)
                break
    q = inside.at(max(start, end - 1))
    if q is not None:
        end = max(end, q.end)
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == "." and end - start > 3 and text[end - 2].isupper() and \
                text[end - 3] in ".  ":
            break  # "U.S.", "D.C.": the full stop belongs to the abbreviation
        if text[end - 1] == "." and _abbreviation_end(doc, end):
            break  # "at 7 p.m.", "in Reno, Nev.": so does a token's own full stop
        end -= 1
    while start < end and text[start] in " \n\t,":
        start += 1
    dateline = _DATELINE.match(text, start, end)
    if dateline is not None and dateline.end() < end:
        start = dateline.end()
    if start < cue:
        start = lead_in_end(text, start, end)
    return start, end


def _abbreviation_end(doc: Doc, end: int) -> bool:
    """Whether the full stop before ``end`` is part of a token the tokenizer took as
    an abbreviation ("p.m.", "Calif.", "Nev."), not the sentence's own full stop.

    PolNeAR's content keeps it (PolNeAR train: 6 more attributions exact, dev
    unchanged).
    """
    k = _token_before(doc, end)
    return any(t.idx + len(t) == end and len(t) > 1 and t.text.endswith(".") and
               any(ch.isalpha() for ch in t.text) for t in doc[max(0, k - 1):k + 1])


def _token_before(doc: Doc, end: int) -> int:
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < end:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


# Connectives that open a sentence to tie it to the one before ("Still,", "In
# fact,"): the writer's, not the speaker's.  Other openings, even adverbial
# ones ("In 2014,", "Among Democrats,", "Now,"), are part of PolNeAR's content
# as often as not (PolNeAR train: cutting every adverbial opening lost 48
# exact matches for 11; cutting these connectives gained 8, lost none), so they
# stay.  In a direct quote's lead-in ("Still, golf clubs are ‘...’") the
# annotators keep them.
_CONNECTIVES = frozenset("""
still however indeed moreover nonetheless nevertheless meanwhile instead also besides
furthermore yet but and so thus hence therefore likewise similarly otherwise
in_fact even_so in_addition as_it_happens after_all at_the_same_time on_the_other_hand
by_contrast in_contrast in_short in_turn of_course
""".split())


def lead_in_end(text: str, start: int, end: int) -> int:
    """Where the content starts after a connective of the writer's ("Still,", "In fact,").

    "Still, golf clubs are ‘just scratching out a profit,’ he said" and "In
    fact, records show ..., according to X": PolNeAR's content starts after
    the connective and its comma.
    """
    comma = text.find(",", start, min(end, start + 24))
    if comma < 0:
        return start
    words = "_".join(text[start:comma].lower().split())
    if words not in _CONNECTIVES:
        return start
    nxt = comma + 1
    while nxt < end and text[nxt].isspace():
        nxt += 1
    return nxt if nxt < end else start


# A wire dateline opening the first paragraph: "WASHINGTON (AP) — ", "LOS ANGELES,
# Feb. 2 (UPI) — ", "KYIV, Ukraine — ".  It is the writer's, never what was said.
_DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Za-z][\w. ]{0,25})?"
                       r"(?: \([A-Za-z]+\))? ?(?:—|–|--) ?")


def _left_neighbour(doc: Doc, tok: Token) -> Token | None:
    """The noun right before a verb, for when the parse put the subject elsewhere."""
    k = tok.i - 1
    while k >= 0 and doc[k].dep_ in {"aux", "advmod", "neg"}:
        k -= 1
    if k >= 0 and doc[k].pos_ in {"PROPN", "NOUN", "PRON"}:
        return doc[k]
    return None


def _that_clause(doc: Doc, tok: Token) -> list[Token]:
    """'confirmed during a recent address that ...' when the parse lost the ccomp."""
    for k in range(tok.i + 1, min(len(doc), tok.i + 10)):
        t = doc[k]
        if "\n" in t.text or t.text in {".", ";"}:
            return []
        if t.lower_ == "that" and t.dep_ == "mark":
            return [t, *t.head.subtree] if t.head.i > t.i else []
    return []


# Verbs of saying that are also events in conflict news: "the building was
# blasted by a missile", "the crowd was charged by police".
_ALSO_EVENTS = frozenset({"blast", "slam", "charge", "hail"})


def _passive(doc: Doc, tok: Token, subj: Token, inside: _QuoteIndex) -> Reported | None:
    """'The meeting was first reported by Politico': the agent is the source.

    A passive verb of saying with a "by" agent reports its subject (or its
    "that" clause, "it was announced by the ministry that ..."); without an
    agent nobody is the source and nothing is reported (PolNeAR train: 20
    more attributions exact, none fewer).
    """
    if cue_lemma(tok) not in SPEECH_LEMMAS or cue_lemma(tok) in _ALSO_EVENTS:
        return None
    by = next((c for c in tok.children if c.dep_ == "agent" and c.i > tok.i), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if agent is None or inside.contains(agent.idx):
        return None
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if clause is not None:
        content = list(clause.subtree)
    elif subj.dep_ == "nsubjpass" and subj.i < tok.i and subj.lower_ not in _REL_PRONOUNS \
            and subj.lower_ != "it":
        content = list(subj.subtree)
    else:
        return None
    first, last = min(content, key=lambda t: t.i), max(content, key=lambda t: t.i)
    start, end = _clip(doc, first.idx, last.idx + len(last), tok.idx, inside)
    if end - start < 3:
        return None
    return Reported(tok.idx, tok.idx + len(tok), tok.i, agent.i, start, end)


def _as_clause(tok: Token, lemma: str) -> list[Token]:
    """'As the Post reported, the inspector issued subpoenas': the clause "as" hangs on.

    A verb of saying with "as" and nothing of its own to report attributes
    the sentence it is set in, before or after it ("..., as Sokolov noted"):
    the content is that clause without the "as" phrase (PolNeAR train: 17
    more attributions exact, 3 fewer).
    """
    if tok.dep_ != "advcl" or lemma not in SPEECH_LEMMAS or tok.head.i == tok.i or \
            not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) or \
            any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in tok.children):
        return []
    # set off by a comma at the head clause's start or end ("As X reported, A";
    # "A, as X noted."), not a misparse inside a title-case headline ("…, As
    # Moscow Reports Dozens Of Drones Downed"; our articles, 26)
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    while right > tok.i and doc[right].is_punct:
        right -= 1  # the comma is often the verb's own child
    head_left, head_right = tok.head.left_edge.i, tok.head.right_edge.i
    opens = left == head_left and right + 1 < len(doc) and doc[right + 1].text == ","
    closes = left > 0 and doc[left - 1].text == "," and all(
        doc[k].is_punct or doc[k].is_space for k in range(right + 1, head_right + 1))
    if not (opens or closes):
        return []
    own = {t.i for t in tok.subtree}
    return [t for t in tok.head.subtree if t.i not in own]


def _object_as_subject(verb: Token, clause: Token) -> list[Token]:
    """'admitted the dynamic between them does not reflect …': the object is the subject.

    A verb of saying with an object and after it a clause with no subject of
    its own: the small model took the clause's subject for the verb's object
    ("admitted [the dynamic …] [does not reflect …]"); the object belongs to
    the content.  Not "told reporters the war …", whose clause has its subject
    (PolNeAR train: 12 more attributions exact, dev 1).
    """
    if any(c.dep_ in _SUBJ or c.dep_ == "expl" for c in clause.children) or \
            clause.tag_ == "VBG" or (clause.tag_ == "VB" and
                                     not any(c.dep_ == "aux" for c in clause.children)) or \
            any(c.dep_ == "mark" for c in clause.children):
        return []
    dobj = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
    if not dobj or dobj[0].right_edge.i + 1 != clause.left_edge.i or \
            dobj[0].pos_ not in {"NOUN", "PROPN"}:
        return []
    return list(dobj[0].subtree)


def _answer(doc: Doc, verb: Token) -> list[Token]:
    """'Forty percent said yes', 'he said so': a one-word answer is what was said.

    PolNeAR annotates these answers (in poll reports mostly) as the content
    (PolNeAR train: 6 more attributions exact and no new false alarm).
    """
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None or nxt.head.i != verb.i or nxt.lower_ not in _ANSWERS or \
            (nxt.i + 1 < len(doc) and not doc[nxt.i + 1].is_punct):
        return []
    return [nxt]


_ANSWERS = frozenset({"yes", "no", "so"})


def _drop_second_verb(content: list[Token], head: Token) -> list[Token]:
    """Cut "and added that ..." that the small model hung inside the reported clause.

    A verb of saying conjoined to the clause's head with no subject of its own
    is the speaker's next statement ("said the convoy had reached Izium and
    added that ..."), a cue of its own.
    """
    for c in head.children:
        if c.dep_ == "conj" and c.lemma_ in SPEECH_LEMMAS and \
                not any(g.dep_ in _SUBJ for g in c.children):
            cut = min((g.i for g in c.head.children if g.dep_ == "cc" and g.i < c.i),
                      default=c.i)
            cut = min(cut, c.left_edge.i)
            return [t for t in content if t.i < cut]
    return content


_CLOSING_MARKS = frozenset({"’", "”", "»", "'", '"', "''", "“"})


def _tail(doc: Doc, verb: Token, content: list[Token]) -> list[Token]:
    """The rest of the sentence after a clause the parser cut short.

    The small model often hangs the end of a reported clause on the cue verb
    ("says he didn't know much about Sanders before ... but now Benford plans
    to caucus"); PolNeAR's content runs on to the sentence end.  It stops at a
    comma or dash (what follows is then mostly the writer's: "..., which
    votes on March 1", "..., claiming that ...") and at "and"/"but" with a
    verb of the cue's own subject ("said X and added Y").  On PolNeAR train
    this raised speech exact F1 by 0.004 and overlap F1 by 0.005.
    """
    last = max(t.i for t in content)
    if doc[last].text in _CLOSING_MARKS:
        # a mixed quote ends the speaker's words at its closing mark: what follows
        # ("…,' but both sides have accused …") is the writer's (our goldens, article 15)
        return []
    sent = verb.sent
    out: list[Token] = []
    for k in range(last + 1, sent.end):
        if "\n" in doc[k].text:
            break
        out.append(doc[k])
    while out and (out[-1].is_punct or out[-1].is_space):
        out.pop()
    if not out or out[0].text in _CLAUSE_BREAKS:
        return []
    first = out[0]
    nxt = out[1] if len(out) > 1 else None
    if first.dep_ == "cc" and nxt is not None and (nxt.dep_ in {"aux", "neg"} or (
            nxt.pos_ in {"VERB", "AUX"} and not any(c.dep_ in _SUBJ for c in nxt.children))):
        return []
    return out


def _verb(doc: Doc, tok: Token, inside: _QuoteIndex) -> Reported | None:
    subj = subject_of(tok)
    lemma = cue_lemma(tok)
    text = doc_text(doc)
    if subj is not None and "\n" in text[min(subj.idx, tok.idx):max(subj.idx, tok.idx)]:
        # the small model parses a headline and the first sentence as one
        subj = _left_neighbour(doc, tok)
    if subj is None or inside.contains(subj.idx) or subj.lower_ == "there" or (
            subj.lower_ == "it" and (subj.dep_ == "expl" or lemma not in _IT_SPEAKS)):
        return None
    if any(c.dep_ == "auxpass" for c in tok.children):
        return _passive(doc, tok, subj, inside)
    if subj.lower_ in _REL_PRONOUNS and lemma in INTENTION_LEMMAS:
        # "a man who did not want to give his name": the writer describing
        # someone, not their stance (on PolNeAR train it also cost no F1)
        return None
    cue_start, cue_end = tok.idx, tok.idx + len(tok)
    children = list(tok.children)
    p_start, p_end = _paragraph(text, tok.idx)
    ccomp = [c for c in children if c.dep_ == "ccomp" and c.i != subj.i
             and p_start <= c.idx < p_end]
    if lemma not in SPEECH_LEMMAS:
        # a belief or perception holds a clause with a verb: a bare noun parsed as
        # its complement ("has not seen fighting ..., most of them soldiers") is
        # the small model's error
        ccomp = [c for c in ccomp if c.pos_ in {"VERB", "AUX"}]
    content: list[Token] = []
    if ccomp:
        # the clause that follows the verb, or the one before "..., X said."; with
        # both, the one before is the small model gluing on a subordinate clause
        # ("In a statement released after the senator suspended his campaign,
        # Cruz said he ...")
        after = [c for c in ccomp if c.i > tok.i]
        content = _drop_second_verb(list((after or ccomp)[0].subtree), (after or ccomp)[0])
        if after:
            content = _object_as_subject(tok, after[0]) + content
            content += _tail(doc, tok, content)
    elif lemma in COGNITION_LEMMAS:
        # a clause or an object with its predicate ("sees him as ...") only
        dobj = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
        pred = [t for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i
                for t in c.subtree]
        if dobj and pred:
            content = list(dobj[0].subtree) + pred
    else:
        dobj = [c for c in children if c.dep_ in {"dobj", "dative"}]
        xcomp = [c for c in children if c.dep_ == "xcomp"]
        preps = [c for c in children if c.dep_ == "prep" and c.i == tok.i + 1 and
                 _cue_preposition(lemma, c)]
        question = [c for c in children if c.i > tok.i and lemma in _QUESTION_VERBS and
                    c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"if", "whether"}
                                              for g in c.children)]
        if question:
            # "asked workers if they ...": the small model hangs the question on
            # the verb as a clause of condition
            content = list(question[0].subtree)
        elif dobj and xcomp and xcomp[0].i > tok.i:
            content = list(dobj[0].subtree) + list(xcomp[0].subtree)
        elif preps and not any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"}
                               for c in preps[0].children):
            # "called for a ceasefire", not "responded on Sunday"
            cue_end = preps[0].idx + len(preps[0])
            # the object, or a gerund ("called for reducing the tax rate"; PolNeAR
            # train: all-attributions exact F1 0.559 -> 0.560, dev 0.569 -> 0.570)
            pobj = [c for c in preps[0].children if c.dep_ in {"pobj", "pcomp"}]
            content = [t for p in pobj for t in p.subtree]
            content += [t for c in xcomp if c.i > tok.i for t in c.subtree]
        elif lemma in _PREP_CUES:
            pass  # "talked business" reports nothing: only "talked about ..." does
        elif lemma in _ADDRESSEE_VERBS and dobj and any(
                c.dep_ == "prep" and c.lower_ == "about" and c.i > dobj[0].i for c in children):
            # "asked Trump about his statements", "told reporters about the raid"
            about = next(c for c in children if c.dep_ == "prep" and c.lower_ == "about")
            content = [t for p in about.children if p.dep_ == "pobj" for t in p.subtree]
        elif dobj and lemma not in _ADDRESSEE_VERBS and dobj[0].i > tok.i and \
                (lemma not in _CLAUSE_ONLY or subj.lemma_.lower() in _SOURCE_NOUNS):
            content = list(dobj[0].subtree)
            clause = _noun_clause(dobj[0])
            if clause is not None and lemma not in SPEECH_LEMMAS:
                # "expressed concern that ...": PolNeAR's content is the clause; after
                # a verb of saying ("denied the claim that ...") it keeps the noun
                # (PolNeAR train: the clause alone cost speech exact F1 0.001)
                content = list(clause.subtree)
            # "described it as ...", "called him competent" (object predicate), and
            # what a finding says of its object ("the poll shows Clinton with a lead")
            content += [t for c in children if ((c.dep_ == "prep" and c.lower_ == "as") or
                                                c.dep_ == "oprd" or
                                                (c.dep_ == "prep" and c.lower_ == "with" and
                                                 lemma in _FINDING_VERBS)) and c.i > tok.i
                        for t in c.subtree]
            if lemma in _BLAME_VERBS:
                # "accused X of Y", "criticized X for Y": the charge is content too, with
                # a second charge coordinated to it ("of flying drones ... and of arming")
                # (the parser hangs the second "of" on the verb as a conjunct)
                charges = [c for c in children if c.dep_ in {"prep", "conj"} and
                           c.pos_ == "ADP" and c.i > dobj[0].i and
                           c.lower_ in {"of", "for", "over"}]
                have = {x.i for x in content}
                content += [t for c in charges for t in c.subtree if t.i not in have]
        elif dobj and dobj[0].lower_ in _REL_PRONOUNS and dobj[0].i < tok.i:
            # "what he called ‘a trap’", "which she described as ..."
            pred = [t for c in children if ((c.dep_ == "prep" and c.lower_ == "as") or
                                            c.dep_ == "oprd") and c.i > tok.i
                    for t in c.subtree]
            content = [dobj[0], *pred] if pred else []
        elif xcomp and xcomp[0].i > tok.i and lemma in _TO_VERBS and \
                not any(c.dep_ == "auxpass" for c in xcomp[0].children):
            # "vowed to appeal", "hopes to compete"; not "asked not to be named"
            content = list(xcomp[0].subtree)
    if not content:
        content = _that_clause(doc, tok)
    if not content and lemma in SPEECH_LEMMAS:
        content = _answer(doc, tok)
    if not content:
        content = _as_clause(tok, lemma)
    if not content:
        return _around(doc, tok, subj, inside)
    content = _drop_aside(doc, content)
    runs = _runs(doc, content)
    if any(a.i <= subj.i <= b.i for a, b in runs):
        return _around(doc, tok, subj, inside, content)
    first, last = runs[0]
    start, end = _clip(doc, first.idx, last.idx + len(last), tok.idx, inside)
    if end <= start or (len(content) == 1 and content[0].pos_ == "PRON"):
        # "criticized him": a bare pronoun object was not an attribution on PolNeAR train
        return None
    rest: tuple[int, int] | None = None
    if len(runs) > 1:
        # the words between are the writer's ("accused X on Monday of Y"): two parts
        rest = _clip(doc, runs[1][0].idx, runs[-1][1].idx + len(runs[-1][1]), tok.idx, inside)
        if rest[1] <= rest[0]:
            rest = None
    return Reported(cue_start, cue_end, tok.i, subj.i, start, end, rest=rest)


def _drop_aside(doc: Doc, content: list[Token]) -> list[Token]:
    """Cut a trailing aside of the writer's off the reported clause.

    "said the deal was agreed with Ivan Petrenko, who heads the council" and
    "said the deal was agreed, a first since 2014": a clause that ends on a
    relative clause about a name (", who/whose ...") or on an appositive
    noun phrase (", a/an ...") mostly ends, in PolNeAR's content, before the
    comma; the aside is the writer describing, not the speaker saying (tuned
    on PolNeAR train: cut about twice as often as kept).  ", which ..." and
    other appositives were kept about as often as cut, so they stay.
    """
    idx = sorted(t.i for t in content)
    last = idx[-1]
    while last > idx[0] and doc[last].is_punct and doc[last].text not in _CLOSING_MARKS:
        last -= 1
    for c in reversed(idx):
        if c <= idx[0] + 1 or c >= last:
            continue
        # "that he has ‘expanded the party,’ claiming ...": in American style the
        # comma sits inside the closing mark, which then ends the part kept
        # (PolNeAR train: 12 more attributions exact, 3 fewer)
        cut = c
        if doc[c].text in _CLOSING_MARKS and doc[c - 1].text == ",":
            cut = c + 1
        elif doc[c].text not in _ASIDE_MARKS or (
                doc[c].text == "-" and not doc[c - 1].whitespace_ and not doc[c].whitespace_):
            # a hyphen inside a word ("a 16-point margin") sets nothing aside
            continue
        first = doc[c + 1]
        # the phrase that starts right after the comma: climb while it starts there
        root = first
        while root.head.i != root.i and root.head.left_edge.i == first.i and root.head.i > c:
            root = root.head
        if first.lower_ in {"and", "but"} and _own_attribution(doc, c, last, first, root):
            return [t for t in content if t.i < cut]
        if root.right_edge.i < last:
            return content  # the last comma opens no phrase that runs to the end
        relative = root.dep_ == "relcl" and first.lower_ in {"who", "whose"} and \
            doc[c - 1].pos_ == "PROPN"
        appositive = first.lower_ in {"a", "an"} and root.dep_ in {"appos", "npadvmod", "dep"}
        if relative or appositive or _own_attribution(doc, c, last, first, root) or \
                _participle(first, root) or first.lower_ == "while":
            # ", while ..." is mostly the writer's contrast (PolNeAR train: cutting it
            # raised exact F1 by 0.001)
            return [t for t in content if t.i < cut]
        return content
    return content


_ASIDE_MARKS = frozenset({",", "—", "–", "-"})
_REPORTING = SPEECH_LEMMAS | ATTITUDE_LEMMAS


def _own_attribution(doc: Doc, comma: int, last: int, first: Token, root: Token) -> bool:
    """', which he described as ...' and ', and most said ...': a statement of its own.

    A relative clause with a subject of its own ("which he declared a
    disaster", "who she said was ...") or a clause joined by "and"/"but"
    whose verb of saying has its own subject is a second attribution, not
    part of the first one's content.
    """
    if root.dep_ == "relcl" and first.lower_ in {"which", "who", "whom"}:
        return cue_lemma(root) in _REPORTING and \
            any(c.dep_ in _SUBJ and c.lower_ not in _REL_PRONOUNS for c in root.children)
    if first.lower_ in {"and", "but"} and comma + 2 <= last and doc[comma + 2].lower_ != "that":
        # (", and that its air force had responded ..." goes on with the same cue)
        return any(t.lemma_ in _REPORTING and t.pos_ == "VERB" and
                   any(c.dep_ in _SUBJ for c in t.children)
                   for t in doc[comma + 2:last + 1])
    return False


def _participle(first: Token, root: Token) -> bool:
    """', saying ...', ', adding that ...': the speaker's next statement, a cue of its own.

    Other participles stay: ", killing two people" and ", fearing more
    strikes" are part of the report.
    """
    return first.tag_ == "VBG" and first.lemma_ in SPEECH_LEMMAS and \
        root.dep_ in {"advcl", "xcomp", "conj", "dep", "acl"}


def _runs(doc: Doc, content: list[Token]) -> list[tuple[Token, Token]]:
    """The content's stretches of consecutive tokens (punctuation bridges a gap)."""
    idx = sorted({t.i for t in content})
    runs: list[tuple[Token, Token]] = []
    begin = prev = idx[0]
    for i in idx[1:]:
        if any(not doc[k].is_punct for k in range(prev + 1, i)):
            runs.append((doc[begin], doc[prev]))
            begin = i
        prev = i
    runs.append((doc[begin], doc[prev]))
    return runs


def _around(doc: Doc, tok: Token, subj: Token, inside: _QuoteIndex,
            content: list[Token] | None = None) -> Reported | None:
    """The words on both sides of a cue inside them.

    "The bridge, she said, will reopen" (the cue a parenthesis in the
    clause) and "food, which the mayor said would last a week" (a relative
    pronoun before the cue): PolNeAR's content is the two parts, "The
    bridge | will reopen" and "which | would last a week".
    """
    text = doc_text(doc)
    left_i = subj.left_edge.i
    if content is None:
        if tok.dep_ != "parataxis" or left_i == 0 or doc[left_i - 1].text != "," or \
                tok.i + 1 >= len(doc) or doc[tok.i + 1].text != "," or tok.head.i < tok.i:
            return None
        head = tok.head
        first, last = head.left_edge.i, head.right_edge.i
        before = (doc[first].idx, doc[left_i - 1].idx)
        after = (doc[tok.i + 1].idx + 1, doc[last].idx + len(doc[last]))
    else:
        pron = min(content, key=lambda t: t.i)
        if pron.lower_ not in {"which", "who", "that"} or pron.i + 1 != left_i:
            return None
        last_i = max(t.i for t in content)
        if last_i <= tok.i:
            return None
        before = (pron.idx, pron.idx + len(pron))
        nxt = doc[tok.i + 1]
        after = (nxt.idx, doc[last_i].idx + len(doc[last_i]))
    if inside.contains(before[0]) or inside.contains(after[0]):
        return None
    start, end = _clip(doc, before[0], before[1], tok.idx, inside)
    rest = _clip(doc, after[0], after[1], tok.idx, inside)
    if end <= start or rest[1] - rest[0] < 3 or not text[start:end].strip():
        return None
    return Reported(tok.idx, tok.idx + len(tok), tok.i, subj.i, start, end, rest=rest)


def _in_source(doc: Doc, tok: Token, inside: _QuoteIndex) -> Reported | None:
    """'In a poll released Monday, 50 percent chose ...': the poll is the source.

    PolNeAR marks such sentences as attributions with "In" as the cue.
    """
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_ not in _SOURCE_NOUNS:
        return None
    last = tok.right_edge.i
    if last + 1 >= tok.sent.end or doc[last + 1].text != ",":
        return None
    start, end = _clip(doc, doc[last + 1].idx + 1, tok.sent.end_char, tok.idx, inside)
    if end - start < 3:
        return None
    return Reported(tok.idx, tok.idx + len(tok), tok.i, pobj.i, start, end)


# Nouns that report findings: "In a poll ...", "In its report ...".
_SOURCE_NOUNS = frozenset({"poll", "survey", "study", "report", "analysis"})


def _according(doc: Doc, tok: Token, inside: _QuoteIndex) -> Reported | None:
    """'According to X, CLAUSE' and 'CLAUSE, according to X'."""
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = sorted({t.i for t in tok.subtree} | {t.i for t in to.subtree})
    first, last = phrase[0], phrase[-1]
    sent = tok.sent
    text = doc_text(doc)
    rest: tuple[int, int] | None = None
    if first <= sent.start + 1 or doc[first - 1].text in {":", ";"}:
        # "According to X, ..." (also after a colon the parser kept in the sentence)
        start = doc[last].idx + len(doc[last])
        end = sent.end_char
    else:
        start = sent.start_char
        end = doc[first].idx
        # "A, according to X, B.": the words on both sides are what X said
        after = doc[last + 1] if last + 1 < sent.end else None
        if after is not None and after.text == "," and sent.end - last > _REST_MIN_TOKENS:
            rest = _clip(doc, after.idx + 1, sent.end_char, tok.idx, inside)
            if rest[1] - rest[0] < 3:
                rest = None
    start, end = _clip(doc, start, end, tok.idx, inside)
    if end - start < 3 or not text[start:end].strip():
        return None
    return Reported(tok.idx, to.idx + len(to), tok.i, pobj.i, start, end, according=True,
                    rest=rest)


# "A, according to X, B" has its B only when B is a clause, not "..., according to X, said."
_REST_MIN_TOKENS = 3
