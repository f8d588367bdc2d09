"""The fine-tuning measure's pure parts (``eval/stance_finetune.py``; the training itself needs the train extra):
how each way of answering is scored from the rule's stances and the two models' probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import eval_harness


@pytest.fixture(scope="module")
def harness():
    return eval_harness("stance_finetune")


def test_polar_figures_count_only_pro_and_anti_answers(harness):
    gold = np.array(["pro", "anti", "neutral", "anti"])
    figures = harness.polar_figures(gold, np.array(["pro", "pro", "neutral", "neutral"]))
    assert figures["polar_precision"] == 0.5 and figures["polar_share"] == 0.5 and figures["answers"] == 2
    assert harness.polar_figures(gold, np.array(["neutral"] * 4))["polar_precision"] is None


def test_each_way_reads_the_rule_and_the_models_as_the_module_says(harness):
    gold = np.array(["pro", "anti", "pro", "neutral"])
    rule = np.array(["pro", "pro", "neutral", "neutral"])
    frozen = np.array([[0.1, 0.1, 0.8], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3], [0.3, 0.4, 0.3]])  # anti, neutral, pro
    tuned = np.array([[0.1, 0.1, 0.8], [0.7, 0.1, 0.2], [0.05, 0.1, 0.85], [0.5, 0.2, 0.3]])
    ways = harness.ways(gold, rule, frozen, tuned, sure=0.8)
    shipped = ways["shipped: rule checked by the frozen head"]
    assert (shipped["answers"], shipped["polar_precision"]) == (2, 0.5)  # the frozen head withholds nothing
    checked = ways["rule checked by the fine-tuned model"]
    assert (checked["answers"], checked["polar_precision"]) == (1, 1.0)  # the wrong "pro" withheld (anti at 0.7)
    added = ways["... plus its answers at >= 0.8 where the rule abstains"]
    assert (added["answers"], added["polar_precision"]) == (2, 1.0)  # row 3 added; row 4's anti at 0.5 is not sure
    alone = ways["fine-tuned alone"]
    assert alone["answers"] == 4 and alone["polar_precision"] == 0.75
