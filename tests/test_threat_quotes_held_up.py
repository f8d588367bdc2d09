"""Threats in quotation marks that the writer holds up (issue 22, session 53): someone's words repeated with a
question mark after them, or after a verb of posting, are no threat of the writer's; a threat the writer puts in
marks of their own stays one. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import lexicon, mention, threats
from tests.test_comment_contempt import comment_of


@pytest.mark.parametrize(
    "text",
    [
        '"Kurds should be shot"?? Reported. Hope the police knock on your door.',
        "'Somalis should all hang'?! Who writes this under a story about a bakery?",
        'You can\'t post "all Sikhs should hang" and expect to keep your account.',
        'Someone commented "shoot the Kurds" under the match report. Blocked.',
    ],
)
def test_a_threat_held_up_in_quotation_marks_is_not_the_writers(text):
    assert mention.quoted_regions(lexicon.fold(text), scare_quotes=False)
    assert not threats.find_threats(text)
    assert not {"threat", "toxicity"} & set(comment_of(text).flags)


@pytest.mark.parametrize(
    "text",
    [
        "Kurds should be shot, every one of them.",
        'My answer to the Somalis is "we will burn you out" and I mean it.',
    ],
)
def test_a_threat_of_the_writers_own_is_still_found(text):
    assert threats.find_threats(text)
