"""The text and Markdown reports: what a reader must find in them, and empty sections."""

from __future__ import annotations

import re

import pytest

from wirelens.model import Analysis, Article
from wirelens.report import render, render_markdown, render_text
from wirelens.report.text import WIDTH

SECTIONS = ["Speakers", "Quotes", "Places", "Events", "People & organisations", "Warnings"]


def test_text_headline_and_dateline(analysis: Analysis) -> None:
    lines = render_text(analysis).splitlines()
    assert lines[0] == "Shelling resumes in Zarichne as talks in Geneva stall"
    assert lines[1] == "The Borderland Courier · 2024-03-05 · en · id 7c1e5a90d4b2"
    assert "Mara Lind" in lines[2]


def test_text_sections_in_order(analysis: Analysis) -> None:
    lines = render_text(analysis).splitlines()
    assert [line for line in lines if line in SECTIONS] == SECTIONS


def test_text_speakers(analysis: Analysis) -> None:
    out = render_text(analysis)
    speakers = _section(out, "Speakers")
    assert speakers[0] == (
        "  Iryna Bondar (PERSON) — mayor, Zarichne city council — 3 mentions, 2 quotes"
    )
    assert (
        "  Oleg Sorokin (PERSON) — spokesman, Russian Ministry of Defence — 2 mentions, 1 quote"
        in speakers
    )
    # Organisations are listed even when they do not speak; speakers without an entity too.
    assert "  Russian Ministry of Defence (ORG) — 1 mention, 0 quotes" in speakers
    assert "  regional officials (no entity) — 1 quote" in speakers


def test_text_quotes_places_events(analysis: Analysis) -> None:
    out = render_text(analysis)
    quote = analysis.quotes[0]
    assert f"Iryna Bondar — direct — “{quote.text}” [{quote.start}–{quote.end}]" in out
    assert "Oleg Sorokin — mixed — “the strikes had hit “military infrastructure only.””" in out
    places = "\n".join(_section(out, "Places"))
    for name in ("Zarichne, UA, Kharkiv Oblast", "Geneva, CH, Geneva", "49.5731, 36.9012"):
        assert name in places
    assert "Kyiv, UA, Kyiv City — 50.4547, 30.5238 — city (government)" in places
    assert "Geneva, CH, Geneva — 46.2022, 6.1457 — city —" in places
    events = " ".join(line.strip() for line in _section(out, "Events"))
    assert "Explosions/Remote violence / Shelling/artillery/missile attack — claim" in events
    assert "Military Forces of Russia vs Civilians (Ukraine) — Zarichne — 2024-03-04" in events
    assert "3 killed" in events


def test_text_entities_and_warnings(analysis: Analysis) -> None:
    out = render_text(analysis)
    people = _section(out, "People & organisations")
    assert people[0] == "  PERSON"
    assert "    Iryna Bondar — 3 mentions: Iryna Bondar, the mayor of Zarichne, She" in people
    assert "    Zarichne — 3 mentions: ZARICHNE, Zarichne" in people
    assert _section(out, "Warnings") == [
        "  - language: 6% of the text is not English",
        "  - events: date of 'overnight' taken as the day before publication",
    ]


def test_text_wraps_at_width(analysis: Analysis) -> None:
    lines = render_text(analysis).splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    # The long event evidence wrapped onto an indented continuation line.
    assert any(line.startswith("    civilians”") for line in lines)


def test_text_color_bolds_headings_only(analysis: Analysis) -> None:
    assert "\x1b" not in render_text(analysis)
    colored = render_text(analysis, color=True).splitlines()
    bold = [line for line in colored if "\x1b" in line]
    assert bold == [f"\x1b[1m{h}\x1b[0m" for h in [analysis.article.title, *SECTIONS]]


def test_text_empty_says_none(empty: Analysis) -> None:
    out = render_text(empty)
    lines = out.splitlines()
    assert lines[0] == "(untitled)"
    assert lines[1] == "id 0f0f0f0f0f0f"
    for section in SECTIONS:
        assert _section(out, section) == ["  none"], section


def test_markdown_content(analysis: Analysis) -> None:
    md = render_markdown(analysis)
    assert md.startswith("# Shelling resumes in Zarichne as talks in Geneva stall\n")
    for section in SECTIONS:
        assert f"\n## {section}\n" in md
    assert "| Iryna Bondar | PERSON | mayor | Zarichne city council | 3 | 2 |" in md
    q = analysis.quotes[0]
    assert f"> “{q.text}”" in md
    assert f"> — **Iryna Bondar**, direct, [{q.start}–{q.end}]" in md
    assert "| Kyiv | UA | Kyiv City | 50.4547, 30.5238 | city | yes | “Kyiv” [473–477] |" in md
    assert "| Explosions/Remote violence / Shelling/artillery/missile attack | claim |" in md
    assert "| GPE | Zarichne | 3 | ZARICHNE, Zarichne |" in md
    assert "- language: 6% of the text is not English" in md


def test_markdown_tables_are_well_formed(analysis: Analysis) -> None:
    for block in render_markdown(analysis).split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            # Same number of cells in every row as in the header.
            widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
            assert len(widths) == 1, block


def test_markdown_escapes_article_text() -> None:
    article = Article(id="x", text="…", title="Strikes on *two* fronts | day #3 [update]")
    md = render_markdown(Analysis(article=article))
    assert md.splitlines()[0] == r"# Strikes on \*two\* fronts \| day \#3 \[update\]"


def test_markdown_empty_says_none(empty: Analysis) -> None:
    md = render_markdown(empty)
    assert md.startswith("# (untitled)\n")
    for section in SECTIONS:
        assert f"## {section}\n\nnone" in md, section


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_non_ascii_in_reports(analysis: Analysis, fmt: str) -> None:
    cyrillic = Article(id="ru1", text="Обстрел продолжается.", title="Обстрел «Заречного»")
    out = render(Analysis(article=cyrillic), fmt)  # type: ignore[arg-type]
    assert "Обстрел «Заречного»" in out
    assert "“We spent the whole night" in render(analysis, fmt)  # type: ignore[arg-type]


def _section(report: str, title: str) -> list[str]:
    """The lines under ``title`` in a text report, up to the next blank line."""
    lines = report.splitlines()
    start = lines.index(title) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]
