"""Two facts told in alike words make no conflict (issue 19, read on the project's written pairs of two outlets'
sentences): two measures of one template ("the unemployment rate fell to" / "the inflation rate fell to") and a
month's figure beside the news of the day were each called a conflict. Every sentence here is our own."""

from __future__ import annotations

from rashomon.claims.quantities import find_quantities
from rashomon.compare import compare_pages
from rashomon.meaning import other_measures, pair_verdict, period_beside_news_day
from rashomon.pipeline import analyze


def _claim_of(text: str):
    claims = analyze(text=text, stage_names=("attribution", "claims")).claims
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def _cross_outlet_verdicts(first: str, second: str) -> list[str]:
    result = compare_pages([analyze(text=first), analyze(text=second)])
    return [a["verdict"] for a in result["alignments"] if len({c.split(":")[0] for c in a["claim_ids"]}) > 1]


def _page(title: str, sentence: str) -> str:
    return f"{title}\n\n{sentence}"


def test_a_figure_by_which_a_verb_changes_its_object_is_of_the_object():
    claim = _claim_of(
        "Orrin Water will raise household water rates by 8 percent next year, the utility said on Monday."
    )
    assert [q.measure for q in claim.quantities] == ["household water rate"]


def test_figures_that_differ_and_meet_nowhere_are_not_said_to_agree():
    raised = _claim_of("Varnholt's central bank raised its main lending rate to 5.25 percent.")
    kept = _claim_of("Varnholt's deposit rate stood at 4.75 percent, the central bank said.")
    assert [q.measure for q in raised.quantities + kept.quantities] == ["lending rate", "deposit rate"]
    judged = pair_verdict(raised, kept, 0.7, "a", "b")
    assert judged.verdict == "compatible" and "(5.25 percent / 4.75 percent) and are not read as" in judged.reason
    same = _claim_of("Varnholt's central bank lifted its main lending rate to 5.25 percent, the bank said.")
    assert [q.measure for q in same.quantities] == ["lending rate"]
    assert pair_verdict(raised, same, 0.9, "a", "b").verdict == "agree"


def test_two_measures_of_one_template_are_two_facts():
    factory = _claim_of("Varnholt's factory orders rose to 41,000 in May from 38,000 in April, the trade office said.")
    export = _claim_of("Varnholt's export orders rose to 9,200 in May from 8,700 in April, the trade office said.")
    assert other_measures(factory, export)
    assert not other_measures(factory, factory)
    plain = _claim_of("Varnholt's orders rose to 41,000 in May, the trade office said.")
    assert not other_measures(factory, plain)  # a measure and the same with more words may be one
    rows = _cross_outlet_verdicts(_page("Orders in Varnholt", factory.text), _page("Exports", export.text))
    assert "conflict" not in rows and "agree" not in rows


def test_one_measure_told_with_two_values_stays_a_conflict():
    first = "Varnholt's factory orders rose to 41,000 in May, the trade office said on Friday."
    second = "Varnholt's factory orders rose to 47,000 in May, the trade office said on Friday."
    assert _cross_outlet_verdicts(_page("Jobs", first), _page("Jobs again", second)) == ["conflict"]


def test_a_month_beside_the_day_of_the_news_is_another_occasion():
    month = _claim_of("Korvex Motors cut 700 jobs at its Marsk plant in February.")
    news = _claim_of("Korvex Motors said on Tuesday it would cut 2,100 jobs at its Marsk plant.")
    dated = _claim_of("Korvex Motors said on Tuesday it would cut 2,100 jobs at its Marsk plant from February 3.")
    assert period_beside_news_day(month, news) and period_beside_news_day(news, month)
    assert not period_beside_news_day(news, dated)  # a day of a month is no whole period
    assert not period_beside_news_day(news, news)
    law = _claim_of("The union asked the court to strike down parts of Marsk's 2019 labour law.")
    assert law.time and not period_beside_news_day(law, news)  # a year that dates a thing is no occasion
    deadline = _claim_of("Korvex Motors will cut 700 jobs at its Marsk plant by 2030.")
    assert not period_beside_news_day(news, deadline)  # a deadline ahead places no figure in another period
    verdicts = _cross_outlet_verdicts(_page("Korvex", month.text), _page("Korvex cuts", news.text))
    assert "conflict" not in verdicts


def test_a_number_word_after_a_scale_is_a_whole_word():
    assert [(q.text, q.value) for q in find_quantities("Nearly a thousand tents burned.")] == [
        ("Nearly a thousand", 1000.0)
    ]
    assert [q.value for q in find_quantities("a hundred and ten people")] == [110.0]


def test_figures_of_one_value_are_never_named_as_apart():
    # real coverage (ECB+, read): a five-year term of office told by two outlets was said to be two figures that
    # measure other things (five years / five years)
    first = _claim_of("The term of a Tallen councillor is five years.")
    second = _claim_of("The mandate of a Tallen councillor is five years.")
    assert [q.measure for q in first.quantities + second.quantities] == ["term", "mandate"]  # they do not meet
    assert pair_verdict(first, second, 0.8, "a", "b").verdict == "agree"


def test_a_measure_named_with_fewer_words_may_be_the_same_measure():
    full = _claim_of("Varnholt's unemployment rate rose to 5.1 percent in May.")
    short = _claim_of("Varnholt's rate rose to 5.4 percent in May.")
    assert [q.measure for q in full.quantities + short.quantities] == ["unemployment rate", "rate"]
    assert "not read as values of one thing" not in pair_verdict(full, short, 0.8, "a", "b").reason
