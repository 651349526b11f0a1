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


#: Word hashes kept across texts (news vocabulary repeats), emptied when it grows past
#: this many words so that a long ingest does not grow with it.
_HASH_CACHE_WORDS = 200_000
_hash_cache: dict[str, int] = {}


def _word_hashes(tokens: Sequence[str]) -> U64:
    cache = _hash_cache
    if len(cache) > _HASH_CACHE_WORDS:
        cache.clear()
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
    """Key the new articles' quotes and link them to each other and to stored groups.

    Stored quotes take part as their groups (``("link", link_id)``), never one by
    one: a quote that 400 articles repeat is one group, and the work per batch
    stays proportional to the new quotes and the distinct keys they meet.  On a
    synthetic corpus of 10,000 articles (bench/bench_memory.py --ingest) linking
    member by member took 13 minutes and 900 MB in the parent.
    """
    rows = con.execute(
        "SELECT article_id, ordinal, text FROM quotes"
        " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [article_ids],
    ).fetchall()
    if not rows:
        return 0, 0
    keys: dict[Node, str] = {(aid, ordinal): quote_key(text) for aid, ordinal, text in rows}
    nodes = list(keys)
    groups = _Groups()
    first: dict[str, Node] = {}  # each distinct new key, by its first quote
    for node in nodes:
        groups.union(node, first.setdefault(keys[node], node))
    # Equal keys already stored: their groups.
    stored_keys: set[str] = set()
    for key, link_id in con.execute(
        "SELECT DISTINCT quote_key, link_id FROM quote_keys"
        " WHERE quote_key IN (SELECT unnest(?::VARCHAR[])) AND quote_key <> ''"
        " AND article_id NOT IN (SELECT unnest(?::VARCHAR[]))", [list(first), article_ids],
    ).fetchall():
        stored_keys.add(key)
        groups.union(first[key], ("link", link_id))
    con.execute(
        "INSERT INTO quote_keys (article_id, ordinal, quote_key, n_words, link_id)"
        " SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]),"
        " unnest(?::INTEGER[]), unnest(?::VARCHAR[])",
        [[a for a, _ in nodes], [o for _, o in nodes], [keys[n] for n in nodes],
         [len(keys[n].split()) for n in nodes], [keys[n] for n in nodes]],
    )
    # Near matches, one candidate search per distinct key.  Bands are stored for a
    # key's first quote only: later copies would repeat its bands and candidates.
    bags: dict[str, U64] = {}
    probes: list[tuple[int, str]] = []
    band_rows: list[tuple[int, str, int]] = []
    for key, node in first.items():
        if len(key.split()) < NEAR_QUOTE_WORDS:
            continue
        bags[key] = shingles(key, size=1)
        lsh = band_keys(signature(bags[key], num_perm=QUOTE_PERM),
                        bands=QUOTE_BANDS, rows=QUOTE_ROWS)
        probes.extend((k, key) for k in lsh)
        if key not in stored_keys:
            band_rows.extend((k, *node) for k in lsh)
    if band_rows:
        con.execute(
            "INSERT INTO quote_bands SELECT unnest(?::UBIGINT[]), unnest(?::VARCHAR[]),"
            " unnest(?::INTEGER[])", [list(c) for c in zip(*band_rows, strict=True)],
        )
    if probes:
        # New keys' bands are in already: new quotes find each other here too.
        near = con.execute(
            "SELECT DISTINCT p.key, k.quote_key, k.link_id FROM quote_bands b"
            " JOIN (SELECT unnest(?::UBIGINT[]) AS lsh, unnest(?::VARCHAR[]) AS key) p"
            " ON b.lsh_key = p.lsh"
            " JOIN quote_keys k ON k.article_id = b.article_id AND k.ordinal = b.ordinal"
            " WHERE k.quote_key <> p.key",
            [[k for k, _ in probes], [key for _, key in probes]],
        ).fetchall()
        for key, other, link_id in near:
            bag = bags.get(other)
            if bag is None:
                bag = bags[other] = shingles(other, size=1)
            if jaccard(bags[key], bag) >= NEAR_QUOTE_THRESHOLD:
                groups.union(first[key], first.get(other, ("link", link_id)))
    return len(nodes), _relink(con, groups.components(), article_ids, keys)


def _relink(con: duckdb.DuckDBPyConnection, components: list[list[Any]],
            article_ids: list[str], keys: dict[Node, str]) -> int:
    """Name each group after its earliest quote's key, in SQL, and rewrite its summary.

    A component holds new quotes and stored groups (``("link", id)``).  Its
    earliest quote is the earliest of its new quotes and of each stored group's
    first; stored groups renamed or merged are updated with one statement.
    """
    links = sorted({n[1] for c in components for n in c if n[0] == "link"})
    new = [n for c in components for n in c if n[0] != "link"]
    order: dict[Any, tuple[Any, ...]] = {}
    for aid, ordinal, published, ingested in con.execute(
        "SELECT k.article_id, k.ordinal, a.published, a.ingested_at FROM quote_keys k"
        " JOIN (SELECT unnest(?::VARCHAR[]) AS a, unnest(?::INTEGER[]) AS o) s"
        " ON k.article_id = s.a AND k.ordinal = s.o JOIN articles a ON a.id = k.article_id",
        [[a for a, _ in new], [o for _, o in new]],
    ).fetchall():
        order[(aid, ordinal)] = (published is None, published or "", ingested, aid, ordinal)
    if links:
        for link_id, published, ingested, aid, ordinal in con.execute(
            "SELECT DISTINCT ON (k.link_id) k.link_id, a.published, a.ingested_at,"
            " k.article_id, k.ordinal FROM quote_keys k JOIN articles a ON a.id = k.article_id"
            " WHERE k.link_id IN (SELECT unnest(?::VARCHAR[]))"
            " AND k.article_id NOT IN (SELECT unnest(?::VARCHAR[]))"
            " ORDER BY k.link_id, a.published IS NULL, coalesce(a.published, ''),"
            " a.ingested_at, k.article_id, k.ordinal", [links, article_ids],
        ).fetchall():
            order[("link", link_id)] = (published is None, published or "", ingested, aid,
                                        ordinal)
    renamed: list[tuple[str, str]] = []  # stored link -> its new name
    assigned: list[tuple[str, str, int]] = []  # new quote -> its link
    finals: set[str] = set()
    for component in components:
        members = [n for n in component if n in order]
        if not members:
            continue
        head = min(members, key=lambda n: order[n])
        link_id = head[1] if head[0] == "link" else keys[head]
        finals.add(link_id)
        renamed.extend((n[1], link_id) for n in members if n[0] == "link" and n[1] != link_id)
        assigned.extend((link_id, *n) for n in members if n[0] != "link")
    if renamed:
        con.execute(
            "UPDATE quote_keys SET link_id = r.new FROM (SELECT unnest(?::VARCHAR[]) AS old,"
            " unnest(?::VARCHAR[]) AS new) r WHERE quote_keys.link_id = r.old"
            " AND quote_keys.article_id NOT IN (SELECT unnest(?::VARCHAR[]))",
            [[o for o, _ in renamed], [n for _, n in renamed], article_ids],
        )
    if assigned:
        con.execute(
            "UPDATE quote_keys SET link_id = u.link_id FROM (SELECT unnest(?::VARCHAR[]) AS"
            " link_id, unnest(?::VARCHAR[]) AS a, unnest(?::INTEGER[]) AS o) u"
            " WHERE quote_keys.article_id = u.a AND quote_keys.ordinal = u.o",
            [list(c) for c in zip(*assigned, strict=True)],
        )
    touched = sorted(finals | set(links))
    con.execute("DELETE FROM quote_groups WHERE link_id IN (SELECT unnest(?::VARCHAR[]))",
                [touched])
    return _summarise(con, sorted(finals))


def _summarise(con: duckdb.DuckDBPyConnection, link_ids: list[str]) -> int:
    """Write the summary row of each of these groups that spans two articles or more."""
    if not link_ids:
        return 0
    counts = con.execute(
        "SELECT k.link_id, count(*), count(DISTINCT k.article_id),"
        " count(DISTINCT coalesce(a.outlet, a.url, a.source)) FROM quote_keys k"
        " JOIN articles a ON a.id = k.article_id"
        " WHERE k.link_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY k.link_id"
        " HAVING count(DISTINCT k.article_id) >= 2", [link_ids],
    ).fetchall()
    if not counts:
        return 0
    names: dict[str, list[tuple[str | None, str | None]]] = {}
    for link_id, name, entity in con.execute(
        "SELECT DISTINCT k.link_id, q.speaker_name, q.speaker_entity_id FROM quote_keys k"
        " JOIN quotes q ON q.article_id = k.article_id AND q.ordinal = k.ordinal"
        " WHERE k.link_id IN (SELECT unnest(?::VARCHAR[]))", [[c[0] for c in counts]],
    ).fetchall():
        names.setdefault(link_id, []).append((name, entity))
    summaries = []
    for link_id, n_quotes, n_articles, n_outlets in counts:
        speakers = _speakers(names.get(link_id, []))
        summaries.append((link_id, n_quotes, n_articles, n_outlets, len(speakers),
                          _conflicting(speakers)))
    con.execute(
        "INSERT INTO quote_groups SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]),"
        " unnest(?::INTEGER[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]),"
        " unnest(?::BOOLEAN[])", [list(c) for c in zip(*summaries, strict=True)],
    )
    return len(summaries)


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
