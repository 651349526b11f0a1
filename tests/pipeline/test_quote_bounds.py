"""Where a reported statement starts and ends, and which constructions report at all.

Each test is one rule of ``pipeline/reported.py`` or ``pipeline/quotes.py``
run through the real pipeline on a sentence of our own (fictional).
"""

from __future__ import annotations

import pytest
from tests.conftest import analyze_text as run

from wirelens.model import Analysis, Quote
from wirelens.pipeline.reported import lead_in_end


def by_cue(record: Analysis, cue: str) -> list[Quote]:
    return [q for q in record.quotes if q.cue is not None and q.cue.text == cue]


# -- the writer's connective before "..., X said" -----------------------------------------


@pytest.mark.parametrize("text, start", [
    ("Still, the bridge will reopen", "the bridge"),
    ("In fact, the bridge will reopen", "the bridge"),
    ("Even so, the bridge will reopen", "the bridge"),
    ("In 2014, the bridge reopened", "In 2014"),  # a time is part of the content
    ("If it rains, the bridge will close", "If it rains"),  # so is a condition
])
def test_lead_in_end(text: str, start: str) -> None:
    assert text[lead_in_end(text, 0, len(text)):].startswith(start)


def test_a_connective_is_not_what_the_speaker_said(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "Still, the bridge will reopen by Friday, the mayor said.")
    (q,) = by_cue(record, "said")
    assert q.text == "the bridge will reopen by Friday"


# -- "As X reported, CLAUSE" ---------------------------------------------------------------


def test_as_x_reported_attributes_the_clause(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "As the ministry reported, the convoy reached Izium on Monday.")
    (q,) = by_cue(record, "reported")
    assert q.text == "the convoy reached Izium on Monday"
    assert q.speaker is not None and "ministry" in q.speaker.name.lower()


def test_as_x_noted_after_the_clause(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline,
                 "The dam has held through three winters, as the engineer noted.")
    (q,) = by_cue(record, "noted")
    assert q.text == "The dam has held through three winters"


def test_as_inside_a_title_case_headline_reports_nothing(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "Drone Strike Cuts Power In Kursk, Governor Says, As Moscow "
                 "Reports Dozens Of Drones Downed\n\nA drone attack set fire to a substation.")
    assert not by_cue(record, "Reports")


# -- a quotation that opens the reported clause --------------------------------------------


def test_the_clause_goes_on_after_the_quotation(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline,
                 "The mayor says “the bridge is safe” because engineers checked it twice.")
    (q,) = by_cue(record, "says")
    assert q.text == "“the bridge is safe” because engineers checked it twice"
    assert q.kind == "mixed"


# -- nouns of saying ------------------------------------------------------------------------


def test_a_possessor_claims_the_clause_of_its_noun(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "Moscow's claim that the town had fallen came hours before "
                 "the counterattack.")
    (q,) = by_cue(record, "claim")
    assert q.text == "that the town had fallen"
    assert q.speaker is not None and q.speaker.name == "Moscow"


def test_a_claim_with_nobody_as_its_source_is_no_quote(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The claim that the town had fallen spread on Monday.")
    assert not by_cue(record, "claim")


# -- verbs that report only with a clause ---------------------------------------------------


def test_finding_a_thing_is_no_attribution(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    # an event sentence in conflict news: nobody says anything
    record = run(quote_pipeline, "Sappers found Russian mines near the road to Orikhiv.")
    assert not record.quotes


def test_a_report_still_finds(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The report found serious damage to the dam.")
    (q,) = by_cue(record, "found")
    assert q.text == "serious damage to the dam"


@pytest.mark.parametrize("text", [
    "The rebels maintained their lead in the north.",
    "The army added two brigades to the front.",
    "The firm advises aid groups on demining.",
])
def test_a_plain_object_of_these_verbs_reports_nothing(quote_pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not run(quote_pipeline, text).quotes


# -- the subject the parse hangs on a participle --------------------------------------------


def test_the_subject_of_a_participle_speaks(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "Large majorities of voters going to the polls on Sunday "
                 "said they support a ceasefire.")
    (q,) = by_cue(record, "said")
    assert q.text == "they support a ceasefire"
    assert q.speaker is not None and "majorities" in q.speaker.name


# -- a comma inside the closing mark before an aside ----------------------------------------


def test_a_participle_after_a_closing_mark_is_a_statement_of_its_own(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The governor insisted that the army had “held the line,” "
                 "claiming that the shelling had eased.")
    (q,) = by_cue(record, "insisted")
    assert q.text == "that the army had “held the line,”"


# -- quote marks and split quotes -----------------------------------------------------------


def test_three_straight_apostrophes_close_a_single_then_a_double() -> None:
    from wirelens.pipeline.quotemarks import find_quotes

    text = "''I would call it 'old-school,''' he said. ''Go,'' she said."
    assert [text[q.start:q.end] for q in find_quotes(text)] == [
        "''I would call it 'old-school,'''", "''Go,''"]


def test_initials_and_titles_do_not_end_the_attribution(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline,
                 "“The corridor is open,” Ivan P. Horbach, an adviser to Mr. Danko, said on "
                 "Sunday. “The trucks can leave at dawn.”")
    halves = by_cue(record, "said")
    assert [q.text for q in halves] == ["“The corridor is open,”",
                                        "“The trucks can leave at dawn.”"]


def test_it_next_to_a_quotation_speaks(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The panel met in Kyiv. “Keep the curfew in place until May,” "
                 "it recommended.")
    (q,) = by_cue(record, "recommended")
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "it"


# -- passives -------------------------------------------------------------------------------


def test_a_passive_with_its_agent_reports_its_subject(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The meeting was first reported by Reuters.")
    (q,) = record.quotes
    assert q.text == "The meeting"
    assert q.speaker is not None and q.speaker.name == "Reuters"


@pytest.mark.parametrize("text", [
    "The meeting was first reported on Monday.",  # nobody is the source
    "The depot was blasted by a missile at dawn.",  # an event, not a statement
])
def test_a_passive_without_a_speaking_agent_reports_nothing(quote_pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not run(quote_pipeline, text).quotes


def test_his_claim_refers_back_to_the_speaker_before(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "A local official said the bridge was open. His claim that "
                 "the town had held came hours before the counterattack.")
    (q,) = by_cue(record, "claim")
    assert q.speaker is not None and q.speaker.name == "A local official"
    assert q.speaker.mention is not None and q.speaker.mention.text == "His"


def test_a_lead_in_runs_back_over_a_title(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The talks stalled. Mr. Danko is “not a man who gives up,” "
                 "the mayor said.")
    (q,) = by_cue(record, "said")
    assert q.text == "Mr. Danko is “not a man who gives up,”"
    assert q.kind == "mixed"


def test_a_speaker_phrase_is_named_up_to_its_describing_comma(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("The United Kingdom Maritime Trade Operations centre, which monitors shipping in "
            "the region, said the crew was safe. Repairs stopped at dusk, said the company’s "
            "spokesman, Vasyl Horbenko.")
    record = run(quote_pipeline, text)
    speakers = {q.text: q.speaker for q in record.quotes}
    centre = speakers["the crew was safe"]
    assert centre is not None
    assert centre.name == "The United Kingdom Maritime Trade Operations centre"
    # the mention keeps the whole phrase, so the description can still be read
    assert "which monitors shipping" in centre.mention.text
    spokesman = speakers["Repairs stopped at dusk"]
    assert spokesman is not None and "Horbenko" in spokesman.name


def test_a_second_verb_of_saying_after_a_reported_clause_is_the_speakers(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("The opposition government said at least 53 people had been killed, among them "
            "18 children, and called the attack “a war crime committed in broad daylight.”")
    record = run(quote_pipeline, text)
    crime = next(q for q in record.quotes if "war crime" in q.text)
    assert crime.speaker is not None
    assert crime.speaker.name.lower().startswith("the opposition government")


def test_a_fronted_place_is_not_the_speaker(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("In Quetta, the provincial capital, the provincial home minister, Naveed Marri, "
            "condemned the attack and said the state would “crush the terrorists”. "
            "“There will be no talks,” he told reporters.")
    record = run(quote_pipeline, text)
    crush = next(q for q in record.quotes if "crush the terrorists" in q.text)
    talks = next(q for q in record.quotes if "no talks" in q.text)
    assert crush.speaker is not None and crush.speaker.name == "Naveed Marri"
    assert talks.speaker is not None and talks.speaker.name == "Naveed Marri"
