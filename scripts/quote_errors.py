"""List quote-attribution errors on a PolNeAR split, by category.

    python scripts/quote_errors.py SPLIT_DIR [--limit N] [--show CATEGORY] [--n 20] [--dump FILE]

Tune on the train split only.  Categories:

* ``miss: S|N CUE`` -- a gold attribution no prediction covers by half
  (S: speech cue, N: other cue), keyed by its lower-cased cue;
* ``bound: S|N start:... end:...`` -- matched by overlap but not exactly,
  with where the predicted span starts and ends against the gold one;
* ``fp: CUE`` -- a prediction matched to nothing, keyed by its cue.

``--show`` prints examples of one category (as printed in the summary).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from wirelens.evaluate.quotes import (
    GoldAttribution,
    _chars,
    _words,
    group_predictions,
    read_polnear,
)
from wirelens.model import Article


def _side(pred: int, gold: int, early: str, late: str) -> str:
    return "=" if pred == gold else (early if pred < gold else late)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default=None)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--dump", type=Path, default=None,
                    help="also write every example of every category to this file")
    args = ap.parse_args()

    from wirelens.pipeline import Pipeline

    pipe = Pipeline(components=("entities", "coref", "quotes"))
    docs = list(read_polnear(args.split, limit=args.limit))
    articles = [Article(id=d.name, text=d.text, language="en", source=d.name) for d in docs]
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for doc, analysis in zip(docs, pipe.pipe(articles), strict=True):
        text = doc.text
        preds = group_predictions(analysis.quotes)
        pred_chars = [_chars(text, p.content) for p in preds]
        cands: list[tuple[float, int, int]] = []
        for gi, g in enumerate(doc.attributions):
            words = _words(text, g.content)
            for pi, pc in enumerate(pred_chars):
                share = sum(1 for a, b in words if any(k in pc for k in range(a, b))) / \
                    max(1, len(words))
                if words and share >= 0.5:
                    cands.append((-share, gi, pi))
        match: dict[int, int] = {}
        for _, gi, pi in sorted(cands):
            if gi not in match and pi not in match.values():
                match[gi] = pi
        for gi, g in enumerate(doc.attributions):
            key = _gold_key(g)
            gold_text = " | ".join(text[a:b] for a, b in g.content)
            if gi not in match:
                cat = f"miss: {key}"
                examples[cat].append(f"{doc.name}: {gold_text[:200]!r}")
            else:
                p = preds[match[gi]]
                if pred_chars[match[gi]] == _chars(text, g.content):
                    continue
                ps, pe = min(a for a, _ in p.content), max(b for _, b in p.content)
                gs, ge = min(a for a, _ in g.content), max(b for _, b in g.content)
                cat = (f"bound: {key[0]} start:{_side(ps, gs, 'early', 'late')} "
                       f"end:{_side(pe, ge, 'short', 'long')}")
                pred_text = " | ".join(text[a:b] for a, b in p.content)
                examples[cat].append(f"{doc.name}:\n  gold {gold_text[:300]!r}\n"
                                     f"  pred {pred_text[:300]!r}")
            counts[cat] += 1
        for pi, p in enumerate(preds):
            if pi not in match.values():
                cue = p.quotes[0].cue
                cat = f"fp: {cue.text.lower() if cue else '<none>'}"
                counts[cat] += 1
                span = text[p.content[0][0]:p.content[-1][1]]
                examples[cat].append(f"{doc.name}: {span[:200]!r}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for cat, n in sorted(counts.items(), key=lambda cn: -cn[1]):
                out.write(f"### {n} {cat}\n")
                out.writelines(line + "\n" for line in examples.get(cat, []))
    if args.show:
        for line in examples.get(args.show, [])[:args.n]:
            print(line)
        return
    for prefix in ("miss", "bound", "fp"):
        group = [(c, n) for c, n in counts.items() if c.startswith(prefix)]
        print(f"== {prefix}: {sum(n for _, n in group)}")
        for cat, n in sorted(group, key=lambda cn: -cn[1])[:args.n]:
            print(f"{n:6d}  {cat}")


def _gold_key(g: GoldAttribution) -> str:
    return f"{'S' if g.speech else 'N'} {' '.join(g.cue_text.lower().split())}"


if __name__ == "__main__":
    main()
