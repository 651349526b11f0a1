"""List quote-attribution errors on a PolNeAR split, by category.

    python scripts/quote_errors.py SPLIT_DIR [--limit N] [--show CATEGORY] [--n 20]
                                   [--by-cue] [--dump FILE]

Tune on the train split only.  Every gold attribution that is not matched
exactly, and every prediction matched to nothing, falls in one of three
groups, each split by what went wrong:

* ``bound: S|N start:CLASS`` and ``bound: S|N end:CLASS`` -- matched by
  overlap (the prediction covers half the gold words) but the characters
  differ; each side that differs is counted under its construction: a
  leading "that", a trailing attribution (", he said"), a relative aside
  (", which ..."), a coordinated clause (", and ..."), sentence-final
  punctuation, another sentence, content before the cue, a lead-in word
  ("But"), a phrase after a comma, or "other";
* ``miss: S|N KIND`` -- a gold attribution no prediction covers by half,
  by the kind of its cue (speech verb, "according to", belief, intention,
  cognition, other verb, noun, adjective, preposition, colon, none), with
  ``+cue`` when we did find its cue (the content went wrong, not the cue);
* ``fp: KIND`` -- a prediction matched to nothing, by the kind of its cue,
  with ``+overlap`` when it touches a gold content (a boundary error that
  costs a miss and a false alarm).

S and N: the gold cue is or is not speech (the scorer's speech row).
``--by-cue`` keys misses and false alarms by the cue's words instead.
``--show`` prints examples of one category (as printed in the summary).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from wirelens.evaluate.quotes import (
    Frag,
    GoldDocument,
    _chars,
    _words,
    group_predictions,
    read_polnear,
)
from wirelens.model import Analysis, Article
from wirelens.pipeline.cues import (
    ATTITUDE_LEMMAS,
    COGNITION_LEMMAS,
    INTENTION_LEMMAS,
    SPEECH_LEMMAS,
    is_speech_cue,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SPEECH_AFTER = re.compile(r"^\W*,\s*(?:[\w.’'-]+\s+){0,6}?(?:said|says|told|added|wrote|"
                           r"according|noted|argued|explained|insisted|continued)\b", re.I)
_RELATIVE = re.compile(r"^\W*[,—–-]\s*(?:which|who|whose|whom|where|when)\b", re.I)
_COORDINATED = re.compile(r"^\W*,?\s*(?:and|but|or|yet|while|though|although)\b", re.I)
_LEAD_IN = re.compile(r"^\s*(?:but|and|so|still|yet|now|also|however|instead|meanwhile|"
                      r"then|indeed|in fact|moreover|for example)\b[\s,]*$", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?][’”\"']?\s+[‘“\"'A-Z]")
_MARKS = " \t\n.,;:!?\"'“”‘’«»—–-()"


def collect(split: Path, *, limit: int | None = None) -> Iterator[tuple[GoldDocument, Doc,
                                                                        Analysis]]:
    """Each document with its parse and the pipeline's analysis."""
    from wirelens.pipeline import Pipeline
    from wirelens.pipeline.base import Context

    pipe = Pipeline(components=("entities", "coref", "quotes"))
    docs = list(read_polnear(split, limit=limit))
    texts = [d.text for d in docs]
    for gold, doc in zip(docs, pipe.resources.nlp.pipe(texts), strict=True):
        article = Article(id=gold.name, text=gold.text, language="en", source=gold.name)
        ctx = Context(article=article, doc=doc, resources=pipe.resources)
        for component in pipe.components:
            component(ctx)
        yield gold, doc, ctx.freeze()


def cue_kind(doc: Doc, text: str, cue: tuple[Frag, ...]) -> str:
    """The kind of a cue by its head word: speech, belief, intention, noun, colon, ..."""
    if not cue:
        return "no cue"
    words = " ".join(text[a:b] for a, b in cue)
    if "according" in words.lower():
        return "according to"
    toks = [t for t in doc if any(a <= t.idx < b for a, b in cue) and not t.is_punct]
    if not toks:
        return "colon" if ":" in words else "punctuation"
    verbs = [t for t in toks if t.pos_ in {"VERB", "AUX"}]
    for t in verbs or toks:
        lemma = t.lemma_.lower()
        if lemma in SPEECH_LEMMAS:
            return "speech verb" if t.pos_ in {"VERB", "AUX"} else "speech noun"
    if verbs:
        lemma = verbs[-1].lemma_.lower()
        if lemma in ATTITUDE_LEMMAS:
            return "belief/stance verb"
        if lemma in INTENTION_LEMMAS:
            return "intention verb"
        if lemma in COGNITION_LEMMAS:
            return "cognition verb"
        if lemma in {"seem", "appear", "expect", "likely", "tend"}:
            return "raising verb"
        return "other verb"
    head = toks[-1]
    if head.pos_ in {"NOUN", "PROPN"}:
        return "speech noun" if is_speech_cue(words) else "noun"
    if head.pos_ == "ADJ":
        return "adjective"
    if head.pos_ == "ADP":
        return "preposition"
    return "other"


def start_class(text: str, gold: tuple[Frag, ...], pred: tuple[Frag, ...],
                cue: tuple[Frag, ...]) -> str | None:
    """What differs at the start of a matched prediction, by construction."""
    gs, ps = gold[0][0], pred[0][0]
    if gs == ps or not text[min(gs, ps):max(gs, ps)].strip(_MARKS):
        return None if gs == ps else "punctuation"
    diff = text[min(gs, ps):max(gs, ps)]
    if diff.strip(_MARKS).lower() == "that":
        return "extra 'that'" if ps < gs else "missing 'that'"
    if _mid_word(text, gs) or _mid_word(text, ps):
        return "gold or prediction starts inside a word"
    cue_at = cue[0][0] if cue else None
    gold_head = text[gs:gs + 3].lower()
    if ps < gs:
        if cue_at is not None and ps <= cue_at < gs:
            return "extra cue/attribution"
        if gold_head == "to " or re.search(r"\b(?:of|as|for|on|about)\W*$", diff):
            return "extra object ('urged X to', 'accused X of')"
        if diff.rstrip(" \n\t\"'“”‘’").endswith((",", "—", "–", "―")):
            return "extra lead-in phrase ('In addition,')"
        if _LEAD_IN.match(diff.strip(_MARKS) + " "):
            return "extra lead-in word"
        if _SENTENCE_BREAK.search(diff):
            return "extra earlier sentence"
        return "extra other"
    if cue_at is not None and gs < cue_at <= ps:
        return "content before the cue"
    if diff.rstrip(" \n\t\"'“”‘’").endswith(":"):
        return "missing words before a colon"
    if _LEAD_IN.match(diff.strip(_MARKS) + " "):
        return "missing lead-in word"
    if _SENTENCE_BREAK.search(diff):
        return "missing earlier sentence"
    return "missing other"


def _mid_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalpha() and text[at].isalpha()


def end_class(text: str, gold: tuple[Frag, ...], pred: tuple[Frag, ...]) -> str | None:
    """What differs at the end of a matched prediction, by construction."""
    ge, pe = gold[-1][1], pred[-1][1]
    if ge == pe:
        return None
    diff = text[min(ge, pe):max(ge, pe)]
    side = "extra" if pe > ge else "missing"
    if _mid_word(text, ge) or _mid_word(text, pe):
        return "gold or prediction ends inside a word"
    if not diff.strip(_MARKS):
        return f"{side} punctuation"
    if _SENTENCE_BREAK.search(diff):
        return f"{side} later sentence"
    if side == "extra" and _SPEECH_AFTER.match(diff):
        return "extra trailing attribution"
    if _RELATIVE.match(diff):
        return f"{side} relative aside"
    if _COORDINATED.match(diff):
        return f"{side} coordinated clause"
    if diff.lstrip()[:1] in {",", "—", "–", "-", "("}:
        return f"{side} phrase after a comma"
    return f"{side} other"


def inside_class(text: str, gold: tuple[Frag, ...], pred: tuple[Frag, ...]) -> str:
    if len(gold) != len(pred):
        return f"parts: gold {min(len(gold), 3)} pred {min(len(pred), 3)}"
    return "inside differs"


def categorize(gold: GoldDocument, doc: Doc, analysis: Analysis, *, by_cue: bool = False
               ) -> Iterator[tuple[str, str]]:
    """(category, example) for each exact-span error of one document."""
    text = gold.text
    preds = group_predictions(analysis.quotes)
    pred_chars = [_chars(text, p.content) for p in preds]
    cands: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold.attributions):
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
    gold_chars = [_chars(text, g.content) for g in gold.attributions]
    for gi, g in enumerate(gold.attributions):
        s = "S" if g.speech else "N"
        gold_text = " | ".join(text[a:b] for a, b in g.content)
        if gi not in match:
            if by_cue:
                key = " ".join(g.cue_text.lower().split())
            else:
                found_cue = any(p.cue is not None and _overlap((p.cue,), g.cue) for p in preds)
                key = cue_kind(doc, text, g.cue) + (" +cue" if found_cue else "")
            yield f"miss: {s} {key}", f"{gold.name}: cue={g.cue_text!r} {gold_text[:240]!r}"
            continue
        p = preds[match[gi]]
        if pred_chars[match[gi]] == gold_chars[gi]:
            continue
        gf, pf = _sorted(g.content), _sorted(p.content)
        example = (f"{gold.name}: cue={g.cue_text!r}\n  gold {gold_text[:400]!r}\n"
                   f"  pred {' | '.join(text[a:b] for a, b in pf)[:400]!r}")
        start, end = start_class(text, gf, pf, g.cue), end_class(text, gf, pf)
        if start:
            yield f"bound: {s} start:{start}", example
        if end:
            yield f"bound: {s} end:{end}", example
        if not start and not end:
            yield f"bound: {s} {inside_class(text, gf, pf)}", example
    matched = set(match.values())
    for pi, p in enumerate(preds):
        if pi in matched:
            continue
        cue = p.quotes[0].cue
        if by_cue:
            key = cue.text.lower() if cue else "<none>"
        else:
            key = cue_kind(doc, text, () if cue is None else ((cue.start, cue.end),))
            if p.quotes[0].kind != "indirect":
                key += " (marks)"
            if any(_overlap(p.content, g.content) for g in gold.attributions):
                key += " +overlap"
        yield f"fp: {key}", f"{gold.name}: {text[p.content[0][0]:p.content[-1][1]][:240]!r}"


def _sorted(frags: tuple[Frag, ...]) -> tuple[Frag, ...]:
    return tuple(sorted(frags))


def _overlap(a: tuple[Frag, ...], b: tuple[Frag, ...]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def summarize(rows: Iterator[tuple[str, str]]) -> tuple[Counter[str], dict[str, list[str]]]:
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for cat, example in rows:
        counts[cat] += 1
        examples[cat].append(example)
    return counts, examples


def print_summary(counts: Counter[str], n: int) -> None:
    for prefix in ("bound", "miss", "fp"):
        group = [(c, k) for c, k in counts.items() if c.startswith(prefix)]
        print(f"== {prefix}: {sum(k for _, k in group)}")
        for cat, k in sorted(group, key=lambda ck: (-ck[1], ck[0]))[:n]:
            print(f"{k:6d}  {cat}")


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default=None)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--by-cue", action="store_true",
                    help="key misses and false alarms by the cue's words")
    ap.add_argument("--dump", type=Path, default=None,
                    help="also write every example of every category to this file")
    args = ap.parse_args()

    rows = (row for gold, doc, analysis in collect(args.split, limit=args.limit)
            for row in categorize(gold, doc, analysis, by_cue=args.by_cue))
    counts, examples = summarize(rows)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for cat, k in sorted(counts.items(), key=lambda ck: -ck[1]):
                out.write(f"### {k} {cat}\n")
                out.writelines(line + "\n" for line in examples.get(cat, []))
    if args.show:
        for line in examples.get(args.show, [])[:args.n]:
            print(line)
        return
    print_summary(counts, args.n)


if __name__ == "__main__":
    main()
