"""Toxic spans (issue 22): the span head's words as evidence of flagged comments, and the SemEval scoring."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon import heads
from rashomon.comments import analyze_comments, datasets, spans
from rashomon.comments.models import MODEL_DIR
from rashomon.options import Options

from .test_comments import make_analysis


def test_pieces_group_into_words_without_punctuation():
    text = "You bigotry-loving clown!"
    # pieces as the tokenizer cuts them: you | big | ##ot | ##ry | - | loving | clown | !
    offsets = np.array([[0, 3], [4, 7], [7, 9], [9, 11], [11, 12], [12, 18], [19, 24], [24, 25]])
    assert [[text[offsets[k][0] : offsets[k][1]] for k in group] for group in spans.words(text, offsets)] == [
        ["You"],
        ["big", "ot", "ry"],
        ["-"],
        ["loving"],
        ["clown"],
        ["!"],
    ]


def test_scores_become_word_spans_and_neighbours_join():
    text = "What a lazy stupid clown, really."
    offsets = np.array([[0, 4], [5, 6], [7, 11], [12, 18], [19, 24], [24, 25], [26, 32], [32, 33]])
    scores = np.array([0.1, 0.1, 0.7, 0.9, 0.8, 0.2, 0.3, 0.0])
    found = spans.spans_from_scores(text, offsets, scores, 0.5)
    assert [(text[s.start : s.end], round(s.score, 2)) for s in found] == [("lazy stupid clown", 0.9)]
    assert spans.spans_from_scores(text, offsets, scores, 0.95) == []


def test_semeval_f1_of_a_post():
    assert spans.char_f1(set(), set()) == 1.0
    assert spans.char_f1({1, 2}, set()) == 0.0 and spans.char_f1(set(), {1}) == 0.0
    assert spans.char_f1({1, 2, 3, 4}, {3, 4}) == pytest.approx(2 / 3)
    assert datasets.offsets_to_spans([8, 9, 10, 20, 21]) == [(8, 11), (20, 22)]


def test_span_head_is_carded_with_its_threshold_and_reads_its_features(monkeypatch, tmp_path):
    head = spans.head()
    assert head.input == "token" and head.labels == ("toxic",) and head.features == spans.FEATURES
    assert head.input_dim == 4 * 384
    threshold = head.thresholds["toxic"]
    card = (MODEL_DIR / f"{spans.SPAN_HEAD}.card.md").read_text(encoding="utf-8")
    assert 0 < threshold < 1 and f"{threshold:.2f}" in card and "CC0" in card
    # a head that reads other features is refused, not fed the wrong vectors
    bare = heads.Head(head.name, head.input, head.layers, head.output, head.labels, thresholds=head.thresholds)
    bare.save(tmp_path / "bare.npz")
    assert heads.Head.read(tmp_path / "bare.npz").features == ""
    monkeypatch.setattr(heads, "load", lambda name: heads.Head.read(tmp_path / "bare.npz"))
    with pytest.raises(heads.HeadError):
        spans.head()


def test_flagged_comment_gets_the_words_that_make_it_abusive_as_evidence():
    analysis = make_analysis(
        [
            ("ann", "The councillor who wrote this is a brainless moron and a pathetic liar."),
            ("bo", "The ferry timetable changes on Monday, the harbour office said."),
        ]
    )
    analyze_comments(analysis, Options().with_values({"comments.mode": "encoder"}))
    insult, plain = analysis.page.comments
    assert "toxicity" in insult.flags
    found = [e for e in insult.evidence if e.label == "toxic_span"] + [
        e for e in insult.evidence if e.label in ("insult", "profanity")
    ]
    marked = " ".join(e.text for e in found)
    assert "moron" in marked and "ferry" not in marked and "councillor" not in marked
    for e in insult.evidence:
        assert analysis.page.text[e.start : e.end] == e.text
    assert not [e for e in plain.evidence if e.label == "toxic_span"]


def test_fast_mode_shows_lexicon_words_and_span_phrases_not_ngram_guesses_unless_asked():
    text = "The councillor who wrote this is a brainless moron and a pathetic liar."
    evidence = {}
    for spans_option in (None, True, False):
        analysis = make_analysis([("ann", text)])
        analyze_comments(analysis, Options().with_values({"comments.mode": "fast", "comments.spans": spans_option}))
        comment = analysis.page.comments[0]
        assert "toxicity" in comment.flags
        evidence[spans_option] = {(e.label, e.text) for e in comment.evidence}
    # by default (as with spans = true) the lexicon's words and the span head's phrases, nothing else
    assert evidence[None] == evidence[True]
    assert ("insult", "moron") in evidence[None]
    assert any(label == "toxic_span" and "brainless" in words for label, words in evidence[None])
    assert not {label for label, _ in evidence[None]} - {
        "insult",
        "profanity",
        "identity_attack",
        "threat",
        "toxic_span",
    }
    # the old n-gram word evidence only when asked for: it marks words like "councillor" too
    assert {label for label, _ in evidence[False]} >= {"toxicity"}


def test_piece_scores_equal_the_head_on_the_full_features():
    from rashomon import encoder

    texts = ["You are a brainless moron.", "ok", "", "The ferry leaves at noon, and nobody cares about that idiot."]
    encoded = encoder.load().encode(texts, tokens=True)
    span_head = spans.head()
    fast = spans.piece_scores(encoded.tokens, encoded.sentences, span_head)
    for text_tokens, sentence, scores in zip(encoded.tokens, encoded.sentences, fast, strict=True):
        full = span_head.scores(spans.features(text_tokens, sentence))[:, 0]
        assert scores.shape == full.shape and np.allclose(scores, full, atol=1e-5)


def test_a_flag_with_nothing_to_show_is_withheld_but_its_score_stays(monkeypatch):
    import rashomon.comments as comments_stage

    texts = [
        "Worst of all, our leaders and the press never admit that most of the blood is on their own hands.",
        "Honestly the council members are all clowns and cowards.",
    ]
    flags, scores = {}, {}
    # the evidence rule alone: the target rule would withhold a flag with nothing to show too
    monkeypatch.setattr(comments_stage, "TOXICITY_NEEDS_TARGET", False)
    for rule in (True, False):
        monkeypatch.setattr(comments_stage, "FLAG_NEEDS_EVIDENCE", rule)
        analysis = make_analysis([("ann", t) for t in texts])
        analyze_comments(analysis, Options().with_values({"comments.mode": "encoder"}))
        flags[rule] = [set(c.flags) for c in analysis.page.comments]
        scores[rule] = [c.scores["toxicity"] for c in analysis.page.comments]
    assert "toxicity" in flags[False][0] and not flags[True][0] & comments_stage.SPAN_FLAGS
    assert scores[True] == scores[False] and scores[True][0] >= 0.5
    assert "toxicity" in flags[True][1] and "toxicity" in flags[False][1]
