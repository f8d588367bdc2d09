"""Cost of the attribution stage on top of the spaCy parse, as a ratio to the parse alone.

Input: text files (a text dump per page; blocks are paragraphs at blank lines) or folders of ``*.txt``;
default: the reference page and the PolNeAR dev texts under ../shared. Each file is parsed once per repeat
(``nlp.pipe`` over its blocks) and the stage run on the parse; the median of the repeats is kept per file and
the times are summed. textacy's ``direct_quotations`` on the same docs is timed beside it as the anchor.
Goal (issue 3): (parse + attribution) / parse <= 1.2. The figures are printed last as one line of JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from textacy.extract.triples import direct_quotations

from rashomon import nlp as nlp_module
from rashomon.attribution import attribution_stage
from rashomon.model import Analysis, Block, Page
from rashomon.pipeline import ParsedBlock, StageContext

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_INPUTS = [SHARED / "pages" / "aleppo-2016-11-28.txt",
                  SHARED / "data" / "attribution" / "polnear" / "data" / "dev" / "text"]


def page_of(text: str) -> Page:
    blocks, at = [], 0
    for number, paragraph in enumerate(text.split("\n\n")):
        start = at + (len(paragraph) - len(paragraph.lstrip()))
        stripped = paragraph.strip()
        at += len(paragraph) + 2
        if stripped:
            kind = "headline" if not blocks else "separator" if stripped == "* * *" else "paragraph"
            blocks.append(Block(f"b{number}", kind, start, start + len(stripped), stripped))
    return Page(text=text, blocks=blocks)


def files_of(inputs: list[Path]) -> list[Path]:
    files = []
    for item in inputs:
        files.extend(sorted(item.glob("*.txt")) if item.is_dir() else [item] if item.exists() else [])
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS, help="text files or folders")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = files_of(args.inputs)
    if not files:
        print("no input text files found", file=sys.stderr)
        return 2
    nlp = nlp_module.load()
    parse_total = stage_total = anchor_total = 0.0
    sentences = attributions = 0
    for path in files:
        page = page_of(path.read_text(encoding="utf-8", errors="replace"))
        blocks = [b for b in page.blocks if b.kind != "separator"]
        parse_times, stage_times, anchor_times = [], [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            parsed = [ParsedBlock(b, d) for b, d in zip(blocks, nlp.pipe(b.text for b in blocks))]
            parse_times.append(time.perf_counter() - started)
            fresh = [Block(b.id, b.kind, b.start, b.end, b.text) for b in page.blocks]  # narratives unset
            analysis = Analysis(page=Page(text=page.text, blocks=fresh))
            parsed = [ParsedBlock(fresh[page.blocks.index(p.block)], p.doc) for p in parsed]
            started = time.perf_counter()
            attribution_stage(analysis, StageContext(parsed))
            stage_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            for item in parsed:
                try:
                    list(direct_quotations(item.doc))
                except Exception:
                    pass
            anchor_times.append(time.perf_counter() - started)
        parse_total += statistics.median(parse_times)
        stage_total += statistics.median(stage_times)
        anchor_total += statistics.median(anchor_times)
        sentences += sum(len(list(p.doc.sents)) for p in parsed)
        attributions += len(analysis.attributions)
    ratio = (parse_total + stage_total) / parse_total
    anchor_ratio = (parse_total + anchor_total) / parse_total
    print(f"{len(files)} files, {sentences} sentences, {attributions} attributions (median of {args.repeat} runs)")
    print(f"spaCy parse alone          {parse_total:8.3f} s")
    print(f"attribution stage          {stage_total:8.3f} s   (parse + stage) / parse = {ratio:.3f}  (goal <= 1.2)")
    print(f"textacy direct_quotations  {anchor_total:8.3f} s   (parse + textacy) / parse = {anchor_ratio:.3f}")
    print(json.dumps({"files": len(files), "sentences": sentences, "parse_s": round(parse_total, 4),
                      "attribution_s": round(stage_total, 4), "ratio": round(ratio, 4),
                      "textacy_s": round(anchor_total, 4), "textacy_ratio": round(anchor_ratio, 4)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
