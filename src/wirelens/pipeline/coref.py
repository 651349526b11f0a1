"""Pronouns and definite descriptions linked to the person they refer to.

Contract: requires ``entities`` and ``mentions`` (from the ``entities``
component); assigns ``coref``: it adds mentions of kind ``pronoun`` ("she",
"his") and ``description`` ("the president", "the mayor") to the person
clusters and rebuilds ``entities``.

The rules are deliberately conservative, because a wrong link puts words in
someone's mouth: a pronoun links to the nearest person mentioned before it in
the last few sentences whose gender does not contradict it; a description links
to the person whose role (from a title or an appositive) has the same head
noun, the nearest before it, or the only one in the article.  Where the text
does not support a link, there is none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from wirelens import lexicon
from wirelens.pipeline.base import Context, component, doc_text
from wirelens.pipeline.entities import Cand, Cluster, build_entities
from wirelens.pipeline.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS: dict[str, Literal["f", "m"]] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
# How far back a pronoun looks for its antecedent, in sentences.  News prose
# rarely reaches further; tuned on the fictional articles (entity eval).
PRONOUN_WINDOW = 4
# Words that mean the same role for linking "the spokesman" to a "spokesperson".
ROLE_SYNONYMS = {
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "premier": "prime minister",
    "commander-in-chief": "commander", "gen.": "general", "col.": "colonel",
}


@component("coref", requires=("entities", "mentions"), assigns=("coref",))
class Coref:
    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, ctx: Context) -> None:
        clusters: list[Cluster] = ctx.extra["clusters"]
        mentions: list[Cand] = ctx.extra["mentions"]
        doc = ctx.doc
        covered: set[int] = set()
        for c in mentions:
            covered.update(range(c.start, c.end))
        persons = [c for c in mentions if c.label == "PERSON" and c.kind == "name"]
        if not persons:
            return
        added = False
        quoted = _quoted_chars(doc_text(doc))
        for tok in doc:
            if tok.idx in covered:
                continue
            if quoted[tok.idx]:
                # inside a direct quote "he" and "her" are the people the speaker talks
                # about, not the people the article has named: no link
                continue
            low = tok.lower_
            if (low in PRONOUNS and tok.pos_ == "PRON") or low in {"his", "her"}:
                cand = _pronoun(tok, PRONOUNS.get(low), persons, clusters, doc)
            elif low == "the":
                cand = _description(tok, persons, clusters, doc)
            else:
                continue
            if cand is None:
                continue
            clusters[cand.cluster].cands.append(cand)
            mentions.append(cand)
            covered.update(range(cand.start, cand.end))
            added = True
        if added:
            for cl in clusters:
                cl.cands.sort(key=lambda c: c.start)
            ctx.entities = build_entities(clusters, doc_text(doc))


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {s.start: n for n, s in enumerate(doc.sents)}


def _pronoun(tok: Token, gender: Literal["f", "m"] | None, persons: list[Cand],
             clusters: list[Cluster], doc: Doc) -> Cand | None:
    if gender is None:
        return None
    subject = _recent_subject(tok, gender, persons, clusters, doc)
    if subject is not None:
        out = Cand(tok.idx, tok.idx + len(tok), "PERSON", "propagated", kind="pronoun")
        out.cluster = subject.cluster
        if clusters[subject.cluster].gender is None:
            clusters[subject.cluster].gender = gender
        return out
    sent = tok.sent
    sents = list(doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start == sent.start)
    window_start = sents[max(0, here - PRONOUN_WINDOW)].start_char
    best: Cand | None = None
    for c in persons:
        if c.end > tok.idx or c.start < window_start:
            continue
        cl = clusters[c.cluster]
        if cl.gender is not None and cl.gender != gender:
            continue
        if best is None or c.start > best.start:
            best = c
    if best is None:
        return None
    cl = clusters[best.cluster]
    # the earlier persons of the other gender tell us nothing; a gender-less
    # cluster learns its gender from the first pronoun that is linked to it
    if cl.gender is None:
        # only when no other person of unknown gender competes in the window
        rivals = {c.cluster for c in persons
                  if window_start <= c.start < tok.idx and clusters[c.cluster].gender is None}
        if len(rivals) > 1:
            return None
        cl.gender = gender
    out = Cand(tok.idx, tok.idx + len(tok), "PERSON", "propagated", kind="pronoun")
    out.cluster = best.cluster
    return out


def _recent_subject(tok: Token, gender: Literal["f", "m"], persons: list[Cand],
                    clusters: list[Cluster], doc: Doc) -> Cand | None:
    """News style: "X said ... . He told ...": the subject of this or the previous
    sentence is the antecedent, if it is a person of compatible gender."""
    sent = tok.sent
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    for span, limit in ((sent, tok.idx), (previous, None)):
        if span is None:
            continue
        best: Cand | None = None
        for c in persons:
            if not span.start_char <= c.start < span.end_char:
                continue
            if limit is not None and c.end > limit:
                continue
            head = doc.char_span(c.start, c.end, alignment_mode="expand")
            if head is None or head.root.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            g = clusters[c.cluster].gender
            if g is not None and g != gender:
                continue
            if best is None or c.start > best.start:
                best = c
        if best is not None:
            return best
    return None


_OPEN = {"“": "”", "«": "»", "„": "“", "‘": "’"}


def _quoted_chars(text: str) -> list[bool]:
    """Which characters are inside a direct quote, paragraph by paragraph.

    A cheap reading of the quote marks, good enough to keep pronoun links out of
    quotes: ’ closes a ‘ only where a quote can end (after punctuation or a letter,
    before white space or punctuation), so "Russia’s" never closes anything.
    """
    inside = [False] * (len(text) + 1)
    closer: str | None = None
    straight = False
    for i, ch in enumerate(text):
        if ch == "\n" and text[i + 1:i + 2] == "\n":
            closer, straight = None, False
        if closer is None and not straight:
            if ch in _OPEN and (i == 0 or not text[i - 1].isalnum()):
                closer = _OPEN[ch]
            elif ch == '"':
                straight = True
            continue
        inside[i] = True
        if straight and ch == '"':
            straight = False
        elif closer is not None and ch == closer:
            nxt = text[i + 1:i + 2]
            if closer != "’" or not nxt.isalpha():
                closer = None
    return inside


def _head(role: str) -> str:
    last = role.lower().split()[-1] if role.split() else ""
    return ROLE_SYNONYMS.get(last, last)


def _same_role(cluster: Cluster, word: str) -> bool:
    """Whether a person's role has ``word`` as its head; a cabinet secretary or a
    secretary of state is "the minister" (Kenya's "Interior Cabinet Secretary"; blind
    check 37-39)."""
    if not cluster.role:
        return False
    head = _head(cluster.role)
    if head == word:
        return True
    title = f"{cluster.role} {cluster.affiliation or ''}".lower().split()
    return word == "minister" and head == "secretary" and bool({"cabinet", "state"} & set(title))


def _description(tok: Token, persons: list[Cand], clusters: list[Cluster],
                 doc: Doc) -> Cand | None:
    """'the president', 'the Russian president', 'the mayor' -> the person with that role."""
    i = tok.i + 1
    # allow one modifier: "the Russian president", "the former mayor"
    if i < len(doc) and (doc[i].text in lexicon.DEMONYMS or doc[i].pos_ == "ADJ"):
        i += 1
    if i >= len(doc):
        return None
    noun = doc[i]
    word = ROLE_SYNONYMS.get(noun.lower_, noun.lower_)
    if word not in lexicon.ROLE_NOUNS:
        return None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    # "the president of France", "the mayor, Iryna Bondar" introduce someone new
    if nxt is not None and (nxt.lower_ == "of" or nxt.pos_ == "PROPN" or nxt.text == ","):
        return None
    matches = [c for c in persons if _same_role(clusters[c.cluster], word)]
    if not matches:
        return None
    before = [c for c in matches if c.end <= tok.idx]
    if before:
        chosen = max(before, key=lambda c: c.start)
    elif len({c.cluster for c in matches}) == 1:
        chosen = matches[0]
    else:
        return None
    out = Cand(tok.idx, noun.idx + len(noun), "PERSON", "propagated", kind="description")
    out.cluster = chosen.cluster
    return out
