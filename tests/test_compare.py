"""Alignment of claims across sources and accounts, verdicts and their explanations, and cross-page comparison."""

from __future__ import annotations

import json

import pytest

from rashomon.claims import claims_stage
from rashomon.compare import compare_pages, compare_stage, describe, interval, relation
from rashomon.model import Analysis, Attribution, Claim, Page, Quantity, Source, Span
from rashomon.pipeline import StageContext, parse
from tests.conftest import page_from

NORTH = [
    "The militia captured roughly 30 percent of the port district, the harbour authority said.",
    "Thousands of families fled the old quarter, residents said.",
    "Over the weekend the militia seized four neighbourhoods.",
]
SOUTH = [
    "About 30 percent of the port district has been liberated from the militants, the coast guard said.",
    "Some 2,400 families have left the old quarter through the safe corridor.",
    "The army cleared nine neighbourhoods.",
    "More than 40 militants surrendered to the army.",
]


def make_page(paragraphs: list[str], narratives: list[str | None], publisher: str = "Harbour Post") -> Page:
    return page_from(paragraphs, narratives=narratives, publisher=publisher)


def analyze(page: Page, sources=(), attributions=()) -> Analysis:
    analysis = Analysis(page=page, sources=list(sources), attributions=list(attributions))
    parsed = parse(page)
    claims_stage(analysis, StageContext(parsed))
    compare_stage(analysis, StageContext(parsed))
    return analysis


@pytest.fixture(scope="module")
def two_accounts() -> Analysis:
    page = make_page(NORTH + SOUTH, ["north"] * len(NORTH) + ["south"] * len(SOUTH))
    start = page.text.index("roughly 30")
    end = page.text.index("port district,") + len("port district")
    sources = [
        Source("north", "North Wire", "news_agency"),
        Source("south", "South Channel", "media"),
        Source("harbour", "harbour authority", "government"),
    ]
    attribution = Attribution("a1", "harbour", "indirect", Span(start, end, page.text[start:end]))
    return analyze(page, sources, [attribution])


def alignment_with(analysis: Analysis, words: str):
    return next(a for a in analysis.alignments if words in a.explanation)


def test_shares_about_the_same_fact_agree_across_accounts(two_accounts):
    share = alignment_with(two_accounts, "30 percent")
    assert share.verdict == "agree"
    assert "harbour authority via North Wire: roughly 30 percent" in share.explanation
    assert "South Channel: About 30 percent" in share.explanation
    assert share.topic.startswith("share of")
    # the reason's lines as data: the pair of accounts whose figures agree, and the figure both give
    assert [(p.kind, p.how, p.names) for p in share.reason_parts] == [
        ("pair", "figures agree", ["harbour authority via North Wire", "South Channel"])
    ]
    assert share.figure == "roughly 30 percent"  # "About 30 percent" too: one value, as the first writes it


def test_vague_and_exact_counts_are_compatible(two_accounts):
    families = alignment_with(two_accounts, "2,400")
    assert families.verdict == "compatible"
    assert "Thousands of families" in families.explanation


def test_different_scopes_are_not_a_conflict_and_say_why(two_accounts):
    areas = alignment_with(two_accounts, "neighbourhoods")
    assert areas.verdict == "compatible"
    assert "scopes differ" in areas.explanation and "weekend" in areas.explanation.lower()
    assert [p.kind for p in areas.reason_parts] == ["verdict"] and "scopes differ" in areas.reason_parts[0].text


def test_a_figure_only_one_account_gives_is_unique(two_accounts):
    surrender = alignment_with(two_accounts, "More than 40 militants")
    assert surrender.verdict == "unique" and "only South Channel" in surrender.explanation
    assert [(p.kind, p.text) for p in surrender.reason_parts] == [
        ("note", "only South Channel gives this figure: More than 40 militants")
    ]


def test_every_alignment_points_at_claims_of_the_analysis(two_accounts):
    ids = {c.id for c in two_accounts.claims}
    for alignment in two_accounts.alignments:
        assert set(alignment.claim_ids) <= ids and alignment.explanation


def test_framing_per_account(two_accounts):
    north, south = two_accounts.framing["north"], two_accounts.framing["south"]
    assert north["label"] == "North Wire"
    assert {h["term"] for h in north["lexicon"]} >= {"captured", "seized"}
    assert {h["term"] for h in south["lexicon"]} >= {"liberated", "cleared", "militant"}
    json.dumps(two_accounts.framing)  # JSON plain


def test_incompatible_values_for_the_same_scope_conflict():
    page = make_page(
        ["Medics said 300 people were killed in the strike.", "Officials said 12 people were killed in the strike."],
        ["medics", "officials"],
    )
    analysis = analyze(page, [Source("medics", "Medics", "ngo"), Source("officials", "Officials", "government")])
    (alignment,) = analysis.alignments
    assert alignment.verdict == "conflict"
    assert "incompatible values for the same scope" in alignment.explanation


def test_denial_of_the_same_fact_is_a_conflict():
    page = make_page(
        ["The rebels captured 3 villages, the monitor said.", "The rebels did not capture 3 villages, the army said."],
        ["monitor", "army"],
    )
    analysis = analyze(page, [Source("monitor", "Monitor", "ngo"), Source("army", "Army", "military")])
    (alignment,) = analysis.alignments
    # a statement in the negative is no denial: the reader is told which it is
    assert alignment.verdict == "conflict" and "says is not so" in alignment.explanation
    assert "(negative)" in alignment.explanation and "denies" not in alignment.explanation


def test_a_denial_verb_is_a_denial():
    page = make_page(
        [
            "The rebels captured 3 villages, the monitor said.",
            "The army denied that the rebels had captured 3 villages.",
        ],
        ["monitor", "army"],
    )
    analysis = analyze(page, [Source("monitor", "Monitor", "ngo"), Source("army", "Army", "military")])
    (alignment,) = analysis.alignments
    assert alignment.verdict == "conflict" and "denies" in alignment.explanation and "(denied)" in alignment.explanation


def test_one_source_page_says_there_is_nothing_to_compare():
    analysis = analyze(make_page(["Officials said 40 families left the valley on Monday."], [None]))
    codes = [w.code for w in analysis.warnings]
    assert "one_source" in codes and "one_account" in codes
    assert [a.verdict for a in analysis.alignments] == ["unique"]


def test_page_without_claims_is_handled():
    analysis = analyze(Page(text="", blocks=[]))
    assert analysis.alignments == [] and analysis.framing == {}
    assert [w.code for w in analysis.warnings] == ["no_claims"]


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (
            Quantity("about 40", 0, 1, value=40, approx="about", unit="percent"),
            Quantity("roughly 40", 0, 1, value=40, approx="about", unit="percent"),
            "agree",
        ),
        (
            Quantity("more than a third", 0, 1, value=33.33, low=33.33, approx="more_than", unit="percent"),
            Quantity("40", 0, 1, value=40, low=40, high=40, unit="percent"),
            "compatible",
        ),
        (
            Quantity("thousands", 0, 1, low=2000, high=9999, approx="vague", vague=True),
            Quantity("3,179", 0, 1, value=3179, low=3179, high=3179),
            "compatible",
        ),
        (
            Quantity("300", 0, 1, value=300, low=300, high=300),
            Quantity("12", 0, 1, value=12, low=12, high=12),
            "disjoint",
        ),
        (
            Quantity("as much as 40%", 0, 1, value=40, high=40, approx="at_most"),
            Quantity("about 40", 0, 1, value=40, approx="about"),
            "compatible",
        ),
        (
            Quantity("3,000-5,000", 0, 1, low=3000, high=5000, approx="range"),
            Quantity("more than 6,000", 0, 1, value=6000, low=6000, approx="more_than"),
            "disjoint",
        ),
    ],
)
def test_relation_of_two_quantities(a, b, expected):
    assert relation(a, b) == expected and relation(b, a) == expected


def test_interval_and_description():
    about = Quantity(
        "about 40 percent", 0, 1, value=40, approx="about", unit="percent", noun="part", scope="of the old part of town"
    )
    assert interval(about) == pytest.approx((36, 44))
    assert describe(about) == "about 40 percent of the old part of town"
    third = Quantity("more than a third", 0, 1, value=33.33, low=33.33, approx="more_than", unit="percent")
    assert describe(third) == "more than a third (= 33.33 %)"


# --- across pages ---------------------------------------------------------------------------------------


def test_compare_pages_puts_each_outlet_in_its_own_column():
    a = analyze(
        make_page(["About 30 percent of the port district was captured by the militia."], [None], "Harbour Post")
    )
    b = analyze(
        make_page(
            ["The coast guard said roughly 30 percent of the port district was liberated."], [None], "Coast Daily"
        )
    )
    result = compare_pages([a, b])
    assert [p["label"] for p in result["pages"]] == ["Harbour Post", "Coast Daily"]
    (alignment,) = result["alignments"]
    assert alignment["verdict"] == "agree"
    assert alignment["claim_ids"][0].startswith("p1:") and alignment["claim_ids"][1].startswith("p2:")
    assert "Harbour Post: About 30 percent" in alignment["explanation"]
    assert set(result["framing"]) == {"p1", "p2"} and result["warnings"] == []
    json.dumps(result)


def test_compare_pages_with_one_page_warns():
    a = analyze(make_page(["Officials said 40 families left on Monday."], [None]))
    result = compare_pages([a])
    assert [w["code"] for w in result["warnings"]] == ["one_page"]
    assert [x["verdict"] for x in result["alignments"]] == ["unique"]


@pytest.mark.shared
def test_reference_page_aligns_the_territory_share_and_the_evacuation_figures(reference_page_path):
    from rashomon.read import read

    page = read(reference_page_path)
    separators = [b.start for b in page.blocks if b.kind == "separator"]
    if not separators:
        pytest.skip("the reader found no separator between the two accounts")
    for block in page.blocks:  # the two accounts, split where the page puts its separator
        block.narrative = "first" if block.start < separators[0] else "second"
    analysis = analyze(page, [Source("first", "first account", "media"), Source("second", "second account", "media")])
    share = next(a for a in analysis.alignments if a.topic.startswith("share of territory"))
    claims = {c.id: c for c in analysis.claims}
    assert {claims[i].narrative for i in share.claim_ids} == {"first", "second"}
    assert share.verdict in ("agree", "compatible")
    values = [q.value for i in share.claim_ids for q in claims[i].quantities if q.unit == "percent"]
    assert 40 in values and 33.33 in values
    departures = next(a for a in analysis.alignments if a.topic == "people, departure")
    assert {claims[i].narrative for i in departures.claim_ids} == {"first", "second"}
    assert len(departures.claim_ids) >= 3
    lexicon = {nid: {h["term"]: h["count"] for h in f["lexicon"]} for nid, f in analysis.framing.items()}
    assert lexicon["first"]["rebel"] > lexicon["second"].get("rebel", 0)
    assert lexicon["second"]["militant"] > lexicon["first"].get("militant", 0)
    assert lexicon["second"]["liberated"] >= 1 and lexicon["second"]["cleared"] >= 1


def test_claims_without_numbers_align_when_one_source_denies_the_other():
    page = make_page(
        [
            "The militia captured the lighthouse on the northern pier, the harbour authority said.",
            "The militia did not capture the lighthouse on the northern pier, the coast guard said.",
            "Fishermen sold their catch at the market.",
        ],
        ["harbour", "coast", "coast"],
    )
    analysis = analyze(
        page, [Source("harbour", "Harbour Authority", "government"), Source("coast", "Coast Guard", "military")]
    )
    (event,) = [a for a in analysis.alignments if a.topic.startswith("event")]
    assert event.verdict == "conflict" and event.topic == "event: capture"
    assert "Coast Guard says the opposite of what Harbour Authority asserts" in event.explanation


def test_claims_without_numbers_from_one_source_are_not_aligned():
    page = make_page(
        ["The militia captured the lighthouse on the pier.", "The militia captured the lighthouse on the pier again."],
        ["harbour", "harbour"],
    )
    analysis = analyze(page, [Source("harbour", "Harbour Authority", "government")])
    assert [a for a in analysis.alignments if a.topic.startswith("event")] == []


def test_pages_of_one_repeated_word_compare_without_an_internal_error(tmp_path):
    from typer.testing import CliRunner

    from rashomon.cli import app

    a = analyze(make_page(["Truce."], [None], "Valley Courier"))
    b = analyze(make_page(["Truce truce."], [None], "Ridge Bulletin"))
    result = compare_pages([a, b])
    assert all(entry["distinctive"] == [] for entry in result["framing"].values())
    json.dumps(result)
    (tmp_path / "one.txt").write_text("Valley news\n\nTruce.\n")
    (tmp_path / "two.txt").write_text("Ridge news\n\nTruce truce.\n")
    run = CliRunner().invoke(app, ["compare", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "-f", "json"])
    assert run.exit_code == 0, run.output
    assert set(json.loads(run.stdout)["framing"]) == {"p1", "p2"}


def test_prefixed_claims_are_copies_with_every_field_kept():
    from dataclasses import fields

    from rashomon.compare import _prefixed

    page = analyze(make_page(["Officials said 40 families left the valley on Monday."], [None]))
    (claim,) = page.claims
    copy = _prefixed(claim, "p7")
    assert copy.id == f"p7:{claim.id}" and copy is not claim
    assert all(getattr(copy, f.name) == getattr(claim, f.name) for f in fields(claim) if f.name != "id")


def test_a_percent_quantity_without_a_value_is_described_by_its_text():
    q = Quantity(text="about " + "7" * 30 + " percent", start=0, end=44, value=None, approx="about", unit="percent")
    assert describe(q) == q.text


# --- by meaning: event frames, the encoder, verdicts of fact and framing --------------------------------------


def two_outlets(first: list[str], second: list[str]) -> dict:
    a = analyze(make_page(first, [None] * len(first), "Valley Courier"))
    b = analyze(make_page(second, [None] * len(second), "Ridge Bulletin"))
    return compare_pages([a, b])


def across(result: dict) -> list[dict]:
    return [x for x in result["alignments"] if {c.split(":")[0] for c in x["claim_ids"]} == {"p1", "p2"}]


def test_the_same_fact_in_other_words_aligns_without_any_number():
    result = two_outlets(
        ["The regional governor resigned on Friday after weeks of protests over the water shortage."],
        ["The provincial governor resigned on Friday following weeks of protests over water shortages."],
    )
    (group,) = across(result)
    assert group["verdict"] in ("agree", "compatible") and group["similarity"] >= 0.74
    assert group["reasons"] and "Valley Courier" in group["explanation"]


def test_unrelated_sentences_of_two_outlets_are_not_aligned():
    result = two_outlets(
        ["The regional governor resigned on Friday after weeks of protests over the water shortage."],
        ["A new bakery opened its doors on the main square, selling bread baked in a wood oven."],
    )
    assert across(result) == []


def test_a_denial_governed_by_a_verb_is_a_conflict_of_fact():
    result = two_outlets(
        ["Police arrested the mayor of the harbour town on corruption charges on Monday."],
        ["The police department denied that it had arrested the mayor of the harbour town on Monday."],
    )
    (group,) = across(result)
    assert group["verdict"] == "conflict" and group["conflict_kind"] == "fact"
    assert "denies" in group["explanation"]


def test_bare_money_amounts_of_one_fact_conflict():
    result = two_outlets(
        ["The company reported net income of $141 million for the second quarter, the filing showed."],
        ["The company reported net income of $139 million for the second quarter, according to the filing."],
    )
    (group,) = across(result)
    assert group["verdict"] == "conflict" and group["conflict_kind"] == "fact"
    assert "$141 million" in group["explanation"] and "$139 million" in group["explanation"]


def test_a_not_elsewhere_in_the_sentence_does_not_flip_the_verdict():
    result = two_outlets(
        ["The economy grew 2.1 percent last year, a figure that did not surprise the central bank."],
        ["The economy grew 2.1 percent last year, the statistics office said."],
    )
    assert [g["verdict"] for g in across(result)] == ["agree"]


def test_opposed_event_types_conflict_and_say_whether_of_fact_or_framing():
    from rashomon.claims.frames import event_type, opposed

    assert event_type("seize") == event_type("liberate") == "capture"
    assert opposed("rise", "fall") == "fact" and opposed("withdraw", "defeat") == "framing"
    assert opposed("capture", "capture") is None


def test_the_same_bound_twice_agrees_and_two_different_bounds_do_not():
    five = Quantity("at least five", 0, 1, value=5, low=5, approx="at_least")
    assert relation(five, Quantity("at least five", 0, 1, value=5, low=5, approx="at_least")) == "agree"
    three = Quantity("at least 3 feet", 0, 1, value=3, low=3, approx="at_least")
    six = Quantity("at least 6 feet", 0, 1, value=6, low=6, approx="at_least")
    assert relation(three, six) == "disjoint"


def test_durations_compare_in_days():
    from rashomon.claims.numbers import in_base_unit

    two_years = Quantity("two-year", 0, 1, value=2, low=2, high=2, unit="year")
    months = Quantity("13-month", 0, 1, value=13, low=13, high=13, unit="month")
    assert relation(in_base_unit(two_years), in_base_unit(months)) == "disjoint"
    assert (
        relation(
            in_base_unit(two_years), in_base_unit(Quantity("24 months", 0, 1, value=24, low=24, high=24, unit="month"))
        )
        == "agree"
    )


def test_page_pairs_tell_whether_two_pages_tell_one_event():
    same = two_outlets(
        [
            "The regional governor resigned on Friday after weeks of protests over the water shortage.",
            "Protesters had blocked the main road to the capital for ten days.",
        ],
        ["The provincial governor stepped down on Friday following weeks of protests over water shortages."],
    )
    other = two_outlets(
        ["The regional governor resigned on Friday after weeks of protests over the water shortage."],
        ["A new bakery opened its doors on the main square, selling bread baked in a wood oven."],
    )
    (pair,) = same["page_pairs"]
    (apart,) = other["page_pairs"]
    assert pair["accounts"] == ["p1", "p2"] and pair["same_event"] and not apart["same_event"]
    assert pair["similarity"] > apart["similarity"]


def test_framing_across_pages_keeps_each_page_offsets():
    first = ["Government forces and rebels exchanged fire in the valley on Tuesday, officials said."]
    second = ["The brutal regime slaughtered innocent villagers in a savage, cowardly assault on the valley."]
    a = analyze(make_page(first, [None], "Valley Courier"))
    b = analyze(make_page(second, [None], "Ridge Bulletin"))
    result = compare_pages([a, b])
    pages = {"p1": a.page.text, "p2": b.page.text}
    spans = [(pid, span) for pid, entry in result["framing"].items() for span in entry["loaded"]]
    assert any(pid == "p2" for pid, _ in spans), "the head flags none of the second page's loaded words"
    for pid, span in spans:
        assert pages[pid][span["start"] : span["end"]].split()[0] in span["text"]


def test_a_denial_is_no_conflict_when_the_asserting_sentence_also_denies():
    from rashomon.meaning import pair_verdict
    from rashomon.model import Claim

    def claim(text: str, negated: bool) -> Claim:
        return Claim(id="c", source_id="s", start=0, end=len(text), text=text, negated=negated, event_type="offer")

    denial = claim("The spokesman insisted that the council never offered him a seat on the board.", True)
    plain = claim("Many say the council offered him a seat on the board.", False)
    hedged = claim(
        "Many say the council offered him a seat on the board; the mayor said that was never the case.", False
    )
    assert pair_verdict(plain, denial, 0.8, "A", "B")[0] == "conflict"
    assert pair_verdict(hedged, denial, 0.8, "A", "B")[0] != "conflict"


HARBOUR_FIRST = [
    "The harbour council voted on Tuesday to close the old ferry terminal at the end of the summer.",
    "Council members said the terminal had lost money for years and needed repairs the town could not pay for.",
    "The mayor, Lena Ostrova, called the vote a painful but necessary choice for the harbour.",
    "Fishermen who use the terminal's pier protested outside the council building during the vote.",
]

#: The same event as :data:`HARBOUR_FIRST` told by a second outlet, mostly in other words.
HARBOUR_SECOND = [
    "The harbour council decided on Tuesday that the old ferry terminal will close when the summer ends.",
    "Mayor Lena Ostrova has called the closure painful but necessary.",
    "Protesters, many of them fishermen, gathered outside while the council voted.",
    "The terminal has been losing money, according to council members.",
]


def test_a_paraphrase_in_the_band_aligns_on_rare_words_both_use_or_a_clear_lead():
    """Cosine 0.55-0.80: a pair is one fact only with evidence: here the mayor's name and her words (rare in the
    event) in both; "lost money" / "losing money" (0.76) and the two protest sentences (0.75) share few rare
    words of the event, but each is the other's closest claim by a clear margin."""
    pairs = {tuple(x["claim_ids"]): x for x in across(two_outlets(HARBOUR_FIRST, HARBOUR_SECOND))}
    band = pairs[("p1:c3", "p2:c2")]
    assert 0.55 <= band["similarity"] < 0.80
    assert band["verdict"] == "agree" and "in other words" in band["explanation"]
    (part,) = band["reason_parts"]
    assert (part["kind"], part["how"]) == ("pair", "other words") and part["evidence"] is not None
    close = pairs[("p1:c1", "p2:c1")]["reason_parts"][0]
    assert close["evidence"] is None  # close enough to need no band evidence
    assert ("p1:c2", "p2:c4") in pairs and ("p1:c4", "p2:c3") in pairs
    assert ("p1:c1", "p2:c1") in pairs  # the close paraphrase, as before
    assert len(pairs) == 4  # one to one: no sentence pairs twice


def test_band_evidence_trades_rare_words_against_a_clear_lead():
    from rashomon.meaning import band_evidence
    from rashomon.model import Claim

    a = Claim(id="a", source_id="s", start=0, end=1, text="The terminal lost money.")
    b = Claim(id="b", source_id="s", start=0, end=1, text="The terminal is losing money.")
    assert band_evidence(a, b, 0.3) == "shared rare words"
    assert band_evidence(a, b, 0.12, margin=0.08) is not None  # few rare words, a clear lead
    assert band_evidence(a, b, 0.2, margin=0.05) is not None
    assert band_evidence(a, b, 0.12, margin=0.02) is None  # few rare words, another claim nearly as close
    assert band_evidence(a, b, 0.05, margin=0.3) is None  # no rare word in common: never


def test_below_the_band_only_shared_rare_words_are_evidence():
    """Under ``BAND_COSINE`` a shared actor or an agreeing figure names the topic, not the fact: only the rare
    words both claims use count there."""
    from rashomon.meaning import band_evidence
    from rashomon.model import Claim

    def claim(text: str) -> Claim:
        return Claim(
            id="c", source_id="s", start=0, end=len(text), text=text, event_type="close", agent_ids=["council"]
        )

    a = claim("The council closed the ferry terminal.")
    b = claim("The council will close its pier next spring.")
    assert band_evidence(a, b, 0.05) == "same event and actor"
    assert band_evidence(a, b, 0.05, words_only=True) is None
    assert band_evidence(a, b, 0.3, words_only=True) == "shared rare words"


def test_a_claim_that_tells_two_facts_pairs_with_a_claim_a_closer_pair_took():
    """In the band, a pair the one-to-one matching does not hold (the other account's claim is closer to another
    claim) is still a candidate on the frames' evidence: the same event and actor."""
    import numpy as np

    from rashomon.meaning import candidate_pairs
    from rashomon.model import Claim

    texts = [
        ("A", "The harbour festival drew large crowds to the quay on Saturday.", None, []),
        ("A", "The council closed the ferry terminal, citing years of losses.", "close", ["council"]),
        ("B", "The council shut the terminal at the weekend.", "close", ["council"]),
    ]
    claims = [
        Claim(id=str(n), source_id=acc, start=0, end=len(t), text=t, event_type=ev, agent_ids=ids)
        for n, (acc, t, ev, ids) in enumerate(texts)
    ]
    # claim 2 is closer to claim 0 (0.70, no evidence) than to claim 1 (0.65, the same event and actor)
    vectors = np.array([[0.70, np.sqrt(1 - 0.49), 0.0], [0.65, 0.0, np.sqrt(1 - 0.65**2)], [1.0, 0.0, 0.0]])
    pairs = {(i, j) for i, j, _ in candidate_pairs(claims, vectors, lambda c: c.source_id)}
    assert pairs == {(1, 2)}


def test_one_to_one_matching_gives_a_claim_its_second_best_when_a_closer_pair_takes_the_best():
    import numpy as np

    from rashomon.meaning import one_to_one

    # claims 0 and 1 of account A, 2 and 3 of account B: both of A's claims are closest to 2, and 0 is closer
    sims = np.array([[1, 0.5, 0.9, 0.3], [0.5, 1, 0.7, 0.65], [0.9, 0.7, 1, 0.4], [0.3, 0.65, 0.4, 1]])
    codes = np.array([0, 0, 1, 1])
    rows, cols = np.nonzero((codes[:, None] != codes[None, :]) & (sims >= 0.55))
    matched = one_to_one(sims, rows, cols, codes)
    assert (0, 2) in matched and (1, 3) in matched and (3, 1) in matched
    assert (1, 2) not in matched


def test_three_outlets_whose_looser_pairs_match_pairwise_make_one_group():
    """Loose pairs (cosine under 0.80) join into one group of three outlets only when every two of the claims
    are a candidate pair. The protest sentences ("rallied in front of the council building as members cast their
    votes" / "gathered outside while the council voted") were no candidate pair before session 15, and the third
    outlet's stayed out; their words matching one by one makes them one (``meaning.token_match``), and every two of
    the three protest sentences are pairs, so the three tell the fact together; no claim is in two groups."""
    second = [
        "The harbour council decided on Tuesday that the old ferry terminal will close when the summer ends.",
        "Protesters, many of them fishermen, gathered outside while the council voted.",
        "The terminal has been losing money, according to council members.",
    ]
    third = [
        "Councillors agreed on Tuesday to shut the ferry terminal after the summer season.",
        "Dozens of fishermen rallied in front of the council building as members cast their votes.",
        "Council members said the terminal cost the town money every year.",
    ]
    pages = [
        analyze(make_page(text, [None] * len(text), name))
        for text, name in ((HARBOUR_FIRST, "Valley Courier"), (second, "Ridge Bulletin"), (third, "Coast Herald"))
    ]
    groups = [set(x["claim_ids"]) for x in compare_pages(pages)["alignments"]]
    assert {"p1:c2", "p2:c3", "p3:c3"} in groups  # money: three loose pairs, pairwise
    assert {"p1:c1", "p2:c1", "p3:c1"} in groups  # the vote: a close pair and the third outlet's looser match
    assert {"p1:c4", "p2:c2", "p3:c2"} in groups  # the protest
    assert sum(len(g) for g in groups) == len(set().union(*groups))


def test_rare_overlap_weighs_out_the_words_every_claim_of_the_event_uses():
    from rashomon.meaning import event_idf, rare_overlap
    from rashomon.model import Claim

    texts = ["The council closed the terminal.", "The council heard fishermen.", "The council met the mayor Ostrova."]
    texts += ["Ostrova said the council erred."]
    words, idf = event_idf([Claim(id=str(n), source_id="s", start=0, end=len(t), text=t) for n, t in enumerate(texts)])
    assert idf["council"] == 0.0 and idf["ostrova"] > 0
    assert rare_overlap(words[0], words[1], idf) == 0.0  # only "council" is shared
    assert 0 < rare_overlap(words[2], words[3], idf) < 1


def test_what_one_outlet_tells_more_is_named_on_the_group_with_how_sure_the_verdict_is():
    from rashomon.meaning import VERDICT_CERTAINTY
    from rashomon.report.comparison import comparison_text

    result = two_outlets(
        ["The mayor of the harbour town resigned on Friday after weeks of protests over the water shortage."],
        [
            "The mayor of the harbour town resigned on Friday in Kessling after weeks of protests over the water "
            "shortage, her office said."
        ],
    )
    (group,) = across(result)
    assert group["verdict"] == "agree" and group["certainty"] == VERDICT_CERTAINTY["same words"]
    assert group["extra"] == {"p2:c1": ["Kessling"]}  # only the second outlet says where
    assert "Ridge Bulletin also gives: Kessling" in group["reasons"]
    adds = [p for p in group["reason_parts"] if p["kind"] == "adds"]
    assert [(p["claim_ids"], p["particulars"], p["tells_more"]) for p in adds] == [(["p2:c1"], ["Kessling"], False)]
    assert "[agree; how sure: 99 %]" in comparison_text(result)


def test_a_paraphrase_is_less_sure_than_the_same_words():
    result = two_outlets(
        ["The regional governor resigned on Friday after weeks of protests over the water shortage."],
        ["The provincial governor resigned on Friday following weeks of protests over water shortages."],
    )
    (group,) = across(result)
    assert group["verdict"] == "agree" and group["certainty"] < 0.8
    assert group["extra"] == {}  # neither tells a particular the other lacks


def test_an_agreement_where_one_outlet_names_three_more_particulars_is_less_sure_and_says_so():
    from rashomon.meaning import VERDICT_CERTAINTY

    result = two_outlets(
        ["The regional governor resigned on Friday after weeks of protests over the water shortage."],
        [
            "The provincial governor resigned on Friday following weeks of protests in Kessling, Dorval and Amsel over "
            "water shortages."
        ],
    )
    (group,) = across(result)
    assert group["verdict"] == "agree"  # the verdict stays: more particulars alone do not make it compatible
    assert group["certainty"] == VERDICT_CERTAINTY["one tells more"] < VERDICT_CERTAINTY["agree"]
    assert sorted(group["extra"]["p2:c1"]) == ["Amsel", "Dorval", "Kessling"]
    assert any(r.startswith("Ridge Bulletin tells more, maybe compatible:") for r in group["reasons"])
    assert [p["tells_more"] for p in group["reason_parts"] if p["kind"] == "adds"] == [True]


def test_extra_particulars_are_times_places_figures_and_names_the_other_claim_does_not_name():
    from rashomon.meaning import extra_particulars, particulars
    from rashomon.model import Claim

    def claim(text: str, **frame) -> Claim:
        return Claim(id="c", source_id="s", start=0, end=len(text), text=text, **frame)

    full = claim(
        "WASHINGTON - Police arrested Mayor Olsen in Kessling on Monday, the State Police said.",
        time="Monday",
        place="Kessling",
        actors=["Mayor Olsen", "the State Police"],
    )
    short = claim("The mayor, Anton Olsen, was arrested, police said.", actors=["Anton Olsen"])
    assert "WASHINGTON" not in particulars(full)  # a dateline
    assert "Mayor Olsen" in particulars(full) and "State Police" in particulars(full)
    # "Olsen" and "police" are named in the short claim; the place and the day are not
    assert extra_particulars(full, [short]) == ["Monday", "Kessling"]
    assert extra_particulars(short, [full]) == []  # "Anton Olsen" is the mayor Olsen the full claim names


class CountingEncoder:
    """The shared encoder, keeping every list of texts it is asked to encode."""

    def __init__(self, inner):
        self.inner = inner
        self.calls: list[list[str]] = []

    def encode(self, texts, **kwargs):
        self.calls.append(list(texts))
        return self.inner.encode(texts, **kwargs)

    def embed(self, texts):
        self.calls.append(list(texts))
        return self.inner.embed(texts)


def test_the_encode_stage_encodes_the_claims_once_for_the_compare_stage(two_accounts):
    """The claims' texts go through the encoder once, in the encode stage; the compare stage (alignment and
    framing) reads its vectors from ``ctx.provided``."""
    from rashomon.encode import CLAIM_ENCODING, encode_stage
    from rashomon.encoder import load
    from rashomon.meaning import normalized_text

    analysis, counting = two_accounts, CountingEncoder(load())
    ctx = StageContext(loaded={"encoder": counting})
    encode_stage(analysis, ctx)
    assert ctx.provided[CLAIM_ENCODING].matches(analysis.claims) and len(counting.calls) == 1
    analysis.alignments, analysis.framing = [], {}
    compare_stage(analysis, ctx)
    claim_texts = {normalized_text(c.text) for c in analysis.claims}
    assert sum(1 for texts in counting.calls for t in texts if t in claim_texts) == len(analysis.claims)
    assert analysis.alignments  # the vectors served the alignment


def test_compare_pages_reuses_the_pages_encode_stage_vectors():
    """Given each page's encode-stage result, ``compare_pages`` encodes no claim again and finds the same
    alignments as when it encodes them itself."""
    from rashomon.encode import CLAIM_ENCODING, encode_stage
    from rashomon.encoder import load
    from rashomon.meaning import normalized_text

    second = [
        "The harbour council decided on Tuesday that the old ferry terminal will close when the summer ends.",
        "Mayor Lena Ostrova has called the closure painful but necessary.",
    ]
    analyses, encodings = [], []
    for paragraphs, outlet in ((HARBOUR_FIRST, "Valley Courier"), (second, "Ridge Bulletin")):
        page = make_page(paragraphs, [None] * len(paragraphs), outlet)
        analysis, ctx = Analysis(page=page), StageContext(parse(page))
        claims_stage(analysis, ctx)
        encode_stage(analysis, ctx)
        analyses.append(analysis)
        encodings.append(ctx.provided[CLAIM_ENCODING])
    counting = CountingEncoder(load())
    reused = compare_pages(analyses, encoder=counting, encodings=encodings)
    claim_texts = {normalized_text(c.text) for a in analyses for c in a.claims}
    assert not claim_texts & {t for texts in counting.calls for t in texts}
    alone = compare_pages(analyses)
    assert [a["claim_ids"] for a in reused["alignments"]] == [a["claim_ids"] for a in alone["alignments"]]
    assert ["p1:c3", "p2:c2"] in [a["claim_ids"] for a in reused["alignments"]]


def test_a_figure_an_outlet_repeats_names_the_topic_and_is_no_band_evidence():
    """A figure one outlet gives in two of its claims ("the 40-page report") is the story's, not a fact's: two
    claims that share only it are not one fact; a figure each outlet gives once still is evidence."""
    from rashomon.meaning import band_evidence, topic_figures
    from rashomon.model import Claim, Quantity

    def claim(cid: str, text: str, pages: float) -> Claim:
        figure = Quantity(f"{pages:g} pages", 0, 1, value=pages, low=pages, high=pages, noun="pages")
        return Claim(id=cid, source_id="s", start=0, end=len(text), text=text, quantities=[figure])

    first = claim("p1:c1", "The 40-page report faults the harbour council for the delays.", 40)
    again = claim("p1:c2", "Its 40 pages list every missed inspection since 2019.", 40)
    other = claim("p2:c1", "Council members received the 40-page report on Monday.", 40)
    page_of = lambda c: c.id.split(":")[0]  # noqa: E731
    topic = topic_figures([first, again, other], page_of)
    assert topic, "a figure one outlet repeats is the topic's"
    assert band_evidence(first, other, 0.05) == "same figure"
    assert band_evidence(first, other, 0.05, topic=topic) is None
    assert not topic_figures([first, other], page_of)  # once per outlet: a fact's figure


def test_a_figure_the_other_outlet_gives_in_other_words_is_no_extra_particular():
    """A reader's check, session 11: "one-in-three" was listed as what one outlet tells more, beside "1 in 3"."""
    from rashomon.meaning import extra_particulars
    from rashomon.model import Claim, Quantity

    def claim(text: str, figure: str) -> Claim:
        start = text.index(figure)
        share = Quantity(figure, start, start + len(figure), value=33.33, low=33.33, high=33.33, unit="percent")
        return Claim(id="c", source_id="s", start=0, end=len(text), text=text, quantities=[share])

    words = claim("The speaker put his party's chance of losing at one-in-three on Sunday.", "one-in-three")
    digits = claim("The speaker said the chance of losing was 1 in 3.", "1 in 3")
    assert "one-in-three" not in extra_particulars(words, [digits])
    other = claim("The speaker said the chance of losing was 1 in 3.", "1 in 3")
    other.quantities[0] = Quantity("1 in 4", 0, 6, value=25.0, low=25.0, high=25.0, unit="percent")
    assert "one-in-three" in extra_particulars(words, [other])


def test_one_figure_stated_alike_is_band_evidence_whatever_noun_counts_it():
    """Session 12: "nearly 40 harbour pilots" and "nearly 40 pilots" state one figure; counted nouns of two
    classes kept them apart. A year, a small bare count, another approximation or a figure an outlet repeats
    (the topic) is no such evidence."""
    from rashomon.meaning import band_evidence, same_stated_figure, topic_figures
    from rashomon.model import Claim, Quantity

    def claim(cid: str, text: str, value: float | None, approx: str = "almost", noun: str = "", **bounds) -> Claim:
        figure = Quantity(text, 0, 1, value=value, approx=approx, noun=noun or None, **bounds)
        return Claim(id=cid, source_id="s", start=0, end=len(text), text=text, quantities=[figure])

    staff = claim("p1:c1", "Nearly 90 harbour staff signed the letter to the council.", 90, noun="staff")
    pilots = claim("p2:c1", "A letter from nearly 90 pilots reached the council on Monday.", 90, noun="pilots")
    assert band_evidence(staff, pilots, 0.05) == "same figure stated"
    assert band_evidence(staff, pilots, 0.05, words_only=True) is None  # below the band: rare words only
    about = claim("p2:c2", "About 90 pilots wrote to the council.", 90, approx="about", noun="pilots")
    assert not same_stated_figure(staff, about)
    two = claim("p1:c2", "Two pilots spoke.", 2, approx="exact", noun="pilots")
    assert not same_stated_figure(two, claim("p2:c3", "Two staff spoke.", 2, approx="exact", noun="staff"))
    age = claim("p1:c6", "Ostrova, 49, chairs the council.", 49, approx="exact")  # no counted noun read
    assert not same_stated_figure(age, claim("p2:c6", "Ostrova, 49, spoke first.", 49, approx="exact"))
    year = claim("p1:c3", "The pier opened in 2019.", 2019, approx="exact")
    assert not same_stated_figure(year, claim("p2:c4", "Repairs began in 2019.", 2019, approx="exact"))
    hours = claim("p1:c4", "Pilots train for 40 to 60 hours.", None, "range", low=40, high=60)
    course = claim("p2:c5", "Each takes a 40- to 60-hour course.", None, "range", low=40, high=60)
    hours.quantities[0].unit = course.quantities[0].unit = "hour"
    assert same_stated_figure(hours, course)
    again = claim("p1:c5", "The 90 signatures were delivered by hand.", 90, noun="signatures")
    topic = topic_figures([staff, again, pilots], lambda c: c.id.split(":")[0])
    assert not same_stated_figure(staff, pilots, topic)


def test_a_distinctive_figure_stated_alike_is_evidence_below_the_band():
    """Session 37: "It cleared the council 312-7" / "councillors voted 312-7 on the motion ..." sit below the band and
    were no pair: a figure of three significant digits or more, stated alike, is evidence there too; a round one
    ("about 90", "1.6 million") is not."""
    from rashomon.meaning import _distinctive, band_evidence
    from rashomon.model import Claim, Quantity

    def claim(cid: str, text: str, **figure) -> Claim:
        return Claim(
            id=cid, source_id="s", start=0, end=len(text), text=text, quantities=[Quantity(text, 0, 1, **figure)]
        )

    tally = dict(value=None, low=312.0, high=7.0, approx="score", noun="vote")
    passed = claim("p1:c1", "It cleared the council 312-7.", **tally)
    voted = claim("p2:c1", "On Wednesday councillors voted 312-7 on the harbour motion.", **tally)
    assert band_evidence(passed, voted, 0.0, words_only=True) == "same figure stated"
    staff = dict(value=90.0, low=90.0, high=90.0, approx="almost", noun="pilots")
    nearly = claim("p1:c2", "Nearly 90 pilots signed.", **staff)
    assert (
        band_evidence(nearly, claim("p2:c2", "A letter from nearly 90 pilots arrived.", **staff), 0.0, words_only=True)
        is None
    )

    def figure(value=None, low=None, high=None, unit=None) -> Quantity:
        return Quantity("x", 0, 1, value=value, low=low, high=high, unit=unit)

    distinctive = [figure(396.0), figure(141e6), figure(2.35), figure(None, 396.0, 9.0)]
    plain = [figure(1.6e6), figure(90.0), figure(None, 3.0, 4.0), figure(15.0, unit="year")]  # 15 years: not 5,479 days
    assert all(_distinctive(q) for q in distinctive) and not any(_distinctive(q) for q in plain)


def test_a_tally_two_outlets_give_alike_pairs_their_claims_across_pages():
    first = ["The motion on the harbour fees passed the council on Tuesday. It passed in a 312-7 vote."]
    second = ["On Wednesday, councillors voted 312-7 for a motion that kept the fees and raised the pier tax."]
    texts = [
        " | ".join(x["claim_texts"]) if "claim_texts" in x else x["explanation"]
        for x in across(two_outlets(first, second))
    ]
    assert any("312-7 vote" in t for t in texts)


def test_two_peoples_words_are_two_statements_whatever_their_topic():
    """Session 13: two spokesmen's separate statements, two activists' same slogan were grouped as one fact. Two
    named people are two speakers unless their names share a word, one is named in the other's claim, or the
    claims give the same words (one quotation that an outlet gave to the wrong man)."""
    from rashomon.meaning import different_speakers
    from rashomon.model import Claim

    def claim(text: str) -> Claim:
        return Claim(id="c", source_id="s", start=0, end=len(text), text=text)

    guild = claim('"This closure will push the fishermen out of the harbour for good," Kovacs said.')
    college = claim('"Closing the terminal drives fishing families away from the harbour," Berg said.')
    assert different_speakers(guild, college, "Marta Kovacs", "Jonas Berg")
    assert not different_speakers(guild, college, "Marta Kovacs", "Dr. Marta Kovacs")  # one woman, named twice
    assert not different_speakers(guild, college, "Marta Kovacs", None)  # the outlet's own words
    told = claim("Jonas Berg said Kovacs had warned that the fishermen would leave the harbour for good.")
    assert not different_speakers(guild, told, "Marta Kovacs", "Jonas Berg")  # he tells what she said
    echo = claim('"This closure will push the fishermen out of the harbour for good," Berg recalled.')
    assert not different_speakers(guild, echo, "Marta Kovacs", "Jonas Berg")  # the same words: one quotation


def _quoted(sentences: list[str], speaker: str, outlet: str) -> Analysis:
    """An outlet's page whose second sentence relays ``speaker``'s words (a person source)."""
    page = make_page(sentences, [None] * len(sentences), outlet)
    start = page.text.index(sentences[1])
    end = start + len(sentences[1])
    person = Source("q", speaker, "person")
    return analyze(page, [person], [Attribution("a1", "q", "direct", Span(start, end, page.text[start:end]))])


def test_compare_pages_keeps_two_peoples_statements_apart_and_one_persons_together():
    """The same two quotations (cosine in the band), given to one woman by both outlets or to two people."""
    first = [
        "The harbour council voted on Tuesday to close the old ferry terminal at the end of the summer.",
        '"The fishermen will lose their pier and their living."',
        "The terminal has lost money for six years, council members said.",
        "Repairs would have cost the town four million euros.",
    ]
    second = [
        "The council decided on Tuesday that the old ferry terminal will shut when the summer ends.",
        '"Without the terminal, fishermen have no pier to land their catch."',
        "Council members said the terminal had been losing money for years.",
        "The town could not pay for new moorings, the mayor said.",
    ]
    quote = ["p1:c2", "p2:c2"]
    hers = across(compare_pages([_quoted(first, "Marta Kovacs", "Courier"), _quoted(second, "Marta Kovacs", "Ridge")]))
    (group,) = [x for x in hers if x["claim_ids"] == quote]
    assert group["similarity"] < 0.80  # her words, told in two ways: one fact
    two = compare_pages([_quoted(first, "Marta Kovacs", "Courier"), _quoted(second, "Jonas Berg", "Ridge")])
    assert quote not in [x["claim_ids"] for x in across(two)]  # his words and hers: two statements
    assert {"claim_ids": quote, "similarity": group["similarity"]} in two["related"]  # on one point, no verdict
    assert ["p1:c1", "p2:c1"] in [x["claim_ids"] for x in across(two)]  # the vote is still one fact


def test_a_group_of_two_closest_sentences_with_few_words_in_common_is_less_sure_and_says_why():
    """Session 13: such a pair showed "agree, how sure: 75 %" like any agreement, and was right 6 times in 18 on
    the BASIL triplets 28-41: two sentences on one topic meet that evidence too."""
    from rashomon.meaning import VERDICT_CERTAINTY

    pairs = {tuple(x["claim_ids"]): x for x in across(two_outlets(HARBOUR_FIRST, HARBOUR_SECOND))}
    loose = pairs[("p1:c2", "p2:c4")]  # "lost money" / "losing money": each other's closest, few rare words
    assert loose["verdict"] == "agree"
    assert loose["certainty"] == VERDICT_CERTAINTY["agree, closest only"] < VERDICT_CERTAINTY["agree"]
    assert any("maybe one topic, not one fact" in r for r in loose["reasons"])
    close = pairs[("p1:c1", "p2:c1")]  # the close paraphrase of the vote
    assert close["certainty"] in (VERDICT_CERTAINTY["agree"], VERDICT_CERTAINTY["same words"])
    assert not any("maybe one topic" in r for r in close["reasons"])


def test_within_one_page_each_others_closest_sentence_is_no_fact_of_its_own():
    """Real pages, session 14: a page's sources all tell one story, so "each other's closest sentence with few
    words in common" paired a senator's schedule with a rival's caucus vote and two tips on one lemon tree. That
    evidence groups the harbour accounts' "lost money" / "losing money" across two pages, never inside one."""
    page = make_page(HARBOUR_FIRST + HARBOUR_SECOND, ["north"] * len(HARBOUR_FIRST) + ["south"] * len(HARBOUR_SECOND))
    sources = [Source("north", "North Wire", "news_agency"), Source("south", "South Channel", "media")]
    one_page = analyze(page, sources)
    money = {c.id for c in one_page.claims if "money" in c.text}
    assert len(money) == 2
    assert not [a for a in one_page.alignments if set(a.claim_ids) == money]
    vote = {c.id for c in one_page.claims if "Tuesday" in c.text}
    assert [a.verdict for a in one_page.alignments if set(a.claim_ids) == vote] == ["agree"]  # a close paraphrase
    pairs = {tuple(x["claim_ids"]) for x in across(two_outlets(HARBOUR_FIRST, HARBOUR_SECOND))}
    assert ("p1:c2", "p2:c4") in pairs


def test_a_denial_beside_a_possibility_is_compatible_not_a_conflict():
    """Session 14: "he did not send the photo" and "it was possible that the photo could have been sent from his
    account" can both hold; a flat assertion of the same event still conflicts with the denial."""
    from rashomon.meaning import pair_verdict
    from rashomon.model import Claim

    def claim(text: str, negated: bool) -> Claim:
        return Claim(id="c", source_id="s", start=0, end=len(text), text=text, negated=negated, event_type="send")

    denial = claim("The councillor said he did not send the letter to the newspaper.", True)
    possible = claim(
        "An aide said the letter could have been sent from the councillor's account by someone else.", False
    )
    flat = claim("The councillor sent the letter to the newspaper on Monday.", False)
    in_may = claim("The councillor sent the letter to the newspaper in May.", False)
    verdict = pair_verdict(possible, denial, 0.7, "Valley Courier", "Ridge Bulletin")
    assert verdict.verdict == "compatible" and verdict.conflict_kind is None
    assert verdict.reason == "Ridge Bulletin says it is not so; Valley Courier says only that it may have happened"
    denied = claim("The councillor denied that he had sent the letter to the newspaper.", True)
    denied.denied = True
    assert pair_verdict(possible, denied, 0.7, "Valley Courier", "Ridge Bulletin").reason.startswith(
        "Ridge Bulletin denies it;"
    )
    assert pair_verdict(flat, denial, 0.7, "A", "B").verdict == "conflict"
    assert pair_verdict(in_may, denial, 0.7, "A", "B").verdict == "conflict"  # a month, not a possibility


def test_one_outlet_telling_more_of_a_fact_whose_figures_agree_is_compatible():
    """Session 14: both give the figure that pins the fact down ($4 million); one adds what the other does not
    name (a further figure, a place), so it tells more: compatible, and how sure says so."""
    from rashomon.meaning import VERDICT_CERTAINTY

    result = two_outlets(
        ["The town council will spend $4 million on new buses for its bus service, officials said."],
        ["The town council will spend $4 million to buy 30 new electric buses for the northern routes in Dorval."],
    )
    (group,) = across(result)
    assert group["verdict"] == "compatible" and group["certainty"] == VERDICT_CERTAINTY["compatible"]
    assert "Dorval" in group["extra"]["p2:c1"]
    told = [p for p in group["reason_parts"] if p["kind"] == "adds"]
    assert [p["tells_more"] for p in told] == [True] and told[0]["text"].startswith("Ridge Bulletin tells more:")
    assert any("the figures agree" in r for r in group["reasons"])


def test_an_agreement_with_the_same_figure_and_nothing_more_stays_agree():
    result = two_outlets(
        ["The town council will spend $4 million on new buses for its bus service, officials said."],
        ["Officials said the town council is spending $4 million to buy new buses for the bus service."],
    )
    (group,) = across(result)
    assert group["verdict"] == "agree" and group["extra"] == {}


def test_a_figure_without_its_noun_meets_no_figure_ten_times_its_size():
    # real news, session 15: a $43,000 watch in one outlet's sentence and the $750,000 spent in another's were
    # read as one figure "for another period or place"; they are two things, each one outlet's particular (a
    # figure in thousands is one word: "000" no longer names "$38,000" inside a claim that gives "$600,000")
    result = two_outlets(
        ["Former Rep. Dale Mercer pleaded guilty Wednesday to spending $600,000 in campaign funds on personal items."],
        [
            "Former Rep. Dale Mercer pleaded guilty Wednesday morning to using campaign funds to buy personal items, "
            "including a $38,000 gold watch."
        ],
    )
    (group,) = across(result)
    assert group["verdict"] != "conflict"
    assert not any("$38,000" in r and "$600,000" in r for r in group["reasons"])
    assert "$600,000" in group["extra"]["p1:c1"] and "$38,000" in group["extra"]["p2:c1"]


def test_token_match_keeps_which_words_meet_which():
    """Word-by-word matching (BERTScore's F with weights by rarity among the compared claims): a paraphrase's
    words find their partners, a sentence on the same topic shares the topic's words only, which every claim of
    the event holds and which therefore weigh nothing."""
    from rashomon.encoder import load
    from rashomon.meaning import normalized_text, token_match, token_view

    texts = [
        normalized_text("The council shut the old ferry terminal on Tuesday after months of losses."),
        normalized_text("On Tuesday the council closed the old ferry terminal, which had lost money for months."),
        normalized_text("The council said the old ferry terminal could host a fish market next summer."),
        normalized_text("Fishermen said the council had ignored them before the vote on the terminal."),
    ]
    encoding = load().encode(texts, tokens=True)
    view = token_view(texts, encoding.tokens, encoding.offsets)
    pieces = [[t[int(s) : int(e)].lower() for s, e in found] for t, found in zip(texts, encoding.offsets, strict=True)]
    council = pieces[0].index("council")
    assert view.weights[0][council] == 0.0  # every claim names the council: no weight
    assert token_match(view, 0, 1) > token_match(view, 0, 2) + 0.05
    assert token_match(view, 0, 1) > token_match(view, 0, 3) + 0.05
    assert token_match(view, 0, 1) == pytest.approx(token_match(view, 1, 0))


def _account_of(claim: Claim) -> str:
    return claim.id.split(":")[0]


def _low_band_trio(*texts: str):
    """Claims of pages p1, p2, p1 whose first two are a pair just below the band (cosine 0.5) with words matching one
    by one, the third closer to neither; with their vectors and token view."""
    import numpy as np

    claims = [Claim(id=i, source_id="s", start=0, end=1, text=t) for i, t in zip(("p1:c1", "p2:c1", "p1:c2"), texts)]
    vectors = np.array([[0.5, 0.0, np.sqrt(0.75)], [1.0, 0.0, 0.0], [0.6, 0.8, 0.0]])
    return claims, vectors, _words_matching_first_two(claims=3, pieces=5, seed=1)


def _words_matching_first_two(claims: int, pieces: int, seed: int):
    """Unit token vectors (a ``TokenView``) of ``claims`` claims with ``pieces`` word pieces each: the first two
    claims' words nearly the same one by one, the others' random."""
    import numpy as np

    from rashomon.meaning import TokenView

    rng = np.random.default_rng(seed)
    shared = rng.normal(size=(pieces, 8))
    tokens = [shared, shared + 0.05 * rng.normal(size=(pieces, 8))]
    tokens += [rng.normal(size=(pieces, 8)) for _ in range(claims - 2)]
    return TokenView([t / np.linalg.norm(t, axis=1, keepdims=True) for t in tokens], [np.ones(pieces)] * claims)


def test_words_that_match_one_by_one_are_band_evidence_only_across_pages_that_give_tokens():
    """A pair in the band with no frame evidence and few shared rare words is a candidate when its words match one
    by one (``TOKEN_MATCH_SCORE``); without token vectors (one page's stage) it is not; nor is a pair whose words
    match poorly."""
    import numpy as np

    from rashomon.meaning import TOKEN_MATCH, candidate_pairs
    from rashomon.model import Claim

    claims = [
        Claim(id="p1:c1", source_id="s", start=0, end=1, text="Officials shut the old terminal."),
        Claim(id="p2:c1", source_id="s", start=0, end=1, text="Authorities closed a former pier."),
        Claim(id="p1:c2", source_id="s", start=0, end=1, text="Rain is expected by Sunday."),
        Claim(id="p2:c2", source_id="s", start=0, end=1, text="Tickets now cost more downtown."),
    ]
    vectors = np.array([[1.0, 0.0, 0.0, 0.0], [0.6, 0.8, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.6, 0.8]])
    view = _words_matching_first_two(claims=4, pieces=4, seed=0)
    account = _account_of
    assert candidate_pairs(claims, vectors, account) == []
    evidence: dict = {}
    assert [(i, j) for i, j, _ in candidate_pairs(claims, vectors, account, evidence, tokens=view)] == [(0, 1)]
    assert evidence[(0, 1)] == TOKEN_MATCH


def test_two_spans_of_years_for_one_fact_conflict():
    """Session 16: years are no figures of the claims stage, so two spans of one term of office, one year apart at
    both ends, agreed. Each claim stating one span of years, the two overlapping but differing at both ends, is a
    conflict of fact; the same span written with a hyphen agrees; a claim with two spans is not read (which is
    which?); spans sharing an end or apart, and "spans" too wide to be a period, are no clash."""
    from rashomon.meaning import clashing_year_spans, pair_verdict, year_spans
    from rashomon.model import Claim

    def claim(text: str) -> Claim:
        return Claim(id="c", source_id="s", start=0, end=len(text), text=text)

    first = claim("Ines Kolar chaired the harbour board from 1981 to 1993, the board's records show.")
    other = claim("From 1980 to 1992 the harbour board was chaired by Ines Kolar, its first woman.")
    hyphen = claim("Ines Kolar, the board's chair in 1981-1993, was its first woman.")
    twice = claim("Ines Kolar chaired the board from 1980 to 1992 and the port authority between 1995 and 1999.")
    assert year_spans(hyphen.text) == {(1981, 1993)} and year_spans(other.text) == {(1980, 1992)}
    assert clashing_year_spans(first, other) == ((1981, 1993), (1980, 1992))
    verdict = pair_verdict(first, other, 0.82, "Valley Courier", "Ridge Bulletin")
    assert verdict.verdict == "conflict" and verdict.conflict_kind == "fact"
    assert (
        verdict.reason
        == "Valley Courier gives 1981 to 1993, Ridge Bulletin 1980 to 1992: both cannot hold for the same fact"
    )
    assert pair_verdict(first, hyphen, 0.82, "A", "B").verdict == "agree"
    assert clashing_year_spans(first, twice) is None
    assert year_spans("The plan covers the 2011-12 season and 40-60 hours of training.") == set()
    # a change measured from two starts, two people's terms, two seasons, a count
    assert (
        clashing_year_spans(claim("Catches fell from 2010 to 2019."), claim("Catches fell between 2012 and 2019."))
        is None
    )
    assert (
        clashing_year_spans(claim("Kolar led it from 1981 to 1993."), claim("Berg led it from 1970 to 1980.")) is None
    )
    assert (
        clashing_year_spans(claim("The 2019-2020 season ended early."), claim("The 2020-2021 season ended early."))
        is None
    )
    assert year_spans("The fleet carried between 1800 and 2000 passengers a day.") == set()


def test_words_that_match_one_by_one_admit_a_low_band_pair_whose_partner_a_closer_pair_took():
    """Session 16: below the band, a pair that the one-to-one matching leaves out (a closer pair took one of its
    claims: a sentence that also tells another fact) is a candidate when its words match one by one
    (``LOW_BAND_TOKEN_MATCH_SCORE``) and the frames call it an agreement: one outlet's quotation cut short inside
    another's. Without token vectors, or with words that match poorly, it stays out."""
    import numpy as np

    from rashomon.meaning import LOW_BAND_COSINE, TOKEN_MATCH, TokenView, candidate_pairs
    from rashomon.model import Claim

    claims = [
        Claim(
            id="p1:c1", source_id="s", start=0, end=1, text="We will rebuild the pier before winter, the mayor said."
        ),
        Claim(id="p2:c1", source_id="s", start=0, end=1, text="Crews start on the harbour walls in spring."),
        Claim(id="p1:c2", source_id="s", start=0, end=1, text="Fishermen welcomed plans for new moorings."),
    ]
    vectors = np.array([[0.5, 0.0, np.sqrt(0.75)], [1.0, 0.0, 0.0], [0.6, 0.8, 0.0]])
    assert LOW_BAND_COSINE <= float(vectors[0] @ vectors[1]) < float(vectors[2] @ vectors[1])
    view = _words_matching_first_two(claims=3, pieces=5, seed=1)
    account = _account_of
    assert candidate_pairs(claims, vectors, account) == []
    evidence: dict = {}
    assert [(i, j) for i, j, _ in candidate_pairs(claims, vectors, account, evidence, tokens=view)] == [(0, 1)]
    assert evidence[(0, 1)] == TOKEN_MATCH
    poor = TokenView([view.vectors[0], view.vectors[2], view.vectors[1]], view.weights)
    assert candidate_pairs(claims, vectors, account, tokens=poor) == []


def test_two_occasions_on_other_days_of_the_week_are_not_one_fact():
    """Session 16, a reader's check: a Sunday meeting and a Thursday meeting of the same two people, told in
    alike words by two outlets, were grouped "maybe one fact". Claims naming days of the week with none shared are
    two occasions; the same day still groups."""
    from rashomon.meaning import other_weekdays
    from rashomon.model import Claim

    def claim(text: str, time: str) -> Claim:
        return Claim(id="c", source_id="s", start=0, end=len(text), text=text, time=time)

    sunday = claim("The mayor and the union leader met at the town hall on Sunday afternoon.", "Sunday afternoon")
    thursday = claim("The union leader and the mayor met for an hour on Thursday evening.", "Thursday evening")
    again = claim("The mayor met the union leader on Sunday.", "Sunday")
    undated = claim("The mayor met the union leader at the town hall.", "")
    assert other_weekdays(sunday, thursday)
    assert not other_weekdays(sunday, again) and not other_weekdays(sunday, undated)
    # a pair admitted on loose evidence (its words match one by one, below the band) is left out
    import dataclasses

    from rashomon.meaning import candidate_pairs

    claims, vectors, view = _low_band_trio(
        "We will rebuild the pier, the mayor said on Sunday.",
        "Crews start on the harbour walls in spring.",
        "Fishermen welcomed plans for new moorings.",
    )
    assert [(i, j) for i, j, _ in candidate_pairs(claims, vectors, _account_of, tokens=view)] == [(0, 1)]
    claims[0] = dataclasses.replace(claims[0], time="Sunday")
    claims[1] = dataclasses.replace(claims[1], time="Thursday")
    assert candidate_pairs(claims, vectors, _account_of, tokens=view) == []


def test_the_frames_of_a_low_band_pair_are_read_once(monkeypatch):
    """Session 17: a low-band pair admitted on its words matching one by one had its frames judged twice per order
    (the token match asks for an agreement, the loose-evidence check for a conflict), four times in all; one verdict
    per pair now, read in the order the grouping reads it."""

    from rashomon import meaning

    claims, vectors, view = _low_band_trio(
        "The ferry will sail again by June, the captain said.",
        "Repairs on the ferry's engine begin next week.",
        "Islanders asked for a second boat.",
    )
    read: list[tuple[str, str]] = []
    judge = meaning.pair_verdict

    def counting(a, b, *args):
        read.append((a.id, b.id))
        return judge(a, b, *args)

    monkeypatch.setattr(meaning, "pair_verdict", counting)
    assert [(i, j) for i, j, _ in meaning.candidate_pairs(claims, vectors, _account_of, tokens=view)] == [(0, 1)]
    assert read == [("p1:c1", "p2:c1")]


def test_a_claims_spans_of_years_are_read_once(monkeypatch):
    """Session 17: every verdict read both claims' spans of years anew; a claim in many pairs is read once."""
    from rashomon import meaning
    from rashomon.model import Claim

    class Counting:
        def __init__(self, inner):
            self.inner, self.texts = inner, []

        def finditer(self, text):
            self.texts.append(text)
            return self.inner.finditer(text)

    counting = Counting(meaning._YEAR_SPAN)
    monkeypatch.setattr(meaning, "_YEAR_SPAN", counting)
    meaning.year_spans.cache_clear()  # the cache lives for the process: another test may have read these texts
    texts = ["Orla Wendt ran the lighthouse trust from 1962 to 1974.", "Wendt led the lighthouse trust in 1961-1973."]
    first, other = (Claim(id=str(n), source_id="s", start=0, end=len(t), text=t) for n, t in enumerate(texts))
    for _ in range(3):
        assert meaning.pair_verdict(first, other, 0.81, "A", "B").verdict == "conflict"
    assert sorted(counting.texts) == sorted(texts)


def test_the_compare_bench_names_a_missing_page_file(capsys):
    """Session 17: a page path that is no file stopped the bench with a TypeError (paths joined as text)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "compare.py"
    spec = importlib.util.spec_from_file_location("bench_compare", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["no-such-dir/harbour-page.txt"]) == 2
    assert "no such page file: no-such-dir/harbour-page.txt" in capsys.readouterr().err
