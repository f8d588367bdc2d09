"""The group-hate head: hate toward a group read whole on the shared encoder (issue 22, session 38).

The passages it reads, what it flags where the phrases found nothing, what it leaves alone (a group spoken well
of, abuse denied, no group named, no encoder), and that its training never reads a held-out half. Sentences
written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon import heads
from rashomon.comments import functional_cases, group_hate, training
from tests.test_comment_contempt import comment_of


def test_a_short_comment_is_read_whole_and_a_long_one_by_windows():
    assert group_hate.windows("The ferry to Orrin leaves at noon.") == []
    short = "  Somalis run the bakery on our street.  "
    assert group_hate.windows(short) == [(2, len(short.rstrip()))]
    filler = "The council met on Tuesday about the ferry timetable and the harbour fees. " * 4
    text = filler + "Kurds moved into the flat upstairs. They never clean the stairs. The ferry was late."
    (window,) = group_hate.windows(text)
    assert text[window[0] : window[1]] == "Kurds moved into the flat upstairs. They never clean the stairs."


def test_windows_are_few_and_bounded():
    text = " ".join(f"Sikhs and Hindus met at hall {k}, a long and pleasant evening for all." for k in range(12))
    found = group_hate.windows(text)
    assert len(found) == group_hate.MAX_WINDOWS
    assert all(b - a <= group_hate.WINDOW_CHARS for a, b in found)


def test_the_shipped_head_is_stamped_and_thresholded():
    head = heads.load(group_hate.GROUP_HATE_HEAD)
    assert head.labels == (group_hate.GROUP_HATE_LABEL,)
    assert 0.5 < head.thresholds[group_hate.GROUP_HATE_LABEL] < 1
    assert head.vectors, "fitted on the shipped encoder's vectors"


@pytest.mark.parametrize(
    "text",
    [
        "Somalis take and take and never give a thing back.",
        "Kurds will rob you blind, lock up your bikes when they are around.",
    ],
)
def test_hate_no_phrase_names_is_flagged_with_the_passage_as_evidence(text):
    comment = comment_of(text)
    assert {"identity_attack", "toxicity"} <= set(comment.flags)
    (evidence,) = [e for e in comment.evidence if e.label == "group_hate"]
    assert evidence.text == text and evidence.weight is not None and evidence.weight >= 0.85
    assert comment.scores["identity_attack"] >= evidence.weight - 1e-3  # the flag shows the score that raised it


def test_a_comment_the_other_parts_flag_is_not_read_again():
    comment = comment_of("Hindus and their stink, the whole bus reeks.")
    assert "toxicity" in comment.flags and not [e for e in comment.evidence if e.label == "group_hate"]


@pytest.mark.parametrize(
    "text",
    [
        "Kurds run the best bakery in Varnholt.",
        "Somalis deserve to be treated with respect like anyone else.",
        "It is not true that Sikhs are dangerous, stop repeating it.",
        "The article says Hindus are violent, which is a lie.",
        "I can't believe anyone still thinks Kurds are violent.",
        'He wrote "Somalis take and never give" and got banned, rightly.',
        "The rise in attacks on Sikhs should worry everyone.",
        "I've never met a single Hindu who wasn't kind to me.",
    ],
)
def test_kind_neutral_and_denying_comments_are_not_flagged(text):
    assert not {"identity_attack", "toxicity"} & set(comment_of(text).flags)


def test_the_head_reads_only_passages_it_is_given():
    calls = []

    def embed(texts):
        calls.append(list(texts))
        return np.zeros((len(texts), 384), dtype=np.float32)

    head = heads.load(group_hate.GROUP_HATE_HEAD)
    known = np.ones(384, dtype=np.float32) / np.sqrt(384)
    texts = ["No group in this one.", "Kurds opened a shop.", "Sikhs too."]
    found = group_hate.find(texts, embed, head, [None, known, None])
    assert len(found) == 3 and found[0] == []
    assert calls == [["Sikhs too."]]  # the whole text with a known vector is not encoded again


def test_training_never_reads_a_held_out_half(tmp_path):
    assert all(halves in ("A", "AB") for halves in training.FUNCTIONAL_TRAINING.values())
    held_out = [n for n, halves in training.FUNCTIONAL_TRAINING.items() if halves == "A"]
    assert held_out, "the suites with an unread half are named"
    cases_file = tmp_path / "cases.yaml"
    cases_file.write_text(
        "groups: [[Kurds, Kurd], [Somalis, Somali]]\nngroups: [cyclists]\nthings: [my phone]\n"
        "functionalities:\n  derogation:\n    gold: hateful\n    templates:\n"
        '      - "{Group} are a blight."\n      - "Every {one} is a crook."\n      - "{Group} ruin everything."\n',
        encoding="utf-8",
    )
    a = functional_cases.load_cases(cases_file, "A")
    b = functional_cases.load_cases(cases_file, "B")
    both = functional_cases.load_cases(cases_file)
    assert {c.half for c in a} == {"A"} and {c.half for c in b} == {"B"}
    assert [c.text for c in both if c.half == "A"] == [c.text for c in a]  # a half reads the same alone
    assert len({c.template for c in a}) == 2


def test_training_keeps_templates_together_and_flags_precisely():
    rng = np.random.default_rng(0)
    hate, other = rng.normal(0.3, 1, (60, 8)), rng.normal(-0.3, 1, (60, 8))
    cases = np.vstack([hate, other]).astype(np.float32)
    labels = np.array([1] * 60 + [0] * 60)
    templates = [f"t{k // 6}" for k in range(120)]
    head, figures = training.train_group_hate(cases, labels, templates, rng.normal(-1, 1, (30, 8)), log=lambda *_: None)
    assert head.name == group_hate.GROUP_HATE_HEAD and head.input_dim == 8
    assert figures["precision"] is None or figures["precision"] >= training.GROUP_HATE_MIN_PRECISION
