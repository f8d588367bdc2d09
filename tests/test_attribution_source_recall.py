"""Source recall (issue 15, session 17): sources the rules missed where they found the cue. Each sentence is written
for these tests."""

from __future__ import annotations

from tests.test_attribution_recall import cues


def test_an_unowned_speech_act_noun_on_a_light_verb_is_the_subjects_act(nlp):
    got = cues(nlp, "The harbour master delivered a firm promise to reopen the pier by May.")
    assert got["firm promise"] == ("The harbour master", "to reopen the pier by May")


def test_a_speech_act_noun_carried_by_with_or_in_is_the_subjects_act(nlp):
    assert cues(nlp, "The dock union opened the meeting with a call for new talks.")["call"][0] == "The dock union"
    got = cues(nlp, "Ferry crews marched through the square in the hope that the port would reopen.")
    assert got["hope"] == ("Ferry crews", "that the port would reopen")


def test_a_passive_or_a_reception_gives_the_act_no_maker(nlp):
    # the plan is what the call answers, not who made it
    assert cues(nlp, "The toll plan was met with a call for new talks.")["call"][0] is None
    # the mayor is the target of the criticism
    assert not any(source == "The mayor" for source, _ in cues(nlp, "The mayor drew sharp criticism.").values())
