"""The written-comments harness (``eval/group_comments.py``): its figures count what the stage flags, its held-out
comments were never trained on, and it reads a cases file it is given. Comments written for these tests."""

from __future__ import annotations

import json

from tests.conftest import eval_harness


def test_the_figures_count_found_and_false_flags():
    harness = eval_harness("group_comments")
    result = harness.figures([1, 1, 0, 0, 0], [True, False, True, False, False])
    assert result == {
        "hateful": 2,
        "not_hateful": 3,
        "found": 1,
        "recall": 0.5,
        "false_flags": 1,
        "precision": 0.5,
    }


def test_the_held_out_comments_are_not_among_the_training_comments():
    harness = eval_harness("group_comments")
    held_out = harness.read_cases(harness.DEFAULT_CASES)
    trained = {c["text"] for c in harness.read_cases(harness.TRAINING)}
    assert {c["set"] for c in held_out} == {"X", "Y", "Z"}
    assert sum(c["label"] for c in held_out) == 180 and len(held_out) == 460
    assert not trained & {c["text"] for c in held_out}
    assert {c["label"] for c in harness.read_cases(harness.TRAINING)} == {0, 1}


def test_the_harness_scores_the_cases_it_is_given(tmp_path, capsys):
    harness = eval_harness("group_comments")
    cases = tmp_path / "cases.jsonl"
    rows = [
        {"text": "Kurds should be shot, every last one of them.", "label": 1, "set": "t"},
        {"text": "The Kurdish bakery on Mill Lane does the best bread in Orrin.", "label": 0, "set": "t"},
    ]
    cases.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert harness.main(["--cases", str(cases)]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    ours = out["sets"]["t"]["rashomon fast"]
    assert (ours["found"], ours["false_flags"]) == (1, 0)
