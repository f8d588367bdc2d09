"""Session 55 (issue 15): a surname the tagger reads as an adverb in a later paragraph, and an object followed by
the speaker's next predicate; the sentences are our own."""

from __future__ import annotations

from tests.test_attribution import attributions, resolved, run


def test_a_surname_read_as_an_adverb_speaks_when_the_page_names_it_elsewhere(nlp):
    """ "Merrily said he would ...": the tagger read the surname opening the paragraph as an adverb ("merrily on"), the
    verb had no subject, and the statement was lost; the page names her in an earlier paragraph."""
    analysis = run(
        nlp,
        [
            "Councillor Ada Merrily spoke first at the harbour meeting.",
            "Merrily said she would be cautious in cutting the ferry budget.",
        ],
    )
    rows = resolved(analysis)
    assert ("said", "Councillor Ada Merrily", "she would be cautious in cutting the ferry budget") in rows
    # a word the page never writes as a name stays an adverb: "said" has no speaker and relays nothing
    rows = attributions(nlp, "Merrily said she would be cautious in cutting the ferry budget.")
    assert all(cue != "said" for cue, _, _ in rows)


def test_an_object_followed_by_the_speakers_next_predicate_is_the_whole_content(nlp):
    """ "has not endorsed Vell and has long opposed her budget": the first verb after the object is a predicate of the
    cue's own subject, joined by "and", so the object is not a clause's subject and the content ends with it."""
    rows = attributions(nlp, "The mayor has not endorsed Vell and has long opposed her harbour budget.")
    assert ("has not endorsed", "The mayor", "Vell") in rows
    # an object that is the subject of a clause of its own still takes the clause
    rows = attributions(nlp, "Brandt said the mayor and the council had agreed to the plan.")
    assert ("said", "Brandt", "the mayor and the council had agreed to the plan") in rows
