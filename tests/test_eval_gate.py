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


@pytest.fixture(scope="module")
def quote_scores(pipeline):  # type: ignore[no-untyped-def]
    from tests.conftest import SHARED
    from wirelens.evaluate.quotes import evaluate_quotes

    polnear = SHARED / "benchmarks" / "polnear" / "dev"
    if not polnear.exists():
        pytest.skip("../shared is absent: PolNeAR dev is read from there")
    return evaluate_quotes(polnear, pipeline=pipeline)


@pytest.mark.parametrize("name", sorted(FLOORS["quotes_polnear_dev"]))
def test_quote_floor(quote_scores, name: str) -> None:  # type: ignore[no-untyped-def]
    value = {
        "speech_overlap_f1": quote_scores.speech.overlap.f1,
        "speech_exact_f1": quote_scores.speech.exact.f1,
        "speech_source_accuracy": quote_scores.speech.source_accuracy,
        "all_overlap_f1": quote_scores.all.overlap.f1,
        "all_exact_f1": quote_scores.all.exact.f1,
    }[name]
    floor = FLOORS["quotes_polnear_dev"][name]
    assert value >= floor, f"quotes {name} {value:.3f} fell below its floor {floor}"


@pytest.fixture(scope="module")
def article_quote_scores(pipeline):  # type: ignore[no-untyped-def]
    from wirelens.evaluate.quotes import evaluate_article_quotes

    return evaluate_article_quotes(ROOT / "samples" / "articles",
                                   ROOT / "tests" / "gold" / "quotes", pipeline=pipeline)


@pytest.mark.parametrize("name", sorted(FLOORS["quotes_articles"]))
def test_article_quote_floor(article_quote_scores, name: str) -> None:  # type: ignore[no-untyped-def]
    s = article_quote_scores
    direct = s.found_by_kind.get("direct", 0)
    value = {
        "direct_recall": direct / s.gold_by_kind["direct"],
        "precision": s.precision,
        "direct_speaker_accuracy": s.speaker_by_kind.get("direct", 0) / direct,
        "speaker_accuracy": s.speaker_accuracy,
    }[name]
    floor = FLOORS["quotes_articles"][name]
    assert value >= floor, f"quotes (articles) {name} {value:.3f} fell below its floor {floor}"


def _geo_scores(corpus: str):  # type: ignore[no-untyped-def]
    from tests.conftest import SHARED
    from wirelens.evaluate.geo import evaluate_geo

    path = SHARED / "benchmarks" / "geo" / corpus
    if not path.exists():
        pytest.skip(f"../shared is absent: {corpus} is read from there")
    e2e = evaluate_geo(path, gold_spans=False)
    # the outlet homes the end-to-end run learned, as `wirelens outlets` would give them
    return {"end_to_end": e2e, "gold_spans": evaluate_geo(path, gold_spans=True,
                                                          outlet_homes=e2e.homes)}


def _geo_value(scores, name: str) -> float:  # type: ignore[no-untyped-def]
    e2e, gold = scores["end_to_end"], scores["gold_spans"]
    return float({
        "recognition_f1": e2e.recognition.f1 if e2e.recognition else 0.0,
        "end_to_end_accuracy_161": e2e.resolution.accuracy_161,
        "gold_spans_accuracy_161": gold.resolution.accuracy_161,
        # each article alone, as `wirelens analyze` gives it without --outlet-homes
        "end_to_end_alone_accuracy_161": (e2e.resolution_alone or e2e.resolution).accuracy_161,
        "gold_spans_alone_accuracy_161": (gold.resolution_alone or gold.resolution).accuracy_161,
    }[name])


@pytest.fixture(scope="module")
def lgl_scores():  # type: ignore[no-untyped-def]
    return _geo_scores("lgl.xml")


@pytest.mark.parametrize("name", sorted(FLOORS["geo_lgl"]))
def test_geo_lgl_floor(lgl_scores, name: str) -> None:  # type: ignore[no-untyped-def]
    value, floor = _geo_value(lgl_scores, name), FLOORS["geo_lgl"][name]
    assert value >= floor, f"geo (LGL) {name} {value:.3f} fell below its floor {floor}"


@pytest.fixture(scope="module")
def geo_scores():  # type: ignore[no-untyped-def]
    return _geo_scores("TR-News.xml")


@pytest.mark.parametrize("name", sorted(FLOORS["geo_trnews"]))
def test_geo_floor(geo_scores, name: str) -> None:  # type: ignore[no-untyped-def]
    value = _geo_value(geo_scores, name)
    floor = FLOORS["geo_trnews"][name]
    assert value >= floor, f"geo {name} {value:.3f} fell below its floor {floor}"


@pytest.fixture(scope="module")
def event_pipeline():  # type: ignore[no-untyped-def]
    from wirelens.evaluate.events import EVENT_COMPONENTS
    from wirelens.pipeline import Pipeline

    return Pipeline(components=EVENT_COMPONENTS)


@pytest.fixture(scope="module")
def acled_scores(event_pipeline):  # type: ignore[no-untyped-def]
    from tests.conftest import SHARED
    from wirelens.evaluate.events import evaluate_events

    path = SHARED / "benchmarks" / "acled" / "acled_events.csv"
    if not path.exists():
        pytest.skip("../shared is absent: ACLED events are read from there")
    return evaluate_events(path, pipeline=event_pipeline)


@pytest.mark.parametrize("name", sorted(FLOORS["events_acled_heldout"]))
def test_event_acled_floor(acled_scores, name: str) -> None:  # type: ignore[no-untyped-def]
    value = {
        "sub_event_type_weighted_f1": acled_scores.sub_event_type.weighted,
        "event_type_weighted_f1": acled_scores.event_type.weighted,
        "fatality_exact": acled_scores.fatality_exact,
    }[name]
    floor = FLOORS["events_acled_heldout"][name]
    assert value >= floor, f"events (ACLED) {name} {value:.3f} fell below its floor {floor}"


@pytest.mark.parametrize("name", sorted(FLOORS["events_snippets"]))
def test_event_snippet_floor(event_pipeline, name: str) -> None:  # type: ignore[no-untyped-def]
    from wirelens.evaluate.events import evaluate_snippets

    scores = evaluate_snippets(ROOT / "tests" / "gold" / "events" / "snippets.jsonl",
                               pipeline=event_pipeline)
    value = {
        "sub_event_type_weighted_f1": scores.sub_event_type.weighted,
        "trap_accuracy": scores.trap_accuracy,
    }[name]
    floor = FLOORS["events_snippets"][name]
    assert value >= floor, f"events (snippets) {name} {value:.3f} fell below its floor {floor}"


@pytest.fixture(scope="module")
def article_event_scores(pipeline):  # type: ignore[no-untyped-def]
    from wirelens.evaluate.events import evaluate_articles

    return evaluate_articles(ROOT / "tests" / "gold" / "events" / "articles",
                             ROOT / "samples" / "articles", pipeline=pipeline)


@pytest.mark.parametrize("name", sorted(FLOORS["events_articles"]))
def test_event_article_floor(article_event_scores, name: str) -> None:  # type: ignore[no-untyped-def]
    scores = article_event_scores
    value = {"recall": scores.recall, "precision": scores.precision}[name]
    floor = FLOORS["events_articles"][name]
    assert value >= floor, f"events (articles) {name} {value:.3f} fell below its floor {floor}"


@pytest.fixture(scope="module")
def war_places():  # type: ignore[no-untyped-def]
    from tests.conftest import ROOT
    from wirelens.evaluate.geo import evaluate_geo

    # our own hand-made gold on the Ukraine/Russia articles (tests/gold/places)
    folder = ROOT / "tests" / "gold" / "places"
    ua_ru = ("Ukraine", "Russia")
    return {"end_to_end": evaluate_geo(folder, gold_spans=False, countries=ua_ru),
            "gold_spans": evaluate_geo(folder, gold_spans=True, countries=ua_ru)}


@pytest.mark.parametrize("name", sorted(FLOORS["geo_war_places"]))
def test_geo_war_places_floor(war_places, name: str) -> None:  # type: ignore[no-untyped-def]
    e2e, gold = war_places["end_to_end"], war_places["gold_spans"]
    value = {
        "recognition_f1": e2e.recognition.f1 if e2e.recognition else 0.0,
        "ua_ru_end_to_end_accuracy_161": e2e.in_countries.accuracy_161,
        "ua_ru_gold_spans_accuracy_161": gold.in_countries.accuracy_161,
        "governments_precision": e2e.metonymy.precision,
    }[name]
    floor = FLOORS["geo_war_places"][name]
    assert value >= floor, f"geo (our war articles) {name} {value:.3f} fell below {floor}"
