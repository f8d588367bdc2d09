"""The insult flag only where a person or a group is insulted (issue 22): ``comments.targets`` and the stage."""

from __future__ import annotations

import pytest

import rashomon.comments as comments
from rashomon.comments import analyze_comments, targets
from rashomon.options import Options
from tests.test_comments import make_analysis


def _aimed(text: str, evidence: str) -> bool:
    start = text.index(evidence)
    return targets.aimed_at_someone(text, [(start, start + len(evidence))])


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Whoever drew up this timetable is a complete fool", "fool"),  # the insulting noun names its target
        ("Idiot.", "Idiot"),
        ("you are so pathetic", "pathetic"),  # the predicate of the addressee
        ("Your plan for the harbour is stupid", "stupid"),  # a thing of the addressee's
        ("The harbour councillors are lazy and useless", "useless"),  # a group, by a noun of doers
        ("Port Sarn's mayor is a disgrace", "disgrace"),
        ("He is pathetic and his friends are no better", "pathetic"),
        ("Shut up, stupid.", "stupid"),  # an order to the addressee
        ("Screw you and your ferry", "Screw"),
        ("Stupid liberals never learn", "Stupid"),
    ],
)
def test_an_insult_said_of_a_person_or_a_group_is_aimed(text, evidence):
    assert _aimed(text, evidence)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("I think this timetable sucks and needs a rewrite by a real planner.", "sucks"),  # said of a thing
        ("What a stupid idea for a ferry route.", "stupid"),
        ("This ranking is garbage.", "garbage"),
        ("They moved the market to Tuesday. Ridiculous.", "Ridiculous"),  # a bare exclamation
        ("Pathetic.", "Pathetic"),
        ("Have you seen the new stadium roof, sooo sick", "sick"),  # praise slang with no target
        ("The new bridge design is ugly as hell and stupid.", "stupid"),
    ],
)
def test_criticism_of_a_thing_or_a_bare_exclamation_is_not_aimed(text, evidence):
    assert not _aimed(text, evidence)


def test_no_evidence_is_not_aimed():
    assert not targets.aimed_at_someone("You are a fool", [])


def test_people_nouns_and_things_that_end_alike():
    doc = targets._parser()("The referee and the number")
    referee, number = doc[1], doc[4]
    assert targets.names_people(referee) and not targets.names_people(number)


@pytest.mark.parametrize("mode", ["fast", "encoder"])
def test_the_stage_withholds_insult_on_criticism_of_things_and_keeps_it_on_people(mode, monkeypatch):
    things = [
        "I think this timetable sucks and needs a rewrite by someone who takes the bus.",
        "What a stupid idea for a ferry route, honestly.",
        "This article is crap.",
    ]
    people = ["Whoever wrote this timetable is a complete idiot.", "The mayor is a useless clown."]
    options = Options().with_values({"comments.mode": mode})

    def flags(rule: bool) -> list[list[str]]:
        monkeypatch.setattr(comments, "INSULT_NEEDS_TARGET", rule)
        analysis = make_analysis([("r", t) for t in things + people])
        analyze_comments(analysis, options)
        return [c.flags for c in analysis.page.comments]

    before, after = flags(False), flags(True)
    assert all("insult" in f for f in before), before  # the heads flag them all ...
    assert [("insult" in f) for f in after] == [False] * len(things) + [True] * len(people)  # ... not as insults
    assert all("toxicity" in f for f in after[: len(things)])  # the toxicity flag stays with its evidence
