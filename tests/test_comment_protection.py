"""Comments that protect or defend a group, or condemn those who harm it (issue 22, session 55): the group is named
as the one harmed or kept safe, so its name is no evidence of abuse and the group-hate model's reading is not kept;
beside them, comments that praise the harm, which take no group's side. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import abuse, lexicon, threats
from tests.test_comment_contempt import flags_of

ABUSE = {"toxicity", "insult", "identity_attack", "severe_toxicity", "threat"}


@pytest.mark.parametrize(
    "text",
    [
        # someone who harms the group, described by what they do
        "Someone screaming abuse at Muslims on the platform again. Please step in if you see it.",
        "I hope the thug who kicked a Roma woman at the market gets caught by Friday.",
        # harm done for being of the group, named as a crime
        "They smashed the family's windows because they're refugees. Lock them up.",
        "Bullying a trans person because of who they are is a crime, full stop.",
        # one of the group who is harmed; the group kept safe
        "If a Muslim is getting harassed on my bus I will stop the bus.",
        "We'll be outside the synagogue all evening so the Jews inside can pray safely.",
    ],
)
def test_a_comment_that_takes_the_side_of_a_group_against_harm_is_not_flagged(text):
    assert not flags_of(text) & ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "Whoever beat up that refugee deserves a medal.",
        "The lads who harassed those Muslims did the town a favour.",
        "If those men harassed a Sikh, I'd shake their hands.",
    ],
)
def test_a_comment_that_praises_harm_done_to_a_group_takes_no_side_with_it(text):
    """The same words of harm, praised: no sentence of the comment is read as taking the group's side, so the
    other parts of the stage read it as they would without the rule."""
    assert abuse.harm_sentences(lexicon.fold(text), []) == []


def test_the_same_harm_words_without_praise_take_the_groups_side():
    text = "Whoever beat up that refugee should be found and charged."
    assert abuse.harm_sentences(lexicon.fold(text), []) != []


@pytest.mark.parametrize(
    "text, threat",
    [
        # a wish about someone described by a violent deed: the deed is no harm wished
        ("I hope the man who punched a Sikh on the bus gets caught.", False),
        ("I hope whoever has just stabbed that refugee is found today.", False),
        # the harm wished after a relative clause is still wished
        ("I hope every Muslim who prays here gets shot.", True),
        ("I hope someone who hates them shoots them.", True),
        ("I hope whoever stabbed him gets stabbed too.", True),
    ],
)
def test_a_violent_deed_in_a_relative_clause_is_not_the_harm_a_wish_asks_for(text, threat):
    assert bool(threats.find_threats(text)) is threat


@pytest.mark.parametrize(
    "text",
    [
        # a claim about a group the writer calls false
        "The idea that Kurds are dishonest is a prejudice, nothing more.",
        "It's a tired stereotype that Sikhs can't be trusted with money.",
        # a right the writer claims for the group
        "Landlords shouldn't be allowed to refuse to rent to refugees.",
        "No trans person should have to hide who they are at work.",
    ],
)
def test_a_stereotype_rebutted_or_a_right_claimed_for_a_group_is_not_flagged(text):
    assert not flags_of(text) & ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "Muslims are dishonest and everyone knows it.",
        "I'm just saying Muslims are dishonest.",
        "The idea that Jews are greedy is simply the truth.",
    ],
)
def test_the_same_claim_asserted_is_still_flagged(text):
    assert flags_of(text) & ABUSE
