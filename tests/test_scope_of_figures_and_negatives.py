"""What makes two figures one figure or two, and how a claim in the negative is shown: a distance in miles is one in
kilometres rounded, "Korvo" and "Korvo province" are one place, the hour of the news is no period, two stat lines
that clash in every figure are two records, and "did not pay" is a statement in the negative, not a denial.
Faults read on real multi-outlet coverage (ECB+ event groups); every sentence here is our own."""

from __future__ import annotations

import pytest

from rashomon.claims.numbers import figures_relation
from rashomon.meaning import negation_mark, other_places, pair_verdict, period_of
from rashomon.model import Claim, Quantity
from rashomon.pipeline import analyze


def _distance(value: float, unit: str) -> Quantity:
    return Quantity(text=f"{value:g} {unit}", start=0, end=1, value=value, low=value, high=value, unit=unit)


def test_a_distance_in_another_unit_is_the_same_distance_rounded():
    assert figures_relation(_distance(35, "km"), _distance(22, "mile")) == "agree"
    assert figures_relation(_distance(10, "km"), _distance(6, "mile")) == "agree"
    # in one unit, two values are two values
    assert figures_relation(_distance(22, "mile"), _distance(23, "mile")) == "disjoint"
    assert figures_relation(_distance(10, "km"), _distance(16, "mile")) == "disjoint"


def _claim(text: str = "x", **fields) -> Claim:
    return Claim(id="c1", source_id="s1", start=0, end=len(text), text=text, **fields)


@pytest.mark.parametrize(
    "a, b, other",
    [
        ("Korvo", "Korvo province", False),
        ("Tallen", "the town of Tallen", False),
        ("Korvo", "Tallen", True),
        ("West Orrin", "East Orrin", True),
        ("Orrin", "Central Orrin", True),
    ],
)
def test_a_place_told_more_fully_is_one_place(a, b, other):
    assert other_places(_claim(place=a), _claim(place=b)) is other


@pytest.mark.parametrize(
    "time, period",
    [
        ("6:15 a.m.", ""),
        ("yesterday, afternoon", ""),
        ("last night", ""),
        ("Tuesday morning", ""),
        ("the weekend", "weekend"),
        ("in 2012", "in 2012"),
        ("the last 24 hours", "last 24 hours"),
    ],
)
def test_the_hour_of_the_news_is_no_period(time, period):
    assert period_of(_claim(time=time)) == period


def _stat(value: float, noun: str) -> Quantity:
    return Quantity(text=f"{value:g}", start=0, end=1, value=value, low=value, high=value, noun=noun)


def test_claims_that_clash_in_every_figure_are_two_records():
    one = _claim(
        "Lane finished with 212 yards, two touchdowns and 18 catches.",
        quantities=[_stat(212, "yards"), _stat(2, "touchdowns"), _stat(18, "catches")],
    )
    other = _claim(
        "Lane had 348 yards, five touchdowns and 27 catches.",
        quantities=[_stat(348, "yards"), _stat(5, "touchdowns"), _stat(27, "catches")],
    )
    verdict = pair_verdict(one, other, 0.86, "A", "B")
    assert verdict.verdict == "compatible" and "two records" in verdict.reason
    # two stat lines whose nouns are read apart: the two figures they share both clash
    dense = _claim(
        "Lane had 348 yards, five scores on 96 carries and 27 catches.",
        quantities=[_stat(348, "yards"), _stat(5, "scores"), _stat(96, "carries"), _stat(27, "catches")],
    )
    assert pair_verdict(one, dense, 0.86, "A", "B").verdict == "compatible"
    # one clash among agreeing figures is one record told two ways
    close = _claim(
        "Lane finished with 212 yards, two touchdowns and 20 catches.",
        quantities=[_stat(212, "yards"), _stat(2, "touchdowns"), _stat(20, "catches")],
    )
    assert "two records" not in pair_verdict(one, close, 0.9, "A", "B").reason


@pytest.mark.parametrize(
    "text, negated, denied",
    [
        ("The company did not pay the fine, its lawyer said.", True, False),
        ("Nobody was injured when the Orrin depot burned, police said.", True, False),
        ("None of the other clubs has offered Vell more than six years, the agent said.", True, False),
        ("The army denied that the rebels had captured the town of Korvo.", True, True),
        ("The rebels captured the town of Korvo on Sunday.", False, False),
    ],
)
def test_a_statement_in_the_negative_is_no_denial(text, negated, denied):
    analysis = analyze(text=f"Korvo\n\n{text}")
    claim = next(c for c in analysis.claims if c.text.startswith(text[:20]))
    assert (claim.negated, claim.denied) == (negated, denied)
    assert negation_mark(claim) == {(True, True): " (denied)", (True, False): " (negative)"}.get((negated, denied), "")


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("The hearing ran for 3 1/2 hours on Monday.", 3.5, "hour"),
        ("She was sentenced to 2\u00bd years in prison.", 2.5, "year"),
        ("Inflation reached 15 1/2 percent in March.", 15.5, "percent"),
    ],
)
def test_a_whole_number_and_a_fraction_are_one_number(text, value, unit):
    from rashomon.claims.quantities import find_quantities

    (quantity,) = find_quantities(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_a_date_with_slashes_is_still_no_number():
    from rashomon.claims.quantities import find_quantities

    assert find_quantities("He left on 12/3/2010 and came back on 4/5.") == []


@pytest.mark.parametrize(
    "text, approx, low",
    [
        ("Hale returns after four-plus years as club manager.", "at_least", 4.0),
        ("Vell served 20-plus years in office.", "at_least", 20.0),
        ("The firm has 30-odd staff.", "about", None),
    ],
)
def test_a_bound_joined_to_its_number_is_read(text, approx, low):
    from rashomon.claims.quantities import find_quantities

    (quantity,) = find_quantities(text)
    assert (quantity.approx, quantity.low) == (approx, low)


def _compare(*texts: str) -> dict:
    from rashomon.compare import compare_pages

    return compare_pages([analyze(text=t) for t in texts])


def test_nobody_hurt_beside_people_hurt_is_a_conflict():
    result = _compare(
        "Fire at Orrin depot\n\nNo one was injured when the Orrin depot burned, police said.",
        "Orrin depot fire\n\nThree workers were injured when the Orrin depot burned, police said.",
    )
    assert any(a["verdict"] == "conflict" and "says the opposite of" in a["explanation"] for a in result["alignments"])


def test_two_bounds_said_in_the_negative_are_no_clash():
    result = _compare(
        "Offers for Vell\n\nNone of the other clubs has offered Vell more than six years, the agent said.",
        "Vell's offers\n\nNo other club was thought to have offered Vell more than five years, the agent said.",
    )
    assert all(a["verdict"] != "conflict" for a in result["alignments"])


def _measured(value: float, unit: str, measure: str | None = None) -> Quantity:
    return Quantity(
        text=f"{value:g} {unit}", start=0, end=1, value=value, low=value, high=value, unit=unit, measure=measure
    )


def test_two_values_of_one_measure_clash_beside_an_agreeing_figure():
    # session 36 (ECB+ set 3, read blind): one distance and two depths of one quake
    # was "compatible": beside the agreeing distance, the clash was dropped as not the one length of each claim
    first = _claim(quantities=[_measured(14, "mile"), _measured(1.2, "mile", "depth")])
    second = _claim(quantities=[_measured(14, "mile"), _measured(12, "mile", "depth")])
    verdict = pair_verdict(first, second, 0.9, "Korvo Post", "Tallen Times")
    assert verdict.verdict == "conflict"
    assert "1.2" in verdict.reason and "12" in verdict.reason
    # two lengths of no named measure stay as they were: beside an agreeing one, no clash is claimed
    plain = _claim(quantities=[_measured(14, "mile"), _measured(12, "mile")])
    other = _claim(quantities=[_measured(14, "mile"), _measured(1.2, "mile")])
    assert pair_verdict(plain, other, 0.9, "A", "B").verdict != "conflict"


def test_a_quake_told_at_two_depths_is_a_conflict_in_every_row_that_holds_both():
    # the figure's row said "conflict" and the sentences' row "compatible" for the same two sentences
    result = _compare(
        "Quake near Korvo\n\nThe quake struck at 4:10 a.m. about 20 miles east of Korvo and had a depth of 3 miles.",
        "Korvo quake\n\nThe quake struck at 4:10 a.m., about 20 miles east of Korvo, with a depth of 30 miles.",
    )
    both = [a for a in result["alignments"] if {"p1:c1", "p2:c1"} <= set(a["claim_ids"])]
    assert len(both) == 2
    assert {a["verdict"] for a in both} == {"conflict"}


@pytest.mark.parametrize(
    "text, event",
    [
        ("The jury found Brandt guilty of fraud on Friday.", "convict"),
        ("Brandt was found not guilty of fraud.", "acquit"),
        ("Brandt pleaded not guilty on Monday to the fraud charges.", "plead"),
        ("A judge ordered the execution of a man convicted of murder.", "sentence"),
        ("A trial date has been set for the Orrin bank robbery.", "trial"),
        ("Brandt was sentenced to six years.", "sentence"),
        ("Brandt was convicted of fraud.", "convict"),
        ("Prosecutors charged Brandt with fraud.", "charge"),
        # a quake or a storm that strikes is no attack (the report's row read "event: attack" for a quake)
        ("A magnitude 5.1 earthquake struck Korvo on Monday.", "occur"),
        ("The storm hit the Marsk coast overnight.", "occur"),
        ("Rebels struck the Tallen base at dawn.", "attack"),
    ],
)
def test_the_steps_of_a_legal_case_and_a_quake_are_event_types(text, event):
    (claim,) = analyze(text=text).claims
    assert claim.event_type == event


def test_two_steps_of_one_case_are_two_facts_across_outlets():
    # session 36 (ECB+ set 3, read blind): an arrest beside a charge, a plea beside a verdict, grouped as one fact
    from rashomon.claims.frames import other_steps

    assert other_steps("arrest", "Police arrested Hale on Monday.", "charge", "Hale was charged with arson.")
    assert other_steps("plead", "Hale pleaded not guilty.", "convict", "Hale was convicted of arson.")
    # one claim telling both steps, or one step told in other words, is one fact
    assert not other_steps("arrest", "Hale was arrested and charged with arson.", "charge", "Hale was charged.")
    assert not other_steps("sentence", "Hale was sentenced to six years.", "sentence", "Hale was jailed for six years.")
    assert not other_steps("charge", "Hale was charged.", "kill", "Hale killed two people.")
    # a plea as British courts report it: "has denied arson", "admitted two counts of theft" (session 48, an ECB+
    # group read: a charge and a plea of one case grouped as one fact); a denial of a cause is no plea
    assert other_steps("charge", "Hale was charged with arson after the fire.", None, "Hale has denied arson.")
    assert other_steps("charge", "Hale was charged with theft.", None, "Hale admitted two counts of theft.")
    assert not other_steps("charge", "Hale was charged with arson.", None, "Police denied arson was the cause.")
    assert not other_steps("plead", "Hale pleaded not guilty.", None, "Hale denies murder.")
    # a second reviewer's sentences: pleas in court words, and denials and admissions outside court
    from rashomon.claims.frames import steps_told

    for plea in ("Hale denies murdering his wife.", "Hale denied all the charges against him.", "Hale denies murder."):
        assert "plead" in steps_told(None, plea), plea
    for statement in (
        "The minister denied fraud in a television interview.",
        "The government denied the charges, saying they were politically motivated.",
        "Police admitted killing the suspect was a mistake.",
        "Officials denied kidnapping in the region had risen.",
    ):
        assert "plead" not in steps_told(None, statement), statement
    # the steps a claim's words tell count too: a trial date beside a verdict told by another verb
    assert other_steps(
        "trial", "Hale's trial is set for March 3.", "deliberate", "The jury deliberated before convicting Hale."
    )
    assert not other_steps(
        "serve",
        "Hale, whose 2001 conviction brought a sentence of life, is in prison.",
        "sentence",
        "Hale was sentenced to life.",
    )
    result = _compare(
        "Hale in court\n\nLane Hale pleaded not guilty on Monday to setting the fire at the Orrin depot.",
        "Hale verdict\n\nLane Hale was convicted on Monday of setting the fire at the Orrin depot.",
    )
    assert not [a for a in result["alignments"] if len({c.split(":")[0] for c in a["claim_ids"]}) > 1]
