"""The PolNeAR scorer on a tiny brat example written here, and on PolNeAR dev when present."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SHARED

from wirelens.evaluate.quotes import (
    evaluate_quotes,
    format_quote_scores,
    group_predictions,
    read_polnear,
    score_document,
)
from wirelens.model import Analysis, Article, Entity, Mention, Quote, Span, Speaker

TEXT = ("“We lost power,” said Petro Danko. “We need generators.”\n\n"
        "Olena Marchuk thinks that the road is open.\n")
# T-lines: a split direct quote (two fragments) and a belief (not speech)
ANN = """T1\tContent 0 16;35 56\t“We lost power,” “We need generators.”
T2\tCue 17 21\tsaid
T3\tSource 22 33\tPetro Danko
T4\tAttribution 17 21\tsaid
E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3
T5\tSource 58 71\tOlena Marchuk
T6\tCue 72 78\tthinks
T7\tContent 79 100\tthat the road is open
T8\tAttribution 72 78\tthinks
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
"""


@pytest.fixture()
def polnear(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc_one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_one_b2.ann").write_text(ANN, encoding="utf-8")
    # a second annotator: the one whose id sorts first (a1) is scored
    (tmp_path / "attributions" / "doc_one_a1.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def _span(start: int, end: int) -> Span:
    return Span(start, end, TEXT[start:end])


def _analysis(quotes: list[Quote]) -> Analysis:
    danko = Entity("E1", "PERSON", "Petro Danko", (Mention(_span(22, 33)),))
    return Analysis(article=Article(id="x", text=TEXT), entities=(danko,), quotes=tuple(quotes))


def test_reads_first_annotator(polnear: Path) -> None:
    (doc,) = read_polnear(polnear)
    assert doc.annotator == "a1"
    first, second = doc.attributions
    assert first.content == ((0, 16), (35, 56)) and first.speech
    assert second.cue_text == "thinks" and not second.speech


def test_split_quote_scores_as_one_exact_attribution(polnear: Path) -> None:
    (doc,) = read_polnear(polnear)
    danko = Speaker("Petro Danko", "E1", _span(22, 33))
    quotes = [Quote(TEXT[0:16], 0, 16, "direct", danko, _span(17, 21), 0.9),
              Quote(TEXT[35:56], 35, 56, "direct", danko, _span(17, 21), 0.8)]
    assert len(group_predictions(quotes)) == 1
    counts: dict[str, dict[str, int]] = {}
    score_document(TEXT, doc.attributions, _analysis(quotes), counts)
    assert counts["all"]["exact_tp"] == 1 and counts["all"]["exact_fn"] == 1
    assert counts["speech"]["exact_tp"] == 1 and counts["speech"]["exact_fn"] == 0
    assert counts["speech"]["source"] == 1 and counts["speech"]["cue"] == 1


def test_overlap_needs_half_the_gold_words(polnear: Path) -> None:
    (doc,) = read_polnear(polnear)
    # "the road is open" covers 4 of the 5 gold words: an overlap match, not exact;
    # the speaker is wrong (no overlap with Olena Marchuk, no entity)
    other = Speaker("someone", None, _span(22, 33))
    q = Quote(TEXT[84:100], 84, 100, "indirect", other, _span(72, 78), 0.5)
    counts: dict[str, dict[str, int]] = {}
    score_document(TEXT, doc.attributions, _analysis([q]), counts)
    assert counts["all"]["overlap_tp"] == 1 and counts["all"]["exact_tp"] == 0
    assert counts["all"].get("source", 0) == 0 and counts["all"]["cue"] == 1
    # in the speech-only figures the belief match counts neither way
    assert counts["speech"]["overlap_tp"] == 0 and counts["speech"]["overlap_fp"] == 0


def test_source_by_entity(polnear: Path) -> None:
    (doc,) = read_polnear(polnear)
    # the mention is elsewhere, but the entity has a mention on the gold source
    danko = Speaker("Petro Danko", "E1", _span(58, 71))
    q = Quote(TEXT[0:56], 0, 56, "direct", danko, None, 0.6)
    counts: dict[str, dict[str, int]] = {}
    score_document(TEXT, doc.attributions, _analysis([q]), counts)
    assert counts["all"]["source"] == 1 and counts["all"].get("cue", 0) == 0


def test_evaluate_end_to_end(polnear: Path) -> None:
    scores = evaluate_quotes(polnear)
    assert scores.documents == 1 and scores.annotators == ("a1",)
    assert scores.speech.overlap.tp == 1
    assert "speech" in format_quote_scores(scores)


@pytest.mark.skipif(not (SHARED / "benchmarks" / "polnear" / "dev").exists(),
                    reason="../shared is absent: PolNeAR is read from there")
def test_polnear_dev_sample() -> None:
    scores = evaluate_quotes(SHARED / "benchmarks" / "polnear" / "dev", limit=5)
    assert scores.documents == 5
    assert scores.speech.overlap.f1 > 0.5
