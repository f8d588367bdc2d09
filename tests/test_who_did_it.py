"""Who did it, across outlets: one attack told with doers of opposed kinds is a conflict of fact, whatever ids each
page gives its actors; doers of one kind are no such conflict. Sentences are our own."""

from __future__ import annotations

from rashomon.compare import compare_pages
from rashomon.pipeline import analyze

#: A sentence each page also gives, so that the words of the attack are rare among the pages' claims.
ELSEWHERE = (
    "\n\nAid convoys reached the district capital on Friday after a week of delays.",
    "\n\nThe regional governor asked for more field hospitals in the valley.",
)


def _rows(first: str, second: str) -> list[dict]:
    result = compare_pages([analyze(text=first + ELSEWHERE[0]), analyze(text=second + ELSEWHERE[1])])
    return [a for a in result["alignments"] if "shelled" in a["explanation"]]


def test_an_attack_blamed_on_each_side_is_a_conflict_of_who_did_it():
    rows = _rows(
        "Shelling hits Talvo\n\nGovernment forces shelled the village of Talvo on Thursday, destroying a school and "
        "a clinic, residents said.",
        "Rebels shell Talvo\n\nRebel fighters shelled the village of Talvo on Thursday, destroying a school and a "
        "clinic, the defence ministry said.",
    )
    assert rows and rows[0]["verdict"] == "conflict" and "responsible" in rows[0]["explanation"]


def test_one_kind_of_doer_named_twice_is_no_conflict():
    rows = _rows(
        "Shelling hits Talvo\n\nGovernment forces shelled the village of Talvo on Thursday, destroying a school and "
        "a clinic, residents said.",
        "Army shells Talvo\n\nArmy troops shelled the village of Talvo on Thursday, destroying a school and a "
        "clinic, the defence ministry said.",
    )
    assert all(a["verdict"] != "conflict" for a in rows)
