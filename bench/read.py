"""Reading time per page, rashomon's reader against trafilatura alone on the same pages, in the same run; and
the time ``--render`` takes per page.

Input: a folder of HTML pages (``*.html``, ``*.htm`` or gzip-compressed ``*.gz``; default
../shared/data/pages/html), or text dumps (``*.txt``, timed against nothing but themselves). Each page is read
``--repeat`` times by both; the median per page is kept. Goal (issue 16): rashomon / trafilatura <= 1.3x.

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
        ours.append(median_time(lambda data=data, html=html: read(data, kind="html" if html else "text"), args.repeat))
        if html:
            text = data.decode("utf-8", errors="replace")
            anchor.append(
                median_time(
                    lambda text=text: trafilatura.bare_extraction(text, include_comments=True, with_metadata=True),
                    args.repeat,
                )
            )
    mean_ours = statistics.mean(ours)
    result = {"pages": len(pages), "rashomon_ms_per_page": round(1000 * mean_ours, 2)}
    print(f"pages: {len(pages)} (median of {args.repeat} runs each)")
    print(f"rashomon read:     {1000 * mean_ours:8.2f} ms/page")
    if anchor:
        mean_anchor = statistics.mean(anchor)
        ratio = mean_ours / mean_anchor
        print(f"trafilatura alone: {1000 * mean_anchor:8.2f} ms/page")
        print(f"ratio:             {ratio:8.2f}x   (goal <= 1.3x)")
        result.update(trafilatura_ms_per_page=round(1000 * mean_anchor, 2), ratio=round(ratio, 3))
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
