"""Name forms the build adds: Arabic names as news English writes them, and English forms
of French compass region names (blind checks 40-42 of the event gold)."""

from __future__ import annotations

import pytest

from wirelens.geo.build import _arabic_variants, _english_compass
from wirelens.geo.gazetteer import Gazetteer


def test_arabic_article_and_final_ah_are_dropped() -> None:
    forms = set(_arabic_variants(["Al Ḩawījah", "Jisr ash Shughūr"]))
    assert {"Ḩawījah", "Ḩawīja", "Jisr al Shughūr"} <= forms
    assert "Al Ḩawījah" not in forms  # the name itself is indexed already


def test_short_names_keep_their_article() -> None:
    assert list(_arabic_variants(["Al Ain"])) == []


@pytest.mark.parametrize(("name", "forms"), [
    ("Nord-Kivu", ["North Kivu"]),
    ("Sud-Ouest", ["South West", "South-West"]),
    ("Extrême-Nord", ["Far North"]),
    ("Kivu", []),
])
def test_english_compass_forms(name: str, forms: list[str]) -> None:
    assert _english_compass(name) == forms


@pytest.mark.parametrize(("name", "country", "code"), [
    ("Hawija", "IQ", "PPL"),
    ("Qaim", "IQ", "PPL"),
    ("Jisr al-Shughur", "SY", "PPL"),
    ("South Kivu", "CD", "ADM1"),
    ("North Kivu", "CD", "ADM1"),
])
def test_news_forms_find_the_place(gaz: Gazetteer, name: str, country: str, code: str) -> None:
    top = gaz.lookup(name)[0]
    assert (top.country_code, top.feature_code) == (country, code)
