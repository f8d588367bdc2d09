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


def test_a_claim_someone_argues_with_or_sees_merit_in_is_not_theirs(nlp):
    # "with" and "in" carry the subject's own act only after opening or answering, and for a hope or belief held
    for text in (
        "The mayor argued with the claim that the pier was unsafe.",
        "The council took issue with the claim that the ferry was late.",
        "The board dealt with the demand that the pier be reopened.",
        "The skipper saw little merit in the claim that the harbour was too shallow.",
    ):
        got = cues(nlp, text)
        noun = "demand" if "demand" in got else "claim"
        assert got[noun][0] is None, (text, got)  # the council's stance is "took issue with", not the claim


def test_an_answer_carried_by_with_or_in_is_the_answerers_act(nlp):
    assert cues(nlp, "The mayor hit back with a claim that the pier was safe.")["claim"][0] == "The mayor"
    # (one attribution: the statement is the reply's channel, not a second cue)
    assert cues(nlp, "The board replied in a statement that the pier would reopen.") == {
        "replied in a statement": ("The board", "that the pier would reopen")
    }
