"""A group denied its worth, its rights or its humanity, hate asked as a question or said of the group in the next
sentence, a passive or a resting place of death called for, and rights or respect claimed for a group (issue 22,
session 38). The look-alikes of each stay unflagged. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.comments import threats
from tests.test_comment_contempt import flags_of


@pytest.mark.parametrize(
    "text",
    [
        "Kurds are not worth the air they breathe.",
        "Somalis aren't real people, not to me.",
        "Hindus will never be equal to the rest of us.",
        "Sikh lives do not matter.",
        "I don't think Buddhists deserve any rights at all.",
        "Kurds shouldn't have the right to exist.",
        "There is nothing good about Somalis, nothing.",
        "Why do Hindus always have to be so filthy?",
        "Aren't Kurds just the lowest people on earth?",
        "Somalis opened a shop on our street. They make me sick.",
        "Saw a group of Sikhs at the market. Honestly they disgust me.",
    ],
)
def test_a_group_denied_worth_or_rights_is_an_identity_attack(text):
    assert "identity_attack" in flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Women are still not equal under the law in Varnholt.",
        "Kurds do not get the rights they were promised.",
        "There is nothing wrong with Somalis running the market.",
        "Why do Hindus celebrate the festival of lights in autumn?",
        pytest.param(
            "Sikhs moved into the flat upstairs. They make the best curry.",
            marks=pytest.mark.xfail(
                strict=True,
                reason="session 52: the group-hate model reads this at 0.9996 (the 'they make me sick' frame); the "
                "rule that set warm passages aside was dropped (it set aside more hate than praise)",
            ),
        ),
        "Somalis are not violent, whatever the papers say.",
    ],
)
def test_the_same_shapes_said_without_contempt_flag_nothing(text):
    assert not {"identity_attack", "threat"} & flags_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kurds must be wiped off the face of the earth.",
        "Those settlers must all die.",
        "Every one of those traitors belongs in a mass grave.",
        "Hang every last one of them, strung up from a lamppost.",
        "What those thugs need is a proper beating.",
        "Somalis need to be eradicated.",
    ],
)
def test_a_call_for_death_in_other_shapes_is_a_threat(text):
    assert threats.find_threats(text), text


@pytest.mark.parametrize(
    "text",
    [
        "It must be you hanging on to those old records.",
        "He must be exhausted after the march.",
        "The scheme must be killed before the vote.",
        "Corruption needs to be eradicated, said the mayor.",
        "Polio must be eradicated everywhere.",
        "A reader who says the ideology must be wiped out has not read the book.",
        "Those tenants belong in a better flat.",
        "He believes that all of them must be killed, which is monstrous.",
    ],
)
def test_guesses_things_and_reported_beliefs_are_no_threat(text):
    assert not threats.find_threats(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Trans people should be able to marry like everyone else.",
        "Muslims deserve to be treated with dignity.",
        "Gay men deserve the same rights as anyone.",
        "It is not true that Sikhs are dangerous.",
    ],
)
def test_rights_claimed_for_a_group_clear_a_mark_on_its_name_alone(text):
    assert not {"toxicity", "identity_attack", "insult"} & flags_of(text)


def test_rights_denied_to_a_group_are_not_read_as_regard():
    assert "identity_attack" in flags_of("Muslims don't deserve dignity.")


@pytest.mark.parametrize(
    "text",
    [
        # groups whose names the span head marks on their own (the test failed on them before session 38)
        "I'm tired of people piling hateful comments on gay men and calling it banter.",
        "If you think dehumanising trans people is fine, read a history book.",
        "Mocking Black people for a cheap laugh says a lot about you.",
        "Nobody should ever wish harm on gay men; they're people like the rest of us.",
    ],
)
def test_counter_speech_naming_the_harm_done_to_a_group_flags_nothing(text):
    assert not {"toxicity", "identity_attack", "insult"} & flags_of(text)


def test_harm_wished_in_the_first_person_is_still_a_threat():
    assert "threat" in flags_of("I wish harm on every Kurd in this town.")
