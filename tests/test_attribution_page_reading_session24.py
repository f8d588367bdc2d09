"""Faults found reading PolNeAR train's missed and wrong cues in session 24, fixed as classes; the sentences are
our own."""

from __future__ import annotations

from tests.test_attribution import by_cue, run, spoken
from tests.test_attribution_rules import found


def test_coordinated_adjectives_before_the_speakers_noun_do_not_hide_them(nlp):
    """After this sentence the parser makes "Current" the subject of "said" and "officials" its conjunct; an
    adjective cannot speak, so the attribution was dropped. The noun is who speaks, and the relative clause on it
    is not part of the source."""
    analysis = run(
        nlp,
        [
            "The chair stepped down on July 4, the day before the big meeting in Hull.\n"
            "Current and former officials who spoke with the Daily Star said the league has become a shell of"
            " itself, too focused on defending the chair."
        ],
    )
    said = by_cue(analysis, "said")
    assert said.source.text == "Current and former officials"
    assert said.content.text.startswith("the league has become a shell of itself")


def test_an_impression_hung_on_a_statement_does_not_swallow_it(nlp):
    """ "X denied Y, appearing to rely on Z": what seems so is "to rely on Z"; the impression's content was the
    whole sentence, which hid X's denial inside it."""
    rows = found(nlp, "Lind denied that the tax is a fee, however, appearing to rely on an old definition of the term.")
    contents = {cue: content for _, _, cue, content in rows}
    assert contents["appearing"] == "to rely on an old definition of the term"
    assert contents["denied"] == "that the tax is a fee"


def test_a_sentence_adverb_after_a_comma_ends_the_content(nlp):
    """ ", however," at the end of a reported clause is the writer's link, not the source's words."""
    from rashomon.attribution.rules.boundaries import trailing_connective

    doc = nlp.tokenizer("said the tax is a fee, however")
    assert trailing_connective(doc, 1, 7, frozenset()) == 5
    assert trailing_connective(doc, 1, 5, frozenset()) == 5  # nothing to cut
    short = nlp.tokenizer("no, however")
    assert trailing_connective(short, 0, 2, frozenset()) == 2  # too short to cut


def test_have_with_an_ing_word_is_no_verb_of_saying(nlp):
    """ "doctors have admitting privileges": no English verb form is "have" + -ing without "been", so the -ing word
    is a noun's modifier the parser read as a verb; "admitting" there admits nothing."""
    analysis = run(nlp, ["The rules require that doctors at clinics have admitting privileges at local hospitals."])
    assert all("admitting" not in a.cue.text for a in spoken(analysis))


def test_have_been_with_an_ing_cue_is_still_a_cue(nlp):
    """The perfect progressive is a verb form: "have been demanding that ..." is a demand."""
    analysis = run(nlp, ["The families have been demanding that the police release the video."])
    demanding = [a for a in spoken(analysis) if "demanding" in a.cue.text]
    assert demanding and demanding[0].content.text.startswith("that the police release the video")
