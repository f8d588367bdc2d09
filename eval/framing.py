"""Score loaded language against BASIL-dev lexical bias and the Propaganda Techniques Corpus; Fightin' Words
against BASIL lexical bias.

1. **BASIL-dev** (Fan et al. 2019; ``compare/basil-dev``): every body sentence of the 150 articles, scored
   against its lexical-bias spans: partial-overlap span F1 (below) and sentence F1 (a sentence with any
   predicted span against a sentence with any gold span). The flag threshold was chosen on 2010-2012; the
   figures for 2013-2014 are printed apart.
2. **PTC** (SemEval-2020 Task 11): ``Loaded_Language`` and ``Name_Calling,Labeling`` spans merged into one class
   (our spans do not tell the two apart), partial-overlap span F1 per article, as the task scores it: with S
   the predicted and T the gold spans, C(s, t, h) = |s ∩ t| / h;
   P = 1/|S| sum_s sum_t C(s, t, |s|), R = 1/|T| sum_t sum_s C(s, t, |t|).
3. **Fightin' Words on BASIL**: per triplet, each outlet's top-10 words against the other two; the share of
   their uses that fall inside lexical-bias spans against the share of all words that do (chance).

Anchors, same scoring: the old conflict/VADER lexicon (``framing.loaded_spans``) and a bias word list, MBIC's
``bised_words_lexicon.xlsx`` (read from ``--mbic`` when present). Neither BASIL nor PTC trains anything shipped.

    .venv/bin/python eval/framing.py [--basil DIR] [--ptc DIR] [--mbic DIR]

Prints the figures beside the anchors' and one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
TUNE_YEARS = ("2010", "2011", "2012")


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def overlap_sums(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    """(sum over s of overlap/|s|, sum over t of overlap/|t|) for one document."""
    p_sum = r_sum = 0.0
    for s0, s1 in pred:
        for t0, t1 in gold:
            inter = min(s1, t1) - max(s0, t0)
            if inter > 0:
                p_sum += inter / (s1 - s0)
                r_sum += inter / (t1 - t0)
    return p_sum, r_sum


def span_prf(pred_docs: list[list[tuple[int, int]]], gold_docs: list[list[tuple[int, int]]]) -> dict:
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for pred, gold in zip(pred_docs, gold_docs, strict=True):
        pred, gold = merge(pred), merge(gold)
        ps, rs = overlap_sums(pred, gold)
        p_sum, r_sum, n_pred, n_gold = p_sum + ps, r_sum + rs, n_pred + len(pred), n_gold + len(gold)
    return _prf(p_sum / n_pred if n_pred else 0.0, r_sum / n_gold if n_gold else 0.0, n_pred, n_gold)


def sentence_prf(pred_docs, gold_docs) -> dict:
    tp = sum(1 for p, g in zip(pred_docs, gold_docs, strict=True) if p and g)
    n_pred, n_gold = sum(1 for p in pred_docs if p), sum(1 for g in gold_docs if g)
    return _prf(tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0, n_pred, n_gold)


def _prf(precision: float, recall: float, n_pred: int, n_gold: int) -> dict:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted": n_pred,
        "gold": n_gold,
    }


# --- data ------------------------------------------------------------------------------------------------


def read_basil(folder: Path) -> list[dict]:
    """Articles: ``year``, ``triplet``, ``outlet``, ``sentences``, ``gold`` (lexical spans per sentence)."""
    articles = []
    for ann_path in sorted((folder / "annotations").rglob("*_ann.json")):
        art_path = folder / "articles" / ann_path.parent.name / ann_path.name.replace("_ann.json", ".json")
        article, ann = json.loads(art_path.read_text("utf-8")), json.loads(ann_path.read_text("utf-8"))
        sentences = [s for paragraph in article["body-paragraphs"] for s in paragraph]
        gold: list[list[tuple[int, int]]] = [[] for _ in sentences]
        for phrase in ann["phrase-level-annotations"]:
            if phrase["bias"] == "lex" and phrase["id"] != "title":
                gold[int(phrase["id"][1:])].append((phrase["start"], phrase["end"]))
        articles.append(
            {
                "year": ann_path.parent.name,
                "triplet": article["triplet-uuid"],
                "outlet": article["source"].lower(),
                "sentences": sentences,
                "gold": gold,
            }
        )
    return articles


def read_ptc(folder: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    gold: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in (folder / "train-task2-TC.labels").read_text("utf-8").splitlines():
        article, technique, start, end = line.split("\t")
        if technique in TECHNIQUES:
            gold[article].append((int(start), int(end)))
    return [
        (path.read_text("utf-8"), gold.get(path.stem.removeprefix("article"), []))
        for path in sorted(folder.glob("train-articles/article*.txt"))
    ]


def word_list_spans(words: set[str]):
    def spans(text: str) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in re.finditer(r"[A-Za-z]+(?:[-'][A-Za-z]+)*", text)
            if m.group().lower() in words
        ]

    return spans


def mbic_word_list(folder: Path) -> set[str]:
    import pandas as pd

    frame = pd.read_excel(folder / "bised_words_lexicon.xlsx", header=None)
    return {str(w).strip().lower() for w in frame[0] if isinstance(w, str)}


# --- systems -------------------------------------------------------------------------------------------


def ours(docs: list[list[tuple[int, str]]]) -> list[list[tuple[int, int]]]:
    """The shipped loaded-language spans (head + scare quotes), one list per document of pieces."""
    from rashomon import encoder, framing

    enc = encoder.load()
    return [[(s["start"], s["end"]) for s in framing.loaded_language(pieces, enc)] for pieces in docs]


def lexicon(docs: list[list[tuple[int, str]]]) -> list[list[tuple[int, int]]]:
    from rashomon.framing import loaded_spans

    return [[(s["start"], s["end"]) for offset, text in pieces for s in loaded_spans(text, offset)] for pieces in docs]


# --- Fightin' Words on BASIL ---------------------------------------------------------------------------


def fightin_words_in_bias(articles: list[dict], top: int = 10) -> dict:
    """Share of the top-``top`` words' uses inside lexical-bias spans, against the share of all words."""
    from rashomon import framing

    by_triplet: dict[str, list[dict]] = defaultdict(list)
    for article in articles:
        by_triplet[article["triplet"]].append(article)
    inside = uses = all_inside = all_words = 0
    for group in by_triplet.values():
        if len(group) < 2:
            continue
        counts = [framing.word_counts(a["sentences"]) for a in group]
        for index, article in enumerate(group):
            others: Counter = Counter()
            for j, c in enumerate(counts):
                if j != index:
                    others.update(c)
            names = {article["outlet"], "fox", "foxnews", "nyt", "times", "huffpost", "huffington", "post"}
            terms = {r["term"] for r in framing.distinctive_words(counts[index], others, top=top, exclude=names)}
            for sentence, gold in zip(article["sentences"], article["gold"], strict=True):
                for match in framing.words(sentence):
                    hit = any(a < match.end() and match.start() < b for a, b in gold)
                    all_words += 1
                    all_inside += hit
                    if match.group().removesuffix("'s") in terms:
                        uses += 1
                        inside += hit
    share, chance = inside / uses if uses else 0.0, all_inside / all_words if all_words else 0.0
    return {
        "top_share": round(share, 4),
        "chance": round(chance, 4),
        "ratio": round(share / chance, 2) if chance else 0.0,
        "uses": uses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--basil", type=Path, default=SHARED / "compare" / "basil-dev")
    parser.add_argument("--ptc", type=Path, default=SHARED / "propaganda" / "ptc")
    parser.add_argument("--mbic", type=Path, default=SHARED / "bias" / "mbic", help="for the bias word-list anchor")
    args = parser.parse_args(argv)
    if not (args.basil / "annotations").is_dir() or not (args.ptc / "train-articles").is_dir():
        print(f"need BASIL ({args.basil}) and PTC ({args.ptc}) folders", file=sys.stderr)
        return 2
    result: dict = {}
    words = mbic_word_list(args.mbic) if (args.mbic / "bised_words_lexicon.xlsx").is_file() else None
    systems = {"ours": ours, "old_lexicon": lexicon}
    if words:
        spans_of = word_list_spans(words)
        systems["bias_word_list"] = lambda docs: [
            [s for o, t in p for s in ((a + o, b + o) for a, b in spans_of(t))] for p in docs
        ]

    articles = read_basil(args.basil)
    sentences = [(a["year"], s, g) for a in articles for s, g in zip(a["sentences"], a["gold"], strict=True)]
    docs = [[(0, s)] for _, s, _ in sentences]
    gold = [g for _, _, g in sentences]
    print(f"BASIL-dev: {len(articles)} articles, {len(sentences)} sentences, {sum(map(len, gold))} lexical-bias spans")
    print(
        f"{'system':16} {'span P':>7} {'R':>6} {'F1':>6}  {'sent P':>7} {'R':>6} {'F1':>6}   F1 span/sent 2010-12 | 2013-14"
    )
    for name, system in systems.items():
        pred = system(docs)
        row = {"span": span_prf(pred, gold), "sentence": sentence_prf(pred, gold)}
        for part, years in (("tune", TUNE_YEARS), ("rest", None)):
            keep = [i for i, (y, _, _) in enumerate(sentences) if (y in TUNE_YEARS) == (years is not None)]
            row[part] = {
                "span": span_prf([pred[i] for i in keep], [gold[i] for i in keep])["f1"],
                "sentence": sentence_prf([pred[i] for i in keep], [gold[i] for i in keep])["f1"],
            }
        result[f"basil_{name}"] = row
        s, t = row["span"], row["sentence"]
        print(
            f"{name:16} {s['precision']:7.3f} {s['recall']:6.3f} {s['f1']:6.3f}  {t['precision']:7.3f} {t['recall']:6.3f} "
            f"{t['f1']:6.3f}   {row['tune']['span']:.3f}/{row['tune']['sentence']:.3f} | {row['rest']['span']:.3f}/{row['rest']['sentence']:.3f}"
        )
    print("goal: span F1 >= 0.25, sentence F1 >= 0.40 (held-out articles)")

    ptc = read_ptc(args.ptc)
    docs = [[(0, text)] for text, _ in ptc]
    gold = [g for _, g in ptc]
    print(f"\nPTC: {len(ptc)} articles, Loaded_Language + Name_Calling as one class, partial-overlap span F1")
    for name, system in systems.items():
        s = span_prf(system(docs), gold)
        result[f"ptc_{name}"] = s
        print(
            f"{name:16} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} ({s['predicted']} spans, {s['gold']} gold)"
        )
    print("goal: span F1 >= 0.30 (held-out articles)")

    fw = fightin_words_in_bias(articles)
    result["fightin_words_basil"] = fw
    print(
        f"\nFightin' Words top-10 per outlet inside BASIL lexical bias: {fw['top_share']:.4f} of {fw['uses']} uses, "
        f"chance {fw['chance']:.4f}: {fw['ratio']}x (goal >= 3x)"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
