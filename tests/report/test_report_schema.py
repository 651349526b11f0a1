"""The JSON record against its schema: valid output passes, broken records fail loudly."""

from __future__ import annotations

import copy
import importlib
import sys
from collections.abc import Callable
from typing import Any

import pytest

from wirelens import schema
from wirelens.model import Analysis, Failure
from wirelens.report import failure_to_dict, to_dict
from wirelens.schema import load_schema, validate

Record = dict[str, Any]


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema = importlib.import_module("jsonschema")
    s = load_schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(s)
    assert "span" in s["$defs"]


def test_load_schema_returns_a_fresh_copy() -> None:
    first = load_schema()
    first["title"] = "changed"
    assert load_schema()["title"] != "changed"


def test_output_validates(analysis: Analysis) -> None:
    assert validate(to_dict(analysis)) == []


def test_empty_analysis_validates(empty: Analysis) -> None:
    record = to_dict(empty)
    assert validate(record) == []
    assert record["schema_version"] == "1"


def _set(path: str, value: Any) -> Callable[[Record], None]:
    *parents, last = path.split("/")

    def mutate(record: Record) -> None:
        node: Any = record
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _delete(path: str) -> Callable[[Record], None]:
    *parents, last = path.split("/")

    def mutate(record: Record) -> None:
        node: Any = record
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        del node[last]

    return mutate


BROKEN: dict[str, tuple[Callable[[Record], None], str]] = {
    "wrong quote kind": (_set("quotes/0/kind", "paraphrase"), "/quotes/0/kind"),
    "negative quote offset": (_set("quotes/1/start", -1), "/quotes/1/start"),
    "negative mention offset": (
        _set("entities/0/mentions/0/end", -5), "/entities/0/mentions/0/end"
    ),
    "negative span offset inside speaker": (
        _set("quotes/0/speaker/mention/start", -1), "/quotes/0/speaker/mention/start"
    ),
    "float offset": (_set("places/0/mention/start", 1.5), "/places/0/mention/start"),
    "missing article id": (_delete("article/id"), "/article"),
    "missing quote speaker": (_delete("quotes/0/speaker"), "/quotes/0"),
    "missing top-level schema_version": (_delete("schema_version"), "/"),
    "missing span text": (_delete("events/0/evidence/text"), "/events/0/evidence"),
    "wrong event status": (_set("events/0/status", "rumour"), "/events/0/status"),
    "wrong place precision": (_set("places/0/precision", "street"), "/places/0/precision"),
    "confidence above 1": (_set("places/1/confidence", 1.2), "/places/1/confidence"),
    "negative confidence": (_set("quotes/2/confidence", -0.1), "/quotes/2/confidence"),
    "string where integer": (_set("events/0/fatalities", "three"), "/events/0/fatalities"),
    "null where not nullable": (_set("places/0/name", None), "/places/0/name"),
    "government not boolean": (_set("places/2/government", "yes"), "/places/2/government"),
    "unknown entity label": (_set("entities/0/label", "WEAPON"), "/entities/0/label"),
    "unknown mention kind": (_set("entities/0/mentions/1/kind", "alias"),
                             "/entities/0/mentions/1/kind"),
    "unexpected key": (_set("article/summary", "…"), "/article"),
    "other schema version": (_set("schema_version", "2"), "/schema_version"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_record_fails(analysis: Analysis, case: str) -> None:
    mutate, where = BROKEN[case]
    record = copy.deepcopy(to_dict(analysis))
    mutate(record)
    errors = validate(record)
    assert errors, case
    # The message points at the broken value, not just "not valid under any schema".
    assert any(e.startswith(f"{where}:") for e in errors), errors


def test_nullable_fields_accept_null(analysis: Analysis) -> None:
    record = to_dict(analysis)
    record["quotes"][0]["speaker"] = None
    record["quotes"][1]["cue"] = None
    record["quotes"][2]["speaker"]["mention"] = None
    record["places"][0].update(geonameid=None, lat=None, lon=None, country=None)
    record["events"][0].update(actor1=None, fatalities=None, date=None)
    assert validate(record) == []


def test_failure_to_dict() -> None:
    record = failure_to_dict(Failure("feed.jsonl:7", "json", "line 7 is not JSON"))
    assert record == {"source": "feed.jsonl:7", "code": "json", "message": "line 7 is not JSON"}


def test_validate_without_jsonschema_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, empty: Analysis
) -> None:
    schema._validator.cache_clear()
    # None in sys.modules makes the next import of jsonschema fail, as if absent.
    monkeypatch.setitem(sys.modules, "jsonschema", None)
    try:
        with pytest.raises(ImportError, match="jsonschema"):
            validate(to_dict(empty))
    finally:
        schema._validator.cache_clear()
