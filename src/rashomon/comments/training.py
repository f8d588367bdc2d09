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

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..heads import Head, Layer, logodds
from . import datasets
from .features import featurize_counts, weigh
from .models import CALIBRATION_FOLDS, LOGISTIC_C, SEED, FittedHead, LinearModel, best_threshold, fit_head, fit_idf

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

#: Labels whose flag reads a blend of the two abuse models (``train_blend``: the n-gram head's and the encoder
#: head's log-odds, averaged with ``BLEND_ENCODER_WEIGHT``, then calibrated and given a threshold on their
#: out-of-fold scores). Issue 22, session 20: in 5-fold cross-validation on OLID the two models, each at ~0.81
#: ROC-AUC, blend to 0.84 for toxicity and 0.82 for insult (``eval/abuse.py``).
BLEND_LABELS = ("toxicity", "insult")
#: The encoder head's share of the blend (0.3 / 0.5 / 0.7 measured on one OLID fold: 0.5 best, macro-F1 +0.017
#: over the n-gram head alone at the best cut of each).
BLEND_ENCODER_WEIGHT = 0.5
#: The blend flags at its calibrated 0.5, as the ``fast`` mode's heads do (a flag right more often than not). On
#: OLID 5-fold the blend at 0.5 beats the n-gram toxicity head at 0.5 in both precision and recall; its
#: macro-F1-best cut (0.41) gave the stage's flags 0.015 more macro-F1 than before but 0.025 less precision.
BLEND_THRESHOLD = 0.5

#: Heads fitted as NB-LR. In cross-validation NB scaling raised toxicity and insult (+0.01 to +0.03 macro-F1 on
#: OLID) but lowered the ROC-AUC of the rare identity_attack and severe_toxicity heads, which stay plain.
NB_HEADS = ("toxicity", "insult")


def subset(data: datasets.Labelled, index: Sequence[int] | None) -> datasets.Labelled:
    """Rows ``index`` of a data set (all rows when ``index`` is None)."""
    if index is None:
        return data
    return datasets.Labelled([data.texts[i] for i in index], {k: [v[i] for i in index] for k, v in data.labels.items()})


def recipe_rows(
    head: str, sources: dict[str, datasets.Labelled], features: dict
) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
    """The rows of ``ABUSE_RECIPE[head]``: feature blocks (``features[source]``, one row per text), labels,
    weights, and the mask of the head's main data set (its calibration and threshold are fitted there only)."""
    blocks, labels, weights = [], [], []
    for source, column, weight in ABUSE_RECIPE[head]:
        data = sources[source]
        blocks.append(features[source])
        labels.append(np.asarray(data.labels[column]) if column else np.zeros(len(data.texts), dtype=int))
        weights.append(np.full(len(data.texts), weight))
    y = np.concatenate(labels)
    primary = np.zeros(len(y), dtype=bool)
    primary[: len(sources[ABUSE_RECIPE[head][0][0]].texts)] = True
    return blocks, y, np.concatenate(weights), primary


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
        blocks, y, weights, primary = recipe_rows(head, sources, weighted)
        fitted[head] = fit_head(
            sp.vstack(blocks).tocsr(),
            y,
            weights,
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
    """Fit the sarcasm head on iSarcasmEval rows; its threshold is the lowest calibrated score whose flags were
    right at least ``MIN_FLAG_PRECISION`` of the time on its out-of-fold scores (``precise_threshold``: never, when
    none was)."""
    counts = featurize_counts(data.texts)
    idf = fit_idf(counts)
    matrix = weigh(counts, idf)
    y = np.asarray(data.labels["sarcastic"])
    fitted = fit_head(matrix, y, objective="positive", c=1.0)
    fitted.threshold = precise_threshold(y, fitted.oof)
    log(f"  sarcasm: {int(y.sum())} positives of {len(y)} rows, threshold {fitted.threshold:.3f}")
    weights = fitted.coef[:, None]
    return LinearModel([fitted.head("sarcasm")], weights, idf), fitted


# --- heads on the shared encoder (the default mode) ------------------------------------------------------

#: A head fitted with ``objective="precision"`` (sarcasm) flags from the lowest calibrated score at which its flags
#: were right at least this often on the development folds (precision first: issue 22 asks for 0.6).
MIN_FLAG_PRECISION = 0.6
#: The threshold of a head no score of which was precise enough: above every calibrated score, so it never flags.
NEVER = 1.01

#: Regularization strength of the logistic-regression heads on encoder vectors (OLID 5-fold ROC-AUC was flat
#: from C 1 to 16: 0.813 to 0.814).
ENCODER_C = 4.0


def _fit_dense_lr(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y, sample_weight=w)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def fit_dense_head(
    x: np.ndarray,
    y: np.ndarray,
    weight: np.ndarray | None = None,
    *,
    calibrate_on: np.ndarray | None = None,
    objective: str = "macro",
    c: float = ENCODER_C,
) -> FittedHead:
    """A balanced logistic regression on dense vectors with an isotonic curve and a flag threshold, both fitted
    on its out-of-fold scores (``CALIBRATION_FOLDS`` folds of the rows given, fixed seed): the held-in
    development folds. ``calibrate_on`` keeps the curve and threshold to the rows of the head's main data set."""
    from sklearn.isotonic import IsotonicRegression
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y)
    weight = np.ones(len(y)) if weight is None else np.asarray(weight, dtype=float)
    mask = np.ones(len(y), dtype=bool) if calibrate_on is None else np.asarray(calibrate_on, dtype=bool)
    raw = np.zeros(len(y))
    for train, test in StratifiedKFold(CALIBRATION_FOLDS, shuffle=True, random_state=SEED).split(x, y):
        coef, intercept = _fit_dense_lr(x[train], y[train], weight[train], c)
        raw[test] = 1.0 / (1.0 + np.exp(-(x[test] @ coef + intercept)))
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw[mask], y[mask])
    oof = iso.predict(raw)
    coef, intercept = _fit_dense_lr(x, y, weight, c)
    if objective == "precision":
        threshold = precise_threshold(y[mask], oof[mask])
    else:
        threshold = best_threshold(y[mask], oof[mask], objective)
    return FittedHead(coef, intercept, iso.X_thresholds_, iso.y_thresholds_, threshold, oof, c)


def precise_threshold(labels: np.ndarray, scores: np.ndarray, minimum: float = MIN_FLAG_PRECISION) -> float:
    """The lowest score cut whose flags are right at least ``minimum`` of the time and that still flags 1 % of
    the rows; ``NEVER`` when no cut is that precise (precision first: abstain rather than guess)."""
    for cut in np.unique(np.round(scores, 4)):
        flagged = scores >= cut
        if flagged.mean() < 0.01:
            break
        if labels[flagged].mean() >= minimum:
            return float(cut)
    return NEVER


def dense_head(name: str, fits: dict[str, FittedHead], input_dim: int, features: str = "") -> Head:
    """The fitted heads as one shipped :class:`rashomon.heads.Head` (one linear layer, sigmoid, curves)."""
    labels = tuple(fits)
    weight = np.stack([fits[label].coef for label in labels], axis=1).astype(np.float32)
    if weight.shape[0] != input_dim:
        raise ValueError(f"head {name}: {weight.shape[0]} inputs, expected {input_dim}")
    bias = np.array([fits[label].intercept for label in labels], dtype=np.float32)
    return Head(
        name=name,
        input="sentence",
        layers=(Layer(weight, bias),),
        output="sigmoid",
        labels=labels,
        thresholds={label: round(fits[label].threshold, 4) for label in labels},
        calibration={
            label: (fits[label].curve_x.astype(np.float32), fits[label].curve_y.astype(np.float32)) for label in labels
        },
        features=features,
    )


def train_encoder_abuse(
    vectors: dict[str, np.ndarray],
    olid: datasets.Labelled,
    davidson: datasets.Labelled,
    heads: Sequence[str] = tuple(ABUSE_RECIPE),
    log=print,
) -> tuple[Head, dict[str, FittedHead]]:
    """The abuse heads of ``ABUSE_RECIPE`` on encoder vectors (``vectors``: source name -> one row per text of
    ``olid``, ``davidson`` and ``neutral``, in their order). Pass training folds to evaluate."""
    sources = {"olid": olid, "davidson": davidson, "neutral": datasets.Labelled(datasets.neutral_identity_texts(), {})}
    fits: dict[str, FittedHead] = {}
    for head in heads:
        blocks, y, weights, primary = recipe_rows(head, sources, vectors)
        fits[head] = fit_dense_head(np.vstack(blocks), y, weights, calibrate_on=primary)
        log(f"  {head}: {int(y.sum())} positives of {len(y)} rows, threshold {fits[head].threshold:.3f}")
    return dense_head(ENCODER_ABUSE_HEAD, fits, vectors["olid"].shape[1]), fits


def train_blend(
    linear: dict[str, FittedHead],
    encoder: dict[str, FittedHead],
    olid: datasets.Labelled,
    davidson: datasets.Labelled,
    labels: Sequence[str] = BLEND_LABELS,
    weight: float = BLEND_ENCODER_WEIGHT,
) -> Head:
    """The blend head (``input: scores``): per label, ``weight`` x the encoder head's log-odds + (1 - ``weight``) x
    the n-gram head's, through a sigmoid, then an isotonic curve fitted on the rows of the label's main data set;
    it flags at ``BLEND_THRESHOLD``. ``linear`` and ``encoder`` are the fits of ``train_abuse`` and ``train_encoder_abuse`` on
    the same ``olid`` and ``davidson`` rows. Both models' out-of-fold scores (``FittedHead.oof``) come
    from the same folds of the same rows (``recipe_rows``; ``CALIBRATION_FOLDS`` with one seed), so the blend is
    fitted on scores neither model saw its rows for: stacking without a leak."""
    from sklearn.isotonic import IsotonicRegression

    sources = {"olid": olid, "davidson": davidson, "neutral": datasets.Labelled(datasets.neutral_identity_texts(), {})}
    k = len(labels)
    layer = np.zeros((2 * k, k), dtype=np.float32)
    curves, thresholds = {}, {}
    for j, label in enumerate(labels):
        layer[j, j], layer[k + j, j] = 1.0 - weight, weight
        _, y, _, mask = recipe_rows(label, sources, dict.fromkeys(sources))
        raw = 1.0 / (
            1.0 + np.exp(-((1.0 - weight) * logodds(linear[label].oof) + weight * logodds(encoder[label].oof)))
        )
        iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw[mask], y[mask])
        curves[label] = (iso.X_thresholds_.astype(np.float32), iso.y_thresholds_.astype(np.float32))
        thresholds[label] = BLEND_THRESHOLD
    return Head(
        name=BLEND_ABUSE_HEAD,
        input="scores",
        layers=(Layer(layer, np.zeros(k, dtype=np.float32)),),
        output="sigmoid",
        labels=tuple(labels),
        thresholds=thresholds,
        calibration=curves,
        features="logodds:comments-abuse+" + ENCODER_ABUSE_HEAD,
    )


def train_encoder_sarcasm(vectors: np.ndarray, data: datasets.Labelled, log=print) -> tuple[Head, FittedHead]:
    """The sarcasm head on encoder vectors of iSarcasmEval beside the cues of ``data/comments/sarcasm.yaml``
    (``sarcasm.head_features``). Its flag threshold is the lowest calibrated score at which the flag was right at
    least ``MIN_FLAG_PRECISION`` of the time on the development folds (``precise_threshold``): the F1-best cut
    flags about two comments in three at a precision near 0.3, which tells a reader nothing."""
    from .sarcasm import HEAD_FEATURES, head_features

    y = np.asarray(data.labels["sarcastic"])
    features = head_features(vectors, data.texts)
    fit = fit_dense_head(features, y, objective="precision", c=1.0)
    log(f"  sarcasm: {int(y.sum())} positives of {len(y)} rows, threshold {fit.threshold:.3f}")
    return dense_head(ENCODER_SARCASM_HEAD, {"sarcasm": fit}, features.shape[1], HEAD_FEATURES), fit


#: The halves of the project's functional suites (``eval/data``) that fit the group-hate model: those already read
#: and mended on, and the suites written for training (session 50: T1 to T4 by four writers who saw no other suite;
#: session 51: T5, plain statements about groups, kind and hateful; T6, anger aimed at others on a group's behalf and
#: political talk that names groups, beside hate in the same registers; T7, minimal pairs of hate and look-alikes that
#: share its frame). The other halves are held out
#: (``eval/functional.py`` reports them apart) and never fit it.
FUNCTIONAL_TRAINING = {
    "functional.yaml": "AB",
    "functional_c.yaml": "A",
    "functional_d.yaml": "A",
    "functional_e.yaml": "A",
    "functional_t1.yaml": "AB",
    "functional_t2.yaml": "AB",
    "functional_t3.yaml": "AB",
    "functional_t4.yaml": "AB",
    "functional_t5.yaml": "AB",
    "functional_t6.yaml": "AB",
    "functional_t7.yaml": "AB",
}
#: The group-hate model flags from the lowest probability at which its flags were right this often on the rows kept
#: apart from its fine-tuning (whole templates: a template seen in training would flatter it).
GROUP_HATE_MIN_PRECISION = 0.93


#: Reader comments written for the project in the words of real comment sections (``eval/data``, one JSON object a
#: line: ``text``, ``label`` 1 for hate toward a group, ``set``): hate said plainly, politely or by insinuation, and
#: comments that report what a group suffers, speak for it, ask about it or argue policy (session 40: the templated
#: cases alone taught too little of how people write).
GROUP_COMMENTS = "group_comments.jsonl"


@dataclass(slots=True)
class GroupHateRows:
    """What the group-hate model is fine-tuned on (:func:`group_hate_rows`): each text as the comments stage reads
    it, its label (1: hate toward a group), its kind (``case``, ``comment`` or ``negative``) and, for a case, the
    template it was filled from (``suite:functionality:index``; empty for the others)."""

    texts: list[str]
    labels: list[int]
    kinds: list[str]
    templates: list[str]


def read_group_comments(path: Path) -> datasets.Labelled:
    """The written comments of ``GROUP_COMMENTS`` (none when the file is absent)."""
    if not Path(path).is_file():
        return datasets.Labelled([], {"hateful": []})
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return datasets.Labelled([r["text"] for r in rows], {"hateful": [int(r["label"]) for r in rows]})


def group_hate_rows(cases_dir: Path, data_dir: Path | None = None) -> GroupHateRows:
    """What the group-hate model is fine-tuned on: the read halves of the functional suites in ``cases_dir``
    (``FUNCTIONAL_TRAINING``) and the written comments there (``GROUP_COMMENTS``); as texts with no hate, the
    project's neutral identity sentences and talk about groups, and the MBIC news sentences that name a group (when
    ``data_dir`` holds ``bias/mbic``; Apache-2.0). No OLID or Davidson post: ``eval/abuse.py`` scores the shipped
    model on them, and a model fine-tuned once cannot leave each fold's posts out as a head refitted per fold did."""
    from . import functional_cases, mention, spelling

    cases = [
        case
        for name, halves in FUNCTIONAL_TRAINING.items()
        for case in functional_cases.load_cases(Path(cases_dir) / name, halves)
    ]
    negatives = datasets.neutral_identity_texts() + datasets.group_talk_texts()
    if data_dir is not None and (Path(data_dir) / "bias" / "mbic").is_dir():
        from ..framing_training import read_mbic

        negatives += [t for t in read_mbic(Path(data_dir) / "bias" / "mbic")[0] if mention.names_a_group(t)]
    comments = read_group_comments(Path(cases_dir) / GROUP_COMMENTS)
    rows = GroupHateRows([], [], [], [])
    parts = (
        ([c.text for c in cases], [int(c.hateful) for c in cases], "case", [c.template for c in cases]),
        (comments.texts, comments.labels["hateful"], "comment", [""] * len(comments.texts)),
        (negatives, [0] * len(negatives), "negative", [""] * len(negatives)),
    )
    for texts, labels, kind, templates in parts:
        rows.texts += [spelling.reading(t)[0] for t in texts]
        rows.labels += [int(label) for label in labels]
        rows.kinds += [kind] * len(texts)
        rows.templates += templates
    return rows


#: The sentences and comments written for the stance head and model (session 41), in ``eval/data``: one line per
#: text and target, ``{"text", "target", "stance", "kind", "writer"}``, the target as written in the text.
STANCE_WRITTEN = "stance_written.jsonl"
#: Regularization of the stance head (on standardised features; from 0.01 to 0.1 the written held-out set and
#: NewsMTSC dev moved by under 0.02 macro-F1).
STANCE_C = 0.03


@dataclass(slots=True)
class StanceRows:
    """Texts, each with its target's mentions (character spans) and its stance toward it (``anti``, ``neutral``,
    ``pro``)."""

    texts: list[str]
    mentions: list[list[tuple[int, int]]]
    stances: list[str]
    #: Each row's held-out set (``set`` in the file: A, B), empty for the training rows.
    sets: list[str]


def read_stance_written(path: Path) -> StanceRows:
    """The written stance rows of ``STANCE_WRITTEN`` or of its held-out file (the target's first occurrence in the
    text is its mention); a row whose target is empty or not in its text, or whose stance is none of the three, is
    refused."""
    rows = StanceRows([], [], [], [])
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        text, target, stance = str(item.get("text", "")), str(item.get("target", "")), item.get("stance")
        start = text.find(target) if target.strip() else -1
        if start < 0 or stance not in ("anti", "neutral", "pro"):
            raise ValueError(f"{path}:{number}: target {target!r} is not in its text, or stance {stance!r}")
        rows.texts.append(text)
        rows.mentions.append([(start, start + len(target))])
        rows.stances.append(stance)
        rows.sets.append(str(item.get("set", "")))
    return rows


def stance_features(rows: StanceRows, encoder) -> np.ndarray:
    """The stance head's input for ``rows`` (:func:`rashomon.comments.stance.head_features`). Each row is its
    whole written text (one to three sentences), where the stage reads the one sentence that names the actor."""
    from .stance import head_features

    encoded = encoder.encode(rows.texts, tokens=True)
    return head_features(encoded.sentences, encoded.tokens, encoded.offsets, rows.mentions)


def _fit_stance_lr(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A balanced multinomial logistic regression on standardised ``x``, the standardisation folded into its
    weights: (inputs, 3) and (3,), classes anti / neutral / pro."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    model = LogisticRegression(C=STANCE_C, max_iter=5000, class_weight="balanced").fit((x - mean) / scale, y)
    weight = (model.coef_ / scale).T
    return weight.astype(np.float32), (model.intercept_ - (model.coef_ / scale) @ mean).astype(np.float32)


def train_stance(rows: StanceRows, features: np.ndarray, log=print) -> tuple[Head, dict]:
    """The target-aware stance head (``comments-stance``), a softmax over anti / neutral / pro, with its
    figures out of fold (``CALIBRATION_FOLDS`` folds grouped by text: a text written with two targets stays in one
    fold)."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    from .stance import HEAD, HEAD_FEATURES

    y = np.asarray(rows.stances)
    groups = np.unique(rows.texts, return_inverse=True)[1]
    oof = np.empty(len(y), dtype=object)
    for train, test in GroupKFold(CALIBRATION_FOLDS).split(features, y, groups):
        weight, bias = _fit_stance_lr(features[train], y[train])
        oof[test] = np.array(["anti", "neutral", "pro"])[np.argmax(features[test] @ weight + bias, axis=1)]
    weight, bias = _fit_stance_lr(features, y)
    figures = {
        "rows": len(y),
        "macro_f1_out_of_fold": round(float(f1_score(y, oof.astype(str), average="macro")), 4),
        "accuracy_out_of_fold": round(float(np.mean(oof == y)), 4),
    }
    log(f"  stance: {len(y)} rows, out of fold {figures}")
    head = Head(
        name=HEAD,
        input="sentence",
        layers=(Layer(weight, bias),),
        output="softmax",
        labels=("anti", "neutral", "pro"),
        features=HEAD_FEATURES,
    )
    return head, figures


#: Names of the shipped encoder heads (``data/models/NAME.npz``).
ENCODER_ABUSE_HEAD = "comments-abuse-encoder"
BLEND_ABUSE_HEAD = "comments-abuse-blend"
ENCODER_SARCASM_HEAD = "comments-sarcasm-encoder"


__all__ = [
    "ABUSE_RECIPE",
    "fit_dense_head",
    "group_hate_rows",
    "precise_threshold",
    "subset",
    "train_abuse",
    "train_encoder_abuse",
    "train_encoder_sarcasm",
    "train_sarcasm",
    "train_stance",
]


def embed_cached(texts: Sequence[str], name: str, cache=None, log=print) -> np.ndarray:
    """Encoder sentence vectors of ``texts``, kept in ``cache`` (a folder) when given, so that training and the
    evaluations encode a data set once. The file is named by ``name`` and a fingerprint of the texts and of the
    encoder (``Encoder.fingerprint``), so vectors of other texts or of another encoder are never read back."""
    from .. import encoder, resources

    model = encoder.load()
    path = Path(cache) / f"{name}-{resources.key_of(texts, model.fingerprint)}.npy" if cache else None
    if path is not None and path.is_file():
        return np.load(path)
    log(f"  encoding {len(texts):,} texts of {name}")
    vectors = model.embed(list(texts))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors
