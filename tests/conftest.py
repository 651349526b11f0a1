"""Shared fixtures: one pipeline per test session (the model loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples" / "articles"


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from wirelens.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def quote_pipeline():  # type: ignore[no-untyped-def]
    """The components quotes need, loaded once for every test module that asks."""
    from wirelens.pipeline import Pipeline

    return Pipeline(components=("entities", "coref", "quotes"))


def analyze_text(pipeline, text: str):  # type: ignore[no-untyped-def]
    """``pipeline`` on ``text`` read as a plain-text input."""
    from wirelens.ingest import read_text

    return pipeline.analyze(read_text(text, source="test"))


@pytest.fixture(scope="session")
def konstantinovka_path() -> Path:
    path = SHARED / "samples" / "konstantinovka.txt"
    if not path.exists():
        pytest.skip("../shared is absent: the Konstantinovka sample is read from there")
    return path


@pytest.fixture(scope="session")
def konstantinovka(pipeline, konstantinovka_path):  # type: ignore[no-untyped-def]
    from wirelens.ingest import read_inputs

    (article,) = read_inputs([konstantinovka_path])
    return pipeline.analyze(article)
