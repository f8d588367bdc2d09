"""Who speaks (issue 15, session 12): the source of an attribution when the parser slips around a quotation, and
speakers named by person nouns. All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.test_attribution import run, source_of, spoken
from tests.test_attribution_rules import found


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # the quoted clause hung on the speaker: the source starts after the quotation, not inside it
        (
            '"That is a fair worry, because the crews are tired and very underpaid," Morven, 54, told the Harbour '
            "Gazette on Tuesday.",
            "Morven, 54",
            "told",
        ),
        # a subject inside the quotation ("We") taken for the cue's: the name between quotation and cue speaks
        (
            '"We were far too slow to repair the old pier from the start," Talbot, 61, told reporters in Kestrel Bay '
            "on Monday.",
            "Talbot, 61",
            "told",
        ),
        # two subjects hung on "said", one inside the quotation: the one outside it
        (
            '"The port is in panic mode. Full panic mode," said Ilse Marrow, a pilot at the Kestrel Bay harbour.',
            "Ilse Marrow, a pilot at the Kestrel Bay harbour",
            "said",
        ),
        (
            '"If the dredger does not come soon, the channel will at some point, probably sooner rather than later, '
            'close," said Ivo Brandt, an engineer who is head of the river board.',
            "Ivo Brandt, an engineer who is head of the river board",
            "said",
        ),
        # person nouns and "another" can speak
        (
            '"It was a quiet season, and the nets came up empty," one Harbour Board operative said.',
            "one Harbour Board operative",
            "said",
        ),
        ('"The ferry will run again by May," said one confidant of the mayor.', "one confidant of the mayor", "said"),
        ('"The ferry will run again by May," another said.', "another", "said"),
    ],
)
def test_the_speaker_of_a_quotation_is_named_outside_it(nlp, text, source, cue):
    speakers = [(s, c) for _, s, c, _ in found(nlp, text) if c is not None]
    assert (source, cue) in speakers


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a speech-act noun owned by "his"/"their", the object of the subject's own verb: the subject speaks
        ("Ivo Brandt kept his promise to reopen the pier by May.", "Ivo Brandt"),
        ("The council members stood by their claim that the pier was unsafe.", "The council members"),
        # the pronoun may be the object's: "his" stays
        ("The council challenged him over his comments about the ferry fares.", "his"),
        # "his" cannot point back to "she"
        ("She kept his promise to reopen the pier by May.", "his"),
    ],
)
def test_a_possessive_owner_points_back_to_the_subject_of_its_verb(nlp, text, source):
    assert [s for rule, s, _, _ in found(nlp, text) if rule == "noun.speech_act"] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "according to" names a source whatever the noun: rules, a memoir
        ("According to port rules, no boat may moor within fifty feet of the ferry ramp.", "port rules"),
        ("The pilot had worked for the port since 2004, according to her memoir.", "her memoir"),
        # but not a plan
        ("The ferry left at noon, according to plan.", None),
    ],
)
def test_according_to_names_a_source(nlp, text, source):
    sources = [s for rule, s, _, _ in found(nlp, text) if rule == "phrase.according_to"]
    assert sources == ([source] if source else [])


def test_a_headline_surname_and_the_full_name_and_title_after_it_are_one_person(nlp):
    """BASIL news, session 12: a headline's surname (the tagger's ORG) stayed a source apart from the full
    name with its title in the body, so "he" later went to someone else; the title with "the" was a third
    source."""
    analysis = run(
        nlp,
        [
            "Vell says the ferry will run again",
            "Interior Minister Tomas Vell said on Monday that the ferry would run again by May.",
            '"We have waited long enough," Vell said. The interior minister then described how the pier was '
            'repaired. "We walk to the boat now," he said.',
        ],
    )
    sources = [source_of(analysis, a) for a in spoken(analysis) if a.kind != "continuation"]
    assert {s.name for s in sources} == {"Tomas Vell"}
    assert sources[0].kind == "person"


def test_a_role_of_a_place_named_after_the_place_is_the_person(nlp):
    """BASIL news, session 12: "the mayor of <a town>, <a name>" was named "the mayor" (the parser hangs the name
    on the place), and "Ms. <surname>" later was another source."""
    analysis = run(
        nlp,
        [
            "Harbour news",
            "On Saturday, the mayor of Portsmouth, Ida Marrow, said the council had threatened to cut the ferry "
            "money. On Sunday, Ms. Marrow said the port authority had called her.",
        ],
    )
    names = {source_of(analysis, a).name for a in spoken(analysis) if a.cue.text == "said"}
    assert names == {"Ida Marrow"}


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        # a group named as a subject after the last source "they" could be is the one the text is about now
        ("Local voters are angry, and they believe the decision will ruin the town.", "Local voters"),
        ("The voters in the town were angry. They think the decision will ruin the town.", "The voters"),
        # "..., they said, ...": a report goes on with the speakers it had
        ("Local voters are angry. The repairs, they said, would take a year.", "Harbour officials"),
    ],
)
def test_they_goes_to_the_group_named_since_the_last_source(nlp, second, speaker):
    analysis = run(nlp, ["Harbour news", "Harbour officials said the pier would close in May. " + second])
    pronoun = [a for a in spoken(analysis) if a.source.text.lower() == "they"]
    assert [source_of(analysis, a).name for a in pronoun] == [speaker]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a channel noun (report, resolution, article, legal papers) someone issues: the issuer speaks
        ("The harbour board released a report saying the pier was unsafe.", "The harbour board"),
        (
            "The Kestrel Bay council on Wednesday approved a resolution condemning the ferry cuts.",
            "The Kestrel Bay council",
        ),
        ("The port authority shot back in an article stating that the pier was safe.", "The port authority"),
    ],
)
def test_the_one_who_issues_a_document_is_its_source(nlp, text, source):
    assert [s for _, s, c, _ in found(nlp, text) if c is not None] == [source]
