"""Golden records: the bundled fictional articles must analyse exactly as saved.

A change in behaviour shows up here as a diff.  When the change is intended,
run `make goldens` and review `git diff tests/goldens` before committing.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

GOLDENS = ROOT / "tests" / "goldens"


def _regen_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("regen_goldens",
                                                  ROOT / "scripts" / "regen_goldens.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return dict(_regen_module().records())
    finally:
        os.chdir(here)


def test_every_article_has_a_golden(current: dict[str, dict[str, object]]) -> None:
    saved = {p.name for p in GOLDENS.glob("*.json")}
    assert saved == set(current), "run `make goldens` to add or remove golden records"
    assert len(saved) >= 20


def test_records_match_their_goldens(current: dict[str, dict[str, object]]) -> None:
    changed = []
    for name, record in sorted(current.items()):
        saved = json.loads((GOLDENS / name).read_text(encoding="utf-8"))
        if saved != record:
            changed.append(name + _first_difference(saved, record))
    assert not changed, ("records differ from their goldens (if intended: `make goldens`):\n"
                         + "\n".join(changed))


def _first_difference(saved: object, now: object, path: str = "") -> str:
    if isinstance(saved, dict) and isinstance(now, dict):
        for key in sorted(set(saved) | set(now)):
            if saved.get(key) != now.get(key):
                return _first_difference(saved.get(key), now.get(key), f"{path}.{key}")
    if isinstance(saved, list) and isinstance(now, list):
        for i, (a, b) in enumerate(zip(saved, now, strict=False)):
            if a != b:
                return _first_difference(a, b, f"{path}[{i}]")
        return f" at {path}: length {len(saved)} -> {len(now)}"
    return f" at {path}: {saved!r} -> {now!r}"


def test_goldens_name_no_machine_path() -> None:
    for p in GOLDENS.glob("*.json"):
        source = json.loads(p.read_text(encoding="utf-8"))["article"]["source"]
        assert not Path(source).is_absolute(), (p.name, source)
