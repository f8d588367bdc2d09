"""Calibrated linear models over hashed n-grams: how they are fitted, stored and applied.

A model file (``src/rashomon/data/models/*.npz``) holds, for a set of named heads sharing one feature space,
a weight matrix (``N_FEATURES x heads``, float16), intercepts, the idf vector of the training corpus, and per
head an isotonic calibration curve (thresholds of the raw logit and the probability at each), so that
``score(texts)`` returns calibrated probabilities in 0..1 with no scikit-learn object unpickled at run time.
Fitting (``fit_head``) uses scikit-learn and is only imported by the training script and the evaluations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..resources import data_path
from .features import N_FEATURES, featurize, featurize_counts

MODEL_DIR = data_path("models")

# --- settings ------------------------------------------------------------------------------------------
#: Regularization strength (scikit-learn's ``C``) of every logistic-regression head.
LOGISTIC_C = 3.0
#: Folds used to fit the isotonic calibration on out-of-fold logits.
CALIBRATION_FOLDS = 3
#: Fixed seed for every random choice of training and evaluation.
SEED = 20161128
#: Smoothing of the naive-Bayes log-count ratios (``nb_ratio``).
NB_ALPHA = 1.0
# ---------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Head:
    """One calibrated output: raw logit = x . weights + intercept, then the isotonic curve."""

    name: str
    intercept: float
    curve_x: np.ndarray
    curve_y: np.ndarray
    threshold: float = 0.5

    def calibrate(self, logits: np.ndarray) -> np.ndarray:
        return np.interp(logits, self.curve_x, self.curve_y)


@dataclass(slots=True)
class LinearModel:
    """Heads over one hashed feature space (see :mod:`rashomon.comments.features`)."""

    heads: list[Head]
    weights: np.ndarray  # N_FEATURES x len(heads), float32 at run time
    idf: np.ndarray
    #: ``weights`` with each row times its feature's idf: scoring then needs no weighted copy of the counts.
    idf_weights: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.idf_weights = np.ascontiguousarray(self.weights * self.idf[:, None], dtype=np.float32)

    @property
    def names(self) -> list[str]:
        return [h.name for h in self.heads]

    def features(self, texts: Sequence[str]):
        return featurize(texts, self.idf)

    def logits(self, matrix) -> np.ndarray:
        return np.asarray(matrix @ self.weights) + np.array([h.intercept for h in self.heads], dtype=np.float32)

    def score(self, texts: Sequence[str], counts=None) -> dict[str, np.ndarray]:
        """Calibrated probability per head for each text (``counts``: ``featurize_counts(texts)`` if at hand)."""
        counts = featurize_counts(texts) if counts is None else counts
        # Same as ``self.logits(weigh(counts, self.idf))``: (counts . idf . w) / |counts . idf|, without the copy.
        lengths = np.diff(counts.indptr)
        squares = (counts.data * self.idf[counts.indices]) ** 2
        norms = np.ones(counts.shape[0], dtype=np.float32)
        if counts.nnz:
            norms[lengths > 0] = np.sqrt(np.add.reduceat(squares, counts.indptr[:-1][lengths > 0]))
        raw = np.asarray(counts @ self.idf_weights) / norms[:, None] + np.array(
            [h.intercept for h in self.heads], dtype=np.float32
        )
        return {h.name: h.calibrate(raw[:, i]) for i, h in enumerate(self.heads)}

    def save(self, path: Path) -> None:
        arrays = {
            "weights": self.weights.astype(np.float16),
            "idf": self.idf.astype(np.float16),
            "names": np.array(self.names),
            "intercepts": np.array([h.intercept for h in self.heads], dtype=np.float64),
            "thresholds": np.array([h.threshold for h in self.heads], dtype=np.float64),
        }
        for h in self.heads:
            arrays[f"curve_x:{h.name}"] = h.curve_x.astype(np.float32)
            arrays[f"curve_y:{h.name}"] = h.curve_y.astype(np.float32)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as f:
            names = [str(n) for n in f["names"]]
            heads = [
                Head(
                    name,
                    float(b),
                    f[f"curve_x:{name}"].astype(np.float64),
                    f[f"curve_y:{name}"].astype(np.float64),
                    float(t),
                )
                for name, b, t in zip(names, f["intercepts"], f["thresholds"])
            ]
            weights = f["weights"].astype(np.float32)
            if weights.shape[0] != N_FEATURES:
                raise ValueError(f"{path.name} was trained for {weights.shape[0]} features, not {N_FEATURES}")
            return cls(heads, weights, f["idf"].astype(np.float32))


@lru_cache(maxsize=8)
def load_model(name: str) -> LinearModel:
    """Load a shipped model by file stem (``comments-abuse``), once per process."""
    path = MODEL_DIR / f"{name}.npz"
    if not path.exists():
        raise FileNotFoundError(f"model file {path} is missing: run 'make train'")
    return LinearModel.load(path)


# --- fitting (training script and evaluations only) -------------------------------------------------------


def fit_idf(matrix) -> np.ndarray:
    """Smoothed idf over the rows of an un-weighted feature matrix (as scikit-learn's TfidfTransformer)."""
    df = np.bincount(matrix.indices, minlength=N_FEATURES)
    return (np.log((1 + matrix.shape[0]) / (1 + df)) + 1).astype(np.float32)


@dataclass(slots=True)
class FittedHead:
    """What :func:`fit_head` returns: weights, bias, calibration curve, flag threshold, out-of-fold scores."""

    coef: np.ndarray
    intercept: float
    curve_x: np.ndarray
    curve_y: np.ndarray
    threshold: float
    oof: np.ndarray
    c: float = LOGISTIC_C  # the regularization strength kept (chosen by inner cross-validation from a grid)

    def head(self, name: str) -> Head:
        return Head(name, self.intercept, self.curve_x, self.curve_y, self.threshold)

    def predict(self, matrix) -> np.ndarray:
        return np.interp(matrix @ self.coef + self.intercept, self.curve_x, self.curve_y)


def best_threshold(labels: np.ndarray, scores: np.ndarray, objective: str = "macro") -> float:
    """The score cut that maximizes macro-F1 (``objective="macro"``) or F1 of class 1 (``"positive"``)."""
    from sklearn.metrics import f1_score

    average = "macro" if objective == "macro" else "binary"
    candidates = np.unique(np.round(scores, 3))
    candidates = candidates[(candidates > 0.02) & (candidates < 0.98)]
    if candidates.size == 0:
        return 0.5
    if candidates.size > 200:
        candidates = np.quantile(candidates, np.linspace(0, 1, 200))
    f1 = [f1_score(labels, scores >= c, average=average, zero_division=0) for c in candidates]
    return float(candidates[int(np.argmax(f1))])


def nb_ratio(matrix, labels, weight, alpha: float = NB_ALPHA) -> np.ndarray:
    """Naive-Bayes log-count ratio per feature (Wang & Manning 2012): how much more often a feature occurs in
    positive than in negative rows. Scaling features by it before a logistic regression (NB-LR) helps on
    short texts; the scaling folds into the stored weights, so scoring costs nothing more."""
    presence = matrix.copy()
    presence.data[:] = 1.0
    positive = np.asarray(presence.T @ (weight * (labels == 1))).ravel() + alpha
    negative = np.asarray(presence.T @ (weight * (labels == 0))).ravel() + alpha
    return np.log((positive / positive.sum()) / (negative / negative.sum())).astype(np.float32)


def _fit_lr(matrix, labels, weight, c: float, nb: bool):
    """A balanced logistic regression, on NB-scaled features when ``nb``; returns (coef, intercept)."""
    from sklearn.linear_model import LogisticRegression

    ratio = nb_ratio(matrix, labels, weight) if nb else None
    scaled = matrix.multiply(ratio).tocsr() if nb else matrix
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(scaled, labels, sample_weight=weight)
    coef = model.coef_[0] * ratio if nb else model.coef_[0]
    return coef.astype(np.float32), float(model.intercept_[0])


def fit_head(
    matrix,
    labels,
    sample_weight=None,
    *,
    c: float | Sequence[float] = LOGISTIC_C,
    objective: str = "macro",
    calibrate_on=None,
    nb: bool = False,
) -> FittedHead:
    """Fit one logistic-regression head, its isotonic calibration and its flag threshold.

    Logits are predicted out of fold (``CALIBRATION_FOLDS``, fixed seed); an isotonic curve fitted on them
    maps a logit to a probability, and the threshold that maximizes ``objective`` on those out-of-fold
    probabilities becomes the flag threshold. The final weights are fitted on all rows. ``c`` may be a grid:
    each value's out-of-fold logits are computed and the one with the best ROC-AUC on the calibration rows is
    kept (an inner cross-validation: only the rows given are ever seen). ``calibrate_on`` (a boolean mask)
    restricts the curve, threshold and choice of ``c`` to the rows of the data set a score should be read
    against, so that auxiliary rows with another base rate do not shift what 0.8 means. ``nb`` scales the
    features by :func:`nb_ratio` (computed inside each fold, so the calibration sees no leak).
    """
    from sklearn.isotonic import IsotonicRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    labels = np.asarray(labels)
    weight = np.ones(len(labels)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    mask = np.ones(len(labels), dtype=bool) if calibrate_on is None else np.asarray(calibrate_on, dtype=bool)
    folds = list(
        StratifiedKFold(CALIBRATION_FOLDS, shuffle=True, random_state=SEED).split(np.zeros(len(labels)), labels)
    )
    best: tuple[float, float, np.ndarray] | None = None
    for value in (c,) if np.isscalar(c) else tuple(c):
        logits = np.zeros(len(labels))
        for train, test in folds:
            coef, intercept = _fit_lr(matrix[train], labels[train], weight[train], float(value), nb)
            logits[test] = matrix[test] @ coef + intercept
        auc = float(roc_auc_score(labels[mask], logits[mask])) if len(set(labels[mask].tolist())) == 2 else 0.0
        if best is None or auc > best[0]:
            best = (auc, float(value), logits)
    _, chosen, logits = best
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(logits[mask], labels[mask])
    oof = iso.predict(logits)
    coef, intercept = _fit_lr(matrix, labels, weight, chosen, nb)
    return FittedHead(
        coef,
        intercept,
        iso.X_thresholds_,
        iso.y_thresholds_,
        best_threshold(labels[mask], oof[mask], objective),
        oof,
        chosen,
    )
