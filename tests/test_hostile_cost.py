"""Shapes of text that made the analysis super-linear (issue #20: 6, 14): the same output, bounded work.

Timings are in ``bench/cost.py``; these tests check that the bounded code gives what the unbounded did."""

from __future__ import annotations

import pytest

from rashomon import settings
from rashomon.nlp import RunBoundedTokenizer
from rashomon.pipeline import analyze


@pytest.mark.parametrize(
    "text",
    [
        '"' * 1_000,
        "Before it " + "\ufffd" * 700 + " and after, the end.",
        "Exactly " + "\ufffd" * (2 * settings.MAX_TOKENIZER_RUN) + " two pieces, then\n" + '"' * 500 + "\nline",
        "He said \u201c" + "\u201d\u201c" * 300 + "\u201d then left. " + "(" * 450 + "x" + ")" * 450,
    ],
)
def test_long_runs_are_tokenized_in_pieces_with_the_same_tokens(nlp, text):
    bounded = nlp.tokenizer
    assert isinstance(bounded, RunBoundedTokenizer)
    calls = []
    raw = bounded.tokenizer
    piecewise = RunBoundedTokenizer(lambda piece: calls.append(piece) or raw(piece))
    doc, reference = piecewise(text), raw(text)
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in reference]
    assert len(calls) > 1
    assert all(len(run) <= settings.MAX_TOKENIZER_RUN for piece in calls for run in piece.split())


def test_text_without_long_runs_goes_to_the_tokenizer_whole(nlp):
    calls = []
    raw = nlp.tokenizer.tokenizer
    piecewise = RunBoundedTokenizer(lambda piece: calls.append(piece) or raw(piece))
    text = "The harbour office said the quay would reopen, \u201csoon\u201d."
    assert [t.text for t in piecewise(text)] == [t.text for t in raw(text)] and calls == [text]


def test_a_paragraph_of_repeated_cues_keeps_its_nesting_bounded_and_complete():
    text = "Quay\n\n" + "\u201che said " * 300
    analysis = analyze(text, stage_names=("attribution",))
    assert analysis.attributions and not [w for w in analysis.warnings if w.code == "stage_failed"]


def test_numbers_in_a_long_paragraph_keep_their_counted_noun():
    text = "Toll\n\n" + " ".join(f"{n} people and {n * 3} soldiers died in {n % 28 + 1} towns," for n in range(200))
    analysis = analyze(text, stage_names=("attribution", "claims"))
    nouns = {q.noun for claim in analysis.claims for q in claim.quantities}
    assert {"people", "soldiers", "towns"} <= nouns


def test_a_stretch_without_sentence_ends_is_cut_into_bounded_sentences(nlp):
    doc = nlp("Quay. " + "said " * 1_000 + "the end.")
    assert max(len(sent) for sent in doc.sents) <= settings.MAX_SENTENCE_TOKENS + 1


def test_prose_keeps_the_sentences_the_parser_finds(nlp):
    text = (
        "The harbour office said on Tuesday that the northern quay would reopen next week; dock workers, who "
        "had waited since the storm, said the cranes had not moved. \u201cWe expect ships by Monday,\u201d the "
        "harbour master told reporters. The union accused the port authority of ignoring warnings. "
    ) * 20
    bounded = [(s.start, s.end) for s in nlp(text).sents]
    with nlp.select_pipes(disable=["rashomon_sentence_bound"]):
        plain = [(s.start, s.end) for s in nlp(text).sents]
    assert bounded == plain
