"""Rewrite the golden records in tests/goldens/ from the bundled articles.

Run with `make goldens` after an intended change, then review `git diff tests/goldens`
before committing: the diff is the change in behaviour.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Relative paths, read from the repo's root, so that a record's `source` names no machine path.
ARTICLES = Path("samples") / "articles"
GOLDENS = Path("tests") / "goldens"


def records() -> list[tuple[str, dict[str, object]]]:
    """(golden file name, record) for every bundled article, as the pipeline gives them now."""
    from wirelens.ingest import read_inputs
    from wirelens.model import Failure
    from wirelens.pipeline import Pipeline
    from wirelens.report.serialize import to_dict

    items = list(read_inputs([ARTICLES]))
    bad = [i for i in items if isinstance(i, Failure)]
    if bad:
        raise RuntimeError("cannot read: " + "; ".join(map(str, bad)))
    return [(golden_name(r.article.source or r.article.id), to_dict(r))
            for r in Pipeline().pipe([i for i in items if not isinstance(i, Failure)])]


def main() -> int:
    import os

    os.chdir(ROOT)
    GOLDENS.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, data in records():
        (GOLDENS / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                    encoding="utf-8")
        written += 1
    print(f"wrote {written} golden records to {GOLDENS}")
    return 0


def golden_name(source: str) -> str:
    """samples/articles/03-x.jsonl:2 -> 03-x.jsonl-2.json"""
    base = Path(source.rsplit(":", 1)[0] if source.rsplit(":", 1)[-1].isdigit() else source).name
    line = source.rsplit(":", 1)[-1] if source.rsplit(":", 1)[-1].isdigit() else ""
    return f"{base}-{line}.json" if line else f"{base}.json"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
