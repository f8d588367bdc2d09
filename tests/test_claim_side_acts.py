"""Whose claim a sentence is when its speech is a participle beside the sentence's own deed: "Protesters gathered
outside the court, calling for the judge to resign" reports a gathering (the writer's) and a call (the
protesters'); the sentence is the writer's, the call stays the protesters' attribution. A participle that goes on
with a verb of speech ("spoke to reporters, saying ...") keeps the speaker's claim. Every sentence is our own."""

from __future__ import annotations

import pytest

from rashomon.claims import source_label
from rashomon.pipeline import analyze


def _claim_source(text: str, nlp) -> tuple[str, list[str]]:
    analysis = analyze(text=text, stage_names=("attribution", "claims"), nlp=nlp)
    (claim,) = analysis.claims
    cues = [a.cue.text for a in analysis.attributions if a.cue is not None]
    return source_label(analysis, claim), cues


@pytest.mark.parametrize(
    "text, cue",
    [
        (
            "Protesters gathered outside the court in Varnholt on Wednesday, calling for the judge to resign.",
            "calling for",
        ),
        ("The minister visited the flooded town of Orrin, promising that aid would arrive within days.", "promising"),
        ("Hundreds of dock workers marched through Tallen on Sunday, demanding higher wages.", "demanding"),
        (
            "The two provinces filed a lawsuit against the ministry on Thursday, claiming that the tax is unlawful.",
            "claiming",
        ),
    ],
)
def test_a_deed_with_a_participle_of_speech_is_the_writers_sentence(text, cue, nlp):
    label, cues = _claim_source(text, nlp)
    assert label == "the publisher"
    assert cue in cues  # what was said is still someone's, as an attribution


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Lane spoke to reporters in Orrin on Monday, saying the plan was dead.", "Lane"),
        ("Okafor, who chairs the committee, told reporters that the vote would go ahead.", "Okafor"),
        ("Brandt said on Monday that the plan was dead, adding that talks would resume.", "Brandt"),
    ],
)
def test_speech_that_opens_the_sentence_keeps_its_speaker(text, speaker, nlp):
    label, _ = _claim_source(text, nlp)
    assert label == speaker
