"""Shared parts of the fine-tuning measures (``eval/sarcasm_finetune.py``, ``eval/framing_finetune.py``,
``eval/abuse_finetune.py``, ``bench/finetune.py``): the shipped tokenizer, the mean-pooled sentence vector and the
learning-rate schedule.

They need the ``train`` extra (torch, transformers); ``torch`` is passed in or imported here so that the product
never imports it.
"""

from __future__ import annotations

import gzip


def tokenizer_of(max_pieces: int):
    """The shipped encoder's tokenizer, unpadded, truncated at ``max_pieces`` word pieces."""
    from tokenizers import Tokenizer

    from rashomon.resources import data_path

    tokenizer = Tokenizer.from_str(
        gzip.decompress(data_path("models/encoder-minilm-l6.tokenizer.json.gz").read_bytes()).decode()
    )
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_pieces)
    return tokenizer


def warmup_decay(optimizer, steps: int):
    """Linear warm-up over the first tenth of ``steps``, then linear decay to zero (the usual BERT schedule)."""
    import torch

    return torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps)
    )


def mean_pooled(model, ids, mask):
    """The sentence vector the shipped encoder gives: its last layer's token vectors averaged over the mask."""
    out = model(input_ids=ids, attention_mask=mask).last_hidden_state
    return (out * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)


def train_step(loss, optimizer, scheduler, params) -> float:
    """One optimisation step on ``loss`` (gradients clipped at norm 1, as the measures all do); the loss's value."""
    import torch

    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    optimizer.step()
    scheduler.step()
    return float(loss.detach())
