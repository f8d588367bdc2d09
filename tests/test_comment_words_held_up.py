"""Words the writer holds up rather than says (issue 22, session 53): threats in quotation marks repeated with a
question mark after them or after a verb of posting, words someone "told" or that the writer is "quoting", and abuse
done by no one in particular ("anyone who threatens ...", "if you hate ..."); the writer's own abuse beside such
words stays flagged. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import lexicon, mention, threats
from tests.test_comment_contempt import comment_of


@pytest.mark.parametrize(
    "text",
    [
        '"Kurds should be shot"?? Reported. Hope the police knock on your door.',
        "'Somalis should all hang'?! Who writes this under a story about a bakery?",
        'You can\'t post "all Sikhs should hang" and expect to keep your account.',
        'Someone commented "shoot the Kurds" under the match report. Blocked.',
    ],
)
def test_a_threat_held_up_in_quotation_marks_is_not_the_writers(text):
    assert mention.quoted_regions(lexicon.fold(text), scare_quotes=False)
    assert not threats.find_threats(text)
    assert not {"threat", "toxicity"} & set(comment_of(text).flags)


@pytest.mark.parametrize(
    "text",
    [
        "Kurds should be shot, every one of them.",
        'My answer to the Somalis is "we will burn you out" and I mean it.',
    ],
)
def test_a_threat_of_the_writers_own_is_still_found(text):
    assert threats.find_threats(text)


@pytest.mark.parametrize(
    "text",
    [
        # session 53: someone's words after "told" or "quoting", and abuse done by no one in particular
        "My neighbour told my kids 'Kurds are dirty'. I've had words with him.",
        "Quoting it so the mods see it: 'Somalis are not human'. Please remove.",
        "If you hate Sikhs you can unfollow the club page, we don't want you.",
        "Anyone who threatens Kurds in this group will be reported, every single time.",
        "Anyone who spits at Somalis outside the hostel should be arrested.",
        "Stop treating Sikhs like punchbags every time the council loses a vote.",
    ],
)
def test_words_told_or_quoted_and_abuse_by_no_one_in_particular_are_held_up_not_said(text):
    assert not {"toxicity", "identity_attack", "threat"} & set(comment_of(text).flags)


@pytest.mark.parametrize(
    "text",
    [
        "Kurds are dirty, I told my kids to stay away from them.",
        "Anyone who hates Somalis is right, they ruin every street.",
        "Stop treating Kurds like people, they are rats.",
    ],
)
def test_abuse_said_beside_those_words_is_still_flagged(text):
    assert {"toxicity"} <= set(comment_of(text).flags)


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # session 53: a thing as the subject of "needs to die", with people named earlier in the sentence
        ("That rumour about the Kurds has got people hurt, and it needs to die.", False),
        ("This has to die before the election, the whole Port Sarn bypass plan.", False),
        ("The Kurds on Tallen Street need to die, every one of them.", True),
        ("This man needs to die, and his mates with him.", True),
    ],
)
def test_a_thing_that_needs_to_die_is_no_person_threatened(text, threat):
    assert bool(threats.find_threats(text)) is threat
