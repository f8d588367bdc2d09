"""Benchmark of story grouping: time and peak memory at 10k, 30k and 100k pages, and Ray beside local.

A synthetic batch output is generated per size (invented events, each told by a few of 30 invented outlets
within days of each other, near-duplicate re-posts, pages of ~800 words as real pages are; nothing is copied
from any data set), then ``build_stories`` runs over it in a fresh process that reports its own time and peak
memory. Two parts are timed apart:

1. the whole stories run (reading the Parquet parts, parsing each page's analysis, MinHash, grouping, topics,
   tables, per-story comparisons) at each size, with the encoder replaced by a cheap stand-in (hashed words
   projected to 384 dimensions), since the encoder alone would take most of an hour at 100k pages on 2 cores;
2. the shared encoder on the title and lead (pages/s, local engine on ``--workers`` threads and Ray with as
   many actors) on ``--encoder-pages`` pages: what it adds is linear in the pages (printed as an estimate).

Goals (issue 18): memory flat (<= 2 GB at 100k), time no worse than n log n, Ray within 20 % of local.

    PYTHONPATH=src python bench/stories.py --sizes 10000,30000,100000 --encoder-pages 2000
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_corpus import sentence  # noqa: E402

GOAL_PEAK_GB = 2.0
GOAL_RAY_GAP = 0.20
OUTLETS = [
    f"{a}-{b}.invalid"
    for a in ("lorvik", "kessa", "oster", "varn", "halden", "brask")
    for b in ("herald", "post", "courier", "gazette", "daily")
]
KINDS = ["strike", "flood", "fire", "election", "trial", "storm", "protest", "merger", "ferry accident", "landslide"]
SYLLABLES = ["ka", "lo", "ren", "vi", "sa", "dor", "mi", "tal", "bru", "nes", "qui", "fa", "ho", "zel", "pa", "gri"]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_output(out: Path, pages: int, seed: int = 18, words: int = 800, part_size: int = 2000) -> None:
    """A batch output of ``pages`` synthetic pages (written with the batch writer, as a batch would)."""
    from rashomon.batch.output import BatchOutput, PageResult, rows_for_page

    rng = random.Random(seed)
    events = []
    for _ in range(max(1, pages // 5)):
        events.append(
            {
                "kind": rng.choice(KINDS),
                "place": _name(rng, 3),
                "person": f"{_name(rng)} {_name(rng, 3)}",
                "group": f"the {_name(rng, 2)} {rng.choice(['Union', 'Council', 'Board', 'League'])}",
                "other": f"{_name(rng)} {_name(rng, 3)}",
                "district": _name(rng, 3),
                "day": rng.randrange(0, 365),
            }
        )
    output = BatchOutput(out, engine="local")
    buffer: list[PageResult] = []
    filler = [sentence(rng) for _ in range(2000)]
    last_text: dict[int, str] = {}
    for number in range(pages):
        index = (
            min(int(rng.paretovariate(1.2)) - 1, len(events) - 1) if rng.random() < 0.1 else rng.randrange(len(events))
        )
        event = events[index]
        outlet = rng.choice(OUTLETS)
        day = 739_252 + event["day"] + rng.randrange(0, 3)  # 2025-01-01 + the event's day + a delay
        if index in last_text and rng.random() < 0.05:  # a re-post of an earlier page, lightly edited
            text = last_text[index] + " This article has been updated."
            title = text.split("\n", 1)[0]
        else:
            title = (
                f"{event['kind'].capitalize()} in {event['place']}: {event['person']} "
                f"{rng.choice(['speaks out', 'responds', 'under pressure', 'calls for calm', 'blames officials'])}"
            )
            lead = (
                f"{event['person']} of {event['group']} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} "
                f"that the {event['kind']} in {event['place']} had affected {rng.randrange(10, 5000)} people."
            )
            lead += (
                f" Officials in {event['place']} met {event['other']} to discuss the {event['kind']}, which began "
                f"in the {event['district']} district."
            )
            body, count = [lead], len(lead.split())
            while count < words:
                piece = rng.choice(filler)
                body.append(piece)
                count += len(piece.split())
            text = title + "\n\n" + " ".join(body)
            last_text[index] = text
        published = __import__("datetime").date.fromordinal(day).isoformat()
        url = f"https://{outlet}/{number}"
        data = {
            "page": {
                "text": text,
                "title": title,
                "url": url,
                "published_at": published,
                "publisher": None,
                "language": "en",
                "source_format": "text",
            },
            "blocks": [],
            "sources": [],
            "attributions": [],
            "claims": [],
            "alignments": [],
            "framing": {},
            "actors": [],
            "relations": [],
            "comments": [],
            "warnings": [],
        }
        record = SimpleNamespace(
            id=f"p{number:07d}", url=url, published_at=published, origin="synthetic", offset=number
        )
        buffer.append(PageResult(record.id, rows_for_page(record, data), words=count))
        if len(buffer) >= part_size:
            output.commit(buffer)
            buffer.clear()
    output.commit(buffer)


class StandInEncoder:
    """Hashed words projected to 384 dimensions: a cheap stand-in with the encoder's interface (timing only)."""

    def __init__(self, dim: int = 384, buckets: int = 1 << 14) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.vectorizer = HashingVectorizer(n_features=buckets, alternate_sign=False, norm=None, stop_words="english")
        self.projection = np.random.default_rng(0).standard_normal((buckets, dim)).astype(np.float32)

    def embed(self, texts):
        vectors = np.asarray(self.vectorizer.transform(texts) @ self.projection, dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def run_child(out: Path, engine: str, workers: int, stand_in: bool, compare: bool) -> dict:
    from rashomon.stories import build_stories

    started = time.perf_counter()
    summary = build_stories(
        out, engine=engine, workers=workers, compare=compare, encoder=StandInEncoder() if stand_in else None
    )
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "peak_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2,
        "pages": summary.pages,
        "stories": summary.stories,
        "grouping_s": summary.seconds_grouping,
        "features_s": summary.seconds_features,
        "tables_s": summary.seconds_tables,
    }


def in_child(out: Path, engine: str, workers: int, stand_in: bool, compare: bool = True) -> dict:
    command = [sys.executable, __file__, "--child", str(out), "--engine", engine, "--workers", str(workers)]
    command += ["--stand-in"] if stand_in else []
    command += [] if compare else ["--no-compare"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--encoder-pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--stand-in", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-compare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.engine, args.workers, args.stand_in, not args.no_compare)))
        return
    figures: dict[str, float] = {}
    scratch = Path(tempfile.mkdtemp(prefix="bench-stories-"))
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        if args.encoder_pages:
            out = scratch / "out-encoder"
            make_output(out, args.encoder_pages, seed=19)
            for engine in args.engines.split(","):
                shutil.rmtree(out / "stories", ignore_errors=True)
                result = in_child(out, engine, args.workers, stand_in=False, compare=False)
                figures[f"encoder_{engine}_pages_per_s"] = round(args.encoder_pages / result["seconds"], 1)
                print(
                    f"{engine} with the shared encoder, {args.encoder_pages} pages, {args.workers} workers: "
                    f"{result['seconds']:.1f} s ({figures[f'encoder_{engine}_pages_per_s']} pages/s, "
                    f"peak {result['peak_gb']:.2f} GB in the driver)",
                    flush=True,
                )
            if "encoder_local_pages_per_s" in figures and "encoder_ray_pages_per_s" in figures:
                figures["ray_over_local"] = round(
                    figures["encoder_ray_pages_per_s"] / figures["encoder_local_pages_per_s"], 3
                )
                print(f"Ray / local throughput: {figures['ray_over_local']:.2f} (goal: within {GOAL_RAY_GAP:.0%})")
        for size in sizes:
            out = scratch / f"out-{size}"
            begun = time.perf_counter()
            make_output(out, size)
            made = time.perf_counter() - begun
            result = in_child(out, "local", args.workers, stand_in=True)
            figures[f"seconds_{size}"] = round(result["seconds"], 1)
            figures[f"peak_gb_{size}"] = round(result["peak_gb"], 3)
            print(
                f"{size:>7} pages: {result['seconds']:.1f} s ({size / result['seconds']:.0f} pages/s; grouping "
                f"{result['grouping_s']:.1f} s, reading+features {result['features_s']:.1f} s, tables+comparisons "
                f"{result['tables_s']:.1f} s), peak {result['peak_gb']:.2f} GB, {result['stories']} stories "
                f"(output made in {made:.0f} s)",
                flush=True,
            )
            shutil.rmtree(out)
        if len(sizes) >= 2:
            small, large = sizes[0], sizes[-1]
            ratio = figures[f"seconds_{large}"] / figures[f"seconds_{small}"]
            bound = large * math.log(large) / (small * math.log(small))
            figures["growth"] = round(ratio, 2)
            figures["nlogn_bound"] = round(bound, 2)
            print(f"time {small} -> {large}: x{ratio:.2f} (n log n allows x{bound:.2f}; linear x{large / small:.1f})")
        if "encoder_local_pages_per_s" in figures and sizes:
            largest = sizes[-1]
            estimate = figures[f"seconds_{largest}"] + largest / figures["encoder_local_pages_per_s"]
            figures[f"estimated_seconds_{largest}_with_encoder"] = round(estimate)
            print(f"estimated {largest} pages with the shared encoder: {estimate / 60:.0f} min")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
