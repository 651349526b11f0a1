"""Outlet homes: where a local outlet is, learned from its own articles.

Not a pipeline component: a corpus-level prior that the ``places`` component reads.

A local paper writes "Alexandria" and "Jackson" for the towns of its own state,
and rarely says which state that is: its readers know.  An article alone cannot
tell Alexandria, Louisiana from Alexandria, Virginia, but the outlet's other
articles can.  Where a clear share of an outlet's articles name a place in one
admin-1 unit, that unit is the outlet's *home*, and each ambiguous name in its
articles leans towards it (``places.OUTLET_HOME_BONUS``): a prior, which an
explicit qualifier or the article's own places still overrule.

The homes come from our own analyses, never from gold data: analyse a corpus
once, learn the homes (:func:`learn_outlet_homes`, or ``wirelens outlets`` on a
store), and give them to later runs (``Pipeline(outlet_homes=...)``,
``--outlet-homes FILE``).  A national outlet (its articles spread over many
units) gets no home.

LGL (local US news, 85 outlets; given gold spans): acc@161 0.866 alone, 0.904
with homes learned from the corpus.  Tuned there: an outlet needs
:data:`MIN_ARTICLES` articles in its home unit and :data:`MIN_SHARE` of its
articles with a place (3 and 0.5: 0.904; 4 and 0.5: 0.897; 3 and 0.6: 0.889).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

from wirelens.errors import ConfigError
from wirelens.model import Place

__all__ = ["MIN_ARTICLES", "MIN_CONFIDENCE", "MIN_SHARE", "VOTING_PRECISIONS", "OutletHome",
           "homes_from_units", "learn_outlet_homes", "outlet_key", "read_outlet_homes",
           "voting_units", "write_outlet_homes"]

MIN_ARTICLES = 3
MIN_SHARE = 0.5
# Only places we are fairly sure of vote for a home: a town we resolved by
# population alone should not make its state the outlet's home.
MIN_CONFIDENCE = 0.5
VOTING_PRECISIONS = frozenset({"city", "region"})


@dataclass(frozen=True, slots=True)
class OutletHome:
    """An outlet's home unit: ``articles`` of its ``of`` articles with places name it."""

    outlet: str
    country: str  # the country's name, as in Place.country
    admin1: str
    articles: int
    of: int

    @property
    def share(self) -> float:
        return self.articles / self.of if self.of else 0.0


def outlet_key(url: str | None, outlet: str | None) -> str | None:
    """The outlet's given name, lower-cased; else its URL's host without "www.".

    The name first: articles of many outlets can share a host (an aggregator,
    our samples' example.org), and one outlet can post from several hosts.

    >>> outlet_key("http://www.thetowntalk.com/article/1", None)
    'thetowntalk.com'
    >>> outlet_key("https://example.org/ledger/1", "The Harbour Ledger")
    'the harbour ledger'
    """
    name = outlet.strip() if outlet and outlet.strip() else None
    name = name or (urlparse(url).hostname if url else None)
    if not name:
        return None
    name = name.lower().rstrip(".")
    return name[4:] if name.startswith("www.") else name


def learn_outlet_homes(
    articles: Iterable[tuple[str | None, Iterable[Place]]],
    *,
    min_articles: int = MIN_ARTICLES,
    min_share: float = MIN_SHARE,
) -> dict[str, OutletHome]:
    """Homes from ``(outlet key, places)`` per article; outlets with no clear home are left out.

    Each article votes once for every admin-1 unit among its confident town- and
    region-level places that do not stand for a government.
    """
    return homes_from_units(((key, voting_units(places)) for key, places in articles),
                            min_articles=min_articles, min_share=min_share)


def voting_units(places: Iterable[Place]) -> set[tuple[str, str]]:
    """The (country, admin-1) units an article votes for (see :func:`learn_outlet_homes`)."""
    units: set[tuple[str, str]] = set()
    for p in places:
        if p.country and p.admin1 and not p.government \
                and p.precision in VOTING_PRECISIONS and p.confidence >= MIN_CONFIDENCE:
            units.add((p.country, p.admin1))
    return units


def homes_from_units(
    articles: Iterable[tuple[str | None, set[tuple[str, str]]]],
    *,
    min_articles: int = MIN_ARTICLES,
    min_share: float = MIN_SHARE,
) -> dict[str, OutletHome]:
    """Homes from each article's voting units; the store computes those in SQL."""
    per_outlet: dict[str, list[set[tuple[str, str]]]] = defaultdict(list)
    for key, units in articles:
        if key:
            per_outlet[key].append(units)
    homes: dict[str, OutletHome] = {}
    for key, per_article in per_outlet.items():
        with_places = [u for u in per_article if u]
        counts = Counter(unit for u in with_places for unit in u)
        if not counts:
            continue
        # ties go to the unit first in sorted order, so that a run is reproducible
        (country, admin1), n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= min_articles and n / len(with_places) >= min_share:
            homes[key] = OutletHome(key, country, admin1, n, len(with_places))
    return homes


def write_outlet_homes(homes: Mapping[str, OutletHome]) -> str:
    """JSON, one object per outlet, sorted: the file ``--outlet-homes`` reads."""
    body = {k: {f: v for f, v in asdict(h).items() if f != "outlet"}
            for k, h in sorted(homes.items())}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def read_outlet_homes(path: str | Path) -> dict[str, OutletHome]:
    """Read a file written by :func:`write_outlet_homes`; a bad file is a ConfigError naming it."""
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{p}: no such outlet homes file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{p}: not an outlet homes JSON file ({exc})") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{p}: outlet homes must be a JSON object of outlet -> home")
    homes: dict[str, OutletHome] = {}
    for key, h in raw.items():
        outlet = outlet_key(None, key) or key
        try:
            homes[outlet] = OutletHome(outlet, str(h["country"]), str(h["admin1"]),
                                       int(h.get("articles", 0)), int(h.get("of", 0)))
        except (TypeError, KeyError, ValueError) as exc:
            raise ConfigError(f"{p}: outlet {key!r}: needs 'country' and 'admin1' ({exc})") \
                from exc
    return homes
