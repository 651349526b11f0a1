"""The PolNeAR scorer on a tiny brat example written here, and on PolNeAR dev when present;
the article scorer on hand-made gold, and the hand-written gold of the sample articles."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from tests.conftest import ROOT, SAMPLES, SHARED

from wirelens.cli import build_parser
from wirelens.evaluate.quotes import (
    ArticleQuoteGold,
    GoldQuote,
    NotQuote,
    QuoteError,
    evaluate_article_quotes,
    evaluate_quotes,
    format_article_quote_scores,
    format_quote_scores,
    group_predictions,
    read_gold_article,
    read_polnear,
    read_quote_gold,
    same_speaker,
    score_article,
    score_document,
)
from wirelens.ingest import read_inputs
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


# --- article mode --------------------------------------------------------------------

ART = ("“We lost power,” said Petro Danko, and his neighbour Olena Marchuk called the "
       "outage “a disgrace for the city.” The so-called “energy bridge” was not mentioned.\n")
QUOTE_GOLD = Path("tests/gold/quotes")
MARKS = "“”„«»‘’\"'"


def _find(text: str) -> tuple[int, int]:
    start = ART.index(text)
    return start, start + len(text)


def _gold() -> ArticleQuoteGold:
    q1 = _find("We lost power,")
    q2 = _find("a disgrace for the city.")
    nq = _find("energy bridge")
    return ArticleQuoteGold(
        "art.txt",
        (GoldQuote("direct", ART[q1[0]:q1[1]], *q1, "Petro Danko", ("Danko",)),
         GoldQuote("mixed", ART[q2[0]:q2[1]], *q2, "Olena Marchuk", ("Marchuk",))),
        (NotQuote("scare", "energy bridge", *nq),))


def _quote(text: str, kind: str, name: str | None, mention: str | None) -> Quote:
    start, end = _find(text)
    span = None if mention is None else Span(*_find(mention), mention)
    speaker = Speaker(name, None, span)
    return Quote(text, start, end, kind, speaker, None, 0.5)  # type: ignore[arg-type]


def _score(quotes: list[Quote]) -> tuple[Counter[str], list[QuoteError]]:
    counts: Counter[str] = Counter()
    errors: list[QuoteError] = []
    score_article("art.txt", ART, _gold(), tuple(quotes), counts, errors)
    return counts, errors


def test_article_scores_match_speaker_and_false_positive_classes() -> None:
    counts, errors = _score([
        # marks included and no resolved name: exact, and the mention is an alias
        _quote("“We lost power,”", "direct", None, "Danko"),
        # a scare quote taken for a quote: a false positive, counted as a not-quote too
        _quote("“energy bridge”", "direct", None, None),
        # reported speech holding the mixed quote: found, not exact, and "his" is
        # no speaker (a function word never matches by containment)
        _quote("called the outage “a disgrace for the city.”", "indirect", None, "his"),
    ])
    assert counts["gold"] == 2 and counts["found"] == 2
    # only quotes with marks count for precision: the indirect one is not predicted
    assert counts["predicted"] == 2 and counts["fp"] == 1 and counts["not_quote"] == 1
    assert counts["exact"] == 1 and counts["exact_direct"] == 1
    assert counts["speaker"] == 1 and counts["speaker_direct"] == 1
    assert [(e.error, e.note) for e in errors] == [("wrong speaker", "mixed"),
                                                    ("false positive", "scare")]
    assert errors[0].gold_speaker == "Olena Marchuk" and errors[0].predicted_speaker == "his"


def test_article_matching_is_one_to_one_and_needs_half_the_words() -> None:
    counts, errors = _score([
        # one span over both gold quotes can match only one of them
        _quote(ART[:ART.index(" The so-called")], "direct", "Petro Danko", None),
        # one word of three: below half, so it matches nothing and is a false positive
        _quote("lost", "direct", "Petro Danko", None),
    ])
    assert counts["found"] == 1 and counts["fp"] == 1 and counts["not_quote"] == 0
    assert sorted(e.error for e in errors) == ["false positive", "miss"]
    assert counts["speaker"] == 1 and counts["exact"] == 0


@pytest.mark.parametrize(("predicted", "gold", "aliases", "same"), [
    ("Bondar", "Iryna Bondar", (), True),                 # surname: whole-word containment
    ("IRYNA BONDÁR", "Iryna Bondar", (), True),           # case and diacritics aside
    ("Sidibe", "Boubacar Sidibé", (), True),
    ("Russia's Defence Ministry", "Russia’s Defence Ministry", (), True),
    ("Olena", "a resident who gave only her first name, Olena", (), True),
    ("Pilot", "a Ukrainian battalion commander", ("Pilot",), True),
    ("Bond", "Iryna Bondar", (), False),                  # part of a word is not a match
    ("Kyiv", "Andrii Yatsenko", (), False),
    ("he", "a man who said he was a commander", (), False),
    ("the official", "a local official in Bourem", (), False),
    (None, "Iryna Bondar", (), False),
])
def test_same_speaker(predicted: str | None, gold: str, aliases: tuple[str, ...],
                      same: bool) -> None:
    assert same_speaker(predicted, gold, aliases) is same


def _sample_refs() -> set[str]:
    refs: set[str] = set()
    for path in sorted(SAMPLES.iterdir()):
        n = len(list(read_inputs([path])))
        refs.update({f"{path.name}:{i}" for i in range(1, n + 1)} if path.suffix == ".jsonl"
                    else {path.name})
    return refs


def test_every_sample_article_has_quote_gold() -> None:
    golds = read_quote_gold(ROOT / QUOTE_GOLD)
    assert {g.article for g in golds} == _sample_refs()
    # the file name follows the events gold: "name.jsonl:2" is "name.jsonl-2.json"
    for path in sorted((ROOT / QUOTE_GOLD).glob("*.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))["article"]
        assert path.name == ref.replace(":", "-") + ".json"


def test_gold_offsets_match_the_text_the_pipeline_reads() -> None:
    for gold in read_quote_gold(ROOT / QUOTE_GOLD):
        text = read_gold_article(gold.article, SAMPLES).text
        previous_end = -1
        for q in gold.quotes:
            where = f"{gold.article} {q.start}-{q.end}"
            assert text[q.start:q.end] == q.text, where
            # the content lies between quote marks, which it does not include
            assert text[q.start - 1] in MARKS and text[q.end] in MARKS, where
            assert q.kind in ("direct", "mixed") and q.speaker.strip(), where
            assert q.start >= previous_end, f"{where}: overlaps or out of order"
            previous_end = q.end
        for n in gold.not_quotes:
            where = f"{gold.article} not-quote {n.start}-{n.end}"
            assert text[n.start:n.end] == n.text, where
            assert text[n.start - 1] in MARKS and text[n.end] in MARKS, where
            assert n.kind in ("scare", "title", "sign", "nested"), where


def test_eval_quotes_takes_exactly_one_source() -> None:
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["eval", "quotes"])
    with pytest.raises(SystemExit):
        parser.parse_args(["eval", "quotes", "--polnear", "p", "--articles", "a"])
    args = parser.parse_args(["eval", "quotes", "--articles", "samples/articles"])
    assert args.gold == "tests/gold/quotes" and args.polnear is None


def test_article_eval_end_to_end(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # one JSONL record, named "file.jsonl:2": the reader must pick the second line
    shutil.copy(ROOT / QUOTE_GOLD / "09-black-sea-bulletin-briefs.jsonl-2.json", tmp_path)
    scores = evaluate_article_quotes(SAMPLES, tmp_path, pipeline=pipeline)
    assert scores.articles == 1 and scores.gold == 1
    report = format_article_quote_scores(scores, verbose=True)
    assert "recall" in report and "miss (" in report


def test_a_mixed_quote_is_exact_when_its_marked_fragment_is_the_gold() -> None:
    # our content is the reported clause; the gold's the quoted words: the marked
    # fragment inside a mixed prediction is what is compared
    counts, _ = _score([_quote("called the outage “a disgrace for the city.”", "mixed",
                               "Olena Marchuk", None)])
    assert counts["found_mixed"] == 1 and counts["exact_mixed"] == 1
    # the same clause given as indirect speech says nothing of the marks: not exact
    counts, _ = _score([_quote("called the outage “a disgrace for the city.”", "indirect",
                               "Olena Marchuk", None)])
    assert counts["found_mixed"] == 1 and counts["exact_mixed"] == 0
    # a prediction that cuts into the marked words is not exact either
    counts, _ = _score([_quote("outage “a disgrace for the", "mixed", "Olena Marchuk", None)])
    assert counts["exact_mixed"] == 0


def test_one_mixed_clause_holds_several_gold_fragments() -> None:
    text = ("The ministry said its troops had “liberated” the village and were "
            "“consolidating positions.” Nobody else spoke.\n")
    frags = [(text.index("liberated"), text.index("liberated") + len("liberated")),
             (text.index("consolidating"), text.index("positions.") + len("positions."))]
    gold = ArticleQuoteGold("m.txt", tuple(
        GoldQuote("mixed", text[s:e], s, e, "the ministry", ()) for s, e in frags), ())
    start = text.index("its troops")
    end = text.index("” Nobody") + 1
    clause = Quote(text[start:end], start, end, "mixed",
                   Speaker("the ministry", None, None), None, 0.8)
    counts: Counter[str] = Counter()
    errors: list[QuoteError] = []
    score_article("m.txt", text, gold, (clause,), counts, errors)
    assert counts["found_mixed"] == 2 and counts["exact_mixed"] == 2
    assert counts["predicted"] == 1 and counts["fp"] == 0 and errors == []
