"""The JSON contract: every output validates against the shipped schema, which is generated from the model."""

from __future__ import annotations

import json

import pytest

from rashomon import analyze, to_dict
from rashomon.contract import build_schema, shipped_schema, validate
from rashomon.model import SCHEMA_VERSION

TOP_LEVEL = [
    "schema_version",
    "page",
    "blocks",
    "sources",
    "attributions",
    "claims",
    "alignments",
    "framing",
    "actors",
    "relations",
    "comments",
    "warnings",
    "word_choices",
]


def test_shipped_schema_is_current():
    assert shipped_schema() == json.loads(json.dumps(build_schema())), "run `make schema` after changing model.py"


@pytest.fixture(scope="module")
def example_output(example_path):
    return to_dict(analyze(example_path))


def test_example_output_validates_and_has_every_key(example_output):
    validate(example_output)
    assert list(example_output) == TOP_LEVEL
    assert example_output["schema_version"] == SCHEMA_VERSION


def test_offsets_point_into_the_page_text(example_output):
    text = example_output["page"]["text"]
    for item in example_output["blocks"] + example_output["comments"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_comment_fields_follow_the_contract(example_output):
    comment = next(c for c in example_output["comments"] if c["reply_to"])
    for key in ("id", "author", "verified", "reply_to", "reply_to_author", "posted_at", "text", "scores", "flags"):
        assert key in comment
    assert comment["verified"] is False and comment["posted_at"].startswith("2025-03-12T")


def test_schema_rejects_a_broken_output(example_output):
    import jsonschema

    broken = dict(example_output)
    broken["comments"] = [dict(example_output["comments"][0], verified="yes")]
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
    missing = {k: v for k, v in example_output.items() if k != "claims"}
    with pytest.raises(jsonschema.ValidationError):
        validate(missing)


def test_stages_switched_off_still_give_every_key(example_path):
    data = to_dict(analyze(example_path, stage_names=()))
    validate(data)
    assert data["sources"] == [] and data["claims"] == [] and data["framing"] == {}


def test_what_the_caller_knows_of_the_page_is_kept_and_names_the_publisher_voice(example_path):
    data = to_dict(
        analyze(
            example_path,
            publisher="The Harbour Ledger",
            published_at="2025-03-12",
            url="https://ledger.invalid/port-sarn",
        )
    )
    assert data["page"]["publisher"] == "The Harbour Ledger" and data["page"]["published_at"] == "2025-03-12"
    assert data["page"]["url"] == "https://ledger.invalid/port-sarn"
    publisher = [s for s in data["sources"] if s["is_publisher"]]
    assert [s["name"] for s in publisher] == ["The Harbour Ledger"]


def test_an_alignment_written_before_its_reason_parts_loads_and_a_new_one_round_trips(example_output):
    from rashomon.contract import from_dict

    new = example_output["alignments"]
    assert any(a["reason_parts"] for a in new)
    assert from_dict(example_output).alignments == from_dict(json.loads(json.dumps(example_output))).alignments
    assert to_dict(from_dict(example_output))["alignments"] == new
    assert all(type(p).__name__ == "ReasonPart" for a in from_dict(example_output).alignments for p in a.reason_parts)
    old = {
        **example_output,
        "alignments": [{k: v for k, v in a.items() if k not in ("reason_parts", "figure")} for a in new],
    }
    loaded = from_dict(old).alignments
    assert [(a.reason_parts, a.figure) for a in loaded] == [([], None)] * len(new)
    assert [a.explanation for a in loaded] == [a["explanation"] for a in new]
