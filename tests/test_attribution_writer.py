"""The page's own writer, the reader and comparisons (issue 15, real pages): sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_attribution import assert_spans_valid, by_cue, run
from tests.test_attribution_rules import found


def source_name(analysis, attribution) -> str:
    return next(s.name for s in analysis.sources if s.id == attribution.source_id)


def test_first_person_outside_quotations_is_the_publishers_own_voice(nlp):
    analysis = run(
        nlp,
        [
            "Growing figs indoors",
            "We recommend that you start with a young tree. I don't think a cold window will hurt it.",
            "Our team believes that figs are the easiest fruit to grow.",
        ],
        publisher="Harbour Notes",
    )
    assert_spans_valid(analysis)
    publisher = analysis.publisher_id
    for cue in ("recommend", "don't think", "believes"):
        assert by_cue(analysis, cue).source_id == publisher
    assert [s.id for s in analysis.sources] == [publisher]  # no "we" / "I" sources of their own
    assert [m.text for m in analysis.sources[0].mentions] == ["We", "I", "Our team"]
    assert all(b.narrative == publisher for b in analysis.page.blocks)


def test_first_person_in_someone_elses_words_stays_theirs(nlp):
    inside_content = run(nlp, ["Strike talks", "Mayor Ida Vell said we must all accept that the budget is short."])
    accept = by_cue(inside_content, "must all accept")
    assert "Ida Vell" in source_name(inside_content, accept)
    quoted = run(
        nlp, ["Strike talks", 'Union leader Ada Moss was blunt. "We believe the city can pay more," she said.']
    )
    said = by_cue(quoted, "said")
    assert "Ada Moss" in source_name(quoted, said) and said.content.text.startswith('"We believe')
    assert not any(s.mentions for s in quoted.sources if s.is_publisher)


def test_first_person_in_an_account_the_page_hands_over_is_the_outlets(nlp):
    analysis = run(
        nlp,
        [
            "Strike talks",
            "Coastwire News described the mood as follows:",
            "We believe the strike will end within a week.",
        ],
        publisher="Harbour Notes",
    )
    believe = by_cue(analysis, "believe")
    assert source_name(analysis, believe) == "Coastwire News"
    assert analysis.page.blocks[2].narrative == believe.source_id


@pytest.mark.parametrize(
    "text",
    [
        # the reader the page talks to says nothing on it
        "You really can't compare the taste of a home-grown fig with a bought one.",
        "If you request a cutting, the nursery sends it by post.",
        "You will notice that the leaves turn yellow in autumn.",
        # a comparison a modal or a negation holds back is nobody's statement
        "Critics cannot compare the two ferries fairly.",
        "The skipper did not compare the new ferry with the old one.",
    ],
)
def test_no_attribution_for_the_reader_or_a_comparison_not_drawn(nlp, text):
    assert [f for f in found(nlp, text) if f[2] is not None] == []


def test_a_comparison_someone_draws_and_a_quoted_you_are_still_attributions(nlp):
    assert any(
        cue == "likened" and source == "The mayor"
        for _, source, cue, _ in found(nlp, "The mayor likened the strike to a siege.")
    )
    quoted = found(nlp, 'The skipper told the mayor: "You promised that the pier would open in May."')
    assert any(cue == "told" and source == "The skipper" for _, source, cue, _ in quoted)


def test_a_part_of_the_page_itself_speaks_in_the_publishers_voice(nlp):
    """Real pages, session 8: "Figure 1 illustrates ..." on a tutorial was a source named "Figure"."""
    analysis = run(
        nlp,
        [
            "Ferry traffic in May",
            "Figure 1 illustrates how the ferry queues grew after the timetable change.",
            "The chart below shows that fewer cars crossed on Sundays.",
            "A harbour board report shows that ticket sales fell by a third.",
        ],
        publisher="Harbour Notes",
    )
    assert_spans_valid(analysis)
    publisher = analysis.publisher_id
    assert by_cue(analysis, "illustrates").source_id == publisher
    assert by_cue(analysis, "shows").source_id == publisher  # the first "shows": the chart below
    report = [a for a in analysis.attributions if a.cue and a.cue.text == "shows"][-1]
    assert report.source_id != publisher  # someone else's document is still a source of its own
    assert not any("Figure" in s.name or "chart" in s.name for s in analysis.sources)


def test_a_wish_of_the_pages_own_writer_is_no_attribution(nlp):
    analysis = run(
        nlp,
        [
            "Harbour ferry survey",
            "We want the council to keep the night ferry. I hope the new timetable keeps the late boat too.",
            "We would love to hear from riders who use it. We believe the late boat pays for itself.",
        ],
        publisher="Harbour Notes",
    )
    assert_spans_valid(analysis)
    cues = [a.cue.text for a in analysis.attributions if a.cue is not None]
    assert not any(c.startswith(("want", "hope", "would love")) for c in cues)
    # a view the writer states is still the publisher's attribution; only the wishes are gone
    assert by_cue(analysis, "believe").source_id == analysis.publisher_id


def test_a_wish_in_someone_elses_words_is_still_their_attribution(nlp):
    said = run(nlp, ["Ferry talks", "Skipper Ada Moss said we want the night ferry back by June."])
    assert "Ada Moss" in source_name(said, by_cue(said, "said"))
    quoted = run(nlp, ["Ferry talks", '"We want the night ferry back," Skipper Ada Moss told the council.'])
    told = by_cue(quoted, "told")
    assert "Ada Moss" in source_name(quoted, told) and told.content.text.startswith('"We want')
    riders = run(nlp, ["Ferry talks", "The riders want the council to keep the night ferry."])
    assert by_cue(riders, "want").source_id != riders.publisher_id


@pytest.mark.parametrize(
    "text",
    [
        # what someone thinks or said, pointed to with "what", is a topic: the words are not on the page
        "We want to hear what our readers think of it.",
        "Tell us what the riders think of the new timetable.",
    ],
)
def test_a_cue_whose_object_is_what_its_clause_opens_with_says_nothing(nlp, text):
    assert [f for f in found(nlp, text) if f[2] is not None and f[2].startswith(("think", "said"))] == []


def test_what_someone_called_something_or_said_about_it_is_still_an_attribution(nlp):
    assert any(cue.startswith("called") for _, _, cue, _ in found(nlp, "The council ignored what she called a rant."))
    # words that were said, pointed to: a report that they were said, as PolNeAR marks it
    text = "The window into his plans is what he said four years ago about the toll."
    assert any(cue.startswith("said") for _, _, cue, _ in found(nlp, text))
