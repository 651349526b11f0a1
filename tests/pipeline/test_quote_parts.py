"""Content the parse splits or hides: the words before a parenthetical cue, a subject
the small model took for an object, a one-word answer; and PolNeAR content in parts.

The pipeline tests run sentences of our own (fictional) through the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import analyze_text as run

from wirelens.evaluate.quotes import read_ann
from wirelens.model import Analysis, Quote


def by_cue(record: Analysis, cue: str) -> list[Quote]:
    return [q for q in record.quotes if q.cue is not None and q.cue.text == cue]


# -- "An economic downturn, X said, “could be …”" ---------------------------------------------


def test_words_before_a_parenthetical_cue_are_content(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline,
                 "The shelter, the mayor said, “will stay open through the winter.”")
    quotes = by_cue(record, "said")
    assert [q.text for q in quotes] == ["The shelter", "“will stay open through the winter.”"]
    assert [q.kind for q in quotes] == ["indirect", "direct"]
    assert all(q.speaker is not None and q.speaker.name == "the mayor" for q in quotes)


def test_a_quotation_that_opens_a_sentence_keeps_the_lead_out(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline,
                 "Speaking in Kherson, the mayor said, “We will rebuild the school.”")
    assert [q.text for q in by_cue(record, "said")] == ["“We will rebuild the school.”"]


def test_a_connective_before_a_parenthetical_cue_is_not_content(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline,
                 "Still, the mayor said, “the shelter will stay open through the winter.”")
    assert [q.text for q in by_cue(record, "said")] == [
        "“the shelter will stay open through the winter.”"]


# -- "admitted [the shelling …] [did not slow …]": the object is the clause's subject --------




# -- "said yes" ------------------------------------------------------------------------------


def test_a_one_word_answer_is_what_was_said(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "Asked whether the road was open, the driver said no.")
    (q,) = by_cue(record, "said")
    assert q.text == "no"
    assert q.speaker is not None and q.speaker.name == "the driver"



# -- the scorer's gold: Content, Content2, ... are one attribution's content ---------------


def test_polnear_content2_joins_the_attributions_content(tmp_path: Path) -> None:
    text = "“The bridge held,” Danko said. “It will hold again.”"
    first, second = text.index("“The"), text.index("“It")
    said = text.index("said")
    ann = tmp_path / "doc_a1.ann"
    ann.write_text(
        f"T1\tContent {first} {text.index(' Danko')}\t“The bridge held,”\n"
        f"T2\tSource {said - 6} {said - 1}\tDanko\n"
        f"T3\tCue {said} {said + 4}\tsaid\n"
        f"T4\tAttribution {said} {said + 4}\tsaid\n"
        f"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2 Content2:T5\n"
        f"T5\tContent {second} {len(text)}\t“It will hold again.”\n", encoding="utf-8")
    (gold,) = read_ann(ann, text)
    assert [text[a:b] for a, b in gold.content] == ["“The bridge held,”", "“It will hold again.”"]


# -- edges: a hyphen inside a word, an abbreviation's full stop ------------------------------




# -- "called for reducing …": a gerund after the preposition ---------------------------------


def test_a_gerund_after_called_for_is_content(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The mayor called for reducing the curfew to four hours.")
    (q,) = by_cue(record, "called for")
    assert q.text == "reducing the curfew to four hours"
    assert q.speaker is not None and q.speaker.name == "The mayor"


# -- "says ‘…’ because ‘…’": the clause takes its last quotation whole -----------------------


@pytest.mark.parametrize(("sentence", "cue", "content"), [
    # the small model makes "the mood" the object of "admitted" and leaves "does not
    # reflect" without a subject: the object is the clause's subject
    ("The commander admitted the mood among the soldiers most likely does not reflect the "
     "losses.", "admitted", "the mood among the soldiers most likely does not reflect the losses"),
    # an addressee stays out of the content
    ("The commander told reporters the convoy would arrive on Friday.", "told",
     "the convoy would arrive on Friday"),
    # "no" as a determiner is no answer
    ("The officer said no more than twenty soldiers were there.", "said",
     "no more than twenty soldiers were there"),
    # a hyphen inside a word ("12-point") does not hide a trailing appositive
    ("Most residents say they think she could win the election, a 12-point margin over her "
     "rival.", "say", "they think she could win the election"),
    # an abbreviation keeps its full stop; a sentence's own full stop stays out
    ("The mayor said the ferry will run until 9 p.m.", "said", "the ferry will run until 9 p.m."),
    ("The mayor said the ferry will run until nine.", "said", "the ferry will run until nine"),
    # "says '…' because '…'": the clause takes its last quotation whole
    ("The coach says “the whole game has become soft” because “the players have become soft.”",
     "says", "“the whole game has become soft” because “the players have become soft.”"),
])
def test_the_content_of_one_cue(quote_pipeline, sentence: str, cue: str,  # type: ignore[no-untyped-def]
                                content: str) -> None:
    (q,) = by_cue(run(quote_pipeline, sentence), cue)
    assert q.text == content


# -- blind checks 37-42: speakers and fragments of charges and appeals ------------------------


def _fragments(record: Analysis) -> dict[str, str | None]:
    return {q.text: q.speaker.name if q.speaker else None for q in record.quotes}


def test_an_organisations_charges_are_its_quotes(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The Congo River Alliance said its forces had entered the "
                 "town. It accused the army of flying drones over “crowded streets” and of "
                 "arming “genocidal militias”.")
    said = {t: s for t, s in _fragments(record).items() if "“" in t}
    assert any("“crowded streets”" in t for t in said) and \
        any("“genocidal militias”" in t for t in said), said
    assert set(said.values()) == {"Congo River Alliance"}


def test_an_appeal_to_all_parties_holds_its_quoted_words(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The refugee agency said thousands had fled. It appealed to "
                 "all parties to “let civilians leave in safety”.")
    assert any("“let civilians leave in safety”" in t for t in _fragments(record))


def test_a_cabinet_secretary_is_the_minister(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "Interior Cabinet Secretary Daniel Kiprop defended the "
                 "police. “Peaceful protest is a right,” the minister told reporters.")
    assert _fragments(record).get("“Peaceful protest is a right,”") == "Daniel Kiprop"


def test_he_after_one_of_the_sources_is_that_source(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The attackers came in pick-up trucks, one of the sources "
                 "said. “They came from three sides at once,” he said.")
    speaker = _fragments(record).get("“They came from three sides at once,”")
    assert speaker is not None and "source" in speaker


def test_a_second_verb_of_saying_after_a_present_clause_is_the_speakers(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "Spokeswoman Irina Vlasova said the army “does not strike "
                 "civilian objects” and described the account as “a provocation”.")
    frag = [s for t, s in _fragments(record).items() if "“a provocation”" in t]
    assert frag == ["Irina Vlasova"], _fragments(record)


def test_it_is_the_organisation_earlier_in_its_sentence(quote_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = run(quote_pipeline, "The camp's emergency room said three shells hit the market. "
                 "The RSF did not respond to requests for comment, but it has previously "
                 "accused the army of using the camps as cover.")
    (q,) = by_cue(record, "accused")
    assert q.speaker is not None and q.speaker.name in {"RSF", "Rapid Support Forces"}
