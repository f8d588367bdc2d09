"""Claims and quantities: normalization of numbers in news prose, and the claims stage on invented pages."""

from __future__ import annotations

import pytest

from rashomon import nlp
from rashomon.claims import claims_stage, frames, source_label
from rashomon.claims.frames import imperative
from rashomon.claims.numbers import describe
from rashomon.claims.quantities import find_quantities, word_value
from rashomon.model import Analysis, Attribution, Block, Page, Source, Span
from rashomon.pipeline import StageContext, parse
from tests.conftest import page_from


@pytest.fixture(scope="module")
def spacy_nlp():
    return nlp.load()


def quantities(text: str, spacy_nlp):
    return find_quantities(text, spacy_nlp(text))


def only(text: str, spacy_nlp):
    found = quantities(text, spacy_nlp)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Officials said more than 2,000 protesters marched.",
            dict(value=2000, low=2000, high=None, approx="more_than", noun="protesters"),
        ),
        ("Rescuers found about 300 survivors.", dict(value=300, low=None, high=None, approx="about", noun="survivors")),
        ("Some 3,400 families registered.", dict(value=3400, approx="about", noun="families")),
        (
            "Nearly 2 million children are out of school.",
            dict(value=2_000_000, high=2_000_000, approx="almost", noun="children"),
        ),
        ("The club paid £45m for him.", dict(value=45_000_000, unit="GBP", approx="exact")),
        ("Twelve miners are trapped.", dict(value=12, low=12, high=12, noun="miners")),
        (
            "Thousands of residents fled.",
            dict(value=None, low=2000, high=9999, approx="vague", vague=True, noun="residents"),
        ),
        ("The town is hundreds of miles away.", dict(vague=True, unit="mile")),
        (
            "The rebels hold more than a third of the province.",
            dict(value=33.33, low=33.33, approx="more_than", unit="percent", noun="province"),
        ),
        (
            "About 40 percent of the eastern part of the town is held.",
            dict(value=40, approx="about", unit="percent", noun="part", scope="of the eastern part of the town"),
        ),
        ("Inflation hit 4.1 per cent in May.", dict(value=4.1, unit="percent")),
        ("As many as 70 civilians may have died.", dict(value=70, high=70, approx="at_most", noun="civilians")),
        ("The camp shelters 15,000 or so people.", dict(value=15000, approx="about", noun="people")),
        ("A convoy brought 120 tonnes of flour.", dict(value=120, unit="tonne", noun="flour")),
        ("Seventy-five lawmakers signed.", dict(value=75, noun="lawmakers")),
    ],
)
def test_normalizes_news_quantities(text, expected, spacy_nlp):
    q = only(text, spacy_nlp)
    for field, value in expected.items():
        assert getattr(q, field) == value, (field, getattr(q, field), value)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Officials expect 5,000-7,000 visitors.", 5000, 7000),
        ("Officials expect 5,000 – 7,000 visitors.", 5000, 7000),
        ("Prices rose by 3–4 percent.", 3, 4),
        ("Between 10,000 and 15,000 runners took part.", 10000, 15000),
        ("The group claims 20 to 30 fighters died.", 20, 30),
        # a hyphen left hanging on the low end, the unit written once: one range, not "40" and "60-hour"
        ("Volunteers take a 40- to 60-hour course before the season.", 40, 60),
    ],
)
def test_ranges_written_with_dashes_or_words(text, low, high, spacy_nlp):
    q = only(text, spacy_nlp)
    assert (q.approx, q.low, q.high, q.value) == ("range", low, high, None)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("The fines handed down ranged from 200 to 900 euros.", 200, 900),
        ("Wait times vary from 3 to 8 weeks at the clinic.", 3, 8),
        ("Organisers expect anywhere from 4,000 to 6,000 walkers.", 4000, 6000),
    ],
)
def test_a_spread_from_one_value_to_another_is_one_range(text, low, high, spacy_nlp):
    q = only(text, spacy_nlp)
    assert (q.approx, q.low, q.high, q.value) == ("range", low, high, None)
    assert q.text.startswith("from ")


def test_a_change_from_one_value_to_another_is_two_figures(spacy_nlp):
    values = [q.value for q in quantities("The toll rose from 12 to 40 overnight.", spacy_nlp)]
    assert values == [12, 40]


def test_a_suspended_hyphen_range_keeps_its_unit(spacy_nlp):
    q = only("Volunteers take a 40- to 60-hour course before the season.", spacy_nlp)
    assert q.unit == "hour" and q.text == "40- to 60-hour"


def test_a_day_after_an_abbreviated_month_is_a_date_not_a_count(spacy_nlp):
    """ "Sept. 11 attacks" was read as 11 attacks (the month's period kept it from the month list)."""
    assert not quantities("Officials marked the anniversary of the Sept. 11 attacks in the city.", spacy_nlp)
    assert not quantities("The council met on Jan. 5 to vote on the plan.", spacy_nlp)


@pytest.mark.parametrize(
    "text, value, approx",
    [
        ("The mayor signed nearly two-dozen orders last year.", 24, "almost"),
        ("The mayor signed two dozen orders last year.", 24, "exact"),
        ("The mayor signed a dozen orders last year.", 12, "exact"),
    ],
)
def test_dozens_multiply_the_number_before_them(text, value, approx, spacy_nlp):
    """ "two-dozen" is 24 (it was read as "two", with "dozen" as the counted noun)."""
    q = only(text, spacy_nlp)
    assert (q.value, q.approx) == (value, approx)


@pytest.mark.parametrize(
    "text, value",
    [
        ("On 14 July 2021, nine climbers went missing.", 9),
        ("In 2011 the war began; 40,000 nurses struck.", 40000),
        ("The board met on 2016-11-28 and approved 18 posts.", 18),
        ("On the 13th day of the siege, three villages fell.", 3),
        ("At 10:30 a.m. four explosions shook the port.", 4),
        ("After the F-16 crash, two pilots were rescued.", 2),
        ("Resolution 2254 calls for talks with 18 parties.", 18),
        ("The man who in 2013 was blamed counted 7 tanks.", 7),
        # real pages, session 8: figure and example labels, a product's name, a dimension
        ("Figure 3 shows that 12 ferries sailed, as Table 2 lists.", 12),
        ("In Example 4 the chart draws 6 bars.", 6),
        ("As Map 2 marks, 9 bridges were closed.", 9),  # a page part of the one shared list (data/page_parts.yaml)
        ("The menus of FIFA 22 list 14 camera angles.", 14),
        ("A 3-D map and a three-dimensional model of 5 valleys.", 5),
        # the numbers of a ranked list's items (real pages, session 8)
        ("07. Ada Brandt and her 4 sisters", 4),
        ("3) The mayor named 11 new wardens.", 11),
    ],
)
def test_dates_times_and_identifiers_are_not_counts(text, value, spacy_nlp):
    found = quantities(text, spacy_nlp)
    assert [q.value for q in found] == [value]


def test_a_page_part_before_a_number_with_a_unit_names_no_identifier(spacy_nlp):
    found = quantities("The ministry posted a video 10 days ago and a photo of 30 trucks.", spacy_nlp)
    assert [(q.value, q.unit) for q in found] == [(10, "day"), (30, None)]


def test_temperatures_and_attached_lengths_keep_their_unit(spacy_nlp):
    found = quantities("Roast the squash at 190°C for 35 minutes in a 30cm dish.", spacy_nlp)
    assert [(q.text, q.value, q.unit) for q in found if q.unit] == [("190°C", 190, "celsius"), ("30cm", 30, "cm")]
    assert [q.value for q in quantities("The FTSE 100 index fell 3% on Monday.", spacy_nlp)] == [3]
    assert [q.value for q in quantities("STORM CUTS 40 FERRY LINES", spacy_nlp)] == [40]  # a headline in capitals


def test_numbers_in_tables_and_lists_take_their_label(spacy_nlp):
    found = quantities("Killed: 45 | Injured: 120", spacy_nlp)
    assert [(q.value, q.noun) for q in found] == [(45, "killed"), (120, "injured")]
    item = only("- 400 tents delivered to the camp", spacy_nlp)
    assert (item.value, item.noun) == (400, "tents")


def test_spans_point_into_the_text(spacy_nlp):
    text = "The agency said more than 3,000 civilians left and 12 districts fell."
    for q in find_quantities(text, spacy_nlp(text), offset=100):
        assert text[q.start - 100 : q.end - 100] == q.text


@pytest.mark.parametrize(
    "words, value",
    [("twenty-five", 25), ("two million", 2e6), ("1.5 million", 1.5e6), ("$2.5bn", 2.5e9), ("three hundred", 300)],
)
def test_word_values(words, value):
    assert word_value(words) == value


def test_nothing_in_text_without_numbers(spacy_nlp):
    assert quantities("The talks ended without agreement.", spacy_nlp) == []


# --- the stage ------------------------------------------------------------------------------------------

ARTICLE = (
    "Northwind Radio reports fighting in Port Sarn.\n\n"
    "The harbour authority said about 1,200 families had left the old quarter by Tuesday.\n\n"
    "By some estimates, the militia captured roughly 30 percent of the port district.\n\n"
    "The militia did not capture the lighthouse."
)


def make_page(text: str, narratives: dict[int, str] | None = None) -> Page:
    return page_from(text, narratives=narratives, publisher="Northwind Radio")


def run_claims(page: Page, sources=(), attributions=()) -> Analysis:
    analysis = Analysis(page=page, sources=list(sources), attributions=list(attributions))
    claims_stage(analysis, StageContext(parse(page)))
    return analysis


def test_claim_source_comes_from_the_attribution_holding_it():
    page = make_page(ARTICLE, {n: "northwind" for n in range(4)})
    content_start = ARTICLE.index("about 1,200")
    content_end = ARTICLE.index("by Tuesday") + len("by Tuesday")
    sources = [
        Source("northwind", "Northwind Radio", "media"),
        Source("harbour", "the harbour authority", "government"),
    ]
    attribution = Attribution(
        "a1", "harbour", "indirect", Span(content_start, content_end, ARTICLE[content_start:content_end])
    )
    analysis = run_claims(page, sources, [attribution])
    claim = next(c for c in analysis.claims if c.quantities and c.quantities[0].value == 1200)
    assert claim.source_id == "harbour" and claim.attribution_id == "a1"
    assert claim.predicate == "leave"
    assert claim.quantities[0].noun == "families" and claim.quantities[0].approx == "about"
    assert source_label(analysis, claim) == "the harbour authority via Northwind Radio"
    assert "Tuesday" in (claim.time or "")


def test_claim_falls_back_to_the_narrative_and_reads_hedges_and_negation():
    page = make_page(ARTICLE, {n: "northwind" for n in range(4)})
    analysis = run_claims(page)
    share = next(c for c in analysis.claims if any(q.unit == "percent" for q in c.quantities))
    assert share.source_id == "northwind" and share.hedge == "by some estimates" and share.predicate == "capture"
    denial = next(c for c in analysis.claims if "lighthouse" in c.text)
    assert denial.negated and denial.predicate == "capture"
    for claim in analysis.claims:
        assert page.text[claim.start : claim.end] == claim.text
        for q in claim.quantities:
            assert page.text[q.start : q.end] == q.text


def test_claim_without_narrative_or_sources_uses_the_publisher():
    analysis = run_claims(make_page("Officials said 40 buses left the depot on Monday."))
    assert [c.source_id for c in analysis.claims] == ["publisher"]


def test_share_over_100_percent_is_warned_not_hidden():
    analysis = run_claims(make_page("The army now controls 140 percent of the valley, the ministry said."))
    assert analysis.claims[0].quantities[0].value == 140
    assert [w.code for w in analysis.warnings] == ["percent_over_100"]


def test_growth_over_100_percent_is_not_warned():
    analysis = run_claims(make_page("Bread prices rose 150 percent in a year, traders said."))
    assert analysis.warnings == []


def test_the_publishers_own_voice_is_not_named_as_a_relay():
    page = make_page(ARTICLE, {n: "northwind" for n in range(4)})
    start = ARTICLE.index("about 1,200")
    sources = [
        Source("northwind", "Northwind Radio", "media", is_publisher=True),
        Source("harbour", "the harbour authority", "government"),
    ]
    attribution = Attribution("a1", "harbour", "indirect", Span(start, start + 40, ARTICLE[start : start + 40]))
    analysis = run_claims(page, sources, [attribution])
    claim = next(c for c in analysis.claims if c.attribution_id == "a1")
    assert source_label(analysis, claim) == "the harbour authority"


@pytest.mark.parametrize("digits", [400, 5000])
def test_an_absurdly_long_number_is_reported_without_a_value(digits):
    import json

    text = f"Witnesses spoke of about {'8' * digits} wounded in the valley."
    (found,) = find_quantities(text)
    assert found.text.startswith("about 888") and found.approx == "about"
    assert found.value is None and found.low is None and found.high is None
    json.dumps({"value": found.value}, allow_nan=False)  # no inf reaches the JSON


def test_fifteen_significant_digits_still_get_a_value_and_sixteen_do_not():
    (kept,) = find_quantities("The fund held 123456789012345 crowns.")
    (dropped,) = find_quantities("The fund held 1234567890123456 crowns.")
    assert kept.value == 123456789012345.0 and kept.low == kept.high == kept.value
    assert dropped.value is None and dropped.text == "1234567890123456"


def test_the_claims_stage_survives_a_page_with_a_huge_number(spacy_nlp):
    text = f"The river council said {'4' * 5000} sandbags were laid along the dyke."
    page = Page(text=text, blocks=[Block("b0", "paragraph", 0, len(text), text)])
    analysis = Analysis(page=page)
    claims_stage(analysis, StageContext(parse(page)))
    # the parser cuts the number into sentences of digits alone: no claims (they assert nothing); the
    # sentence around it is, and no digits anywhere get a value
    assert [c.text for c in analysis.claims] == ["The river council said", "sandbags were laid along the dyke."]
    assert all(q.value is None for c in analysis.claims for q in c.quantities)


def test_claim_frames_event_type_roles_and_denial():
    from rashomon.claims import claims_stage
    from rashomon.model import Analysis
    from rashomon.pipeline import StageContext, parse
    from tests.conftest import page_from

    page = page_from(
        [
            "Rebel fighters seized the airport near the river on Sunday.",
            "The ministry denied that any soldiers had been captured.",
            "Was the airport ever really taken?",
        ]
    )
    analysis = Analysis(page=page)
    claims_stage(analysis, StageContext(parse(page)))
    seized, denied = analysis.claims  # the question asserts nothing: no claim
    assert (seized.predicate, seized.event_type) == ("seize", "capture")
    assert seized.agent == "Rebel fighters" and seized.patient == "the airport"
    assert not seized.negated and seized.checkable
    assert denied.event_type == "capture" and denied.negated


@pytest.mark.parametrize(
    "text, values",
    [
        ("The 9/11 families filed a lawsuit against the agency.", []),
        ("Congress approved a two-year extension of the program.", [(2, "year")]),
        ("Congress approved a 13-month extension of the program.", [(13, "month")]),
    ],
)
def test_slashed_dates_and_hyphenated_durations(text, values, spacy_nlp):
    found = find_quantities(text, spacy_nlp(text))
    assert [(q.value, q.unit) for q in found] == values


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Rebels took the town of Marsk on Friday.", "take", "capture"),
        ("About 1,200 dock workers took part in the strike on Monday.", "take", "take"),
        ("The vote will take place in March.", "take", "take"),
        ("The army held talks with the elders.", "hold", "hold"),
        ("Troops cleared the village of fighters.", "clear", "capture"),
        ("The ruling cleared the way for new elections.", "clear", "clear"),
        ("The grand jury could take weeks to weigh the evidence.", "take", "take"),
        # a preposition on the verb makes an idiom too: no one captured the injured, the streets or the suspect
        ("Three injured people were taken to hospital in Marsk on Monday.", "take", "take"),
        ("Dock workers took to the streets of Marsk on Monday.", "take", "take"),
        ("The suspect was taken into custody on Friday.", "take", "take"),
        ("Rebels took control of the port on Friday.", "take", "capture"),
    ],
)
def test_an_idiom_is_not_the_event_its_verb_names(sentence, verb, expected):
    from rashomon.claims import frames

    doc = nlp.load()(sentence)
    predicate = next(t for t in doc if t.lemma_.lower() == verb)
    assert frames.predicate_event_type(predicate) == expected


@pytest.mark.parametrize(
    "text, command",
    [
        ("Bake the loaf for 20 minutes at 200°C.", True),
        ("Click on the link below for a detailed description.", True),
        ("Don't forget to oil the tin you bake the bread in.", True),
        ("To freeze the bread, place it in a freezer bag for up to a month.", True),
        ("The army shelled the town for 20 minutes on Monday.", False),
        ("Officials say they will reopen the port by June.", False),
        ("Stop the war now, the protesters chanted at the gate.", False),
    ],
)
def test_commands_and_instructions_are_not_checkable_claims(text, command, spacy_nlp):
    """Real pages, session 8: a recipe's steps and a tutorial's "click the link below" were checkable claims."""
    sent = next(spacy_nlp(text).sents)
    assert imperative(sent) is command
    assert frames.asserts(sent) is not command


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Figure 2: Changing the font size of every label on the chart.", False),
        ("Table 1 - Ferries that sailed from the harbour in May, by week.", False),
        ("Screenshot 3: The settings page after the ferry app was updated.", False),
        ("Figure 2 shows that the ferries sailed late on most days.", True),
    ],
)
def test_captions_are_not_checkable_claims(text, claim, spacy_nlp):
    """Real pages, session 8: a tutorial's figure captions were checkable claims."""
    sent = next(spacy_nlp(text).sents)
    assert frames.asserts(sent) is claim


def test_a_ratio_is_one_share_not_two_counts(spacy_nlp):
    found = quantities("One in three riders now pays by phone, and nearly two-in-three want a monthly pass.", spacy_nlp)
    assert [(q.text, q.value, q.approx, q.unit, q.noun) for q in found] == [
        ("One in three", 33.33, "exact", "percent", "riders"),
        ("nearly two-in-three", 66.67, "almost", "percent", None),
    ]
    shares = quantities("Nine out of ten pharmacists and 1 in 4 of the clinics ran short.", spacy_nlp)
    assert [(q.text, q.value) for q in shares] == [("Nine out of ten", 90), ("1 in 4", 25)]
    assert describe(shares[1]) == "1 in 4 of the clinics (= 25 %)"


def test_a_count_in_a_time_or_a_year_is_no_ratio(spacy_nlp):
    assert [q.text for q in quantities("The crane lifts 3 in 10 seconds.", spacy_nlp)] == ["3", "10"]
    assert [q.value for q in quantities("Police made 5 arrests in 2019.", spacy_nlp)] == [5]
    assert [q.text for q in quantities("The rota puts 4 in 2 teams.", spacy_nlp)] == ["4", "2"]  # no share above 1
    # capitals in mid-sentence: a name, not a share
    assert not any(q.unit == "percent" for q in quantities("She founded One in Four, a charity.", spacy_nlp))
    assert [q.text for q in quantities("It bought Uranium One in three deals.", spacy_nlp)] == ["three"]


# --- issue 19 (session 11): a claim is a sentence that asserts ----------------------------------------------------
@pytest.mark.parametrize(
    "text, asserts",
    [
        ("07. Maria Lindqvist", False),  # a row of a ranked list
        ("Week 12", False),  # a diary's heading
        ("2. Soak the beans overnight", False),  # a numbered step
        ("- 400 grams of dried chickpeas", False),  # an ingredient row
        ("How do you keep the crust crisp", False),  # an FAQ question without its mark
        ("Should I water the seedlings every day", False),
        ("What pan to roast the peppers in", False),  # a how-to title
        ("How to Prune Apple Trees in Winter", False),
        ("The council approved the budget on Tuesday.", True),
        ("Pepper plants grow well if you keep them warm.", True),  # a present the tagger may read as a bare verb
        ("That’s where the volunteers of the harbour trust come in.", True),
        ("Had the ferry left on time, nobody would have been hurt.", True),  # inversion in the condition only
        ("Definition: The span of control refers to the number of people a manager leads.", True),
    ],
)
def test_only_a_sentence_that_asserts_is_a_claim(text, asserts, spacy_nlp):
    """Real pages, session 11: headings ("Day 64"), list rows ("01. Robert Plant"), FAQ questions and how-to
    steps were claims and the publisher's own statements."""
    sent = next(spacy_nlp(text).sents)
    assert frames.asserts(sent) is asserts


@pytest.mark.parametrize(
    "text, is_heading",
    [
        ("Why Community Gardens Matter", True),
        ("Growing Peppers Indoors: What You Need", True),
        ("The harbour reopened on Monday", False),  # a sentence that lost its full stop, not title case
        ("Why Community Gardens Matter.", False),
        ("Growing peppers indoors is easier than it looks, and the plants need little care over winter", False),
    ],
)
def test_a_short_title_case_line_is_a_heading(text, is_heading):
    assert frames.heading(text) is is_heading


def test_a_headline_may_tell_its_news_without_a_tensed_verb(spacy_nlp):
    """A page's headline is read as news writes headlines; the same words in the body are a fragment."""
    sent = next(spacy_nlp("Mayor to resign after budget vote").sents)
    assert frames.asserts(sent, headline=True)
    assert not frames.asserts(sent)


def test_headings_list_rows_questions_and_steps_are_no_claims():

    page = page_from(
        [
            "Harbour ferries sailed late on most days in May, the port authority said.",
            "How Late Were the Ferries",
            "01. Ferry Astrid",
            "02. Ferry Bolle",
            "Can passengers claim a refund for a late ferry?",
            "3. Keep your ticket until the end of the trip",
            "The operator paid 2,400 refunds in June.",
        ]
    )
    analysis = Analysis(page=page)
    claims_stage(analysis, StageContext(parse(page)))
    assert [c.text for c in analysis.claims] == [
        "Harbour ferries sailed late on most days in May, the port authority said.",
        "The operator paid 2,400 refunds in June.",
    ]


def test_the_publisher_states_no_list_rows_nor_headings():
    """Real page, session 11: a blog's top-100 list gave 100 editorial attributions, one per row."""
    from rashomon.attribution import attribution_stage

    rows = [f"{n:02d}. {name}" for n, name in enumerate(["Ada Brandt", "Carl Dunmore", "Eva Fjell", "Gus Holm"], 1)]
    page = page_from(
        ["The Best Ferry Captains of the Decade", "I sailed with most of them over the years.", *rows],
        publisher="Harbour Notes",
    )
    analysis = Analysis(page=page)
    attribution_stage(analysis, StageContext(parse(page)))
    editorial = [a.content.text for a in analysis.attributions if a.kind == "editorial"]
    assert editorial == ["I sailed with most of them over the years."]


def _relayed(text: str, source: str, cue: str | None, content: str) -> Attribution:
    """An attribution of ``content`` to "the speaker" in ``text``, with the source and cue words given."""
    at = text.index

    def span(words: str) -> Span:
        return Span(at(words), at(words) + len(words), words)

    return Attribution("a1", "speaker", "indirect", span(content), source=span(source), cue=span(cue) if cue else None)


def _claim_of(text: str, attribution: Attribution, words: str):
    page = make_page(text, {n: "northwind" for n in range(2)})
    sources = [Source("northwind", "Northwind Radio", "media"), Source("speaker", "the speaker", "person")]
    return next(c for c in run_claims(page, sources, [attribution]).claims if words in c.text)


def test_a_number_in_the_sources_own_words_is_no_figure_of_the_claim():
    text = (
        "Trawlers leave\n\nForty trawlers have left the port since March, according to three harbour pilots who "
        "asked not to be named."
    )
    source = "three harbour pilots who asked not to be named"
    attribution = _relayed(text, source, "according to", "Forty trawlers have left the port since March")
    claim = _claim_of(text, attribution, "trawlers have left")
    assert [(q.value, q.noun) for q in claim.quantities] == [(40, "trawlers")]


def test_a_sentence_is_the_speakers_however_long_her_description():
    text = (
        "Ferry sale\n\nAda Moss, whose family has run the chandlery by the east pier since the war, says the board "
        "wants to sell the ferry."
    )
    source = "Ada Moss, whose family has run the chandlery by the east pier since the war"
    claim = _claim_of(text, _relayed(text, source, "says", "the board wants to sell the ferry"), "chandlery")
    assert claim.source_id == "speaker" and claim.attribution_id == "a1"


def test_the_writers_own_clause_before_a_speaker_stays_the_writers():
    text = "Fares\n\nFares rose on Monday, and Ada Moss told the Ledger that it was a grave mistake for the island."
    content = "that it was a grave mistake for the island"
    claim = _claim_of(text, _relayed(text, "Ada Moss", "told", content), "Fares rose")
    assert claim.source_id == "northwind" and claim.attribution_id is None
