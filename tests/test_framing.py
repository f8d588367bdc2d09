"""Framing: Fightin' Words log-odds, the conflict-framing lexicon, loaded-language spans, the PTC scorer."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from rashomon import framing

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


def test_framing_for_shape_is_json_plain():
    result = framing.framing_for({"a": [(0, SIDE_A)], "b": [(500, SIDE_B)]}, {"a": "Outlet A", "b": "Outlet B"})
    assert set(result) == {"a", "b"}
    entry = result["a"]
    assert entry["label"] == "Outlet A" and entry["words"] > 20
    assert set(entry) == {"label", "words", "distinctive", "lexicon", "lean", "loaded"}
    assert entry["lean"][0]["side"] == "opposition-leaning"
    assert result["b"]["lean"][0]["side"] == "government-leaning"
    assert any(r["term"] in ("insurgents", "captured") for r in entry["distinctive"])
    assert all(isinstance(r["z"], float) and isinstance(r["term"], str) for r in entry["distinctive"])
    assert all(s["start"] >= 500 for s in result["b"]["loaded"])


def test_one_account_has_no_contrast():
    result = framing.framing_for({"only": [(0, SIDE_A)]})
    assert result["only"]["distinctive"] == [] and result["only"]["lexicon"]


def _eval_module():
    path = Path(__file__).resolve().parents[1] / "eval" / "framing.py"
    spec = importlib.util.spec_from_file_location("eval_framing", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    import json

    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["basil_ours"]["span"]["f1"] > figures["basil_old_lexicon"]["span"]["f1"]
    assert figures["ptc_ours"]["f1"] > figures["ptc_old_lexicon"]["f1"]


def test_an_apostrophe_inside_a_word_never_opens_or_closes_a_scare_quote():
    text = "I’m told the ‘freed’ districts weren't \"liberated\", and don't say 'rebels' we’ve seen."
    assert [s["text"] for s in framing.scare_quotes(text)] == ["freed", "liberated", "rebels"]
    assert framing.scare_quotes("The officials' statement and the soldiers' orders.") == []


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
