"""Verbs and phrases of saying, and the speaker behind a subject word.

Shared by the quote extractor (``quotes.py``, ``reported.py``) and the
PolNeAR scorer, which counts an attribution as *speech* when its cue holds one
of these words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirelens.model import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wirelens.model import Entity
    from wirelens.pipeline.entities import Cand, Cluster

# Lemmas of verbs that report what someone said or wrote.  Beliefs ("think",
# "believe") and findings ("show") are left out on purpose: they are
# attributions in PolNeAR, but not speech, and in conflict news a quote
# extractor that reports "analysts believe" as a statement misleads.
SPEECH_LEMMAS = frozenset("""
say tell state add note claim insist warn urge call suggest argue explain declare announce
acknowledge admit assert confirm deny emphasize emphasise stress describe write report ask
reply respond answer remark observe predict promise pledge vow threaten demand plead complain
accuse recall agree concede contend maintain tweet testify recount estimate allege caution
charge counter echo mention cite question criticize criticise condemn blame praise decry
reiterate repeat announce disclose reveal inform assure vow quip joke shout yell chant
scream whisper murmur conclude propose recommend advise appeal implore lament lambast blast
slam dismiss reject welcome hail applaud describe characterize characterise label brand
""".split())
# Verbs of belief, wish, finding and stance.  PolNeAR counts them as
# attributions ("Trump believes that ...", "the poll shows ...", "Christie
# endorsed Trump"); we report them as indirect with a lower confidence, and
# the scorer keeps them out of the speech-only figures.  The stance verbs
# (second and third lines) are the most frequent missed cues with an object on
# PolNeAR train; verbs of action ("attack", "sign", "vote") are left out, since
# in conflict news their object is a target, not a statement.
ATTITUDE_LEMMAS = frozenset("""
believe think expect hope want fear know feel show find indicate worry doubt
endorse support back oppose defend
tout denounce mock advocate favor favour express discuss view
""".split())
# Verbs of intention and refusal ("Clinton wants to ...", "the spokesman
# declined to comment", "sought his endorsement"): PolNeAR annotates them as
# attributions with the infinitive or the object as content.  A class of their
# own, reported with the lowest confidence; never with a relative pronoun as
# subject ("a man who did not want to give his name").  On PolNeAR train
# (a third of the split) they raised all-attribution overlap F1 by 0.009.
INTENTION_LEMMAS = frozenset("""
want plan seek refuse decline intend wish prefer aim
""".split())
# Verbs of knowing and perceiving that report a proposition only with a
# clause ("she realized that ...", "they see him as ..."): with a plain object
# ("saw the attack", "learned the news") they report nothing.
COGNITION_LEMMAS = frozenset("""
learn realize realise understand consider assume suspect recognize recognise guess figure
reckon decide imagine suppose remember forget see hear notice
""".split())


def cue_lemma(tok: Token) -> str:
    """The token's lemma, mended where the small model gets a cue verb wrong.

    en_core_web_sm lemmatizes "hopes", "hoped" and "hoping" as "hop" (a
    frequent missed cue on PolNeAR train).
    """
    if tok.lemma_ == "hop" and tok.lower_.startswith("hope"):
        return "hope"
    return tok.lemma_


# Inflected forms the scorer needs without a parser (cue strings are short).
_IRREGULAR = {"say": ("said", "says", "saying"), "tell": ("told", "tells", "telling"),
              "write": ("wrote", "written", "writes", "writing"),
              "speak": ("spoke", "spoken", "speaks", "speaking")}


def speech_words() -> frozenset[str]:
    """Every inflected form of the speech lemmas, plus 'according' and 'speak'."""
    forms: set[str] = {"according", "speak", "spoke", "spoken", "speaking", "speaks"}
    for lemma in SPEECH_LEMMAS:
        forms.add(lemma)
        forms.update(_IRREGULAR.get(lemma, ()))
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.update({lemma + "s", stem + "ed", stem + "ing", lemma + "d"})
        if lemma.endswith("y"):
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
        if lemma[-1] in "pt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return frozenset(forms)


SPEECH_WORDS = speech_words()


def is_speech_cue(cue: str) -> bool:
    """True when a cue phrase holds a word of saying ("said", "according to", "told")."""
    return any(w.strip(".,:;!?()\"'“”‘’").lower() in SPEECH_WORDS for w in cue.split())


# Subject words that name no one: a quote attributed to them has no speaker.
_EMPTY_SUBJECTS = frozenset({"it", "there", "this", "that", "which", "what"})
_RELATIVES = frozenset({"who", "which", "that"})


@dataclass(frozen=True, slots=True)
class SpeakerFinder:
    """Maps a subject token to a :class:`Speaker`, using the entity layer's mentions."""

    text: str
    mentions: tuple[Cand, ...]
    clusters: tuple[Cluster, ...]
    entities: tuple[Entity, ...]
    by_char: dict[int, int]  # character offset -> index into ``mentions``

    @classmethod
    def build(cls, text: str, mentions: list[Cand], clusters: list[Cluster],
              entities: list[Entity]) -> SpeakerFinder:
        by_char: dict[int, int] = {}
        for n, c in enumerate(mentions):
            for k in range(c.start, c.end):
                by_char.setdefault(k, n)
        return cls(text, tuple(mentions), tuple(clusters), tuple(entities), by_char)

    def mention_at(self, start: int, end: int) -> Cand | None:
        for k in range(start, end):
            n = self.by_char.get(k)
            if n is not None:
                return self.mentions[n]
        return None

    def from_cand(self, c: Cand) -> Speaker:
        entity = self.entities[c.cluster] if 0 <= c.cluster < len(self.entities) else None
        cluster = self.clusters[c.cluster] if 0 <= c.cluster < len(self.clusters) else None
        span = Span(c.start, c.end, self.text[c.start:c.end])
        if entity is None:
            return Speaker(span.text, None, span)
        role = cluster.role if cluster is not None else entity.role
        affiliation = cluster.affiliation if cluster is not None else entity.affiliation
        return Speaker(entity.name, entity.id, span, role=role, affiliation=affiliation)

    def from_token(self, head: Token, *, avoid: tuple[int, int] | None = None,
                   allow_it: bool = False) -> Speaker | None:
        """The speaker named by the noun phrase headed by ``head``.

        A mention of the entity layer on the head word gives the entity (names,
        pronouns and "the president" are all there after ``coref``).  Otherwise
        the phrase is kept as written ("Military analysts", "a senior official
        who asked not to be named"), with no entity and no invented name.
        """
        if head.lower_ in _RELATIVES and head.head.dep_ == "relcl" and \
                head.head.head.pos_ in {"NOUN", "PROPN"} and \
                (head.lower_ == "who" or head.head.lemma_ in SPEECH_LEMMAS):
            # "two Catholic bishops, who said ...": the relative pronoun stands for
            # the noun its clause describes (our articles, 18); "which" and "that"
            # only with a verb of saying ("a body that said ...", not "an alliance
            # that defends ...", "proposals that would see ...").  The mention stays
            # the pronoun, the word in the sentence that is the subject (PolNeAR's
            # Source is the pronoun too); name, entity and role are the noun's.
            relcl = head.head
            found = self._from_head(relcl.head, avoid, {t.i for t in relcl.subtree})
            if found is None:
                return None
            mention = Span(head.idx, head.idx + len(head), head.text)
            return Speaker(found.name, found.entity_id, mention, role=found.role,
                           affiliation=found.affiliation)
        if head.lower_ in _EMPTY_SUBJECTS and not (allow_it and head.lower_ == "it"):
            return None
        return self._from_head(head, avoid, set())

    def _from_head(self, head: Token, avoid: tuple[int, int] | None,
                   drop: set[int]) -> Speaker | None:
        c = self.mention_at(head.idx, head.idx + len(head))
        # a demonym names a speaker only as a noun ("the Russians said"), not as
        # an adjective on the head ("Russian officials" is a group, kept as written)
        if (c is not None and c.label in {"PERSON", "ORG", "GPE"}) or (
                c is not None and c.label == "NORP" and head.tag_ == "NNPS"):
            return self.from_cand(c)
        # compounds: "Mayor Kovalenko" parsed with "Mayor" as head is rare but "the
        # Kremlin spokesman" has the name on a child; take a person mention on a
        # compound or appositive child.
        for child in head.children:
            if child.dep_ in {"compound", "appos"}:
                c = self.mention_at(child.idx, child.idx + len(child))
                if c is not None and c.label == "PERSON":
                    return self.from_cand(c)
        left, right = _phrase(head, avoid, drop)
        if right <= left:
            return None
        span = Span(left, right, self.text[left:right])
        affiliation = None
        for k in range(left, right):
            n = self.by_char.get(k)
            if n is not None and self.mentions[n].label in {"ORG", "GPE", "NORP"}:
                cand = self.mentions[n]
                ent = self.entities[cand.cluster] if 0 <= cand.cluster < len(self.entities) \
                    else None
                affiliation = ent.name if ent is not None else self.text[cand.start:cand.end]
                break
        return Speaker(_display_name(head, left, right, self.text), None, span,
                       affiliation=affiliation)


def _display_name(head: Token, left: int, right: int, text: str) -> str:
    """The phrase as written, up to a comma after its head.

    What follows such a comma describes the speaker ("The UK Maritime Trade
    Operations centre, which monitors shipping in the region"; "Israel's defence
    minister, on a visit to the border"): the mention keeps it, the name does not.
    A restrictive clause stays ("a senior official who asked not to be named").
    """
    end = right
    doc = head.doc
    for t in doc[head.i + 1:]:
        if t.idx >= right:
            break
        if t.text == "," and t.i + 1 < len(doc):
            after = doc[t.i + 1]
            # a relative clause, a place or a participle describes; an appositive
            # may be the name itself ("the company's spokesman, Vasyl Horbenko")
            if after.lower_ in {"which", "who", "whose", "that"} or after.pos_ == "ADP" \
                    or after.tag_ in {"VBG", "VBN"}:
                end = t.idx
            break
    return " ".join(text[left:end].split())


# The subject phrase stops before these: they start the reported words or a new clause.
_PHRASE_MAX_TOKENS = 14


def _phrase(head: Token, avoid: tuple[int, int] | None,
            drop: set[int] | None = None) -> tuple[int, int]:
    """Character range of the noun phrase under ``head``, trimmed of edge punctuation.

    ``drop`` holds tokens to leave out (the relative clause of the cue itself).
    """
    toks = [t for t in head.subtree
            if (avoid is None or not (avoid[0] <= t.idx < avoid[1]))
            and (drop is None or t.i not in drop)]
    # keep the contiguous run around the head
    toks.sort(key=lambda t: t.i)
    run = [head]
    by_i = {t.i: t for t in toks}
    i = head.i - 1
    while i in by_i and head.i - i < _PHRASE_MAX_TOKENS:
        run.insert(0, by_i[i])
        i -= 1
    i = head.i + 1
    while i in by_i and i - head.i < _PHRASE_MAX_TOKENS and "\n" not in by_i[i].text:
        run.append(by_i[i])
        i += 1
    while run and (run[0].is_punct or run[0].is_space):
        run.pop(0)
    while run and (run[-1].is_punct or run[-1].is_space):
        run.pop()
    if not run:
        return 0, 0
    return run[0].idx, run[-1].idx + len(run[-1])
