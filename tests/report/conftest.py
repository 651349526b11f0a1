"""A hand-built analysis of a short fictional article, every span cut from its text."""

from __future__ import annotations

import pytest

from wirelens.model import (
    Analysis,
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Span,
    Speaker,
)

TITLE = "Shelling resumes in Zarichne as talks in Geneva stall"

# Fictional: the town, the people and the events are invented for these tests.
TEXT = (
    "ZARICHNE, Ukraine — Artillery shells struck a school and two apartment blocks in "
    "Zarichne overnight, killing three civilians, regional officials said on Tuesday.\n\n"
    "“We spent the whole night in the basement with the children,” said Iryna Bondar, "
    "the mayor of Zarichne. She said the city had no electricity by morning.\n\n"
    "Moscow denied targeting civilians. A spokesman for the Russian Ministry of Defence, "
    "Oleg Sorokin, said the strikes had hit “military infrastructure only.”\n\n"
    "Kyiv said it would raise the attack at the talks in Geneva. "
    "Жители города называют эту ночь «ночью страха»."
)


def span(needle: str, *, after: str | None = None) -> Span:
    """The first ``needle`` in TEXT (after the first ``after``, when given)."""
    offset = 0 if after is None else TEXT.index(after) + len(after)
    start = TEXT.index(needle, offset)
    return Span(start, start + len(needle), needle)


def name(needle: str, *, after: str | None = None) -> Mention:
    return Mention(span(needle, after=after))


def build_analysis() -> Analysis:
    article = Article(
        id="7c1e5a90d4b2",
        text=TEXT,
        title=TITLE,
        url="https://example.org/news/zarichne-shelling",
        outlet="The Borderland Courier",
        published="2024-03-05",
        language="en",
        author="Mara Lind",
        source="samples/zarichne.txt",
        warnings=("language: 6% of the text is not English",),
    )
    bondar = Entity(
        id="e1",
        label="PERSON",
        name="Iryna Bondar",
        mentions=(
            name("Iryna Bondar"),
            Mention(span("the mayor of Zarichne"), "description"),
            Mention(span("She"), "pronoun"),
        ),
        role="mayor",
        affiliation="Zarichne city council",
    )
    sorokin = Entity(
        id="e2",
        label="PERSON",
        name="Oleg Sorokin",
        mentions=(
            Mention(span("A spokesman for the Russian Ministry of Defence"), "description"),
            name("Oleg Sorokin"),
        ),
        role="spokesman",
        affiliation="Russian Ministry of Defence",
    )
    ministry = Entity(
        id="e3", label="ORG", name="Russian Ministry of Defence",
        mentions=(name("Russian Ministry of Defence"),),
    )
    zarichne = Entity(
        id="e4", label="GPE", name="Zarichne",
        mentions=(
            name("ZARICHNE"),
            name("Zarichne", after="apartment blocks in "),
            name("Zarichne", after="the mayor of "),
        ),
    )
    kyiv = Entity(id="e5", label="GPE", name="Kyiv", mentions=(name("Kyiv"),))
    moscow = Entity(id="e6", label="GPE", name="Moscow", mentions=(name("Moscow"),))
    geneva = Entity(id="e7", label="GPE", name="Geneva", mentions=(name("Geneva"),))
    ukraine = Entity(id="e8", label="GPE", name="Ukraine", mentions=(name("Ukraine"),))

    quotes = (
        Quote(
            text=(q := span("We spent the whole night in the basement with the children")).text,
            start=q.start,
            end=q.end,
            kind="direct",
            speaker=Speaker("Iryna Bondar", "e1", span("Iryna Bondar"), "mayor",
                            "Zarichne city council"),
            cue=span("said", after="children,” "),
            confidence=0.95,
        ),
        Quote(
            text=(q := span("the city had no electricity by morning")).text,
            start=q.start,
            end=q.end,
            kind="indirect",
            speaker=Speaker("Iryna Bondar", "e1", span("She"), "mayor", None),
            cue=span("said", after="She "),
            confidence=0.8,
        ),
        Quote(
            text=(q := span("the strikes had hit “military infrastructure only.”")).text,
            start=q.start,
            end=q.end,
            kind="mixed",
            speaker=Speaker("Oleg Sorokin", "e2", span("Oleg Sorokin"), "spokesman",
                            "Russian Ministry of Defence"),
            cue=span("said", after="Oleg Sorokin, "),
            confidence=0.9,
        ),
        Quote(
            text=(q := span("it would raise the attack at the talks in Geneva")).text,
            start=q.start,
            end=q.end,
            kind="indirect",
            speaker=Speaker("Kyiv", "e5", span("Kyiv"), None, None),
            cue=span("said", after="Kyiv "),
            confidence=0.7,
        ),
        Quote(
            text=(q := span("Artillery shells struck a school and two apartment blocks in "
                            "Zarichne overnight, killing three civilians")).text,
            start=q.start,
            end=q.end,
            kind="indirect",
            speaker=Speaker("regional officials", None, span("regional officials")),
            cue=span("said"),
            confidence=0.6,
        ),
    )
    places = (
        Place(span("ZARICHNE"), 9_900_001, "Zarichne", "UA", "Kharkiv Oblast", 49.5731,
              36.9012, "PPL", "city", 0.85),
        Place(span("Ukraine"), 690_791, "Ukraine", "UA", None, 49.0, 32.0, "PCLI", "country",
              0.99),
        Place(span("Moscow"), 524_901, "Moscow", "RU", "Moscow", 55.75222, 37.61556, "PPLC",
              "city", 0.9, government=True),
        Place(span("Kyiv"), 703_448, "Kyiv", "UA", "Kyiv City", 50.45466, 30.5238, "PPLC",
              "city", 0.9, government=True),
        Place(span("Geneva"), 2_660_646, "Geneva", "CH", "Geneva", 46.20222, 6.14569, "PPLA",
              "city", 0.8),
    )
    events = (
        Event(
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            actor1="Military Forces of Russia",
            actor2="Civilians (Ukraine)",
            location="Zarichne",
            date="2024-03-04",
            fatalities=3,
            evidence=span("Artillery shells struck a school and two apartment blocks in "
                          "Zarichne overnight, killing three civilians"),
            status="claim",
            confidence=0.75,
        ),
        Event(
            event_type="Strategic developments",
            sub_event_type="Other",
            actor1="Government of Ukraine",
            actor2=None,
            location="Geneva",
            date=None,
            fatalities=None,
            evidence=span("raise the attack at the talks in Geneva"),
            status="background",
            confidence=0.4,
        ),
    )
    return Analysis(
        article=article,
        entities=(bondar, sorokin, ministry, zarichne, kyiv, moscow, geneva, ukraine),
        quotes=quotes,
        places=places,
        events=events,
        warnings=("events: date of 'overnight' taken as the day before publication",),
    )


@pytest.fixture
def analysis() -> Analysis:
    return build_analysis()


@pytest.fixture
def empty() -> Analysis:
    """An article in which nothing was found: every section must say so."""
    return Analysis(article=Article(id="0f0f0f0f0f0f", text="Nothing happened today."))
