"""Metrics shared by the comment evaluations and the training script, so every harness computes them alike.

scikit-learn is imported inside the functions: nothing here runs when a page is analysed."""

from __future__ import annotations

import numpy as np


def expected_calibration_error(labels, scores, bins: int = 10) -> float:
    """Mean |observed rate - mean score| over 10 equal-width score bins, weighted by bin size."""
    y, p = np.asarray(labels, dtype=float), np.clip(np.asarray(scores, dtype=float), 0, 1)
    which = np.clip(np.digitize(p, np.linspace(0, 1, bins + 1)[1:-1]), 0, bins - 1)
    return float(
        sum(
            abs(y[which == b].mean() - p[which == b].mean()) * (which == b).sum()
            for b in range(bins)
            if (which == b).any()
        )
        / len(y)
    )


def binary_figures(labels, scores, threshold: float = 0.5) -> dict[str, float]:
    from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

    y, p = np.asarray(labels), np.asarray(scores, dtype=float)
    predicted = p >= threshold
    return {
        "macro_f1": round(float(f1_score(y, predicted, average="macro", zero_division=0)), 4),
        "f1_positive": round(float(f1_score(y, predicted, zero_division=0)), 4),
        "precision": round(float(precision_score(y, predicted, zero_division=0)), 4),
        "recall": round(float(recall_score(y, predicted, zero_division=0)), 4),
        "roc_auc": round(float(roc_auc_score(y, p)), 4) if len(set(y.tolist())) == 2 else None,
        "ece": round(expected_calibration_error(y, p), 4),
        "threshold": round(float(threshold), 4),
    }
