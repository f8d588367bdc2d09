"""``--render``: pages whose comments arrive by script, in headless Chromium (Debian's, driven by Playwright), on
a loopback server of our own pages (:mod:`tests.fixture_server`). Each fixture loads its comments the way a
widget does: a Coral-like stream in a shadow root after a delay, OpenWeb- and Viafoura-like conversations mounted
late with a "load more" button, a Disqus-like iframe from another origin with a "load more" link inside it, the
Facebook comments plugin (an SDK from another origin puts the plugin's iframe in the ``fb-comments`` div; the
plugin's own markup inside, with "Load 1 more comment" and "1 reply" links), a WordPress "load more comments"
button and reply toggles; a consent dialog (a platform's in a cross-origin frame, or the site's own) over a page
that mounts its comments only once it is answered, and a third-party plugin only with consent. Others misbehave:
a slow, dripping, redirecting or 20 MB server (for the page, or for its comment widget), a script that never
ends (after the page parsed, and before), a page that tries to leave, open a popup and download. Skips cleanly
when Chromium or Playwright is missing.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.errors import (
    ConfigError,
    FetchTimeout,
    HTTPStatusError,
    PageTooLarge,
    RenderUnavailable,
    TooManyRedirects,
)
from rashomon.read import read
from rashomon.read.fetch import fetch
from rashomon.read.render import RenderLimits, render
from tests.fixture_server import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
#: Short bounds for the pages that never finish: the test shows the bound holds, not how long it is.
SHORT = RenderLimits(total=12.0, navigation=6.0, widget=3.0, clicking=3.0, settle=1.0)


@pytest.fixture(scope="module")
def base():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make browser-deps)")
    pytest.importorskip("playwright.async_api", reason="playwright is not installed")
    with serve() as url:
        yield url


def comments_of(page) -> list[tuple[str | None, str, str | None]]:
    return [(c.author, c.text, c.reply_to) for c in page.comments]


def test_comments_that_a_script_adds_later_into_a_shadow_root_are_read(base):
    assert read(fetch(f"{base}/delayed.html")).comments == []  # not in the HTML as served
    fetched = render(f"{base}/delayed.html")
    assert fetched.rendered and fetched.url == f"{base}/delayed.html"
    page = read(fetched)
    assert [c.author for c in page.comments] == ["Nell Brightwater", "Piers Oakhurst"]
    assert "heating stays on" in page.comments[1].text
    assert "Ilse Marrow" in page.text
    assert "render_incomplete" not in [w.code for w in page.warnings]


def test_a_cross_origin_comment_iframe_is_read_in_place_with_its_load_more(base):
    fetched = render(f"{base}/disqus.html")
    html = fetched.data.decode()
    assert 'data-rashomon-src="http://localhost:' in html  # the thread came from the other origin
    page = read(fetched)
    authors = [c.author for c in page.comments]
    assert authors == ["Wren Calloway", "Ansel Dufort", "Hollis Graye", "Perrin Vale", "Odette Fairlie"]
    replies = {c.author: c.reply_to for c in page.comments}
    assert replies["Ansel Dufort"] == page.comments[0].id  # the thread's tree survives the inlining
    assert "Perrin Vale" not in page.text.split("Wren Calloway")[0]  # comments are not in the article


@pytest.mark.parametrize("widget", ["openweb", "viafoura"])
def test_a_widget_that_mounts_later_is_waited_for_and_its_load_more_clicked(base, widget):
    assert read(fetch(f"{base}/{widget}.html")).comments == []  # not in the HTML as served
    page = read(render(f"{base}/{widget}.html"))
    assert [c.author for c in page.comments] == ["Tobin Ashgrove", "Greta Holm"]  # the second after "load more"
    assert "half empty anyway" in page.comments[1].text and "Reply" not in page.comments[1].text
    article = "\n".join(block.text for block in page.blocks)
    assert "Marta Quell" in article and "stranded" not in article  # comments are not in the article
    assert "render_incomplete" not in [w.code for w in page.warnings]


def test_the_facebook_comments_plugin_is_read_from_inside_its_iframe_with_authors(base):
    assert read(fetch(f"{base}/facebook.html")).comments == []  # an empty .fb-comments div as served
    fetched = render(f"{base}/facebook.html")
    assert 'data-rashomon-src="http://localhost:' in fetched.data.decode()  # the plugin came from the other origin
    page = read(fetched)
    by_author = {c.author: c for c in page.comments}
    # Jory's reply opened by its "1 reply" link, Tamsin's after "Load 1 more comment"
    assert list(by_author) == ["Rowan Tregear", "Jory Penhaligon", "Demelza Hocking", "Tamsin Bolitho"]
    assert by_author["Jory Penhaligon"].reply_to == by_author["Rowan Tregear"].id
    assert by_author["Demelza Hocking"].reply_to is None
    assert by_author["Rowan Tregear"].posted_at == "2024-10-02T09:10:00"
    assert by_author["Rowan Tregear"].text.startswith("Five months is a whole season lost")
    for comment in page.comments:  # the "Like · Reply · 3 · 5 d" line under each is not the commenter's
        assert not {"Like", "Reply", "5 d"} & set(comment.text.replace("·", "\n").split("\n"))
    article = "\n".join(block.text for block in page.blocks)
    assert "Bryony Keast" in article
    for plugin in (
        "Sort by",
        "4 comments",
        "Add a comment",
        "Also post on Facebook",
        "Load 1 more comment",
        "Facebook Comments Plugin",
        "crab boats",
    ):
        assert plugin not in article
        assert plugin not in "\n".join(c.author or "" for c in page.comments)


#: The consent fixture's own comments (mounted once its dialog is answered) and the Facebook-like plugin's
#: (loaded only with consent).
SITE = ["Kerensa Nance", "Hedley Roskilly"]
PLUGIN = ["Rowan Tregear", "Jory Penhaligon", "Demelza Hocking", "Tamsin Bolitho"]


@pytest.mark.parametrize(
    ("dialog", "policy", "authors", "said"),
    [
        # a consent platform's message in a cross-origin frame, answered by its platform's reject button
        ("frame", "reject", SITE, "rejected by clicking 'Reject all'"),
        # the site's own dialog in German, no platform names: by its label
        ("page", "reject", SITE, "rejected by clicking 'Alle ablehnen'"),
        # no way to refuse: accepted, and said so
        ("accept-only", "reject", SITE + PLUGIN, "accepted by clicking 'Zustimmen'"),
        ("frame", "accept", SITE + PLUGIN, "accepted by clicking 'Accept all'"),
        # a dialog that shows 1.5 s after the page loaded, once the first look for one is over (the page quiet)
        ("page&delay=1500", "reject", SITE, "rejected by clicking 'Alle ablehnen'"),
        # a dialog that stays on the page 2 s once answered (fading out): answered once, never accepted after
        ("page&fade=2000", "reject", SITE, "rejected by clicking 'Alle ablehnen'"),
    ],
)
def test_a_consent_dialog_is_answered_by_the_policy_and_the_comments_behind_it_are_read(
    base, dialog, policy, authors, said
):
    page = read(render(f"{base}/consent.html?dialog={dialog}", RenderLimits(consent=policy)))
    assert [c.author for c in page.comments] == authors
    warnings = {w.code: w.message for w in page.warnings}
    assert said in warnings["consent_dialog"]
    assert warnings["consent_dialog"].count("by clicking") == 1
    assert ("had no reject button" in warnings["consent_dialog"]) == (dialog == "accept-only")
    assert ("only with consent may be missing" in warnings["consent_dialog"]) == (said.startswith("rejected"))
    assert "Orla Penwarden" in page.text
    for consent in ("partners", "Partner", "privacy", "Privatsphäre", "Reject all", "Alle ablehnen", "Zustimmen"):
        assert consent not in page.text


def test_a_consent_dialog_left_alone_is_neither_article_nor_comments_and_says_so(base):
    runner = CliRunner()
    url = f"{base}/consent.html?dialog=page"
    result = runner.invoke(app, ["analyze", url, "--render", "--set", "read.consent=leave", "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["comments"] == []  # they mount only once the dialog is answered
    assert [w["message"] for w in data["warnings"] if w["code"] == "consent_dialog"] == [
        "a consent dialog was left as it was (the consent policy is 'leave' (settings.RENDER_CONSENT; --set "
        "read.consent=reject|accept|leave)); what it hides, comments included, may be missing"
    ]
    text = "\n".join(block["text"] for block in data["blocks"])
    assert "Orla Penwarden" in text
    assert "Wir und unsere Partner" not in text and "Einstellungen" not in text


def test_a_consent_dialog_with_no_answer_to_click_is_left_and_said_so(base):
    page = read(render(f"{base}/consent.html?dialog=settings-only"))  # "Einstellungen" is no answer
    assert page.comments == []
    assert [w.message.split(" (")[0] for w in page.warnings if w.code == "consent_dialog"] == [
        "a consent dialog was found, but no button of it reads as a reject or accept button, and it was left as it was"
    ]
    assert "Orla Penwarden" in page.text and "Wir und unsere Partner" not in page.text


def test_an_unknown_consent_policy_is_refused_before_anything_starts(base):
    with pytest.raises(ConfigError, match="unknown consent policy"):
        render(f"{base}/consent.html", RenderLimits(consent="maybe"))
    result = CliRunner().invoke(app, ["analyze", f"{base}/consent.html", "--render", "--set", "read.consent=maybe"])
    assert result.exit_code == 2
    assert result.output == "error: unknown consent policy 'maybe' (known: reject, accept, leave)\n"


def test_load_more_buttons_and_reply_toggles_are_clicked_but_never_a_form(base):
    fetched = render(f"{base}/loadmore.html")
    page = read(fetched)
    by_author = {c.author: c for c in page.comments}
    assert sorted(by_author) == sorted(
        ["Greer Ashdown", "Lowen Stacey", "Morwen Pascoe", "Caden Rowse", "Ysolde Penrose", "Kitto Bray"]
    )
    assert by_author["Lowen Stacey"].reply_to == by_author["Greer Ashdown"].id
    assert "SUBMITTED" not in fetched.data.decode()  # "Post Comment" was never pressed
    assert page.title == "Library extends opening hours through the exam season"


def test_a_script_that_never_ends_is_stopped_and_what_rendered_is_read_with_a_warning(base):
    started = time.monotonic()
    fetched = render(f"{base}/forever.html", SHORT)
    assert time.monotonic() - started < SHORT.total + 10  # bounded (the margin: starting and closing Chromium)
    page = read(fetched)
    assert [c.author for c in page.comments] == ["Senara Tonkin", "Jago Menhenick"]  # Jago's came by script
    assert "render_incomplete" in [w.code for w in page.warnings]


def test_a_script_that_holds_the_page_before_it_parsed_is_bounded_too(base):
    started = time.monotonic()
    page = read(render(f"{base}/stuck.html", SHORT))
    assert time.monotonic() - started < SHORT.total + 10
    assert "would hold the page for ever" in page.text
    assert "parsed only once the script has been stopped" in page.text  # stopping it let the parser finish
    assert "render_incomplete" in [w.code for w in page.warnings]


def test_a_page_cannot_leave_open_popups_or_download(base):
    fetched = render(f"{base}/leaves.html")
    page = read(fetched)
    assert fetched.url == f"{base}/leaves.html"
    assert page.title == "Library extends opening hours through the exam season"  # not article.html's
    assert "Ilse Marrow" in page.text


@pytest.mark.parametrize(
    ("path", "limits", "error"),
    [
        ("/slow", RenderLimits(total=1.5), FetchTimeout),  # a server that holds the answer past the limit
        ("/drip", RenderLimits(total=1.5), FetchTimeout),  # one that sends a byte at a time past it
        ("/loop-a", RenderLimits(), TooManyRedirects),
        ("/big", RenderLimits(), PageTooLarge),  # 20 MB, no Content-Length: dropped as it streams
        ("/big-declared", RenderLimits(), PageTooLarge),
    ],
)
def test_a_misbehaving_server_is_bounded_before_the_browser_starts_on_it(base, path, limits, error):
    started = time.monotonic()
    with pytest.raises(error):
        render(f"{base}{path}", limits)
    assert time.monotonic() - started < min(limits.total, 10.0) + 5


def test_a_widget_whose_server_hangs_or_drips_is_bounded_and_the_page_read(base):
    started = time.monotonic()
    page = read(render(f"{base}/slowwidget.html", SHORT))
    assert time.monotonic() - started < SHORT.total + 10
    assert "Ilse Marrow" in page.text
    assert page.comments == []


def test_fetch_errors_come_first(base):
    with pytest.raises(HTTPStatusError):
        render(f"{base}/nothing-here.html")


def test_a_missing_chromium_says_how_to_install_it(base, monkeypatch):
    monkeypatch.setenv("RASHOMON_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(RenderUnavailable, match="no such file"):
        render(f"{base}/article.html")


def test_analyze_and_comments_render_from_the_command_line(base):
    runner = CliRunner()
    result = runner.invoke(app, ["comments", f"{base}/delayed.html", "--render"])
    assert result.exit_code == 0, result.output
    assert [c["author"] for c in json.loads(result.stdout)["comments"]] == ["Nell Brightwater", "Piers Oakhurst"]
    result = runner.invoke(app, ["analyze", f"{base}/disqus.html", "--render", "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["comments"]) == 5


def test_batch_renders_the_urls_of_a_url_list_in_its_workers(base, tmp_path):
    from rashomon.batch import run_batch
    from rashomon.batch.query import query
    from rashomon.options import Options, ReadOptions

    urls = tmp_path / "pages.urls"
    urls.write_text(f"{base}/delayed.html\n{base}/nothing-here.html\n")
    options = Options(stages=(), read=ReadOptions(render=True))
    summary = run_batch([str(urls)], tmp_path / "out", workers=1, options=options, progress=False)
    assert summary.pages == 1 and summary.failed == 1
    pages, _ = query(tmp_path / "out", "SELECT url, n_comments FROM pages")
    assert pages == [(f"{base}/delayed.html", 2)]  # the comments only a browser sees
    errors, _ = query(tmp_path / "out", "SELECT stage, error_type FROM errors")
    assert errors == [("fetch", "HTTPStatusError")]
