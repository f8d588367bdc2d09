"""The right speaker (issue 15, session 15): a participle's words to its clause's subject, one asked or forced to
do something as the one who does it, "went on" as speaking on, a relative aside in a source's span, and a person's
description linked to the person the text named. All texts are written for these tests."""

from __future__ import annotations

import pytest

from rashomon.attribution import lexicon as lexicon_module
from rashomon.attribution import matcher_for
from rashomon.attribution.rules import extract
from tests.test_attribution import run, source_of, spoken
from tests.test_attribution_rules import found

TITLE = "Harbour news"


def sources_and_cues(nlp, text: str) -> list[tuple[str | None, str]]:
    """(source, cue) of each attribution with a cue the rules find in ``text``."""
    return [(s, c) for _, s, c, _ in found(nlp, text) if c is not None]


def speakers(nlp, paragraphs: list[str]) -> list[tuple[str, str, str, bool]]:
    """(cue, source mention, the source it resolves to, unresolved) of each attribution with a cue."""
    analysis = run(nlp, [TITLE, *paragraphs])
    out = []
    for a in spoken(analysis):
        source = source_of(analysis, a)
        out.append((a.cue.text, a.source.text if a.source else None, source.name, source.unresolved))
    return out


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # the parser hangs ", saying" inside the relative clause on the builder: the words are Brandt's
        (
            "Brandt was similarly defensive when forced to explain not paying a builder who said he was cheated "
            'after he built a shed at one of Brandt\'s farms, saying, "Maybe he did a poor job."',
            "saying",
            "Brandt",
        ),
        (
            "The mayor was defensive when pressed about a builder who said he was cheated after he built a shed at "
            "the harbour, saying the work was poor.",
            "saying",
            "The mayor",
        ),
        # an absolute "with X - who ... - lambasting Y": X lambasts, named, not the relative pronoun
        (
            "Port fees have become a major issue in the race, with Ida Vell — who has called for big fee hikes on "
            "the shipping firms — lambasting Brandt's plan.",
            "lambasting",
            "Ida Vell",
        ),
        # "X, despite admitting ..., the families need ...": the parser gave the verb two subjects; the aside
        # follows the first
        (
            'Speaker Ivo Brandt, R-Ore., despite admitting that he did have his worries about "lawyers trying to get '
            'rich" that could be troubling, the families "do need to have their day in court" and he does believe '
            "the mayor is right.",
            "admitting",
            "Speaker Ivo Brandt, R-Ore.",
        ),
        # the plain case stays as it was: the clause's subject, not the thing attacked nor a later name
        ("Critics attacked the harbour deal, saying it gave away too much to the shipping firms.", "saying", "Critics"),
        (
            "The unions blasted the port plan, saying it would cost hundreds of jobs, while Governor Ivo Brandt "
            "defended it.",
            "saying",
            "The unions",
        ),
    ],
)
def test_a_participle_speaks_for_its_clauses_subject(nlp, text, cue, speaker):
    assert (speaker, cue) in sources_and_cues(nlp, text)


@pytest.mark.parametrize(
    ("paragraphs", "cue", "content", "speaker"),
    [
        (
            ['"The pier is a disgrace," Ida Vell said. She went on: "Nobody has fixed it in ten years."'],
            "went on",
            '"Nobody has fixed it in ten years."',
            "Ida Vell",
        ),
        (
            ['Ida Vell thanked the crews. She went on, "We will rebuild every dock, and we will do it fast."'],
            "went on",
            '"We will rebuild every dock, and we will do it fast."',
            "Ida Vell",
        ),
        (
            ["Ida Vell praised the crews. She went on to say that the port would reopen in spring."],
            "went on to say",
            "that the port would reopen in spring",
            "Ida Vell",
        ),
    ],
)
def test_going_on_is_speaking_on(nlp, paragraphs, cue, content, speaker):
    analysis = run(nlp, [TITLE, *paragraphs])
    said = [(a.cue.text, a.content.text, source_of(analysis, a).name) for a in spoken(analysis)]
    assert (cue, content, speaker) in said


@pytest.mark.parametrize(
    "text",
    ["The talks went on for hours.", "The strike went on: no ferry left the port for a week."],
)
def test_going_on_without_a_quotation_says_nothing(nlp, text):
    assert found(nlp, text) == []


@pytest.mark.parametrize(
    ("paragraphs", "description", "person"),
    [
        # named with the role, in an apposition or a title before the name
        (
            [
                "Ida Vell, the former Kestrel Bay governor, visited the docks on Monday.",
                "The former Kestrel Bay governor said the repairs were far too slow.",
            ],
            "The former Kestrel Bay governor",
            "Ida Vell",
        ),
        (
            ["Ida Vell, the former Kestrel Bay governor, visited the docks. The former governor said they were slow."],
            "The former governor",
            "Ida Vell",
        ),
        (
            ["Former Governor Ida Vell visited the docks on Monday. The governor said the repairs were far too slow."],
            "The governor",
            "Ida Vell",
        ),
        (
            ["Gov. Ida Vell and Sen. Ivo Brandt toured the pier. The governor said the ferry must run again."],
            "The governor",
            "Ida Vell",
        ),
        # a description that says more than the role, right after the one person the text is about
        (
            [
                "Ida Vell toured the harbour on Monday with the port director.",
                "The former Kestrel Bay governor told reporters that the ferry must run again.",
            ],
            "The former Kestrel Bay governor",
            "Ida Vell",
        ),
    ],
)
def test_a_description_is_the_person_the_text_named(nlp, paragraphs, description, person):
    assert any(s == description and name == person and not u for _, s, name, u in speakers(nlp, paragraphs))


@pytest.mark.parametrize(
    "paragraphs",
    [
        # two people the description could be: it stays a source of its own ("the governor": unresolved)
        ["Ida Vell toured the harbour on Monday with Ivo Brandt. The former Alaska governor said the ferry must run."],
        ["Ivo Brandt met Ida Vell on Monday. The former Alaska governor said the ferry must run again."],
        # a bare role with no one named with it is not taken for the last person named
        ["Ida Vell toured the harbour on Monday. The governor told reporters that the ferry must run again."],
        # named with another role: not this one
        ["Ida Vell, the mayor, toured the harbour. Later the governor said the ferry must run again."],
    ],
)
def test_a_description_is_no_one_named_when_the_text_does_not_tell(nlp, paragraphs):
    described = [(s, name) for _, s, name, _ in speakers(nlp, paragraphs) if s and s.lower().startswith("the")]
    assert described and all(name == s for s, name in described)  # a source of its own, as before


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # a relative clause set off by commas is part of the source's span, as PolNeAR marks it
        (
            "Ida Vell, who has run the harbour board since 2009, said the pier would reopen in May.",
            "Ida Vell, who has run the harbour board since 2009",
            "said",
        ),
        # a restrictive one may hold the cue itself: the span stops before it
        (
            "Ida Vell is a harbour pilot who is a fierce critic of the ferry plan.",
            "a harbour pilot",
            "is a fierce critic of",
        ),
    ],
)
def test_a_sources_span_keeps_a_relative_aside(nlp, text, source, cue):
    assert (source, cue) in sources_and_cues(nlp, text)


def test_a_relative_aside_stays_out_of_the_sources_name(nlp):
    analysis = run(nlp, [TITLE, "Ida Vell, who has run the harbour board since 2009, said the pier would reopen."])
    assert [source_of(analysis, a).name for a in spoken(analysis)] == ["Ida Vell"]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # the one forced to do something does it, not the one who forces
        (
            "The senator also forced Ivo Brandt, who was under questioning from the harbour committee, to admit that "
            "no managers had been punished.",
            "Ivo Brandt, who was under questioning from the harbour committee",
            "to admit",
        ),
    ],
)
def test_the_one_forced_to_speak_speaks(nlp, text, source, cue):
    assert (source, cue) in sources_and_cues(nlp, text)


def test_the_one_only_pushed_to_speak_has_said_nothing(nlp):
    """Pushed, asked or urged, the object has not done it yet (session 27; before, "private pilots" were given "to
    ask crews about" as PolNeAR once marks it)."""
    text = "The board has made progress, pushing private pilots to ask crews about their hours."
    assert all(source != "private pilots" for source, _ in sources_and_cues(nlp, text))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor urged Democrats to vote for the ferry deal.", "urged", "Democrats to vote for the ferry deal"),
        (
            "The host kept asking Vell to share her views on the ferry.",
            "asking",
            "Vell to share her views on the ferry",
        ),
    ],
)
def test_an_urging_is_the_urgers_with_the_one_urged_in_its_content(nlp, text, cue, content):
    """The cue is the urging alone; the one urged and what they are urged to do are its content (session 27: the
    cue used to run over the object to the infinitive, "urged Democrats to vote")."""
    said = [(s, c) for _, s, c, _ in found(nlp, text) if c]
    assert said[0][1] == cue and said[0][0] in ("The mayor", "The host")
    assert [a.content.text for a in spoken(run(nlp, [TITLE, text]))][:1] == [content]


def test_a_subjectless_cue_after_a_persons_affiliation_speaks_for_the_person(nlp):
    """The parser sometimes reads "Monday, Tove Lind" as a list and leaves "said" without a subject: the phrase
    before the verb is "Tove Lind, an adviser at Crane Partners", whose speaker is the person, not the firm at the
    end of her description."""
    text = (
        "At the hearing on Monday, Tove Lind, an adviser at Crane Partners, said the harbour board would cut its fees."
    )
    doc = nlp(text)
    by_text = {t.text: t for t in doc}
    lind, monday = by_text["Lind"], by_text["Monday"]
    lind.head, lind.dep_ = monday, "conj"  # the parser's mistake, as seen on a real page
    lexicon = lexicon_module.load()
    sources = [
        text[item.source[0] : item.source[1]]
        for item in extract(doc, lexicon, matcher_for(nlp.vocab, lexicon))
        if item.source and item.cue and text[item.cue[0] : item.cue[1]] == "said"
    ]
    assert sources and "Crane Partners" not in sources
    assert any("Lind" in s for s in sources)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # the parser hangs the told clause on the one told as a relative clause with nothing relative in it
        (
            "The harbour master told the crews she shares their worry over the new fees.",
            "The harbour master",
            "told",
            "she shares",
        ),
        ("Our skipper assured the passengers he knows every rock in the bay.", "Our skipper", "assured", "he knows"),
    ],
)
def test_a_told_clause_hung_on_the_one_told_is_what_was_told(nlp, text, speaker, cue, content):
    told = [(s, w) for _, s, c, w in found(nlp, text) if c == cue]
    assert told and told[0][0] == speaker and told[0][1].startswith(content)


@pytest.mark.parametrize(
    "text",
    [
        "Ida Vell told the man she met yesterday about the plan.",  # "met" has no object: the man is who she met
        "The pilot warned the skipper he trusts about the fog.",
    ],
)
def test_a_real_relative_clause_on_the_one_told_is_not_what_was_told(nlp, text):
    assert not [c for _, _, c, _ in found(nlp, text) if c in ("told", "warned")]


def test_a_participle_after_a_reported_feeling_is_said_by_the_one_who_reports_it(nlp):
    # a feeling reported inside someone's denial says nothing; the participle that follows is the denier's
    text = "Ms. Lind doubts the crews truly feel shut out by the board, saying every boat has had a seat at her meetings since May."
    assert ("Ms. Lind", "saying") in sources_and_cues(nlp, text)
    # a participle after a reported statement keeps that statement's speaker
    assert ("the skippers", "citing") in sources_and_cues(
        nlp, "Okafor said the skippers claimed the pier was unsafe, citing two accidents last winter."
    )


@pytest.mark.parametrize(
    ("paragraphs", "pronoun", "person"),
    [
        # the tagger reads the town as a person: a "he" after the farmer's description is the farmer's
        (
            ["Peter Lind, a farmer from Hull, lost his barn on Monday. He said the water rose within minutes."],
            "He",
            "Peter Lind",
        ),
        # the client named inside the lawyer's description is not whom the sentence is about
        (
            ["Ida Vell, a lawyer for Tom Hale, met reporters on Friday. She said the case against him was weak."],
            "She",
            "Ida Vell",
        ),
    ],
)
def test_a_pronoun_speaker_is_the_person_described_not_a_name_in_the_description(nlp, paragraphs, pronoun, person):
    assert (pronoun, person, False) in {(s, name, u) for _, s, name, u in speakers(nlp, paragraphs)}


def test_a_pronoun_speaker_after_a_plain_object_is_still_the_last_person_named(nlp):
    said = speakers(nlp, ["Ida Vell met Ivo Brandt at the pier on Friday. He said the ferry would run again."])
    assert ("He", "Ivo Brandt", False) in {(s, name, u) for _, s, name, u in said}
