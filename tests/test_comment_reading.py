"""The comment as the abuse models read it (issue 22): a harsh word that is no lexicon word, disguised by leet,
spaced letters, a swapped or a dropped letter, is read as that word by the models, with its evidence on the
letters the writer typed; English words, names and handles are left as written. Sentences written for these
tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.comments import spelling
from tests.test_comments_spelling import comment_of


@pytest.mark.parametrize(
    "text,read",
    [
        ("Those people are disgsuting.", "Those people are disgusting."),  # two letters swapped
        ("Those people are disgustng.", "Those people are disgusting."),  # a letter dropped
        ("Those people are d1sgust1ng.", "Those people are disgusting."),  # leet
        ("Those people are v1le", "Those people are vile"),  # leet in a short harsh word
        ("We should k i l l them all", "We should kill them all"),  # letters spaced apart
        ("they are D I S G U S T I N G", "they are DISGUSTING"),  # spaced capitals keep their case
        ("We should klil them all", "We should kill them all"),  # a swap in a four-letter violent verb
        ("What a horirble man", "What a horrible man"),
    ],
)
def test_a_disguised_harsh_word_is_read_as_the_word(text, read):
    assert spelling.reading(text)[0] == read


@pytest.mark.parametrize(
    "text",
    [
        "Kil is the name of the hamlet",  # capitalised: a name
        "The band was rapping and stabbing at the air",  # English inflections the vocabulary may not list
        "Great game up! See @kilr on the 10th",  # a handle, a number with a suffix, "!" after a word
        "He is a twt",  # too short to be read as a misspelling
        "We should kil the lights",  # "kil" may be "kiln" or "kilo": a common word mistyped, left alone
        "She would irritate anyone",  # another form of a harsh word, not a misspelling of it
        "plain words only",
    ],
)
def test_english_words_names_and_handles_are_left_as_written(text):
    assert spelling.reading(text) == (text, None)


def test_each_character_of_the_reading_points_back_at_what_was_typed():
    text = "ok so they are d i s g u s t i n g and v1le, really disgsuting"
    read, back = spelling.reading(text)
    assert back is not None and len(back) == len(read)
    assert all(0 <= k < len(text) for k in back) and back == sorted(back)
    for word, typed in (("disgusting", "d i s g u s t i n g"), ("vile", "v1le")):
        start = read.index(word)
        assert text[back[start] : back[start + len(word) - 1] + 1] == typed
    last = read.rindex("disgusting")
    assert text[back[last] : back[last + len("disgusting") - 1] + 1] == "disgsuting"


def test_the_edit_table_reads_no_common_word_or_other_form():
    table = spelling.read_table()
    assert table["disgsuting"] == "disgusting" and table["klil"] == "kill"
    assert "kil" not in table and "irritate" not in table and "heat" not in table
    assert all(len(word) >= spelling.MIN_READ_WORD_CHARS for word in table.values())


@pytest.mark.parametrize(
    "plain,disguised",
    [
        ("Immigrants are disgusting.", "Immigrants are disgsuting."),
        ("Immigrants are disgusting.", "Immigrants are d1sgust1ng."),
        ("Immigrants are disgusting.", "Immigrants are d i s g u s t i n g."),
    ],
)
def test_a_disguised_word_gets_the_flags_of_the_word_with_evidence_on_what_was_typed(plain, disguised):
    want, got = comment_of(plain), comment_of(disguised)
    assert want.flags and set(got.flags) == set(want.flags)
    typed = disguised.split(" are ")[1].rstrip(".")
    assert got.evidence
    for evidence in got.evidence:
        assert evidence.start >= got.start and evidence.end <= got.end
        shown = evidence.text
        assert typed in shown or shown in disguised, (shown, typed)


@given(st.text(alphabet=st.sampled_from(list("abdegiklnstuv13$@! .\n-'KLDS")), max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_text_reads_with_a_map_back_onto_it(text):
    read, back = spelling.reading(text)
    if back is None:
        assert read == text
    else:
        assert len(back) == len(read)
        assert all(0 <= k < len(text) for k in back) and back == sorted(back)
