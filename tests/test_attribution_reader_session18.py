"""Faults a reader found on news pages not tuned on (issue 15, session 18), one test per cause: a clause the cue's
own "after" subordinates is not what was said; "for the first time" frames a saying; each end of a from-to range
is its own speaker's; a quotation a cue governs continues no earlier speaker; an alternative not taken ("rather
than declare") is no statement; the one praised for doing something does it; a date is no source; a Title-Case
headline's source does not carry the cue; "her voice rising" is how, not what; "defend against an attack" is no
defence of anything said; in "X, said Vell, had asked ..." Vell speaks; '"Nah," Ida said' is Ida's line; a participle joined
to a passive is passive. All texts are written for these tests."""

from __future__ import annotations

from tests.test_attribution import by_cue, run, source_of, spoken
from tests.test_attribution_rules import found


def _by_cue(nlp, text: str) -> dict[str, tuple[str | None, str]]:
    return {cue: (source, content) for _, source, cue, content in found(nlp, text) if cue}


def test_a_clause_the_cue_s_own_after_subordinates_is_not_what_was_said(nlp):
    # the parser makes "said" the root and the first clause its complement
    said = _by_cue(
        nlp,
        "Council candidate Tom Hale on Friday reiterated that he opposes the harbour toll, a few hours after "
        "Mayor Ann Lee said for the first time she supports it.",
    )
    assert said["said"] == ("Mayor Ann Lee", "she supports it")
    assert said["reiterated"] == ("Council candidate Tom Hale", "that he opposes the harbour toll")


def test_for_the_first_time_frames_what_is_said(nlp):
    said = _by_cue(
        nlp,
        "The senator repeated that she backs the bill, hours after President Tom Hale said for the first time he opposes it.",
    )
    assert said["said"] == ("President Tom Hale", "he opposes it")
    # an ordinary time stays a time, not a statement
    assert "said" not in _by_cue(nlp, "The minister said at the time he was ill.")


def test_each_end_of_a_from_to_range_is_its_own_speaker_s(nlp):
    cues = _by_cue(
        nlp, "The ruling drew a wave of reactions, from unions praising his statements to employers condemning them."
    )
    assert cues["praising"] == ("unions", "his statements")
    assert cues["condemning"] == ("employers", "them")


def test_a_quotation_a_cue_governs_continues_no_earlier_speaker(nlp):
    analysis = run(
        nlp,
        [
            "Harbour toll",
            "“We will not pay it,” said Ida Vell, who leads the ferry workers.",
            "Former mayor Tom Hale, for example, put out a statement shortly after the governor's remarks that "
            "claimed the council “has never cared about the port at all.”",
        ],
    )
    names = {s.id: s.name for s in analysis.sources}
    holders = [a for a in analysis.attributions if "never cared" in a.content.text]
    assert all(names.get(a.source_id) != "Ida Vell" for a in holders)
    assert by_cue(analysis, "said").content.text.startswith("“We will not pay it")
    # nor one an infinitive the parser hung on a cue holds ("called for the board to 'tell …'")
    analysis = run(
        nlp,
        [
            "Harbour toll",
            "“We will not pay it,” said Ida Vell, who leads the ferry workers.",
            "But the original called for the board to “tell its members that this plan is not about fees.”",
        ],
    )
    names = {s.id: s.name for s in analysis.sources}
    holders = [a for a in analysis.attributions if "not about fees" in a.content.text]
    assert all(names.get(a.source_id) != "Ida Vell" for a in holders)


def test_an_alternative_not_taken_is_no_statement(nlp):
    assert not found(
        nlp, "Rather than stay in the race and declare that she will not quit, the mayor chose to end her campaign."
    )
    cues = _by_cue(nlp, "Instead of saying that the plant would close, the company announced that it would be sold.")
    assert set(cues) == {"announced"}


def test_the_one_praised_for_doing_something_does_it(nlp):
    cues = _by_cue(nlp, "The mayor thanked voters for telling her about the potholes.")
    assert cues["telling her about"][0] == "voters"
    cues = _by_cue(nlp, "The mayor accused the council of saying that the port would close.")
    assert cues["saying"] == ("the council", "that the port would close")
    # no object before the gerund: the subject's own doing
    assert _by_cue(nlp, "The mayor responded by saying the port would stay open.")["saying"][0] == "The mayor"


def test_a_date_is_no_source(nlp):
    sources = {
        source
        for _, source, _, _ in found(
            nlp, "Mayor Ann Lee vigorously defended her handling of last September’s attack on the American mission."
        )
    }
    assert sources == {"Mayor Ann Lee"}


def test_a_title_case_headline_s_source_does_not_carry_the_cue(nlp):
    analysis = run(nlp, ["Lee Defends Her Record on Harbour Safety", "Mayor Ann Lee spoke to reporters on Tuesday."])
    defends = by_cue(analysis, "Defends")
    assert source_of(analysis, defends).name == "Lee"


def test_her_voice_rising_is_how_it_was_said_not_what(nlp):
    cues = _by_cue(nlp, "“It is our job to find out what went wrong,” the mayor said, her voice rising.")
    assert cues["said"] == ("the mayor", "“It is our job to find out what went wrong,”")
    cues = _by_cue(nlp, "The mayor said, her voice rising, that the port would close.")
    assert cues["said"] == ("The mayor", "that the port would close")


def test_defending_against_an_attack_relays_nothing(nlp):
    cues = _by_cue(nlp, 'The mayor warned the office could not defend against a "coordinated attack."')
    assert set(cues) == {"warned"}
    # a defence of something is still one
    assert "defended" in _by_cue(nlp, "The mayor defended the plan against its critics.")


def test_a_speaker_after_an_inverted_aside_says_the_sentence_around_it(nlp):
    cues = found(nlp, "The harbour office, said Ida Vell, had asked for more staff.")
    assert [(source, cue) for _, source, cue, _ in cues] == [("Ida Vell", "said")]
    assert cues[0][3] == "The harbour office, said Ida Vell, had asked for more staff"
    # not when the cue has a clause of its own after the speaker
    assert found(nlp, "“We will win,” said Ida Vell, who leads the union.")[0][1].startswith("Ida Vell")


def test_a_short_line_of_dialogue_is_its_speaker_s(nlp):
    assert _by_cue(nlp, "“Nah,” Ida said quickly.")["said"] == ("Ida", "“Nah,”")
    assert _by_cue(nlp, "“Why?” asked the mayor.")["asked"] == ("the mayor", "“Why?”")
    # a short quotation set in a sentence, not a line, stays unclaimed
    assert not found(nlp, 'The so-called "plan" said nothing new.')


def test_a_participle_joined_to_a_passive_is_passive(nlp):
    cues = _by_cue(nlp, "The plan was drafted by the council and criticized by the mayor.")
    assert cues["criticized"] == ("the mayor", "The plan")
    # the platform a text was posted on is not what it says
    cues = _by_cue(nlp, "Her views were widely shared and later posted on a forum by a reporter for a local weekly.")
    assert all(content != "a forum" for _, content in cues.values())


def test_a_decision_in_case_is_no_stance_and_stays_in_what_was_said(nlp):
    cues = _by_cue(
        nlp, "The mayor said she wanted to avoid a conflict in case she decides to run for governor next year."
    )
    assert "decides" not in cues
    assert cues["said"][1].endswith("in case she decides to run for governor next year")


def test_being_called_to_do_something_is_a_summons(nlp):
    assert not found(nlp, "At one point the guard was called to remove a protester.")
    assert _by_cue(nlp, "The plan was called a disgrace by the mayor.")["was called"] == ("the mayor", "a disgrace")


def test_a_paragraph_quoted_from_no_one_found_is_not_the_publisher_s_own_voice(nlp):
    analysis = run(
        nlp,
        [
            "Harbour costs",
            "According to Ida Vell of the Tarn Gazette, the repairs will cost about two million.",
            "“The figure I get is nearly two million. That is a rough guess, of course. When the council sits but "
            "does nothing, we all pay.”",
            "The council meets again on Monday.",
        ],
    )
    editorial = [a.content.text for a in analysis.attributions if a.kind == "editorial"]
    assert editorial == ["The council meets again on Monday."]


def test_a_reply_to_claims_it_names_is_an_attribution_and_the_claims_are_not_the_publisher_s(nlp):
    analysis = run(
        nlp,
        [
            "Harbour dispute",
            "But harbour workers have challenged claims that their members harassed two inspectors in March.",
        ],
    )
    names = {s.id: s.name for s in analysis.sources}
    assert [(names[a.source_id], a.cue.text) for a in spoken(analysis)] == [("harbour workers", "have challenged")]
    # a plain object is still no reported content for a verb that needs one
    assert not found(nlp, "The council supported the plan.")


def test_those_wondering_is_named_those_not_the_whole_sentence(nlp):
    analysis = run(
        nlp,
        [
            "Reading day",
            "Those wondering whether the reading would be dramatic found out on Thursday as volunteers read aloud.",
            "Those who watched the vote said it was close.",
        ],
    )
    assert source_of(analysis, by_cue(analysis, "wondering")).name == "Those"
    assert source_of(analysis, by_cue(analysis, "said")).name == "Those who watched the vote"


def test_the_secretary_is_not_a_deputy_assistant_secretary(nlp):
    analysis = run(
        nlp,
        [
            "Harbour hearing",
            "Deputy Assistant Secretary for Harbour Safety Ida Vell testified in October that the fire was the issue.",
            "The secretary tried to explain that thousands of cables reach the department every year.",
        ],
    )
    assert (
        source_of(analysis, by_cue(analysis, "to explain")).name
        != source_of(analysis, by_cue(analysis, "testified")).name
    )
