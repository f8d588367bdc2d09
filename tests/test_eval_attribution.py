"""The PolNeAR harness's scoring of resumed quotations (``eval/attribution.py``): a cue-less quotation that
continues a speaker is scored as the last fragment of the attribution it continues, as PolNeAR annotates it."""

from __future__ import annotations

import pytest

from rashomon.pipeline import ParsedBlock
from tests.conftest import eval_harness


@pytest.fixture(scope="module")
def harness():
    return eval_harness("attribution")


def contents(harness, nlp, text: str) -> list[str]:
    """The content extents the harness scores for ``text`` (headline first, then one paragraph)."""
    page = harness.page_of(text)
    blocks = [b for b in page.blocks if b.kind != "separator"]
    parsed = [ParsedBlock(b, d) for b, d in zip(blocks, nlp.pipe([b.text for b in blocks]))]
    spans, _relations = harness.ours(page, parsed)
    return [text[start:end] for start, end in sorted(spans["Content"])]


@pytest.mark.parametrize(
    ("paragraph", "joined"),
    [
        # the speaker's own cue between the two halves does not break the quotation in two
        (
            "“The ferry is late every single day,” the harbour master said, adding that the council would meet "
            "on Friday. “We cannot wait any longer for a new boat.”",
            "“The ferry is late every single day,” the harbour master said, adding that the council would meet "
            "on Friday. “We cannot wait any longer for a new boat.”",
        ),
        # two apostrophes are quotation marks in the New York Times' archive (here resumed in the next paragraph)
        (
            "''The ferry is late every single day,'' the harbour master said.\n\n''We cannot wait any longer for a "
            "new boat.''",
            "''The ferry is late every single day,'' the harbour master said.\n\n''We cannot wait any longer for a "
            "new boat.''",
        ),
    ],
)
def test_a_resumed_quotation_is_the_last_fragment_of_the_first(harness, nlp, paragraph, joined):
    assert joined in contents(harness, nlp, "Ferry Troubles\n\n" + paragraph)


def test_another_speakers_attribution_between_keeps_the_quotations_apart(harness, nlp):
    paragraph = (
        "“The ferry is late every single day,” the harbour master said. The mayor said the council would meet on "
        "Friday. “We cannot wait any longer for a new boat.”"
    )
    found = contents(harness, nlp, "Ferry Troubles\n\n" + paragraph)
    assert "“The ferry is late every single day,”" in found
    assert not any(c.startswith("“The ferry") and c.endswith("new boat.”") for c in found)


def test_boundary_report_counts_another_cues_content_apart(harness):
    """A near miss of the same cue is a boundary to class; one overlapping another cue's content is not."""
    text = "The mayor said the ferry was late every day. Aides warned critics claimed the port was closed."

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    gold = {"Content": [[at("the ferry was late every day")], [at("the port was closed")]]}
    gold_relations = [
        {"Cue": [at("said")], "Content": [at("the ferry was late every day")]},
        {"Cue": [at("claimed")], "Content": [at("the port was closed")]},
    ]
    relations = [
        {"Cue": at("said"), "Content": at("the ferry was late")},
        {"Cue": at("warned"), "Content": at("critics claimed the port was closed")},
    ]
    report = harness.BoundaryReport()
    report.add(text, gold, gold_relations, relations)
    assert (report.exact, report.near, report.other_cue, report.missed) == (0, 1, 1, 0)
    assert report.kinds == {("right", "ours shorter", "1-3 words"): 1}


def test_source_report_classes_missed_and_misplaced_sources_of_found_cues(harness, nlp):
    text = "The plan was praised by the harbour master. The ferry is late, said the mayor. Vell warned of a storm."

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    page = harness.page_of(text)
    parsed = [ParsedBlock(b, d) for b, d in zip(page.blocks, nlp.pipe([b.text for b in page.blocks]))]
    gold_relations = [
        {"Source": [at("the harbour master")], "Cue": [at("praised")]},
        {"Source": [at("the mayor")], "Cue": [at("said")]},
        {"Source": [at("Vell")], "Cue": [at("warned")]},
    ]
    relations = [
        {"Cue": at("praised"), "Content": at("The plan")},
        {"Cue": at("said"), "Source": at("The ferry"), "Content": at("is late")},
        {"Cue": at("warned"), "Source": at("Vell"), "Content": at("a storm")},
    ]
    report = harness.SourceReport()
    report.add(text, gold_relations, relations, parsed)
    assert report.found == 1
    assert report.counts == {("none", 'passive "by"'): 1, ("wrong", "after the cue"): 1}


def test_nested_report_tells_a_content_too_long_from_a_cue_we_left_out(harness):
    text = "The mayor said the ferry was late, and critics claimed the port was closed."

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    gold = {"Cue": [[at("said")], [at("claimed")]]}
    gold_relations = [
        {"Cue": [at("said")], "Content": [at("the ferry was late")]},
        {"Cue": [at("claimed")], "Content": [at("the port was closed")]},
    ]
    relations = [{"Cue": at("said"), "Content": at("the ferry was late, and critics claimed the port was closed")}]
    every = relations + [{"Cue": at("claimed"), "Content": at("the port was closed")}]
    report = harness.NestedReport()
    report.add(gold, gold_relations, relations, every)
    assert report.inner == {"gold outer content stops before it; we found it nested": 1}
    assert report.relayed == [0, 1]
