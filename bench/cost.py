"""Analysis time against page size on adversarial text (issue #20): does any shape grow worse than n log n?

Each case is one paragraph (or page) built from a repeated unit up to 10, 20, 40 and 80 KB, analysed whole by
``rashomon.analyze`` (all stages). Printed per case: seconds at each size and the growth exponent between the
smallest and largest size (1.0 linear, ~1.1 n log n, 2.0 quadratic), then the seconds at ``--large`` KB (default
1,000: a page just under 1 MB; the analysis stops at ``settings.MAX_ARTICLE_TOKENS`` and says so). A case whose
last size took longer than ``--give-up`` seconds stops there. Goal: exponent <= 1.2 everywhere, and no page
under 1 MB over 30 s.
Figures are printed last as one line of JSON. Usage: python bench/cost.py [--sizes 10,20,40,80] [--cases a,b]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

HEAD = "Quay reopens after the storm\n\n"
PROSE = (
    "The harbour office said on Tuesday that the northern quay would reopen next week. \u201cWe expect the "
    "first ships by Monday,\u201d the harbour master, Ilse Varga, told reporters. Dock workers said 40 cranes "
    "had not moved since the storm, and the union accused the port authority of ignoring repeated warnings. "
)

#: name -> (unit repeated into one paragraph, or a function of the repeat count giving the page body)
CASES = {
    "prose (paragraphs)": lambda n: "\n\n".join([PROSE] * n),
    "prose (one paragraph)": lambda n: PROSE * n,
    "\u201che said": lambda n: "\u201che said " * n,
    "Yes he said": lambda n: '"Yes," he said. ' * n,
    "said": lambda n: "said " * n,
    "figures": lambda n: " ".join(f"{i} people and {i * 3} soldiers died in {i % 28 + 1} towns," for i in range(n)),
    "U+FFFD run": lambda n: "\ufffd" * n,
    "quote marks run": lambda n: '"' * n,
    "no spaces": lambda n: "abc.def," * n,
    "short paragraphs": lambda n: "\n\n".join(["He said so."] * n),
}


def page_of(case, size_kb: int) -> str:
    build = CASES[case]
    unit = len(build(1).encode("utf-8")) or 1
    count = max(1, size_kb * 1024 // unit)
    text = HEAD + build(count)
    while len(text.encode("utf-8")) > size_kb * 1024 and count > 1:
        count = int(count * 0.97)
        text = HEAD + build(count)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,20,40,80", help="page sizes in KB")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case names")
    parser.add_argument("--large", type=int, default=1000, help="one more size in KB, outside the exponent (0: none)")
    parser.add_argument("--give-up", type=float, default=60.0, help="stop a case after a size this slow")
    args = parser.parse_args(argv)

    import rashomon
    from rashomon import nlp

    nlp.load()
    rashomon.analyze(HEAD + PROSE)  # warm up every stage's lexicons and models
    growth = [int(s) for s in args.sizes.split(",")]
    sizes = growth + ([args.large] if args.large else [])
    results: dict[str, dict[str, float]] = {}
    print(f"{'case':24}" + "".join(f"{s:>8} KB" for s in sizes) + "   exponent")
    for case in [c for c in args.cases.split(",") if c]:
        timings: dict[str, float] = {}
        for size in sizes:
            text = page_of(case, size)
            start = time.perf_counter()
            rashomon.analyze(text.encode("utf-8"), kind="text")
            timings[str(size)] = round(time.perf_counter() - start, 2)
            if timings[str(size)] > args.give_up:
                break
        done = [s for s in growth if str(s) in timings]
        exponent = (
            math.log(timings[str(done[-1])] / max(timings[str(done[0])], 1e-3)) / math.log(done[-1] / done[0])
            if len(done) > 1
            else float("nan")
        )
        results[case] = {**timings, "exponent": round(exponent, 2)}
        print(
            f"{case:24}"
            + "".join(f"{timings.get(str(s), float('nan')):>9.2f}s" for s in sizes)
            + f"   {exponent:8.2f}",
            flush=True,
        )
    worst = max((r[k] for r in results.values() for k in r if k != "exponent"), default=0.0)
    print(
        json.dumps(
            {
                "cases": results,
                "worst_seconds": worst,
                "worst_exponent": max(
                    (r["exponent"] for r in results.values() if not math.isnan(r["exponent"])), default=0.0
                ),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
