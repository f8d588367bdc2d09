"""The report and the web app in a real Chromium (Debian's ``chromium``, driven by Playwright).

Skips cleanly when ``/usr/bin/chromium`` or Playwright is missing. The web tests start the app with uvicorn in a
subprocess on a free loopback port and stop it afterwards; screenshots go to ``test-artifacts/``.
Set ``RASHOMON_STAGES=attribution,claims,...`` to narrow the pipeline the web server runs.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.test_report_fixtures import HOSTILE_PAYLOAD, build_analysis

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "port-sarn.txt"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

#: Installed before any page script: records script execution a payload could cause.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make browser-deps)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Watched:
    """A page whose dialogs, console errors and outside requests are recorded."""

    def __init__(self, browser, allowed_origin: str | None = None):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page.add_init_script(WATCH)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def route(r):
            url = r.request.url
            if url.startswith("file://") or (allowed_origin and url.startswith(allowed_origin)):
                return r.continue_()
            self.outside.append(url)
            return r.abort()

        self.page.route("**/*", route)

    def assert_no_script_ran(self):
        assert self.page.evaluate("window.__xss") is None
        assert self.dialogs == []
        assert self.page.evaluate("window.__violations") == []
        assert self.outside == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    db = tmp_path_factory.mktemp("web") / "store.db"
    stages = os.environ.get("RASHOMON_STAGES")
    code = (
        "import sys, uvicorn; from rashomon.web import create_app; "
        "stages = tuple(sys.argv[3].split(',')) if sys.argv[3] else None; "
        "uvicorn.run(create_app(sys.argv[1], stage_names=stages), host='127.0.0.1', port=int(sys.argv[2]), "
        "log_level='warning')"
    )
    process = subprocess.Popen([sys.executable, "-c", code, str(db), str(port), stages or ""])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the web server did not start")
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _post_json(url: str, data: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(data).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def _report_file(tmp_path: Path, hostile: bool) -> str:
    from rashomon.report.html import render_html

    path = tmp_path / ("hostile.html" if hostile else "report.html")
    path.write_text(render_html(build_analysis(hostile)), encoding="utf-8")
    return path.as_uri()


def test_report_file_claims_filters_keys_and_print(browser, tmp_path):
    watched = Watched(browser)
    page = watched.page
    page.goto(_report_file(tmp_path, hostile=False))
    columns = page.locator(".columns > section.column h3")
    assert columns.all_inner_texts() == ["Northwind Wire", "Eastgate Today"]

    page.locator("table.alignments a.claim-link").first.click()
    assert page.evaluate("location.hash") == "#claim-c1"
    target = page.locator("#claim-c1")
    assert "flash" in target.get_attribute("class")
    box, viewport = target.bounding_box(), page.viewport_size
    assert box["y"] + box["height"] > 0 and box["y"] < viewport["height"]  # scrolled into view

    page.click("button[data-filter=threats]")
    visible = page.locator(".comment:visible")
    assert visible.count() == 1 and visible.first.get_attribute("id") == "comment-k2"
    assert page.locator(".filter-status").inner_text() == "1 comment shown"
    page.emulate_media(media="print")
    assert page.locator(".comment:visible").count() == 4  # printing shows the whole thread
    page.emulate_media(media="screen")
    page.click("button[data-filter=all]")
    assert page.locator(".comment:visible").count() == 4

    page.locator("body").focus()
    page.keyboard.press("5")
    assert page.evaluate("document.activeElement.id") == "comments"
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.hasAttribute('data-nav')")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-file.png"), full_page=True)
    watched.assert_no_script_ran()
    page.close()


def test_hostile_report_file_runs_no_script(browser, tmp_path):
    watched = Watched(browser)
    page = watched.page
    page.goto(_report_file(tmp_path, hostile=True))
    page.wait_for_load_state("load")
    assert HOSTILE_PAYLOAD.strip() in page.locator("h1").inner_text()
    assert page.title().endswith("rashomon report") and "<script>" in page.title()
    page.click("button[data-filter=sarcasm]")  # the report's own script still runs under the CSP
    assert page.locator(".comment:visible").count() == 1
    page.locator("dl.meta").hover()
    for link in page.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().lstrip().startswith("javascript")
    watched.assert_no_script_ran()
    page.close()


def test_web_upload_see_columns_click_claim_filter_search(browser, server):
    watched = Watched(browser, allowed_origin=server)
    page = watched.page
    page.goto(server + "/")
    page.set_input_files("#file", str(EXAMPLE))
    page.click("#analyze-button")
    page.wait_for_url("**/pages/*", timeout=120_000)
    page_id = page.url.rsplit("/", 1)[1]
    assert "Port Sarn" in page.locator("h1").inner_text()
    assert page.locator(".columns > section.column").count() >= 2

    claim = page.locator("table.alignments a.claim-link, ul.unaligned a.claim-link").first
    href = claim.get_attribute("href")
    claim.click()
    assert page.evaluate("location.hash") == href
    assert "flash" in (page.locator(href).get_attribute("class") or "")

    threats = page.locator("button[data-filter=threats]")
    expected = int(threats.inner_text().split("(")[1].rstrip(")"))
    threats.click()
    visible = page.locator(".comment:visible")
    assert visible.count() == expected
    for i in range(visible.count()):
        assert "threats" in visible.nth(i).get_attribute("data-filters").split()
    page.click("button[data-filter=all]")
    assert page.locator(".comment:visible").count() == page.locator(".comment").count() >= 10

    stored = json.loads(urllib.request.urlopen(f"{server}/api/pages/{page_id}", timeout=10).read())
    named = [a["name"] for a in stored["actors"]] or [s["name"] for s in stored["sources"] if not s.get("is_publisher")]
    assert named, "the example page names no actor or source"
    page.fill("#q", named[0])
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("li.hit").count() >= 1
    assert named[0].split()[0].lower() in page.locator("li.hit").first.inner_text().lower()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-search.png"), full_page=True)
    page.goto(f"{server}/pages/{page_id}")
    page.screenshot(path=str(ARTIFACTS / "web-report.png"), full_page=True)
    watched.assert_no_script_ran()
    page.close()


def test_hostile_content_in_the_web_app_runs_no_script(browser, server):
    stored = _post_json(server + "/api/pages", json.loads(json.dumps(_contract(build_analysis(hostile=True)))))
    watched = Watched(browser, allowed_origin=server)
    page = watched.page
    page.goto(f"{server}{stored['report_url']}")
    assert HOSTILE_PAYLOAD.strip() in page.locator("h1").inner_text()
    page.goto(f"{server}/search?q=" + urllib.request.quote(HOSTILE_PAYLOAD))
    page.goto(f"{server}/actors")
    page.goto(f"{server}/")
    # a hostile text dump through the real reader and pipeline, pasted into the form
    page.select_option("#kind", "text")
    page.fill(
        "#text",
        f"Headline {HOSTILE_PAYLOAD}\n\nThe ministry said{HOSTILE_PAYLOAD} that the port was calm today"
        f" and the market opened.\n\n{HOSTILE_PAYLOAD}\n",
    )
    page.click("#analyze-button")
    page.wait_for_url("**/pages/*", timeout=120_000)
    assert "<script>" in page.locator("h1").inner_text() or "<script>" in page.locator("main").inner_text()
    watched.assert_no_script_ran()
    page.close()


def _contract(analysis) -> dict:
    from rashomon.contract import to_dict

    return to_dict(analysis)
