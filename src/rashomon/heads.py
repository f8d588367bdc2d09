"""Task heads on the shared encoder, stored as data: a stage adds a head without touching the encoder.

A head is a small network (a linear layer, or an MLP) that reads the encoder's vectors: one per text
(``input: sentence``, e.g. a comment's toxicity) or one per word piece (``input: token``, e.g. the words that
make a comment abusive). It is stored as one ``.npz`` file (arrays only, never a pickle) whose ``meta`` entry is
a JSON document:

```json
{
  "format": "rashomon-head/1",
  "name": "comments-abuse",
  "encoder": "all-MiniLM-L6-v2",
  "input": "sentence",
  "layers": [
    {"weight": "w0", "bias": "b0", "activation": "relu"},
    {"weight": "w1", "bias": "b1"}
  ],
  "output": "sigmoid",
  "labels": ["toxicity", "insult"],
  "thresholds": {"toxicity": 0.5, "insult": 0.6},
  "calibration": {"toxicity": {"x": "cal_toxicity_x", "y": "cal_toxicity_y"}}
}
```

- ``layers`` run in order: ``x @ weight + bias``, then the activation (``relu``, ``gelu``, ``tanh``; none
  for the last). Weights are stored (inputs, outputs), float16 or float32.
- ``output`` turns the last layer into scores: ``sigmoid`` (independent labels), ``softmax`` (one of the labels)
  or ``identity`` (raw values, e.g. a regression).
- ``calibration`` (optional) maps a label's raw score through a monotone curve (isotonic: ``x`` ascending,
  ``y`` the calibrated values, linear in between), so that 0.8 means right about 80 % of the time on the data
  it was fitted on.
- ``thresholds`` are the flag thresholds chosen on development data and written in the head's card.
- ``features`` (optional) names what the head reads when it is more than the encoder's vectors (a span head reads
  a piece with its neighbours and the sentence vector: ``token-window1+sentence``); the module that builds those
  features refuses a head that names other ones.
- ``vectors`` (optional) is the fingerprint of the encoder whose vectors the head was fitted on
  (``Encoder.fingerprint``), written by ``make train``.
- ``input: scores`` is a head that reads other models' scores instead of the encoder's vectors: a blend of two
  models' log-odds per label (``features`` names the models, e.g. ``logodds:comments-abuse+comments-abuse-encoder``),
  stored and calibrated like any other head.

A head names the encoder it was trained on and is refused on another; the shapes are checked when it is loaded
(each layer's inputs match the last one's outputs, the first takes the encoder's width, the last gives one score
per label), so a broken file fails at load with a clear message, never mid-page.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import settings
from .errors import RashomonError
from .resources import data_path

FORMAT = "rashomon-head/1"
INPUTS = ("sentence", "token", "scores")
#: Where a calibrated score of 0 or 1 is read as log-odds (the input of a blend head), it is clipped to this
#: distance from 0 and 1.
LOGODDS_EPSILON = 1e-4


class HeadError(RashomonError):
    """A head file that cannot be used: unreadable, of another format or encoder, or with shapes that disagree."""


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -60.0, 60.0)))


def logodds(scores: np.ndarray) -> np.ndarray:
    """Calibrated scores as log-odds, the input of an ``input: scores`` head (clipped at ``LOGODDS_EPSILON``)."""
    p = np.clip(np.asarray(scores, dtype=np.float64), LOGODDS_EPSILON, 1.0 - LOGODDS_EPSILON)
    return np.log(p / (1.0 - p))


def logodds_features(labels, *models: Mapping[str, np.ndarray]) -> np.ndarray:
    """The input of an ``input: scores`` head, one row per text: each model's calibrated scores of ``labels`` (model
    -> label -> one score per text) as log-odds, side by side, model after model."""
    return np.column_stack([logodds(model[label]) for model in models for label in labels])


def _softmax(x: np.ndarray) -> np.ndarray:
    shifted = np.exp(x - x.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "relu": lambda x: np.maximum(x, 0.0),
    "gelu": _gelu,
    "tanh": np.tanh,
}
OUTPUTS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": _sigmoid,
    "softmax": _softmax,
    "identity": lambda x: x,
}


@dataclass(frozen=True)
class Layer:
    weight: np.ndarray
    bias: np.ndarray
    activation: str | None = None


@dataclass(frozen=True)
class Head:
    """A loaded head: call ``scores`` on encoder vectors, ``flags`` for the labels over their thresholds."""

    name: str
    input: str
    layers: tuple[Layer, ...]
    output: str
    labels: tuple[str, ...]
    encoder: str = settings.ENCODER_NAME
    thresholds: Mapping[str, float] = field(default_factory=dict)
    calibration: Mapping[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    #: What the head reads when it is not the bare encoder vectors (e.g. ``token-window1+sentence``: a piece with
    #: its neighbours and the sentence vector); the module that builds the features checks it.
    features: str = ""
    #: The fingerprint of the encoder whose vectors the head was fitted on (``Encoder.fingerprint``: its files and
    #: how it batches), written by ``make train``: a test holds every shipped head to the shipped encoder's, since
    #: vectors of the same model batched otherwise differ slightly. Empty for heads that read scores.
    vectors: str = ""

    def __post_init__(self) -> None:
        if self.input not in INPUTS:
            raise HeadError(f"head {self.name}: input must be one of {INPUTS}, not {self.input!r}")
        if self.output not in OUTPUTS:
            raise HeadError(f"head {self.name}: output must be one of {sorted(OUTPUTS)}, not {self.output!r}")
        if not self.layers:
            raise HeadError(f"head {self.name}: no layers")
        width = self.layers[0].weight.shape[0]
        for index, layer in enumerate(self.layers):
            if layer.weight.ndim != 2 or layer.weight.shape[0] != width or layer.bias.shape != (layer.weight.shape[1],):
                raise HeadError(
                    f"head {self.name}: layer {index} has weight {layer.weight.shape} and bias "
                    f"{layer.bias.shape}, but takes {width} inputs"
                )
            last = index == len(self.layers) - 1
            if layer.activation is not None and (last or layer.activation not in ACTIVATIONS):
                raise HeadError(
                    f"head {self.name}: layer {index} activation {layer.activation!r} (one of "
                    f"{sorted(ACTIVATIONS)}, and none on the last layer)"
                )
            width = layer.weight.shape[1]
        if width != len(self.labels):
            raise HeadError(f"head {self.name}: {width} outputs for {len(self.labels)} labels")
        unknown = (set(self.thresholds) | set(self.calibration)) - set(self.labels)
        if unknown:
            raise HeadError(f"head {self.name}: thresholds or calibration for unknown labels {sorted(unknown)}")

    @property
    def input_dim(self) -> int:
        return int(self.layers[0].weight.shape[0])

    def logits(self, features: np.ndarray) -> np.ndarray:
        """The last layer's outputs of shape (..., labels) for encoder vectors of shape (..., dim), before the
        output function and calibration (a ranking)."""
        features = np.asarray(features, dtype=np.float32)
        if features.shape[-1] != self.input_dim:
            raise HeadError(f"head {self.name} takes vectors of {self.input_dim}, got {features.shape[-1]}")
        x = features
        for layer in self.layers:
            x = x @ layer.weight.astype(np.float32) + layer.bias.astype(np.float32)
            if layer.activation:
                x = ACTIVATIONS[layer.activation](x)
        return x

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Scores of shape (..., labels) for encoder vectors of shape (..., dim), calibrated where a curve is."""
        x = OUTPUTS[self.output](self.logits(features))
        for column, label in enumerate(self.labels):
            if label in self.calibration:
                xs, ys = self.calibration[label]
                x[..., column] = np.interp(x[..., column], xs, ys)
        return x

    def flags(self, features: np.ndarray) -> list[list[str]]:
        """For each row, the labels whose score reaches its threshold (labels without one never flag)."""
        scores = self.scores(features)
        return [
            [
                label
                for column, label in enumerate(self.labels)
                if label in self.thresholds and row[column] >= self.thresholds[label]
            ]
            for row in scores.reshape(-1, len(self.labels))
        ]

    def save(self, path: Path) -> None:
        """Write the head as one ``.npz`` (the format above)."""
        arrays: dict[str, np.ndarray] = {}
        layers = []
        for index, layer in enumerate(self.layers):
            arrays[f"w{index}"], arrays[f"b{index}"] = layer.weight, layer.bias
            entry: dict[str, str] = {"weight": f"w{index}", "bias": f"b{index}"}
            if layer.activation:
                entry["activation"] = layer.activation
            layers.append(entry)
        calibration = {}
        for label, (xs, ys) in self.calibration.items():
            arrays[f"cal_{label}_x"], arrays[f"cal_{label}_y"] = xs, ys
            calibration[label] = {"x": f"cal_{label}_x", "y": f"cal_{label}_y"}
        meta = {
            "format": FORMAT,
            "name": self.name,
            "encoder": self.encoder,
            "input": self.input,
            "layers": layers,
            "output": self.output,
            "labels": list(self.labels),
            "thresholds": dict(self.thresholds),
            "calibration": calibration,
        }
        if self.features:
            meta["features"] = self.features
        if self.vectors:
            meta["vectors"] = self.vectors
        buffer = io.BytesIO()
        arrays["meta"] = np.array(json.dumps(meta, sort_keys=True))
        np.savez_compressed(buffer, **arrays)  # type: ignore[arg-type]
        Path(path).write_bytes(buffer.getvalue())

    @classmethod
    def read(cls, path: Path, *, encoder: str = settings.ENCODER_NAME) -> Head:
        """Read and check a head file; ``encoder`` is the encoder it must have been trained on."""
        try:
            with np.load(path, allow_pickle=False) as stored:
                arrays = {key: stored[key] for key in stored.files}
            meta = json.loads(str(arrays.pop("meta")))
        except (OSError, ValueError, KeyError) as error:
            raise HeadError(f"cannot read head {path}: {error}") from error
        if meta.get("format") != FORMAT:
            raise HeadError(f"head {path} has format {meta.get('format')!r}, not {FORMAT!r}")
        if meta.get("encoder") != encoder:
            raise HeadError(f"head {path} was trained on encoder {meta.get('encoder')!r}, not {encoder!r}")
        try:
            layers = tuple(
                Layer(arrays[entry["weight"]], arrays[entry["bias"]], entry.get("activation"))
                for entry in meta["layers"]
            )
            calibration = {
                label: (arrays[curve["x"]].astype(np.float32), arrays[curve["y"]].astype(np.float32))
                for label, curve in meta.get("calibration", {}).items()
            }
            return cls(
                name=meta["name"],
                input=meta["input"],
                layers=layers,
                output=meta["output"],
                labels=tuple(meta["labels"]),
                encoder=meta["encoder"],
                thresholds={k: float(v) for k, v in meta.get("thresholds", {}).items()},
                calibration=calibration,
                features=str(meta.get("features", "")),
                vectors=str(meta.get("vectors", "")),
            )
        except KeyError as error:
            raise HeadError(f"head {path} names an entry it does not hold: {error}") from error


@lru_cache(maxsize=16)
def load(name: str) -> Head:
    """A shipped head by name, from ``data/models/NAME.npz`` (cached per process)."""
    return Head.read(data_path(f"models/{name}.npz"))


def token_window(tokens: np.ndarray) -> np.ndarray:
    """(pieces, 3 x dim): each word piece's vector beside the vectors of the piece before and after it (zeros at
    the ends), the ``token-window1`` input of a token head that reads a word in its phrase."""
    tokens = np.asarray(tokens, dtype=np.float32)
    pad = np.zeros((1, tokens.shape[1]), dtype=np.float32)
    return np.hstack([tokens, np.vstack([pad, tokens[:-1]]), np.vstack([tokens[1:], pad])])


def token_spans(
    scores: np.ndarray, offsets: np.ndarray, threshold: float, *, gap: int = 1
) -> list[tuple[int, int, float]]:
    """Character spans ``(start, end, peak score)`` where a token head's score reaches ``threshold``.

    Word pieces over the threshold are joined into one span when they are separated by at most ``gap``
    characters (the space between two words), so a flagged phrase reads as one span, not word by word.
    """
    spans: list[tuple[int, int, float]] = []
    for (start, end), score in zip(offsets.tolist(), np.asarray(scores, dtype=np.float32).tolist(), strict=True):
        if score < threshold or end <= start:
            continue
        if spans and start - spans[-1][1] <= gap:
            spans[-1] = (spans[-1][0], end, max(spans[-1][2], score))
        else:
            spans.append((start, end, score))
    return spans
