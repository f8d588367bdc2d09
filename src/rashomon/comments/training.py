"""The recipes that turn the permitted data sets into the shipped comment models.

``scripts/train.py`` calls these to write the model files; ``eval/abuse.py`` and ``eval/sarcasm.py`` call
the same functions on training folds, so what is measured is what ships. Every random choice uses
``models.SEED``.

Abuse heads and the rows they learn from (weights in brackets):

- ``toxicity``: OLID level A (1.0), Davidson offensive-or-hate vs neither (0.1). In 5-fold cross-validation on
  OLID (``eval/abuse.py``) Davidson at 0.3 cost 0.006 macro-F1 (tuned 0.733 vs 0.739); at 0.1 OLID macro-F1
  is the same as without Davidson (0.734 vs 0.733 at 0.5, 0.739 tuned for both) while Davidson's own
  toxicity macro-F1 stays at 0.907 (0.702 without it), so 0.1 is kept.
- ``insult``: OLID level B, targeted insult or threat (1.0)
- ``identity_attack``: OLID level C, group target (1.0), Davidson hate speech (0.5)
- ``severe_toxicity``: Davidson hate speech (1.0)

The toxicity and insult heads are NB-LR (features scaled by naive-Bayes log-count ratios, see ``NB_HEADS``).
Each head's calibration curve and threshold are fitted on its first (main) data set only. Every head also
learns from the project's own neutral sentences (``data/comments/identity_neutral.yaml``)
as negatives, so that naming a group or reporting a war does not read as abuse. Profanity is a lexicon
(``data/comments/abuse.yaml``), not a head: no permitted data set labels it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from . import datasets
from .features import featurize_counts, weigh
from .models import LOGISTIC_C, FittedHead, LinearModel, fit_head, fit_idf

#: Head name -> list of (source, label column, weight). ``neutral`` rows are always negatives.
ABUSE_RECIPE: dict[str, list[tuple[str, str, float]]] = {
    "toxicity": [("olid", "offensive", 1.0), ("davidson", "offensive", 0.1), ("neutral", "", 1.0)],
    "insult": [("olid", "targeted", 1.0), ("neutral", "", 1.0)],
    "identity_attack": [("olid", "group", 1.0), ("davidson", "hate", 0.5), ("neutral", "", 1.0)],
    "severe_toxicity": [("davidson", "hate", 1.0), ("neutral", "", 1.0)],
}


#: Per head, the grid of logistic-regression ``C`` searched by inner cross-validation on the training rows
#: (``models.fit_head``); heads not listed use ``models.LOGISTIC_C``.
C_GRID: dict[str, tuple[float, ...]] = {"toxicity": (1.0, 2.0, 3.0, 5.0)}

#: Heads fitted as NB-LR. In cross-validation NB scaling raised toxicity and insult (+0.01 to +0.03 macro-F1 on
#: OLID) but lowered the ROC-AUC of the rare identity_attack and severe_toxicity heads, which stay plain.
NB_HEADS = ("toxicity", "insult")


def subset(data: datasets.Labelled, index: Sequence[int] | None) -> datasets.Labelled:
    """Rows ``index`` of a data set (all rows when ``index`` is None)."""
    if index is None:
        return data
    return datasets.Labelled([data.texts[i] for i in index], {k: [v[i] for i in index] for k, v in data.labels.items()})


def train_abuse(
    olid: datasets.Labelled,
    davidson: datasets.Labelled,
    heads: Sequence[str] = tuple(ABUSE_RECIPE),
    log=print,
) -> tuple[LinearModel, dict[str, FittedHead]]:
    """Fit the abuse heads on the given rows (pass training folds to evaluate)."""
    neutral = datasets.neutral_identity_texts()
    sources = {"olid": olid, "davidson": davidson, "neutral": datasets.Labelled(neutral, {})}
    counts = {name: featurize_counts(data.texts) for name, data in sources.items()}
    idf = fit_idf(sp.vstack(list(counts.values())).tocsr())
    weighted = {name: weigh(matrix, idf) for name, matrix in counts.items()}
    fitted: dict[str, FittedHead] = {}
    for head in heads:
        blocks, labels, weights = [], [], []
        for source, column, weight in ABUSE_RECIPE[head]:
            data = sources[source]
            blocks.append(weighted[source])
            labels.append(np.asarray(data.labels[column]) if column else np.zeros(len(data.texts), dtype=int))
            weights.append(np.full(len(data.texts), weight))
        y = np.concatenate(labels)
        primary = np.zeros(len(y), dtype=bool)
        primary[: len(sources[ABUSE_RECIPE[head][0][0]].texts)] = True  # calibrate on the head's main data set
        fitted[head] = fit_head(
            sp.vstack(blocks).tocsr(),
            y,
            np.concatenate(weights),
            calibrate_on=primary,
            nb=head in NB_HEADS,
            c=C_GRID.get(head, LOGISTIC_C),
        )
        log(
            f"  {head}: {int(y.sum())} positives of {len(y)} rows, C {fitted[head].c:g}, "
            f"threshold {fitted[head].threshold:.3f}"
        )
    weights = np.stack([fitted[h].coef for h in heads], axis=1)
    model = LinearModel([fitted[h].head(h) for h in heads], weights, idf)
    return model, fitted


def train_sarcasm(data: datasets.Labelled, log=print) -> tuple[LinearModel, FittedHead]:
    """Fit the sarcasm head on iSarcasmEval rows; its threshold maximizes F1 of the sarcastic class."""
    counts = featurize_counts(data.texts)
    idf = fit_idf(counts)
    matrix = weigh(counts, idf)
    y = np.asarray(data.labels["sarcastic"])
    fitted = fit_head(matrix, y, objective="positive", c=1.0)
    log(f"  sarcasm: {int(y.sum())} positives of {len(y)} rows, threshold {fitted.threshold:.3f}")
    weights = fitted.coef[:, None]
    return LinearModel([fitted.head("sarcasm")], weights, idf), fitted


__all__ = ["ABUSE_RECIPE", "subset", "train_abuse", "train_sarcasm"]
