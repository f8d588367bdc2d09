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


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bburied alive|\bbullets?\b",
        r"(?<![\w/:])/s(?=[ \t]*(?:$|\n|[.!)\]]))|\[sarcasm\]",
        r"(?:son of a|s\.o\.b)\b",
    ],
)
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


# Sentences written for these tests: each can match the threat or phrase patterns in its own way, so that the
# word screens (which replace most regex passes over a batch) are checked against the patterns they stand for.
SCREENED = [
    "They should all be put six feet under, the whole board.",
    "I hope the rope is ready for the treasurer.",
    "He'll never walk again if he shows his face at the dock.",
    "Somebody give that ferry captain a good beating.",
    "Those refugees are vermin, send them back.",
    "The mayor and then shot the messenger, figuratively speaking.",
    "Rats, all of those migrants, every one.",
    "Stab-happy councillors deserve a noose.",
    "what a son of a bitch of a timetable",
    "hello there, hellish queue",
    "found dead in the water: the ferry budget",
    "The press was against the wall on this one.",
    "string 'em up, I say\nand then shot them all",
]


def test_word_screens_cover_every_text_the_patterns_match():
    texts = COMMENTS + SCREENED
    batch = lexicon.fold_batch(texts)
    _, violent = abuse._scan_batch(batch)
    any_violence = threats.patterns().any_violence
    assert {i for i, folded in enumerate(batch.texts) if any_violence.search(folded)} <= set(violent)
    assert {i for i, text in enumerate(texts) if threats.find_threats(text)} <= set(violent)
    assert abuse.batch_lexicon_hits(batch) == [abuse.lexicon_hits(t) for t in texts]
    assert any(h.label == "identity_attack" for h in abuse.lexicon_hits(SCREENED[4]))  # the phrase itself


def test_word_screen_screens_by_distinctive_words_and_leaves_the_rest_to_its_regex():
    screen = lexicon.word_screen([r"(?:a|the) ropes?", r"bullets?\b", r"firing squad", r"put (?:\w+ ){1,3}down"], r"\b")
    assert {"bullet", "rope"} <= set(screen.starts) and "firing" in screen.exact
    assert screen.triggered_by("bullets") and screen.triggered_by("x-firing") and screen.triggered_by("ropes")
    assert not screen.triggered_by("fire") and not screen.triggered_by("the") and not screen.triggered_by("a")
    # "put" is too common to screen by, and the pattern holds no other literal word: its regex screens it.
    assert screen.rest is not None and screen.rest.search("put them down") and not screen.rest.search("the rope")
    with pytest.raises(ValueError):
        lexicon.word_screen(["x"], r"(?<=a)")
    # A literal screen whose prefixes open with a common word would flag every text: the pattern runs instead.
    pattern = re.compile(r"\b(?:the rope|to death)")
    assert lexicon.screen(pattern) is pattern


def test_batch_model_evidence_equals_model_evidence_text_by_text():
    texts = COMMENTS + SCREENED + ["You absolute clown and idiot, you moron", "moron\nmoron idiot"]
    folded = [lexicon.fold(t) for t in texts]
    wanted = [abuse.EVIDENCE_HEADS] * len(texts)
    together = abuse.batch_model_evidence(folded, wanted)
    for text, hits in zip(texts, together):
        alone = [h for head in abuse.EVIDENCE_HEADS for h in abuse.model_evidence(text, head)]
        assert hits == alone
        assert all(lexicon.fold(text)[h.start : h.end].strip() for h in hits)
    assert any(hits for hits in together)
    assert abuse.batch_model_evidence(["", "   "], [abuse.EVIDENCE_HEADS, ()]) == [[], []]


def test_features_survive_the_token_table_filling_up(monkeypatch):
    from rashomon.comments import features

    texts = COMMENTS + SCREENED
    expected = featurize_counts(texts)
    first = featurize_counts(texts[:3])
    features.clear_token_cache()
    monkeypatch.setattr(features, "TOKEN_CACHE_SIZE", 40)  # the table empties itself on almost every batch
    for batch, wanted in ((texts, expected), (texts[:3], first), (texts, expected), (texts[:3], first)):
        got = featurize_counts(batch)
        assert got.shape == wanted.shape and abs(got - wanted).max() == 0
    features.clear_token_cache()


def test_a_stretched_word_is_the_word_cut_to_two_letters():
    stretched, plain = featurize_counts(["Sooooo late, yesss", "Soo late, yess"])
    assert stretched.nnz and abs(stretched - plain).max() == 0
    assert tokens("Sooooo late, yesss") == ["soo", "late", ",", "yess"]


def test_undo_leet_equals_the_substitution_over_the_whole_text():
    import random

    from rashomon.comments import features

    def plain(text):
        return features._LEET_WORD_RE.sub(features._leet_word, text)

    rng = random.Random(20161128)
    alphabet = "ab z1!$@3\n.0'"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert features._undo_leet(text) == plain(text)
    assert features._undo_leet("sh1t\nplain line\nl@st") == "shit\nplain line\nlast"


def test_gc_paused_restores_the_collector():
    import gc

    from rashomon.comments.features import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("a failing batch")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a collector the caller turned off stays off
    finally:
        gc.enable()


def test_array_hashing_gives_the_ids_of_hashing_key_by_key():
    import random
    import zlib

    from rashomon.comments import features

    rng = random.Random(20161128)
    alphabet = "abcxyz019*#@$!?'\x00"
    words = ["a", "ab", "abc", "x" * features.MAX_TOKEN_CHARS]
    words += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, features.MAX_TOKEN_CHARS))) for _ in range(500)
    ]
    flat, counts = features._ascii_token_features(words)
    position = 0
    for word, count in zip(words, counts.tolist()):
        padded = f" {word} "
        keys = ["w:" + word] + [
            "c:" + padded[i : i + n] for n in features.CHAR_NGRAMS for i in range(len(padded) - n + 1)
        ]
        assert flat[position : position + count].tolist() == [
            zlib.crc32(k.encode()) % features.N_FEATURES for k in keys
        ]
        position += count
    assert position == len(flat)


def test_the_token_table_holds_ascii_and_other_tokens_alike():
    from rashomon.comments import features

    features.clear_token_cache()
    words = ["ferry", "İstanbul", "😀", "y" * (features.MAX_TOKEN_CHARS + 9), "dock", "ferry's"]
    flat, offsets = features.token_ids(words)
    for k, word in enumerate(words):
        assert tuple(flat[offsets[k] : offsets[k + 1]].tolist()) == features.token_features(word)
    features.clear_token_cache()


def test_words_are_normalized_together_as_one_by_one():
    from rashomon.comments import features

    words = ["Sooooo", "sh1t", "@user", "URL", "f***", "l@st", "", "plain", "www.x.org", "$$$", "urls"]
    assert features.normalize_words(words) == [features.normalize(w) for w in words]
    assert features.normalize_words([]) == []


def test_word_runs_of_a_token_without_a_regex_for_one_word_tokens():
    for token in ("ferry", "f***", "sh1t", "don't", "snake_case", "İstanbul", "x-ray", "#tag", "42", "ab$cd"):
        assert list(lexicon.words_of(token)) == re.findall(r"\w+", token)
