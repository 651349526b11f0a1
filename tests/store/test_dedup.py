"""Near-duplicates: MinHash estimates, stories with their original, incremental grouping,
quote links and speakers that disagree."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np

from tests.conftest import SAMPLES
from wirelens.model import Analysis, Article, Quote, Speaker
from wirelens.store.dedup import jaccard, quote_key, shingles, signature
from wirelens.store.queries import Reader
from wirelens.store.schema import MIGRATIONS
from wirelens.store.writer import Store

BODY = SAMPLES.joinpath("01-kostiantynivka-market-shelling.txt").read_text(
    encoding="utf-8").partition("\n---\n")[2]
OTHER = SAMPLES.joinpath("13-mali-convoy-ied.txt").read_text(
    encoding="utf-8").partition("\n---\n")[2]
QUOTE = "Whoever holds Kostiantynivka holds the door to Kramatorsk and Sloviansk"


def republish(text: str) -> str:
    """A wire copy with the small edits republishers make: a word here and there."""
    return (text.replace("Three civilians", "3 civilians", 1)
                .replace("on Tuesday morning", "on Tuesday", 1)
                .replace("shuttered", "closed", 1))


def article(aid: str, text: str, *, outlet: str, published: str | None,
            quotes: tuple[tuple[str, str | None], ...] = ()) -> Analysis:
    found = []
    for words, speaker in quotes:
        start = text.find(words)
        assert start >= 0, words
        found.append(Quote(words, start, start + len(words), "direct",
                           Speaker(speaker, None, None) if speaker else None, None, 0.9))
    return Analysis(
        article=Article(id=aid, text=text, title=f"{outlet} story", outlet=outlet,
                        published=published, url=f"https://example.org/{aid}"),
        quotes=tuple(found),
    )


def store(db: Path, *analyses: Analysis) -> None:
    with Store.open(db) as s:
        for a in analyses:
            s.write(a)
        s.update_duplicates()


def stories(db: Path) -> dict[str, tuple[str, bool, float]]:
    with Reader.open(db) as r:
        return {aid: (story, original, sim) for story, aid, original, sim in
                r.query("SELECT * FROM stories").rows}


def test_minhash_estimates_the_jaccard_similarity() -> None:
    a, b = shingles(BODY), shingles(republish(BODY))
    exact = jaccard(a, b)
    estimate = float(np.mean(signature(a) == signature(b)))
    assert 0.9 <= exact < 1.0
    assert abs(estimate - exact) < 0.08
    assert jaccard(a, shingles(OTHER)) < 0.05
    # Stable across runs and processes: stored signatures must compare with new ones.
    assert signature(shingles("one two three four five six"))[:3].tolist() == \
        signature(shingles("one two three four five six"))[:3].tolist()


def test_quote_key_folds_case_punctuation_and_spacing() -> None:
    assert quote_key("‘We will  open the market, again!’") == \
        quote_key("we will open the market again")


def test_republications_form_one_story_with_the_earliest_as_original(db: Path) -> None:
    store(db,
          article("a1", BODY, outlet="The Harbour Ledger", published="2025-03-14"),
          article("a2", republish(BODY), outlet="Steppe Wire", published="2025-03-15"),
          article("a3", republish(BODY) + "\n\nCopied.", outlet="Echo Daily",
                  published="2025-03-16T08:00"),
          article("b1", OTHER, outlet="Sahel Courier", published="2025-03-14"))
    got = stories(db)
    assert got["a1"] == ("a1", True, 1.0)
    assert got["a2"][:2] == ("a1", False) and got["a2"][2] >= 0.9
    assert got["a3"][:2] == ("a1", False)
    assert got["b1"] == ("b1", True, 1.0)
    with Reader.open(db) as r:
        top = r.largest_stories(limit=5).records()
    assert len(top) == 1
    assert (top[0]["republished"], top[0]["outlets"]) == (2, 3)


def test_grouping_is_incremental_and_an_earlier_copy_becomes_the_original(db: Path) -> None:
    store(db, article("a2", republish(BODY), outlet="Steppe Wire", published="2025-03-15"),
          article("b1", OTHER, outlet="Sahel Courier", published="2025-03-14"))
    assert stories(db)["a2"] == ("a2", True, 1.0)
    # Found later, published earlier: it takes over as the original.
    store(db, article("a1", BODY, outlet="The Harbour Ledger", published="2025-03-14"))
    got = stories(db)
    assert got["a1"] == ("a1", True, 1.0)
    assert got["a2"][:2] == ("a1", False)
    assert got["b1"] == ("b1", True, 1.0)
    with Reader.open(db) as r:
        assert r.query("SELECT count(*) FROM minhash").rows == [(3,)]
    store(db)  # nothing new: nothing changes
    assert stories(db) == got


def test_repeated_quotes_are_linked_and_other_speakers_flagged(db: Path) -> None:
    trimmed = BODY.replace("holds the door to", "holds the gate to", 1)
    store(db,
          article("a1", BODY, outlet="The Harbour Ledger", published="2025-03-14",
                  quotes=((QUOTE, "Dmytro Levchenko"),)),
          # The same words, another speaker: the kind of thing to check.
          article("a2", OTHER + "\n\n" + QUOTE + ".", outlet="Steppe Wire",
                  published="2025-03-15", quotes=((QUOTE, "Iryna Bondar"),)),
          # One word changed in a quote of 11 words: a near match, by the same man.
          article("a3", trimmed, outlet="Echo Daily", published="2025-03-16",
                  quotes=((QUOTE.replace("door", "gate"), "Levchenko"),)))
    with Reader.open(db) as r:
        rows = r.query("SELECT article_id, speaker, conflicting_speakers, link_id"
                       " FROM quote_links ORDER BY article_id").rows
        conflicts = r.conflicting_quotes(limit=5).records()
    assert [(a, s, c) for a, s, c, _ in rows] == [
        ("a1", "Dmytro Levchenko", True), ("a2", "Iryna Bondar", True),
        ("a3", "Levchenko", True)]
    assert {link for *_, link in rows} == {quote_key(QUOTE)}
    assert len(conflicts) == 1 and conflicts[0]["articles"] == 3


def test_one_speaker_under_two_names_is_no_conflict(db: Path) -> None:
    store(db,
          article("a1", BODY, outlet="A", published="2025-03-14",
                  quotes=((QUOTE, "Dmytro Levchenko"),)),
          article("a2", OTHER + "\n\n" + QUOTE, outlet="B", published="2025-03-15",
                  quotes=((QUOTE, "Levchenko"),)))
    store(db, article("a3", OTHER + "\n\n" + QUOTE + "!", outlet="C", published=None,
                      quotes=((QUOTE, "he"),)))
    with Reader.open(db) as r:
        rows = r.query("SELECT article_id, conflicting_speakers, n_articles FROM quote_links"
                       " ORDER BY article_id").rows
    assert rows == [("a1", False, 3), ("a2", False, 3), ("a3", False, 3)]


def test_a_store_at_version_1_migrates_and_groups_its_articles(db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,"
                " description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL"
                " DEFAULT current_timestamp)")
    con.execute(MIGRATIONS[0].sql)
    con.execute("INSERT INTO schema_migrations (version, description) VALUES (1, 'v1')")
    con.execute("INSERT INTO articles (id, version, text, article_warnings, warnings)"
                " VALUES ('old', 1, ?, [], [])", [BODY])
    con.close()
    store(db, article("new", republish(BODY), outlet="Steppe Wire", published="2025-03-15"))
    got = stories(db)
    # The old article has no date: the dated copy is the original.
    assert got["new"] == ("new", True, 1.0)
    assert got["old"][:2] == ("new", False)


def test_stored_groups_are_renamed_and_merged_by_later_articles(db: Path) -> None:
    near = QUOTE.replace("door", "gate")
    # Two groups, stored one run apart: the exact quote, and its near variant.
    store(db,
          article("b1", OTHER + "\n\n" + QUOTE, outlet="B", published="2025-03-15",
                  quotes=((QUOTE, "Levchenko"),)),
          article("b2", BODY + "\n\n" + QUOTE, outlet="C", published="2025-03-16",
                  quotes=((QUOTE, "Levchenko"),)))
    store(db, article("c1", OTHER + "\n\n" + near + ".", outlet="D", published="2025-03-17",
                      quotes=((near, "Levchenko"),)))
    with Reader.open(db) as r:
        links = dict(r.query("SELECT article_id, link_id FROM quote_keys").rows)
    assert links == {"b1": quote_key(QUOTE), "b2": quote_key(QUOTE), "c1": quote_key(QUOTE)}
    # A copy published earlier than all of them, with the near wording, arrives last:
    # it is the group's first quote now, so the group takes its key as its name.
    store(db, article("a0", BODY + "\n\n" + near + "!", outlet="A", published="2025-03-01",
                      quotes=((near, "Dmytro Levchenko"),)))
    with Reader.open(db) as r:
        links = dict(r.query("SELECT article_id, link_id FROM quote_keys").rows)
        groups = r.query("SELECT * FROM quote_groups").rows
    assert set(links.values()) == {quote_key(near)}
    assert groups == [(quote_key(near), 4, 4, 4, 2, False)]


def test_a_new_quote_near_two_stored_groups_merges_them(db: Path) -> None:
    bridge = "our convoy left every river crossing at dawn under heavy drone fire"
    one, two = bridge.replace("dawn", "dusk"), bridge.replace("heavy", "light")
    assert jaccard(shingles(one, size=1), shingles(two, size=1)) < 0.8  # apart on their own
    store(db,
          article("a1", OTHER + "\n\n" + one, outlet="A", published="2025-03-10",
                  quotes=((one, "Levchenko"),)),
          article("a2", BODY + "\n\n" + one, outlet="B", published="2025-03-11",
                  quotes=((one, "Levchenko"),)))
    store(db,
          article("b1", OTHER + "\n\n" + two + ".", outlet="C", published="2025-03-12",
                  quotes=((two, "Bondar"),)),
          article("b2", BODY + "\n\n" + two + ".", outlet="D", published="2025-03-13",
                  quotes=((two, "Bondar"),)))
    with Reader.open(db) as r:
        assert len(r.query("SELECT * FROM quote_groups").rows) == 2
    store(db, article("c1", BODY + "\n\n" + bridge + "!", outlet="E", published="2025-03-14",
                      quotes=((bridge, None),)))
    with Reader.open(db) as r:
        links = set(r.query("SELECT link_id FROM quote_keys").rows)
        groups = r.query("SELECT * FROM quote_groups").rows
    assert links == {(quote_key(one),)}
    assert groups == [(quote_key(one), 5, 5, 5, 2, True)]
