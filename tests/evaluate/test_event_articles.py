"""The article-level event scorer on a tiny hand-made article (fictional, ours)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirelens.evaluate.events import evaluate_articles, format_article_scores

TEXT = ("Shells Hit Kharkiv Market\n\n"
        "Two civilians were killed on Tuesday when shells hit a market in Kharkiv, "
        "officials said.\n\nIn 2014, separatists seized buildings in Sloviansk.\n")


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from wirelens.pipeline import Pipeline

    return Pipeline()


def _gold(tmp_path: Path, events: list[dict[str, object]]) -> tuple[Path, Path]:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    (articles / "a.txt").write_text("---\npublished: 2024-05-16\n---\n" + TEXT,
                                    encoding="utf-8")
    (gold / "a.txt.json").write_text(json.dumps({"article": "a.txt", "events": events}),
                                     encoding="utf-8")
    return gold, articles


def _event(sub: str, etype: str, place: str | None, status: str, start: int,
           fatalities: int | None = None) -> dict[str, object]:
    end = TEXT.index(".", start) + 1
    return {"event_type": etype, "sub_event_type": sub,
            "location": {"name": place, "country": "Ukraine"} if place else None,
            "actor1": None, "actor2": None, "date": None, "fatalities": fatalities,
            "status": status, "evidence": {"start": start, "end": end,
                                           "text": TEXT[start:end]}}


def test_a_right_event_is_found_and_background_kept_apart(tmp_path: Path,
                                                           pipeline: object) -> None:
    gold_dir, articles = _gold(tmp_path, [
        _event("Shelling/artillery/missile attack", "Explosions/Remote violence", "Kharkiv",
               "fact", TEXT.index("Two"), 2),
        _event("Non-state actor overtakes territory", "Battles", "Sloviansk", "background",
               TEXT.index("In 2014")),
    ])
    s = evaluate_articles(gold_dir, articles, pipeline=pipeline)  # type: ignore[arg-type]
    assert s.n_articles == 1 and s.n_gold == 1 and s.n_background_gold == 1
    assert s.recall == 1.0
    assert s.fatality_exact == 1.0
    assert s.background_as_news == 0
    assert "recall 1.000" in format_article_scores(s, verbose=True)


def test_a_wrong_place_is_a_miss(tmp_path: Path, pipeline: object) -> None:
    gold_dir, articles = _gold(tmp_path, [
        _event("Shelling/artillery/missile attack", "Explosions/Remote violence", "Lviv",
               "fact", TEXT.index("Two"), 2),
    ])
    s = evaluate_articles(gold_dir, articles, pipeline=pipeline)  # type: ignore[arg-type]
    assert s.recall == 0.0
    assert s.misses == [("a.txt", "Shelling/artillery/missile attack", "Lviv")]
    assert s.precision < 1.0
