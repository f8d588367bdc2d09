"""Cue recall (issue 15, session 18): a cue chain whose second verb is not taken, retorts, manners of speaking that
relay only a quotation, and a sentence-opening "To X," that gives X's view. Each sentence is written for these
tests."""

from __future__ import annotations

from tests.test_attribution_recall import cues


def test_a_chain_whose_second_verb_is_quoted_keeps_the_first_verb_and_its_infinitive(nlp):
    # "defend" sits inside the quotation, where cues are left to the quotation: the chain was lost with it
    got = cues(
        nlp, "In a leaflet for the ferry crews, the union promised to \u201ckeep every boat in public hands\u201d."
    )
    assert got["promised"][0] == "the union"
    assert got["promised"][1].startswith("to \u201ckeep every boat in public hands\u201d")


def test_a_chain_whose_second_verb_says_nothing_keeps_the_first_verb_and_its_infinitive(nlp):
    # "address" with a plain object is no statement, so the chain "wanted to address" was dropped whole
    got = cues(nlp, "The ferry union wanted to address the council's doubts about the new timetable.")
    assert got["wanted"] == ("The ferry union", "to address the council's doubts about the new timetable")


def test_a_chain_whose_second_verb_is_taken_stays_one_cue(nlp):
    got = cues(nlp, "The harbour master refused to call the delay a failure.")
    assert "refused" not in got and "to call" not in got
    assert any(cue.startswith("refused to call") for cue in got)


def test_a_retort_is_a_speech_verb(nlp):
    got = cues(nlp, '"We are not done yet," the mayor shot back.')
    assert got["shot back"] == ("the mayor", '"We are not done yet,"')
    got = cues(nlp, 'The ferry captain fired back: "Nobody asked the crews."')
    assert got["fired back"] == ("The ferry captain", '"Nobody asked the crews."')
    # a quotation of the sentence before is not the retort
    got = cues(nlp, 'The pilots\' leaflet said the ferry was "run by amateurs." Weeks later the owners hit back.')
    assert "hit back" not in got
    # nor a blow or a ball
    assert not cues(nlp, "The navy hit back with strikes on the coastal radar sites.")
    assert not cues(nlp, "The goalkeeper fired back a long pass to the striker.")
    # without "back" the verbs say nothing
    assert not cues(nlp, "The harbour board fired the director on Monday.")
    assert not cues(nlp, "The crew shot a short video of the pier.")


def test_a_manner_of_speaking_relays_only_a_quotation(nlp):
    assert cues(nlp, '"Out of my office," the coach barked.')["barked"] == ("the coach", '"Out of my office,"')
    assert not cues(nlp, "The dogs barked at the ferry all night.")


def test_a_sentence_opening_to_a_named_holder_gives_their_view(nlp):
    got = cues(nlp, "To Ms. Okafor, the pier is the heart of the town.")
    assert got["To"] == ("Ms. Okafor", "the pier is the heart of the town")
    assert cues(nlp, "To them, the harbour vote was a rebuke.")["To"] == ("them", "the harbour vote was a rebuke")


def test_a_sentence_opening_to_that_names_no_one_is_no_view(nlp):
    for text in (
        "To Ms. Okafor, the council sent a formal letter of apology.",
        "To date, the pier has stayed shut.",
        "To that, the mayor added nothing.",
        "To a lot of sailors, the tide tables look odd.",
        "To the extent that the crews agree, the ferry will run.",
    ):
        assert "To" not in cues(nlp, text), text


def test_a_retort_without_words_is_never_added_and_leaves_its_verb_free(nlp):
    """The retort's test is asked before its attribution is stored: a retort that says nothing adds nothing (not
    one added and taken back), and its verb stays unclaimed for later rules."""
    from rashomon.attribution import lexicon as lexicon_module
    from rashomon.attribution import matcher_for
    from rashomon.attribution.rules import DocExtractor

    doc = nlp("The navy hit back with strikes on the coastal radar sites.")
    lexicon = lexicon_module.load()
    extractor = DocExtractor(doc, lexicon, matcher_for(nlp.vocab, lexicon))
    extractor.found = Appended()
    hit = next(t for t in doc if t.lower_ == "hit")
    extractor.from_retort(hit)
    assert not extractor.found.ever and hit.i not in extractor.claimed_tokens


class Appended(list):
    """A list that remembers everything ever appended to it, also what was popped again."""

    def __init__(self) -> None:
        super().__init__()
        self.ever: list = []

    def append(self, item) -> None:
        self.ever.append(item)
        super().append(item)
