"""A slur the writer applies to themself, or names as a word, attacks no one (issue 22, session 36).

"I'm a proud dyke", "we fags look after our own" and "I call myself a tranny" are reclaimed words: offensive
language to some readers (``profanity``), no identity attack, and no ``toxicity`` unless something else in the
comment is aimed at someone. "The word ... has no place here" names the word. Said of anyone else ("you're a
...", "come with us, ...", "all the ...s"), denied of oneself ("I'm not a ..."), or beside other abuse, the slur
keeps its flags. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import abuse, lexicon, mention
from tests.test_comment_contempt import flags_of

ABUSE = {"toxicity", "identity_attack", "insult", "severe_toxicity"}


@pytest.mark.parametrize(
    "text",
    [
        "I'm a tranny and I love my life in Varnholt.",
        "I'm a proud, loud dyke and the choir knows it.",
        "As a gay man I call myself a fag and I'm fine with it.",
        "We dykes look after each other at the Orrin club.",
        "Us fags have run this bakery for thirty years.",
        "Proud to be a dyke since the first march in Tallen.",
        "They call me a fag at work and I just laugh.",
        "We took the word dyke back and print it on our banners.",
        "The slur 'tranny' has no place in this paper.",
        # session 37
        "As a proud dyke, I run the Port Sarn choir.",
        "Just your friendly neighbourhood fag, back with more garden photos.",
    ],
)
def test_a_slur_the_writer_applies_to_themself_or_names_is_no_attack(text):
    flags = flags_of(text)
    assert "profanity" in flags
    assert not flags & ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "You're a fag and everyone in Korvo knows it.",
        "Come and fight with us fag, if you dare.",
        "I'm not a fag, stop saying that.",
        "Those dykes should leave the club.",
        "The word is out: the trannies should leave town.",
        "I'm a proud dyke and you are a worthless idiot.",
        "As a proud citizen of Marsk, I say you are a fag.",
    ],
)
def test_a_slur_said_of_someone_else_keeps_its_flags(text):
    assert flags_of(text) & ABUSE


def test_the_rule_reads_the_words_before_the_slur_in_its_sentence():
    folded = lexicon.fold("We won the cup. Fags were everywhere.")
    assert not mention.reclaimed_or_named(folded, folded.index("fags"), folded.index("fags") + 4)
    folded = lexicon.fold("we're fags and proud")
    assert mention.reclaimed_or_named(folded, folded.index("fags"), folded.index("fags") + 4)
    # a singular slur after "us" is an address, not the writer's group
    folded = lexicon.fold("come with us fag")
    assert not mention.reclaimed_or_named(folded, folded.index("fag"), folded.index("fag") + 3)


def test_only_a_slur_is_read_back_as_reclaimed():
    folded = lexicon.fold("i'm a proud idiot")  # an insult word the writer takes on is not a slur
    assert not abuse.reclaimed_slur(folded, folded.index("idiot"), folded.index("idiot") + 5)
    folded = lexicon.fold("i'm a proud dyke")
    assert abuse.reclaimed_slur(folded, folded.index("dyke"), folded.index("dyke") + 4)


@pytest.mark.parametrize(
    "text",
    [
        # session 50: the writer's own life told as one, the first person after the slur in the same sentence
        "Being a dyke in a mining town made me tougher than anyone I know.",
        "Growing up as a fag in Marsk taught me who my real friends were.",
        "Life as a tranny in Port Sarn is hard but I wouldn't change a thing.",
        "Being a dyke on the trawlers taught me who my friends were, and half of them sail with me now.",
        # the writer among a plural, a claim made after the word, "myself"
        "My mates and I are all dykes and we run the Varnholt quiz night.",
        "Fag and proud, thirty years this spring.",
        "As a dyke myself, I find that sketch hilarious.",
        # found by a blind review (session 50)
        "Speaking as a dyke, the new harbour centre is a blessing.",
        "Proud fag here, and this article made me cry.",
        "I grew up a dyke in Marsk and I'm proud of it.",
        "Dyke and proud, see you at the festival on Saturday.",
    ],
)
def test_a_slur_the_writer_tells_their_own_life_by_is_no_attack(text):
    flags = flags_of(text)
    assert "profanity" in flags
    assert not flags & ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "Being a fag means you deserve nothing from this town.",  # the opening, then "you"
        "Being a dyke is a disgrace and I hate them all.",  # the first person, but "them"
        "Growing up next to a fag ruined my childhood.",  # the writer is not the one named
        "My brother and I think dykes should leave the club.",  # "and I" is no copula before the slur
        "They're all fags and proud of it, disgusting.",  # "and proud" said of them
        "Look at them, dykes and proud, disgusting.",
        "Speaking as a teacher, fags ruin every class.",  # the writer is a teacher, the slur is for others
        # found by a second blind review (session 50): the slur as a modifier, a self-description mocked
        "Proud dyke hunter here.",
        "Speaking as a fag hater, the mural should be painted over.",
        "Dyke and proud? Go back to where you came from.",
        "Fags and proud of it? Not in our town, get out.",
    ],
)
def test_an_opening_or_a_first_person_does_not_excuse_a_slur_aimed_at_others(text):
    assert flags_of(text) & ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "Our choir in Tallen reclaimed dyke years ago and sings it proudly.",
        "A man on the tram called my cousin a fag and nobody said a word.",
        "I was called a tranny at the Orrin market today.",
        "Somebody spray-painted fag on the door of the Varnholt club.",
        "In the nineties dyke was reclaimed by the march organisers.",
        "what does tranny mean? i heard it in an old film",
    ],
)
def test_a_slur_reclaimed_quoted_or_reported_as_a_word_is_no_attack(text):
    """Session 54: a slur named as a word (reclaimed, painted on a wall, one someone was called, asked about) is
    mentioned; the writer calling someone it is not."""
    assert not flags_of(text) & ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "I called him a fag and he ran off.",
        "We called them trannies until they left the bar.",
        "Dykes should be called out for what they are.",
    ],
)
def test_a_slur_the_writer_calls_someone_keeps_its_flags(text):
    assert flags_of(text) & ABUSE
