"""The event scorer on a tiny ACLED-format CSV of our own (fictional events)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from wirelens.evaluate.events import (
    evaluate_events,
    f1_scores,
    format_event_scores,
    haversine_km,
    split_of,
)

FIELDS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
          "country", "location", "latitude", "longitude", "notes", "fatalities"]
ROWS = [
    ["UKR1", "2024-05-14", "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)", "Ukraine", "Kharkiv",
     "49.9808", "36.2527",
     "On 14 May 2024, Russian forces shelled a residential area of Kharkiv, killing two "
     "civilians.", "2"],
    ["KEN1", "2024-06-25", "Protests", "Peaceful protest", "Protesters (Kenya)", "", "Kenya",
     "Nairobi", "-1.2833", "36.8167",
     "On 25 June 2024, hundreds of students protested peacefully in Nairobi against a "
     "finance bill.", "0"],
    ["MLI1", "2024-02-02", "Violence against civilians", "Abduction/forced disappearance",
     "Unidentified Armed Group (Mali)", "Civilians (Mali)", "Mali", "Gao", "16.2717",
     "-0.0447", "On 2 February 2024, gunmen abducted three traders near Gao.", "0"],
]


@pytest.fixture()
def tiny_csv(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(FIELDS)
        w.writerows(ROWS)
    return path


def test_split_is_deterministic_and_about_a_fifth() -> None:
    ids = [f"X{i}" for i in range(2000)]
    test = [i for i in ids if split_of(i) == "test"]
    assert test == [i for i in ids if split_of(i) == "test"]
    assert 0.15 < len(test) / len(ids) < 0.25
    assert [split_of(i, seed=1) for i in ids] != [split_of(i) for i in ids]


def test_f1_weighted_and_macro() -> None:
    gold = ["A", "A", "B", "None"]
    pred = ["A", "B", "B", "A"]
    scores = f1_scores(gold, pred)
    # A: P 1/2, R 1/2 -> 0.5 ; B: P 1/2, R 1 -> 2/3
    assert scores.per_class["A"][2] == pytest.approx(0.5)
    assert scores.per_class["B"][2] == pytest.approx(2 / 3)
    assert scores.weighted == pytest.approx((0.5 * 2 + 2 / 3) / 3)
    assert scores.macro == pytest.approx((0.5 + 2 / 3) / 2)


def test_haversine() -> None:
    assert haversine_km(50.45, 30.52, 50.45, 30.52) == 0
    assert 400 < haversine_km(50.45, 30.52, 49.98, 36.25) < 420  # Kyiv to Kharkiv


def test_evaluate_events_on_tiny_csv(tiny_csv: Path) -> None:
    scores = evaluate_events(tiny_csv, split="all")
    assert scores.n == 3
    assert scores.sub_event_type.weighted == pytest.approx(1.0)
    assert scores.event_type.macro == pytest.approx(1.0)
    assert scores.fatality_exact == pytest.approx(1.0)
    assert scores.location_accuracy >= 2 / 3
    assert scores.actor1_accuracy >= 2 / 3
    text = format_event_scores(scores, verbose=True)
    assert "sub-event type" in text and "actor1 accuracy" in text


def test_limit(tiny_csv: Path) -> None:
    assert evaluate_events(tiny_csv, split="all", limit=1).n == 1
