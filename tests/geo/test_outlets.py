"""Outlet homes: learned from an outlet's own articles, then a prior for its ambiguous towns.

The articles are ours and fictional: a local paper, "The Clarion", in Tennessee.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wirelens.errors import ConfigError
from wirelens.geo.outlets import (
    OutletHome,
    homes_from_units,
    learn_outlet_homes,
    outlet_key,
    read_outlet_homes,
    write_outlet_homes,
)
from wirelens.model import Article

TN = ("United States", "Tennessee")
GA = ("United States", "Georgia")

# Fictional local stories: each names towns of one state, without naming the state.
CLARION = [
    "Knoxville police said on Monday that two men were arrested after a break-in at a "
    "hardware store on Kingston Pike. Officers from Maryville helped with the search.",
    "The Chattanooga school board voted to build a new gym. Parents from Cleveland and "
    "Knoxville spoke at the meeting.",
    "A storm knocked down trees across Murfreesboro and Nashville overnight, and crews "
    "were still clearing roads on Tuesday morning.",
    "Memphis firefighters put out a blaze at a warehouse near the river. No one was hurt, "
    "a spokesman for the Memphis Fire Department said.",
]
# Ambiguous alone: the larger Jackson is the capital of Mississippi.
JACKSON = "The Jackson city council voted on Tuesday to repave Main Street before the summer."


def test_outlet_key_is_the_host_without_www() -> None:
    assert outlet_key("http://www.TheTownTalk.com/article/1?x=2", None) == "thetowntalk.com"
    assert outlet_key(None, "clarion.example") == "clarion.example"
    # the outlet's name first: many outlets can share a host
    assert outlet_key("https://example.org/ledger/1", "The Harbour Ledger") == "the harbour ledger"
    assert outlet_key("https://example.org/ledger/1", "www.Ledger.example") == "ledger.example"
    assert outlet_key(None, "The Clarion") == "the clarion"
    assert outlet_key(None, "  ") is None
    assert outlet_key(None, None) is None


def test_a_home_needs_enough_articles_and_a_clear_share() -> None:
    local = [("local", {TN}), ("local", {TN, GA}), ("local", {TN}), ("local", set())]
    # spread over many states: a national outlet gets no home
    national = [("national", {TN}), ("national", {GA}), ("national", {("United States", "Ohio")}),
                ("national", {TN}), ("national", {("United States", "Texas")})]
    few = [("small", {GA}), ("small", {GA})]
    homes = homes_from_units([*local, *national, *few, (None, {TN})])
    assert set(homes) == {"local"}
    home = homes["local"]
    # the article with no place does not count against the share
    assert (home.country, home.admin1, home.articles, home.of) == (*TN, 3, 3)
    assert homes_from_units(few, min_articles=2)["small"].admin1 == "Georgia"


def test_homes_round_trip_through_json(tmp_path: Path) -> None:
    homes = {"clarion.example": OutletHome("clarion.example", *TN, 4, 5)}
    path = tmp_path / "homes.json"
    path.write_text(write_outlet_homes(homes), encoding="utf-8")
    assert read_outlet_homes(path) == homes


@pytest.mark.parametrize(("content", "problem"), [
    (None, "no such outlet homes file"),
    ("{not json", "not an outlet homes JSON file"),
    ("[1, 2]", "must be a JSON object"),
    ('{"clarion.example": {"country": "United States"}}', "needs 'country' and 'admin1'"),
])
def test_a_bad_homes_file_is_a_config_error_naming_it(tmp_path: Path, content: str | None,
                                                      problem: str) -> None:
    path = tmp_path / "homes.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as err:
        read_outlet_homes(path)
    assert str(path) in str(err.value)


def _article(n: int, text: str, url: str = "https://www.clarion.example/news") -> Article:
    return Article(id=f"clarion-{n}", text=text, url=f"{url}/{n}", language="en")


def test_the_home_is_learned_from_real_output_and_settles_an_ambiguous_town() -> None:
    from wirelens.pipeline import Pipeline

    pipe = Pipeline(components=("entities", "places"))
    analyses = list(pipe.pipe([_article(n, t) for n, t in enumerate(CLARION)]))
    homes = learn_outlet_homes((outlet_key(a.article.url, a.article.outlet), a.places)
                               for a in analyses)
    assert (homes["clarion.example"].country, homes["clarion.example"].admin1) == TN

    (alone,) = pipe.analyze(_article(9, JACKSON)).places[:1]
    assert alone.name == "Jackson" and alone.admin1 == "Mississippi"
    informed = Pipeline(components=("entities", "places"), outlet_homes=homes)
    (place,) = informed.analyze(_article(9, JACKSON)).places[:1]
    assert (place.name, place.admin1) == ("Jackson", "Tennessee")
    # another outlet's Jackson is left alone
    (other,) = informed.analyze(_article(9, JACKSON, "https://elsewhere.example")).places[:1]
    assert other.admin1 == "Mississippi"
    # an explicit qualifier still outranks the outlet's home
    (named,) = informed.analyze(_article(8, "Police in Jackson, Mississippi, said on Friday "
                                            "that the road was closed.")).places[:1]
    assert named.admin1 == "Mississippi"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wirelens", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_outlets_command_learns_from_a_store_and_analyze_uses_the_file(tmp_path: Path) -> None:
    corpus = tmp_path / "clarion.jsonl"
    corpus.write_text("".join(
        json.dumps({"text": t, "title": f"Clarion story {n}",
                    "url": f"https://www.clarion.example/news/{n}"}) + "\n"
        for n, t in enumerate(CLARION)), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    done = _cli("ingest", str(corpus), "--db", str(db), "--workers", "1", "--no-progress")
    assert done.returncode == 0, done.stderr
    learned = _cli("outlets", "--db", str(db))
    assert learned.returncode == 0, learned.stderr
    body = json.loads(learned.stdout)
    assert body["clarion.example"]["admin1"] == "Tennessee"
    assert "1 of 1 outlets have a home (4 articles)" in learned.stderr

    homes = tmp_path / "homes.json"
    homes.write_text(learned.stdout, encoding="utf-8")
    story = tmp_path / "jackson.json"
    story.write_text(json.dumps({"text": JACKSON, "url": "https://clarion.example/news/9"}),
                     encoding="utf-8")
    out = _cli("analyze", str(story), "--format", "json", "--outlet-homes", str(homes))
    assert out.returncode == 0, out.stderr
    places = json.loads(out.stdout)["places"]
    assert [(p["name"], p["admin1"]) for p in places if p["name"] == "Jackson"] == \
        [("Jackson", "Tennessee")]

    # the same file for a batch run into a store
    other = tmp_path / "later.duckdb"
    done = _cli("ingest", str(story), "--db", str(other), "--workers", "1", "--no-progress",
                "--outlet-homes", str(homes))
    assert done.returncode == 0, done.stderr
    rows = _cli("query", "SELECT name, admin1 FROM places WHERE name = 'Jackson'",
                "--db", str(other), "--format", "json")
    assert json.loads(rows.stdout) == [{"name": "Jackson", "admin1": "Tennessee"}]

    missing = _cli("analyze", str(story), "--outlet-homes", str(tmp_path / "nope.json"))
    assert missing.returncode == 4
    assert "nope.json: no such outlet homes file" in missing.stderr
    missing = _cli("ingest", str(story), "--db", str(other), "--outlet-homes",
                   str(tmp_path / "nope.json"))
    assert missing.returncode == 3
    assert "nope.json: no such outlet homes file" in missing.stderr
    gone = _cli("outlets", "--db", str(tmp_path / "absent.duckdb"))
    assert gone.returncode == 3
