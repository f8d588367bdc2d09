"""Training of the loaded-language token head (``make train``): MBIC's bias-inducing words on the encoder.

MBIC (``bias/mbic``, Apache-2.0) gives 1,700 news sentences and, for each, the words survey annotators marked as
making it biased. Each word piece of a sentence is labelled 1 when it overlaps a marked word, and an MLP reads the
encoder's token vectors (frozen). scikit-learn fits it with :data:`SEEDS` fixed seeds, whose mean logit is one
wider MLP; the weights become a :class:`rashomon.heads.Head` (``framing-loaded``), so the product runs it with
numpy. Needs pandas + openpyxl to read the spreadsheet (training only).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np

from .heads import Head, Layer

SEED = 20140101
HEAD_NAME = "framing-loaded"
HIDDEN = 128
#: MLPs fitted with seeds ``SEED .. SEED + SEEDS - 1`` whose logits are averaged: one seed's head moved BASIL
#: precision by up to 0.1 at a threshold (see the head's card), and the mean of the seeds' logits is itself one
#: MLP (their hidden units side by side, the output weights divided by ``SEEDS``), so the product runs it as any
#: head.
SEEDS = 5
#: The flag threshold, chosen on BASIL-dev 2010-2012 (precision first; see the head's card).
THRESHOLD = 0.995


def read_mbic(folder: Path) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """MBIC's sentences and the character spans of their marked words (every whole-word occurrence)."""
    import pandas as pd

    frame = pd.read_excel(folder / "labeled_dataset.xlsx")
    texts, spans = [], []
    for sentence, marked in zip(frame["sentence"], frame["biased_words4"], strict=True):
        text = str(sentence)
        words = ast.literal_eval(marked) if isinstance(marked, str) else []
        texts.append(text)
        spans.append(word_spans(text, words, re.I))
    return texts, spans


def word_spans(text: str, words, flags: int = 0) -> list[tuple[int, int]]:
    """The character spans of every whole-word occurrence of each of ``words`` in ``text`` (``flags``: ``re.I`` for
    MBIC, whose marked words are lower-cased; the written sentences give theirs as written)."""
    return [
        (m.start(), m.end())
        for word in words
        for m in re.finditer(r"(?<!\w)" + re.escape(str(word).strip()) + r"(?!\w)", text, flags)
    ]


def read_written(path: Path) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """News sentences written for the project with the words that carry the writer's judgement
    (``eval/data/loaded_written.jsonl``: ``text``, ``loaded``, a list of words or phrases as written; none for a
    plain sentence), and the character spans of those words (every whole-word occurrence, as :func:`read_mbic`)."""
    import json

    texts, spans = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = str(row["text"])
        texts.append(text)
        spans.append(word_spans(text, row.get("loaded") or []))
    return texts, spans


def token_labels(offsets: list[np.ndarray], spans: list[list[tuple[int, int]]]) -> np.ndarray:
    labels = []
    for pieces, marked in zip(offsets, spans, strict=True):
        pieces = pieces.reshape(-1, 2)
        y = np.zeros(len(pieces), dtype=bool)
        for start, end in marked:
            y |= (pieces[:, 0] < end) & (pieces[:, 1] > start)
        labels.append(y)
    return np.concatenate(labels)


def train_loaded(folder: Path, encoder=None, written: Path | None = None) -> Head:
    """Fit the token head on MBIC under ``folder`` (and the sentences of ``written``, when given:
    :func:`read_written`) and return it (thresholds: :data:`THRESHOLD`)."""
    from sklearn.neural_network import MLPClassifier

    from . import encoder as encoder_module

    enc = encoder or encoder_module.load()
    texts, spans = read_mbic(folder)
    if written is not None:
        more_texts, more_spans = read_written(written)
        texts, spans = texts + more_texts, spans + more_spans
    encoding = enc.encode(texts, tokens=True)
    assert encoding.tokens is not None and encoding.offsets is not None
    width = encoding.sentences.shape[1]
    x = np.concatenate([t.reshape(-1, width) for t in encoding.tokens]).astype(np.float32)
    y = token_labels(encoding.offsets, spans)
    hidden_weights, hidden_biases, out_weights, out_bias = [], [], [], np.zeros(1)
    for seed in range(SEED, SEED + SEEDS):
        model = MLPClassifier(
            hidden_layer_sizes=(HIDDEN,), alpha=1e-3, max_iter=60, random_state=seed, early_stopping=True
        )
        model.fit(x, y)
        (w0, w1), (b0, b1) = model.coefs_, model.intercepts_
        hidden_weights.append(w0)
        hidden_biases.append(b0)
        out_weights.append(w1 / SEEDS)
        out_bias = out_bias + b1 / SEEDS
    return Head(
        name=HEAD_NAME,
        input="token",
        layers=(
            Layer(
                np.hstack(hidden_weights).astype(np.float32), np.concatenate(hidden_biases).astype(np.float32), "relu"
            ),
            Layer(np.vstack(out_weights).astype(np.float32), out_bias.astype(np.float32)),
        ),
        output="sigmoid",
        labels=("loaded",),
        thresholds={"loaded": THRESHOLD},
    )
