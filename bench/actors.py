"""Time the actors stage as a ratio to the spaCy parse of the same page (goal: at most 0.2x).

For each input page: read it, parse its article blocks once (timed, best of ``--repeat``), then run the actors
stage on that parse (timed, best of ``--repeat``; the gazetteer is loaded once beforehand, as in a worker).
The anchor is the plain baseline of ``eval/actors.py`` (spaCy entities + a cue verb between two of them) on
the same parse. A synthetic page naming hundreds of invented groups is added with ``--many N`` (default 300).

Usage: ``.venv/bin/python bench/actors.py [PAGE ...] [--repeat 5] [--many 300]``; the last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "eval"))

from rashomon import nlp as nlp_module  # noqa: E402
from rashomon.actors import actors_stage, load_gazetteer  # noqa: E402
from rashomon.model import Analysis, Block, Page  # noqa: E402
from rashomon.pipeline import StageContext, parse  # noqa: E402
from rashomon.read import read  # noqa: E402

PARTS = ["Amber", "Basalt", "Cedar", "Dune", "Ember", "Flint", "Granite", "Harbor", "Iris", "Juniper", "Kelp",
         "Lichen", "Marble", "Nettle", "Onyx", "Pumice", "Quartz", "Rowan", "Slate", "Thistle"]
KINDS = ["Brigades", "Front", "Battalions", "Movement", "Guard"]


def many_actor_page(count: int) -> Page:
    names = [f"{a}{b.lower()} {k}" for k in KINDS for a in PARTS for b in PARTS][:count]  # up to 2,000 names
    paragraphs = [f"The {names[i]} attacked the {names[(i + 1) % len(names)]} near the river, and Turkey backed the "
                  f"{names[(i + 2) % len(names)]}." for i in range(len(names))]
    text, blocks, start = "", [], 0
    for n, para in enumerate(paragraphs):
        blocks.append(Block(f"b{n}", "paragraph", start, start + len(para), para))
        text += para + "\n\n"
        start += len(para) + 2
    return Page(text=text, blocks=blocks)


def best(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_page(label: str, page: Page, nlp, gaz, repeat: int) -> dict:
    from actors import anchor  # eval/actors.py's baseline

    parse_s = best(lambda: parse(page, nlp), repeat)
    parsed = parse(page, nlp)

    def ours():
        actors_stage(Analysis(page=page), StageContext(parsed), gazetteer=gaz)

    def baseline():
        for pb in parsed:
            anchor(pb.doc, gaz)

    ours_s, anchor_s = best(ours, repeat), best(baseline, repeat)
    analysis = Analysis(page=page)
    actors_stage(analysis, StageContext(parsed), gazetteer=gaz)
    tokens = sum(len(pb.doc) for pb in parsed)
    row = {"page": label, "tokens": tokens, "actors": len(analysis.actors), "relations": len(analysis.relations),
           "parse_s": round(parse_s, 4), "actors_s": round(ours_s, 4), "anchor_s": round(anchor_s, 4),
           "ratio": round(ours_s / parse_s, 4), "anchor_ratio": round(anchor_s / parse_s, 4)}
    print(f"{label:32} {tokens:6d} tok  parse {parse_s * 1000:8.1f} ms  actors {ours_s * 1000:7.1f} ms "
          f"({row['ratio']:.3f}x; anchor {row['anchor_ratio']:.3f}x)  {row['actors']} actors, {row['relations']} relations")
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, default=[SHARED / "pages" / "aleppo-2016-11-28.txt"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--many", type=int, default=300, help="actors on the synthetic page (0: no synthetic page)")
    args = parser.parse_args(argv)
    nlp = nlp_module.load()
    gaz = load_gazetteer()
    rows = []
    for path in args.pages:
        if not path.is_file():
            print(f"{path}: not found, skipped")
            continue
        rows.append(bench_page(path.name, read(path), nlp, gaz, args.repeat))
    if args.many:
        rows.append(bench_page(f"synthetic, {args.many} groups", many_actor_page(args.many), nlp, gaz, args.repeat))
    if not rows:
        print("no input page", file=sys.stderr)
        return 2
    worst = max(r["ratio"] for r in rows)
    print(f"worst ratio to the parse: {worst:.3f}x (goal <= 0.2x); median {statistics.median(r['ratio'] for r in rows):.3f}x")
    print(json.dumps({"worst_ratio": worst, "goal_ratio": 0.2, "pages": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
