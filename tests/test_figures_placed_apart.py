"""Figures of one kind that two accounts place at other times or places are two facts, not one told two ways
(issue 19, read on real multi-outlet coverage of disasters: a quake's magnitude beside another quake's, this
year's toll beside a past disaster's, a district's count beside another region's). A figure whose claim names no
period keeps its group, and its verdict says why the values differ. Every sentence here is our own."""

from __future__ import annotations

import pytest

from rashomon.compare import _Item, _placed_apart, compare_pages
from rashomon.model import Claim, Quantity
from rashomon.pipeline import analyze


def _item(account: str, value: float, time: str | None = None, place: str | None = None, approx=None) -> _Item:
    low, high = (value, None) if approx == "more than" else (value, value)
    quantity = Quantity(
        text=f"{value:g}", start=0, end=2, value=value, low=low, high=high, approx=approx, noun="people"
    )
    claim = Claim(id=f"{account}{value:g}", source_id=account, start=0, end=10, text=f"{value:g} people died")
    claim.quantities, claim.time, claim.place = [quantity], time, place
    return _Item(claim, quantity, account, account, "", "people", "dead")


@pytest.mark.parametrize(
    "a, b, apart",
    [
        # both claims name a period, and the periods differ: two disasters
        (_item("a", 1000, "September 2009", approx="more than"), _item("b", 230000, "2004"), True),
        (_item("a", 12, "last year"), _item("b", 30, "2021"), True),
        # a claim that names no period says nothing against being the same fact
        (_item("a", 12, "the weekend"), _item("b", 30), False),
        # the same value dated two ways is one figure told twice
        (_item("a", 12, "2004"), _item("b", 12, "December 2004"), False),
        # a bound around the other's very number ("at least seven" / "seven")
        (_item("a", 7, "recent days", approx="more than"), _item("b", 7, "2021"), False),
        # two places and values that cannot both hold
        (_item("a", 40, place="Korvo"), _item("b", 900, place="Tallen"), True),
        # two place names beside values that fit: a town and its province may be one place told two ways
        (_item("a", 3, place="Orrin", approx="more than"), _item("b", 5, place="Korvo"), False),
        # one place named: nothing to set them apart
        (_item("a", 40, place="Korvo"), _item("b", 900), False),
    ],
)
def test_figures_placed_apart(a, b, apart):
    assert _placed_apart(a, b) is apart
    assert _placed_apart(b, a) is apart


def _number_rows(result: dict) -> list[dict]:
    return [
        a
        for a in result["alignments"]
        if a["id"].startswith("x") and len({c.split(":")[0] for c in a["claim_ids"]}) > 1
    ]


def test_two_past_floods_make_no_row_of_one_fact():
    first = (
        "Floods in Orrin\n\nFlooding in Orrin has forced 2,000 people from their homes this week. "
        "In 2019, floods displaced 15,000 people in the same valley."
    )
    second = (
        "Orrin floods\n\nAbout 2,000 people have left their homes in Orrin since Monday. "
        "Floods in 2011 forced 40,000 people to flee."
    )
    result = compare_pages([analyze(text=first), analyze(text=second)])
    # the two past floods (2019, 2011) were one row, "compatible: periods differ"
    assert not any("15,000" in row["explanation"] for row in _number_rows(result))
    this_week = [a for a in result["alignments"] if "2,000" in a["explanation"].split("→")[0]]
    assert [a["verdict"] for a in this_week] == ["agree"]


def test_a_count_with_no_period_keeps_its_row_and_its_reason():
    first = (
        "Army advances in Varnholt\n\nGovernment forces captured six districts of eastern Varnholt over the weekend."
    )
    second = "Varnholt offensive\n\nThe army has liberated 12 neighbourhoods of Varnholt, the ministry said."
    rows = _number_rows(compare_pages([analyze(text=first), analyze(text=second)]))
    assert [row["verdict"] for row in rows] == ["compatible"]
    assert "scopes differ" in rows[0]["explanation"]
