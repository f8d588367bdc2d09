"""URLs in the web app: the form and the API fetch a page given by its address, with the reader's limits, a plain
4xx for every failure, and (by default) nothing from private, loopback or link-local addresses (SSRF). On the
loopback fixture server of :mod:`tests.fixture_server`, which the tests reach by allowing private addresses."""

from __future__ import annotations

import warnings

import pytest

import rashomon
from rashomon import settings
from rashomon.errors import AddressNotAllowed, ConnectionFailed
from rashomon.read import fetch as fetch_module
from rashomon.read.fetch import fetch, is_public_address
from rashomon.web import create_app
from tests.fixture_server import serve

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TITLE = "Harbour ferry to resume on Monday after repairs"
AUTHORS = ["Jory Penhale", "Tamsin Hocking", "Bryok Trelawny"]


@pytest.fixture(scope="module")
def base():
    with serve() as url:
        yield url


def read_only(data, **options):
    """The real reader and no analysis stage: what the app made of the fetched page, quickly."""
    return rashomon.analyze(data, stage_names=(), **options)


def app_client(tmp_path, **kwargs) -> TestClient:
    return TestClient(create_app(tmp_path / "store.db", analyze=read_only, **kwargs), raise_server_exceptions=False)


# --- the address check itself -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.9", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # shared address space (CGNAT)
        ("0.0.0.0", False),
        ("224.0.0.251", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4 written as IPv6
        ("not an address", False),
    ],
)
def test_only_public_addresses_are_public(address, public):
    assert is_public_address(address) is public


def test_a_public_only_fetch_refuses_loopback_by_address_and_by_name(base):
    port = base.rsplit(":", 1)[1]
    assert fetch(f"{base}/article.html").data  # the server is there
    for url in (
        f"{base}/article.html",
        f"http://localhost:{port}/article.html",  # a name resolving to loopback: refused where it connects
        f"http://2130706433:{port}/article.html",  # 127.0.0.1 as one number
        f"http://[::ffff:127.0.0.1]:{port}/article.html",
    ):
        with pytest.raises(AddressNotAllowed, match="not a public address") as caught:
            fetch(url, public_only=True)
        assert str(caught.value).startswith(url)


def test_a_public_only_fetch_checks_every_redirect(base, monkeypatch):
    # the loopback server stands for a public one; its redirect to 10.255.255.1 must still be refused
    monkeypatch.setattr(fetch_module, "is_public_address", lambda a: a == "127.0.0.1")
    assert fetch(f"{base}/redirect", public_only=True).url == f"{base}/article.html"
    with pytest.raises(AddressNotAllowed, match="10.255.255.1"):
        fetch(f"{base}/to-private", public_only=True)


def test_an_unknown_host_is_still_a_connection_error_when_public_only():
    with pytest.raises(ConnectionFailed, match="no such host"):
        fetch("http://no-such-host.invalid/", public_only=True)


# --- the app ------------------------------------------------------------------------------------------------
def test_the_api_fetches_a_url_and_stores_its_page(base, tmp_path):
    client = app_client(tmp_path, fetch_private=True)
    response = client.post("/api/analyze", json={"url": f"{base}/redirect"})
    assert response.status_code == 200, response.text
    analysis = response.json()["analysis"]
    assert analysis["page"]["url"] == f"{base}/article.html"  # the final URL, after the redirect
    assert analysis["page"]["title"] == TITLE
    assert [c["author"] for c in analysis["comments"]] == AUTHORS
    assert client.get(response.json()["report_url"]).status_code == 200


def test_the_form_fetches_the_address_when_nothing_is_pasted(base, tmp_path):
    client = app_client(tmp_path, fetch_private=True)
    response = client.post("/analyze", data={"text": "  ", "url": f"{base}/latin1"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    stored = client.get(f"/api/pages/{response.headers['location'].rsplit('/', 1)[1]}").json()
    assert stored["page"]["title"] == "Café reopens on the quay"  # the charset the header named decoded it
    assert stored["page"]["url"] == f"{base}/latin1"


def test_a_pasted_page_wins_and_its_address_is_only_recorded(tmp_path):
    calls = []

    def record(data, **options):
        calls.append((data, options.get("url")))
        return read_only(data, **options)

    client = TestClient(create_app(tmp_path / "s.db", analyze=record))
    text = "Quay reopens\n\nThe quay reopened on Saturday after the winter storms, the harbour master said."
    url = "http://10.255.255.1/never-fetched"
    assert client.post("/api/analyze", json={"text": text, "url": url}).status_code == 200
    assert client.post("/analyze", data={"text": text, "url": url}, follow_redirects=False).status_code == 303
    assert calls == [(text.encode(), url)] * 2


def test_by_default_the_app_refuses_private_addresses(base, tmp_path):
    assert settings.WEB_FETCH_PRIVATE_ADDRESSES is False
    client = app_client(tmp_path)
    response = client.post("/api/analyze", json={"url": f"{base}/article.html"})
    assert response.status_code == 400 and "not a public address" in response.json()["detail"]
    form = client.post("/analyze", data={"url": f"{base}/article.html"})
    assert form.status_code == 400 and "not a public address" in form.text
    assert client.get("/api/pages").json()["total"] == 0


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"url": "/redirect"}, 400, "no scheme"),
        ({"url": "file:///etc/passwd"}, 400, "only http and https"),
        ({"url": "{base}/to-file"}, 400, "only http and https URLs are followed"),
        ({"url": "{base}/missing.html"}, 422, "answered 404"),
        ({"url": "{base}/server-error"}, 422, "answered 503"),
        ({"url": "{base}/loop-a"}, 422, "redirect loop"),
        ({"url": "{base}/image"}, 422, "not a web page"),
        ({"url": "{base}/big"}, 422, "over the 2 MB limit"),
        ({"url": "{base}/slow"}, 422, "within the time limit"),
        ({"url": "{base}/drip"}, 422, "did not finish arriving"),
        ({"url": "http://no-such-host.invalid/"}, 422, "no such host"),
        ({}, 400, "text, or its url"),
    ],
)
def test_every_fetch_failure_is_a_plain_4xx(base, tmp_path, monkeypatch, payload, status, message):
    monkeypatch.setattr(settings, "FETCH_READ_TIMEOUT", 0.5)
    monkeypatch.setattr(settings, "FETCH_TOTAL_TIMEOUT", 1.5)
    client = TestClient(
        create_app(tmp_path / "s.db", analyze=read_only, fetch_private=True, max_page_bytes=2_000_000),
        raise_server_exceptions=False,
    )
    body = {k: v.format(base=base) for k, v in payload.items()}
    response = client.post("/api/analyze", json=body)
    assert response.status_code == status, response.text
    assert message in response.json()["detail"]
    if body:  # the form says the same, in a page
        form = client.post("/analyze", data=body)
        assert form.status_code == status and message in form.text
    assert client.get("/api/pages").json()["total"] == 0


def test_fetches_past_the_concurrency_bound_get_429(base, tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "WEB_FETCH_CONCURRENCY", 0)
    client = app_client(tmp_path, fetch_private=True)
    response = client.post("/api/analyze", json={"url": f"{base}/article.html"})
    assert response.status_code == 429 and response.headers["retry-after"]
