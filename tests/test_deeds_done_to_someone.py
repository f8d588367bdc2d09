"""A verb of answering whose object is a person, with nothing said of them, is a deed done to someone, not a
statement: "the club dismissed its coach" (fired), "the mayor welcomed the minister" (met). Read in a report of
a real multi-outlet story (issue 15's cue discipline). Every sentence is our own."""

from __future__ import annotations

import pytest

from tests.test_attribution import attributions


@pytest.mark.parametrize(
    "text",
    [
        "The club dismissed Tom Okafor on Monday after a run of defeats.",
        "The board dismissed him on Monday.",
        "The mayor welcomed Prime Minister Lena Okafor at the airport in Orrin.",
    ],
)
def test_a_person_dismissed_or_welcomed_is_no_statement(text, nlp):
    assert attributions(nlp, text) == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Lane dismissed him as a fantasist.", "dismissed"),  # what was said of him
        ("Lane dismissed the report on Monday.", "dismissed"),
        ("Okafor dismissed the claims on Monday.", "dismissed"),
    ],
)
def test_an_answer_to_something_said_stays_a_cue(text, cue, nlp):
    assert [row[0] for row in attributions(nlp, text)] == [cue]
