"""Threats in wording the patterns had no words for before session 57 (issue 22), read from three blind sets of
comments written for it: the present said for the future, a deed "started", wishes put as hope or a dream, slang
spellings of the frames, harm called the answer or justified, the writer turning up armed, beatings, fire opened,
bombs planted; and the look-alikes the same words make, which stay unflagged: a deed named by its gerund in history or
condemnation, a yes-or-no question asking a view, someone else's words, harm kept off, a side beaten in a game, a
noun read as a verb. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import threats


def flagged(text: str) -> bool:
    return bool(threats.find_threats(text.lower()))


@pytest.mark.parametrize(
    "text",
    [
        # the present for the future, and a deed ordered to start
        "When the ferry docks I'm hunting down every Sikh on board.",
        "we're burning their chapel on Varrow Street tonight",
        "Enough talk, start stabbing the smugglers.",
        "One more Korvex banner on my road and we start breaking bones.",
        "Tomorrow I'm driving my truck into the first crowd of Roma I see.",
        # a promise told as what the victim gets
        "That landlord is getting a knife in the ribs from me.",
        "The smugglers on Marsk Quay will be getting acid in their faces.",
        # a wish put as hope, a dream, or what would please the writer
        "Really hoping the protesters get the beating they've been asking for.",
        "If only someone would stab that councillor.",
        "Fingers crossed some hero puts a bomb under the Korvex office.",
        "Nothing would make me happier than watching those bankers bleed out.",
        "Would be lovely if a van ploughed into the marchers this year.",
        "The world would be a better place if every Roma were shot.",
        "Wish the army would just open fire on the protesters.",
        "Looking forward to seeing the traitors hanging from the motorway bridges.",
        # slang spellings of the frames
        "the smugglers shud b gassed",
        "wud luv 2 knife a landlord rn",
        "gunna burn down that Sikh temple wiv em in it",
        "Id stab a banker without blinking",
        # harm called the answer, justified or deserved
        "The proper response to a Kurd who speaks up is a knife in the back.",
        "Honestly the only real solution is lining the settlers up against a wall.",
        "Violence against the Roma is fully justified now.",
        "Shooting refugees on sight should be legal.",
        "Burning the settlers' farms? Heroes, the lot of them.",
        "Beating up landlords isn't a crime, it's a public service.",
        "Public floggings for every landlord in Orrindale.",
        "Every one of those traitors deserves a brick to the face.",
        # the writer armed where the people are
        "If the Sikhs march down our road I'll be waiting at the gate with my bat.",
        "ill be outside the Korvex office monday with a blade for any of their staff",
        # beatings, bones, skulls
        "I will smash the skulls of those smugglers before Christmas.",
        "We'll go kick the heads in of any Kurds we find.",
        "Somebody take a brick to the next landlord you see.",
        "Find the journalist who wrote this and put him in hospital.",
        "I say we hang every last one of them.",
        "Volunteers needed to rough up the settlers on Tallen Street.",
        "We should bomb the living hell out of those smugglers.",
        # read on the third set after its blind score
        "Keep printing lies about us and I will shoot up your newsroom.",
        "Tomorrow I'm taking my brother's rifle to the Sikh festival.",
        "I'll smash a bottle over the head of the next landlord who mouths off.",
        "Every smuggler on the quay is getting a kicking from us tonight.",
        "Praying for a fire at the refugee hostel on Marsk Road.",
        "gonna smoke these settlers on sight",
        "Hanging is too good for the Kurds.",
        "Violence is what they should get.",
        "Killing Roma isn't murder, it's pest control.",
        "It would be better if the smugglers were all hanged.",
    ],
)
def test_a_threat_in_new_wording_is_found(text):
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # a deed named by its gerund, in history or condemnation
        "Lynching was a horror of the old South.",
        "Lynching should never happen again.",
        "Lynching was a horror of the old South. We should teach it in schools.",
        "Beheading was the punishment for treason in those days.",
        # a question asking a view
        "Should the state execute terrorists? I honestly can't decide.",
        # the words of others
        "Neighbours say the attacker shouted that all the Roma should be drowned.",
        "Someone posted that the organisers should be shot. Reported it to the mods.",
        "The bill lets police fire rubber bullets at protesters.",
        # harm kept off, a noun read as a verb, a side beaten in a game
        "Keep your family from being harmed by scammers: never share a code.",
        "If you see anyone with a knife near the Sikh temple, call the police.",
        "We're going to bury the Kessel rugby side on Saturday, 40 points minimum.",
        "Gonna cut back the ivy this weekend, it's strangling the fence.",
        # idioms and sport
        "I'm shooting the family portraits next week.",
        "The home fans should be jumping for joy after that result.",
        "The only real solution is to build more homes.",
        "Violence against women is never justified.",
        "I'm going to beat the crap out of this exam.",
        "We will kick the hell out of them on Saturday, the derby is ours.",
        "Calling for anyone to be hanged is disgusting.",
        "I'd recognise them on sight.",
        "The visitors took a kicking from us last week, four nil.",
        "There was a fire at the old mill last night, nobody hurt.",
        "Hanging is too good for those who hurt children, said the judge's critics.",
        "It would be best if you called the police.",
        # what someone else does
        "We need to stop him before he kills again.",
        "Nobody wins a war, everybody just buries their children.",
    ],
)
def test_the_same_words_that_threaten_no_one_are_not_a_threat(text):
    assert not flagged(text)


def test_a_threat_against_the_writer_of_an_article_is_not_read_as_a_report():
    """ "who wrote this" describes the person threatened; "she wrote that ..." reports someone else's words."""
    assert flagged("The reporter who wrote this should be shot.")
    assert not flagged("She wrote that the reporter should be shot.")
