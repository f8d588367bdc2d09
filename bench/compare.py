"""Time the claims, encode and compare stages against the spaCy parse they sit on, and the cross-page comparison.

The stages are timed apart, as the pipeline runs them: ``parse`` (spaCy), ``claims`` (frames and numbers from
the parse), ``encode`` (one pass of the text encoder over the claims, with token vectors: the shared stage every
later stage reads), ``compare`` (alignment, verdicts and framing, reading the encode stage's vectors). Figures:

1. per page: (claims + compare) / (parse + encode): what the claims and compare stages add to "the spaCy parse
   with the encoder" (issue #19's goal: <= 0.3x); and, as plainly, (encode + claims + compare) / parse;
2. ``compare_pages`` over N pages of ~W words (default 10 x 1,000, cut from the input pages' article text,
   paragraphs rotated so no two pages are the same) against parsing those pages (goal < 1x): reading the
   pages' encode-stage vectors (as ``rashomon compare`` does), and, beside it, encoding every claim itself
   (as for stored analyses, whose vectors are not kept).

    .venv/bin/python bench/compare.py [PAGE ...] [--pages 10] [--words 1000] [--repeat 3]

The anchor is the spaCy parse itself (ratio 1.0). Timings are best of ``--repeat``; the load average is printed
beside them (a shared machine's timings are noisy). Prints a table and one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

DEFAULT_PAGE = Path(__file__).resolve().parents[2] / "shared" / "pages" / "aleppo-2016-11-28.txt"


def best_of(repeat: int, func) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def synthetic_pages(paragraphs: list[str], count: int, words: int):
    from rashomon.model import Block, Page

    pages = []
    for n in range(count):
        rotated = paragraphs[n % len(paragraphs) :] + paragraphs[: n % len(paragraphs)]
        chosen, total = [], 0
        for para in rotated * 4:
            if total >= words:
                break
            chosen.append(para)
            total += len(para.split())
        text, blocks = "", []
        for i, para in enumerate(chosen):
            start = len(text)
            text += para + "\n\n"
            blocks.append(Block(f"b{i}", "paragraph", start, start + len(para), para, None))
        pages.append(Page(text=text, blocks=blocks, publisher=f"outlet {n + 1}"))
    return pages


def time_page(page, model, repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds of the spaCy parse and the claims, encode and compare stages on one page."""
    from rashomon.claims import claims_stage
    from rashomon.compare import compare_stage
    from rashomon.encode import encode_stage
    from rashomon.model import Analysis
    from rashomon.pipeline import StageContext, parse

    t_parse, parsed = best_of(repeat, lambda: parse(page, model))

    def run_claims():
        analysis = Analysis(page=page)
        claims_stage(analysis, StageContext(parsed))
        return analysis

    t_claims, analysis = best_of(repeat, run_claims)
    ctx = StageContext(parsed)
    t_encode, _ = best_of(repeat, lambda: encode_stage(analysis, ctx))

    def run_compare():
        analysis.alignments, analysis.framing, analysis.warnings = [], {}, []
        compare_stage(analysis, ctx)

    t_compare, _ = best_of(repeat, run_compare)
    return {"parse": t_parse, "claims": t_claims, "encode": t_encode, "compare": t_compare}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, default=[DEFAULT_PAGE], help="page files (text dumps or HTML)")
    parser.add_argument("--pages-count", "--pages", dest="count", type=int, default=10)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    missing = [p for p in args.pages if not Path(p).is_file()]
    if missing:
        print(f"no such page file: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2

    from rashomon import nlp
    from rashomon.claims import claims_stage
    from rashomon.compare import compare_pages
    from rashomon.encode import CLAIM_ENCODING, encode_stage
    from rashomon.encoder import load as load_encoder
    from rashomon.model import Analysis
    from rashomon.pipeline import StageContext, parse
    from rashomon.read import read

    model = nlp.load()
    load_encoder()  # loaded once per process, as in a run: not part of any stage's time
    time_page(read(args.pages[0]), model, 1)  # warm up the model and load the lexicons once
    rows, paragraphs = [], []
    for path in args.pages:
        page = read(path)
        paragraphs += [b.text for b in page.article_blocks if len(b.text.split()) > 5]
        t = time_page(page, model, args.repeat)
        rest = t["claims"] + t["compare"]
        rows.append(
            {
                "page": Path(path).name,
                "words": sum(len(b.text.split()) for b in page.article_blocks),
                **{f"{k}_s": round(v, 4) for k, v in t.items()},
                "claims_compare_over_parse_encode": round(rest / (t["parse"] + t["encode"]), 4),
                "encode_claims_compare_over_parse": round((rest + t["encode"]) / t["parse"], 4),
                "encode_over_parse": round(t["encode"] / t["parse"], 4),
            }
        )
    print(f"load average {os.getloadavg()[0]:.1f} (1 min)")
    print(
        f"{'page':28} {'words':>6} {'parse s':>8} {'encode s':>9} {'claims s':>9} {'compare s':>10} "
        f"{'(cl+cmp)/(parse+enc)':>21} {'(enc+cl+cmp)/parse':>19}"
    )
    for r in rows:
        print(
            f"{r['page'][:28]:28} {r['words']:6d} {r['parse_s']:8.3f} {r['encode_s']:9.3f} {r['claims_s']:9.3f} "
            f"{r['compare_s']:10.3f} {r['claims_compare_over_parse_encode']:21.3f} "
            f"{r['encode_claims_compare_over_parse']:19.3f}"
        )
    print("anchor: the spaCy parse = 1.0x; goal (claims + compare) / (parse + encode) <= 0.3x")

    pages = synthetic_pages(paragraphs, args.count, args.words)
    start = time.perf_counter()
    parsed_pages = [parse(p, model) for p in pages]
    t_parse_all = time.perf_counter() - start
    analyses = []
    start = time.perf_counter()
    for page, parsed in zip(pages, parsed_pages):
        analysis = Analysis(page=page)
        claims_stage(analysis, StageContext(parsed))
        analyses.append(analysis)
    t_claims_all = time.perf_counter() - start
    contexts = [StageContext(parsed) for parsed in parsed_pages]
    start = time.perf_counter()
    for analysis, ctx in zip(analyses, contexts):
        encode_stage(analysis, ctx)
    t_encode_all = time.perf_counter() - start
    encodings = [ctx.provided[CLAIM_ENCODING] for ctx in contexts]
    t_reused, result = best_of(args.repeat, lambda: compare_pages(analyses, encodings=encodings))
    t_cross, _ = best_of(args.repeat, lambda: compare_pages(analyses))
    words = sum(len(p.text.split()) for p in pages)
    print(
        f"across pages: {len(pages)} pages, {words} words; parse {t_parse_all:.2f} s, claims {t_claims_all:.2f} s, "
        f"encode stage {t_encode_all:.2f} s; compare_pages on the pages' encode-stage vectors {t_reused:.3f} s "
        f"({t_reused / t_parse_all:.3f}x the parse; goal < 1x), encoding the claims itself {t_cross:.3f} s "
        f"({t_cross / t_parse_all:.3f}x); {len(result['alignments'])} alignments; load {os.getloadavg()[0]:.1f}"
    )
    print(
        json.dumps(
            {
                "load_1min": round(os.getloadavg()[0], 2),
                "pages": rows,
                "across": {
                    "pages": len(pages),
                    "words": words,
                    "parse_s": round(t_parse_all, 3),
                    "claims_s": round(t_claims_all, 3),
                    "encode_s": round(t_encode_all, 3),
                    "compare_pages_reused_s": round(t_reused, 4),
                    "ratio_to_parse": round(t_reused / t_parse_all, 4),
                    "compare_pages_encoding_s": round(t_cross, 4),
                    "encoding_ratio_to_parse": round(t_cross / t_parse_all, 4),
                    "alignments": len(result["alignments"]),
                },
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
