"""Paired word choices across pages: the words each outlet wrote for one actor or one fact, never a substitute."""

from __future__ import annotations

import re

import pytest

from rashomon import choices
from rashomon.contract import to_dict
from rashomon.model import Actor, Analysis, Attribution, Source, Span
from rashomon.pipeline import analyze
from rashomon.report import render
from rashomon.report.comparison import merge_for_report
from rashomon.report.stories import _paired_choices
from tests.conftest import page_from

COURIER = [
    "Syrian rebels held the hilltop town of Marrow near Aleppo for a week, and the insurgents dug in on the ridge.",
    "The army captured the town of Marrow near Aleppo on Tuesday, Mr. Assad's office said.",
]
BULLETIN = [
    "Militants had held the hilltop town of Marrow near Aleppo for a week.",
    "The army liberated the town of Marrow near Aleppo on Tuesday, Assad's office said.",
]


@pytest.fixture(scope="module")
def compared():
    from rashomon.compare import compare_pages

    pages = [
        analyze(page_from(COURIER, publisher="Valley Courier")),
        analyze(page_from(BULLETIN, publisher="Ridge Bulletin")),
    ]
    return pages, compare_pages(pages)


def _words(result: dict) -> dict[tuple[str, str], set[str]]:
    return {
        (c["referent"].split("@")[0], row["account"]): {w["term"] for w in row["words"]}
        for c in result["word_choices"]
        for row in c["accounts"]
    }


def test_each_outlet_gets_the_words_it_wrote_for_one_actor_and_one_fact(compared):
    pages, result = compared
    words = _words(result)
    assert words[("syrian_rebels", "p1")] == {"Syrian rebels", "insurgents"}
    assert words[("syrian_rebels", "p2")] == {"Militants"}
    assert words[("ground_changes_hands", "p1")] == {"captured"}
    assert words[("ground_changes_hands", "p2")] == {"liberated"}
    # house style is no choice: "Mr. Assad" / "Assad" is one name, so no row for him
    assert not any(key[0] == "bashar_al_assad" for key in words)
    for choice in result["word_choices"]:
        assert choice["differs"]
        for row in choice["accounts"]:
            page = pages[int(row["account"][1:]) - 1].page
            for word in row["words"]:
                assert word["evidence"] and word["count"] >= len(word["evidence"])
                for span in word["evidence"]:  # written, as shown, in that outlet's own page at those offsets
                    assert page.text[span["start"] : span["end"]] == span["text"] in word["forms"]
                    assert any(b.start <= span["start"] and span["end"] <= b.end for b in page.article_blocks)


def test_the_report_and_the_story_page_show_the_pairs_in_each_outlets_column(compared):
    pages, result = compared
    merged = merge_for_report([to_dict(a) for a in pages], result, ["Valley Courier", "Ridge Bulletin"])
    outlets = {s["id"] for s in merged["sources"] if s["is_publisher"]}
    for choice in merged["word_choices"]:
        for row in choice["accounts"]:
            assert row["account"] in outlets
            for span in (s for w in row["words"] for s in w["evidence"]):
                assert merged["page"]["text"][span["start"] : span["end"]] == span["text"]
    report = render(merged, "html")
    assert "Paired word choices" in report and "liberated ×1" in report and "captured ×1" in report
    story = "".join(_paired_choices(result, {"p1": "Valley Courier", "p2": "Ridge Bulletin"}))
    assert "<th>Valley Courier</th><th>Ridge Bulletin</th>" in story and "insurgents ×1" in story


def _page(text: str, publisher: str, actors: dict[str, tuple[str, str]], quotes: tuple[str, ...] = ()) -> Analysis:
    """A one-paragraph page whose actors' mentions are every match of their patterns (id -> (type, regex))."""
    page = page_from([text], publisher=publisher)
    found = [
        Actor(ident, ident, kind, mentions=[Span(m.start(), m.end(), m.group()) for m in re.finditer(pattern, text)])
        for ident, (kind, pattern) in actors.items()
    ]
    spans = [re.search(re.escape(q), text).span() for q in quotes]  # type: ignore[union-attr]
    quoted = [Attribution(f"a{n}", "s1", "direct", Span(a, b, text[a:b])) for n, (a, b) in enumerate(spans)]
    return Analysis(page=page, actors=found, attributions=quoted)


def _across(*pages: Analysis, facts=()) -> list:
    accounts = [choices.PageAccount(f"p{n + 1}", p.page.publisher or "", p) for n, p in enumerate(pages)]
    return choices.across_pages(accounts, facts)


def test_names_abbreviations_and_titles_are_house_style_never_a_choice():
    first = _page(
        "Mr. Rask met U.S. envoys; Gov. Rask said the U.S. would help.",
        "Harbour Post",
        {"rask": ("person", r"(?:Mr\. |Gov\. )?Rask"), "usa": ("state", r"U\.S\.")},
    )
    second = _page(
        "Rask met US envoys, and Olav Rask thanked the US.",
        "Coast Daily",
        {"rask": ("person", r"(?:Olav )?Rask"), "usa": ("state", r"US")},
    )
    assert _across(first, second) == []
    assert choices.fold("U.S.") == choices.fold("US") and choices.is_name("Gov. Rask") and not choices.is_name("rebels")


def test_words_in_a_direct_quotation_and_the_outlets_own_name_are_not_the_outlets_choice():
    first = _page(
        'The protesters marched, and "those rioters must go," a minister said, as Harbour Post reported.',
        "Harbour Post",
        {"crowd": ("protesters", r"protesters|rioters"), "outlet": ("organization", r"Harbour Post")},
        quotes=("those rioters must go,",),
    )
    second = _page("The protesters marched to the port.", "Coast Daily", {"crowd": ("protesters", r"protesters")})
    assert _across(first, second) == []  # both wrote "protesters"; "rioters" is the minister's word


def test_event_words_are_paired_only_inside_one_fact_both_outlets_tell():
    first = _page("A guard was killed at the gate on Monday.", "Harbour Post", {})
    second = _page("A fisherman died at sea last spring.", "Coast Daily", {})
    assert _across(first, second) == []  # no fact ties the two deaths: two deaths, not two words for one
    fact = choices.Fact("x1", "a death", [("p1", 0, 41), ("p2", 0, 36)])
    (choice,) = _across(first, second, facts=[fact])
    assert [[w.term for w in row.words] for row in choice.accounts] == [["killed"], ["died"]]
    assert choice.referent == "deaths@x1" and choice.id == "xw1"


def test_a_common_noun_naming_what_belongs_to_a_named_actor_is_not_that_actors_word():
    first = _page(
        "Marrow officials met Marrow police at dawn.", "Harbour Post", {"marrow": ("state", r"Marrow(?: police)?")}
    )
    second = _page("In Marrow the talks went on.", "Coast Daily", {"marrow": ("state", r"Marrow")})
    assert _across(first, second) == []  # "Marrow police" are the town's police, not a word for the town


def test_a_name_in_lower_case_is_the_same_name_not_a_choice():
    first = _page(
        "The Harbor Party met; the Harbor Party voted.", "Harbour Post", {"hp": ("organization", r"Harbor Party")}
    )
    second = _page("The Harbor party voted on Monday.", "Coast Daily", {"hp": ("organization", r"Harbor party")})
    assert _across(first, second) == []


def _statement(text: str, publisher: str, speaker: str, cue: str, quote: str) -> Analysis:
    analysis = _page(text, publisher, {})
    (a, b), (c, d) = (re.search(re.escape(x), text).span() for x in (quote, cue))  # type: ignore[union-attr]
    analysis.sources = [Source("s1", speaker, "person")]
    analysis.attributions = [Attribution("a1", "s1", "indirect", Span(a, b, text[a:b]), cue=Span(c, d, text[c:d]))]
    return analysis


QUOTE = "to answer questions from the harbour board on Friday"


def test_the_verb_an_outlet_reports_one_statement_with_is_paired_only_when_it_weighs_it():
    refused = _statement(f"Mayor Elin Rask refused {QUOTE}.", "Harbour Post", "Elin Rask", "refused", QUOTE)
    declined = _statement(f"Rask declined {QUOTE}, aides said.", "Coast Daily", "Rask", "declined", QUOTE)
    (choice,) = _across(refused, declined)
    assert choice.referent.startswith("statement@") and choice.label.startswith("how Elin Rask is reported")
    assert [[w.term for w in row.words] for row in choice.accounts] == [["refused"], ["declined"]]
    said = _statement(f"Ms. Rask said she would not {QUOTE[3:]}.", "Coast Daily", "Ms. Rask", "said", QUOTE[3:])
    told = _statement(f"Rask told aides she would not {QUOTE[3:]}.", "Harbour Post", "Rask", "told", QUOTE[3:])
    assert _across(told, said) == []  # "told" / "said": no verb weighs the statement
    other = _statement(f"Rask's deputy refused {QUOTE}.", "Harbour Post", "her deputy", "refused", QUOTE)
    assert _across(other, declined) == []  # another speaker: not one statement
    assert choices.cue_key("reportedly said in a statement") == "say" and choices.cue_key("then tells") == "tell"


# --- reader fault, session 15: one thing named by one noun with a loaded modifier --------------------------------

SHERIFF = [
    "The county signed a deal on Monday that lets deputies check the status of illegal immigrants at traffic stops.",
    "Church groups feared a brutal crackdown on farm towns.",
    "Local employers said young workers were leaving the valley.",
]
GAZETTE = [
    "The county agreed on Monday to let deputies ask undocumented immigrants for papers at traffic stops.",
    "Church groups warned of a swift crackdown on farm towns.",
    "Older workers were leaving the valley, one farmer told the paper.",
    "“Every illegal worker must leave,” a supporter shouted at the meeting.",
]


@pytest.fixture(scope="module")
def modifiers():
    from rashomon.compare import compare_pages

    pages = [
        analyze(page_from(SHERIFF, publisher="Valley Courier")),
        analyze(page_from(GAZETTE, publisher="Ridge Bulletin")),
    ]
    return pages, compare_pages(pages)


def test_one_noun_with_modifiers_of_one_curated_group_is_a_paired_choice(modifiers):
    pages, result = modifiers
    things = {c["referent"]: c for c in result["word_choices"] if c["kind"] == "thing"}
    # "young / older workers" carries no framing; "brutal / swift crackdown", a loaded word against a plain one, is
    # no sure choice (right 1 time of 8 on real news)
    assert set(things) == {"thing@immigrant"}
    rows = {
        (c["referent"], row["account"]): {w["term"] for w in row["words"]}
        for c in things.values()
        for row in c["accounts"]
    }
    assert rows[("thing@immigrant", "p1")] == {"illegal immigrants"}
    assert rows[("thing@immigrant", "p2")] == {"undocumented immigrants"}
    for choice in things.values():  # every shown word is the outlet's own, at its offsets, outside quotations
        for row in choice["accounts"]:
            page = pages[int(row["account"][1:]) - 1].page
            for word in row["words"]:
                for span in word["evidence"]:
                    assert page.text[span["start"] : span["end"]] == span["text"]
                    assert "“" not in page.text[page.text.rfind("\n", 0, span["start"]) + 1 : span["start"]]


def test_a_modifier_pair_needs_the_parse_to_read_a_modifier_and_no_name_or_number():
    from rashomon.choices import PageAccount, noun_referents

    def referents(one: str, other: str, parse=None):
        pages = [
            PageAccount("p1", "A", analyze(page_from([one], publisher="A"), stage_names=())),
            PageAccount("p2", "B", analyze(page_from([other], publisher="B"), stage_names=())),
        ]
        text = pages[0].analysis.page.text + "\n" + pages[1].analysis.page.text
        bases = {"p1": 0, "p2": len(pages[0].analysis.page.text) + 1}
        return noun_referents(pages, bases, text, lambda a, b: True, parse)

    assert [r.id for r in referents("They met illegal immigrants.", "They met undocumented immigrants.")] == [
        "thing@immigrant"
    ]
    # a verb and its object is no modifier, whatever the words; a loaded noun before a noun names a kind of it
    assert referents("Troops slaughtered civilians.", "Troops moved civilians.") == []
    assert referents("He admitted one fraud count.", "He admitted one tax count.") == []
    # a name is never read as a modifier and a noun
    assert referents("The Illegal Immigrants Act passed.", "The Undocumented Immigrants Act passed.") == []
    # nor are words in quotation marks
    assert referents('He said "illegal immigrants" were held.', "They met undocumented immigrants.") == []
