"""The target-aware stance head (session 41): what it reads, when it withholds the rule's stance, and how it is
fitted. The sentences are ours, written for these tests."""

from __future__ import annotations

import json

import numpy as np
import pytest

from rashomon import encoder, heads
from rashomon.comments import analyze_comments, stance, training
from rashomon.model import Actor
from rashomon.options import Options

from .test_comments import make_analysis, run

VALE = Actor("a1", "Governor Vale", aliases=["Vale"])


def _mention(text: str, target: str) -> list[tuple[int, int]]:
    start = text.index(target)
    return [(start, start + len(target))]


def test_the_head_reads_the_words_around_a_mention_and_never_the_mention_itself():
    pieces = np.arange(60, dtype=np.float32).reshape(30, 2)  # thirty word pieces, two dimensions
    offsets = np.array([(k * 4, k * 4 + 3) for k in range(30)])
    sentence = np.array([7.0, 9.0], dtype=np.float32)
    mentions = [(40, 43), (60, 66)]  # piece 10, and pieces 15-16 (the second partly)
    (row,) = stance.head_features(sentence[None], [pieces], [offsets], [mentions])
    window = stance.CONTEXT_PIECES
    near = {k for m in (10, 15, 16) for k in range(m - window, m + window + 1)} - {10, 15, 16}
    assert min(near) > 0 and max(near) < 29  # the window leaves pieces out on both sides
    assert row.tolist() == [7.0, 9.0, *pieces[sorted(near)].mean(axis=0).tolist()]
    (alone,) = stance.head_features(sentence[None], [pieces[:1]], [offsets[:1]], [[(0, 3)]])
    assert alone.tolist() == [7.0, 9.0, 0.0, 0.0]  # nothing around the mention: zeros, not the name's own vector
    (empty,) = stance.head_features(sentence[None], [np.zeros((0, 2), np.float32)], [np.zeros(0)], [[(0, 3)]])
    assert empty.tolist() == [7.0, 9.0, 0.0, 0.0]  # a text with no piece (offsets of shape (0,))


def test_the_head_does_not_judge_a_mention_past_the_encoders_window():
    text = "We walked along the harbour wall, " * 80 + "and Vale was brave."
    start = text.index("Vale")
    (probabilities,) = stance.head_probabilities(encoder.load(), [text], [[(start, start + 4)]])
    assert np.isnan(probabilities).all()
    assert stance.withheld(["pro"], probabilities[None], stance.HEAD_VETO) == [False]


def test_withheld_only_where_the_head_gives_the_opposite_stance_enough_weight():
    probabilities = np.array([[0.6, 0.1, 0.3], [0.6, 0.1, 0.3], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3], [0.9, 0.0, 0.1]])
    assert stance.withheld(["pro", "anti", "pro", "anti", "neutral"], probabilities, stance.HEAD_VETO) == [
        True,  # the head says anti at 0.6
        False,
        False,
        False,  # no side reaches the veto
        False,  # nothing to withhold
    ]


@pytest.mark.parametrize(
    "text,kept",
    [
        ("God bless Vale, a brave and honest leader.", "pro"),
        ("Vale is a liar and a crook who ruined this port.", "anti"),
        # the rule reads "love", "proud", "happy" as praise of Vale; the head reads the mockery around them
        ("I love how Governor Vale promises a new hospital every single election.", "neutral"),
        ("Governor Vale is happy to pocket bonuses while the pension fund sinks.", "neutral"),
    ],
)
def test_the_stage_withholds_a_stance_the_head_contradicts(text, kept):
    (comment,) = run([("ann", text)], actors=[VALE])
    assert [(s.actor, s.stance) for s in comment.stance] == [("Governor Vale", kept)]
    if kept == "neutral":  # the rule alone gave it a side: no encoder with spans = false, so no check
        (bare,) = run([("ann", text)], actors=[VALE], options=Options().with_values({"comments.spans": False}))
        assert [(s.actor, s.stance) for s in bare.stance] == [("Governor Vale", "pro")]


def test_the_heads_sides_swap_in_a_comment_its_writer_marks_sarcastic():
    patterns = stance.actor_patterns([VALE])
    assert [h.stance for h in stance.find_stances("Vale is wonderful, the best thing to happen to us.", patterns)] == [
        "pro"
    ]
    text = "Vale is wonderful, the best thing to happen to us. /s"
    reversed_hits = stance.find_stances(text, patterns, sarcastic=True)
    assert [h.stance for h in reversed_hits] == ["anti"]
    checked = stance.find_stances(text, patterns, sarcastic=True, load_encoder=encoder.load)
    assert [h.stance for h in checked] == ["anti"]  # the head reads praise; the writer's /s turns it, as the rule's
    assert [h.stance for h in stance.check_with_head(text, reversed_hits, encoder.load)] == ["neutral"]


def test_a_withheld_sentence_leaves_the_actor_to_the_next_strongest():
    text = "Governor Vale is happy to pocket bonuses while the pension fund sinks. Vale lied about it too."
    patterns = stance.actor_patterns([VALE])
    assert [h.stance for h in stance.find_stances(text, patterns)] == ["pro"]  # the rule: the first sentence
    (checked,) = stance.find_stances(text, patterns, load_encoder=encoder.load)
    assert checked.stance == "anti" and text[checked.start : checked.end] == "Vale lied about it too."


def test_no_encoder_is_loaded_when_the_rule_finds_no_stance():
    def refuse():
        raise AssertionError("the encoder was loaded")

    hits = stance.find_stances(
        "Vale met the harbour board on Tuesday.", stance.actor_patterns([VALE]), load_encoder=refuse
    )
    assert [h.stance for h in hits] == ["neutral"]


@pytest.mark.parametrize("text", ["Good for Vale!", "Kudos to Vale!!", "Shame on Vale."])
def test_the_head_does_not_check_a_stance_a_set_phrase_gave(text):
    """The head, fitted on sentences, misreads a bare interjection ("Good for Vale!" as blame at 0.69)."""
    (comment,) = run([("ann", text)], actors=[VALE])
    expected = "anti" if text.startswith("Shame") else "pro"
    assert [(s.actor, s.stance) for s in comment.stance] == [("Governor Vale", expected)]


def test_without_the_heads_file_the_rules_stances_stand_with_a_warning(monkeypatch):
    def missing():
        raise heads.HeadError("head comments-stance: no such file")

    monkeypatch.setattr(stance, "head", missing)
    analysis = make_analysis([("ann", "I love how Governor Vale promises a new hospital every single election.")])
    analysis.actors = [VALE]
    analyze_comments(analysis)
    assert [(s.actor, s.stance) for s in analysis.page.comments[0].stance] == [("Governor Vale", "pro")]
    assert [w.code for w in analysis.warnings] == ["comment_model_missing"]


def test_the_fitted_head_gives_the_probabilities_of_the_regression_it_folds(tmp_path):
    from sklearn.linear_model import LogisticRegression

    rows = [
        {"text": f"{name} {verb} the {thing}.", "target": name, "stance": stance_, "kind": "comment"}
        for name in ("Vell", "Okafor", "Brandt", "Lane", "Hale", "Korvex")
        for verb, stance_ in (("rescued", "pro"), ("ruined", "anti"), ("visited", "neutral"))
        for thing in ("harbour", "school", "bridge")
    ]
    path = tmp_path / training.STANCE_WRITTEN
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    data = training.read_stance_written(path)
    assert data.mentions[0] == [(0, 4)] and data.stances[:3] == ["pro", "pro", "pro"]
    features = training.stance_features(data, encoder.load())
    head, figures = training.train_stance(data, features, log=lambda *_: None)
    assert head.labels == ("anti", "neutral", "pro") and head.features == stance.HEAD_FEATURES
    assert figures["rows"] == len(rows)
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    model = LogisticRegression(C=training.STANCE_C, max_iter=5000, class_weight="balanced")
    model.fit((features - mean) / scale, data.stances)
    assert np.allclose(head.scores(features), model.predict_proba((features - mean) / scale), atol=1e-4)


def test_a_written_row_whose_target_is_not_in_its_text_is_refused(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"text": "The ferry was late.", "target": "Vell", "stance": "anti"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not in its text"):
        training.read_stance_written(path)
    path.write_text(json.dumps({"text": "The ferry was late.", "target": "", "stance": "anti"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not in its text"):
        training.read_stance_written(path)  # an empty target is in every text, and names no one


def test_the_shipped_head_reads_what_the_stance_module_builds():
    head = stance.head()
    assert head.features == stance.HEAD_FEATURES and head.input_dim == 2 * encoder.load().dim
