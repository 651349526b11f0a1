"""Entities for conflict news: people, organisations, groups and places, clustered.

Contract: requires the parsed ``doc``; assigns ``entities`` (clusters of name
mentions with role, affiliation and base for people) and ``mentions`` (the
working mention list that the ``coref`` component extends).

The small English model gets much of conflict news wrong: it tags Kyiv and
Donbass as PERSON, misses "Donetsk region", tags a surname it saw once as ORG
or FAC, and reads a title-case headline as one long name.  This layer keeps
what the model gets right and corrects it with evidence from the text:

1. titles ("Mayor", "Russian President") make the following name a PERSON;
2. the entity ruler's organisations (see ``resources.py``) stay ORG;
3. names that a full PERSON name ends with are that person ("Sokolov");
4. the gazetteer turns place names the model mislabelled back into places and
   finds the ones it missed, "X region" and "X Oblast" included;
5. demonyms ("Russian", "Ukrainian") are NORP, never places;
6. mentions are clustered ("Vladimir Putin" = "Putin" = "President Putin"),
   and each cluster's names are looked for again in the whole text, which also
   covers the title-case headline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from wirelens import lexicon
from wirelens.geo.curated import GENERIC_REGION_WORDS
from wirelens.model import Entity, Mention, Span
from wirelens.pipeline.base import (
    Context,
    after_first_name,
    component,
    doc_text,
    is_title_case,
    untagged_runs,
)
from wirelens.pipeline.cues import SPEECH_LEMMAS
from wirelens.pipeline.resources import RULER_ID_PREFIX, Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wirelens.geo.gazetteer import Gazetteer, GeoEntry

Label = Literal["PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"]
KEPT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
# Verbs done to a place in war reporting: what follows them is a place, not a person.
PLACE_ACTION_LEMMAS = frozenset({
    "shell", "bomb", "strike", "attack", "capture", "liberate", "seize", "retake",
    "recapture", "encircle", "storm", "besiege", "evacuate", "enter", "abandon",
    "reach", "surround", "bombard", "raid", "occupy", "target", "hit",
})
# Labels under which the small model hides place names it does not know.
MISREAD_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW"})

# Where a candidate came from, strongest first: a stronger source wins an overlap.
PRIORITY = {"title": 0, "ruler": 1, "region": 2, "surname": 3, "model": 4, "gazetteer": 5,
            "propagated": 6}

REGION_WORDS = frozenset({"region", "oblast", "province", "governorate", "district", "state",
                          "county", "krai", "prefecture", "Region", "Oblast", "Province",
                          "Governorate", "District", "State", "Krai"})
LOCATIVE_PREPS = frozenset({"in", "near", "from", "to", "at", "around", "outside", "into",
                            "towards", "toward", "across", "through", "of", "over", "on",
                            "between", "and", "inside", "within", "via", "beyond"})
# A city this big is a place even where the model saw a name, if no person cue says otherwise.
# Tuned on the fictional articles in samples/articles (entity eval): 100k keeps
# "Kyiv" and "Kharkiv" and rejects surnames that are also small towns (Sokolov, CZ).
SIGNIFICANT_POPULATION = 100_000
# A town this big is accepted after a locative preposition ("fighting in Toretsk").
LOCATIVE_POPULATION = 1_000
ADMIN_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "ADM1", "ADM1H",
                         "CONT", "RGN", "AREA", "ZN", "PRSH"})
# Places that no surname can hide: countries and continents.
COUNTRY_LIKE_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "CONT"})
LOC_CODES = frozenset({"RGN", "CONT", "AREA", "ZN", "PLN", "MTS", "STM", "DSRT", "PEN", "ISL",
                       "VAL", "LK", "SEA", "GULF", "BAY"})
_COMMON_TAIL = frozenset({"military", "army", "police", "government", "navy", "forces", "health",
                          "ministry", "authorities", "officials", "troops", "soldiers"})
_ADJECTIVAL_INSTITUTIONS = frozenset({"military", "army", "police", "government", "navy"})
_PUNCT_STRIP = " \t\n\"'“”‘’«»„,.;:!?()[]"
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass
class Cand:
    """A mention candidate while the layer works: mutable, internal."""

    start: int
    end: int
    label: str
    source: str
    role: str | None = None
    affiliation: str | None = None
    canonical: str | None = None  # from the ruler id or the gazetteer
    geo: GeoEntry | None = None
    cluster: int = -1
    kind: Literal["name", "pronoun", "description"] = "name"


@dataclass
class Cluster:
    label: str
    cands: list[Cand] = field(default_factory=list)
    key: str = ""
    role: str | None = None
    affiliation: str | None = None
    base: str | None = None
    gender: Literal["f", "m"] | None = None


def fold(text: str) -> str:
    """Case-, accent- and whitespace-insensitive key for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'")
    return " ".join(text.lower().split())


def _is_name_token(tok: Token) -> bool:
    """A capitalised word that can be part of a proper name."""
    text = tok.text
    if not text[:1].isupper() or tok.is_punct or tok.like_num:
        return False
    if tok.is_sent_start and tok.is_stop:
        return False
    if tok.pos_ == "VERB" and tok.tag_ in {"VBZ", "VBD"} and \
            tok.lemma_.lower() in SPEECH_LEMMAS:
        return False  # a title-case headline's "…, Governor Says, …": no person "Says"
    return tok.pos_ in {"PROPN", "NOUN", "ADJ", "X", "VERB"} or text.isupper()


class _Text:
    """Helpers over the document text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Strip a leading "the", a trailing possessive and edge punctuation."""
        text = self.text
        while start < end and text[start] in _PUNCT_STRIP:
            start += 1
        while end > start and text[end - 1] in _PUNCT_STRIP:
            end -= 1
        if text[start:start + 4].lower() == "the " and end - start > 4:
            start += 4
        for suffix in _POSSESSIVE:
            if text[start:end].endswith(suffix) and end - start > len(suffix) + 1:
                end -= len(suffix)
                break
        while end > start and text[end - 1] in _PUNCT_STRIP:
            end -= 1
        return start, end


@component("entities", requires=("doc",), assigns=("entities", "mentions"))
class EntityLayer:
    """Recognise, correct and cluster the named entities of one article."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, ctx: Context) -> None:
        doc = ctx.doc
        text = _Text(doc_text(doc))
        headline_end = self._headline_end(ctx)
        cands: list[Cand] = []
        cands += self._model_cands(doc, text, headline_end)
        cands += self._institution_cands(doc, text)
        cands += self._title_cands(doc, text)
        cands += self._region_cands(doc, text)
        cands += _untagged_persons(doc)
        cands = _resolve_overlaps(cands)
        self._person_cues(cands, doc)
        self._surnames(cands, doc_text(doc))
        self._places(cands, doc, text)
        cands += self._gazetteer_cands(doc, text, cands, headline_end)
        cands = _join_hyphenated(cands, doc_text(doc), self.resources.gazetteer)
        cands += _demonym_cands(doc, cands)
        cands = _resolve_overlaps(cands)
        clusters = _cluster(cands, doc_text(doc))
        cands += _propagate(clusters, doc_text(doc), cands)
        cands = _resolve_overlaps(cands)
        clusters = _ordered(_cluster(cands, doc_text(doc)))
        for cl in clusters:
            _describe(cl, doc, text, cands)
        ctx.extra["clusters"] = clusters
        ctx.extra["mentions"] = cands
        ctx.entities = build_entities(clusters, doc_text(doc))

    # -- candidates ---------------------------------------------------------------

    @staticmethod
    def _headline_end(ctx: Context) -> int:
        title = ctx.article.title
        if title and doc_text(ctx.doc).startswith(title):
            return len(title)
        return 0

    def _model_cands(self, doc: Doc, text: _Text, headline_end: int) -> list[Cand]:
        # A title-case headline ("Putin Emphasizes Russia’s Defensive Stance") fools the
        # model into long false names; there we keep only the ruler's organisations and
        # let the gazetteer and the body's own names (propagation) find the rest.
        distrust_headline = headline_end > 0 and is_title_case(doc_text(doc)[:headline_end])
        out: list[Cand] = []
        for ent in doc.ents:
            label = ent.label_
            from_ruler = ent.ent_id_.startswith(RULER_ID_PREFIX)
            if distrust_headline and ent.start_char < headline_end and not from_ruler:
                continue
            if label == "LANGUAGE" and ent.text in lexicon.DEMONYMS:
                label = "NORP"
            if label in MISREAD_LABELS and not from_ruler:
                out += self._misread_places(doc, text, ent.start_char, ent.end_char)
                continue
            if label not in KEPT_LABELS:
                continue
            start, end = text.trim(ent.start_char, ent.end_char)
            if end <= start:
                continue
            parts = self._list_parts(doc_text(doc), start, end) if not from_ruler else None
            if parts:
                out += parts
                continue
            cand = Cand(start, end, label, "ruler" if from_ruler else "model")
            if from_ruler:
                cand.canonical = ent.ent_id_[len(RULER_ID_PREFIX):] or None
            surface = doc_text(doc)[start:end]
            if not from_ruler and label == "ORG":
                start, end = _shrink_common_tail(doc_text(doc), start, end)
                cand.end = end
                surface = doc_text(doc)[start:end]
            if surface in lexicon.DEMONYMS or surface in lexicon.DEMONYM_PLURALS:
                cand.label = "NORP"
            elif not from_ruler and _first_name_led(surface):
                # "Olena Kravets" tagged ORG: a known first name leading a short name
                cand.label = "PERSON"
            out.append(cand)
        return out

    def _institution_cands(self, doc: Doc, text: _Text) -> list[Cand]:
        """'Ukraine's armed forces', 'Russian Ministry of Defence' (see InstitutionMatcher)."""
        out: list[Cand] = []
        for i, j in self.resources.institutions.find(doc):
            if j < len(doc) and doc[j].pos_ == "NOUN" and \
                    doc[j - 1].lower_ in _ADJECTIVAL_INSTITUTIONS:
                # "Russia's military actions": the institution word is a modifier here
                continue
            start, end = text.trim(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))
            out.append(Cand(start, end, "ORG", "ruler"))
        return out

    def _misread_places(self, doc: Doc, text: _Text, start: int, end: int) -> list[Cand]:
        """Places the small model calls a work of art, an event or a law.

        en_core_web_sm reads unfamiliar transliterated names this way ("launched from
        Taganrog and Rostov" is a WORK_OF_ART); a name, or every part of a list, that
        the gazetteer knows is a place when it is significant or follows a locative
        preposition, as in gazetteer recall.
        """
        start, end = text.trim(start, end)
        if end <= start:
            return []
        whole = doc_text(doc)
        parts = self._list_parts(whole, start, end)
        if parts is None:
            entries = self.resources.gazetteer.lookup(whole[start:end])
            if not entries:
                return []
            parts = [Cand(start, end, _place_label(entries[0]), "model", geo=entries[0])]
        prev = _previous_word(doc, start)
        out = []
        for c in parts:
            assert c.geo is not None
            if _significant(c.geo) or (prev in LOCATIVE_PREPS
                                       and c.geo.population >= LOCATIVE_POPULATION):
                c.source = "gazetteer"
                out.append(c)
        return out

    def _list_parts(self, text: str, start: int, end: int) -> list[Cand] | None:
        """'Mykolaiv, Odesa' or 'Robotyne and Verbove' as one entity: split it when
        every part is a known place."""
        surface = text[start:end]
        if ", " not in surface and " and " not in surface:
            return None
        out: list[Cand] = []
        for m in re.finditer(r"[^,]+?(?=,\s|\sand\s|$)", surface):
            part = m.group().strip()
            part = part[4:] if part.startswith("and ") else part
            if not part:
                continue
            entries = self.resources.gazetteer.lookup(part)
            if not entries:
                return None
            s = start + surface.index(part, m.start())
            out.append(Cand(s, s + len(part), _place_label(entries[0]), "model", geo=entries[0]))
        return out if len(out) >= 2 else None

    def _title_cands(self, doc: Doc, text: _Text) -> list[Cand]:
        """'Mayor Andrey Kovalenko', 'Russian President Vladimir Putin' -> PERSON + role."""
        out: list[Cand] = []
        toks = list(doc)
        i = 0
        while i < len(toks):
            title_len = _match_title(toks, i)
            if not title_len:
                i += 1
                continue
            j = i + title_len
            k = j
            while k < len(toks) and k - j < 4 and _is_name_token(toks[k]) and \
                    not _match_title(toks, k) and toks[k].text not in lexicon.DEMONYMS:
                k += 1
            if k == j or toks[i].ent_type_ == "ORG" or any(
                    t.text in lexicon.ORG_WORDS for t in toks[j:k]):
                # "Ukraine's General Staff": the title word is part of an organisation's name
                i += 1
                continue
            start, end = text.trim(toks[j].idx, toks[k - 1].idx + len(toks[k - 1]))
            title_text = doc[i:j].text
            cand = Cand(start, end, "PERSON", "title", role=_clean_title(title_text))
            cand.affiliation = _title_affiliation(toks, i)
            out.append(cand)
            i = k
        return out

    def _region_cands(self, doc: Doc, text: _Text) -> list[Cand]:
        """'Donetsk region', 'Kharkiv Oblast': a known place name followed by a region word."""
        out: list[Cand] = []
        gaz = self.resources.gazetteer
        for tok in doc:
            if tok.text not in REGION_WORDS or tok.i == 0:
                continue
            # the name is the capitalised run right before the region word
            j = tok.i
            while j > 0 and tok.i - j < 3 and _is_name_token(doc[j - 1]):
                j -= 1
            if j == tok.i:
                continue
            name = doc[j:tok.i].text
            if name in lexicon.DEMONYMS:
                continue
            full = doc[j:tok.i + 1].text
            entries = gaz.lookup(full) or gaz.lookup(name)
            if not entries:
                continue
            start, end = text.trim(doc[j].idx, tok.idx + len(tok))
            best = _best_region(entries)
            cand = Cand(start, end, _place_label(best), "region", geo=best)
            out.append(cand)
        return out

    def _gazetteer_cands(self, doc: Doc, text: _Text, known: list[Cand],
                         headline_end: int) -> list[Cand]:
        """Places the model missed: capitalised runs that the gazetteer knows."""
        covered = _coverage(known, len(doc_text(doc)))
        gaz = self.resources.gazetteer
        out: list[Cand] = []
        i = 0
        toks = list(doc)
        while i < len(toks):
            tok = toks[i]
            if covered[tok.idx]:
                i += 1
                continue
            if not _recall_token(tok):
                taken = self._taken_place(tok, toks[i - 1] if i else None, text)
                if taken is not None:
                    out.append(taken)
                i += 1
                continue
            found = False
            for n in (3, 2, 1):
                if i + n > len(toks):
                    continue
                span = doc[i:i + n]
                if any(covered[t.idx] or not (_recall_token(t) or t.text in {"St.", "-"})
                       for t in span):
                    continue
                start, end = text.trim(span.start_char, span.end_char)
                if doc_text(doc)[end - 1:end + 1].startswith("-") or \
                        doc_text(doc)[end:end + 1] == "-":
                    continue  # "Rhône-" of "Rhône-Alpes": part of a compound name
                entries = gaz.lookup(doc_text(doc)[start:end])
                if not entries:
                    continue
                best = entries[0]
                if not _plain_region(best, span.text) and _inside_longer_name(toks, i, i + n):
                    # "Van Dorn Street", "Mayor Bill Euille": part of another name (a
                    # country or a state is still a place there: "Virginia Freedom of
                    # Information Act" names Virginia, as LGL and TR-News count)
                    break
                prev = toks[i - 1].lower_ if i > 0 else ""
                in_headline = span.start_char < headline_end
                if _significant(best) or (
                    prev in LOCATIVE_PREPS and best.population >= LOCATIVE_POPULATION
                    and not in_headline
                ):
                    out.append(Cand(start, end, _place_label(best), "gazetteer", geo=best))
                    i += n
                    found = True
                    break
            if not found:
                i += 1
        return out

    def _taken_place(self, tok: Token, prev: Token | None, text: _Text) -> Cand | None:
        """'shelled Toretsk', 'captured Pokrovsk': a town after a verb done to places.

        The small model tags unfamiliar town names after such verbs as adverbs or
        nouns ("Toretsk" as RB); a capitalised word there that the gazetteer knows
        as a town of LOCATIVE_POPULATION or more is taken as a place.
        """
        # the verb itself, not a noun of its family: in the headline "Shells Hit
        # Market Street", "Hit" follows the noun "Shells" and is no town of Iraq
        if prev is None or prev.lemma_.lower() not in PLACE_ACTION_LEMMAS \
                or prev.pos_ != "VERB" or not tok.text[:1].isupper() \
                or tok.is_sent_start or tok.is_stop \
                or tok.pos_ not in {"ADV", "ADJ", "NOUN", "X", "PROPN", "VERB"}:
            return None
        start, end = text.trim(tok.idx, tok.idx + len(tok))
        entries = self.resources.gazetteer.lookup(tok.text)
        if not entries or entries[0].population < LOCATIVE_POPULATION:
            return None
        return Cand(start, end, _place_label(entries[0]), "gazetteer", geo=entries[0])

    # -- corrections --------------------------------------------------------------

    def _surnames(self, cands: list[Cand], text: str) -> None:
        """A single name that ends a known full PERSON name is that person."""
        surnames = _surnames_of(cands, text, self.resources.gazetteer)
        for c in cands:
            if c.label != "PERSON" and c.source not in {"ruler", "region"} \
                    and text[c.start:c.end] in surnames \
                    and not (c.label == "GPE" and _is_country(self.resources.gazetteer,
                                                             text[c.start:c.end])):
                # a country the model saw as a place stays one: the "person" whose
                # name ends in it is more likely the model misreading a headline
                c.label = "PERSON"
                c.source = "surname"

    def _places(self, cands: list[Cand], doc: Doc, text: _Text) -> None:
        """Give mislabelled places their place label, and places their gazetteer entry."""
        gaz = self.resources.gazetteer
        # words of the article's full person names: "Henry" after "Chiquita Raquel Henry"
        # is her, even after "to" and even though a town is called Henry
        name_words = {w for c in cands if c.label == "PERSON"
                      for w in doc_text(doc)[c.start:c.end].split()
                      if len(doc_text(doc)[c.start:c.end].split()) >= 2}
        for c in cands:
            if c.source in {"ruler", "title", "surname"} or c.geo is not None:
                continue
            surface = doc_text(doc)[c.start:c.end]
            if c.label == "NORP" and (surface in lexicon.DEMONYMS
                                      or surface in lexicon.DEMONYM_PLURALS):
                continue
            entries = gaz.lookup(surface)
            if not entries:
                continue
            best = entries[0]
            if c.label in {"GPE", "LOC", "FAC"}:
                c.geo = best
                c.label = _place_label(best)
                continue
            # PERSON, ORG or NORP according to the model: a place only with evidence
            if c.label == "PERSON" and (surface in name_words or after_first_name(
                    doc_text(doc), c.start)) and best.feature_code not in ADMIN_CODES:
                # "Andy Trapani ... Trapani said": a word of a full name stays that
                # person, though a province or a city bears it; a country does not
                continue
            prev = _previous_word(doc, c.start)
            local = (prev in LOCATIVE_PREPS or _after_place_action(doc, c.start)) and \
                best.population >= LOCATIVE_POPULATION
            if c.label == "PERSON" and local:
                local = not _first_name_led(surface) and surface not in name_words
            if c.label == "NORP":
                # the model calls towns it does not know NORP ("Belgorod", "Omdurman")
                local = best.population >= LOCATIVE_POPULATION or _significant(best)
            if _significant(best) or local:
                c.geo = best
                c.label = _place_label(best)
        _place_consensus(cands, doc, gaz)
        _speaking_towns(cands, doc)

    def _person_cues(self, cands: list[Cand], doc: Doc) -> None:
        """A short title-case name that speaks or has an appositive is a person."""
        text = doc_text(doc)
        for c in cands:
            if c.source != "model" or c.label not in {"ORG", "GPE", "FAC", "NORP"}:
                continue
            words = text[c.start:c.end].split()
            if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or any(
                    w in lexicon.ORG_WORDS or w in lexicon.DEMONYMS for w in words):
                continue
            before = text[max(0, c.start - 12):c.start]
            after = text[c.end:c.end + 40]
            if re.search(r"\b(?:said|says|told|added)\s+$", before) or re.match(
                    r"\s*(?:,\s+(?:a|an|the)\s+[\w-]+|\s+(?:said|says|told|added)\b)", after):
                c.label = "PERSON"


# "Ihor Pavlenko, 52, who runs a shop": an age in commas after a name is a person's.
_AGE_AFTER = re.compile(r",\s*\d{1,2}\s*,")


def _untagged_persons(doc: Doc) -> list[Cand]:
    """Names the small model leaves untagged (it misses about one Slavic or Burmese
    name in ten in our sample articles): two or three capitalised proper nouns, outside
    any entity, led by a known first name or followed by an age in commas."""
    out: list[Cand] = []
    text = doc_text(doc)
    for start, end in untagged_runs(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 2 or (span.start > 0 and (
                doc[span.start - 1].ent_type_ or doc[span.start - 1].pos_ == "PROPN")):
            continue  # one word, or the tail of a longer name
        surface = text[start:end]
        if not any(w in lexicon.ORG_WORDS or w in lexicon.DEMONYMS
                   for w in surface.split()) and (
                _first_name_led(surface) or _AGE_AFTER.match(text, end)):
            out.append(Cand(start, end, "PERSON", "model"))
    return out


def _demonym_cands(doc: Doc, known: list[Cand]) -> list[Cand]:
    """Demonyms the model missed ("Western officials", a title-case headline's "Israeli")."""
    covered = _coverage(known, len(doc_text(doc)))
    out: list[Cand] = []
    for tok in doc:
        if (tok.text in lexicon.DEMONYMS or tok.text in lexicon.DEMONYM_PLURALS) \
                and not covered[tok.idx] and tok.pos_ in {"ADJ", "PROPN", "NOUN"}:
            out.append(Cand(tok.idx, tok.idx + len(tok), "NORP", "gazetteer"))
    return out


def _place_consensus(cands: list[Cand], doc: Doc, gaz: Gazetteer) -> None:
    """One name, one reading.

    Where a name is a resolved place once, the model's other PERSON/ORG/NORP
    readings of the same name become that place too ("Bakhmut", "Sweida"); so
    do names whose best gazetteer entry is a place the article already resolved
    ("the battle for Bakhmut, which Russian officials call Artemovsk").

    Except a surname: a name that ends one of the article's full person names
    ("Andy Trapani ... Trapani said", "Abraham Lincoln ... Lincoln wrote") is that
    person wherever no locative preposition puts it as a place ("moved to
    Lincoln"), unless it is a country.  On LGL, end to end, such surnames were
    the largest class of false places.
    """
    text = doc_text(doc)
    surnames = _surnames_of(cands, text, gaz)
    places: dict[str, Cand] = {}
    by_id: dict[int, Cand] = {}
    for c in cands:
        if text[c.start:c.end] in surnames and c.label in {"GPE", "LOC"} and \
                c.source in {"model", "gazetteer"} and \
                (c.geo is None or c.geo.feature_code not in COUNTRY_LIKE_CODES) and \
                _previous_word(doc, c.start) not in LOCATIVE_PREPS:
            c.label, c.geo, c.source = "PERSON", None, "surname"
            continue
        if c.label in {"GPE", "LOC"} and c.geo is not None:
            places.setdefault(text[c.start:c.end], c)
            by_id.setdefault(c.geo.geonameid, c)
    for c in cands:
        if c.source != "model" or c.label not in {"PERSON", "ORG", "NORP"}:
            continue
        if text[c.start:c.end] in surnames and c.label == "PERSON":
            continue
        ref = places.get(text[c.start:c.end])
        if ref is None:
            entries = gaz.lookup(text[c.start:c.end])
            ref = by_id.get(entries[0].geonameid) if entries else None
        if ref is not None:
            c.label, c.geo = ref.label, ref.geo


def _surnames_of(cands: list[Cand], text: str, gaz: Gazetteer) -> set[str]:
    """The last words of the article's full person names.

    Not the last word of a "name" that is a place as a whole ("West Virginia") or
    that a broadcaster's initials lead ("CTV Winnipeg"): the model's persons, which
    would make a surname of Virginia and Winnipeg.  End to end: TR-News 4 toponyms
    more, LGL 2, no false one.
    """
    out: set[str] = set()
    for c in cands:
        if c.label != "PERSON":
            continue
        surface = text[c.start:c.end]
        parts = surface.split()
        if len(parts) < 2:
            continue
        if (parts[0].isalpha() and parts[0].isupper() and len(parts[0]) >= 2) or \
                gaz.has_name(surface):
            continue
        out.add(parts[-1])
    return out


# Verbs of saying whose subject, when a one-word "town", is a person ("Kristina said").
SAYING_LEMMAS = frozenset({"say", "tell", "add", "explain", "recall", "reply", "write", "ask",
                           "note", "recount", "remember"})
# A capital or a unit above towns that speaks is its government: left to the place
# layer's metonymy.
_SPEAKING_PLACE_CODES = ADMIN_CODES | {"PPLC", "PPLG", "ADM2"}


def _speaking_towns(cands: list[Cand], doc: Doc) -> None:
    """A one-word town that is the subject of "said" is a person ("Kristina said").

    The small model reads first names and surnames as towns ("Kristina" is a
    Finnish town's other name, Nelson a New Zealand one); a town does not speak
    in news, its officials do.  On LGL (end to end) these were a tenth of the
    false places that remained after the surname rule.
    """
    for c in cands:
        if c.label != "GPE" or c.geo is None or c.source not in {"model", "gazetteer"} or \
                c.geo.feature_code in _SPEAKING_PLACE_CODES or \
                c.geo.population >= SIGNIFICANT_POPULATION:
            continue  # a city may speak for its people ("Gainesville says no")
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        tok = span.root
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SAYING_LEMMAS:
            c.label, c.geo, c.source = "PERSON", None, "surname"


def _plain_region(entry: GeoEntry, surface: str) -> bool:
    """A country or a region by a name that is not a code or a compass word ("West")."""
    return entry.feature_code in ADMIN_CODES and not (surface.isupper() and len(surface) <= 3) \
        and not any(w.lower() in GENERIC_REGION_WORDS for w in surface.split())


def _inside_longer_name(toks: list[Token], i: int, j: int) -> bool:
    """Whether toks[i:j] is only part of a run of capitalised words.

    Gazetteer recall looks for places the model missed; a known name inside a
    longer capitalised run ("Van Dorn Street", "Vice Chairman", "West Side",
    "Trent Polk") is part of another name, not a place of its own.  On LGL, end to
    end, a third of recall's false places were such parts.
    """
    def capitalised(tok: Token) -> bool:
        return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start

    after = toks[j] if j < len(toks) else None
    before = toks[i - 1] if i > 0 else None
    if after is not None and capitalised(after) and toks[j - 1].whitespace_:
        return True
    return before is not None and capitalised(before) and not before.is_stop


_HYPHENATED_TAIL = re.compile(r"-[A-Z][\w'’]+")


def _join_hyphenated(cands: list[Cand], text: str, gaz: Gazetteer) -> list[Cand]:
    """'Guinea-Bissau': a place whose name goes on past a hyphen is the whole name.

    The tokenizer splits at the hyphen and the model often tags only "Guinea";
    where the hyphenated whole is a place the gazetteer knows, the candidate
    takes it, and the parts inside it go.
    """
    joined: list[tuple[int, int]] = []
    for c in cands:
        if c.label not in {"GPE", "LOC"} or c.kind != "name":
            continue
        m = _HYPHENATED_TAIL.match(text, c.end)
        if m is None:
            continue
        entries = [e for e in gaz.lookup(text[c.start:m.end()])
                   if e.feature_class in {"A", "P", "L"}]
        if entries:
            c.end, c.geo, c.label = m.end(), entries[0], _place_label(entries[0])
            joined.append((c.start, c.end))
    if not joined:
        return cands
    return [c for c in cands if not any(s <= c.start and c.end <= e and (c.start, c.end) != (s, e)
                                        for s, e in joined)]


def _recall_token(tok: Token) -> bool:
    """A token that gazetteer recall may take as (part of) a place name."""
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.is_stop
            and tok.text not in lexicon.DEMONYMS and tok.text not in lexicon.CALENDAR_WORDS
            and tok.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                                      "PERCENT", "QUANTITY", "WORK_OF_ART", "EVENT", "LAW"})


def _first_name_led(surface: str) -> bool:
    words = surface.split()
    first = fold(words[0]) if words else ""
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and (
        first in lexicon.FEMALE_NAMES or first in lexicon.MALE_NAMES)


def _shrink_common_tail(text: str, start: int, end: int) -> tuple[int, int]:
    """'Israeli military', 'Gaza health ministry': a name plus a common noun is the name.

    Our gold keeps these as a demonym or a place followed by a noun; a capitalised
    institution ('Russian Ministry of Defence') comes from the ruler and is not touched.
    """
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 2 or not words[0].group()[:1].isupper():
        return start, end
    tail = [w.group() for w in words[1:]]
    if all(w.islower() and w in _COMMON_TAIL for w in tail):
        return start, start + words[0].end()
    return start, end


def _match_title(toks: list[Token], i: int) -> int:
    """Length in tokens of the longest title starting at toks[i], or 0."""
    best = 0
    words: list[str] = []
    for n in range(1, 4):
        if i + n > len(toks):
            break
        words.append(toks[i + n - 1].lower_)
        joined = " ".join(words).replace(" .", ".").replace(" - ", "-").replace(" -", "-")
        if joined in lexicon.TITLES:
            best = n
    if best and not toks[i].text[:1].isupper() and toks[i].lower_ not in {"mr", "mrs", "ms"}:
        # lower-case "president" before a name still cues a person ("the president Putin")
        pass
    return best


def _clean_title(title: str) -> str:
    return " ".join(title.split()).strip(" ,")


def _title_affiliation(toks: list[Token], i: int) -> str | None:
    """Affiliation from what precedes a title.

    'Russian President' gives Russia, "Ukraine's Foreign Minister" Ukraine,
    'UN Secretary-General' UN.
    """
    if i == 0:
        return None
    prev = toks[i - 1]
    if lexicon.DEMONYMS.get(prev.text):
        return lexicon.DEMONYMS[prev.text]
    if prev.text in {"’s", "'s"} and i >= 2:
        return toks[i - 2].text
    if prev.ent_type_ in {"ORG", "GPE"} and prev.text[:1].isupper():
        j = i - 1
        while j > 0 and toks[j - 1].ent_iob_ == "I" and toks[j - 1].ent_type_ == prev.ent_type_:
            j -= 1
        return " ".join(t.text for t in toks[j:i])
    return None


def _after_place_action(doc: Doc, char: int) -> bool:
    """'shelled Orikhiv', 'hit Orikhiv': a name right after a verb done to places.

    The small model calls unfamiliar towns people there; a verb of attack or
    capture ("shell", "capture", "hit") takes a place as its object (see
    PLACE_ACTION_LEMMAS), not a person, in the reporting we read.
    """
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    return prev.pos_ == "VERB" and prev.lemma_.lower() in PLACE_ACTION_LEMMAS


def _previous_word(doc: Doc, char: int) -> str:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return ""
    return str(doc[span.start - 1].lower_)


def _significant(entry: GeoEntry) -> bool:
    # A second-level unit of the regions data ("Sligo", "Dorset", "Bulacan") counts
    # like a region; a US county does not, as its bare name ("Clarke", "Lincoln")
    # is any surname's.
    return entry.feature_code in ADMIN_CODES or entry.population >= SIGNIFICANT_POPULATION \
        or (entry.feature_code == "ADM2" and entry.country_code != "US")


def _is_country(gaz: Gazetteer, name: str) -> bool:
    entries = gaz.lookup(name)
    return bool(entries) and entries[0].feature_code in {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX",
                                                         "PCL"}


def _place_label(entry: GeoEntry) -> str:
    return "LOC" if entry.feature_code in LOC_CODES else "GPE"


def _best_region(entries: Iterable[GeoEntry]) -> GeoEntry:
    entries = list(entries)
    for e in entries:
        if e.feature_code.startswith("ADM1") or e.feature_code in {"RGN", "ADM2"}:
            return e
    return entries[0]


def _coverage(cands: list[Cand], n: int) -> list[bool]:
    covered = [False] * (n + 1)
    for c in cands:
        for k in range(c.start, c.end):
            covered[k] = True
    return covered


def _resolve_overlaps(cands: list[Cand]) -> list[Cand]:
    """Keep the stronger candidate where two overlap (source priority, then length)."""
    order = sorted(cands, key=lambda c: (PRIORITY[c.source], -(c.end - c.start), c.start))
    kept: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for c in order:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    kept.sort(key=lambda c: c.start)
    return kept


# -- clustering ------------------------------------------------------------------


def _key(c: Cand, text: str) -> str:
    if c.canonical:
        return fold(c.canonical)
    if c.geo is not None:
        return f"geo:{c.geo.geonameid}"
    surface = text[c.start:c.end]
    if c.label == "NORP":
        country = lexicon.DEMONYMS.get(surface) or lexicon.DEMONYMS.get(surface.rstrip("s"))
        if country:
            return f"norp:{country}"
    return fold(surface)


def _cluster(cands: list[Cand], text: str) -> list[Cluster]:
    """Group mentions: full names first, then short forms to the nearest matching name."""
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, str], int] = {}
    for c in cands:
        c.cluster = -1
    persons = [c for c in cands if c.label == "PERSON" and c.kind == "name"]
    # full names (two or more words) define person clusters
    for c in sorted(persons, key=lambda c: -len(text[c.start:c.end].split())):
        words = fold(text[c.start:c.end]).split()
        if len(words) < 2:
            continue
        key = " ".join(words)
        idx = by_key.get(("PERSON", key))
        if idx is None:
            # "Putin" as "Vladimir Putin": a two-word name inside a longer one
            for (label, k), j in by_key.items():
                if label == "PERSON" and (key in k or k in key):
                    idx = j
                    break
        if idx is None:
            idx = len(clusters)
            clusters.append(Cluster("PERSON", key=key))
            by_key[("PERSON", key)] = idx
        c.cluster = idx
    for c in cands:
        if c.kind != "name" or c.cluster >= 0:
            continue
        if c.label == "PERSON":
            word = fold(text[c.start:c.end])
            idx = _nearest_person(clusters, word, c.start, cands, text)
            if idx is not None:
                c.cluster = idx
                continue
        key = _key(c, text)
        idx = by_key.get((c.label, key))
        if idx is None and c.label == "ORG":
            idx = _acronym_cluster(clusters, key, cands, text)
        if idx is None:
            idx = len(clusters)
            clusters.append(Cluster(c.label, key=key))
            by_key[(c.label, key)] = idx
        c.cluster = idx
    for c in cands:
        if c.cluster >= 0:
            clusters[c.cluster].cands.append(c)
    return clusters


def _nearest_person(clusters: list[Cluster], word: str, pos: int, cands: list[Cand],
                    text: str) -> int | None:
    """The person cluster whose full name contains this single name, nearest before `pos`."""
    best: tuple[int, int] | None = None
    for idx, cl in enumerate(clusters):
        if cl.label != "PERSON" or word not in cl.key.split():
            continue
        firsts = [c.start for c in cands if c.cluster == idx]
        before = [s for s in firsts if s <= pos]
        distance = pos - max(before) if before else 10**9 + min(firsts, default=0)
        if best is None or distance < best[0]:
            best = (distance, idx)
    return None if best is None else best[1]


def _acronym_cluster(clusters: list[Cluster], key: str, cands: list[Cand],
                     text: str) -> int | None:
    if not key.replace(".", "").isalpha() or " " in key:
        return None
    letters = key.replace(".", "")
    for idx, cl in enumerate(clusters):
        if cl.label != "ORG":
            continue
        words = [w for w in cl.key.split() if w not in {"of", "the", "for", "and"}]
        if len(words) >= 2 and "".join(w[0] for w in words) == letters:
            return idx
    return None


def _propagate(clusters: list[Cluster], text: str, cands: list[Cand]) -> list[Cand]:
    """Find each cluster's names again wherever the model missed them."""
    covered = _coverage(cands, len(text))
    forms: dict[str, tuple[int, Cluster]] = {}
    for idx, cl in enumerate(clusters):
        if cl.label == "NORP":
            continue
        for c in cl.cands:
            surface = " ".join(text[c.start:c.end].split())
            if len(surface) < 3 and not surface.isupper():
                continue
            forms.setdefault(surface, (idx, cl))
            if cl.label == "PERSON":
                parts = surface.split()
                if len(parts) >= 2 and len(parts[-1]) > 2:
                    forms.setdefault(parts[-1], (idx, cl))
    out: list[Cand] = []
    if not forms:
        return out
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+")
                           for f in sorted(forms, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w-])", text):
        if any(covered[m.start():m.end()]):
            continue
        surface = " ".join(m.group().split())
        idx, cl = forms[surface]
        template = cl.cands[0]
        c = Cand(m.start(), m.end(), cl.label, "propagated", canonical=template.canonical,
                 geo=template.geo)
        c.cluster = idx
        out.append(c)
        for k in range(m.start(), m.end()):
            covered[k] = True
    return out


# -- roles, affiliations, bases ------------------------------------------------------

_AGE = re.compile(r"^\d+-year-old\s+", re.I)
_ROLE_STOP = frozenset({"who", "which", "that", "based", "in", "at", "from", "for", "of", "with",
                        "and", "whose", "on", "since", "to", "until", "near", "living"})


def _describe(cl: Cluster, doc: Doc, text: _Text, cands: list[Cand]) -> None:
    """Role and affiliation from titles and appositives; gender from names and titles."""
    if cl.label != "PERSON":
        return
    for c in cl.cands:
        if c.role and not cl.role:
            cl.role = c.role
            cl.affiliation = cl.affiliation or c.affiliation
    for c in cl.cands:
        if cl.role:
            break
        role, affiliation = _role_before(doc_text(doc), c.start)
        if role:
            cl.role = role
            cl.affiliation = cl.affiliation or affiliation
    for c in cl.cands:
        if cl.role and cl.base:
            break
        role, affiliation, base = _appositive(doc, c.end, cands)
        if role and not cl.role:
            cl.role = role
        if affiliation and not cl.affiliation:
            cl.affiliation = affiliation
        if base and not cl.base:
            cl.base = base
    cl.gender = _gender(cl, doc_text(doc))


_ROLE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(“‘\"]))(?:[Tt]he|[Aa]n?)\s+"
    r"(?:(?P<owner>[\w-]+(?:\s[\w-]+)?)[’']s\s+)?"
    r"(?P<role>(?:[\w-]+\s+){0,2}?(?P<noun>[a-z-]+)),\s+$"
)


def _role_before(text: str, start: int) -> tuple[str | None, str | None]:
    """'A police spokesman, Chaibou Ibrahim', "The army's spokesman, Brig. Gen. ..." -> role."""
    m = _ROLE_BEFORE.search(text[max(0, start - 80):start])
    if not m or m.group("noun") not in lexicon.ROLE_NOUNS:
        return None, None
    return " ".join(m.group("role").split()), m.group("owner")


def _appositive(doc: Doc, end: int, cands: list[Cand]) -> tuple[str | None, str | None, str | None]:
    """', a defense expert based in St. Petersburg' after a name -> role, affiliation, base."""
    text = doc_text(doc)
    # ", a 62-year-old teacher": the article, then an age we skip
    m = re.match(r"\s*,\s+(?:a|an|the)\s+(?:\d+-year-old\s+)?", text[end:end + 200])
    if not m:
        return None, None, None
    start = end + m.end()
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None, None, None
    i = span.start
    role_toks: list[Token] = []
    while i < len(doc) and doc[i].lower_ not in _ROLE_STOP and not doc[i].is_punct \
            and doc[i].pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} and len(role_toks) < 6:
        role_toks.append(doc[i])
        i += 1
    while role_toks and role_toks[-1].pos_ not in {"NOUN", "PROPN"}:
        role_toks.pop()
    if not role_toks:
        return None, None, None
    role = _AGE.sub("", text[role_toks[0].idx:role_toks[-1].idx + len(role_toks[-1])])
    role_end = role_toks[-1].idx + len(role_toks[-1])
    affiliation = None
    base = None
    # an organisation named inside the role ("a senior UN official")
    for c in cands:
        if c.label == "ORG" and role_toks[0].idx <= c.start and c.end <= role_end:
            affiliation = doc_text(doc)[c.start:c.end]
    after = doc_text(doc)[role_end:role_end + 120]
    pm = re.match(r"\s+(for|of|at|with|to)\s+(?:the\s+)?", after)
    if pm:
        pos = role_end + pm.end()
        for c in cands:
            if c.start == pos and c.label in {"ORG", "GPE", "NORP"}:
                affiliation = " ".join(doc_text(doc)[c.start:c.end].split())
                break
    # the base: "based in X" anywhere in the appositive, or "in X" / "from X" right after the role
    clause = re.split(r"[.;,:!?’”\"]", after, maxsplit=1)[0]
    bm = re.search(r"\bbased\s+in\s+", clause) or re.match(r"\s+(?:in|from)\s+", clause)
    if bm:
        pos = role_end + bm.end()
        for c in cands:
            if c.start == pos and c.label in {"GPE", "LOC"}:
                base = " ".join(doc_text(doc)[c.start:c.end].split())
                break
    return " ".join(role.split()), affiliation, base


def _gender(cl: Cluster, text: str) -> Literal["f", "m"] | None:
    for c in cl.cands:
        role = (c.role or "").lower()
        if role in lexicon.FEMALE_TITLES:
            return "f"
        if role in lexicon.MALE_TITLES:
            return "m"
    words = cl.key.split()
    if not words:
        return None
    first = words[0]
    if first in lexicon.FEMALE_NAMES:
        return "f"
    if first in lexicon.MALE_NAMES:
        return "m"
    # Slavic naming: female surnames end in -ova/-eva/-ina/-ska/-aya.  A first name in
    # -a alone says nothing outside Slavic names (Thura Aung, Ilya, Hamza, Luca are men),
    # so it counts only beside a surname that ends in -a as well (Anna Kovalska).
    if len(words) >= 2 and (words[-1].endswith(("ova", "eva", "ska", "ina", "aya")) or
                            (first.endswith("a") and words[-1].endswith("a"))):
        return "f"
    return None


def _ordered(clusters: list[Cluster]) -> list[Cluster]:
    """Drop empty clusters and number the rest by first mention."""
    ordered = [cl for cl in clusters if cl.cands]
    ordered.sort(key=lambda cl: min(c.start for c in cl.cands))
    for n, cl in enumerate(ordered):
        for c in cl.cands:
            c.cluster = n
    return ordered


def build_entities(clusters: list[Cluster], text: str) -> list[Entity]:
    """Freeze clusters (as numbered by ``_ordered``) into entities ``E1``, ``E2``..."""
    out: list[Entity] = []
    for n, cl in enumerate(clusters, 1):
        mentions = sorted(cl.cands, key=lambda c: c.start)
        names = [" ".join(text[c.start:c.end].split()) for c in mentions if c.kind == "name"]
        canonical = next((c.canonical for c in mentions if c.canonical), None)
        geo = next((c.geo for c in mentions if c.geo is not None), None)
        if canonical is None and geo is not None and cl.label in {"GPE", "LOC"}:
            canonical = geo.name
        name = canonical or max(names, key=lambda s: (len(s.split()), len(s)), default="")
        out.append(Entity(
            id=f"E{n}",
            label=cl.label,
            name=name,
            mentions=tuple(Mention(Span(c.start, c.end, text[c.start:c.end]), c.kind)
                           for c in mentions),
            role=cl.role,
            affiliation=cl.affiliation,
            base=cl.base,
        ))
    return out
