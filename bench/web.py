"""Benchmark the web app on loopback: reads alone, analyses, and reads while analyses run; and the report's cost.

Starts the app (uvicorn, a fresh store in a temporary folder) on a free loopback port, warms it with one
analysis (which stores one page), then measures, each bounded by ``--max-seconds``:

1. ``--reads`` concurrent reads (``GET /api/pages``, ``GET /pages/1``, ``GET /api/search``) with nothing else;
2. ``--analyses`` concurrent ``POST /api/analyze`` of the page;
3. the same reads again while that many analyses run and store their pages (goal: p99 <= 0.2 s: reads never
   wait behind analyses). The app keeps answered reads until the store changes; every stored analysis empties
   that cache, and the first phase starts cold (the warm-up stored a page), so both phases pay for rendering.

Prints errors (HTTP 429s are counted apart: the queue bound doing its job) and latency percentiles, then the
cost of rendering the HTML report as a ratio to the analysis (goal: at most 0.1x). The anchor is the same page
analysed in-process with no server. The last line is one JSON object with every figure.

    .venv/bin/python bench/web.py [PAGE] [--reads 200] [--analyses 20] [--stages attribution,claims]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_PAGE = SHARED / "pages" / "aleppo-2016-11-28.txt"
RENDER_GOAL = 0.1
CACHE_SECONDS = 2.0  # rashomon.web.cache.CACHE_SECONDS (not imported: the bench times the app from outside)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, stages: str) -> subprocess.Popen:
    code = (
        "import sys, uvicorn; from rashomon.web import create_app; "
        "stages = tuple(sys.argv[3].split(',')) if sys.argv[3] else None; "
        "uvicorn.run(create_app(sys.argv[1], stage_names=stages), host='127.0.0.1', port=int(sys.argv[2]), "
        "log_level='error', backlog=4096)"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(db), str(port), stages])


def wait_ready(base: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(base + "/api/pages?limit=1", timeout=2).read()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the web server did not start") from None
            time.sleep(0.3)


def post(url: str, body: bytes, timeout: float) -> tuple[float, str | None]:
    started = time.perf_counter()
    request = urllib.request.Request(url, data=body, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=max(1.0, timeout)) as response:
            payload = json.loads(response.read())
            error = None if payload.get("analysis", {}).get("page") else "no analysis in the answer"
    except urllib.error.HTTPError as err:
        error = f"HTTP {err.code}"
    except (OSError, ValueError) as err:
        error = type(err).__name__
    return time.perf_counter() - started, error


def get(url: str, timeout: float) -> tuple[float, str | None]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=max(1.0, timeout)) as response:
            response.read()
            error = None
    except urllib.error.HTTPError as err:
        error = f"HTTP {err.code}"
    except OSError as err:
        error = type(err).__name__
    return time.perf_counter() - started, error


def load(calls: list, concurrency: int) -> dict:
    """Run ``calls`` (functions returning (latency, error)) from ``concurrency`` threads: the figures."""
    latencies, errors = [], []
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in as_completed([pool.submit(call) for call in calls]):
            latency, error = future.result()
            latencies.append(latency)
            if error:
                errors.append(error)
    wall = time.perf_counter() - started
    return {
        "requests": len(calls),
        "errors": len([e for e in errors if e != "HTTP 429"]),
        "refused_429": errors.count("HTTP 429"),
        "error_kinds": sorted(set(errors)),
        "p50_s": round(percentile(latencies, 50), 3),
        "p99_s": round(percentile(latencies, 99), 3),
        "max_s": round(max(latencies), 3) if latencies else None,
        "wall_s": round(wall, 2),
    }


def in_process(page_text: str, stages: tuple[str, ...] | None, repeats: int) -> dict[str, float]:
    """The anchor: analysis time with no server, and the report's render time beside it."""
    import rashomon
    from rashomon.contract import to_dict
    from rashomon.report.html import render_html

    options = {} if stages is None else {"stage_names": stages}
    rashomon.analyze(page_text.encode(), **options)  # load spaCy and the stages once
    analysis_times, render_times = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        analysis = rashomon.analyze(page_text.encode(), **options)
        analysis_times.append(time.perf_counter() - started)
        data = to_dict(analysis)
        started = time.perf_counter()
        render_html(data)
        render_times.append(time.perf_counter() - started)
    analysis_s, render_s = statistics.median(analysis_times), statistics.median(render_times)
    return {
        "analysis_s": analysis_s,
        "render_s": render_s,
        "ratio": render_s / analysis_s if analysis_s else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="?", type=Path, default=DEFAULT_PAGE, help="the page to post (text or HTML)")
    parser.add_argument("--reads", type=int, default=200, help="concurrent reads")
    parser.add_argument("--analyses", type=int, default=20, help="concurrent analyses")
    parser.add_argument("--max-seconds", type=float, default=900, help="bound on each load phase")
    parser.add_argument("--repeats", type=int, default=5, help="in-process analyses for the render ratio")
    parser.add_argument("--stages", default="", help="comma-separated stages (default: the full pipeline)")
    args = parser.parse_args()
    if not args.page.is_file():
        raise SystemExit(f"{args.page}: no such page (give a page file as the first argument)")
    text = args.page.read_text(encoding="utf-8", errors="replace")
    stages = tuple(args.stages.split(",")) if args.stages else None
    # the analyses store what they find, as the app's users do: each one that ends empties the read cache
    body = json.dumps({"text": text, "store": True}).encode()

    with tempfile.TemporaryDirectory(prefix="rashomon-bench-web-") as folder:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(Path(folder) / "bench.db", port, args.stages)
        try:
            wait_ready(base, server)
            warm, warm_error = post(base + "/api/analyze", json.dumps({"text": text}).encode(), 300)
            if warm_error:
                raise SystemExit(f"warm-up request failed: {warm_error}")
            read_urls = [base + "/api/pages?limit=20", base + "/pages/1", base + "/api/search?q=the"]
            reads = [lambda url=read_urls[n % 3]: get(url, args.max_seconds) for n in range(args.reads)]
            reads_alone = load(reads, args.reads)
            analyses = [lambda: post(base + "/api/analyze", body, args.max_seconds) for _ in range(args.analyses)]
            with ThreadPoolExecutor(max_workers=1) as background:
                running = background.submit(load, analyses, args.analyses)
                time.sleep(CACHE_SECONDS + 0.5)  # the analyses run, and no read is answered from before them
                reads_during = load(reads, args.reads)
                analyses_figures = running.result()
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()

    anchor = in_process(text, stages, args.repeats)
    figures = {
        "page": str(args.page),
        "stages": list(stages) if stages else "default",
        "warmup_s": round(warm, 2),
        "reads_alone": reads_alone,
        "analyses": analyses_figures,
        "reads_during_analyses": reads_during,
        "read_p99_goal_s": 0.2,
        "anchor_analysis_s": round(anchor["analysis_s"], 4),
        "render_s": round(anchor["render_s"], 4),
        "render_ratio": round(anchor["ratio"], 4),
        "render_goal": RENDER_GOAL,
    }
    print(f"page: {args.page} ({len(text):,} characters), stages: {figures['stages']}, on {base}")
    for label, phase in (
        ("reads alone", reads_alone),
        ("analyses", analyses_figures),
        ("reads during analyses", reads_during),
    ):
        print(
            f"{label:22} {phase['requests']:4} concurrent: p50 {phase['p50_s']} s · p99 {phase['p99_s']} s · "
            f"max {phase['max_s']} s · {phase['errors']} errors · {phase['refused_429']} refused (429)"
            + (f" ({', '.join(phase['error_kinds'])})" if phase["error_kinds"] else "")
        )
    print(f"anchor (in-process, no server): analysis {figures['anchor_analysis_s']} s per page")
    print(
        f"report render {figures['render_s']} s = {figures['render_ratio']}x the analysis "
        f"(goal <= {RENDER_GOAL}x: {'met' if anchor['ratio'] <= RENDER_GOAL else 'NOT met'})"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
