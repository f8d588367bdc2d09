"""Faults a reader found on news pages not tuned on (issue 15, session 12), one test per cause: an outlet that is
only cited relays no later paragraph; words inside a quotation do not claim it; a person described or named by a
surname the tagger reads as a common noun is a person; a pronoun is not taken by a name inside someone's
statement; an order to the reader, a likelihood ("certain to") and a Title-Case headline hold no one's statement.
All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.test_attribution import by_cue, run, source_of, spoken
from tests.test_attribution_rules import found


def test_an_outlet_only_cited_relays_no_later_paragraph(nlp):
    analysis = run(
        nlp,
        [
            "Ferry dispute",
            "The Tarn Gazette later stood by that account, citing it in its review of the ferry dispute.",
            "Mayor Ida Vell said the fares would rise next spring.",
        ],
    )
    said = by_cue(analysis, "said")
    assert said.parent is None and source_of(analysis, said).name == "Ida Vell"
    assert {b.narrative for b in analysis.page.blocks} == {"publisher"}


def test_an_outlet_s_report_still_opens_its_account(nlp):
    analysis = run(
        nlp,
        [
            "Ferry dispute",
            "According to the Tarn Gazette, the ferry will stop running in May.",
            "Mayor Ida Vell said the fares would rise next spring.",
        ],
    )
    assert by_cue(analysis, "said").parent == by_cue(analysis, "According to").id


@pytest.mark.parametrize(
    "text",
    [
        '"I recommend that every member read the report, which says more than I can say here," Ida Vell said.',
        # a quotation the paragraph leaves open
        'Ida Vell spoke last. "I recommend that every member read the report, which says more than I can say here.',
    ],
)
def test_words_inside_a_quotation_do_not_claim_it(nlp, text):
    cues = [cue for _, _, cue, _ in found(nlp, text)]
    assert "recommend" not in cues and "read" not in cues


def test_a_surname_the_tagger_reads_as_a_common_noun_is_the_person_named_before(nlp):
    analysis = run(
        nlp,
        [
            "Debate called off",
            "Donald Trump announced on Monday that he would not host the debate.",
            "Trump said he wanted to avoid any conflict of interest.",
        ],
    )
    announced, said = by_cue(analysis, "announced"), by_cue(analysis, "said")
    assert said.source.text == "Trump" and said.source_id == announced.source_id
    assert source_of(analysis, said).kind == "person"


def test_a_person_described_is_no_outlet(nlp):
    analysis = run(
        nlp,
        ["Yard sale", "The shipping tycoon and former TV star said he would sell the old yard."],
    )
    assert source_of(analysis, by_cue(analysis, "said")).kind == "unnamed_person"


def test_a_name_inside_a_speaker_s_content_does_not_take_the_next_pronoun(nlp):
    analysis = run(
        nlp,
        [
            "Harbour vote",
            "Tom Reyes on Tuesday cited board chairman Oskar Lund's concerns about his role. "
            "He said he does not expect the vote to go ahead.",
        ],
    )
    assert source_of(analysis, by_cue(analysis, "said")).name == "Tom Reyes"


def test_an_order_to_the_reader_is_not_the_subject_s_view(nlp):
    text = "Ivo Brandt has dropped his plans for the pier, but don't expect him to leave the council quietly."
    assert not [f for f in found(nlp, text) if f[2] and "expect" in f[2]]
    # the same verb joined to its subject's own clause keeps the subject
    kept = found(nlp, "Ivo Brandt dropped his plans for the pier and expects the council to follow him.")
    assert any(source == "Ivo Brandt" and cue and "expects" in cue for _, source, cue, _ in kept)


def test_certain_to_is_a_likelihood_certain_that_is_a_view(nlp):
    assert not [f for f in found(nlp, "The mayor's statement seemed certain to open a new dispute.") if f[2]]
    held = found(nlp, "The mayor is certain that the union will agree.")
    assert any(cue and "certain" in cue for _, _, cue, _ in held)


def test_a_title_case_headline_whose_subject_cannot_speak_holds_no_attribution(nlp):
    analysis = run(
        nlp,
        ["Senate Hearings Show Ferry Report Could Not Name Causes Of Delays", "The ferry ran late again."],
    )
    assert not [a for a in spoken(analysis) if a.block_id == "b0"]
    named = run(nlp, ["Mayor Vell Says Ferry Fares Will Rise", "The ferry ran late again."])
    assert [a.cue.text for a in spoken(named) if a.block_id == "b0"] == ["Says"]


def test_a_speaker_the_parser_hangs_on_the_clause_before_the_cue_still_speaks(nlp):
    # the small model hangs "Ida Vell" on "arsonists" as an apposition and leaves "revealed" without a subject
    text = (
        "The sealed version of a county review of last year's fire at a farm in Tarn, Lisk, found that it was "
        "impossible to say what exactly motivated the arsonists, County Executive Ida Vell revealed Wednesday."
    )
    revealed = [(source, content) for _, source, cue, content in found(nlp, text) if cue == "revealed"]
    assert revealed == [("County Executive Ida Vell", text[: text.index(", County")])]
