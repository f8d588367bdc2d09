"""When two claims give the same figure: one criterion for the compare stage (the figure a group's accounts all
give, :func:`rashomon.meaning.shared_figure`) and the report (the figure a fact's label must not leave out,
:func:`rashomon.report.facts.fact_label`), so the two never disagree on what "the same figure" is.

A module of its own, importing nothing, so the report reads it without loading the stages.
"""

from __future__ import annotations


def figure_key(value: float | None, unit: str | None, text: str | None) -> str:
    """One figure, however a claim writes it: its value and unit when the claims stage read a value ("12" and
    "twelve" are one), else its words, lower-cased ("dozens")."""
    if value is None:
        return str(text or "").lower()
    return f"{float(value)!r} {unit or ''}".strip()
