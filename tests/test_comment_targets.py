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
        ("Your stupid plan will sink the ferry", "Your stupid plan"),  # the thing with its insult
        ("Your mom would be ashamed of you", "Your mom"),  # a person of the addressee's
        ("The harbour councillors are lazy and useless", "useless"),  # a group, by a noun of doers
        ("Port Sarn's mayor is a disgrace", "disgrace"),
        ("He is pathetic and his friends are no better", "pathetic"),
        ("Shut up, stupid.", "stupid"),  # an order to the addressee
        ("Screw you and your ferry", "Screw"),
        ("Stupid liberals never learn", "Stupid"),
        ("I despise the harbour councillors", "despise"),  # the object of the writer's verb
        ("Lawyers disgust me.", "disgust"),  # a plural person noun, whatever the tagger makes of it
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
        ("I hate this weather so much.", "hate"),  # the object is a thing
        ("I hate my phone.", "hate"),
        # someone's thing with nothing said of it: the possessive alone is no insult (issue 22)
        ("The leaves drop when you soak your fig tree every day; give it less water.", "your fig"),
        ("The leaves drop when you soak your fig tree every day; give it less water.", "your fig tree"),
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
        "This timetable sucks.",
        "What a stupid idea for a ferry route, honestly.",
        "This article is crap.",
    ]
    people = ["Whoever wrote this timetable is a complete idiot.", "The mayor is a useless clown."]
    options = Options().with_values({"comments.mode": mode})

    monkeypatch.setattr(comments, "TOXICITY_NEEDS_TARGET", False)  # the insult rule alone (see below for both)

    def flags(rule: bool) -> list[list[str]]:
        monkeypatch.setattr(comments, "INSULT_NEEDS_TARGET", rule)
        analysis = make_analysis([("r", t) for t in things + people])
        analyze_comments(analysis, options)
        return [c.flags for c in analysis.page.comments]

    before, after = flags(False), flags(True)
    assert all("insult" in f for f in before), before  # the heads flag them all ...
    assert [("insult" in f) for f in after] == [False] * len(things) + [True] * len(people)  # ... not as insults
    assert all("toxicity" in f for f in after[: len(things)])  # the toxicity flag stays with its evidence


@pytest.mark.parametrize(
    ("label", "expected"),
    [("profanity", True), ("identity_attack", True), ("threat", True), ("insult", False), ("toxic_span", False)],
)
def test_abuse_by_itself_needs_no_target(label, expected):
    assert targets.self_evident([(0, 4, "toxic_span"), (5, 9, label)]) is expected


def test_flags_aimed_answers_only_what_is_asked():
    text = "This timetable is garbage"
    found = [(text.index("garbage"), len(text), "toxic_span")]
    assert targets.flags_aimed([text], [found], [True], [False]) == [(False, True)]
    assert targets.flags_aimed([text], [found], [False], [False]) == [(True, True)]
    people = "The planners are garbage"
    found = [(people.index("garbage"), len(people), "toxic_span")]
    assert targets.flags_aimed([people], [found], [True], [True]) == [(True, True)]


@pytest.mark.parametrize("mode", ["fast", "encoder"])
def test_the_stage_withholds_toxicity_on_criticism_of_things(mode, monkeypatch):
    things = [
        "This timetable sucks.",
        "They moved the market to Tuesday again. Ridiculous.",
        "What a stupid idea for a ferry route, honestly.",
        "This ranking is garbage.",
    ]
    kept = [
        "The mayor is a useless clown.",  # aimed at a person
        "You are pathetic.",
        "This is fucking bullshit.",  # strong profanity: toxic whoever it is said of
    ]
    options = Options().with_values({"comments.mode": mode})

    def run(rule: bool) -> list:
        monkeypatch.setattr(comments, "TOXICITY_NEEDS_TARGET", rule)
        analysis = make_analysis([("r", t) for t in things + kept])
        analyze_comments(analysis, options)
        return analysis.page.comments

    before, after = run(False), run(True)
    assert all("toxicity" in c.flags for c in before), [c.flags for c in before]  # the heads flag them all ...
    abuse_flags = comments.SPAN_FLAGS
    for comment in after[: len(things)]:  # ... the rule withholds every abuse flag and the phrases behind them
        assert not abuse_flags.intersection(comment.flags), (comment.text, comment.flags)
        assert not [e for e in comment.evidence if e.label in comments.SPAN_EVIDENCE]
        assert comment.scores["toxicity"] >= 0.4  # the scores stay
    assert all("toxicity" in c.flags for c in after[len(things) :]), [c.flags for c in after]
