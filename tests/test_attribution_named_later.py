"""Who speaks, as a reader of real pages sees it (issue 15, session 17): a person described first and named later,
a courtesy title left out of a source's label, and two people named together as one source (and the "they" that
refers to them). All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.test_attribution import run, source_of, spoken

TITLE = "Harbour news"


def speakers(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str, bool]]:
    """(cue, source mention, the source's name, unresolved) of each attribution with a cue."""
    analysis = run(nlp, [TITLE, *paragraphs])
    out = []
    for a in spoken(analysis):
        source = source_of(analysis, a)
        out.append((a.cue.text, a.source.text if a.source else None, source.name, source.unresolved))
    return out


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
        ("Mr. Autor and Mr. Hanson said the pier would reopen on Monday.", "Autor and Hanson"),
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
            ["The tide tables were drawn up by Blake and Mouton. According to them, the pier floods twice a year."],
            "Blake and Mouton",
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


def test_one_of_a_pair_named_alone_is_not_the_pair(nlp):
    found = speakers(
        nlp,
        [
            "Tannhauser and Okonjo said the pier would reopen on Monday.",
            "Okonjo added that the ferry would run again in May.",
        ],
    )
    assert [name for _, _, name, _ in found] == ["Tannhauser and Okonjo", "Okonjo"]


def test_one_of_a_pair_named_by_surname_later_keeps_the_full_name(nlp):
    found = speakers(
        nlp,
        [
            "Ada Lind and Ivo Brandt said the pier would reopen on Monday.",
            "Lind added that the ferry would run again in May.",
        ],
    )
    assert [name for _, _, name, _ in found] == ["Ada Lind and Ivo Brandt", "Ada Lind"]


def test_a_surname_the_tagger_reads_as_a_plural_is_still_the_same_person(nlp):
    found = speakers(
        nlp,
        [
            "Bernie Haynes said the pier would reopen on Monday.",
            "Haynes added that the ferry would run again in May.",
        ],
    )
    assert [name for _, _, name, _ in found] == ["Bernie Haynes", "Bernie Haynes"]


def test_a_surname_the_tagger_types_as_a_body_takes_the_pairs_full_name(nlp):
    found = speakers(
        nlp,
        [
            "Hillary Vell and Sen. Bernie Brandt said the pier would reopen on Monday.",
            "Brandt added that the ferry would run again in May.",
        ],
    )
    assert [name for _, _, name, _ in found] == ["Hillary Vell and Bernie Brandt", "Bernie Brandt"]
