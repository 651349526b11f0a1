"""to_dict and the JSON formats: field order, offsets that point into the text, round trips."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirelens.model import Analysis, Article, Entity, Event, Mention, Quote, Span, Speaker
from wirelens.report import FORMATS, render, to_dict
from wirelens.schema import validate


def spans_in(node: Any) -> Iterator[dict[str, Any]]:
    """Every object with start/end/text in a record: spans, mentions and quotes."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            yield node
        for value in node.values():
            yield from spans_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from spans_in(item)


def test_formats() -> None:
    assert FORMATS == ("text", "json", "jsonl", "md")


def test_field_order(analysis: Analysis) -> None:
    record = to_dict(analysis)
    assert list(record) == [
        "article", "entities", "quotes", "places", "events", "focus", "warnings",
        "schema_version",
    ]
    assert list(record["article"]) == [
        "id", "title", "url", "outlet", "published", "language",
        "text", "author", "source", "warnings",
    ]
    assert list(record["entities"][0]) == [
        "id", "label", "name", "mentions", "role", "affiliation", "base"
    ]
    assert list(record["entities"][0]["mentions"][0]) == ["start", "end", "text", "kind"]
    assert list(record["quotes"][0]) == [
        "text", "start", "end", "kind", "speaker", "cue", "confidence"
    ]
    assert list(record["quotes"][0]["speaker"]) == [
        "name", "entity_id", "mention", "role", "affiliation"
    ]
    assert list(record["places"][0]) == [
        "mention", "geonameid", "name", "country", "admin1", "lat", "lon",
        "feature_code", "precision", "confidence", "government",
    ]
    assert list(record["events"][0]) == [
        "event_type", "sub_event_type", "actor1", "actor2", "location", "date",
        "fatalities", "evidence", "status", "confidence",
    ]


def test_every_span_points_into_the_text(analysis: Analysis) -> None:
    record = json.loads(render(analysis, "json"))
    text = record["article"]["text"]
    spans = list(spans_in({k: v for k, v in record.items() if k != "article"}))
    # 13 entity mentions, 5 quotes, 5 speaker mentions, 5 cues, 5 places, 2 events.
    assert len(spans) == 35
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"], s


def test_json_is_pretty_and_round_trips(analysis: Analysis) -> None:
    out = render(analysis, "json")
    assert out.startswith('{\n  "article": {')
    assert json.loads(out) == to_dict(analysis)


def test_jsonl_is_one_line_and_round_trips(analysis: Analysis) -> None:
    out = render(analysis, "jsonl")
    # The article text has paragraph breaks; they must stay escaped inside the line.
    assert "\n" in analysis.article.text
    assert len(out.splitlines()) == 1
    assert json.loads(out) == to_dict(analysis)


def test_non_ascii_survives(analysis: Analysis) -> None:
    for fmt in FORMATS:
        out = render(analysis, fmt)
        assert "“We spent the whole night" in out, fmt
        assert "«ночью страха»" in out or fmt in {"text", "md"}, fmt
    # ensure_ascii=False: the JSON carries the characters, not \\u escapes.
    assert "\\u" not in render(analysis, "json")
    assert json.loads(render(analysis, "jsonl"))["article"]["text"] == analysis.article.text


def test_jsonl_escapes_unicode_line_separators() -> None:
    text = "Line one\u2028line two\u2029line three\x85end."
    article = Article(id="abc", text=text, title="Ceasefire\u2028talks")
    out = render(Analysis(article=article), "jsonl")
    assert len(out.splitlines()) == 1
    assert json.loads(out)["article"]["text"] == text


def test_nan_is_refused_not_written_as_invalid_json(analysis: Analysis) -> None:
    bad = Analysis(
        article=analysis.article,
        quotes=(Quote("x", 0, 1, "direct", None, None, float("nan")),),
    )
    with pytest.raises(ValueError):
        render(bad, "json")


def test_unknown_format(analysis: Analysis) -> None:
    with pytest.raises(ValueError, match="choose one of text, json, jsonl, md"):
        render(analysis, "html")  # type: ignore[arg-type]


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    """An article of any Unicode text, with spans anywhere in it."""
    text = draw(st.text(min_size=1, max_size=200))

    def spans() -> st.SearchStrategy[Span]:
        bounds = st.tuples(
            st.integers(0, len(text)), st.integers(0, len(text))
        ).map(sorted)
        return bounds.map(lambda b: Span(b[0], b[1], text[b[0]:b[1]]))

    mentions = draw(st.lists(spans(), min_size=1, max_size=5))
    entity = Entity("e1", "PERSON", mentions[0].text, tuple(Mention(m) for m in mentions))
    quote_span = draw(spans())
    quote = Quote(
        quote_span.text, quote_span.start, quote_span.end,
        draw(st.sampled_from(["direct", "indirect", "mixed"])),
        Speaker(entity.name, "e1", mentions[0]),
        draw(st.none() | spans()),
        draw(st.floats(0, 1)),
    )
    event = Event(
        "Battles", "Armed clash", None, None, None, None,
        draw(st.none() | st.integers(0, 10_000)),
        draw(spans()),
        draw(st.sampled_from(["fact", "claim", "background"])),
        draw(st.floats(0, 1)),
    )
    return Analysis(
        Article(id="h", text=text, title=draw(st.none() | st.text(max_size=40))),
        entities=(entity,), quotes=(quote,), events=(event,),
        warnings=tuple(draw(st.lists(st.text(max_size=20), max_size=3))),
    )


@given(analyses())
def test_to_dict_round_trips_through_json(analysis: Analysis) -> None:
    record = to_dict(analysis)
    for fmt in ("json", "jsonl"):
        assert json.loads(render(analysis, fmt)) == record
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    assert validate(record) == []
    text = record["article"]["text"]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans_in(record["entities"]))
