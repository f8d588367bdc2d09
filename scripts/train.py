"""Train the shipped comment models (``make train``): abuse heads and sarcasm, with their cards; and the
loaded-language token head on MBIC (Apache-2.0) when ``bias/mbic`` is there.

Reads only the data sets whose license permits shipping a model trained on them: Davidson (MIT), OLID
(CC BY 4.0), iSarcasmEval (MIT). Fixed seeds (``rashomon.comments.models.SEED``): two runs give the same
arrays (only the zip headers' timestamps differ). Prints per-head figures measured out of fold during
training; the full evaluations with the side-by-side anchor are ``eval/abuse.py`` and ``eval/sarcasm.py``.

    .venv/bin/python scripts/train.py [--data ../shared/data] [--out src/rashomon/data/models]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rashomon.comments import datasets, training  # noqa: E402
from rashomon.comments.models import MODEL_DIR, SEED  # noqa: E402
from rashomon.heads import logodds_features  # noqa: E402


def _stamped(head):
    """``head`` with the fingerprint of the encoder whose vectors it was fitted on (``Head.vectors``)."""
    from dataclasses import replace

    from rashomon import encoder

    return replace(head, vectors=encoder.load().fingerprint)


def _figures(y, scores, threshold):
    from sklearn.metrics import f1_score, roc_auc_score

    y = np.asarray(y)
    return {
        "roc_auc": round(float(roc_auc_score(y, scores)), 4),
        "macro_f1": round(float(f1_score(y, scores >= threshold, average="macro")), 4),
        "f1_positive": round(float(f1_score(y, scores >= threshold)), 4),
        "threshold": round(threshold, 4),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="public data folder")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the .npz model files go")
    parser.add_argument(
        "--only",
        choices=("all", "linear", "encoder", "blend", "spans", "sarcasm", "loaded", "stance"),
        default="all",
        help="which models to train",
    )
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep the data sets' encoder vectors in")
    parser.add_argument(
        "--cases",
        type=Path,
        default=REPO / "eval" / "data",
        help="the project's written stance rows (the stance head)",
    )
    parser.add_argument(
        "--loaded-written",
        type=Path,
        default=None,
        help="news sentences written for the project with their loaded words (eval/data/loaded_written.jsonl), "
        "added to MBIC for the loaded-language head: an experiment of session 50, not how the shipped head is made",
    )
    args = parser.parse_args(argv)
    if not (args.data / "toxicity").is_dir():
        parser.error(f"no data sets under {args.data} (expected toxicity/ and sarcasm/)")
    args.out.mkdir(parents=True, exist_ok=True)
    np.random.seed(SEED)

    olid, davidson = datasets.read_olid(args.data), datasets.read_davidson(args.data)
    sarcasm_data = datasets.read_isarcasmeval(args.data)
    figures = {}
    linear_fits = encoder_fits = None
    if args.only in ("all", "linear"):
        linear_fits = _train_linear(args, olid, davidson, sarcasm_data, figures)
    if args.only in ("all", "encoder"):
        encoder_fits = _train_encoder(args, olid, davidson, sarcasm_data, figures)
    if args.only == "blend":  # both models refitted in memory as `make train` fits them (the shipped ones), not saved
        linear_fits = training.train_abuse(olid, davidson, log=lambda *_: None)[1]
        encoder_fits = training.train_encoder_abuse(
            _vectors(args, olid, davidson), olid, davidson, log=lambda *_: None
        )[1]
    if linear_fits is not None and encoder_fits is not None:
        _train_blend(args, olid, davidson, linear_fits, encoder_fits, figures)
    elif args.only in ("linear", "encoder"):
        print("note: the blend head reads both abuse models; retrain it with --only blend")
    if args.only == "sarcasm":
        _train_sarcasm(args, sarcasm_data, figures, linear=True, encoder=True)
    if args.only in ("all", "encoder", "loaded"):
        if (args.data / "bias" / "mbic").is_dir():
            from rashomon import framing_training

            print(f"training the loaded-language token head on MBIC from {args.data}")
            head = framing_training.train_loaded(args.data / "bias" / "mbic", written=args.loaded_written)
            _stamped(head).save(args.out / "framing-loaded.npz")
            figures["framing-loaded"] = {"measured_by": "eval/framing.py (BASIL-dev, PTC)"}
    if args.only in ("all", "encoder", "stance"):
        _train_stance(args, figures)
    if args.only in ("all", "spans") and (args.data / "toxicity" / "toxic_spans").is_dir():
        _train_spans(args, figures)
    sizes = {p.name: p.stat().st_size for p in sorted(args.out.glob("*.npz"))}
    print("model files:", ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items()))
    print(json.dumps({"figures": figures, "bytes": sizes}))
    return 0


def _train_linear(args, olid, davidson, sarcasm_data, figures) -> dict:
    print(f"training the linear abuse heads (the fast mode) on OLID + Davidson from {args.data}")
    abuse, fitted = training.train_abuse(olid, davidson)
    abuse.save(args.out / "comments-abuse.npz")
    for head, fit in fitted.items():
        source, column, _ = training.ABUSE_RECIPE[head][0]
        n = len((olid if source == "olid" else davidson).texts)
        y = np.asarray((olid if source == "olid" else davidson).labels[column])
        figures[head] = _figures(y, fit.oof[:n], fit.threshold) | {"measured_on": f"{source}:{column} out of fold"}
        print(f"  {head:16s} {figures[head]}")
    _train_sarcasm(args, sarcasm_data, figures, linear=True)
    return fitted


def _train_encoder(args, olid, davidson, sarcasm_data, figures) -> dict:
    print("training the heads on the shared encoder (abuse, sarcasm)")
    head, fits = training.train_encoder_abuse(_vectors(args, olid, davidson), olid, davidson)
    _stamped(head).save(args.out / f"{training.ENCODER_ABUSE_HEAD}.npz")
    for name, fit in fits.items():
        source, column, _ = training.ABUSE_RECIPE[name][0]
        data = olid if source == "olid" else davidson
        figures[f"encoder:{name}"] = _figures(data.labels[column], fit.oof[: len(data.texts)], fit.threshold) | {
            "measured_on": f"{source}:{column} out of fold"
        }
        print(f"  encoder {name:16s} {figures[f'encoder:{name}']}")
    _train_sarcasm(args, sarcasm_data, figures, encoder=True)
    return fits


def _vectors(args, olid, davidson) -> dict:
    return {
        "olid": training.embed_cached(olid.texts, "olid", args.cache),
        "davidson": training.embed_cached(davidson.texts, "davidson", args.cache),
        "neutral": training.embed_cached(datasets.neutral_identity_texts(), "neutral", args.cache),
    }


def _train_blend(args, olid, davidson, linear_fits, encoder_fits, figures) -> None:
    print("training the blend of the two abuse models (n-gram and encoder heads' log-odds)")
    blend = training.train_blend(linear_fits, encoder_fits, olid, davidson)
    blend.save(args.out / f"{training.BLEND_ABUSE_HEAD}.npz")
    for k, label in enumerate(blend.labels):
        source, column, _ = training.ABUSE_RECIPE[label][0]
        data = olid if source == "olid" else davidson
        n = len(data.texts)
        features = logodds_features(
            blend.labels, *({name: fits[name].oof[:n] for name in blend.labels} for fits in (linear_fits, encoder_fits))
        )
        figures[f"blend:{label}"] = _figures(
            data.labels[column], blend.scores(features)[:, k], blend.thresholds[label]
        ) | {"measured_on": f"{source}:{column} out of fold"}
        print(f"  blend {label:16s} {figures[f'blend:{label}']}")


def _train_sarcasm(args, sarcasm_data, figures, *, linear: bool = False, encoder: bool = False) -> None:
    """The sarcasm models (``--only sarcasm``: both, without the abuse heads)."""
    y = sarcasm_data.labels["sarcastic"]
    if linear:
        print(f"training the sarcasm head on iSarcasmEval from {args.data}")
        sarcasm, fit = training.train_sarcasm(sarcasm_data)
        sarcasm.save(args.out / "comments-sarcasm.npz")
        figures["sarcasm"] = _figures(y, fit.oof, fit.threshold)
        print(f"  sarcasm          {figures['sarcasm']}")
    if encoder:
        sarcasm_vectors = training.embed_cached(sarcasm_data.texts, "isarc", args.cache)
        head, fit = training.train_encoder_sarcasm(sarcasm_vectors, sarcasm_data)
        _stamped(head).save(args.out / f"{training.ENCODER_SARCASM_HEAD}.npz")
        figures["encoder:sarcasm"] = _figures(y, fit.oof, fit.threshold)
        print(f"  encoder sarcasm          {figures['encoder:sarcasm']}")


def _train_stance(args, figures) -> None:
    """The target-aware stance head on the sentences and comments written for it (``training.STANCE_WRITTEN`` in
    ``args.cases``; our own, so no license limits shipping it)."""
    from rashomon import encoder

    path = args.cases / training.STANCE_WRITTEN
    print(f"training the stance head on {path}")
    rows = training.read_stance_written(path)
    head, figures["stance"] = training.train_stance(rows, training.stance_features(rows, encoder.load()))
    _stamped(head).save(args.out / f"{head.name}.npz")


def _train_spans(args, figures) -> None:
    try:
        import torch  # noqa: F401
    except ImportError:
        print("the toxic-span head needs the train extra (torch): make install-train; skipped")
        return
    from rashomon import encoder
    from rashomon.comments import span_training

    print(f"training the toxic-span head on Toxic Spans from {args.data}")
    head, figures["spans"] = span_training.train_spans(args.data, encoder.load())
    _stamped(head).save(args.out / f"{head.name}.npz")


if __name__ == "__main__":
    raise SystemExit(main())
