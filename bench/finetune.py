"""Whether fine-tuning the encoder on CPU pays: seconds per training step of a MiniLM-L6-shaped BERT.

Times forward + backward + AdamW step (batches of 16, one torch thread, fp32) of a BERT with all-MiniLM-L6-v2's
shape (6 layers, 384 wide, 12 heads, 1,536 inner; random weights: the cost is the same as the real ones) over
``--n`` comments tokenized by the shipped tokenizer, and projects one epoch over ``--epoch`` comments (issue 22:
fine-tune only if one epoch over ~15,000 short texts fits in ~25 minutes at nice 19). Needs the ``train`` extra
(torch, transformers); prints figures, then one line of JSON last. The anchor is the frozen encoder's inference
speed (ONNX int8, one thread) on the same texts.

    .venv/bin/python bench/finetune.py [--data ../shared/data] [--n 200] [--epoch 15000] [--budget-min 25]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="data folder (OLID)")
    parser.add_argument("--n", type=int, default=200, help="comments timed")
    parser.add_argument("--epoch", type=int, default=15_000, help="comments in one projected epoch")
    parser.add_argument("--budget-min", type=float, default=25.0, help="minutes one epoch may take")
    args = parser.parse_args(argv)
    try:
        import torch
        from transformers import BertConfig, BertModel
    except ImportError:
        parser.error("needs the train extra (torch, transformers): make install-train")
    from finetuning import tokenizer_of

    from rashomon import encoder
    from rashomon.comments import datasets

    torch.set_num_threads(1)
    torch.manual_seed(0)
    tokenizer = tokenizer_of(128)
    texts = datasets.read_olid(args.data).texts[: args.n]
    pieces = tokenizer.encode_batch(texts)
    config = BertConfig(
        vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12, intermediate_size=1536
    )
    model, head = BertModel(config), torch.nn.Linear(384, 4)
    optimizer = torch.optim.AdamW(list(model.parameters()) + list(head.parameters()), lr=2e-5)
    cpu, wall = time.process_time(), time.time()
    for _, ids, mask in encoder.padded_batches(pieces, 16, torch):
        out = model(input_ids=ids, attention_mask=mask).last_hidden_state
        pooled = (out * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(head(pooled), torch.zeros(len(ids), 4))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    cpu, wall = time.process_time() - cpu, time.time() - wall
    enc = encoder.load(1)
    start = time.process_time()
    enc.embed(texts)
    frozen = len(texts) / max(time.process_time() - start, 1e-9)
    per_cpu_s = len(texts) / cpu
    epoch_cpu_min, epoch_wall_min = args.epoch / per_cpu_s / 60, args.epoch / (len(texts) / wall) / 60
    load = os.getloadavg()[0]
    print(
        f"fine-tuning step, {len(texts)} comments: {per_cpu_s:.1f} comments per CPU-second ({len(texts) / wall:.1f} per wall second, load {load:.1f})"
    )
    print(
        f"  one epoch over {args.epoch:,}: {epoch_cpu_min:.0f} CPU-minutes, {epoch_wall_min:.0f} wall-minutes at this load (budget {args.budget_min:g})"
    )
    print(f"  anchor, the frozen ONNX encoder's inference on the same texts: {frozen:.0f} comments per CPU-second")
    print(
        json.dumps(
            {
                "n": len(texts),
                "train_per_cpu_s": round(per_cpu_s, 2),
                "train_per_wall_s": round(len(texts) / wall, 2),
                "epoch_cpu_min": round(epoch_cpu_min, 1),
                "epoch_wall_min": round(epoch_wall_min, 1),
                "load": round(load, 1),
                "budget_min": args.budget_min,
                "fits": epoch_wall_min <= args.budget_min,
                "frozen_encoder_per_cpu_s": round(frozen),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
