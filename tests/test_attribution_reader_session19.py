"""Faults a reader found on news pages not tuned on (issue 15, session 19), one test per cause: two people of one
surname with different given names are two sources, and the surname alone after both is neither of them; a known
person named again by the surname alone as a sentence's subject, which the entity tagger misses, is whom a following
"he" is about; a speaker the parser hangs on an appositive's infinitive ("one of six to vote against") or in
apposition on a fronted phrase's noun is the cue's; a show's Title-Case name in quotation marks right after "told"
is the one told, not more of the words; what a meeting was for ("met to discuss the budget") is no statement; a
diplomatic cable is a document that speaks; "an interview" or "an email" is a document, never a "he" or "she"; a
source written with hyphens ("E-mails") is named whole, and one around a quoted name keeps its spaces; a poll in a
relative clause describes a person, it states no finding; one asked in a passive conjunct ("denied it and was asked
about it") asks nothing, and no one named does; an aside cue relays no words past a semicolon; "talking points" are
a thing, no one talking; a lone surname the tagger reads as a plural noun ("Sellers") is the person the page named
in full; a feeling holds no quotation of the next sentence; a plural possessor written with a curly apostrophe owns
its noun; a known person named as the object of a sentence whose subject names no one ("This did not convince
Judge Brandt") is whom the next "he" is about. All texts are written for these tests: the sentences that showed the faults
are not copied, only their grammar."""

from __future__ import annotations

from rashomon.attribution import lexicon as lexicon_module
from rashomon.attribution.rules.marks import quote_spans, quoted_title
from rashomon.attribution.sources import describe
from tests.test_attribution import by_cue, run, source_of
from tests.test_attribution_rules import found


def test_two_given_names_of_one_surname_are_two_people(nlp):
    analysis = run(
        nlp,
        [
            "Nora Vance, the younger daughter of a former senator, criticised her sister on Monday.",
            "Laura Vance said on Sunday that the toll should stay.",
            "Nora Vance wrote that her sister was wrong about the toll.",
            "Former Senator Vance has said the toll should go.",
        ],
    )
    assert source_of(analysis, by_cue(analysis, "said")).name == "Laura Vance"
    assert source_of(analysis, by_cue(analysis, "wrote")).name == "Nora Vance"
    # the surname alone after two of the family is neither sister
    assert source_of(analysis, by_cue(analysis, "has said")).name not in ("Nora Vance", "Laura Vance")


def test_an_initial_and_a_repeated_name_are_still_one_person(nlp):
    analysis = run(
        nlp,
        [
            "J. Marek Olsen, the port director, said the cranes were old.",
            "Marek Olsen added that repairs would start in May.",
            "Olsen said the budget was tight.",
        ],
    )
    names = {source_of(analysis, a).name for a in analysis.attributions if a.cue is not None}
    assert len(names) == 1


def test_a_known_person_named_again_by_surname_is_whom_he_is_about(nlp):
    # the tagger makes the full name a person but reads the bare surname as no entity at all
    analysis = run(
        nlp,
        [
            "Councilman Gregory Lind said on Monday that the ferry fares were too high.",
            "A port official told the local paper that the board had already voted to raise them.",
            "Lind left the rally before the vote. He claimed the board had ignored the drivers.",
        ],
    )
    assert source_of(analysis, by_cue(analysis, "claimed")).name == "Gregory Lind"


def test_a_speaker_hung_on_an_appositive_s_infinitive_is_the_cue_s(nlp):
    # the parser makes "Hobbs" the subject of "to vote" and leaves "said" with none
    analysis = run(
        nlp,
        [
            "After the vote, Rep. Carl Hobbs, R-Tex., one of the six lawmakers to vote against the bill, said the state "
            "faces bigger problems, such as roads."
        ],
    )
    said = by_cue(analysis, "said")
    assert source_of(analysis, said).name == "Carl Hobbs"
    assert said.content.text.startswith("the state faces bigger problems")


def test_a_show_s_name_after_told_is_not_more_of_the_words(nlp):
    analysis = run(
        nlp,
        [
            "Mayor Elsa Dorn said the ledgers would be checked again.",
            '"And frankly, I hope they are wrong," she told "Morning Call."',
        ],
    )
    assert by_cue(analysis, "told").content.text == '"And frankly, I hope they are wrong,"'
    # a one-word answer after "told" is still said
    assert not quoted_title('She told "Yes."', quote_spans('She told "Yes."')[0])


def test_what_a_meeting_was_for_is_no_statement(nlp):
    cues = {cue for _, _, cue, _ in found(nlp, "The two councillors met on Friday to discuss harbour policing.")}
    assert "discuss" not in cues and "to discuss" not in cues
    cues = {cue for _, _, cue, _ in found(nlp, "The party scheduled a news conference to denounce the levy.")}
    assert not any(cue and "denounce" in cue for cue in cues)
    # a purpose with words of its own is said; so is one after a verb of no meeting
    announced = {
        cue: content for _, _, cue, content in found(nlp, "The party booked a hall to announce that it would run.")
    }
    assert any(content == "that it would run" for content in announced.values())


def test_a_diplomatic_cable_is_a_document_that_speaks(nlp):
    analysis = run(
        nlp,
        [
            "The embassy cable, sent under the consul's name and marked urgent, warned that the port police had seen "
            '"three armed gangs near the docks."',
            'The cable also warned that the harbour guard was weak. It said "calls for more patrols have gone '
            'unheeded."',
        ],
    )
    assert source_of(analysis, by_cue(analysis, "also warned")).name == "The embassy cable"
    assert source_of(analysis, by_cue(analysis, "said")).name == "The embassy cable"


def test_an_indefinite_document_is_a_document_not_a_person(nlp):
    lexicon = lexicon_module.load()
    for text, word in (
        ("An interview showed the pier was weak.", "interview"),
        ("An email said the pier was weak.", "email"),
    ):
        doc = nlp(text)
        head = next(t for t in doc if t.lower_ == word)
        assert describe(head, lexicon).kind == "document"
    # a fisherman stays a person nobody named
    doc = nlp("A fisherman said the pier was weak.")
    assert describe(doc[1], lexicon).kind == "unnamed_person"


def test_a_hyphened_source_is_named_whole(nlp):
    lexicon = lexicon_module.load()
    doc = nlp("E-mails released by the council on Monday revealed a fierce fight.")
    assert describe(doc[0], lexicon).name == "E-mails"
    doc = nlp("It was possible that Wal-Mart could refute the claims at a trial.")
    head = next(t for t in doc if t.text == "Mart")
    assert describe(head, lexicon).name == "Wal-Mart"


def test_a_source_around_a_quoted_name_keeps_its_spaces(nlp):
    lexicon = lexicon_module.load()
    doc = nlp('The "Morning Show" host has risen in the polls because of his questions about the mayor.')
    assert describe(doc[5], lexicon).name == "The Morning Show host"


def test_a_poll_in_a_relative_clause_states_no_finding(nlp):
    rules = {rule for rule, *_ in found(nlp, "Roe, who placed second in a Harbour Gazette poll, said she would run.")}
    assert "phrase.finding" not in rules
    # a finding stated in the clause's own poll still is one
    rules = {rule for rule, *_ in found(nlp, "In a Harbour Gazette poll released Monday, 60 percent backed the toll.")}
    assert "phrase.finding" in rules


def test_one_asked_in_a_passive_conjunct_asks_nothing(nlp):
    rows = found(nlp, "Lind said he did not raise the toll issue, but was asked about it during an interview.")
    assert [cue for _, _, cue, _ in rows] == ["said"]
    # also where the parser joins it to the reported clause as the speaker's next act
    rows = found(nlp, "Vell said she had not started the quarrel over the fees, but was asked about it at a briefing.")
    assert [cue for _, _, cue, _ in rows] == ["said"]
    # a passive conjunct with its agent named: the agent, not the first conjunct's subject
    rows = found(nlp, "The mayor denied the claim and was praised by the union for it.")
    assert all(source != "The mayor" for _, source, cue, _ in rows if cue == "was praised")


def test_an_aside_cue_relays_no_words_past_a_semicolon(nlp):
    text = (
        "The council said the fees would stay; most of the new rules would hurt small firms, analysts say, but they "
        "would not cut the deficit."
    )
    say = next(content for _, source, cue, content in found(nlp, text) if cue == "say")
    assert say.startswith("most of the new rules")


def test_talking_points_are_a_thing_not_someone_talking(nlp):
    for text in (
        "The committee had asked Mr. Vell for talking points to use with reporters.",
        "She handed the reporters talking points about the fire.",
    ):
        assert not any(cue and "talking" in cue for _, _, cue, _ in found(nlp, text))
    assert any(
        cue and "talking" in cue for _, _, cue, _ in found(nlp, "The mayor was talking to reporters about the fire.")
    )


def test_a_surname_read_as_a_plural_is_the_person_named_in_full(nlp):
    analysis = run(
        nlp,
        [
            "Justice Ada Morrow said the ferry firm's argument points in two directions. \"You said the office knows "
            "everything,\" Morrow said to Daniel Sellers, the crews' lawyer.",
            "Sellers said that lower courts had been persuaded by the evidence. He said the firm's culture pushed "
            "captains to cut corners.",
        ],
    )
    assert source_of(analysis, by_cue(analysis, "said", 3)).name.endswith("Sellers")


def test_a_feeling_holds_no_quotation_of_the_next_sentence(nlp):
    text = 'Justice Ivo Brandt said he felt "cornered" by the lawyer\'s account. "Well, which one is it?" Brandt asked.'
    cues = [cue for _, _, cue, content in found(nlp, text) if content == '"Well, which one is it?"']
    assert cues == ["asked"]


def test_a_speaker_in_apposition_on_a_fronted_phrase_is_the_cue_s(nlp):
    text = (
        "In another appeal to Ohio farmers, Ana Brisco, a candidate in the Republican House primary on May 9, announced "
        'in an ad that she grew up "milking cows on an Ohio farm."'
    )
    sources = [source for _, source, cue, _ in found(nlp, text) if cue and cue.startswith("announced")]
    assert sources and sources[0].startswith("Ana Brisco")


def test_a_plural_possessor_with_a_curly_apostrophe_owns_the_noun(nlp):
    # the tokenizer splits the apostrophe off "residents" as a closing quotation mark here
    rows = found(nlp, "The residents’ theory is that a single company drove the rents up.")
    assert [(source, cue) for _, source, cue, _ in rows] == [("The residents", "theory")]


def test_a_person_the_sentence_before_is_about_as_its_object_is_he(nlp):
    analysis = run(
        nlp,
        [
            'Judge Ivo Brandt said he was "puzzled" by the filing.',
            'Mr. Daniel Pike said the pilots "set their own routes." Each captain, he added, "picks the channel that '
            'looks safest."',
            'This did not convince Judge Brandt. "If the firm draws the chart," he said, "the captain picks nothing."',
        ],
    )
    last = [a for a in analysis.attributions if a.cue is not None][-1]
    assert source_of(analysis, last).name.endswith("Brandt")
