"""A sentence with two statements of one source side by side, and a denial that reaches only what it denies.
Sentences are our own."""

from __future__ import annotations

import pytest

from rashomon import nlp
from rashomon.claims import frames
from rashomon.compare import compare_pages
from rashomon.pipeline import analyze


@pytest.fixture(scope="module")
def spacy_nlp():
    return nlp.load()


def _verb(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "text, word, denied",
    [
        ("The ministry denied that any soldiers had been captured.", "captured", True),
        ("The ministry denied that soldiers had been captured and killed.", "killed", True),
        # a statement coordinated with the denial is said, not denied, however the parser hangs it
        (
            "The ministry denied that any soldiers had been captured and said the army had retreated.",
            "retreated",
            False,
        ),
        ("The company denied the report and insisted the plant was safe.", "was", False),
    ],
)
def test_a_denial_reaches_only_what_it_denies(text, word, denied, spacy_nlp):
    assert frames.negated(_verb(spacy_nlp(text), word)) is denied


def test_the_denial_of_a_sentence_with_two_statements_is_its_claim():
    analysis = analyze(
        text="Border fighting\n\nRebel commanders denied that any of their fighters had been captured near Tarsk "
        "and said government troops had been pushed back."
    )
    (claim,) = [c for c in analysis.claims if "denied" in c.text]
    assert claim.event_type == "capture" and claim.negated


def test_a_denial_of_a_capture_conflicts_with_the_capture():
    result = compare_pages(
        [
            analyze(text="Army says it captured 150 rebels near Tarsk\n\nThe army said 150 rebels had been captured."),
            analyze(
                text="Rebels deny losses\n\nRebel commanders denied that any of their fighters had been captured "
                "near Tarsk and said government troops had been pushed back."
            ),
        ]
    )
    captures = [a for a in result["alignments"] if "denied" in a["explanation"] or "denies" in a["explanation"]]
    assert captures and all(a["verdict"] == "conflict" for a in captures)
