"""Threats put as a plea, a question or a verdict that harm would be right, slogans of death, and harms the patterns
had no words for (issue 22, session 54): acid, petrol through a door, a vehicle driven into people, a blade in the
ribs, bones broken, skulls cracked. The harmless uses of the same words stay unflagged. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from rashomon.comments import threats


@pytest.mark.parametrize(
    "text",
    [
        # a plea, a question, a verdict
        "Wouldn't it be great if someone torched the Sikh temple on Marsk Road?",
        "Why don't we just drown the lot of them in the harbour?",
        "Shouldn't we just shoot the smugglers on sight?",
        "Should we not just hang the traitors? Asking honestly.",
        "Why hasn't anyone put those landlords against a wall yet?",
        "Is it too much to ask that every smuggler gets a beating?",
        "It would be a public service if the councillors got their skulls cracked.",
        "It's only right that the smugglers be whipped in the square.",
        "would love to see that referee get curb stomped",
        "If there were any justice those bankers would be hanging from lampposts.",
        "somebody please throw acid on that presenter",
        "Someone go burn down that landlord's office on Tallen Street.",
        "Who's coming with me to string up the collaborators?",
        "I urge every patriot to take up arms against the settlers.",
        "the settlers deserv to get shot",
        "Those smugglers need their teeth kicked in.",
        # a promise
        "The next smuggler I see is getting his head smashed in.",
        "I'm coming to kill you, Brandt.",
        "We're coming for you Roma, all of you.",
        "I'm going to kick that landlord down the stairs.",
        "gonna run my van into the next crowd of protesters i see",
        "I'll put petrol through the letterbox of that family.",
        "You're going to get a knife in the ribs, Brandt.",
        "We'll make the settlers bleed, every last one.",
        "Tomorrow I am bringing my rifle to the Sikh festival.",
        # slogans and outcomes
        "Death to all Kurds!",
        "The streets will run red with their blood.",
        "Extermination of the Roma is the only solution.",
        "May every one of those traitors perish.",
        "Can't wait for the day every landlord is dead.",
        "Sterilise them or kill them, I don't care which.",
        "The collaborators must be made to bleed.",
        "Every smuggler should have his legs broken.",
        "Wipe them all out.",
    ],
)
def test_a_plea_a_promise_or_a_slogan_of_violence_is_a_threat(text):
    assert threats.find_threats(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "Why don't we just ask the council for a new bridge?",
        "Shouldn't we just stay home and watch the match?",
        "Wouldn't it be great if the ferry ran on Sundays?",
        "Ride or die, that's my sister.",
        "Vote or die, the poster said in huge letters.",
        "the slugs can leave or die, I'm not sharing my lettuce",
        "The club keeps shooting itself in the foot with these signings.",
        "She is dead in the water after that debate.",
        "You are dead to me after that result.",
        "I'm bringing my bat to the kids' cricket match.",
        "We ran over the budget again this year.",
        "Police say the driver ran his car into the barrier.",
        "My legs are broken after that hike, honestly.",
        "The marathon nearly made me bleed from my feet.",
        "Somebody please tell the bus driver to slow down.",
        "The extermination of the Jews is a history every child should learn.",
        "Nobody wins a war, everybody just buries their children.",
        "Bring some snacks to the Sikh festival, it's open to all.",
        "The hunting season for deer opens in October.",
        "I hope the landlords are dead serious about the repairs.",
        "Time to exterminate the wasps under the eaves once and for all.",
        "We should poison the slugs before they eat the lettuce.",
    ],
)
def test_the_same_words_in_harmless_use_are_no_threat(text):
    assert threats.find_threats(text.lower()) == []


def test_a_negation_inside_the_frame_asks_for_the_harm_one_after_it_denies_it():
    """ "Why don't we just ..." holds its own negation and asks; a negation after the frame still denies."""
    assert threats.find_threats("why don't we just shoot the smugglers?")
    assert threats.find_threats("why don't we just not shoot the smugglers?") == []
