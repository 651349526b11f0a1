"""Check the place (toponym) gold in tests/gold/places/ against the articles it names.

Each gold file holds one article record: ``article`` (a path relative to the project
root), ``record`` (the record's index within that file, 0 for single-article files) and
``toponyms``.  The text is read with :func:`wirelens.ingest.read_inputs`, exactly as the
pipeline sees it, and for every toponym ``text[start:end]`` must equal ``text``.

Also checked: required keys and their types, spans sorted and not overlapping,
coordinates both present or both null, and -- when the offline gazetteer can be
opened -- that every non-null ``geonameid`` exists with the recorded name,
feature code and coordinates.

Exit status 0 and a one-line summary when everything checks out; exit status 1 with
one line per problem otherwise.

Usage: python scripts/check_place_gold.py [GOLD_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UA_RU = {"Ukraine", "Russia"}
KEYS: dict[str, tuple[type, ...]] = {
    "start": (int,),
    "end": (int,),
    "text": (str,),
    "geonameid": (int, type(None)),
    "name": (str,),
    "fcode": (str,),
    "country": (str, type(None)),
    "admin1": (str, type(None)),
    "lat": (float, int, type(None)),
    "lon": (float, int, type(None)),
    "government": (bool,),
    "embedded": (bool,),
}


def article_text(article: str, record: int) -> str:
    from wirelens.ingest import read_inputs

    items = list(read_inputs([str(ROOT / article)]))
    text = getattr(items[record], "text", None)
    if not isinstance(text, str):
        raise ValueError(f"record {record} of {article} is not an article")
    return text


def open_gazetteer() -> Any:
    from wirelens.errors import ConfigError
    from wirelens.geo.gazetteer import Gazetteer

    try:
        return Gazetteer.load()
    except (ConfigError, OSError):  # no gazetteer data here: skip the id checks
        return None


def check_file(path: Path, gaz: Any) -> tuple[list[str], list[dict[str, Any]]]:
    name = path.name
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = article_text(gold["article"], gold["record"])
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        return [f"{name}: cannot load gold or article: {exc}"], []
    tops = gold.get("toponyms")
    if not isinstance(tops, list):
        return [f"{name}: 'toponyms' must be a list"], []
    problems: list[str] = []
    prev_end = 0
    for t in tops:
        where = f"{name}: {t.get('text')!r} [{t.get('start')}:{t.get('end')}]"
        bad = [k for k, types in KEYS.items() if k not in t or type(t[k]) not in types]
        if bad:
            problems.append(f"{where}: missing or mistyped {', '.join(bad)}")
            continue
        if text[t["start"] : t["end"]] != t["text"]:
            problems.append(f"{where}: text is {text[t['start'] : t['end']]!r}")
        if t["start"] < prev_end:
            problems.append(f"{where}: overlaps or out of order")
        prev_end = t["end"]
        if (t["lat"] is None) != (t["lon"] is None):
            problems.append(f"{where}: lat and lon must both be set or both null")
        if t["geonameid"] is not None and t["lat"] is None:
            problems.append(f"{where}: a gazetteer entry needs its coordinates")
        elif t["geonameid"] is not None and gaz is not None:
            e = gaz.get(t["geonameid"])
            if e is None:
                problems.append(f"{where}: geonameid {t['geonameid']} not in the gazetteer")
            elif (e.name, e.feature_code) != (t["name"], t["fcode"]) or (
                abs(e.lat - t["lat"]) > 1e-3 or abs(e.lon - t["lon"]) > 1e-3
            ):
                problems.append(f"{where}: does not match gazetteer entry {e.geonameid} {e.name}")
    return problems, tops


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "gold" / "places"
    gaz = open_gazetteer()
    problems: list[str] = []
    files = sorted(gold_dir.glob("*.json"))
    all_tops: list[dict[str, Any]] = []
    for path in files:
        p, tops = check_file(path, gaz)
        problems += p
        all_tops += tops
    for line in problems:
        print(line)
    if problems:
        return 1
    with_coords = sum(1 for t in all_tops if t["lat"] is not None)
    ua_ru = sum(1 for t in all_tops if t["country"] in UA_RU)
    print(
        f"ok: {len(files)} files, {len(all_tops)} toponyms, {with_coords} with coordinates, "
        f"{ua_ru} in Ukraine or Russia"
        + ("" if gaz is not None else " (gazetteer not available: ids not checked)")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
