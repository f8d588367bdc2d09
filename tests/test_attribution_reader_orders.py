"""No one's words where a page only tells the reader something (issue 15, session 17): an order to the reader
("Compare ...", "Note that ..."), what anyone would say in a case ("when someone expresses an idea ..."), and what
agencies quoted someone as saying written before the cue. All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.test_attribution import run, spoken
from tests.test_attribution_named_later import TITLE, speakers


@pytest.mark.parametrize(
    "text",
    [
        'Compare the two plans of the council: "the pier stays" and "the pier goes".',
        "Note that the pier closes at six on Sundays.",
        "Please note that the pier closes at six on Sundays.",
    ],
)
def test_an_order_to_the_reader_relays_no_ones_words(nlp, text):
    assert speakers(nlp, [text]) == []


def test_a_statement_with_its_speaker_still_counts(nlp):
    assert [c for c, *_ in speakers(nlp, ["The mayor said the pier would close at six."])] == ["said"]


@pytest.mark.parametrize(
    "text",
    [
        "The passive is used when someone expresses an idea without naming who acts.",
        "If anyone says the pier is safe, the harbour master will check the gauges first.",
    ],
)
def test_what_anyone_would_say_in_a_case_is_no_statement(nlp, text):
    assert speakers(nlp, [text]) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("When the mayor said the pier was safe, the crowd on the quay cheered.", "said"),
        ("When someone at the back yelled that the pier was unsafe, the mayor stopped talking.", "yelled"),
        ("Islanders whistled as the harbour master mentioned the ferry fares.", "mentioned"),
    ],
)
def test_someone_speaking_on_an_occasion_still_speaks(nlp, text, cue):
    assert cue in [c for c, *_ in speakers(nlp, [text])]


def test_what_agencies_quoted_someone_as_saying_first_is_what_they_relay(nlp):
    analysis = run(
        nlp,
        [
            TITLE,
            "The talks are over for this year, two radio stations quoted the ferry spokesman Ivo Brandt as saying.",
        ],
    )
    outer = next(a for a in spoken(analysis) if a.cue.text == "quoted")
    inner = next(a for a in spoken(analysis) if a.cue.text == "as saying")
    assert outer.content.text == inner.content.text == "The talks are over for this year"
    assert inner.parent == outer.id
