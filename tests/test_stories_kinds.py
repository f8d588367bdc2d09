"""The kind of event a page tells (``rashomon.stories.kinds``): its lead with its actors' names, numbers and
dates masked, from the actors a batch analysis already holds."""

from __future__ import annotations

from rashomon.stories.kinds import masked_lead

ACTORS = [
    {"name": "Dana Whitcombe", "type": "person", "aliases": ["Whitcombe"], "mentions": [{"text": "Dana Whitcombe"}]},
    {"name": "Harbour Mutual", "type": "organization", "aliases": [], "mentions": [{"text": "Harbour Mutual"}]},
    {"name": "Norvania", "type": "state", "aliases": [], "mentions": [{"text": "Norvania"}]},
    {"name": "protesters", "type": "protesters", "aliases": [], "mentions": [{"text": "protesters"}]},
]


def test_names_become_their_type_words_and_places_and_nouns_stay():
    lead = "Dana Whitcombe quit Harbour Mutual in Norvania as protesters gathered. Whitcombe's lawyer spoke."
    assert masked_lead(lead, ACTORS) == (
        "someone quit a group in Norvania as protesters gathered. someone's lawyer spoke."
    )


def test_dates_and_numbers_go_by_rule_without_actors():
    lead = "On Tuesday, March 3, 2009 a fire hurt 14 people; on 5 May the 2nd blaze came."
    assert masked_lead(lead) == "On one day, one day a fire hurt several people; on one day the several blaze came."


def test_a_name_inside_a_longer_word_is_left_alone():
    actors = [{"name": "Ann", "type": "person", "aliases": [], "mentions": []}]
    assert masked_lead("Ann met Annabel in Annapolis.", actors) == "someone met Annabel in Annapolis."
