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
rows: the rules were written with them in view; odd rows held out). The stage's last abuse step, the group-hate
model (``comments._group_hate``), reads what those rules left unflagged (the shipped model: it was fine-tuned on no
OLID or Davidson post), and the figures are given with and without it. ``--three-class`` runs it too.

``--three-class`` measures instead hate / offensive / normal on Davidson by cross-validation (issue 22's third
goal): each fold retrains the heads, the held-out fold gets the stage's flags (:func:`stage_flags`) and each
comment one class by ``comments.abuse.three_class`` (hate = ``identity_attack``; offensive = any other abuse flag;
normal = none), beside the majority class and alt-profanity-check read as offensive / normal.

    .venv/bin/python eval/abuse.py [--data ../shared/data] [--folds 5] [--seed 20161128] [--skip-davidson]
        [--mode encoder|fast] [--cache DIR] [--three-class]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rashomon.comments import datasets, training  # noqa: E402
from rashomon.comments.metrics import binary_figures  # noqa: E402
from rashomon.comments.models import SEED  # noqa: E402
from rashomon.heads import logodds_features  # noqa: E402

OLID_GOAL, MARGIN_GOAL = 0.82, 0.10
#: Issue 22's goal for hate / offensive / normal macro-F1 (on a held-out public set we do not have).
THREE_CLASS_GOAL = 0.68
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


def _fitting_fingerprint() -> str:
    """What decides the fold models: the encoder (its vectors) and the code that fits the heads; not the stage's
    rules, which the cached fold models exist to be measured again under."""
    from rashomon import encoder, heads
    from rashomon.comments import features, models

    digest = hashlib.sha1(encoder.load().fingerprint.encode())
    for module in (training, models, features, datasets, heads):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def evidence_spans(texts: list[str], cache=None) -> list[list[tuple[int, int, str]]]:
    """What the comments stage can show for each text's flags, as (start, end, label): the toxic-span head's
    phrases it uses (``toxic_span``) and the lexicon's and threat patterns' hits (see the module docstring)."""
    from pathlib import Path as _Path

    from rashomon import encoder, resources
    from rashomon.comments import abuse, spans

    path = _Path(cache) / f"evidence-{resources.key_of(texts, resources.fingerprint())}.json" if cache else None
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
    :func:`rashomon.comments.targets.flags_aimed` judges them for the stage, after the stage's relabelling of
    profanity that praises, exclaims or reclaims (``comments.judged_evidence``; session 50: before it this harness
    counted "fuck yeah" and "holy shit, ..." as abuse by itself where the stage did not)."""
    import rashomon.comments as stage
    from rashomon.comments import targets

    slur = np.array([any(label == "identity_attack" for _, _, label in row) for row in evidence], dtype=bool)
    judged = [stage.judged_evidence(text, row) for text, row in zip(texts, evidence, strict=True)]
    kept = targets.flags_aimed(texts, judged, [True] * len(texts), list(insult & ~slur))
    return np.array([t for t, _ in kept], dtype=bool), np.array([i for _, i in kept], dtype=bool) & insult


def group_names_read_as_no_hate(
    texts: list[str], evidence: list[list[tuple[int, int, str]]], flagged: np.ndarray
) -> np.ndarray:
    """Which ``flagged`` texts the stage unflags because their only evidence is the span head's mark on a group's
    name and the group-hate model reads them as no hate (``comments.no_hate_toward_the_group_named``)."""
    import rashomon.comments as stage
    from rashomon.comments import group_hate_encoder, spelling

    dropped = np.zeros(len(texts), dtype=bool)
    rows = np.flatnonzero(flagged)
    if not stage.GROUP_HATE_BY_ENCODER or not len(rows):
        return dropped
    dropped[rows] = stage.no_hate_toward_the_group_named(
        [spelling.reading(texts[i])[0] for i in rows],
        [[(texts[i][a:b], label) for a, b, label in evidence[i]] for i in rows],
        group_hate_encoder.load,
    )
    return dropped


def group_hate_hits(texts: list[str], flags: list) -> np.ndarray:
    """Which texts the stage's group-hate step flags (``comments._group_hate``: :func:`group_hate.judge` with the
    shipped group-hate model on the texts the other parts left without ``toxicity``, ``identity_attack`` or
    ``threat``); ``flags``: each text's flags so far. The model was fine-tuned on no OLID or Davidson post
    (``training.group_hate_rows``)."""
    import rashomon.comments as stage
    from rashomon.comments import group_hate, group_hate_encoder, spelling

    hits = np.zeros(len(texts), dtype=bool)
    if not stage.GROUP_HATE_BY_ENCODER:
        return hits
    rows = [k for k, row in enumerate(flags) if not stage.GROUP_HATE_LEAVES & set(row)]
    found = group_hate.judge([spelling.reading(texts[k])[0] for k in rows], group_hate_encoder.load())
    hits[rows] = [bool(passages) for passages in found]
    return hits


def _grouped(texts: list[str]) -> np.ndarray:
    """Which texts the stage reads with the encoder heads alone (``comments.GROUPS_BY_ENCODER``: the comments that
    name a group), not with the blend of both models."""
    import rashomon.comments as stage
    from rashomon.comments import mention

    if not stage.GROUPS_BY_ENCODER:
        return np.zeros(len(texts), dtype=bool)
    return np.array([mention.names_a_group(t[: stage.MAX_COMMENT_CHARS]) for t in texts], dtype=bool)


def _train(mode, vectors, olid, davidson, olid_rows, davidson_rows, heads):
    """A scorer (texts' rows -> head -> scores) and its per-head thresholds, trained on the given rows."""
    return _fit(mode, vectors, olid, davidson, olid_rows, davidson_rows, heads)[:2]


def _fit(mode, vectors, olid, davidson, olid_rows, davidson_rows, heads):
    """:func:`_train`, with the heads' fits (out-of-fold scores: what the blend head is fitted on)."""
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

        return score, {h: fits[h].threshold for h in heads}, fits
    model, fitted = training.train_abuse(olid_part, davidson_part, heads, log=lambda *_: None)
    return (lambda source, rows, texts: model.score(texts)), {h: fitted[h].threshold for h in heads}, fitted


def _fold_models(vectors, olid, davidson, train, test, heads, cache, k, seed, source="davidson"):
    """Both abuse models fitted once on the other set + the ``train`` rows: each one's held-out scores of ``source``
    ("davidson" or "olid") and thresholds (mode -> (head -> scores, head -> threshold)), and the blend head fitted
    on their out-of-fold scores (``training.train_blend``). Kept in ``cache`` when given: the rules of the stage can
    then be measured again without retraining; named by ``resources.key_of`` of the data and
    ``_fitting_fingerprint``."""
    from rashomon import resources
    from rashomon.heads import Head

    prefix = "olid" if source == "olid" else "three-class"
    names = ("fast", "encoder", "blend")
    texts = (olid if source == "olid" else davidson).texts
    key = resources.key_of([*olid.texts, *davidson.texts], _fitting_fingerprint(), f"{seed} {k} {len(test)}")
    paths = {name: Path(cache) / f"{prefix}-{name}-{seed}-fold{k}-{key}.npz" for name in names} if cache else {}
    if paths and all(path.is_file() for path in paths.values()):
        held = {}
        for mode in ("fast", "encoder"):
            saved = np.load(paths[mode])
            held[mode] = {h: saved[h] for h in heads}, {h: float(saved[f"threshold_{h}"]) for h in heads}
        return held, Head.read(paths["blend"])
    parts = (train, None) if source == "olid" else (None, train)
    held, fits = {}, {}
    for mode in ("fast", "encoder"):
        score, thresholds, fits[mode] = _fit(mode, vectors, olid, davidson, *parts, heads)
        held[mode] = score(source, test, [texts[i] for i in test]), thresholds
    blend = training.train_blend(
        fits["fast"], fits["encoder"], training.subset(olid, parts[0]), training.subset(davidson, parts[1])
    )
    if paths:
        paths["blend"].parent.mkdir(parents=True, exist_ok=True)
        for mode, (scores, thresholds) in held.items():
            np.savez(paths[mode], **scores, **{f"threshold_{h}": thresholds[h] for h in heads})
        blend.save(paths["blend"])
    return held, blend


def stage_scores(mode, models, blend, named):
    """The scores and per-row thresholds the comments stage flags held-out rows from (``abuse.combined_scores``, as
    ``comments._abuse_scores`` calls it), given both models' scores of the rows (``models``, from
    :func:`_fold_models`) and the ``blend`` head: the base heads of ``mode``; the rows ``named`` marks (texts that
    name a group) read by the encoder heads; the toxicity and insult of the others by the blend (in the ``fast``
    mode only where the n-gram toxicity reaches ``abuse.BLEND_FROM``)."""
    from rashomon.comments import abuse

    (linear, _), (encoder, thresholds) = models["fast"], models["encoder"]
    if mode == "encoder":
        blended = ~named
    else:
        blended = (np.asarray(linear["toxicity"]) >= abuse.BLEND_FROM) & ~named
    scores, limits = abuse.combined_scores(
        linear,
        encoder,
        thresholds,
        named=np.flatnonzero(named),
        blended=np.flatnonzero(blended),
        encoder_base=mode == "encoder",
        blend=blend,
    )
    return scores, {h: np.broadcast_to(limits.get(h, abuse.FLAG_THRESHOLDS[h]), (len(named),)) for h in linear}


def evaluate_olid(data: Path, folds: int, seed: int, mode: str = "encoder", cache=None) -> dict:
    from sklearn.model_selection import StratifiedKFold

    olid, davidson = datasets.read_olid(data), datasets.read_davidson(data)
    heads = tuple(OLID_TARGETS)
    grouped = _grouped(olid.texts)
    vectors = _vectors(olid, davidson, cache)
    y = np.asarray(olid.labels["offensive"])
    scores = {head: np.zeros(len(y)) for head in OLID_TARGETS}
    tuned = {head: np.zeros(len(y)) for head in OLID_TARGETS}
    # the blend head's own scores on every row (in the stage it reads only the rows it is given)
    blended = {label: np.zeros(len(y)) for label in training.BLEND_LABELS}
    # whether each flag is up, as the stage decides it (abuse.combined_scores)
    flag_up = {head: np.zeros(len(y), dtype=bool) for head in OLID_TARGETS}
    toxicity = np.zeros(len(y))  # the stage's toxicity score (the warm passages' gate of the group-hate step)
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(olid.texts, y))
    for k, (train, test) in enumerate(splits):
        print(f"  OLID fold {k + 1}/{folds}: training on {len(train):,} rows (+ Davidson), testing on {len(test):,}")
        models, blend = _fold_models(vectors, olid, davidson, train, test, heads, cache, k, seed, "olid")
        held_out, thresholds = models[mode]
        mixed, limits = stage_scores(mode, models, blend, grouped[test])
        for head in OLID_TARGETS:
            scores[head][test] = held_out[head]
            tuned[head][test] = held_out[head] >= thresholds[head]
            flag_up[head][test] = mixed[head] >= limits[head]
        toxicity[test] = mixed["toxicity"]
        table = blend.scores(logodds_features(blend.labels, models["fast"][0], models["encoder"][0]))
        for j, label in enumerate(blend.labels):
            blended[label][test] = table[:, j]
    result = {}
    for head, column in OLID_TARGETS.items():
        labels = olid.labels[column]
        figures = binary_figures(labels, scores[head])
        figures["macro_f1_tuned_threshold"] = binary_figures(labels, tuned[head])["macro_f1"]
        if head in blended:  # the blend head alone, every row, at 0.5 and at each fold's own threshold
            figures["blend"] = binary_figures(labels, blended[head])
        result[head] = figures
    # both modes withhold a flag with nothing to show (the fast mode encodes only its flagged comments)
    print("  the flags as the stage gives them: encoding OLID with token vectors for the span head")
    evidence = evidence_spans(olid.texts, cache)
    # a group's name the only evidence, the group-hate model reading no hate (comments.GROUP_NAME_MODEL_FLOOR)
    can_show = np.array([bool(row) for row in evidence], dtype=bool)
    can_show &= ~group_names_read_as_no_hate(olid.texts, evidence, can_show)
    # the fast mode flags at the calibrated 0.5 (abuse.FLAG_THRESHOLDS), the encoder heads at their tuned ones
    up = {h: flag_up[h] for h in ("toxicity", "insult")}

    def stage_rules(up: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The flags shown (toxicity), the insult flags, whether they are aimed, and the toxicity flags kept."""
        shown_flags = up["toxicity"] & can_show
        # toxicity kept only with abuse by itself or aimed at someone, insult only when aimed (issue 22); insult
        # is raised only with toxicity (abuse._PLAIN_FLAGS)
        insult = up["insult"] & shown_flags
        rows = np.flatnonzero(shown_flags)
        toxic_aimed, insult_aimed = np.zeros(len(y), dtype=bool), np.zeros(len(y), dtype=bool)
        toxic_aimed[rows], insult_aimed[rows] = flags_aimed(
            [olid.texts[i] for i in rows], [evidence[i] for i in rows], insult[rows]
        )
        return shown_flags, insult, insult_aimed, shown_flags & toxic_aimed

    shown_flags, insult, insult_aimed, before_group_hate = stage_rules(up)
    # the group-hate step (comments._group_hate) on what the rules left unflagged
    threat = np.array([any(label == "threat" for _, _, label in row) for row in evidence], dtype=bool)
    print("  the group-hate model on the tweets the rules left unflagged")
    rows_flags = [["toxicity"] if before_group_hate[i] or threat[i] else [] for i in range(len(y))]
    group_hate = group_hate_hits(olid.texts, rows_flags)
    flags = before_group_hate | group_hate
    offensive = np.asarray(olid.labels["offensive"])
    targeted = np.asarray(olid.labels["targeted"])
    halves = {
        "dev (even rows, rules tuned here)": np.arange(len(y)) % 2 == 0,
        "held out (odd rows)": np.arange(len(y)) % 2 == 1,
    }
    print(f"  {int(grouped.sum()):,} tweets name a group: their flags read the encoder heads (GROUPS_BY_ENCODER)")
    # the mode's own heads alone at their flag thresholds (fast: the calibrated 0.5, encoder: tuned): no group
    # rule, no blend; the rules after them the same
    alone = {h: (tuned[h] if mode == "encoder" else scores[h] >= 0.5).astype(bool) for h in ("toxicity", "insult")}
    *_, plain = stage_rules(alone)
    result["toxicity"]["flags_base_heads_alone"] = {
        name: binary_figures(offensive[part], plain[part])
        for name, part in {"all": np.ones(len(y), dtype=bool), **halves}.items()
    }
    result["toxicity"]["flags_as_shipped"] = binary_figures(offensive, flags)
    result["toxicity"]["flags_without_group_hate"] = binary_figures(offensive, before_group_hate)
    result["toxicity"]["group_hate_flags"] = {
        "added": int(group_hate.sum()),
        "offensive": int((group_hate & (offensive == 1)).sum()),
    }
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


def stage_flags(
    texts: list[str],
    model_scores: dict[str, np.ndarray],
    thresholds: dict[str, float] | None,
    evidence: list[list[tuple[int, int, str]]],
) -> list[list[str]]:
    """The flags the comments stage gives each text from these head scores (at ``thresholds``; None: the fast
    mode's calibrated 0.5), as ``comments.abuse_step`` decides them: lexicon and threat floors
    (``abuse.score_texts``), the span head's phrases (``evidence``, from :func:`evidence_spans`) as evidence of the
    flagged texts, a flag withheld with nothing to show (``FLAG_NEEDS_EVIDENCE``), and the target rules
    (``TOXICITY_NEEDS_TARGET``, ``INSULT_NEEDS_TARGET``)."""
    import rashomon.comments as stage
    from rashomon.comments import abuse, targets

    results = abuse.score_texts(texts, model_scores=model_scores, thresholds=thresholds, word_evidence=False)
    flags: list[list[str]] = []
    shown_evidence: list[list[tuple[int, int, str]]] = []
    for result, found in zip(results, evidence, strict=True):
        row = list(result.flags)
        ev = [(h.start, h.end, h.label) for h in result.hits if h.label in row or h.label == "threat"]
        if set(row) & stage.SPAN_FLAGS:
            for a, b, label in found:
                if label == "toxic_span" and not any(s <= a and b <= e for s, e, _ in ev):
                    ev.append((a, b, label))
            shows = stage.SHOWN_ABUSE
            if stage.FLAG_NEEDS_EVIDENCE and not any(label in shows for _, _, label in ev):
                row = [f for f in row if f not in stage.SPAN_FLAGS]
        flags.append(row)
        shown_evidence.append(ev)
    dropped = group_names_read_as_no_hate(
        texts, shown_evidence, np.array([bool(set(row) & stage.SPAN_FLAGS) for row in flags], dtype=bool)
    )
    flags = [[f for f in row if f not in stage.SPAN_FLAGS] if drop else row for row, drop in zip(flags, dropped)]
    ask_toxicity = [stage.TOXICITY_NEEDS_TARGET and "toxicity" in row for row in flags]
    ask_insult = [stage.INSULT_NEEDS_TARGET and "insult" in row and "identity_attack" not in row for row in flags]
    judged = [k for k in range(len(texts)) if ask_toxicity[k] or ask_insult[k]]
    kept = targets.flags_aimed(
        [texts[k] for k in judged],
        [stage.judged_evidence(texts[k], shown_evidence[k]) for k in judged],
        [ask_toxicity[k] for k in judged],
        [ask_insult[k] for k in judged],
    )
    for k, (keep_toxicity, keep_insult) in zip(judged, kept, strict=True):
        if not keep_toxicity:
            flags[k] = [f for f in flags[k] if f not in stage.SPAN_FLAGS]
        elif not keep_insult:
            flags[k].remove("insult")
    return flags


def three_class_figures(gold: np.ndarray, predicted: np.ndarray) -> dict:
    """Macro-F1 over hate / offensive / normal, F1, precision and recall per class, and the confusion table
    (rows gold, columns predicted, in ``abuse.THREE_CLASSES`` order)."""
    from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score

    from rashomon.comments.abuse import THREE_CLASSES

    labels = list(THREE_CLASSES)
    per = {
        name: {
            "f1": round(float(f), 4),
            "precision": round(float(p), 4),
            "recall": round(float(r), 4),
        }
        for name, f, p, r in zip(
            labels,
            f1_score(gold, predicted, labels=labels, average=None, zero_division=0),
            precision_score(gold, predicted, labels=labels, average=None, zero_division=0),
            recall_score(gold, predicted, labels=labels, average=None, zero_division=0),
        )
    }
    return {
        "macro_f1": round(float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)), 4),
        "per_class": per,
        "confusion": confusion_matrix(gold, predicted, labels=labels).tolist(),
    }


def _fold_scores(mode, vectors, olid, davidson, train, test, heads, cache, k, seed, source="davidson"):
    """The held-out rows' head scores of ``source`` and the heads' thresholds for one ``mode``
    (:func:`_fold_models`)."""
    return _fold_models(vectors, olid, davidson, train, test, heads, cache, k, seed, source)[0][mode]


def fold_flags(
    mode,
    held_out,
    vectors,
    olid,
    davidson,
    train,
    test,
    grouped,
    evidence,
    cache,
    k,
    seed,
    source="davidson",
    group_hate=False,
):
    """The stage's flags (:func:`stage_flags`) of the ``test`` rows of ``source``: the scores :func:`stage_scores`
    gives from the fold's models, with ``held_out`` (scores and thresholds, as :func:`_fold_scores` gives them) as
    the ``mode``'s model (a candidate, e.g. a fine-tuned encoder's, measured in its place; it also names the heads);
    ``grouped`` marks the texts that name a group; ``evidence`` is :func:`evidence_spans` of all the source's
    texts; with ``group_hate`` the group-hate step runs too (:func:`group_hate_hits`)."""
    models, blend = _fold_models(vectors, olid, davidson, train, test, tuple(held_out[1]), cache, k, seed, source)
    model_scores, limits = stage_scores(mode, models | {mode: held_out}, blend, grouped[test])
    # severe_toxicity is raised only with toxicity (abuse._PLAIN_FLAGS): it cannot change these flags
    model_scores = model_scores | {"severe_toxicity": np.zeros(len(test))}
    limits = dict(limits) | {"severe_toxicity": np.full(len(test), 1.01)}
    texts = (olid if source == "olid" else davidson).texts
    held_texts = [texts[i] for i in test]
    flags = stage_flags(held_texts, model_scores, limits, [evidence[i] for i in test])
    if group_hate:  # the group-hate step
        for row, hit in zip(flags, group_hate_hits(held_texts, flags), strict=True):
            if hit:
                row.extend(f for f in ("toxicity", "identity_attack") if f not in row)
    return flags


#: Davidson's ``class`` column -> the three classes (0 hate speech, 1 offensive language, 2 neither).
DAVIDSON_CLASSES = {0: "hate", 1: "offensive", 2: "normal"}


def evaluate_three_class(data: Path, folds: int, seed: int, mode: str = "encoder", cache=None) -> dict:
    """Hate / offensive / normal on Davidson by ``folds``-fold cross-validation: each fold retrains the heads on
    OLID + the Davidson training folds (the shipped recipe), and the held-out fold gets the stage's flags
    (:func:`stage_flags`) read as one class (``abuse.three_class``). Figures on all rows and by halves (even rows:
    the rules were looked at there; odd rows held out). Anchors: the majority class; alt-profanity-check with
    probability >= 0.5 as offensive, else normal (it has no hate class)."""
    from sklearn.model_selection import StratifiedKFold

    from rashomon.comments import abuse

    olid, davidson = datasets.read_olid(data), datasets.read_davidson(data)
    grouped = _grouped(davidson.texts)
    vectors = _vectors(olid, davidson, cache)
    hate, offensive = np.asarray(davidson.labels["hate"]), np.asarray(davidson.labels["offensive"])
    gold_code = np.where(hate == 1, 0, np.where(offensive == 1, 1, 2))
    gold = np.array([DAVIDSON_CLASSES[int(c)] for c in gold_code])
    print("  the span head's phrases of every Davidson tweet (cached with --cache)")
    evidence = evidence_spans(davidson.texts, cache)
    predicted = np.empty(len(gold), dtype=object)
    heads = ("toxicity", "insult", "identity_attack")
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for k, (train, test) in enumerate(splitter.split(davidson.texts, gold_code)):
        print(f"  Davidson fold {k + 1}/{folds}: training on OLID + {len(train):,} rows, testing on {len(test):,}")
        held_out = _fold_scores(mode, vectors, olid, davidson, train, test, heads, cache, k, seed)
        flags = fold_flags(
            mode,
            held_out,
            vectors,
            olid,
            davidson,
            train,
            test,
            grouped,
            evidence,
            cache,
            k,
            seed,
            group_hate=True,
        )
        predicted[test] = [abuse.three_class(row) for row in flags]
    predicted = predicted.astype(str)
    halves = {
        "even rows (looked at)": np.arange(len(gold)) % 2 == 0,
        "odd rows (held out)": np.arange(len(gold)) % 2 == 1,
    }
    result = {"all": three_class_figures(gold, predicted)}
    result |= {name: three_class_figures(gold[part], predicted[part]) for name, part in halves.items()}
    majority = np.full(len(gold), "offensive")
    anchors = {"majority (offensive)": three_class_figures(gold, majority)}
    scores = anchor_scores(davidson.texts)
    if scores is not None:
        mapped = np.where(scores >= 0.5, "offensive", "normal")
        anchors["alt-profanity-check"] = three_class_figures(gold, mapped)
    result["anchors"] = anchors
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="public data folder")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the folds and of the Davidson split")
    parser.add_argument("--skip-davidson", action="store_true", help="only the OLID cross-validation")
    parser.add_argument("--mode", choices=("encoder", "fast"), default="encoder", help="which shipped recipe")
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep the encoder vectors in")
    parser.add_argument(
        "--three-class",
        action="store_true",
        help="only hate / offensive / normal on Davidson by cross-validation (the stage's flags as one class)",
    )
    args = parser.parse_args(argv)
    if not (args.data / "toxicity" / "olid").is_dir():
        parser.error(f"no OLID under {args.data}/toxicity/olid")
    if args.three_class:
        return _main_three_class(args)
    print(f"OLID level A, {args.folds}-fold cross-validation (seed {args.seed})")
    olid = evaluate_olid(args.data, args.folds, args.seed, args.mode, args.cache)
    for head, figures in olid.items():
        if head != "anchor":
            print(f"  rashomon {head:16s} vs {OLID_TARGETS[head]:9s}: {figures}")
    if olid["anchor"]:
        print(f"  alt-profanity-check       vs offensive: {olid['anchor']['offensive']}")
    # shipped thresholds: the tuned ones for the encoder heads, 0.5 for the fast mode (abuse.FLAG_THRESHOLDS)
    # the headline is what a reader is shown: the stage's flags (evidence, target and group-hate steps), in both modes;
    # the mode's own toxicity score at its threshold is printed beside it
    ours = olid["toxicity"]["flags_as_shipped"]["macro_f1"]
    score_alone = olid["toxicity"]["macro_f1"]
    print(f"  as the stage flags (evidence and target rules): {olid['toxicity']['flags_as_shipped']}")
    added = olid["toxicity"]["group_hate_flags"]
    print(
        f"  the same without the group-hate step: {olid['toxicity']['flags_without_group_hate']} (the step adds "
        f"{added['added']} flags, {added['offensive']} of them on offensive tweets)"
    )
    print(f"  the same without the target rule:  {olid['toxicity']['flags_without_target_rule']}")
    print(f"  the same without the evidence rule either:  {olid['toxicity']['flags_without_evidence_rule']}")
    for name, figures in olid["toxicity"].get("flags_without_group_rule", {}).items():
        print(f"  as the stage flags, no group read by the encoder heads ({name}): {figures}")
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
        f"  OLID macro-F1 of the stage's flags: rashomon {args.mode} {ours:.4f} (its toxicity score alone at the "
        f"threshold: {score_alone:.4f}) vs alt-profanity-check {anchor}; goal >= {OLID_GOAL} "
        f"({'met' if ours >= OLID_GOAL else 'NOT met'}), margin goal >= {MARGIN_GOAL} "
        f"({'met' if anchor is not None and ours - anchor >= MARGIN_GOAL else 'NOT met'})"
    )
    out = {
        "mode": args.mode,
        "olid_cv": olid,
        "olid_macro_f1": ours,
        "olid_macro_f1_score_alone": score_alone,
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


def _main_three_class(args) -> int:
    print(f"Davidson hate / offensive / normal, {args.folds}-fold cross-validation (seed {args.seed}), {args.mode}")
    result = evaluate_three_class(args.data, args.folds, args.seed, args.mode, args.cache)
    for name in ("all", "even rows (looked at)", "odd rows (held out)"):
        f = result[name]
        per = ", ".join(f"{c} F1 {v['f1']} (P {v['precision']}, R {v['recall']})" for c, v in f["per_class"].items())
        print(f"  rashomon {args.mode}, {name}: macro-F1 {f['macro_f1']}; {per}")
    print(f"  confusion (rows gold, columns predicted: hate, offensive, normal): {result['all']['confusion']}")
    for name, f in result["anchors"].items():
        print(f"  {name}: macro-F1 {f['macro_f1']}")
    ours = result["all"]["macro_f1"]
    print(f"  3-class macro-F1: rashomon {args.mode} {ours} (goal on the held-out public set >= {THREE_CLASS_GOAL})")
    print(json.dumps({"mode": args.mode, "davidson_three_class_cv": result, "three_class_macro_f1": ours}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
