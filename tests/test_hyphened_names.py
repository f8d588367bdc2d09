"""A name written with a hyphen inside it keeps the hyphen: the parser hangs the hyphen on one piece as
punctuation, and a source's name left it out ("Holm-Varga" was shown as "HolmVarga" in a report
read in Chromium). Every sentence is our own."""

from __future__ import annotations

import pytest

from rashomon.pipeline import analyze


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Greta Holm-Varga praised the ferry plan on Monday and told reporters she expected it to pass.",
            "Greta Holm-Varga",
        ),
        ("Ana Ruiz-Vell, a teacher, said she was hopeful about the new school.", "Ana Ruiz-Vell"),
        ("Tomas Lane-Okafor said the talks went well.", "Tomas Lane-Okafor"),
    ],
)
def test_a_hyphened_name_is_named_whole(text, name, nlp):
    analysis = analyze(text=text, stage_names=("attribution",), nlp=nlp)
    assert name in [s.name for s in analysis.sources]
