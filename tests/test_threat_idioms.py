"""Veiled and normative threats said without a violent verb (issue 22, session 34): a warning to watch one's back,
a weapon brought to someone, people rounded up into camps; the harmless uses of the same words stay unflagged.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import threats


@pytest.mark.parametrize(
    "text",
    [
        "you people had better watch your backs",
        "they'd better watch their backs from now on",
        "i'm bringing a knife to your house on friday",
        "round up the lot of them and put them in camps",
        "they should all be rounded up and sent into internment camps",
        "we should put them in detention camps",
    ],
)
def test_a_veiled_or_normative_threat_is_found(text):
    assert threats.find_threats(text)


@pytest.mark.parametrize(
    "text",
    [
        "we should watch our backs on the mountain path",
        "you better watch the final tonight",
        "i'm bringing a cake to your party",
        "we should put them in camps for the summer holidays",
        "the kids should be sent into summer camps",
        "they were put in internment camps during the war",
    ],
)
def test_the_same_words_in_harmless_use_are_no_threat(text):
    assert threats.find_threats(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "i am bringing a bat to your game on sunday",
        "i am bringing my guns to your range day",
        "you better watch your back on that trail, it is icy",
    ],
)
def test_care_and_sport_are_no_threat(text):
    assert threats.find_threats(text) == []


def test_a_subject_of_its_own_after_a_clause_opening_no_keeps_the_threat():
    assert threats.find_threats("no more warnings i will kill you")
    assert threats.find_threats("no lie those people should be beaten")
