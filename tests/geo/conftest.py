"""One gazetteer per test session, built offline into a temporary directory (~20 s)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wirelens.geo.build import BuildStats, build_gazetteer
from wirelens.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildStats:
    return build_gazetteer(tmp_path_factory.mktemp("geo") / "gazetteer.sqlite")


@pytest.fixture(scope="session")
def gaz(built: BuildStats) -> Iterator[Gazetteer]:
    g = Gazetteer.load(built.path)
    yield g
    g.close()
