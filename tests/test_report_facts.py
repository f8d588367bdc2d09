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


def test_the_reason_names_each_outlet_once():
    pairs = {
        "verdict": "agree",
        "reasons": [
            "Ann Okafor via Daily A and Ann Okafor via Daily B say the same",
            "Ann Okafor via Daily A and Okafor via Daily C say the same in other words",
            "Ann Okafor via Daily B and Okafor via Daily C say the same in other words",
            "Okafor via Daily C also gives: Monday, lorries",
        ],
    }
    reason = fact_reason(pairs, list(OUTLETS.values()))
    assert reason == (
        "Daily A, Daily B and Daily C say the same, some in other words, quoting Ann Okafor; "
        "Daily C alone adds: Monday, lorries"
    )
    numbers = {"verdict": "agree", "explanation": "Daily A: 12; Daily B: 12 → agree (Daily A and Daily B agree)"}
    assert fact_reason(numbers, list(OUTLETS.values()), "12") == "Daily A and Daily B give the same figure, 12"
    # one page's own comparison pairs two sources of one account: both keep their names
    one_page = {"verdict": "agree", "reasons": ["Daily A and Ann Okafor via Daily A say the same in other words"]}
    assert fact_reason(one_page, ["Daily A"]) == "Daily A and Ann Okafor via Daily A say the same in other words"
    # two claims whose figures fit together tell the same fact, however many pairs say so
    fits = {
        "verdict": "compatible",
        "reasons": [
            "Union via Daily A and Union via Daily B tell the same fact; the figures they give fit together",
            "Union via Daily B and Daily C tell the same fact; the figures they give fit together",
        ],
    }
    assert fact_reason(fits, list(OUTLETS.values())) == (
        "Daily A, Daily B and Daily C tell the same fact; the figures they give fit together"
    )
    # a conflict's reason leads, said once however many pairs repeat it
    clash = {
        "verdict": "conflict",
        "explanation": "… → conflict (Daily A gives 5, Daily B 7; Daily B and Daily C agree; Daily B and Daily C agree)",
    }
    assert (
        fact_reason(clash, list(OUTLETS.values()))
        == "Daily A gives 5, Daily B 7; Daily B and Daily C give the same figures"
    )


def test_hostile_claim_text_reaches_the_label_raw_and_the_report_escaped():
    text = "Mayor Okafor <script>alert(1)</script> said the bridge stays shut."
    data = {
        "page": {"text": text},
        "blocks": [{"id": "b0", "kind": "paragraph", "start": 0, "end": len(text), "text": text, "narrative": None}],
        "sources": [{"id": "publisher", "name": "Daily A", "kind": "publisher", "is_publisher": True}],
        "claims": [
            {"id": "c1", "source_id": "publisher", "start": 0, "end": len(text), "text": text, "predicate": "say"}
        ],
        "alignments": [{"id": "g1", "claim_ids": ["c1"], "verdict": "unique", "explanation": "only Daily A"}],
    }
    row = build_view(data)["facts"]["rows"][0]
    assert "<script>alert(1)</script>" in row["topic"]  # the view keeps strings raw
    html = render(data, "html")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_the_reason_reads_the_pair_wording_the_compare_stage_writes():
    """``fact_reason`` reads the compare stage's words for a pair (``meaning.pair_verdict``): if that wording
    changes, the reason must still name each outlet once and say how they agree."""
    from rashomon.meaning import pair_verdict
    from rashomon.model import Claim
    from rashomon.report.facts import PAIR_AGREES, fact_reason

    def claim(text: str) -> Claim:
        return Claim(id="c", source_id="s", start=0, end=len(text), text=text)

    same = claim("The harbour council closed the old ferry terminal on Tuesday.")
    other = claim("On Tuesday the council shut the ferry terminal that had served the harbour for decades.")
    for a, b, cosine in ((same, same, 0.99), (same, other, 0.95), (same, other, 0.6)):
        verdict, _, reason = pair_verdict(a, b, cosine, "Ivo Brandt via Daily A", "Daily B")
        assert verdict == "agree"
        match = PAIR_AGREES.match(reason)
        assert match and (match["a"], match["b"]) == ("Ivo Brandt via Daily A", "Daily B"), reason
        told = fact_reason({"verdict": verdict, "reasons": [reason]}, ["Daily A", "Daily B"])
        assert told.startswith("Daily A and Daily B say the same") or told.startswith("Daily A and Daily B give")
