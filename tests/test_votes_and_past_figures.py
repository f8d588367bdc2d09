"""Two votes or two games told with other tallies are two facts, however alike their words; a figure of a past
period beside the news is no rival value (issue 19, read on the project's written pairs of two outlets' sentences:
"voted 6-3 to dismiss" and "voted 7-2 to hire" were one row, "agree"; "cut 1,200 jobs in 2016" and "will cut 2,400
jobs" a conflict). Every sentence here is our own."""

from __future__ import annotations

from rashomon.compare import compare_pages
from rashomon.meaning import other_scores, pair_verdict
from rashomon.model import Claim, Quantity
from rashomon.pipeline import analyze

DISMISSAL = (
    "Tallen council votes\n\nThe Tallen city council voted 6-3 on Wednesday to dismiss police chief Dana Korvel. "
    "Ms. Korvel had led the force for six years."
)


def _cross_outlet_rows(first: str, second: str) -> list[dict]:
    result = compare_pages([analyze(text=first), analyze(text=second)])
    return [a for a in result["alignments"] if len({c.split(":")[0] for c in a["claim_ids"]}) > 1]


def _claim(*tallies: tuple[float, float]) -> Claim:
    claim = Claim(id="c", source_id="s", start=0, end=10, text="voted")
    claim.quantities = [
        Quantity(text=f"{low:g}-{high:g}", start=0, end=3, low=low, high=high, approx="score") for low, high in tallies
    ]
    return claim


def test_another_tally_is_another_vote():
    other_vote = (
        "Council acts in Tallen\n\nThe Tallen city council voted 7-2 on Wednesday to hire an outside auditor for the "
        "police budget. The auditor will report by March."
    )
    assert _cross_outlet_rows(DISMISSAL, other_vote) == []


def test_the_same_tally_keeps_its_row():
    same_vote = "Tallen chief out\n\nThe Tallen city council voted 6-3 on Wednesday to remove police chief Dana Korvel."
    assert [row["verdict"] for row in _cross_outlet_rows(DISMISSAL, same_vote)] == ["agree"]


def test_tallies_apart_only_when_both_claims_give_one_and_none_is_shared():
    assert other_scores(_claim((6, 3)), _claim((7, 2)))
    assert not other_scores(_claim((6, 3)), _claim((6, 3), (24, 17)))
    assert not other_scores(_claim((6, 3)), _claim())
    assert not other_scores(_claim(), _claim())


KORVEX_NEWS = (
    "Korvex cuts jobs\n\nKorvex Motors will cut 2,400 jobs at its Marsk assembly plant, the company said on Tuesday."
)


def cross_outlet_verdicts(first: str, second: str) -> list[str]:
    """The verdicts of the rows two pages' comparison makes across the pages (shared with the other compare tests)."""
    return [row["verdict"] for row in _cross_outlet_rows(first, second)]


def test_a_figure_of_the_past_beside_the_news_is_no_conflict():
    # before: "conflict: both cannot hold for the same fact"; the 2016 cuts are not this week's. Since session 44 a
    # year beside the day of the news makes two occasions, no row at all (the verdict alone: the test below)
    past = "Korvex again\n\nKorvex Motors cut 1,200 jobs at its Marsk assembly plant in 2016."
    assert cross_outlet_verdicts(KORVEX_NEWS, past) == []


def test_two_counts_of_todays_cuts_stay_a_conflict():
    rival = "Korvex layoffs\n\nKorvex Motors will cut 1,900 jobs at its Marsk assembly plant, union officials said."
    assert cross_outlet_verdicts(KORVEX_NEWS, rival) == ["conflict"]


def claim_of(text: str) -> Claim:
    """The one claim of a sentence (shared with the other compare tests)."""
    claims = analyze(text=text, stage_names=("attribution", "claims")).claims
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def test_the_verdict_marks_a_past_figure_so_loose_evidence_does_not_join_it():
    news = claim_of("Korvex Motors will cut 2,400 jobs at its Marsk assembly plant, the company said on Tuesday.")
    past = claim_of("Korvex Motors cut 1,200 jobs at its Marsk assembly plant in 2016.")
    rival = claim_of("Korvex Motors will cut 1,900 jobs at its Marsk assembly plant, union officials said.")
    judged = pair_verdict(news, past, 0.7, "a", "b")
    assert (judged.verdict, judged.period_clash) == ("compatible", True)
    judged = pair_verdict(news, rival, 0.7, "a", "b")
    assert (judged.verdict, judged.period_clash) == ("conflict", False)
    later = claim_of("Korvex Motors will cut 1,200 jobs at its Marsk assembly plant by 2030.")
    assert pair_verdict(news, later, 0.7, "a", "b").verdict == "conflict"  # a year ahead is no past
