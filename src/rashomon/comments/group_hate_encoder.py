"""The group-hate model: all-MiniLM-L6-v2 fine-tuned to read hate toward a group in a passage (issue 22, session 51).

``data/models/comments-group-hate-encoder.onnx`` (built by ``scripts/build_group_hate_encoder.py``; its card says on
what) reads one passage of a comment and gives the probability that it is hate toward a group by faith, origin, sex,
sexuality or disability. It replaces logistic heads on the shared encoder's frozen sentence vector (sessions
38–50): that vector keeps what a passage is about better than what it says of it, so the heads read "trans people
just want to get on with their lives like everyone else" as hate at 0.95, and plain hate without a cold word went
unread. Fine-tuned on the same rows, the model flags from the threshold chosen on passages it was not trained on
(kept in the file's metadata, ``THRESHOLD_KEY``, so that a rebuilt model brings its own). It shares the shared
encoder's tokenizer, not its weights, and is run by onnxruntime; each passage alone, so that its probability does
not move with its neighbours (activations are quantized per call).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .. import settings
from ..encoder import read_tokenizer, shipped_model_session
from ..errors import RashomonError
from ..options import Options
from ..pipeline import register_resource
from ..read import without_surrogates
from ..resources import data_path

MODEL = "models/comments-group-hate-encoder.onnx"
#: The passage's length in word pieces (a window is at most ``group_hate.WINDOW_CHARS`` characters).
MAX_PIECES = 128
#: The metadata entry of the model file that holds its flag threshold.
THRESHOLD_KEY = "threshold"
#: The metadata entry that holds how often its flags were right at each probability, on the rows kept apart from its
#: fine-tuning (JSON ``{"x": [...], "y": [...]}``, an isotonic curve): the confidence a flag shows.
CALIBRATION_KEY = "calibration"


@lru_cache(maxsize=1)
def tokenizer():
    """The shared encoder's tokenizer, unpadded, cut at ``MAX_PIECES`` word pieces."""
    found = read_tokenizer()
    found.enable_truncation(MAX_PIECES)
    return found


class GroupHateEncoder:
    """The fine-tuned group-hate model in an onnxruntime session, the probability from which it flags, and its
    calibration curve (probability -> share of flags right; none: the probability itself). Build it with
    :func:`load`."""

    def __init__(self, session, threshold: float, calibration: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.session = session
        self.threshold = threshold
        self.calibration = calibration

    def confidence(self, probabilities: np.ndarray) -> np.ndarray:
        """How often a flag at each of ``probabilities`` was right on the rows kept apart from fine-tuning: what a
        flag shows as its score. The probabilities crowd near 0 and 1 and say little of that by themselves."""
        if self.calibration is None:
            return np.asarray(probabilities, dtype=np.float32)
        return np.interp(probabilities, *self.calibration).astype(np.float32)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """The probability that each text is hate toward a group."""
        out = np.zeros(len(texts), dtype=np.float32)
        encodings = tokenizer().encode_batch([without_surrogates(t) for t in texts]) if texts else []
        for row, encoding in enumerate(encodings):
            ids = np.asarray([encoding.ids], dtype=np.int64)
            out[row] = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0, 1]
        return out


def load(threads: int | None = None) -> GroupHateEncoder:
    """The shipped group-hate model, loaded once per process (and thread count)."""
    return _load(settings.ENCODER_THREADS if threads is None else threads)


@register_resource("group-hate-encoder")
def _load_for_run(options: Options) -> GroupHateEncoder:
    """The pipeline's resource ``"group-hate-encoder"``, with the run's ``[encoder]`` threads."""
    return load(options.encoder.threads)


@lru_cache(maxsize=2)
def _load(threads: int) -> GroupHateEncoder:
    session = shipped_model_session(MODEL, "group-hate model", "group-hate-encoder", threads)
    path = data_path(MODEL)
    try:
        metadata = session.get_modelmeta().custom_metadata_map
        threshold = float(metadata[THRESHOLD_KEY])
        curve = json.loads(metadata[CALIBRATION_KEY])
        calibration = (np.asarray(curve["x"], dtype=np.float64), np.asarray(curve["y"], dtype=np.float64))
    except Exception as err:  # a file with no threshold or curve, or one that does not parse
        raise RashomonError(f"the group-hate model {path} could not be loaded: {err}") from err
    if not 0.5 <= threshold < 1.0:
        raise RashomonError(f"the group-hate model {path} gives the threshold {threshold}, outside [0.5, 1)")
    xs, ys = calibration
    if (
        len(xs) < 2
        or len(xs) != len(ys)
        or np.any(np.diff(xs) < 0)
        or np.any(np.diff(ys) < 0)
        or ys.min() < 0
        or ys.max() > 1
    ):
        raise RashomonError(f"the group-hate model {path} gives no rising calibration curve within [0, 1]")
    return GroupHateEncoder(session, threshold, calibration)
