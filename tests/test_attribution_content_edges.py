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
