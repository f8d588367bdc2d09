"""Functional tests for hate, abuse and threats: the comments stage on our own templated cases (issue 22).

The cases (``eval/data/functional.yaml``, written for this project after the published design of functional
suites for hate speech: derogation, threats, slurs, profanity, pronoun reference, negation, phrasing, group
identity, counter-speech, targets that are not protected, spelling variations) each carry a gold label,
"hateful" or "not hateful". A case is predicted hateful when the stage (``analyze_comments``, the default
``fast`` mode and ``--mode encoder``) gives it a ``toxicity``, ``identity_attack`` or ``threat`` flag; the
figures for the narrower reading "hate = an ``identity_attack`` or ``threat`` flag" are printed beside them.
The anchor, alt-profanity-check (probability >= 0.5 as hateful), scores the same cases in the same run.

Templates alternate between half A (the one fixes were made on) and half B (held out): both are reported.
Figures: accuracy per functionality, overall accuracy, recall on the threat cases (hateful, and the ``threat``
flag itself). Human-readable figures, then one line of JSON last.

    .venv/bin/python eval/functional.py [--cases eval/data/functional.yaml] [--modes fast encoder]
        [--half A|B|all] [--show-errors MODE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rashomon.comments import analyze_comments  # noqa: E402
from rashomon.comments.functional_cases import Case, load_cases  # noqa: E402
from rashomon.model import Analysis, Comment, Page  # noqa: E402
from rashomon.options import CommentOptions, Options  # noqa: E402

#: Flags that make a case "hateful" (the issue's reading), and the narrower reading printed beside it.
HATE_FLAGS = {"toxicity", "identity_attack", "threat"}
NARROW_FLAGS = {"identity_attack", "threat"}
GOALS = {"accuracy": 0.85, "threat_recall": 0.90}


def stage_flags(texts: list[str], mode: str) -> list[set[str]]:
    """The comments stage's flags for each text, each text a comment of one page (abuse steps only)."""
    page_text, comments = "", []
    for k, text in enumerate(texts):
        comments.append(Comment(f"c{k}", "reader", text, len(page_text), len(page_text) + len(text)))
        page_text += text + "\n\n"
    analysis = Analysis(page=Page(text=page_text, comments=comments))
    options = Options(comments=CommentOptions(steps=("language", "abuse"), mode=mode))
    analyze_comments(analysis, options)
    return [set(c.flags) for c in analysis.page.comments]


def anchor_flags(texts: list[str]) -> list[set[str]] | None:
    try:
        from profanity_check import predict_prob
    except ImportError:
        return None
    return [{"toxicity"} if p >= 0.5 else set() for p in predict_prob(texts)]


def figures(cases: list[Case], flags: list[set[str]], hate_flags: set[str]) -> dict:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    threat_hit = threat_flag = threats_n = 0
    right = 0
    for case, got in zip(cases, flags, strict=True):
        predicted = bool(got & hate_flags)
        ok = predicted == case.hateful
        right += ok
        per[case.functionality][0] += ok
        per[case.functionality][1] += 1
        if case.threat:
            threats_n += 1
            threat_hit += predicted
            threat_flag += "threat" in got
    hateful = [c for c in cases if c.hateful]
    return {
        "n": len(cases),
        "accuracy": round(right / len(cases), 3) if cases else None,
        "accuracy_hateful": _acc(cases, flags, hate_flags, True),
        "accuracy_not_hateful": _acc(cases, flags, hate_flags, False),
        "threat_recall": round(threat_hit / threats_n, 3) if threats_n else None,
        "threat_flag_recall": round(threat_flag / threats_n, 3) if threats_n else None,
        "n_hateful": len(hateful),
        "per_functionality": {k: round(v[0] / v[1], 3) for k, v in per.items()},
    }


def _acc(cases, flags, hate_flags, gold: bool) -> float | None:
    pairs = [(c, f) for c, f in zip(cases, flags) if c.hateful == gold]
    return round(sum(bool(f & hate_flags) == gold for c, f in pairs) / len(pairs), 3) if pairs else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=REPO / "eval" / "data" / "functional.yaml")
    parser.add_argument("--modes", nargs="+", default=["fast", "encoder"], choices=["fast", "encoder"])
    parser.add_argument("--show-errors", choices=["fast", "encoder"], help="print the cases this mode gets wrong")
    parser.add_argument("--half", choices=["A", "B", "all"], default="all", help="which errors to print")
    args = parser.parse_args(argv)
    cases = load_cases(args.cases)
    texts = [c.text for c in cases]
    predictions: dict[str, list[set[str]]] = {mode: stage_flags(texts, mode) for mode in args.modes}
    anchor = anchor_flags(texts)
    if anchor is not None:
        predictions["alt-profanity-check"] = anchor
    result: dict = {"n": len(cases), "n_hateful": sum(c.hateful for c in cases), "goals": GOALS}
    systems = list(predictions)
    for half in ("A", "B", "all"):
        keep = [k for k, c in enumerate(cases) if half == "all" or c.half == half]
        sub = [cases[k] for k in keep]
        result[half] = {}
        for system in systems:
            got = [predictions[system][k] for k in keep]
            result[half][system] = figures(sub, got, HATE_FLAGS)
            if system != "alt-profanity-check":
                narrow = figures(sub, got, NARROW_FLAGS)
                result[half][system + ":narrow"] = {k: narrow[k] for k in ("accuracy", "threat_recall")}
    names = list(dict.fromkeys(c.functionality for c in cases))
    print(
        f"{len(cases)} cases ({result['n_hateful']} hateful), half A {sum(c.half == 'A' for c in cases)}, "
        f"half B {sum(c.half == 'B' for c in cases)}; hateful = a toxicity, identity_attack or threat flag"
    )
    header = "".join(f"{s[:12] + ' A/B':>22}" for s in systems)
    print(f"  {'functionality':28}{'gold':>6}{'n':>5}{header}")
    for name in names:
        gold = "H" if next(c for c in cases if c.functionality == name).hateful else "nH"
        n = sum(c.functionality == name for c in cases)
        cells = "".join(
            f"{_cell(result['A'][s]['per_functionality'].get(name)) + ' / ' + _cell(result['B'][s]['per_functionality'].get(name)):>22}"
            for s in systems
        )
        print(f"  {name:28}{gold:>6}{n:>5}{cells}")
    for half in ("A", "B", "all"):
        label = {"A": "half A (tuned on)", "B": "half B (held out)", "all": "all cases"}[half]
        print(f"{label}:")
        for system in systems:
            f = result[half][system]
            narrow = result[half].get(system + ":narrow")
            extra = f"; narrow (identity_attack|threat): accuracy {narrow['accuracy']:.3f}" if narrow else ""
            print(
                f"  {system:22} accuracy {f['accuracy']:.3f} (hateful {f['accuracy_hateful']:.3f}, not hateful "
                f"{f['accuracy_not_hateful']:.3f}); threat cases recall {_cell(f['threat_recall'])}, "
                f"threat flag {_cell(f['threat_flag_recall'])}{extra}"
            )
    if args.show_errors:
        for case, got in zip(cases, predictions[args.show_errors]):
            if args.half != "all" and case.half != args.half:
                continue
            if bool(got & HATE_FLAGS) != case.hateful:
                print(
                    f"  {'missed' if case.hateful else 'false '} [{case.functionality}/{case.half}] {case.text}  "
                    f"{sorted(got)}"
                )
    print(json.dumps(result))
    return 0


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    raise SystemExit(main())
