"""Figures that are no rivals though their values differ, read on a second set of real multi-outlet coverage
(ECB+ events told by other documents than the first set): a score or tally ("a 7-0 lead") is no range, the
cash part of a price is no rival of the price, two sums paid for two things differ, a count told as an earlier
one may have grown; and in a group of several claims a clash counts only between claims that are each other's
closest. Every sentence here is our own."""

from __future__ import annotations

import pytest

from rashomon.claims.numbers import relation
from rashomon.claims.quantities import find_quantities
from rashomon.compare import _counterparts, _Item, _two_facts, compare_pages
from rashomon.model import Claim, Quantity
from rashomon.pipeline import analyze


def quantities(text: str, nlp) -> dict[str, Quantity]:
    return {q.text: q for q in find_quantities(text, nlp(text))}


def _compare(*texts: str) -> dict:
    return compare_pages([analyze(text=t) for t in texts])


def _verdicts(result: dict) -> list[str]:
    return [a["verdict"] for a in result["alignments"] if len({c.split(":")[0] for c in a["claim_ids"]}) > 1]


# --- scores and tallies -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, figure, sides",
    [
        ("Okafor ran the interception back for a 7-0 lead.", "7-0", (7, 0)),
        ("The visitors closed with a 24-17 win over Lane's side.", "24-17", (24, 17)),
        ("The court ruled 5-4 that the ban could stand.", "5-4", (5, 4)),
        ("Brandt's side put together a 9–2 run late in the half.", "9–2", (9, 2)),
    ],
)
def test_a_falling_pair_joined_by_a_dash_is_a_score(text, figure, sides, nlp):
    score = quantities(text, nlp)[figure]
    assert (score.approx, score.value, score.low, score.high) == ("score", None, *sides)


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Voters aged 18-24 stayed home in large numbers.", "18-24"),
        ("The repairs will cost 3,000-5,000 dollars a home.", "3,000-5,000 dollars"),
    ],
)
def test_a_rising_pair_stays_a_range(text, figure, nlp):
    assert quantities(text, nlp)[figure].approx == "range"


def test_scores_agree_when_their_sides_are_one():
    def score(low: float, high: float) -> Quantity:
        return Quantity(text=f"{low:g}-{high:g}", start=0, end=3, low=low, high=high, approx="score")

    assert relation(score(7, 0), score(7, 0)) == "agree"
    assert relation(score(7, 0), score(0, 7)) == "agree"  # told from the other side
    assert relation(score(14, 0), score(17, 7)) == "compatible"  # another moment of the game, never a clash


def test_the_same_score_in_two_outlets_is_no_conflict():
    sentence = "Okafor picked off the pass and ran it back untouched for a 7-0 lead in the first quarter."
    result = _compare(f"Vell win opener\n\n{sentence}", f"Vell beat Orrin\n\n{sentence}")
    assert "conflict" not in _verdicts(result)
    assert "agree" in _verdicts(result)


# --- parts of a price and what a sum pays for -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, figure, part",
    [
        ("Korvex is paying $212 million in cash for Brightline.", "$212 million", "in cash"),
        ("Korvex said $212 million of the purchase price will be paid up front.", "$212 million", "of"),
        ("Korvex will pay $290 million in stock and cash for Brightline.", "$290 million", None),
        ("Korvex paid $290 million for Brightline last year.", "$290 million", None),
    ],
)
def test_what_a_sum_is_paid_in_makes_it_a_part(text, figure, part, nlp):
    assert quantities(text, nlp)[figure].part == part


def test_the_cash_part_of_a_price_is_no_rival_of_the_price():
    result = _compare(
        "Korvex buys Brightline\n\nKorvex will pay $290 million in stock and cash for Brightline, a startup of 60 "
        "people.\n\nKorvex is paying $212 million in cash for Brightline and the remainder in stock, Lane said.",
        "Korvex to buy Brightline\n\nKorvex is paying $290 million for Brightline, which until now worked closely "
        "with a rival.",
    )
    assert "conflict" not in _verdicts(result)


@pytest.mark.parametrize(
    "text, figure, scope",
    [
        ("The Vellbook range is priced at $1,349 for the smaller model.", "$1,349", "for the smaller model"),
        ("Korvex paid $290 million for Brightline.", "$290 million", "for Brightline"),
    ],
)
def test_what_a_sum_pays_for_is_its_scope(text, figure, scope, nlp):
    assert quantities(text, nlp)[figure].scope == scope


def test_two_prices_for_two_models_are_no_conflict():
    result = _compare(
        "Vellbook refreshed\n\nThe Vellbook range is priced at $1,349 for the smaller model, and more with extras.",
        "Hands on with the Vellbook\n\nThe Vellbook will cost $2,649 for the model with the faster chip and a larger "
        "screen.",
    )
    assert "conflict" not in _verdicts(result)


def test_two_prices_for_one_thing_still_conflict():
    result = _compare(
        "Korvex buys Brightline\n\nKorvex will pay $290 million for Brightline, the company said on Monday.",
        "Korvex deal\n\nKorvex will pay $345 million for Brightline, the company said on Monday.",
    )
    assert "conflict" in _verdicts(result)


# --- counts told as earlier ones --------------------------------------------------------------------------------


def test_a_count_told_as_an_earlier_one_is_no_rival_of_a_later_count():
    shelling = "the shelling of the school in Tallen"
    earlier = _compare(
        f"School shelled\n\nThe agency earlier counted 30 dead in {shelling}.",
        f"Toll rises\n\nThe agency said 40 people had been killed in {shelling}.",
    )
    assert "conflict" not in _verdicts(earlier)
    current = _compare(
        f"School shelled\n\nThe agency counted 30 dead in {shelling}.",
        f"Toll rises\n\nThe agency said 40 people had been killed in {shelling}.",
    )
    assert "conflict" in _verdicts(current)


# --- one fact, one figure per account; clashes between closest claims ---------------------------------------------


def _item(claim_id: str, account: str, value: float) -> _Item:
    quantity = Quantity(text=f"{value:g}", start=0, end=2, value=value, low=value, high=value, noun="people")
    claim = Claim(id=claim_id, source_id=account, start=0, end=10, text=f"{value:g} people were injured")
    claim.quantities = [quantity]
    return _Item(claim, quantity, account, account, "", "people", "injured")


def _cosine(table: dict[frozenset[str], float]):
    return lambda a, b: table.get(frozenset((a.id, b.id)), 0.0)


def test_a_chain_of_closest_claims_gives_no_account_two_rival_figures():
    # a1 (a province's count) and b1 are each other's closest, b1 and c1 too, c1 and a2 (a town's count) too:
    # joined, account a would give 200 and 5 for one fact
    a1, a2, b1, c1 = _item("a1", "a", 200), _item("a2", "a", 5), _item("b1", "b", 210), _item("c1", "c", 6)
    cosine = _cosine(
        {
            frozenset(("a1", "b1")): 0.9,
            frozenset(("b1", "c1")): 0.9,
            frozenset(("a2", "c1")): 0.95,
            frozenset(("a1", "c1")): 0.5,
            frozenset(("a2", "b1")): 0.5,
        }
    )
    parts = _counterparts([a1, a2, b1, c1], cosine)
    for part in parts:
        values = [item.quantity.value for item in part if item.account == "a"]
        assert len(values) <= 1, values
    assert any({item.claim.id for item in part} >= {"a1", "b1"} for part in parts)


def test_a_clash_counts_only_between_each_others_closest_claims():
    a1, b1, b2 = _item("a1", "a", 7), _item("b1", "b", 200), _item("b2", "b", 8)
    cosine = _cosine({frozenset(("a1", "b1")): 0.8, frozenset(("a1", "b2")): 0.9})
    for item in (a1, b1, b2):
        item.lead = True
    reason = _two_facts(cosine)
    assert reason(a1, b1, [a1, b1, b2]) is not None  # b2 tells a's figure closer: 7 / 200 may be two facts
    assert reason(a1, b2, [a1, b1, b2]) is None
    assert reason(a1, b1, [a1, b1]) is None


# --- a bare value of a measure both accounts name ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, figure, measure",
    [
        ("The Korvo survey put the magnitude at 6.1.", "6.1", "magnitude"),
        ("Insurers estimated the damage at $2 billion.", "$2 billion", "damage"),
        ("The agency gave the tremor a magnitude of 5.8.", "5.8", "magnitude"),
    ],
)
def test_a_value_given_at_names_its_measure(text, figure, measure, nlp):
    assert quantities(text, nlp)[figure].measure == measure


def test_two_magnitudes_of_one_quake_that_differ_conflict():
    result = _compare(
        "Quake near Tallen\n\nA quake struck near Tallen on Sunday.\n\nThe Korvo survey put the magnitude at 6.1.",
        "Tallen shaken\n\nA quake struck near Tallen on Sunday.\n\nThe news agency and the Korvo survey gave the "
        "tremor a magnitude of 5.8.",
    )
    rows = [a for a in result["alignments"] if a["verdict"] == "conflict"]
    assert rows and "6.1 (magnitude)" in rows[0]["explanation"]


def test_bare_values_of_two_measures_are_not_compared():
    result = _compare(
        "Quake near Tallen\n\nA quake struck near Tallen on Sunday.\n\nThe survey put the magnitude at 6.1.",
        "Tallen shaken\n\nA quake struck near Tallen on Sunday.\n\nThe survey put the depth at 10.",
    )
    assert "conflict" not in _verdicts(result)


@pytest.mark.parametrize(
    "text, figure",
    [
        ("An 11-year-old girl was grazed in the cheek.", "11-year"),
        ("The man, aged 45, was arrested on Monday.", "45"),
        ("Lane is 45 years old.", "45 years"),
    ],
)
def test_an_age_is_no_duration(text, figure, nlp):
    assert quantities(text, nlp)[figure].unit == "age"


def test_two_peoples_ages_are_no_rival_figures():
    def age(value: float) -> Quantity:
        return Quantity(text=f"{value:g}", start=0, end=2, value=value, low=value, high=value, unit="age")

    assert relation(age(31), age(11)) == "compatible"
    assert relation(age(11), age(11)) == "agree"
