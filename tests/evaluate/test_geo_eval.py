"""The geoparsing scorer on a tiny corpus we wrote, and a smoke run on LGL when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SHARED

from wirelens.evaluate.geo import (
    auc,
    evaluate_geo,
    format_geo_scores,
    haversine_km,
    read_corpus,
    read_gold_dir,
)
from wirelens.pipeline import Pipeline

TEXT = "Fighting near Kharkiv. Russian officials met in Paris, Texas, on Monday."

# Offsets: Kharkiv 14-21, Russian 23-30, Paris 48-53, Texas 55-60.  Paris is given one
# character off, as TR-News sometimes does; the reader repairs it.
CORPUS = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <domain>example.com</domain>
    <text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym><start>14</start><end>21</end><phrase>Kharkiv</phrase>
        <gaztag geonameid="706483"><name>Kharkiv</name><fcode>PPLA</fcode>
          <lat>49.98</lat><lon>36.25</lon><country>Ukraine</country></gaztag></toponym>
      <toponym><start>23</start><end>30</end><phrase>Russian</phrase>
        <gaztag geonameid="2017370"><name>Russia</name><fcode>PCLI</fcode>
          <lat>60</lat><lon>100</lon><country>Russia</country></gaztag></toponym>
      <toponym><start>49</start><end>54</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><fcode>PPL</fcode>
          <lat>33.66</lat><lon>-95.56</lon><country>United States</country></gaztag></toponym>
      <toponym><start>55</start><end>60</end><phrase>Texas</phrase>
        <gaztag geonameid="4736286"><name>Texas</name><fcode>ADM1</fcode>
          <lat>31.25</lat><lon>-99.25</lon><country>United States</country></gaztag></toponym>
      <toponym><start>0</start><end>8</end><phrase>Nowhere</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture(scope="module")
def geo_pipeline() -> Pipeline:
    return Pipeline(components=("entities", "places"))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    assert TEXT[14:21] == "Kharkiv" and TEXT[48:53] == "Paris" and TEXT[55:60] == "Texas"
    path = tmp_path / "tiny.xml"
    path.write_text(CORPUS, encoding="utf-8")
    return path


def test_reader_repairs_and_drops(corpus: Path) -> None:
    (article,), realigned, dropped = read_corpus(corpus)
    assert (realigned, dropped) == (1, 1)
    paris = next(t for t in article.toponyms if t.phrase == "Paris")
    assert (paris.start, paris.end) == (48, 53)
    assert [t.demonym for t in article.toponyms] == [False, True, False, False]


def test_end_to_end(corpus: Path, geo_pipeline: Pipeline) -> None:
    scores = evaluate_geo(corpus, pipeline=geo_pipeline, gold_spans=False)
    assert scores.articles == 1 and scores.toponyms == 4 and scores.demonyms == 1
    rec = scores.recognition
    assert rec is not None and (rec.tp, rec.fp, rec.fn) == (3, 0, 0)
    assert scores.recognition_all is not None and scores.recognition_all.fn == 1
    r = scores.resolution
    assert (r.eligible, r.scored, r.correct_161) == (4, 3, 3)
    assert "accuracy@161 km 1.000" in format_geo_scores(scores)


def test_gold_spans(corpus: Path, geo_pipeline: Pipeline) -> None:
    scores = evaluate_geo(corpus, pipeline=geo_pipeline, gold_spans=True)
    assert scores.recognition is None
    r = scores.resolution
    # the demonym resolves to its country when it is given as a toponym
    assert (r.eligible, r.scored, r.correct_161) == (4, 4, 4)
    assert r.median_km == 0.0


def test_auc_and_distance() -> None:
    assert auc([0.0, 0.0]) == 0.0
    assert auc([20039.0, 20039.0]) == pytest.approx(1.0)
    assert 0.0 < auc([0.0, 100.0, 1000.0]) < 1.0
    # Kyiv to Moscow is about 755 km
    assert haversine_km(50.45, 30.52, 55.75, 37.62) == pytest.approx(755, abs=10)


def test_lgl_smoke(geo_pipeline: Pipeline) -> None:
    path = SHARED / "benchmarks" / "geo" / "lgl.xml"
    if not path.exists():
        pytest.skip("../shared is absent: the LGL corpus is read from there")
    scores = evaluate_geo(path, pipeline=geo_pipeline, limit=20, gold_spans=True)
    assert scores.articles == 20
    assert scores.resolution.scored > 100
    # a loose floor: the figures in the README come from the full corpus
    assert scores.resolution.accuracy_161 > 0.5


GEOVIRUS_STYLE = """<articles>
  <article>
    <source>https://example.org/outbreak</source>
    <text>Cases rose in Lviv and Odesa.</text>
    <locations>
      <location><name>Lviv</name><start>15</start><end>19</end>
        <lat>49.84</lat><lon>24.03</lon><page>https://example.org/Lviv</page></location>
      <location><name>Odesa</name><start>23</start><end>28</end>
        <lat>46.48</lat><lon>30.73</lon><page>https://example.org/Odesa</page></location>
    </locations>
  </article>
</articles>
"""


def test_reader_takes_geovirus_locations(tmp_path: Path) -> None:
    path = tmp_path / "gv.xml"
    path.write_text(GEOVIRUS_STYLE, encoding="utf-8")
    (article,), realigned, dropped = read_corpus(path)
    # GeoVirus' offsets are often one character late: the reader repairs them
    assert (realigned, dropped) == (1, 0)
    assert article.url == "https://example.org/outbreak"
    lviv, odesa = article.toponyms
    assert (lviv.start, lviv.end, lviv.lat, lviv.geonameid) == (14, 18, 49.84, None)
    assert (odesa.start, odesa.end, odesa.lon) == (23, 28, 30.73)


def _outlet_corpus() -> str:
    from tests.geo.test_outlets import CLARION, JACKSON

    # our fictional Tennessee paper: four stories that teach its home, then a bare
    # "Jackson" (gold: Jackson, Tennessee), all under one domain
    start = JACKSON.index("Jackson")
    stories = [f"""  <article docid="{n}"><domain>clarion.example</domain>
    <text><![CDATA[{t}]]></text><toponyms/></article>""" for n, t in enumerate(CLARION)]
    stories.append(f"""  <article docid="9"><domain>clarion.example</domain>
    <text><![CDATA[{JACKSON}]]></text>
    <toponyms><toponym><start>{start}</start><end>{start + 7}</end><phrase>Jackson</phrase>
      <gaztag geonameid="4632595"><name>Jackson</name><fcode>PPLA2</fcode>
        <lat>35.61</lat><lon>-88.81</lon><country>United States</country></gaztag>
    </toponym></toponyms></article>""")
    return "<articles>\n" + "\n".join(stories) + "\n</articles>\n"


def test_outlet_homes_are_learned_from_the_corpus(tmp_path: Path,
                                                  geo_pipeline: Pipeline) -> None:
    path = tmp_path / "clarion.xml"
    path.write_text(_outlet_corpus(), encoding="utf-8")
    for gold_spans in (False, True):
        scores = evaluate_geo(path, pipeline=geo_pipeline, gold_spans=gold_spans)
        assert (scores.outlets, scores.outlet_homes) == (1, 1)
        assert scores.homes["clarion.example"].admin1 == "Tennessee"
        # alone, Jackson is the larger one, in Mississippi; with the home, Tennessee's
        assert scores.resolution_alone is not None
        assert scores.resolution_alone.correct_161 == 0
        assert scores.resolution.correct_161 == 1
        assert "with outlet homes (1 of 1 outlets): accuracy@161 km 1.000" in \
            format_geo_scores(scores)
    # the pipeline given is left as it was
    assert dict(geo_pipeline.resources.outlet_homes) == {}
    off = evaluate_geo(path, pipeline=geo_pipeline, gold_spans=True, outlet_homes=False)
    assert off.resolution_alone is None and off.resolution.correct_161 == 0
    assert "(no outlet home learned; 1 outlets)" in format_geo_scores(off)


def _gold_folder(tmp_path: Path, *, shift: int = 0) -> Path:
    article = tmp_path / "story.txt"
    article.write_text(TEXT + "\n", encoding="utf-8")
    folder = tmp_path / "gold" / "places" / "here"
    folder.mkdir(parents=True)
    toponyms = [
        {"start": 14 + shift, "end": 21 + shift, "text": "Kharkiv", "geonameid": 706483,
         "fcode": "PPLA", "country": "Ukraine", "admin1": "Kharkiv", "lat": 49.98, "lon": 36.25},
        {"start": 48, "end": 53, "text": "Paris", "geonameid": 4717560, "fcode": "PPL",
         "country": "United States", "admin1": "Texas", "lat": 33.66, "lon": -95.56},
        {"start": 55, "end": 60, "text": "Texas", "geonameid": None, "name": "Texas",
         "fcode": "ADM1", "country": "United States", "lat": 31.25, "lon": -99.25},
    ]
    (folder / "story.json").write_text(json.dumps(
        {"article": str(article), "record": 0, "toponyms": toponyms}), encoding="utf-8")
    return folder


def test_our_gold_folder_is_read_and_scored_by_country(tmp_path: Path,
                                                       geo_pipeline: Pipeline) -> None:
    folder = _gold_folder(tmp_path)
    (article,) = read_gold_dir(folder)
    assert [t.phrase for t in article.toponyms] == ["Kharkiv", "Paris", "Texas"]
    assert article.toponyms[2].admin1_name == "Texas"
    scores = evaluate_geo(folder, pipeline=geo_pipeline, gold_spans=True,
                          countries=["Ukraine", "Russia"])
    assert scores.resolution.correct_161 == 3
    sub = scores.in_countries
    assert sub is not None and (sub.eligible, sub.scored, sub.correct_161) == (1, 1, 1)
    assert "of those, in Russia, Ukraine: 1 of 1, accuracy@161 km 1.000" in \
        format_geo_scores(scores)


def test_a_wrong_offset_in_our_gold_is_an_error_naming_the_file(tmp_path: Path) -> None:
    folder = _gold_folder(tmp_path, shift=1)
    with pytest.raises(ValueError, match=r"story\.json: 'Kharkiv' is not at 15-22"):
        read_gold_dir(folder)


def test_government_marks_are_scored_where_our_gold_has_them(tmp_path: Path,
                                                            geo_pipeline: Pipeline) -> None:
    text = "Kyiv said on Monday that talks had failed. Shelling hit Kharkiv overnight.\n"
    article = tmp_path / "gov.txt"
    article.write_text(text, encoding="utf-8")
    folder = tmp_path / "gold" / "places" / "gov"
    folder.mkdir(parents=True)
    kharkiv = text.index("Kharkiv")
    toponyms = [
        {"start": 0, "end": 4, "text": "Kyiv", "geonameid": 703448, "fcode": "PPLC",
         "country": "Ukraine", "lat": 50.45, "lon": 30.52, "government": True},
        {"start": kharkiv, "end": kharkiv + 7, "text": "Kharkiv", "geonameid": 706483,
         "fcode": "PPLA", "country": "Ukraine", "lat": 49.98, "lon": 36.25, "government": True},
    ]
    (folder / "gov.json").write_text(json.dumps(
        {"article": str(article), "toponyms": toponyms}), encoding="utf-8")
    scores = evaluate_geo(folder, pipeline=geo_pipeline, gold_spans=False)
    # "Kyiv said" is marked; "hit Kharkiv" is a place, which the gold (on purpose,
    # for the test) calls a government: a miss
    m = scores.metonymy
    assert m is not None and (m.tp, m.fp, m.fn) == (1, 0, 1)
    assert 'governments ("Kyiv said"), matched' in format_geo_scores(scores)
    assert evaluate_geo(folder, pipeline=geo_pipeline, gold_spans=True).metonymy is None
