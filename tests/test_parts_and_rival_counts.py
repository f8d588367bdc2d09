"""Which figures can be rival counts of one fact: a part or an increment of a count is none ("another five people
died", "70 of the dead were women"), two figures one page tells are two things unless the page says
otherwise, and the figures of two claims pair where they fit ("$412 million, including $350 million in cash" /
"$350m in cash and $62m in stock"). Faults read on real multi-outlet coverage (ECB+ event groups); every
sentence here is our own."""

from __future__ import annotations

import pytest

from rashomon.claims.quantities import find_quantities
from rashomon.compare import compare_pages
from rashomon.pipeline import analyze


def parts(text: str, nlp) -> dict[str, str | None]:
    return {q.text: q.part for q in find_quantities(text, nlp(text))}


@pytest.mark.parametrize(
    "text, expected",
    [
        # increments of a count told elsewhere
        ("Another five people died overnight, a nurse said.", {"five": "another"}),
        ("Three other men died of their wounds.", {"Three": "other"}),
        ("Divers recovered two more bodies near Tallen.", {"two": "more"}),
        # some of a group
        ("At least 70 of the dead were women, the ministry said.", {"At least 70": "of"}),
        ("Doctors said 14 of the injured were in a serious condition.", {"14": "of"}),
        ("The blast killed 30 people, including 12 children.", {"30": None, "12": "including"}),
        ("Nine people, among them two officers, were wounded.", {"Nine": None, "two": "among"}),
        ("Around 30 people were seriously injured.", {"Around 30": "seriously"}),
        # whole counts
        ("A rebel spokesman said 12 of their fighters had died in the clashes.", {"12": None}),
        ("Two of the passengers were rescued.", {"Two": None}),
        ("The flood killed 14 people and injured more than 200.", {"14": None, "more than 200": None}),
    ],
)
def test_what_makes_a_figure_a_part(text, expected, nlp):
    assert parts(text, nlp) == expected


def _compare(*texts: str) -> dict:
    return compare_pages([analyze(text=t) for t in texts])


def _casualty_rows(result: dict) -> list[dict]:
    return [a for a in result["alignments"] if a.get("topic", "").endswith("casualties")]


def test_an_increment_is_no_rival_of_the_toll():
    result = _compare(
        "Quake hits Korvo province\n\nTwenty-four people were killed when the quake struck Korvo province on Monday, "
        "the disaster agency said.",
        "Korvo quake\n\nThe quake in Korvo province killed 24 people on Monday, officials said.\n\nAnother five "
        "people died overnight from their wounds, a nurse said.",
    )
    rows = _casualty_rows(result)
    assert rows and all(a["verdict"] != "conflict" for a in rows)
    assert all("five" not in figures for a in rows for figures in a["figures_compared"].values())


def test_a_part_beside_a_whole_is_no_conflict():
    # the part is each account's only figure of the dead, so the two are each other's counterparts
    result = _compare(
        "Korvo quake\n\nSome 60 of the victims were children, the health ministry said.",
        "Quake in Korvo\n\nThe quake killed 240 people, the health ministry said.",
    )
    rows = _casualty_rows(result)
    assert rows and all(a["verdict"] != "conflict" for a in rows)
    assert any("counts a part or an increment" in a["explanation"] for a in rows)


def test_two_parts_of_one_sort_are_rivals():
    result = _compare(
        "Strike on Darro market\n\nAn airstrike on a market in Darro killed 12 civilians on Friday, including four "
        "children, residents said.",
        "Darro strike\n\nAn airstrike on a market in Darro killed 12 civilians on Friday, among them three children, "
        "residents said.",
    )
    assert any(a["verdict"] == "conflict" for a in result["alignments"])


def test_victims_treated_are_no_count_of_the_dead(nlp):
    from rashomon.claims import figure_family

    analysis = analyze(text="Hospital busy\n\nA nurse said she had treated 20 victims of the blast.")
    quantity = next(q for c in analysis.claims for q in c.quantities if q.text == "20")
    claim = next(c for c in analysis.claims if quantity in c.quantities)
    assert figure_family(quantity, claim) is None
    found = analyze(text="Rubble searched\n\nRescuers found 20 victims in the rubble.")
    quantity = next(q for c in found.claims for q in c.quantities if q.text == "20")
    claim = next(c for c in found.claims if quantity in c.quantities)
    assert figure_family(quantity, claim) == "casualties"


def test_two_figures_one_page_tells_are_no_conflict():
    # the page's own background: a past quake's toll beside this one's
    result = _compare(
        "Quake in Korvo\n\nThe quake killed 10 people in Korvo on Sunday, officials said.\n\nIt killed 480 people "
        "and hurt some 2,000 in the valley towns.",
        "Korvo quake\n\nA strong quake killed 10 people in Korvo on Sunday, state media said.",
    )
    for row in result["alignments"]:
        for part in row["reason_parts"]:
            if "incompatible values" in part["text"] or "different bounds" in part["text"]:
                assert len({cid.split(":")[0] for cid in part["claim_ids"]}) == 2


def test_sums_pair_where_they_fit():
    result = _compare(
        "Brandt Systems to buy Orrin Labs\n\nBrandt will pay $412 million for Orrin Labs, including $350 million in "
        "cash, the company said.",
        "Brandt buys Orrin\n\nBrandt is paying $350m in cash and $62m in stock to acquire Orrin Labs, the company "
        "said.",
    )
    row = next(a for a in result["alignments"] if "$412 million" in a["explanation"])
    assert row["verdict"] != "conflict"


def test_one_name_in_two_outlets_is_one_doer():
    result = _compare(
        "Verdict in Tallen\n\nProsecutors allege that Brandt, who owned the warehouse, set the fire that killed "
        "Okafor in March.",
        "Tallen trial\n\nProsecutors allege that Brandt set the fire that killed Okafor in March.",
    )
    assert not any("who is responsible differs" in a["explanation"] for a in result["alignments"])
