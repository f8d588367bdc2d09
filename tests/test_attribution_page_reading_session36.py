"""A view held, told with a participle of attitude (session 36): "X is convinced that ...", "X was disappointed that
..." are X's own view; the parser reads the participle as a passive verb, and the passive rule left the view to no
one. Passives of speech ("X was told that ...") keep their unnamed speaker. The sentences are our own."""

from __future__ import annotations

import pytest

from tests.test_attribution import attributions


@pytest.mark.parametrize(
    "text, cue, holder",
    [
        ("Mayor Ida Vell is convinced that the Orrin bridge will reopen in May.", "is convinced", "Mayor Ida Vell"),
        ("Brandt is convinced the deal is dead.", "is convinced", "Brandt"),
        ("Lane was disappointed that the vote failed.", "was disappointed", "Lane"),
        ("The council is determined that the school will stay open.", "is determined", "The council"),
        ("The mayor was persuaded that the plan would work.", "was persuaded", "The mayor"),
    ],
)
def test_a_participle_of_attitude_is_the_subjects_view(nlp, text, cue, holder):
    rows = attributions(nlp, text)
    assert [(c, source) for c, source, _ in rows] == [(cue, holder)]


def test_a_passive_of_speech_keeps_its_unnamed_speaker(nlp):
    rows = attributions(nlp, "Brandt was told that the deal was dead.")
    assert [source for _, source, _ in rows] == [""]
