"""Cue verbs used for a deed, not for saying anything: a win claimed, a race conceded, a fee charged, judges
confirmed, supporters emailed, a clause opened by "now that", a case referred to prosecutors, a crowd applauding
while someone speaks. Found in session 49 among the cues PolNeAR's annotators did not
mark (train articles 0-299); each class is checked here with sentences of our own, beside the speech it must keep."""

from __future__ import annotations

from tests.test_attribution import attributions, run, source_of, spoken


def cues(nlp, text: str) -> list[str]:
    return [cue for cue, _, _ in attributions(nlp, text)]


def test_a_prize_taken_is_no_claim_but_a_claim_of_victory_is(nlp):
    assert cues(nlp, "Port Sarn claimed the title after a late goal.") == []
    assert cues(nlp, "The Rovers claimed their 55th league title on Saturday.") == []
    assert ("claimed", "Vell", "responsibility for the attack") in attributions(
        nlp, "Vell claimed responsibility for the attack."
    )
    # a victory is as often declared as won ("both campaigns claimed a win"), and a title may be one a party gives
    # itself: both stay speech
    assert "claimed" in cues(nlp, "Both campaigns claimed a win after the televised debate.")
    assert "claimed" in cues(nlp, "The party claimed the title of the champion of small business.")


def test_a_race_given_up_is_no_admission_but_defeat_conceded_is(nlp):
    assert cues(nlp, "Tallen conceded the race to Vell on Thursday.") == []
    assert ("conceded", "Tallen", "defeat") in attributions(nlp, "Tallen conceded defeat on Thursday.")


def test_a_fee_charged_is_no_charge_laid(nlp):
    assert cues(nlp, "The club charged a $5,000 initiation fee.") == []
    assert cues(nlp, "The harbour board charges $40 for a mooring.") == []
    assert "charged" in cues(nlp, "Prosecutors charged him with fraud.")


def test_judges_confirmed_in_office_are_no_confirmation_of_a_fact(nlp):
    assert cues(nlp, "The council confirmed 68 new judges by this point.") == []
    assert ("confirmed", "The hospital", "two deaths") in attributions(nlp, "The hospital confirmed two deaths.")


def test_someone_reached_is_not_what_was_said(nlp):
    assert cues(nlp, "Okafor emailed supporters on Monday evening.") == []
    assert ("emailed", "The campaign", "supporters asking for donations") in attributions(
        nlp, "The campaign emailed supporters asking for donations."
    )
    assert cues(nlp, "The mayor called Dana Korvel on Sunday.") == []
    assert ("emailed", "Okafor", "that the rally was off") in attributions(
        nlp, "Okafor emailed supporters that the rally was off."
    )
    assert ("called", "Critics", "the plan a giveaway") in attributions(nlp, "Critics called the plan a giveaway.")


def test_a_clause_of_time_relays_nothing(nlp):
    assert cues(nlp, "The mayor hired more clerks now that the harbour budget has grown.") == []
    assert cues(nlp, "The governor made clear that donors are contributing.") == ["made clear"]


def test_growing_something_or_sending_it_on_is_no_speech(nlp):
    assert cues(nlp, "Vell wins the Korvo primary, adding to a string of wins along the coast.") == []
    assert cues(nlp, "The board referred the case to prosecutors.") == []
    assert ("was referring to", "He", "the harbour plan") in attributions(nlp, "He was referring to the harbour plan.")
    assert ("added", "He", "that the ferry would run") in attributions(nlp, "He added that the ferry would run.")


def test_a_crowd_applauding_while_someone_speaks_does_not_say_their_words(nlp):
    rows = attributions(nlp, '"We will win," she said, as the crowd applauded.')
    assert rows == [("said", "she", '"We will win,"')]
    assert attributions(nlp, '"Enough," she said as the audience booed.') == [("said", "she", '"Enough,"')]
    # an "as" clause of speech relays the same words from others
    rows = attributions(nlp, '"The toll must go," she said, as others have said before her.')
    assert any(cue == "have said" and source == "others" and "toll" in content for cue, source, content in rows)


def test_an_as_aside_closing_a_sentence_is_not_part_of_what_it_relays(nlp):
    """Before, "The ferry will run again, as the mayor said." gave the whole sentence, the aside's own words too."""
    assert attributions(nlp, "The ferry will run again, as the mayor said.") == [
        ("said", "the mayor", "The ferry will run again")
    ]
    assert attributions(nlp, "The ferry will run again on Monday, as the mayor said last week.") == [
        ("said", "the mayor", "The ferry will run again on Monday")
    ]


def test_the_quotation_after_a_statement_issued_is_what_it_says(nlp):
    """Before, the statement's noun was the content ("a statement: ...") and a quotation opening the next sentence
    was left to no one."""
    text = '"We regret the delay and will pay every claim."'
    for sentence in (
        f"Korvex issued a statement: {text}",
        f"Korvex issued a statement on Monday: {text}",
        f"Korvex issued a statement on Monday. {text}",
    ):
        assert attributions(nlp, sentence) == [("issued", "Korvex", text)]
    # a quotation another cue tags is that speaker's, and the noun stays the content of "issued"
    rows = attributions(nlp, 'Korvex issued a statement on Monday. "We regret the delay," a spokesman said later.')
    assert ("said", "a spokesman", '"We regret the delay,"') in rows
    assert ("issued", "Korvex", "a statement") in rows
    # the quotation is a sentence of its own, whatever follows it
    rows = attributions(
        nlp,
        'Korvel\'s lawyers issued a statement on Monday. "Our client is innocent." Prosecutors declined to comment.',
    )
    assert ("issued", "Korvel's lawyers", '"Our client is innocent."') in rows


def test_what_someone_takes_a_thing_for_is_their_view(nlp):
    """ "sees X as bound by Y" (the parser reads "as bound" as a clause of the verb) and "regards X as Y" (no
    cue before) were missed; "said it as planned" and "see the result as expected" take nothing for anything."""
    assert attributions(nlp, "Vell sees Tallen as bound by the old guard of his party.") == [
        ("sees", "Vell", "Tallen as bound by the old guard of his party")
    ]
    assert attributions(nlp, "The board regards the ferry as badly run.") == [
        ("regards", "The board", "the ferry as badly run")
    ]
    assert cues(nlp, "With regard to the ferry, the board met on Monday.") == []
    assert cues(nlp, "The board regards the ferry highly.") == []
    assert all(cue != "see" for cue in cues(nlp, "They see the result as expected."))
    assert cues(nlp, "Inspectors saw the site, as required under the treaty.") == []
    # the parser may hang "as aimed at" on the object; before, "aimed" was a belief of no one, about "the toll"
    assert attributions(nlp, "Many fishermen see the toll as aimed at small boats.") == [
        ("see", "Many fishermen", "the toll as aimed at small boats")
    ]
    assert attributions(nlp, "As expected, the board kept the toll.") == []


def test_a_colon_after_a_speech_participle_opens_its_quotation(nlp):
    """The parser hung the quoted clause on the sentence's first verb, so "saying in a post" took the whole sentence
    as an aside (before), or nothing, and the colon was the cue."""
    quote = '"The toll is a disaster for Port Sarn."'
    rows = attributions(nlp, f"Korvex joined others in attacking the plan, saying in a post on its website: {quote}")
    assert ("saying in a post", "Korvex", quote) in rows
    rows = attributions(nlp, f"Korvex attacked the plan, saying in a statement: {quote}")
    assert ("saying in a statement", "Korvex", quote) in rows
    assert all(content != quote for cue, _, content in rows if cue != "saying in a statement")
    assert attributions(nlp, 'Protesters jeered the minister, chanting: "Resign!"')[-1] == (
        "chanting",
        "Protesters",
        '"Resign!"',
    )
    # a clause of its own before the colon is what the participle says
    rows = attributions(nlp, 'The minister defended the plan, saying it would cut costs: "This is about value."')
    assert ("saying", "The minister", "it would cut costs") in rows
    assert attributions(nlp, 'The ferry has three decks: "upper", "lower" and "cargo".') == []


def test_what_someone_talks_to_people_about_is_the_topic(nlp):
    """ "is talking to voters about X": the parser hangs "about" on the ones spoken to, and the cue had no content."""
    assert attributions(nlp, "Brandt is talking to voters about the harbour toll.") == [
        ("is talking", "Brandt", "the harbour toll")
    ]
    # only "about": "the families of victims" is who was spoken to, not what of
    assert all(
        "victims" not in content
        for _, _, content in attributions(nlp, "Brandt spoke to the families of victims about the fire.")
    )


def test_a_statement_issued_saying_something_is_one_attribution(nlp):
    """Before, "issued" took "a statement calling for calm" for its content beside "calling for" taking "calm": the
    same statement twice, once with the wrong words. The text's noun and its participle are now one cue."""
    assert attributions(nlp, "Korvex issued a statement calling for calm.") == [
        ("issued a statement calling for", "Korvex", "calm")
    ]
    assert attributions(nlp, "The ministry issued a statement saying the ferry would resume.") == [
        ("issued a statement saying", "The ministry", "the ferry would resume")
    ]


def test_a_speaker_named_by_surname_takes_the_full_name_the_page_gives(nlp):
    """Session 49: '"We will not give up," Korvel said' on a page that names Dana Korvel only where she does not
    speak listed a source "Korvel"; two people of one surname leave a bare surname as written."""
    analysis = run(
        nlp,
        [
            "Councillor Dana Korvel lost the vote on Tuesday.",
            '"We will not give up," Korvel said.',
        ],
    )
    assert [source_of(analysis, a).name for a in spoken(analysis)] == ["Dana Korvel"]
    analysis = run(
        nlp,
        [
            "Ida Vell and Nora Vell both ran for the harbour board.",
            '"We will not give up," Vell said.',
        ],
    )
    assert [source_of(analysis, a).name for a in spoken(analysis)] == ["Vell"]
    # the small model reads "Denzel Okafor" as a place; the speaker "Okafor" is a person, so the name is his
    analysis = run(
        nlp, ["Denzel Okafor arrived in Port Sarn on Monday. Okafor met the harbour board and said fares would rise."]
    )
    assert [source_of(analysis, a).name for a in spoken(analysis)] == ["Denzel Okafor"]
