"""HTML: trafilatura extraction, metadata, charsets and broken markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirelens.errors import Code
from wirelens.ingest import read_inputs
from wirelens.model import Article, Failure

# A fictional page written for these tests: the outlet, the places, the people
# and the events are all invented.
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>Drone strike hits grain depot near Velikovka | The Harbor Courier</title>
<meta property="og:title" content="Drone strike hits grain depot near Velikovka">
<meta property="og:site_name" content="The Harbor Courier">
<meta property="og:url" content="https://courier.example.org/world/velikovka-depot">
<meta name="author" content="Mara Lindqvist">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Drone strike hits grain depot near Velikovka</h1>
<p>A drone struck a grain depot on the outskirts of Velikovka early on Tuesday, killing
two workers and setting fire to a warehouse, the regional governor said.</p>
<p>“We heard the engine for a minute before it hit,” said Anton Berezin, a night guard
at the depot. “Then everything was burning.”</p>
<p>The regional administration said firefighters had contained the blaze by mid-morning.
The ministry of defence did not respond to a request for comment.</p>
<p>Local officials said the depot held about 3,000 tonnes of wheat destined for export
through the port of Solmar, some 80 kilometres to the south.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Storm closes coastal road</a></li>
<li><a href="/b">Council votes on budget</a></li></ul></aside>
<footer><p>© 2024 The Harbor Courier. All rights reserved.</p></footer>
</body>
</html>
"""

TITLE = "Drone strike hits grain depot near Velikovka"


def read_one(path: Path) -> Article | Failure:
    (item,) = read_inputs([path])
    return item


def test_article_page_gives_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "depot.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    got = read_one(path)
    assert isinstance(got, Article), got
    assert got.title == TITLE
    assert got.outlet == "The Harbor Courier"
    assert got.url == "https://courier.example.org/world/velikovka-depot"
    assert got.author == "Mara Lindqvist"
    assert got.published == "2024-03-05"
    assert got.language == "en"
    paragraphs = got.text.split("\n\n")
    # The <h1> opens the extracted text, so the title is not added a second time.
    assert paragraphs[0] == TITLE
    assert paragraphs[1].startswith("A drone struck a grain depot")
    assert "“We heard the engine" in got.text  # curly quotes kept
    for furniture in ("Most read", "Council votes", "All rights reserved", "Sport"):
        assert furniture not in got.text
    start = got.text.index("Anton Berezin")
    assert got.text[start : start + 13] == "Anton Berezin"


def test_title_is_prepended_when_the_body_does_not_start_with_it(tmp_path: Path) -> None:
    page = PAGE.format(charset="utf-8").replace(f"<h1>{TITLE}</h1>", "")
    path = tmp_path / "no-h1.htm"
    path.write_text(page, encoding="utf-8")
    got = read_one(path)
    assert isinstance(got, Article), got
    assert got.text.startswith(f"{TITLE}\n\nA drone struck")
    assert got.text.count(TITLE) == 1


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.format(charset="windows-1251").replace("Velikovka", "Великовка")
    page = page.replace("©", "(c)").replace("“", '"').replace("”", '"')
    path = tmp_path / "cyrillic.html"
    path.write_bytes(page.encode("cp1251"))
    got = read_one(path)
    assert isinstance(got, Article), got
    assert got.title == "Drone strike hits grain depot near Великовка"
    # Declared, not guessed: nothing to warn about.
    assert got.warnings == ()


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><div><p>unclosed",
        "<<<>>><div><span></b></i>&&&<p <td><<table>></tr>",
        "<html><head><title>Only a title</title></head><body>\n\n</body></html>",
    ],
)
def test_markup_without_article_text_is_an_html_failure(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "broken.html"
    path.write_text(markup, encoding="utf-8")
    got = read_one(path)
    assert isinstance(got, Failure), got
    assert got.code == Code.HTML.value
    assert got.message.startswith("no article text found in HTML (")
    assert str(got).startswith(f"{path}: ")
    assert "\n" not in str(got)


def test_binary_file_named_html_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    got = read_one(path)
    assert isinstance(got, Failure)
    assert got.code == Code.BINARY.value
