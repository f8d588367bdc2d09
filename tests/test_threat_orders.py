"""Threats written as an order on a condition, a harm done to a place named by its people, people left harmed or
made to feel unsafe, a set phrase that threatens by itself, and a threat's violent word misspelled (issue 22,
session 37); the harmless uses of the same words stay unflagged. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import threats
from tests.test_comment_contempt import flags_of


@pytest.mark.parametrize(
    "text",
    [
        "If you ever run into him at the market, stab him.",
        "if anybody spots one of those settlers on the road tonight beat them senseless",
        "We'll burn down every house where the settlers live.",
        "They deserve to be dragged outside and set alight.",
        "I'm gonna find that judge and leave him for dead.",
        "We will make sure those people never feel safe in this city.",
        "Somebody should deal with the Roma once and for all.",
        "The only good landlord is a dead landlord.",
        "Somebody get a rope!",
        "There's a bullet with your name on it, Vell.",
        "Keep talking and you'll get a taste of my fist.",
        "I hope the whole lot of them get wiped off the map.",
        "I'd happily pull the trigger on those traitors.",
        "The world needs a final solution for these people.",
        "Round them up and throw them into the sea.",
        "They should be hunted like the animals they are.",
        "About time we took up arms against them.",
        "I want them all dead.",
        "They need to be stamped out.",
        "Let them rot.",
        "I will make them suffer.",
        "They will pay for this with their lives.",
        "Someone should poison their water supply.",
        "I can't wait to see them all hang.",
        "They deserve to die screaming.",
        "next time i see him at the market im gonna put him in hospital",
        "seriously gonna punch that landlord if he comes round again",
        "Here's hoping the referee gets knifed after the match.",
        "Traitors like the harbour minister should hang.",
        "We'll be setting fire to whoever signed it.",
        "Hope the mayor gets his skull caved in.",
        "Let's teach him a lesson with our fists.",
        "Let's string up the referee at half time.",
        "run down the marchers, they're blocking the road",
        "Let's burn the hall down with the councillors still inside.",
        "I want to see those smugglers shot at the border.",
        "I've got a baseball bat with your name on it.",
        "Say that again and you'll be eating through a straw.",
        "u r gonna get stabbed on the way home",
        "Honestly that guy deserves to be stabbed for what he said.",
        "Go die in a hole.",
        "That old scumbag needs to die.",
        "Hang that crook by his neck.",
        "Most of those smugglers are useless and deserve to die.",
    ],
)
def test_an_order_on_a_condition_or_a_harm_to_people_is_a_threat(text):
    assert threats.find_threats(text)


@pytest.mark.parametrize(
    "text",
    [
        "If you see anyone beating a dog, call the police.",
        "If anyone sees someone being beaten, call for help.",
        "If you find a tick, kill it with tweezers.",
        "If you meet the deadline, we'll celebrate.",
        "I'll burn down the old shed this weekend.",
        "The car was set on fire overnight, police said.",
        "I'll leave them in the fridge overnight.",
        "We'll never feel safe again after what happened.",
        "The council should deal with the potholes once and for all.",
        "We must eradicate poverty in this generation.",
        "The only good thing about this film is the ending.",
        "Get the rope from the shed, we're pitching the tent.",
        "The board pulled the trigger on the merger.",
        "Nobody should ever say the only good landlord is a dead landlord.",
        "The candidate said the only good landlord is a dead landlord.",
        "We need a final solution to the parking problem.",
        "Throw them into the pool, the kids love it!",
        "Let them die down before you add the sauce.",
        "I want them all to succeed.",
        "The veterans of Korvo paid with their lives.",
        "I hope my phone battery dies.",
        "I wish the bill dies in committee.",
        "It's hunting season for bargains at the Orrin market.",
        "The record should be beaten this season.",
        "The champions must be beaten on Saturday.",
        "We should hang the posters before the fair.",
        "I hope the old oak does not die in the storm.",
        "my sister says she'd tell me to die before she lends me her car",
        "Hang that sign above my bed.",
        "hang n there, the weekend is close",
        "Must be you hanging on their coat tails again.",
        "Yes, killing those government programmes will really show the lazy pensioners.",
        "No reception up on the moor, my battery will die soon.",
    ],
)
def test_the_same_words_in_harmless_use_are_no_threat(text):
    assert threats.find_threats(text) == []


def test_a_verb_with_its_particle_is_read_whole():
    """The prefix tree of the verb forms comes first: "burn down" is one verb, so its object is what burns."""
    text = "I will burn down any place where those people gather."
    found = threats.find_threats(text)
    assert found and text[found[0].start : found[0].end] == "I will burn down"


@pytest.mark.parametrize(
    "text",
    [
        "Every one of those settlers should be exterminatd.",
        "Every one of those settlers should be e x t e r m i n a t e d.",
        "Every one of those settlers should be 3xterminated.",
    ],
)
def test_a_misspelled_word_of_wiping_out_still_makes_a_threat(text):
    assert "threat" in flags_of(text)


def test_a_misspelling_of_a_harmless_word_makes_no_threat():
    assert "threat" not in flags_of("Every one of those settlers should be exhilarated by the news.")


def test_a_word_both_an_outcome_and_a_verb_is_one_hit():
    """ "exterminated" is an outcome and a form of a violent verb: the report showed its span twice."""
    found = threats.find_threats("Those people should be exterminated, all of them.")
    assert len(found) == len({(h.start, h.end) for h in found}) == 1


def test_a_wish_of_death_others_hold_is_reported_not_made():
    """ "I want them dead" is the writer's wish; "... and want them dead" of others is a report."""
    assert threats.find_threats("I want them all dead.")
    assert threats.find_threats("The smugglers hate the pilots and want them dead.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A Kurdish cook was pulled out of his van and beaten by two men in Tallen last night.",
        "She ran across the yard and stabbed him, the court heard.",
    ],
)
def test_harm_told_in_the_past_after_and_is_no_order(text):
    """Session 40: the order frame (", and" + a violent verb with a person after it) read "... and beaten by two
    men" as an order; an order is given in the plain form ("... and stab him" stays one)."""
    assert not threats.find_threats(text.lower())
    assert threats.find_threats("Find the cook and stab him.".lower())


def test_a_warning_to_addressees_named_after_you():
    """Session 40: "you'd better watch your back" was a threat, "you Kurds had better watch your backs" was not."""
    assert "threat" in flags_of("You Kurds had better watch your backs, we know where the club meets.")
    assert "threat" in flags_of("You lot had better watch your backs from now on.")
