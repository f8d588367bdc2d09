"""Training of the toxic-span head (``make train``): Toxic Spans (CC0) on the frozen shared encoder.

Each word piece of a comment is labelled 1 when it overlaps a character the raters marked (at least half of
them: the SemEval-2021 Task 5 rule), and a one-hidden-layer MLP reads :func:`spans.features` (the piece, its
neighbours, the comment's sentence vector). torch (the ``train`` extra) fits it with a fixed seed on one thread;
the weights become a :class:`rashomon.heads.Head`, so the product runs it with numpy.

The report shows the head's spans beside the abuse lexicon's words, so the threshold is chosen for the two
together, on the development split (``tsd_trial``, never the test split), precision first: the lowest threshold
of ``THRESHOLDS`` whose spans (with the lexicon's) are right on at least ``MIN_PRECISION`` of their characters.

Training rows: the SemEval training posts (``tsd_train``) and the ACL 2022 release's other posts (their spans
counted as SemEval counts them, among the raters who marked any), without the trial and test posts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..heads import Head, Layer
from . import spans
from .datasets import SpanSet

SEED = 20210405
HIDDEN = 256
EPOCHS = 1
BATCH = 512
LEARNING_RATE = 1e-3
DROPOUT = 0.2
#: Thresholds tried on the development split.
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.3, 0.91, 0.05))
#: Character precision the shipped spans (head and lexicon together) must reach on the development split.
MIN_PRECISION = 0.75


def training_set(data_dir) -> SpanSet:
    """``tsd_train`` plus the ACL release's posts that are in none of the SemEval files."""
    from .datasets import read_toxic_spans, read_tsd

    train = read_tsd(data_dir, "train")
    held = set(read_tsd(data_dir, "trial").texts) | set(read_tsd(data_dir, "test").texts)
    extra = read_toxic_spans(data_dir, held | set(train.texts))
    return SpanSet(train.texts + extra.texts, train.spans + extra.spans, train.types + extra.types)


def piece_labels(offsets: np.ndarray, marked: Sequence[tuple[int, int]]) -> np.ndarray:
    """1 for each piece overlapping a marked span."""
    pieces = np.asarray(offsets).reshape(-1, 2)
    y = np.zeros(len(pieces), dtype=bool)
    for start, end in marked:
        y |= (pieces[:, 0] < end) & (pieces[:, 1] > start)
    return y


def encode(data: SpanSet, encoder) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray]:
    """Token vectors, offsets and sentence vectors of every text."""
    encoding = encoder.encode(data.texts, tokens=True)
    assert encoding.tokens is not None and encoding.offsets is not None
    return encoding.tokens, encoding.offsets, encoding.sentences


def fit(tokens, offsets, sentences, data: SpanSet, log=print) -> Head:
    """The MLP on the pieces of ``data`` (threshold unset: see :func:`choose_threshold`)."""
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    x = torch.tensor(np.vstack([spans.features(t, s) for t, s in zip(tokens, sentences, strict=True)]))
    y = torch.tensor(
        np.concatenate([piece_labels(o, m) for o, m in zip(offsets, data.spans, strict=True)]).astype(np.float32)
    )
    log(f"  spans: {len(data.texts):,} comments, {len(y):,} pieces, {float(y.mean()):.3f} marked")
    net = torch.nn.Sequential(
        torch.nn.Linear(x.shape[1], HIDDEN), torch.nn.ReLU(), torch.nn.Dropout(DROPOUT), torch.nn.Linear(HIDDEN, 1)
    )
    optimizer = torch.optim.AdamW(net.parameters(), lr=LEARNING_RATE, weight_decay=1e-4)
    generator = torch.Generator().manual_seed(SEED)
    net.train()
    for _ in range(EPOCHS):
        order = torch.randperm(len(y), generator=generator)
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(net(x[rows]).squeeze(1), y[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    state = {name: value.detach().numpy() for name, value in net.state_dict().items()}
    return Head(
        name=spans.SPAN_HEAD,
        input="token",
        layers=(
            Layer(state["0.weight"].T.copy(), state["0.bias"].copy(), "relu"),
            Layer(state["3.weight"].T.copy(), state["3.bias"].copy()),
        ),
        output="sigmoid",
        labels=("toxic",),
        features=spans.FEATURES,
    )


def evaluate(head: Head, data: SpanSet, tokens, offsets, sentences, threshold: float, extra=None) -> dict:
    """SemEval-2021 Task 5 character F1 (mean over posts) and character precision and recall (pooled) of the
    head's spans (with ``extra`` spans per text, the lexicon's, when given)."""
    return score_predictions(data, predict(head, data, tokens, offsets, sentences, threshold, extra))


def score_predictions(data: SpanSet, predicted: Sequence[Sequence]) -> dict:
    """The SemEval figures of predicted spans (``spans.Span`` or ``(start, end)``) against ``data``'s gold."""
    f1s, overlap, n_predicted, n_gold = [], 0, 0, 0
    for found, gold_spans in zip(predicted, data.spans, strict=True):
        chars, gold = spans.span_chars(found), spans.span_chars(gold_spans)
        f1s.append(spans.char_f1(chars, gold))
        overlap, n_predicted, n_gold = overlap + len(chars & gold), n_predicted + len(chars), n_gold + len(gold)
    return {
        "f1": round(float(np.mean(f1s)), 4),
        "precision": round(overlap / max(n_predicted, 1), 4),
        "recall": round(overlap / max(n_gold, 1), 4),
        "posts": len(f1s),
    }


def predict(head: Head, data: SpanSet, tokens, offsets, sentences, threshold: float, extra=None) -> list[list]:
    """The head's spans of every text at ``threshold``, with ``extra`` spans per text (the lexicon's) added."""
    scores = spans.piece_scores(tokens, sentences, head)
    found: list[list] = [
        [(p.start, p.end) for p in spans.spans_from_scores(t, o, s, threshold)]
        for t, o, s in zip(data.texts, offsets, scores, strict=True)
    ]
    if extra is not None:
        found = [a + list(b) for a, b in zip(found, extra, strict=True)]
    return found


def choose_threshold(head: Head, dev: SpanSet, tokens, offsets, sentences, extra=None) -> tuple[float, dict]:
    """The lowest threshold of ``THRESHOLDS`` whose spans (with ``extra``) reach ``MIN_PRECISION`` on the
    development split (the F1-best one if none does), and its figures there."""
    table = {t: score_predictions(dev, predict(head, dev, tokens, offsets, sentences, t, extra)) for t in THRESHOLDS}
    precise = [t for t in THRESHOLDS if table[t]["precision"] >= MIN_PRECISION]
    chosen = precise[0] if precise else max(THRESHOLDS, key=lambda t: table[t]["f1"])
    return chosen, table[chosen]


def with_threshold(head: Head, threshold: float) -> Head:
    """``head`` with its flag threshold set, its weights stored as float16 (half the file; scores move in the
    fourth decimal)."""
    return Head(
        name=head.name,
        input=head.input,
        layers=tuple(
            Layer(la.weight.astype(np.float16), la.bias.astype(np.float16), la.activation) for la in head.layers
        ),
        output=head.output,
        labels=head.labels,
        encoder=head.encoder,
        thresholds={"toxic": round(float(threshold), 4)},
        features=head.features,
    )


def lexicon_spans(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """The abuse lexicon's words and phrases in each text (profanity, insults, slurs), as spans."""
    from .abuse import lexicon_hits

    return [[(h.start, h.end) for h in lexicon_hits(t)] for t in texts]


def train_spans(data_dir, encoder, log=print) -> tuple[Head, dict]:
    """Fit the span head on :func:`training_set` and set its threshold on ``tsd_trial`` (see the module)."""
    from .datasets import read_tsd

    train, dev = training_set(data_dir), read_tsd(data_dir, "trial")
    log(f"  encoding {len(train.texts):,} training and {len(dev.texts):,} development posts")
    head = fit(*encode(train, encoder), train, log=log)
    threshold, figures = choose_threshold(head, dev, *encode(dev, encoder), extra=lexicon_spans(dev.texts))
    log(f"  spans: threshold {threshold} (development: {figures})")
    return with_threshold(head, threshold), {"threshold": threshold, "development_with_lexicon": figures}
