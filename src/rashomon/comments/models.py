"""Calibrated linear models over hashed n-grams: how they are fitted, stored and applied.

A model file (``src/rashomon/data/models/*.npz``) holds, for a set of named heads sharing one feature space,
a weight matrix (``N_FEATURES x heads``, float16), intercepts, the idf vector of the training corpus, and per
head an isotonic calibration curve (thresholds of the raw logit and the probability at each), so that
``score(texts)`` returns calibrated probabilities in 0..1 with no scikit-learn object unpickled at run time.
Fitting (``fit_head``) uses scikit-learn and is only imported by the training script and the evaluations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import N_FEATURES, featurize

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"

# --- settings ------------------------------------------------------------------------------------------
#: Regularization strength (scikit-learn's ``C``) of every logistic-regression head.
LOGISTIC_C = 3.0
#: Folds used to fit the isotonic calibration on out-of-fold logits.
CALIBRATION_FOLDS = 3
#: Fixed seed for every random choice of training and evaluation.
SEED = 20161128
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

    @property
    def names(self) -> list[str]:
        return [h.name for h in self.heads]

    def features(self, texts: Sequence[str]):
        return featurize(texts, self.idf)

    def logits(self, matrix) -> np.ndarray:
        return np.asarray(matrix @ self.weights) + np.array([h.intercept for h in self.heads], dtype=np.float32)

    def score(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Calibrated probability per head for each text."""
        raw = self.logits(self.features(texts))
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
    def load(cls, path: Path) -> "LinearModel":
        with np.load(path, allow_pickle=False) as f:
            names = [str(n) for n in f["names"]]
            heads = [
                Head(name, float(b), f[f"curve_x:{name}"].astype(np.float64), f[f"curve_y:{name}"].astype(np.float64), float(t))
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


def fit_head(matrix, labels, sample_weight=None, *, c: float = LOGISTIC_C):
    """Fit one logistic-regression head and its isotonic calibration on out-of-fold logits.

    Returns ``(coef, intercept, curve_x, curve_y)``. The calibration curve comes from
    ``CalibratedClassifierCV(ensemble=False)``: logits predicted out of fold, one final model on all rows.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    base = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    folds = StratifiedKFold(CALIBRATION_FOLDS, shuffle=True, random_state=SEED)
    model = CalibratedClassifierCV(base, method="isotonic", cv=folds, ensemble=False)
    model.fit(matrix, labels, sample_weight=sample_weight)
    fitted = model.calibrated_classifiers_[0]
    estimator, iso = fitted.estimator, fitted.calibrators[0]
    return estimator.coef_[0].astype(np.float32), float(estimator.intercept_[0]), iso.X_thresholds_, iso.y_thresholds_
