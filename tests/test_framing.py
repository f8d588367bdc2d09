"""Framing: Fightin' Words log-odds, the conflict-framing lexicon, loaded-language spans, the PTC scorer."""

from __future__ import annotations

import json
import math
import re
from collections import Counter

import numpy as np
import pytest

from rashomon import framing, heads
from tests.conftest import eval_harness

SIDE_A = (
    "The insurgents captured two more villages as the regime shelled the valley. Rebel commanders said the "
    "opposition would hold the line; the insurgents seized a depot and captured a bridge."
)
SIDE_B = (
    "The army liberated two villages from militants and cleared the valley road. The militants fled, and "
    "freed residents welcomed the troops; humanitarian corridors were opened for the militants who surrender."
)


def test_swapping_the_sides_negates_every_z_exactly():
    a, b = framing.word_counts([SIDE_A]), framing.word_counts([SIDE_B])
    forward, backward = framing.fightin_words(a, b), framing.fightin_words(b, a)
    assert forward.keys() == backward.keys()
    for word, (delta, z) in forward.items():
        assert backward[word] == (-delta, -z), word


def test_swap_is_exact_with_any_prior_and_mix():
    a, b = Counter({"x": 7, "y": 1, "z": 3}), Counter({"x": 1, "y": 9, "w": 2})
    prior = {"x": 100, "y": 5}
    for mix in (0.0, 0.3, 1.0):
        forward = framing.fightin_words(a, b, prior=prior, prior_strength=50, background_mix=mix)
        backward = framing.fightin_words(b, a, prior=prior, prior_strength=50, background_mix=mix)
        assert all(backward[w][1] == -forward[w][1] for w in forward)


def test_words_one_side_uses_more_get_positive_z_and_shared_words_near_zero():
    a = Counter({"insurgents": 12, "the": 40, "village": 5})
    b = Counter({"militants": 12, "the": 40, "village": 5})
    scores = framing.fightin_words(a, b)
    assert scores["insurgents"][1] > 1.96 and scores["militants"][1] < -1.96
    assert abs(scores["the"][1]) < 0.5 and abs(scores["village"][1]) < 0.5


def test_distinctive_words_skip_stop_words_and_rank_by_z():
    a = Counter({"insurgents": 12, "the": 80, "captured": 6})
    b = Counter({"militants": 12, "the": 20, "liberated": 6})
    rows = framing.distinctive_words(a, b)
    terms = [r["term"] for r in rows]
    assert terms[0] == "insurgents" and "captured" in terms and "the" not in terms
    assert all(r["z"] >= framing.MIN_Z for r in rows)


def test_background_prior_is_shipped_and_plausible():
    counts = framing.background()
    assert len(counts) > 5000
    assert counts["the"] > counts.get("people", 0) > counts.get("insurgents", 0)


def test_lexicon_counts_term_families_per_side():
    hits_a = {(h["family"], h["term"]): h for h in framing.lexicon_hits(SIDE_A)}
    hits_b = {(h["family"], h["term"]): h for h in framing.lexicon_hits(SIDE_B)}
    assert hits_a[("armed_opponents", "insurgent")]["count"] == 2
    assert hits_a[("territorial_change", "captured")]["count"] == 2
    assert hits_a[("authority", "regime")]["side"] == "opposition-leaning"
    assert hits_b[("armed_opponents", "militant")]["count"] == 3
    assert {"liberated", "cleared", "freed"} <= {t for f, t in hits_b if f == "territorial_change"}
    assert ("civilians_and_aid", "humanitarian corridors") in hits_b
    assert ("armed_opponents", "militant") not in hits_a


def test_lexicon_does_not_match_inside_other_words():
    assert framing.lexicon_hits("A freedom rally and a clearing sale near the armory.") == [
        {
            "family": "territorial_change",
            "term": "cleared",
            "side": "government-leaning",
            "count": 1.0,
            "forms": ["clearing"],
        }
    ]  # "clearing" is a listed form; "freedom" and "armory" must not match "freed" / "army"


def test_loaded_spans_mark_name_calling_loaded_words_and_scare_quotes():
    text = 'Critics called the vote a sham staged by corrupt thugs, and the "reforms" brought brutal raids.'
    spans = framing.loaded_spans(text, offset=10)
    by_text = {s["text"]: s["technique"] for s in spans}
    assert by_text["corrupt thugs"] == "Name_Calling,Labeling"
    assert by_text["sham"] == "Loaded_Language" and by_text["brutal"] == "Loaded_Language"
    assert by_text["reforms"] == "Loaded_Language"
    for s in spans:
        assert text[s["start"] - 10 : s["end"] - 10] == s["text"]


def test_plain_reporting_has_no_loaded_spans():
    assert framing.loaded_spans("The council met on Tuesday and approved the budget for the school.") == []


# Two invented accounts of one event: the first tells it in loaded words, over and over; both name a place and a
# number, which are what the news is about, not how it is told.
LOADED_SIDE = (
    "The brutal siege went on as the regime shelled the valley. Residents called the shelling a brutal and "
    "cowardly act. Rebel commanders said the brutal bombardment of Harlan hit 40 homes."
)
PLAIN_SIDE = (
    "The army cleared the valley road and residents welcomed the troops. Officials said the operation in Harlan "
    "was orderly and that 40 homes were repaired."
)


def test_framing_for_shape_is_json_plain():
    result = framing.framing_for({"a": [(0, SIDE_A)], "b": [(500, SIDE_B)]}, {"a": "Outlet A", "b": "Outlet B"})
    assert set(result) == {"a", "b"}
    entry = result["a"]
    assert entry["label"] == "Outlet A" and entry["words"] > 20
    assert set(entry) == {"label", "words", "distinctive", "lexicon", "lean", "loaded"}
    assert entry["lean"][0]["side"] == "opposition-leaning"
    assert result["b"]["lean"][0]["side"] == "government-leaning"
    assert all(isinstance(r["z"], float) and isinstance(r["term"], str) for r in entry["distinctive"])
    assert all(s["start"] >= 500 for s in result["b"]["loaded"])
    json.dumps(result)


def test_the_conflict_lexicon_counts_only_where_an_armed_party_is_named():
    """Real page, session 14: a party's "retreat" (a meeting) was a "setback" three times over."""
    calm = {
        "a": [(0, "The senators left for their annual retreat after the bill cleared the chamber.")],
        "b": [(200, "Shares fell as the retreat began, and the vote was captured on video.")],
    }
    assert [framing.framing_for(calm)[k]["lexicon"] for k in calm] == [[], []]
    armed = {**calm, "b": [(200, "Shares fell as the rebels began their retreat from the town.")]}
    assert {h["term"] for h in framing.framing_for(armed)["b"]["lexicon"]} >= {"rebel"}


def test_fightin_words_rank_the_loaded_words_one_side_repeats_never_names_numbers_or_topic_words():
    result = framing.framing_for({"a": [(0, LOADED_SIDE)], "b": [(500, PLAIN_SIDE)]}, {"a": "Outlet A"})
    rows = result["a"]["distinctive"]
    assert rows and rows[0]["term"] == "brutal" and rows[0]["count"] == 3 and rows[0]["z"] > framing.MIN_Z
    assert [LOADED_SIDE[a:b] for a, b in rows[0]["spans"]] == ["brutal"] * 3
    assert rows[0]["context"]["start"] == rows[0]["spans"][0][0] and "brutal" in rows[0]["context"]["snippet"]
    shown = {r["term"] for side in result.values() for r in side["distinctive"]}
    assert not shown & {"harlan", "homes", "valley", "army", "road", "troops", "residents"}


def _scored(text: str, scores: dict[str, float], eligible=lambda word: True) -> list:
    return [
        framing.ScoredWord(m.start(), m.end(), m.group(), scores.get(m.group(), 0.0), eligible(m.group()))
        for m in re.finditer(r"[^\W_]+(?:['’-][^\W_]+)*", text)
    ]


def test_only_uses_that_can_carry_framing_are_counted():
    text = "Brutal raids, brutal Harlan, the said regime's valley and Ardent's brutal 40."
    scored = _scored(
        text,
        {"Brutal": 0.9, "brutal": 0.8, "Harlan": 0.9, "the": 0.9, "said": 0.9, "regime's": 0.5, "Ardent's": 0.9},
        eligible=lambda word: word not in ("Harlan", "40"),
    )
    counts, uses = framing.evaluative_counts(scored, exclude={"ardent"})
    assert counts == {"brutal": 3, "regime": 1}  # valley scores 0; the, said, Ardent, Harlan are never counted
    assert [text[a:b] for a, b in uses["brutal"]] == ["Brutal", "brutal", "brutal"]


def test_the_pooled_rest_keeps_the_swap_exact():
    a, b = Counter({"brutal": 4, "cowardly": 1}), Counter({"orderly": 2})
    prior = framing._pooled_prior(a, b)
    a_all, b_all = framing._with_rest(a, 60), framing._with_rest(b, 55)
    forward, backward = (
        framing.fightin_words(a_all, b_all, prior=prior),
        framing.fightin_words(b_all, a_all, prior=prior),
    )
    assert forward["brutal"][1] > 0 > forward["orderly"][1]
    assert all(backward[w][1] == -forward[w][1] for w in forward)
    assert a_all[framing.REST] == 55 and prior[framing.REST] > prior.get("brutal", 0)


def test_one_account_has_no_contrast():
    result = framing.framing_for({"only": [(0, SIDE_A)]})
    assert result["only"]["distinctive"] == [] and result["only"]["lexicon"]


def _eval_module():
    return eval_harness("framing")


def test_partial_overlap_scorer():
    ev = _eval_module()
    result = ev.span_prf([[(0, 10)]], [[(5, 15)]])
    assert result["precision"] == 0.5 and result["recall"] == 0.5
    assert ev.span_prf([[(0, 10)]], [[(20, 30)]])["f1"] == 0.0
    assert ev.sentence_prf([[(0, 1)], [], [(2, 3)]], [[(0, 1)], [(0, 1)], []])["f1"] == 0.5
    assert ev.merge([(0, 5), (3, 8), (10, 12)]) == [(0, 8), (10, 12)]


@pytest.mark.shared
@pytest.mark.slow
def test_eval_runs_on_basil_and_ptc(shared_dir, capsys):
    data = shared_dir / "data"
    basil, ptc = data / "compare" / "basil-dev", data / "propaganda" / "ptc"
    if not basil.is_dir() or not ptc.is_dir():
        pytest.skip("BASIL-dev or PTC is not in ../shared/data")
    assert _eval_module().main(["--basil", str(basil), "--ptc", str(ptc), "--mbic", str(data / "bias" / "mbic")]) == 0

    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    # precision first: at the shipped threshold the head's flags are right more often than either anchor's
    for anchor in ("old_lexicon", "bias_word_list")[: 2 if "basil_bias_word_list" in figures else 1]:
        assert figures["basil_ours"]["span"]["precision"] > figures[f"basil_{anchor}"]["span"]["precision"]
        assert figures["ptc_ours"]["precision"] > figures[f"ptc_{anchor}"]["precision"]
    assert figures["fightin_words_basil"]["top_share"] > figures["fightin_words_basil"]["chance"]


def test_quotations_face_the_right_way_and_run_over_sentence_edges():
    text = 'He said "we will stay" and left. She called it “a plan”.'
    assert [text[a:b] for a, b in framing.quotations(text)] == ['"we will stay"', "“a plan”"]
    assert framing.quotations('it will not stand," she said.') == [(0, 19)]  # began in an earlier sentence
    assert framing.quotations('She said: "We stay here. ') == [(10, 25)]  # goes on in the next one


def test_a_stray_closing_mark_quotes_from_the_start_over_an_earlier_quotation():
    text = 'He said "yes," and the talks went on for days and days." Then the vote.'
    regions = framing.Regions(framing.quotations(text))
    assert regions.holds(text.index("talks")) and regions.holds(text.index("yes"))
    assert not regions.holds(text.index("vote"))
    assert regions.overlaps(text.index("days"), text.index("days") + 4) and not regions.overlaps(60, 70)


def test_words_in_long_quotations_names_and_numbers_are_never_flagged():
    text = (
        'The senator said: "This reckless and shameful plan will ruin our towns," and aides of the brutal '
        'Kessler Group called the plan "reckless" for 40 days.'
    )
    words = {w.text + str(w.start): w for w in framing.score_words({"a": [(0, text)]})["a"]}
    quote_start, quote_end = text.index('"This'), text.index('," and') + 1
    for word in words.values():
        if quote_start <= word.start < quote_end:
            assert not word.eligible, word  # a speaker's words, not the account's
    assert not words[f"Kessler{text.index('Kessler')}"].eligible and not words[f"40{text.index('40')}"].eligible
    assert words[f"brutal{text.index('brutal')}"].eligible and words[f"The{0}"].eligible
    assert words[f"reckless{text.rindex('reckless')}"].eligible  # a two-word quotation is the account's choice
    for span in framing.loaded_language([(0, text)], threshold=0.0):
        assert not quote_start <= span["start"] < quote_end


def test_a_scare_quote_needs_a_loaded_word_and_is_no_title():
    text = 'They read "Atlas Shrugged", called the "reforms" a "sham" and the vote "rigged".'
    scored = _scored(text, {"Atlas": 0.9, "Shrugged": 0.9, "reforms": 0.2, "sham": 0.8, "rigged": 0.99})
    spans = framing.loaded_language([(0, text)], scored=scored, threshold=0.95)
    assert [(s["text"], s["kind"]) for s in spans] == [("sham", "scare_quote"), ("rigged", "model")]


def test_the_head_reads_the_vectors_it_is_given_and_encodes_only_the_rest():
    from rashomon import encoder

    real = encoder.load()
    asked: list[str] = []

    class Recording:
        def encode(self, texts, tokens=False):
            asked.extend(texts)
            return real.encode(texts, tokens=tokens)

    first, second = "The brutal siege went on.", "Residents fled the town."
    page = "Title.\n" + first + " " + second
    start = page.index(first)
    encoded = framing.encoded_spans(page, [(start, start + len(first))], [first], real.encode([first], tokens=True))
    given = framing.score_words({"a": [(start, page[start:])]}, Recording(), encoded)["a"]
    assert asked == [second]
    alone = framing.score_words({"a": [(start, page[start:])]}, real)["a"]
    assert [(w.start, w.text, w.eligible) for w in given] == [(w.start, w.text, w.eligible) for w in alone]
    # the int8 encoder's vectors move by about a tenth with the batch a sentence is read in (padding), so scores
    # agree closely, not exactly; what is flagged agrees (a neighbour near the grow score, "siege" at 0.49 / 0.57,
    # may join a flag in one reading and not the other: the flags start at the same words)
    assert all(abs(g.score - a.score) < 0.15 for g, a in zip(given, alone, strict=True))
    assert [s["start"] for s in framing.flagged_spans(given)] == [s["start"] for s in framing.flagged_spans(alone)]
    assert [s["start"] for s in framing.flagged_spans(given)] == [page.index("brutal")]


def test_claims_read_with_folded_typography_line_up_with_the_page():
    from rashomon import encoder
    from rashomon.meaning import normalized_text

    page = "Intro.  He called it \u201ca  brutal\nsiege\u201d, they said."
    start, end = page.index("He"), len(page)
    read = normalized_text(page[start:end])
    assert read != page[start:end]
    [span] = framing.encoded_spans(page, [(start, end)], [read], encoder.load().encode([read], tokens=True))
    pieces = [page[a:b] for a, b in span.offsets.tolist()]
    assert framing.normalise("".join(pieces)) == "".join(read.split())
    assert "brutal" in pieces and "siege" in pieces and (span.start, span.end) == (start, end)
    assert (
        framing.encoded_spans(page, [(start, end)], ["something else"], encoder.load().encode(["x"], tokens=True)) == []
    )


def test_an_apostrophe_inside_a_word_never_opens_or_closes_a_scare_quote():
    text = "I’m told the ‘freed’ districts weren't \"liberated\", and don't ask which 'rebels' we’ve seen."
    assert [s["text"] for s in framing.scare_quotes(text)] == ["freed", "liberated", "rebels"]
    assert framing.scare_quotes("The officials' statement and the soldiers' orders.") == []


@pytest.mark.parametrize(
    "text",
    [
        'Learners mix up "sonst" versus "ansonsten" (e.g. "Ich bin müde" or "Ich war müde").',
        'The verb "to pillage" is older than the noun.',
        'In Dutch, "gezellig" means something like cosy.',
        'Should I write "colour" or "color" in the letter?',
        'Even then "we were cheated" is a complaint, and the infinitive "to plunder" is rare.',
    ],
)
def test_a_word_mentioned_is_no_scare_quote(text):
    """A usage example, a translation or two forms compared mention words; they are not the account's loaded
    choice (a language page's examples were flagged as scare quotes, real pages, session 8)."""
    assert framing.scare_quotes(text) == []


def test_scare_quotes_beside_mentions_still_count():
    text = 'The so-called "experts" backed the US-funded "freedom fighters" and the "evil" invaders.'
    assert [s["text"] for s in framing.scare_quotes(text)] == ["experts", "freedom fighters", "evil"]


def test_lexicon_hits_name_the_words_as_written_and_no_longer_read_phrases_as_hostage_taking():
    hits = {h["term"]: h for h in framing.lexicon_hits("They are holding us here; the truce collapsed. Rebels fled.")}
    assert "held hostage" not in hits and "defeat" not in hits
    assert hits["rebel"]["forms"] == ["Rebels"] and hits["fled"]["forms"] == ["fled"]


def test_fightin_words_fold_typography_and_drop_house_style_and_the_outlets_own_name():
    a = framing.word_counts(
        ["Ardent Post said the junta’s raid. Mrs. Vale said the junta's troops raided, Ardent Post said."]
    )
    assert a["junta"] == 2 and "junta’s" not in a and "junta's" not in a
    a, b = a + a + a, framing.word_counts(["The government said the operation went on. The army said so."] * 3)
    terms = [r["term"] for r in framing.distinctive_words(a, b, exclude={"ardent", "post"})]
    assert "junta" in terms and not {"said", "mrs", "ardent", "post"} & set(terms)
    assert framing.word_counts(["By Jane Roe\nThe truce held."]) == framing.word_counts(["The truce held."])


def test_a_one_word_vocabulary_gives_no_distinctive_words_instead_of_a_math_error():
    result = framing.framing_for({"x": [(0, "Truce.")], "y": [(40, "Truce truce.")]})
    assert result["x"]["distinctive"] == [] and result["y"]["distinctive"] == []
    assert framing.fightin_words(Counter({"truce": 1}), Counter({"truce": 2})) == {}
    assert framing.fightin_words(Counter({"truce": 3}), Counter()) == {}


def test_two_word_types_still_score_and_swap_exactly():
    a, b = Counter({"truce": 5, "shelling": 1}), Counter({"truce": 1, "shelling": 4})
    forward, backward = framing.fightin_words(a, b), framing.fightin_words(b, a)
    assert set(forward) == {"truce", "shelling"} and forward["truce"][1] > 0 > forward["shelling"][1]
    assert all(forward[w][1] == -backward[w][1] for w in forward)


@pytest.mark.shared
def test_on_the_reference_page_the_claims_vectors_serve_framing_and_little_is_encoded_again(reference_page_path, nlp):
    import rashomon
    from rashomon import encoder
    from rashomon.compare import _narrative_texts
    from rashomon.meaning import normalized_text
    from rashomon.options import Options

    analysis = rashomon.analyze(
        reference_page_path, options=Options(stages=("attribution", "claims", "actors")), nlp=nlp
    )
    texts, real, asked = _narrative_texts(analysis), encoder.load(), []

    class Recording:
        def encode(self, texts, tokens=False):
            asked.extend(texts)
            return real.encode(texts, tokens=tokens)

    read = [normalized_text(c.text) for c in analysis.claims]
    spans = [(c.start, c.end) for c in analysis.claims]
    encoded = framing.encoded_spans(analysis.page.text, spans, read, real.encode(read, tokens=True))
    assert len(encoded) == len(analysis.claims)
    for span, claim in zip(encoded, analysis.claims, strict=True):
        pieces = [analysis.page.text[a:b] for a, b in span.offsets.tolist()]
        assert framing.normalise("".join(pieces)).lower() == "".join(normalized_text(claim.text).split()).lower()
    result = framing.framing_for(texts, encoder=Recording(), encoded=encoded)
    narrative = sum(len(t) for pieces in texts.values() for _, t in pieces)
    assert sum(len(t) for t in asked) < 0.05 * narrative
    assert result.keys() == texts.keys()


def test_a_window_head_sees_each_piece_with_its_neighbours():
    tokens = np.arange(12, dtype=np.float32).reshape(4, 3)
    assert framing.piece_features(tokens) is tokens
    window = framing.piece_features(tokens, framing.WINDOW_FEATURES)
    assert window.shape == (4, 9)
    assert window[0].tolist() == [0, 1, 2, 0, 0, 0, 3, 4, 5]  # no piece before the first
    assert window[3].tolist() == [9, 10, 11, 6, 7, 8, 0, 0, 0]  # nor after the last
    with pytest.raises(heads.HeadError):
        framing.piece_features(tokens, "token-window2+sentence")


def test_score_words_builds_the_features_the_head_names(monkeypatch):
    # a head that reads only the piece before: the first piece of a text has none, so it scores sigmoid(0)
    weight = np.zeros((3 * 384, 1), np.float32)
    weight[384:768] = 1.0
    head = heads.Head(
        name=framing.LOADED_HEAD,
        input="token",
        layers=(heads.Layer(weight, np.zeros(1, np.float32)),),
        output="sigmoid",
        labels=("loaded",),
        thresholds={"loaded": 0.99},
        features=framing.WINDOW_FEATURES,
    )
    monkeypatch.setattr(heads, "load", lambda name: head)
    monkeypatch.setattr(framing, "LOADED_INSULT_WEIGHT", 0.0)  # the head's score alone
    scored = framing.score_words({"a": [(0, "Angry crowds gathered outside.")]})["a"]
    assert scored[0].text == "Angry" and scored[0].score == pytest.approx(0.5)
    assert all(abs(w.score - 0.5) > 1e-3 for w in scored[1:])


def test_a_side_taking_verb_is_loaded_with_its_own_confidence_unless_it_is_a_speakers_or_a_noun_form():
    text = (
        "The mayor slammed the harbour plan, scoffing at its cost, and the council claimed the budget was sound. "
        'Her deputy said: "Yesterday the mayor slammed us all again for nothing." A blast hit the depot.'
    )
    pieces = [(0, text), (len(text) + 1, "Slammed Doors Tour Opens In Harbour City")]
    scored = framing.score_words({"a": pieces})["a"]
    quiet = [framing.ScoredWord(w.start, w.end, w.text, 0.0, w.eligible) for w in scored]  # the head flags nothing
    spans = framing.loaded_language(pieces, scored=quiet, threshold=0.995)
    # "claimed" weighs the truth of what is reported; the second "slammed" is inside a speaker's long quotation;
    # "blast" is a noun form; the second piece is a title
    assert [(s["text"], s["kind"], s["start"]) for s in spans] == [
        ("slammed", "verb", text.index("slammed")),
        ("scoffing", "verb", text.index("scoffing")),
    ]
    assert {s["confidence"] for s in spans} == {framing.LOADED_CONFIDENCE["verb"]}


def test_a_verb_the_head_already_flags_is_one_span_and_every_kind_has_a_confidence():
    text = 'Critics blasted the "reforms" as a cruel sham, and the minister touted them.'
    scored = _scored(text, {"blasted": 0.999, "reforms": 0.6, "cruel": 0.999})
    spans = framing.loaded_language([(0, text)], scored=scored, threshold=0.995)
    assert [(s["text"], s["kind"]) for s in spans] == [
        ("blasted", "model"),
        ("reforms", "scare_quote"),
        ("cruel", "model"),
        ("touted", "verb"),
    ]
    assert {s["kind"]: s["confidence"] for s in spans} == {
        kind: framing.LOADED_CONFIDENCE[kind] for kind in ("model", "scare_quote", "verb")
    }


def test_verb_forms_are_the_regular_inflections_and_only_past_and_ing_forms_are_flagged():
    assert framing.verb_forms("slam") == {"slam", "slams", "slammed", "slamming"}
    assert framing.verb_forms("decry") == {"decry", "decries", "decried", "decrying"}
    assert framing.verb_forms("deride") == {"deride", "derides", "derided", "deriding"}
    assert framing.verb_forms("bash") == {"bash", "bashes", "bashed", "bashing"}
    assert framing.verb_forms("trumpet") == {"trumpet", "trumpets", "trumpeted", "trumpeting"}
    verbs = framing.side_taking_verbs()
    assert {"slammed", "scoffing", "touted", "lambasted", "decried"} <= verbs
    assert not {"blast", "smears", "claimed", "admitted", "conceded", "said", "told"} & verbs


def test_a_flag_grows_over_neighbours_over_the_grow_score_and_a_run_without_a_flag_stays_out():
    text = "The council exposed the rotten inner workings of a shabby, sorry deal, Adams wrote, a rather odd one."
    scores = {"rotten": 0.999, "inner": 0.7, "workings": 0.6, "the": 0.2, "shabby": 0.999, "sorry": 0.8}
    scores |= {"Adams": 0.9, "wrote": 0.6, "rather": 0.9, "odd": 0.9}
    scored = _scored(text, scores, eligible=lambda word: word != "Adams")
    spans = framing.flagged_spans(scored, threshold=0.995)
    # "the" is under the grow score; the comma keeps "sorry" apart (two characters); a name never joins a flag;
    # "rather odd" is over the grow score but holds no word at the threshold, so it is no flag
    assert [s["text"] for s in spans] == ["rotten inner workings", "shabby"]
    assert spans[0]["start"] == text.index("rotten") and spans[0]["score"] == 0.999
    assert [s["text"] for s in framing.flagged_spans(scored, threshold=0.995, grow=0.995)] == ["rotten", "shabby"]


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def test_words_that_call_names_gain_from_the_insult_score_and_mild_evaluative_words_do_not(monkeypatch):
    text = (
        "The minister called the striking dockers traitors and thugs, a dramatic turn in a heated debate over the "
        "harbour budget."
    )
    combined = {w.text: w.score for w in framing.score_words({"a": [(0, text)]})["a"]}
    monkeypatch.setattr(framing, "LOADED_INSULT_WEIGHT", 0.0)
    alone = {w.text: w.score for w in framing.score_words({"a": [(0, text)]})["a"]}

    def lift(word: str) -> float:
        return _logit(combined[word]) - _logit(alone[word])

    assert min(lift("traitors"), lift("thugs")) > max(lift("dramatic"), lift("heated")) + 0.3
    assert combined["thugs"] > alone["thugs"] and combined["heated"] <= alone["heated"]


def test_the_insult_weight_leaves_a_plain_word_and_an_unread_word_as_they_were(monkeypatch):
    scores = np.array([0.9, 0.5, 0.9, 0.0], np.float32)
    insults = np.array([framing.LOADED_INSULT_CENTRE, 3.0, -6.0, -np.inf])
    out = framing.with_insult(scores, insults)
    assert out[0] == pytest.approx(0.9) and out[3] == 0.0  # at the centre; no piece read
    assert out[1] > 0.5 and out[2] < 0.9  # an insulting word gains, a word far from any insult loses
    assert framing.loaded_threshold() == framing.LOADED_THRESHOLD
    monkeypatch.setattr(framing, "LOADED_INSULT_WEIGHT", 0.0)
    assert framing.loaded_threshold() == heads.load(framing.LOADED_HEAD).thresholds["loaded"]
