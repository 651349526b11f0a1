"""The component contract.

Every analysis step is a component: a module in this package that registers one
class with :func:`component`, declaring its name, what it *requires* from the
steps before it and what it *assigns* (in the manner of spaCy's
``Language.factory``).  :class:`~wirelens.pipeline.Pipeline` checks the order of
the components before it runs anything, so a missing prerequisite is a
configuration error, not a silent empty result.

A component works on a :class:`Context`: the parsed spaCy ``Doc`` plus the
lists that components fill.  The context is mutable while one document is being
analysed; :meth:`Context.freeze` turns it into the frozen :class:`Analysis`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from wirelens import lexicon
from wirelens.geo.names import fold
from wirelens.model import Analysis, Article, Entity, Event, Place, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wirelens.pipeline.resources import Resources

#: What the spaCy pass provides before any component runs.
PROVIDED = frozenset({"doc", "article"})


@dataclass
class Context:
    """Working state for one document while the components run."""

    article: Article
    doc: Doc
    resources: Resources
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Scratch space that one component leaves for later ones, keyed by the
    # component's declared ``assigns`` names (e.g. "mentions").
    extra: dict[str, Any] = field(default_factory=dict)

    def freeze(self) -> Analysis:
        return Analysis(
            article=self.article,
            entities=tuple(self.entities),
            quotes=tuple(self.quotes),
            places=tuple(self.places),
            events=tuple(self.events),
            warnings=tuple(self.warnings),
            focus=tuple(self.extra.get("focus", ())),
        )


_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def is_title_case(line: str) -> bool:
    """'Both Sides Agree To Return': a headline in title case, which the small model
    parses as a run of names (entities and quotes both distrust it).

    Short words ("of", "to", "in") may stay lower case; four words at least.
    """
    words = _WORD.findall(line)
    if len(words) < 4:
        return False
    upper = sum(1 for w in words if w[:1].isupper())
    capped = sum(1 for w in words if w[:1].isupper() or len(w) <= 3)
    return capped / len(words) > 0.8 and upper >= 4


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document.

    spaCy rebuilds ``Doc.text`` from its tokens on every access, so a component
    that reads it in a loop pays the whole document each time (it was 90% of the
    components' time before this cache; see bench/bench_analyze.py).
    """
    text: str | None = doc.user_data.get("wirelens.text")
    if text is None:
        text = doc.text
        doc.user_data["wirelens.text"] = text
    return text


class Component(Protocol):
    """What a registered component class looks like."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __init__(self, resources: Resources) -> None: ...

    def __call__(self, ctx: Context) -> None: ...


REGISTRY: dict[str, type[Component]] = {}

C = TypeVar("C")


def component(
    name: str, *, requires: tuple[str, ...], assigns: tuple[str, ...]
) -> Callable[[type[C]], type[C]]:
    """Register a component class under ``name`` with its contract."""

    def register(cls: type[C]) -> type[C]:
        if name in REGISTRY:
            raise ValueError(f"component {name!r} is registered twice")
        cls.name = name  # type: ignore[attr-defined]
        cls.requires = requires  # type: ignore[attr-defined]
        cls.assigns = assigns  # type: ignore[attr-defined]
        REGISTRY[name] = cls  # type: ignore[assignment]
        return cls

    return register


def check_order(names: list[str]) -> None:
    """Raise ValueError when a component runs before what it requires."""
    available = set(PROVIDED)
    for name in names:
        if name not in REGISTRY:
            known = ", ".join(sorted(REGISTRY))
            raise ValueError(f"unknown component {name!r} (known: {known})")
        cls = REGISTRY[name]
        missing = [r for r in cls.requires if r not in available]
        if missing:
            raise ValueError(
                f"component {name!r} requires {', '.join(missing)}, "
                "which no earlier component assigns"
            )
        available.update(cls.assigns)


def untagged_runs(doc: Doc, taken: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character spans of runs of capitalised proper nouns (up to three words) outside
    the model's entities and outside the ``taken`` character spans: the names the
    small model left untagged (the entity layer's persons, the places' local towns)."""
    from spacy.attrs import ENT_IOB, IS_ALPHA, POS
    from spacy.symbols import PROPN

    covered = bytearray(len(doc_text(doc)) + 1)
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    # one array pass instead of a Python loop over every token (bench_places)
    attrs = doc.to_array([POS, IS_ALPHA, ENT_IOB])
    mask = (attrs[:, 0] == PROPN) & (attrs[:, 1] == 1) & ((attrs[:, 2] == 0) | (attrs[:, 2] == 2))
    out: list[tuple[int, int]] = []
    run: list[int] = []
    for i in mask.nonzero()[0].tolist():
        tok = doc[i]
        if not tok.text[:1].isupper() or covered[tok.idx]:
            continue
        if run and i != run[-1] + 1:
            if len(run) <= 3:
                out.append((doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])))
            run = []
        run.append(i)
    if run and len(run) <= 3:
        out.append((doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])))
    return out


_LAST_CAPITALISED = re.compile(r"([A-Z][a-z]+)[ \t]+$")


def after_first_name(text: str, start: int) -> bool:
    """Whether a known first name stands right before ``start``.

    "Taras Melnyk" where the model tagged only "Melnyk": the word is a surname,
    not the village that bears it.
    """
    m = _LAST_CAPITALISED.search(text, max(0, start - 40), start)
    if m is None:
        return False
    first = fold(m.group(1))
    return first in lexicon.MALE_NAMES or first in lexicon.FEMALE_NAMES
