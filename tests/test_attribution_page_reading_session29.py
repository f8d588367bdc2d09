"""Faults found by running the stage on news sentences written for the purpose (a wildfire, a central bank, an air
accident, a school board, a data breach, a minister's resignation, a transfer, a recaptured town, hospital lists, a
food study, an election; session 29), fixed as classes; the sentences are our own."""

from __future__ import annotations

from tests.test_attribution import attributions, run, source_of, spoken


def test_a_speech_reported_as_hearsay_is_the_subjects_own(nlp):
    """ "The minister is reported to have told colleagues X": "is reported" took the whole sentence as its content,
    with no one speaking; the minister told, only the report of it is hearsay."""
    rows = attributions(nlp, "The minister is reported to have told colleagues he would fight to clear his name.")
    assert rows == [("is reported to have told", "The minister", "he would fight to clear his name")]
    rows = attributions(nlp, "She is said to have warned aides that the plan would fail.")
    assert ("is said to have warned", "She", "that the plan would fail") in rows


def test_what_is_expected_still_has_no_speaker(nlp):
    """The rule is for a perfect infinitive of speech: "is expected to announce" has said nothing yet."""
    rows = attributions(nlp, "The company is expected to announce job cuts next week.")
    assert [source for _, source, _ in rows] == [""]


def test_a_transcripts_answers_are_someones_words_and_its_letters_name_no_one(nlp):
    """ "Q: ..." made a source named "Q"; "A: ..." was left as the publisher's own words."""
    analysis = run(nlp, ["Q: Did you ever discuss contracts with him?", "A: Never. Not once."])
    rows = [(a.content.text, source_of(analysis, a).name) for a in spoken(analysis)]
    assert all(name != "Q" for _, name in rows)
    answers = [a for a in spoken(analysis) if "Never" in a.content.text]
    assert len(answers) == 1 and answers[0].kind == "direct"
    assert source_of(analysis, answers[0]).name not in ("A", "")


def test_a_speaker_label_that_is_a_name_still_speaks(nlp):
    """The turn letters are not names; a name before a colon still is."""
    analysis = run(nlp, ["The minister met the press.", "Reporter: Are you going to resign before the vote?"])
    assert [source_of(analysis, a).name for a in spoken(analysis)] == ["Reporter"]


def test_a_second_persons_words_after_with_end_the_first_content(nlp):
    """ "Rival fans mocked the fee, with one calling it 'madness.'": the mockery ran over the other fan's words."""
    rows = attributions(nlp, 'Rival fans mocked the fee online, with one calling it "madness."')
    mocked = [content for cue, _, content in rows if cue == "mocked"]
    assert mocked and "calling" not in mocked[0]
    assert any(cue == "calling" and source == "one" for cue, source, _ in rows)


def test_a_reply_to_a_claim_answers_the_claim_not_the_one_who_made_it(nlp):
    """ "The army said it had retaken the town, a claim that rebel commanders rejected": the rebels rejected what
    the army said, not "The army said ..."."""
    rows = attributions(
        nlp,
        "The army said on Saturday it had retaken the town after three days of fighting, a claim that rebel "
        "commanders rejected.",
    )
    rejected = [content for cue, _, content in rows if cue == "rejected"]
    assert rejected == ["it had retaken the town after three days of fighting"]


def test_the_day_of_a_statement_is_not_part_of_it(nlp):
    """ "The army said on Saturday it had retaken the town": with no "that", the parser hung the day on the
    reported clause, and it was shown as the army's words."""
    assert attributions(nlp, "The army said on Saturday it had retaken the town.") == [
        ("said", "The army", "it had retaken the town")
    ]
    assert attributions(nlp, "Police said late on Friday they had arrested two men.") == [
        ("said", "Police", "they had arrested two men")
    ]


def test_a_day_that_belongs_to_the_reported_words_stays(nlp):
    """ "said Tuesday's vote was rigged": the day names what was said about."""
    rows = attributions(nlp, "The opposition said Tuesday's vote had been rigged.")
    assert [content for _, _, content in rows] == ["Tuesday's vote had been rigged"]


def test_a_by_phrase_on_an_active_verb_is_no_speaker(nlp):
    """ "The health secretary blamed strikes by junior doctors, telling the BBC that X": the parser read "by" as
    the agent of "blamed", and the doctors were made to tell the BBC."""
    rows = attributions(
        nlp,
        "The health secretary blamed strikes by junior doctors, telling the BBC that the walkouts had cost "
        "a million appointments.",
    )
    assert ("telling", "The health secretary", "that the walkouts had cost a million appointments") in rows


def test_adding_pressure_is_no_statement(nlp):
    """ "The findings are likely to add pressure on ministers": "add" is a speech verb only with something said;
    "added a brief note of caution" still is one."""
    assert attributions(nlp, "The findings are likely to add pressure on ministers to act.") == []
    rows = attributions(nlp, "Ms. Vell added a brief note of caution about the timetable.")
    assert any(cue.startswith("added") for cue, _, _ in rows)


def test_talks_named_in_a_headline_are_not_talking(nlp):
    """ "Ceasefire talks stall": the parser read the noun compound as "Ceasefire" talking "stall"."""
    assert attributions(nlp, "Ceasefire talks stall as both sides trade blame") == []
    rows = attributions(nlp, "The envoy talks tough on the rebels' demands, officials said.")
    assert any(cue == "said" for cue, _, _ in rows)


def test_a_closing_cue_that_names_whom_it_told_relays_the_clause_before(nlp):
    """ "Drivers will get a raise, the union's general secretary, Frank Doyle, told members in an email.": with
    an addressee after it, the closing cue was read as nobody's and the sentence stayed the publisher's."""
    rows = attributions(
        nlp,
        "Under the agreement, drivers will get a 9 percent raise over two years, the union's general "
        "secretary, Frank Doyle, told members in an email.",
    )
    assert rows == [
        (
            "told",
            "the union's general secretary, Frank Doyle",
            "Under the agreement, drivers will get a 9 percent raise over two years",
        )
    ]


def test_what_is_said_after_an_event_is_the_that_clause(nlp):
    """ "His lawyer said after the verdict that his client would appeal": the parser hung the clause on "the
    verdict", and the sentence stayed the publisher's."""
    rows = attributions(nlp, "His lawyer, Paul Grant, said after the verdict that his client would appeal.")
    assert rows == [("said", "His lawyer, Paul Grant", "that his client would appeal")]


def test_a_statement_named_as_the_channel_is_not_a_second_attribution(nlp):
    """ "The mayor said in a statement that X": "statement" with its that-clause made a second attribution of the
    same words with no one speaking."""
    rows = attributions(nlp, "The mayor said in a statement that Tuesday's verdict closes a painful chapter.")
    assert rows == [("said in a statement", "The mayor", "that Tuesday's verdict closes a painful chapter")]


def test_they_after_a_sentence_about_other_people_is_those_people(nlp):
    """ "The ministry said X. ... Protest organisers gave a different account. They said Y": "they" went to the
    ministry, the last source, not to the organisers the sentence before is about."""
    analysis = run(
        nlp,
        [
            "The interior ministry said 23 officers had been injured. It blamed violent groups for the unrest.",
            "Protest organisers gave a different account. They said police had charged a peaceful crowd.",
        ],
    )
    said = [a for a in spoken(analysis) if a.source is not None and a.source.text == "They"]
    assert [source_of(analysis, a).name for a in said] == ["Protest organisers"]


def test_they_that_reports_goes_on_with_its_speakers(nlp):
    """A "they" that reports still goes on with the speakers before it when the sentence between is about no
    other people."""
    analysis = run(
        nlp, ["Port officials said the pier would close. The repairs will take a year. They said the cost was high."]
    )
    said = [a for a in spoken(analysis) if a.source is not None and a.source.text == "They"]
    assert [source_of(analysis, a).name for a in said] == ["Port officials"]


def test_police_charging_a_crowd_lay_no_charge(nlp):
    """ "police had charged a peaceful crowd": "charged" was a cue whose content was the crowd; "charged him with
    fraud" lays a charge, what it is included."""
    assert attributions(nlp, "Police charged the crowd outside the station.") == []
    assert attributions(nlp, "Prosecutors charged him with fraud.") == [("charged", "Prosecutors", "him with fraud")]


def test_what_a_speaker_speaks_on_is_no_content_when_it_is_a_medium(nlp):
    """ "The prime minister, speaking on state television, defended the law": "state television" was what he
    spoke; "responded to videos showing X" still answers the videos."""
    rows = attributions(nlp, "The prime minister, speaking on state television, defended the law.")
    assert all("television" not in content for _, _, content in rows)
    rows = attributions(nlp, "Both senators declined to respond to videos showing them at the rally.")
    assert any("videos" in content for _, _, content in rows)


def test_a_quotation_after_whom_a_cue_spoke_to_and_their_answer_is_the_answer(nlp):
    """'"A," Lane says to Hale on camera, who responds cheerfully: "B."': B was joined to A as Lane's."""
    rows = attributions(
        nlp,
        '"Tell the crews to meet us at the old pier," Lane says to Hale on camera, who responds cheerfully: '
        '"Sure thing!"',
    )
    assert ("says", "Lane", '"Tell the crews to meet us at the old pier,"') in rows
    assert all("Sure thing" not in content for _, source, content in rows if source == "Lane")


def test_goods_called_back_are_not_recalled_aloud(nlp):
    """ "The carmaker is recalling about 400,000 vehicles": a product recall read as someone recalling the
    vehicles; "recalled the night of the fire" is still remembered aloud."""
    rows = attributions(
        nlp, "The carmaker is recalling about 400,000 vehicles because a software fault can delay braking."
    )
    assert rows == []
    rows = attributions(nlp, "The ferry's captain recalled the night of the fire in a long interview.")
    assert any(cue.startswith("recalled") for cue, _, _ in rows)


def test_looking_something_up_is_no_statement(nlp):
    """ "Owners can check whether their car is affected": a verb no lexicon lists, with a whether-clause, was a
    cue; one with a that-clause still is ("made sure that" aside)."""
    assert attributions(nlp, "Owners can check whether their car is affected.") == []
    rows = attributions(nlp, "The inspectors were adamant that the crane had been moving.")
    assert any("the crane had been moving" in content for _, _, content in rows)


def test_an_accusation_of_people_placed_somewhere_keeps_its_charge(nlp):
    """ "It accused armed groups inside the city of stealing deliveries": the parser hung "of stealing" on "the
    city", and the sentence stayed the publisher's; "told him at the start of the meeting that X" keeps its clause."""
    rows = attributions(nlp, "The ministry accused armed groups inside the city of stealing previous deliveries.")
    assert rows == [("accused", "The ministry", "armed groups inside the city of stealing previous deliveries")]
    rows = attributions(nlp, "She said she had told him at the start of the meeting that the town would not pay.")
    assert all(not content.startswith("the meeting") for _, _, content in rows)


def test_units_and_other_bodies_speak(nlp):
    """ "The unit said traces were found", "..., the sport's integrity unit announced": left as the publisher's."""
    rows = attributions(nlp, "The unit said traces of the steroid were found in a sample taken in April.")
    assert rows == [("said", "The unit", "traces of the steroid were found in a sample taken in April")]
    for body in ("directorate", "secretariat", "inspectorate", "emir"):
        assert [source for _, source, _ in attributions(nlp, f"The {body} said the plan was sound.")] == [f"The {body}"]


def test_a_live_reports_clock_time_is_no_part_of_a_source_or_a_statement(nlp):
    """ "09:21 Emergency services said ...": the time stamp was shown as part of the source's name; "10:42 The
    storm made landfall, the weather service said" as part of what was said."""
    analysis = run(
        nlp,
        [
            "10:42 The storm made landfall near the port, the weather service said.",
            "09:21 Emergency services said they had rescued a family of five.",
        ],
    )
    rows = [(a.source.text if a.source else "", a.content.text) for a in spoken(analysis)]
    assert ("the weather service", "The storm made landfall near the port") in rows
    assert ("Emergency services", "they had rescued a family of five") in rows
    assert all("10:42" not in source + content and "09:21" not in source + content for source, content in rows)


def test_a_view_fronted_with_of_is_its_holders(nlp):
    """ "In the view of Ellen Brodie, a maritime economist, the figures are 'heroic'": left as the publisher's;
    "captured in the very words of a shanty" quotes it, it is no one's view of the clause."""
    rows = attributions(
        nlp, 'In the view of Ellen Brodie, a maritime economist, the figures in the business plan are "heroic."'
    )
    assert rows == [
        ("In the view of", "Ellen Brodie, a maritime economist", 'the figures in the business plan are "heroic."')
    ]
    rows = attributions(nlp, "The report is captured in the very words of an old sea shanty.")
    assert all(not cue.startswith("in the very") for cue, _, _ in rows)


def test_as_someone_sees_it_is_their_view(nlp):
    """ "As the harbour master sees it, the terminal is the town's last chance": "put it" was read, "sees it" not."""
    rows = attributions(nlp, "As the harbour master sees it, the new terminal is the town's last chance.")
    assert rows == [("sees it", "the harbour master", "the new terminal is the town's last chance")]


def test_the_people_spoken_to_are_not_what_was_said(nlp):
    """ "Residents we spoke to were split": the residents were what "we" spoke."""
    assert attributions(nlp, "Residents we spoke to were split on the plan.") == []


def test_one_of_them_is_named_with_the_group(nlp):
    """ "Radiologists said X. One of them, speaking anonymously, described a culture of fear.": the source read
    "One of them", and the reader had to find out of whom."""
    analysis = run(
        nlp,
        [
            "Radiologists who raised the alarm said they had been told to stop making trouble. One of them, "
            "speaking anonymously, described a culture of fear."
        ],
    )
    described = [a for a in spoken(analysis) if a.cue.text == "described"]
    assert [source_of(analysis, a).name for a in described] == ["One of them (Radiologists)"]


def test_a_fact_check_finds(nlp):
    """ "A fact-check by a nonpartisan group found that both were partly right": left as the publisher's."""
    rows = attributions(nlp, "A fact-check by a nonpartisan group found that both were partly right.")
    assert rows == [("found", "A fact-check by a nonpartisan group", "that both were partly right")]


def test_the_one_pressed_speaks_not_the_one_who_pressed(nlp):
    """ "Pressed by the moderator on whether she would sign the ban, Whitfield declined. '...,' she said": the
    quotation was given to the moderator, through the "Pressed"."""
    analysis = run(
        nlp,
        [
            "Pressed by the moderator on whether she would sign the ban, Whitfield declined to give a yes-or-no "
            'answer. "I will follow the will of the legislature," she said.'
        ],
    )
    quoted = [a for a in spoken(analysis) if "will of the legislature" in a.content.text]
    assert [a.source.text for a in quoted] == ["she"]


def test_firing_back_is_one_cue_but_back_in_may_is_a_time(nlp):
    """ "Lowe shot back that X": the cue read "shot"; "said back in May that X" keeps "back" out of it."""
    assert attributions(nlp, "Lowe shot back that the plan would gut schools.") == [
        ("shot back", "Lowe", "that the plan would gut schools")
    ]
    rows = attributions(nlp, "The mayor said back in May that the pier would close.")
    assert [cue for cue, _, _ in rows] == ["said"]


def test_the_writers_gloss_on_a_shift_is_not_what_was_said(nlp):
    """ "said that he was open to a deal, a shift that could break the stalemate": the writer's gloss ran into
    what he said, and into what he was open to."""
    rows = attributions(
        nlp,
        "The Senate's majority leader said Tuesday that he was open to a bipartisan border deal, a shift that could "
        "break a months-long stalemate over spending.",
    )
    assert ("said", "The Senate's majority leader", "that he was open to a bipartisan border deal") in rows
    assert all("shift" not in content for _, _, content in rows)


def test_whoever_might_do_something_is_no_source(nlp):
    """ "any senator who backed an amnesty deal would face a challenge": "backed" was given to "who", someone
    nobody named, who may not exist."""
    rows = attributions(
        nlp, 'The group warned that any senator who backed an "amnesty" deal would face a primary challenge.'
    )
    assert [cue for cue, _, _ in rows] == ["warned"]
    assert attributions(nlp, "Anyone who says the deal was fair is wrong.") == []
    rows = attributions(nlp, "The senators who said the deal was fair were booed.")
    assert rows == [("said", "who", "the deal was fair")]


def test_stopping_short_of_saying_is_the_one_who_stopped(nlp):
    """ "he stopped short of endorsing a specific plan": the cue "endorsing" had no one speaking."""
    rows = attributions(nlp, "The leader praised the talks but stopped short of endorsing a specific plan.")
    assert ("stopped short of endorsing", "The leader", "a specific plan") in rows


def test_a_question_quoted_before_the_answer_stays_the_askers(nlp):
    """The rule that the one pressed answers keeps 'Asked by one of the aides, "Is this the final wording?" the
    adviser replied': the question, quoted before the answer, is the aide's; "said back in December" is a time."""
    rows = attributions(
        nlp,
        'Asked by one of the aides, "Is this the final wording you want to use," the adviser replied with a '
        'single word: "Yup."',
    )
    assert ("Asked", "one of the aides", '"Is this the final wording you want to use,"') in rows
    rows = attributions(nlp, "Okafor declared back in December that the war had to be won.")
    assert rows == [("declared", "Okafor", "that the war had to be won")]


def test_continued_after_a_line_of_dialogue_tags_it(nlp):
    """'"Why can't she mind her own harbour?" Brandt continued.': the quotation went to the speaker before; "The
    fighting continued." still says nothing."""
    analysis = run(
        nlp,
        [
            "Vell said the remark was wrong.",
            '"Why can\'t she mind her own harbour and leave mine alone?" Brandt continued. The fighting continued.',
        ],
    )
    rows = [(a.cue.text, a.source.text if a.source else "") for a in spoken(analysis) if "harbour" in a.content.text]
    assert rows == [("continued", "Brandt")]
    assert [a.cue.text for a in spoken(analysis)] == ["said", "continued"]
