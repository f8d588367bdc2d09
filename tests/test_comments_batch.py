"""The batched scoring path gives what scoring comment by comment gives (invented comments, our own words)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from rashomon.comments import abuse, lexicon, sarcasm, threats
from rashomon.comments.features import featurize_counts, tokens

COMMENTS = [
    "The harbour board voted 5-2 to close the ferry dock, says the Sarn Courier.",
    "Wow, what a brilliant plan from the council /s",
    "Councillor Brask should be buried alive for this.",
    "You absolute clown, read the report before you post.",
    "This sh1t is f***ed up, honestly.",
    "",
    "😀😀😀",
    "sarc off: the ferry was never late, not once",
    "Check https://example.org/ferry and ask @harbourwatch, or URL-less urls, xurl.",
    "Kill the bill! Nobody deserves to lose their job over a ferry.",
    "He said they would 'hang the lot of them', which the police are now investigating.",
    "İstanbul and ΟΔΟΣ in one comment, plus a $hit joke and d!e hard fans",
    "a line\nthat ends with /s\nand goes on",
    "Those vermin should be exterminated, every last one of them.",
    "Sooooo late again, the ferry, lol!!!",
    "contains a separator \x00 token",
    "[sarcasm] great timetable",
]


def test_batch_features_equal_one_text_at_a_time():
    batch = featurize_counts(COMMENTS)
    for i, text in enumerate(COMMENTS):
        alone = featurize_counts([text])
        row = batch[i]
        assert row.shape == alone.shape
        assert abs(row - alone).max() == 0 if alone.nnz or row.nnz else True
        assert row.nnz == alone.nnz


def test_tokens_of_a_text_are_the_batch_tokens():
    assert tokens("Sh1t, the FERRY is late!!!") == ["shit", ",", "the", "ferry", "is", "late!!!"]


def test_fold_batch_equals_fold():
    batch = lexicon.fold_batch(COMMENTS)
    assert batch.texts == [lexicon.fold(t) for t in COMMENTS]
    assert all(batch.joined[s : s + len(t)] == f for s, t, f in zip(batch.starts, COMMENTS, batch.texts))


@pytest.mark.parametrize("pattern", [
    r"\bburied alive|\bbullets?\b",
    r"(?<![\w/:])/s(?=[ \t]*(?:$|\n|[.!)\]]))|\[sarcasm\]",
    r"(?:son of a|s\.o\.b)\b",
])
def test_candidates_cover_every_text_the_pattern_matches(pattern):
    compiled = re.compile(pattern, re.MULTILINE)
    batch = lexicon.fold_batch(COMMENTS)
    found = set(batch.candidates(compiled))
    assert {i for i, t in enumerate(batch.texts) if compiled.search(t)} <= found


def test_literal_prefixes_are_what_every_match_starts_with():
    assert lexicon.literal_prefixes(r"\b(?:hell|son of a)\b") == {"hell", "son "}
    assert lexicon.literal_prefixes(r"(?:#|\[)sarc") == {"#sar", "[sar"}
    assert lexicon.literal_prefixes(r"\w+ alive") is None
    assert lexicon.screen(re.compile(r"[a-z]+ alive")).pattern == r"[a-z]+ alive"


def test_batch_lexicon_hits_equal_lexicon_hits():
    scan = [t[: abuse.MAX_SCAN_CHARS] for t in COMMENTS]
    batch = lexicon.fold_batch(scan)
    assert abuse.batch_lexicon_hits(batch) == [abuse.lexicon_hits(t) for t in scan]


def test_batch_markers_equal_find_marker():
    assert sarcasm.find_markers(COMMENTS) == [sarcasm.find_marker(t) for t in COMMENTS]
    assert sarcasm.find_markers(COMMENTS)[1] is not None and sarcasm.find_markers(COMMENTS)[0] is None


def test_score_texts_in_a_batch_equals_one_by_one():
    together = abuse.score_texts(COMMENTS)
    for text, result in zip(COMMENTS, together):
        alone = abuse.score_texts([text])[0]
        assert result.flags == alone.flags
        assert [(h.label, h.start, h.end) for h in result.hits] == [(h.label, h.start, h.end) for h in alone.hits]
        assert all(abs(result.scores[k] - alone.scores[k]) <= 1e-3 for k in alone.scores)
    by_text = dict(zip(COMMENTS, together))
    assert "threat" in by_text["Councillor Brask should be buried alive for this."].flags
    assert "threat" not in by_text["Kill the bill! Nobody deserves to lose their job over a ferry."].flags
    assert "profanity" in by_text["This sh1t is f***ed up, honestly."].flags


def test_threat_candidates_include_every_threat():
    batch = lexicon.fold_batch(COMMENTS)
    found = set(batch.candidates(threats.patterns().any_violence))
    assert {i for i, t in enumerate(COMMENTS) if threats.find_threats(t)} <= found


def test_sarcasm_scores_in_a_batch_equal_one_by_one():
    together = sarcasm.score_texts(COMMENTS)
    alone = [sarcasm.score_texts([t])[0] for t in COMMENTS]
    assert [r.marker for r in together] == [r.marker for r in alone]
    assert np.allclose([r.score for r in together], [r.score for r in alone], atol=1e-3)
