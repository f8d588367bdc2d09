"""The fine-tuning measure's pure parts (``eval/abuse_finetune.py``; the training itself needs the train extra):
thresholds chosen on the tuning rows, and batches of similar length that cover every training row once."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from tests.conftest import eval_harness


@pytest.fixture(scope="module")
def harness():
    return eval_harness("abuse_finetune")


def test_the_cut_is_the_best_one_on_the_rows_given(harness):
    y = np.array([0, 0, 0, 1, 1, 0, 1, 1])
    scores = np.array([0.1, 0.2, 0.3, 0.35, 0.6, 0.65, 0.7, 0.9])
    assert harness.best_cut(y, scores, macro=False) == pytest.approx(0.35)
    assert harness.best_cut(y, scores, macro=True) == pytest.approx(0.35)


def test_batches_cover_each_row_once_and_group_similar_lengths(harness):
    lengths = [3, 40, 5, 38, 4, 39, 6, 41] * 8  # 32 short, 32 long
    encodings = [SimpleNamespace(ids=[1] * n) for n in lengths]
    rows = np.arange(len(lengths))
    batches = harness._batches(encodings, rows, np.random.default_rng(0))
    assert sorted(np.concatenate(batches).tolist()) == rows.tolist()
    assert all(len(b) <= harness.BATCH for b in batches)
    spread = [max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in batches]
    assert max(spread) < 30  # each batch is short or long tweets, not both
