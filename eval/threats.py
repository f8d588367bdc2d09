"""Threats of violence: precision and recall of rashomon's threat patterns on a labelled JSONL set.

Default set: ``eval/data/threats.jsonl`` (the project's own writing: half threats and wishes of violence,
half hard negatives: war reporting, "kill the bill", metaphors, quotes of others' threats). Each line is
``{"text": ..., "label": 0|1, "kind": ...}``. The anchor, alt-profanity-check (probability >= 0.5 taken as
"threat"), scores the same texts in the same run. Note that the patterns were written while looking at the
default set, so its figures are optimistic; point ``--data`` at a fresh set for an unbiased measure. Each text is
matched as the comments stage reads it (:func:`~rashomon.comments.spelling.reading`: "st@bbed", "k i l l").

``eval/data/threats_blind37.jsonl`` was written blind (session 37: the writer saw neither the patterns nor the other
sets) and scored before any rule was written on it; then the rows of half A were read and mended, half B was not:
rows with a ``half`` field get their figures by half too. ``eval/data/threats_written54.jsonl`` (session 54: 160 threats
toward groups in five kinds, normative, direct, a call, veiled, a violent outcome, and 120 look-alikes, reports,
non-violent senses, threats to no protected group, protection, harsh policy talk, history; written by a writer who saw
no code, each filled with two groups) was scored before any change and then read whole: a development set now.

``eval/data/protection_written55.jsonl`` (session 55, written the same way: 160 comments that protect or defend a
group, condemn those who harm it, support its members or call for help, and 80 hateful comments in the same words:
protection "from" the group, harm praised, threats dressed as safety, blame, exclusion "for safety"; each filled with
two groups) holds few threats: read it with ``--stage``, which counts the comments stage's flags per label and kind.
So do ``flat_written55.jsonl`` and the two sets of session 56 on harm done to a group and celebrated, each beside
look-alikes in its words (relief, justice done, rescuers praised, grief, celebration called out):
``celebration_written56.jsonl`` (scored before any change, then read), ``celebration_written56b.jsonl`` and
``celebration_written56c.jsonl`` (by a second and a third writer, each scored on the session's code before it was read).

    .venv/bin/python eval/threats.py [--data eval/data/threats.jsonl ...] [--show-errors] [--stage]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rashomon.comments import spelling, threats  # noqa: E402
from rashomon.comments.metrics import binary_figures  # noqa: E402


def read_rows(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row.get("text"), str) or row.get("label") not in (0, 1):
                raise ValueError(f"{path}:{number}: each line needs a string 'text' and a 0/1 'label'")
            rows.append(row)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", type=Path, default=[REPO / "eval" / "data" / "threats.jsonl"])
    parser.add_argument("--show-errors", action="store_true", help="print every false positive and negative")
    parser.add_argument(
        "--stage",
        action="store_true",
        help="also run the comments stage (fast mode, language and abuse steps) on every row and count, per label "
        "and kind, the rows it flags as abusive (toxicity, identity attack or threat) and those it flags as threats",
    )
    args = parser.parse_args(argv)
    try:
        rows = read_rows(args.data)
    except (OSError, ValueError) as err:
        parser.error(str(err))
    labels = np.array([r["label"] for r in rows])
    hits = [threats.find_threats(spelling.reading(r["text"])[0]) for r in rows]
    scores = np.array([threats.threat_score(h) for h in hits])
    ours = binary_figures(labels, scores)
    try:
        from profanity_check import predict_prob

        anchor = binary_figures(labels, predict_prob([r["text"] for r in rows]))
    except ImportError:
        anchor = None
    errors = Counter()
    for row, score in zip(rows, scores):
        if (score >= 0.5) != bool(row["label"]):
            errors[("FN" if row["label"] else "FP") + ":" + row.get("kind", "?")] += 1
            if args.show_errors:
                print(("  missed  " if row["label"] else "  false   ") + row["text"])
    print(f"{len(rows)} comments ({int(labels.sum())} threats, {int(len(labels) - labels.sum())} hard negatives)")
    print(
        f"  rashomon threat patterns:          precision {ours['precision']:.3f}  recall {ours['recall']:.3f}  "
        f"F1 {ours['f1_positive']:.3f}  ECE {ours['ece']:.3f}"
    )
    if anchor:
        print(
            f"  alt-profanity-check (p >= 0.5):    precision {anchor['precision']:.3f}  recall {anchor['recall']:.3f}  "
            f"F1 {anchor['f1_positive']:.3f}"
        )
    print(f"  errors by kind: {dict(errors) or 'none'}")
    halves = {}
    for half in sorted({r["half"] for r in rows if "half" in r}):
        keep = np.array([r.get("half") == half for r in rows])
        halves[half] = binary_figures(labels[keep], scores[keep])
        print(
            f"  half {half} ({'read and mended' if half == 'A' else 'held out'}): precision "
            f"{halves[half]['precision']:.3f}  recall {halves[half]['recall']:.3f}  F1 {halves[half]['f1_positive']:.3f}"
        )
    stage = stage_counts(rows, args.show_errors, anchor is not None) if args.stage else None
    print(
        json.dumps(
            {
                "n": len(rows),
                "ours": ours,
                "anchor_alt_profanity_check": anchor,
                "errors_by_kind": dict(errors),
                **({"halves": halves} if halves else {}),
                **({"stage": stage} if stage else {}),
            }
        )
    )
    return 0


#: The stage's flags counted as taking a comment for abuse of a group or a threat (not insult or profanity alone).
ABUSIVE = frozenset({"toxicity", "identity_attack", "threat"})


def stage_counts(rows: list[dict], show: bool, with_anchor: bool) -> dict:
    """Per label and kind: rows, rows the comments stage flags as abusive (:data:`ABUSIVE`), rows it flags as a
    threat, and rows the anchor (alt-profanity-check, p >= 0.5) flags; printed, and returned for the JSON line."""
    from rashomon.comments import analyze_comments
    from rashomon.model import Analysis, Comment, Page
    from rashomon.options import CommentOptions, Options

    page_text, comments = "", []
    for number, row in enumerate(rows):
        comments.append(Comment(f"c{number}", "reader", row["text"], len(page_text), len(page_text) + len(row["text"])))
        page_text += row["text"] + "\n\n"
    analysis = Analysis(page=Page(text=page_text, comments=comments))
    analyze_comments(analysis, Options(comments=CommentOptions(steps=("language", "abuse"), mode="fast")))
    anchor = [False] * len(rows)
    if with_anchor:
        from profanity_check import predict_prob

        anchor = list(predict_prob([r["text"] for r in rows]) >= 0.5)
    counts: dict[str, dict[str, int]] = {}
    for row, comment, flagged_by_anchor in zip(rows, analysis.page.comments, anchor, strict=True):
        flags = set(comment.flags)
        for key in (f"{row['label']} {row.get('kind', '?')}", f"{row['label']} all"):
            entry = counts.setdefault(key, {"n": 0, "abusive": 0, "threat": 0, "anchor": 0})
            entry["n"] += 1
            entry["abusive"] += bool(flags & ABUSIVE)
            entry["threat"] += "threat" in flags
            entry["anchor"] += bool(flagged_by_anchor)
        if show and bool(flags & ABUSIVE) != bool(row["label"]):
            print(f"  stage {'missed' if row['label'] else 'false'}  {sorted(flags)}  {row['text']}")
    print("  the comments stage (fast), per label and kind: rows / flagged abusive / flagged threat / anchor flagged")
    for key in sorted(counts):
        entry = counts[key]
        print(f"    {key:28} {entry['n']:4} {entry['abusive']:4} {entry['threat']:4} {entry['anchor']:4}")
    return counts


if __name__ == "__main__":
    raise SystemExit(main())
