"""The evaluation gate: quality must not drop below the floors in eval_floors.json."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT

FLOORS = json.loads((ROOT / "tests" / "eval_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entity_scores(pipeline):  # type: ignore[no-untyped-def]
    from wirelens.evaluate import evaluate_entities

    return evaluate_entities(articles_dir=ROOT / "samples" / "articles",
                             gold_dir=ROOT / "tests" / "gold" / "entities", pipeline=pipeline)


@pytest.mark.parametrize("name", sorted(FLOORS["entities"]))
def test_entity_floor(entity_scores, name: str) -> None:  # type: ignore[no-untyped-def]
    value = {
        "overall_f1": entity_scores.overall.f1,
        "strict_f1": entity_scores.strict.f1,
        "person_f1": entity_scores.by_label["PERSON"].f1,
        "links_f1": entity_scores.links.f1,
    }[name]
    floor = FLOORS["entities"][name]
    assert value >= floor, f"entities {name} {value:.3f} fell below its floor {floor}"
