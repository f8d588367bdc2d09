"""The threat fine-tuning measure's pure parts (``eval/threats_finetune.py``; the training itself needs the train
extra): the patterns' flag OR the model at a cut, scored against gold."""

from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import eval_harness


@pytest.fixture(scope="module")
def harness():
    return eval_harness("threats_finetune")


def test_the_model_adds_flags_only_at_or_above_its_cut(harness):
    gold = np.array([1, 1, 1, 0, 0])
    patterns = np.array([True, False, False, False, True])
    scores = np.array([0.1, 0.95, 0.5, 0.97, 0.0])
    assert harness.or_figures(gold, patterns, scores, None) == {"precision": 0.5, "recall": 0.333, "false_positives": 1}
    assert harness.or_figures(gold, patterns, scores, 0.95) == {"precision": 0.5, "recall": 0.667, "false_positives": 2}
    assert harness.or_figures(gold, patterns, scores, 0.99) == harness.or_figures(gold, patterns, scores, None)
    gate = np.array([True, False, True, False, True])  # both of the model's hits are set aside: the patterns alone
    assert harness.or_figures(gold, patterns, scores, 0.95, gate) == {
        "precision": 0.5,
        "recall": 0.333,
        "false_positives": 1,
    }
    nothing = harness.or_figures(np.array([0, 0]), np.array([False, False]), np.array([0.1, 0.2]), 0.9)
    assert nothing == {"precision": None, "recall": None, "false_positives": 0}


@pytest.mark.parametrize(
    "text,passes",
    [
        ("I will break your legs if you come back here.", True),
        ("He said he would break my legs if I came back.", False),  # reported
        ("Nobody should break anyone's legs over a parking spot.", False),  # negated
        ("See you at the match on Sunday.", False),  # no violent word
    ],
)
def test_the_gate_sets_aside_what_the_patterns_suppression_rules_do(harness, text, passes):
    assert harness.unsuppressed_violence(text) is passes


def test_a_threat_set_is_read_by_half(harness, tmp_path):
    rows = ['{"text": "a", "label": 1, "half": "A"}', '{"text": "b", "label": 0, "half": "B"}', ""]
    (tmp_path / "set.jsonl").write_text("\n".join(rows), encoding="utf-8")
    assert harness.threat_rows("set.jsonl", folder=tmp_path) == [("a", 1), ("b", 0)]
    assert harness.threat_rows("set.jsonl", "B", folder=tmp_path) == [("b", 0)]
