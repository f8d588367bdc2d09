"""Reading time per page, rashomon's reader against trafilatura alone on the same pages, in the same run.

Input: a folder of HTML pages (``*.html``, ``*.htm`` or gzip-compressed ``*.gz``; default
../shared/data/pages/html), or text dumps (``*.txt``, timed against nothing but themselves). Each page is read
``--repeat`` times by both; the median per page is kept. Goal (issue 2): rashomon / trafilatura <= 1.5x.
Figures are printed last as one line of JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import trafilatura

from rashomon.read import read

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages" / "html"


def load(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def median_time(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[DEFAULT_DATA], help="folders or files")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted(p for src in args.inputs for p in ([src] if src.is_file() else src.glob("*"))
                   if p.suffix in (".html", ".htm", ".gz", ".txt"))
    if not paths:
        print(f"no pages in {', '.join(map(str, args.inputs))}", file=sys.stderr)
        return 2
    pages = [(p, load(p)) for p in paths]
    read(pages[0][1])  # warm-up: language model, markup table
    ours, anchor = [], []
    for path, data in pages:
        html = path.suffix != ".txt"
        ours.append(median_time(lambda data=data, html=html: read(data, kind="html" if html else "text"), args.repeat))
        if html:
            text = data.decode("utf-8", errors="replace")
            anchor.append(median_time(lambda text=text: trafilatura.bare_extraction(
                text, include_comments=True, with_metadata=True), args.repeat))
    mean_ours = statistics.mean(ours)
    result = {"pages": len(pages), "rashomon_ms_per_page": round(1000 * mean_ours, 2)}
    print(f"pages: {len(pages)} (median of {args.repeat} runs each)")
    print(f"rashomon read:     {1000 * mean_ours:8.2f} ms/page")
    if anchor:
        mean_anchor = statistics.mean(anchor)
        ratio = mean_ours / mean_anchor
        print(f"trafilatura alone: {1000 * mean_anchor:8.2f} ms/page")
        print(f"ratio:             {ratio:8.2f}x   (goal <= 1.5x)")
        result.update(trafilatura_ms_per_page=round(1000 * mean_anchor, 2), ratio=round(ratio, 3))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
