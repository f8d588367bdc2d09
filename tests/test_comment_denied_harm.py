"""Harm a comment denies of everyone (issue 22): a clause whose subject is negated ("no refugee deserves to die",
"nobody should ever threaten Sikhs") wishes the harm on no one, and a span of function words alone ("no") shows a
moderator nothing. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from rashomon.comments import abuse, analyze_comments, mention, threats
from rashomon.model import Analysis, Comment, Page
from rashomon.options import CommentOptions, Options


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def flags_of(text: str) -> set[str]:
    page_text = "The ferry timetable changed.\n\n" + text
    start = page_text.index(text)
    comment = Comment("c1", "reader", text, start, start + len(text))
    analysis = Analysis(page=Page(text=page_text, comments=[comment]))
    analyze_comments(analysis, Options(comments=CommentOptions(steps=("language", "abuse"))))
    return set(analysis.page.comments[0].flags)


@pytest.mark.parametrize(
    "text",
    [
        "No refugee deserves to die.",
        "No trans person deserves to die like that.",
        "Nobody should ever threaten Sikhs.",
        "No one deserves to be beaten for who they love.",
        "No man should hit a woman.",
    ],
)
def test_harm_denied_of_everyone_is_no_abuse_and_no_threat(text):
    assert not flags_of(text) & {"toxicity", "identity_attack", "threat", "insult"}


@pytest.mark.parametrize(
    "text,flag",
    [
        ("Refugees deserve to die.", "threat"),
        ("All these refugees should be shot.", "threat"),
        ("No wonder refugees are disgusting.", "toxicity"),  # "no wonder" negates nothing
        ("No mercy for them, they should all be shot.", "threat"),  # the negation is its own clause
    ],
)
def test_harm_wished_is_still_flagged(text, flag):
    assert flag in flags_of(text)


def test_a_threat_frame_after_a_negated_subject_is_no_threat():
    assert threats.find_threats("no young refugee deserves to die") == []
    assert threats.find_threats("every young refugee deserves to die")


def test_a_clause_opening_with_a_negated_subject_denies_the_harm_it_names():
    text = "no refugee deserves to die"
    assert mention.negated(text, text.index("die"))
    assert not mention.negated("no wonder they die", len("no wonder they "))


def test_a_span_of_function_words_only_is_no_evidence():
    text = "No Sikh deserves any of this."
    assert abuse.used_spans(text, [_Span(0, 2)]) == []
    kept = [_Span(text.index("deserves"), len(text) - 1)]
    assert abuse.used_spans(text, kept) == kept


@pytest.mark.parametrize(
    "text",
    [
        "I loathe every single one of the refugees in this street.",
        "Why do refugees always act like animals?",
    ],
)
def test_hatred_over_a_whole_group_and_animal_behaviour_are_identity_attacks(text):
    assert "identity_attack" in flags_of(text)


def test_animal_behaviour_said_of_animals_is_no_attack():
    assert "identity_attack" not in flags_of("The puppies act like animals at the park.")


def test_words_said_by_those_the_writer_holds_to_account_are_mentioned():
    assert not flags_of("Anyone who calls refugees subhuman should look in the mirror.") & {"identity_attack"}
    assert "identity_attack" in flags_of("Refugees are subhuman.")
    text = "anyone who calls me names is an idiot"
    assert not mention.mentioned(text, text.index("idiot"), len(text))  # the writer's own insult
    assert "insult" in flags_of("Anyone who calls me names is an idiot.")


@pytest.mark.parametrize(
    "text",
    ["No dude you are an idiot.", "no lie you are a moron.", "No, they should all be beaten."],
)
def test_a_no_that_is_an_interjection_denies_nothing(text):
    assert flags_of(text) & {"insult", "threat"}
