"""The BASIL fact scoring of ``eval/compare.py``: whether a listed fact is found, and why it was missed."""

from __future__ import annotations

import numpy as np

from rashomon.model import Claim
from tests.conftest import eval_harness

compare_eval = eval_harness("compare")


def _claim(cid: str, text: str, checkable: bool = True) -> Claim:
    return Claim(id=cid, source_id="s", start=0, end=len(text), text=text, checkable=checkable)


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


CLAIMS = [
    _claim("p1:c1", "The harbour authority closed the northern pier on Monday after a crane collapsed."),
    _claim("p1:c2", "Ferry tickets will cost four euros more from the spring."),
    _claim("p2:c1", "A fallen crane shut the north pier at the start of the week."),
    _claim("p2:c2", "The mayor praised the volunteers.", checkable=False),
]
IDS = ["1:0:0", "1:1:0", "2:0:0", "2:1:0"]
# c1 / c1' far apart (cosine 0.3): a paraphrase the encoder does not bring close
VECTORS = np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0.3, 0, np.sqrt(1 - 0.09)), _unit(0, 0, 1)])


def test_a_fact_in_a_group_of_its_sentences_is_found_with_its_verdict():
    groups = [(["1:0:0", "2:0:0"], {"verdict": "agree"})]
    row = compare_eval.score_fact({"ids": ["1:0:0", "2:0:0"], "verdict": "agree"}, groups)
    assert row["found"] and row["right"]
    row = compare_eval.score_fact({"ids": ["1:0:0", "2:0:0"], "verdict": "compatible"}, groups)
    assert row["found"] and not row["right"]
    assert compare_eval.miss_cause({"ids": ["1:0:0", "2:0:0"]}, row, CLAIMS, IDS, VECTORS) == "found, verdict agree"


def test_a_missed_fact_is_told_by_where_its_closest_pair_sits():
    fact = {"ids": ["1:0:0", "2:0:0"], "verdict": "agree"}
    row = compare_eval.score_fact(fact, [])
    assert not row["found"]
    assert compare_eval.miss_cause(fact, row, CLAIMS, IDS, VECTORS) == "closest pair below the low band"


def test_a_fact_whose_sentence_is_no_claim_in_one_outlet_is_told_so():
    fact = {"ids": ["1:1:0", "2:1:0"], "verdict": "agree"}
    row = compare_eval.score_fact(fact, [])
    cause = compare_eval.miss_cause(fact, row, CLAIMS, IDS, VECTORS)
    assert cause == "no checkable claim in two outlets"


def test_a_closer_paraphrase_without_evidence_is_told_in_the_band():
    vectors = VECTORS.copy()
    vectors[2] = _unit(0.65, 0, np.sqrt(1 - 0.65**2))
    fact = {"ids": ["1:0:0", "2:0:0"], "verdict": "agree"}
    cause = compare_eval.miss_cause(fact, compare_eval.score_fact(fact, []), CLAIMS, IDS, vectors)
    assert cause == "closest pair in the band, no evidence"


def test_ecb_tokens_are_joined_as_a_reader_sees_them():
    tokens = "The storm , which hit at 6 : 15 a.m. , flooded 1 , 300 homes and left `` hundreds '' homeless .".split()
    assert compare_eval.detokenized(tokens) == (
        'The storm, which hit at 6:15 a.m., flooded 1,300 homes and left "hundreds" homeless.'
    )
    assert compare_eval.detokenized("The hearing ran for 3 1 / 2 hours .".split()) == "The hearing ran for 3 1/2 hours."


def test_ecb_events_are_read_as_outlets_of_one_event():
    from tests.conftest import shared_path

    events = compare_eval.ecb_events(shared_path("data", "events", "ecb_plus"))
    assert len(events) > 80
    for name, documents in events:
        assert 2 <= len(documents) <= compare_eval.ECB_DOCUMENTS
        assert all(len(lines) >= compare_eval.ECB_MIN_SENTENCES for _, lines, _ in documents)
        # an ecbplus document's URL is its site, never one of its sentences
        assert all(not lines[0][1].startswith("http") for _, lines, _ in documents)
        assert all(site for _, _, site in documents) == name.endswith("ecbplus")
