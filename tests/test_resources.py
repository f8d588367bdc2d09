"""The shipped data files read through :mod:`rashomon.resources`."""

import pytest

from rashomon.actors.across import same_actors_across_pages
from rashomon.framing import _sentence_initial
from rashomon.resources import name_titles


def test_one_title_list_serves_every_use_with_its_own_rows():
    assert "sir" in name_titles("person") and "sir" not in name_titles("match")
    assert "gen" in name_titles("match") and "gen" in name_titles("abbreviation")
    assert "president" in name_titles("speaker") and "president" not in name_titles("abbreviation")
    with pytest.raises(ValueError, match="no use 'honorific'"):
        name_titles("honorific")


def test_a_title_from_the_list_does_not_split_two_pages_names_of_one_person():
    actors = [
        {"id": "p1:a", "name": "Gen. Ada Rask", "type": "person", "pages": {"p1"}, "mentions": []},
        {"id": "p2:a", "name": "Ada Rask", "type": "person", "pages": {"p2"}, "mentions": []},
    ]
    joined, renamed = same_actors_across_pages(actors)
    assert len(joined) == 1 and renamed == {"p2:a": "p1:a"}


def test_the_period_of_a_listed_abbreviation_does_not_start_a_sentence():
    text = "They met Capt. Rask there. Then it rained."
    assert not _sentence_initial(text, text.index("Rask"))
    assert _sentence_initial(text, text.index("Then"))
