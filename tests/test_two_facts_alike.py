"""Two facts told in alike words make no conflict (issue 19, read on the project's written pairs of two outlets'
sentences): two measures of one template ("the unemployment rate fell to" / "the inflation rate fell to") and a
month's figure beside the news of the day were each called a conflict. Every sentence here is our own."""

from __future__ import annotations

import pytest

from rashomon.claims.quantities import find_quantities
from rashomon.meaning import addressee_after, other_measures, pair_verdict, period_beside_news_day
from tests.test_votes_and_past_figures import claim_of, cross_outlet_verdicts


def _page(title: str, sentence: str) -> str:
    return f"{title}\n\n{sentence}"


def test_a_figure_by_which_a_verb_changes_its_object_is_of_the_object():
    claim = claim_of("Orrin Water will raise household water rates by 8 percent next year, the utility said on Monday.")
    assert [q.measure for q in claim.quantities] == ["household water rate"]


def test_figures_that_differ_and_meet_nowhere_are_not_said_to_agree():
    raised = claim_of("Varnholt's central bank raised its main lending rate to 5.25 percent.")
    kept = claim_of("Varnholt's deposit rate stood at 4.75 percent, the central bank said.")
    assert [q.measure for q in raised.quantities + kept.quantities] == ["lending rate", "deposit rate"]
    judged = pair_verdict(raised, kept, 0.7, "a", "b")
    assert judged.verdict == "compatible" and "(5.25 percent / 4.75 percent) and are not read as" in judged.reason
    same = claim_of("Varnholt's central bank lifted its main lending rate to 5.25 percent, the bank said.")
    assert [q.measure for q in same.quantities] == ["lending rate"]
    assert pair_verdict(raised, same, 0.9, "a", "b").verdict == "agree"


def test_two_measures_of_one_template_are_two_facts():
    factory = claim_of("Varnholt's factory orders rose to 41,000 in May from 38,000 in April, the trade office said.")
    export = claim_of("Varnholt's export orders rose to 9,200 in May from 8,700 in April, the trade office said.")
    assert other_measures(factory, export)
    assert not other_measures(factory, factory)
    plain = claim_of("Varnholt's orders rose to 41,000 in May, the trade office said.")
    assert not other_measures(factory, plain)  # a measure and the same with more words may be one
    rows = cross_outlet_verdicts(_page("Orders in Varnholt", factory.text), _page("Exports", export.text))
    assert "conflict" not in rows and "agree" not in rows


def test_one_measure_told_with_two_values_stays_a_conflict():
    first = "Varnholt's factory orders rose to 41,000 in May, the trade office said on Friday."
    second = "Varnholt's factory orders rose to 47,000 in May, the trade office said on Friday."
    assert cross_outlet_verdicts(_page("Jobs", first), _page("Jobs again", second)) == ["conflict"]


NEWS = "Korvex Motors said on Tuesday it would cut 2,100 jobs at its Marsk plant."


@pytest.mark.parametrize(
    "told",
    [
        "Korvex Motors cut 700 jobs at its Marsk plant in February.",
        "Korvex Motors cut 700 jobs at its Marsk plant in March, 2019.",
        "Korvex Motors cut 700 jobs at its Marsk plant during the winter.",
        "Korvex Motors cut 700 jobs at its Marsk plant last spring.",
    ],
)
def test_a_month_season_or_year_beside_the_day_of_the_news_is_another_occasion(told):
    month, news = claim_of(told), claim_of(NEWS)
    assert period_beside_news_day(month, news) and period_beside_news_day(news, month)


@pytest.mark.parametrize(
    "told",
    [
        "Korvex Motors cut 700 jobs at its Marsk plant on February 3.",  # a day, not a whole period
        "Korvex Motors will cut 1,500 jobs at its Marsk plant in March.",  # a plan, not what happened
        "Korvex Motors will cut 700 jobs at its Marsk plant by late March.",  # a deadline
        "The union asked the court to strike down parts of Marsk's 2019 labour law.",  # a year dating a thing
        "A jury convicted a Marsk man of murder in the 2019 shooting death of his neighbour.",  # the same
        "Korvex Motors said workers who arrive late may lose 700 jobs at its Marsk plant this month.",  # "may"
        NEWS,
    ],
)
def test_no_whole_period_is_read_where_none_is_told(told):
    assert not period_beside_news_day(claim_of(told), claim_of(NEWS))


def test_a_month_beside_the_news_makes_no_conflict_row():
    month = "Korvex Motors cut 700 jobs at its Marsk plant in February."
    verdicts = cross_outlet_verdicts(_page("Korvex", month), _page("Korvex cuts", NEWS))
    assert "conflict" not in verdicts


def test_a_measure_is_neither_the_figure_itself_nor_its_owner():
    raised = claim_of("Korvex Motors will raise 500 million euros from the share sale.")
    assert all(q.measure is None or "euro" not in q.measure for q in raised.quantities)
    owned = claim_of("Korvex Motors Co's share price fell 6 percent on Friday.")
    assert [q.measure for q in owned.quantities] == ["share price"]


def test_a_number_word_after_a_scale_is_a_whole_word():
    assert [(q.text, q.value) for q in find_quantities("Nearly a thousand tents burned.")] == [
        ("Nearly a thousand", 1000.0)
    ]
    assert [q.value for q in find_quantities("a hundred and ten people")] == [110.0]


def test_figures_of_one_value_are_never_named_as_apart():
    # real coverage (ECB+, read): a five-year term of office told by two outlets was said to be two figures that
    # measure other things (five years / five years)
    first = claim_of("The term of a Tallen councillor is five years.")
    second = claim_of("The mandate of a Tallen councillor is five years.")
    assert [q.measure for q in first.quantities + second.quantities] == ["term", "mandate"]  # they do not meet
    assert pair_verdict(first, second, 0.8, "a", "b").verdict == "agree"


def test_a_measure_named_with_fewer_words_may_be_the_same_measure():
    full = claim_of("Varnholt's unemployment rate rose to 5.1 percent in May.")
    short = claim_of("Varnholt's rate rose to 5.4 percent in May.")
    assert [q.measure for q in full.quantities + short.quantities] == ["unemployment rate", "rate"]
    assert "not read as values of one thing" not in pair_verdict(full, short, 0.8, "a", "b").reason


def test_a_negative_toward_someone_the_other_does_not_name_is_no_conflict():
    """ "has not apologized to the fishermen involved" beside "has apologized for his outburst": the apology may
    have gone to others, so both may hold."""
    negative = claim_of(
        "Brandt told reporters that he has not apologized to the fishermen involved because he did nothing wrong."
    )
    apology = claim_of("Councillor Brandt has apologized for his angry outburst at the harbour over the weekend.")
    judged = pair_verdict(negative, apology, 0.67, "a", "b")
    assert judged.verdict == "compatible" and "the fishermen involved" in judged.reason


def test_a_negative_of_the_same_act_toward_the_same_one_stays_a_conflict():
    apology = claim_of("Brandt has apologized to the fishermen for his angry outburst.")
    negative = claim_of(
        "Brandt told reporters that he has not apologized to the fishermen involved because he did nothing wrong."
    )
    assert pair_verdict(negative, apology, 0.8, "a", "b").verdict == "conflict"
    plain = claim_of("Brandt has not apologized for his angry outburst.")
    assert (
        pair_verdict(plain, claim_of("Councillor Brandt has apologized for his angry outburst."), 0.8, "a", "b").verdict
        == "conflict"
    )


def test_an_infinitive_after_the_verb_is_no_addressee():
    """ "is not allowed to run ferries": "to" opens an infinitive, not the one the act is done to."""
    claim = claim_of("Korvex, under its deal with Orrin, is not allowed to run ferries on that route.")
    assert addressee_after(claim) is None
    assert addressee_after(claim_of("Brandt has not apologized to the fishermen involved.")) == "the fishermen involved"
