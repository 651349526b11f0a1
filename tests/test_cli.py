"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES


def wirelens(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wirelens", *args], cwd=ROOT, input=stdin.decode() if stdin
        else None, capture_output=True, text=True, timeout=300,
    )


def test_sample_json_validates_against_the_schema(konstantinovka_path: Path) -> None:
    from wirelens.schema import validate

    done = wirelens("analyze", str(konstantinovka_path), "--format", "json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert validate(record) == []
    names = {e["name"] for e in record["entities"] if e["label"] == "PERSON"}
    assert {"Vladimir Putin", "Maria Ivanovna", "Emma Carter"} <= names
    text = record["article"]["text"]
    for e in record["entities"]:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_text_report_shows_headline_and_speakers(konstantinovka_path: Path) -> None:
    done = wirelens("analyze", str(konstantinovka_path))
    assert done.returncode == 0, done.stderr
    assert "Putin Emphasizes" in done.stdout
    assert "Sergei Petrov" in done.stdout and "spokesperson" in done.stdout


def test_bad_inputs_fail_one_by_one_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Shelling hit Kharkiv\n\nMayor Ihor Terekhov said the strike hit a "
                    "warehouse in Kharkiv on Tuesday.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    done = wirelens("analyze", str(good), str(empty), str(binary), "--format", "jsonl")
    assert done.returncode == 1, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 1
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    assert any("empty.txt" in e and "empty" in e for e in errors), done.stderr
    assert any("photo.txt" in e and "binary" in e for e in errors), done.stderr


def test_nothing_analysed_exits_3(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    done = wirelens("analyze", str(missing))
    assert done.returncode == 3
    assert "nope.txt" in done.stderr


def test_stdin_and_jsonl_output() -> None:
    text = "Drone strike near Sumy\n\nA drone struck a farm near Sumy, officials said.\n"
    done = wirelens("analyze", "-", "--format", "jsonl", stdin=text.encode())
    assert done.returncode == 0, done.stderr
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["article"]["title"] == "Drone strike near Sumy"


def test_bundled_articles_all_analyse() -> None:
    done = wirelens("analyze", str(SAMPLES), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) >= 20


@pytest.mark.parametrize("command", [["analyze", "--help"], ["eval", "entities", "--help"],
                                     ["gazetteer", "build", "--help"]])
def test_help_ends_with_an_example(command: list[str]) -> None:
    done = wirelens(*command)
    assert done.returncode == 0
    assert "example" in done.stdout.split("options:")[-1]


def test_json_is_an_object_for_one_input_and_an_array_for_several() -> None:
    one = wirelens("analyze", str(SAMPLES / "14-burkina-abductions-brief.txt"), "--format", "json")
    assert isinstance(json.loads(one.stdout), dict)
    several = wirelens("analyze", str(SAMPLES / "14-burkina-abductions-brief.txt"),
                       str(SAMPLES / "09-black-sea-bulletin-briefs.jsonl"), "--format", "json")
    records = json.loads(several.stdout)
    assert isinstance(records, list) and len(records) == 4
