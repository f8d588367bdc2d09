"""The comment stage (issue 6) on comments written for these tests: invented people, outlets and events."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from rashomon.comments import (
    COMMENT_STEPS,
    abuse,
    analyze_comments,
    commenter_summary,
    language,
    mention,
    sarcasm,
    stance,
    thread_tree,
    threads,
    threats,
)
from rashomon.comments.features import featurize
from rashomon.comments.lexicon import fold as lexicon_fold
from rashomon.comments.models import MODEL_DIR, load_model
from rashomon.model import Actor, Analysis, Block, Comment, Page
from rashomon.options import Options

ARTICLE = "Port Sarn, 3 May. The strike killed 60 soldiers near the harbour, the ministry said. Muslim civilians fled."


def make_analysis(comments: list[tuple], article: str = ARTICLE, actors=()) -> Analysis:
    """A page whose text is the article then each comment body; ``comments``: (author, text[, reply_to])."""
    text = article + "\n\n"
    blocks = [Block("b1", "paragraph", 0, len(article), article)]
    made = []
    for i, item in enumerate(comments, 1):
        author, body = item[0], item[1]
        text += f"{author or 'anon'} wrote:\n"
        start = len(text)
        text += body + "\n\n"
        made.append(
            Comment(f"c{i}", author, body, start, start + len(body), reply_to=item[2] if len(item) > 2 else None)
        )
    return Analysis(page=Page(text=text, blocks=blocks, comments=made), actors=list(actors))


def run(comments, options: Options | None = None, **kwargs) -> list[Comment]:
    analysis = make_analysis(comments, **kwargs)
    analyze_comments(analysis, options)
    return analysis.page.comments


def flags_of(text: str) -> list[str]:
    return run([("reader", text)])[0].flags


# --- the known failure of the field: news terms, identity words, profanity are not abuse by themselves -------


@pytest.mark.parametrize(
    "text",
    [
        "the strike killed 60 soldiers",
        "Muslim civilians fled",
        "Jewish and Christian families lived on this street for a century.",
        "Gay couples marched through Port Sarn on Saturday.",
        "Shelling destroyed the clinic and killed four nurses, the agency reported.",
    ],
)
def test_news_violence_and_identity_words_are_not_flagged(text):
    flags = flags_of(text)
    assert not {"toxicity", "insult", "threat", "identity_attack", "severe_toxicity"} & set(flags), flags


def test_profanity_is_flagged_with_its_word_and_the_models_flags_follow_their_scores():
    # issue 22: the profane word is no longer blanked before scoring, so it never hides a model's flag
    comment = run([("reader", "This budget is bullshit, plain and simple.")])[0]
    assert "profanity" in comment.flags
    assert any(e.label == "profanity" and e.text == "bullshit" for e in comment.evidence)
    assert ("toxicity" in comment.flags) == (comment.scores["toxicity"] >= abuse.FLAG_THRESHOLDS["toxicity"])
    assert "insult" not in comment.flags  # said of a budget, not of a person (issue 22: comments.targets)


def test_insult_with_address_is_flagged_with_its_words():
    comment = run([("reader", "You are a stupid idiot and everybody knows it.")])[0]
    assert {"toxicity", "insult"} <= set(comment.flags)
    assert any(e.label == "insult" and e.text.lower() == "idiot" for e in comment.evidence)


def test_slur_is_an_identity_attack_with_evidence():
    comment = run([("reader", "Send those ragheads back where they came from.")])[0]
    assert "identity_attack" in comment.flags
    assert [e.text for e in comment.evidence if e.label == "identity_attack"] == ["ragheads"]


def _lexicon_flags(text: str) -> list[str]:
    """The flags of ``text`` from the lexicon alone (every model head at 0)."""
    zeros = {head: np.zeros(1) for head in abuse.MODEL_HEADS}
    return abuse.score_texts([text], model_scores=zeros)[0].flags


def test_an_in_group_spelling_of_a_slur_is_profanity_not_an_identity_attack():
    # issue 22: the AAE in-group spelling, used as address, is offensive language; the other spelling stays a slur
    assert _lexicon_flags("wassup my niggas, see you at the game tonight") == ["profanity"]
    assert _lexicon_flags("yo niggaaa where you at") == ["profanity"]
    assert "identity_attack" in _lexicon_flags("those niggers ruined the neighbourhood")


def test_a_common_vulgar_word_is_profanity_but_a_cat_is_not():
    assert _lexicon_flags("he ran off like a pussy when the bill came") == ["profanity"]
    assert _lexicon_flags("our pussycat sleeps on the porch all afternoon") == []


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["toxicity", "insult", "identity_attack"], "hate"),
        (["toxicity", "threat"], "offensive"),
        (["profanity"], "offensive"),
        (["sarcasm", "correction"], "normal"),
        ([], "normal"),
    ],
)
def test_three_classes_from_the_flags(flags, expected):
    assert abuse.three_class(flags) == expected


# --- threats ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "That harbour master deserves a bullet.",
        "May the whole committee be buried alive under their new car park.",
        "These smugglers should be hanged from the crane.",
        "I will find you and I will break every bone in your body.",
        "Exterminate the invaders!",
        "we need people to hang for this, starting with the mayor",
        "hope u d!e in a fire",
    ],
)
def test_threats_and_wishes_of_violence_are_flagged(text):
    comment = run([("reader", text)])[0]
    assert "threat" in comment.flags
    assert comment.scores["threat"] >= 0.5
    assert any(e.label == "threat" for e in comment.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "We need to kill the bill before the vote.",
        "The caller told the radio station 'I will kill you all', police said.",
        "Nobody deserves to be shot over a parking fine.",
        "The court sentenced him to be hanged in 1961; the sentence was commuted.",
        "I'd kill for a coffee right now.",
        "The committee shot down the harbour plan in ten minutes.",
    ],
)
def test_hard_negatives_are_not_threats(text):
    assert "threat" not in flags_of(text)


def test_threat_span_runs_from_frame_to_outcome():
    hits = threats.find_threats("Honestly, I hope the admiral gets shot.")
    assert (
        hits
        and "I hope the admiral gets shot" == "Honestly, I hope the admiral gets shot."[hits[0].start : hits[0].end]
    )


# --- masked profanity, leetspeak, bad input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,word",
    [
        ("What a f*** up by the council.", "f***"),
        ("Clit***s and their friends", "Clit***s"),
        ("sh1t happens at the port", "sh1t"),
    ],
)
def test_masked_and_leetspeak_profanity(text, word):
    comment = run([("reader", text)])[0]
    assert "profanity" in comment.flags
    assert word in [e.text for e in comment.evidence if e.label == "profanity"]


def test_bad_input_is_flagged_not_guessed():
    long_text = ("The harbour board met again today and nothing changed. " * 2000)[:100_000]
    comments = run(
        [
            ("a", ""),
            ("b", "😀😀😀🔥🔥"),
            ("c", "Die Regierung lügt doch über den Hafen, das weiß jeder hier."),
            ("d", long_text),
            ("e", "   \n  "),
        ]
    )
    empty, emoji, german, long_comment, blank = comments
    assert "empty" in empty.flags and empty.scores == {}
    assert "language_unknown" in emoji.flags and emoji.scores == {}
    assert "language_unknown" in german.flags and german.scores == {} and german.language == "de"
    assert "empty" in blank.flags
    assert 0.0 <= long_comment.scores["toxicity"] <= 1.0 and "toxicity" not in long_comment.flags


def test_long_comment_gets_a_warning():
    analysis = make_analysis([("d", "Plain words about the harbour. " * 4000)])
    analyze_comments(analysis)
    assert any(w.code == "comment_truncated" for w in analysis.warnings)


def test_all_scores_are_probabilities_and_all_evidence_is_page_text():
    analysis = make_analysis(
        [
            ("ann", "You are a fucking moron and deserve a bullet /s"),
            ("bo", '"You are a fucking moron" is not an argument, ann.'),
            ("cy", "WRONG! The ferry was run by the Sarn Harbour Trust, not the city."),
        ]
    )
    analyze_comments(analysis)
    for comment in analysis.page.comments:
        assert all(0.0 <= v <= 1.0 for v in comment.scores.values()), comment.scores
        for evidence in comment.evidence + comment.stance:
            assert analysis.page.text[evidence.start : evidence.end] == evidence.text
            assert comment.start <= evidence.start <= evidence.end <= comment.end


def test_language_detection():
    assert language.detect("Yeah, you need a map to follow this one.") == "en"
    assert language.detect("🔥🔥🔥") is None
    assert language.detect("") is None
    assert language.detect("Оно так и есть, все это знают давно") not in (None, "en")


# --- sarcasm ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,marker",
    [
        ("Great plan, what could go wrong. /s", "/s"),
        ("Fine harbour management there /sarc", "/sarc"),
        ("sarc off: this is a mess", "sarc off"),
    ],
)
def test_sarcasm_markers(text, marker):
    comment = run([("reader", text)])[0]
    assert {"sarcasm_marker", "sarcasm"} <= set(comment.flags)
    assert marker in [e.text.lower() for e in comment.evidence if e.label == "sarcasm_marker"]


def test_slash_s_inside_a_sentence_is_not_a_marker():
    assert sarcasm.find_marker("Run the tool with the /s switch to keep it silent.") is None


def test_sarcasm_model_gives_a_probability_to_every_english_comment():
    comments = run(
        [("a", "Oh wonderful, another Monday of roadworks. Just what I needed."), ("b", "The ferry leaves at nine.")]
    )
    assert all(0.0 <= c.scores["sarcasm"] <= 1.0 for c in comments)
    for comment in comments:  # without a marker, the flag follows the calibrated score and the model's threshold
        assert ("sarcasm" in comment.flags) == (comment.scores["sarcasm"] >= sarcasm.model_threshold())
        assert "sarcasm_marker" not in comment.flags


def test_sarcasm_cues_are_found_on_the_raw_text():
    names = sarcasm.cue_names()
    matrix = sarcasm.cue_matrix(
        ["Yeah right, the bridge opens in...3...2...1 ;-)", "The ferry leaves at nine.", "The NEW timetable"]
    )
    assert matrix.shape == (3, len(names))
    found = [{names[j] for j in np.flatnonzero(row)} for row in matrix]
    assert {"yeah_right", "countdown", "wink"} <= found[0]
    assert found[1] == set()
    assert found[2] == {"capitals"}  # capitals are matched case-sensitively, everything else is not


def test_the_sarcasm_head_reads_its_cues_and_refuses_another_cue_list(monkeypatch):
    from rashomon import heads

    vectors = np.zeros((1, heads.load(sarcasm.ENCODER_HEAD).input_dim - len(sarcasm.cue_names())), dtype=np.float32)
    plain, threshold = sarcasm.head_scores(vectors, ["The ferry leaves at nine."])
    cued, _ = sarcasm.head_scores(vectors, ["Oh great, I just love it when the ferry is late 🙄 yeah right"])
    assert 0 < threshold < 1 and cued[0] > plain[0]
    one_fewer = sarcasm._cues()[:-1]
    monkeypatch.setattr(sarcasm, "_cues", lambda: one_fewer)
    with pytest.raises(heads.HeadError, match="retrain"):
        sarcasm.head_scores(vectors, ["The ferry leaves at nine."])


@pytest.mark.parametrize("mode", ["fast", "encoder"])
def test_benign_comments_of_issue_22_are_not_sarcasm(mode):
    comments = run(
        [
            ("a", "I cant wait for the new bridge to be finished ☺️"),
            ("b", "Plant the bulbs and bury them deeper into the soil before the frost."),
            ("c", "Very good list – Rutger #1!!"),
            ("d", "The ferry leaves at nine."),
        ],
        options=Options().with_values({"comments.mode": mode}),
    )
    assert [c.flags for c in comments if "sarcasm" in c.flags] == []


PLAIN_PRAISE = [
    "This sounds like a brilliant plan for the harbour!",
    "Wow, this is a great idea!",
    "Brilliant idea, I support it fully!",
    "Wow, what a wonderful garden!",
    "Such a brilliant write-up, definitely sharing it!",
]
IRONY = [
    "Oh great, the ferry is late again 🙄",
    "I just love it when the bus skips my stop.",
    "Yeah right, the new bridge will open on time ;-)",
    "Wow, another brilliant decision by the council. Who knew?",
]


@pytest.mark.parametrize("text", PLAIN_PRAISE + ["Thanks for sharing this lovely recipe!"])
def test_plain_praise_reads_as_sincere(text):
    assert sarcasm.sincere(text)


@pytest.mark.parametrize(
    "text", IRONY + ["The ferry was cancelled again, brilliant.", "Is this really the best plan we have?"]
)
def test_a_sign_of_irony_or_a_bad_word_is_not_plainly_sincere(text):
    assert not sarcasm.sincere(text)


def test_the_encoder_mode_does_not_flag_sincere_praise_as_sarcasm():
    """Issue 22: the encoder head scores kind comments under a post as high as kind words about a bad day (what
    iSarcasmEval's sarcastic tweets often are); with nothing in them that does not fit, the flag abstains and the
    score stays. Comments with a cue, a question or a bad situation keep it."""
    from rashomon import heads

    comments = run(
        [("r", t) for t in PLAIN_PRAISE + IRONY], options=Options().with_values({"comments.mode": "encoder"})
    )
    width = heads.load(sarcasm.ENCODER_HEAD).input_dim - len(sarcasm.cue_names())
    _, limit = sarcasm.head_scores(np.zeros((1, width), dtype=np.float32), ["x"])
    praise, irony = comments[: len(PLAIN_PRAISE)], comments[len(PLAIN_PRAISE) :]
    assert sum(c.scores["sarcasm"] >= limit for c in praise) >= 3  # the head alone would flag most of them
    assert not any("sarcasm" in c.flags for c in praise)
    assert all("sarcasm" in c.flags for c in irony)


def test_the_default_mode_withholds_an_abuse_flag_with_nothing_to_show():
    """The fast model scores blame of leaders over its flag; with no word that the span head or the lexicon can
    show, the default stage keeps the score and withholds the flags. With ``spans = false`` (no encoder, for
    corpora of millions) the model's flags stay."""
    texts = [("a", "The worst part is that our leaders and the press never see that the blood is on their own hands.")]
    (shown,) = run(texts)
    assert shown.scores["toxicity"] >= 0.5
    assert shown.flags == []
    (bare,) = run(texts, options=Options().with_values({"comments.spans": False}))
    assert "toxicity" in bare.flags


def test_the_default_mode_keeps_a_flag_it_can_show():
    (comment,) = run([("a", "You are a pathetic idiot and everyone here knows it.")])
    assert "toxicity" in comment.flags and "insult" in comment.flags
    assert any(e.label in ("insult", "toxic_span") for e in comment.evidence)


def test_the_encoder_mode_flags_a_countdown_with_a_wink_as_sarcasm():
    comment = run(
        [("a", "Oh great, the council promises lower fares. Watch them raise them in...3...2...1 ;-)")],
        options=Options().with_values({"comments.mode": "encoder"}),
    )[0]
    assert "sarcasm" in comment.flags and "sarcasm_marker" not in comment.flags


# --- threads, corrections ---------------------------------------------------------------------------------


def test_a_commenters_name_inside_a_longer_name_is_not_an_address():
    comments = run(
        [
            ("nina", "The best singers of the decade, in my order, are all on this list."),
            ("olle", "Nina Simone should be number one, not forty."),
            ("piet", "Nina Thanks, but where is the drummer list?"),
            ("quinn", "Nina, you forgot the whole of the nineties."),
            ("rolf", "Honourable mentions: Dave Nina and nina hagen."),
        ]
    )
    by_id = {c.id: c for c in comments}
    assert by_id["c2"].reply_reason != "addresses_author"  # the singer, not the commenter
    assert by_id["c5"].reply_reason != "addresses_author"
    assert (by_id["c3"].reply_to, by_id["c3"].reply_reason) == ("c1", "addresses_author")
    assert (by_id["c4"].reply_to, by_id["c4"].reply_reason) == ("c1", "addresses_author")


def test_inferred_replies_carry_reason_and_confidence():
    comments = run(
        [
            ("annika", "The harbour board sold the ferry to a company in Lisbon for almost nothing."),
            ("bo", "Rain again tomorrow, they say."),
            ("cy", '"sold the ferry to a company in Lisbon" - source please?'),
            ("dee", "Annika, you keep posting this without a link."),
            ("eve", "+1 You are a one woman newsroom."),
            ("fay", "Agreed with @annika.", "c1"),
        ]
    )
    by_id = {c.id: c for c in comments}
    assert (by_id["c3"].reply_to, by_id["c3"].reply_reason) == ("c1", "quotes")
    assert (by_id["c4"].reply_to, by_id["c4"].reply_reason) == ("c1", "addresses_author")
    assert (by_id["c5"].reply_to, by_id["c5"].reply_reason) == ("c4", "answers_previous")
    assert by_id["c6"].reply_reason is None and by_id["c6"].reply_to == "c1"  # explicit structure kept
    assert by_id["c2"].reply_to is None
    assert 0 < by_id["c5"].reply_confidence < by_id["c4"].reply_confidence < by_id["c3"].reply_confidence <= 1


def test_thread_tree_and_commenter_summary():
    comments = run(
        [
            ("ann", "The ferry was sold for almost nothing."),
            ("bo", "WRONG! It was leased, not sold.", "c1"),
            ("ann", "Leased for ninety-nine years is sold, bo.", "c2"),
            ("cy", "The weather is nice today."),
        ]
    )
    tree = thread_tree(comments)
    assert [n["id"] for n in tree] == ["c1", "c4"]
    assert tree[0]["replies"][0]["id"] == "c2" and tree[0]["replies"][0]["replies"][0]["id"] == "c3"
    summary = {row["author"]: row for row in commenter_summary(comments)}
    assert summary["ann"]["comments"] == 2 and summary["ann"]["replies_received"] == 1
    assert summary["bo"]["replies_received"] == 1 and summary["bo"]["flags"].get("correction") == 1
    assert summary["cy"]["replies_received"] == 0


def test_thread_tree_survives_cycles_and_unknown_targets():
    a = Comment("a", "x", "one", 0, 3, reply_to="b")
    b = Comment("b", "y", "two", 4, 7, reply_to="a")
    c = Comment("c", "z", "three", 8, 13, reply_to="gone")
    ids = []
    stack = list(thread_tree([a, b, c]))
    while stack:
        node = stack.pop()
        ids.append(node["id"])
        stack.extend(node["replies"])
    assert sorted(ids) == ["a", "b", "c"]


def test_correction_is_linked_to_the_comment_it_quotes():
    comments = run(
        [
            ("ann", "The Danes gave the harbour prize to the mayor last year."),
            ("bo", "Nice weather."),
            ("cy", 'WRONG! "the Danes gave the harbour prize to the mayor". It is the Sarn Guild that awards it.'),
        ]
    )
    cy = comments[2]
    assert "correction" in cy.flags and cy.corrects == "c1"
    assert any(e.label == "corrects_quote" for e in cy.evidence)
    assert comments[1].corrects is None and "correction" not in comments[1].flags


def test_quote_index_finds_the_latest_quoted_comment_not_by_the_quoter():
    from rashomon.comments.threads import QuoteIndex

    index = QuoteIndex()
    said = "The ferry to Sarn leaves at dawn every day."
    for k, (author, text) in enumerate(
        [("ann", said), ("bo", "Nothing to see."), ("cy", "   "), ("dee", "Ha! " + said.upper()), ("eve", "Old news.")]
    ):
        index.add(Comment(f"c{k}", author, text, 0, len(text)))
    quoting = 'You wrote "the ferry to Sarn leaves at dawn" but it is noon.'
    found = index.quote_source(quoting, "eve")
    assert found is not None and found[0].id == "c3" and quoting[found[1] : found[2]].startswith('"the ferry')
    assert index.quote_source(quoting, "dee")[0].id == "c0"  # not one's own words: the earlier one
    assert index.quote_source('Who said "leaves at noon from the quay"?', "eve") is None
    assert index.quote_source('"too short"', "eve") is None


def test_correction_of_the_article_by_quote():
    comments = run([("ann", 'Not true: "the strike killed 60 soldiers near the harbour" - it was 16.')])
    assert comments[0].corrects == "b1"


# --- stance -----------------------------------------------------------------------------------------------


def test_stance_toward_actors_from_the_actors_stage():
    vale = Actor("a1", "Governor Vale", aliases=["Vale"])
    comments = run(
        [
            ("ann", "God bless Vale, a brave and honest leader."),
            ("bo", "Vale is a liar and a crook who ruined this port."),
            ("cy", "Vale met the board on Tuesday."),
            ("dee", "Vale is wonderful, truly the best thing to happen to us. /s"),
        ],
        actors=[vale],
    )
    stances = [[(s.actor, s.stance) for s in c.stance] for c in comments]
    assert stances == [
        [("Governor Vale", "pro")],
        [("Governor Vale", "anti")],
        [("Governor Vale", "neutral")],
        [("Governor Vale", "anti")],
    ]


def test_stance_falls_back_to_the_minimal_alias_list():
    comments = run([("ann", "Russia has been a disgrace in this war, a shameful bully.")])
    assert ("Russia", "anti") in [(s.actor, s.stance) for s in comments[0].stance]


def test_stance_finds_a_mention_right_after_a_full_stop_and_skips_comments_naming_no_actor():
    comments = run(
        [
            ("ann", "Sad day.Russia has been a disgrace, a shameful bully."),
            ("bo", "The ferry was late again, a shameful mess."),
            ("cy", "usa usa! The US, a disgrace and a bully."),
        ]
    )
    assert [(s.actor, s.stance) for s in comments[0].stance] == [("Russia", "anti")]
    assert comments[1].stance == []
    assert [(s.actor, s.stance) for s in comments[2].stance] == [("United States", "anti")]


@pytest.mark.parametrize(
    "text,actor,expected",
    [
        (
            "Our corrupt government armed them, and the Syrian government fights terrorists.",
            "Syrian government",
            "neutral",
        ),
        ("Our government is a criminal gang.", "government", "neutral"),  # someone's own government, not the actor
        ("Vale is killing the innocent fishermen.", "Vale", "anti"),  # Vale's act, not the fishermen's innocence
        ("Vale is killing the innocent fishermen.", "fishermen", "pro"),
        ("I hate Vale.", "Vale", "anti"),
        ("Vale is not a liar.", "Vale", "pro"),
        ("The brutal Vale regime fell.", "Vale", "anti"),
        ("The board wanted to protect Vale.", "Vale", "neutral"),  # another's act toward Vale, not the writer's
    ],
)
def test_stance_needs_the_actor_to_be_the_target_of_the_sentiment(text, actor, expected):
    start = text.index(actor)
    hit = stance.stance_toward(text, [(start, start + len(actor))])
    assert (hit.stance if hit else "neutral") == expected
    before = stance.stance_toward(text, [(start, start + len(actor))], rule="sentence")
    assert before is not None and before.stance in ("pro", "anti")  # the old rule gave every one of them a side


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kudos to Vale for keeping the night ferry running.", "pro"),
        ("Good for Vale!", "pro"),
        ("Hats off to Vale, who stayed until the last boat was in.", "pro"),
        ("Thank you, Vale, for nothing.", "neutral"),  # "thank you" is left out: sarcasm as often as not
        ("Shame on Vale for closing the library.", "anti"),
        ("So, down with Vale.", "anti"),
        ("Good for nothing, that Vale.", "neutral"),  # the phrase is not addressed to Vale
        ("Thanks to Vale, the road is shut for a month.", "neutral"),  # a cause, not thanks
        ("Well done, Vale, another bridge shut.", "neutral"),  # a phrase of sarcasm as often as of praise
        ("I said kudos to Vale once.", "neutral"),  # not at the start of the sentence: reported, not addressed
        ("Shame on Vale's critics.", "neutral"),  # addressed to what Vale owns
    ],
)
def test_a_set_phrase_of_praise_or_blame_addressed_to_an_actor_is_a_stance(text, expected):
    """The parse gives no stance here (the actor is the object of a preposition, or the phrase has no verb)."""
    start = text.index("Vale")
    hit = stance.stance_toward(text, [(start, start + 4)])
    assert (hit.stance if hit else "neutral") == expected
    if expected != "neutral":
        assert stance._target_score(text, [(start, start + 4)]) == 0.0  # the parse alone gives none


def test_a_comment_attacking_its_own_government_is_not_against_the_pages_government():
    syria = Actor("a1", "Syrian government", aliases=["government", "Damascus"])
    comments = run([("ann", "Our war criminal government trained and armed these militants.")], actors=[syria])
    assert [(s.actor, s.stance) for s in comments[0].stance] == [("Syrian government", "neutral")]


# --- models and registration ------------------------------------------------------------------------------


def test_model_files_are_small_carded_and_calibrated():
    files = sorted(MODEL_DIR.glob("comments-*.npz"))
    assert {f.stem for f in files} == {
        "comments-abuse",
        "comments-sarcasm",
        "comments-abuse-encoder",
        "comments-abuse-blend",
        "comments-sarcasm-encoder",
        "comments-spans",
        "comments-stance",
    }
    assert sum(f.stat().st_size for f in files) < 5_000_000
    for f in files:
        card = f.with_suffix(".card.md").read_text(encoding="utf-8")
        if f.stem == "comments-spans":  # trained on Toxic Spans alone (CC0), a ranking, not a calibrated probability
            assert "CC0" in card
        elif f.stem == "comments-stance":  # trained on the project's own written rows only: a check, never a stance
            assert "NewsMTSC" in card and "HEAD_VETO" in card and "no third-party data" in card
        else:
            assert "MIT" in card and "ECE" in card
    assert "CC BY 4.0" in (MODEL_DIR / "comments-abuse.card.md").read_text(encoding="utf-8")
    model = load_model("comments-abuse")
    assert model.names == ["toxicity", "insult", "identity_attack", "severe_toxicity"]
    for head in model.heads:
        assert np.all(np.diff(head.curve_y) >= 0) and 0 <= head.curve_y.min() <= head.curve_y.max() <= 1


def test_features_are_stable_and_normalized():
    matrix = featurize(["The harbour is closed.", "", "the HARBOUR is closed."])
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    assert np.allclose(norms, [1, 0, 1], atol=1e-5)
    assert (matrix[0] != matrix[2]).nnz == 0  # case does not matter


def test_stage_is_registered_and_runs_from_the_pipeline():
    from rashomon.pipeline import run_stages

    analysis = make_analysis([("ann", "I hope the harbour master gets shot.")])
    run_stages(analysis, ["actors", "comments"])
    assert "threat" in analysis.page.comments[0].flags
    assert not [w for w in analysis.warnings if w.code == "stage_failed"]
    assert COMMENT_STEPS[0] == "language"


def test_abuse_score_texts_handles_an_empty_batch():
    assert abuse.score_texts([]) == []


def test_a_missing_model_file_is_a_warning_not_a_failure(monkeypatch, tmp_path):
    from rashomon.comments import models

    models.load_model.cache_clear()
    monkeypatch.setattr(models, "MODEL_DIR", tmp_path)
    try:
        analysis = make_analysis([("ann", "I hope the harbour master gets shot. /s")])
        analyze_comments(analysis, Options().with_values({"comments.mode": "fast"}))
    finally:
        models.load_model.cache_clear()
    comment = analysis.page.comments[0]
    assert any(w.code == "comment_model_missing" for w in analysis.warnings)
    assert "sarcasm_marker" in comment.flags and "sarcasm" not in comment.scores
    assert comment.language == "en" and "toxicity" not in comment.scores


@pytest.mark.parametrize(
    "text",
    [
        "I'd love to see that assessor in a shallow grave.",
        "Somebody should hunt him down before the audit.",
        "Hope the whole tariff board meets their maker this winter.",
        "I'll break your kneecaps if you tow my van again.",
        "Those landlords deserve the gallows.",
    ],
)
def test_threat_phrasings_added_from_general_knowledge_are_flagged(text):
    assert threats.find_threats(text), text


@pytest.mark.parametrize(
    "text",
    [
        "That vote should be the final nail in the coffin for the ferry levy.",
        "Satire should be punching up, not down.",
        "The museum shows a guillotine from 1793 and the crowd's letters about it.",
        "Rescuers found body bags were in short supply after the flood, the agency said.",
    ],
)
def test_new_threat_outcomes_leave_idioms_and_reporting_alone(text):
    assert not threats.find_threats(text), text


# --- issue 22: encoder heads, lexicon never removes a flag, language gate, modes ------------------------------


def test_encoder_heads_are_carded_with_their_thresholds():
    from rashomon import heads

    abuse_head = heads.load(abuse.ENCODER_HEAD)
    assert set(abuse_head.labels) == {"toxicity", "insult", "identity_attack", "severe_toxicity"}
    card = (MODEL_DIR / f"{abuse.ENCODER_HEAD}.card.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in card and "MIT" in card
    for label, threshold in abuse_head.thresholds.items():
        assert 0 < threshold < 1 and f"{threshold:.3f}" in card, label
    sarcasm_head = heads.load(sarcasm.ENCODER_HEAD)
    assert sarcasm_head.labels == ("sarcasm",)
    assert f"{sarcasm_head.thresholds['sarcasm']:.3f}" in (MODEL_DIR / f"{sarcasm.ENCODER_HEAD}.card.md").read_text(
        encoding="utf-8"
    )


def test_a_profane_word_never_removes_a_models_flag():
    text = "What bullshit, you lying weasel of a councillor."
    high = {head: np.array([0.9]) for head in abuse.MODEL_HEADS}
    result = abuse.score_texts([text], model_scores=high, thresholds={head: 0.5 for head in abuse.MODEL_HEADS})[0]
    assert {"toxicity", "insult", "profanity"} <= set(result.flags)
    low = {head: np.array([0.1]) for head in abuse.MODEL_HEADS}
    result = abuse.score_texts([text], model_scores=low, thresholds={head: 0.5 for head in abuse.MODEL_HEADS})[0]
    assert "profanity" in result.flags and "insult" not in result.flags


@pytest.mark.parametrize(
    "text",
    [
        "@USER @USER so true URL",
        "#Harbourgate #PortSarn lol he aint never gonna pay that",
        "@USER Trash",
        "https://example.org/story she be lyin fr",
    ],
)
def test_short_english_posts_with_handles_links_and_hashtags_are_english(text):
    assert language.detect(text) == "en"


def test_comments_in_other_languages_are_still_left_unscored():
    assert language.detect("Der Bürgermeister hat die Brücke gestern endlich eröffnet, sagt die Zeitung.") == "de"
    assert language.detect("Le maire a enfin ouvert le pont hier, selon le journal local.") == "fr"


def test_the_fast_mode_and_the_encoder_mode_both_score_and_an_unknown_mode_is_refused():
    from rashomon.errors import ConfigError

    comments = [("ann", "You are a stupid idiot and everybody knows it."), ("bo", "The ferry leaves at noon.")]
    for mode in ("encoder", "fast"):
        analysis = make_analysis(comments)
        analyze_comments(analysis, Options().with_values({"comments.mode": mode}))
        insult, plain = analysis.page.comments
        assert "insult" in insult.flags and not {"toxicity", "insult"} & set(plain.flags), mode
        assert 0 <= plain.scores["sarcasm"] <= 1
    with pytest.raises(ConfigError):
        analyze_comments(make_analysis(comments), Options().with_values({"comments.mode": "turbo"}))


@pytest.mark.parametrize(
    "text",
    [
        "I cant wait for it to be executed fully, the new ferry timetable is great.",
        "Tomatoes do better if you bury them deeper into the soil than they sat in the pot.",
        "Sure, let's hang every harbour clerk who filed late. /s",
    ],
)
def test_non_violent_senses_and_sarcastic_wishes_are_not_threats(text):
    assert "threat" not in flags_of(text)


def test_a_plain_wish_of_execution_is_still_a_threat():
    assert "threat" in flags_of("I cant wait for that harbour master to be executed.")


def test_weak_reply_guesses_are_not_made_where_the_markup_nests_replies():
    """On an HTML page whose markup nests replies, a comment it leaves at the top level was posted there:
    "That's a lovely loaf" below another reader's compliment is no answer to it (real pages, session 8)."""
    pairs = [
        ("mira", "Baked this on Sunday, the crust came out perfect."),
        ("host", "So glad you liked it, Mira!", "c1"),
        ("tove", "That's a lovely loaf, I will try it with rye flour."),
        ("ugo", '"the crust came out perfect" - what oven temperature did you use?'),
    ]
    analysis = make_analysis(pairs)
    analysis.page.source_format = "html"
    analyze_comments(analysis)
    by_id = {c.id: c for c in analysis.page.comments}
    assert by_id["c3"].reply_to is None  # "That's ..." opens like an answer, but the page put it at the top
    assert (by_id["c4"].reply_to, by_id["c4"].reply_reason) == ("c1", "quotes")  # a quotation still links
    assert by_id["c2"].reply_to == "c1" and by_id["c2"].reply_reason is None
    flat = run([pair[:2] for pair in pairs])  # the same comments in a text dump without structure
    assert {c.id: c.reply_reason for c in flat}["c3"] == "answers_previous"


def test_a_comment_is_never_a_reply_to_one_posted_after_it():
    comments = [
        Comment("c1", "ines", "The council closed the pool for the summer.", 0, 10, posted_at="2024-05-02T10:00:00"),
        Comment("c2", "jon", "Yes, and the library too.", 20, 30, posted_at="2024-05-01T09:00:00"),
        Comment("c3", "kai", "Yes, and the bus line as well.", 40, 50, posted_at="2024-05-02T11:30:00+02:00"),
    ]
    threads.link_replies(comments)
    assert comments[1].reply_to is None  # posted a day before the comment above it
    assert comments[2].reply_to == "c2" and comments[2].reply_reason == "answers_previous"


# --- issue 22, functional cases: violence wished on a whole group, conditional promises ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Any Portuguese sailor who docks here will be shot.",
        "The next Lutheran that walks into my shop gets stabbed.",
        "We need to get rid of the Catholics in this valley for good.",
        "I'm going to hurt the next deaf person who asks me for directions.",
        "Somebody should beat up every Somali on this street.",
    ],
)
def test_violence_promised_or_wished_on_a_group_is_a_threat(text):
    assert "threat" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "We should get rid of the harbour master at the next election.",
        "The council wants to get rid of the old ferry timetable.",
        "This scandal should hurt them badly at the polls.",
        "The first fisherman who was shot was a teenager, police said.",
        "Any pupil that gets caught will be kept after class.",
        "The next driver who parks here gets towed.",
    ],
)
def test_removal_of_officials_and_plans_and_reported_shootings_are_not_threats(text):
    assert "threat" not in flags_of(text)


# --- issue 22, functional cases: abuse denied, quoted to denounce it, or reported is not evidence -------------


@pytest.mark.parametrize(
    ("text", "word", "is_mentioned"),
    [
        ("Harbour pilots are not disgusting.", "disgusting", True),
        ("I would never hurt a ferry clerk.", "hurt", True),
        ("You have to stop calling the dockers vermin.", "vermin", True),
        ("Saying that the islanders are scum is plain prejudice.", "scum", True),
        ("The sign read 'sailors are scum' and the mayor took it down.", "scum", True),
        ("He is no idiot.", "idiot", True),
        # scare quotes: a label held at arm's length, no cue needed (issue 22)
        ('Standing up to invaders turns an eye doctor into a "brutal tyrant."', "brutal tyrant", True),
        ("Funny how the “evil” neighbours were the ones handing out bread.", "evil", True),
        # abuse used, not mentioned
        ("You are not just stupid, you are a liar.", "stupid", False),
        ("Don't be such an idiot.", "idiot", False),
        ("Nobody likes you, idiot.", "idiot", False),
        ("No wonder you are a moron.", "moron", False),
        ("You are nothing but a parasite.", "parasite", False),
        ("I'm calling you an idiot because you are one.", "idiot", False),
        ("He wrote a letter. You are scum.", "scum", False),
        ("Standing up to invaders turns an eye doctor into a brutal tyrant.", "brutal tyrant", False),
        ('He asked for "more time to read the report" and then called us morons.', "morons", False),
        # a long quotation is no scare quote; on its own it is the writer's, with the writer's sentence going on
        # after it it is someone's words reported (session 35)
        ('"You lot are a bunch of spineless cowards who never read the report."', "cowards", False),
        ('"You lot are a bunch of spineless cowards who never read the report," the skipper wrote.', "cowards", True),
    ],
)
def test_denied_quoted_or_reported_abuse_is_mentioned_not_used(text, word, is_mentioned):
    folded = lexicon_fold(text)
    start = folded.index(word)
    assert mention.mentioned(folded, start, start + len(word)) is is_mentioned


def lexicon_flags(text: str, label: str) -> bool:
    """Whether the abuse lexicon's hits on ``text`` carry ``label``."""
    return any(h.label == label for h in abuse.score_texts([text])[0].hits)


@pytest.mark.parametrize(
    ("text", "profane"),
    [
        ("Their hands are bloody and they know it.", False),
        ("They know. Their hands are bloody.", False),
        ("It was a bloody war that nobody at the harbour wanted.", False),
        ("The ferry should bloody well leave on time.", True),
        ("This timetable is bloody ridiculous.", True),
        ("Bloody hell, the bridge is shut again.", True),
    ],
)
def test_bloody_is_profane_as_an_intensifier_not_as_the_plain_adjective(text, profane):
    assert lexicon_flags(text, "profanity") is profane


def test_a_negated_word_that_is_not_abusive_is_not_a_denial():
    # "I don't respect them": the negation is the abuse; "they are not disgusting" denies it
    assert not abuse.abusive_on_its_own("respect")
    assert not abuse.abusive_on_its_own("the jews")
    assert abuse.abusive_on_its_own("disgusting")
    assert abuse.abusive_on_its_own("vermin")  # a lexicon word


def test_a_negated_insult_word_sets_no_floor_but_a_slur_still_does():
    denied = abuse.score_texts(["The dockers are not vermin."])[0]
    assert not any(h.label == "insult" for h in denied.hits)
    used = abuse.score_texts(["The dockers are vermin."])[0]
    assert any(h.label == "insult" for h in used.hits)


@pytest.mark.parametrize("mode", ["fast", "encoder"])
def test_a_denial_or_counter_speech_has_nothing_to_show(mode):
    comments = [
        ("ann", "The dockers are not vermin."),
        ("bo", "You have to stop calling the dockers vermin."),
        ("cy", "The dockers are vermin."),
    ]
    analysis = make_analysis(comments)
    analyze_comments(analysis, Options().with_values({"comments.mode": mode}))
    denied, reported, used = analysis.page.comments
    assert not {"toxicity", "insult"} & set(denied.flags)
    assert not {"toxicity", "insult"} & set(reported.flags)
    assert "toxicity" in used.flags


@pytest.mark.parametrize(
    "text",
    ["Disabled people are subhuman.", "Hindus are nothing but vermin.", "Vermin, all of these Somalis."],
)
def test_dehumanizing_phrases_name_any_group(text):
    assert "identity_attack" in flags_of(text)


def test_a_denied_dehumanizing_phrase_is_not_an_identity_attack():
    assert "identity_attack" not in flags_of("Saying that disabled people are subhuman is plain prejudice.")


# --- session 14 (issue 22): a comment about a group read by the encoder heads in the default mode; hatred
# declared for a group; a group's name beside denied abuse ----------------------------------------------------


def test_a_comment_that_names_a_group_is_scored_by_the_encoder_heads_in_the_default_mode(monkeypatch):
    import rashomon.comments as stage

    monkeypatch.setattr(stage, "GROUP_HATE_BY_ENCODER", False)  # its flag would raise the score it sets
    # one comment per run: the int8 encoder's vectors move a little with the batch a text is padded in
    named = [("a", "Whenever Sikhs move onto a street the whole street goes downhill.")]
    other = [("b", "Whenever the ferry is late the whole harbour goes downhill.")]
    encoder_mode = Options().with_values({"comments.mode": "encoder"})
    bare = Options().with_values({"comments.spans": False})
    fast = run(named)[0].scores["toxicity"]
    assert fast == pytest.approx(run(named, options=encoder_mode)[0].scores["toxicity"], abs=1e-3)
    assert fast != pytest.approx(run(named, options=bare)[0].scores["toxicity"], abs=1e-3)
    # a comment that names no group: the blend of both models where the n-gram heads do not rule it out (session
    # 20), the same in both modes
    assert bare_score(other) >= abuse.BLEND_FROM
    assert run(other)[0].scores["toxicity"] == pytest.approx(
        run(other, options=encoder_mode)[0].scores["toxicity"], abs=1e-3
    )
    assert run(other)[0].scores["toxicity"] != pytest.approx(bare_score(other), abs=1e-3)
    monkeypatch.setattr(stage, "GROUPS_BY_ENCODER", False)
    assert run(named)[0].scores["toxicity"] != pytest.approx(fast, abs=1e-3)


def bare_score(comments) -> float:
    return run(comments, options=Options().with_values({"comments.spans": False}))[0].scores["toxicity"]


def test_encoder_rows_carry_their_own_thresholds():
    scores = {h: np.array([0.45, 0.45]) for h in abuse.MODEL_HEADS}
    mixed, limits = abuse.with_encoder_rows(scores, [1], {"toxicity": np.array([0.45])}, {"toxicity": 0.4})
    assert limits["toxicity"].tolist() == [0.5, 0.4]
    texts = ["The ferry timetable again.", "The ferry timetable again."]
    results = abuse.score_texts(texts, model_scores=mixed, thresholds=limits)
    assert "toxicity" not in results[0].flags and "toxicity" in results[1].flags


def test_a_row_only_the_ngram_heads_flag_keeps_their_scores():
    # e.g. leet or spaced-out spelling, which the n-gram features undo and the encoder's word pieces do not
    scores = {h: np.array([0.8, 0.8]) for h in abuse.MODEL_HEADS}
    by_encoder = {h: np.array([0.1, 0.6]) for h in abuse.MODEL_HEADS}
    mixed, limits = abuse.with_encoder_rows(scores, [0, 1], by_encoder, {h: 0.4 for h in abuse.MODEL_HEADS})
    assert mixed["toxicity"].tolist() == [0.8, 0.6] and limits["toxicity"].tolist() == [0.5, 0.4]


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("We truly detest Buddhists.", True),
        ("I can't stand Buddhists.", True),
        ("Buddhists sicken me.", True),
        ("Deaf people make me sick.", True),
        ("I don't hate Buddhists.", False),
        ("Why do people hate Buddhists?", False),
        ("Someone scrawled 'I hate Buddhists' on the bus shelter and the council painted over it.", False),
        ("I hate that Buddhists get so little airtime.", False),
    ],
)
def test_hatred_declared_for_a_group_is_an_identity_attack(text, attack):
    assert lexicon_flags(text, "identity_attack") is attack


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("The harbour would be better off without Sikhs.", True),
        ("Buddhists are a blight on the town.", True),
        ("The team is better off without the new coach.", False),
        ("The ferry clerks are a blight on the town.", False),  # not a protected group: the models decide
    ],
)
def test_dehumanizing_metaphors_and_exclusion_of_a_group(text, attack):
    assert lexicon_flags(text, "identity_attack") is attack


@dataclass
class _Span:
    start: int
    end: int


def _spans(text: str, *phrases: str) -> list[_Span]:
    return [_Span(text.index(p), text.index(p) + len(p)) for p in phrases]


def test_a_groups_name_beside_denied_abuse_is_no_evidence():
    denied = "Sikhs are not filthy."
    assert abuse.used_spans(denied, _spans(denied, "Sikhs", "filthy")) == []
    used = "Sikhs are filthy."
    assert len(abuse.used_spans(used, _spans(used, "Sikhs", "filthy"))) == 2
    reported = "Stop calling Sikhs filthy."
    assert abuse.used_spans(reported, _spans(reported, "Sikhs filthy")) == []
    assert (
        len(abuse.used_spans("Sikhs filthy, all of them.", _spans("Sikhs filthy, all of them.", "Sikhs filthy"))) == 1
    )


def test_a_groups_name_is_found_and_skipped_at_the_start_of_a_span():
    assert mention.names_a_group("The Sikhs of the harbour") and not mention.names_a_group("a jewel of a ferry")
    assert mention.group_name_end("all the deaf people filthy") == len("all the deaf people ")
    assert mention.group_name_end("filthy sikhs") == 0 and mention.group_name_end("sikhs") == 0


# --- session 15 (issue 22): a group's name judged by the whole comment; negated subjects; condemned acts; praise
# said with profanity; spelled-out hatred; threats by any common form of a violent verb ---------------------------


def test_a_groups_name_is_no_evidence_in_praise_or_in_the_writers_own_group():
    loved = "We adore Sikhs."
    assert abuse.used_spans(loved, _spans(loved, "Sikhs")) == []
    own = "As a deaf woman I enjoyed the ferry tour."
    assert abuse.used_spans(own, _spans(own, "deaf woman")) == []
    # a negated regard declares nothing: the span stays for the models to judge
    cold = "We do not respect Sikhs."
    assert len(abuse.used_spans(cold, _spans(cold, "Sikhs"))) == 1
    plain = "Sikhs run the ferry now."  # session 50: nothing cold is said, so the name alone is no evidence
    assert abuse.used_spans(plain, _spans(plain, "Sikhs")) == []


def test_abuse_the_span_head_did_not_mark_still_counts_as_denied():
    # the span on the group alone: the comment denies a word no span holds
    for text in ("Sikhs are not stupid.", "I would never stab a Sikh.", "I don't hate deaf people."):
        group = "deaf people" if "deaf" in text else ("Sikhs" if "Sikhs" in text else "Sikh")
        assert abuse.used_spans(text, _spans(text, group)) == [], text
    # "like" weighs little: not liking a group is no denial of abuse
    cold = "I don't like Sikhs."
    assert len(abuse.used_spans(cold, _spans(cold, "Sikhs"))) == 1


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("Nobody would be better off without Sikhs.", False),
        ("No one is ever better off without deaf people.", False),
        ("The harbour would be better off without Sikhs.", True),
        ("Nobody is as filthy as the ferry clerks, and Sikhs are a blight.", True),
    ],
)
def test_a_negated_subject_denies_the_phrase_after_its_auxiliaries(text, attack):
    assert lexicon_flags(text, "identity_attack") is attack


@pytest.mark.parametrize(
    ("text", "word", "is_mentioned"),
    [
        ("It is not okay to harass Sikhs at the ferry.", "harass Sikhs", True),
        ("Stop threatening the ferry clerks.", "threatening the ferry clerks", True),
        ("It's not okay to give these parasites money.", "parasites", False),
    ],
)
def test_an_act_of_abuse_the_clause_condemns_is_mentioned(text, word, is_mentioned):
    folded = text.lower()
    start = folded.index(word.lower())
    assert mention.mentioned(folded, start, start + len(word)) is is_mentioned


@pytest.mark.parametrize(
    ("text", "toxic"),
    [
        ("Fuck yeah, the ferry is running again!", False),
        ("Damn good photos of the harbour.", False),
        ("You are fucking useless.", True),
        ("Fuck yeah, those clowns at the council lost.", True),
    ],
)
def test_profanity_that_intensifies_praise_keeps_only_the_profanity_flag(text, toxic):
    flags = flags_of(text)
    assert "profanity" in flags
    assert ("toxicity" in flags) is toxic


@pytest.mark.parametrize(
    ("text", "toxic"),
    [
        # session 50: profanity said as an exclamation, aimed at no one
        ("Holy shit, the ferry was on time for once.", False),
        ("What the fuck, it's hailing in June.", False),
        ("Oh crap, I left my umbrella on the tram.", False),
        ("I'm so fucking tired after the night shift.", False),
        ("Bloody hell, the queue at the harbour office went round the block.", False),
        ("That was one hell of a gale last night, fuck me.", False),
        # the same words beside abuse aimed at someone, or aimed themselves
        ("Damn, you are an idiot.", True),
        ("Holy shit, the councillors are lying scum.", True),
        ("Fuck you.", True),
        ("Fuck off, nobody asked.", True),
        ("What a fucking idiot.", True),
        ("A fucking disgrace, that's what you are.", True),
        # found by a blind review: abuse after the exclamation, aimed at someone not addressed
        ("Shit, Councillor Vell is a worthless liar.", True),
        ("Oh crap, another article by this clueless hack of a reporter.", True),
        ("So fucking tired of these idiots at the harbour board.", True),
        # a second blind review: an exclamation beside a group or its place of worship is not cleared
        ("What the fuck, a Muslim headmaster at the Marsk school?", True),
        ("Fucking hell, another mosque going up in Port Sarn.", True),
    ],
)
def test_profanity_said_as_an_exclamation_keeps_only_the_profanity_flag(text, toxic):
    flags = flags_of(text)
    assert "profanity" in flags
    assert ("toxicity" in flags) is toxic


def test_an_exclamation_is_read_from_its_clause():
    folded = "the mayor said shit, the ferry is late"
    start = folded.index("shit")
    assert mention.exclamation(folded, start, start + 4) is None  # words before it in its clause
    folded = "the ferry is late. shit, again"
    start = folded.index("shit")
    assert mention.exclamation(folded, start, start + 4) is not None
    folded = "oh shit happens"
    start = folded.index("shit")
    assert mention.exclamation(folded, start, start + 4) is None  # the clause goes on


def test_hatred_spelled_a_letter_at_a_time_is_found_on_its_letters():
    text = "I h a t e Sikhs."
    hits = [h for h in abuse.score_texts([text])[0].hits if h.label == "identity_attack"]
    assert hits and text[hits[0].start : hits[0].end] == "h a t e Sikhs"
    assert not any(h.label == "identity_attack" for h in abuse.score_texts(["I h a v e Sikh friends."])[0].hits)


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("I met a lot of Sikhs at the harbour and I despise every one of them.", True),
        ("People keep praising Sikhs, but they are a plague.", True),
        ("Sikhs are not human.", True),
        ("I met a lot of Sikhs at the harbour and I don't hate any of them.", False),
        ("Sikhs? I never said they are a plague.", False),
        ("Sikhs are not late for the ferry.", False),
    ],
)
def test_hatred_said_of_a_group_by_a_pronoun_or_by_denying_its_humanity(text, attack):
    assert lexicon_flags(text, "identity_attack") is attack


def test_violent_verbs_are_matched_in_their_common_forms():
    assert threats.verb_forms("stab") == (["stab", "stabs", "stabbing", "stabbed"], ["stabbed"])
    assert threats.verb_forms("strangle")[0] == ["strangle", "strangles", "strangling", "strangled"]
    assert threats.verb_forms("bury")[0] == ["bury", "buries", "burying", "buried"]
    forms, participles = threats.verb_forms("blow up/blew up/blown up")
    assert "blowing up" in forms and "blown up" in participles


@pytest.mark.parametrize(
    "text",
    [
        "I intend to strangle that referee.",
        "Those councillors should be whipped in the square.",
        "We're going to torch their houses tonight.",
        "You'll be gunned down if you show your face here.",
        "I'd love to see them all dead.",
        "I'll batter you until you can't stand up.",
    ],
)
def test_intents_and_calls_by_other_violent_verbs_are_threats(text):
    assert threats.find_threats(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I want to shoot a film about the harbour.",
        "The new tariffs will hurt them at the polls.",
        "We should torch the competition next season.",
        "I'd love to see him win the race.",
        "The harbour master was stoned cold sober.",
        "I don't want to hurt anyone.",
    ],
)
def test_other_senses_of_the_new_verbs_are_not_threats(text):
    assert not threats.find_threats(text), text


def test_a_mention_of_a_spaced_name_written_without_its_space_addresses_that_commenter():
    # Q&A sites write "@AnnaK" for the commenter "Anna K"; without the "@" the squashed name is no mention
    comments = run(
        [
            ("Anna K", "The ferry timetable changed in March, not in May."),
            ("bo", "Rain again tomorrow, they say, and the pier is closed."),
            ("cy", "@AnnaK right, the March change is on the harbour website."),
            ("dee", "annak is not a word I know, and the pier will open soon."),
            ("Anna K", "The new timetable is posted at the ticket office as well, since last week."),
            ("eli", "@AnnaK thanks, I saw it there this morning on my way to work."),
            ("Anna K", "@AnnaK is me, and I will stop replying to myself about the ferry now."),
        ]
    )
    by_id = {c.id: c for c in comments}
    assert (by_id["c3"].reply_to, by_id["c3"].reply_reason) == ("c1", "addresses_author")
    assert by_id["c4"].reply_reason != "addresses_author"
    assert (by_id["c6"].reply_to, by_id["c6"].reply_reason) == ("c5", "addresses_author")  # her latest comment
    assert by_id["c7"].reply_reason != "addresses_author"  # her own name


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # session 50 (a blind review): a group told it is not welcome in a place named, or anywhere, or denied a right
        ("Kurds are not welcome in Port Sarn.", True),
        ("Sikhs are not welcome. Full stop.", True),
        ("Kurds should not be allowed to vote.", True),
        # reported, or told of a place with more said after it
        ("Kurds are not welcome in many clubs, a new survey found.", False),
        ("A councillor said Sikhs are not welcome in Marsk.", False),
        ("Kurds should not be allowed to adopt, says the bishop.", False),
    ],
)
def test_a_group_told_it_is_not_welcome_anywhere_or_denied_a_right(text, attack):
    assert lexicon_flags(text, "identity_attack") is attack


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # session 50: the span head's mark on a group's name is evidence only where something cold is said
        ("Trans people deserve the same healthcare as everyone else.", False),
        ("There are a lot of Kurds living on my street in Marsk.", False),
        ("The trans people I work with are just colleagues like anyone else.", False),
        ("Muslims bring nothing but terror and misery wherever they go.", True),
        ("Gay people are a danger to children.", True),
    ],
)
def test_a_group_named_is_no_abuse_unless_something_cold_is_said(text, flagged):
    assert bool(set(flags_of(text)) & {"toxicity", "identity_attack"}) is flagged


def test_something_cold_is_a_cold_word_or_a_word_of_the_abuse_lexicon():
    assert abuse.says_something_cold(lexicon_fold("they bring misery"))
    assert abuse.says_something_cold(lexicon_fold("what a load of crap"))
    assert not abuse.says_something_cold(lexicon_fold("kurds opened a bakery on our street"))
