"""Hate toward a group in comments written as comment sections are: the comments stage on held-out written comments
(issue 22).

The cases (``eval/data/group_comments_heldout.jsonl``: one JSON object a line, ``text``, ``label`` 1 for hate toward
a group by faith, origin, sex, sexuality or disability, ``set``) were written for the project in session 40 by three
writers who saw neither each other's sets nor the training comments (``eval/data/group_comments.jsonl``, which fit
the group-hate head; training comments sharing four words in a row with these were left out of training). Set X was
read while the head was chosen (its misses and false flags, never trained on); sets Y and Z (a town paper's comment
section over a month, 160 comments) were only scored, Y three times and Z twice, counts only.
Hateful: stereotypes, calls to exclude or mistreat, implicit contempt, dehumanising and wishes of harm; not hateful:
reports of harm a group suffers, counter-speech, plain mentions, policy argued without contempt, and harsh words
aimed at officials, companies or individuals with a group named as the victim.

A comment is predicted hateful as in ``eval/functional.py``: a ``toxicity``, ``identity_attack`` or ``threat`` flag;
the narrower reading (``identity_attack`` or ``threat``: what the report calls hate) is printed beside it. Figures
per set: recall on the hateful comments, false flags on the others, precision; alt-profanity-check (probability >=
0.5) scores the same comments in the same run. Human-readable figures, then one line of JSON last.

    .venv/bin/python eval/group_comments.py [--cases eval/data/group_comments_heldout.jsonl] [--mode fast|encoder]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "eval"))

from functional import HATE_FLAGS, NARROW_FLAGS, anchor_flags, stage_flags  # noqa: E402

DEFAULT_CASES = REPO / "eval" / "data" / "group_comments_heldout.jsonl"
TRAINING = REPO / "eval" / "data" / "group_comments.jsonl"


def read_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def figures(labels: list[int], predicted: list[bool]) -> dict:
    """Recall on the hateful comments, false flags on the others and precision of the flags."""
    hits = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    false = sum(1 for y, p in zip(labels, predicted, strict=True) if not y and p)
    hateful = sum(labels)
    return {
        "hateful": hateful,
        "not_hateful": len(labels) - hateful,
        "found": hits,
        "recall": round(hits / hateful, 4) if hateful else None,
        "false_flags": false,
        "precision": round(hits / (hits + false), 4) if hits + false else None,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--mode", choices=("fast", "encoder"), default="fast")
    args = parser.parse_args(argv)
    if not args.cases.is_file():
        parser.error(f"no cases at {args.cases}")
    cases = read_cases(args.cases)
    texts = [c["text"] for c in cases]
    trained = {c["text"] for c in read_cases(TRAINING)} if TRAINING.is_file() else set()
    overlap = sum(1 for t in texts if t in trained)
    flags = stage_flags(texts, args.mode)
    anchor = anchor_flags(texts)
    readings = {f"rashomon {args.mode}": (flags, HATE_FLAGS), f"rashomon {args.mode}, narrow": (flags, NARROW_FLAGS)}
    if anchor is not None:
        readings["alt-profanity-check"] = (anchor, HATE_FLAGS)
    out: dict = {"cases": len(cases), "in_training": overlap, "mode": args.mode, "sets": {}}
    print(f"{len(cases)} written comments ({overlap} also in the training comments)")
    for name in sorted({c["set"] for c in cases}) + ["all"]:
        rows = [k for k, c in enumerate(cases) if name in ("all", c["set"])]
        labels = [int(cases[k]["label"]) for k in rows]
        out["sets"][name] = {}
        for reading, (predicted, hate) in readings.items():
            result = figures(labels, [bool(predicted[k] & hate) for k in rows])
            out["sets"][name][reading] = result
            print(
                f"  set {name:3s} {reading:30s} hateful found {result['found']}/{result['hateful']} (recall "
                f"{result['recall']}), false flags {result['false_flags']}/{result['not_hateful']}, precision "
                f"{result['precision']}"
            )
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
