"""The group-hate model: hate toward a group read whole by a fine-tuned encoder (issue 22, sessions 38 and 51).

The passages it reads, what it flags where the phrases found nothing, what it leaves alone (a group spoken well
of, abuse denied, plain statements of a group's ordinary life, no group named), and that its fine-tuning never
reads a held-out half or a post the harness scores. Sentences written for these tests."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from rashomon.comments import (
    abuse,
    analyze_comments,
    functional_cases,
    group_hate,
    group_hate_encoder,
    lexicon,
    mention,
    training,
)
from rashomon.model import Analysis, Comment, Page
from rashomon.options import CommentOptions, Options
from rashomon.resources import data_path
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


def test_the_shipped_model_carries_its_threshold():
    model = group_hate_encoder.load()
    assert 0.5 <= model.threshold < 1.0
    scores = model.probabilities(["Somalis take and take and never give a thing back.", "The ferry left at noon."])
    assert scores.shape == (2,) and scores[0] >= model.threshold > scores[1]


def test_a_flag_shows_how_often_the_models_flags_were_right_at_its_probability():
    model = group_hate_encoder.load()
    grid = np.linspace(0, 1, 201)
    sure = model.confidence(grid)
    assert np.all(np.diff(sure) >= 0) and sure.min() >= 0 and sure.max() <= 1
    # at its threshold the model's flags were right about as often as the standard it was chosen for
    assert 0.75 <= float(model.confidence(np.array([model.threshold]))[0]) <= 1.0
    text = "Somalis take and take and never give a thing back."
    comment = comment_of(text)
    (evidence,) = [e for e in comment.evidence if e.label == "group_hate"]
    probability = model.probabilities([text])[0]
    assert evidence.weight == pytest.approx(float(model.confidence(np.array([probability]))[0]), abs=1e-3)


def test_a_passage_reads_the_same_alone_and_among_others():
    model = group_hate_encoder.load()
    texts = ["Kurds opened a bakery on Tallen Street.", "Somalis ruin every town they move to, every single one."]
    together = model.probabilities(texts)
    assert together == pytest.approx(np.concatenate([model.probabilities([t]) for t in texts]), abs=1e-6)
    assert model.probabilities([]).shape == (0,)


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


@pytest.mark.xfail(
    strict=True,
    reason="session 51: read at 0.9913, under the model's 0.9916; hate that also blames officials reads like the anger "
    "at officials on a group's behalf that the training suite T6 teaches is no hate",
)
def test_hate_written_as_comment_sections_write_it_is_flagged():
    """Session 40: a head fitted on the functional cases alone scored this 0.70, under its threshold."""
    text = "Afghans in the hostel have turned the whole street into a no-go area and the council just lets them."
    assert {"identity_attack", "toxicity"} <= set(comment_of(text).flags)


@pytest.mark.parametrize(
    "text",
    [
        # session 51: heads on the frozen sentence vector read these at 0.95 and more
        "Kurds just want to get on with their lives like everyone else on this estate.",
        "Somalis are just like everyone else in Port Sarn, they moan about the buses too.",
        "Deaf people want the same chances at the Marsk job centre as anyone.",
        "Sikhs just want to be left alone to run their shop in peace.",
    ],
)
def test_plain_statements_of_a_groups_ordinary_life_are_not_flagged(text):
    assert not {"identity_attack", "toxicity"} & set(comment_of(text).flags)


@pytest.mark.parametrize(
    "text",
    [
        "Kurds just want to take what is ours and give nothing back.",
        "Somalis will never be one of us, whatever papers they get.",
    ],
)
def test_hate_in_the_same_plain_shape_is_flagged(text):
    assert {"identity_attack", "toxicity"} <= set(comment_of(text).flags)


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


def test_the_model_reads_only_the_passages_of_texts_that_name_a_group():
    calls = []

    class Model:
        threshold = 0.5

        def probabilities(self, texts):
            calls.append(list(texts))
            return np.array([0.9 if "Sikhs" in t else 0.1 for t in texts], dtype=np.float32)

        def confidence(self, probabilities):
            return probabilities / 2

    texts = ["No group in this one.", "Kurds opened a shop.", "Sikhs too."]
    found = group_hate.find(texts, Model())
    assert calls == [["Kurds opened a shop.", "Sikhs too."]]  # one call for all passages
    assert found[0] == [] and found[1] == []
    assert found[2] == [group_hate.Passage(0, 10, pytest.approx(0.9), pytest.approx(0.45))]
    assert group_hate.find(["No group here."], Model()) == [[]] and len(calls) == 1


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


def test_the_written_comments_are_read_from_the_cases_folder(tmp_path):
    assert training.read_group_comments(tmp_path / training.GROUP_COMMENTS).texts == []
    (tmp_path / training.GROUP_COMMENTS).write_text(
        '{"text": "Kurds ruin every street they move to.", "label": 1, "set": "t"}\n'
        '{"text": "Kurds opened a bakery on our street.", "label": 0, "set": "t"}\n',
        encoding="utf-8",
    )
    read = training.read_group_comments(tmp_path / training.GROUP_COMMENTS)
    assert read.texts[1] == "Kurds opened a bakery on our street." and read.labels["hateful"] == [1, 0]


def test_migrants_are_a_group_the_model_reads():
    """Session 40: "migrants" was not among the group names, so a comment naming them was never read."""
    assert group_hate.windows("The migrants got put in the old hotel and now look at the crime.")


def test_the_rows_are_the_suites_read_halves_the_comments_and_own_negatives_read_as_the_stage_reads(tmp_path):
    for name in training.FUNCTIONAL_TRAINING:
        (tmp_path / name).write_text(
            "groups: [[Kurds, Kurd]]\nfunctionalities:\n  derogation:\n    gold: hateful\n    templates:\n"
            '      - "{Group} are a blight."\n      - "{Group} are v3rmin."\n',
            encoding="utf-8",
        )
    (tmp_path / training.GROUP_COMMENTS).write_text(
        '{"text": "Kurds opened a bakery on our street.", "label": 0, "set": "t"}\n', encoding="utf-8"
    )
    rows = training.group_hate_rows(tmp_path)
    kinds = dict.fromkeys(rows.kinds)
    assert list(kinds) == ["case", "comment", "negative"]
    cases = [t for t, k in zip(rows.texts, rows.kinds, strict=True) if k == "case"]
    halves = {name: halves for name, halves in training.FUNCTIONAL_TRAINING.items()}
    # a suite read in half contributes its first template only; the leet of the second is undone
    assert len(cases) == sum(1 if h == "A" else 2 for h in halves.values())
    assert "Kurds are vermin." in cases and not any("3" in t for t in cases)
    assert all(bool(t) == (k == "case") for t, k in zip(rows.templates, rows.kinds, strict=True))
    assert rows.labels[rows.kinds.index("comment")] == 0 and set(rows.labels) == {0, 1}
    assert len(rows.texts) == len(rows.labels) == len(rows.kinds) == len(rows.templates)


def test_the_blind_suite_never_trains():
    """Suites F (session 50) and G (session 51) were written blind and are scored only: no half of either fits the
    model."""
    assert "functional_f.yaml" not in training.FUNCTIONAL_TRAINING
    assert "functional_g.yaml" not in training.FUNCTIONAL_TRAINING


@pytest.mark.parametrize(
    "text",
    [
        # session 52: VADER reads these warm ("trust", "kindest", "nice", "gently"); the warm rule dropped them
        "Trust me, Kurds in this area will not be around much longer. We are coming.",
        "Honestly the kindest thing would be to put every Somali on a one-way boat, nice and gently.",
    ],
)
def test_hate_and_threats_in_warm_words_are_flagged(text):
    assert {"identity_attack", "toxicity"} <= set(comment_of(text).flags)


@pytest.mark.xfail(
    strict=True,
    reason="session 52: the model reads this thanks at 1.0; the warm rule that set it aside set aside more hate "
    "written with warm words than praise, so it was dropped",
)
def test_thanks_to_a_group_is_not_flagged():
    assert not {"identity_attack", "toxicity"} & set(
        comment_of("Thank heavens for Sikhs, they keep this harbour going.").flags
    )


@pytest.mark.parametrize(
    ("text", "hateful"),
    [
        ("Wheelchair users are a burden on everyone, they should stay at home.", True),
        ("People with autism should be kept away from normal kids, they are not fit for school.", True),
        ("Wheelchair users need step-free access at the new station.", False),
        ("People with autism often notice details the rest of us miss.", False),
    ],
)
def test_disability_named_by_a_noun_of_its_own_is_a_group_the_model_reads(text, hateful):
    assert mention.names_a_group(text)
    assert bool({"identity_attack", "toxicity"} & set(comment_of(text).flags)) is hateful


@pytest.mark.xfail(
    strict=True,
    reason="session 52: the model reads plain questions at 0.998 (it learned hate asked as 'why are ... so ...?'); a "
    "rule that set aside questions with no cold word cost half the hateful questions of suite C's unread half",
)
@pytest.mark.parametrize(
    "text",
    ["Why are Kurds moving to Port Sarn?", "Why did the Muslim family next door move out?"],
)
def test_a_plain_question_about_a_group_is_not_flagged(text):
    assert not {"identity_attack", "toxicity"} & set(comment_of(text).flags)


def test_the_shipped_model_is_the_one_its_card_describes():
    path = data_path(group_hate_encoder.MODEL)
    card = path.with_name(path.name.removesuffix(".onnx") + ".card.md").read_text(encoding="utf-8")
    assert hashlib.sha256(path.read_bytes()).hexdigest() in card
    assert f"{group_hate_encoder.load().threshold}" in card and "Apache" in card
    session = group_hate_encoder.load().session
    assert [i.name for i in session.get_inputs()] == ["input_ids", "attention_mask"]
    assert session.get_outputs()[0].shape[-1] == 2


def test_without_the_models_file_the_other_flags_stand_with_a_warning(monkeypatch):
    def missing(threads=None):
        raise FileNotFoundError("the group-hate model comments-group-hate-encoder.onnx is missing")

    monkeypatch.setattr(group_hate_encoder, "_load", missing)
    text = "Somalis take and take and never give a thing back."
    comment = Comment("c1", "reader", text, 0, len(text))
    analysis = Analysis(page=Page(text=text, comments=[comment]))
    analyze_comments(analysis, Options(comments=CommentOptions(steps=("language", "abuse"))))
    assert not {"identity_attack", "toxicity"} & set(comment.flags)
    assert [w.code for w in analysis.warnings] == ["comment_model_missing"]


SOUND_CURVE = '{"x": [0.1, 0.9], "y": [0.2, 0.95]}'


@pytest.mark.parametrize(
    "metadata",
    [
        {},
        {group_hate_encoder.THRESHOLD_KEY: "0.2", group_hate_encoder.CALIBRATION_KEY: SOUND_CURVE},
        {group_hate_encoder.THRESHOLD_KEY: "0.9"},
        {
            group_hate_encoder.THRESHOLD_KEY: "0.9",
            group_hate_encoder.CALIBRATION_KEY: '{"x": [0.1, 0.9], "y": [0.9, 0.2]}',
        },
    ],
)
def test_a_model_file_without_a_sound_threshold_is_refused(monkeypatch, metadata):
    from types import SimpleNamespace

    from rashomon.errors import RashomonError

    session = SimpleNamespace(get_modelmeta=lambda: SimpleNamespace(custom_metadata_map=metadata))
    monkeypatch.setattr(group_hate_encoder, "shipped_model_session", lambda *args: session)
    group_hate_encoder._load.cache_clear()
    try:
        with pytest.raises(RashomonError, match="group-hate model"):
            group_hate_encoder.load()
    finally:
        group_hate_encoder._load.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        # session 53: "I'd like", "we'd love", "I would love it if" are wishes, not regard; as regard they kept the
        # model from reading these at all
        "I'd like to see every Kurd in Port Sarn strung up from the harbour cranes.",
        "I'd like Sikhs kept out of every council job in Marsk, they can't be trusted.",
        "I love how Hindus always turn up wherever something has gone missing.",
        "Kurds are a plague on this town, and I stand by that.",
    ],
)
def test_a_wish_or_a_mock_is_no_regard_that_stops_the_reading(text):
    assert not mention.speaks_well(lexicon.fold(text))
    flags = set(comment_of(text).flags)
    assert "toxicity" in flags and {"identity_attack", "threat"} & flags


@pytest.mark.parametrize(
    "text",
    [
        "I love Sikhs, the family next door are the kindest people I know.",
        "I like it when Kurds open new shops on our street.",
        "We stand by refugees, whatever the council says.",
        # a wish put as "I'd love it if ..." stays regard: the model reads warm wishes so put as hate
        "I'd love it if more Kurds stood for the council, we need their voices.",
        "I'd like it if Somalis could vote in the Marsk elections.",
    ],
)
def test_regard_declared_still_stops_the_reading(text):
    assert mention.speaks_well(lexicon.fold(text))
    assert not {"identity_attack", "toxicity"} & set(comment_of(text).flags)


@pytest.mark.parametrize(
    "text",
    [
        "I'd love to visit the Sikh temple in Varnholt with my kids one day.",
        "I would like to see more Kurds on the Port Sarn police force.",
        "I love how the Somali bakery on Brandt Road gives away bread at closing time.",
    ],
)
def test_friendly_wishes_and_praise_are_not_flagged_without_the_regard_rule(text):
    assert not mention.speaks_well(lexicon.fold(text))
    assert not {"identity_attack", "toxicity"} & set(comment_of(text).flags)


@pytest.mark.xfail(
    strict=True,
    reason="session 53: 'I'd love it if ...' stays regard, which stops the reading; as a wish it let the model flag "
    "3 of 15 warm wishes of our own ('I'd like it if ... could vote')",
)
def test_a_wish_of_death_put_as_i_would_love_it_if_is_flagged():
    text = "I would love it if the Somalis on our estate all dropped dead tomorrow."
    assert {"identity_attack", "toxicity"} <= set(comment_of(text).flags)


@pytest.mark.parametrize(
    ("text", "regard"),
    [
        # session 53: regard said of a group needs the group (or "they", "we" ...) as what it is said of, and no
        # negation before it in its clause
        ("Kurds deserve respect like anyone else in Port Sarn.", True),
        ("They are lovely people, the Somali family at number four.", True),
        ("Sikhs are not dangerous, whatever the leaflet says.", True),
        ("Someone needs to protect Kurds from these attacks.", True),
        ("Kurds don't deserve equal rights, never have.", False),
        ("This street was lovely before the Somalis started moving in.", False),
        ("Landlords should be allowed to turn away Kurds, it's their property.", False),
        ("I don't think Sikhs should be allowed to run schools, simple as.", False),
        ("We must protect our children from Hindus, they are a danger to them.", False),
        ("Somalis are loud and rude and proud of it.", False),
    ],
)
def test_regard_is_said_of_the_group_not_of_a_place_or_someone_else(text, regard):
    assert mention.speaks_well(lexicon.fold(text)) is regard


@pytest.mark.parametrize(
    "text",
    [
        "This street was lovely before the Somalis started moving in.",
        "Kurds don't deserve equal rights, never have.",
    ],
)
def test_hate_that_only_looked_like_regard_is_flagged(text):
    assert {"identity_attack", "toxicity"} <= set(comment_of(text).flags)


@pytest.mark.parametrize(
    "text",
    [
        # session 53: a word of abuse denied and then a turn is a disclaimer, not a denial
        "I'm not a bigot but Kurds shouldn't be allowed to own property in Port Sarn.",
        "I don't wish harm on anyone except the Somalis, they can all drop dead.",
        "It's not hate, it's policy: Sikhs should lose their citizenship if they complain.",
        "I am not ashamed to say Kurds disgust me.",
        "Piss off Somalis, nobody fucking wants you here.",
    ],
)
def test_a_disclaimer_is_no_denial_that_stops_the_reading(text):
    folded = lexicon.fold(text)
    assert not abuse.defends_or_denies(folded, mention.quoted_regions(folded))
    flags = set(comment_of(text).flags)
    assert "toxicity" in flags and {"identity_attack", "threat", "insult"} & flags


@pytest.mark.parametrize(
    "text",
    [
        "I don't hate Kurds. I just think the harbour plan is wrong.",
        "I would never hurt a Sikh, or anyone else.",
        "Kurds are not disgusting, stop saying it.",
    ],
)
def test_a_denial_without_a_turn_still_stops_the_reading(text):
    folded = lexicon.fold(text)
    assert abuse.defends_or_denies(folded, mention.quoted_regions(folded))
    assert not {"identity_attack", "toxicity"} & set(comment_of(text).flags)


@pytest.mark.parametrize(
    ("text", "in_use"),
    [
        # session 53: a claim of worth the writer refuses is the writer's contempt; a charge the writer refuses is not
        ("Why do we keep pretending Kurds are as capable as everyone else?", True),
        ("Don't tell me Somalis are hard-working, because they are not.", True),
        ("I refuse to believe Sikhs are fit to raise children.", True),
        ("I can't believe anyone still thinks Kurds are violent.", False),
        ("It is not true that Somalis are lazy.", False),
        ("Saying Sikhs aren't human is disgusting.", False),
    ],
)
def test_a_claim_of_worth_the_writer_refuses_names_the_group_in_use(text, in_use):
    folded = lexicon.fold(text)
    assert mention.names_a_group_in_use(folded, 0, len(folded)) is in_use
    if in_use:
        assert {"identity_attack", "toxicity"} <= set(comment_of(text).flags)


def test_counter_speech_whose_only_evidence_is_the_groups_name_is_not_flagged():
    """Session 53: the span head marks "[Somalis]" here as it does in abuse; the group-hate model reads no hate."""
    text = "The way people talk about Somalis under these news posts makes me sick."
    assert not {"toxicity", "insult", "identity_attack"} & set(comment_of(text).flags)


def test_a_groups_name_as_the_only_evidence_stands_when_the_model_reads_hate():
    import rashomon.comments as stage

    class Model:
        def __init__(self, probability):
            self.probability = probability

        def probabilities(self, texts):
            return np.full(len(texts), self.probability, dtype=np.float32)

        def confidence(self, probabilities):
            return probabilities

    texts = ["Somalis, every one of them, look at this street now.", "Somalis ruin it, and the abuse says so."]
    evidence = [[("Somalis", "toxic_span")], [("Somalis", "toxic_span"), ("ruin", "toxic_span")]]
    low, high = stage.GROUP_NAME_MODEL_FLOOR / 2, 0.5
    assert stage.no_hate_toward_the_group_named(texts, evidence, lambda: Model(low)) == [True, False]
    assert stage.no_hate_toward_the_group_named(texts, evidence, lambda: Model(high)) == [False, False]
    assert stage.no_hate_toward_the_group_named(texts, evidence, lambda: None) == [False, False]
