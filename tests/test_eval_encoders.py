"""The proxy of ``eval/encoders.py``: which sentence pairs are positives, the cut at a precision, mutual best."""

from __future__ import annotations

import numpy as np

from tests.conftest import eval_harness

encoders_eval = eval_harness("encoders")


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


# one triplet, outlets 1 and 2 with two sentences each and outlet 3 with one; one listed fact told by 1:0:0,
# 2:0:1 and 3:0:0
SENTENCES = {
    "1:0:0": "The bridge reopened on Friday.",
    "1:0:1": "Tolls will rise next year.",
    "2:0:0": "Drivers complained about the tolls.",
    "2:0:1": "Traffic crossed the bridge again at the end of the week.",
    "3:0:0": "On Friday the bridge was open once more.",
}
FACT = {"1:0:0", "2:0:1", "3:0:0"}


def _split(vectors: np.ndarray) -> tuple[dict, dict]:
    return {"t": {"sentences": SENTENCES, "facts": [FACT]}}, {"t": vectors}


def test_the_pairs_of_a_facts_sentences_from_two_outlets_are_the_positives():
    vectors = np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0, 1, 0.2), _unit(0.9, 0, 0.1), _unit(1, 0, 0.05)])
    table = encoders_eval.pair_table(*_split(vectors))
    # cross-outlet pairs: 1x2 = 4, 1x3 = 2, 2x3 = 2
    assert len(table["scores"]) == 8
    assert table["gold"].sum() == 3  # 1:0:0-2:0:1, 1:0:0-3:0:0, 2:0:1-3:0:0
    assert table["mutual"].tolist() == [True]
    assert table["fact_best"][0] > 0.99


def test_a_fact_whose_sentences_each_prefer_another_is_no_mutual_best():
    # 2:0:1 and 3:0:0 are closer to 1:0:1 than to 1:0:0, and 3:0:0 closest to 2:0:0 in outlet 2
    vectors = np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0.2, 1, 0.1), _unit(0.2, 1, 0), _unit(0.2, 1, 0.1)])
    table = encoders_eval.pair_table(*_split(vectors))
    assert table["mutual"].tolist() == [False]


def test_the_cut_is_the_lowest_score_that_keeps_the_precision():
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    gold = np.array([1, 0, 1, 0, 0])
    assert encoders_eval.cut_at_precision(scores, gold, 0.5) == 0.6
    assert encoders_eval.cut_at_precision(scores, gold, 0.7) == 0.9
    assert encoders_eval.cut_at_precision(scores, np.zeros(5, dtype=int), 0.5) == float("inf")


def test_a_model_that_is_not_installed_is_skipped(tmp_path, capsys):
    assert encoders_eval.load_model(f"ghost={tmp_path}") == ("ghost", None)
    assert "skipped ghost" in capsys.readouterr().err


def test_thresholds_move_to_the_same_quantile_of_the_candidates_cosines():
    from rashomon import meaning

    anchor = np.linspace(0.0, 1.0, 10_001)
    moved = encoders_eval.mapped_thresholds(anchor, 0.5 + 0.5 * anchor)  # a compressed scale, same order
    old, new = moved["SAME_FACT_COSINE"]
    assert old == meaning.SAME_FACT_COSINE
    assert abs(new - (0.5 + 0.5 * old)) < 1e-3
    assert moved["BAND_COSINE"][1] < moved["ANCHORED_COSINE"][1] < new
