"""The label and the reason a reader sees of a fact group (rashomon.report.facts), on our own sentences."""

from __future__ import annotations

from rashomon.report import render
from rashomon.report.facts import LABEL_MAX_WORDS, fact_label, fact_reason
from rashomon.report.view import build_view

OUTLETS = {"p1": "Daily A", "p2": "Daily B", "p3": "Daily C"}


def claim(cid: str, text: str, predicate: str | None = None, event_type: str | None = None, **more) -> dict:
    return {"id": cid, "text": text, "predicate": predicate, "event_type": event_type, **more}


def outlet_of(c: dict) -> str:
    return OUTLETS[c["id"].split(":")[0]]


OKAFOR = {"id": "person:ann_okafor", "name": "Ann Okafor", "mentions": [{"text": "Mayor Okafor"}]}
BRIDGE = {"id": "actor:harbour_bridge", "name": "Harbour Bridge", "mentions": []}


def test_the_label_says_who_did_what_in_an_outlets_words():
    members = [
        claim(
            "p1:c1",
            "Mayor Ann Okafor on Monday closed the Harbour Bridge to lorries, citing cracks found last week.",
            "close",
            "close",
            agent="Mayor Ann Okafor",
            patient="the Harbour Bridge",
        ),
        claim(
            "p2:c4",
            "The Harbour Bridge was shut to lorries by Mayor Okafor after engineers found cracks.",
            "shut",
            "close",
            agent="Mayor Okafor",
            patient="The Harbour Bridge",
        ),
    ]
    # the shorter claim, from the shared actor before its verb to the end of the clause; a name the cut would
    # halve ("by Mayor") is left out
    label = fact_label(members, outlet_of, [OKAFOR, BRIDGE])
    assert label == "Harbour Bridge was shut to lorries"
    members[1].update(text="Mayor Okafor closed the Harbour Bridge to lorries at noon.", predicate="close")
    members[1].update(patient="the Harbour Bridge")
    label = fact_label(members, outlet_of, [OKAFOR, BRIDGE])
    assert label == "Mayor Okafor closed the Harbour Bridge to lorries"
    assert len(label.split()) <= LABEL_MAX_WORDS
    # an apposition's comma does not part the subject from its verb
    members[0].update(text="The council's chair, Mayor Okafor, closed the bridge to lorries.", patient="the bridge")
    members[0].update(agent="The council's chair, Mayor Okafor")
    assert fact_label(members, outlet_of, [OKAFOR, BRIDGE]) == "Mayor Okafor closed the bridge to lorries"
    # an actor before the verb that is neither its doer nor what it is done to starts no label
    held = claim(
        "p2:c9", "A quarter of the land held by Mayor Okafor was closed.", "close", agent=None, patient="A quarter"
    )
    assert fact_label([members[0], held], outlet_of, [OKAFOR]) == "Mayor Okafor closed the bridge to lorries"
    assert fact_label([held], outlet_of, [OKAFOR]) == "“A quarter of the land held…”"


def test_a_verb_one_outlet_alone_writes_or_a_light_verb_makes_no_label_the_opening_words_do():
    # "take" in "could take weeks" is no capture: a kind of event one claim has says nothing about the fact
    members = [
        claim("p1:c1", "The review could take weeks, a spokesman for the council said.", "take", "capture"),
        claim("p2:c5", "The panel may need a month to weigh the evidence.", "need"),
    ]
    assert fact_label(members, outlet_of, [OKAFOR]) == "“The panel may need a month to weigh…”"
    quoted = [
        claim("p1:c2", "“We are not going anywhere,” Okafor said.", "be"),
        claim("p2:c6", "She is not going anywhere, the mayor told reporters on the steps of the hall.", "be"),
    ]
    # the shortest claim names its speaker already; the other's speaker is put before its words
    assert fact_label(quoted, outlet_of, [OKAFOR]) == "“We are not going anywhere, Okafor said”"
    assert fact_label(quoted[1:], outlet_of, [OKAFOR], lambda c: "Ann Okafor") == (
        "Ann Okafor: “She is not going anywhere, the mayor told…”"
    )


def test_a_figure_two_outlets_give_follows_a_label_that_leaves_it_out():
    members = [
        claim(
            "p1:c1",
            "Mayor Okafor closed the bridge, one of 12 in the city, on Monday.",
            "close",
            agent="Mayor Okafor",
            quantities=[{"text": "12", "value": 12.0, "unit": None}],
        ),
        claim(
            "p2:c2",
            "Mayor Okafor closed one of the 12 bridges.",
            "close",
            agent="Mayor Okafor",
            quantities=[{"text": "12", "value": 12.0}],
        ),
    ]
    assert fact_label(members, outlet_of, [OKAFOR]) == "Mayor Okafor closed one of the 12 bridges"
    assert fact_label(members[:1], outlet_of, [OKAFOR]) == "Mayor Okafor closed the bridge"


def pair(a: str, b: str, how: str, figures: str | None = None, kind: str = "pair", text: str = "") -> dict:
    """A ``ReasonPart`` of a pair as the contract holds it; ``text`` is deliberately not its wording: the reason
    must not read it."""
    return {"kind": kind, "text": text or "(wording the report must not read)", "names": [a, b], "how": how,
            "figures": figures, "particulars": [], "tells_more": False}  # fmt: skip


def adds(name: str, *particulars: str, more: bool = False) -> dict:
    return {"kind": "adds", "text": "-", "names": [name], "particulars": list(particulars), "tells_more": more}


def test_the_reason_names_each_outlet_once():
    pairs = {
        "verdict": "agree",
        "reason_parts": [
            pair("Ann Okafor via Daily A", "Ann Okafor via Daily B", "same"),
            pair("Ann Okafor via Daily A", "Okafor via Daily C", "other words"),
            pair("Ann Okafor via Daily B", "Okafor via Daily C", "other words"),
            adds("Okafor via Daily C", "Monday", "lorries"),
        ],
    }
    reason = fact_reason(pairs, list(OUTLETS.values()))
    assert reason == (
        "Daily A, Daily B and Daily C say the same, some in other words, quoting Ann Okafor; "
        "Daily C alone adds: Monday, lorries"
    )
    pairs["reason_parts"][-1]["tells_more"] = True
    assert fact_reason(pairs, list(OUTLETS.values())).endswith("Daily C tells more, maybe compatible: Monday, lorries")
    # a description of one person beside a name is that person; a description of others is someone else
    one = {"verdict": "agree", "reason_parts": [pair("Ann Okafor via Daily A", "the mayor via Daily B", "same")]}
    assert fact_reason(one, list(OUTLETS.values())).endswith("quoting Ann Okafor")
    two = {"verdict": "agree", "reason_parts": [pair("Politeia via Daily A", "aides of the mayor via Daily B", "same")]}
    assert fact_reason(two, list(OUTLETS.values())).endswith("quoting Politeia and aides of the mayor")
    numbers = {"verdict": "agree", "figure": "12", "reason_parts": [pair("Daily A", "Daily B", "figures agree")]}
    assert fact_reason(numbers, list(OUTLETS.values())) == "Daily A and Daily B give the same figure, 12"
    assert (
        fact_reason({**numbers, "figure": None}, list(OUTLETS.values())) == "Daily A and Daily B give the same figures"
    )
    # one page's own comparison pairs two sources of one account: both keep their names
    one_page = {"verdict": "agree", "reason_parts": [pair("Daily A", "Ann Okafor via Daily A", "other words")]}
    assert fact_reason(one_page, ["Daily A"]) == "Daily A and Ann Okafor via Daily A say the same in other words"
    # two claims whose figures fit together tell the same fact, however many pairs say so
    fits = {
        "verdict": "compatible",
        "reason_parts": [
            pair("Union via Daily A", "Union via Daily B", "same fact", "fit together"),
            pair("Union via Daily B", "Daily C", "same fact", "fit together"),
        ],
    }
    assert fact_reason(fits, list(OUTLETS.values())) == (
        "Daily A, Daily B and Daily C tell the same fact; the figures they give fit together"
    )
    # a conflict's reason leads, said once however many pairs repeat it
    clash = {
        "verdict": "conflict",
        "figure": "7",
        "reason_parts": [
            pair("Daily A", "Daily B", None, kind="verdict", text="Daily A gives 5, Daily B 7"),
            pair("Daily B", "Daily C", "figures agree"),
            pair("Daily A", "Daily C", None, kind="verdict", text="Daily A gives 5, Daily B 7"),
        ],
    }
    assert (
        fact_reason(clash, list(OUTLETS.values()))
        == "Daily A gives 5, Daily B 7; Daily B and Daily C give the same figure, 7"
    )


def test_a_reason_stored_before_its_parts_were_data_is_shown_as_written():
    old = {"verdict": "agree", "reasons": ["Daily A and Daily B say the same", "Daily A and Daily B say the same"]}
    assert fact_reason(old, list(OUTLETS.values())) == "Daily A and Daily B say the same"
    numbers = {"verdict": "agree", "explanation": "Daily A: 12; Daily B: 12 → agree (Daily A and Daily B agree)"}
    assert fact_reason(numbers, list(OUTLETS.values())) == "Daily A and Daily B agree"
    unique = {"verdict": "unique", "explanation": "Daily A: 12 → unique: only Daily A reports this"}
    assert fact_reason(unique, list(OUTLETS.values())) == "only Daily A reports this"
    assert fact_reason({"verdict": "conflict", "explanation": "Four against five."}, []) == "Four against five."


def test_hostile_claim_text_reaches_the_label_raw_and_the_report_escaped():
    text = "Mayor Okafor <script>alert(1)</script> said the bridge stays shut."
    data = {
        "page": {"text": text},
        "blocks": [{"id": "b0", "kind": "paragraph", "start": 0, "end": len(text), "text": text, "narrative": None}],
        "sources": [{"id": "publisher", "name": "Daily A", "kind": "publisher", "is_publisher": True}],
        "claims": [
            {"id": "c1", "source_id": "publisher", "start": 0, "end": len(text), "text": text, "predicate": "say"}
        ],
        "alignments": [{"id": "g1", "claim_ids": ["c1"], "verdict": "agree", "explanation": "the same"}],
    }
    row = build_view(data)["facts"]["rows"][0]
    assert "<script>alert(1)</script>" in row["topic"]  # the view keeps strings raw
    html = render(data, "html")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_a_one_account_table_shows_no_unique_rows():
    # one column: "only Daily A reports this" on a figure says nothing; a second account makes it a finding
    text = "Daily A counted 32 districts.\n\nA ministry said 40 districts voted."
    data = {
        "page": {"text": text},
        "blocks": [
            {"id": "b0", "kind": "paragraph", "start": 0, "end": 28, "text": text[:28], "narrative": "publisher"}
        ],
        "sources": [{"id": "publisher", "name": "Daily A", "kind": "publisher", "is_publisher": True}],
        "claims": [
            {"id": "c1", "source_id": "publisher", "narrative": "publisher", "start": 0, "end": 28, "text": text[:28]}
        ],
        "alignments": [{"id": "g1", "claim_ids": ["c1"], "verdict": "unique", "explanation": "only Daily A"}],
    }
    assert build_view(data)["facts"]["rows"] == []
    data["blocks"].append(
        {"id": "b1", "kind": "paragraph", "start": 30, "end": len(text), "text": text[30:], "narrative": "s2"}
    )
    data["sources"].append({"id": "s2", "name": "the ministry", "kind": "government", "is_publisher": False})
    data["claims"].append(
        {"id": "c2", "source_id": "s2", "narrative": "s2", "start": 30, "end": len(text), "text": text[30:]}
    )
    data["alignments"].append({"id": "g2", "claim_ids": ["c2"], "verdict": "unique", "explanation": "only s2"})
    assert [r["id"] for r in build_view(data)["facts"]["rows"]] == ["g1", "g2"]


def test_the_reason_reads_the_pair_fields_the_compare_stage_writes():
    """``fact_reason`` reads what ``meaning.align_claims`` stores of each pair (``reason_parts``), not its wording:
    a group the compare stage makes names each outlet once, and says the same if the wording changes."""
    from dataclasses import asdict

    import numpy as np

    from rashomon.meaning import align_claims
    from rashomon.model import Claim, Quantity

    def claim(cid: str, text: str, source: str) -> Claim:
        twelve = Quantity(text="12", start=0, end=2, value=12.0, noun="berths")
        return Claim(id=cid, source_id=source, start=0, end=len(text), text=text, quantities=[twelve])

    claims = [
        claim("p1:c1", "The harbour council closed 12 berths of the old ferry terminal on Tuesday.", "Ivo Brandt"),
        claim("p2:c1", "The harbour council closed 12 berths of the old ferry terminal on Tuesday.", "publisher"),
        claim("p3:c1", "On Tuesday the council shut 12 berths of the terminal that served the harbour.", "publisher"),
    ]
    outlets = {"p1": "Daily A", "p2": "Daily B", "p3": "Daily C"}
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.85, np.sqrt(1 - 0.85**2)]], dtype=np.float32)

    def label_of(c: Claim) -> str:
        outlet = outlets[c.id.split(":")[0]]
        return outlet if c.source_id == "publisher" else f"{c.source_id} via {outlet}"

    (group,) = align_claims(claims, vectors, lambda c: c.id.split(":")[0], label_of)
    data = asdict(group)
    assert data["figure"] == "12"
    assert [(p["kind"], p["how"], p["figures"]) for p in data["reason_parts"]] == [
        ("pair", "same words", None),
        ("pair", "same", "agree"),
        ("pair", "same", "agree"),
    ]
    reason = fact_reason(data, list(outlets.values()))
    assert reason == "Daily A, Daily B and Daily C say the same; the figures agree (12)"
    for part in data["reason_parts"]:
        part["text"] = "reworded"
    assert fact_reason(data, list(outlets.values())) == reason


def test_the_story_page_and_the_report_give_a_group_the_same_reason_with_its_figure():
    """The story page has no claims of the pages, only the comparison: it reads the figure the compare stage
    stored, as the report does (the story page once said "give the same figures" where the report named it)."""
    from rashomon.report.stories import _story

    group = {
        "id": "x1",
        "claim_ids": ["p1:c1", "p2:c1"],
        "verdict": "agree",
        "explanation": "Daily A: 12 berths; Daily B: 12 berths → agree (Daily A and Daily B agree)",
        "topic": "berths <b>",
        "figure": "12 <i>berths</i>",
        "reason_parts": [pair("Daily A", "Daily B", "figures agree")],
    }
    story = {
        "story_id": "s1", "label": "The terminal", "n_pages": 2, "n_outlets": 2, "first_date": None,
        "last_date": None, "pages": [], "relations": [],
        "comparison": {"result": {"pages": [{"id": "p1", "label": "Daily A"}, {"id": "p2", "label": "Daily B"}],
                                  "alignments": [group]}},
    }  # fmt: skip
    html = _story(story)
    reason = fact_reason(group, ["Daily A", "Daily B"])
    assert reason == "Daily A and Daily B give the same figure, 12 <i>berths</i>"
    assert "give the same figure, 12 &lt;i&gt;berths&lt;/i&gt;" in html and "<i>" not in html


def test_a_speaker_nobody_was_tied_to_is_not_put_before_the_label():
    """A source that is only a pronoun ("he", unresolved) is shown as someone not named, and a label quotes no
    one for it; a named source is put before the quoted words."""
    from rashomon.report.view import fact_words, source_name

    text = "The ferry terminal will stay shut for at least three more weeks while the pier is rebuilt."
    claims = {"c1": {"id": "c1", "text": text, "source_id": "s1", "narrative": "publisher", "predicate": "stay"}}
    group = {"id": "g1", "claim_ids": ["c1"], "verdict": "unique", "explanation": "only Daily A"}
    narratives = [{"id": "publisher", "name": "Daily A"}]
    for name, unresolved, shown in (("he", True, None), ("Ida Vell", False, "Ida Vell: ")):
        sources = {
            "publisher": {"id": "publisher", "name": "Daily A", "is_publisher": True},
            "s1": {"id": "s1", "name": name, "unresolved": unresolved},
        }
        label, _ = fact_words(group, claims, narratives, sources)
        assert label.startswith("“The ferry terminal") if shown is None else label.startswith(shown), label
    assert source_name(sources | {"s1": {"id": "s1", "name": "she", "unresolved": True}}, "s1") == (
        "someone not named (“she”)"
    )


def test_the_report_and_the_compare_stage_tell_the_same_figure_by_one_criterion():
    """``figures.figure_key``: one value and unit however written, else the same words; every digit counts
    (the label's key once rounded to six digits: 1,234,567 and 1,234,568 were one figure)."""
    from rashomon.figures import figure_key
    from rashomon.meaning import shared_figure
    from rashomon.model import Claim, Quantity

    assert figure_key(12, None, "12") == figure_key(12.0, None, "twelve") != figure_key(12.0, "percent", "12%")
    assert figure_key(1234567.0, "USD", "$1,234,567") != figure_key(1234568.0, "USD", "$1,234,568")
    assert figure_key(None, None, "Dozens") == figure_key(None, None, "dozens")

    def claim(cid: str, *quantities: tuple[str, float | None]) -> Claim:
        found = [Quantity(text=t, start=0, end=len(t), value=v) for t, v in quantities]
        return Claim(id=cid, source_id="s", start=0, end=10, text="-", quantities=found)

    claims = [claim("p1:c1", ("Twelve", 12.0), ("dozens", None)), claim("p2:c1", ("dozens", None), ("12", 12.0))]
    assert shared_figure(claims, lambda c: c.id[:2]) == "Twelve"  # as the first writes it
    assert shared_figure(claims[:1] + [claim("p2:c1", ("Dozens", None))], lambda c: c.id[:2]) == "dozens"
    assert shared_figure(claims[:1] + [claim("p2:c1", ("13", 13.0))], lambda c: c.id[:2]) is None


def test_every_way_a_pair_agrees_has_its_words_in_the_reason():
    from rashomon.model import PAIR_HOWS
    from rashomon.report.facts import HOW_WORDS

    assert set(HOW_WORDS) == set(PAIR_HOWS)


# --- reader fault, session 15: one person, one label form ----------------------------------------------------

CALLOWAY = {
    "id": "person:ruth_a_calloway",
    "name": "Ruth A. Calloway",
    "type": "person",
    "aliases": ["Ruth Calloway", "Senator Calloway"],
    "mentions": [{"text": "Ruth A. Calloway"}, {"text": "Ruth Calloway"}],
}


def test_a_person_is_named_in_every_label_as_the_actors_name_them():
    blocked = [
        claim("p1:c1", "Ruth Calloway blocked the vote.", "block", agent="Ruth Calloway"),
        claim("p2:c1", "On Tuesday Senator Calloway blocked the vote on the tax.", "block", agent="Senator Calloway"),
    ]
    assert fact_label(blocked, outlet_of, [CALLOWAY]) == "Ruth A. Calloway blocked the vote"
    # a figure the cut would halve is made whole, not repeated in brackets
    delayed = [
        claim(
            "p1:c2",
            "Senator Calloway delayed the budget hearing by two weeks.",
            "delay",
            agent="Senator Calloway",
            quantities=[{"text": "two weeks", "value": 2, "unit": "week"}],
        ),
        claim(
            "p2:c2",
            "Ruth A. Calloway also delayed the hearing by two weeks, aides said.",
            "delay",
            agent="Ruth A. Calloway",
            quantities=[{"text": "two weeks", "value": 2, "unit": "week"}],
        ),
    ]
    assert fact_label(delayed, outlet_of, [CALLOWAY]) == "Ruth A. Calloway delayed the budget hearing by two weeks"
    # two people of one last name: the short form is left as written
    other = {**CALLOWAY, "id": "person:dan_calloway", "name": "Dan Calloway", "aliases": ["Senator Calloway"]}
    other["mentions"] = [{"text": "Dan Calloway"}]
    assert fact_label(blocked, outlet_of, [CALLOWAY, other]).startswith("Ruth A. Calloway blocked")
    assert fact_label(blocked[1:], outlet_of, [CALLOWAY, other]) == "Senator Calloway blocked the vote on the tax"


def test_three_outlets_writing_one_name_three_ways_get_one_form_in_the_compared_labels():
    from rashomon.compare import compare_pages
    from rashomon.contract import to_dict
    from rashomon.pipeline import analyze
    from rashomon.report.comparison import merge_for_report
    from rashomon.report.view import fact_words_of
    from tests.conftest import page_from

    texts = {
        "Daily A": [
            "Ruth A. Calloway blocked a vote on the harbour tax.",
            "In a surprise move on Tuesday afternoon, Ruth A. Calloway also delayed the budget hearing by two weeks.",
        ],
        "Daily B": [
            "On Tuesday, in a move that surprised the chamber, Ruth Calloway blocked a vote on the harbour tax.",
            "Ruth Calloway delayed the budget hearing by two weeks.",
        ],
        "Daily C": [
            "Late on Tuesday, after a long debate in the chamber, Senator Calloway blocked a vote on the harbour tax.",
            "After talks with the mayor broke down, Senator Calloway delayed the budget hearing by two weeks.",
        ],
    }
    pages = [analyze(page_from(blocks, publisher=name)) for name, blocks in texts.items()]
    merged = merge_for_report([to_dict(a) for a in pages], compare_pages(pages), list(texts))
    labels = [label for label, _ in fact_words_of(merged).values() if "Calloway" in label]
    assert len(labels) == 2
    assert all(label.startswith("Ruth A. Calloway ") for label in labels), labels


def test_an_agreement_the_stage_is_unsure_of_shows_a_neutral_agree_badge():
    # a reader found the green "= agree" pill beside "maybe one topic, not one fact; how sure: 50 %"
    from rashomon.report.view import AGREE_SURE_MIN_CERTAINTY, facts_view

    claims = {
        "k1": {"id": "k1", "text": "The council approved the plan on Monday.", "narrative": "n1"},
        "k2": {"id": "k2", "text": "Councillors voted for the plan.", "narrative": "n2"},
    }
    narratives = [
        {"id": "n1", "name": "Valley Courier", "slot": 0, "anchor": "n1"},
        {"id": "n2", "name": "Ridge Bulletin", "slot": 1, "anchor": "n2"},
    ]

    def badge(certainty):
        alignment = {"id": "a1", "claim_ids": ["k1", "k2"], "verdict": "agree", "certainty": certainty}
        (row,) = facts_view([alignment], claims, [], {}, narratives)["rows"]
        return row["symbol"], row["verdict_words"], row["unsure"]

    assert badge(0.5) == ("=?", "agree?", True)
    assert badge(AGREE_SURE_MIN_CERTAINTY) == ("=", "agree", False)
    assert badge(None) == ("=", "agree", False)  # not measured: the verdict as the stage gave it


def test_a_figure_row_and_a_sentence_row_over_the_same_claims_and_verdict_are_one_row():
    # session 36: a quake's depth showed twice, as the figure's conflict row and as the sentences' conflict row
    from rashomon.report.view import facts_view

    claims = {
        "k1": {"id": "k1", "text": "Korvo shook; the tremor's depth was 3 miles.", "narrative": "n1"},
        "k2": {"id": "k2", "text": "Korvo shook; the tremor's depth was 30 miles.", "narrative": "n2"},
        "k3": {"id": "k3", "text": "No one was hurt.", "narrative": "n1"},
        "k4": {"id": "k4", "text": "There were no injuries.", "narrative": "n2"},
    }
    narratives = [
        {"id": "n1", "name": "Valley Courier", "slot": 0, "anchor": "n1"},
        {"id": "n2", "name": "Ridge Bulletin", "slot": 1, "anchor": "n2"},
    ]
    alignments = [
        {"id": "x1", "claim_ids": ["k1", "k2"], "verdict": "conflict"},
        {"id": "xe1", "claim_ids": ["k2", "k1"], "verdict": "conflict"},
        {"id": "xe2", "claim_ids": ["k3", "k4"], "verdict": "agree"},
    ]
    assert [row["id"] for row in facts_view(alignments, claims, [], {}, narratives)["rows"]] == ["x1", "xe2"]
    # another verdict over the same claims is another row: the reader sees both
    alignments[1]["verdict"] = "compatible"
    assert len(facts_view(alignments, claims, [], {}, narratives)["rows"]) == 3
