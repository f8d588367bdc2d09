"""Cue and source recall (issue 15, session 14): parser slips that hid a cue's content or its speaker, and a
headline's speaker label. Each sentence is written for these tests and reproduces a slip of the small model."""

from __future__ import annotations

import pytest

from rashomon.attribution import lexicon as lexicon_module
from rashomon.attribution import matcher_for
from rashomon.attribution.rules.extractor import DocExtractor
from tests.test_attribution import assert_spans_valid, by_cue, run
from tests.test_attribution_rules import found


def cues(nlp, text: str) -> dict[str, tuple[str | None, str]]:
    """cue -> (source, content) of what the rules find in ``text``."""
    return {cue: (source, content) for _, source, cue, content in found(nlp, text) if cue is not None}


def test_a_reported_clause_hung_on_the_cue_as_a_modifier_is_still_what_was_said(nlp):
    # the parser hangs the clause on "said" as an adverbial clause after the time phrase
    got = cues(nlp, "Vell said after the hearing she would not accept the toll if it were offered.")
    assert got["said"] == ("Vell", "she would not accept the toll if it were offered")


@pytest.mark.parametrize(
    "text",
    [
        # a clause opened by a subordinator or a wh-word is the occasion, not the words
        "The mayor spoke at the fair while the band played.",
        "They cite the 2000 vote in Kestrel, when the port incorrectly stated that the ferry was late.",
    ],
)
def test_an_occasion_hung_on_a_cue_is_no_content(nlp, text):
    for cue, (_, content) in cues(nlp, text).items():
        assert not content.startswith(("while", "when")), cue


def test_a_cue_set_off_by_commas_comments_on_the_sentence_around_it(nlp):
    text = "The workers, Okafor explained earlier in the committee hearing, were well paid."
    assert cues(nlp, text)["explained"] == ("Okafor", text.rstrip("."))


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the mayor spoke at the fair, and the band played.",  # a clause of its own after the comma
        "On Monday, the mayor spoke at the fair, the band played.",  # with a subject of its own
    ],
)
def test_a_cue_between_commas_with_a_clause_of_its_own_after_it_is_no_aside(nlp, text):
    assert "spoke" not in cues(nlp, text)


def test_a_relative_clause_between_commas_is_no_aside(nlp):
    got = cues(nlp, "The mayor, who spoke on Monday, said the pier was closed.")
    # the relative aside is part of the source's span (session 15), not a cue of its own
    assert got["said"] == ("The mayor, who spoke on Monday", "the pier was closed") and "spoke" not in got


def test_a_quotation_after_the_second_comma_stays_the_cues_own(nlp):
    got = cues(nlp, 'Asked to describe the fault, Vell said, "Not going to go into that."')
    assert got["said"] == ("Vell", '"Not going to go into that."')


def test_a_quoted_title_after_the_cue_is_no_speaker(nlp):
    text = (
        "There is a severe disconnect between this council and our harbour,” Vell, a top port adviser, said Thursday"
        " morning on Coast Radio’s “Harbour Hour.”"
    )
    source, content = cues(nlp, text)["said"]
    assert source.startswith("Vell") and content.endswith("our harbour,”")


def test_a_clause_after_a_semicolon_is_no_content_of_a_cue_after_it(nlp):
    text = "Officials said the delay was not planned; they only learned of the fault on Friday and told the press."
    got = cues(nlp, text)
    assert got["said"] == ("Officials", "the delay was not planned")
    assert not any(content.startswith("Officials said") for _, content in got.values())


def test_a_name_left_in_the_quoted_clause_opens_the_speakers_name(nlp):
    text = "“We will reopen the pier,” Kestrel harbour Chief Ada Moss said Monday."
    doc = nlp(text)
    lexicon = lexicon_module.load()
    rules = DocExtractor(doc, lexicon, matcher_for(nlp.vocab, lexicon))
    quote_end, source_start = text.index("Kestrel") - 1, text.index("harbour Chief")
    # as the parser leaves it: the content runs on to "Kestrel", the source starts at "harbour"
    content, source = (0, text.index("harbour") - 1), (source_start, text.index(" said"))
    assert rules.name_after_quote(content, source) == (quote_end, text.index("Kestrel"))
    # a lower-case word between the quotation and the source is no name
    lower = "“We will reopen the pier,” said harbour chief Ada Moss on Monday."
    doc = nlp(lower)
    rules = DocExtractor(doc, lexicon, matcher_for(nlp.vocab, lexicon))
    assert rules.name_after_quote((0, lower.index(" harbour")), (lower.index("harbour"), len(lower) - 1)) is None


def test_a_speaker_label_heading_a_title_case_headline(nlp):
    # read again in sentence case, "Brandt" has no entity label; the layout still names a speaker
    analysis = run(
        nlp,
        [
            "Brandt: Ferry Fares Won’t Rise, Board Was ‘Misled’ by Port Staff.",
            "Board chair Ivo Brandt met staff on Monday.",
        ],
    )
    assert_spans_valid(analysis)
    label = by_cue(analysis, ":")
    assert "Brandt" in next(s.name for s in analysis.sources if s.id == label.source_id)
    assert label.content.text.startswith("Ferry Fares")


def test_a_headline_label_the_story_never_names_is_a_topic_not_a_speaker(nlp):
    # a reader's check, session 15: "Mo Cowan Senate: Deval Patrick Names Former Chief Of Staff …" (a site's
    # topic tag before its headline) made "Mo Cowan Senate" a source, cited 3x
    analysis = run(
        nlp,
        [
            "Ivo Brandt Senate: Governor Ida Vell Names Former Chief Of Staff To Replace Tom Kerr",
            "Governor Ida Vell on Tuesday named her former chief of staff to the vacant seat in the Senate.",
        ],
    )
    assert_spans_valid(analysis)
    assert not [s for s in analysis.sources if "Brandt" in s.name]
    assert not [a for a in analysis.attributions if a.cue is not None and a.cue.text == ":"]


def test_a_participle_after_a_reported_belief_speaks_for_the_named_speaker(nlp):
    # the parser hangs "arguing" on "believe", whose subject is only "she" for Ida Vell
    got = cues(
        nlp, "Senator Ida Vell said she did not believe the toll hurt the port, arguing that the ferry was to blame."
    )
    assert got["arguing"][0] == "Senator Ida Vell"
    # a named subject of the inner cue keeps its participle
    got = cues(nlp, "Vell said the mayor rejected the toll, citing the cost of the new pier.")
    assert got["citing"][0] == "the mayor"


def test_a_passive_rating_whose_as_the_parser_hung_on_the_adjective(nlp):
    # "as" is parsed as an adverb of "safe", not as a preposition of "rated"
    got = cues(nlp, "The ferry was rated as safe.")
    assert got["was rated"] == (None, "The ferry was rated as safe")
