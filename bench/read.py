"""Reading time per page, rashomon's reader against trafilatura alone on the same pages, in the same run; and
the time ``--render`` takes per page.

Input: a folder of HTML pages (``*.html``, ``*.htm`` or gzip-compressed ``*.gz``; default
../shared/data/pages/html), or text dumps (``*.txt``, timed against nothing but themselves). Each page is read
``--repeat`` times by both, the two taking turns (ours first on even rounds, trafilatura first on odd ones, so
that neither always runs on a warmer cache or a quieter machine); the median per page is kept, of the wall time
and of the process's CPU time. Goal (issue 16): rashomon / trafilatura <= 1.3x. The machine's load average is
printed with the figures: on a shared machine the wall-time ratio moves by a tenth from run to run (other
processes take the CPU in bursts), the CPU-time ratio far less; both are printed, the wall one as ``ratio``.

Render: the pages of ``--render-pages`` (default: the loopback fixture pages of tests/fixtures/web, whose
comments arrive by script, an iframe, a "load more" button) are served from a folder on 127.0.0.1 and each is
rendered once, in order, by one process (the first page's time includes starting Chromium, as the first page
of a batch does); the mean wall time per page is printed, and the first page's.
Skipped (null) when Playwright or Chromium is missing, or with ``--no-render``.
Figures are printed last as one line of JSON.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import statistics
import sys
import time
from pathlib import Path

import trafilatura

from rashomon.read import read

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages" / "html"
RENDER_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "web"
#: The fixture pages that load comments the ways widgets do (the pages that never finish measure the time
#: limit, not rendering, and are left out).
RENDER_PAGES = ("article.html", "delayed.html", "disqus.html", "loadmore.html")


def load(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def timed(func) -> tuple[float, float]:
    """(wall, CPU) seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def median_times(funcs: list, repeat: int) -> list[tuple[float, float]]:
    """The median (wall, CPU) time of each of ``funcs`` over ``repeat`` rounds, the functions taking turns: round
    ``r`` runs them in order when ``r`` is even, in reverse when odd."""
    times: list[list[tuple[float, float]]] = [[] for _ in funcs]
    for r in range(repeat):
        order = range(len(funcs)) if r % 2 == 0 else reversed(range(len(funcs)))
        for i in order:
            times[i].append(timed(funcs[i]))
    return [(statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for t in times]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[DEFAULT_DATA], help="folders or files")
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument(
        "--render-pages",
        type=Path,
        nargs="*",
        default=[RENDER_FIXTURES / name for name in RENDER_PAGES],
        help="HTML pages to render, each served from its own folder on 127.0.0.1 (default: the test fixtures)",
    )
    parser.add_argument("--no-render", action="store_true", help="skip the render figure")
    args = parser.parse_args(argv)
    paths = sorted(
        p
        for src in args.inputs
        for p in ([src] if src.is_file() else src.glob("*"))
        if p.suffix in (".html", ".htm", ".gz", ".txt")
    )
    if not paths:
        print(f"no pages in {', '.join(map(str, args.inputs))}", file=sys.stderr)
        return 2
    pages = [(p, load(p)) for p in paths]
    read(pages[0][1])  # warm-up: language model, markup table
    ours, anchor = [], []
    for path, data in pages:
        html = path.suffix != ".txt"
        funcs = [lambda data=data, html=html: read(data, kind="html" if html else "text")]
        if html:
            text = data.decode("utf-8", errors="replace")
            funcs.append(lambda text=text: trafilatura.bare_extraction(text, include_comments=True, with_metadata=True))
        medians = median_times(funcs, args.repeat)
        ours.append(medians[0])
        anchor.extend(medians[1:])
    mean_ours = statistics.mean(w for w, _ in ours)
    cpu_ours = statistics.mean(c for _, c in ours)
    load_average = os.getloadavg()[0]
    result = {
        "pages": len(pages),
        "rashomon_ms_per_page": round(1000 * mean_ours, 2),
        "rashomon_cpu_ms_per_page": round(1000 * cpu_ours, 2),
        "load_average": round(load_average, 2),
    }
    print(f"pages: {len(pages)} (median of {args.repeat} runs each, taking turns); load average {load_average:.2f}")
    print(f"                   {'wall':>8s}  {'CPU':>8s}")
    print(f"rashomon read:     {1000 * mean_ours:8.2f}  {1000 * cpu_ours:8.2f} ms/page")
    if anchor:
        mean_anchor = statistics.mean(w for w, _ in anchor)
        cpu_anchor = statistics.mean(c for _, c in anchor)
        ratio, cpu_ratio = mean_ours / mean_anchor, cpu_ours / cpu_anchor
        print(f"trafilatura alone: {1000 * mean_anchor:8.2f}  {1000 * cpu_anchor:8.2f} ms/page")
        print(f"ratio:             {ratio:8.2f}x {cpu_ratio:8.2f}x   (goal <= 1.3x)")
        result.update(
            trafilatura_ms_per_page=round(1000 * mean_anchor, 2),
            trafilatura_cpu_ms_per_page=round(1000 * cpu_anchor, 2),
            ratio=round(ratio, 3),
            cpu_ratio=round(cpu_ratio, 3),
        )
    renders = None if args.no_render else time_renders(args.render_pages)
    if renders:
        mean = statistics.mean(renders)
        print(
            f"render (--render): {mean:8.2f} s/page  ({len(renders)} loopback pages; the first, which starts "
            f"Chromium: {renders[0]:.2f} s)"
        )
        result.update(render_s_per_page=round(mean, 2), render_first_s=round(renders[0], 2))
    else:
        result.update(render_s_per_page=None, render_first_s=None)
    print(json.dumps(result))
    return 0


def time_renders(pages: list[Path]) -> list[float] | None:
    """Wall time of ``rashomon.read.render.render`` for each page, served from its folder on loopback, in order
    (the first starts the process's Chromium, the others reuse it, as a batch does); ``None`` when rendering is
    not available here."""
    import functools
    import threading

    from rashomon.errors import RenderUnavailable
    from rashomon.read.render import chromium_executable, render, require_playwright

    try:
        require_playwright()
        if chromium_executable() is None:
            raise RenderUnavailable("no Chromium")
    except RenderUnavailable as err:
        print(f"render: not measured ({err})", file=sys.stderr)
        return None
    times = []
    for page in pages:
        handler = functools.partial(_QuietHandler, directory=str(page.parent))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            start = time.perf_counter()
            render(f"http://127.0.0.1:{server.server_address[1]}/{page.name}")
            times.append(time.perf_counter() - start)
        finally:
            server.shutdown()
            server.server_close()
    return times


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


if __name__ == "__main__":
    sys.exit(main())
