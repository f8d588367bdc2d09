"""Abuse heads measured: OLID level A by 5-fold cross-validation, Davidson on a fixed 80/20 split.

Each fold trains the shipped recipe on the training part only and scores the held-out part (``--mode encoder``,
the default: ``training.train_encoder_abuse``, logistic heads on the shared encoder's vectors, flags at the
thresholds each head chose on its training part's own out-of-fold scores, as shipped; ``--mode fast``: the linear
n-gram ``training.train_abuse``); alt-profanity-check scores the same held-out texts in the same run (the anchor).
Figures: macro-F1 (at the flag threshold 0.5 on the calibrated score, and at the head's own tuned
threshold), ROC-AUC per attribute, expected calibration error (10 bins). Human-readable figures, then one
line of JSON last.

In both modes the OLID figures are also given as the stage flags (``flags_as_shipped``): a toxicity
flag is withheld when the comment has nothing to show, no phrase the toxic-span head scores
``spans.SUPPORT_THRESHOLD`` or more, no lexicon word, no threat (``comments.FLAG_NEEDS_EVIDENCE``); phrases and
words the comment only mentions (denied, quoted, reported: ``comments.mention``) do not count, as in the stage;
and when its evidence is neither abuse by itself nor aimed at a person or a group
(``comments.TOXICITY_NEEDS_TARGET``), figures given with and without that rule and by halves of the rows (even
rows: the rules were written with them in view; odd rows held out).

    .venv/bin/python eval/abuse.py [--data ../shared/data] [--folds 5] [--seed 20161128] [--skip-davidson]
        [--mode encoder|fast] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rashomon.comments import datasets, training  # noqa: E402
from rashomon.comments.metrics import binary_figures  # noqa: E402
from rashomon.comments.models import SEED  # noqa: E402

OLID_GOAL, MARGIN_GOAL = 0.82, 0.10
#: Head -> OLID label it is measured against.
OLID_TARGETS = {"toxicity": "offensive", "insult": "targeted", "identity_attack": "group"}
#: Head -> Davidson label it is measured against.
DAVIDSON_TARGETS = {"toxicity": "offensive", "severe_toxicity": "hate", "identity_attack": "hate"}


def anchor_scores(texts: list[str]) -> np.ndarray | None:
    try:
        from profanity_check import predict_prob
    except ImportError:
        return None
    return np.asarray(predict_prob(texts), dtype=float)


def _vectors(olid, davidson, cache) -> dict[str, np.ndarray]:
    return {
        "olid": training.embed_cached(olid.texts, "olid", cache),
        "davidson": training.embed_cached(davidson.texts, "davidson", cache),
        "neutral": training.embed_cached(datasets.neutral_identity_texts(), "neutral", cache),
    }


def evidence_spans(texts: list[str], cache=None) -> list[list[tuple[int, int, str]]]:
    """What the comments stage can show for each text's flags, as (start, end, label): the toxic-span head's
    phrases it uses (``toxic_span``) and the lexicon's and threat patterns' hits (see the module docstring)."""
    from pathlib import Path as _Path

    from rashomon import encoder
    from rashomon.comments import abuse, spans

    path = _Path(cache) / f"evidence-{len(texts)}.json" if cache else None
    if path is not None and path.is_file():
        return [[(a, b, label) for a, b, label in row] for row in json.loads(path.read_text())]
    result: list[list[tuple[int, int, str]]] = []
    enc = encoder.load()
    for start in range(0, len(texts), 2000):
        chunk = texts[start : start + 2000]
        encoded = enc.encode(chunk, tokens=True)
        found = spans.find_spans(
            chunk, encoded.tokens, encoded.offsets, encoded.sentences, support=spans.SUPPORT_THRESHOLD
        )
        hits = abuse.score_texts(chunk, model_scores={h: np.zeros(len(chunk)) for h in abuse.MODEL_HEADS})
        for text, f, r in zip(chunk, found, hits):
            row = [(s.start, s.end, "toxic_span") for s in abuse.used_spans(text, f)]
            result.append(row + [(h.start, h.end, h.label) for h in r.hits])
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result))
    return result


def shown(texts: list[str], cache=None) -> np.ndarray:
    """Whether each text has something the comments stage can show for a flag (see the module docstring)."""
    return np.array([bool(row) for row in evidence_spans(texts, cache)], dtype=bool)


def flags_aimed(
    texts: list[str], evidence: list[list[tuple[int, int, str]]], insult: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Whether each text, flagged toxic, keeps its toxicity flag in the stage (evidence that is abuse by itself
    or aimed at someone: ``comments.TOXICITY_NEEDS_TARGET``), and whether it keeps the insult flag where
    ``insult`` asks (a slur, or evidence aimed at a person or a group: ``comments.INSULT_NEEDS_TARGET``), as
    :func:`rashomon.comments.targets.flags_aimed` judges them for the stage."""
    from rashomon.comments import targets

    slur = np.array([any(label == "identity_attack" for _, _, label in row) for row in evidence], dtype=bool)
    kept = targets.flags_aimed(texts, evidence, [True] * len(texts), list(insult & ~slur))
    return np.array([t for t, _ in kept], dtype=bool), np.array([i for _, i in kept], dtype=bool) & insult


def _train(mode, vectors, olid, davidson, olid_rows, davidson_rows, heads):
    """A scorer (texts' rows -> head -> scores) and its per-head thresholds, trained on the given rows."""
    olid_part, davidson_part = training.subset(olid, olid_rows), training.subset(davidson, davidson_rows)
    if mode == "encoder":
        part = dict(vectors)
        if olid_rows is not None:
            part["olid"] = vectors["olid"][olid_rows]
        if davidson_rows is not None:
            part["davidson"] = vectors["davidson"][davidson_rows]
        head, fits = training.train_encoder_abuse(part, olid_part, davidson_part, heads, log=lambda *_: None)

        def score(source, rows, texts):
            table = head.scores(vectors[source][rows])
            return {label: table[:, k] for k, label in enumerate(head.labels)}

        return score, {h: fits[h].threshold for h in heads}
    model, fitted = training.train_abuse(olid_part, davidson_part, heads, log=lambda *_: None)
    return (lambda source, rows, texts: model.score(texts)), {h: fitted[h].threshold for h in heads}


def evaluate_olid(data: Path, folds: int, seed: int, mode: str = "encoder", cache=None) -> dict:
    from sklearn.model_selection import StratifiedKFold

    olid, davidson = datasets.read_olid(data), datasets.read_davidson(data)
    vectors = _vectors(olid, davidson, cache) if mode == "encoder" else {}
    y = np.asarray(olid.labels["offensive"])
    scores = {head: np.zeros(len(y)) for head in OLID_TARGETS}
    tuned = {head: np.zeros(len(y)) for head in OLID_TARGETS}
    for k, (train, test) in enumerate(StratifiedKFold(folds, shuffle=True, random_state=seed).split(olid.texts, y)):
        print(f"  OLID fold {k + 1}/{folds}: training on {len(train):,} rows (+ Davidson), testing on {len(test):,}")
        score, thresholds = _train(mode, vectors, olid, davidson, train, None, tuple(OLID_TARGETS))
        held_out = score("olid", test, [olid.texts[i] for i in test])
        for head in OLID_TARGETS:
            scores[head][test] = held_out[head]
            tuned[head][test] = held_out[head] >= thresholds[head]
    result = {}
    for head, column in OLID_TARGETS.items():
        labels = olid.labels[column]
        figures = binary_figures(labels, scores[head])
        figures["macro_f1_tuned_threshold"] = binary_figures(labels, tuned[head])["macro_f1"]
        result[head] = figures
    # both modes withhold a flag with nothing to show (the fast mode encodes only its flagged comments)
    print("  the flags as the stage gives them: encoding OLID with token vectors for the span head")
    evidence = evidence_spans(olid.texts, cache)
    can_show = np.array([bool(row) for row in evidence], dtype=bool)
    # the fast mode flags at the calibrated 0.5 (abuse.FLAG_THRESHOLDS), the encoder heads at their tuned ones
    up = {h: tuned[h].astype(bool) if mode == "encoder" else scores[h] >= 0.5 for h in ("toxicity", "insult")}
    shown_flags = up["toxicity"] & can_show
    # toxicity kept only with abuse by itself or aimed at someone, insult only when aimed (issue 22); insult is
    # raised only with toxicity (abuse._PLAIN_FLAGS)
    insult = up["insult"] & shown_flags
    rows = np.flatnonzero(shown_flags)
    toxic_aimed, insult_aimed = np.zeros(len(y), dtype=bool), np.zeros(len(y), dtype=bool)
    toxic_aimed[rows], insult_aimed[rows] = flags_aimed(
        [olid.texts[i] for i in rows], [evidence[i] for i in rows], insult[rows]
    )
    flags = shown_flags & toxic_aimed
    offensive = np.asarray(olid.labels["offensive"])
    targeted = np.asarray(olid.labels["targeted"])
    halves = {
        "dev (even rows, rules tuned here)": np.arange(len(y)) % 2 == 0,
        "held out (odd rows)": np.arange(len(y)) % 2 == 1,
    }
    result["toxicity"]["flags_as_shipped"] = binary_figures(offensive, flags)
    result["toxicity"]["flags_without_target_rule"] = binary_figures(offensive, shown_flags)
    result["toxicity"]["flags_without_evidence_rule"] = binary_figures(offensive, up["toxicity"])
    result["toxicity"]["flags_by_half"] = {
        name: {
            "without_target_rule": binary_figures(offensive[part], shown_flags[part]),
            "with_target_rule": binary_figures(offensive[part], flags[part]),
        }
        for name, part in halves.items()
    }
    result["insult"]["flags_as_shipped"] = {
        name: {
            "without_target_rule": binary_figures(targeted[part], insult[part]),
            "with_target_rule": binary_figures(targeted[part], (insult & insult_aimed & flags)[part]),
        }
        for name, part in {"all": np.ones(len(y), dtype=bool), **halves}.items()
    }
    anchor = anchor_scores(olid.texts)
    result["anchor"] = (
        {column: binary_figures(olid.labels[column], anchor) for column in ("offensive",)}
        if anchor is not None
        else None
    )
    return result


def evaluate_davidson(data: Path, seed: int, mode: str = "encoder", cache=None) -> dict:
    from sklearn.model_selection import train_test_split

    olid, davidson = datasets.read_olid(data), datasets.read_davidson(data)
    vectors = _vectors(olid, davidson, cache) if mode == "encoder" else {}
    classes = np.asarray(davidson.labels["hate"]) * 2 + np.asarray(davidson.labels["offensive"])
    train, test = train_test_split(np.arange(len(davidson.texts)), test_size=0.2, random_state=seed, stratify=classes)
    print(f"  Davidson: training on OLID + {len(train):,} Davidson rows, testing on {len(test):,} (seed {seed})")
    score, thresholds = _train(mode, vectors, olid, davidson, None, train, tuple(DAVIDSON_TARGETS))
    texts = [davidson.texts[i] for i in test]
    held_out = score("davidson", test, texts)
    result = {}
    for head, column in DAVIDSON_TARGETS.items():
        labels = [davidson.labels[column][i] for i in test]
        figures = binary_figures(labels, held_out[head])
        figures["macro_f1_tuned_threshold"] = binary_figures(labels, held_out[head] >= thresholds[head])["macro_f1"]
        result[head] = figures
    anchor = anchor_scores(texts)
    if anchor is not None:
        result["anchor"] = {
            column: binary_figures([davidson.labels[column][i] for i in test], anchor)
            for column in ("offensive", "hate")
        }
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="public data folder")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the folds and of the Davidson split")
    parser.add_argument("--skip-davidson", action="store_true", help="only the OLID cross-validation")
    parser.add_argument("--mode", choices=("encoder", "fast"), default="encoder", help="which shipped recipe")
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep the encoder vectors in")
    args = parser.parse_args(argv)
    if not (args.data / "toxicity" / "olid").is_dir():
        parser.error(f"no OLID under {args.data}/toxicity/olid")
    print(f"OLID level A, {args.folds}-fold cross-validation (seed {args.seed})")
    olid = evaluate_olid(args.data, args.folds, args.seed, args.mode, args.cache)
    for head, figures in olid.items():
        if head != "anchor":
            print(f"  rashomon {head:16s} vs {OLID_TARGETS[head]:9s}: {figures}")
    if olid["anchor"]:
        print(f"  alt-profanity-check       vs offensive: {olid['anchor']['offensive']}")
    # shipped thresholds: the tuned ones for the encoder heads, 0.5 for the fast mode (abuse.FLAG_THRESHOLDS)
    # the headline, as before: the stage's flags in the encoder mode, the calibrated score at 0.5 in the fast mode
    ours = olid["toxicity"]["flags_as_shipped"]["macro_f1"] if args.mode == "encoder" else olid["toxicity"]["macro_f1"]
    print(f"  as the stage flags (evidence and target rules): {olid['toxicity']['flags_as_shipped']}")
    print(f"  the same without the target rule:  {olid['toxicity']['flags_without_target_rule']}")
    print(f"  the same without the evidence rule either:  {olid['toxicity']['flags_without_evidence_rule']}")
    for name, pair in olid["toxicity"]["flags_by_half"].items():
        for rule, figures in pair.items():
            print(
                f"  toxicity flags vs OFF, {name}, {rule}: precision {figures['precision']}, recall "
                f"{figures['recall']}, macro-F1 {figures['macro_f1']}"
            )
    for name, pair in olid["insult"]["flags_as_shipped"].items():
        for rule, figures in pair.items():
            print(
                f"  insult flags vs TIN, {name}, {rule}: precision {figures['precision']}, recall "
                f"{figures['recall']}, F1 {figures['f1_positive']}, macro-F1 {figures['macro_f1']}"
            )
    anchor = (olid["anchor"] or {}).get("offensive", {}).get("macro_f1")
    print(
        f"  OLID macro-F1 at the shipped thresholds: rashomon {args.mode} {ours:.4f} vs alt-profanity-check {anchor}; goal >= {OLID_GOAL} "
        f"({'met' if ours >= OLID_GOAL else 'NOT met'}), margin goal >= {MARGIN_GOAL} "
        f"({'met' if anchor is not None and ours - anchor >= MARGIN_GOAL else 'NOT met'})"
    )
    out = {
        "mode": args.mode,
        "olid_cv": olid,
        "olid_macro_f1": ours,
        "olid_macro_f1_anchor": anchor,
        "olid_goal": OLID_GOAL,
        "olid_goal_met": ours >= OLID_GOAL,
        "margin_over_anchor": round(ours - anchor, 4) if anchor is not None else None,
    }
    if not args.skip_davidson and (args.data / "toxicity" / "davidson").is_dir():
        print("Davidson, fixed 80/20 split")
        dav = evaluate_davidson(args.data, args.seed, args.mode, args.cache)
        for head, figures in dav.items():
            if head != "anchor":
                print(f"  rashomon {head:16s} vs {DAVIDSON_TARGETS[head]:9s}: {figures}")
        for column, figures in (dav.get("anchor") or {}).items():
            print(f"  alt-profanity-check       vs {column:9s}: {figures}")
        out["davidson_split"] = dav
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
