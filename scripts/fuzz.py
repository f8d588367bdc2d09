"""The long fuzz run (``make fuzz``): the properties of ``tests/fuzz_properties.py`` over many examples each.

First mutates real and hostile pages at random (``--mutations`` inputs to ``read`` and the decoder: cheap, in
large numbers), then runs every Hypothesis reader check (``read`` on any bytes, hostile HTML and text dumps,
the decoder, the JSONL and WARC readers) for ``--readers`` examples in all, the renderers and the FTS query builder for ``--renderers``, and
the whole ``analyze`` for ``--analyze``; web requests of any shape must get no 5xx (with the renderers). Counts examples, failures (a crash: any exception a property does not
allow) and hangs (an example over ``--hang-seconds``; a page under 1 MB must not take 30 s), and prints the
slowest example of each check. A failing example is printed (Hypothesis shrinks it) and the run goes on with
the next check. The last line is one JSON object with every figure. Exit code: 1 if any crash or hang.

    .venv/bin/python scripts/fuzz.py [--readers 100000] [--renderers 5000] [--analyze 2000] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: ``tests`` is a package
from tests import fuzz_properties as props  # noqa: E402

#: (name, share of its group's examples, strategy, check)
READERS = [
    (
        "read(any bytes)",
        0.30,
        st.tuples(props.page_bytes, st.sampled_from(["auto", "text", "html"])),
        lambda args: props.check_read(*args),
    ),
    (
        "read(hostile HTML)",
        0.25,
        props.html_documents,
        lambda html: props.check_read(html.encode("utf-8", "surrogatepass"), "html"),
    ),
    (
        "read(text dumps)",
        0.15,
        props.text_dumps(),
        lambda text: props.check_read(text.encode("utf-8", "surrogatepass"), "text"),
    ),
    (
        "decode",
        0.15,
        st.tuples(st.binary(max_size=2000) | props.page_bytes, st.booleans()),
        lambda args: props.check_decode(*args),
    ),
    (
        "JSONL reader",
        0.10,
        st.tuples(props.jsonl_bytes() | st.binary(max_size=2000), st.booleans()),
        lambda args: props.check_jsonl(*args),
    ),
    ("WARC reader", 0.05, st.binary(max_size=2000), props.check_warc),
]
RENDERERS = [
    ("renderers", 0.5, props.hostile_strings, props.check_renderers),
    ("FTS query", 0.2, st.text(max_size=80), props.check_fts_query),
    ("web requests (no 5xx)", 0.3, props.web_requests(), props.check_web_request),
]
ANALYZE = [("analyze", 1.0, props.page_bytes, props.check_analyze)]


#: Mutated inputs are cut to this size (many small inputs find more than a few large ones).
MUTATED_MAX_BYTES = 16_000
#: Examples per Hypothesis run: a check runs in rounds of this many (a new seed each), with progress between.
ROUND = 2_000


def run_check(
    name: str, examples: int, strategy, check, hang_seconds: float, run_seed: int, budget: float | None = None
) -> dict:
    """Run ``check`` over ``examples`` generated inputs, in rounds; stop early after ``budget`` seconds."""
    figures = {"examples": 0, "failures": 0, "hangs": 0, "slowest_s": 0.0, "seconds": 0.0}
    started = time.perf_counter()
    for number, first in enumerate(range(0, examples, ROUND)):
        part = _run_round(name, min(ROUND, examples - first), strategy, check, hang_seconds, run_seed + number)
        for key in ("examples", "failures", "hangs"):
            figures[key] += part[key]
        figures["slowest_s"] = max(figures["slowest_s"], part["slowest_s"])
        figures["seconds"] = round(time.perf_counter() - started, 1)
        if examples > ROUND:
            print(f"    {figures['examples']:,} so far ({figures['seconds']} s)", flush=True)
        if budget and time.perf_counter() - started > budget:
            figures["stopped_by_budget"] = True
            break
    return figures


def _run_round(name: str, examples: int, strategy, check, hang_seconds: float, run_seed: int) -> dict:
    figures = {"examples": 0, "failures": 0, "hangs": 0, "slowest_s": 0.0, "seconds": 0.0}
    slowest: list = [0.0, None]

    def timed(value) -> None:
        started = time.perf_counter()
        try:
            check(value)
        finally:
            took = time.perf_counter() - started
            figures["examples"] += 1
            if took > slowest[0]:
                slowest[:] = [took, value]
            if took > hang_seconds:
                figures["hangs"] += 1

    test = seed(run_seed)(
        settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
        )(given(strategy)(timed))
    )
    started = time.perf_counter()
    try:
        test()
    except Exception:  # noqa: BLE001 - a property failed: report the shrunk example, go on
        figures["failures"] += 1
        print(f"  FAILED {name}:\n" + "".join(traceback.format_exc(limit=-3)), file=sys.stderr)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    figures["slowest_s"] = round(slowest[0], 3)
    if figures["hangs"]:
        print(f"  slowest {name} example ({slowest[0]:.1f} s): {slowest[1]!r}"[:2000], file=sys.stderr)
    return figures


def _seeds() -> list[bytes]:
    """Real and hostile pages to mutate: the example dump and HTML pages built from the fuzzing pieces."""
    root = Path(__file__).resolve().parents[1]
    seeds = [(root / "examples" / "port-sarn.txt").read_bytes()]
    pieces = props.TAGS + props.REFERENCES + props.WORDS + props.CHARSETS
    rng = random.Random(7)
    for _ in range(40):
        body = "".join(
            f"<{rng.choice(props.TAGS)} class='{rng.choice(props.COMMENT_CLASSES)}'>{rng.choice(pieces)} "
            f"{' '.join(rng.choice(props.WORDS) for _ in range(20))}"
            for _ in range(rng.randint(1, 30))
        )
        seeds.append(
            f"<html><head><meta charset='{rng.choice(props.CHARSETS)}'></head><body>{body}</body></html>".encode(
                "utf-8", "surrogatepass"
            )
        )
    return seeds


def mutate(data: bytes, rng: random.Random, pieces: list[bytes]) -> bytes:
    """A few random edits: flip, insert, delete, duplicate or splice bytes or known hostile pieces."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(buffer))
        what = rng.randint(0, 5)
        if what == 0 and buffer:
            buffer[min(at, len(buffer) - 1)] = rng.randint(0, 255)
        elif what == 1:
            buffer[at:at] = rng.choice(pieces)
        elif what == 2:
            del buffer[at : at + rng.randint(1, 64)]
        elif what == 3 and buffer:
            start = rng.randint(0, len(buffer) - 1)
            buffer[at:at] = buffer[start : start + rng.randint(1, 256)] * rng.randint(1, 20)
        elif what == 4:
            buffer[at:at] = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 16)))
        else:
            buffer[at:at] = rng.choice(pieces) * rng.randint(2, 200)
    return bytes(buffer[:MUTATED_MAX_BYTES])


def run_mutations(examples: int, hang_seconds: float, run_seed: int, budget: float | None) -> dict:
    """Mutation fuzzing of the readers: cheap inputs in large numbers (Hypothesis generates a few dozen a
    second on a loaded machine; this, hundreds)."""
    rng = random.Random(run_seed)
    seeds = _seeds()
    pieces = [p.encode("utf-8", "surrogatepass") for p in props.TAGS + props.REFERENCES + props.WORDS] + [
        b"<",
        b">",
        b"</html>",
        b"\x00",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"&#",
        b"\r",
        b"\n\n",
    ]
    figures = {"examples": 0, "failures": 0, "hangs": 0, "slowest_s": 0.0, "seconds": 0.0}
    started = time.perf_counter()
    pool = list(seeds)
    while figures["examples"] < examples:
        data = mutate(rng.choice(pool), rng, pieces)
        kind = rng.choice(["auto", "html", "text"])
        begun = time.perf_counter()
        try:
            props.check_read(data, kind)
            props.check_decode(data, kind == "html")
        except Exception:  # noqa: BLE001 - a crash: keep the input and go on
            figures["failures"] += 1
            failed = Path(tempfile.gettempdir()) / f"rashomon-fuzz-failure-{figures['failures']}.bin"
            failed.write_bytes(data)
            print(f"  FAILED read({kind}) on {failed}:\n" + "".join(traceback.format_exc(limit=-3)), file=sys.stderr)
        took = time.perf_counter() - begun
        figures["examples"] += 1
        figures["slowest_s"] = max(figures["slowest_s"], round(took, 3))
        figures["hangs"] += took > hang_seconds
        if rng.random() < 0.05:
            pool.append(data)  # mutations of mutations
            pool = pool[-500:]
        if figures["examples"] % 10_000 == 0:
            print(f"    {figures['examples']:,} so far ({time.perf_counter() - started:.0f} s)", flush=True)
        if budget and time.perf_counter() - started > budget:
            figures["stopped_by_budget"] = True
            break
    figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=100_000)
    parser.add_argument("--renderers", type=int, default=5_000)
    parser.add_argument("--analyze", type=int, default=2_000)
    parser.add_argument("--hang-seconds", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument(
        "--mutations",
        type=int,
        default=100_000,
        help="mutation-fuzzed inputs to the readers and the decoder, besides Hypothesis's",
    )
    parser.add_argument(
        "--budget-minutes",
        type=float,
        default=0,
        help="stop each check after this long (0: run every example); the figures say so",
    )
    args = parser.parse_args(argv)
    results: dict[str, dict] = {}
    if args.mutations:
        print(f"read + decode (mutated pages): {args.mutations:,} examples ...", flush=True)
        results["read + decode (mutated pages)"] = r = run_mutations(
            args.mutations, args.hang_seconds, args.seed, args.budget_minutes * 60 or None
        )
        print(
            f"  {r['examples']:,} run, {r['failures']} failures, {r['hangs']} hangs, slowest {r['slowest_s']} s, "
            f"{r['seconds']} s",
            flush=True,
        )
    for group, total in ((READERS, args.readers), (RENDERERS, args.renderers), (ANALYZE, args.analyze)):
        for name, share, strategy, check in group:
            examples = max(1, round(total * share)) if total else 0
            if not examples:
                continue
            print(f"{name}: {examples:,} examples ...", flush=True)
            results[name] = run_check(
                name, examples, strategy, check, args.hang_seconds, args.seed, args.budget_minutes * 60 or None
            )
            r = results[name]
            print(
                f"  {r['examples']:,} run, {r['failures']} failures, {r['hangs']} hangs, slowest {r['slowest_s']} s, "
                f"{r['seconds']} s",
                flush=True,
            )
    totals = {
        "reader_examples": sum(results[n]["examples"] for n, *_ in READERS if n in results)
        + results.get("read + decode (mutated pages)", {}).get("examples", 0),
        "analyze_examples": results.get("analyze", {}).get("examples", 0),
        "crashes": sum(r["failures"] for r in results.values()),
        "hangs": sum(r["hangs"] for r in results.values()),
    }
    print(json.dumps({**totals, "checks": results, "seed": args.seed}))
    return 1 if totals["crashes"] or totals["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
