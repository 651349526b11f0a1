"""A synthetic corpus of any size from our fictional sample articles.

    python bench/make_corpus.py N OUT [--seed S] [--republished 0.1]

writes N plain-text articles (with front matter: outlet, url, published) into
the folder OUT.  Each is one of ``samples/articles/*.txt`` with its body
paragraphs shuffled and about a quarter left out (the lead stays first), a few
names, places and weekdays swapped from small lists, and a new date, so every
file is a distinct article
with a distinct id.  About a tenth (``--republished``) are near-duplicate
republications of an earlier generated article under another outlet's name:
the same text with a word or two edited and a credit line added, so they
group into one story at Jaccard >= 0.9 (``wirelens.store.dedup``).

Everything stays fictional: the lists below are invented or generic.
The same N and seed give the same corpus.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"

# Swapped wholesale, each for another of the same list.
SURNAMES = ["Bondar", "Shevchuk", "Levchenko", "Hnatiuk", "Kostenko", "Hrytsenko",
            "Hordiienko", "Melnyk", "Tkachenko", "Savchuk"]
PLACES = ["Kostiantynivka", "Kramatorsk", "Sloviansk", "Dnipro", "Kherson", "Mykolaiv",
          "Zaporizhzhia", "Pokrovsk", "Orikhiv", "Kharkiv"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Northern Relay", "Coastal Telegraph", "Daily Meridian Digest", "Open Steppe News",
           "Harbour Evening Courier", "Crossroads Monitor", "Plains Gazette Online",
           "Riverbank Herald", "Frontier Bulletin Network", "Unity Press Service"]
# Small edits republishers make; one is applied when its word is found.
EDITS = [("said", "stated"), ("told", "informed"), ("about", "around"), ("killed", "dead"),
         ("town", "city"), ("officials", "authorities")]


@dataclass(frozen=True)
class Sample:
    name: str
    title: str
    paragraphs: list[str]


@dataclass(frozen=True)
class Generated:
    title: str
    body: str
    published: date


def load_samples() -> list[Sample]:
    samples = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _, rule, body = text.partition("\n---\n")
        parts = [p.strip() for p in (body if rule else text).split("\n\n") if p.strip()]
        samples.append(Sample(path.stem, parts[0], parts[1:]))
    return samples


def _swap(text: str, words: list[str], rng: random.Random) -> str:
    """Replace each listed word found in ``text`` by another one of the list, consistently."""
    found = [w for w in words if re.search(rf"\b{w}\b", text)]
    if not found:
        return text
    targets = rng.sample(words, len(found))
    mapping = dict(zip(found, targets, strict=True))
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, found)) + r")\b")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def variant(sample: Sample, rng: random.Random, start: date) -> Generated:
    paragraphs = list(sample.paragraphs)
    lead, rest = paragraphs[:1], paragraphs[1:]
    # Shuffling alone would keep almost every 5-word shingle, and all variants of a
    # sample would be one story: leave out about a quarter of the paragraphs too.
    kept = [p for p in rest if rng.random() < 0.75]
    rest = kept if len(kept) >= 2 else rest[:2]
    rng.shuffle(rest)
    body = "\n\n".join(lead + rest)
    title = sample.title
    for words in (SURNAMES, PLACES, WEEKDAYS):
        mixed = _swap(f"{title}\n\n{body}", words, rng)
        title, _, body = mixed.partition("\n\n")
    return Generated(title, body, start + timedelta(days=rng.randrange(365)))


def republish(original: Generated, rng: random.Random, outlet: str) -> Generated:
    body = original.body
    for old, new in rng.sample(EDITS, 2):
        body = re.sub(rf"\b{old}\b", new, body, count=1)
    return Generated(original.title, f"{body}\n\n(Republished from wire reports by {outlet}.)",
                     original.published + timedelta(days=rng.randrange(0, 3)))


def write(path: Path, item: Generated, *, outlet: str, url: str) -> None:
    path.write_text(
        "---\nfictional: true\nnote: Synthetic variant of a fictional wirelens sample.\n"
        f"outlet: {outlet}\nurl: {url}\npublished: {item.published.isoformat()}\n---\n"
        f"{item.title}\n\n{item.body}\n",
        encoding="utf-8",
    )


def make_corpus(n: int, out: Path, *, seed: int = 6, republished: float = 0.1) -> list[Path]:
    """Write ``n`` articles into ``out``; return their paths in order."""
    rng = random.Random(seed)
    samples = load_samples()
    out.mkdir(parents=True, exist_ok=True)
    made: list[tuple[Generated, str]] = []
    paths = []
    for i in range(n):
        if made and rng.random() < republished:
            original, first_outlet = rng.choice(made)
            outlet = rng.choice([o for o in OUTLETS if o != first_outlet])
            item = republish(original, rng, outlet)
        else:
            sample = samples[i % len(samples)]
            outlet = rng.choice(OUTLETS)
            item = variant(sample, rng, date(2025, 1, 1))
            made.append((item, outlet))
        slug = outlet.lower().replace(" ", "-")
        path = out / f"{i:07d}.txt"
        write(path, item, outlet=outlet, url=f"https://example.org/{slug}/{i:07d}")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="articles to write")
    parser.add_argument("out", type=Path, metavar="OUT", help="folder to write them into")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--republished", type=float, default=0.1,
                        help="share of near-duplicate republications (default: 0.1)")
    args = parser.parse_args()
    paths = make_corpus(args.n, args.out, seed=args.seed, republished=args.republished)
    print(f"{len(paths)} articles in {args.out}")


if __name__ == "__main__":
    main()
