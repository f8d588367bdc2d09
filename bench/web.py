"""Benchmark the web app: N concurrent ``POST /api/analyze`` of one page on loopback, and the report's cost.

Starts the app (uvicorn, a fresh store in a temporary folder) on a free loopback port, warms it with one
request, then sends ``--requests`` requests from ``--concurrency`` client threads, all bounded by
``--max-seconds``. Prints errors and latency percentiles, then the cost of rendering the HTML report as a
ratio to the analysis itself (goal: at most 0.1x). The anchor is the same page analysed in-process with no
server: the floor a request cannot beat. The last line is one JSON object with every figure.

    .venv/bin/python bench/web.py [PAGE] [--requests 200] [--concurrency 200] [--stages attribution,claims]
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
        except OSError as err:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the web server did not start") from err
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
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=900, help="bound on the whole load phase")
    parser.add_argument("--repeats", type=int, default=5, help="in-process analyses for the render ratio")
    parser.add_argument("--stages", default="", help="comma-separated stages (default: the full pipeline)")
    args = parser.parse_args()
    if not args.page.is_file():
        raise SystemExit(f"{args.page}: no such page (give a page file as the first argument)")
    text = args.page.read_text(encoding="utf-8", errors="replace")
    stages = tuple(args.stages.split(",")) if args.stages else None
    body = json.dumps({"text": text}).encode()

    with tempfile.TemporaryDirectory(prefix="rashomon-bench-web-") as folder:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(Path(folder) / "bench.db", port, args.stages)
        try:
            wait_ready(base, server)
            warm, warm_error = post(base + "/api/analyze", body, 300)
            if warm_error:
                raise SystemExit(f"warm-up request failed: {warm_error}")
            latencies, errors = [], []
            started = time.perf_counter()
            deadline = time.monotonic() + args.max_seconds
            with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
                futures = [
                    pool.submit(lambda: post(base + "/api/analyze", body, deadline - time.monotonic()))
                    for _ in range(args.requests)
                ]
                for future in as_completed(futures):
                    latency, error = future.result()
                    latencies.append(latency)
                    if error:
                        errors.append(error)
            wall = time.perf_counter() - started
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
        "requests": args.requests,
        "concurrency": args.concurrency,
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "wall_s": round(wall, 2),
        "throughput_rps": round(args.requests / wall, 2) if wall else None,
        "p50_s": round(percentile(latencies, 50), 3),
        "p99_s": round(percentile(latencies, 99), 3),
        "max_s": round(max(latencies), 3) if latencies else None,
        "warmup_s": round(warm, 2),
        "anchor_analysis_s": round(anchor["analysis_s"], 4),
        "render_s": round(anchor["render_s"], 4),
        "render_ratio": round(anchor["ratio"], 4),
        "render_goal": RENDER_GOAL,
    }
    print(f"page: {args.page} ({len(text):,} characters), stages: {figures['stages']}")
    print(
        f"{args.requests} requests, {args.concurrency} concurrent, on {base}: {len(errors)} errors"
        + (f" ({', '.join(figures['error_kinds'])})" if errors else "")
    )
    print(
        f"latency p50 {figures['p50_s']} s · p99 {figures['p99_s']} s · max {figures['max_s']} s · "
        f"wall {figures['wall_s']} s · {figures['throughput_rps']} requests/s"
    )
    print(
        f"anchor (in-process, no server): analysis {figures['anchor_analysis_s']} s per page, "
        f"i.e. at best {1 / anchor['analysis_s']:.2f} pages/s; ours through HTTP: {figures['throughput_rps']} pages/s"
    )
    print(
        f"report render {figures['render_s']} s = {figures['render_ratio']}x the analysis "
        f"(goal <= {RENDER_GOAL}x: {'met' if anchor['ratio'] <= RENDER_GOAL else 'NOT met'})"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
