"""Train the event classifier's weights and write them to the package data.

    .venv/bin/python scripts/train_events.py            # our sentences only (committed)
    .venv/bin/python scripts/train_events.py --acled ../shared/benchmarks/acled/acled_events.csv \
        --out event_weights_acled.json                  # plus the ACLED train split (not committed)

Multinomial logistic regression (numpy, full-batch gradient descent with L2) on
the features of ``wirelens.pipeline.events.classifier.features``, computed from
the same spaCy model the pipeline uses, so training and run time see the same
lemmas.  Only the ACLED *train* split (see ``wirelens.evaluate.events.split_of``)
is ever read here.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

from wirelens.pipeline.events.classifier import WEIGHTS_FILE, LinearModel, features
from wirelens.pipeline.events.taxonomy import MODEL_LABELS
from wirelens.pipeline.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "scripts" / "event_training.txt"
OUT = ROOT / "src" / "wirelens" / "data" / WEIGHTS_FILE
# Regularisation and steps: chosen so the model still fits our few hundred
# sentences (training accuracy ~1.0) but keeps small weights on rare words.
L2 = 1e-3
STEPS = 600
RATE = 2.0
# Weights smaller than this are dropped from the JSON file (they change no decision
# on our training sentences) to keep the package data small.
PRUNE = 0.02


def read_sentences(path: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    label = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("## "):
            label = line[3:].strip()
            if label not in MODEL_LABELS:
                raise SystemExit(f"unknown label {label!r} in {path}")
        elif line and not line.startswith("#") and label is not None:
            out.append((label, line))
    return out


def read_acled(path: Path, limit: int | None) -> list[tuple[str, str]]:
    from wirelens.evaluate.events import split_of

    out: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if split_of(row["event_id_cnty"]) != "train":
                continue
            out.append((row["sub_event_type"], row["notes"]))
            if limit and len(out) >= limit:
                break
    return out


def train(examples: list[tuple[str, str]], weights: list[float], *, source: str) -> LinearModel:
    nlp = Resources().nlp
    feats = [features(doc) for doc in nlp.pipe([text for _, text in examples], batch_size=64)]
    vocab = sorted({f for fs in feats for f in fs})
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)), dtype=np.float64)
    for row, fs in enumerate(feats):
        if fs:
            for f in fs:
                x[row, index[f]] = 1.0 / np.sqrt(len(fs))
    labels = list(MODEL_LABELS)
    y = np.zeros((len(examples), len(labels)))
    for row, (label, _) in enumerate(examples):
        y[row, labels.index(label)] = 1.0
    sw = np.asarray(weights)[:, None]
    sw = sw / sw.sum()
    w = np.zeros((len(vocab), len(labels)))
    b = np.zeros(len(labels))
    for _ in range(STEPS):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - y) * sw
        w -= RATE * (x.T @ grad + L2 * w)
        b -= RATE * grad.sum(axis=0)
    pred = (x @ w + b).argmax(axis=1)
    acc = float((pred == y.argmax(axis=1)).mean())
    print(f"trained on {len(examples)} examples, {len(vocab)} features, "
          f"training accuracy {acc:.3f}", file=sys.stderr)
    sparse = {f: tuple((k, round(float(w[i, k]), 3)) for k in range(len(labels))
                       if abs(w[i, k]) >= PRUNE) for f, i in index.items()}
    sparse = {f: ws for f, ws in sparse.items() if ws}
    return LinearModel(tuple(labels), tuple(round(float(v), 3) for v in b), sparse, source)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=Path, default=SENTENCES)
    ap.add_argument("--acled", type=Path, help="also train on this CSV's train split")
    ap.add_argument("--acled-weight", type=float, default=0.2,
                    help="weight of one ACLED note against one of our sentences")
    ap.add_argument("--acled-limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    examples = read_sentences(args.sentences)
    weights = [1.0] * len(examples)
    source = f"{args.sentences.name} ({len(examples)} sentences written for wirelens)"
    if args.acled:
        notes = read_acled(args.acled, args.acled_limit)
        examples += notes
        weights += [args.acled_weight] * len(notes)
        source += f" + {len(notes)} ACLED train-split notes"
    model = train(examples, weights, source=source)
    args.out.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
