"""What befell what a figure counts (``Quantity.event``), and the comparison of counts by it: a flood's dead, missing,
hurt and rescued are four counts, whichever sentence or account gives them. Sentences are our own."""

from __future__ import annotations

import pytest

from rashomon import nlp
from rashomon.claims.quantities import find_quantities
from rashomon.compare import compare_pages
from rashomon.pipeline import analyze


@pytest.fixture(scope="module")
def spacy_nlp():
    return nlp.load()


def events(text: str, spacy_nlp) -> dict[str, str | None]:
    return {q.text: q.event for q in find_quantities(text, spacy_nlp(text))}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the verb the counted is the subject or object of
        ("At least 14 people were killed when the levee failed.", {"At least 14": "kill"}),
        ("Thirty-seven were rescued from rooftops.", {"Thirty-seven": "rescue"}),
        ("Crews pulled 37 people from rooftops by midday.", {"37": "pull"}),
        (
            "More than 9,000 people had fled the town, and 2,000 were evacuated by bus.",
            {"More than 9,000": "flee", "2,000": "evacuate"},
        ),
        # a state word beside the counted or completing its verb
        ("Rescuers searched for at least six people still missing.", {"at least six": "missing"}),
        ("Some 300 residents were left homeless.", {"Some 300": "homeless"}),
        ("Eight firefighters were hurt and three remain unaccounted for.", {"Eight": "hurt", "three": "unaccounted"}),
        ("At least 14 dead in valley flood", {"At least 14": "dead"}),
        # a death toll's figure, however the toll is told
        ("The death toll rose to 14 on Wednesday.", {"14": "toll"}),
        ("The toll reached 22 by Friday.", {"22": "toll"}),
        ("A death toll of 31 was confirmed by the ministry.", {"31": "toll"}),
        # the verb whose change a figure sizes
        ("The company raised prices by 4 percent.", {"4 percent": "raise"}),
        ("Shares fell 6 percent in early trading.", {"6 percent": "fall"}),
        # nothing befalls a figure a verb only carries
        ("Net income was $139 million.", {"$139 million": None}),
    ],
)
def test_what_befell_the_counted(text, expected, spacy_nlp):
    assert events(text, spacy_nlp) == expected


def _compare(*texts: str) -> dict:
    return compare_pages([analyze(text=t) for t in texts])


def _rows(result: dict, words: str) -> list[dict]:
    return [a for a in result["alignments"] if words in a["explanation"]]


NORTH = (
    "Levee failure floods Orrin valley\n\n"
    "At least 14 people were killed when a levee failed above Orrin on Tuesday, officials said.\n\n"
    "Rescuers were searching for at least six people still missing, the fire service said.\n\n"
    "Crews pulled 37 people from rooftops by midday.\n\n"
    "About 40 people were injured, the regional hospital said."
)
SOUTH = (
    "Orrin levee collapse leaves 12 dead\n\n"
    "Twelve people died when a neglected levee burst above Orrin, the mayor said.\n\n"
    "Thirty-seven were rescued from rooftops as the water rose.\n\n"
    "The death toll could rise further, the mayor warned."
)


@pytest.fixture(scope="module")
def flood() -> dict:
    return _compare(NORTH, SOUTH)


def test_the_dead_are_compared_with_the_dead_only(flood):
    rows = [a for a in flood["alignments"] if a.get("topic", "").endswith("casualties")]
    assert rows, [a["explanation"] for a in flood["alignments"]]
    shown = " ".join(a["explanation"] for a in rows)
    assert "14" in shown and "Twelve" in shown
    assert "six" not in shown and "40" not in shown and "37" not in shown


def test_the_dead_of_two_accounts_conflict(flood):
    # 14 against 12; the day one account gives and the other leaves out is no other period
    row = next(a for a in flood["alignments"] if a.get("topic", "").endswith("casualties"))
    assert row["verdict"] == "conflict" and "14" in row["explanation"] and "12" in row["explanation"]
    assert "periods differ" not in row["explanation"]


@pytest.mark.parametrize(
    "text, period",
    [
        ("At least 14 people were killed on Tuesday.", ""),
        ("The former mayor was jailed for eight years on Friday.", ""),
        ("Some 2,500 residents fled the district in the last 24 hours.", "last 24 hours"),
        ("Rebels lost six districts over the weekend.", "weekend"),
        ("Net income fell to $88 million in 2024.", "2024"),
    ],
)
def test_the_period_of_a_claim_leaves_out_the_day_of_the_news_and_its_own_durations(text, period):
    from rashomon.meaning import period_of

    (claim,) = [c for c in analyze(text="Report\n\n" + text).claims if c.text == text]
    assert period_of(claim) == period


def test_the_missing_and_the_injured_are_counts_of_their_own(flood):
    missing = _rows(flood, "at least six")
    injured = _rows(flood, "About 40")
    assert missing and all(a["verdict"] == "unique" for a in missing)
    assert injured and all(a["verdict"] == "unique" for a in injured)


def test_a_bare_count_of_the_rescued_meets_the_rescued_of_the_other_account(flood):
    row = next(a for a in flood["alignments"] if "Thirty-seven" in a["explanation"] and "37" in a["explanation"])
    assert row["verdict"] == "agree"


def test_a_death_toll_meets_a_count_of_the_killed():
    result = _compare(
        "Quake in Tessel\n\nAt least 14 people were killed in the quake, officials said.",
        "Tessel quake\n\nThe death toll rose to 14 on Wednesday as rescuers dug through rubble.",
    )
    row = next(a for a in result["alignments"] if a.get("topic", "").endswith("casualties"))
    assert row["verdict"] in ("agree", "compatible")
    assert len(set(row["claim_ids"])) == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Its quarterly net income fell to $141 million from $210 million.",
            {"$141 million": "income", "$210 million": None},
        ),
        (
            "Net income was $139 million, on revenue of $3.2 billion.",
            {"$139 million": "income", "$3.2 billion": "revenue"},
        ),
        ("Shares fell 6 percent in early trading.", {"6 percent": "share"}),
        ("The unemployment rate rose to 5.1 percent.", {"5.1 percent": "unemployment rate"}),
        # a sum paid or spent measures nothing of its payer; a pronoun names no measure
        ("The council wants to commit $4 million to new buses.", {"$4 million": None}),
        ("It rose to 12 percent.", {"12 percent": None}),
        # a counted noun is what is counted, and a toll's figure counts the dead
        ("Exports rose to 40,000 tonnes.", {"40,000 tonnes": "export"}),
        ("The death toll rose to 14.", {"14": None}),
    ],
)
def test_what_a_figure_no_noun_counts_measures(text, expected, spacy_nlp):
    assert {q.text: q.measure for q in find_quantities(text, spacy_nlp(text))} == expected


def test_a_range_is_never_made_of_two_units(spacy_nlp):
    found = find_quantities(
        "Revenue rose 4 percent to $3.2 billion.", spacy_nlp("Revenue rose 4 percent to $3.2 billion.")
    )
    assert [(q.text, q.unit, q.approx) for q in found] == [
        ("4 percent", "percent", "exact"),
        ("$3.2 billion", "USD", "exact"),
    ]


def test_values_of_one_measure_meet_across_outlets():
    result = _compare(
        "Harlow Foods results\n\nHarlow Foods said its net income fell to $88 million. Shares fell 6 percent in early trading.",
        "Harlow Foods slips\n\nNet income was $88 million, the grocer said. Harlow's shares dropped 9 percent.",
    )
    income = next(a for a in result["alignments"] if a.get("topic", "").startswith("income"))
    shares = next(a for a in result["alignments"] if a.get("topic", "").startswith("share"))
    assert income["verdict"] == "agree"
    assert shares["verdict"] == "conflict" and shares["conflict_kind"] == "fact"


def test_a_sum_that_clashes_beside_an_agreeing_term_is_a_conflict():
    result = _compare(
        "Harbour official jailed\n\nA former harbour official was jailed for eight years for taking $2.4 million in bribes.",
        "Ex-official sentenced\n\nA former harbour official was jailed for eight years for taking $2.1 million in bribes.",
    )
    row = next(a for a in result["alignments"] if "$2.4 million" in a["explanation"])
    assert row["verdict"] == "conflict" and "$2.1 million" in row["explanation"]


def test_two_sums_of_one_kind_beside_an_agreeing_term_are_no_conflict():
    # which sum meets which is not clear: no conflict is claimed
    result = _compare(
        "Harbour official jailed\n\nA former harbour official was jailed for eight years for taking $2.4 million "
        "and $300,000 in bribes.",
        "Ex-official sentenced\n\nA former harbour official was jailed for eight years for taking $2.1 million "
        "and $300,000 in bribes.",
    )
    assert all(a["verdict"] != "conflict" for a in result["alignments"])


def test_measures_of_one_kind_are_compared_in_one_unit():
    from rashomon.claims.numbers import in_base_unit, relation
    from rashomon.model import Quantity

    hectares = Quantity("about 12,000 hectares", 0, 1, value=12000, approx="about", unit="hectare")
    acres = Quantity("nearly 30,000 acres", 0, 1, value=30000, high=30000, approx="almost", unit="acre")
    miles = Quantity("40 miles", 0, 1, value=40, low=40, high=40, unit="mile")
    assert (
        in_base_unit(acres).unit == "hectare" and relation(in_base_unit(hectares), in_base_unit(acres)) == "compatible"
    )
    assert in_base_unit(miles).unit == "km" and round(in_base_unit(miles).value, 1) == 64.4


FIRE_NORTH = (
    "Wildfire near Tallen\n\n"
    "A wildfire has burned about 12,000 hectares of forest near Tallen, forcing more than 5,000 residents to leave "
    "their homes, fire officials said.\n\n"
    "Officials said 46 homes had been destroyed."
)
FIRE_SOUTH = (
    "Tallen fire rages on\n\n"
    "The fire near Tallen has scorched nearly 30,000 acres and destroyed 61 homes, the regional fire service said.\n\n"
    "About 5,400 people have been evacuated."
)


@pytest.fixture(scope="module")
def fire() -> dict:
    return _compare(FIRE_NORTH, FIRE_SOUTH)


def test_homes_destroyed_are_a_count_of_their_own(fire):
    row = next(a for a in fire["alignments"] if a.get("topic", "").startswith("buildings"))
    assert row["verdict"] == "conflict" and "46 homes" in row["explanation"] and "61 homes" in row["explanation"]


def test_a_claim_a_number_group_holds_still_meets_another_by_its_other_figures(fire):
    row = next(a for a in fire["alignments"] if "hectares" in a["explanation"] and "acres" in a["explanation"])
    assert row["verdict"] in ("compatible", "agree")


def test_people_made_to_leave_are_people_who_left(spacy_nlp):
    assert events("The fire forced more than 5,000 residents to leave their homes.", spacy_nlp) == {
        "more than 5,000": "leave"
    }
    assert events("About 1,200 villagers were ordered to leave the valley.", spacy_nlp) == {"About 1,200": "leave"}


def test_more_civilians_than_people_killed_is_a_conflict():
    result = _compare(
        "Strike on Darro market\n\nAn airstrike on a market in Darro killed 12 civilians on Friday, residents said.",
        "Darro strike\n\nLocal officials said nine people were killed in the strike on the market in Darro.",
    )
    row = next(a for a in result["alignments"] if a.get("topic", "").endswith("casualties"))
    assert row["verdict"] == "conflict"


def test_fewer_civilians_than_people_killed_may_both_hold():
    result = _compare(
        "Strike on Darro market\n\nAn airstrike on a market in Darro killed nine civilians on Friday, residents said.",
        "Darro strike\n\nLocal officials said 12 people were killed in the strike on the market in Darro.",
    )
    row = next(a for a in result["alignments"] if a.get("topic", "").endswith("casualties"))
    assert row["verdict"] == "compatible" and "different things" in row["explanation"]


def test_people_on_board_are_no_count_of_the_dead():
    result = _compare(
        "Ferry capsizes off Orra\n\nA ferry capsized off Orra island on Sunday, killing at least 31 people, the coast "
        "guard said.",
        "Ferry sinks near Orra\n\nAt least 28 people died when the ferry sank near Orra island on Sunday, officials "
        "said.\n\nThe boat had some 240 people on board, according to the port authority.",
    )
    row = next(a for a in result["alignments"] if a.get("topic", "").endswith("casualties"))
    assert row["verdict"] == "conflict" and "240" not in row["explanation"]


def test_a_toll_told_with_be_counts_the_dead(spacy_nlp):
    assert events("The death toll was 14 on Wednesday.", spacy_nlp) == {"14": "toll"}
