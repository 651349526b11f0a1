"""A small linear model over a sentence's lemmas, plus the trigger table.

The model is multinomial logistic regression on binary lemma and lemma-bigram
features, trained by ``scripts/train_events.py`` on example sentences we wrote
ourselves (``scripts/event_training.txt``) and stored sparse in
``wirelens/data/event_weights.json``.  At run time it is a dictionary lookup
per feature: no numpy, no second parse.  The trigger table of ``taxonomy.py``
adds its weights to the model's scores, so a weapon word decides where the
model, trained on a few hundred sentences, is unsure.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING

from wirelens.pipeline.events.taxonomy import MODEL_LABELS, TRIGGERS, compile_triggers

if TYPE_CHECKING:
    from spacy.tokens import Token

WEIGHTS_FILE = "event_weights.json"
# Words kept although spaCy calls them stop words: they change the event.
KEEP_STOP = frozenset({"down", "up", "off", "out", "back", "over", "against", "without",
                       "into", "fire", "set", "take", "took", "call", "called", "put",
                       "no", "not", "on", "for"})
_NUMERIC = re.compile(r"^[\d.,]+$")


def features(tokens: Iterable[Token]) -> list[str]:
    """Binary features of a stretch of tokens: lemmas, proper-name classes, bigrams."""
    units: list[str] = []
    for tok in tokens:
        if tok.is_punct or tok.is_space or tok.is_quote:
            continue
        if tok.like_num or _NUMERIC.match(tok.text):
            units.append("NUM")
            continue
        if tok.pos_ == "PROPN":
            units.append("ENT_" + (tok.ent_type_ or "PROPN"))
            continue
        lemma = tok.lemma_.lower()
        if tok.is_stop and lemma not in KEEP_STOP and tok.lower_ not in KEEP_STOP:
            continue
        units.append(lemma)
    feats = {"w:" + u for u in units}
    feats.update(f"b:{a}_{b}" for a, b in pairwise(units))
    return sorted(feats)


@dataclass(frozen=True, slots=True)
class LinearModel:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]
    trained_on: str

    def scores(self, feats: Sequence[str]) -> list[float]:
        """Logits: the bias plus each present feature's weights, features L2-normalised."""
        out = list(self.bias)
        present = [f for f in feats if f in self.weights]
        if not present:
            return out
        scale = 1.0 / math.sqrt(len(feats))
        for f in present:
            for k, w in self.weights[f]:
                out[k] += w * scale
        return out

    def to_json(self) -> dict[str, object]:
        return {"labels": list(self.labels), "bias": list(self.bias),
                "weights": {f: [[k, w] for k, w in ws] for f, ws in sorted(self.weights.items())},
                "trained_on": self.trained_on}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        labels = tuple(str(x) for x in data["labels"])  # type: ignore[attr-defined]
        bias = tuple(float(x) for x in data["bias"])  # type: ignore[attr-defined]
        raw: dict[str, list[list[float]]] = data["weights"]  # type: ignore[assignment]
        weights = {f: tuple((int(k), float(w)) for k, w in ws) for f, ws in raw.items()}
        return cls(labels, bias, weights, str(data.get("trained_on", "")))


def empty_model() -> LinearModel:
    """A model that knows nothing: the triggers alone decide (before training)."""
    return LinearModel(MODEL_LABELS, tuple(0.0 for _ in MODEL_LABELS), {}, "nothing")


@cache
def load_model() -> LinearModel:
    """The packaged weights, read once per process; the empty model if not built yet."""
    path = resources.files("wirelens") / "data" / WEIGHTS_FILE
    if not path.is_file():
        return empty_model()
    model = LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    if model.labels != MODEL_LABELS:
        # weights from an older label set would be read against the wrong labels
        return empty_model()
    return model


@cache
def triggers() -> dict[str, list[tuple[re.Pattern[str], float]]]:
    return compile_triggers()


@cache
def _grouped() -> tuple[re.Pattern[str], tuple[tuple[str, tuple[tuple[float, re.Pattern[str]],
                                                                   ...]], ...]]:
    """The triggers as one alternation per (sub-type, weight), strongest first, plus one
    pattern of them all: a sentence with no trigger costs one search."""
    per_sub: list[tuple[str, tuple[tuple[float, re.Pattern[str]], ...]]] = []
    every: list[str] = []
    for sub, pats in TRIGGERS.items():
        by_weight: dict[float, list[str]] = {}
        for p, w in pats:
            by_weight.setdefault(w, []).append(p)
            every.append(p)
        per_sub.append((sub, tuple((w, re.compile("|".join(f"(?:{p})" for p in ps)))
                                   for w, ps in sorted(by_weight.items(), reverse=True))))
    return re.compile("|".join(f"(?:{p})" for p in every)), tuple(per_sub)


def trigger_scores(text: str) -> dict[str, float]:
    """Per sub-type, the weight of its strongest trigger found in ``text`` (lower-cased)."""
    low = text.lower()
    anything, per_sub = _grouped()
    out: dict[str, float] = {}
    if anything.search(low) is None:
        return out
    for sub, levels in per_sub:
        for w, rx in levels:
            if rx.search(low):
                out[sub] = w
                break
    return out


def softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
