"""Faults of the comparison read on ECB+ document set 4, judged blind (issue 19): a chain of close pairs made one
group of a deal, its price and an executive's praise of it (one page's claims each finding one claim of another);
a coach's "would not have placed him on the list if ..." was a denial of the placing; a toll "in the province and
thousands more abroad" was a rival of the whole toll. Every sentence here is our own."""

from __future__ import annotations

import numpy as np

from rashomon.claims import HYPOTHETICAL
from rashomon.claims.frames import counterfactual, said_in_the_negative
from rashomon.compare import compare_pages
from rashomon.meaning import align_claims
from rashomon.model import Claim
from rashomon.pipeline import analyze

from .test_votes_and_past_figures import cross_outlet_verdicts


def _claim(cid: str, text: str) -> Claim:
    return Claim(id=cid, source_id="publisher", start=0, end=len(text), text=text)


def _unit(*cosines: float) -> np.ndarray:
    """A vector with the given cosines to the first axes (the rest of its length on an axis of its own)."""
    vector = np.zeros(8, dtype=np.float32)
    vector[: len(cosines)] = cosines
    vector[7] = np.sqrt(max(0.0, 1.0 - float(np.sum(np.square(cosines)))))
    return vector


def _groups(claims: list[Claim], vectors: np.ndarray) -> list[list[str]]:
    found = align_claims(claims, vectors, lambda c: c.id.split(":")[0], lambda c: c.id.split(":")[0])
    return sorted(sorted(a.claim_ids) for a in found)


def test_two_claims_of_one_page_do_not_chain_through_one_claim_of_another():
    claims = [
        _claim("p1:c1", "Korvex bought the chip maker Varnholt for 300 million dollars on Monday."),
        _claim("p1:c2", "Korvex said buying Varnholt would make its servers far cheaper to run."),
        _claim("p2:c1", "Korvex has bought Varnholt, a maker of low-power chips, for 300 million dollars."),
    ]
    # p2:c1 is the closest claim of p2 for both claims of p1 (cosines 0.92 and 0.83; the two of p1 0.70 apart):
    # each claim keeps its best partner per page, and both pairs are over the same-fact cosine
    first, second = _unit(1.0), _unit(0.7, np.sqrt(1 - 0.7**2))
    third = _unit(0.92, (0.83 - 0.7 * 0.92) / np.sqrt(1 - 0.7**2))
    vectors = np.stack([first, second, third]).astype(np.float32)
    assert round(float(vectors[0] @ vectors[2]), 2) == 0.92 and round(float(vectors[1] @ vectors[2]), 2) == 0.83
    assert _groups(claims, vectors) == [["p1:c1", "p2:c1"]]


def test_a_third_page_still_joins_the_group_it_matches():
    """A guard (it passes without the rule too): a group of one claim per page keeps growing."""
    claims = [
        _claim("p1:c1", "Korvex bought the chip maker Varnholt for 300 million dollars on Monday."),
        _claim("p2:c1", "Korvex has bought Varnholt, a maker of low-power chips, for 300 million dollars."),
        _claim("p3:c1", "On Monday Korvex agreed to buy Varnholt for 300 million dollars."),
    ]
    same = _unit(1.0)
    vectors = np.stack([same, same, _unit(0.9, np.sqrt(1 - 0.9**2))]).astype(np.float32)
    assert _groups(claims, vectors) == [["p1:c1", "p2:c1", "p3:c1"]]


def _predicate(sentence: str):
    from rashomon import nlp

    return next(t for t in nlp.load()(sentence) if t.lemma_ == "place")


def test_a_counterfactual_in_the_negative_denies_nothing():
    for sentence in (
        "The Rovers would not have placed Korvel on the injured list if they were still fighting for the title.",
        "The Rovers wouldn't have placed Korvel on the injured list in a title race.",
        "They'd not have placed Korvel on the injured list in a title race, the coach said.",
    ):
        told = _predicate(sentence)
        assert counterfactual(told) and not said_in_the_negative(told), sentence
    # a condition alone still refuses ("would not ... unless", "even if"), as does a future and a "could not have"
    for sentence in (
        "The Rovers would not place Korvel on the injured list unless her knee got worse.",
        "The coach said he would not place Korvel on the injured list even if the board asked him to.",
        "The Rovers would not place Korvel on the injured list, the coach said.",
        "Police said the blast could not have placed the tower at risk.",
        "The Rovers did not place Korvel on the injured list.",
    ):
        told = _predicate(sentence)
        assert not counterfactual(told) and said_in_the_negative(told), sentence


def test_a_counterfactual_claim_is_hedged_and_a_conditional_one_is_not():
    (told,) = analyze(
        text="Coach Vell said the Rovers would not have placed Korvel on the injured list if they were still in the "
        "race.",
        stage_names=("attribution", "claims"),
    ).claims
    assert told.hedge == HYPOTHETICAL and not told.negated
    (reported,) = analyze(
        text="The Rovers reportedly would not have placed Korvel on the injured list if they were still in the race.",
        stage_names=("attribution", "claims"),
    ).claims
    assert reported.hedge == HYPOTHETICAL  # before the hedge word: it tells no deed at all
    (promise,) = analyze(
        text="Dana Vell said that if elected, she would shut the Marsk incinerator within a year.",
        stage_names=("attribution", "claims"),
    ).claims
    assert promise.hedge is None


def test_a_counterfactual_is_no_conflict_with_the_deed():
    deed = "Tallen Rovers\n\nThe Rovers placed striker Ida Korvel on the injured list, ending her season."
    would_have = (
        "Rovers news\n\nCoach Vell said the Rovers, who went out of the cup on Saturday, would not have placed Korvel "
        "on the injured list if the title were still in reach."
    )
    denial = "Rovers news\n\nCoach Vell said the Rovers did not place striker Ida Korvel on the injured list."
    # a counterfactual tells no deed: it is no second telling of the placing either (no row), and a denial still clashes
    assert cross_outlet_verdicts(deed, would_have) == []
    assert cross_outlet_verdicts(deed, denial) == ["conflict"]
    # the same words but the counterfactual: as close as a second telling, and still none
    close = "Rovers news\n\nThe Rovers would not have placed striker Ida Korvel on the injured list, ending her season."
    assert cross_outlet_verdicts(deed, close) == []


def test_a_toll_with_more_told_beside_it_is_no_rival_of_the_whole():
    whole = (
        "Quake strikes Korvo\n\nIn 2009, a huge earthquake off Korvo set off a flood that killed 23,000 people "
        "across the region."
    )
    part = (
        "Korvo quake\n\nA massive quake struck off Korvo in 2009, setting off a flood that killed 17,000 people in "
        "the province of Marsk and thousands more in the countries around the gulf."
    )
    alone = "Korvo quake\n\nA massive quake struck off Korvo in 2009, setting off a flood that killed 17,000 people."
    assert cross_outlet_verdicts(whole, part) == ["compatible"]
    assert cross_outlet_verdicts(whole, alone) == ["conflict"]
    # more of something else is no more of the toll
    injured = (
        "Korvo quake\n\nA massive quake struck off Korvo in 2009, setting off a flood that killed 17,000 people, and "
        "300 more were injured."
    )
    assert cross_outlet_verdicts(whole, injured) == ["conflict"]


def test_two_bounds_of_one_kind_are_told_as_different_bounds():
    five = "Quake hits Korvo\n\nA quake shook the Korvo valley on Tuesday and hurt at least five people."
    fifty = "Korvo quake\n\nA 6.1 quake shook the Korvo valley on Tuesday and hurt at least 50 people."
    rows = [
        row
        for row in compare_pages([analyze(text=five), analyze(text=fifty)])["alignments"]
        if row["verdict"] == "conflict"
    ]
    assert rows and "give different bounds for the same scope" in rows[0]["explanation"]
    assert "incompatible values" not in rows[0]["explanation"]
