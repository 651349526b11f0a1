"""Plain text: headline rule, front matter, read_text and content-hash ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirelens.errors import Code, InputError
from wirelens.ingest import article_id, read_inputs, read_text
from wirelens.model import Article

BODY = (
    "Two people were killed when a missile hit an apartment block in Zarichne overnight, "
    "the head of the regional administration said on Wednesday."
)


def article(path: Path) -> Article:
    (item,) = read_inputs([path])
    assert isinstance(item, Article), item
    return item


def test_first_line_before_a_blank_line_is_the_headline_and_stays_in_the_text(
    tmp_path: Path,
) -> None:
    text = f"Missile hits apartment block in Zarichne\n\n{BODY}\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    got = article(path)
    assert got.title == "Missile hits apartment block in Zarichne"
    assert got.text == text
    assert got.text[13:22] == "apartment"  # offsets count the headline too
    assert got.source == str(path)
    assert got.language == "en"
    assert got.warnings == ()


def test_text_without_a_headline_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(f"{BODY}\nA second line follows directly.\n", encoding="utf-8")
    assert article(path).title is None


def test_a_single_paragraph_is_not_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(f"{BODY}\n\n", encoding="utf-8")
    assert article(path).title is None


def test_a_long_first_paragraph_is_not_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "lede.txt"
    path.write_text(f"{BODY} {BODY}\n\n{BODY}", encoding="utf-8")
    assert article(path).title is None


def test_front_matter_gives_metadata_and_is_cut_from_the_text(tmp_path: Path) -> None:
    path = tmp_path / "front.md"
    path.write_text(
        "---\n"
        'title: "Strike on Zarichne"\n'
        "url: https://news.example.net/zarichne\n"
        "outlet: Example Wire\n"
        "published: March 5, 2024\n"
        "author: Lena Okafor\n"
        "language: EN\n"
        "section: world\n"
        "---\n"
        f"Missile hits apartment block\n\n{BODY}",
        encoding="utf-8",
    )
    got = article(path)
    assert got.title == "Strike on Zarichne"  # front matter wins over the headline rule
    assert got.url == "https://news.example.net/zarichne"
    assert got.outlet == "Example Wire"
    assert got.published == "2024-03-05"
    assert got.author == "Lena Okafor"
    assert got.language == "en"
    assert got.text.startswith("Missile hits apartment block\n\nTwo people")
    assert got.text[0:7] == "Missile"


def test_front_matter_without_title_falls_back_to_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "front.txt"
    path.write_text(f"---\nurl: https://x.example\n---\nHeadline here\n\n{BODY}", encoding="utf-8")
    got = article(path)
    assert got.title == "Headline here"
    assert got.url == "https://x.example"


def test_an_unclosed_fence_is_ordinary_text(tmp_path: Path) -> None:
    text = f"---\ntitle: nothing closes this\n{BODY}"
    path = tmp_path / "fence.txt"
    path.write_text(text, encoding="utf-8")
    got = article(path)
    assert got.text == text
    assert got.title is None


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T14:30:00+02:00", "2024-03-05T14:30:00+02:00"),
        ("5 March 2024", "2024-03-05"),
        ("March 2024", "2024-03-01"),
        ("Tue, 05 Mar 2024 14:30:00 GMT", "2024-03-05T14:30:00"),
    ],
)
def test_published_is_normalised_to_iso(given: str, stored: str) -> None:
    got = read_text(BODY, source="<test>", published=given)
    assert got.published == stored
    assert got.warnings == ()


@pytest.mark.parametrize("given", ["sometime last spring", "yesterday"])
def test_unparseable_published_is_dropped_with_a_warning(given: str) -> None:
    got = read_text(BODY, source="<test>", published=given)
    assert got.published is None
    assert got.warnings == (f"published date {given!r} not understood; left empty",)


def test_read_text_applies_the_file_rules_and_keywords_win() -> None:
    got = read_text(
        f"---\ntitle: From front matter\n---\r\nHeadline\r\n\r\n{BODY}",
        source="<string>",
        title="From the caller",
        url="https://news.example.net/a",
        outlet="Example Wire",
        language="en",
    )
    assert got.text == f"Headline\n\n{BODY}"
    assert got.title == "From the caller"
    assert got.source == "<string>"
    assert got.outlet == "Example Wire"
    assert got.id == article_id(got.text, "From the caller", "https://news.example.net/a")


def test_read_text_refuses_blank_text() -> None:
    with pytest.raises(InputError) as caught:
        read_text(" \n\t", source="<string>")
    assert caught.value.code is Code.EMPTY
    assert str(caught.value).startswith("<string>: ")


def test_id_is_stable_across_reads_and_changes_with_the_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Headline\n\n{BODY}", encoding="utf-8")
    first, second = article(path), article(path)
    assert first.id == second.id
    assert len(first.id) == 16
    assert all(char in "0123456789abcdef" for char in first.id)
    path.write_text(f"Headline\n\n{BODY} One more sentence.", encoding="utf-8")
    assert article(path).id != first.id


def test_article_id_depends_on_each_part() -> None:
    base = article_id("text", "title", "https://a.example")
    assert base == article_id("text", "title", "https://a.example")
    assert base != article_id("text!", "title", "https://a.example")
    assert base != article_id("text", "other", "https://a.example")
    assert base != article_id("text", "title", None)
    assert article_id("text", None, None) != article_id("text", "", None)
