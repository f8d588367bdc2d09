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
    assert head.labels == (group_hate.GROUP_HATE_LABEL, group_hate.GROUP_COMMENTS_LABEL)
    assert all(0.5 < head.thresholds[label] < 1 for label in head.labels)
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


def test_hate_written_as_comment_sections_write_it_is_flagged_by_the_written_label():
    """Session 40: the label fitted on the functional cases alone scores this 0.70, under its threshold; the label
    fitted on written comments too reads it as hate."""
    text = "Afghans in the hostel have turned the whole street into a no-go area and the council just lets them."
    head = heads.load(group_hate.GROUP_HATE_HEAD)
    comment = comment_of(text)
    assert {"identity_attack", "toxicity"} <= set(comment.flags)
    (evidence,) = [e for e in comment.evidence if e.label == "group_hate"]
    assert evidence.weight is not None and evidence.weight >= head.thresholds[group_hate.GROUP_COMMENTS_LABEL]


@pytest.mark.parametrize(
    "text",
    [
        "Roma children at my school get picked on every day and the teachers do nothing.",
        "Muslims are welcome in our street, the family at number nine brought us food when my dad died.",
        "Sikh families have run the corner shop on Brandt Road for thirty years and my kids love them.",
        "Why do so few disabled people get interviews at the Marsk job centre? Genuine question.",
    ],
)
def test_reports_kind_words_and_questions_written_as_comments_are_not_flagged(text):
    assert not {"identity_attack", "toxicity"} & set(comment_of(text).flags)


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
    first = figures[group_hate.GROUP_HATE_LABEL]
    assert first["precision"] is None or first["precision"] >= training.GROUP_HATE_MIN_PRECISION
    assert list(figures) == [group_hate.GROUP_HATE_LABEL]  # no written comments given: one label


def test_written_comments_fit_a_second_label_whose_flags_are_precise_on_them():
    rng = np.random.default_rng(1)
    cases = np.vstack([rng.normal(0.3, 1, (60, 8)), rng.normal(-0.3, 1, (60, 8))]).astype(np.float32)
    labels = np.array([1] * 60 + [0] * 60)
    templates = [f"t{k // 6}" for k in range(120)]
    # the written comments carry their hate along another direction than the templated cases
    direction = np.zeros(8)
    direction[7] = 3.0
    comments = np.vstack([rng.normal(0, 1, (80, 8)) + direction, rng.normal(0, 1, (120, 8))]).astype(np.float32)
    comment_labels = np.array([1] * 80 + [0] * 120)
    head, figures = training.train_group_hate(
        cases, labels, templates, rng.normal(-1, 1, (30, 8)), comments, comment_labels, log=lambda *_: None
    )
    assert head.labels == (group_hate.GROUP_HATE_LABEL, group_hate.GROUP_COMMENTS_LABEL)
    written = figures[group_hate.GROUP_COMMENTS_LABEL]
    assert written["rows"] == 200 and written["hateful"] == 80
    assert written["precision"] >= training.GROUP_COMMENTS_MIN_PRECISION and written["recall"] > 0.3
    # a comment is flagged where either label reaches its threshold, with the higher of the passing scores
    table = head.scores(np.vstack([direction * 2, -direction * 2]).astype(np.float32))
    passing = table >= np.array([head.thresholds[label] for label in head.labels])
    assert passing[0, 1] and not passing[1].any()
    scores = group_hate._flagged_scores(head, table)
    assert scores[0] == pytest.approx(table[0][passing[0]].max()) and scores[1] == 0.0


def test_the_written_comments_are_read_from_the_cases_folder(tmp_path):
    assert training.read_group_comments(tmp_path / training.GROUP_COMMENTS).texts == []
    (tmp_path / training.GROUP_COMMENTS).write_text(
        '{"text": "Kurds ruin every street they move to.", "label": 1, "set": "t"}\n'
        '{"text": "Kurds opened a bakery on our street.", "label": 0, "set": "t"}\n',
        encoding="utf-8",
    )
    read = training.read_group_comments(tmp_path / training.GROUP_COMMENTS)
    assert read.texts[1] == "Kurds opened a bakery on our street." and read.labels["hateful"] == [1, 0]


def test_migrants_are_a_group_the_head_reads():
    """Session 40: "migrants" was not among the group names, so a comment naming them was never read."""
    assert group_hate.windows("The migrants got put in the old hotel and now look at the crime.")


def test_the_training_suites_fit_only_the_templated_label_and_it_reads_the_written_comments():
    """Session 50: the suites written for training (``TEMPLATED_LABEL_ONLY``) fit ``GROUP_HATE_LABEL`` alone, and that
    label trains beside the written comments (its threshold still read on the cases); the comments label is the same
    as without those suites."""
    rng = np.random.default_rng(2)
    cases = np.vstack([rng.normal(0.3, 1, (60, 8)), rng.normal(-0.3, 1, (60, 8))]).astype(np.float32)
    labels = np.array([1] * 60 + [0] * 60)
    templates = [f"s.yaml:t:{k // 6}" for k in range(120)]
    extra = np.vstack([rng.normal(0.6, 1, (30, 8)), rng.normal(-0.6, 1, (30, 8))]).astype(np.float32)
    extra_labels = np.array([1] * 30 + [0] * 30)
    extra_templates = [f"t1.yaml:t:{k // 6}" for k in range(60)]
    comments = np.vstack([rng.normal(0.2, 1, (40, 8)), rng.normal(-0.2, 1, (60, 8))]).astype(np.float32)
    comment_labels = np.array([1] * 40 + [0] * 60)
    negatives = rng.normal(-1, 1, (30, 8))
    quiet = {"log": lambda *_: None}
    alone, _ = training.train_group_hate(cases, labels, templates, negatives, comments, comment_labels, **quiet)
    both, figures = training.train_group_hate(
        np.vstack([cases, extra]),
        np.concatenate([labels, extra_labels]),
        templates + extra_templates,
        negatives,
        comments,
        comment_labels,
        templated_only=np.array([False] * 120 + [True] * 60),
        **quiet,
    )
    assert figures[group_hate.GROUP_HATE_LABEL]["rows"] == 180
    probe = rng.normal(0, 1, (5, 8)).astype(np.float32)
    assert np.allclose(alone.scores(probe)[:, 1], both.scores(probe)[:, 1])  # the comments label: unchanged
    assert not np.allclose(alone.scores(probe)[:, 0], both.scores(probe)[:, 0])
    without, _ = training.train_group_hate(cases, labels, templates, negatives, **quiet)
    assert not np.allclose(without.scores(probe)[:, 0], alone.scores(probe)[:, 0])  # the comments fit it too


def test_the_blind_suite_never_trains():
    """Suite F (session 50) was written blind and is scored only: no half of it fits the head."""
    assert "functional_f.yaml" not in training.FUNCTIONAL_TRAINING
    assert training.TEMPLATED_LABEL_ONLY <= set(training.FUNCTIONAL_TRAINING)


@pytest.mark.parametrize(
    ("text", "warm"),
    [
        ("Thank heavens for Sikhs, they keep this harbour going.", True),
        ("I love my Kurdish neighbours on Tallen Street.", True),
        # VADER reads "nothing" before "crime" as a denial of crime: no warm word, no praise (session 50)
        ("Refugees bring nothing but crime to Port Sarn.", False),
        ("Kurds are no problem at all.", False),
        ("Our refugees have brought nothing but good to Marsk.", True),  # "nothing but" read as "only"
    ],
)
def test_a_passage_reads_warm_only_with_a_warm_word_of_its_own(text, warm):
    assert group_hate.reads_warm(text) is warm


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Why are Kurds moving to Port Sarn?", True),
        ("Why are refugees housed in the old hotel and not in flats?", True),
        ("Why are Kurds so violent?", False),  # a cold word: the head reads it
        ("Kurds are moving to Port Sarn.", False),  # no question
    ],
)
def test_a_question_with_no_cold_word_is_not_read_as_hate(text, plain):
    assert group_hate.asks_without_a_cold_word(text) is plain
