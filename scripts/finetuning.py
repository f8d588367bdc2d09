"""Shared parts of the fine-tuning measures and builds (``eval/sarcasm_finetune.py``, ``eval/framing_finetune.py``,
``eval/abuse_finetune.py``, ``eval/fact_pairs.py``, ``bench/finetune.py``, ``scripts/build_stance_encoder.py``): the
shipped tokenizer, the mean-pooled sentence vector, the learning-rate schedule and pairs of texts as tensors.

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
    return masked_mean(model(input_ids=ids, attention_mask=mask).last_hidden_state, mask)


def masked_mean(out, mask):
    """Token vectors ``out`` averaged over ``mask`` (the pooled vector a head reads)."""
    return (out * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)


def pair_tensors(encodings, torch):
    """``(ids, mask, segment ids)`` tensors of tokenized pairs of texts, padded to the longest."""
    width = max(len(e.ids) for e in encodings)
    ids = torch.zeros((len(encodings), width), dtype=torch.long)
    mask, segments = torch.zeros_like(ids), torch.zeros_like(ids)
    for row, e in enumerate(encodings):
        ids[row, : len(e.ids)] = torch.tensor(e.ids)
        mask[row, : len(e.ids)] = 1
        segments[row, : len(e.ids)] = torch.tensor(e.type_ids)
    return ids, mask, segments


def train_step(loss, optimizer, scheduler, params) -> float:
    """One optimisation step on ``loss`` (gradients clipped at norm 1, as the measures all do); the loss's value."""
    import torch

    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    optimizer.step()
    scheduler.step()
    return float(loss.detach())
