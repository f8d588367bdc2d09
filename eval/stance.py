"""Stance toward a named person: rashomon's comment stance on NewsMTSC's test splits (evaluation only).

NewsMTSC (Hamborg & Donnay, EACL 2021) labels the sentiment a news sentence expresses toward each person it names:
negative, neutral or positive. Its data may not train a shipped model (no license stated for it); it is used here
to measure only. For every target of ``splits/newsmtsc-{rw,mt}/test.jsonl``, ``stance.stance_toward`` is asked
for the sentence's stance toward the target's mention (the gold character span, plus its further mentions):
``anti`` is read as negative, ``pro`` as positive, ``neutral`` or no answer as neutral. Figures: macro-F1 over the
three classes (the paper's F1m), accuracy, and, precision first, how often a pro/anti stance was right and how
many targets got one. Anchors in the same run: the sentence-level VADER rule the stage used before issue 22
(``--rule sentence``) and "always neutral"; the published figure (GRU-TSC, a fine-tuned RoBERTa) is printed beside
ours. The shipped answer is the target rule checked by the target-aware head (``stance.check_with_head``) and by the
fine-tuned stance model (``stance.check_with_model``: a stance either contradicts enough is withheld), with the
model's own answers at ``stance.MODEL_SURE`` where the rule found none; the rule alone, each check alone, both
checks without the model's answers and the model alone are printed beside it. ``--split dev --grid`` prints the shipped way over other thresholds (how they were chosen). The same figures on the project's own held-out written sentences and comments (``--written``, sets A and B of
``eval/data/stance_written_heldout.jsonl``: written by two writers who saw neither the training rows nor the code;
never trained on). Human-readable figures, then one line of JSON last.

    .venv/bin/python eval/stance.py [--data ../shared/data] [--split test|dev] [--grid] [--written FILE] [--show-errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rashomon import comments, encoder  # noqa: E402
from rashomon.comments import stance, stance_encoder, training  # noqa: E402
from rashomon.model import Actor  # noqa: E402

LABELS = {2.0: "anti", 4.0: "neutral", 6.0: "pro"}
#: The paper's best model (GRU-TSC with RoBERTa), F1m on the test sets, as published (Hamborg & Donnay 2021,
#: Table 3); the figures are for its own devtest files, of which these test splits are the larger parts.
PUBLISHED = {"rw": 0.831, "mt": 0.817}


def read_targets(path: Path) -> list[tuple[str, list[tuple[int, int]], str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["sentence_normalized"]
        for target in item["targets"]:
            spans = [(target["from"], target["to"])]
            spans += [(m["from"], m["to"]) for m in target.get("further_mentions", [])]
            rows.append((text, spans, LABELS[float(target["polarity"])]))
    return rows


def read_written(path: Path) -> dict[str, list[tuple[str, list[tuple[int, int]], str]]]:
    """The held-out written rows by set (A, B), checked as the training rows are (``training.read_stance_written``)."""
    rows = training.read_stance_written(path)
    sets: dict[str, list] = {}
    for text, mentions, label, name in zip(rows.texts, rows.mentions, rows.stances, rows.sets, strict=True):
        sets.setdefault(name, []).append((text, mentions, label))
    return sets


def _as_the_stage_reads(text: str, mentions: list[tuple[int, int]], head_encoder=None, model=None) -> str:
    """The stance the comments stage gives a comment ``text`` toward the target at ``mentions`` (an actor named by
    the target's words): sentence by sentence, checked by the head on ``head_encoder`` and by the stance ``model``,
    with the model's sure answers, when given."""
    start, end = mentions[0]
    patterns = stance.actor_patterns([Actor("target", text[start:end])])
    hits = stance.find_stances(
        text,
        patterns,
        load_encoder=None if head_encoder is None else lambda: head_encoder,
        load_model=None if model is None else lambda: model,
    )
    return hits[0].stance if hits else "neutral"


@dataclass
class Readings:
    """What the ways of answering are combined from (:func:`combined`), one entry per row."""

    target: list[str]  # the target rule's stance
    checkable: list[str]  # that, with a set phrase's marked "idiom" (the checks leave it alone)
    head: np.ndarray  # the head's probabilities (NaN: not judged)
    model: np.ndarray  # the stance model's


def answers(rows, encoder, model, *, whole_texts: bool = False) -> tuple[dict[str, list[str]], Readings]:
    """Per way of answering, one stance per row (with what :func:`combined` reads): each rule alone; the target
    rule checked by the head, by the model, by both, and by both with the model's own sure answers (shipped); the
    model alone, at its most probable stance and where sure. With ``whole_texts`` (the written comments of one to
    three sentences) the target rule alone, checked by the head alone, and shipped answer as the stage does
    (:func:`_as_the_stage_reads`: sentence by sentence, the head reading each sentence, the model the whole text);
    the other checked ways there read the rule's stance as the stage does and each check on the whole text. A
    NewsMTSC row is one sentence with its gold mentions."""
    out = {}
    hits = {}
    for rule in stance.RULES:
        if whole_texts and rule == "target":
            out[rule] = [_as_the_stage_reads(text, spans) for text, spans, _ in rows]
            continue
        hits[rule] = [stance.stance_toward(text, spans, rule=rule) for text, spans, _ in rows]
        out[rule] = [hit.stance if hit else "neutral" for hit in hits[rule]]
    texts, mentions = [r[0] for r in rows], [r[1] for r in rows]
    readings = Readings(
        out["target"],
        [s if h is None or not h.by_idiom else "idiom" for s, h in zip(out["target"], hits["target"], strict=True)]
        if "target" in hits
        else out["target"],
        stance.head_probabilities(encoder, texts, mentions),
        model.probabilities(texts, mentions),
    )
    out |= combined(readings, stance.MODEL_SURE, stance.MODEL_VETO)
    if whole_texts:  # the shipped way and session 41's (the head's check alone) as the stage reads a comment
        out["target+head+model"] = [_as_the_stage_reads(t, m, encoder, model) for t, m in zip(texts, mentions)]
        out["target+head"] = [_as_the_stage_reads(t, m, encoder) for t, m in zip(texts, mentions)]
    out["model alone"] = [stance.LABELS[int(k)] for k in np.nan_to_num(readings.model).argmax(axis=1)]
    out["model alone, sure"] = [stance.model_answer(p) for p in readings.model]
    return out, readings


def combined(readings: Readings, sure: float, veto: float) -> dict[str, list[str]]:
    """The target rule's stances checked by the head (``stance.HEAD_VETO``), by the model (``veto``), by both, and
    by both with the model's own answers at ``sure`` where the rule found none (as :func:`stance.find_stances`)."""
    head = stance.withheld(readings.checkable, readings.head, stance.HEAD_VETO)
    by_model = stance.withheld(readings.checkable, readings.model, veto)
    rule = readings.target
    both = ["neutral" if h or m else s for s, h, m in zip(rule, head, by_model, strict=True)]
    return {
        "target+head": ["neutral" if h else s for s, h in zip(rule, head, strict=True)],
        "target+model": ["neutral" if m else s for s, m in zip(rule, by_model, strict=True)],
        "target+head+model veto": both,
        "target+head+model": [
            stance.model_answer(p, sure) if s == "neutral" else c
            for s, c, p in zip(rule, both, readings.model, strict=True)
        ],
    }


SHIPPED = {(True, True): "target+head+model", (True, False): "target+head", (False, False): "target"}.get(
    (comments.STANCE_BY_HEAD, comments.STANCE_BY_MODEL), "target+model"
)
#: The thresholds ``--grid`` reads (on the dev splits, to choose ``stance.MODEL_SURE`` and ``stance.MODEL_VETO``).
GRID_SURE = (0.6, 0.7, 0.8, 0.9, 0.95)
GRID_VETO = (0.5, 0.7, 0.9)


def figures(gold: list[str], predicted: list[str]) -> dict:
    from sklearn.metrics import accuracy_score, f1_score

    polar = [(g, p) for g, p in zip(gold, predicted, strict=True) if p != "neutral"]
    return {
        "macro_f1": round(float(f1_score(gold, predicted, average="macro", labels=["anti", "neutral", "pro"])), 4),
        "accuracy": round(float(accuracy_score(gold, predicted)), 4),
        "polar_precision": round(sum(g == p for g, p in polar) / len(polar), 4) if polar else None,
        "polar_share": round(len(polar) / len(gold), 4),
        "predicted": dict(Counter(predicted)),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="public data folder")
    parser.add_argument("--split", choices=("test", "dev"), default="test", help="dev to tune, test to report")
    parser.add_argument(
        "--written",
        type=Path,
        default=REPO / "eval" / "data" / "stance_written_heldout.jsonl",
        help="the project's held-out written stance rows",
    )
    parser.add_argument("--show-errors", type=int, default=0, help="print this many wrong pro/anti answers")
    parser.add_argument("--grid", action="store_true", help="print the shipped way over the model's thresholds")
    args = parser.parse_args(argv)
    folder = args.data / "stance" / "newsmtsc" / "splits"
    if not folder.is_dir():
        parser.error(f"no NewsMTSC splits under {folder}")
    out: dict = {"split": args.split, "published_gru_tsc_f1m": PUBLISHED}
    head_encoder, model = encoder.load(), stance_encoder.load()
    groups = {
        f"NewsMTSC-{split} {args.split}": read_targets(folder / f"newsmtsc-{split}" / f"{args.split}.jsonl")
        for split in ("rw", "mt")
    }
    if args.written.is_file():
        groups |= {f"written set {name}": rows for name, rows in sorted(read_written(args.written).items())}
    for name, rows in groups.items():
        gold = [label for _, _, label in rows]
        predicted, readings = answers(rows, head_encoder, model, whole_texts=name.startswith("written"))
        results = {way: figures(gold, p) for way, p in predicted.items()}
        if args.show_errors:
            wrong = [(r, p) for r, p in zip(rows, predicted[SHIPPED], strict=True) if p != "neutral" and p != r[2]]
            for (text, spans, label), p in wrong[: args.show_errors]:
                print(f"    [{name}] said {p}, gold {label}: {text[spans[0][0] : spans[0][1]]!r} in {text[:160]!r}")
        always = figures(gold, ["neutral"] * len(gold))
        if args.grid and not name.startswith("written"):
            for sure in GRID_SURE:
                for veto in GRID_VETO:
                    fig = figures(gold, combined(readings, sure, veto)["target+head+model"])
                    print(
                        f"    grid sure {sure:.2f} veto {veto:.2f}: right {fig['polar_precision'] or 0:.3f} on "
                        f"{fig['polar_share']:.1%}, macro-F1 {fig['macro_f1']:.3f}"
                    )
        print(f"{name}, {len(rows)} targets ({dict(Counter(gold))})")
        for way, fig in results.items():
            label = f"rashomon, {way}" + (" (shipped)" if way == SHIPPED else "")
            print(
                f"  {label:38s} macro-F1 {fig['macro_f1']:.3f}  accuracy {fig['accuracy']:.3f}  pro/anti right "
                f"{fig['polar_precision'] if fig['polar_precision'] is not None else float('nan'):.3f} "
                f"on {fig['polar_share']:.1%} of targets"
            )
        print(
            f"  anchor, always neutral:                macro-F1 {always['macro_f1']:.3f}  accuracy {always['accuracy']:.3f}"
        )
        split = name.split()[0].removeprefix("NewsMTSC-")
        if split in PUBLISHED:
            print(f"  published GRU-TSC (RoBERTa, trained on NewsMTSC): macro-F1 {PUBLISHED[split]:.3f}")
        key = split if split in PUBLISHED else name.replace(" ", "_")
        out[key] = {"n": len(rows), "ours": results[SHIPPED], "ways": results, "anchor_always_neutral": always}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
