"""Comments that look like abuse of a group and are not (issue 22, session 54): violent words in idioms of praise, a
call to harm reported to the moderators, solidarity with a group; beside them the abuse they must not hide.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import abuse, lexicon
from tests.test_comment_contempt import flags_of

ABUSE = {"toxicity", "insult", "identity_attack", "severe_toxicity", "threat"}


@pytest.mark.parametrize(
    "text",
    [
        # violent words in idioms of praise
        "The Sikh choir absolutely killed it at the Port Sarn festival.",
        "That Kurdish bakery's flatbread is to die for.",
        "Our Somali striker has a killer instinct in front of goal.",
        # a call to harm reported, not made
        "Mods, this account keeps telling people to attack Sikhs, please ban it.",
        "The post above literally says to kill refugees, report it.",
        "Why has nobody arrested the man who threatened to stab Kurds outside the market?",
        # solidarity
        "We will defend the rights and safety of refugees in Port Sarn.",
        "The whole street will stand with our Muslim neighbours tonight.",
        "Let's show the Sikh families on Marsk Road they're not alone.",
    ],
)
def test_a_look_alike_of_abuse_is_not_flagged(text):
    assert not flags_of(text) & ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "Sikhs are vermin and should be killed.",
        "I keep telling people to attack Kurds wherever they find them.",
        "Refugees are killers, every one of them.",
        "We must defend our streets from the refugees flooding in, they are vermin.",
    ],
)
def test_the_abuse_beside_them_is_still_flagged(text):
    assert flags_of(text) & ABUSE


def test_a_harmless_idiom_is_found_and_blanked_out_of_the_cold_words():
    folded = lexicon.fold("Honestly the curry at the Kurdish place is to die for.")
    (start, end), *_ = abuse.harmless_idioms(folded)
    assert folded[start:end] == "to die for"
    assert not abuse.says_something_cold(folded)
    assert abuse.says_something_cold(lexicon.fold("Honestly the Kurds at that place deserve to die."))
