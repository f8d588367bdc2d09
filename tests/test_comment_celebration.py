"""Harm done to a group, celebrated (issue 22, session 56): gladness, laughter, praise of the doer, blame of the
victims or a call for more beside a group's members killed or hurt is an identity attack; relief that they are safe,
grief, justice done, help given and other people's celebration called out are not, and sympathy keeps the group-hate
model from reading the comment. Sentences written for these tests; the town and street names are invented."""

from __future__ import annotations

import pytest

from rashomon.comments import abuse, celebration, lexicon, threats
from tests.test_comment_contempt import flags_of

HATE = {"toxicity", "identity_attack", "threat"}


def found(text: str) -> list[str]:
    folded = lexicon.fold(text)
    return [folded[start:end] for start, end in celebration.celebrated_harm(folded)]


@pytest.mark.parametrize(
    "text",
    [
        # gladness in the sentence of the harm, the harm said after the victims
        "So happy those Sikhs got stabbed outside the Varnholt bakery.",
        "Celebrating with a beer: four refugees drowned off Port Sarn.",
        # a short sentence of its own beside the harm
        "Two Muslims shot on Kessel Road? Excellent.",
        "Another Jewish family burned out. More please.",
        # praise of whoever did it, after the deed
        "Whoever firebombed that Roma family's caravan deserves a medal.",
        "the bloke who ran over those immigrants is a legend",
        # the victims blamed, laughed at
        "The lesbians who got beaten at the Korvo march had it coming.",
        "lmao the gay men screaming in the shooting video",
        # a death told as survival denied; a group's place further from the verb
        "honestly glad those Sikhs didn't make it out. made my morning",
        "Whoever torched the homes of those refugees deserves a medal",
    ],
)
def test_harm_done_to_a_group_and_celebrated_is_found_and_flagged(text):
    assert found(text)
    assert {"identity_attack", "toxicity"} <= flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # relief that they are safe, recovering
        "So glad the refugee who was stabbed on Kessel Road is walking again.",
        "Thank god the Sikhs in the burning flat all got out alive.",
        # justice done to the attackers
        "Good riddance to the thug who beat that Muslim, eight years is not enough.",
        "Glad they caught the man who torched the Jewish bakery.",
        # help given, and praise of it; praise of those who stopped the attackers
        "The driver who shielded the refugees from the mob deserves a medal.",
        "The officers who arrested the men who attacked those Sikhs are heroes.",
        "The neighbours who chased off the men attacking the Muslims are heroes.",
        # grief
        "Lighting a candle tonight for the Roma we lost on Marsk Street.",
        # someone else's celebration called out
        "People in this thread are celebrating that two Muslims died. Reported.",
        "Anyone writing 'good riddance' under news of murdered Sikhs should take a long look at themselves.",
        # violent idioms of success
        "The Jewish choir absolutely killed it tonight, more please!",
        "The Sikh singer shot to the top of the charts, what a hero",
        # harm prevented, and cheering condemned
        "Glad the attacker was stopped before he could hurt more refugees",
        "Cheering when Muslims get killed makes you no better than the attacker.",
        # a death told as survival denied, mourned
        "The refugee sadly didn't make it out of the fire. Rest in peace.",
        # harm the victims' group did not suffer, and gladness aimed elsewhere
        "Glad I wasn't in town when the Muslims were attacked.",
        "The refugee killed three people at the depot. Glad he is in custody.",
    ],
)
def test_look_alikes_of_celebrated_harm_are_not_found(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thank god the gay men in that building all got out alive.",
        "Lighting a candle tonight for the Roma we lost.",
        "Words fail me. A whole family of refugees gone in one night. Rest in peace.",
    ],
)
def test_sympathy_with_a_group_harmed_is_not_flagged(text):
    """The group-hate model read such comments as hate; sympathy keeps it from reading them."""
    assert celebration.shows_sympathy(lexicon.fold(text))
    assert not flags_of(text) & HATE


def test_sympathy_beside_laughter_is_no_sympathy():
    folded = lexicon.fold("rip to those Muslims lol, hope the next fire gets more of them")
    assert not celebration.shows_sympathy(folded)
    assert abuse.defends_or_denies(folded, []) is False


def test_the_rule_can_be_switched_off(monkeypatch):
    text = "So happy those Sikhs got stabbed outside the Varnholt bakery."
    monkeypatch.setattr(abuse, "HARM_CELEBRATED", False)
    hits = abuse.score_texts([text])[0].hits
    assert not any(h.label == "identity_attack" for h in hits)


@pytest.mark.parametrize(
    "text, threat",
    [
        # a wish of punishment is no wish of violence (session 56), as "rot in jail" never was
        ("whoever ran over those people deserves to rot in a cell", False),
        ("i hope he rots in prison for what he did", False),
        # rotting in a ditch or in the ground is death
        ("i hope every one of them rots in a ditch", True),
    ],
)
def test_rotting_in_prison_is_punishment_not_violence(text, threat):
    assert bool(threats.find_threats(text)) is threat
