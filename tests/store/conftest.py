"""Fixtures for the store and batch tests: stores, small corpora from our fictional samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.report.conftest import build_analysis
from wirelens.model import Analysis


@pytest.fixture
def analysis() -> Analysis:
    return build_analysis()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.duckdb"


def make_corpus(root: Path, *, copies: int, limit: int | None = None) -> list[Path]:
    """``copies`` variants of each plain-text sample, each with its own title (so its own id)."""
    root.mkdir(parents=True, exist_ok=True)
    samples = sorted(SAMPLES.glob("*.txt"))[:limit]
    written = []
    for n in range(copies):
        for sample in samples:
            text = sample.read_text(encoding="utf-8")
            # After the front matter, so the variant changes the headline (and the id)
            # but keeps the URL: copies past the first are new versions of that URL.
            head, rule, body = text.partition("\n---\n")
            varied = f"{head}{rule}Variant {n}. {body}" if rule else f"Variant {n}. {text}"
            path = root / f"{n:03d}-{sample.name}"
            path.write_text(varied, encoding="utf-8")
            written.append(path)
    return written


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    make_corpus(tmp_path / "corpus", copies=2, limit=6)
    return tmp_path / "corpus"
