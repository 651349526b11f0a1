"""JSON and JSONL records: good records survive the bad ones around them."""

from __future__ import annotations

import json
from pathlib import Path

from wirelens.errors import Code
from wirelens.ingest import read_inputs
from wirelens.model import Article, Failure

STORY = (
    "Ukrainian officials said a drone attack damaged a substation near the city overnight, "
    "leaving several thousand homes without power."
)


def record(**fields: object) -> str:
    return json.dumps({"text": STORY, **fields}, ensure_ascii=False)


def test_jsonl_broken_middle_and_truncated_last_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        record(title="First", url="https://wire.example/1", published="2024-03-05"),
        record(title="Second", outlet="Example Wire", language="en", author="K. Osei"),
        '{"text": "a broken record", "title": }',
        "",
        record(title="Fourth"),
        '{"text": "Officials said the cease',  # cut off mid-write, no final newline
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([path]))
    assert [item.source for item in items] == [
        f"{path}:1",
        f"{path}:2",
        f"{path}:3",
        f"{path}:5",
        f"{path}:6",
    ]
    first, second, broken, fourth, truncated = items
    assert isinstance(first, Article) and first.title == "First"
    assert first.url == "https://wire.example/1"
    assert first.published == "2024-03-05"
    assert isinstance(second, Article) and second.outlet == "Example Wire"
    assert second.author == "K. Osei"
    assert isinstance(fourth, Article) and fourth.title == "Fourth"
    assert isinstance(broken, Failure) and broken.code == Code.JSON.value
    assert str(broken).startswith(f"{path}:3: invalid JSON at column ")
    assert isinstance(truncated, Failure) and truncated.code == Code.JSON.value
    assert "truncated" in truncated.message
    for item in (broken, truncated):
        assert "\n" not in str(item)


def test_jsonl_record_problems_are_record_failures(tmp_path: Path) -> None:
    path = tmp_path / "records.ndjson"
    lines = [
        '["not", "an", "object"]',
        '{"title": "no text"}',
        '{"text": "   "}',
        '{"text": 42}',
        json.dumps({"text": STORY, "title": ["a", "list"]}),
        json.dumps({"text": STORY, "extra": {"ignored": True}, "url": None}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([path]))
    *failures, good = items
    assert all(isinstance(item, Failure) for item in failures)
    assert [(item.source, getattr(item, "code", None)) for item in failures] == [
        (f"{path}:{line}", Code.RECORD.value) for line in range(1, 6)
    ]
    messages = [item.message for item in failures if isinstance(item, Failure)]
    assert messages == [
        "record is a JSON array, not an object",
        "record has no 'text' field",
        "record field 'text' is empty",
        "record field 'text' must be a string, not number",
        "record field 'title' must be a string, not array",
    ]
    assert isinstance(good, Article) and good.url is None


def test_record_text_is_normalised_and_keeps_its_headline(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": f"Power cut\r\n\r\n{STORY}\u2028End."}), encoding="utf-8")
    (got,) = read_inputs([path])
    assert isinstance(got, Article), got
    assert got.text == f"Power cut\n\n{STORY}\nEnd."
    assert got.title == "Power cut"
    assert got.source == str(path)


def test_json_list_names_each_record_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(
        "[\n"
        f"  {record(title='A')},\n"
        '  {"text": ""},\n'
        "  {\n"
        f'    "title": "C",\n    "text": {json.dumps(STORY)}\n'
        "  }\n"
        "]\n",
        encoding="utf-8",
    )
    items = list(read_inputs([path]))
    assert [item.source for item in items] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert isinstance(items[0], Article) and items[0].title == "A"
    assert isinstance(items[1], Failure) and items[1].code == Code.RECORD.value
    assert isinstance(items[2], Article) and items[2].title == "C"


def test_invalid_json_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"text": "a"},\n {"text": "b"', encoding="utf-8")
    (got,) = read_inputs([path])
    assert isinstance(got, Failure)
    assert got.code == Code.JSON.value
    assert got.message.startswith("invalid JSON at line 2 column ")


def test_cp1251_jsonl_is_decoded_and_warned_per_record(tmp_path: Path) -> None:
    text = (
        "Министерство обороны заявило, что силы противовоздушной обороны сбили "
        "несколько беспилотников над областью."
    )
    path = tmp_path / "ru.jsonl"
    path.write_bytes((json.dumps({"text": text}, ensure_ascii=False) + "\n").encode("cp1251"))
    (got,) = read_inputs([path])
    assert isinstance(got, Article), got
    assert got.text == text
    assert "decoded as cp1251" in got.warnings


def test_deeply_nested_json_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    jsonl = tmp_path / "deep.jsonl"
    jsonl.write_text(f"{deep}\n{record()}\n", encoding="utf-8")
    first, second = read_inputs([jsonl])
    assert isinstance(first, Failure) and first.code == Code.JSON.value
    assert first.source == f"{jsonl}:1"
    assert isinstance(second, Article)
    single = tmp_path / "deep.json"
    single.write_text(deep, encoding="utf-8")
    (got,) = read_inputs([single])
    assert isinstance(got, Failure) and got.code == Code.JSON.value


def test_empty_json_list_and_scalar_are_failures(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    scalar = tmp_path / "scalar.json"
    scalar.write_text('"just a string"', encoding="utf-8")
    got = list(read_inputs([empty, scalar]))
    assert [(item.source, getattr(item, "code", None)) for item in got] == [
        (str(empty), Code.EMPTY.value),
        (str(scalar), Code.RECORD.value),
    ]


def test_odd_metadata_values_become_warnings(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(record(language="English", published="x" * 500) + "\n", encoding="utf-8")
    (got,) = read_inputs([path])
    assert isinstance(got, Article), got
    assert got.language == "en"  # detected instead
    assert got.published is None
    published, language = got.warnings
    assert language == "language 'English' is not an ISO 639 code; ignored"
    assert published.startswith("published date 'xxx")
    assert len(published) < 150
