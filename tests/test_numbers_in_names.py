"""A number that is part of a name ("the Korvex 737", "a Type 45 destroyer", "Interstate 75", "Week 16") counts
nothing: read as a figure it made "45 destroyers", and two outlets naming the same jet shared "737" as a figure
stated alike. Scores, results lines, months and headlines keep their numbers. Sentences of our own (session 49)."""

from __future__ import annotations

import pytest

from rashomon import nlp
from rashomon.claims.quantities import find_quantities


def _texts(sentence: str) -> list[str]:
    return [q.text for q in find_quantities(sentence, nlp.load()(sentence))]


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("The Korvex 737 carried 140 passengers.", ["140"]),
        ("A Type 45 destroyer escorted the ferry.", []),
        ("The suspect was caught on Interstate 75 after a chase at 120 mph.", ["120 mph"]),
        ("Vell threw three touchdowns in Week 16.", ["three"]),
        ("Port Sarn beat the Rovers 77-66 on Friday.", ["77-66"]),
        ("Final score: Korvo Rovers 3, Port Sarn United 1.", ["3", "1"]),
        ("The May 5 vote drew 4,000 people.", ["4,000"]),
        ("Okafor gave the Rovers 14 energized and efficient minutes.", ["14"]),
        ("Powerful Quake in Korvo Kills 10; 80 Hurt", ["10", "80"]),
    ],
)
def test_a_number_in_a_name_is_no_figure(sentence, kept):
    assert _texts(sentence) == kept
