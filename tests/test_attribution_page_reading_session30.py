"""Faults found by comparing accounts of events written for the purpose (a flood, a protest, a court case, a wildfire;
session 30), fixed as classes; the sentences are our own."""

from __future__ import annotations

from tests.test_attribution import attributions


def test_an_as_clause_after_a_closing_cue_is_the_writers(nlp):
    """ "A downpour overwhelmed the dam, its operator said, as the death toll rose to 14": the toll went to the
    operator, and with it the comparison of the dead put the operator's name on the figure."""
    rows = attributions(
        nlp, "A record downpour overwhelmed the dam on Tuesday, its operator said, as the death toll rose to 14."
    )
    assert len(rows) == 1
    cue, source, content = rows[0]
    assert source == "its operator" and "death toll" not in content and content.startswith("A record downpour")


def test_what_an_aside_interrupts_is_still_the_speakers(nlp):
    """The cue inside the clause: what follows it is the rest of the speaker's words, an "as" clause too."""
    rows = attributions(nlp, "The dam, its operator said, failed as the river rose through the night.")
    assert any("as the river rose" in content for _, _, content in rows)
