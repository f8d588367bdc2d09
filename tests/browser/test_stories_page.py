"""The stories page (``rashomon stories OUT --html``) in a real Chromium: the coverage matrix and a story.

A real batch output of invented pages (three events told by five invented outlets, one told by a single outlet)
is analysed, grouped into stories and rendered; the page is opened from a file, checked, and screenshotted to
``test-artifacts/stories-coverage.png`` and ``test-artifacts/stories-story.png``.
"""

from __future__ import annotations

import pytest

from tests.browser.test_browser import ARTIFACTS, Watched, browser  # noqa: F401 (the fixture)
from tests.conftest import write_jsonl
from tests.test_stories import FLOOD, STRIKE, rows

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FERRY = [
    (
        "https://brask-daily.invalid/f1",
        "2026-04-11",
        "Ferry runs aground off Kessa, all 212 passengers rescued",
        "The ferry Morning Tern ran aground on rocks off Kessa on Saturday. The Coastal Guard said all 212 "
        "passengers and crew were taken off safely. The operator, Tern Lines, blamed a failed rudder.",
    ),
    (
        "https://kessa-post.invalid/f2",
        "2026-04-11",
        "Kessa ferry grounding: passengers describe panic on board",
        "Passengers on the Morning Tern said the ferry shook violently before it stopped on the rocks off Kessa. "
        "The Coastal Guard said 212 people were rescued. Tern Lines said a rudder failure was to blame.",
    ),
]
LONE = [
    (
        "https://varn-gazette.invalid/x1",
        "2026-06-30",
        "Halden library reopens after two years of repairs",
        "The Halden city library reopened on Tuesday after two years of repairs. The city council said the work "
        "cost 4 million crowns.",
    ),
]


@pytest.fixture(scope="module")
def stories_page(tmp_path_factory):
    from rashomon.batch import run_batch
    from rashomon.report.stories import render_html
    from rashomon.stories import build_stories
    from rashomon.stories.view import stories_view

    root = tmp_path_factory.mktemp("stories-page")
    corpus = write_jsonl(root / "corpus.jsonl", rows(STRIKE + FLOOD + FERRY + LONE))
    out = root / "out"
    run_batch([corpus], out, workers=1, progress=False)
    summary = build_stories(out, workers=1)
    path = root / "stories.html"
    path.write_text(render_html(stories_view(out)), encoding="utf-8")
    return path, summary


def test_the_coverage_matrix_and_a_story_in_chromium(browser, stories_page):  # noqa: F811
    path, summary = stories_page
    assert (summary.pages, summary.stories) == (8, 4)
    watched = Watched(browser)
    page = watched.page
    page.goto(path.as_uri())
    matrix = page.locator("table#coverage")
    outlets = matrix.locator("th.rot").all_text_contents()
    assert len(outlets) == 5 and "kessa-post.invalid" in outlets
    assert matrix.locator("td.hit").count() == 8  # story x outlet cells with pages: 3 + 2 + 2 + 1
    assert matrix.locator("td.silent").count() == 4 * 5 - 8  # the outlets that stayed silent
    box = matrix.bounding_box()
    assert box["x"] + box["width"] <= page.viewport_size["width"]  # the matrix fits the screen
    ARTIFACTS.mkdir(exist_ok=True)
    matrix.screenshot(path=str(ARTIFACTS / "stories-coverage.png"))

    # following a story's link lands on its section: pages, the accounts side by side, framing
    link = matrix.locator("a", has_text="Port Sarn").first
    href = link.get_attribute("href")
    link.click()
    section = page.locator(f"section{href}")
    assert section.locator("table").first.locator("tr").count() == 1 + 3
    assert "side by side" in section.inner_text()
    section.screenshot(path=str(ARTIFACTS / "stories-story.png"))
    page.screenshot(path=str(ARTIFACTS / "stories-page.png"), full_page=True)
    watched.assert_no_script_ran()
    page.close()
