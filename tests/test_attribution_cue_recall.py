"""Cue recall (issue 15, session 16): cues the rules missed for a reason of their own, not of the corpus's scheme.
Each sentence is written for these tests."""

from __future__ import annotations

from tests.test_attribution_recall import cues


def test_a_listed_attitude_read_as_a_participle_holds_its_clause(nlp):
    # the tagger reads "convinced" after the copula as a passive participle, not as the listed adjective
    got = cues(nlp, "Ferry workers are convinced that the mayor could have done more.")
    assert got["are convinced"] == ("Ferry workers", "that the mayor could have done more")
    # a listed participle with no clause stays an event, with no one's words in it
    assert not cues(nlp, "The dock workers were convinced to return by the union.")


def test_evidence_disclosures_and_regulations_can_show_or_say_something(nlp):
    # what a text or a record says is a document's statement ("a report says", "records show"); evidence, a
    # disclosure, regulations and guidelines are of that kind
    assert cues(nlp, "New evidence suggests the ferry was late.")["suggests"] == ("New evidence", "the ferry was late")
    got = cues(nlp, "A disclosure filed by the harbour trust in spring suggests the pier was sold at a loss.")
    assert got["suggests"][0].endswith("disclosure filed by the harbour trust in spring")
    assert cues(nlp, "Harbour regulations say captains are responsible for the cargo.")["say"][0] == (
        "Harbour regulations"
    )


def test_a_listed_attitude_read_as_a_participle_takes_no_preposition(nlp):
    assert not cues(nlp, "Since the strike, the captain is committed to the union.")


def test_a_chain_opened_by_a_passive_leaves_its_speaker_out_as_the_passive_does(nlp):
    # "is expected to win" was found; with a cue as the second verb the chain was lost, having no subject
    got = cues(nlp, "By Friday the fishing cooperative is expected to back the ferry plan.")
    assert got["is expected to back"][0] is None
    got = cues(nlp, "Most of the delegates are expected to support the mayor in May.")
    assert got["are expected to support"][0] is None
    # an active chain still needs its speaker: no one "seeks to endorse" in the writer's own voice
    assert not cues(nlp, "To endorse the mayor would be a mistake.")
    # asked to explain: the one asked would speak, and has not yet
    assert not cues(nlp, "The harbour master was asked to explain the delay.")
