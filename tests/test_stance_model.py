"""The fine-tuned stance model (session 42): how it reads a pair, when it withholds the rule's stance, when it
answers where the rule gives none, and what happens without it. The sentences are ours, written for these tests."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from rashomon.comments import analyze_comments, stance, stance_encoder
from rashomon.model import Actor
from rashomon.options import Options
from rashomon.resources import data_path

from .test_comments import make_analysis, run

VALE = Actor("a1", "Governor Vale", aliases=["Vale"])
HALE = Actor("a2", "Mayor Hale", aliases=["Hale"])
NO_MODEL = Options().with_values({"comments.spans": False})  # no encoder runs: the rule alone


def _stances(comment) -> list[tuple[str, str]]:
    return [(s.actor, s.stance) for s in comment.stance]


def test_the_pair_puts_the_target_first_and_cuts_only_the_text():
    tokenizer = stance_encoder.pair_tokenizer()
    text = "The harbour wall held. " * 200
    (encoding,) = stance_encoder.encode_pairs(tokenizer, [("Governor Vale", text)])
    assert len(encoding.ids) == stance_encoder.MAX_PIECES
    target = [t for t, seq in zip(encoding.tokens, encoding.sequence_ids, strict=True) if seq == 0]
    assert target == ["governor", "vale"]  # whole, however long the text
    assert set(encoding.type_ids[1 : len(target) + 2]) == {0} and encoding.type_ids[-1] == 1


def test_the_model_does_not_judge_a_mention_past_its_window():
    text = "We walked along the harbour wall, " * 80 + "and Vale was brave."
    start = text.index("Vale")
    (probabilities,) = stance_encoder.load().probabilities([text], [[(start, start + 4)]])
    assert np.isnan(probabilities).all()
    assert stance.withheld(["pro"], probabilities[None], stance.MODEL_VETO) == [False]
    assert stance.model_answer(probabilities) == "neutral"


def test_the_models_probabilities_do_not_depend_on_what_else_it_reads():
    model = stance_encoder.load()
    text = "Vale lied to the harbour board again."
    alone = model.probabilities([text], [[(0, 4)]])
    among = model.probabilities(["Lane fixed the ferry.", text], [[(0, 4)], [(0, 4)]])
    assert np.allclose(alone[0], among[1]) and np.allclose(alone.sum(), 1.0, atol=1e-4)


def test_withheld_only_where_the_model_gives_the_opposite_stance_enough_weight():
    veto = stance.MODEL_VETO
    probabilities = np.array(
        [[veto, 0.0, 1 - veto], [veto, 0.0, 1 - veto], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3], [0.9, 0.0, 0.1]]
    )
    assert stance.withheld(["pro", "anti", "pro", "anti", "neutral"], probabilities, veto) == [
        True,  # the model says anti at the veto
        False,
        False,
        False,  # no side reaches the veto
        False,  # nothing to withhold
    ]


def test_the_models_own_answer_needs_it_sure():
    sure = stance.MODEL_SURE
    assert stance.model_answer(np.array([sure, 1 - sure, 0.0])) == "anti"
    assert stance.model_answer(np.array([0.0, 1 - sure + 0.01, sure - 0.01])) == "neutral"  # pro, but not sure
    assert stance.model_answer(np.array([0.0, 1.0, 0.0])) == "neutral"
    assert stance.model_answer(np.full(3, np.nan)) == "neutral"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Hale is a disgrace to this town.", "anti"),  # the rule's, confirmed
        # no sentiment word the rule ties to Hale: the model's own answer, where it is sure
        ("We are lucky to have Hale.", "pro"),
        ("Hale is an absolute legend.", "pro"),
        ("Hale is corrupt to the bone.", "anti"),
        # about Hale, siding with no one
        ("Hale spoke at the meeting on Tuesday.", "neutral"),
    ],
)
def test_the_stage_reads_stance_with_the_model(text, expected):
    (comment,) = run([("ann", text)], actors=[HALE])
    assert _stances(comment) == [("Mayor Hale", expected)]
    by_model = expected != "neutral" and "disgrace" not in text
    assert comment.stance[0].basis == ("model" if by_model else "cues")  # how it was read, in the JSON too
    (bare,) = run([("ann", text)], actors=[HALE], options=NO_MODEL)
    assert _stances(bare) == [("Mayor Hale", expected if "disgrace" in text else "neutral")]


class ReadsBlame:
    """A stand-in for the model that reads blame of every target at 0.8, having read every text whole."""

    def read(self, texts, mentions):
        return np.array([[0.8, 0.1, 0.1]] * len(texts)), [len(t) for t in texts]


def test_the_model_withholds_a_stance_it_contradicts():
    patterns = stance.actor_patterns([HALE])
    text = "Hale is happy to pocket bonuses while the pension fund sinks."
    assert [h.stance for h in stance.find_stances(text, patterns)] == ["pro"]  # "happy" read as praise of Hale
    (checked,) = stance.find_stances(text, patterns, load_model=ReadsBlame)
    # withheld (blame at 0.8 reaches the veto), and blame at 0.8 is not sure enough to be the model's own answer
    assert (checked.stance, checked.score, checked.by_model) == ("neutral", 0.0, False)


def test_the_models_sides_swap_in_a_comment_its_writer_marks_sarcastic():
    patterns = stance.actor_patterns([HALE])
    text = "Hale is wonderful, the best thing to happen to us. /s"
    assert [h.stance for h in stance.find_stances(text, patterns, sarcastic=True)] == ["anti"]
    (checked,) = stance.find_stances(text, patterns, sarcastic=True, load_model=stance_encoder.load)
    assert checked.stance == "anti" and not checked.by_model  # the model reads praise; /s turns it, as the rule's
    (swapped,) = stance.find_stances(text, patterns, sarcastic=True, load_model=ReadsBlame)
    assert swapped.stance == "neutral"  # blame read in a /s comment is praise, against the rule's turned anti


def test_a_model_answer_spans_the_sentences_that_name_the_actor():
    text = "Long day at the docks. We are lucky to have Hale. Rain again."
    (hit,) = stance.find_stances(text, stance.actor_patterns([HALE]), load_model=stance_encoder.load)
    assert hit.by_model and hit.stance == "pro" and hit.score > 0.8
    assert text[hit.start : hit.end] == "We are lucky to have Hale."


def test_a_sentence_past_what_the_model_read_is_not_checked():
    filler = "The tide came in late and the gulls were loud on the quay that morning. " * 40
    text = "Hale is an absolute legend. " + filler + "Hale is a disgrace to this town."
    patterns = stance.actor_patterns([HALE])
    probabilities, (limit,) = stance_encoder.load().read([text], [[(0, 4)]])
    assert limit < text.rindex("Hale") and probabilities[0, stance.LABELS.index("pro")] >= stance.MODEL_VETO
    (hit,) = stance.find_stances(text, patterns, load_model=stance_encoder.load)
    assert hit.stance == "anti" and text[hit.start : hit.end] == "Hale is a disgrace to this town."


def test_a_lone_surrogate_in_a_comment_is_read_not_raised():
    text = "We are lucky to have Hale \ud800 in charge."
    start = text.index("Hale")
    (probabilities,) = stance_encoder.load().probabilities([text], [[(start, start + 4)]])
    assert np.isfinite(probabilities).all()


@pytest.mark.parametrize("mentions", [[], [(0, 3)]])
def test_no_target_or_a_blank_one_is_not_judged(mentions):
    (probabilities,) = stance_encoder.load().probabilities(["   Hale is corrupt to the bone."], [mentions])
    assert np.isnan(probabilities).all()


def test_the_stage_loads_no_model_for_comments_that_name_no_actor(monkeypatch):
    def refuse(threads=None):
        raise AssertionError("the stance model was loaded")

    monkeypatch.setattr(stance_encoder, "_load", refuse)
    (comment,) = run([("ann", "The ferry was late again and nobody said sorry.")], actors=[HALE])
    assert comment.stance == []


def test_no_model_is_loaded_for_a_comment_that_names_no_actor():
    def refuse():
        raise AssertionError("the stance model was loaded")

    assert stance.find_stances("The ferry was late again.", stance.actor_patterns([VALE]), load_model=refuse) == []


@pytest.mark.parametrize("text", ["Good for Vale!", "Kudos to Vale!!", "Shame on Vale."])
def test_the_model_does_not_check_a_stance_a_set_phrase_gave(text):
    (comment,) = run([("ann", text)], actors=[VALE])
    expected = "anti" if text.startswith("Shame") else "pro"
    assert _stances(comment) == [("Governor Vale", expected)]
    assert comment.stance[0].basis == "phrase"


def test_without_the_models_file_the_rules_stances_stand_with_a_warning(monkeypatch):
    def missing(threads=None):
        raise FileNotFoundError("the stance model comments-stance-encoder.onnx is missing")

    monkeypatch.setattr(stance_encoder, "_load", missing)
    analysis = make_analysis([("ann", "We are lucky to have Hale."), ("bob", "Hale is a disgrace to this town.")])
    analysis.actors = [HALE]
    analyze_comments(analysis)
    assert [_stances(c) for c in analysis.page.comments] == [[("Mayor Hale", "neutral")], [("Mayor Hale", "anti")]]
    assert [w.code for w in analysis.warnings] == ["comment_model_missing"]


def test_the_shipped_model_is_the_one_its_card_describes():
    path = data_path(stance_encoder.MODEL)
    text = path.with_name(path.name.removesuffix(".onnx") + ".card.md").read_text(encoding="utf-8")
    assert hashlib.sha256(path.read_bytes()).hexdigest() in text
    assert "no third-party data" in text and "NewsMTSC" in text and "MODEL_SURE" in text
    session = stance_encoder.load().session
    assert [i.name for i in session.get_inputs()] == ["input_ids", "attention_mask", "token_type_ids"]
    assert session.get_outputs()[0].shape[-1] == len(stance.LABELS)


@pytest.mark.parametrize("text", ["Hale Hale Hale Hale Hale Hale", "Hale!!! Hale!!! Hale!!!", "Hale " * 2000])
def test_the_model_does_not_answer_on_a_name_with_nothing_said_of_it(text):
    (hit,) = stance.find_stances(text, stance.actor_patterns([HALE]), load_model=stance_encoder.load)
    assert hit.stance == "neutral" and not hit.by_model


def test_lone_surrogates_in_a_page_handed_over_whole_are_mended_with_a_warning():
    import rashomon
    from rashomon.model import Comment, Page

    article = "Harbour news\n\nMayor Hale opened the new ferry terminal on Monday.\n\n"
    body = "\ud800We are lucky to have Hale.\udfff"
    page = Page(
        text=article + body + "\n", comments=[Comment("c1", "ann", body, len(article), len(article) + len(body))]
    )
    analysis = rashomon.analyze(page)
    (comment,) = analysis.page.comments
    assert comment.text == "\ufffdWe are lucky to have Hale.\ufffd" == analysis.page.text[comment.start : comment.end]
    codes = [w.code for w in analysis.warnings]
    assert "invalid_utf8" in codes and "stage_failed" not in codes  # the comments stage ran on the mended page
    alone = make_analysis([("ann", "Hale \udfffis a legend")])
    alone.actors = [HALE]
    analyze_comments(alone)
    assert [w.code for w in alone.warnings] == ["invalid_utf8"] and alone.page.comments[0].stance
