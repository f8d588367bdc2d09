"""URLs as input (``rashomon analyze http://…``, ``compare``, ``batch``): every fetch limit and failure, on a
loopback server of our own pages (:mod:`tests.fixture_server`)."""

from __future__ import annotations

import json
import socket
import sys
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon import settings
from rashomon.cli import app
from rashomon.errors import (
    ConnectionFailed,
    FetchTimeout,
    HTTPStatusError,
    InputError,
    NotAPage,
    PageTooLarge,
    RenderUnavailable,
    TooManyRedirects,
    URLNotAllowed,
)
from rashomon.read import fetch_url, read
from rashomon.read.fetch import check_url, fetch, is_url, parse_content_type
from tests.fixture_server import FIXTURES, serve

runner = CliRunner()


@pytest.fixture(scope="module")
def base():
    with serve() as url:
        yield url


def test_a_redirect_is_followed_and_the_final_url_is_the_pages(base):
    fetched = fetch(f"{base}/redirect-twice")
    assert fetched.url == f"{base}/article.html"
    assert fetched.requested_url == f"{base}/redirect-twice"
    assert fetched.redirects == (f"{base}/redirect", f"{base}/article.html")
    page = read(fetched)
    assert page.url == f"{base}/article.html"
    assert page.title == "Harbour ferry to resume on Monday after repairs"
    assert page.publisher == "The Tidewater Courier"
    assert [c.author for c in page.comments] == ["Jory Penhale", "Tamsin Hocking", "Bryok Trelawny"]


def test_a_url_the_caller_names_wins_over_the_fetched_one(base):
    page = read(fetch(f"{base}/redirect"), url="https://tidewater-courier.invalid/ferry")
    assert page.url == "https://tidewater-courier.invalid/ferry"


def test_a_page_without_a_site_name_falls_back_to_the_final_urls_host(base):
    page = read(fetch(f"{base}/latin1"))
    assert page.publisher is not None and page.publisher.startswith("127.0.0.1")


def test_a_redirect_loop_is_named_as_a_loop(base):
    with pytest.raises(TooManyRedirects, match="redirect loop") as caught:
        fetch(f"{base}/loop-a")
    assert "/loop-b" in str(caught.value)


def test_a_redirect_back_to_the_same_url_with_a_cookie_is_no_loop(base):
    fetched = fetch(f"{base}/cookie-check")
    assert fetched.url == f"{base}/cookie-check" and b"Harbour ferry" in fetched.data


def test_a_chain_longer_than_the_limit_is_refused(base):
    with pytest.raises(TooManyRedirects, match="more than 1 redirects"):
        fetch(f"{base}/redirect-twice", max_redirects=1)
    assert fetch(f"{base}/redirect-twice", max_redirects=2).url.endswith("/article.html")


def test_a_redirect_to_another_scheme_is_not_followed(base):
    with pytest.raises(URLNotAllowed, match="only http and https"):
        fetch(f"{base}/to-file")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://ftp.invalid/page.html", "javascript:alert(1)", "http://"])
def test_only_http_and_https_urls_are_fetched(url):
    with pytest.raises(URLNotAllowed):
        fetch(url)


def test_a_server_that_does_not_answer_is_a_timeout(base):
    with pytest.raises(FetchTimeout, match="no answer"):
        fetch(f"{base}/slow", read_timeout=0.5)


def test_a_server_that_drips_is_stopped_by_the_total_limit(base):
    with pytest.raises(FetchTimeout, match="did not finish arriving"):
        fetch(f"{base}/drip", total_timeout=1.0, read_timeout=3.0)


def test_a_20_mb_page_is_refused_while_it_streams_without_being_held_in_memory(base):
    tracemalloc.start()
    try:
        with pytest.raises(PageTooLarge, match="over the 2 MB limit"):
            fetch(f"{base}/big", max_bytes=2_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # the 20 MB body was dropped past the limit, not read whole


def test_a_gzip_bomb_is_refused_without_being_inflated_whole(base):
    tracemalloc.start()
    try:
        with pytest.raises(PageTooLarge, match="over the 2 MB limit"):
            fetch(f"{base}/bomb", max_bytes=2_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # 64 MB of markup behind 64 KB of gzip, inflated no further than the limit


@pytest.mark.parametrize("path", ["/gzipped", "/deflated"])
def test_compressed_pages_are_read(base, path):
    fetched = fetch(f"{base}{path}")
    assert fetched.data == (FIXTURES / "article.html").read_bytes()


def test_an_encoding_not_asked_for_is_refused(base):
    with pytest.raises(NotAPage, match="'br'"):
        fetch(f"{base}/brotli")


def test_a_declared_length_over_the_limit_is_refused_before_the_body(base):
    with pytest.raises(PageTooLarge, match=r"21\.0 MB is over the 10 MB limit"):
        fetch(f"{base}/big-declared")


@pytest.mark.parametrize("path, status", [("/nothing-here.html", 404), ("/server-error", 503)])
def test_an_error_status_is_an_error_with_the_status(base, path, status):
    with pytest.raises(HTTPStatusError, match=f"answered {status}") as caught:
        fetch(base + path)
    assert caught.value.status == status


@pytest.mark.parametrize("path, media_type", [("/image", "image/png"), ("/data", "application/json")])
def test_what_is_not_a_page_is_refused_by_its_media_type(base, path, media_type):
    with pytest.raises(NotAPage, match=media_type):
        fetch(base + path)


def test_a_body_without_a_media_type_is_read_by_its_markup(base):
    fetched = fetch(f"{base}/no-type")
    assert fetched.media_type is None and fetched.kind == "auto"
    assert read(fetched).title == "Harbour ferry to resume on Monday after repairs"


def test_the_charset_named_in_the_header_decodes_the_page(base):
    fetched = fetch(f"{base}/latin1")
    assert fetched.charset == "iso8859-1"
    page = read(fetched)
    assert page.title == "Café reopens on the quay"
    assert "crème brûlée" in page.text
    assert "invalid_utf8" not in [w.code for w in page.warnings]


def test_a_refused_connection_is_a_connection_error():
    with socket.socket() as sock:  # a port nobody listens on: bound, never listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        with pytest.raises(ConnectionFailed, match="refused"):
            fetch(f"http://127.0.0.1:{port}/", connect_timeout=2.0)


def test_the_user_agent_names_rashomon(base):
    assert fetch(f"{base}/user-agent").data.startswith(b"rashomon/")


def test_urls_are_told_from_file_names():
    assert is_url("https://example.invalid/a") and is_url(" http://example.invalid") and is_url("file:///x")
    assert not is_url("page.html") and not is_url("C:\\pages\\a.html") and not is_url("-")
    assert check_url(" https://example.invalid/a ") == "https://example.invalid/a"
    assert parse_content_type('text/HTML; Charset="windows-1252"') == ("text/html", "cp1252")
    assert parse_content_type("text/html; charset=base64") == ("text/html", None)  # no character set


def test_every_fetch_failure_is_an_input_error():
    for error in (ConnectionFailed, FetchTimeout, HTTPStatusError, NotAPage, PageTooLarge, TooManyRedirects):
        assert issubclass(error, InputError)


# --- the commands ------------------------------------------------------------------------------------------


def test_analyze_reads_a_url_end_to_end(base):
    result = runner.invoke(app, ["analyze", f"{base}/redirect", "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["page"]["url"] == f"{base}/article.html"
    assert data["page"]["title"] == "Harbour ferry to resume on Monday after repairs"
    assert data["page"]["publisher"] == "The Tidewater Courier"
    assert [c["author"] for c in data["comments"]] == ["Jory Penhale", "Tamsin Hocking", "Bryok Trelawny"]
    assert any(s["name"] == "Dana Whitcombe" for s in data["sources"])  # the stages ran on the fetched article


@pytest.mark.parametrize(
    "path, message",
    [
        ("/loop-a", "redirect loop"),
        ("/big", "over the 10 MB limit"),
        ("/nothing-here.html", "answered 404"),
        ("/data", "not a web page"),
        ("/slow", "no answer within the time limit"),
    ],
)
def test_analyze_gives_one_line_for_each_fetch_failure(base, monkeypatch, path, message):
    monkeypatch.setattr(settings, "FETCH_READ_TIMEOUT", 0.5)
    result = runner.invoke(app, ["analyze", base + path, "--stages", "attribution"])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert result.output.startswith("error: ")


def test_render_is_for_urls_and_names_how_to_install_when_missing(base, monkeypatch, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>A page on disk.</p></body></html>")
    result = runner.invoke(app, ["analyze", str(page), "--render"])
    assert result.exit_code == 2 and "--render reads a URL" in result.output
    monkeypatch.setitem(sys.modules, "playwright.async_api", None)  # import fails as if not installed
    with pytest.raises(RenderUnavailable, match=r"pip install 'rashomon\[render\]'"):
        fetch_url(f"{base}/article.html", render=True)
    result = runner.invoke(app, ["analyze", f"{base}/article.html", "--render"])
    assert result.exit_code == 2 and "apt install chromium" in result.output


def test_compare_takes_urls(base):
    result = runner.invoke(app, ["compare", f"{base}/article.html", f"{base}/latin1", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "no such file" not in result.output


def test_batch_fetches_urls_given_as_inputs_and_in_url_lists(base, tmp_path: Path):
    from rashomon.batch import run_batch
    from rashomon.batch.query import query

    urls = tmp_path / "feeds.urls"
    urls.write_text(
        f"# the island papers\n{base}/redirect\n\n{base}/nothing-here.html\nftp://ftp.invalid/page\n{base}/latin1\n"
    )
    summary = run_batch([str(urls), f"{base}/no-type"], tmp_path / "out", workers=1, stage_names=(), progress=False)
    assert summary.pages == 3 and summary.failed == 2
    pages, _ = query(tmp_path / "out", "SELECT url, title FROM pages ORDER BY url")
    assert pages == [
        (f"{base}/article.html", "Harbour ferry to resume on Monday after repairs"),
        (f"{base}/latin1", "Café reopens on the quay"),
        (f"{base}/no-type", "Harbour ferry to resume on Monday after repairs"),
    ]
    errors, _ = query(tmp_path / "out", "SELECT stage, error_type, message FROM errors ORDER BY error_type")
    assert [(e[0], e[1]) for e in errors] == [("corpus", "CorpusError"), ("fetch", "HTTPStatusError")]
    assert "only http and https" in errors[0][2]


def test_a_url_list_gives_a_record_a_url_and_an_error_record_for_a_line_that_is_none(tmp_path: Path):
    from rashomon.read.corpus import MAX_URL_BYTES, expand_inputs, iter_records, record_id

    urls = tmp_path / "papers.urls"
    long_line = b"https://tidewater-courier.invalid/" + b"x" * MAX_URL_BYTES
    urls.write_bytes(
        b"# island papers\nhttps://tidewater-courier.invalid/a\n\n  https://tidewater-courier.invalid/b  \n"
        b"not a url\n" + long_line + b"\nhttps://tidewater-courier.invalid/c"
    )
    records = list(iter_records([urls, "https://pellow-post.invalid/d", "https://pellow-post.invalid/d"]))
    good = [r for r in records if r.ok]
    assert [r.url for r in good] == [
        "https://tidewater-courier.invalid/a",
        "https://tidewater-courier.invalid/b",
        "https://tidewater-courier.invalid/c",
        "https://pellow-post.invalid/d",  # named twice, read once
    ]
    assert all(r.kind == "url" and r.content is None for r in good)
    assert good[0].id == record_id(str(urls.resolve()), len(b"# island papers\n"))
    assert good[-1].id == record_id("https://pellow-post.invalid/d", 0)
    bad = [r.error for r in records if not r.ok]
    assert len(bad) == 2 and "only http and https" in bad[0] and "over 8,192 bytes" in bad[1]
    with pytest.raises(URLNotAllowed):  # before anything runs
        expand_inputs([str(urls), "file:///etc/passwd"])


def test_the_api_analyzes_a_fetched_url(base):
    import rashomon

    analysis = rashomon.analyze(rashomon.fetch_url(f"{base}/redirect"), stage_names=())
    assert analysis.page.url == f"{base}/article.html" and len(analysis.page.comments) == 3
