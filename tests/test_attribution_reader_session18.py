"""Faults a reader found on news pages not tuned on (issue 15, session 18), one test per cause: a clause the cue's
own "after" subordinates is not what was said; "for the first time" frames a saying; each end of a from-to range
is its own speaker's; a quotation a cue governs continues no earlier speaker, and a sentence holding words no one
was found to say is not the publisher's; an alternative not taken is no statement; the one praised for doing
something does it; a date is no source; a Title-Case headline's source does not carry the cue; a manner after the
cue is how, not what; "defend against" a raid relays nothing; in "X, said Vell, had asked ..." Vell speaks; a
one-word line of dialogue is its speaker's; a participle joined to a passive is passive; a decision "in case" is no
stance; "were called to clear" is a summons; an answer to claims it names speaks; a group pronoun's label is its
description, not its cue; a title with a rank word is another office. All texts are written for these tests: the
sentences that showed the faults are not copied, only their grammar."""

from __future__ import annotations

from spacy.tokens import Doc

from rashomon.attribution.rules.content import ContentRules
from tests.test_attribution import by_cue, run, source_of, spoken
from tests.test_attribution_rules import found


def _by_cue(nlp, text: str) -> dict[str, tuple[str | None, str]]:
    return {cue: (source, content) for _, source, cue, content in found(nlp, text) if cue}


def _sources(analysis) -> dict[str, str]:
    return {s.id: s.name for s in analysis.sources}


def test_a_clause_the_cue_s_own_after_subordinates_is_not_what_was_said(nlp):
    # the parse the parser sometimes gives "A stated X, hours after B said Y": "said" the root, A's clause its
    # complement, "after" its own subordinator
    words = ["Crews", "stated", "they", "object", ",", "hours", "after", "the", "owner", "said", "he", "agrees", "."]
    heads = [1, 9, 3, 1, 9, 9, 9, 8, 9, 9, 11, 9, 9]
    deps = ["nsubj", "ccomp", "nsubj", "ccomp", "punct", "npadvmod", "mark", "det", "nsubj", "ROOT", "nsubj", "ccomp"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps + ["punct"])
    said, stated, agrees = doc[9], doc[1], doc[11]
    assert ContentRules.subordinated_between(said, stated)
    assert not ContentRules.subordinated_between(said, agrees)  # after the cue: its complement
    assert not ContentRules.subordinated_between(stated, doc[3])


def test_for_the_first_time_frames_what_is_said(nlp):
    told = _by_cue(nlp, "The mayor told reporters for the first time she backs the toll.")["told"]
    assert told == ("The mayor", "she backs the toll")
    # a verb of mere occasion keeps its time a time
    spoke = _by_cue(nlp, "The mayor spoke for the first time the council met.").get("spoke", (None, ""))
    assert spoke[1] != "the council met"
    assert "said" not in _by_cue(nlp, "The minister said at the time he was ill.")


def test_each_end_of_a_from_to_range_is_its_own_speaker_s(nlp):
    cues = _by_cue(
        nlp, "Responses to the timetable ranged from commuters thanking the operator to cyclists denouncing the fare."
    )
    assert cues["thanking"] == ("commuters", "the operator")
    assert cues["denouncing"] == ("cyclists", "the fare")
    # the other end need not hold a cue
    cues = _by_cue(nlp, "Reactions ranged from unions praising the ruling to outright anger among employers.")
    assert cues["praising"] == ("unions", "the ruling")
    # a "to" inside one statement is not the other end of a range
    cues = _by_cue(
        nlp, "The loudest complaints came from parents who said the school had sent letters to the wrong homes."
    )
    assert cues["said"][1] == "the school had sent letters to the wrong homes"


def test_a_quotation_a_cue_governs_continues_no_earlier_speaker(nlp):
    analysis = run(
        nlp,
        [
            "Harbour rota",
            "“We will not sail on Sundays,” said Ida Vell, who speaks for the ferry crews.",
            "Beside the timetable hung a sign that insisted the crews “had been warned weeks before the change.”",
        ],
    )
    names = _sources(analysis)
    assert all(names[a.source_id] != "Ida Vell" for a in analysis.attributions if "warned weeks" in a.content.text)
    # nor is that sentence the publisher's own voice: it holds words someone else wrote
    assert not [a for a in analysis.attributions if a.kind == "editorial" and "warned weeks" in a.content.text]
    assert by_cue(analysis, "said").content.text == "“We will not sail on Sundays,”"


def test_a_quotation_in_an_infinitive_the_parser_hung_on_a_cue_is_governed_too(nlp):
    analysis = run(
        nlp,
        [
            "Harbour rota",
            "“We will not sail on Sundays,” said Ida Vell, who speaks for the ferry crews.",
            "The second version, for its part, had asked the board to “tell every member that the rota is about safety.”",
        ],
    )
    names = _sources(analysis)
    assert all(names[a.source_id] != "Ida Vell" for a in analysis.attributions if "about safety" in a.content.text)


def test_an_alternative_not_taken_is_no_statement(nlp):
    assert not found(nlp, "Rather than keep the ferry and announce that the crew will stay, the owner sold it.")
    assert set(_by_cue(nlp, "Instead of saying that the plant would close, the company announced a sale.")) == {
        "announced"
    }
    # a "rather than" phrase fronted before the clause leaves the clause's own cue alone
    cues = _by_cue(nlp, "Rather than wait for the council, the mayor said the city would repair the pier itself.")
    assert cues["said"] == ("the mayor", "the city would repair the pier itself")


def test_the_one_praised_for_doing_something_does_it(nlp):
    assert (
        _by_cue(nlp, "The mayor thanked voters for telling her about the potholes.")["telling her about"][0] == "voters"
    )
    cues = _by_cue(nlp, "The mayor accused the council of saying that the port would close.")
    assert cues["saying"] == ("the council", "that the port would close")
    # no object before the gerund: the subject's own doing
    assert _by_cue(nlp, "The mayor responded by saying the port would stay open.")["saying"][0] == "The mayor"


def test_a_date_is_no_source(nlp):
    got = found(nlp, "Nobody at the port has explained last September’s attack on the ferry office.")
    assert "last September" not in {source for _, source, _, _ in got}


def test_a_title_case_headline_s_source_does_not_carry_the_cue(nlp):
    analysis = run(nlp, ["Lee Defends Her Record on Harbour Safety", "Mayor Ann Lee spoke to reporters on Tuesday."])
    # (named in full since session 49: the page names one person "Lee", Ann Lee)
    assert source_of(analysis, by_cue(analysis, "Defends")).name == "Ann Lee"


def test_a_manner_after_the_cue_is_how_it_was_said_not_what(nlp):
    cues = _by_cue(nlp, "“We have waited long enough,” the skipper said, his hands shaking.")
    assert cues["said"] == ("the skipper", "“We have waited long enough,”")
    cues = _by_cue(nlp, "The skipper said, his hands shaking, that the crew would stay ashore.")
    assert cues["said"] == ("The skipper", "that the crew would stay ashore")


def test_defending_against_a_raid_relays_nothing(nlp):
    cues = _by_cue(nlp, "Its two guards, the report added, could not defend against armed smugglers.")
    assert set(cues) == {"added"}
    assert "defended" in _by_cue(nlp, "The mayor defended the plan against its critics.")


def test_a_speaker_after_an_inverted_aside_says_the_sentence_around_it(nlp):
    got = found(nlp, "The harbour office, said Ida Vell, had asked for more staff.")
    assert [(rule, source, cue) for rule, source, cue, _ in got] == [("content.inverted_aside", "Ida Vell", "said")]
    assert got[0][3] == "The harbour office, said Ida Vell, had asked for more staff"
    # a quotation before "said X, who ..." is what X said; the relative clause is no host sentence
    got = found(nlp, "“We will win,” said Ida Vell, who leads the union.")
    assert got[0][0] != "content.inverted_aside" and got[0][3] == "“We will win,”"


def test_a_short_line_of_dialogue_is_its_speaker_s(nlp):
    assert _by_cue(nlp, "“Nope,” the skipper replied.")["replied"] == ("the skipper", "“Nope,”")
    assert _by_cue(nlp, "“Later?” asked the clerk.")["asked"] == ("the clerk", "“Later?”")
    # a short quotation set in a sentence, not a line, stays unclaimed
    assert not found(nlp, 'The so-called "plan" said nothing new.')


def test_a_participle_joined_to_a_passive_is_passive(nlp):
    cues = _by_cue(nlp, "The plan was drafted by the council and criticized by the mayor.")
    assert cues["criticized"] == ("the mayor", "The plan")
    # the platform a text was posted on is not what it says
    cues = _by_cue(nlp, "Her views were widely shared and later posted on a forum by a reporter for a local weekly.")
    assert all(content != "a forum" for _, content in cues.values())


def test_a_decision_in_case_is_no_stance_and_stays_in_what_was_said(nlp):
    cues = _by_cue(nlp, "The skipper said the crew would stay in port in case the owners decide to sell the boat.")
    assert "decide" not in cues
    assert cues["said"][1].endswith("in case the owners decide to sell the boat")


def test_being_called_to_do_something_is_a_summons(nlp):
    assert not found(nlp, "Police were called to clear the pier after the fight.")
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


def test_an_answer_to_claims_it_names_is_an_attribution_and_the_claims_are_not_the_publisher_s(nlp):
    analysis = run(
        nlp, ["Storm signals", "The union's lawyers challenged the allegation that two skippers ignored storm signals."]
    )
    names = _sources(analysis)
    assert [(names[a.source_id], a.cue.text) for a in spoken(analysis)] == [("The union's lawyers", "challenged")]
    # only an answer: ignoring or backing a claim relays nothing of the one who ignores or backs it
    assert "ignored" not in _by_cue(nlp, "The mayor ignored warnings that the pier would collapse.")
    assert "supported" not in _by_cue(nlp, "The council supported the claim that the pier was unsafe.")
    assert not found(nlp, "The council supported the plan.")


def test_a_group_pronoun_is_named_by_its_description_not_by_the_cue(nlp):
    analysis = run(
        nlp,
        [
            "Ferry",
            "Those asking whether the ferry would run on Sunday got an answer at noon.",
            "Those living near the pier said the noise was unbearable.",
        ],
    )
    assert source_of(analysis, by_cue(analysis, "asking")).name == "Those"
    assert source_of(analysis, by_cue(analysis, "said")).name == "Those living near the pier"


def test_the_secretary_is_not_a_deputy_assistant_secretary(nlp):
    analysis = run(
        nlp,
        [
            "Inquiry",
            "Appearing first, Deputy Assistant Secretary for Port Works Ida Vell insisted the cranes were sound.",
            "Asked about money, the secretary answered that the budget had been cut twice.",
        ],
    )
    assert source_of(analysis, by_cue(analysis, "answered")).name == "the secretary"


def test_a_long_title_after_titled_is_no_one_s_words(nlp):
    analysis = run(
        nlp,
        [
            "Ferry clip",
            "“Not again,” the skipper said, and walked off.",
            "The clip drew wide attention, including a blog post titled “The Ferry Crew Could Not Look More Tired "
            "of Their Boss.”",
        ],
    )
    names = _sources(analysis)
    titled = [a for a in analysis.attributions if "More Tired" in a.content.text]
    assert [(a.kind, names[a.source_id]) for a in titled] == [("editorial", "the publisher")]


def test_all_who_wish_to_is_a_class_of_people_not_a_wish_reported(nlp):
    assert not found(nlp, "Seats were kept for all who wanted to speak.")
    assert _by_cue(nlp, "All who spoke said the pier was unsafe.")["said"] == ("All", "the pier was unsafe")


def test_a_person_first_named_by_surname_in_a_headline_takes_the_full_name_later(nlp):
    analysis = run(
        nlp,
        [
            "Lee Defends Her Record on Harbour Safety",
            "Mayor Ann Lee on Tuesday defended the harbour budget.",
            "“We did what we could,” Lee said.",
        ],
    )
    assert {source_of(analysis, a).name for a in spoken(analysis)} == {"Ann Lee"}
