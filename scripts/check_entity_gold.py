"""Check the entity gold annotations in tests/gold/entities/ against samples/articles/.

Every gold file names a plain-text article.  The article's *text* is the file content
after the front matter: when the file starts with a ``---`` line, the text begins right
after the newline that ends the next line consisting of ``---`` alone.  Every mention's
``start``/``end`` are Python ``str`` offsets into that text, and
``text[start:end]`` must equal the mention's ``text``.

Exit status 0 and a one-line summary when everything checks out; exit status 1 with
one line per problem (naming the gold file and the mention) otherwise.

Usage: python scripts/check_entity_gold.py [GOLD_DIR [ARTICLES_DIR]]
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC"}
KINDS = {"name", "pronoun", "description"}


def strip_front_matter(raw: str) -> str:
    """Return the article text: everything after the line that closes the front matter."""
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return raw
    offset = len(lines[0])
    for line in lines[1:]:
        offset += len(line)
        if line.rstrip("\r\n") == "---":
            return raw[offset:]
    raise ValueError("front matter is not closed by a '---' line")


def check_file(gold_path: Path, articles_dir: Path) -> tuple[list[str], int, int]:
    """Return (problems, entity count, mention count) for one gold file."""
    name = gold_path.name
    try:
        gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{name}: cannot read gold file: {exc}"], 0, 0
    article = gold.get("article")
    if not isinstance(article, str):
        return [f"{name}: missing 'article'"], 0, 0
    article_path = articles_dir / article
    try:
        text = strip_front_matter(article_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{name}: cannot read article {article}: {exc}"], 0, 0

    problems: list[str] = []
    entities = gold.get("entities")
    if not isinstance(entities, list):
        return [f"{name}: 'entities' must be a list"], 0, 0
    n_mentions = 0
    spans: list[tuple[int, int, str]] = []
    for i, ent in enumerate(entities):
        where = f"{name}: entity #{i} {ent.get('label')} {ent.get('name')!r}"
        if ent.get("label") not in LABELS:
            problems.append(f"{where}: unknown label")
        if not isinstance(ent.get("name"), str) or not ent.get("name"):
            problems.append(f"{where}: missing name")
        mentions = ent.get("mentions")
        if not isinstance(mentions, list) or not mentions:
            problems.append(f"{where}: no mentions")
            continue
        for m in mentions:
            n_mentions += 1
            start, end, mtext = m.get("start"), m.get("end"), m.get("text")
            label = f"{where}: mention {mtext!r} [{start}:{end}]"
            if m.get("kind") not in KINDS:
                problems.append(f"{label}: unknown kind {m.get('kind')!r}")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
                problems.append(f"{label}: bad offsets")
                continue
            if end > len(text):
                problems.append(f"{label}: past the end of the text ({len(text)} chars)")
                continue
            if text[start:end] != mtext:
                problems.append(f"{label}: text there is {text[start:end]!r}")
            spans.append((start, end, f"{ent.get('name')!r}/{mtext!r}"))
    spans.sort()
    for (s1, e1, d1), (s2, e2, d2) in itertools.pairwise(spans):
        if s2 < e1:
            problems.append(f"{name}: mentions overlap: {d1} [{s1}:{e1}] and {d2} [{s2}:{e2}]")
    return problems, len(entities), n_mentions


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "gold" / "entities"
    articles_dir = Path(argv[2]) if len(argv) > 2 else ROOT / "samples" / "articles"
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        print(f"no gold files in {gold_dir}")
        return 1
    problems: list[str] = []
    n_entities = n_mentions = 0
    covered = set()
    for path in gold_files:
        found, ents, ments = check_file(path, articles_dir)
        problems.extend(found)
        n_entities += ents
        n_mentions += ments
        covered.add(path.stem)
    for article in sorted(articles_dir.glob("*.txt")):
        if article.stem not in covered:
            problems.append(f"{article.name}: no gold file {article.stem}.json")
    if problems:
        for problem in problems:
            print(problem)
        print(f"FAILED: {len(problems)} problem(s) in {len(gold_files)} gold files")
        return 1
    print(
        f"OK: {len(gold_files)} gold files, {n_entities} entities, "
        f"{n_mentions} mentions, all offsets match"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
