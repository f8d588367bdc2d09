"""Content edges around a quotation's own cue (session 18): what follows the speaker of a closed quotation is
the writer's narration, and a quoted object before its cue is all that was said. Our own sentences."""

from __future__ import annotations

import pytest

from tests.test_attribution_rules import found


def content_of(nlp, text: str, cue: str) -> str | None:
    return next(content for _, _, c, content in found(nlp, text) if c == cue)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ('"Stay close," the guide said, and the children followed her to the gate.', "said", '"Stay close,"'),
        ('"Watch your step," he said, when a visitor seemed to slip on the ice.', "said", '"Watch your step,"'),
        # one quotation around its cue, and a clause with no marks, stay whole
        ('"The pier," she said, "was never safe."', "said", '"The pier," she said, "was never safe."'),
        ("The pier, he said, was closed all winter.", "said", "The pier, he said, was closed all winter"),
    ],
)
def test_narration_after_a_closed_quotation_is_the_writers(nlp, text, cue, content):
    assert content_of(nlp, text, cue) == content


def test_a_quoted_object_before_its_cue_is_all_that_was_said(nlp):
    assert content_of(nlp, '"Denver," he answered.', "answered") == '"Denver,"'
    assert content_of(nlp, "The council said the ferry owners had agreed to a delay.", "said") == (
        "the ferry owners had agreed to a delay"
    )


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Still, the timetable will hold, the ferry owners insist.", "insist", "the timetable will hold"),
        (
            "Even so, the new dam, the engineers say, will last another century.",
            "say",
            "the new dam, the engineers say, will last another century",
        ),
        (
            "In contrast, the fares are far too low, the harbour board argued.",
            "argued",
            "the fares are far too low",
        ),
        # not a connective before a comma: part of what was said
        (
            "Still waters run deep, the old sailors say.",
            "say",
            "Still waters run deep",
        ),
    ],
)
def test_a_connective_opening_the_sentence_is_the_writers(nlp, text, cue, content):
    """The "Still," or "Even so," that ties a sentence to the writer's last one is no part of a content that
    opens the sentence."""
    assert content_of(nlp, text, cue) == content
