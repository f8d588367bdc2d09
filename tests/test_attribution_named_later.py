"""Who speaks, as a reader of real pages sees it (issue 15, session 17): a person described first and named later,
a courtesy title left out of a source's label, and two people named together as one source (and the "they" that
refers to them). All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.test_attribution import run, source_of, spoken
from tests.test_attribution_speakers import TITLE, speakers


@pytest.mark.parametrize(
    ("paragraphs", "person"),
    [
        (
            [
                "The lawyer said the ferry contract was void.",
                "The lawyer, Jane Roe, added that the council had been told in March.",
            ],
            "Jane Roe",
        ),
        (
            [
                "The harbour master said the gates would stay shut until the storm passed.",
                '"We have no choice," the harbour master, Ilse Marrow, told reporters on the quay.',
            ],
            "Ilse Marrow",
        ),
    ],
)
def test_a_description_named_later_is_that_person(nlp, paragraphs, person):
    found = speakers(nlp, paragraphs)
    assert len(found) == 2
    assert all(name == person and not unresolved for _, _, name, unresolved in found)


def test_a_description_named_later_with_an_indefinite_role_may_be_someone_else(nlp):
    found = speakers(
        nlp,
        [
            "The lawyer said the ferry contract was void.",
            "A lawyer, Jane Roe, added that the council had been told in March.",
        ],
    )
    assert found[0][2] == "The lawyer"
    assert found[1][2] == "Jane Roe"


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        (
            "Mr. Robert P. Smith's office said the pier would reopen on Monday.",
            "Robert P. Smith's office",
            "Robert P. Smith",
        ),
        ("Mr. Smith's office said the pier would reopen on Monday.", "Smith's office", "Smith"),
        ("Dr. Ada Lind's spokeswoman said the clinic would reopen on Monday.", "Ada Lind's spokeswoman", "Ada Lind"),
        ("Ms. Jane Roe said the pier would reopen on Monday.", "Jane Roe", None),
        ('"The pier will reopen," Mrs. Vell said.', "Vell", None),
    ],
)
def test_a_courtesy_title_is_no_part_of_a_sources_label(nlp, text, name, affiliation):
    analysis = run(nlp, [TITLE, text])
    (attribution,) = spoken(analysis)
    source = source_of(analysis, attribution)
    assert (source.name, source.affiliation) == (name, affiliation)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tannhauser and Okonjo said the pier would reopen on Monday.", "Tannhauser and Okonjo"),
        ("Mr. Quist and Mr. Farrow said the pier would reopen on Monday.", "Quist and Farrow"),
    ],
)
def test_two_people_named_together_are_one_source_by_both_names(nlp, text, name):
    analysis = run(nlp, [TITLE, text])
    (attribution,) = spoken(analysis)
    assert source_of(analysis, attribution).name == name


@pytest.mark.parametrize(
    ("paragraphs", "pair"),
    [
        (
            ["The tide tables were drawn up by Quist and Farrow. According to them, the pier floods twice a year."],
            "Quist and Farrow",
        ),
        (
            ["Ada Lind and Ivo Brandt toured the harbour on Monday. They said the pier would reopen soon."],
            "Ada Lind and Ivo Brandt",
        ),
    ],
)
def test_they_after_a_pair_of_names_is_the_pair(nlp, paragraphs, pair):
    ((_, _, name, unresolved),) = speakers(nlp, paragraphs)
    assert (name, unresolved) == (pair, False)


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["The pier was closed on Monday. They said it would reopen soon."],
        ["Ada Lind met Ivo Brandt and Ilse Marrow at the harbour. They said the pier would reopen soon."],
    ],
)
def test_they_stays_unresolved_when_no_one_pair_is_named_before(nlp, paragraphs):
    ((_, _, _, unresolved),) = speakers(nlp, paragraphs)
    assert unresolved


@pytest.mark.parametrize(
    ("first", "names"),
    [
        # one of a pair named alone is not the pair
        ("Tannhauser and Okonjo", ["Tannhauser and Okonjo", "Okonjo"]),
        # one of a pair named by surname later keeps the full name
        ("Ada Lind and Ivo Brandt", ["Ada Lind and Ivo Brandt", "Ada Lind"]),
        # a surname the tagger reads as a plural is still the same person
        ("Bernie Haynes", ["Bernie Haynes", "Bernie Haynes"]),
        # a surname the tagger types as a body takes the pair's full name
        ("Marta Vell and Sen. Oskar Brandt", ["Marta Vell and Oskar Brandt", "Oskar Brandt"]),
    ],
)
def test_a_surname_named_alone_after_a_person_or_a_pair(nlp, first, names):
    later = names[-1].split()[-1]
    found = speakers(
        nlp,
        [f"{first} said the pier would reopen on Monday.", f"{later} added that the ferry would run again in May."],
    )
    assert [name for _, _, name, _ in found] == names


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "Mayor Tom Vell said the budget was tight.",
            "According to Ada Lind and Ivo Brandt, the pier would reopen on Monday.",
            "He added that the ferry would run again in May.",
        ],
        [
            "Mayor Tom Vell said the budget was tight.",
            "Lind and Brandt said the pier would reopen on Monday.",
            "Later he added that the ferry would run again in May.",
        ],
    ],
)
def test_a_he_after_two_people_named_together_is_not_guessed(nlp, paragraphs):
    # either of the two, or the mayor before them: the pronoun is left unresolved, not guessed
    *_, (cue, _, _, unresolved) = speakers(nlp, paragraphs)
    assert cue == "added" and unresolved
