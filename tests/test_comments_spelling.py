"""Spelling variants of abusive words (issue 22) on sentences written for these tests: each kind of variant is
found as the lexicon word it hides, with its evidence on the page, and English words near a lexicon word are
left alone."""

from __future__ import annotations

import pytest

from rashomon.comments import abuse, analyze_comments, spelling
from rashomon.comments.features import featurize, normalize
from rashomon.model import Analysis, Comment, Page


def comment_of(text: str) -> Comment:
    page_text = "The harbour board met on Tuesday.\n\n" + text
    start = page_text.index(text)
    comment = Comment("c1", "reader", text, start, start + len(text))
    analysis = Analysis(page=Page(text=page_text, comments=[comment]))
    analyze_comments(analysis)
    return analysis.page.comments[0]


@pytest.mark.parametrize(
    "token,category",
    [
        ("1d10t", "insult"),  # leet at the start of the word too
        ("st00p1d", None),  # leet undone, but "stoopid" is two edits away: not guessed
        ("id*ot", "insult"),  # a star for a vowel: the insult, not only masked profanity
        ("stuuuupid", "insult"),  # a run of one letter
        ("idiiot", "insult"),  # a doubled letter in a word that is not English
        ("cretni", "insult"),  # two letters swapped, lexicon word of six letters
        ("parsites", "insult"),  # one letter dropped
        ("urparasites", "insult"),  # run together with a short word
        ("youidiot", "insult"),
    ],
)
def test_a_spelling_variant_takes_its_words_category(token, category):
    assert abuse._category_of(token) == category


@pytest.mark.parametrize(
    "token",
    [
        "loses",  # "losers" with a letter dropped, but an English word
        "certin",  # one letter from "cretin", but "certain" mistyped
        "moons",  # "morons" without the r: an English plural
        "amass",  # "am" + "ass": the lexicon word is too short to split off
        "classes",
        "therapist",
        "hat",  # short lexicon-free words are never edited
    ],
)
def test_english_words_near_a_lexicon_word_are_not_abuse(token):
    assert abuse._category_of(token) is None


def test_the_edit_table_keeps_off_english_words_and_short_lexicon_words():
    table = spelling.edit_table()
    assert table["vemrin"] == "vermin" and table["bastad"] == "bastard"
    assert "loses" not in table and "certin" not in table
    assert all(len(word) >= spelling.MIN_EDIT_WORD_CHARS for word in table.values())
    assert not any(edit in spelling.english_words() for edit in table)


@pytest.mark.parametrize(
    "text,shown",
    [
        ("You absolute i d i o t, read the report.", "i d i o t"),
        ("Those clowns are v.e.r.m.i.n and everyone knows it.", "v.e.r.m.i.n"),
        ("i m b e c i l e s, all of the board", "i m b e c i l e s"),
    ],
)
def test_letters_spelled_apart_are_found_with_their_span(text, shown):
    comment = comment_of(text)
    assert "toxicity" in comment.flags
    assert shown in [e.text for e in comment.evidence]


def test_a_spelled_out_word_keeps_the_pronoun_before_it_apart():
    assert spelling.join_spaced("i h a t e the new timetable") == "i hate the new timetable"
    assert spelling.join_spaced("you i d i o t") == "you idiot"
    assert spelling.join_spaced("plan b is a good one") == "plan b is a good one"
    assert [(w, o) for w, o in spelling.spaced_runs("so a b c.")] == [("abc", [3, 5, 7])]


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Vane is a bastad and a lowlfe.",
        "The board are a bunch of m0r0ns.",
        "Ur a total cretni, Fred.",
    ],
)
def test_misspelled_insults_are_flagged_in_the_stage(text):
    comment = comment_of(text)
    assert "toxicity" in comment.flags and "insult" in comment.flags


@pytest.mark.parametrize(
    "text",
    [
        "Certin people lose their keys; the team loses again.",
        "The moons of Jupiter amass dust in their orbits.",
        # read as "creeps" (two letters swapped; no word list holds "crepe(s)"), but not said of anyone, so not
        # toxic (comments.TOXICITY_NEEDS_TARGET)
        "I had crepes at the harbour cafe.",
    ],
)
def test_near_miss_english_is_not_flagged(text):
    assert not {"toxicity", "insult", "identity_attack"} & set(comment_of(text).flags)


def test_the_models_features_read_a_spelled_out_word_as_the_word():
    assert normalize("You are an I D I O T.") == normalize("You are an idiot.")
    spaced, plain = featurize(["they are d i s g u s t i n g", "they are disgusting"])
    assert (spaced != plain).nnz == 0
