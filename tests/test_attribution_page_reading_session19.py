"""Faults found reading real pages in session 19, fixed as classes; the sentences are our own."""

from __future__ import annotations

import pytest

from tests.test_attribution import by_cue, run, source_of
from tests.test_attribution_rules import found


def speaker_of(nlp, text: str, cue: str) -> str | None:
    return next(source for _, source, c, _ in found(nlp, text) if c == cue)


@pytest.mark.parametrize(
    "text",
    [
        "The treasurer sent an e-mail to the club members saying she hoped the vote would settle the matter.",
        "The treasurer sent a letter to the club members saying the accounts were in order.",
        "The treasurer wrote a memo to the staff saying the office would close early.",
    ],
)
def test_a_message_sent_to_someone_speaks_for_its_sender(nlp, text):
    """ "sent an e-mail to the members saying ...": the parser hangs "saying" on the addressees, but it is the
    e-mail, so its sender, that says it."""
    assert speaker_of(nlp, text, "saying") == "The treasurer"


def test_those_addressed_still_speak_for_themselves(nlp):
    assert speaker_of(nlp, "The mayor met residents saying the pier was unsafe.", "saying") == "residents"


def test_an_act_nobody_is_named_for_is_not_the_publishers(nlp):
    """ "drew ... a call for his resignation": the text does not say who called; the report must not credit the
    call to the publisher, which only reports it."""
    analysis = run(
        nlp,
        ["The harbour chief drew sharp criticism and a call for his resignation on Monday after a speech."],
        publisher="Coast Herald",
    )
    call = by_cue(analysis, "call")
    source = source_of(analysis, call)
    assert not source.is_publisher
    assert source.name == "speaker not identified"
    assert call.confidence <= 0.5
