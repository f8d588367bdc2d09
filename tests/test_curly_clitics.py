"""A verb's clitic written with the typographic apostrophe reads as its typewriter twin: the small model tagged
"’s" in "He’s ready" a verb of lemma "’", so a report headed a fact "event: ’" and a quotation's negation was read
on that "verb". Every sentence is our own."""

from __future__ import annotations

import pytest

from rashomon.pipeline import analyze


@pytest.mark.parametrize(
    "curly, clitic, lemma",
    [
        ("“He’s ready,” the coach said of Vell.", "’s", "be"),
        ("“I’m not worried,” the mayor answered.", "’m", "be"),
        ("They’re sure the ferry will run, Lane said.", "’re", "be"),
        ("Okafor said they’ll vote on Friday.", "’ll", "will"),
    ],
)
def test_a_curly_clitic_gets_the_lemma_of_its_straight_twin(curly, clitic, lemma, nlp):
    token = next(t for t in nlp(curly) if t.text == clitic)
    straight = next(t for t in nlp(curly.replace("’", "'")) if t.text == clitic.replace("’", "'"))
    assert (token.lemma_, token.pos_) == (lemma, "AUX") == (straight.lemma_, straight.pos_)


def test_a_possessive_is_left_alone(nlp):
    token = next(t for t in nlp("Vell’s budget passed on Monday.") if t.text == "’s")
    assert token.lemma_ != "be"


@pytest.mark.parametrize(
    "curly",
    [
        "“It’s no matter for a quick vote,” Vell wrote.",
        "The plan isn’t dead, Vell said.",
        "“I’m not worried,” the mayor answered.",
    ],
)
def test_claims_read_a_curly_sentence_as_its_straight_twin(curly, nlp):
    def frame(text: str) -> list[tuple]:
        analysis = analyze(text=text, stage_names=("attribution", "claims"), nlp=nlp)
        return [(c.predicate, c.event_type, c.negated) for c in analysis.claims]

    assert frame(curly) == frame(curly.replace("’", "'"))
    assert all(p and p[0].isalpha() for p, _, _ in frame(curly))
