"""Benchmark of story grouping: time and peak memory at 10k, 30k and 100k pages, Ray beside local, and 100k pages
with the shared encoder.

A synthetic batch output is generated per run (invented events, each told by a few of 30 invented outlets within
days of each other, near-duplicate re-posts, pages of ~800 words as real pages are; nothing is copied from any
data set), then ``build_stories`` runs over it in a fresh process that reports its own time and peak memory
(``ru_maxrss`` of the driver). Three parts:

1. **Scale** (``--sizes``, each over one year, so the stories per day grow with the pages; and
   ``--same-density``, smaller corpora over fewer days at the density of the largest): the whole stories run (reading the Parquet parts, parsing each page's analysis,
   MinHash, grouping, topics, tables, per-story comparisons) at each size with the encoder replaced by a cheap
   stand-in (hashed words projected to 384 dimensions), so the growth of our own work is timed apart from the
   encoder's (which is linear in the pages); the exponent of time against pages is fitted over the sizes.
2. **Ray beside local** (``--ray-pages``): the same output through both engines with the shared encoder.
3. **Full** (``--full``): ``--full`` pages through the local engine with the shared encoder.

Goals (issue 18): memory flat (<= 2 GB at 100k), time no worse than n log n, Ray within 20 % of local.

    PYTHONPATH=src python bench/stories.py [--sizes 10000,30000,100000] [--ray-pages 5000] [--full 100000]
"""

from __future__ import annotations

import argparse
import json
import math
import os
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


def make_output(
    out: Path, pages: int, seed: int = 18, words: int = 800, part_size: int = 2000, days: int = 365
) -> None:
    """A batch output of ``pages`` synthetic pages over ``days`` days (written with the batch writer, as a batch
    would)."""
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
                "day": rng.randrange(0, days),
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


def fitted_exponent(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(time) against log(pages): 1 is linear; n log n over 10k..100k is about 1.1."""
    return float(np.polyfit(np.log(sizes), np.log(seconds), 1)[0])


def nlogn_exponent(small: int, large: int) -> float:
    """The exponent n log n amounts to between two sizes."""
    return math.log(large * math.log(large) / (small * math.log(small))) / math.log(large / small)


def describe(label: str, result: dict) -> str:
    return (
        f"{label}: {result['seconds']:.1f} s ({result['pages'] / result['seconds']:.0f} pages/s; reading+features "
        f"{result['features_s']:.1f} s, grouping {result['grouping_s']:.1f} s, topics+tables+comparisons "
        f"{result['tables_s']:.1f} s), peak {result['peak_gb']:.2f} GB, {result['stories']} stories"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,30000,100000", help="Scale runs (stand-in encoder); '' skips.")
    parser.add_argument(
        "--same-density",
        default="10000,30000",
        help="Scale runs whose days shrink with the pages, to the density of the largest size; '' skips.",
    )
    parser.add_argument("--ray-pages", type=int, default=5000, help="Ray beside local, shared encoder; 0 skips.")
    parser.add_argument("--full", type=int, default=100000, help="One run with the shared encoder; 0 skips.")
    parser.add_argument("--workers", type=int, default=2)
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
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores; timings under load are noisy)", flush=True)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        for size in sizes:
            out = scratch / f"out-{size}"
            make_output(out, size)
            result = in_child(out, "local", args.workers, stand_in=True)
            figures[f"seconds_{size}"] = round(result["seconds"], 1)
            figures[f"grouping_seconds_{size}"] = round(result["grouping_s"], 1)
            figures[f"peak_gb_{size}"] = round(result["peak_gb"], 3)
            print(describe(f"{size:>7} pages, stand-in encoder", result), flush=True)
            shutil.rmtree(out)
        if len(sizes) >= 2:
            seconds = [figures[f"seconds_{n}"] for n in sizes]
            grouping = [max(figures[f"grouping_seconds_{n}"], 0.01) for n in sizes]
            figures["exponent"] = round(fitted_exponent(sizes, seconds), 3)
            figures["grouping_exponent"] = round(fitted_exponent(sizes, grouping), 3)
            figures["nlogn_exponent"] = round(nlogn_exponent(sizes[0], sizes[-1]), 3)
            print(
                f"time ~ n^{figures['exponent']:.2f} over {sizes[0]}..{sizes[-1]} pages (grouping alone "
                f"n^{figures['grouping_exponent']:.2f}); n log n is n^{figures['nlogn_exponent']:.2f} here: "
                f"{'met' if figures['exponent'] <= figures['nlogn_exponent'] else 'missed'}; peak memory "
                f"{max(figures[f'peak_gb_{n}'] for n in sizes):.2f} GB (goal <= {GOAL_PEAK_GB} GB)",
                flush=True,
            )
        dense = [int(s) for s in args.same_density.split(",") if s]
        if dense and len(sizes) >= 1:
            largest = sizes[-1]
            for size in dense:
                out = scratch / f"out-dense-{size}"
                make_output(out, size, days=max(1, round(365 * size / largest)))
                result = in_child(out, "local", args.workers, stand_in=True)
                figures[f"same_density_seconds_{size}"] = round(result["seconds"], 1)
                figures[f"same_density_grouping_seconds_{size}"] = round(result["grouping_s"], 1)
                print(describe(f"{size:>7} pages over {round(365 * size / largest)} days", result), flush=True)
                shutil.rmtree(out)
            series = dense + [largest]
            seconds = [figures[f"same_density_seconds_{n}"] for n in dense] + [figures[f"seconds_{largest}"]]
            grouping = [figures[f"same_density_grouping_seconds_{n}"] for n in dense]
            grouping.append(figures[f"grouping_seconds_{largest}"])
            figures["same_density_exponent"] = round(fitted_exponent(series, seconds), 3)
            figures["same_density_grouping_exponent"] = round(fitted_exponent(series, grouping), 3)
            print(
                f"at the density of {largest} pages a year: time ~ n^{figures['same_density_exponent']:.2f} "
                f"(grouping alone n^{figures['same_density_grouping_exponent']:.2f})",
                flush=True,
            )
        if args.ray_pages:
            out = scratch / "out-ray"
            make_output(out, args.ray_pages, seed=19)
            results = {}
            for engine in ("local", "ray"):
                shutil.rmtree(out / "stories", ignore_errors=True)
                results[engine] = in_child(out, engine, args.workers, stand_in=False)
                figures[f"{engine}_seconds_{args.ray_pages}"] = round(results[engine]["seconds"], 1)
                print(describe(f"{args.ray_pages} pages, shared encoder, {engine:>5}", results[engine]), flush=True)
            figures["ray_over_local"] = round(results["ray"]["seconds"] / results["local"]["seconds"], 3)
            same = results["ray"]["stories"] == results["local"]["stories"]
            print(
                f"Ray / local time: {figures['ray_over_local']:.2f} (goal: at most {1 + GOAL_RAY_GAP:.2f}); "
                f"{'same' if same else 'DIFFERENT'} number of stories",
                flush=True,
            )
            shutil.rmtree(out)
        if args.full:
            out = scratch / "out-full"
            make_output(out, args.full, seed=20)
            result = in_child(out, "local", args.workers, stand_in=False)
            figures[f"full_seconds_{args.full}"] = round(result["seconds"], 1)
            figures[f"full_peak_gb_{args.full}"] = round(result["peak_gb"], 3)
            print(describe(f"{args.full} pages, shared encoder, local", result), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    figures["load_average_end"] = round(os.getloadavg()[0], 1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
