"""Gazetteer load time and lookup speed (printed, never asserted).

Run: PYTHONPATH=src python bench/bench_gazetteer.py [--path P]
Builds the index first when it is missing (~20 s).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from wirelens.geo.gazetteer import Gazetteer, default_path

NAMES = [
    "Konstantinovka", "Kostiantynivka", "Bakhmut", "Artemovsk", "Kiev", "Kyiv", "Donetsk",
    "Donetsk region", "Moscow", "Geneva", "St. Petersburg", "US", "Gaza", "Donbass", "Kharkov",
    "Pokrovsk", "Zaporizhzhia", "Washington", "London", "Paris", "Avdiivka", "Toretsk",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--path", type=Path, default=None)
    args = parser.parse_args()
    path = args.path or default_path()
    if not path.exists():
        t0 = time.perf_counter()
        Gazetteer.load(path).close()
        print(f"build: {time.perf_counter() - t0:.1f} s")
    print(f"index: {path.stat().st_size / 2**20:.1f} MiB")

    t0 = time.perf_counter()
    gaz = Gazetteer.load(path)
    print(f"load: {(time.perf_counter() - t0) * 1e3:.1f} ms")

    # Cold: every name once, cache cleared (each is an SQLite probe).
    rounds = 20
    t0 = time.perf_counter()
    for _ in range(rounds):
        gaz._cached_matches.cache_clear()
        gaz._entries.clear()
        for name in NAMES:
            gaz.lookup(name)
    cold = (time.perf_counter() - t0) / (rounds * len(NAMES))
    print(f"lookup, uncached: {cold * 1e6:.0f} µs  ({1 / cold:,.0f}/s)")

    n = 200_000
    t0 = time.perf_counter()
    for i in range(n):
        gaz.lookup(NAMES[i % len(NAMES)])
    hot = (time.perf_counter() - t0) / n
    print(f"lookup, cached: {hot * 1e6:.2f} µs  ({1 / hot:,.0f}/s)")

    gaz._cached_has.cache_clear()
    t0 = time.perf_counter()
    for name in NAMES * 50:
        gaz._has_name(name)
    has = (time.perf_counter() - t0) / (len(NAMES) * 50)
    print(f"has_name, uncached: {has * 1e6:.0f} µs  ({1 / has:,.0f}/s)")
    gaz.close()


if __name__ == "__main__":
    main()
