"""The loaded-language head's training rows: MBIC's marked words and the sentences written for the project
(``framing_training.read_written``), each word piece labelled by whether it overlaps a marked word. Sentences
written for these tests."""

from __future__ import annotations

import json

import numpy as np

from rashomon import framing_training


def test_written_sentences_give_the_spans_of_their_loaded_words(tmp_path):
    path = tmp_path / "written.jsonl"
    rows = [
        {
            "text": "The council rammed through a lavish pay rise for the mayor of Port Sarn.",
            "loaded": ["rammed through", "lavish"],
        },
        {"text": "The council approved a pay rise for the mayor on Tuesday.", "loaded": []},
        {"text": "Critics called the 'reform' a sham, and the 'reform' passed anyway.", "loaded": ["'reform'"]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    texts, spans = framing_training.read_written(path)
    assert texts == [r["text"] for r in rows]
    assert [texts[0][a:b] for a, b in spans[0]] == ["rammed through", "lavish"]
    assert spans[1] == []
    assert [texts[2][a:b] for a, b in spans[2]] == ["'reform'", "'reform'"]  # every occurrence


def test_a_marked_word_inside_another_word_is_not_found(tmp_path):
    path = tmp_path / "written.jsonl"
    path.write_text(
        json.dumps({"text": "The brave crew braved the storm.", "loaded": ["brave"]}) + "\n", encoding="utf-8"
    )
    texts, spans = framing_training.read_written(path)
    assert [texts[0][a:b] for a, b in spans[0]] == ["brave"]
    assert spans[0] == [(4, 9)]


def test_word_pieces_are_labelled_by_overlap_with_the_marked_spans():
    offsets = [np.array([[0, 3], [4, 10], [11, 14]])]  # "the lavish sum"
    labels = framing_training.token_labels(offsets, [[(4, 10)]])
    assert labels.tolist() == [False, True, False]
