"""The stories harness's topic-vector option (``eval/stories.py --topic-vector``): the cheap mask of names,
numbers and dates, the lead's predicates, and the topic level linked on other vectors than the events."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.stories.grouping import PageFeatures
from tests.conftest import eval_harness


@pytest.fixture(scope="module")
def harness():
    return eval_harness("stories")


def test_rule_mask_replaces_names_numbers_and_dates_but_not_sentence_starts(harness):
    text = "Firefighters reached Old Marsh Lane on Tuesday. The blaze hurt 14 people, said Dana Whitcombe."
    assert harness.mask_rule(text) == (
        "Firefighters reached someone on a day. The blaze hurt a number people, said someone."
    )


def test_rule_mask_takes_a_name_at_a_sentence_start(harness):
    assert harness.mask_rule("Dana Whitcombe resigned in May 2021.") == "someone resigned in a day a number."


def _page(n: int, vector: list[float]) -> PageFeatures:
    v = np.asarray(vector, dtype=np.float32)
    return PageFeatures(id=f"p{n}", site=None, day=None, title="", names=frozenset(), vector=v / np.linalg.norm(v))


def test_topics_link_on_the_topic_vectors_when_given(harness):
    pages = [_page(n, [1.0 if i == n else 0.0 for i in range(4)]) for n in range(4)]  # four unrelated events
    topics_on = {"p0": [1.0, 0, 0, 0], "p1": [1.0, 0, 0, 0], "p2": [0, 1.0, 0, 0], "p3": [0, 1.0, 0, 0]}
    topics_on = {k: np.asarray(v) for k, v in topics_on.items()}
    stories, topics = harness.group(pages, 0, topic_threshold=0.5, topics_on=topics_on)
    assert len(set(stories.values())) == 4
    assert topics["p0"] == topics["p1"] != topics["p2"] == topics["p3"]
    _, plain = harness.group(pages, 0, topic_threshold=0.5)
    assert len(set(plain.values())) == 4


def test_predicates_keep_the_reported_event_and_its_kinds_of_participants(harness, nlp):
    lead = (
        "Two inmates escaped from a county jail in Ohio on Sunday, police said. Dana Whitcombe was caught hours later."
    )
    # the event under "said", its subject and the place it happened from; the place's name and the date are gone,
    # and a person's name becomes a type word
    assert harness.predicate_text(nlp(lead)) == "inmate escape jail. someone catch"
    assert harness.predicate_text(nlp("Fire destroyed an old dairy warehouse near Palmer overnight.")) == (
        "fire destroy warehouse"
    )
