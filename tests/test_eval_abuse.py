"""The abuse harness's hate / offensive / normal reading (``eval/abuse.py --three-class``): the flags it
rebuilds from head scores are the stage's, and its figures count the three classes in a fixed order."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.comments import abuse, analyze_comments
from rashomon.model import Analysis, Comment, Page
from rashomon.options import CommentOptions, Options
from tests.conftest import eval_harness

TEXTS = [
    "You are a complete idiot and everyone knows it.",
    "What a lovely garden, thanks for sharing the photos.",
    "Send those ragheads back where they came from.",
    "This timetable sucks, the buses never come.",
    "wassup my niggas, good game tonight",
    "Fuck yeah, what a match that was!",
]


@pytest.fixture(scope="module")
def harness():
    return eval_harness("abuse")


def _stage(texts: list[str]) -> list[list[str]]:
    page_text, comments = "", []
    for k, text in enumerate(texts):
        comments.append(Comment(f"c{k}", "reader", text, len(page_text), len(page_text) + len(text)))
        page_text += text + "\n\n"
    analysis = Analysis(page=Page(text=page_text, comments=comments))
    analyze_comments(analysis, Options(comments=CommentOptions(steps=("language", "abuse"), mode="fast")))
    return [sorted(c.flags) for c in analysis.page.comments]


def test_the_harness_rebuilds_the_stages_flags_from_the_head_scores(harness):
    from rashomon import encoder, heads
    from rashomon.comments import mention

    linear = abuse.model().score(TEXTS)
    named = [k for k, text in enumerate(TEXTS) if mention.names_a_group(text)]
    blended = [k for k in range(len(TEXTS)) if linear["toxicity"][k] >= abuse.BLEND_FROM and k not in named]
    encoded = sorted(set(named) | set(blended))
    head = heads.load(abuse.ENCODER_HEAD)
    table = head.scores(encoder.load().encode([TEXTS[k] for k in encoded]).sentences)
    by_encoder = {label: np.zeros(len(TEXTS)) for label in head.labels}
    for j, label in enumerate(head.labels):
        by_encoder[label][encoded] = table[:, j]
    scores, limits = abuse.combined_scores(linear, by_encoder, dict(head.thresholds), named=named, blended=blended)
    rebuilt = harness.stage_flags(TEXTS, scores, limits, harness.evidence_spans(TEXTS))
    assert [sorted(flags) for flags in rebuilt] == _stage(TEXTS)
    classes = [abuse.three_class(flags) for flags in rebuilt]
    assert classes[2] == "hate" and classes[4] == "offensive" and classes[1] == "normal"


def test_three_class_figures_count_in_the_fixed_order(harness):
    gold = np.array(["hate", "offensive", "offensive", "normal"])
    predicted = np.array(["offensive", "offensive", "offensive", "normal"])
    figures = harness.three_class_figures(gold, predicted)
    assert figures["confusion"] == [[0, 1, 0], [0, 2, 0], [0, 0, 1]]
    assert figures["per_class"]["hate"]["f1"] == 0.0
    assert figures["macro_f1"] == pytest.approx((0 + 0.8 + 1) / 3, abs=1e-4)


def test_the_harness_runs_the_group_hate_step_as_the_stage_does(harness):
    """Session 39: the harness rebuilt the stage's flags without its last abuse step, the group-hate reading."""
    texts = [
        "Somalis take and take and never give a thing back.",
        "Kurds run the best bakery in Varnholt.",
        "Somalis deserve to be treated with respect like anyone else.",
        "The ferry to Orrin leaves at noon.",
    ]
    staged = _stage(texts)
    before = [[f for f in row if f not in ("toxicity", "identity_attack")] for row in staged]
    hits = harness.group_hate_hits(texts, before)
    assert list(hits) == ["identity_attack" in row for row in staged] == [True, False, False, False]
