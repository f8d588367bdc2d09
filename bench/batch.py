"""Benchmark of batch analysis: pages/s and words/s per worker, local and Ray, beside bare spaCy ``nlp.pipe``.

Runs on a generated corpus (``bench/synthetic_corpus.py``: invented pages of ~1k and ~4k words with 10-200
comments) or on the pages given as arguments, in this order:

1. bare ``nlp.pipe`` over the article blocks of the same pages, in one process (the anchor: the parse alone);
2. ``rashomon batch`` with 1 and 2 workers on each engine, on each page size;
3. optionally (``--memory-pages 1000,10000``) the peak memory per worker after N pages, to show it is flat.

Goals (issue 8): >= 2 pages/s per core at ~4k words, scaling 1 -> 2 workers >= 0.8, Ray within 15 % of local,
peak memory <= 1.5 GB per worker with no growth. Figures are printed as read, then as ONE line of JSON last.

    .venv/bin/python bench/batch.py --pages 20 --sizes 1000,4000 --workers 1,2 --engines local,ray
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_corpus import generate  # noqa: E402

from rashomon.batch import run_batch  # noqa: E402
from rashomon.read.corpus import iter_records  # noqa: E402

GOAL_PAGES_PER_CORE_4K = 2.0
GOAL_SCALING = 0.8
GOAL_RAY_GAP = 0.15
GOAL_PEAK_GB = 1.5


def read_pages(files: list[Path]) -> list:
    """The readable pages of a corpus, as the reader makes them."""
    from rashomon.read import read

    pages = []
    for record in iter_records(files):
        if record.ok:
            source = record.content.encode() if isinstance(record.content, str) else record.content
            pages.append(read(source if source is not None else Path(record.origin), kind=record.kind))
    return pages


def bare_nlp_pipe(pages: list) -> dict:
    """Parse the article blocks of every page with one ``nlp.pipe`` per page, as ``analyze`` does, nothing else."""
    from rashomon import nlp as nlp_module
    from rashomon import settings

    nlp = nlp_module.load()
    texts = [[b.text for b in page.blocks if b.kind != "separator" and b.text.strip()] for page in pages]
    words = sum(len(page.text.split()) for page in pages)
    list(nlp.pipe(texts[0][:2]))  # warm up
    started = time.perf_counter()
    for blocks in texts:
        for _ in nlp.pipe(blocks, batch_size=settings.SPACY_BATCH_SIZE):
            pass
    seconds = time.perf_counter() - started
    return {
        "pages": len(pages),
        "words": words,
        "seconds": round(seconds, 3),
        "pages_per_s": round(len(pages) / seconds, 3),
        "words_per_s": round(words / seconds, 1),
    }


def run(engine: str, files: list[Path], workers: int, scratch: Path, stage_names) -> dict:
    out = scratch / f"out-{engine}-{workers}-{time.time_ns()}"
    options = {"workers": workers, "progress": False}
    if stage_names is not None:
        options["stage_names"] = stage_names
    cluster_start = 0.0
    if engine == "ray":  # start Ray outside the timing (a cluster is started once, not per corpus); reported apart
        import ray

        started = time.perf_counter()
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
        cluster_start = time.perf_counter() - started
    try:
        started = time.perf_counter()
        summary = run_batch(files, out, engine=engine, **options)
        wall = time.perf_counter() - started
    finally:
        if engine == "ray":
            ray.shutdown()
    from rashomon.batch.query import query

    rows, _ = query(out, "SELECT coalesce(sum(seconds), 0), count(DISTINCT worker) FROM pages")
    analysis_seconds, busy_workers = rows[0]
    shutil.rmtree(out, ignore_errors=True)
    done = summary.pages + summary.failed
    return {
        "engine": engine,
        "workers": workers,
        "pages": summary.pages,
        "failed": summary.failed,
        "words": summary.words,
        "wall_s": round(wall, 2),
        "pages_per_s": round(done / wall, 3),
        "pages_per_s_per_worker": round(done / wall / workers, 3),
        "words_per_s_per_worker": round(summary.words / wall / workers, 1),
        # time inside analyze() only: what a worker does once started (no start-up, no model loading)
        "analysis_pages_per_s_per_worker": round(summary.pages / analysis_seconds, 3) if analysis_seconds else None,
        "peak_worker_rss_mb": round(summary.peak_worker_rss_bytes / 2**20, 1),
        "workers_that_analysed": busy_workers,
        "ray_start_s": round(cluster_start, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path, help="pages to use instead of a generated corpus")
    parser.add_argument("--pages", type=int, default=20, help="generated pages per size")
    parser.add_argument("--sizes", default="1000,4000", help="generated page sizes in words")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--stages", default=None, help="comma-separated stages; default: all; '' for none")
    parser.add_argument("--memory-pages", default="", help="e.g. 1000,10000: peak memory after N pages")
    parser.add_argument("--memory-words", type=int, default=1000)
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()) / "rashomon-bench-batch")
    args = parser.parse_args()
    stage_names = None if args.stages is None else tuple(s for s in args.stages.split(",") if s)
    workers = [int(w) for w in args.workers.split(",") if w]
    engines = [e for e in args.engines.split(",") if e]
    if "ray" in engines:
        try:
            import ray  # noqa: F401
        except ImportError:
            print("ray is not installed: the ray engine is skipped (pip install 'rashomon[ray]')")
            engines.remove("ray")
    args.scratch.mkdir(parents=True, exist_ok=True)

    corpora: dict[str, list[Path]] = {}
    if args.inputs:
        corpora["given"] = list(args.inputs)
    else:
        for words in (int(w) for w in args.sizes.split(",") if w):
            folder = args.scratch / f"corpus-{words}w-{args.pages}p"
            files = sorted(folder.glob("*.jsonl")) or generate(folder, args.pages, words)
            corpora[f"{words}w"] = files

    results: dict = {"stages": "all" if stage_names is None else list(stage_names), "sizes": {}}
    for label, files in corpora.items():
        read = read_pages(files)
        pages, words = len(read), sum(len(page.text.split()) for page in read)
        article = sum(len(b.text.split()) for page in read for b in page.blocks)
        comments = sum(len(page.comments) for page in read)
        print(
            f"\n== {label}: {pages} pages; per page on average {article / max(pages, 1):.0f} article words, "
            f"{comments / max(pages, 1):.0f} comments, {words / max(pages, 1):.0f} words in all"
        )
        anchor = bare_nlp_pipe(read)
        del read
        print(
            f"  bare nlp.pipe (anchor, 1 process): {anchor['pages_per_s']:.2f} pages/s, "
            f"{anchor['words_per_s']:.0f} words/s"
        )
        runs = []
        for engine in engines:
            for count in workers:
                figures = run(engine, files, count, args.scratch, stage_names)
                runs.append(figures)
                print(
                    f"  {engine:5} x{count}: {figures['pages_per_s']:.2f} pages/s wall, "
                    f"{figures['pages_per_s_per_worker']:.2f} pages/s and {figures['words_per_s_per_worker']:.0f} "
                    f"words/s per worker (inside analyze: {figures['analysis_pages_per_s_per_worker']} pages/s); "
                    f"peak {figures['peak_worker_rss_mb']:.0f} MB/worker; {figures['workers_that_analysed']} workers busy"
                    + (f", Ray start {figures['ray_start_s']:.1f} s not counted" if engine == "ray" else "")
                    + "; anchor nlp.pipe "
                    f"{anchor['pages_per_s']:.2f} pages/s"
                )
        entry = {
            "pages": pages,
            "words_per_page": round(words / max(pages, 1)),
            "article_words_per_page": round(article / max(pages, 1)),
            "comments_per_page": round(comments / max(pages, 1)),
            "nlp_pipe": anchor,
            "runs": runs,
        }
        by = {(r["engine"], r["workers"]): r for r in runs}
        if ("local", 1) in by and ("local", 2) in by:
            entry["scaling_1_to_2_local"] = round(
                by["local", 2]["pages_per_s"] / (2 * by["local", 1]["pages_per_s"]), 3
            )
            print(f"  scaling 1 -> 2 workers (local): {entry['scaling_1_to_2_local']:.2f} (goal >= {GOAL_SCALING})")
        for count in workers:
            if ("ray", count) in by and ("local", count) in by:
                ratio = round(by["ray", count]["pages_per_s"] / by["local", count]["pages_per_s"], 3)
                entry[f"ray_over_local_x{count}"] = ratio
                print(f"  ray / local with {count} workers: {ratio:.2f} (goal >= {1 - GOAL_RAY_GAP:.2f})")
        results["sizes"][label] = entry

    memory = []
    for count in (int(n) for n in args.memory_pages.split(",") if n):
        folder = args.scratch / f"corpus-{args.memory_words}w-{count}p"
        files = sorted(folder.glob("*.jsonl")) or generate(folder, count, args.memory_words, max_comments=60)
        figures = run("local", files, 1, args.scratch, stage_names)
        memory.append(
            {"pages": count, "peak_worker_rss_mb": figures["peak_worker_rss_mb"], "pages_per_s": figures["pages_per_s"]}
        )
        print(
            f"\n== memory: {count} pages of ~{args.memory_words} words, 1 worker: peak "
            f"{figures['peak_worker_rss_mb']:.0f} MB (goal <= {GOAL_PEAK_GB * 1024:.0f} MB, flat)"
        )
    results["memory"] = memory
    results["goals"] = {
        "pages_per_s_per_core_4k": GOAL_PAGES_PER_CORE_4K,
        "scaling": GOAL_SCALING,
        "ray_gap": GOAL_RAY_GAP,
        "peak_gb_per_worker": GOAL_PEAK_GB,
    }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
