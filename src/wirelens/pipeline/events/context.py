"""What the event extractor reads around a sentence: quotes, speakers, places, sides.

Each helper reads the layers that earlier components left (``ctx.quotes``,
``ctx.places``, the entity layer's mentions) and falls back on a simple reading
of its own where a layer is absent, so the extractor runs with or without the
quotes component.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from wirelens import lexicon
from wirelens.model import Place, Span
from wirelens.pipeline.base import doc_text
from wirelens.pipeline.entities import fold
from wirelens.pipeline.events.actors import (
    GOVERNMENT_NOUNS,
    MILITARY_NOUNS,
    NAMED_GROUPS,
    acled_country,
    country_of_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from wirelens.model import Entity
    from wirelens.pipeline.base import Context

# A party to a conflict speaks for a government, an army or an armed group; a
# witness, a local official, a monitor or the police report.  Only a party's
# words make an event a claim (see the issue: "Russia's Defence Ministry said
# it shot down ...").
PARTY_WORDS: Final = frozenset("""
    ministry minister president presidency kremlin government army military forces force
    command commander general staff spokesperson spokesman spokeswoman officials official
    defence defense troops militants rebels group junta regime brigade battalion
    headquarters administration navy pentagon
""".split())
NEUTRAL_WORDS: Final = frozenset("""
    witness witnesses resident residents local locals teacher doctor doctors nurse monitors
    observers un united nations ngo agency police mayor governor journalist reporter medics
    hospital red cross amnesty watch analyst analysts expert experts villagers farmer
    survivor survivors relatives
""".split())
# Speakers who comment rather than report: their words about a deed are a judgement
# or a pattern ("the ratio of drones shot down has held steady"), not an occurrence.
COMMENTATOR_WORDS: Final = frozenset("""
    analyst analysts researcher researchers expert experts professor scholar academic
    commentator commentators historian economist fellow lecturer
""".split())
SPEECH_LEMMAS: Final = frozenset("""
    say claim state report announce tell confirm allege insist add note assert declare
    write post report boast maintain
""".split())
# Verbs of judgement: what they govern is an opinion, a comparison or a forecast.
OPINION_LEMMAS: Final = frozenset("""
    warn suggest insist argue believe think fear predict estimate speculate caution
    recall resemble compare reckon doubt wonder
""".split())
# Quote marks for the fallback reader: an opening mark after a space or a line
# start, a closing mark before a space, punctuation or the end.
_OPEN = "“\"‘'«"
_CLOSE = {"“": "”", "\"": "\"", "‘": "’", "'": "'", "«": "»"}
_ACCORDING = re.compile(r"\baccording to\s+((?:the\s+)?[\w’'. -]{2,60}?)(?=[,.;]|$)", re.I)


@dataclass(frozen=True, slots=True)
class Said:
    """A quoted or reported stretch and who said it."""

    start: int
    end: int
    speaker: str | None
    party: bool
    direct: bool = True  # in quote marks, not reported speech
    commentator: bool = False  # an analyst's or researcher's words


def is_commentator(words: str, entity: Entity | None = None) -> bool:
    """Whether a speaker comments (an analyst, a researcher) rather than reports."""
    parts = [words]
    if entity is not None:
        parts += [entity.role or ""]
    low = {w.lower() for w in re.findall(r"[\w-]+", " ".join(parts))}
    return bool(low & COMMENTATOR_WORDS)


def simple_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted stretches by quote marks alone (when the quotes component did not run).

    A single curly quote doubles as an apostrophe ("Russia’s"), so an opening
    mark must follow a space or a line start and a closing mark must not sit
    between two letters.
    """
    out: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN and (i == 0 or not text[i - 1].isalnum()) and i + 1 < n and \
                not text[i + 1].isspace():
            close = _CLOSE[ch]
            j = i + 1
            while j < n:
                if text[j] == close and not (j + 1 < n and text[j + 1].isalpha()
                                             and text[j - 1].isalpha()):
                    break
                j += 1
            if j < n and j - i < 2000:
                out.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return out


def is_party(words: str, entity: Entity | None = None) -> bool:
    """Whether a speaker is a party to the conflict (see :data:`PARTY_WORDS`)."""
    parts = [words]
    if entity is not None:
        parts += [entity.role or "", entity.affiliation or "", entity.name]
    joined = " ".join(parts)
    low = {w.lower().strip("’'s") for w in re.findall(r"[\w’'-]+", joined)}
    if low & NEUTRAL_WORDS and not low & {"ministry", "minister", "president", "kremlin",
                                          "spokesperson", "spokesman", "spokeswoman"}:
        return False
    if low & PARTY_WORDS:
        return True
    return _named_group_pattern().search(fold(joined)) is not None


@functools.cache
def _named_group_pattern() -> re.Pattern[str]:
    """One compiled alternation of every named group (built once, not per call)."""
    names = sorted(NAMED_GROUPS, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])")


class Reader:
    """Per-article lookups: the entity of a token, quoted stretches, places, sides."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text = doc_text(ctx.doc)
        self.entity_at: dict[int, Entity] = {}
        for cand in ctx.extra.get("mentions", []):
            if 0 <= cand.cluster < len(ctx.entities):
                for k in range(cand.start, cand.end):
                    self.entity_at[k] = ctx.entities[cand.cluster]
        self.said = self._said()
        self.marked = simple_quotes(self.text)
        self.base_mentions = self._base_mentions()
        self.places = [p for p in ctx.places
                       if not p.government and p.mention.start not in self.base_mentions
                       and not _RIVER.match(self.text, p.mention.end)
                       and not self._in_name(p) and not self._in_person(p)
                       and not _HYPHENED.match(self.text, p.mention.end)]
        self.places = sorted(self.places + self._unresolved(), key=lambda p: p.mention.start)
        self.sides = self._sides()

    # -- quotes -------------------------------------------------------------------

    def _said(self) -> list[Said]:
        out: list[Said] = []
        for q in self.ctx.quotes:
            sp = q.speaker
            name = sp.name if sp is not None else None
            entity = None
            if sp is not None and sp.mention is not None:
                entity = self.entity_at.get(sp.mention.start)
            words = " ".join(x for x in (name, sp.role if sp else None,
                                         sp.affiliation if sp else None) if x)
            out.append(Said(q.start, q.end, name, is_party(words, entity) if words else False,
                            q.kind != "indirect",
                            is_commentator(words, entity) if words else False))
        if not out:
            out = [Said(s, e, None, False) for s, e in simple_quotes(self.text)]
        return out

    def quoted(self, start: int, end: int) -> Said | None:
        """The quoted or reported stretch that holds [start, end), innermost first."""
        best: Said | None = None
        for s in self.said:
            if s.start <= start and end <= s.end and (best is None or s.end - s.start <
                                                      best.end - best.start):
                best = s
        return best

    def in_quote_marks(self, pos: int) -> bool:
        """Whether a character sits between quote marks (a speaker's own words)."""
        return any(s <= pos < e for s, e in self.marked)

    # -- speakers -------------------------------------------------------------------

    def entity_of(self, tok: Token) -> Entity | None:
        return self.entity_at.get(tok.idx)

    def attribution(self, trigger: Token, sent: SpacySpan) -> tuple[str | None, bool]:
        """Who the sentence attributes the trigger's report to, and whether a party.

        Walks up from the trigger to a speech verb
        ("the ministry said [its forces repelled ...]"); then "according to X";
        then a quote that holds the trigger.
        """
        tok = trigger
        for _ in range(8):
            head = tok.head
            if head.i == tok.i:
                break
            # any path but the subject's: the parser often hangs the reported clause
            # on a noun ("confirmed during an address that ...")
            if head.lemma_.lower() in SPEECH_LEMMAS and head.pos_ in {"VERB", "AUX"} and \
                    tok.dep_ not in {"nsubj", "nsubjpass", "csubj"}:
                subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}
                             and c.i >= sent.start), None) or self._name_before(head)
                if subj is not None:
                    phrase = phrase_of(subj)
                    return phrase, is_party(phrase, self.entity_of(subj))
            tok = head
        m = _ACCORDING.search(sent.text)
        if m is not None:
            phrase = m.group(1)
            pos = sent.start_char + m.start(1)
            return phrase, is_party(phrase, self.entity_at.get(pos))
        for child in sent.root.children:
            # "‘We shot down six drones,’ the ministry said."
            if sent.root.lemma_.lower() in SPEECH_LEMMAS and child.dep_ in {"nsubj"} and \
                    child.i != trigger.i and not (child.i <= trigger.i <= child.right_edge.i):
                phrase = phrase_of(child)
                return phrase, is_party(phrase, self.entity_of(child))
        said = self.quoted(trigger.idx, trigger.idx + len(trigger))
        if said is not None:
            return said.speaker, said.party
        return None, False

    def commentary(self, trigger: Token, sent: SpacySpan) -> str | None:
        """Whether the trigger sits in a judgement rather than a report: "opinion" under
        a verb of opinion ("researchers warn that the fighting recalls ...", "movements
        suggest the battle is far from over"), "commentator" in the words of an analyst
        or a researcher (who may still report a dated deed), else None."""
        tok = trigger
        for _ in range(8):
            head = tok.head
            if head.i == tok.i:
                break
            lemma = head.lemma_.lower()
            if head.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"nsubj", "nsubjpass",
                                                                  "csubj"}:
                if lemma in OPINION_LEMMAS and not _reduced_relative(head):
                    return "opinion"
                if lemma in SPEECH_LEMMAS:
                    subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}
                                 and c.i >= sent.start), None)
                    if subj is not None:
                        ent = self.entity_of(subj)
                        words = " ".join(t.text for t in subj.subtree)
                        return "commentator" if is_commentator(words, ent) else None
            tok = head
        said = self.quoted(trigger.idx, trigger.idx + len(trigger))
        return "commentator" if said is not None and said.commentator else None

    def _name_before(self, verb: Token) -> Token | None:
        """A person or organisation named right before a verb the parser left without a
        subject (a headline run into the lead breaks the parse)."""
        doc = verb.doc
        for i in range(verb.i - 1, max(verb.i - 4, -1), -1):
            ent = self.entity_at.get(doc[i].idx)
            if ent is not None and ent.label in {"PERSON", "ORG"}:
                return doc[i]
        return None

    def named_groups(self, start: int, end: int) -> list[str]:
        """The ACLED names of the known armed groups named in [start, end)."""
        folded = fold(self.text[start:end])
        return [NAMED_GROUPS[m.group()] for m in _named_group_pattern().finditer(folded)
                if m.group() in NAMED_GROUPS]

    # -- places -----------------------------------------------------------------------

    def _base_mentions(self) -> set[int]:
        """Place mentions that only give a speaker's base ("an expert based in X")."""
        out: set[int] = set()
        text = self.text
        bases = [(e, fold(e.base)) for e in self.ctx.entities if e.base]
        for p in self.ctx.places:
            for e, base in bases:
                if fold(" ".join(p.mention.text.split())) != base:
                    continue
                # the base appositive follows a mention of that person
                if any(0 <= p.mention.start - m.span.end <= 200 for m in e.mentions):
                    out.add(p.mention.start)
            before = text[max(0, p.mention.start - 12):p.mention.start].lower()
            if re.search(r"based in\s*$", before):
                out.add(p.mention.start)
        return out

    def _in_name(self, place: Place) -> bool:
        """A place word inside an organisation's name ("the Freedom of Russia Legion",
        "the Wagner Group"): the name of an actor, not a scene."""
        ent = self.entity_at.get(place.mention.start)
        if ent is None or ent.label != "ORG":
            return False
        for m in ent.mentions:
            if m.span.start <= place.mention.start and place.mention.end < m.span.end:
                words = m.span.text.split()
                # only a name whose head is a kind of organisation ("Seoul Metropolitan
                # Government" and "Speney Adda of Herat city" stay places: the entity
                # layer reads many addresses as organisations)
                return bool(words) and words[-1].lower() in _ORG_HEADS
        return False

    def _in_person(self, place: Place) -> bool:
        """A place word that is the surname of a person named before it ("Abdoulaye Sani
        ... Sani said", which the entity layer may read as the town of Sanya): a speaker,
        not a scene.  (A place inside a person's name stays: "Rasuna Said Road".)"""
        word = place.mention.text.strip()
        return any(e.label == "PERSON" and len(e.name.split()) > 1 and
                   e.name.split()[-1] == word and
                   any(m.span.end <= place.mention.start for m in e.mentions)
                   for e in self.ctx.entities)

    def _unresolved(self) -> list[Place]:
        """Settlements the text names that the gazetteer lacks ("the gold-mining town of
        Kamituga", "the village of Kaniola", "Kyay Nin village"): kept by name, with no
        id and no point, so that a deed there is not put at the last town the gazetteer
        knew (villages missing from GeoNames' cities500 were the commonest wrong place
        in blind checks 26-42).  Each gets its own synthetic id, below every real one."""
        known = [p for p in self.ctx.places if not p.government]
        taken = [(p.mention.start, p.mention.end) for p in self.ctx.places]
        focus = self.ctx.extra.get("focus") or []
        home = focus[0].country if focus else None
        out: list[Place] = []
        ids: dict[str, int] = {}
        found = sorted((m.start("name"), m.group("name")) for rx in _SETTLEMENTS
                        for m in rx.finditer(self.text))
        for start, name in found:
            end = start + len(name)
            if any(a < end and start < b for a, b in taken) or name.split()[0] in _NOT_NAMES:
                continue
            gid = ids.setdefault(name.lower(), UNRESOLVED_ID - len(ids))
            # "the village of Gorouol Kaina, about 12 kilometres from Téra": placed at the
            # town it is told by, as ACLED codes a village it cannot find ("coded to
            # nearby Téra"); the qualifier's country otherwise ("in eastern Congo's South
            # Kivu province"), else the article's
            after = self.text[end:end + _QUALIFIER_CHARS]
            cut = re.search(r"[.;\n]", after)
            window = (end, end + (cut.start() if cut else len(after)))
            near = [p for p in known if window[0] <= p.mention.start < window[1]]
            town = next((p for p in near if p.precision == "city" and p.lat is not None), None)
            country = town.country if town else next((p.country for p in near), home)
            out.append(Place(Span(start, end, name), gid, name, country,
                             town.admin1 if town else None, town.lat if town else None,
                             town.lon if town else None, None, "city", 0.0))
            taken.append((start, end))
        return out

    def places_in(self, start: int, end: int) -> list[Place]:
        return [p for p in self.places if start <= p.mention.start and p.mention.end <= end]

    def place_before(self, pos: int, *, window: int) -> Place | None:
        """The nearest town-level place mentioned before ``pos`` within ``window`` chars."""
        best: Place | None = None
        for p in self.places:
            if pos - window <= p.mention.start < pos and p.precision in {"city", "area"} and (
                    best is None or p.mention.start > best.mention.start) and \
                    not self._in_direct_quote(p) and not self._where_said(p):
                # a place inside a quote ("take orders from Paris") is the speaker's
                # figure of speech more often than the scene of the next event
                best = p
        return best

    def _where_said(self, place: Place) -> bool:
        """'In Moscow, the ministry said ...': the place of the words, not of a deed
        (a capital only: a town fronting 'officials said' is usually the scene).  A
        capital that is itself the subject of a verb ("Moscow does not publish its
        casualties", "Kyiv did not comment") is its government, not a scene either (a
        context place taken from one in article 03 of samples/articles)."""
        if place.feature_code != "PPLC":
            return False
        span = self.ctx.doc.char_span(place.mention.start, place.mention.end,
                                      alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ == "nsubj" and root.head.pos_ in {"VERB", "AUX"}:
            return True
        return root.dep_ == "pobj" and root.head.dep_ == "prep" and \
            root.head.head.lemma_.lower() in SPEECH_LEMMAS

    def _in_direct_quote(self, place: Place) -> bool:
        start, end = place.mention.start, place.mention.end
        return any(s.direct and s.start <= start and end <= s.end for s in self.said)

    def focus(self) -> Place | None:
        focus = self.ctx.extra.get("focus") or []
        if not focus:
            return None
        gid = focus[0].geonameid
        return next((p for p in self.places if p.geonameid == gid), None)

    # -- sides ----------------------------------------------------------------------------

    def _sides(self) -> list[str]:
        """The article's belligerents: countries named with their forces, most often first.

        "Ukrainian forces", "Russia's military": a country next to a military noun.
        Ties go to the country named first in the article.
        """
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        words = list(re.finditer(r"[\w’'-]+", self.text))
        for n, m in enumerate(words):
            w = m.group()
            if not w[:1].isupper():
                continue  # demonyms and country names are capitalised
            country = country_of_words([w])
            if country is None:
                continue
            first.setdefault(country, m.start())
            nxt = [x.group().lower() for x in words[n + 1:n + 3]]
            if any(x in MILITARY_NOUNS for x in nxt) and not any(
                    x in GOVERNMENT_NOUNS for x in nxt[:1]):
                counts[country] += 1
        ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))[:2]
        return sorted(ranked, key=lambda c: first[c])

    def country_of(self, place: Place | None) -> str | None:
        return acled_country(place.country) if place is not None else None


def _reduced_relative(verb: Token) -> bool:
    """'gunmen believed to belong to JAS', 'a man thought to be a commander': a verb of
    opinion that only describes a party (the parser may still hang the sentence's deed
    on it; blind check 37-39), not a judgement that frames the deed."""
    doc = verb.doc
    return verb.tag_ in {"VBN", "VBD"} and verb.i + 1 < len(doc) and \
        doc[verb.i + 1].lower_ == "to" and any(c.dep_ == "xcomp" for c in verb.children)


_ORG_HEADS: Final = frozenset("""
    legion group brigade brigades battalion regiment movement front party union corps
    militia militias forces force company army coalition alliance network organisation
    organization committee staff command ministry navy guard
""".split())
# Synthetic ids of settlements the gazetteer lacks count down from here.
UNRESOLVED_ID: Final = -2_000_000_000
_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}"
_SETTLEMENTS = (
    re.compile(rf"\b(?:village|town|city|settlement|hamlet|township|locality|hromada)s? of "
               rf"(?P<name>{_NAME})"),
    re.compile(rf"\b(?P<name>{_NAME}) (?:village|settlement|hamlet)\b"),
    # the second of two: "the towns of Kutum and Kabkabiya"
    re.compile(rf"\b(?:villages|towns|settlements) of {_NAME},? and (?P<name>{_NAME})"),
    # a name only a preposition of nearness places: "repelled attacks near Robotyne"
    re.compile(rf"\b(?:near|outskirts of|outside) (?P<name>{_NAME})"),
)
# How far after a settlement's name its qualifier ("in X township", "12 km from X") may be.
_QUALIFIER_CHARS: Final = 60
# Capitalised words that open a sentence or a title, not a name.
_NOT_NAMES: Final = frozenset({"The", "A", "An", "In", "On", "At", "Near", "This", "That"})
# "the Rwanda-backed M23", "a Moscow-installed official": a place fused into a modifier
# describes a party, it is no scene (blind check 40-42).
_HYPHENED = re.compile(r"-[a-z]")
# "the far bank of the Dnipro river": the river, not the city of its name.
_RIVER = re.compile(r"\s+(?:river|River)\b")


def phrase_of(tok: Token) -> str:
    """The noun phrase a token heads, without relative clauses or long appositions."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in {"prep"} and child.lower_ in {"of", "from", "in"} and \
                child.right_edge.i - tok.i <= 6:
            right = child.right_edge.i
        elif child.dep_ in {"compound", "flat", "appos"} and child.i - tok.i <= 3:
            right = max(right, child.i)
    for k in range(tok.i - 1, left - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            # a headline the parser ran into the lead ("... Off Yemen\n\nUS forces shot
            # down"): the phrase starts after the break
            left = k + 1
            break
    while left < tok.i and (doc[left].is_punct or doc[left].is_space or
                            doc[left].lower_ in {"the", "a", "an"}):
        left += 1
    return " ".join(doc[left:right + 1].text.split())


def demonym_country(word: str) -> str | None:
    return acled_country(lexicon.DEMONYMS.get(word) or None)
