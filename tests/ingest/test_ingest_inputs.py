"""read_inputs as the CLI uses it: paths, directories, stdin, languages."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from wirelens.errors import Code
from wirelens.ingest import read_inputs
from wirelens.model import Article, Failure

ENGLISH = (
    "Rescue workers searched the rubble of a school gymnasium for a second day, "
    "the emergency service said, after an overnight attack on the city."
)
# Written for these tests: a short French and a short Russian news paragraph.
FRENCH = (
    "Les secouristes ont fouillé les décombres du gymnase d'une école pour la "
    "deuxième journée consécutive, a indiqué le service des urgences."
)
RUSSIAN = (
    "Спасатели второй день разбирают завалы школьного спортзала после ночной атаки "
    "на город, сообщила служба по чрезвычайным ситуациям."
)


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    (root / "b-dir" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text(ENGLISH, encoding="utf-8")
    (root / "a.md").write_text(ENGLISH + " A.", encoding="utf-8")
    (root / "b-dir" / "page.HTM").write_text("<html><body><p>x", encoding="utf-8")
    (root / "b-dir" / "deeper" / "feed.jsonl").write_text(
        json.dumps({"text": ENGLISH}) + "\n", encoding="utf-8"
    )
    (root / "b-dir" / "notes.text").write_text(ENGLISH + " B.", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "README").write_text("no extension: skipped", encoding="utf-8")
    (root / ".hidden" / "secret.txt").write_text(ENGLISH, encoding="utf-8")
    items = list(read_inputs([root]))
    assert [item.source for item in items] == [
        str(root / "a.md"),
        str(root / "b-dir" / "deeper" / "feed.jsonl") + ":1",
        str(root / "b-dir" / "notes.text"),
        str(root / "b-dir" / "page.HTM"),
        str(root / "z.txt"),
    ]
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Article", "Article", "Article", "Failure", "Article"]
    assert list(read_inputs([root])) == items  # stable


def test_directory_without_known_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "only.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (got,) = read_inputs([tmp_path])
    assert isinstance(got, Failure)
    assert got.code == Code.EMPTY.value


def test_named_file_with_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.eml"
    path.write_text(ENGLISH, encoding="utf-8")
    (got,) = read_inputs([str(path)])
    assert isinstance(got, Article)
    assert got.text == ENGLISH


def test_missing_path_is_not_found_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = list(read_inputs([missing, good]))
    assert isinstance(items[0], Failure)
    assert items[0].code == Code.NOT_FOUND.value
    assert str(items[0]) == f"{missing}: no such file or directory"
    assert isinstance(items[1], Article)


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, f"Headline\r\n\r\n{ENGLISH}".encode())
    (got,) = read_inputs(["-"])
    assert isinstance(got, Article)
    assert got.source == "-"
    assert got.title == "Headline"
    assert got.text == f"Headline\n\n{ENGLISH}"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": ENGLISH, "title": "One"}), "", json.dumps({"text": FRENCH})]
    fake_stdin(monkeypatch, "\n".join(lines).encode())
    items = list(read_inputs(["-"]))
    assert [item.source for item in items] == ["-:1", "-:3"]
    assert all(isinstance(item, Article) for item in items)


def test_stdin_starting_with_a_brace_but_not_jsonl_is_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "{Editor's note} " + ENGLISH
    fake_stdin(monkeypatch, text.encode())
    (got,) = read_inputs(["-"])
    assert isinstance(got, Article)
    assert got.text == text


def test_empty_stdin_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"")
    (got,) = read_inputs(["-"])
    assert isinstance(got, Failure)
    assert got.source == "-"
    assert got.code == Code.EMPTY.value


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (RUSSIAN, "ru")])
def test_non_english_text_is_flagged(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    (got,) = read_inputs([path])
    assert isinstance(got, Article)
    assert got.language == code
    (warning,) = got.warnings
    assert re.fullmatch(
        rf"language detected as '{code}' \(confidence [01]\.\d\d\); "
        "the English pipeline will not analyse it",
        warning,
    )


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "Russian Defense Ministry spokesman Igor Konashenkov said air defenses shot down "
        "twelve drones over Belgorod and Kursk.",
        "Zelensky met Macron in Paris.",  # too short to judge: taken as English
        "Київ, Україна",
    ],
)
def test_english_and_short_texts_get_en_without_warning(tmp_path: Path, text: str) -> None:
    path = tmp_path / "en.txt"
    path.write_text(text, encoding="utf-8")
    (got,) = read_inputs([path])
    assert isinstance(got, Article)
    assert got.language == "en"
    assert got.warnings == ()


def test_given_language_is_not_second_guessed(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"text": RUSSIAN, "language": "ru-RU"}) + "\n", encoding="utf-8")
    (got,) = read_inputs([path])
    assert isinstance(got, Article)
    assert got.language == "ru"
    assert got.warnings == ()


def test_default_language_replaces_detection(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    (got,) = read_inputs([path], default_language="fr")
    assert isinstance(got, Article)
    assert got.language == "fr"
    assert got.warnings == ()


def test_text_only_stdin_is_read_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(ENGLISH))
    (got,) = read_inputs(["-"])
    assert isinstance(got, Article)
    assert got.text == ENGLISH


def test_missing_stdin_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    (got,) = read_inputs(["-"])
    assert isinstance(got, Failure)
    assert str(got) == "-: no standard input to read"
