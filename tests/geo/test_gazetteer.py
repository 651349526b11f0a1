"""Lookups against the real index built from installed packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirelens.geo.build import BuildStats
from wirelens.geo.gazetteer import Gazetteer, GeoEntry, default_path


def _top_city(gaz: Gazetteer, name: str) -> GeoEntry:
    return next(e for e in gaz.lookup(name) if e.feature_class == "P")


def test_build_stats(built: BuildStats) -> None:
    assert built.countries >= 240
    assert built.cities > 200_000
    assert built.regions > 5000
    assert built.regions_joined > 3000
    assert built.size_bytes == built.path.stat().st_size


def test_konstantinovka_is_kostiantynivka(gaz: Gazetteer) -> None:
    city = _top_city(gaz, "Konstantinovka")
    assert city.country_code == "UA"
    assert city.lat == pytest.approx(48.53, abs=0.02)
    assert city.lon == pytest.approx(37.71, abs=0.02)
    assert city.admin1 == "Donetsk Oblast"
    assert city.country == "Ukraine"


@pytest.mark.parametrize("name", ["Kostiantynivka", "Kostyantynivka", "Konstantynivka"])
def test_kostiantynivka_spellings(gaz: Gazetteer, name: str) -> None:
    assert _top_city(gaz, name).geonameid == _top_city(gaz, "Konstantinovka").geonameid


@pytest.mark.parametrize("name", ["Artemovsk", "Artemivsk", "Bakhmut"])
def test_bakhmut(gaz: Gazetteer, name: str) -> None:
    top = gaz.lookup(name)[0]
    assert (top.name, top.country_code) == ("Bakhmut", "UA")


def test_kiev_is_kyiv(gaz: Gazetteer) -> None:
    top = gaz.lookup("Kiev")[0]
    assert (top.name, top.country_code, top.feature_code) == ("Kyiv", "UA", "PPLC")


def test_old_soviet_names_include_renamed_towns(gaz: Gazetteer) -> None:
    assert any(e.name == "Toretsk" and e.country_code == "UA" for e in gaz.lookup("Dzerzhinsk"))
    assert any(
        e.name == "Pokrovsk" and e.country_code == "UA" for e in gaz.lookup("Krasnoarmeysk")
    )


@pytest.mark.parametrize("name", ["Donetsk region", "Donetsk Oblast", "Donetsk Province"])
def test_donetsk_region(gaz: Gazetteer, name: str) -> None:
    top = gaz.lookup(name)[0]
    assert (top.name, top.feature_code, top.country_code) == ("Donetsk Oblast", "ADM1", "UA")


def test_donetsk_is_the_city(gaz: Gazetteer) -> None:
    entries = gaz.lookup("Donetsk")
    assert (entries[0].feature_class, entries[0].country_code) == ("P", "UA")
    assert any(e.feature_code == "ADM1" for e in entries[1:])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Moscow", "Moscow"),
        ("Geneva", "Geneva"),
        ("St. Petersburg", "Saint Petersburg"),
        ("Saint Petersburg", "Saint Petersburg"),
    ],
)
def test_big_city_first(gaz: Gazetteer, name: str, expected: str) -> None:
    top = gaz.lookup(name)[0]
    assert top.name == expected
    assert top.feature_class == "P"
    assert top.country_code == ("CH" if name == "Geneva" else "RU")


@pytest.mark.parametrize("name", ["Donbass", "Donbas"])
def test_donbas_named_region(gaz: Gazetteer, name: str) -> None:
    top = gaz.lookup(name)[0]
    assert (top.name, top.feature_code) == ("Donbas", "RGN")


@pytest.mark.parametrize(
    ("name", "code"),
    [("Kursk region", "RU"), ("Zaporizhzhia region", "UA"), ("Kherson region", "UA"),
     ("Luhansk region", "UA"), ("Crimea", "UA")],
)
def test_admin1_regions(gaz: Gazetteer, name: str, code: str) -> None:
    top = gaz.lookup(name)[0]
    assert (top.feature_code, top.country_code) == ("ADM1", code)


def test_crimea_is_one_entry(gaz: Gazetteer) -> None:
    assert len([e for e in gaz.lookup("Crimea") if e.feature_class != "P"]) == 1


@pytest.mark.parametrize("name", ["Gaza Strip", "West Bank", "Sahel", "Darfur"])
def test_named_regions(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name)[0].feature_code == "RGN"


def test_gaza_is_the_city(gaz: Gazetteer) -> None:
    top = gaz.lookup("Gaza")[0]
    assert (top.feature_class, top.country_code) == ("P", "PS")


@pytest.mark.parametrize("name", ["US", "U.S.", "USA", "United States"])
def test_united_states(gaz: Gazetteer, name: str) -> None:
    top = gaz.lookup(name)[0]
    assert (top.name, top.feature_code) == ("United States", "PCLI")


@pytest.mark.parametrize(
    ("name", "code"),
    [("UK", "GB"), ("Britain", "GB"), ("Russia", "RU"), ("DRC", "CD"), ("DR Congo", "CD"),
     ("Democratic Republic of the Congo", "CD"), ("Democratic Republic of Congo", "CD"),
     ("Zaire", "CD"), ("People's Republic of China", "CN"), ("Ivory Coast", "CI"), ("Burma", "MM"),
     ("Myanmar", "MM"), ("Syria", "SY"), ("Georgia", "GE"), ("Luxembourg", "LU")],
)
def test_country_short_forms(gaz: Gazetteer, name: str, code: str) -> None:
    top = gaz.lookup(name)[0]
    assert (top.feature_code, top.country_code) == ("PCLI", code)


def test_codes_match_only_in_capitals(gaz: Gazetteer) -> None:
    assert all(e.feature_code != "PCLI" for e in gaz.lookup("us"))
    assert gaz.lookup("UKR")[0].country_code == "UA"
    assert not gaz.has_name("ukr")


@pytest.mark.parametrize("name", ["Ukrainian", "Russian", "American", "English", "Arab"])
def test_demonyms_are_not_places(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) == ()
    assert not gaz.has_name(name)


def test_matches_say_how(gaz: Gazetteer) -> None:
    by_how = {m.how for m in gaz.lookup_matches("Kostiantynivka")}
    assert "alternate" in by_how
    top = gaz.lookup_matches("Moscow")[0]
    assert (top.how, top.matched_name) == ("preferred", "Moscow")
    kharkov = gaz.lookup_matches("Kharkov")[0]
    assert (kharkov.entry.name, kharkov.how) == ("Kharkiv", "alternate")
    # "Konstantynivka" is no GeoNames name of the town: only the fold finds it.
    folded = [m for m in gaz.lookup_matches("Konstantynivka") if m.entry.name == "Kostyantynivka"]
    assert folded and folded[0].how == "folded"


def test_get_and_has_name(gaz: Gazetteer) -> None:
    kyiv = gaz.lookup("Kyiv")[0]
    assert gaz.get(kyiv.geonameid) == kyiv
    assert gaz.get(-999_999_999) is None
    assert gaz.has_name("Kyiv")
    assert gaz.has_name("Kharkov")
    assert not gaz.has_name("Xqzzyvillex")
    assert gaz.lookup("") == ()


def test_region_has_centroid_flag(gaz: Gazetteer) -> None:
    region = gaz.lookup("Donetsk Oblast")[0]
    assert region.centroid is False
    assert region.admin1 == "Donetsk Oblast"


def test_default_path_uses_wirelens_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIRELENS_HOME", str(tmp_path))
    assert default_path().parent == tmp_path
    assert default_path().name.startswith("gazetteer-")


def test_us_counties(built: BuildStats, gaz: Gazetteer) -> None:
    assert built.counties > 3000
    (laurel,) = gaz.lookup("Laurel County")
    assert (laurel.feature_code, laurel.admin1, laurel.country_code) == ("ADM2", "Kentucky", "US")
    # no county coordinates in the data: the state's centroid, said so
    assert laurel.centroid and laurel.population == 0
    # a bare county name never outranks a town of that name
    assert gaz.lookup("Madison")[0].feature_class == "P"
    assert {e.admin1 for e in gaz.lookup("Clarke")} >= {"Georgia", "Virginia"}


def test_country_without_its_article(gaz: Gazetteer) -> None:
    assert gaz.lookup("Netherlands")[0].country_code == "NL"
    assert gaz.lookup("the Netherlands")[0].country_code == "NL"


@pytest.mark.parametrize(("name", "admin1"), [("Québec", "Quebec Province"),
                                              ("Montreal", "Quebec Province"),
                                              ("Brisbane", "Queensland")])
def test_canadian_and_australian_units(gaz: Gazetteer, name: str, admin1: str) -> None:
    assert _top_city(gaz, name).admin1 == admin1


def test_quebec_province_has_a_population(gaz: Gazetteer) -> None:
    (prov,) = [e for e in gaz.lookup("Quebec Province") if e.feature_code == "ADM1"]
    assert prov.population > 5_000_000


@pytest.mark.parametrize(("name", "expected"), [
    ("Middle East", "Middle East"), ("Scandinavia", "Scandinavia"),
    ("Southern California", "Southern California"), ("EU", "European Union"),
    ("Newfoundland", "Newfoundland and Labrador"), ("L.A.", "Los Angeles"),
    ("South Ossetia", "South Ossetia"), ("the Caucasus", "Caucasus"),
    ("Urals", "Ural Mountains"), ("Siberia", "Siberia"), ("Kashmir", "Kashmir"),
    ("NSW", "New South Wales"),
])
def test_named_places_added(gaz: Gazetteer, name: str, expected: str) -> None:
    assert gaz.lookup(name)[0].name == expected


def test_eu_matches_only_in_capitals(gaz: Gazetteer) -> None:
    assert all(e.name != "European Union" for e in gaz.lookup("Eu"))


def test_region_abbreviations_match_only_in_capitals(gaz: Gazetteer) -> None:
    assert gaz.lookup("NSW")[0].name == "New South Wales"
    assert not gaz.has_name("nsw")


def test_machine_translated_native_names_are_not_indexed(gaz: Gazetteer) -> None:
    # the regions data call Lusaka Province "Saturday" and Butaleja District "Business"
    assert gaz.lookup("Saturday") == ()
    assert gaz.lookup("Business") == ()
    # an endonym spelled like the name is kept
    assert gaz.lookup("Lusaka Province")[0].country_code == "ZM"


def test_units_below_admin1_are_admin2(gaz: Gazetteer) -> None:
    # Italy's list mixes regions with provinces and consortia: Trapani is one level down
    trapani = [e for e in gaz.lookup("Trapani") if e.feature_class == "A"]
    assert [(e.feature_code, e.country_code) for e in trapani] == [("ADM2", "IT")]
    assert trapani[0].admin1 is None
    sicily = gaz.lookup("Sicily")[0]
    assert (sicily.feature_code, sicily.country_code) == ("ADM1", "IT")


def test_two_letter_codes_are_not_country_names(gaz: Gazetteer) -> None:
    # "a BA spokesperson", "call 911 or the FM station": not Bosnia, not Micronesia
    assert all(e.feature_code != "PCLI" for e in gaz.lookup("BA"))
    assert all(e.feature_code != "PCLI" for e in gaz.lookup("FM"))
    assert gaz.lookup("US")[0].country_code == "US"


# Where ISO and GeoNames both number a country's units, equal codes name different
# units; those joins are made by geography instead (build.CODE_JOIN_AGREEMENT).
@pytest.mark.parametrize(("name", "admin1"), [
    ("Pakokku", "Magway"), ("Sittwe", "Rakhine"), ("Lashio", "Shan"),
    ("Sapporo", "Hokkaidō"), ("Mombasa", "Mombasa County"), ("Jeddah", "Makkah Region"),
    ("Kota Kinabalu", "Sabah"), ("Santo Domingo", "Ozama"),
    # joins by code that agree with the map are kept
    ("Toronto", "Ontario"), ("Geneva", "Geneva Canton"), ("Kramatorsk", "Donetsk Oblast"),
])
def test_numbered_units_are_joined_by_geography(gaz: Gazetteer, name: str, admin1: str) -> None:
    assert _top_city(gaz, name).admin1 == admin1


def test_a_join_by_code_is_scored_by_the_map() -> None:
    from wirelens.geo.build import _agreement

    groups = {"01": [(0.0, 0.0, 1), (0.1, 0.1, 1)], "02": [(5.0, 5.0, 1)]}
    nearest = {"01": {1: 2}, "02": {2: 1}}
    assert _agreement({1: "01", 2: "02"}, groups, nearest) == 1.0
    assert _agreement({2: "01", 1: "02"}, groups, nearest) == 0.0
