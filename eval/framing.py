"""Score loaded-language and name-calling spans against the Propaganda Techniques Corpus (PTC, SemEval-2020 Task 11).

Only the two techniques rashomon marks are scored: ``Loaded_Language`` and ``Name_Calling,Labeling``. The
measure is the task's partial-overlap span F1 (Da San Martino et al. 2020): with S the predicted and T the
gold spans (overlapping spans of one technique merged first), C(s, t, h) = |s ∩ t| / h when s and t have the
same technique, else 0;

    P = 1/|S| * sum_s sum_t C(s, t, |s|)        R = 1/|T| * sum_t sum_s C(s, t, |t|)        F1 = 2PR / (P + R)

PTC has no stated license: it is used to evaluate only; nothing shipped is trained or tuned on it.
The anchor marks every sentence (line) as both techniques: recall near 1, precision the base rate.

    .venv/bin/python eval/framing.py [../shared/data/propaganda/ptc]

Prints per-technique figures and one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "propaganda" / "ptc"


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def overlap_sums(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    """(sum over s of overlap/|s|, sum over t of overlap/|t|) for one article and one technique."""
    p_sum = r_sum = 0.0
    for s0, s1 in pred:
        for t0, t1 in gold:
            inter = min(s1, t1) - max(s0, t0)
            if inter > 0:
                p_sum += inter / (s1 - s0)
                r_sum += inter / (t1 - t0)
    return p_sum, r_sum


def score(predicted: dict, gold: dict, techniques=TECHNIQUES) -> dict:
    """``predicted``/``gold``: {(article, technique): [(start, end)]} -> P, R, F1 per technique and overall."""
    out = {}
    totals = [0.0, 0.0, 0, 0]
    for technique in techniques:
        p_sum = r_sum = 0.0
        n_pred = n_gold = 0
        for article in {a for a, t in list(predicted) + list(gold) if t == technique}:
            pred = merge(predicted.get((article, technique), []))
            ref = merge(gold.get((article, technique), []))
            ps, rs = overlap_sums(pred, ref)
            p_sum, r_sum, n_pred, n_gold = p_sum + ps, r_sum + rs, n_pred + len(pred), n_gold + len(ref)
        out[technique] = _prf(p_sum, r_sum, n_pred, n_gold)
        totals = [totals[0] + p_sum, totals[1] + r_sum, totals[2] + n_pred, totals[3] + n_gold]
    out["both"] = _prf(*totals)
    return out


def _prf(p_sum, r_sum, n_pred, n_gold) -> dict:
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted": n_pred,
        "gold": n_gold,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="PTC folder (train-articles/, *-TC.labels)")
    parser.add_argument("--labels", default="train-task2-TC.labels")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / args.labels).is_file() or not (data / "train-articles").is_dir():
        print(f"not a PTC folder (need train-articles/ and {args.labels}): {data}", file=sys.stderr)
        return 2

    from rashomon.framing import loaded_spans

    gold: dict = defaultdict(list)
    for line in (data / args.labels).read_text("utf-8").splitlines():
        article, technique, start, end = line.split("\t")
        if technique in TECHNIQUES:
            gold[(article, technique)].append((int(start), int(end)))
    predicted: dict = defaultdict(list)
    anchor: dict = defaultdict(list)
    articles = sorted(data.glob("train-articles/article*.txt"))
    for path in articles:
        article = path.stem.removeprefix("article")
        text = path.read_text("utf-8")
        for span in loaded_spans(text):
            predicted[(article, span["technique"])].append((span["start"], span["end"]))
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                for technique in TECHNIQUES:
                    anchor[(article, technique)].append((offset, offset + len(line)))
            offset += len(line) + 1
    ours, base = score(predicted, gold), score(anchor, gold)
    print(f"PTC articles: {len(articles)}; partial-overlap span scoring (SemEval-2020 Task 11)")
    print(f"{'technique':24} {'P':>6} {'R':>6} {'F1':>6}  {'pred':>6} {'gold':>6}   anchor F1 (every sentence)")
    for technique in (*TECHNIQUES, "both"):
        o, b = ours[technique], base[technique]
        print(
            f"{technique:24} {o['precision']:6.3f} {o['recall']:6.3f} {o['f1']:6.3f}  {o['predicted']:6d} {o['gold']:6d}   {b['f1']:.3f}"
        )
    print("goal: F1 >= 0.40 on these two techniques")
    print(json.dumps({"ours": ours, "anchor_every_sentence": base, "articles": len(articles)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
