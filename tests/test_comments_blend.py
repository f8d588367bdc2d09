"""Issue 22, session 20: a comment's toxicity and insult read from the blend of the two abuse models (the n-gram
heads and the encoder heads), stacked on their out-of-fold scores; in the ``fast`` mode only the comments the
n-gram heads do not rule out are encoded for it."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

import rashomon.comments as stage
from rashomon import heads
from rashomon.comments import abuse, analyze_comments, datasets, training
from rashomon.comments.models import MODEL_DIR
from rashomon.model import Analysis, Comment, Page
from rashomon.options import CommentOptions, Options


def _analysis(texts: list[str]) -> Analysis:
    page_text, comments = "", []
    for k, text in enumerate(texts):
        comments.append(Comment(f"c{k}", "reader", text, len(page_text), len(page_text) + len(text)))
        page_text += text + "\n\n"
    return Analysis(page=Page(text=page_text, comments=comments))


def test_the_shipped_blend_reads_both_models_log_odds_and_is_carded():
    blend = heads.load(abuse.BLEND_HEAD)
    assert blend.input == "scores" and blend.labels == training.BLEND_LABELS
    k = len(blend.labels)
    weight = blend.layers[0].weight
    # per label: the n-gram head's log-odds in the first k inputs, the encoder head's in the next k, nothing across
    expected = np.zeros((2 * k, k), dtype=np.float32)
    for j in range(k):
        expected[j, j], expected[k + j, j] = 1 - training.BLEND_ENCODER_WEIGHT, training.BLEND_ENCODER_WEIGHT
    assert np.allclose(weight, expected)
    card = (MODEL_DIR / f"{abuse.BLEND_HEAD}.card.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in card and "MIT" in card
    for label in blend.labels:
        xs, ys = blend.calibration[label]
        assert np.all(np.diff(xs) >= 0) and np.all(np.diff(ys) >= 0) and 0 <= ys.min() <= ys.max() <= 1
        assert f"{blend.thresholds[label]:.2f}" in card
    # a higher score from either model never lowers the blend
    low = blend.scores(np.array([[heads.logodds(0.3)] * k + [heads.logodds(0.3)] * k]))
    assert np.all(blend.scores(np.array([[heads.logodds(0.6)] * k + [heads.logodds(0.3)] * k])) >= low)
    assert np.all(blend.scores(np.array([[heads.logodds(0.3)] * k + [heads.logodds(0.6)] * k])) >= low)


def test_train_blend_stacks_two_models_that_err_apart():
    rng = np.random.default_rng(7)
    n_olid, n_davidson = 600, 200
    olid = datasets.Labelled(
        [f"o{i}" for i in range(n_olid)],
        {"offensive": rng.integers(0, 2, n_olid).tolist(), "targeted": rng.integers(0, 2, n_olid).tolist()},
    )
    davidson = datasets.Labelled([f"d{i}" for i in range(n_davidson)], {"offensive": [1] * n_davidson})
    n_neutral = len(datasets.neutral_identity_texts())

    def fits(seed: int) -> dict:
        noise = np.random.default_rng(seed)
        out = {}
        for label, column in (("toxicity", "offensive"), ("insult", "targeted")):
            y = np.asarray(olid.labels[column], dtype=float)
            rows = [y] + ([np.ones(n_davidson)] if label == "toxicity" else []) + [np.zeros(n_neutral)]
            truth = np.concatenate(rows)
            out[label] = SimpleNamespace(oof=1 / (1 + np.exp(-(2 * truth - 1 + noise.normal(0, 1.5, len(truth))))))
        return out

    linear, encoder = fits(1), fits(2)
    blend = training.train_blend(linear, encoder, olid, davidson)
    assert blend.thresholds == dict.fromkeys(training.BLEND_LABELS, training.BLEND_THRESHOLD)
    for k, (label, column) in enumerate((("toxicity", "offensive"), ("insult", "targeted"))):
        y = olid.labels[column]
        features = np.column_stack(
            [heads.logodds(linear[name].oof[:n_olid]) for name in blend.labels]
            + [heads.logodds(encoder[name].oof[:n_olid]) for name in blend.labels]
        )
        blended = blend.scores(features)[:, k]
        alone = max(roc_auc_score(y, linear[label].oof[:n_olid]), roc_auc_score(y, encoder[label].oof[:n_olid]))
        assert roc_auc_score(y, blended) > alone + 0.02
        # calibrated on the label's main data set: about as many flags as positives where the signal is symmetric
        assert abs(blended.mean() - np.mean(y)) < 0.05


def test_combined_scores_read_each_row_as_the_stage_does():
    linear = {h: np.array([0.7, 0.7, 0.7]) for h in abuse.MODEL_HEADS}
    encoder = {h: np.array([0.2, 0.2, 0.2]) for h in abuse.MODEL_HEADS}
    thresholds = dict.fromkeys(abuse.MODEL_HEADS, 0.4)
    blend = heads.load(abuse.BLEND_HEAD)
    expected = blend.scores(np.array([[heads.logodds(0.7)] * 2 + [heads.logodds(0.2)] * 2]))[0]
    scores, limits = abuse.combined_scores(linear, encoder, thresholds, named=[0], blended=[1])
    # row 0 names a group: the encoder heads, unless only the n-gram heads flag it toxic (EITHER_HEADS_FLAG)
    assert scores["toxicity"][0] == (0.7 if abuse.EITHER_HEADS_FLAG else 0.2)
    for j, label in enumerate(blend.labels):
        assert scores[label][1] == pytest.approx(expected[j]) and limits[label][1] == blend.thresholds[label]
        assert scores[label][2] == 0.7 and limits[label][2] == abuse.FLAG_THRESHOLDS[label]
    assert scores["identity_attack"][1] == 0.7  # not a label of the blend: the base heads' score
    base, base_limits = abuse.combined_scores(linear, encoder, thresholds, named=[], blended=[1], encoder_base=True)
    assert base["toxicity"][2] == 0.2 and base_limits["toxicity"][2] == 0.4
    assert base["toxicity"][1] == pytest.approx(expected[0])


def test_the_fast_mode_encodes_only_the_comments_the_blend_could_flag(monkeypatch):
    calls: list[list[str]] = []
    real = stage._head_scores

    def spy(ctx, name, batch, load=None):
        if name == abuse.ENCODER_HEAD:
            calls.append([c.text for c in batch])
        return real(ctx, name, batch, load)

    monkeypatch.setattr(stage, "_head_scores", spy)
    plain = "Thanks for the clear write-up, the new ferry timetable starts on Monday."
    rude = "You are a pathetic idiot and a liar, shut up."
    analysis = _analysis([plain, rude])
    analyze_comments(analysis, Options(comments=CommentOptions(steps=("language", "abuse"), mode="fast")))
    linear = abuse.model().score([plain, rude])
    assert linear["toxicity"][0] < abuse.BLEND_FROM <= linear["toxicity"][1]
    assert calls == [[rude]]
    scored = analysis.page.comments[1]
    encoder_head = heads.load(abuse.ENCODER_HEAD)
    from rashomon import encoder

    by_encoder = encoder_head.scores(encoder.load().encode([rude]).sentences)[0]
    blend = heads.load(abuse.BLEND_HEAD)
    features = [heads.logodds(linear[label][1]) for label in blend.labels] + [
        heads.logodds(by_encoder[encoder_head.labels.index(label)]) for label in blend.labels
    ]
    expected = blend.scores(np.array([features]))[0]
    assert scored.scores["toxicity"] == pytest.approx(expected[0], abs=1e-3)
    assert "toxicity" in scored.flags and "toxicity" not in analysis.page.comments[0].flags


@pytest.mark.parametrize(
    ("text", "word", "evidence"),
    [
        ("Everyone queues for the sales on Black Friday again.", "Black", False),
        ("The trip ended at the Jewish Museum, which was closed.", "Jewish", False),
        ("Black people ruin it for everyone.", "Black", True),
        ("They say Muslims. Nobody listens, and it is a disgrace.", "Muslims", True),
        ("They say Muslims. Nobody listens.", "Muslims", False),  # session 50: nothing cold is said
    ],
)
def test_a_group_name_that_goes_on_into_a_proper_name_is_no_evidence(text, word, evidence):
    start = text.index(word)
    span = SimpleNamespace(start=start, end=start + len(word))
    assert (abuse.used_spans(text, [span]) == [span]) is evidence
