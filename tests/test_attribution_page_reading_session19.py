"""Faults found reading real pages in session 19, fixed as classes; the sentences are our own."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from rashomon.attribution import lexicon as lexicon_module
from rashomon.attribution.component import matcher_for
from rashomon.attribution.rules.extractor import extract
from tests.test_attribution import by_cue, run, source_of
from tests.test_attribution_rules import found


def speaker_of(nlp, text: str, cue: str) -> str | None:
    return next(source for _, source, c, _ in found(nlp, text) if c == cue)


@pytest.mark.parametrize(
    "text",
    [
        "The treasurer sent an e-mail to the club members saying she hoped the vote would settle the matter.",
        "The treasurer sent a letter to the club members saying the accounts were in order.",
        "The treasurer wrote a memo to the staff saying the office would close early.",
    ],
)
def test_a_message_sent_to_someone_speaks_for_its_sender(nlp, text):
    """ "sent an e-mail to the members saying ...": the parser hangs "saying" on the addressees, but it is the
    e-mail, so its sender, that says it."""
    assert speaker_of(nlp, text, "saying") == "The treasurer"


def test_a_message_posted_somewhere_speaks_for_its_writer_not_the_place(nlp):
    """The parse a real page got: "calling" hung on the site the letter went on. The letter calls, so its writer
    does, not the site (the sentence is given its parse by hand, as the parser gave the real one)."""
    words = "Ada Moss wrote a letter to the board on her union 's site calling for a recount .".split()
    heads = [1, 2, 2, 4, 2, 2, 7, 5, 2, 10, 12, 10, 8, 12, 13, 16, 14, 2]
    deps = "compound nsubj ROOT det dobj prep det pobj prep poss poss case pobj acl prep det pobj punct".split()
    tags = "NNP NNP VBD DT NN IN DT NN IN PRP$ NN POS NN VBG IN DT NN .".split()
    pos = "PROPN PROPN VERB DET NOUN ADP DET NOUN ADP PRON NOUN PART NOUN VERB ADP DET NOUN PUNCT".split()
    lemmas = "Ada Moss write a letter to the board on her union 's site call for a recount .".split()
    spaces = [i not in (10, 16, 17) for i in range(len(words))]  # "union's", "recount."
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert doc.text == "Ada Moss wrote a letter to the board on her union's site calling for a recount."
    lexicon = lexicon_module.load()
    calls = [
        f for f in extract(doc, lexicon, matcher_for(nlp.vocab, lexicon)) if doc.text[slice(*f.cue)] == "calling for"
    ]
    assert [doc.text[slice(*f.source)] for f in calls] == ["Ada Moss"]


def test_those_addressed_still_speak_for_themselves(nlp):
    assert speaker_of(nlp, "The mayor met residents saying the pier was unsafe.", "saying") == "residents"


def test_an_act_nobody_is_named_for_is_not_the_publishers(nlp):
    """ "faced demands that she step down": the text does not say who demands it; the report must not credit the
    demand to the publisher, which only reports it."""
    analysis = run(nlp, ["After the vote the treasurer faced demands that she step down."], publisher="Coast Herald")
    demands = by_cue(analysis, "demands")
    source = source_of(analysis, demands)
    assert not source.is_publisher
    assert source.name == "speaker not identified"
    assert demands.confidence <= 0.5


def test_the_writers_impression_stays_the_writers(nlp):
    """ "That did not seem to calm the row": nobody is named because the writer judges; it stays the
    publisher's."""
    analysis = run(nlp, ["That did not seem to calm the row in the slightest."], publisher="Coast Herald")
    assert source_of(analysis, by_cue(analysis, "did not seem")).is_publisher


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The meeting ended with the mayor saying the pier would reopen.", "saying", "the mayor"),
        (
            "The hearing ended with Tomas Berg, a harbour pilot, insisting the charts were out of date.",
            "insisting",
            "Tomas Berg, a harbour pilot",
        ),
        # the subject's own participle after a "with" phrase: not the noun's
        ("She agreed with the plan, saying it was fair.", "saying", "She"),
        ("He spoke with reporters saying the plan would fail.", "saying", "He"),
    ],
)
def test_with_someone_doing_it_they_do_it(nlp, text, cue, speaker):
    """In "with X saying ...", X says it, not the subject of the sentence ("the meeting", "the protest")."""
    assert speaker_of(nlp, text, cue) == speaker


def test_a_quotation_carried_over_a_paragraph_break_is_not_the_publishers(nlp):
    """A letter quoted over three paragraphs, its nested marks typed as double ones, its middle paragraph with no
    mark and its last one closing it without opening again: none of it is the publisher's own voice."""
    analysis = run(
        nlp,
        [
            "The berth owners wrote to the harbour board on Friday.",
            "“We have waited two winters for the new quay, and the “temporary” wall has failed twice. Our boats now"
            " moor three deep at the old steps.",
            "Nobody at the board has told us when work will start. Every skipper here pays the same fees.",
            "We ask you to publish a date this month, or to lower the fees until the quay is built.”",
            "The letter was the longest the board received this year.",
        ],
        publisher="Coast Herald",
    )
    editorial = [a.content.text for a in analysis.attributions if a.kind == "editorial"]
    assert not any(words in text for text in editorial for words in ("two winters", "Every skipper", "publish a date"))
    assert any("longest" in text for text in editorial)


@pytest.mark.parametrize(
    "text",
    [
        "The chief was caught on tape saying that the pier is unsafe.",
        "Local fishermen sent angry replies on Friday, after the chief was caught on tape saying that the pier is"
        " unsafe.",
    ],
)
def test_who_was_caught_saying_it_said_it(nlp, text):
    """ "was caught on tape saying": the one caught says it, not the speaker of a cue further up."""
    assert speaker_of(nlp, text, "saying") in ("The chief", "the chief")


def test_what_someone_is_pressed_to_say_is_not_said(nlp):
    """ "stepped up pressure on the director to justify -- and perhaps drop -- the fees": nothing was justified or
    dropped by anyone; the director's own word for the fees stays the director's."""
    text = 'Ferry crews stepped up pressure on the port director to justify the fees she calls "modest".'
    assert "to justify" not in [cue for _, _, cue, _ in found(nlp, text)]
    assert [cue for _, _, cue, _ in found(nlp, "The council kept up pressure on the mayor to explain the delay.")] == []
    # the parser may join the second verb to the infinitive
    text = "Residents stepped up pressure on the water board this spring to clearly justify -- and maybe scrap -- its new meters."
    assert found(nlp, text) == []
    # not a phone call's purpose, nor a court appeal's
    assert speaker_of(nlp, "The president used the call to warn investors that rates would rise.", "to warn") == (
        "The president"
    )
    # an infinitive after a plain object is unchanged
    assert speaker_of(nlp, "The council asked the mayor to explain the delay.", "asked") == "The council"


def test_a_headline_passive_names_the_one_judged_not_the_judge(nlp):
    """ "Harbour Chief Criticized for Pier Remarks": the chief is the one criticized, not the critic."""
    analysis = run(nlp, ["Harbour Chief Criticized for Pier Remarks", "The chief spoke at a dinner on Friday."])
    assert not [a for a in analysis.attributions if a.cue is not None]
    # the active verb with its object after a time phrase is still the critic's
    assert speaker_of(nlp, "The senator criticized for years the agency's handling of the port.", "criticized for") == (
        "The senator"
    )
    # the parser may read the noun after the "for" phrase as the verb's object
    assert [cue for _, _, cue, _ in found(nlp, "Harbour chief criticized for Friday remarks")] == []
    # the active verb with its object is still the critic's
    assert speaker_of(nlp, "The mayor criticized the chief for his remarks.", "criticized") == "The mayor"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The mayor read a statement to reporters asking about the budget.", "asking about", "reporters"),
        ("She gave the letter to protesters demanding a recount.", "demanding", "protesters"),
    ],
)
def test_those_a_message_is_read_or_handed_to_speak_for_themselves(nlp, text, cue, speaker):
    """Only a message sent or written speaks for its sender; the people it is read or handed to speak for
    themselves."""
    assert speaker_of(nlp, text, cue) == speaker


def test_a_headline_name_opened_by_a_function_word_keeps_it(nlp):
    """The sentence-case reading of a Title-Case line lowers function words, but not the first name of a person
    ("Will Smith"), or the name is lost."""
    doc = nlp("Actor Will Jarvis Denies Leaking The Ferry Plans")
    assert "Will Jarvis" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_what_someone_needs_to_do_is_the_speakers_advice(nlp):
    """ "said the chief needs to assess whether ...": the senator's advice; the chief assesses nothing."""
    text = "The senator said the chief needs to assess whether she can still do the job."
    assert [cue for _, _, cue, _ in found(nlp, text)] == ["said"]
