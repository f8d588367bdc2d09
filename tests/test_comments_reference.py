"""The comment stage on the shared reference page (skipped when ../shared is absent).

The bars of issue 6: the explicit wishes of violence flagged as threats, the two slurs flagged, the /sarc and
/s comments marked, the Nobel correction linked to the comment it corrects, the war reporting in the article
not flagged. Comments are found by their author and a few words, never copied into the repository.
"""

from __future__ import annotations

import pytest

from rashomon.comments import analyze_comments, commenter_summary, thread_tree
from rashomon.comments.abuse import score_texts
from rashomon.model import Analysis
from rashomon.read import read

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def analysis(reference_page_path) -> Analysis:
    result = Analysis(page=read(reference_page_path))
    analyze_comments(result)
    return result


def find(analysis: Analysis, author: str, words: str):
    matches = [c for c in analysis.page.comments if c.author == author and words.lower() in c.text.lower()]
    assert matches, f"no comment by {author} with {words!r}"
    return matches[0]


@pytest.mark.parametrize(
    "author,words,outcome",
    [
        ("WTFUD", "buried alive", "buried alive"),
        ("HedgeJunkie", "baling wire", "hung"),
        ("X_in_Sweden", "bullet", "bullet"),
        ("Bavarian", "to hang", "hang"),
    ],
)
def test_wishes_of_violence_are_threats(analysis, author, words, outcome):
    comment = find(analysis, author, words)
    assert "threat" in comment.flags
    assert any(e.label == "threat" and outcome in e.text.lower() for e in comment.evidence)


def test_the_slurs_are_flagged(analysis):
    ethnic = find(analysis, "navy62802", "jockeys")
    assert "identity_attack" in ethnic.flags
    assert any(e.label == "identity_attack" and "jockeys" in e.text for e in ethnic.evidence)
    masked = find(analysis, "X_in_Sweden", "Nobel")
    assert {"profanity", "toxicity"} <= set(masked.flags)
    assert any(e.label == "profanity" and e.text.startswith("Clit") for e in masked.evidence)


def test_sarcasm_markers(analysis):
    for author, marker in (("HowdyDoody", "/sarc"), ("auricle", "/s")):
        comment = find(analysis, author, marker)
        assert "sarcasm_marker" in comment.flags
        assert any(e.label == "sarcasm_marker" and e.text == marker for e in comment.evidence)


def test_nobel_correction_is_linked(analysis):
    corrected = find(analysis, "847328_3527", "Nobel")
    correction = find(analysis, "X_in_Sweden", "Nobel")
    assert "correction" in correction.flags
    assert correction.corrects == corrected.id


def test_war_reporting_in_the_article_is_not_flagged(analysis):
    blocks = [b for b in analysis.page.article_blocks if b.kind == "paragraph"]
    results = score_texts([b.text for b in blocks])
    flagged = [
        (b.id, r.flags)
        for b, r in zip(blocks, results)
        if {"threat", "identity_attack", "insult", "severe_toxicity"} & set(r.flags)
    ]
    assert not flagged


def test_inferred_threads_and_summary(analysis):
    echo = find(analysis, "HedgeJunkie", "baling wire")
    assert echo.reply_reason == "quotes" and echo.reply_to == find(analysis, "AlexCharting", "blood").id
    plus_one = find(analysis, "tenpanhandle", "think tank")
    assert plus_one.reply_reason == "answers_previous" and plus_one.reply_confidence == 0.5
    evidence_ok = all(analysis.page.text[e.start : e.end] == e.text for c in analysis.page.comments for e in c.evidence)
    assert evidence_ok
    assert sum(1 for _ in analysis.page.comments) == sum(
        r["comments"] for r in commenter_summary(analysis.page.comments)
    )
    assert len(thread_tree(analysis.page.comments)) < len(analysis.page.comments)


def test_stances_are_given_only_where_the_actor_is_the_target(analysis):
    """Issue 22: of the comments' stances toward the page's actors about half were wrong, among them a comment
    attacking its own ("our") government read as against the Syrian government."""
    own = find(analysis, "HedgeJunkie", "War Criminal")
    assert ("Syrian government", "anti") not in [(s.actor, s.stance) for s in own.stance]
    team_up = find(analysis, "navy62802", "team up")  # wants the US to act: not against it
    assert ("United States", "anti") not in [(s.actor, s.stance) for s in team_up.stance]
    scare_quotes = find(analysis, "Bavarian", "squealing")  # the quoted "evil" is the media's word, not the writer's
    assert ("Russia", "anti") not in [(s.actor, s.stance) for s in scare_quotes.stance]
    polar = [s for c in analysis.page.comments for s in c.stance if s.stance != "neutral"]
    assert len(polar) <= 4


def test_the_encoder_mode_reads_a_countdown_with_a_wink_as_sarcasm(reference_page_path):
    from rashomon.options import Options

    result = Analysis(page=read(reference_page_path))
    analyze_comments(result, Options().with_values({"comments.mode": "encoder"}))
    countdown = find(result, "nmewn", "3...2...1")
    assert "sarcasm" in countdown.flags and "sarcasm_marker" not in countdown.flags
    assert not any("sarcasm" in c.flags for c in result.page.comments if c.text.startswith("Worst thing"))


def test_blame_of_leaders_is_not_flagged(analysis):
    """Issue 22: the comment that puts the blood on politicians' hands has no abusive word to show; the default
    stage withholds the model's flag."""
    comment = find(analysis, "AlexCharting", "blood")
    assert not {"toxicity", "insult"} & set(comment.flags)
