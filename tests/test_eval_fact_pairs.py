"""The written fact-pair measure (``eval/fact_pairs.py``): how a story's sentences are laid on two pages, the
two-fact pairs added for fine-tuning, the figures, and the engine run on a small set of our own."""

from __future__ import annotations

import json
import random

import pytest

from tests.conftest import eval_harness


@pytest.fixture(scope="module")
def harness():
    return eval_harness("fact_pairs")


def _row(a: str, b: str, label: str, kind: str = "paraphrase", event: str = "t1") -> dict:
    return {"event": event, "a": a, "b": b, "label": label, "kind": kind}


def test_a_story_is_laid_on_two_pages_so_that_pairs_cross_them(harness):
    rows = [_row("A1", "B1", "same"), _row("B1", "A2", "different"), _row("A2", "B2", "same")]
    side = harness.sides(rows)
    assert side == {"A1": 0, "B1": 1, "A2": 0, "B2": 1}
    triangle = [_row("x", "y", "same"), _row("y", "z", "same"), _row("z", "x", "different")]
    side = harness.sides(triangle)  # an odd cycle: one pair must fall on one page
    assert sum(side[r["a"]] == side[r["b"]] for r in triangle) == 1


def test_two_fact_pairs_are_only_sentences_no_same_chain_joins(harness):
    rows = [_row("a", "b", "same"), _row("b", "c", "same"), _row("d", "e", "different")]
    found = harness.implicit_pairs(rows, 10.0, random.Random(0))
    pairs = {frozenset((r["a"], r["b"])) for r in found}
    assert all(r["label"] == "different" and r["kind"] == "implicit" for r in found)
    assert frozenset(("a", "c")) not in pairs  # joined through b
    assert frozenset(("d", "e")) not in pairs  # listed already
    assert pairs == {frozenset((x, y)) for x in "abc" for y in "de"}
    assert len(harness.implicit_pairs(rows, 1.0, random.Random(0))) == 3


def test_figures_count_groups_and_verdicts_by_label(harness):
    out = [
        {**_row("a", "b", "same", "conflict"), "got": "conflict", "cosine": 0.5},
        {**_row("c", "d", "same"), "got": "agree", "cosine": 0.9},
        {**_row("e", "f", "different", "shared_words"), "got": "agree", "cosine": 0.85},
        {**_row("g", "h", "different", "reaction"), "got": "none", "cosine": 0.2},
        {**_row("i", "j", "same"), "got": "skipped", "cosine": 0.7},
    ]
    figures = harness.engine_figures(out, 0.8)
    assert figures["pairs"] == 4 and figures["skipped"] == 1
    assert figures["one_fact_grouped"] == 1.0 and figures["two_facts_grouped"] == 0.5
    assert figures["group_precision"] == 0.667
    assert figures["disputed_called_conflict"] == 1.0
    assert (figures["conflict_verdicts"], figures["conflict_verdicts_right"]) == (1, 1)
    assert (figures["agree_verdicts"], figures["agree_verdicts_right"]) == (2, 1)
    assert figures["cosine_cut_precision"] == 0.5


def test_a_bad_pair_file_is_a_clear_error(harness, tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps({"event": "t", "a": "x", "b": "y", "label": "maybe"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="label"):
        harness.read_pairs(path)
    path.write_text(json.dumps({"event": "t", "a": "x", "b": "y", "label": "same"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="kind"):
        harness.read_pairs(path)


def test_the_engine_groups_one_vote_and_keeps_another_apart(harness, tmp_path, monkeypatch):
    monkeypatch.setattr(harness.compare_eval, "CACHE", tmp_path)  # the parses are kept here, not in /tmp
    dismissal = "The Tallen city council voted 6-3 on Wednesday to dismiss police chief Dana Korvel."
    rows = [
        _row(dismissal, "The Tallen city council voted 6-3 on Wednesday to remove police chief Dana Korvel.", "same"),
        _row(
            dismissal,
            "The Tallen city council voted 7-2 on Wednesday to hire an outside auditor for the police budget.",
            "different",
            "shared_words",
        ),
    ]
    got = {r["label"]: r["got"] for r in harness.engine(rows)}
    assert got == {"same": "agree", "different": "none"}
