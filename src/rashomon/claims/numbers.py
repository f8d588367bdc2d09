"""Compare two quantities the way a reader does: which values their words allow, and whether they agree.

"about 40" allows 36..44; "more than 3,000" allows 3,000 and up; two exact numbers agree within rounding.
Measures are compared in one unit of their kind (``in_base_unit``): durations in days ("two years" is not "13
months"), areas in hectares ("12,000 hectares" is "nearly 30,000 acres"), lengths in kilometres, lengths in feet
and inches in feet (mostly heights: "5-foot-10" is "5 feet 10 inches"; a height and a distance rarely tell one
fact), speeds in kilometres an hour ("75 mph" is "120 km/h"), masses in kilograms ("180 pounds" of a weight is "82
kilograms"); a quake's magnitude is a unit of its own ("7.6-magnitude", "magnitude 7.6", "7.6 on the Richter
scale"); so a duration and a count never meet.
"""

from __future__ import annotations

import math
from dataclasses import replace

from ..model import Quantity

# --- settings ------------------------------------------------------------------------------------------
#: "about 40" admits 40 +- this share.
APPROX_TOLERANCE = 0.10
#: Two exact numbers agree when they differ by at most this share (rounding in reporting).
EXACT_TOLERANCE = 0.005
#: "almost 40" admits [40 * (1 - this), 40].
ALMOST_TOLERANCE = 0.10
#: Number of digits kept when a value is shown.
SHOWN_DIGITS = 2


#: Units read from the words around a bare figure ("magnitude 6.1"), which a shown figure names after it.
NAMED_UNITS = frozenset({"magnitude"})
#: Approximations that state one bound: two of one kind agree only on the same value.
BOUNDS = frozenset({"more_than", "at_least", "less_than", "at_most", "almost"})
#: Each unit of a measure as (the unit its kind is compared in, how many of those it is): figures written in
#: different units of one kind are compared in the first.
BASE_UNITS = {
    "hour": ("day", 1 / 24),
    "day": ("day", 1.0),
    "week": ("day", 7.0),
    "month": ("day", 30.44),
    "year": ("day", 365.25),
    "hectare": ("hectare", 1.0),
    "acre": ("hectare", 0.40468564),
    "km2": ("hectare", 100.0),
    "mi2": ("hectare", 258.998811),
    "km": ("km", 1.0),
    "mile": ("km", 1.609344),
    "m": ("km", 0.001),
    "nmi": ("km", 1.852),
    "mph": ("kmh", 1.609344),
    "kmh": ("kmh", 1.0),
    "knot": ("kmh", 1.852),
    "ft": ("ft", 1.0),
    "inch": ("ft", 1 / 12),
    "kg": ("kg", 1.0),
    "tonne": ("kg", 1000.0),
    "lb": ("kg", 0.45359237),
    "oz": ("kg", 0.028349523125),
}


def interval(quantity: Quantity) -> tuple[float, float]:
    """The values a quantity's words allow: "about 40" -> (36, 44); "more than 3,000" -> (3000, inf)."""
    v, lo, hi = quantity.value, quantity.low, quantity.high
    if quantity.approx == "about" and v is not None:
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    if quantity.approx == "almost" and v is not None:
        return v * (1 - ALMOST_TOLERANCE), v
    low = lo if lo is not None else (0.0 if hi is not None else -math.inf)
    high = hi if hi is not None else math.inf
    if quantity.approx == "exact" and v is not None:
        return v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)
    return low, high


def _is_point(quantity: Quantity) -> bool:
    return quantity.value is not None and quantity.approx in ("exact", "about") and not quantity.vague


def same_bound_kind(a: Quantity, b: Quantity) -> bool:
    """Whether both figures state one bound of one kind ("at least five" / "at least 50"): they agree only on the
    same value, and the other values are told apart (:func:`relation`)."""
    return a.approx == b.approx and a.approx in BOUNDS


def relation(a: Quantity, b: Quantity) -> str:
    """``agree`` | ``compatible`` | ``disjoint`` for two quantities of one fact. Two scores agree when they have
    the same two sides (told from either team); other scores are another moment of the game or another tally,
    never a clash. Two ages are one when equal, else two people's: no clash either."""
    if a.unit == "age" or b.unit == "age":  # two people's ages are no rival figures; one age told twice agrees
        return "agree" if a.unit == b.unit and a.value == b.value else "compatible"
    if a.approx == "score" or b.approx == "score":
        same = a.approx == b.approx and sorted((a.low or 0, a.high or 0)) == sorted((b.low or 0, b.high or 0))
        return "agree" if same else "compatible"
    if _is_point(a) and _is_point(b) and a.value is not None and b.value is not None:
        tolerance = EXACT_TOLERANCE if a.approx == b.approx == "exact" else APPROX_TOLERANCE
        if abs(a.value - b.value) <= tolerance * max(abs(a.value), abs(b.value)):
            return "agree"
    if a.vague and b.vague and (a.low, a.high) == (b.low, b.high):
        return "agree"
    if same_bound_kind(a, b) and a.value is not None and b.value is not None:
        # "at least five" twice is one figure; "at least 3 feet" / "at least 6 feet" are two different ones
        same = abs(a.value - b.value) <= EXACT_TOLERANCE * max(abs(a.value), abs(b.value))
        return "agree" if same else "disjoint"
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    return "compatible" if max(lo_a, lo_b) <= min(hi_a, hi_b) else "disjoint"


def base_value(quantity: Quantity) -> float:
    """A figure's value in its base unit (:func:`in_base_unit`), or the bound it states (0 for a vague amount)."""
    based = in_base_unit(quantity)
    return based.value if based.value is not None else (based.low or based.high or 0.0)


def figures_relation(a: Quantity, b: Quantity) -> str:
    """:func:`relation` of two figures in their base unit; a figure one account gives in another unit of the same
    kind is read as that account's rounding ("about 135 kilometres" / "about 85 miles", "10 kilometres" / "six
    miles"), so it agrees within ``APPROX_TOLERANCE``; not feet against feet and inches, which is no conversion
    ("6 feet" is not "5-foot-10")."""
    based_a, based_b = in_base_unit(a), in_base_unit(b)
    converted = a.unit != b.unit and {a.unit, b.unit} != {"ft", "inch"}
    if converted and based_a.unit == based_b.unit and a.unit in BASE_UNITS and b.unit in BASE_UNITS:
        based_a, based_b = (replace(x, approx="about") if x.approx == "exact" else x for x in (based_a, based_b))
    return relation(based_a, based_b)


def describe(quantity: Quantity) -> str:
    """The quantity as a person reads it: "about 40 percent of the eastern part of the city"."""
    text = " ".join(quantity.text.split())
    if quantity.noun and not (quantity.scope and quantity.noun in quantity.scope):
        text = f"{text} of {quantity.noun}" if quantity.vague else f"{text} {quantity.noun}"
    if quantity.scope:
        text = f"{text} {quantity.scope}"
    label = quantity.measure if not quantity.unit else quantity.unit if quantity.unit in NAMED_UNITS else None
    if not quantity.noun and label and label not in text.lower():
        text = f"{text} ({label})"  # a bare value of a named measure or unit: "6.1 (magnitude)"
    shown = quantity.unit == "percent" and "%" not in text and "percent" not in text and "per cent" not in text
    if shown and quantity.value is not None:
        text += f" (= {round(quantity.value, SHOWN_DIGITS):g} %)"
    return text


def in_base_unit(quantity: Quantity) -> Quantity:
    """A measure in the unit its kind is compared in (``BASE_UNITS``: "two years" -> 730.5 day, "30,000 acres"
    -> 12,140.6 hectare); other quantities unchanged."""
    base = BASE_UNITS.get(quantity.unit or "")
    if base is None:
        return quantity
    unit, factor = base

    def scaled(value: float | None) -> float | None:
        return None if value is None else value * factor

    return replace(
        quantity, value=scaled(quantity.value), low=scaled(quantity.low), high=scaled(quantity.high), unit=unit
    )
