"""Near-duplicates: republished articles grouped into stories, repeated quotes linked.

Newswires and propaganda networks republish one text under many mastheads.
Two articles whose sets of 5-word shingles have a Jaccard similarity of at
least :data:`STORY_THRESHOLD` belong to one story; the story's original is the
earliest published member (then the earliest stored, then the smallest id).

How candidates are found, so that the work grows with the new articles only:

* every article gets a MinHash signature of :data:`NUM_PERM` values over its
  shingles (stored in ``minhash``), cut into :data:`BANDS` bands of
  :data:`ROWS` values; each band hashes to one LSH key (``minhash_bands``);
* a new article's candidates are the stored articles sharing a key with it.
  With 16 bands of 8 rows a pair at Jaccard 0.9 shares a key with probability
  1 - (1 - 0.9^8)^16 > 0.9998, a pair at 0.5 with about 0.06;
* a candidate is kept when the signatures agree on at least
  :data:`ESTIMATE_FLOOR` of their values (a cheap filter well below the
  threshold: the estimate's standard deviation at J = 0.9 is about 0.027) and
  the exact Jaccard of the shingle sets, computed from the stored texts, reaches
  the threshold.

Stories are connected components of kept pairs, so a chain of close
republications forms one story even when its ends are further apart; each
row's ``similarity`` is its exact Jaccard with the original.

Quotes: a quote's key is its text case-folded with punctuation and spacing
folded.  Quotes with equal keys are linked; quotes of :data:`NEAR_QUOTE_WORDS`
words or more are also linked when their word sets have a Jaccard of at least
:data:`NEAR_QUOTE_THRESHOLD` (candidates again from MinHash bands, in
``quote_bands``).  A group of linked quotes spanning two articles or more is a
link (the ``quote_links`` view); it has ``conflicting_speakers`` when two of its
speakers cannot be the same name ("Bondar" and "Iryna Bondar" can; "Bondar" and
"Levchenko" cannot).

Everything here is derived data: :func:`update` rewrites the stories and
quote groups that new articles touch, in one transaction per batch, and an
article without a signature is simply taken up by the next run.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "STORY_THRESHOLD",
    "DedupCounts",
    "jaccard",
    "quote_key",
    "shingles",
    "signature",
    "update",
]

U64 = npt.NDArray[np.uint64]

#: Words per shingle: long enough that common phrases ("the ministry said")
#: do not make unrelated reports alike, short enough that one edited word
#: changes only five shingles.
SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS, ROWS = 16, 8
STORY_THRESHOLD = 0.9
ESTIMATE_FLOOR = 0.7
NEAR_QUOTE_WORDS = 8
NEAR_QUOTE_THRESHOLD = 0.8
#: Quotes use the first 32 permutations in 8 bands of 4: P(candidate) at word-set
#: Jaccard 0.8 is 1 - (1 - 0.8^4)^8, about 0.985.
QUOTE_PERM, QUOTE_BANDS, QUOTE_ROWS = 32, 8, 4
#: Articles handled per transaction: bounds memory and the time the store is held.
BATCH = 256

_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1
_PRONOUNS = frozenset("he she they it we i you".split())


def _splitmix(x: int) -> int:
    """SplitMix64's finaliser on a Python int: the fixed seeds, never NumPy's RNG streams,
    so that signatures stored by one version compare with those of the next."""
    z = (x + 0x9E3779B97F4A7C15) & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


_SEEDS = np.array([_splitmix(i) for i in range(NUM_PERM)], dtype=np.uint64)
_MULTIPLIERS = np.array([_splitmix(1000 + i) | 1 for i in range(SHINGLE_WORDS)],
                        dtype=np.uint64)


def _mix(z: U64) -> U64:
    # The same finaliser on arrays; unsigned multiplication wraps, as intended.
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _word_hashes(tokens: Sequence[str]) -> U64:
    cache: dict[str, int] = {}
    out = np.empty(len(tokens), dtype=np.uint64)
    for i, token in enumerate(tokens):
        h = cache.get(token)
        if h is None:
            h = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
            cache[token] = h
        out[i] = h
    return out


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> U64:
    """The sorted, distinct 64-bit hashes of the text's ``size``-word shingles.

    A text shorter than ``size`` words is one shingle; a text without words has none.
    """
    hashed = _word_hashes(words(text))
    if len(hashed) == 0:
        return hashed
    if size == 1:
        return np.unique(hashed)
    n = max(1, len(hashed) - size + 1)
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(min(size, len(hashed))):
        acc += hashed[k : k + n] * _MULTIPLIERS[k]
    return np.unique(acc)


def signature(hashes: U64, *, num_perm: int = NUM_PERM) -> npt.NDArray[np.uint32]:
    """MinHash: for each of ``num_perm`` hash functions the least value over ``hashes``.

    Kept to the top 32 bits (half the storage; a 32-bit collision adds about
    2e-10 to an estimate).  An empty set gets the all-ones signature.
    """
    best = np.full(num_perm, _MASK64, dtype=np.uint64)
    seeds = _SEEDS[:num_perm, None]
    # Blocks bound the num_perm x n matrix for very long texts.
    for start in range(0, len(hashes), 4096):
        block = hashes[None, start : start + 4096]
        np.minimum(best, _mix(block ^ seeds).min(axis=1), out=best)
    return (best >> np.uint64(32)).astype(np.uint32)


def band_keys(sig: npt.NDArray[np.uint32], *, bands: int, rows: int) -> list[int]:
    """One 64-bit LSH key per band; the band number is hashed in, so bands never collide."""
    keys = []
    for b in range(bands):
        data = b.to_bytes(2, "little") + sig[b * rows : (b + 1) * rows].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little"))
    return keys


def jaccard(a: U64, b: U64) -> float:
    """Exact Jaccard similarity of two sorted, distinct hash arrays."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


def quote_key(text: str) -> str:
    """A quote's text with case, punctuation and spacing folded: the exact-match key."""
    return " ".join(words(text))


@dataclass(frozen=True, slots=True)
class DedupCounts:
    """What one :func:`update` did."""

    articles: int  # articles signed and grouped
    stories: int  # stories (of two articles or more) created or changed
    quotes: int  # quotes keyed
    links: int  # quote links (groups across two articles or more) created or changed


class _Groups:
    """Union-find over hashable nodes."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb

    def components(self) -> list[list[Any]]:
        out: dict[Any, list[Any]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())


def update(con: duckdb.DuckDBPyConnection, *, batch: int = BATCH) -> DedupCounts:
    """Sign, group and link every stored article that has no signature yet."""
    totals = [0, 0, 0, 0]
    while True:
        rows = con.execute(
            "SELECT id, text FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM minhash m WHERE m.article_id = a.id)"
            " ORDER BY ingested_at, id LIMIT ?", [batch],
        ).fetchall()
        if not rows:
            break
        con.execute("BEGIN TRANSACTION")
        try:
            counts = (*_stories(con, rows), *_quotes(con, [r[0] for r in rows]))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
    return DedupCounts(*totals)


# -- stories -------------------------------------------------------------------


def _stories(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, str]]) -> tuple[int, int]:
    sets: dict[str, U64] = {}
    sigs: dict[str, npt.NDArray[np.uint32]] = {}
    ids, counts, signatures, key_ids, keys = [], [], [], [], []
    for aid, text in rows:
        sets[aid] = shingles(text)
        sigs[aid] = signature(sets[aid])
        ids.append(aid)
        counts.append(len(sets[aid]))
        signatures.append(sigs[aid].tolist())
        for key in band_keys(sigs[aid], bands=BANDS, rows=ROWS):
            key_ids.append(aid)
            keys.append(key)
    con.execute(
        "INSERT INTO minhash SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]),"
        " unnest(?::UINTEGER[][])", [ids, counts, signatures],
    )
    con.execute(
        "INSERT INTO minhash_bands SELECT unnest(?::UBIGINT[]), unnest(?::VARCHAR[])",
        [keys, key_ids],
    )
    pairs = con.execute(
        "SELECT DISTINCT n.aid, b.article_id FROM minhash_bands b"
        " JOIN (SELECT unnest(?::UBIGINT[]) AS key, unnest(?::VARCHAR[]) AS aid) n"
        " ON b.lsh_key = n.key WHERE b.article_id <> n.aid", [keys, key_ids],
    ).fetchall()
    others = sorted({b for _, b in pairs} - set(sigs))
    if others:
        for aid, sig in con.execute(
            "SELECT article_id, signature FROM minhash WHERE article_id IN"
            " (SELECT unnest(?::VARCHAR[]))", [others],
        ).fetchall():
            sigs[aid] = np.array(sig, dtype=np.uint32)
    groups = _Groups()
    for aid in ids:
        groups.find(aid)
    close = [(a, b) for a, b in pairs
             if float(np.mean(sigs[a] == sigs[b])) >= ESTIMATE_FLOOR]
    _load_sets(con, sets, {b for _, b in close})
    for a, b in close:
        if jaccard(sets[a], sets[b]) >= STORY_THRESHOLD:
            groups.union(a, b)
    # Stored articles in a component bring their whole story with them.
    linked = sorted({x for x in groups.parent} - set(ids))
    if linked:
        for story, member in con.execute(
            "SELECT s.story_id, m.article_id FROM stories s JOIN stories m USING (story_id)"
            " WHERE s.article_id IN (SELECT unnest(?::VARCHAR[]))", [linked],
        ).fetchall():
            groups.union(story, member)
    changed = 0
    story_rows: list[tuple[str, str, bool, float]] = []
    components = groups.components()
    members = sorted({x for c in components for x in c})
    order = _article_order(con, members)
    _load_sets(con, sets, set(members))
    for component in components:
        original = min(component, key=lambda x: order[x])
        if len(component) > 1:
            changed += 1
        for aid in component:
            sim = 1.0 if aid == original else jaccard(sets[aid], sets[original])
            story_rows.append((original, aid, aid == original, sim))
    con.execute("DELETE FROM stories WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [members])
    columns = list(zip(*story_rows, strict=True))
    con.execute(
        "INSERT INTO stories SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
        " unnest(?::BOOLEAN[]), unnest(?::DOUBLE[])", [list(c) for c in columns],
    )
    return len(ids), changed


def _load_sets(con: duckdb.DuckDBPyConnection, sets: dict[str, U64], wanted: Iterable[str]) -> None:
    missing = sorted(set(wanted) - set(sets))
    if missing:
        for aid, text in con.execute(
            "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [missing]
        ).fetchall():
            sets[aid] = shingles(text)


def _article_order(
    con: duckdb.DuckDBPyConnection, ids: Sequence[str]
) -> dict[str, tuple[Any, ...]]:
    """Sort keys for "earliest": published (unknown last), then stored, then id.

    ``published`` is ISO 8601 text, so it sorts as dates do; a bare date sorts
    before any time on that day.
    """
    return {
        aid: (published is None, published or "", ingested, aid)
        for aid, published, ingested in con.execute(
            "SELECT id, published, ingested_at FROM articles"
            " WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)],
        ).fetchall()
    }


# -- quotes --------------------------------------------------------------------

Node = tuple[str, int]  # (article_id, ordinal)


def _quotes(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> tuple[int, int]:
    rows = con.execute(
        "SELECT article_id, ordinal, text FROM quotes"
        " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [article_ids],
    ).fetchall()
    if not rows:
        return 0, 0
    new: dict[Node, tuple[str, U64]] = {}
    band_rows: list[tuple[int, str, int]] = []
    for aid, ordinal, text in rows:
        key = quote_key(text)
        bag = shingles(key, size=1)
        new[(aid, ordinal)] = (key, bag)
        if len(bag) and len(key.split()) >= NEAR_QUOTE_WORDS:
            sig = signature(bag, num_perm=QUOTE_PERM)
            for lsh in band_keys(sig, bands=QUOTE_BANDS, rows=QUOTE_ROWS):
                band_rows.append((lsh, aid, ordinal))
    nodes = list(new)
    con.execute(
        "INSERT INTO quote_keys (article_id, ordinal, quote_key, n_words, link_id)"
        " SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]),"
        " unnest(?::INTEGER[]), unnest(?::VARCHAR[])",
        [[a for a, _ in nodes], [o for _, o in nodes], [new[n][0] for n in nodes],
         [len(new[n][0].split()) for n in nodes], [new[n][0] for n in nodes]],
    )
    if band_rows:
        con.execute(
            "INSERT INTO quote_bands SELECT unnest(?::UBIGINT[]), unnest(?::VARCHAR[]),"
            " unnest(?::INTEGER[])", [list(c) for c in zip(*band_rows, strict=True)],
        )
    groups = _Groups()
    for node in nodes:
        groups.find(node)
    # Equal keys, stored or new (the new rows are in quote_keys already).
    for aid, ordinal, other_aid, other_ordinal in con.execute(
        "SELECT n.article_id, n.ordinal, k.article_id, k.ordinal FROM quote_keys k"
        " JOIN quote_keys n ON n.quote_key = k.quote_key AND n.quote_key <> ''"
        " WHERE n.article_id IN (SELECT unnest(?::VARCHAR[]))"
        " AND (k.article_id, k.ordinal) <> (n.article_id, n.ordinal)", [article_ids],
    ).fetchall():
        groups.union((aid, ordinal), (other_aid, other_ordinal))
    if band_rows:
        near = con.execute(
            "SELECT DISTINCT n.aid, n.ord, b.article_id, b.ordinal FROM quote_bands b"
            " JOIN (SELECT unnest(?::UBIGINT[]) AS key, unnest(?::VARCHAR[]) AS aid,"
            " unnest(?::INTEGER[]) AS ord) n ON b.lsh_key = n.key"
            " WHERE (b.article_id, b.ordinal) <> (n.aid, n.ord)",
            [list(c) for c in zip(*band_rows, strict=True)],
        ).fetchall()
        bags = {n: bag for n, (_, bag) in new.items()}
        wanted = sorted({(b, o) for _, _, b, o in near} - set(bags))
        for aid, ordinal, key in _select_nodes(
            con, "SELECT k.article_id, k.ordinal, k.quote_key FROM quote_keys k", wanted
        ):
            bags[(aid, ordinal)] = shingles(key, size=1)
        for aid, ordinal, other_aid, other_ordinal in near:
            a, b = (aid, ordinal), (other_aid, other_ordinal)
            if b in bags and jaccard(bags[a], bags[b]) >= NEAR_QUOTE_THRESHOLD:
                groups.union(a, b)
    # Stored quotes met here bring the other members of their stored group along;
    # ("link", id) stands for a stored group, so its old summary row can be dropped.
    stored = sorted(n for n in groups.parent if n not in new)
    for link_id, aid, ordinal in _select_nodes(
        con,
        "SELECT m.link_id, m.article_id, m.ordinal FROM quote_keys m WHERE m.link_id IN"
        " (SELECT k.link_id FROM quote_keys k",
        stored, close=")",
    ):
        groups.union(("link", link_id), (aid, ordinal))
    return len(nodes), _relink(con, groups.components())


def _select_nodes(
    con: duckdb.DuckDBPyConnection, select: str, nodes: Sequence[Node], *, close: str = ""
) -> list[tuple[Any, ...]]:
    """``select`` (over ``quote_keys k``) restricted to the quotes ``nodes``."""
    if not nodes:
        return []
    return con.execute(
        f"{select} JOIN (SELECT unnest(?::VARCHAR[]) AS a, unnest(?::INTEGER[]) AS o) s"
        f" ON k.article_id = s.a AND k.ordinal = s.o{close}",
        [[a for a, _ in nodes], [o for _, o in nodes]],
    ).fetchall()


def _relink(con: duckdb.DuckDBPyConnection, components: list[list[Any]]) -> int:
    """Name each group after its earliest quote's key and rewrite its summary row."""
    nodes: list[Node] = [n for c in components for n in c if n[0] != "link"]
    info = {
        (aid, ordinal): (key, speaker, entity, outlet, (published is None, published or "",
                                                        ingested, aid, ordinal))
        for aid, ordinal, key, speaker, entity, outlet, published, ingested in con.execute(
            "SELECT k.article_id, k.ordinal, k.quote_key, q.speaker_name, q.speaker_entity_id,"
            " coalesce(a.outlet, a.url, a.source), a.published, a.ingested_at"
            " FROM quote_keys k JOIN (SELECT unnest(?::VARCHAR[]) AS a,"
            " unnest(?::INTEGER[]) AS o) s ON k.article_id = s.a AND k.ordinal = s.o"
            " JOIN quotes q ON q.article_id = k.article_id AND q.ordinal = k.ordinal"
            " JOIN articles a ON a.id = k.article_id",
            [[a for a, _ in nodes], [o for _, o in nodes]],
        ).fetchall()
    }
    changed = 0
    updates: list[tuple[str, str, int]] = []
    summaries: list[tuple[str, int, int, int, int, bool]] = []
    old_links: set[str] = set()
    for component in components:
        old_links.update(n[1] for n in component if n[0] == "link")
        members = [n for n in component if n[0] != "link" and n in info]
        if not members:
            continue
        first = min(members, key=lambda n: info[n][4])
        link_id = info[first][0]
        updates.extend((link_id, a, o) for a, o in members)
        articles = {a for a, _ in members}
        if len(articles) < 2:
            continue
        changed += 1
        speakers = _speakers(info[n][1:3] for n in members)
        outlets = {info[n][3] for n in members if info[n][3] is not None}
        summaries.append((link_id, len(members), len(articles), len(outlets), len(speakers),
                          _conflicting(speakers)))
    if updates:
        con.execute(
            "UPDATE quote_keys SET link_id = u.link_id FROM (SELECT unnest(?::VARCHAR[]) AS"
            " link_id, unnest(?::VARCHAR[]) AS a, unnest(?::INTEGER[]) AS o) u"
            " WHERE quote_keys.article_id = u.a AND quote_keys.ordinal = u.o",
            [list(c) for c in zip(*updates, strict=True)],
        )
    gone = sorted(old_links | {s[0] for s in summaries})
    if gone:
        con.execute("DELETE FROM quote_groups WHERE link_id IN (SELECT unnest(?::VARCHAR[]))",
                    [gone])
    if summaries:
        con.execute(
            "INSERT INTO quote_groups SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]),"
            " unnest(?::INTEGER[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]),"
            " unnest(?::BOOLEAN[])", [list(c) for c in zip(*summaries, strict=True)],
        )
    return changed


def _speakers(pairs: Iterable[tuple[str | None, str | None]]) -> list[frozenset[str]]:
    """Distinct speaker names as word sets; no speaker and unresolved pronouns name nobody."""
    out: set[frozenset[str]] = set()
    for name, entity in pairs:
        if not name:
            continue
        tokens = frozenset(words(name))
        if not tokens or (entity is None and tokens <= _PRONOUNS):
            continue
        out.add(tokens)
    return sorted(out, key=sorted)


def _conflicting(speakers: list[frozenset[str]]) -> bool:
    """Two names conflict when neither's words contain the other's ("Bondar" < "Iryna Bondar")."""
    return any(not (a <= b or b <= a)
               for i, a in enumerate(speakers) for b in speakers[i + 1 :])
